"""The budget rekenhulp for municipalities: presets, CSV in and out, nothing lost on reload."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from sitebuild import ROOT, cli
from test_rekenhulp import PYODIDE_WAIT_MS, READY, form_values, full_page, use_rekenhulp
from test_tables import cell, same_as_cpython

from calc import budget, rules
from calc.numbers import euro, nl

COSTS_PAGE = "kosten-en-financiering/"  # the rekenhulp compact, beside the text on costs
BUDGET_PAGE = full_page("budget")  # the rekenhulp's own page, its form open
WIDGET = '.rekenhulp[data-rekenhulp="budget"]'


def open_budget(page, site_url, path=BUDGET_PAGE):
    page.goto(site_url + path)
    widget = page.locator(WIDGET).first
    use_rekenhulp(page, widget)
    return widget


def test_the_budget_opens_on_this_years_hours_and_asks_for_a_tariff(page, site_url):
    widget = open_budget(page, site_url)
    assert widget.locator('.rh-invoer[name="begrotingsjaar"]').input_value() == str(
        date.today().year
    )
    assert widget.locator('.rh-invoer[name="uurtarief"]').input_value() == ""
    answer = widget.locator(".rh-resultaat")
    assert "Vul uw uurtarief in" in answer.inner_text()
    assert answer.locator(".rh-waarschuwingen").count() == 0
    assert answer.locator('[data-uitkomst="kosten"]').count() == 0
    # The user's own tariff brings the costs, as CPython computes them.
    tariff = widget.locator('.rh-invoer[name="uurtarief"]')
    tariff.fill("45")
    tariff.press("Tab")
    answer.locator('[data-uitkomst="kosten"]').wait_for()
    status, result = cli("budget", form_values(widget))
    assert status == 0 and result["totaal"]["kosten"] is not None
    same_as_cpython(widget)


def test_the_veldhoven_preset_shows_its_amount_and_asks_for_the_indexations(page, site_url):
    widget = open_budget(page, site_url)
    widget.locator('select[name="preset"]').select_option("veldhoven")
    per_place = rules.value("veldhoven_bedrag_per_bezette_peuterplaats", date(2020, 1, 1))
    amount = widget.locator('[data-uitkomst="per-eenheid"]')
    amount.wait_for()
    assert amount.inner_text() == euro(per_place)  # € 383,40 at 0 % until indexations are given
    assert "geen indexatie ingevuld" in widget.locator(".rh-waarschuwingen").inner_text()
    status, result = cli("budget", form_values(widget))
    assert status == 0 and Decimal(result["bedrag_per_eenheid"]) == per_place
    same_as_cpython(widget)


def test_choosing_a_preset_fills_the_form(page, site_url):
    widget = open_budget(page, site_url)
    widget.locator('select[name="preset"]').select_option("kleine_gemeente")
    widget.locator('.rh-invoer[name="vaste_voet_uren"]').filter(has_not_text="x").wait_for()
    page.wait_for_function(
        "w => w.querySelector('.rh-invoer[name=\"vaste_voet_uren\"]').value !== ''",
        arg=widget.element_handle(),
    )
    _, result = cli("budget", form_values(widget))
    assert "fouten" not in result
    same_as_cpython(widget)


CSV_WITH_A_BAD_ROW = (
    "\ufeffNaam;Aanbieder;Doelgroeppeuters;Bezette plaatsen\r\n"
    "De Zon;Stichting A;12;16\r\n"
    "De Maan;Stichting A;veel;10\r\n"
    "Het Bos;<img src=x onerror=alert(1)>;7;9\r\n"
)


def test_csv_import_reports_the_bad_row_and_keeps_the_others(page, site_url, tmp_path):
    widget = open_budget(page, site_url)
    csv_file = tmp_path / "locaties.csv"
    csv_file.write_text(CSV_WITH_A_BAD_ROW, encoding="utf-8")
    widget.locator("input.rh-bestand").set_input_files(str(csv_file))
    messages = widget.locator(".rh-bestandsmeldingen")
    messages.filter(has_text="3 locaties ingelezen").wait_for()
    assert "Regel 3" in messages.inner_text()  # the file line of the bad value
    names = [cell(widget, "locaties", n, "naam").input_value() for n in (1, 2, 3)]
    assert names == ["De Zon", "De Maan", "Het Bos"]
    assert cell(widget, "locaties", 3, "aanbieder").input_value() == "<img src=x onerror=alert(1)>"
    widget.locator(".rh-foutsamenvatting").wait_for(state="visible")
    assert cell(widget, "locaties", 2, "doelgroeppeuters").get_attribute("aria-invalid") == "true"
    # Fixing the bad cell gives the answer, and the markup typed as a name stays text.
    bad = cell(widget, "locaties", 2, "doelgroeppeuters")
    bad.fill("9")
    bad.press("Tab")
    same_as_cpython(widget)
    # text_content: tables off screen are skipped by layout (content-visibility), not by the DOM.
    assert "<img src=x onerror=alert(1)>" in widget.locator(".rh-resultaat").text_content()
    assert widget.locator(".rh-resultaat img").count() == 0


def test_the_table_survives_a_reload_until_wiped(page, site_url):
    widget = open_budget(page, site_url)
    name = cell(widget, "locaties", 1, "naam")
    name.fill("Peuterspeelzaal Het Anker")
    name.press("Tab")
    same_as_cpython(widget)
    page.reload()
    # The stored table differs from the preset: the page computes it without being touched.
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    widget = page.locator(WIDGET).first
    assert cell(widget, "locaties", 1, "naam").input_value() == "Peuterspeelzaal Het Anker"
    same_as_cpython(widget)
    widget.get_by_role("button", name="Wis alle gegevens").click()
    assert cell(widget, "locaties", 1, "naam").input_value() != "Peuterspeelzaal Het Anker"
    page.reload()
    widget = page.locator(WIDGET).first
    widget.wait_for()
    assert widget.get_attribute("data-staat") == "rust"  # the preset again: nothing to compute
    assert cell(widget, "locaties", 1, "naam").input_value() != "Peuterspeelzaal Het Anker"


def test_csv_export_is_the_dutch_dialect_with_formulas_neutralised(page, site_url):
    widget = open_budget(page, site_url)
    name = cell(widget, "locaties", 1, "naam")
    name.fill("=HYPERLINK(1)")
    name.press("Tab")
    with page.expect_download() as info:
        widget.get_by_role("button", name="Locaties downloaden (CSV)").click()
    text = info.value.path().read_bytes().decode("utf-8-sig")
    header, first = text.splitlines()[:2]
    assert ";" in header
    assert first.startswith("'=HYPERLINK(1)") or first.startswith("\"'=HYPERLINK(1)")
    with page.expect_download() as info:
        widget.get_by_role("button", name="Uitkomst downloaden (CSV)").click()
    result_csv = info.value.path().read_bytes().decode("utf-8-sig").splitlines()
    _, result = cli("budget", form_values(widget))
    total = 1 + len(result["locaties"])  # after the header and the locations
    assert result_csv[1].startswith("'=HYPERLINK(1);")
    assert result_csv[total].startswith("Totaal;")
    assert result_csv[total + 2] == budget.BASIS_TITLE  # then the basis of the costs


def test_every_budget_preset_page_answers_like_cpython(page, site_url):
    for path in ("kleine-gemeenten/", "praktijk-enschede/"):
        widget = open_budget(page, site_url, path)
        same_as_cpython(widget)
        assert json.loads(json.dumps(form_values(widget)))["locaties"]


def test_a_huge_file_gets_a_dutch_message_and_the_table_stays(page, site_url):
    widget = open_budget(page, site_url)
    before = form_values(widget)
    huge = {"name": "overzicht.csv", "mimeType": "text/csv", "buffer": b"Locatie;1\n" * 2_000_000}
    widget.locator("input.rh-bestand").set_input_files(huge)
    widget.locator(".rh-bestandsmeldingen").filter(has_text="groter dan 10 MB").wait_for()
    assert form_values(widget) == before


def import_file(widget, path_or_payload) -> None:
    widget.locator("input.rh-bestand").set_input_files(path_or_payload)


def test_a_windows_1252_file_from_older_excel_reads_with_the_right_letters(page, site_url):
    # Issue 11, case 3: the browser sends the file's bytes; calc reads them as Windows-1252.
    widget = open_budget(page, site_url)
    import_file(widget, str(ROOT / "tests" / "unit" / "data" / "locaties-windows-1252.csv"))
    messages = widget.locator(".rh-bestandsmeldingen")
    messages.filter(has_text="3 locaties ingelezen").wait_for()
    assert "gelezen als Windows-1252" in messages.inner_text()
    assert "‘Kosten (€)’" in messages.inner_text()
    names = [cell(widget, "locaties", n, "naam").input_value() for n in (1, 2, 3)]
    assert names == ["Peuterhof Zoë", "Crèche Ïsis", "De Brûg"]
    assert cell(widget, "locaties", 1, "aanbieder").input_value() == "Stichting Noël"


def test_a_totals_row_is_not_a_location(page, site_url):
    # Issue 11, case 2: "Totaal;35" after A 10, B 20, C 5 was a fourth location. (The page's
    # preset counts bezette plaatsen, so the file has them too.)
    widget = open_budget(page, site_url)
    csv = "Locatie;Doelgroeppeuters;Bezette plaatsen\r\nA;10;12\r\nB;20;22\r\nC;5;6\r\nTotaal;35;40\r\n"
    import_file(widget, {"name": "met-totaal.csv", "mimeType": "text/csv", "buffer": csv.encode()})
    messages = widget.locator(".rh-bestandsmeldingen")
    messages.filter(has_text="3 locaties ingelezen").wait_for()
    assert "Regel 5 is niet ingelezen: dat is een totaalregel" in messages.inner_text()
    same_as_cpython(widget)
    _, result = cli("budget", form_values(widget))
    assert result["totaal"]["doelgroeppeuters"] == "35"


def test_a_file_over_the_maximum_is_refused_and_the_table_stays(page, site_url):
    # Issue 11, case 4: the first rows of a too-long file were shown as the answer.
    widget = open_budget(page, site_url)
    same_as_cpython(widget)
    before = form_values(widget)
    rows = budget.MAX_ROWS + 1
    csv = "Locatie;Doelgroeppeuters\n" + "Zon;1\n" * rows
    import_file(widget, {"name": "alles.csv", "mimeType": "text/csv", "buffer": csv.encode()})
    messages = widget.locator(".rh-bestandsmeldingen")
    messages.filter(has_text="niet ingelezen").wait_for()
    assert f"Het bestand heeft {nl(Decimal(rows))} rijen" in messages.inner_text()
    assert form_values(widget) == before
    same_as_cpython(widget)  # the answer is still the one for the table as it was
