"""The JSON boundary and the CLI (calc.api, calc.__main__)."""

import io
import json
from decimal import Decimal

import pytest

from calc import api, rules, uren_html
from calc.__main__ import main

EXAMPLE = {"jaar": 2026, "kindercentra": 3, "fte": "24,5", "doelgroeppeuters": 37}


def run_cli(monkeypatch, capsys, name, text):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    status = main([name])
    return status, json.loads(capsys.readouterr().out)


def test_issue_example_gives_765_hours():
    out = json.loads(api.compute("uren", json.dumps(EXAMPLE)))
    assert (out["ikk_beleid_uren"], out["ikk_coaching_uren"], out["ve_uren"]) == (
        "150",
        "245",
        "370",
    )
    assert out["totaal_uren"] == "765"
    assert uren_html.words(out)["totaal"] == "765 uur"


def test_cli_prints_result_and_exits_0(monkeypatch, capsys):
    status, out = run_cli(monkeypatch, capsys, "uren", json.dumps(EXAMPLE))
    assert status == 0
    assert out["totaal_uren"] == "765"


def test_cli_invalid_input_exits_2_with_field_errors(monkeypatch, capsys):
    status, out = run_cli(monkeypatch, capsys, "uren", json.dumps({**EXAMPLE, "fte": "veel"}))
    assert status == 2
    assert out == {"fouten": [{"veld": "fte", "melding": out["fouten"][0]["melding"]}]}
    assert "Fte pedagogisch medewerkers" in out["fouten"][0]["melding"]


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '"tekst"', "null"])
def test_not_an_object_gives_a_dutch_error(text):
    out = json.loads(api.compute("uren", text))
    assert out["fouten"][0]["veld"] == "invoer"
    assert "JSON" in out["fouten"][0]["melding"]


def test_unknown_rekenhulp():
    out = json.loads(api.compute("bestaat-niet", "{}"))
    assert out["fouten"][0]["veld"] == "rekenhulp"
    assert "uren" in out["fouten"][0]["melding"]


def test_render_returns_html_with_the_same_numbers():
    out = json.loads(api.render("uren", json.dumps(EXAMPLE)))
    assert out["resultaat"]["totaal_uren"] == "765"
    assert "765 uur" in out["html"]
    for part in out["resultaat"]["onderdelen"]:
        assert part["regel"]["url"] in out["html"]


def test_widget_contains_form_and_prerendered_answer():
    html = api.widget("uren", "rh1", {"jaar": 2026})
    assert 'data-rekenhulp="uren"' in html
    assert 'id="rh1-fte"' in html and 'value="24,5"' in html
    assert "765 uur" in html


def _between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin) + len(end)]


def test_a_compact_widget_is_the_same_form_folded_above_the_answer_with_a_link():
    full = api.widget("budget", "rh1", {"preset": "veldhoven"})
    compact = api.widget("budget", "rh1", {"preset": "veldhoven"}, "../rekenhulpen/budget/")
    assert "rekenhulp--compact" not in full and "<details" not in full
    assert 'class="rekenhulp rekenhulp--compact"' in compact
    order = ['<details class="rh-invoervak">', "<summary>", "<form", "</form>", "</details>"]
    positions = [compact.index(part) for part in [*order, 'class="rh-resultaat"']]
    assert positions == sorted(positions)
    assert '<a href="../rekenhulpen/budget/">' in _between(
        compact, '<p class="rh-volledig">', "</p>"
    )
    # The same form, presets and answer: one rekenhulp, shown two ways.
    for start, end in (("<form", "</form>"), ('<div class="rh-resultaat"', "</section>")):
        assert _between(full, start, end) == _between(compact, start, end)
    assert _between(full, "data-voorbeelden=", " ") == _between(compact, "data-voorbeelden=", " ")


def test_widget_rejects_an_invalid_preset():
    with pytest.raises(ValueError):
        api.widget("uren", "rh1", {"jaar": 2026, "fte": "veel"})


def test_rule_values_in_the_answer_come_from_the_rules_data():
    out = json.loads(
        api.compute(
            "uren", json.dumps({**EXAMPLE, "kindercentra": 1, "fte": 0, "doelgroeppeuters": 0})
        )
    )
    from datetime import date

    assert out["totaal_uren"] == str(
        rules.value("ikk_beleid_uren_per_kindercentrum", date(2026, 1, 1))
    )


# --- issue 11: every path into calc reads the number meant, or says why not ------------------


def budget_input(**changes):
    from calc import budget

    return json.dumps({**budget.EXAMPLE, **changes})


def test_extreme_input_that_passes_the_field_checks_computes():
    # Issue 11, case 5: 100 indexations of 100 % from 2000 to 2100 ended in InvalidOperation.
    from calc import budget

    tariff = budget.PRESETS["veldhoven"]["invoer"]["uurtarief"]  # the default has no tariff
    text = budget_input(
        uurtarief=tariff, prijspeil_jaar="2000", begrotingsjaar="2100", indexaties=["100"] * 100
    )
    out = json.loads(api.compute("budget", text))
    assert "fouten" not in out
    doubled = Decimal(out["tarief"]["uurtarief"]) * 2**100  # 28 significant digits, as calc
    assert abs(Decimal(out["tarief"]["tarief_begrotingsjaar"]) / doubled - 1) < Decimal("1e-20")
    assert "html" in json.loads(api.render("budget", text))
    assert "csv" in json.loads(api.csv_export("budget", text, "resultaat"))


def test_a_budget_year_range_has_no_thousands_dot():
    out = json.loads(api.compute("budget", budget_input(begrotingsjaar="1999")))
    assert out["fouten"] == [
        {"veld": "begrotingsjaar", "melding": "‘Begrotingsjaar’ moet liggen tussen 2000 en 2100."}
    ]


def test_a_json_integer_too_long_for_python_is_named_as_too_long():
    digits = 5000
    text = json.dumps({**EXAMPLE, "fte": 0}).replace('"fte": 0', '"fte": ' + "9" * digits)
    out = json.loads(api.compute("uren", text))
    assert out["fouten"] == [
        {
            "veld": "fte",
            "melding": f"‘Fte pedagogisch medewerkers op 1 januari’ is een te lang getal"
            f" ({digits // 1000}.000 cijfers). Vul bijvoorbeeld 24,5 of 24,5 fte in.",
        }
    ]


def test_cli_reads_json_with_a_byte_order_mark(monkeypatch, capsys):
    status, out = run_cli_bytes(monkeypatch, capsys, "uren", "\ufeff" + json.dumps(EXAMPLE))
    assert status == 0
    assert out["totaal_uren"] == "765"


def test_cli_says_when_the_input_is_not_utf8(monkeypatch, capsys):
    status, out = run_cli_bytes(monkeypatch, capsys, "uren", json.dumps(EXAMPLE), "cp1252", "€")
    assert status == 2
    assert out["fouten"][0]["veld"] == "invoer"
    assert "UTF-8" in out["fouten"][0]["melding"]


def run_cli_bytes(monkeypatch, capsys, name, text, encoding="utf-8", extra=""):
    """The CLI as a shell runs it: stdin is bytes under a text wrapper."""
    data = (text[:-1] + f', "naam": "{extra}"}}' if extra else text).encode(encoding)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    status = main([name])
    return status, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("name", "field", "raw"),
    [
        ("uren", "fte", "24,5.5"),
        ("uren", "kindercentra", "1,250.5"),
        ("ve_aanbod", "maandag", "1.25,5"),
        ("budget", "uurtarief", "1.2,5"),
        ("budget", "vaste_voet_uren", "0.5,5"),
        ("budget", "oab_budget", "1,5.000"),
        ("budget", "uren_per_kind", "1.,5"),
    ],
)
def test_mixed_separators_are_a_field_error_in_every_rekenhulp(name, field, raw):
    base = budget_input() if name == "budget" else json.dumps(api.CALCULATORS[name].EXAMPLE)
    out = json.loads(api.compute(name, json.dumps({**json.loads(base), field: raw})))
    assert [item["veld"] for item in out["fouten"]] == [field]
    assert "zeker goed leest" in out["fouten"][0]["melding"]


def test_a_thousandfold_fte_is_refused_as_in_doubt_not_read_as_thousands():
    # 24.125 fte was read as 24125 fte (241.770 uur) while 24.5 read as 24,5: ×1000 in silence.
    out = json.loads(api.compute("uren", json.dumps({**EXAMPLE, "fte": "24.125"})))
    (only,) = out["fouten"]
    assert only["veld"] == "fte"
    assert "bedoelt u 24,125 of 24125?" in only["melding"]
    assert (
        json.loads(api.compute("uren", json.dumps({**EXAMPLE, "fte": "24,125"})))["fte"] == "24.125"
    )


def test_thousands_dots_stay_where_no_decimal_reading_fits():
    from calc import budget

    # whole counts and amounts with at most two decimals: `1.250` and `250.000` are thousands
    data = {**budget.EXAMPLE, "oab_budget": "250.000"}
    data["locaties"] = [{"naam": "A", "doelgroeppeuters": "1.250"}]
    out = json.loads(api.compute("budget", json.dumps(data)))
    assert out["invoer"]["oab_budget"] == "250000"
    assert out["locaties"][0]["doelgroeppeuters"] == "1250"
