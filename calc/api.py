"""The one boundary of `calc`: JSON in, JSON out, for the CLI, the site build and the browser."""

from __future__ import annotations

import json

from calc import html, uren
from calc.fields import InputError, error, read

# Each rekenhulp is a module with TITLE, FIELDS, EXAMPLE, compute(values) and render(result).
CALCULATORS = {module.NAME: module for module in (uren,)}


def _run(name: str, json_text: str) -> tuple[dict | None, list[dict]]:
    if name not in CALCULATORS:
        known = ", ".join(sorted(CALCULATORS))
        return None, [error("rekenhulp", f"Onbekende rekenhulp ‘{name}’. Kies uit: {known}.")]
    try:
        data = json.loads(json_text)
    except (ValueError, RecursionError):
        return None, [error("invoer", "De invoer is geen geldige JSON.")]
    module = CALCULATORS[name]
    try:
        return module.compute(read(module.FIELDS, data)), []
    except InputError as exc:
        return None, exc.errors


def _dump(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False)


def compute(name: str, json_text: str) -> str:
    """The result as JSON, or {"fouten": [{"veld": ..., "melding": ...}]}."""
    result, errors = _run(name, json_text)
    return _dump({"fouten": errors} if errors else result)


def render(name: str, json_text: str) -> str:
    """Like compute, plus the result's HTML under "html": what the page shows."""
    result, errors = _run(name, json_text)
    if errors:
        return _dump({"fouten": errors})
    return _dump({"resultaat": result, "html": CALCULATORS[name].render(result)})


def widget(name: str, uid: str, values: dict) -> str:
    """The whole rekenhulp for a page, with the answer for `values` already in it.

    `values` is the page's preset; fields it leaves out take the module's EXAMPLE.
    """
    module = CALCULATORS[name]
    values = {**module.EXAMPLE, **values}
    shown = {spec.key: str(values[spec.key]) for spec in module.FIELDS}
    result, errors = _run(name, _dump(shown))
    if errors:
        raise ValueError(f"preset for rekenhulp {name} is invalid: {errors}")
    return html.widget(name, module.TITLE, uid, module.FIELDS, shown, module.render(result))
