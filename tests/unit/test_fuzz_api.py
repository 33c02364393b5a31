"""Fuzzing the JSON boundary: whatever arrives, calc.api answers with a result or field errors.

Runs in CPython and inside Pyodide (tests/pyodide), so: standard library, pytest and hypothesis
only, no files, no subprocess. The calculators are read from calc.api.CALCULATORS when the test
runs, so a new rekenhulp is fuzzed without a change here.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from calc import api
from calc.fields import Choice, DateField, Field, NumberList, Table, Text, YesNo
from calc.numbers import UNITS, nl, plain

FUZZ = settings(
    max_examples=150,
    deadline=None,  # Pyodide and a busy machine are slow; speed is not what is tested here
    database=None,  # no example database: nothing written to disk, same in Pyodide
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def names() -> list[str]:
    return sorted(api.CALCULATORS)


def field_keys(name: str) -> list[str]:
    module = api.CALCULATORS[name]
    keys = [spec.key for spec in getattr(module, "FIELDS", ())]
    keys += [key for key in getattr(module, "EXAMPLE", {}) if key not in keys]
    return keys


# Text that a number parser may trip over: Dutch and English separators, exponents that
# overflow a Decimal context, special values, other scripts' digits, whitespace and controls.
number_like = st.one_of(
    st.from_regex(r"\A[ \t]?[-+]?[0-9]{0,12}([.,][0-9]{0,8})?([eE][-+]?[0-9]{1,12})?[ \t]?\Z"),
    st.from_regex(r"\A[0-9]{1,3}(\.[0-9]{3}){1,4}(,[0-9]{1,3})?\Z"),
    st.sampled_from(
        [
            "NaN",
            "-nan",
            "sNaN",
            "Infinity",
            "-Infinity",
            "inf",
            "1e999999999999",
            "1e-999999999999",
            "١٢٣",  # Arabic-Indic digits: Decimal() accepts them
            "１２",  # fullwidth digits
            "1_000",
            "0x10",
            "",
            " ",
            "\u00a0",
            "\x00",
            "−5",  # minus sign U+2212
            "<img src=x onerror=alert(1)>",
            "=1+1",
        ]
    ),
    st.just(5000).map(lambda n: "9" * n),  # built, so the strategy's repr stays short
    st.just(5000).map(lambda n: "0." + "0" * n + "1"),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**6), 10**6).map(lambda n: n * 10**4000),  # under Python's 4300-digit limit
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    number_like,
)

json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=10), children, max_size=5),
    ),
    max_leaves=25,
)


@st.composite
def inputs(draw) -> tuple[str, str]:
    """(calculator name, JSON text): mostly objects with the calculator's own keys."""
    name = draw(st.sampled_from(names()))
    keys = field_keys(name)
    shape = draw(st.sampled_from(["fields", "fields", "fields", "any", "raw"]))
    if shape == "fields":
        chosen = draw(st.lists(st.sampled_from(keys), unique=True)) if keys else []
        value = {key: draw(st.one_of(number_like, scalars, json_values)) for key in chosen}
        example_values = getattr(api.CALCULATORS[name], "EXAMPLE", {})
        if draw(st.booleans()):
            value = {**{k: str(v) for k, v in example_values.items()}, **value}
        value.update(draw(st.dictionaries(st.text(max_size=8), json_values, max_size=2)))
    elif shape == "any":
        value = draw(json_values)
    else:
        return name, draw(st.text(max_size=200))
    return name, json.dumps(value)  # NaN and Infinity become bare tokens, as json.loads reads


def _no_constants(token: str):
    raise AssertionError(f"answer is not strict JSON (JavaScript's JSON.parse rejects {token})")


def check_answer(text: str, rendered: bool) -> None:
    """The answer is strict JSON: a result, or a non-empty list of Dutch field errors."""
    answer = json.loads(text, parse_constant=_no_constants)
    assert isinstance(answer, dict)
    if "fouten" in answer:
        assert answer["fouten"], "an empty error list"
        for item in answer["fouten"]:
            assert set(item) == {"veld", "melding"}, item
            assert isinstance(item["veld"], str) and item["veld"]
            assert isinstance(item["melding"], str) and item["melding"].strip()
    elif rendered:
        assert isinstance(answer.get("html"), str) and answer["html"]
        assert isinstance(answer.get("resultaat"), dict)
    else:
        assert answer


@FUZZ
@given(inputs())
@example(("uren", '{"jaar": "2026", "kindercentra": 1e400, "fte": "1", "doelgroeppeuters": 0}'))
@example(("uren", '{"jaar": NaN, "kindercentra": Infinity, "fte": -Infinity}'))
def test_compute_never_raises(case):
    name, text = case
    check_answer(api.compute(name, text), rendered=False)


@FUZZ
@given(inputs())
def test_render_never_raises(case):
    name, text = case
    check_answer(api.render(name, text), rendered=True)


@FUZZ
@given(st.text(max_size=40), json_values)
def test_unknown_name_is_a_field_error(name, value):
    if name in api.CALCULATORS:
        return
    for function in (api.compute, api.render):
        answer = json.loads(function(name, json.dumps(value)))
        assert answer["fouten"][0]["veld"] == "rekenhulp"


@pytest.mark.parametrize("name", names())
@pytest.mark.parametrize(
    "text",
    [
        "1" + "0" * 5000,  # more digits than Python turns into an int
        "[" * 10_000 + "]" * 10_000,  # deeper than the recursion limit
        '{"a": ' * 5_000 + "1" + "}" * 5_000,
        "\ufeff{}",  # byte order mark
        "",
        "null",
        '"text"',
        "1e999",
        "-0",
    ],
    ids=["huge-int", "deep-list", "deep-object", "bom", "empty", "null", "string", "1e999", "-0"],
)
def test_hostile_json_text(name, text):
    for function, rendered in ((api.compute, False), (api.render, True)):
        check_answer(function(name, text), rendered)


@pytest.mark.parametrize("name", names())
def test_float_specials_in_every_field(name):
    for special in (math.nan, math.inf, -math.inf, 1e308, -0.0, 5e-324):
        text = json.dumps(dict.fromkeys(field_keys(name), special))
        check_answer(api.compute(name, text), rendered=False)
        check_answer(api.render(name, text), rendered=True)


# --- issue 11, case 5: every input that passes the field checks computes, or gets a field error --
# Values are drawn from each rekenhulp's own FIELDS, within every field's range and decimals, with
# the bounds themselves often, so the extremes (2000 to 2100 with 100 indexations of 100 %) are
# met; written as a person or a JSON client writes them.


def dutch(spec: Field, value: Decimal) -> str:
    """The value as the site writes it, except a whole number with one thousands dot in a field
    where that dot reads as a decimal point (`1.000` fte is refused as 1 or 1000)."""
    text = nl(value)
    if spec.point_may_be_decimal and "," not in text and text.count(".") == 1:
        return plain(value)
    return text


def number_texts(spec: Field) -> st.SearchStrategy:
    places = 0 if spec.whole else spec.max_decimals
    values = st.sampled_from([spec.minimum, spec.maximum]) | st.decimals(
        min_value=spec.minimum, max_value=spec.maximum, places=places, allow_nan=False
    )

    def written(value: Decimal) -> st.SearchStrategy:
        if spec.year:
            return st.sampled_from([plain(value), int(value)])
        forms = [dutch(spec, value), plain(value).replace(".", ",")]
        if spec.unit:
            forms.append(UNITS[spec.unit].write(dutch(spec, value)))
        if spec.whole:
            forms.append(int(value))  # a JSON number
        return st.sampled_from(forms)

    return values.flatmap(written)


def valid_values(spec) -> st.SearchStrategy:
    if isinstance(spec, Field):
        return number_texts(spec) if spec.required else st.just("") | number_texts(spec)
    if isinstance(spec, Choice):
        return st.sampled_from([value for value, _ in spec.options])
    if isinstance(spec, DateField):
        return st.just("") | st.dates(spec.minimum, spec.maximum).map(spec.shown)
    if isinstance(spec, Text):
        return st.text(max_size=spec.max_length).filter(lambda text: len(text.strip()) > 0)
    if isinstance(spec, YesNo):
        return st.sampled_from(["ja", "nee", True, False])
    if isinstance(spec, NumberList):
        items = st.lists(number_texts(spec.item), max_size=spec.max_items)
        return items | items.map(lambda found: "; ".join(str(item) for item in found))
    if isinstance(spec, Table):
        row = st.fixed_dictionaries({column.key: valid_values(column) for column in spec.columns})
        return st.lists(row, min_size=1, max_size=min(spec.max_rows, 4))
    raise AssertionError(f"no strategy for {spec!r}")  # a new kind of field needs one here


@st.composite
def valid_inputs(draw, name: str) -> dict:
    module = api.CALCULATORS[name]
    values = {spec.key: draw(valid_values(spec)) for spec in module.FIELDS}
    if name == "budget" and values["prijspeil_jaar"] != "":
        # The checks across fields: an earlier prijspeil, an index per year.
        base, year = sorted([int(values["prijspeil_jaar"]), int(values["begrotingsjaar"])])
        values["prijspeil_jaar"], values["begrotingsjaar"] = str(base), str(year)
        if draw(st.booleans()):
            item = next(spec for spec in module.FIELDS if spec.key == "indexaties").item
            values["indexaties"] = [draw(number_texts(item))] * (year - base)
    return values


@pytest.mark.parametrize("name", names())
@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_every_valid_input_computes_and_renders(name, data):
    text = json.dumps(data.draw(valid_inputs(name)))
    check_answer(api.compute(name, text), rendered=False)
    check_answer(api.render(name, text), rendered=True)


def extreme(name: str, end: str) -> dict:
    """Every number field at its minimum or maximum, every table and list as long as allowed."""

    def value(spec):
        if isinstance(spec, Field):
            return dutch(spec, getattr(spec, end))
        if isinstance(spec, NumberList):
            return [value(spec.item)] * spec.max_items
        if isinstance(spec, Table):
            return [{column.key: value(column) for column in spec.columns}] * spec.max_rows
        if isinstance(spec, Text):
            return "x" * spec.max_length
        return None  # the default of a choice, a date or a ja/nee

    values = {spec.key: value(spec) for spec in api.CALCULATORS[name].FIELDS}
    if name == "budget":  # from 2000 to 2100 in 100 steps
        values |= {"prijspeil_jaar": "2000", "begrotingsjaar": "2100"}
    return values


@pytest.mark.parametrize("end", ["minimum", "maximum"])
@pytest.mark.parametrize("name", names())
def test_the_extremes_of_every_field_compute(name, end):
    text = json.dumps(extreme(name, end))
    answer = json.loads(api.render(name, text))
    check_answer(json.dumps(answer), rendered=True)
    if name != "uren":  # uren at its minimum has no staff: fte and medewerkers both empty
        assert "fouten" not in answer, answer
