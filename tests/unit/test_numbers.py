"""Dutch number parsing and nl-NL display (calc.numbers)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.numbers import NotANumber, date_nl, euro, hours, nl, parse_decimal, plain, round_up


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
