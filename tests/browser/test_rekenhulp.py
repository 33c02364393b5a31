"""The uren rekenhulp in a real browser: same answers as the CLI, before and after Pyodide."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sitebuild import cli

from calc import uren_html
from macros import FULL_PAGES

READY = '.rekenhulp[data-staat="klaar"]'
PYODIDE_WAIT_MS = 90_000


def full_page(name: str) -> str:
    """The path (from the site root) of rekenhulp `name`'s own page, where its form is open."""
    return FULL_PAGES[name].removesuffix(".md") + "/"


UREN_PAGE = full_page("uren")  # other pages show the rekenhulp compact, its form folded away


def unfold(widget) -> None:
    """Open a compact rekenhulp's form (a click on 'Reken met uw eigen getallen')."""
    fold = widget.locator("details.rh-invoervak:not([open]) > summary")
    if fold.count():
        fold.click()


def use_rekenhulp(page, widget=None):
    """Start using a rekenhulp as a visitor does, by clicking into its first field (which starts
    the runtime: nothing loads before), and wait until it is ready."""
    widget = widget or page.locator(".rekenhulp").first
    unfold(widget)  # a compact rekenhulp's form is folded away
    widget.locator("input.rh-invoer").first.click()
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)


def form_values(widget) -> dict:
    """What the form holds, in the shape the page sends to calc: scalars and table rows."""
    return widget.evaluate(
        """widget => {
          const root = widget.querySelector(".rh-form");
          const values = {};
          for (const c of root.querySelectorAll(".rh-veld > .rh-invoer")) values[c.name] = c.value;
          for (const t of root.querySelectorAll("table[data-tabel]")) {
            values[t.dataset.tabel] = [...t.tBodies[0].rows].map(row => Object.fromEntries(
              [...row.querySelectorAll("[data-kolom]")].map(c => [c.dataset.kolom, c.value])));
          }
          return values;
        }"""
    )


def shown(widget) -> dict:
    """What the widget's result shows: the total and per part its calculation and hours."""
    rows = {}
    for row in widget.locator(".rh-resultaat tbody tr[data-onderdeel]").all():
        # DOM text: a result table off screen is skipped by layout (content-visibility), so it
        # has no inner text until it is scrolled to.
        cells = [text.strip() for text in row.locator("td").all_text_contents()]
        rows[row.get_attribute("data-onderdeel")] = (cells[0], cells[1])
    return {"totaal": widget.locator('[data-uitkomst="totaal"]').inner_text(), "rows": rows}


def total_text(result: dict) -> str:
    """The total the page shows for an `uren` result (calc.uren_html words the numbers)."""
    return uren_html.words(result)["totaal"]


def expected(result: dict) -> dict:
    """What the page must show for a CLI result: calc's own wording of its numbers."""
    words = uren_html.words(result)
    return {"totaal": words["totaal"], "rows": words["onderdelen"]}


def test_built_in_answer_is_there_before_pyodide(page, site_url):
    # Hold the runtime back: the page must answer from its built HTML alone.
    page.context.route("**/pyodide.asm.wasm", lambda route: None)
    page.goto(site_url + UREN_PAGE)
    widget = page.locator(".rekenhulp").first
    status, result = cli("uren", form_values(widget))
    assert status == 0
    assert shown(widget) == expected(result)
    assert "start zodra u iets invult" in widget.locator(".rh-status").inner_text()
    widget.locator("input.rh-invoer").first.click()
    widget.locator(".rh-status", has_text="wordt geladen").wait_for()
    assert shown(widget) == expected(result)


def test_answer_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + UREN_PAGE)
    widget = page.locator(".rekenhulp").first
    _, result = cli("uren", form_values(widget))
    assert shown(widget) == expected(result)
    context.close()


CASES = [
    {"jaar": "2026", "kindercentra": "3", "fte": "24,5", "doelgroeppeuters": "37"},
    {"jaar": "2021", "kindercentra": "2", "fte": "10", "doelgroeppeuters": "15"},
    {"jaar": "2022", "kindercentra": "1", "fte": "0,35", "doelgroeppeuters": "0"},
    {"jaar": "2030", "kindercentra": "120", "fte": "1.234,5", "doelgroeppeuters": "2500"},
    {"jaar": "2024", "kindercentra": "1", "fte": " 7.25 ", "doelgroeppeuters": "1"},
    {"jaar": "2026", "kindercentra": "0", "fte": "0", "doelgroeppeuters": "0"},
]


def test_widget_shows_what_the_cli_prints(page, site_url):
    page.goto(site_url + UREN_PAGE)
    widget = page.locator(".rekenhulp").first
    use_rekenhulp(page)
    for case in CASES:
        for name, value in case.items():
            widget.locator(f'.rh-invoer[name="{name}"]').fill(value)
        widget.locator('button[type="submit"]').click()
        status, result = cli("uren", case)
        assert status == 0
        total = widget.locator('[data-uitkomst="totaal"]')
        total.filter(has_text=total_text(result)).wait_for()
        assert shown(widget) == expected(result), case


def test_result_follows_a_changed_field(page, site_url):
    page.goto(site_url + UREN_PAGE)
    widget = page.locator(".rekenhulp").first
    use_rekenhulp(page)
    field = widget.locator('.rh-invoer[name="doelgroeppeuters"]')
    field.fill("100")
    field.press("Tab")  # a change event, no button
    _, result = cli("uren", form_values(widget))
    widget.locator('[data-uitkomst="totaal"]', has_text=total_text(result)).wait_for()


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("fte", "veel", "geen getal"),
        ("kindercentra", "2,5", "heel getal"),
        ("jaar", "2015", "2019"),
        ("kindercentra", "0", "‘Aantal kindercentra’ is 0"),  # staff without a kindercentrum
    ],
)
def test_bad_input_gets_a_dutch_error_and_keeps_the_rest(page, site_url, field, value, words):
    page.goto(site_url + UREN_PAGE)
    widget = page.locator(".rekenhulp").first
    use_rekenhulp(page)
    before = form_values(widget)
    widget.locator(f'.rh-invoer[name="{field}"]').fill(value)
    widget.locator('button[type="submit"]').click()
    summary = widget.locator(".rh-foutsamenvatting")
    summary.wait_for(state="visible")
    _, result = cli("uren", {**before, field: value})
    message = result["fouten"][0]["melding"]
    assert words in message
    assert summary.locator("li").all_inner_texts() == [message]
    inline = widget.locator(f'.rh-veld[data-veld="{field}"] .rh-fout')
    assert inline.inner_text() == message
    assert widget.locator(f'.rh-invoer[name="{field}"]').get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.classList.contains('rh-foutsamenvatting')")
    assert form_values(widget) == {**before, field: value}
    for text in [*page.console_errors, summary.inner_text()]:
        assert "Traceback" not in text and "NaN" not in text


def test_instant_navigation_keeps_one_pyodide(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    page.locator('article a[href$="rekenregels/"]').first.click()
    page.wait_for_url("**/rekenregels/")
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)  # the worker goes on: ready at once
    page.go_back()
    page.wait_for_url(site_url + UREN_PAGE)
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    widget = page.locator(".rekenhulp").first
    widget.locator('.rh-invoer[name="kindercentra"]').fill("5")
    widget.locator('button[type="submit"]').click()
    _, result = cli("uren", form_values(widget))
    widget.locator('[data-uitkomst="totaal"]', has_text=total_text(result)).wait_for()
    workers = [url for url in page.requests if url.endswith("rekenhulp-worker.js")]
    assert len(workers) == 1, workers  # one worker for the visit, so one Pyodide
    documents = [url for url in page.requests if url.endswith(("/rekenregels/", "/" + UREN_PAGE))]
    assert len(documents) >= 2  # Material fetched the other page itself: no full reload


def test_runtime_files_are_sent_once(page, site_url, served):
    # Nothing may fetch the runtime beside the worker (a <link rel="preload"> of the page did:
    # an in-memory HTTP cache, as in a private window, does not keep the 9.6 MB wasm).
    start = len(served)
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    runtime = [path for path, _ in served[start:] if "/assets/pyodide/" in path or "/calc/" in path]
    assert any(path.endswith("pyodide.asm.wasm") for path in runtime), runtime
    assert len(runtime) == len(set(runtime)), runtime


def test_no_request_leaves_the_machine(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    hosts = {urlsplit(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}
