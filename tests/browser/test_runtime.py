"""The site's trimmed Pyodide runtime (tools/trimmed_runtime.py) in a real browser: the worker loads
the trimmed standard library and no lockfile, and answers every path the pages use as CPython."""

from __future__ import annotations

import io
import json
import re
import sys
import urllib.request
import zipfile

from sitebuild import ROOT
from test_rekenhulp import PYODIDE_WAIT_MS, READY

from calc import api

sys.path.insert(0, str(ROOT / "tools"))
from stdlib_trace import calls
from trimmed_runtime import PYODIDE_NPM


def test_the_trace_takes_the_workers_own_steps():
    """tools/stdlib_build.mjs repeats by hand what the worker runs in Python before calling calc;
    a step or function the trace does not take would load modules the trimmed zip lacks."""
    worker = (ROOT / "docs" / "assets" / "javascripts" / "rekenhulp-worker.js").read_text("utf-8")
    trace = (ROOT / "tools" / "stdlib_build.mjs").read_text("utf-8")
    python = re.findall(r"\.(?:runPython|runPythonAsync|pyimport)\(\s*(\"[^\"]*\"|'[^']*')", worker)
    assert python, "no Python step found in the worker"
    for step in python:
        assert step[1:-1] in trace, step
    for call in ("unpackArchive", "loadPackage", "loadPackagesFromImports", "micropip"):
        assert (call in worker) <= (call in trace), call
    (exposed,) = re.findall(r"FUNCTIONS = new Set\(\[([^\]]*)\]\)", worker)
    assert set(re.findall(r'"(\w+)"', exposed)) == {fn for _, fn, _ in calls()}


def test_the_worker_loads_the_trimmed_standard_library_and_no_lockfile(page, site_url, served):
    start = len(served)
    page.goto(site_url)
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    runtime = [path for path, _ in served[start:] if "/assets/pyodide/" in path]
    stdlib = [path for path in runtime if path.endswith("python_stdlib.zip")]
    assert len(stdlib) == 1 and "/assets/pyodide/stdlib/" in stdlib[0], runtime
    assert not [path for path in runtime if path.endswith("pyodide-lock.json")], runtime
    with urllib.request.urlopen(site_url.split("/pbm-wijzer/")[0] + stdlib[0]) as response:
        shipped = set(zipfile.ZipFile(io.BytesIO(response.read())).namelist())
    full = set(zipfile.ZipFile(PYODIDE_NPM / "python_stdlib.zip").namelist())
    assert "calc" not in {name.split("/")[0] for name in shipped}
    assert shipped < full and len(shipped) < len(full) / 3, len(shipped)


def test_every_rekenhulp_preset_and_csv_path_answers_as_in_cpython(page, site_url):
    page.goto(site_url)
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    paths = calls()
    # The page's own engine (one worker per visit), called as the widgets call it.
    answers = page.evaluate(
        """async (calls) => {
          const entry = document.querySelector('script[src*="/rekenhulp.js"]').src;
          const engine = (await import(new URL("rekenhulp/engine.js", entry))).startEngine(() => {});
          const out = [];
          for (const [, fn, args] of calls) out.push(await engine.call(fn, ...args));
          return out;
        }""",
        paths,
    )
    for (label, fn, args), answer in zip(paths, answers, strict=True):
        assert answer == getattr(api, fn)(*args), label
        assert "Er ging iets mis" not in answer, label  # the worker's message for a Python error
    imported = [
        json.loads(a) for (_, fn, _), a in zip(paths, answers, strict=True) if fn == "csv_import"
    ]
    assert any(a.get("locaties") for a in imported)  # an import that read rows
