"""The runtime loads when a rekenhulp is used, shows how far it is, and waits for a slow line.

A reader who never touches a rekenhulp downloads nothing of Pyodide, the standard library or the
calc wheel (counted on the test server). Using one starts the runtime; the first input is answered
once it is ready. While it loads, the widget shows the share of the runtime's bytes that has
arrived. Loading fails only when it stalls: on an emulated 1.6 Mbit/s line with 150 ms latency the
whole takes longer than the engine's stall timeout, and the rekenhulp still gets ready.
"""

from __future__ import annotations

import re
import urllib.request
from urllib.parse import urlsplit

from sitebuild import emulate_line, site_pages
from test_a11y import axe
from test_current_answer import CURRENT, status, wait_current
from test_failures import STALL_TIMEOUT_MS
from test_rekenhulp import PYODIDE_WAIT_MS, READY, UREN_PAGE, form_values
from test_tables import same_as_cpython

RUNTIME = re.compile(r"/assets/(pyodide|calc)/|/rekenhulp-worker\.js$")
NOT_STARTED = "start zodra u iets invult"
SLOW_MBIT = 1.6
SLOW_LATENCY_MS = 150

# Records every state the first rekenhulp shows and every progress text, with the page's time.
WATCH = """() => {
  const root = document.querySelector(".rekenhulp");
  window.__states = [root.dataset.staat];
  window.__progress = [];
  const note = () => {
    if (root.dataset.staat !== window.__states.at(-1)) window.__states.push(root.dataset.staat);
    const box = root.querySelector(".rh-voortgang");
    const text = box && !box.hidden ? box.textContent.trim() : null;
    if (text && text !== window.__progress.at(-1)?.text)
      window.__progress.push({ text, at: performance.now() });
    if (root.dataset.staat === "klaar" && window.__klaar === undefined)
      window.__klaar = performance.now();
  };
  new MutationObserver(note).observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
  // Every write of the status line, a live region that a screen reader reads out on each change.
  window.__statusWrites = 0;
  new MutationObserver((records) => { window.__statusWrites += records.length; })
    .observe(root.querySelector(".rh-status"), { childList: true, characterData: true, subtree: true });
}"""


def runtime_requests(served, since: int) -> list[str]:
    return [path for path, _ in served[since:] if RUNTIME.search(path)]


def read_through(page) -> None:
    """Scroll the whole page down as a reader does, so every rekenhulp comes into view."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for _ in range(0, height, 400):
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(50)
    page.wait_for_timeout(1_000)  # idle: anything started on view or idle would be under way


def pages_with_a_rekenhulp(site_url: str) -> list[str]:
    found = []
    for url in site_pages(site_url):
        with urllib.request.urlopen(url) as response:
            if 'data-rekenhulp="' in response.read().decode("utf-8"):  # compact ones too
                found.append(url)
    assert found, "no page of the site has a rekenhulp"
    return found


def test_a_reader_downloads_no_runtime(page, site_url, served):
    pages = pages_with_a_rekenhulp(site_url)
    start = len(served)
    for url in pages:
        page.goto(url)
        read_through(page)
        for root in page.locator(".rekenhulp").all():
            assert root.get_attribute("data-staat") == "rust", url
            # Also in a compact rekenhulp, whose folded form holds the status line.
            assert NOT_STARTED in root.locator(".rh-status").text_content(), url
    # A menu link to another page with a rekenhulp (Material's instant navigation), read too.
    page.goto(pages[0])
    others = [urlsplit(url).path for url in pages[1:]]
    target = page.evaluate(
        """(paths) => {
          const link = [...document.querySelectorAll(".md-tabs__link, .md-nav__link")].find(
            (a) => a.href && paths.includes(new URL(a.href).pathname) && a.checkVisibility());
          if (!link) return null;
          link.dataset.test = "volgende";
          return new URL(link.href).pathname;
        }""",
        others,
    )
    assert target, "no visible menu link to another page with a rekenhulp"
    page.locator('a[data-test="volgende"]').click()
    page.wait_for_url(f"**{target}")
    read_through(page)
    assert page.locator(".rekenhulp").first.get_attribute("data-staat") == "rust"
    assert runtime_requests(served, start) == []


def test_the_first_input_is_answered_once_the_runtime_is_ready(page, site_url, served):
    held = []
    page.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # until released
    page.goto(site_url + UREN_PAGE)
    widget = page.locator(".rekenhulp").first
    assert NOT_STARTED in status(widget)
    start = len(served)
    field = widget.locator('.rh-invoer[name="doelgroeppeuters"]')
    field.fill("23")  # focus and input: the rekenhulp is being used
    field.press("Tab")
    while not held:  # the worker has asked for the runtime
        page.wait_for_timeout(100)
    assert CURRENT not in status(widget) and "zodra de rekenhulp klaar is" in status(widget)
    assert widget.locator(".rh-resultaat").get_attribute("data-actueel") == "nee"
    widget.locator(".rh-voortgang").wait_for()  # progress is shown while it loads
    held[0].continue_()
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    assert form_values(widget)["doelgroeppeuters"] == "23"
    wait_current(widget)  # the input made while loading is answered, without another change
    assert widget.locator(".rh-voortgang").is_hidden()
    assert any(path.endswith("pyodide.asm.wasm") for path in runtime_requests(served, start))


def test_a_slow_line_gets_ready_with_progress_and_never_fails(page, site_url):
    """1.6 Mbit/s and 150 ms latency (Chromium's network emulation, which also holds the worker's
    downloads): the runtime takes longer than the stall timeout, and bytes keep arriving."""
    emulate_line(page, SLOW_MBIT, SLOW_LATENCY_MS)
    page.goto(site_url + UREN_PAGE)
    widget = page.locator(".rekenhulp").first
    page.evaluate(WATCH)
    field = widget.locator('.rh-invoer[name="kindercentra"]')
    started = page.evaluate("performance.now()")
    field.fill("4")
    field.press("Tab")
    widget.locator(".rh-voortgang", has_text="% geladen").wait_for(timeout=PYODIDE_WAIT_MS)
    page.wait_for_function(
        "() => window.__klaar !== undefined || window.__states.includes('mislukt')",
        timeout=4 * PYODIDE_WAIT_MS,
    )
    states = page.evaluate("window.__states")
    assert "mislukt" not in states, states
    assert states[-1] == "klaar", states
    loading_ms = page.evaluate("window.__klaar") - started
    # The point of the test: a limit on the whole load would have failed here.
    assert loading_ms > STALL_TIMEOUT_MS, f"loaded in {loading_ms:.0f} ms: not slow enough to tell"
    progress = page.evaluate("window.__progress")
    percents = [int(m[1]) for p in progress if (m := re.match(r"(\d+) % geladen", p["text"]))]
    assert len(percents) >= 10 and percents == sorted(percents), percents
    assert progress[-1]["text"].startswith("Geladen"), progress[-1]
    # The status line changed with the state (laden, waiting for the answer, klaar), not with
    # every step of the progress: a screen reader reads out each change.
    assert page.evaluate("window.__statusWrites") <= 4, page.evaluate("window.__statusWrites")
    wait_current(widget)
    same_as_cpython(widget)


def test_the_loading_state_is_accessible(browser, site_url):
    # axe is injected as a script; the CSP itself is tested in test_privacy.
    context = browser.new_context(locale="nl-NL", service_workers="block", bypass_csp=True)
    held = []
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    try:
        page = context.new_page()
        page.goto(site_url + UREN_PAGE)
        widget = page.locator(".rekenhulp").first
        widget.locator("input.rh-invoer").first.click()
        widget.locator(".rh-voortgang", has_text="% geladen").wait_for()
        assert widget.locator(".rh-voortgang progress").get_attribute("aria-label")
        assert axe(page, "laden") == []
    finally:
        context.close()
