"""Work is never lost with one click (issue 13, point 2).

Choosing an example, Standaardwaarden, Wis alle gegevens and a CSV import replace the form. When
they replace the user's own input, a message right after the control used offers "Ongedaan
maken", which is the next Tab stop, is announced in a live region, and puts back the whole
previous state: the form with its table rows, the answer, the link and the stored copy.
"""

from __future__ import annotations

import json

from test_budget import open_budget
from test_rekenhulp import PYODIDE_WAIT_MS, READY, form_values, full_page, use_rekenhulp
from test_tables import cell, same_as_cpython
from test_widths import locations_csv

from calc.budget import PRESETS

UNDO = "Ongedaan maken"


def feedback(widget):
    return widget.locator(".rh-terugmelding")


def undo_button(widget):
    return feedback(widget).get_by_role("button", name=UNDO)


def announced(widget, text: str) -> None:
    """The live region that was in the page from the start says `text`."""
    live = widget.locator('.rh-voorlezen[role="status"]')
    widget.page.wait_for_function(
        "([el, text]) => el.textContent.includes(text)", arg=[live.element_handle(), text]
    )


def stored(page) -> dict | None:
    """The budget's copy in this browser's storage."""
    return page.evaluate(
        """() => {
          const key = Object.keys(localStorage).find(k => k.startsWith("pbm-wijzer:"));
          return key ? JSON.parse(localStorage.getItem(key)) : null;
        }"""
    )


def import_locations(widget, tmp_path, count=25) -> dict:
    widget.locator("input.rh-bestand").set_input_files(
        str(locations_csv(tmp_path / f"locaties-{count}.csv", count))
    )
    widget.locator(".rh-bestandsmeldingen", has_text=f"{count} locaties ingelezen").wait_for()
    same_as_cpython(widget)
    return form_values(widget)


def rows_of(values: dict) -> list[str]:
    return [row["naam"] for row in values["locaties"] if row["naam"]]


def test_choosing_an_example_over_25_imported_locations_can_be_undone(page, site_url, tmp_path):
    widget = open_budget(page, site_url, full_page("budget"))
    own = import_locations(widget, tmp_path)
    answer = widget.locator(".rh-resultaat").inner_html()
    select = widget.locator('select[name="preset"]')
    select.select_option("veldhoven")
    assert rows_of(form_values(widget)) == rows_of(PRESETS["veldhoven"]["invoer"])
    message = feedback(widget)
    assert message.is_visible() and PRESETS["veldhoven"]["titel"] in message.inner_text()
    announced(widget, UNDO)
    same_as_cpython(widget)
    # Another example right after: undo still goes back to the user's own 25 locations.
    select.select_option("enschede")
    same_as_cpython(widget)
    # The keyboard reaches "Ongedaan maken" right after the select, and Enter undoes.
    select.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == UNDO
    page.keyboard.press("Enter")
    assert form_values(widget) == own
    assert select.input_value() == own["preset"]
    assert page.evaluate("document.activeElement.name") == "preset"  # focus back where it was
    same_as_cpython(widget)
    assert widget.locator(".rh-resultaat").inner_html() == answer
    announced(widget, "Uw vorige invoer staat weer in het formulier")
    assert undo_button(widget).is_hidden()
    # The stored copy is the user's own again: a reload keeps the 25 locations.
    assert stored(page) == own
    page.reload()
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    assert form_values(page.locator(".rekenhulp").first) == own


def test_an_example_chosen_over_the_page_example_offers_no_undo(page, site_url):
    widget = open_budget(page, site_url, full_page("budget"))
    widget.locator('select[name="preset"]').select_option("kleine_gemeente")
    message = feedback(widget)
    assert PRESETS["kleine_gemeente"]["titel"] in message.inner_text()
    assert undo_button(widget).is_hidden()  # nothing of the user's was replaced


def test_standaardwaarden_can_be_undone_with_the_table_rows_and_the_link(page, site_url):
    page.goto(site_url + full_page("uren"))
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    preset = form_values(widget)
    widget.locator('.rh-invoer[name="kindercentra"]').fill("7")
    widget.locator('.rh-invoer[name="fte"]').fill(
        ""
    )  # the list replaces it: a higher one is refused
    cell(widget, "medewerkers", 1, "naam").fill("Anna")
    cell(widget, "medewerkers", 1, "uren_per_week").fill("32")
    widget.locator('button[type="submit"]').click()
    same_as_cpython(widget)
    page.wait_for_function("location.hash.includes('Anna')")
    own, link, answer = form_values(widget), page.url, widget.locator(".rh-resultaat").inner_html()

    widget.get_by_role("button", name="Standaardwaarden").click()
    assert form_values(widget) == preset
    assert "#rh1=" not in page.url
    undo_button(widget).click()
    assert form_values(widget) == own
    assert page.url == link
    assert widget.locator(".rh-resultaat").inner_html() == answer
    same_as_cpython(widget)


def test_wis_alle_gegevens_can_be_undone_also_in_storage(page, site_url):
    widget = open_budget(page, site_url, full_page("budget"))
    name = cell(widget, "locaties", 1, "naam")
    name.fill("Peuterspeelzaal Het Anker")
    name.press("Tab")
    same_as_cpython(widget)
    own = form_values(widget)
    wipe = widget.get_by_role("button", name="Wis alle gegevens")
    wipe.click()
    assert "gewist" in feedback(widget).inner_text()
    assert stored(page) is None
    assert rows_of(form_values(widget)) != rows_of(own)
    # Tab from "Wis alle gegevens" reaches "Ongedaan maken" next.
    wipe.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert form_values(widget) == own
    assert stored(page) == own
    page.reload()
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    assert cell(page.locator(".rekenhulp").first, "locaties", 1, "naam").input_value() == (
        "Peuterspeelzaal Het Anker"
    )


def test_a_csv_import_over_own_rows_can_be_undone(page, site_url, tmp_path):
    widget = open_budget(page, site_url, full_page("budget"))
    own = import_locations(widget, tmp_path, 25)
    import_locations(widget, tmp_path, 4)
    assert len(rows_of(form_values(widget))) == 4
    undo_button(widget).click()
    assert form_values(widget) == own
    same_as_cpython(widget)


def test_the_offer_ends_when_the_user_changes_the_input(page, site_url, tmp_path):
    widget = open_budget(page, site_url, full_page("budget"))
    import_locations(widget, tmp_path, 5)
    widget.locator('select[name="preset"]').select_option("veldhoven")
    assert undo_button(widget).is_visible()
    typed = cell(widget, "locaties", 1, "naam")
    typed.fill("Mijn eigen locatie")
    assert feedback(widget).is_hidden()  # undoing now would lose what was just typed
    assert json.dumps(form_values(widget)).count("Mijn eigen locatie") == 1
