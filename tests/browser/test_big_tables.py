"""Big tables a page at a time: the budget with hundreds or thousands of locations.

The form's table of locations shows 50 rows at a time and the result's table per location 100,
each with a pager ("Rij 51–100 van 5.000"), so the page lays out a few rows instead of thousands
(the time it takes is the benchmark's, rows 15.4). What the page sends and shows is checked
against CPython's calc for the same CSV file: every row counts, whichever page is shown.
"""

from __future__ import annotations

import json
from decimal import Decimal

from test_budget import COSTS_PAGE, WIDGET
from test_keep_work import undo_button
from test_rekenhulp import PYODIDE_WAIT_MS, form_values, use_rekenhulp

from calc import api, budget
from calc.numbers import hours, nl

# Compares the result on screen with calc's HTML, leaving out what the page adds to a long
# table: its pager and the aria-live="off" that keeps a new page of rows from being read out.
SAME_RESULT = """([root, html]) => {
  const expected = document.createElement("div");
  expected.innerHTML = html;
  const shown = root.querySelector(".rh-resultaat").cloneNode(true);
  shown.querySelectorAll(".rh-paginering").forEach((p) => p.remove());
  shown.querySelectorAll('.rh-tabelvak[aria-live="off"]').forEach((b) => b.removeAttribute("aria-live"));
  return shown.childNodes.length === expected.childNodes.length &&
    [...shown.childNodes].every((node, i) => node.isEqualNode(expected.childNodes[i]));
}"""
SAME_ROWS = """([tbody, html]) => {
  const expected = document.createElement("tbody");
  expected.innerHTML = html;
  return tbody.rows.length === expected.rows.length &&
    [...tbody.rows].every((row, i) => row.isEqualNode(expected.rows[i]));
}"""


def csv_text(count: int, bad_row: int | None = None, places: bool = True) -> str:
    lines = ["Naam;Aanbieder;Doelgroeppeuters" + (";Bezette plaatsen" if places else "")]
    for n in range(1, count + 1):
        children = "veel" if n == bad_row else str(n % 30 + 1)
        lines.append(
            f"Locatie {n};Aanbieder {n % 7 + 1};{children}" + (f";{n % 20 + 8}" if places else "")
        )
    return "\r\n".join(lines) + "\r\n"


def expected_input(widget, text: str, edits: dict | None = None) -> dict:
    """What the form holds after importing `text`, by CPython's calc: the scalars as on screen,
    the file's rows, then one empty row where the table has room."""
    rows = json.loads(api.csv_import("budget", text))["locaties"]
    for (n, column), value in (edits or {}).items():
        rows[n - 1][column] = value
    if len(rows) < budget.LOCATIONS.max_rows:
        rows.append(budget.LOCATIONS.shown([{}])[0])
    scalars = {k: v for k, v in form_values(widget).items() if k != "locaties"}
    return {**scalars, "locaties": rows}


def import_csv(widget, tmp_path, text: str, count: int, name: str = "locaties.csv") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    widget.locator("input.rh-bestand").set_input_files(str(path))
    read = f"{nl(Decimal(count))} locaties ingelezen"  # a Dutch number: 5.000
    widget.locator(".rh-bestandsmeldingen", has_text=read).wait_for(timeout=PYODIDE_WAIT_MS)


def wait_answer(widget, values: dict) -> dict:
    """Wait until the result is calc's answer for `values` (CPython's), and return that."""
    answer = json.loads(api.render("budget", json.dumps(values)))
    assert "html" in answer, answer
    widget.page.wait_for_function(
        SAME_RESULT, arg=[widget.element_handle(), answer["html"]], timeout=PYODIDE_WAIT_MS
    )
    return answer


def row(widget, table: str, n: int):
    """Row n (from 1) of a table as the page numbers it, on whatever page it is shown."""
    return widget.locator(f'table[data-tabel="{table}"] tbody tr[data-rij="{n}"]')


def pager(widget, where: str):
    return widget.locator(f"{where} .rh-paginering")


def open_budget(page, site_url):
    page.goto(site_url + COSTS_PAGE)
    widget = page.locator(WIDGET).first
    use_rekenhulp(page, widget)
    return widget


def test_a_few_hundred_rows_page_through_and_every_row_counts(page, site_url, tmp_path):
    widget = open_budget(page, site_url)
    text = csv_text(120)
    import_csv(widget, tmp_path, text, 120)
    values = expected_input(widget, text)
    answer = wait_answer(widget, values)

    # The form: 50 rows of 121 (120 and one empty), and a pager.
    inputs = pager(widget, ".rh-tabelveld")
    assert widget.locator('table[data-tabel="locaties"] tbody tr').count() == 50
    assert inputs.locator(".rh-paginering__tekst").inner_text() == "Rij 1–50 van 121"
    assert inputs.get_by_role("button", name="Vorige 50").is_disabled()
    inputs.get_by_role("button", name="Volgende 50").click()
    assert inputs.locator(".rh-paginering__tekst").inner_text() == "Rij 51–100 van 121"
    assert row(widget, "locaties", 51).locator('[data-kolom="naam"]').input_value() == "Locatie 51"

    # A cell on the second page counts like any other.
    cell = row(widget, "locaties", 51).locator('[data-kolom="doelgroeppeuters"]')
    cell.fill("29")
    cell.press("Tab")
    values = expected_input(widget, text, {(51, "doelgroeppeuters"): "29"})
    answer = wait_answer(widget, values)

    # The result: its first 100 rows, then the next page, calc's rows exactly.
    ((key, pages),) = answer["paginas"].items()
    result_pager = pager(widget, ".rh-resultaat")
    assert result_pager.locator(".rh-paginering__tekst").inner_text() == "Rij 1–100 van 120"
    table = widget.locator(f'.rh-resultaat table[data-paginas="{key}"]')
    result_pager.get_by_role("button", name="Volgende 100").click()
    assert result_pager.locator(".rh-paginering__tekst").inner_text() == "Rij 101–120 van 120"
    assert widget.page.evaluate(SAME_ROWS, [table.locator("tbody").element_handle(), pages[1]])
    # At the last page, Volgende is off and the focus went to Vorige.
    assert result_pager.get_by_role("button", name="Volgende 100").is_disabled()
    assert page.evaluate("document.activeElement.textContent") == "Vorige 100"

    # Removing a row of the second page pulls the next one up, and the answer follows.
    row(widget, "locaties", 51).get_by_role("button").click()
    assert row(widget, "locaties", 51).locator('[data-kolom="naam"]').input_value() == "Locatie 52"
    rows = values["locaties"]
    values = {**values, "locaties": rows[:50] + rows[51:]}
    wait_answer(widget, values)
    assert inputs.locator(".rh-paginering__tekst").inner_text() == "Rij 51–100 van 120"


def test_undo_brings_back_a_long_answer_whose_pager_still_turns(page, site_url, tmp_path):
    """ "Ongedaan maken" after "Standaardwaarden" puts back the answer for 120 locations: its
    first page of rows with a pager that works, not a copy of the markup that was on screen."""
    widget = open_budget(page, site_url)
    text = csv_text(120)
    import_csv(widget, tmp_path, text, 120)
    values = expected_input(widget, text)
    answer = wait_answer(widget, values)
    widget.get_by_role("button", name="Standaardwaarden").click()
    assert pager(widget, ".rh-resultaat").count() == 0  # the example's answer, built in
    undo_button(widget).click()
    wait_answer(widget, values)
    inputs = pager(widget, ".rh-tabelveld").locator(".rh-paginering__tekst")
    assert inputs.inner_text() == "Rij 1–50 van 121"  # every row back in the form
    ((key, pages),) = answer["paginas"].items()
    result_pager = pager(widget, ".rh-resultaat")
    assert result_pager.count() == 1
    result_pager.get_by_role("button", name="Volgende 100").click()
    assert result_pager.locator(".rh-paginering__tekst").inner_text() == "Rij 101–120 van 120"
    table = widget.locator(f'.rh-resultaat table[data-paginas="{key}"]')
    assert widget.page.evaluate(SAME_ROWS, [table.locator("tbody").element_handle(), pages[1]])


def test_an_error_on_another_page_is_linked_and_the_list_stays_short(page, site_url, tmp_path):
    widget = open_budget(page, site_url)
    import_csv(widget, tmp_path, csv_text(120, bad_row=3), 120)
    summary = widget.locator(".rh-foutsamenvatting")
    summary.wait_for(state="visible")
    inputs = pager(widget, ".rh-tabelveld")
    inputs.get_by_role("button", name="Volgende 50").click()
    assert row(widget, "locaties", 3).count() == 0  # on the first page, not shown now
    summary.locator("a").first.click()
    bad = row(widget, "locaties", 3).locator('[data-kolom="doelgroeppeuters"]')
    assert bad.get_attribute("aria-invalid") == "true"
    assert "rij 3" in row(widget, "locaties", 3).locator(".rh-celfout").inner_text()
    assert page.evaluate("document.activeElement.id") == bad.get_attribute("id")
    assert inputs.locator(".rh-paginering__tekst").inner_text() == "Rij 1–50 van 121"

    # A file without the column the budget counts by: an error per row, 25 listed, the rest counted.
    widget.locator('select[name="grondslag"]').select_option("bezette_plaatsen")
    import_csv(widget, tmp_path, csv_text(120, places=False), 120, "zonder-plaatsen.csv")
    summary.locator("li", has_text="En nog 95 meldingen.").wait_for(timeout=PYODIDE_WAIT_MS)
    assert summary.locator("li").count() == 26
    # Each row shown says so in its cell; the rows of other pages are counted in the summary.
    assert widget.locator(".rh-celfout").count() == 50
    pager(widget, ".rh-tabelveld").get_by_role("button", name="Volgende 50").click()
    assert widget.locator(".rh-celfout").count() == 50
    assert row(widget, "locaties", 51).locator("[aria-invalid=true]").count() == 1


def test_five_thousand_locations_stay_a_page_of_rows(page, site_url, tmp_path):
    widget = open_budget(page, site_url)
    count = budget.LOCATIONS.max_rows
    text = csv_text(count)
    import_csv(widget, tmp_path, text, count)
    values = expected_input(widget, text)
    answer = wait_answer(widget, values)
    assert widget.locator('[data-uitkomst="uren"]').inner_text() == hours(
        Decimal(answer["resultaat"]["totaal"]["gefinancierde_uren"])
    )
    # The page holds a page of each table, not thousands of rows.
    assert widget.locator('table[data-tabel="locaties"] tbody tr').count() == 50
    assert widget.locator(".rh-resultaat table.rh-locaties tbody tr").count() == 100
    assert pager(widget, ".rh-tabelveld").locator(".rh-paginering__tekst").inner_text() == (
        "Rij 1–50 van 5.000"
    )
    assert pager(widget, ".rh-resultaat").locator(".rh-paginering__tekst").inner_text() == (
        "Rij 1–100 van 5.000"
    )
    # A full table: no row can be added.
    assert widget.get_by_role("button", name="Rij toevoegen").is_disabled()
