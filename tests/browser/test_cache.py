"""The service worker (docs/sw.js): a returning visitor does not download Pyodide again, and pages
are never served from its cache. Counted on the server, which this module runs itself.

Uses a browser profile on disk (as a visitor has), not an in-memory context: the worker copies
the runtime from the HTTP cache, and an in-memory cache does not keep a file as big as the wasm.
"""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from sitebuild import SUBPATH, QuietHandler, build, cli
from test_rekenhulp import total_text, unfold, use_rekenhulp

PYODIDE_WAIT_MS = 90_000
WASM = "pyodide.asm.wasm"


class Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.paths: list[tuple[str, int]] = []

    def mark(self) -> int:
        with self.lock:
            return len(self.paths)

    def since(self, mark: int) -> list[tuple[str, int]]:
        with self.lock:
            return list(self.paths[mark:])


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site, built strictly, served with GitHub Pages' `max-age=600`; every request logged."""
    log = Log()

    class Handler(QuietHandler):
        def send_response(self, code, message=None):
            with log.lock:
                log.paths.append((urlsplit(self.path).path, code))
            super().send_response(code, message)

        def end_headers(self):
            self.send_header("Cache-Control", "max-age=600")
            super().end_headers()

    root = tmp_path_factory.mktemp("www-cache")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        build(root, base)
        yield f"{base}/{SUBPATH}/", log
    finally:
        server.shutdown()
        server.server_close()


def worker_state(page) -> str:
    """The state of the site's service worker, which the page registers once the rekenhulp is ready."""
    return page.evaluate(
        """async () => {
          let registration;
          for (let i = 0; i < 50 && !registration; i++) {
            registration = await navigator.serviceWorker.getRegistration();
            if (!registration) await new Promise((r) => setTimeout(r, 100));
          }
          if (!registration) return "niet geregistreerd";
          const ready = await Promise.race([
            navigator.serviceWorker.ready,
            new Promise((r) => setTimeout(() => r(null), 60000)),
          ]);
          return ready?.active?.state ?? "niet actief";
        }"""
    )


def answers_changed_input(page) -> None:
    widget = page.locator(".rekenhulp").first
    unfold(widget)  # the home page shows it compact
    values = {
        el.get_attribute("name"): el.input_value() for el in widget.locator(".rh-invoer").all()
    }
    values["doelgroeppeuters"] = str(int(values["doelgroeppeuters"]) + 7)
    status, result = cli("uren", values)
    assert status == 0
    box = widget.locator('.rh-invoer[name="doelgroeppeuters"]')
    box.fill(values["doelgroeppeuters"])
    box.press("Tab")
    total = widget.locator('[data-uitkomst="totaal"]')
    total.filter(has_text=total_text(result)).wait_for(timeout=PYODIDE_WAIT_MS)


def test_built_service_worker_has_its_versions(served, disk_context):
    url, _ = served
    page = disk_context.new_page()
    response = page.goto(url + "sw.js")
    text = response.text()
    assert response.ok
    for placeholder in (
        "__PYODIDE_DIR__",
        "__PYODIDE_FILES__",
        "__PYTHON_STDLIB__",
        "__CALC_WHEEL__",
    ):
        assert placeholder not in text
    assert "assets/pyodide/" in text and "assets/calc/" in text


def test_repeat_visit_after_cache_expiry_does_not_download_pyodide(served, disk_context):
    url, log = served
    page = disk_context.new_page()
    first = log.mark()
    page.goto(url)
    use_rekenhulp(page)
    assert worker_state(page) in ("activated", "activating")
    wasm = [p for p, _ in log.since(first) if p.endswith(WASM)]
    assert len(wasm) == 1, "the first visit downloads the runtime once, the worker copies it"

    # The HTTP cache has expired (GitHub Pages: 10 minutes); the service worker is kept.
    cdp = disk_context.new_cdp_session(page)
    cdp.send("Network.clearBrowserCache")
    again = log.mark()
    response = page.reload()
    use_rekenhulp(page)
    answers_changed_input(page)
    requests = log.since(again)
    assert not [p for p, _ in requests if "/assets/pyodide/" in p or "/assets/calc/" in p]
    # The page itself came from the server, not from the worker's cache.
    assert (f"/{SUBPATH}/", 200) in requests
    assert not response.from_service_worker


def test_cache_holds_only_versioned_files(served, disk_context):
    url, _ = served
    page = disk_context.new_page()
    page.goto(url)
    use_rekenhulp(page)
    assert worker_state(page) in ("activated", "activating")
    page.goto(url + "rekenregels/")  # a second page, under the worker's control
    use_rekenhulp(page)
    cached = page.evaluate(
        """async () => {
          const urls = [];
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) urls.push([name, request.url]);
          }
          return urls;
        }"""
    )
    assert cached, "the service worker cached nothing"
    for name, cached_url in cached:
        path = urlsplit(cached_url).path
        assert cached_url.startswith(name), (name, cached_url)
        assert path.startswith((f"/{SUBPATH}/assets/pyodide/", f"/{SUBPATH}/assets/calc/")), path
        assert not path.endswith((".html", "/")), path
