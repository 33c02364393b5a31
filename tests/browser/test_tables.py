"""Rekenhulpen with tables of rows and the other calculators: the browser's answer is the CLI's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitebuild import ROOT, cli
from test_rekenhulp import (
    UREN_PAGE,
    form_values,
    full_page,
    total_text,
    unfold,
    use_rekenhulp,
)

from calc import api, ve_aanbod_html


def same_as_cpython(widget) -> None:
    """The result on screen is, node for node, what CPython's calc renders for the form."""
    name = widget.get_attribute("data-rekenhulp")
    answer = json.loads(api.render(name, json.dumps(form_values(widget))))
    assert "html" in answer, answer
    widget.page.wait_for_function(
        """([root, html]) => {
          const expected = document.createElement("div");
          expected.innerHTML = html;
          const shown = root.querySelector(".rh-resultaat");
          return shown.childNodes.length === expected.childNodes.length &&
            [...shown.childNodes].every((node, i) => node.isEqualNode(expected.childNodes[i]));
        }""",
        arg=[widget.element_handle(), answer["html"]],
    )


def cell(widget, table, row, column):
    return widget.locator(
        f'table[data-tabel="{table}"] tbody tr:nth-child({row}) [data-kolom="{column}"]'
    )


def test_staff_list_gives_the_fte(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator('.rekenhulp[data-rekenhulp="uren"]').first
    widget.locator('.rh-invoer[name="fte"]').fill(
        ""
    )  # the list replaces it: a higher one is refused
    cell(widget, "medewerkers", 1, "uren_per_week").fill("32")
    widget.locator('[data-actie="rij-toevoegen"][data-tabel="medewerkers"]').click()
    rows = widget.locator('table[data-tabel="medewerkers"] tbody tr')
    last = rows.count()
    cell(widget, "medewerkers", last, "flexibel").select_option("ja")
    cell(widget, "medewerkers", last, "gemiddelde_uren_per_week").fill("12,5")
    widget.locator('button[type="submit"]').click()
    status, result = cli("uren", form_values(widget))
    assert status == 0, result
    assert result["bronnen"]["fte"] == "medewerkers"
    same_as_cpython(widget)
    assert total_text(result) in widget.locator(".rh-resultaat").inner_text()


def test_kindercentra_table_gives_the_ve_minimum_per_kindercentrum(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator('.rekenhulp[data-rekenhulp="uren"]').first
    rows = [("KDV De Boomhut", "10", "16"), ("Peuteropvang Het Nest", "6", "21")]
    for total in ("kindercentra", "fte", "doelgroeppeuters"):  # the table replaces them
        widget.locator(f'.rh-invoer[name="{total}"]').fill("")
    for number, (name, fte, children) in enumerate(rows, start=1):
        if number > 1:
            widget.locator('[data-actie="rij-toevoegen"][data-tabel="locaties"]').click()
        cell(widget, "locaties", number, "naam").fill(name)
        cell(widget, "locaties", number, "fte").fill(fte)
        cell(widget, "locaties", number, "doelgroeppeuters").fill(children)
    widget.locator('button[type="submit"]').click()
    status, result = cli("uren", form_values(widget))
    assert status == 0, result
    assert result["bronnen"] == {
        "kindercentra": "tabel",
        "fte": "tabel",
        "doelgroeppeuters": "tabel",
    }
    same_as_cpython(widget)
    per_centre = widget.locator('table[data-tabel="ve_kindercentra"] tbody tr')
    assert per_centre.count() == len(rows)
    assert widget.locator('table[data-tabel="voorstel"]').is_visible()
    assert "Een voorstel, geen regel." in widget.locator(".rh-resultaat").inner_text()


def test_rows_renumber_and_a_bad_cell_is_named_and_linked(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator('.rekenhulp[data-rekenhulp="uren"]').first
    add = widget.locator('[data-actie="rij-toevoegen"][data-tabel="locaties"]')
    add.click()
    add.click()
    rows = widget.locator('table[data-tabel="locaties"] tbody tr')
    count = rows.count()
    assert [rows.nth(i).get_attribute("data-rij") for i in range(count)] == [
        str(i + 1) for i in range(count)
    ]
    rows.nth(0).locator('[data-actie="rij-verwijderen"]').click()
    assert rows.count() == count - 1
    assert rows.nth(0).get_attribute("data-rij") == "1"
    first = cell(widget, "locaties", 1, "doelgroeppeuters")
    assert first.get_attribute("id").endswith("-1-doelgroeppeuters")
    cell(widget, "locaties", 2, "naam").fill("De Boomhut")
    cell(widget, "locaties", 2, "doelgroeppeuters").fill("veel")
    widget.locator('button[type="submit"]').click()
    summary = widget.locator(".rh-foutsamenvatting")
    summary.wait_for(state="visible")
    _, result = cli("uren", form_values(widget))
    messages = [f["melding"] for f in result["fouten"]]
    assert summary.locator("li").all_inner_texts() == messages
    bad = cell(widget, "locaties", 2, "doelgroeppeuters")
    assert bad.get_attribute("aria-invalid") == "true"
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == bad.get_attribute("id")
    assert bad.input_value() == "veel"  # the user's input stays


def test_reset_restores_the_rows(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator('.rekenhulp[data-rekenhulp="uren"]').first
    before = form_values(widget)
    widget.locator('[data-actie="rij-toevoegen"][data-tabel="locaties"]').click()
    cell(widget, "locaties", 1, "doelgroeppeuters").fill("4")
    widget.get_by_role("button", name="Standaardwaarden").click()
    assert form_values(widget) == before


def pages_with(name: str) -> list[str]:
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if f'rekenhulp("{name}"' in path.read_text("utf-8"):
            rel = path.relative_to(ROOT / "docs").with_suffix("")
            page = rel.parent if rel.name == "index" else rel
            found.append("" if page == Path() else f"{page.as_posix()}/")
    return found


@pytest.mark.parametrize("name", ["uren", "ve_aanbod", "budget"])
def test_every_rekenhulp_is_on_a_page_and_answers_like_cpython(page, site_url, name):
    paths = pages_with(name)
    assert paths, f"no page embeds {name}"
    page.goto(site_url + paths[0])
    use_rekenhulp(page)
    widget = page.locator(f'.rekenhulp[data-rekenhulp="{name}"]').first
    same_as_cpython(widget)  # the built-in answer
    unfold(widget)
    field = widget.locator('.rh-veld:not([data-veld$="jaar"]) > input.rh-invoer[inputmode]').first
    field.fill("2")
    field.press("Tab")
    same_as_cpython(widget)  # the browser's answer for a changed input


PLANNER_CASES = [
    {"maandag": "4", "dinsdag": "4", "woensdag": "0", "donderdag": "4", "vrijdag": "3"},
    {"maandag": "8", "dinsdag": "8", "woensdag": "0", "donderdag": "0", "vrijdag": "0"},
    {"maandag": "2,5", "dinsdag": "2,5", "woensdag": "2,5", "donderdag": "2,5", "vrijdag": "2,5"},
    {"maandag": "6", "dinsdag": "6", "woensdag": "6", "donderdag": "6", "vrijdag": "6"},
]


def test_the_960_planner_answers_like_the_cli(page, site_url):
    page.goto(site_url + full_page("ve_aanbod"))
    use_rekenhulp(page)
    widget = page.locator('.rekenhulp[data-rekenhulp="ve_aanbod"]').first
    for case in PLANNER_CASES:
        for name, value in case.items():
            widget.locator(f'.rh-invoer[name="{name}"]').fill(value)
        widget.locator('button[type="submit"]').click()
        status, result = cli("ve_aanbod", form_values(widget))
        assert status == 0, result
        same_as_cpython(widget)
        shown = widget.locator(".rh-resultaat").inner_text()
        words = ve_aanbod_html.words(result)
        assert words["berekening"] in shown
        assert (f"{words['tekort']} te weinig" in shown) == (not result["voldoet"])
