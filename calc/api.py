"""The one boundary of `calc`: JSON in, JSON out, for the CLI, the site build and the browser."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import ClassVar

from calc import html
from calc.fields import InputError, error, read
from calc.numbers import LongInteger


# Each rekenhulp is a module with TITLE, FIELDS, EXAMPLE, compute(values) and render(result).
# A module with its own `read(data)` (such as budget, which checks fields against each other)
# parses its input itself; one with `initial(values)` (budget, with presets) builds a page's
# start values; one with CSV_TABLE (a fields.Table) and CSV_ALIASES reads and writes it as CSV.
class _Calculators(Mapping):
    """name -> rekenhulp module, imported on first use: in the browser every module costs
    compile time before the first answer, and a page needs only its own rekenhulp."""

    _modules: ClassVar[dict[str, str]] = {
        "uren": "calc.uren",
        "budget": "calc.budget",
        "ve_aanbod": "calc.ve_aanbod",
    }

    def __getitem__(self, name: str) -> ModuleType:
        return importlib.import_module(self._modules[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


CALCULATORS = _Calculators()


# Deeper JSON than any form sends is refused before parsing: in Pyodide a deep recursion in
# json.loads overflows the WebAssembly stack, which kills the worker instead of raising.
MAX_NESTING = 32


def _nesting(text: str) -> int:
    """How deep brackets nest in `text`, ignoring those inside JSON strings."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _integer(text: str) -> int | LongInteger:
    """A JSON integer; one longer than Python reads (int max str digits) is kept as text, so
    the field it is in can say it is too long instead of the whole input being refused."""
    try:
        return int(text)
    except ValueError:
        return LongInteger(text)


def _load(json_text: object) -> tuple[object, list[dict]]:
    """(the JSON value, []) or (None, the error for the whole input). A leading byte-order mark
    (a file saved by Windows Notepad) is skipped."""
    if not isinstance(json_text, str) or _nesting(json_text) > MAX_NESTING:
        return None, [error("invoer", "De invoer is geen geldige JSON, of is te diep genest.")]
    try:
        return json.loads(json_text.removeprefix("\ufeff"), parse_int=_integer), []
    except (ValueError, RecursionError):
        return None, [error("invoer", "De invoer is geen geldige JSON.")]


def _run(name: str, json_text: str) -> tuple[dict | None, list[dict]]:
    if name not in CALCULATORS:
        known = ", ".join(sorted(CALCULATORS))
        return None, [error("rekenhulp", f"Onbekende rekenhulp ‘{name}’. Kies uit: {known}.")]
    data, errors = _load(json_text)
    if errors:
        return None, errors
    module = CALCULATORS[name]
    try:
        reader = getattr(module, "read", None)
        values = reader(data) if reader else read(module.FIELDS, data)
        return module.compute(values), []
    except InputError as exc:
        return None, exc.errors


def _dump(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False)


def compute(name: str, json_text: str) -> str:
    """The result as JSON, or {"fouten": [{"veld": ..., "melding": ...}]}."""
    result, errors = _run(name, json_text)
    return _dump({"fouten": errors} if errors else result)


def render(name: str, json_text: str) -> str:
    """Like compute, plus the result's HTML under "html": what the page shows. A result table
    longer than html.PAGE_ROWS rows holds its first page; "paginas" has the rows of every page
    of each such table (see html.paged)."""
    result, errors = _run(name, json_text)
    if errors:
        return _dump({"fouten": errors})
    shown, pages = html.paged(CALCULATORS[name].render, result)
    return _dump({"resultaat": result, "html": shown, "paginas": pages})


def widget(name: str, uid: str, values: dict, full_page: str = "") -> str:
    """The whole rekenhulp for a page, with the answer for `values` already in it.

    `values` is the page's preset; fields it leaves out take the module's EXAMPLE. With
    `full_page` (the address of the rekenhulp's own page) it is compact (calc.html.widget).
    """
    module = CALCULATORS[name]
    initial = getattr(module, "initial", None)
    values = initial(values) if initial else {**module.EXAMPLE, **values}
    shown = {spec.key: spec.shown(values.get(spec.key)) for spec in module.FIELDS}
    result, errors = _run(name, _dump(shown))
    if errors:
        raise ValueError(f"preset for rekenhulp {name} is invalid: {errors}")
    presets = {key: p["invoer"] for key, p in getattr(module, "PRESETS", {}).items()}
    return html.widget(
        name, module.TITLE, uid, module.FIELDS, shown, module.render(result), presets, full_page
    )


# --- CSV: tables in and out in the Dutch spreadsheet dialect (calc.csv_nl) ---------------------


def _table_module(name: str):
    module = CALCULATORS.get(name)
    if module is None or not hasattr(module, "CSV_TABLE"):
        known = ", ".join(
            sorted(key for key, mod in CALCULATORS.items() if hasattr(mod, "CSV_TABLE"))
        )
        return None, [
            error("rekenhulp", f"Rekenhulp ‘{name}’ heeft geen tabel voor CSV. Kies uit: {known}.")
        ]
    return module, []


def presets(name: str) -> str:
    """JSON {key: {"titel", "toelichting", "bron", "regels", "invoer"}}: the examples from
    practice a page or the browser can load into the form; {} for a rekenhulp without any."""
    return _dump(getattr(CALCULATORS.get(name), "PRESETS", {}))


def csv_import(name: str, data: bytes | str) -> str:
    """A CSV file's bytes (`;`, `,` or tab; UTF-8 with or without BOM, else read as
    Windows-1252 with a notice) -> JSON {"<tabel>": rows, "fouten", "waarschuwingen",
    "bestandsregels", "scheidingsteken"}. The rows are what the form sends, [{kolom: text}],
    every row kept, also a bad one; "fouten" names each bad cell by file line and column, with
    veld "<tabel>[n].<kolom>" for the n-th row (from 1) as the form shows it. A file that
    cannot be read as a whole (not text, no known column, more rows than the table takes) gives
    "<tabel>": null and the reason in "fouten": nothing of it may be used. Text (str) is read
    as already decoded."""
    from calc import csv_nl  # imported here: only the budget page uses CSV

    module, errors = _table_module(name)
    if errors:
        return _dump({"fouten": errors})
    if not isinstance(data, bytes | str):
        return _dump({"fouten": [error("csv", "Het CSV-bestand is geen tekst.")]})
    computed = getattr(module, "RESULT_HEADER", ())
    summary = getattr(module, "RESULT_LABELS", ())
    cautions = getattr(module, "CSV_CAUTIONS", {})
    return _dump(
        csv_nl.import_table(data, module.CSV_TABLE, module.CSV_ALIASES, computed, summary, cautions)
    )


def csv_export(name: str, json_text: str, deel: str = "tabel") -> str:
    """JSON {"csv": text, "bestandsnaam": ...} or {"fouten": [...]}.

    deel="tabel": the input's table as it stands (also rows with errors), for editing elsewhere;
    deel="resultaat": the computed result per row with the total (the input must be valid).
    """
    from calc import csv_nl  # imported here: only the budget page uses CSV

    module, errors = _table_module(name)
    if errors:
        return _dump({"fouten": errors})
    if deel == "resultaat":
        result, errors = _run(name, json_text)
        if errors:
            return _dump({"fouten": errors})
        text = csv_nl.write(module.RESULT_HEADER, module.result_rows(result))
        return _dump(
            {"csv": text, "bestandsnaam": f"{name}-{result.get('begrotingsjaar', '')}.csv"}
        )
    if deel != "tabel":
        return _dump({"fouten": [error("deel", "Kies ‘tabel’ of ‘resultaat’.")]})
    data, errors = _load(json_text)
    if errors:
        return _dump({"fouten": errors})
    table = module.CSV_TABLE
    rows = data.get(table.key) if isinstance(data, dict) else data
    if not isinstance(rows, list):
        return _dump({"fouten": [error(table.key, "De tabel moet een lijst van rijen zijn.")]})
    text = csv_nl.write_table(table, rows)
    return _dump({"csv": text, "bestandsnaam": f"{name}-{table.key}.csv"})
