"""Rekenhulp `budget` (issue 4): legal minimum, funded hours, indexation, presets, errors.

Runs in CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc import api, budget, budget_html, html, rules
from calc.__main__ import main
from calc.csv_nl import decimal_cell
from calc.numbers import euro

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def compute(data: dict) -> dict:
    return json.loads(api.compute("budget", json.dumps(data)))


def shown(data: dict) -> str:
    """The HTML the page shows for `data`."""
    return json.loads(api.render("budget", json.dumps(data)))["html"]


YEAR = 2026  # the budget year of the examples below (input, not a rule)


def base(**changes) -> dict:
    return {**budget.EXAMPLE, "begrotingsjaar": str(YEAR), **changes}


def row(naam="L", aanbieder="A", dgp="10", **extra) -> dict:
    return {"naam": naam, "aanbieder": aanbieder, "doelgroeppeuters": dgp, **extra}


def first(key: str) -> Decimal:
    return rules.rule(key).periods[0][1]


LEGAL = rules.value("ve_uren_per_doelgroeppeuter", date(YEAR, 1, 1))
PER_PLACE = first("veldhoven_bedrag_per_bezette_peuterplaats")  # € 383,40 (prijspeil 2020)
PLACE_HOURS = first("veldhoven_uren_per_bezette_peuterplaats")
VELDHOVEN_YEAR = rules.rule("veldhoven_bedrag_per_bezette_peuterplaats").start.year


# --- defaults are current, and never warn about themselves -----------------------------------


@pytest.mark.parametrize("preset", [None, "kleine_gemeente", "enschede"])
def test_a_page_opens_on_its_year_with_the_hours_and_asks_for_a_tariff(preset):
    """No current tariff is known: the default shows hours, and no note of its own making."""
    this_year = date.today().year
    assert budget.EXAMPLE["begrotingsjaar"] == str(this_year)
    values = {"jaar": this_year} if preset is None else {"jaar": this_year, "preset": preset}
    out = compute(budget.initial(values))
    assert out["begrotingsjaar"] == this_year
    assert out["meldingen"] == []
    assert out["tarief"] is None and out["bedrag_per_eenheid"] is None
    assert out["totaal"]["kosten"] is None
    assert all(item["kosten"] is None for item in out["locaties"])
    html = shown(budget.initial(values))
    assert "Vul uw uurtarief in" in html and "Let op" not in html
    assert "Kosten" not in html  # no cost columns without a tariff
    assert budget.initial({"jaar": 2031})["begrotingsjaar"] == "2031"


def test_presets_keep_the_forms_year_and_carry_the_year_of_their_figures():
    for key, preset in budget.PRESETS.items():
        assert "begrotingsjaar" not in preset["invoer"], key
        assert re.search(r"\b20\d\d\b", preset["titel"]), preset["titel"]
    assert f"prijspeil {VELDHOVEN_YEAR}" in budget.PRESETS["veldhoven"]["titel"]


# --- presets from practice --------------------------------------------------------------------


def test_veldhoven_gives_its_amount_per_bezette_peuterplaats_at_its_prijspeil():
    data = budget.initial({"jaar": VELDHOVEN_YEAR, "preset": "veldhoven"})
    out = compute(data)
    assert out["begrotingsjaar"] == VELDHOVEN_YEAR
    assert out["invoer"]["grondslag"] == "bezette_plaatsen"
    assert Decimal(out["bedrag_per_eenheid"]) == PER_PLACE
    assert Decimal(out["tarief"]["tarief_begrotingsjaar"]) == PER_PLACE / PLACE_HOURS
    for location in out["locaties"]:
        assert Decimal(location["kosten_per_plaats"]) == PER_PLACE
    assert Decimal(out["totaal"]["kosten_per_plaats"]) == PER_PLACE
    html = shown(data)
    assert euro(PER_PLACE) in html and "per bezette peuterplaats" in html


def test_veldhoven_in_a_later_year_asks_for_the_indexations():
    out = compute(budget.initial({"jaar": YEAR, "preset": "veldhoven"}))
    missing = list(range(VELDHOVEN_YEAR + 1, YEAR + 1))
    assert {"soort": "indexatie_ontbreekt", "jaren": missing} in out["meldingen"]
    assert Decimal(out["bedrag_per_eenheid"]) == PER_PLACE  # 0 % where nothing was filled in
    html = shown(budget.initial({"jaar": YEAR, "preset": "veldhoven"}))
    assert f"Voor {missing[0]} tot en met {missing[-1]} is geen indexatie ingevuld" in html


def test_veldhoven_with_the_default_hours_is_the_same():
    data = budget.initial({"jaar": VELDHOVEN_YEAR, "preset": "veldhoven"})
    data["uren_per_kind"] = ""  # empty: the legal hours
    out = compute(data)
    assert Decimal(out["invoer"]["uren_per_kind"]) == first("ve_uren_per_doelgroeppeuter")
    assert out["invoer"]["uren_per_kind_standaard"] is True
    assert Decimal(out["bedrag_per_eenheid"]) == PER_PLACE


def test_preset_numbers_come_from_rules_data_marked_as_assumption():
    for preset in budget.PRESETS.values():
        for key in preset["regels"]:
            rule = rules.rule(key)
            assert rule.status == "aanname"
            assert rule.source.title == preset["bron"] or rule.source.title in (
                "Verslag Kenniskring Zuid OCW, 22 april 2021",
                "Verslag GOAB bijeenkomst pbm'er in VE, 2 december 2021",
            )
    assert rules.value("veldhoven_bedrag_per_bezette_peuterplaats", date(2020, 1, 1)) == Decimal(
        "383.40"
    )
    assert rules.value("veldhoven_uurloon_pbm", date(2019, 1, 1)) == 36
    assert rules.value("kleine_gemeente_vaste_voet_uren", date(2022, 1, 1)) == 60
    veldhoven = budget.PRESETS["veldhoven"]["invoer"]
    assert veldhoven["uurtarief"] == decimal_cell(PER_PLACE / PLACE_HOURS)
    assert veldhoven["prijspeil_jaar"] == str(VELDHOVEN_YEAR)
    for key in ("kleine_gemeente", "enschede"):  # no tariff of another municipality
        assert budget.PRESETS[key]["invoer"]["uurtarief"] == ""


def test_meeting_sources_have_no_url_and_are_cited_by_title():
    source = rules.rule("veldhoven_uurloon_pbm").source
    assert source.url == ""
    cite = api.html.rule_cite(
        {**rules.rule("veldhoven_uurloon_pbm").describe(), "status_tekst": "aanname"}
    )
    assert "<a " not in cite and "Kenniskring Zuid" in cite


def test_only_assumptions_may_cite_a_source_without_url():
    for rule in rules.all_rules().values():
        assert rule.source.url.startswith("https://") or rule.status == "aanname", rule.key


def test_kleine_gemeente_is_a_vaste_voet_plus_the_legal_hours_per_child_per_location():
    out = compute(budget.initial({"jaar": YEAR, "preset": "kleine_gemeente"}))
    fixed = first("kleine_gemeente_vaste_voet_uren")
    for location in out["locaties"]:
        dgp = Decimal(location["doelgroeppeuters"])
        assert Decimal(location["gefinancierde_uren"]) == fixed + LEGAL * dgp
        assert Decimal(location["minimum_uren"]) == LEGAL * dgp
    assert out["invoer"]["vaste_voet_per"] == "locatie"


def test_vaste_voet_per_aanbieder_counts_once_per_provider():
    rows = [row("a", "X", "10"), row("b", "x ", "5"), row("c", "Y", "1")]
    out = compute(base(locaties=rows, vaste_voet_uren="60", vaste_voet_per="aanbieder"))
    assert [item["vaste_voet_uren"] for item in out["locaties"]] == ["0", "0", "0"]
    assert len(out["aanbieders"]) == 2  # "X" and "x " are one provider
    assert Decimal(out["totaal"]["gefinancierde_uren"]) == LEGAL * 16 + 2 * 60


def test_vaste_voet_per_aanbieder_refuses_rows_without_an_aanbieder():
    # Rows without an aanbieder would share one vaste voet as if they were one aanbieder.
    rows = [row("a", "X", "10"), row("b", "", "5"), row("c", "", "1")]
    out = compute(base(locaties=rows, vaste_voet_uren="60", vaste_voet_per="aanbieder"))
    assert [item["veld"] for item in out["fouten"]] == [
        "locaties[2].aanbieder",
        "locaties[3].aanbieder",
    ]
    assert "‘Aanbieder’ in rij 2 van ‘Locaties’" in out["fouten"][0]["melding"]
    assert "Per locatie" in out["fouten"][0]["melding"]
    # Per locatie, without a vaste voet, or with one location, no aanbieder is needed.
    for changes in (
        {"vaste_voet_per": "locatie"},
        {"vaste_voet_uren": ""},
        {"locaties": rows[1:2]},
    ):
        settings = {"locaties": rows, "vaste_voet_uren": "60", "vaste_voet_per": "aanbieder"}
        assert "fouten" not in compute(base(**{**settings, **changes}))


def test_enschede_factor_multiplies_the_hours_per_child_only():
    data = budget.initial({"jaar": YEAR, "preset": "enschede"})
    assert "geen getallen" in budget.PRESETS["enschede"]["toelichting"]
    data["locaties"][0].update(factor="1,25", extra_uren="8")
    data["vaste_voet_uren"] = "60"
    out = compute(data)
    first_row = out["locaties"][0]
    dgp = Decimal(first_row["doelgroeppeuters"])
    assert Decimal(first_row["gefinancierde_uren"]) == 60 + LEGAL * dgp * Decimal("1.25") + 8


def test_every_preset_computes_and_renders():
    for name in budget.PRESETS:
        out = json.loads(
            api.render("budget", json.dumps(budget.initial({"jaar": YEAR, "preset": name})))
        )
        assert "fouten" not in out, out
        assert "aanname uit de praktijk" in out["html"]


# --- hours and money --------------------------------------------------------------------------


def test_younger_children_count_for_the_funded_hours_and_never_for_the_legal_minimum():
    """Enschede gives VE from age 2: the law counts only doelgroeppeuters of 2,5 to 4."""
    out = compute(base(locaties=[row(dgp="10", jongere_peuters="4")]))
    (location,) = out["locaties"]
    assert Decimal(location["minimum_uren"]) == LEGAL * 10
    assert Decimal(location["gefinancierde_uren"]) == LEGAL * (10 + 4)
    assert location["jongere_peuters"] == "4" and out["totaal"]["jongere_peuters"] == "4"
    with_cost = compute(base(uurtarief="40", locaties=[row(dgp="10", jongere_peuters="4")]))
    cost = LEGAL * 14 * 40
    assert Decimal(with_cost["locaties"][0]["kosten_per_peuter"]) == cost / 14
    # Counted over bezette plaatsen, the younger children change nothing.
    by_places = [row(dgp="10", jongere_peuters="4", bezette_plaatsen="12")]
    out = compute(base(grondslag="bezette_plaatsen", locaties=by_places))
    assert Decimal(out["locaties"][0]["gefinancierde_uren"]) == LEGAL * 12
    assert "Jonger dan 2,5 jaar" in shown(base(locaties=[row(jongere_peuters="4")]))
    assert "Jonger dan 2,5 jaar" not in shown(base(locaties=[row()]))


def test_legal_minimum_is_per_doelgroeppeuter_and_below_is_flagged():
    rows = [row("Groot", dgp="20"), row("Klein", dgp="4")]
    out = compute(base(locaties=rows, uren_per_kind="8", vaste_voet_uren="20"))
    assert [Decimal(item["minimum_uren"]) for item in out["locaties"]] == [LEGAL * 20, LEGAL * 4]
    assert [item["gefinancierde_uren"] for item in out["locaties"]] == ["180", "52"]
    assert [item["onder_minimum"] for item in out["locaties"]] == [True, False]
    assert out["totaal"]["locaties_onder_minimum"] == 1
    assert {"soort": "minder_dan_norm", "uren_per_kind": "8"} in out["meldingen"]
    assert {"soort": "locaties_onder_minimum", "aantal": 1, "van": 2} in out["meldingen"]
    html = shown(base(locaties=rows, uren_per_kind="8", vaste_voet_uren="20"))
    assert "minder dan het wettelijk minimum" in html and "−20 uur" in html
    assert "1 van de 2 locaties" in html


def test_before_2022_there_is_no_legal_minimum():
    data = base(begrotingsjaar="2021", locaties=[row()])
    out = compute(data)
    assert out["wettelijk_minimum_van_kracht"] is False
    assert out["locaties"][0]["minimum_uren"] == "0"
    assert out["meldingen"] == [{"soort": "norm_nog_niet", "vanaf": "2022-01-01"}]
    html = shown(data)
    assert "n.v.t." in html and "1 januari 2022" in html


def test_bezette_plaatsen_as_basis_needs_places():
    rows = [row("a", dgp="10", bezette_plaatsen="14,5"), row("b", dgp="3")]
    out = compute(base(grondslag="bezette_plaatsen", locaties=rows))
    assert out["fouten"] == [
        {
            "veld": "locaties[2].bezette_plaatsen",
            "melding": out["fouten"][0]["melding"],
        }
    ]
    assert out["fouten"][0]["melding"].startswith("Vul bij ‘Bezette plaatsen’ in rij 2 van")
    rows[1]["bezette_plaatsen"] = "2"
    out = compute(base(grondslag="bezette_plaatsen", locaties=rows))
    assert [item["gefinancierde_uren"] for item in out["locaties"]] == ["145", "20"]
    assert [item["minimum_uren"] for item in out["locaties"]] == ["100", "30"]
    assert {"soort": "telt_bezette_plaatsen"} in out["meldingen"]


def test_cost_per_doelgroeppeuter_and_oab_share():
    data = base(
        uurtarief="40",
        locaties=[row(dgp="10"), row(dgp="0", extra_uren="5")],
        oab_budget="1.000.000",
    )
    out = compute(data)
    first_row, second = out["locaties"]
    assert Decimal(first_row["kosten"]) == LEGAL * 10 * 40
    assert Decimal(first_row["kosten_per_peuter"]) == LEGAL * 40
    assert second["kosten_per_peuter"] is None
    total = LEGAL * 10 * 40 + 5 * 40
    assert Decimal(out["oab"]["procent"]) == total / 10_000  # of € 1.000.000, in percent
    html = shown(data)
    assert "—" in html and "0,4 %" in html


def test_without_a_tariff_the_oab_share_waits_for_one():
    data = base(oab_budget="1.000.000", locaties=[row()])
    out = compute(data)
    assert out["oab"] == {"budget": "1000000", "procent": None}
    assert "Met een uurtarief ziet u welk deel van het OAB-budget" in shown(data)


def test_a_tariff_without_prijspeil_is_of_the_budget_year():
    out = compute(base(uurtarief="40", locaties=[row()]))
    assert out["tarief"]["prijspeil_jaar"] == YEAR and out["tarief"]["stappen"] == []
    assert out["meldingen"] == []
    out = compute(base(uurtarief="40", indexaties="2", locaties=[row()]))
    assert [item["veld"] for item in out["fouten"]] == ["prijspeil_jaar"]


def test_numbers_and_dutch_strings_give_the_same_result():
    as_text = base(uurtarief="38,34", prijspeil_jaar="2024", indexaties="2,5; 3", locaties=[row()])
    as_numbers = base(
        uurtarief=38.34, prijspeil_jaar=2024, indexaties=[2.5, 3], locaties=[row(dgp=10)]
    )
    assert compute(as_text) == compute(as_numbers)


# --- indexation -------------------------------------------------------------------------------

percentages = st.decimals(min_value=-10, max_value=15, places=2, allow_nan=False)


@PROPERTY
@given(
    tariff=st.decimals(min_value=1, max_value=200, places=2, allow_nan=False),
    start=st.integers(2015, 2030),
    steps=st.lists(percentages, max_size=8),
)
def test_indexation_is_the_product_of_the_steps(tariff, start, steps):
    year = start + len(steps)
    out = compute(
        base(
            uurtarief=str(tariff),
            prijspeil_jaar=start,
            begrotingsjaar=year,
            indexaties=[str(p) for p in steps],
            locaties=[row()],
        )
    )
    expected = tariff
    for percentage in steps:  # rounded to cents each year, as municipalities publish it
        expected = cents(expected * (1 + percentage / 100))
    assert Decimal(out["tarief"]["tarief_begrotingsjaar"]) == expected
    shown = out["tarief"]["stappen"]
    assert [(s["van"], s["naar"]) for s in shown] == [
        (start + i, start + i + 1) for i in range(len(steps))
    ]
    assert [Decimal(s["procent"]) for s in shown] == steps
    if shown:
        assert shown[-1]["tarief"] == out["tarief"]["tarief_begrotingsjaar"]
    assert out["tarief"]["ontbrekende_indexaties"] == []


def test_index_steps_are_shown_in_dutch():
    data = base(
        uurtarief="36",
        prijspeil_jaar="2019",
        begrotingsjaar="2021",
        indexaties=["6,5", "-1"],
        locaties=[row()],
    )
    steps = compute(data)["tarief"]["stappen"]
    assert [s["procent"] for s in steps] == ["6.5", "-1"]
    html = shown(data)
    table = html[html.index('<table class="rh-tabel rh-tarief">') :]
    table = table[: table.index("</table>")]
    for text in ("+6,5 %", "-1 %", "€ 38,34", "€ 37,96"):  # 36 × 1,065 = 38,34; × 0,99
        assert text in table


def test_missing_index_years_count_as_zero_and_are_flagged():
    data = base(
        uurtarief="36",
        prijspeil_jaar="2022",
        begrotingsjaar="2025",
        indexaties=["3"],
        locaties=[row()],
    )
    out = compute(data)
    assert out["tarief"]["ontbrekende_indexaties"] == [2024, 2025]
    assert {"soort": "indexatie_ontbreekt", "jaren": [2024, 2025]} in out["meldingen"]
    assert "2024 tot en met 2025" in shown(data)


def test_too_many_indexations_and_a_late_prijspeil_are_errors():
    out = compute(base(prijspeil_jaar="2025", begrotingsjaar="2026", indexaties=["1", "2"]))
    assert [item["veld"] for item in out["fouten"]] == ["indexaties"]
    out = compute(base(prijspeil_jaar="2027", begrotingsjaar="2026"))
    assert [item["veld"] for item in out["fouten"]] == ["prijspeil_jaar"]


# --- totals -----------------------------------------------------------------------------------

cells = st.one_of(st.integers(0, 500).map(str), st.integers(0, 500))
rows_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "naam": st.text(max_size=12),
            "aanbieder": st.sampled_from(["A", "B", "c", ""]),
            "doelgroeppeuters": cells,
        },
        optional={
            "bezette_plaatsen": st.decimals(0, 500, places=1, allow_nan=False).map(str),
            "extra_uren": st.decimals(0, 100, places=2, allow_nan=False).map(str),
            "jongere_peuters": st.integers(0, 50).map(str),
            "factor": st.decimals(0, 3, places=2, allow_nan=False).map(str),
        },
    ),
    min_size=1,
    max_size=15,
)


@PROPERTY
@given(
    rows=rows_strategy,
    per=st.sampled_from(["locatie", "aanbieder"]),
    fixed=st.sampled_from(["", "0", "60", "12,5"]),
    hours_per_child=st.sampled_from(["", "8", "10", "12,5"]),
    indexes=st.lists(percentages, max_size=4),
)
def test_totals_equal_the_sum_of_locations_and_providers(
    rows, per, fixed, hours_per_child, indexes
):
    if per == "aanbieder":  # a vaste voet per aanbieder needs every row's aanbieder
        rows = [{**item, "aanbieder": item["aanbieder"] or "A"} for item in rows]
    out = compute(
        base(
            locaties=rows,
            vaste_voet_uren=fixed,
            vaste_voet_per=per,
            uren_per_kind=hours_per_child,
            prijspeil_jaar=2026 - len(indexes),
            indexaties=[str(p) for p in indexes],
            uurtarief="38,34",
        )
    )
    assert "fouten" not in out, out
    total = out["totaal"]
    fixed_hours = Decimal(out["invoer"]["vaste_voet_uren"])
    provider_fixed = fixed_hours * len(out["aanbieders"]) if per == "aanbieder" else 0
    tariff = Decimal(out["tarief"]["tarief_begrotingsjaar"])

    def summed(items, key):
        return sum((Decimal(item[key]) for item in items), Decimal(0))

    for key in ("doelgroeppeuters", "minimum_uren"):
        assert Decimal(total[key]) == summed(out["locaties"], key)
    assert (
        Decimal(total["gefinancierde_uren"])
        == summed(out["locaties"], "gefinancierde_uren") + provider_fixed
    )
    fixed_cost = len(out["aanbieders"]) * cents(fixed_hours * tariff) if per == "aanbieder" else 0
    assert Decimal(total["kosten"]) == summed(out["locaties"], "kosten") + fixed_cost
    for key in (
        "doelgroeppeuters",
        "jongere_peuters",
        "minimum_uren",
        "gefinancierde_uren",
        "kosten",
    ):
        assert Decimal(total[key]) == summed(out["aanbieders"], key)
    assert total["locaties"] == len(out["locaties"]) == len(rows)
    for location in out["locaties"]:
        assert Decimal(location["kosten"]) == cents(
            Decimal(location["gefinancierde_uren"]) * tariff
        )
        assert Decimal(location["minimum_uren"]) == LEGAL * Decimal(location["doelgroeppeuters"])


def test_a_table_of_2000_locations_computes_and_goes_to_the_browser_by_page():
    rows = [row(f"Locatie {i}", f"Aanbieder {i % 40}", str(i % 30)) for i in range(2000)]
    out = json.loads(api.render("budget", json.dumps(base(locaties=rows))))
    assert out["resultaat"]["totaal"]["locaties"] == 2000
    assert out["html"].count("<rect ") == budget_html.MAX_BARS
    # Only the table per location is long (40 providers fit on a page): its first page is shown.
    ((key, pages),) = out["paginas"].items()
    assert f'data-paginas="{key}" data-rijen="2000"' in out["html"]
    assert len(pages) == 2000 // html.PAGE_ROWS
    assert all(page.count('<tr data-rij="') == html.PAGE_ROWS for page in pages)
    assert out["html"].count('<tr data-rij="') == html.PAGE_ROWS and pages[0] in out["html"]
    # Nothing is lost: the pages are the rows a build renders, in their order.
    assert "".join(pages) in budget_html.render(out["resultaat"])
    # Counts are Dutch numbers: the total, the chart's title.
    text = re.sub(r"<[^>]+>", "", out["html"])
    assert "voor 2.000 locaties" in text and "van 2.000" in text
    assert not re.search(r"\b2000 locaties|van 2000\b", text)


# --- errors -----------------------------------------------------------------------------------

DUTCH = re.compile(r"\b(de|het|een|van|bij|vul|kies|zijn|is|moet|moeten)\b", re.IGNORECASE)
ENGLISH = re.compile(r"\b(the|must|invalid|error|should|value is)\b", re.IGNORECASE)
VELD = re.compile(
    r"^(invoer|preset|grondslag|vaste_voet_per|grafiek|begrotingsjaar|uren_per_kind"
    r"|vaste_voet_uren|uurtarief|prijspeil_jaar|oab_budget|indexaties(\[\d+\])?"
    r"|locaties(\[\d+\](\.\w+)?)?)$"
)


def assert_dutch_errors(out: dict) -> None:
    assert out.get("fouten"), out
    for item in out["fouten"]:
        assert set(item) == {"veld", "melding"}
        assert VELD.match(item["veld"]), item
        assert DUTCH.search(item["melding"]) and not ENGLISH.search(item["melding"]), item


def test_a_bad_row_is_named_by_row_and_column_as_the_form_shows_them():
    rows = [row("a"), row("b"), row("c"), row("d", dgp="veel"), row("e")]
    out = compute(base(locaties=rows))
    assert out["fouten"] == [
        {
            "veld": "locaties[4].doelgroeppeuters",
            "melding": "‘Doelgroeppeuters’ in rij 4 van ‘Locaties’ is geen getal. Vul"
            " alleen cijfers in, bijvoorbeeld 12.",
        }
    ]
    rows.insert(1, {})  # an empty row still counts: the form numbers every row it shows
    out = compute(base(locaties=rows))
    assert [item["veld"] for item in out["fouten"]] == ["locaties[5].doelgroeppeuters"]
    rows[4] = row("d")
    assert [item["rij"] for item in compute(base(locaties=rows))["locaties"]] == [1, 3, 4, 5, 6]


@pytest.mark.parametrize(
    "changes",
    [
        {"uurtarief": "duur"},
        {"prijspeil_jaar": "", "indexaties": "2"},
        {"begrotingsjaar": "1999"},
        {"prijspeil_jaar": "2019,5"},
        {"uren_per_kind": "-1"},
        {"vaste_voet_uren": "1e3"},
        {"oab_budget": "0"},
        {"grondslag": "kinderen"},
        {"vaste_voet_per": "gemeente"},
        {"grafiek": "taart"},
        {"preset": "amsterdam"},
        {"indexaties": ["2", "", "x"]},
        {"indexaties": {"2020": 2}},
        {"locaties": []},
        {"locaties": "Locatie A"},
        {"locaties": [{}, {"naam": ""}]},
        {"locaties": [1, row()]},
        {"locaties": [row(dgp="")]},
        {"locaties": [row(dgp="2,5")]},
        {"locaties": [row(jongere_peuters="1,5")]},
        {"locaties": [row(factor="11")]},
        {"locaties": [row(extra_uren="-2")]},
        {"locaties": [row(naam="x" * 201)]},
        {"locaties": [row(naam=["a"])]},
    ],
)
def test_every_error_is_dutch_and_names_the_field(changes):
    assert_dutch_errors(compute(base(**changes)))


def test_all_errors_at_once_and_empty_rows_are_skipped():
    rows = [row("a"), {}, {"naam": "", "doelgroeppeuters": " "}, row("d", dgp="-1")]
    out = compute(base(uurtarief="x", locaties=rows))
    assert [item["veld"] for item in out["fouten"]] == ["uurtarief", "locaties[4].doelgroeppeuters"]
    out = compute(base(locaties=rows[:3]))
    assert [item["rij"] for item in out["locaties"]] == [1]


@pytest.mark.parametrize("text", ["", "[]", "null", '"budget"'])
def test_not_an_object(text):
    out = json.loads(api.compute("budget", text))
    assert out["fouten"][0]["veld"] == "invoer"


# --- HTML, CLI, widget ------------------------------------------------------------------------


def test_render_escapes_names_and_draws_an_accessible_chart():
    rows = [row("<script>alert(1)</script>", "A & B"), row("Zon")]
    html = shown(base(locaties=rows, uurtarief="36"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &amp; B" in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "<title>" in svg and "<desc>" in svg
    assert svg.count("<rect ") == 2
    assert re.search(r'<table class="[^"]*\brh-locaties\b', html)  # the same numbers as a table
    assert euro(LEGAL * 36) in html  # per doelgroeppeuter: the legal hours at € 36


def test_cost_chart_needs_a_tariff():
    html = shown(base(grafiek="kosten", uurtarief="36"))
    assert "Kosten per locatie" in html and "rh-grafiek__minimum" not in html
    html = shown(base(grafiek="kosten"))  # no tariff: the hours, with the legal minimum
    assert "Uren per locatie" in html and "rh-grafiek__minimum" in html


def test_cli(monkeypatch, capsys):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO(json.dumps(budget.initial({"preset": "veldhoven"})))
    )
    assert main(["budget"]) == 0
    assert Decimal(json.loads(capsys.readouterr().out)["bedrag_per_eenheid"]) == PER_PLACE
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(base(uurtarief="gratis"))))
    assert main(["budget"]) == 2
    assert json.loads(capsys.readouterr().out)["fouten"][0]["veld"] == "uurtarief"


def test_widget_with_preset():
    html = api.widget("budget", "rh2", {"jaar": 2026, "preset": "veldhoven"})
    assert 'data-rekenhulp="budget"' in html
    rate = budget.PRESETS["veldhoven"]["invoer"]["uurtarief"]
    assert 'id="rh2-locaties-1-bezette_plaatsen"' in html and f'value="{rate}"' in html
    assert euro(PER_PLACE) in html
    assert "rh-startinvoer" not in html  # the browser reads the form itself
    with pytest.raises(ValueError):
        api.widget("budget", "rh3", {"preset": "amsterdam"})


def test_widget_carries_its_presets_for_the_browser():
    """The page fills the form from these at once, also before Pyodide has loaded."""
    markup = api.widget("budget", "rh1", {"jaar": 2026})
    (raw,) = re.findall(r'<section class="rekenhulp"[^>]* data-voorbeelden="([^"]*)"', markup)
    embedded = json.loads(raw.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&"))
    assert embedded == {key: preset["invoer"] for key, preset in budget.PRESETS.items()}
    assert "data-voorbeelden" not in api.widget("uren", "rh2", {"jaar": 2026})  # no presets


def test_result_csv_export():
    data = budget.initial({"jaar": VELDHOVEN_YEAR, "preset": "veldhoven"})
    answer = json.loads(api.csv_export("budget", json.dumps(data), "resultaat"))
    lines = answer["csv"].lstrip("\ufeff").split("\r\n")
    assert lines[0].startswith(
        "Locatie;Aanbieder;Doelgroeppeuters;Jonger dan 2,5 jaar;Bezette plaatsen"
    )
    assert lines[1].endswith(";" + euro(PER_PLACE).removeprefix("€ "))
    assert lines[1 + len(data["locaties"])].startswith("Totaal;")
    assert answer["bestandsnaam"] == f"budget-{VELDHOVEN_YEAR}.csv"
    # Without a tariff the cost columns are empty, not 0.
    hours_only = json.loads(api.csv_export("budget", json.dumps(base()), "resultaat"))
    assert hours_only["csv"].split("\r\n")[1].endswith(";;;")
    bad = json.loads(api.csv_export("budget", json.dumps(base(uurtarief="x")), "resultaat"))
    assert bad["fouten"][0]["veld"] == "uurtarief"


def test_presets_through_the_api():
    found = json.loads(api.presets("budget"))
    assert set(found) == {"veldhoven", "kleine_gemeente", "enschede"}
    assert found["veldhoven"]["invoer"]["uurtarief"] == decimal_cell(PER_PLACE / PLACE_HOURS)
    assert json.loads(api.presets("bestaat-niet")) == {}


def test_errors_come_in_the_order_of_the_form():
    out = compute(base(grafiek="taart", begrotingsjaar="x", locaties=[row(), row(dgp="x"), 7]))
    assert [item["veld"] for item in out["fouten"]] == [
        "begrotingsjaar",
        "locaties[2].doelgroeppeuters",
        "locaties[3]",
        "grafiek",
    ]


def test_index_errors_name_the_one_field_and_the_position():
    out = compute(base(prijspeil_jaar="2020", indexaties=["2", "", "x", "200"]))
    assert [item["veld"] for item in out["fouten"]] == ["indexaties"] * 3
    assert [item["melding"].split(" ")[:2] for item in out["fouten"]] == [
        ["Indexatie", "2"],
        ["Indexatie", "3"],
        ["Indexatie", "4"],
    ]
    out = compute(base(prijspeil_jaar="2024", indexaties="2,5;\n-1"))
    assert out["invoer"]["indexaties"] == ["2.5", "-1"]


def test_at_most_5000_locations_and_at_least_one():
    out = compute(base(locaties=[row()] * (budget.MAX_ROWS + 1)))
    assert [item["veld"] for item in out["fouten"]] == ["locaties"]
    assert "hoogstens 5000" in out["fouten"][0]["melding"]
    for empty, words in (([], "minstens één locatie in."), ([{}, {"naam": " "}], "alle rijen")):
        out = compute(base(locaties=empty))
        assert out["fouten"][0]["veld"] == "locaties" and words in out["fouten"][0]["melding"]


# --- the form the browser reads ----------------------------------------------------------------


class Form(HTMLParser):
    """Reads a rekenhulp's form as the page's script does (contract in calc.html.table): every
    `.rh-invoer` by name, every `table[data-tabel]` body row as {data-kolom: value}; rows in
    the <template> are not part of the form."""

    def __init__(self):
        super().__init__()
        self.values: dict = {}
        self.classes: list[str] = []
        self.table = None
        self.row = None
        self.select = None
        self.in_template = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.classes.extend((attrs.get("class") or "").split())
        if tag == "template":
            self.in_template += 1
        if self.in_template:
            return
        if tag == "table" and "data-tabel" in attrs:
            self.table = attrs["data-tabel"]
            self.values[self.table] = []
        elif tag == "tr" and self.table and "data-rij" in attrs:
            self.row = {}
            self.values[self.table].append(self.row)
        elif tag in ("input", "select"):
            assert attrs.get("data-standaard") is not None, attrs
            if "data-kolom" in attrs:
                self.row[attrs["data-kolom"]] = attrs.get("value", "")
                self.select = (self.row, attrs["data-kolom"]) if tag == "select" else None
            elif "rh-invoer" in attrs.get("class", ""):
                self.values[attrs["name"]] = attrs.get("value", "")
                self.select = (self.values, attrs["name"]) if tag == "select" else None
        elif tag == "option" and self.select and "selected" in attrs:
            target, key = self.select
            target[key] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template -= 1
        elif tag == "table":
            self.table = None
        elif tag == "select":
            self.select = None


def read_form(markup: str) -> Form:
    form = Form()
    form.feed(markup)
    return form


@pytest.mark.parametrize("preset", [None, *budget.PRESETS])
def test_the_untouched_form_computes_the_answer_the_page_shows(preset):
    values = {"jaar": 2026} if preset is None else {"jaar": 2026, "preset": preset}
    markup = api.widget("budget", "rh1", values)
    form = read_form(markup)
    assert "rh-startinvoer" not in form.classes
    assert set(form.values) == {spec.key for spec in budget.FIELDS}
    assert form.values["preset"] == (preset or "")
    rows = form.values["locaties"]
    assert rows[-1] == dict.fromkeys(rows[-1], "")  # the spare empty row
    assert all(set(r) == {c.key for c in budget.LOCATIONS.columns} for r in rows)
    sent = json.loads(api.render("budget", json.dumps(form.values)))
    assert "fouten" not in sent, sent
    assert sent["html"] in markup
    if preset:
        assert budget.PRESETS[preset]["titel"] in sent["html"]


def test_the_form_uses_the_shared_markup():
    markup = api.widget("budget", "rh1", {"preset": "veldhoven"})
    assert markup.count('<table class="rh-invoertabel" data-tabel="locaties"') == 1
    assert 'data-max-rijen="5000" data-standaard-rijen="3"' in markup
    for key in ("preset", "grondslag", "vaste_voet_per", "grafiek"):
        assert f'<select class="rh-invoer" id="rh1-{key}" name="{key}"' in markup
    assert (
        '<select class="rh-invoer" id="rh1-grondslag" name="grondslag"'
        ' data-standaard="bezette_plaatsen"' in markup
    )
    assert '<option value="bezette_plaatsen" selected>' in markup
    assert 'id="rh1-indexaties" name="indexaties" type="text" inputmode="text"' in markup
    specs = {spec.key: spec for spec in budget.FIELDS}
    assert specs["indexaties"].shown([Decimal("2.5"), "3,1"]) == "2,5; 3,1"
    assert html.choice("rh9", specs["preset"], "").count(" selected") == 1
    # The example chooser comes first: choosing one fills the form (in the browser).
    assert markup.index('id="rh1-preset"') < markup.index('id="rh1-begrotingsjaar"')


# --- review of the numbers (November 2026) ------------------------------------------------------


class TableCells(HTMLParser):
    """The rows of one result table: (row header text, {column label: (text, data-waarde)}),
    body and footer alike, in order."""

    def __init__(self, css: str):
        super().__init__(convert_charrefs=True)
        self.css, self.inside, self.rows, self.cell = css, False, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.inside = self.css in (attrs.get("class") or "").split()
        elif self.inside and tag == "tr":
            self.rows.append(["", {}])
        elif self.inside and tag in ("th", "td") and self.rows:
            self.cell = (tag, attrs.get("data-label"), attrs.get("data-waarde"), [])

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.cell and tag == self.cell[0]:
            kind, label, value, text = self.cell
            words = " ".join("".join(text).split())
            if kind == "th":
                self.rows[-1][0] = words
            else:
                self.rows[-1][1][label] = (words, value)
            self.cell = None

    def handle_data(self, data):
        if self.cell:
            self.cell[3].append(data)


def table_rows(markup: str, css: str) -> list:
    parser = TableCells(css)
    parser.feed(markup)
    return [item for item in parser.rows if item[1]]  # the header row has no <td>


PROVIDERS = [
    row("L1", "A", "12"),
    row("L2", "A", "7"),
    row("L3", "B", "20"),
    row("L4", "C", "3"),
]


def test_the_location_table_adds_up_with_a_vaste_voet_per_aanbieder():
    """Review 5: the rows summed to 420 uur against a Totaal of 600; the 180 uur of three
    aanbieders' vaste voet had no row."""
    data = base(
        uurtarief="40", vaste_voet_uren="60", vaste_voet_per="aanbieder", locaties=PROVIDERS
    )
    out = compute(data)
    fixed = out["totaal"]["vaste_voet_aanbieders"]
    assert (fixed["aanbieders"], fixed["uren_per_aanbieder"]) == (3, "60")
    assert Decimal(fixed["gefinancierde_uren"]) == 180
    assert Decimal(fixed["kosten"]) == 180 * 40
    assert Decimal(out["totaal"]["vaste_voet_uren"]) == 180  # what was counted, not the setting
    *body, footer = table_rows(shown(data), "rh-locaties")
    assert body[-1][0] == "Vaste voet per aanbieder (3 × 60 uur)"
    assert footer[0] == "Totaal"
    for column in ("Gefinancierd", "Kosten"):
        assert sum(Decimal(cells[column][1]) for _, cells in body) == Decimal(
            footer[1][column][1]
        ), column
    assert body[-1][1]["Verschil"][0] == "+180 uur"  # the column Verschil adds up too
    # Per locatie there is no such row: each location carries its own vaste voet.
    per_location = base(uurtarief="40", vaste_voet_uren="60", locaties=PROVIDERS)
    assert compute(per_location)["totaal"]["vaste_voet_aanbieders"] is None
    assert Decimal(compute(per_location)["totaal"]["vaste_voet_uren"]) == 4 * 60
    assert "Vaste voet per aanbieder" not in shown(per_location)


@pytest.mark.parametrize("per", ["locatie", "aanbieder"])
def test_the_result_csv_adds_up_and_its_totaal_holds_the_counted_vaste_voet(per):
    data = base(uurtarief="40", vaste_voet_uren="60", vaste_voet_per=per, locaties=PROVIDERS)
    text = json.loads(api.csv_export("budget", json.dumps(data), "resultaat"))["csv"]
    lines = [line.split(";") for line in text.lstrip("\ufeff").split("\r\n")]
    header = lines[0]
    total_at = next(n for n, line in enumerate(lines) if line[0] == "Totaal")
    body, total = lines[1:total_at], lines[total_at]

    def column(name, line):
        cell = line[header.index(name)]
        return Decimal(cell.replace(",", ".")) if cell else Decimal(0)

    for name in ("Vaste voet (uren)", "Gefinancierde uren", "Kosten (euro)"):
        assert sum(column(name, line) for line in body) == column(name, total), name
    assert column("Vaste voet (uren)", total) == (180 if per == "aanbieder" else 240)
    labels = [line[0] for line in body]
    assert ("Vaste voet per aanbieder (3 × 60 uur)" in labels) == (per == "aanbieder")


def paragraph(markup: str, css: str) -> str:
    """The text of the first <p class="css"> in `markup`."""
    found = re.search(rf'<p class="{css}">(.*?)</p>', markup, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()).replace(" ,", ",")


def test_costs_on_a_tariff_without_indexations_say_so_where_they_are_stated():
    """Review 7: the Veldhoven preset's bold headline cost was a 2020 tariff in 2026, stated
    flatly; only a warning further down said the indexations were missing."""
    data = budget.initial({"jaar": YEAR, "preset": "veldhoven"})
    out = compute(data)
    cost = euro(Decimal(out["totaal"]["kosten"]))
    markup = shown(data)
    qualifier = f"(tarief van {VELDHOVEN_YEAR}, zonder indexatie)"
    assert f"kosten {cost} {qualifier}" in paragraph(markup, "rh-totaal")
    assert f"per uur {qualifier} = {euro(PER_PLACE)}" in paragraph(markup, "rh-eenheid")
    with_oab = shown({**data, "oab_budget": "1.000.000"})
    assert paragraph(with_oab, "rh-oab").endswith(f"€ 1.000.000,00 {qualifier}.")
    # Some indexations given: the years without one are named.
    partly = base(uurtarief="36", prijspeil_jaar="2022", begrotingsjaar="2025", indexaties="3")
    for css in ("rh-totaal", "rh-eenheid"):
        assert "(tarief zonder indexatie voor 2024 tot en met 2025)" in paragraph(
            shown(partly), css
        )
    # All indexations given, or a tariff of the budget year: no qualifier.
    for full in (
        base(uurtarief="36", prijspeil_jaar="2024", begrotingsjaar="2025", indexaties="3"),
        base(uurtarief="36"),
    ):
        assert "zonder indexatie" not in shown(full)


def cents(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


def test_shown_cents_multiply_and_add_up():
    """Review 8: the rows showed € 489,13 + € 2.445,65 against a Totaal of € 2.934,79, and
    “10 uur tegen € 48,91 = € 489,13” did not multiply. The indexed tariff is rounded to cents
    each year, as municipalities publish it; each location's cost is rounded to cents and the
    totals are the sums of the rounded costs."""
    steps = ["2,7", "3,1", "4,5", "6,2", "5,1", "3,3"]
    data = base(
        uurtarief="38,34",
        prijspeil_jaar="2020",
        indexaties="; ".join(steps),
        locaties=[row("A", dgp="1"), row("B", dgp="5")],
    )
    out = compute(data)
    tariff = Decimal("38.34")
    for step, percentage in zip(out["tarief"]["stappen"], steps, strict=True):
        tariff = cents(tariff * (1 + Decimal(percentage.replace(",", ".")) / 100))
        assert Decimal(step["tarief"]) == tariff  # each year's tariff in cents
    assert Decimal(out["tarief"]["tarief_begrotingsjaar"]) == tariff
    costs = [Decimal(item["kosten"]) for item in out["locaties"]]
    assert costs == [cents(LEGAL * 1 * tariff), cents(LEGAL * 5 * tariff)]
    assert Decimal(out["totaal"]["kosten"]) == sum(costs)
    assert Decimal(out["bedrag_per_eenheid"]) == LEGAL * tariff
    markup = shown(data)
    assert f"{nl_hours(LEGAL)} tegen {euro(tariff)} per uur = {euro(LEGAL * tariff)}" in (
        paragraph(markup, "rh-eenheid")
    )
    *body, footer = table_rows(markup, "rh-locaties")
    shown_costs = [cells["Kosten"][0] for _, cells in body]
    assert shown_costs == [euro(cost) for cost in costs]
    assert footer[1]["Kosten"][0] == euro(sum(costs))
    assert "elk jaar geïndexeerd en op centen afgerond" in markup


def test_a_typed_tariff_with_more_decimals_is_shown_with_them():
    """A tariff of the budget year is the user's own: shown as typed, so the sum multiplies."""
    data = base(uurtarief="38,3425", locaties=[row(dgp="1")])
    out = compute(data)
    assert out["tarief"]["tarief_begrotingsjaar"] == "38.3425"
    assert Decimal(out["locaties"][0]["kosten"]) == cents(LEGAL * Decimal("38.3425"))
    assert f"tegen € 38,3425 per uur = {euro(LEGAL * Decimal('38.3425'))}" in paragraph(
        shown(data), "rh-eenheid"
    )


def nl_hours(value: Decimal) -> str:
    return budget_html.hours(value)


def test_the_cost_per_child_is_labelled_by_what_it_divides_by():
    """Review 9: ‘Per doelgroeppeuter’ divided by the doelgroeppeuters plus the younger ones."""
    rows = [row("L1", dgp="12", jongere_peuters="4", bezette_plaatsen="16")]
    data = base(grondslag="bezette_plaatsen", uurtarief="40", locaties=rows)
    out = compute(data)
    location = out["locaties"][0]
    assert Decimal(location["kosten_per_peuter"]) == Decimal(location["kosten"]) / (12 + 4)
    ((_, cells),) = table_rows(shown(data), "rh-locaties")[:1]
    younger = budget.YOUNGER.lower()  # "jonger dan 2,5 jaar", from rules.toml
    assert cells[f"Per peuter, ook {younger}"][0] == euro(Decimal(location["kosten"]) / 16)
    assert "Per doelgroeppeuter" not in shown(data)
    # Without younger peuters the two are the same, and the column says doelgroeppeuter.
    plain_rows = [row("L1", dgp="12")]
    ((_, cells),) = table_rows(shown(base(uurtarief="40", locaties=plain_rows)), "rh-locaties")[:1]
    assert cells["Per doelgroeppeuter"][0] == euro(LEGAL * 40)
    text = json.loads(api.csv_export("budget", json.dumps(data), "resultaat"))["csv"]
    header = text.lstrip("\ufeff").split("\r\n")[0].split(";")
    assert f"Kosten per peuter, ook {younger} (euro)" in header
    assert not any("per doelgroeppeuter" in name for name in header)


def test_an_oab_share_over_the_whole_budget_is_questioned_and_a_small_one_is_not_zero():
    """Review 12: 768,0 % was shown without a word, and € 9.600 of € 30 mln as 0,0 %."""
    rows = [row(dgp="12"), row("M", dgp="0")]
    data = base(uurtarief="40", oab_budget="1.250", vaste_voet_uren="60", locaties=rows)
    out = compute(data)
    cost = Decimal(out["totaal"]["kosten"])
    assert cost == (LEGAL * 12 + 2 * 60) * 40
    assert {"soort": "oab_meer_dan_budget", "procent": plain_text(cost / 1250 * 100)} in out[
        "meldingen"
    ]
    warning = shown(data)[shown(data).index("rh-waarschuwingen") :]
    assert f"De kosten van {euro(cost)} zijn meer dan het hele OAB-budget van € 1.250,00" in (
        warning
    )
    assert "Klopt het bedrag?" in warning
    small = base(uurtarief="40", oab_budget="30.000.000", locaties=rows)
    out = compute(small)
    assert not any(note["soort"] == "oab_meer_dan_budget" for note in out["meldingen"])
    share = Decimal(out["oab"]["procent"])  # 0,016 %: two significant digits, not 0,0 %
    assert share < Decimal("0.1")
    assert paragraph(shown(small), "rh-oab").startswith("Dat is 0,016 % van het OAB-budget")
    usual = shown(base(uurtarief="40", oab_budget="300.000", locaties=rows))
    assert paragraph(usual, "rh-oab").startswith("Dat is 1,6 % van")  # one decimal as before


def plain_text(value: Decimal) -> str:
    return budget.plain(value)


def test_inputs_without_effect_are_named():
    """Review 13: younger peuters change nothing under bezette plaatsen, and a location without
    doelgroeppeuters still gets the vaste voet; nothing said so."""
    rows = [
        row("L1", dgp="12", jongere_peuters="4", bezette_plaatsen="16"),
        row("L2", dgp="0", bezette_plaatsen="10"),
        row("L3", dgp="0", jongere_peuters="3", bezette_plaatsen="5"),  # VE for younger ones
    ]
    data = base(grondslag="bezette_plaatsen", vaste_voet_uren="60", locaties=rows)
    out = compute(data)
    assert {"soort": "jongere_tellen_niet_bij_plaatsen", "jongere_peuters": "7"} in out["meldingen"]
    assert {
        "soort": "vaste_voet_zonder_doelgroeppeuters",
        "per": "locatie",
        "aantal": 1,
        "van": 3,
    } in out["meldingen"]
    warning = shown(data)
    younger = budget.YOUNGER.lower()
    assert f"De 7 peuters {younger} veranderen de gefinancierde uren niet" in warning
    assert "1 van de 3 locaties heeft geen doelgroeppeuters" in warning
    assert "krijgt wel de vaste voet van 60 uur" in warning
    # Per aanbieder: an aanbieder whose locations have none.
    per_provider = base(
        vaste_voet_uren="60",
        vaste_voet_per="aanbieder",
        locaties=[row("a", "A", "12"), row("b", "B", "0"), row("c", "C", "0")],
    )
    out = compute(per_provider)
    assert {
        "soort": "vaste_voet_zonder_doelgroeppeuters",
        "per": "aanbieder",
        "aantal": 2,
        "van": 3,
    } in out["meldingen"]
    assert "2 van de 3 aanbieders hebben op geen locatie doelgroeppeuters" in shown(per_provider)
    # Counted over doelgroeppeuters, or without a vaste voet: no such notes.
    quiet = compute(base(locaties=[row(dgp="12", jongere_peuters="4"), row(dgp="0")]))
    assert quiet["meldingen"] == []


def test_the_result_csv_states_the_basis_of_its_costs():
    """Review 16: the result file had costs but not the tariff, its prijspeil and indexations,
    the grondslag, the hours per child or the vaste voet they were computed with."""
    data = {**budget.initial({"jaar": YEAR, "preset": "veldhoven"}), "oab_budget": "1.000.000"}
    out = compute(data)
    text = json.loads(api.csv_export("budget", json.dumps(data), "resultaat"))["csv"]
    lines = text.lstrip("\ufeff").split("\r\n")
    total_at = next(n for n, line in enumerate(lines) if line.startswith("Totaal;"))
    assert lines[total_at + 1] == "" and lines[total_at + 2] == budget.BASIS_TITLE
    basis = dict(line.split(";", 1) for line in lines[total_at + 3 :] if line)
    labels = budget.BASIS_LABELS
    preset = budget.PRESETS["veldhoven"]["invoer"]
    assert basis[labels["begrotingsjaar"]] == str(YEAR)
    assert basis[labels["grondslag"]] == budget.GRONDSLAGEN["bezette_plaatsen"]
    assert basis[labels["uren_per_kind"]] == decimal_cell(PLACE_HOURS)
    assert basis[labels["vaste_voet_uren"]] == "0"
    assert basis[labels["uurtarief"]] == preset["uurtarief"]
    assert basis[labels["prijspeil_jaar"]] == str(VELDHOVEN_YEAR)
    assert basis[labels["indexaties"]] == "geen"
    assert basis[labels["ontbrekend"]] == f"{VELDHOVEN_YEAR + 1} tot en met {YEAR}"
    assert basis[labels["tarief_begrotingsjaar"]] == decimal_cell(
        Decimal(out["tarief"]["tarief_begrotingsjaar"])
    )
    assert basis[labels["minimum"]] == decimal_cell(LEGAL)
    assert basis[labels["oab_budget"]] == "1000000"
    assert basis[labels["voorbeeld"]].startswith(budget.PRESETS["veldhoven"]["titel"])
    assert "op centen afgerond" in basis[labels["afronding"]]
    # Indexations by year; a negative one is no formula for a spreadsheet.
    indexed = base(uurtarief="40", prijspeil_jaar="2023", indexaties="-1; 2", locaties=[row()])
    text = json.loads(api.csv_export("budget", json.dumps(indexed), "resultaat"))["csv"]
    assert f'{labels["indexaties"]};"2024: -1 %; 2025: 2 %"' in text
    assert f"{labels['ontbrekend']};2026" in text
    # Without a tariff the file says so.
    text = json.loads(api.csv_export("budget", json.dumps(base()), "resultaat"))["csv"]
    assert f"{labels['uurtarief']};niet ingevuld: alleen uren" in text
