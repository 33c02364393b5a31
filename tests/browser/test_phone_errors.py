"""On a phone, an error that appears when a field loses focus is shown where the user is looking
(issue 13, point 6): the summary at the top of the form is screens away from row 20 of a table."""

from __future__ import annotations

from sitebuild import cli
from test_budget import BUDGET_PAGE
from test_rekenhulp import PYODIDE_WAIT_MS, READY, UREN_PAGE, form_values, use_rekenhulp
from test_tables import cell
from test_widths import locations_csv


def message_in_view(page, control, expected: str) -> None:
    """`expected` is shown, in the viewport, next to `control` (in its field or its cell)."""
    shown = page.evaluate(
        """([control, expected]) => {
          const place = control.closest("td") ?? control.closest(".rh-veld");
          const note = [...place.querySelectorAll(".rh-fout")].find(n => n.textContent.includes(expected));
          if (!note) return "not next to the field";
          const r = note.getBoundingClientRect();
          // Within a pixel: scrolled to the nearest edge, a box can end a fraction past it.
          return r.top >= -1 && r.bottom <= innerHeight + 1 ? "in view" : `off screen (${r.top}-${r.bottom})`;
        }""",
        [control.element_handle(), expected],
    )
    assert shown == "in view", expected


def blur_with_error(page, widget, control, text: str) -> str:
    control.scroll_into_view_if_needed()
    control.tap()
    control.fill(text)
    page.evaluate("document.activeElement.blur()")  # what a tap elsewhere does
    widget.locator(".rh-foutsamenvatting:not([hidden])").wait_for()
    _, result = cli(widget.get_attribute("data-rekenhulp"), form_values(widget))
    veld = control.get_attribute("data-kolom") or control.get_attribute("name")
    return next(f["melding"] for f in result["fouten"] if f["veld"].endswith(veld))


def test_a_bad_cell_in_row_20_says_so_at_the_cell(phone, site_url, tmp_path):
    phone.goto(site_url + BUDGET_PAGE)
    widget = phone.locator('.rekenhulp[data-rekenhulp="budget"]').first
    use_rekenhulp(phone, widget)
    widget.locator("input.rh-bestand").set_input_files(str(locations_csv(tmp_path / "l.csv")))
    widget.locator(".rh-bestandsmeldingen").filter(has_text="25 locaties").wait_for()
    control = cell(widget, "locaties", 20, "doelgroeppeuters")
    expected = blur_with_error(phone, widget, control, "veel")
    assert "rij 20" in expected
    message_in_view(phone, control, expected)
    # The summary still lists it, and the field's description includes the message.
    assert expected in widget.locator(".rh-foutsamenvatting").inner_text()
    described = control.get_attribute("aria-describedby").split()
    assert any(phone.locator(f"#{i}").inner_text() == expected for i in described)
    # Corrected, the message goes.
    control.fill("9")
    phone.evaluate("document.activeElement.blur()")
    widget.locator(".rh-foutsamenvatting").wait_for(state="hidden")
    assert widget.locator(".rh-celfout").count() == 0


def test_a_bad_field_says_so_at_the_field(phone, site_url):
    phone.goto(site_url + UREN_PAGE)
    widget = phone.locator('.rekenhulp[data-rekenhulp="uren"]').first
    control = widget.locator('.rh-invoer[name="fte"]')
    control.scroll_into_view_if_needed()
    control.tap()  # using the rekenhulp starts the runtime
    phone.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    expected = blur_with_error(phone, widget, control, "abc")
    message_in_view(phone, control, expected)
