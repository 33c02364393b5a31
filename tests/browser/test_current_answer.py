"""The answer on screen always belongs to the input on screen (issue 12).

While the user types, while the worker loads, is busy or has died, with presets, links and
imports: the status line never says "de uitkomst volgt uw invoer" unless the answer shown was
computed for the form as it stands, and an answer that is not (yet) current is marked so.

A busy or dying worker is simulated by appending a few lines to rekenhulp-worker.js as the test
serves it (a Playwright route): the page's own code runs unchanged.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from sitebuild import ROOT, cli
from test_rekenhulp import (
    PYODIDE_WAIT_MS,
    READY,
    UREN_PAGE,
    form_values,
    full_page,
    total_text,
    use_rekenhulp,
)
from test_tables import cell, same_as_cpython

from calc.budget import PRESETS

CURRENT = "volgt uw invoer"  # the status line's claim that the answer is current
BUDGET_PAGE = full_page("budget")
BUDGET = '.rekenhulp[data-rekenhulp="budget"]'
SOON = 15_000  # ms: Pyodide is loaded; an answer takes a fraction of a second
WORKER = re.compile(r".*/rekenhulp-worker\.js$")
ENGINE = ROOT / "docs" / "assets" / "javascripts" / "rekenhulp" / "engine.js"

# Appended to the worker: it works through one message at a time, as a busy Python does, and
# holds every CSV import until the test calls self.release() in the worker.
HOLD_IMPORTS = """
{
  const original = self.onmessage;
  let chain = Promise.resolve();
  const held = new Promise((resolve) => { self.release = resolve; });
  self.onmessage = (event) => {
    chain = chain.then(async () => {
      if (event.data.fn === "csv_import") await held;
      await original(event);
    });
  };
}
"""
MARKER = "4242"  # an input value that makes a sabotaged worker stop
# Appended to the worker: on the marker it stops answering, as a worker that hangs or is killed.
FALL_SILENT = f"""
{{
  const original = self.onmessage;
  self.onmessage = (event) => JSON.stringify(event.data.args).includes("{MARKER}")
    ? self.close() : original(event);
}}
"""
# Appended to the worker: on the marker it crashes (an uncaught error reaches the page).
CRASH = f"""
{{
  const original = self.onmessage;
  self.onmessage = (event) => JSON.stringify(event.data.args).includes("{MARKER}")
    ? setTimeout(() => {{ throw new Error("test: the worker crashed"); }})
    : original(event);
}}
"""

# Checks the status line at every keystroke, right after the page has handled it.
WATCH_TYPING = """root => {
  window.__atKeystroke = [];
  document.addEventListener("input", () => window.__atKeystroke.push({
    status: root.querySelector(".rh-status").textContent,
    busy: root.querySelector(".rh-resultaat").getAttribute("aria-busy"),
  }));
}"""


def sabotage_worker(context, code: str, times: int | None = None) -> list[str]:
    """Serve rekenhulp-worker.js with `code` appended, the first `times` times (None: always).
    Returns the list of worker requests, which grows as the page (re)starts its worker."""
    requests: list[str] = []

    def handle(route):
        response = route.fetch()
        requests.append(route.request.url)
        if times is None or len(requests) <= times:
            route.fulfill(response=response, body=response.text() + code)
        else:
            route.fulfill(response=response)

    context.route(WORKER, handle)
    return requests


def the_worker(page):
    (worker,) = [w for w in page.workers if WORKER.match(w.url)]
    return worker


def status(widget) -> str:
    return widget.locator(".rh-status").inner_text()


def busy(widget) -> str | None:
    return widget.locator(".rh-resultaat").get_attribute("aria-busy")


def assert_not_current(widget, *, busy_now: bool) -> None:
    """The answer shown is for other input than the form's, and the widget says so."""
    assert CURRENT not in status(widget), status(widget)
    assert widget.locator(".rh-resultaat").get_attribute("data-actueel") == "nee"
    assert busy(widget) == ("true" if busy_now else "false")


def wait_current(widget) -> None:
    """Wait until the widget says its answer is current, then check that it is."""
    widget.locator(".rh-status", has_text=CURRENT).wait_for(timeout=PYODIDE_WAIT_MS)
    assert busy(widget) == "false"
    assert widget.locator(".rh-resultaat").get_attribute("data-actueel") == "ja"
    same_as_cpython(widget)


def wait_form(widget, values: dict, tries: int = 100) -> None:
    """Wait (up to 10 s) until the form holds `values`."""
    for _ in range(tries):
        if form_values(widget) == values:
            return
        widget.page.wait_for_timeout(100)
    assert form_values(widget) == values


def change(widget, name: str, value: str) -> None:
    field = widget.locator(f'.rh-invoer[name="{name}"]')
    field.fill(value)
    field.press("Tab")


def call_timeout_ms() -> int:
    """The engine's watchdog per call, read from engine.js (one place for the number)."""
    return int(re.search(r"CALL_TIMEOUT_MS = ([\d_]+)", ENGINE.read_text())[1].replace("_", ""))


# --- case 1: typing -------------------------------------------------------------------------


def test_typing_updates_the_answer_without_leaving_the_field(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    widget.evaluate(WATCH_TYPING)
    field = widget.locator('.rh-invoer[name="kindercentra"]')
    field.click()
    field.press("Control+A")
    field.press_sequentially("17")  # keystrokes only: no change event, no Enter
    values = form_values(widget)
    assert values["kindercentra"] == "17"
    _, result = cli("uren", values)
    total = widget.locator('[data-uitkomst="totaal"]')
    total.filter(has_text=total_text(result)).wait_for(timeout=SOON)
    assert page.evaluate("document.activeElement.name") == "kindercentra"  # never left the field
    wait_current(widget)
    keystrokes = page.evaluate("window.__atKeystroke")
    assert len(keystrokes) == 2
    for moment in keystrokes:  # after each keystroke the old answer is marked as being updated
        assert CURRENT not in moment["status"] and moment["busy"] == "true", moment


# --- case 2: a busy, refusing or dead worker ------------------------------------------------


def test_a_busy_worker_leaves_the_old_answer_marked_as_being_updated(page, site_url, tmp_path):
    sabotage_worker(page.context, HOLD_IMPORTS)
    page.goto(site_url + BUDGET_PAGE)
    use_rekenhulp(page)
    widget = page.locator(BUDGET).first
    csv_file = tmp_path / "locaties.csv"
    csv_file.write_text(
        "Naam;Doelgroeppeuters;Bezette plaatsen\r\nDe Zon;12;16\r\nDe Maan;8;10\r\n",
        encoding="utf-8",
    )
    widget.locator("input.rh-bestand").set_input_files(str(csv_file))
    widget.locator(".rh-bestandsmeldingen", has_text="wordt ingelezen").wait_for()
    old = widget.locator(".rh-resultaat").inner_text()
    change(widget, "begrotingsjaar", "2027")  # the worker is still reading the file
    assert_not_current(widget, busy_now=True)
    assert "bijgewerkt" in status(widget)
    assert widget.locator(".rh-resultaat").inner_text() == old
    the_worker(page).evaluate("self.release()")
    widget.locator(".rh-bestandsmeldingen", has_text="2 locaties ingelezen").wait_for()
    wait_current(widget)
    assert form_values(widget)["begrotingsjaar"] == "2027"


def test_new_input_with_errors_keeps_the_old_answer_marked_as_previous(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    old = widget.locator(".rh-resultaat").inner_text()
    change(widget, "kindercentra", "2,5")
    summary = widget.locator(".rh-foutsamenvatting")
    summary.wait_for(state="visible")
    assert "heel getal" in summary.inner_text()
    assert widget.locator(".rh-resultaat").inner_text() == old  # the old answer stays ...
    assert_not_current(widget, busy_now=False)  # ... marked, and nothing is on its way
    assert "vorige invoer" in status(widget)
    change(widget, "kindercentra", "5")
    summary.wait_for(state="hidden")
    wait_current(widget)


def test_a_worker_that_stops_answering_is_restarted_and_the_call_retried(page, site_url):
    requests = sabotage_worker(page.context, FALL_SILENT, times=1)
    page.clock.install()  # timers run as usual until fast_forward jumps past the watchdog
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    change(widget, "doelgroeppeuters", MARKER)
    assert_not_current(widget, busy_now=True)
    page.clock.fast_forward(call_timeout_ms() + 1_000)
    wait_current(widget)
    assert form_values(widget)["doelgroeppeuters"] == MARKER
    assert len(requests) == 2, "one restart of the worker"


def test_a_worker_that_keeps_dying_says_so_truthfully(page, site_url):
    requests = sabotage_worker(page.context, CRASH)
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    change(widget, "doelgroeppeuters", "12")
    same_as_cpython(widget)
    answered = widget.locator(".rh-resultaat").inner_text()
    change(widget, "doelgroeppeuters", MARKER)
    widget.locator('.rh-status[data-status="mislukt"]').wait_for(timeout=PYODIDE_WAIT_MS)
    text = status(widget)
    assert "vooraf ingevulde waarden" not in text, text  # it shows the answer for "12"
    assert "eerdere invoer" in text and "Ververs de pagina" in text, text
    assert_not_current(widget, busy_now=False)
    assert widget.locator(".rh-resultaat").inner_text() == answered
    assert len(requests) == 2, "the worker was restarted once, then the widget gave up"


# --- case 4: actions in the order the user made them ----------------------------------------


def test_a_preset_chosen_while_loading_does_not_overwrite_later_typing(page, site_url):
    held = []
    page.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # until released
    page.goto(site_url + BUDGET_PAGE, wait_until="domcontentloaded")
    widget = page.locator(BUDGET).first
    widget.locator('select[name="preset"]').select_option("kleine_gemeente")
    change(widget, "uurtarief", "55,00")
    assert CURRENT not in status(widget)
    while not held:  # until the worker has asked for the runtime
        page.wait_for_timeout(100)
    held[0].continue_()
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    same_as_cpython(widget)
    values = form_values(widget)
    preset = PRESETS["kleine_gemeente"]["invoer"]
    assert values["uurtarief"] == "55,00"
    assert values["vaste_voet_uren"] == preset["vaste_voet_uren"]  # the preset was applied first
    assert values["grondslag"] == preset["grondslag"]
    wait_current(widget)


# --- case 5: another link for the same page -------------------------------------------------


def test_pasting_another_link_applies_its_state(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    first = {**form_values(widget), "doelgroeppeuters": "21"}
    page.goto(
        site_url + UREN_PAGE + "#rh1=" + quote(json.dumps(first))
    )  # only the fragment changes
    wait_form(widget, first)
    second = {**first, "kindercentra": "9", "fte": "30"}
    page.goto(site_url + UREN_PAGE + "#rh1=" + quote(json.dumps(second)))
    wait_form(widget, second)
    wait_current(widget)
    notice = widget.locator(".rh-melding")
    assert notice.is_hidden()

    page.goto(site_url + UREN_PAGE + "#rh1=" + quote("{niet: json"))
    notice.wait_for(state="visible")
    assert "kon niet worden gelezen" in notice.inner_text()
    assert form_values(widget) == second  # the form and its answer stay ...
    wait_current(widget)
    # ... and the address is theirs again, so a print or a copied link is not the broken one.
    fragment = page.evaluate("decodeURIComponent(location.hash.slice('#rh1='.length))")
    assert json.loads(fragment) == second


# --- case 6: wiping during an import --------------------------------------------------------


def test_wiping_all_data_during_an_import_cancels_it(page, site_url, tmp_path):
    sabotage_worker(page.context, HOLD_IMPORTS)
    page.goto(site_url + BUDGET_PAGE)
    use_rekenhulp(page)
    widget = page.locator(BUDGET).first
    preset_rows = form_values(widget)["locaties"]
    csv_file = tmp_path / "groot.csv"
    csv_file.write_text(
        "Naam;Doelgroeppeuters;Bezette plaatsen\r\nImportlocatie A;12;16\r\nImportlocatie B;8;10\r\n",
        encoding="utf-8",
    )
    widget.locator("input.rh-bestand").set_input_files(str(csv_file))
    messages = widget.locator(".rh-bestandsmeldingen")
    messages.filter(has_text="wordt ingelezen").wait_for()
    widget.get_by_role("button", name="Wis alle gegevens").click()
    said = widget.locator(".rh-terugmelding")  # next to the button (test_keep_work.py)
    assert "gewist" in said.inner_text() and "afgebroken" in messages.inner_text()
    the_worker(page).evaluate("self.release()")
    # An answer asked for after the import has come back, so the import's reply has been handled.
    change(widget, "begrotingsjaar", "2027")
    same_as_cpython(widget)
    assert form_values(widget)["locaties"] == preset_rows
    assert "Importlocatie" not in widget.locator(".rh-form").inner_text()
    stored = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    assert "Importlocatie" not in stored
    assert "afgebroken" in messages.inner_text()  # the import's late reply said nothing
    assert cell(widget, "locaties", 1, "naam").input_value() == preset_rows[0]["naam"]
    wait_current(widget)
