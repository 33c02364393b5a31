"""A big calculation can be kept and shared (issue 13, point 3).

"Bewaar berekening" downloads every input as a file that "Open berekening" on the same page reads
back (a wrong, damaged or newer file changes nothing and says why); the page says when the
address cannot hold the calculation; the printout lists every input, table rows included, and
says how to get the calculation back.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from test_budget import open_budget
from test_keep_work import feedback, import_locations, rows_of
from test_rekenhulp import PYODIDE_WAIT_MS, READY, form_values, full_page, use_rekenhulp
from test_tables import cell, same_as_cpython


def press(widget, name: str) -> None:
    """Focus a button and press Enter: a mouse click can miss once the long table above it has
    been laid out (content-visibility) and the button has moved."""
    widget.get_by_role("button", name=name).focus()
    widget.page.keyboard.press("Enter")


def save(page, widget) -> tuple[str, dict]:
    with page.expect_download() as info:
        press(widget, "Bewaar berekening")
    download = info.value
    return download.suggested_filename, json.loads(download.path().read_text("utf-8"))


def open_file(page, widget, path) -> None:
    with page.expect_file_chooser() as chooser:
        press(widget, "Open berekening")
    chooser.value.set_files(str(path))


def total(widget) -> str:
    return widget.locator('[data-uitkomst="totaal"]').first.inner_text()


def test_25_locations_round_trip_through_a_file(page, browser, site_url, tmp_path):
    widget = open_budget(page, site_url, full_page("budget"))
    widget.locator('.rh-invoer[name="oab_budget"]').fill("1.250.000")
    saved_values = import_locations(widget, tmp_path, 25)
    answer = widget.locator(".rh-resultaat").inner_html()
    # Too long for the address: the page says so next to "Bewaar berekening", and the
    # address does not pretend to hold it.
    note = widget.locator(".rh-adresmelding")
    assert note.is_visible() and "te groot voor een link" in note.inner_text()
    assert "#rh1=" not in page.url

    name, data = save(page, widget)
    assert name == f"pbm-wijzer-budget-{date.today().isoformat()}.json"
    assert data["rekenhulp"] == "budget" and data["invoer"] == saved_values
    path = tmp_path / name
    path.write_text(json.dumps(data), "utf-8")

    # A colleague, another browser: nothing stored, the page's example.
    other = browser.new_context(locale="nl-NL", service_workers="block").new_page()
    other.goto(site_url + full_page("budget"))
    use_rekenhulp(other)
    copy = other.locator(".rekenhulp").first
    assert len(rows_of(form_values(copy))) == 3
    open_file(other, copy, path)
    assert form_values(copy) == saved_values
    assert name in feedback(copy).inner_text()
    same_as_cpython(copy)
    assert copy.locator(".rh-resultaat").inner_html() == answer
    other.context.close()


def test_a_small_calculation_round_trips_and_opens_a_compact_form(page, site_url, tmp_path):
    page.goto(site_url + full_page("uren"))
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    widget.locator('.rh-invoer[name="fte"]').fill("3,5")
    for key in ("kindercentra", "doelgroeppeuters"):  # the table replaces them
        widget.locator(f'.rh-invoer[name="{key}"]').fill("")
    cell(widget, "locaties", 1, "naam").fill("De Zon")
    cell(widget, "locaties", 1, "doelgroeppeuters").fill("9")
    widget.locator('button[type="submit"]').click()
    same_as_cpython(widget)
    expected = total(widget)
    name, data = save(page, widget)
    assert name == f"pbm-wijzer-uren-{date.today().isoformat()}.json"
    path = tmp_path / name
    path.write_text(json.dumps(data), "utf-8")
    # The home page has the same rekenhulp, compact: opening the file opens its form.
    page.goto(site_url)
    page.wait_for_selector(".rekenhulp[data-gebonden]")
    compact = page.locator(".rekenhulp--compact").first
    assert compact.locator("details.rh-invoervak").get_attribute("open") is None
    compact.locator("details.rh-invoervak > summary").click()
    open_file(page, compact, path)
    assert form_values(compact) == data["invoer"]
    same_as_cpython(compact)
    assert total(compact) == expected


def file_of(tmp_path, data, name="berekening.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: "{ dit is geen JSON", "geen JSON-bestand"),
        (lambda d: {**d, "versie": d["versie"] + 1}, "nieuwere versie"),
        (lambda d: {**d, "rekenhulp": "uren", "titel": "Rekenhulp: uren"}, "andere rekenhulp"),
        (lambda d: {**d, "formaat": "iets anders"}, "geen bestand van PBM-wijzer"),
        (lambda d: {**d, "invoer": {**d["invoer"], "begrotingsjaar": 2026}}, "Begrotingsjaar"),
        (lambda d: {**d, "invoer": {**d["invoer"], "locaties": [{"naam": 1}]}}, "Locaties"),
    ],
    ids=["kapot", "nieuwer", "andere-rekenhulp", "ander-formaat", "veld", "tabel"],
)
def test_a_wrong_file_changes_nothing_and_says_why(page, site_url, tmp_path, change, words):
    widget = open_budget(page, site_url, full_page("budget"))
    name = cell(widget, "locaties", 1, "naam")
    name.fill("Eigen locatie")
    name.press("Tab")
    same_as_cpython(widget)
    _, data = save(page, widget)
    before, answer = form_values(widget), widget.locator(".rh-resultaat").inner_html()
    open_file(page, widget, file_of(tmp_path, change(data)))
    message = feedback(widget)
    message.wait_for()
    assert words in message.inner_text() and "niet veranderd" in message.inner_text()
    assert "rh-terugmelding--fout" in message.get_attribute("class")
    assert form_values(widget) == before
    assert widget.locator(".rh-resultaat").inner_html() == answer


def test_the_printout_lists_every_input_and_the_way_back(page, site_url, tmp_path):
    widget = open_budget(page, site_url, full_page("budget"))
    values = import_locations(widget, tmp_path, 25)
    page.evaluate("window.print = () => { window.printed = true; }")
    press(widget, "Afdrukken")
    assert page.evaluate("window.printed")
    page.emulate_media(media="print")
    header = widget.locator(".rh-afdrukkop")
    assert header.is_visible()
    text = header.inner_text()
    for row in values["locaties"]:
        if row["naam"]:
            assert row["naam"] in text and row["aanbieder"] in text
    printed = header.locator("table.rh-afdruktabel tbody tr")
    assert printed.count() == 25
    assert "Adres van deze berekening" not in text  # the address does not hold it
    assert "te groot voor een link" in text and "Bewaar berekening" in text
    assert widget.locator(".rh-form").is_hidden()


def test_a_printout_of_a_small_calculation_gives_its_link(page, browser, site_url):
    page.goto(site_url + full_page("uren"))
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    widget.locator('.rh-invoer[name="fte"]').fill("")  # the staff list replaces it
    cell(widget, "medewerkers", 1, "naam").fill("Anna")
    cell(widget, "medewerkers", 1, "uren_per_week").fill("30")
    widget.locator('button[type="submit"]').click()
    same_as_cpython(widget)
    page.wait_for_function("location.hash.includes('Anna')")
    page.evaluate("window.print = () => {}")
    widget.get_by_role("button", name="Afdrukken").click()
    page.emulate_media(media="print")
    text = widget.locator(".rh-afdrukkop").inner_text()
    assert "Anna" in text
    link = re.search(r"Adres van deze berekening: (\S+)", text)[1]
    assert link == page.url
    other = browser.new_context(locale="nl-NL", service_workers="block").new_page()
    other.goto(link)
    other.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    assert form_values(other.locator(".rekenhulp").first) == form_values(widget)
    other.context.close()
