"""Dutch number parsing and nl-NL display (calc.numbers)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.numbers import (
    AmbiguousPoint,
    NotANumber,
    WrongUnit,
    date_nl,
    euro,
    hours,
    nl,
    parse_decimal,
    plain,
    round_up,
    rounded,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("24,5", "24.5"),
        ("24.5", "24.5"),
        (" 24,5 ", "24.5"),
        ("1.234,5", "1234.5"),
        ("1 234", "1234"),
        ("1\u00a0234,25", "1234.25"),
        ("1.234.567", "1234567"),
        ("1.250", "1250"),
        ("0.125", "0.125"),
        ("12.5", "12.5"),
        ("1234.500", "1234.5"),
        ("1 234.5", "1234.5"),
        ("-1.234,5", "-1234.5"),
        ("12.345.678,25", "12345678.25"),
        ("0,5", "0.5"),
        ("24,", "24"),
        ("0", "0"),
        ("-3", "-3"),
        (",5", "0.5"),
        (37, "37"),
        (24.5, "24.5"),
    ],
)
def test_parses_what_people_type(raw, expected):
    assert parse_decimal(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_empty_is_none_not_zero(raw):
    assert parse_decimal(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "abc",
        "1,2,3",
        "1e5",
        "NaN",
        "Infinity",
        "12abc",
        ".",
        ",",
        "--1",
        "1-",
        True,
        [],
        {},
        float("nan"),
    ],
)
def test_rejects_what_is_not_a_number(raw):
    with pytest.raises(NotANumber):
        parse_decimal(raw)


# Issue 11, case 1: mixed separators were read as some other number (24,5.5 as 24,55).
MIXED = ["24,5.5", "1,250.5", "1.25,5", "1.2,5", "0.5,5", "1,5.000", "1.,5", "1.234.5", "1.2345,5"]


@pytest.mark.parametrize("raw", MIXED)
def test_mixed_separators_are_refused(raw):
    with pytest.raises(NotANumber):
        parse_decimal(raw)


@pytest.mark.parametrize(
    "raw", ["1 2", "12 ,5", "- 3", "1.234 567", "0.500,5", "1.234,5,6", "١٢٣", "１２", "−5"]
)
def test_spaces_only_between_groups_of_three_and_only_ascii_digits(raw):
    with pytest.raises(NotANumber):
        parse_decimal(raw)


# Strings built from digits and every separator the parser knows, so hypothesis meets the
# ambiguous ones (`1.250`, `0.5,5`, `1 234.5`) often.
number_texts = st.text(alphabet="0123456789.,- \u00a0", min_size=1, max_size=14) | st.from_regex(
    r"\A-?[0-9]{1,4}([., ][0-9]{1,4}){0,3}([.,][0-9]{0,3})?\Z"
)


@given(number_texts)
def test_every_accepted_string_reads_back_from_its_dutch_display(text):
    try:
        value = parse_decimal(text)
    except NotANumber:
        return
    if value is None:
        assert text.strip() == ""
        return
    assert parse_decimal(nl(value)) == value
    body = text.strip()
    # Nothing but digits after a decimal comma ...
    if "," in body:
        assert body.count(",") == 1
        assert body.split(",")[1].isdigit() or body.endswith(",")
        return
    # ... and without a comma, dots and spaces are thousands separators, or there is one dot
    # and only digits after it.
    digits = body.replace(".", "").replace(" ", "").replace("\u00a0", "")
    if value != Decimal(digits):
        assert body.count(".") == 1
        after = body.split(".")[1]
        assert after == "" or after.isdigit()


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        ("1234.5", None, "1.234,5"),
        ("765", None, "765"),
        ("1000000", None, "1.000.000"),
        ("243.50", None, "243,5"),
        ("383.4", 2, "383,40"),
        ("-1234.5", None, "-1.234,5"),
        ("0.125", 2, "0,13"),
    ],
)
def test_nl_display(value, places, shown):
    assert nl(Decimal(value), places) == shown


def test_units():
    assert hours(Decimal("765")) == "765 uur"
    assert euro(Decimal("383.4")) == "€ 383,40"
    assert plain(Decimal("24.50")) == "24.5"


def test_date_nl():
    from datetime import date

    assert date_nl(date(2022, 1, 1)) == "1 januari 2022"


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9
    )
)
def test_display_round_trips_through_the_parser(value):
    assert parse_decimal(nl(value)) == value


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=0, max_value=10**6))
def test_round_up_never_rounds_down(value):
    up = round_up(value)
    assert up >= value
    assert up - value < 1
    assert up == up.to_integral_value()


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [
        ("€ 42,50", "euro", "42.5"),
        ("€42,50", "euro", "42.5"),
        ("42,50 euro", "euro", "42.5"),
        ("1.234,50 EUR", "euro", "1234.5"),
        ("3,5%", "procent", "3.5"),
        ("3,5 %", "procent", "3.5"),
        ("-2 procent", "procent", "-2"),
        ("27,5 fte", "fte", "27.5"),
        ("12 uur", "uur", "12"),
        ("12u", "uur", "12"),
        ("42,50", "euro", "42.5"),  # the unit may always be left out
    ],
)
def test_a_number_may_carry_its_own_unit(raw, unit, expected):
    assert parse_decimal(raw, unit) == Decimal(expected)


@pytest.mark.parametrize(
    ("raw", "unit", "found"),
    [
        ("3,5 %", "euro", "procent"),
        ("€ 42", "procent", "euro"),
        ("12 uur", "fte", "uur"),
        ("27 fte", "uur", "fte"),
        ("12 uur", "", "uur"),
    ],
)
def test_another_unit_is_refused_and_named(raw, unit, found):
    with pytest.raises(WrongUnit) as caught:
        parse_decimal(raw, unit)
    assert (caught.value.found, caught.value.expected) == (found, unit)


@pytest.mark.parametrize("raw", ["€", "%", "12 kuur", "12 % %", "euro 12"])
def test_a_unit_alone_or_an_unknown_word_is_not_a_number(raw):
    with pytest.raises(NotANumber):
        parse_decimal(raw, "euro" if "euro" in raw else "procent")


def test_rounded_works_for_amounts_longer_than_the_decimal_context():
    # Issue 11, case 5: a tariff indexed by 100 % for 100 years has 34 digits before the comma.
    huge = Decimal(38) * 2**100
    assert rounded(huge, 2) == huge
    assert euro(huge).startswith("€ 48.170.722.")
    assert euro(huge).endswith(",00")


# --- a point that may be a decimal point (review of issue 11's grammar) ----------------------


@pytest.mark.parametrize(
    ("text", "grouped", "decimal"),
    [("24.125", "24125", "24.125"), ("1.000", "1000", "1"), ("-1.250", "-1250", "-1.25")],
)
def test_one_dot_group_is_in_doubt_where_three_decimals_are_plausible(text, grouped, decimal):
    with pytest.raises(AmbiguousPoint) as caught:
        parse_decimal(text, point_may_be_decimal=True)
    assert (caught.value.grouped, caught.value.decimal) == (Decimal(grouped), Decimal(decimal))
    assert parse_decimal(text) == Decimal(grouped)  # elsewhere the Dutch thousands dot


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("24.5", "24.5"),
        ("24,125", "24.125"),
        ("1.234,5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1 250", "1250"),
        ("0.125", "0.125"),
        ("24125", "24125"),
    ],
)
def test_a_number_without_doubt_reads_the_same_in_such_a_field(text, value):
    assert parse_decimal(text, point_may_be_decimal=True) == Decimal(value)
