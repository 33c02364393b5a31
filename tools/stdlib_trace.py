"""Runs inside Pyodide (tools/stdlib_build.mjs): which files of Python's standard library the
site's rekenhulp worker needs, found by doing what the worker does.

tools/stdlib_build.mjs first takes the worker's own steps (start Pyodide, unpack the calc wheel,
import calc.api, meet a Python exception). `trace()` then imports every standard-library module
calc's source names (also those imported inside a function, for branches no example reaches)
and calls every function the browser calls on every rekenhulp: its example, each preset, bad
input, and the CSV export and import paths. What it loaded from the standard library zip is what
the site ships. Its answers let tests/pyodide/run.mjs compare the trimmed runtime with CPython.
This module imports only what Pyodide's bootstrap has loaded already, so it adds nothing itself.
"""

from __future__ import annotations

import ast
import importlib
import json
import sys
from pathlib import Path

STDLIB_ZIP = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip/"


def calc_imports() -> set[str]:
    """Absolute module names every `import` in calc's source (as installed) refers to."""
    import calc

    names = set()
    for source in sorted(Path(calc.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                # `from package import module` imports a submodule, not just a name.
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] != "calc"}


def import_all(names) -> None:
    """Imports each module; a `package.name` that is a name in the package, not a submodule (as
    `from package import name` records it), needs only its package to import and hold it."""
    for name in sorted(names):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            package, _, attribute = name.rpartition(".")
            if error.name != name or not package:
                raise  # the module itself, or one it imports, is missing
            if not hasattr(importlib.import_module(package), attribute):
                raise


def _csv_texts(table_csv: str) -> list[str]:
    """The CSV import paths: the export itself, other delimiters, no BOM, a bad row, junk."""
    lines = table_csv.lstrip("\ufeff").splitlines()
    header = lines[0].split(";")
    bad = ";".join(["x"] * len(header))
    return [
        table_csv,
        "\n".join(line.replace(";", ",") for line in lines),
        "\ufeff" + "\r\n".join(line.replace(";", "\t") for line in lines),
        "\n".join([*lines, bad]),
        "",
        "geen;kolommen\n1;2\n",
        "\x00\x01",
    ]


def calls() -> list[tuple[str, str, list]]:
    """(description, calc.api function, arguments) of every path the browser takes: each
    rekenhulp with its example, each preset and bad input, the CSV export of its table and of
    its result, the CSV import of that export in every dialect, and input calc refuses."""
    from calc import api

    out = []
    for name in api.CALCULATORS:
        module = api.CALCULATORS[name]
        out.append((f"presets {name}", "presets", [name]))
        inputs = {"voorbeeld": module.EXAMPLE}
        for key, preset in json.loads(api.presets(name)).items():
            inputs[f"preset {key}"] = {**module.EXAMPLE, **preset["invoer"]}
        inputs["fout"] = {field.key: "x" for field in module.FIELDS}
        for label, values in inputs.items():
            text = json.dumps(values)
            out.append((f"render {name} {label}", "render", [name, text]))
            if hasattr(module, "CSV_TABLE"):
                for part in ("tabel", "resultaat"):
                    out.append(
                        (f"csv_export {name} {label} {part}", "csv_export", [name, text, part])
                    )
        if hasattr(module, "CSV_TABLE"):
            exported = json.loads(api.csv_export(name, json.dumps(module.EXAMPLE), "tabel"))["csv"]
            for i, text in enumerate(_csv_texts(exported)):
                out.append((f"csv_import {name} {i}", "csv_import", [name, text]))
    out.append(("render onbekend", "render", ["onbekend", "{}"]))
    out.append(("render geen json", "render", ["uren", "{"]))
    out.append(("render te diep", "render", ["uren", "[" * 100]))
    out.append(("csv_import geen tabel", "csv_import", ["uren", "a;b\n"]))
    return out


def exercise() -> dict[str, str]:
    """{description: JSON answer} of every call above."""
    from calc import api

    return {label: getattr(api, fn)(*args) for label, fn, args in calls()}


def needed() -> list[str]:
    """Zip entries (paths inside the stdlib zip) of every module loaded from it."""
    files = set()
    for module in list(sys.modules.values()):
        spec = getattr(module, "__spec__", None)
        origin = getattr(spec, "origin", None) or ""
        if origin.startswith(STDLIB_ZIP):
            files.add(origin[len(STDLIB_ZIP) :])
    return sorted(files)


def trace() -> str:
    """JSON {"files": [zip entries], "answers": {path: JSON answer}} of the above."""
    import_all(calc_imports())
    answers = exercise()
    return json.dumps({"files": needed(), "answers": answers})
