"""The parts of the Pyodide runtime the site makes smaller than Pyodide ships them (issue 15).

- The standard library: Pyodide's python_stdlib.zip holds all of it (2.5 MB, already deflated,
  so the server's gzip gains nothing). The site ships only the files calc and the worker load,
  found by tools/stdlib_build.mjs doing in Pyodide what the worker does, minified; the worker
  passes it to loadPyodide as `stdLibURL`.
- The lockfile: pyodide-lock.json lists Pyodide's 357 packages; the site loads none (calc comes
  as a wheel), so the worker passes `lockFileContents` with the same `info` (Pyodide checks its
  ABI version) and no packages, and the file is not shipped.

Building the zip starts Pyodide under Node (a few seconds), so it is kept in .cache/stdlib/,
keyed by everything it depends on: `mkdocs serve` rebuilds only when calc or Pyodide changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
TOOLS = Path(__file__).resolve().parent
BUILDER = TOOLS / "stdlib_build.mjs"
# Everything the zip's content depends on besides the wheel.
INPUTS = (
    BUILDER,
    TOOLS / "stdlib_trace.py",
    TOOLS / "stdlib_zip.py",
    PYODIDE_NPM / "package.json",
    PYODIDE_NPM / "python_stdlib.zip",
)
CACHE = ROOT / ".cache" / "stdlib"
STDLIB_NAME = "python_stdlib.zip"


def lockfile() -> dict:
    """Pyodide's lockfile without its packages: all loadPyodide needs when none is loaded."""
    full = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text("utf-8"))
    return {"info": full["info"], "packages": {}}


def _key(wheel: Path) -> str:
    digest = hashlib.sha256(wheel.read_bytes())
    for path in INPUTS:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def _build(wheel: Path, target: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError(
            "Node.js ontbreekt: nodig om de Python-standaardbibliotheek in te korten."
        )
    config = {"wheel": str(wheel), "lock": lockfile(), "out": str(target)}
    done = subprocess.run(
        [node, str(BUILDER), json.dumps(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{BUILDER.name} faalde:\n{done.stderr[-2000:]}")


def build_stdlib(wheel: Path, out: Path) -> Path:
    """The trimmed standard library for `wheel`'s calc at out/<sha256 prefix>/python_stdlib.zip."""
    cached = CACHE / _key(wheel) / STDLIB_NAME
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        # Built beside the cache and moved in whole: a parallel build never reads half a zip.
        with tempfile.TemporaryDirectory(dir=cached.parent) as tmp:
            _build(wheel, Path(tmp) / STDLIB_NAME)
            os.replace(Path(tmp) / STDLIB_NAME, cached)
    digest = hashlib.sha256(cached.read_bytes()).hexdigest()[:12]
    target = out / digest / STDLIB_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(cached, target)
    return target
