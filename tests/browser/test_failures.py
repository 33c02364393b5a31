"""When Pyodide cannot start, the page says so in Dutch and the built-in answers stay readable.

Each case intercepts the requests of the page and its worker (Playwright routes) to simulate a
failure: the wasm file missing (404), served with a wrong MIME type, corrupt, too big for the
memory the browser grants (out of memory), never answered (a hang: the page's clock is
fast-forwarded past the stall timeout of the engine instead of waiting 30 s), and the calc wheel
missing. The runtime loads when the rekenhulp is first used, so each case clicks into a field.
"""

from __future__ import annotations

import re
import time
import urllib.request

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sitebuild import ROOT, site_pages

WAIT = 60_000  # ms, the ceiling for anything the page does by itself
# The first number field of a rekenhulp: letters there are always an error.
NUMBER_FIELD = ".rh-form input.rh-invoer[type=text]:is([inputmode=numeric], [inputmode=decimal])"
SOON = 15_000  # ms: "within seconds"; still well below the 30 s stall timeout of the engine
ENGINE = ROOT / "docs" / "assets" / "javascripts" / "rekenhulp" / "engine.js"
# How long loading may go without any byte arriving, read from engine.js (one place for it).
STALL_TIMEOUT_MS = int(
    re.search(r"STALL_TIMEOUT_MS = ([\d_]+)", ENGINE.read_text())[1].replace("_", "")
)

WASM = re.compile(r".*/pyodide\.asm\.wasm$")
WHEEL = re.compile(r".*/assets/calc/.*\.whl$")
PYODIDE_MJS = re.compile(r".*/pyodide\.mjs$")
# Every file the worker downloads beside the scripts: the wasm, the standard library, the wheel.
RUNTIME_DATA = re.compile(r".*/(pyodide\.asm\.wasm|[^/]*stdlib[^/]*\.zip|[^/]*\.whl)$")


@pytest.fixture(scope="module")
def widget_page(site_url) -> str:
    """The first page with a rekenhulp and a rule table (a page the failures must not spoil)."""
    for url in site_pages(site_url):
        with urllib.request.urlopen(url) as response:
            if 'class="rekenhulp"' in response.read().decode("utf-8"):
                return url
    pytest.fail("no page of the site has a rekenhulp")


def not_found(route):
    route.fulfill(status=404, content_type="text/plain", body="Not Found")


def wrong_mime(route):
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers, "content-type": "text/plain"})


def corrupt(route):
    route.fulfill(
        status=200, content_type="application/wasm", body=b"\x00asm\x01\x00\x00\x00garbage"
    )


# What Chromium throws when it cannot reserve a WebAssembly instance's memory.
OUT_OF_MEMORY = (
    "const oom = () => { throw new RangeError('WebAssembly.Memory(): could not allocate memory'); };\n"
    "const rejectOom = () => Promise.reject(new RangeError("
    "'WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance'));\n"
    "WebAssembly.Memory = oom; WebAssembly.instantiate = rejectOom;"
    " WebAssembly.instantiateStreaming = rejectOom;\n"
)


def out_of_memory(route):
    response = route.fetch()
    route.fulfill(response=response, body=OUT_OF_MEMORY + response.text())


hanging: list = []


def hang(route):
    hanging.append(route)  # never answered: the request stays open until the test ends


CASES = {
    "wasm-404": (WASM, not_found),
    "wasm-mime": (WASM, wrong_mime),
    "wasm-corrupt": (WASM, corrupt),
    "out-of-memory": (PYODIDE_MJS, out_of_memory),
    "wheel-404": (WHEEL, not_found),
}


def built_in(page) -> list[str]:
    """The texts of every answer and rule table, as the built page has them."""
    return page.locator(".rh-resultaat").all_inner_texts()


def assert_still_readable(page, before: list[str]) -> None:
    status = page.locator(".rh-status").first
    assert "kon niet worden geladen" in status.inner_text()
    assert page.locator(".rekenhulp").first.get_attribute("data-staat") == "mislukt"
    assert built_in(page) == before, "the built-in answers stay as they were"
    for table in page.locator(".rh-resultaat table").all():
        assert table.is_visible()
    # Submitting now neither hangs nor clears the answer: the page has said what is wrong.
    page.locator(NUMBER_FIELD).first.press("Enter")
    assert built_in(page) == before


def open_with_failure(browser, url, pattern, handler):
    """A fresh page whose requests matching `pattern` (page or worker) go to `handler`."""
    context = browser.new_context(locale="nl-NL", service_workers="block")
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.clock.install()  # timers run as usual until fast_forward jumps ahead
    page.console_texts = []  # the worker's console messages arrive here too
    page.on("console", lambda message: page.console_texts.append(message.text))
    context.route(pattern, handler)  # the context's routes also see the worker's requests
    page.goto(url, wait_until="domcontentloaded")
    before = built_in(page)
    assert before and all(text.strip() for text in before)
    with page.expect_request(lambda request: pattern.match(request.url), timeout=WAIT):
        page.locator(NUMBER_FIELD).first.click()  # using the rekenhulp starts the runtime
    return context, page, before


def reported_soon(page, failed) -> bool:
    """Whether the page reports the failure within seconds.

    Waits up to SOON; once Pyodide has logged "wasm instantiation failed!" the page has had its
    signal, and a page that reacts to it does so at once, so then only 5 s more are given.
    """
    deadline = time.monotonic() + SOON / 1000
    while time.monotonic() < deadline:
        if failed.count():
            return True
        if any("wasm instantiation failed" in text for text in page.console_texts):
            try:
                failed.wait_for(timeout=5_000)
                return True
            except PlaywrightTimeoutError:
                return False
        page.wait_for_timeout(100)  # Playwright's own timer, not the page's (installed) clock
    return False


@pytest.mark.parametrize("case", sorted(CASES))
def test_failure_is_reported_in_dutch(browser, widget_page, case):
    pattern, handler = CASES[case]
    context, page, before = open_with_failure(browser, widget_page, pattern, handler)
    failed = page.locator('.rh-status[data-status="mislukt"]').first
    try:
        # rekenhulp-worker.js fails on Pyodide's "wasm instantiation failed!" at once, so the
        # page says so within seconds, long before its 30 s load timeout.
        assert reported_soon(page, failed), (
            f"{case}: no Dutch message within seconds {page.console_texts}"
        )
        assert_still_readable(page, before)
    finally:
        context.close()


def test_a_hang_is_reported_after_the_stall_timeout(browser, widget_page):
    # Nothing of the runtime arrives: the worker's last sign of life is its report of 0 bytes.
    context, page, before = open_with_failure(browser, widget_page, RUNTIME_DATA, hang)
    try:
        assert page.locator(".rekenhulp").first.get_attribute("data-staat") == "laden"
        page.locator(".rh-voortgang", has_text="0 % geladen").first.wait_for()
        page.clock.fast_forward(STALL_TIMEOUT_MS + 1_000)
        page.locator('.rh-status[data-status="mislukt"]').first.wait_for(timeout=SOON)
        assert_still_readable(page, before)
    finally:
        hanging.clear()
        context.close()
