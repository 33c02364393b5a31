"""Rekenhulp `ve_aanbod`: the 960-uur planner (calc.ve_aanbod)."""

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc import api, rules, ve_aanbod, ve_aanbod_html
from calc.fields import InputError, read
from calc.numbers import date_nl, nl

DAYS = ve_aanbod.DAYS
NORM = rules.value("ve_aanbod_uren", date(2026, 1, 1))
CAP = rules.value("ve_aanbod_max_uren_per_dag", date(2026, 1, 1))
YEARS = rules.value("ve_aanbod_periode_jaar", date(2026, 1, 1))


def plan(week=(4, 4, 0, 4, 3), weeks=40, start=""):
    data = {day: str(h) for day, h in zip(DAYS, week, strict=True)}
    return ve_aanbod.compute(
        read(ve_aanbod.FIELDS, {**data, "weken_per_jaar": weeks, "startdatum": start})
    )


def page(out):
    """The HTML the page shows for a result."""
    return ve_aanbod_html.render(out)


def countable(hours_per_day):
    return sum(min(Decimal(h), CAP) for h in hours_per_day)


def test_the_rules_are_the_verified_ones():
    assert NORM == 960 and CAP == 6 and Decimal("1.5") == YEARS
    assert rules.value("ve_aanbod_startleeftijd_jaar", date(2026, 1, 1)) == Decimal("2.5")
    assert rules.rule("ve_aanbod_uren").start == date(2020, 8, 1)
    assert rules.rule("ve_aanbod_uren").status == "geverifieerd"
    assert rules.rule("ve_aanbod_basis_weken_per_jaar").status == "gerapporteerd"


def test_the_basis_of_the_norm_meets_it_exactly():
    out = plan((4, 4, 0, 4, 4), 40)
    assert out["uren_in_periode"] == "960" and out["voldoet"] is True
    assert out["oplossingen"] is None and out["tekort_uren"] == "0"


def test_example_falls_short_and_both_fixes_close_the_gap():
    out = plan()
    assert (out["uren_per_week"], out["uren_in_periode"], out["tekort_uren"]) == ("15", "900", "60")
    fixes = out["oplossingen"]
    assert fixes["meer_uren_per_week"]["uren_per_week_nodig"] == "16"
    assert fixes["meer_uren_per_week"]["extra_uren_per_week"] == "1"
    assert fixes["meer_weken_per_jaar"]["weken_per_jaar_nodig"] == 43
    assert fixes["meer_weken_per_jaar"]["uren_in_periode"] == "967.5"


def test_hours_above_six_a_day_do_not_count_and_are_reported():
    out = plan((8, 0, 0, 0, 0), 40)
    assert out["uren_per_week"] == "6" and out["uren_per_week_ingevuld"] == "8"
    assert out["dagen"][0]["telt_niet"] == "2"
    assert out["meldingen"] == [{"code": "boven_max_per_dag", "uren_per_week": "2"}]
    assert f"2 uur per week telt niet mee: boven de {nl(CAP)} uur op een dag." in page(out)


def test_when_the_cap_makes_more_hours_impossible_it_says_so():
    out = plan((6, 6, 6, 6, 6), 20)  # 30 × 20 × 1,5 = 900
    fix = out["oplossingen"]["meer_uren_per_week"]
    assert fix["mogelijk"] is False and fix["reden"] == "boven_max_per_week"
    assert Decimal(fix["uren_per_week_nodig"]) == NORM / (20 * YEARS)
    assert out["oplossingen"]["meer_weken_per_jaar"]["weken_per_jaar_nodig"] == 22
    assert (
        f"Met 20 weken per jaar is {nl(NORM / (20 * YEARS))} uur per week nodig; met hoogstens "
        f"{nl(CAP)} uur per dag op 5 dagen telt hoogstens {nl(CAP * 5)} uur per week mee."
        in page(out)
    )


def test_without_any_offer_more_weeks_cannot_help():
    out = plan((0, 0, 0, 0, 0), 40)
    fix = out["oplossingen"]["meer_weken_per_jaar"]
    assert fix == {"mogelijk": False, "weken_per_jaar_nodig": None, "reden": "geen_aanbod"}
    assert "Zonder aanbod per week helpen extra weken niet." in page(out)


def test_more_weeks_than_a_year_has_is_impossible():
    out = plan((2, 0, 0, 0, 0), 40)
    fix = out["oplossingen"]["meer_weken_per_jaar"]
    assert fix["mogelijk"] is False and fix["reden"] == "meer_dan_een_jaar"
    assert fix["weken_per_jaar_nodig"] == NORM / (2 * YEARS) > ve_aanbod.WEEKS_IN_YEAR
    assert (
        f"Met 2 uur per week zijn {fix['weken_per_jaar_nodig']} weken per jaar nodig; een jaar "
        f"heeft er {ve_aanbod.WEEKS_IN_YEAR}." in page(out)
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [("1-9-2026", "2028-03-01"), ("2026-08-31", "2028-02-29"), ("15 januari 2027", "2028-07-15")],
)
def test_start_date_gives_the_end_of_the_period(start, end):
    out = plan(start=start)
    assert out["einddatum"] == end
    ending = date_nl(date.fromisoformat(end))
    assert ve_aanbod_html.words(out)["einddatum"] == ending
    assert f"tot {ending}." in page(out)


def test_a_start_before_the_norm_took_effect_is_noted():
    out = plan(start="1-1-2020")
    took_effect = rules.rule("ve_aanbod_uren").start
    assert out["meldingen"] == [{"code": "norm_nog_niet", "vanaf": took_effect.isoformat()}]
    assert f"De norm van {nl(NORM)} uur geldt sinds {date_nl(took_effect)};" in page(out)
    assert plan(start=date_nl(took_effect))["meldingen"] == []


def test_the_result_holds_numbers_and_codes_and_the_page_words_them():
    """compute yields no text a user reads (calc.ve_aanbod_html words it): every string outside
    the cited rules is a figure, a date, a weekday or a code."""
    out = plan((8, 2, 0, 0, 0), 52, start="1-1-2020")  # short, two notes, a fix with a reason

    def strings(value):
        if isinstance(value, dict):
            return [text for item in value.values() for text in strings(item)]
        if isinstance(value, list):
            return [text for item in value for text in strings(item)]
        return [value] if isinstance(value, str) else []

    texts = strings({key: value for key, value in out.items() if key != "regels"})
    assert "meer_dan_een_jaar" in texts and "norm_nog_niet" in texts
    assert all(" " not in text for text in texts)
    assert all(ve_aanbod_html.note(item, out) in page(out) for item in out["meldingen"])


@pytest.mark.parametrize(
    ("field", "raw", "words"),
    [
        ("maandag", "-1", "negatief"),
        ("dinsdag", "x", "geen getal"),
        ("woensdag", "25", "tussen"),
        ("weken_per_jaar", "0", "tussen 1 en 52"),
        ("weken_per_jaar", "53", "tussen 1 en 52"),
        ("weken_per_jaar", "40,5", "heel getal"),
        ("startdatum", "30-2-2027", "geen geldige datum"),
    ],
)
def test_bad_input_names_the_field(field, raw, words):
    data = {**ve_aanbod.EXAMPLE, field: raw}
    with pytest.raises(InputError) as caught:
        read(ve_aanbod.FIELDS, data)
    (only,) = caught.value.errors
    assert only["veld"] == field and words in only["melding"]


def test_api_widget_and_render():
    out = json.loads(api.render("ve_aanbod", json.dumps(ve_aanbod.EXAMPLE)))
    # the answer cites its rules' sources (the 16 uur per week: OCW's explanation of the norm)
    source = rules.rule("ve_aanbod_basis_uren_per_week").source.url
    assert "900 uur" in out["html"] and source in out["html"]
    widget = api.widget("ve_aanbod", "rh2", {})
    assert 'data-rekenhulp="ve_aanbod"' in widget and 'id="rh2-startdatum"' in widget
    assert 'role="img"' in widget


# --- presets from practice and the page's year ------------------------------------------------


def test_more_hours_fill_one_new_day_and_say_what_counts_now():
    # 8 + 7 uur offered, 6 + 6 count; 52 weeks need 12,5 a week: one new day gets the 0,5.
    out = plan((8, 7, 0, 0, 0), 52)
    fix = out["oplossingen"]["meer_uren_per_week"]
    extra = {row["dag"]: row["erbij"] for row in fix["voorbeeld"] if row["erbij"] != "0"}
    assert extra == {"woensdag": fix["extra_uren_per_week"]}
    html = json.loads(
        api.render(
            "ve_aanbod",
            json.dumps(
                {**dict(zip(DAYS, ["8", "7", "0", "0", "0"], strict=True)), "weken_per_jaar": 52}
            ),
        )
    )["html"]
    assert "12,5 uur per week die meetelt (nu 12 uur)" in html


def test_vve_light_at_its_most_still_misses_the_norm():
    """The report's dagdelen, each a day at the most that counts, every week of the year: the
    page says this falls short, so every VVE light with that many dagdelen does."""
    rule = rules.rule(ve_aanbod.VVE_LIGHT)
    assert rule.status == "aanname" and "Kenniskring Zuid" in rule.source.title
    dagdelen = rule.periods[0][1]
    values = ve_aanbod.initial({"jaar": 2026, "preset": "vve_light"})
    out = ve_aanbod.compute(read(ve_aanbod.FIELDS, values))
    weeks = ve_aanbod.WEEKS_IN_YEAR
    assert Decimal(out["uren_per_week"]) == dagdelen * CAP
    assert Decimal(out["uren_in_periode"]) == dagdelen * CAP * weeks * YEARS < NORM
    assert out["voldoet"] is False
    assert out["oplossingen"]["meer_weken_per_jaar"]["mogelijk"] is False
    # One dagdeel more can reach the norm, in the 40 weeks the norm is based on.
    basis = rules.value("ve_aanbod_basis_weken_per_jaar", date(2026, 1, 1))
    assert (dagdelen + 1) * CAP * basis * YEARS >= NORM


def test_a_page_opens_on_its_own_year():
    assert ve_aanbod.EXAMPLE["startdatum"].endswith(str(date.today().year))
    assert ve_aanbod.initial({"jaar": 2031})["startdatum"] == "1-9-2031"
    widget = api.widget("ve_aanbod", "rh1", {"jaar": 2031, "preset": "vve_light"})
    assert 'value="1-9-2031"' in widget and "1 september 2031" in widget
    with pytest.raises(ValueError):
        ve_aanbod.initial({"preset": "onbekend"})


# No deadline: a machine under load (or Pyodide) can take longer than 200 ms for one example.
UNTIMED = settings(deadline=None)
hours = st.decimals(min_value=0, max_value=24, places=2, allow_nan=False, allow_infinity=False)
week_plans = st.tuples(hours, hours, hours, hours, hours)
weeks = st.integers(min_value=1, max_value=52)


@UNTIMED
@given(week_plans, weeks)
def test_hours_follow_the_rule_and_meets_iff_at_least_960(week, n):
    out = plan(week, n)
    expected = countable(week) * n * YEARS
    assert Decimal(out["uren_in_periode"]) == expected
    assert out["voldoet"] == (expected >= NORM)
    assert Decimal(out["tekort_uren"]) == max(NORM - expected, 0)


@UNTIMED
@given(week_plans, weeks, st.integers(min_value=0, max_value=4), hours)
def test_hours_above_six_never_count(week, n, day, more):
    base = list(week)
    base[day] = max(base[day], CAP)
    higher = list(base)
    higher[day] = min(base[day] + more, 24)
    assert plan(tuple(base), n)["uren_in_periode"] == plan(tuple(higher), n)["uren_in_periode"]


@UNTIMED
@given(week_plans, weeks, week_plans, st.integers(min_value=0, max_value=51))
def test_more_offer_never_means_fewer_hours(week, n, extra, more_weeks):
    bigger = tuple(min(a + b, 24) for a, b in zip(week, extra, strict=True))
    small = Decimal(plan(week, n)["uren_in_periode"])
    large = Decimal(plan(bigger, min(n + more_weeks, 52))["uren_in_periode"])
    assert large >= small


@UNTIMED
@given(week_plans, weeks)
def test_the_suggested_fixes_really_reach_960(week, n):
    out = plan(week, n)
    if out["voldoet"]:
        assert out["oplossingen"] is None
        return
    more_hours = out["oplossingen"]["meer_uren_per_week"]
    need = NORM / (n * YEARS)
    assert more_hours["mogelijk"] == (need <= CAP * 5)
    if more_hours["mogelijk"]:
        new = [Decimal(row["nieuw"]) for row in more_hours["voorbeeld"]]
        old = [Decimal(row["nu"]) for row in more_hours["voorbeeld"]]
        assert all(a >= b for a, b in zip(new, old, strict=True))
        assert countable(new) * n * YEARS >= NORM
        assert countable(new) * n * YEARS == Decimal(more_hours["uren_in_periode"])
        added = [Decimal(row["erbij"]) for row in more_hours["voorbeeld"]]
        assert sum(added) == Decimal(more_hours["extra_uren_per_week"])  # the example is the gap
        new_days = [a for a, b in zip(added, old, strict=True) if a and not b]
        assert all(a == CAP for a in new_days[:-1])  # a new day is filled before the next
        assert Decimal(more_hours["uren_per_week_nodig"]) * n * YEARS >= NORM
        quarter_less = Decimal(more_hours["uren_per_week_nodig"]) - Decimal("0.25")
        assert quarter_less * n * YEARS < NORM  # the least quarter hour that reaches it
    more_weeks = out["oplossingen"]["meer_weken_per_jaar"]
    if more_weeks["mogelijk"]:
        needed = more_weeks["weken_per_jaar_nodig"]
        assert needed > n
        assert countable(week) * needed * YEARS >= NORM
        assert countable(week) * (needed - 1) * YEARS < NORM
    else:
        assert countable(week) == 0 or countable(week) * 52 * YEARS < NORM


@UNTIMED
@given(week_plans, weeks)
def test_the_other_way_round_table_is_the_least_quarter_hour_that_reaches_960(week, n):
    rows = plan(week, n)["per_weken"]
    assert n in [row["weken_per_jaar"] for row in rows]
    for row in rows:
        need = Decimal(row["uren_per_week_nodig"])
        count = row["weken_per_jaar"]
        assert need * count * YEARS >= NORM > (need - Decimal("0.25")) * count * YEARS
        assert row["mogelijk"] == (need <= CAP * 5)
        if row["mogelijk"]:
            assert row["minimaal_dagen"] * CAP >= need > (row["minimaal_dagen"] - 1) * CAP
