"""Builds the site for a GitHub Pages-like sub-path and serves it on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "pbm-wijzer"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files the way GitHub Pages does (types, `Cache-Control: max-age=600`), silently.

    When the server has a `sent` list, each response is recorded in it as (path, status)."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        super().end_headers()

    def log_request(self, code="-", size="-"):
        sent = getattr(self.server, "sent", None)
        if sent is not None:
            sent.append((urllib.parse.unquote(urllib.parse.urlsplit(self.path).path), int(code)))

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(root: Path, sent: list | None = None):
    """Serve `root` on a free 127.0.0.1 port; yields the server's base URL. Every response is
    appended to `sent` as (path, status) if given."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.sent = sent
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def build(out_root: Path, base_url: str, project: Path = ROOT) -> Path:
    """`mkdocs build --strict` of `project` (a copy of the repository, or the repository itself)
    into out_root/SUBPATH with site_url pointing there."""
    site = out_root / SUBPATH
    if site.exists():
        shutil.rmtree(site)
    env = {**os.environ, "SITE_URL": f"{base_url}/{SUBPATH}/", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        # No --quiet: with it MkDocs 1.6 does not fail a strict build on warnings.
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        check=True,
    )
    return site


def emulate_line(page, mbit: float, latency_ms: int) -> None:
    """A slow line for `page` (Chromium's network emulation, which also holds its workers'
    downloads): `mbit` Mbit/s each way, `latency_ms` per request."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    bytes_per_s = mbit * 1_000_000 / 8
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency_ms,
            "downloadThroughput": bytes_per_s,
            "uploadThroughput": bytes_per_s,
        },
    )


def find_browser() -> str | None:
    """A Chromium to drive: $CHROMIUM_PATH, then the system's; None lets Playwright use its own."""
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    return None


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def cli(name: str, data: dict, project: Path = ROOT) -> tuple[int, dict]:
    """What `python -m calc NAME` prints for `data` (with the calc of `project`), and its exit
    status."""
    done = subprocess.run(
        [sys.executable, "-m", "calc", name],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        cwd=project,
        check=False,
    )
    return done.returncode, json.loads(done.stdout)


def site_pages(site_url: str, *, with_404: bool = False) -> list[str]:
    """Every page of the built site, from its sitemap (and the 404 page if asked)."""
    with urllib.request.urlopen(site_url + "sitemap.xml") as response:
        tree = ET.fromstring(response.read())
    pages = [
        loc.text.strip() for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert pages and all(url.startswith(site_url) for url in pages), pages
    return [*pages, site_url + "404.html"] if with_404 else pages
