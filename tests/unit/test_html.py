"""calc.html: e, the one escape every text of a page goes through, and the result tables."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.html import Cell, Column, Row, data_table, e


@given(st.text())
def test_escape_equals_the_standard_librarys(text):
    assert e(text) == html.escape(text, quote=True)


def test_markup_stays_text():
    assert e("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert e("a\"b'c&d") == "a&quot;b&#x27;c&amp;d"
    assert e(12) == "12"


# --- data_table: the one helper every result table comes from ---------------------------------

COLUMNS = (Column("Locatie"), Column("Kosten", number=True), Column("Toelichting"))


def test_a_result_table_is_a_named_scroll_region_with_labelled_cells():
    html = data_table(
        "Kosten <per> locatie",
        COLUMNS,
        [Row("De Zon", (Cell("€ 1,00", "1.000"), "tekst"), ' data-rij="1"')],
        footer=Row("Totaal", (Cell("€ 1,00", "1.000"), "")),
    )
    assert html.startswith(
        '<div class="rh-tabelvak" role="region" tabindex="0" aria-label="Kosten &lt;per&gt; locatie">'
    )
    assert "<caption>Kosten &lt;per&gt; locatie</caption>" in html
    assert '<tr data-rij="1"><th scope="row">De Zon</th>' in html
    assert '<td class="rh-getal" data-label="Kosten" data-waarde="1.000">€ 1,00</td>' in html
    assert '<td data-label="Toelichting">tekst</td>' in html
    assert '<tfoot><tr><th scope="row">Totaal</th>' in html
    assert 'role="table"' not in html and "rh-tabel--kaarten" not in html


def test_a_table_shown_as_cards_is_marked_and_keeps_plain_table_markup():
    html = data_table("Per locatie", COLUMNS, [Row("A", ("1", "x"))], cards=True, css="rh-extra")
    assert '<table class="rh-tabel rh-tabel--kaarten rh-extra">' in html
    assert '<th scope="col">Locatie</th><th scope="col" class="rh-getal">Kosten</th>' in html
    assert 'role="' not in html.replace('role="region"', "")  # HTML forbids roles on its parts


def test_a_row_with_a_missing_cell_is_refused():
    with pytest.raises(ValueError):
        data_table("T", COLUMNS, [Row("A", ("1",))])
