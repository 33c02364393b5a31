"""Printing the budget of 25 locations (issue 13, point 6): every column on the paper, the total
once, and a bar chart that no longer fills one and a half pages."""

from __future__ import annotations

from test_budget import BUDGET_PAGE
from test_rekenhulp import use_rekenhulp
from test_widths import locations_csv, unreachable

MM = 96 / 25.4  # CSS px per millimetre
A4_WIDTH, A4_HEIGHT, MARGIN = 210 * MM, 297 * MM, 10 * MM  # Chromium's default margins: ~1 cm


def test_the_printed_budget_fits_the_paper(page, site_url, tmp_path):
    page.goto(site_url + BUDGET_PAGE)
    widget = page.locator('.rekenhulp[data-rekenhulp="budget"]').first
    use_rekenhulp(page, widget)
    widget.locator("input.rh-bestand").set_input_files(str(locations_csv(tmp_path / "l.csv")))
    widget.locator(".rh-resultaat tbody tr[data-rij]").nth(24).wait_for(state="attached")
    page.evaluate("window.print = () => {}")  # the dialog itself is the browser's
    widget.get_by_role("button", name="Afdrukken").click()
    page.emulate_media(media="print")
    page.set_viewport_size({"width": round(A4_WIDTH - 2 * MARGIN), "height": round(A4_HEIGHT)})
    result = widget.locator(".rh-resultaat")
    assert not unreachable(result, paper=True)
    printable = A4_HEIGHT - 2 * MARGIN
    chart = widget.locator("svg.rh-grafiek").bounding_box()
    assert chart["height"] <= printable / 2, f"chart {chart['height']:.0f} px of {printable:.0f}"
    # The total closes the table once; as a table footer it would end every printed page.
    footer = widget.locator("table.rh-locaties tfoot")
    assert footer.evaluate("f => getComputedStyle(f).display") == "table-row-group"
