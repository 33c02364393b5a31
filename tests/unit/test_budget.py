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

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def compute(data: dict) -> dict:
    return json.loads(api.compute("budget", json.dumps(data)))


def base(**changes) -> dict:
    return {**budget.EXAMPLE, **changes}


def row(naam="L", aanbieder="A", dgp="10", **extra) -> dict:
    return {"naam": naam, "aanbieder": aanbieder, "doelgroeppeuters": dgp, **extra}


# --- presets from practice --------------------------------------------------------------------


def test_veldhoven_gives_383_40_per_bezette_peuterplaats_in_2020():
    out = compute(budget.initial({"preset": "veldhoven"}))
    assert out["begrotingsjaar"] == 2020
    assert out["eenheid"] == "bezette peuterplaats"
    assert Decimal(out["bedrag_per_eenheid"]) == Decimal("383.40")
    assert out["weergave"]["bedrag_per_eenheid"] == "€ 383,40"
    assert out["tarief"]["weergave"]["tarief_begrotingsjaar"] == "€ 38,34"
    for location in out["locaties"]:
        assert location["weergave"]["kosten_per_plaats"] == "€ 383,40"
    assert out["totaal"]["weergave"]["kosten_per_plaats"] == "€ 383,40"
    html = json.loads(api.render("budget", json.dumps(budget.initial({"preset": "veldhoven"}))))
    assert "€ 383,40" in html["html"]


def test_veldhoven_with_the_default_hours_is_the_same():
    data = budget.initial({"preset": "veldhoven"})
    data["uren_per_kind"] = ""  # empty: the legal 10 hours
    out = compute(data)
    assert out["invoer"]["uren_per_kind"] == "10"
    assert out["invoer"]["uren_per_kind_standaard"] is True
    assert out["weergave"]["bedrag_per_eenheid"] == "€ 383,40"


def test_preset_numbers_come_from_rules_data_marked_as_assumption():
    for preset in budget.PRESETS.values():
        assert preset["regels"]
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
    assert veldhoven["uurtarief"] == "38,34" and veldhoven["prijspeil_jaar"] == "2020"


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


def test_kleine_gemeente_is_60_hours_plus_10_per_child_per_location():
    out = compute(budget.initial({"preset": "kleine_gemeente"}))
    for location in out["locaties"]:
        dgp = Decimal(location["doelgroeppeuters"])
        assert Decimal(location["gefinancierde_uren"]) == 60 + 10 * dgp
        assert Decimal(location["minimum_uren"]) == 10 * dgp
    assert "per locatie" in out["weergave"]["vaste_voet"]


def test_vaste_voet_per_aanbieder_counts_once_per_provider():
    rows = [row("a", "X", "10"), row("b", "x ", "5"), row("c", "Y", "1")]
    out = compute(base(locaties=rows, vaste_voet_uren="60", vaste_voet_per="aanbieder"))
    assert [item["vaste_voet_uren"] for item in out["locaties"]] == ["0", "0", "0"]
    assert len(out["aanbieders"]) == 2  # "X" and "x " are one provider
    assert out["totaal"]["gefinancierde_uren"] == str(160 + 120)


def test_enschede_factor_multiplies_the_hours_per_child_only():
    data = budget.initial({"preset": "enschede"})
    assert "geen getallen" in budget.PRESETS["enschede"]["toelichting"]
    data["locaties"][0].update(factor="1,25", extra_uren="8")
    data["vaste_voet_uren"] = "60"
    out = compute(data)
    first = out["locaties"][0]
    dgp = Decimal(first["doelgroeppeuters"])
    assert Decimal(first["gefinancierde_uren"]) == 60 + 10 * dgp * Decimal("1.25") + 8


def test_every_preset_computes_and_renders():
    for name in budget.PRESETS:
        out = json.loads(api.render("budget", json.dumps(budget.initial({"preset": name}))))
        assert "fouten" not in out, out
        assert "aanname uit de praktijk" in out["html"]


# --- hours and money --------------------------------------------------------------------------


def test_legal_minimum_is_10_per_doelgroeppeuter_and_below_is_flagged():
    rows = [row("Groot", dgp="20"), row("Klein", dgp="4")]
    out = compute(base(locaties=rows, uren_per_kind="8", vaste_voet_uren="20"))
    assert [item["minimum_uren"] for item in out["locaties"]] == ["200", "40"]
    assert [item["gefinancierde_uren"] for item in out["locaties"]] == ["180", "52"]
    assert [item["onder_minimum"] for item in out["locaties"]] == [True, False]
    assert out["totaal"]["locaties_onder_minimum"] == 1
    assert any("minder dan het wettelijk minimum" in text for text in out["waarschuwingen"])
    assert out["locaties"][0]["weergave"]["verschil_uren"] == "−20 uur"


def test_before_2022_there_is_no_legal_minimum():
    out = compute(base(begrotingsjaar="2021", prijspeil_jaar="2019", locaties=[row()]))
    assert out["wettelijk_minimum_van_kracht"] is False
    assert out["locaties"][0]["minimum_uren"] == "0"
    assert out["locaties"][0]["weergave"]["minimum_uren"] == "n.v.t."
    assert any("1 januari 2022" in text for text in out["waarschuwingen"])


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


def test_cost_per_doelgroeppeuter_and_oab_share():
    out = compute(
        base(
            uurtarief="40",
            prijspeil_jaar="2026",
            locaties=[row(dgp="10"), row(dgp="0", extra_uren="5")],
            oab_budget="1.000.000",
        )
    )
    first, second = out["locaties"]
    assert first["kosten"] == "4000" and first["kosten_per_doelgroeppeuter"] == "400"
    assert second["kosten_per_doelgroeppeuter"] is None
    assert second["weergave"]["kosten_per_doelgroeppeuter"] == "—"
    assert out["oab"]["procent"] == "0.42"
    assert out["oab"]["weergave"]["procent"] == "0,4 %"


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
    for percentage in steps:
        expected *= 1 + percentage / 100
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
    out = compute(
        base(
            uurtarief="36",
            prijspeil_jaar="2019",
            begrotingsjaar="2021",
            indexaties=["6,5", "-1"],
            locaties=[row()],
        )
    )
    steps = out["tarief"]["stappen"]
    assert [s["weergave"]["procent"] for s in steps] == ["+6,5 %", "-1 %"]
    assert steps[0]["weergave"]["tarief"] == "€ 38,34"
    assert out["tarief"]["weergave"]["tarief_begrotingsjaar"] == "€ 37,96"


def test_missing_index_years_count_as_zero_and_are_flagged():
    out = compute(
        base(prijspeil_jaar="2022", begrotingsjaar="2025", indexaties=["3"], locaties=[row()])
    )
    assert out["tarief"]["ontbrekende_indexaties"] == [2024, 2025]
    assert any("2024 tot en met 2025" in text for text in out["waarschuwingen"])


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
    assert Decimal(total["kosten"]) == summed(out["locaties"], "kosten") + provider_fixed * tariff
    for key in ("doelgroeppeuters", "minimum_uren", "gefinancierde_uren", "kosten"):
        assert Decimal(total[key]) == summed(out["aanbieders"], key)
    assert total["locaties"] == len(out["locaties"]) == len(rows)
    for location in out["locaties"]:
        assert Decimal(location["kosten"]) == Decimal(location["gefinancierde_uren"]) * tariff
        assert Decimal(location["minimum_uren"]) == 10 * Decimal(location["doelgroeppeuters"])


def test_a_table_of_2000_locations_computes():
    rows = [row(f"Locatie {i}", f"Aanbieder {i % 40}", str(i % 30)) for i in range(2000)]
    out = json.loads(api.render("budget", json.dumps(base(locaties=rows))))
    assert out["resultaat"]["totaal"]["locaties"] == 2000
    assert out["html"].count("<rect ") == budget_html.MAX_BARS
    assert out["html"].count('<tr data-rij="') == 2000


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
        {"uurtarief": ""},
        {"uurtarief": "duur"},
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
    html = json.loads(api.render("budget", json.dumps(base(locaties=rows))))["html"]
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &amp; B" in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "<title>" in svg and "<desc>" in svg
    assert svg.count("<rect ") == 2
    assert re.search(r'<table class="[^"]*\brh-locaties\b', html)  # the same numbers as a table
    assert "€ 360,00" in html


def test_cost_chart():
    html = json.loads(api.render("budget", json.dumps(base(grafiek="kosten"))))["html"]
    assert "Kosten per locatie" in html and "rh-grafiek__minimum" not in html


def test_cli(monkeypatch, capsys):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO(json.dumps(budget.initial({"preset": "veldhoven"})))
    )
    assert main(["budget"]) == 0
    assert json.loads(capsys.readouterr().out)["weergave"]["bedrag_per_eenheid"] == "€ 383,40"
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(base(uurtarief="gratis"))))
    assert main(["budget"]) == 2
    assert json.loads(capsys.readouterr().out)["fouten"][0]["veld"] == "uurtarief"


def test_widget_with_preset():
    html = api.widget("budget", "rh2", {"jaar": 2026, "preset": "veldhoven"})
    assert 'data-rekenhulp="budget"' in html
    assert 'id="rh2-locaties-1-bezette_plaatsen"' in html and 'value="38,34"' in html
    assert "€ 383,40" in html
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
    answer = json.loads(
        api.csv_export("budget", json.dumps(budget.initial({"preset": "veldhoven"})), "resultaat")
    )
    lines = answer["csv"].lstrip("\ufeff").split("\r\n")
    assert lines[0].startswith("Locatie;Aanbieder;Doelgroeppeuters;Bezette plaatsen")
    assert lines[1].endswith(";383,40")
    assert lines[-2].startswith("Totaal;")
    assert answer["bestandsnaam"] == "budget-2020.csv"
    bad = json.loads(api.csv_export("budget", json.dumps(base(uurtarief="x")), "resultaat"))
    assert bad["fouten"][0]["veld"] == "uurtarief"


def test_presets_through_the_api():
    found = json.loads(api.presets("budget"))
    assert set(found) == {"veldhoven", "kleine_gemeente", "enschede"}
    assert found["veldhoven"]["invoer"]["uurtarief"] == "38,34"
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
