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


# --- issue 3: staff list, locations, explanations and the bar -------------------------------

from fractions import Fraction  # noqa: E402

from calc import api  # noqa: E402


def staff(*hours, flexible=()):
    rows = []
    for index, value in enumerate(hours):
        if index in flexible:
            rows.append({"naam": "", "flexibel": "ja", "gemiddelde_uren_per_week": str(value)})
        else:
            rows.append({"naam": f"M{index}", "uren_per_week": str(value), "flexibel": "nee"})
    return rows


def test_staff_list_replaces_typed_fte_and_says_so():
    out = hours_for(kindercentra=1, fte="24,5", medewerkers=staff(36, 18, flexible=(1,)))
    assert out["fte_bron"] == "medewerkers"
    assert out["fte"] == "1.5" and out["fte_exact"] is True
    assert out["ikk_coaching_uren"] == "15"
    assert out["medewerkers"]["uren_per_week"] == "54"
    assert [row["grondslag"] for row in out["medewerkers"]["rijen"]] == ["contract", "gemiddelde"]
    assert any("gebruikt de lijst met medewerkers" in note for note in out["meldingen"])
    period = out["medewerkers"]["peilperiode_flexibel"]
    assert period == {"van": "2025-10-01", "tot_en_met": "2025-12-31"}


def test_typed_fte_is_used_when_the_staff_list_is_empty():
    empty_row = {"naam": "", "uren_per_week": "", "flexibel": "nee", "gemiddelde_uren_per_week": ""}
    out = hours_for(fte="24,5", medewerkers=[empty_row])
    assert out["fte_bron"] == "invoer" and out["ikk_coaching_uren"] == "245"
    assert out["meldingen"] == []


def test_fte_that_is_no_finite_decimal_is_rounded_up_never_down():
    out = hours_for(kindercentra=0, medewerkers=staff(32))  # 32 / 36 × 10 = 8,888…
    assert out["fte"] == "0.8889" and out["fte_exact"] is False
    assert out["ikk_coaching_uren"] == "8.889" and out["totaal_exact"] is False
    assert out["totaal_uren_afgerond"] == "9"
    assert any("naar boven afgerond" in text for text in out["toelichting"])


def test_staff_rows_need_the_hours_their_contract_counts_with():
    with pytest.raises(InputError) as caught:
        hours_for(
            medewerkers=[
                {"naam": "A", "flexibel": "ja", "uren_per_week": "20"},
                {"naam": "B", "flexibel": "nee", "gemiddelde_uren_per_week": "20"},
            ]
        )
    assert [e["veld"] for e in caught.value.errors] == [
        "medewerkers[1].gemiddelde_uren_per_week",
        "medewerkers[2].uren_per_week",
    ]
    assert "rij 1" in caught.value.errors[0]["melding"]
    assert "flexibel contract" in caught.value.errors[0]["melding"]


def test_neither_fte_nor_staff_names_both():
    with pytest.raises(InputError) as caught:
        hours_for(fte="", doelgroeppeuters="")
    assert [e["veld"] for e in caught.value.errors] == ["fte", "doelgroeppeuters"]
    assert "medewerkers" in caught.value.errors[0]["melding"]
    assert "locaties" in caught.value.errors[1]["melding"]


def test_locations_give_ve_hours_per_location_and_in_total():
    out = hours_for(
        doelgroeppeuters=37,
        locaties=[
            {"naam": "De Boomhut", "doelgroeppeuters": "12"},
            {"naam": "", "doelgroeppeuters": "9"},
            {"naam": "", "doelgroeppeuters": ""},
        ],
    )
    assert out["doelgroeppeuters_bron"] == "locaties" and out["doelgroeppeuters"] == "21"
    assert [(r["rij"], r["uren"]) for r in out["ve_locaties"]] == [(1, "120"), (2, "90")]
    assert out["ve_uren"] == "210"
    assert any("per houder" in text for text in out["toelichting"])
    assert any("niet kunnen nagaan" in text for text in out["toelichting"])


def test_render_explains_every_part_and_escapes_names():
    out = hours_for(
        medewerkers=[{"naam": "<script>x</script>", "uren_per_week": "36"}],
        locaties=[{"naam": "A & B", "doelgroeppeuters": 3}],
    )
    page = uren.render(out)
    assert "<script>" not in page and "&lt;script&gt;" in page and "A &amp; B" in page
    assert 'role="img"' in page and "<title>" in page
    assert "Zo is de fte berekend" in page and "VE-uren per locatie" in page
    assert "kinderopvang.nl" in page  # the source of the flexible-contract rule
    assert "Peildatum 1 januari 2026" in page


def test_widget_renders_tables_for_the_row_inputs():
    widget = api.widget(
        "uren", "rh1", {"jaar": 2026, "locaties": [{"naam": "X", "doelgroeppeuters": 4}]}
    )
    assert 'data-tabel="medewerkers"' in widget and 'data-tabel="locaties"' in widget
    assert "Rij toevoegen" in widget and "40 uur" in widget


hours_a_week = st.decimals(
    min_value=0, max_value=80, places=2, allow_nan=False, allow_infinity=False
)


@given(st.lists(st.tuples(hours_a_week, st.booleans()), min_size=1, max_size=15))
def test_staff_fte_is_the_sum_of_hours_over_36_exactly(rows):
    data = [
        {"gemiddelde_uren_per_week": str(h), "flexibel": True}
        if flexible
        else {"uren_per_week": str(h), "flexibel": False}
        for h, flexible in rows
    ]
    out = hours_for(kindercentra=0, doelgroeppeuters=0, medewerkers=data)
    exact = Fraction(sum((h for h, _ in rows), Decimal(0))) / 36
    shown = Decimal(out["fte"])
    assert Fraction(shown) == exact if out["fte_exact"] else Fraction(shown) > exact
    assert Fraction(shown) - exact < Fraction(1, 10**4)
    coaching = Fraction(Decimal(out["ikk_coaching_uren"]))
    assert coaching >= exact * 10 and coaching - exact * 10 < Fraction(1, 1000)
    assert Decimal(out["totaal_uren_afgerond"]) >= Decimal(out["totaal_uren"])


@given(years, st.lists(counts, min_size=1, max_size=12))
def test_ve_per_location_sums_to_the_total(year, children):
    rows = [{"naam": f"L{i}", "doelgroeppeuters": n} for i, n in enumerate(children)]
    out = hours_for(jaar=year, locaties=rows)
    per_location = sum(Decimal(row["uren"]) for row in out["ve_locaties"])
    assert per_location == Decimal(out["ve_uren"])
    single = hours_for(jaar=year, doelgroeppeuters=sum(children))
    assert single["ve_uren"] == out["ve_uren"]


@given(st.lists(st.tuples(hours_a_week, st.booleans()), max_size=8), hours_a_week)
def test_one_more_employee_never_means_fewer_hours(rows, extra):
    data = [{"uren_per_week": str(h), "flexibel": False} for h, _ in rows]
    before = hours_for(medewerkers=data, fte=0)
    after = hours_for(medewerkers=[*data, {"uren_per_week": str(extra)}], fte=0)
    assert Decimal(after["totaal_uren"]) >= Decimal(before["totaal_uren"])
