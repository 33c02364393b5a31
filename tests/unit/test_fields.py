"""Input specs: optional fields, dates, tables of rows, and the form they render (calc.fields)."""

from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc import budget, html
from calc.fields import (
    DateField,
    Field,
    InputError,
    Table,
    Text,
    YesNo,
    add_months,
    parse_date,
    read,
)
from calc.numbers import LongInteger

HOURS = Field(
    key="uren",
    label="Uren per week",
    hint="",
    example="32",
    maximum=Decimal(80),
    whole=False,
    required=False,
)
TABLE = Table(
    key="rijen",
    label="Medewerkers",
    hint="Eén rij per medewerker.",
    columns=(
        Text(key="naam", label="Naam", hint="", example="Anna"),
        HOURS,
        YesNo(key="flex", label="Flexibel", hint="0-uren"),
        Field(key="aantal", label="Aantal", hint="Heel getal", example="3", maximum=Decimal(9)),
    ),
    max_rows=5,
)
SPECS = (
    Field(key="jaar", label="Jaar", hint="", example="2026", maximum=Decimal(2100)),
    DateField(
        key="start",
        label="Startdatum",
        hint="",
        example="1-9-2026",
        minimum=date(2000, 1, 1),
        maximum=date(2100, 12, 31),
        label_suffix="(optioneel)",
    ),
    TABLE,
)


def errors_of(data):
    with pytest.raises(InputError) as caught:
        read(SPECS, data)
    return caught.value.errors


def test_optional_field_reads_empty_as_none():
    assert HOURS.parse("") is None and HOURS.parse(None) is None
    assert HOURS.parse("24,5") == Decimal("24.5")


def test_table_skips_empty_rows_and_numbers_rows_as_the_form_shows_them():
    rows = read(
        SPECS,
        {
            "jaar": 2026,
            "rijen": [
                {"naam": "", "uren": "", "flex": "nee", "aantal": ""},
                {"naam": " Anna  de   Vries ", "uren": "32", "flex": "nee", "aantal": "1"},
                {"uren": "12,5", "flex": True, "aantal": 2},
                {},
            ],
        },
    )["rijen"]
    assert [row["rij"] for row in rows] == [2, 3]
    assert rows[0] == {
        "rij": 2,
        "naam": "Anna de Vries",
        "uren": Decimal(32),
        "flex": False,
        "aantal": Decimal(1),
    }
    assert rows[1]["flex"] is True and rows[1]["naam"] == ""


def test_a_changed_yes_no_alone_makes_a_row_count():
    errors = errors_of({"jaar": 2026, "rijen": [{"flex": "ja"}]})
    assert errors == [{"veld": "rijen[1].aantal", "melding": errors[0]["melding"]}]


def test_cell_errors_name_row_and_column_in_dutch():
    errors = errors_of(
        {
            "jaar": "x",
            "rijen": [
                {"naam": "A", "aantal": "1"},
                {"naam": "B", "uren": "veel", "flex": "misschien", "aantal": "2,5"},
            ],
        }
    )
    assert [error["veld"] for error in errors] == [
        "jaar",
        "rijen[2].uren",
        "rijen[2].flex",
        "rijen[2].aantal",
    ]
    for error, column in zip(errors[1:], ("Uren per week", "Flexibel", "Aantal"), strict=True):
        assert f"‘{column}’ in rij 2 van ‘Medewerkers’" in error["melding"]
    assert "geen getal" in errors[1]["melding"]
    assert "‘ja’ of ‘nee’" in errors[2]["melding"]
    assert "heel getal" in errors[3]["melding"]


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("tekst", "lijst van rijen"),
        ({"naam": "A"}, "lijst van rijen"),
        ([{"aantal": 1}] * 6, "hoogstens 5"),
    ],
)
def test_table_level_errors(raw, words):
    (only,) = errors_of({"jaar": 2026, "rijen": raw})
    assert only["veld"] == "rijen" and words in only["melding"]


def test_a_row_that_is_no_object():
    (only,) = errors_of({"jaar": 2026, "rijen": [{"aantal": 1}, 7]})
    assert only["veld"] == "rijen[2]" and "Rij 2" in only["melding"]


def test_text_is_limited_and_cleaned():
    text = Text(key="naam", label="Naam", hint="", max_length=5)
    assert text.parse("a\tb\nc") == "a b c"
    with pytest.raises(ValueError, match="te lang"):
        text.parse("abcdef")
    with pytest.raises(ValueError, match="tekst"):
        text.parse(12)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1-9-2026", date(2026, 9, 1)),
        ("01-09-2026", date(2026, 9, 1)),
        ("1/9/2026", date(2026, 9, 1)),
        ("1.9.2026", date(2026, 9, 1)),
        (" 2026-09-01 ", date(2026, 9, 1)),
        ("1 September 2026", date(2026, 9, 1)),
        ("31-2-2026", None),
        ("2026-13-01", None),
        ("gisteren", None),
        ("1 sept 2026", None),
    ],
)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


def test_date_field_messages():
    spec = SPECS[1]
    assert spec.parse("") is None
    with pytest.raises(ValueError, match="geen geldige datum"):
        spec.parse("31-2-2026")
    with pytest.raises(ValueError, match="tussen"):
        spec.parse("1-1-1999")
    assert spec.shown(date(2026, 9, 1)) == "1-9-2026"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_a_shown_date_reads_back(day):
    assert parse_date(SPECS[1].shown(day)) == day


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.integers(min_value=-240, max_value=240),
)
def test_add_months_keeps_the_day_or_takes_the_last_of_the_month(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    next_month = date(later.year + later.month // 12, later.month % 12 + 1, 1)
    last_day = (next_month - timedelta(days=1)).day
    assert later.day == min(day.day, last_day)


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def parsed(markup):
    parser = Elements()
    parser.feed(markup)
    return parser.found


def test_table_form_has_labelled_inputs_a_spare_row_and_row_buttons():
    rows = TABLE.shown([{"naam": "<Anna>", "uren": "32", "flex": True, "aantal": 1}])
    markup = html.table("rh1", TABLE, rows)
    elements = parsed(markup)
    ids = {attrs["id"] for _, attrs in elements if "id" in attrs}
    (table,) = [attrs for tag, attrs in elements if tag == "table"]
    assert table["data-tabel"] == "rijen" and table["data-max-rijen"] == "5"
    assert table["data-standaard-rijen"] == "1"
    rows_in_body = [attrs for tag, attrs in elements if tag == "tr" and "data-rij" in attrs]
    assert [row["data-rij"] for row in rows_in_body] == ["1", "2", "__RIJ__"]  # + template
    cells = [attrs for _, attrs in elements if attrs.get("class") == "rh-cel"]
    assert len(cells) == 3 * len(TABLE.columns)
    for cell in cells[: 2 * len(TABLE.columns)]:
        for ref in cell["aria-labelledby"].split():
            assert ref in ids  # column header and row header exist
        assert cell["id"].startswith("rh1-rijen-")
    assert "&lt;Anna&gt;" in markup and "<Anna>" not in markup
    assert 'value="ja" selected' in markup  # the preset YesNo
    buttons = [attrs for tag, attrs in elements if tag == "button"]
    assert all(button["type"] == "button" for button in buttons)
    assert [b["data-actie"] for b in buttons].count("rij-verwijderen") == 3
    assert [b["data-actie"] for b in buttons].count("rij-toevoegen") == 1


def test_scalar_field_html_is_unchanged_and_marks_optional_fields():
    plain_field = html.field("rh1", SPECS[0], "2026")
    assert plain_field.startswith('<div class="rh-veld" data-veld="jaar">')
    assert '<label class="rh-label" for="rh1-jaar">Jaar</label>' in plain_field
    assert 'class="rh-invoer"' in plain_field and 'data-standaard="2026"' in plain_field
    assert '<span class="rh-optioneel">(optioneel)</span>' in html.field("rh1", SPECS[1], "")


# --- issue 11: numbers are read as meant, or refused with a message that names the field ------

# Real declarations, so the units they carry are checked too.
TARIFF, INDEX = (spec for spec in budget.FIELDS if spec.key in ("uurtarief", "indexaties"))
COUNT = Field(key="aantal", label="Aantal", hint="", example="3", maximum=Decimal(10_000))


def message(spec, raw):
    with pytest.raises(ValueError) as caught:
        spec.parse(raw)
    if isinstance(caught.value, InputError):
        return [item["melding"] for item in caught.value.errors]
    return str(caught.value)


@pytest.mark.parametrize(
    "raw", ["24,5.5", "1,250.5", "1.25,5", "1.2,5", "0.5,5", "1,5.000", "1.,5"]
)
def test_mixed_separators_name_the_field_and_show_what_works(raw):
    assert message(TARIFF, raw) == (
        "‘Uurtarief in euro’ is geen getal dat de rekenhulp zeker goed leest. Schrijf bijvoorbeeld 38,34"
        " of € 38,34: decimalen na één komma, en punten alleen tussen groepen van drie cijfers,"
        " zoals in 1.250,5."
    )
    assert message(COUNT, "1,250.5").endswith("zoals in 1.250.")
    assert message(INDEX, f"2; {raw}") == [
        message(INDEX.item, raw).replace("‘Indexatie’", "Indexatie 2")
    ]


def test_the_field_unit_is_read_and_another_is_named():
    assert TARIFF.parse("€ 42,50") == TARIFF.parse("42,50 euro") == Decimal("42.50")
    assert INDEX.parse("3,5%; 3,5 %; 2 procent") == [Decimal("3.5"), Decimal("3.5"), Decimal(2)]
    assert INDEX.parse(["3,5 %", 2]) == [Decimal("3.5"), Decimal(2)]
    assert message(TARIFF, "3,5 %") == (
        "‘Uurtarief in euro’ is een bedrag in euro, geen percentage. Vul bijvoorbeeld 38,34 of € 38,34 in."
    )
    assert message(INDEX, "2,5; € 3") == [
        "Indexatie 2 is een percentage, geen bedrag in euro. Vul bijvoorbeeld 2,5 of 2,5 % in."
    ]
    assert message(COUNT, "3 uur") == (
        "‘Aantal’ is een getal zonder eenheid, geen aantal uren. Vul bijvoorbeeld 3 in."
    )
    assert message(TARIFF, "38 kuur") == (
        "‘Uurtarief in euro’ is geen getal. Vul alleen cijfers in, bijvoorbeeld 38,34 of € 38,34."
    )


def test_a_year_range_has_no_thousands_dot():
    year = Field(
        key="jaar", label="Jaar", hint="", example="2026", minimum=Decimal(2000),
        maximum=Decimal(2100), year=True,
    )  # fmt: skip
    assert message(year, "1999") == "‘Jaar’ moet liggen tussen 2000 en 2100."
    assert message(COUNT, "10001") == "‘Aantal’ moet liggen tussen 0 en 10.000."


def test_a_json_integer_too_long_for_python_is_called_too_long():
    assert message(COUNT, LongInteger("9" * 5000)) == (
        "‘Aantal’ is een te lang getal (5.000 cijfers). Vul bijvoorbeeld 3 in."
    )
