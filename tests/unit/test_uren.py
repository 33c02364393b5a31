"""Rekenhulp `uren`: minimum yearly hours of the pbm'er for a houder (calc.uren)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc import uren
from calc.fields import InputError, read


def hours_for(**given_values):
    data = {"jaar": 2026, "kindercentra": 0, "fte": 0, "doelgroeppeuters": 0, **given_values}
    return uren.compute(read(uren.FIELDS, data))


def test_parts_and_total():
    out = hours_for(kindercentra=3, fte="24,5", doelgroeppeuters=37)
    assert [p["uren"] for p in out["onderdelen"]] == ["150", "245", "370"]
    assert out["totaal_uren"] == "765"


def test_ve_norm_applies_from_2022_only():
    before = hours_for(jaar=2021, doelgroeppeuters=20)
    assert before["ve_uren"] == "0"
    assert "2022" in before["onderdelen"][2]["berekening"]
    assert hours_for(jaar=2022, doelgroeppeuters=20)["ve_uren"] == "200"


def test_fractional_fte_is_exact_and_rounded_up_for_display():
    out = hours_for(kindercentra=1, fte="0,35")
    assert out["totaal_uren"] == "53.5"
    assert out["totaal_uren_afgerond"] == "54"
    assert out["weergave"]["totaal"] == "53,5 uur"


@pytest.mark.parametrize(
    ("field", "raw", "words"),
    [
        ("kindercentra", "-1", "negatief"),
        ("kindercentra", "2,5", "heel getal"),
        ("kindercentra", "drie", "geen getal"),
        ("kindercentra", "", "Vul bij"),
        ("fte", "1e9", "geen getal"),
        ("fte", "100001", "tussen"),
        ("doelgroeppeuters", "10000000", "tussen"),
        ("jaar", "2018", "2019"),
        ("jaar", "2026,5", "heel getal"),
    ],
)
def test_each_bad_field_gets_a_dutch_message_naming_it(field, raw, words):
    with pytest.raises(InputError) as caught:
        hours_for(**{field: raw})
    (only,) = caught.value.errors
    assert only["veld"] == field
    label = next(f.label for f in uren.FIELDS if f.key == field)
    assert label in only["melding"] and words in only["melding"]


def test_all_errors_are_reported_at_once():
    with pytest.raises(InputError) as caught:
        hours_for(kindercentra="x", fte="-1")
    assert [e["veld"] for e in caught.value.errors] == ["kindercentra", "fte"]


counts = st.integers(min_value=0, max_value=10_000)
ftes = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=2019, max_value=2100)


@given(years, counts, ftes, counts, counts, ftes, counts)
def test_more_input_never_means_fewer_hours(year, centres, fte, children, more_c, more_f, more_k):
    small = hours_for(jaar=year, kindercentra=centres, fte=str(fte), doelgroeppeuters=children)
    large = hours_for(
        jaar=year,
        kindercentra=min(centres + more_c, 10_000),
        fte=str(min(fte + more_f, 100_000)),
        doelgroeppeuters=min(children + more_k, 10_000),
    )
    assert Decimal(large["totaal_uren"]) >= Decimal(small["totaal_uren"])


@given(years, counts, ftes, counts)
def test_total_is_the_sum_of_the_parts_and_never_rounded_down(year, centres, fte, children):
    out = hours_for(jaar=year, kindercentra=centres, fte=str(fte), doelgroeppeuters=children)
    parts = sum(Decimal(p["uren"]) for p in out["onderdelen"])
    assert Decimal(out["totaal_uren"]) == parts
    assert Decimal(out["totaal_uren_afgerond"]) >= parts
