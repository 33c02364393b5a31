"""MkDocs hook: ships the browser runtime beside the built pages.

After every build it copies the Pyodide runtime (from node_modules, never committed, never from a
CDN), a freshly built `calc` wheel and the standard library trimmed to what calc needs
(tools/trimmed_runtime.py) into versioned folders of the site, and writes their paths (and the
lockfile without packages) into the rekenhulp worker and the service worker (sw.js, which caches
only those versioned files).
Then it moves the site's own scripts (docs/assets/javascripts: the rekenhulp, its worker) into
assets/rekenhulp-<id>/, id a hash of their content (which names the wheel and the runtime), points
every page at that folder and gives every page `<meta name="pbm-rekenhulp" content="<id>">`. So a
page never runs with scripts or a calc of another deploy: GitHub Pages lets browsers keep files
for 10 minutes, and a new deploy gets new paths; a page reached by instant navigation from an
older deploy sees another id in the meta tag and reloads (rekenhulp.js).
Versioned paths never change content, so browsers may cache them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from trimmed_runtime import PYODIDE_NPM, build_stdlib, lockfile

ROOT = Path(__file__).resolve().parent.parent
# Not python_stdlib.zip nor pyodide-lock.json: the worker gets trimmed ones (trimmed_runtime.py).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
SCRIPTS = Path("assets/javascripts")  # as in docs/; Material's own scripts are there too
WORKER = "rekenhulp-worker.js"
ENTRY = "rekenhulp.js"  # mkdocs.yml extra_javascript
SERVICE_WORKER = Path("sw.js")  # at the site root, so its scope covers every page


def pyodide_version() -> str:
    package = PYODIDE_NPM / "package.json"
    if not package.exists():
        raise PluginError("Pyodide ontbreekt: voer eerst `npm ci` uit (of gebruik `make serve`).")
    return json.loads(package.read_text())["version"]


def build_wheel(out: Path) -> Path:
    """Builds the calc wheel into out/<sha256 prefix>/ and returns its path."""
    with tempfile.TemporaryDirectory() as tmp:
        # Build from a copy so the work tree gets no build/ or egg-info litter.
        src = Path(tmp) / "src"
        shutil.copytree(ROOT / "calc", src / "calc", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(ROOT / "pyproject.toml", src / "pyproject.toml")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "-q",
                "--no-deps",
                "--no-build-isolation",
                "-w",
                str(Path(tmp) / "dist"),
                str(src),
            ],
            check=True,
            capture_output=True,
            # Fixed zip timestamps: the same calc gives the same wheel, hence the same path.
            env={**os.environ, "SOURCE_DATE_EPOCH": "315532800"},
        )
        (wheel,) = (Path(tmp) / "dist").glob("*.whl")
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
        target = out / digest / wheel.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(wheel, target)
        return target


def version_scripts(site: Path, names: list[str]) -> str:
    """Moves the site's own scripts `names` (of assets/javascripts) to assets/rekenhulp-<id>/,
    keeping their depth, so their relative paths still hold; returns the id."""
    source = site / SCRIPTS
    files = sorted(path for name in names for path in [source / name, *(source / name).rglob("*")])
    digest = hashlib.sha256()
    for path in (p for p in files if p.is_file()):
        digest.update(path.relative_to(source).as_posix().encode() + b"\0" + path.read_bytes())
    build = digest.hexdigest()[:12]
    target = site / "assets" / f"rekenhulp-{build}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    for name in names:
        shutil.move(source / name, target / name)
    return build


def point_pages(site: Path, build: str) -> None:
    """Every page loads the versioned entry script and names its build in a meta tag."""
    old = f'{SCRIPTS.as_posix()}/{ENTRY}"'
    new = f'assets/rekenhulp-{build}/{ENTRY}"'
    meta = f'<meta name="pbm-rekenhulp" content="{build}">'
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        if old not in text or "</head>" not in text:
            raise PluginError(f"site_assets: {page} laadt {ENTRY} niet")
        page.write_text(text.replace(old, new).replace("</head>", meta + "</head>", 1), "utf-8")


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    version = pyodide_version()
    runtime = site / "assets" / "pyodide" / version
    runtime.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_NPM / name, runtime / name)
    wheel = build_wheel(site / "assets" / "calc")
    try:
        stdlib = build_stdlib(wheel, site / "assets" / "pyodide" / "stdlib")
    except RuntimeError as error:
        raise PluginError(str(error)) from error
    worker = site / SCRIPTS / WORKER
    text = worker.read_text("utf-8")
    text = text.replace("__PYODIDE_DIR__", f"../pyodide/{version}/")
    text = text.replace("__CALC_WHEEL__", "../" + wheel.relative_to(site / "assets").as_posix())
    text = text.replace("__PYTHON_STDLIB__", "../" + stdlib.relative_to(site / "assets").as_posix())
    # A JavaScript string holding the lockfile's JSON (loadPyodide parses it).
    lock = json.dumps(lockfile(), separators=(",", ":"))
    text = text.replace('"__PYODIDE_LOCK__"', json.dumps(lock))
    worker.write_text(text, "utf-8")
    sw = site / SERVICE_WORKER
    text = sw.read_text("utf-8")
    text = text.replace("__PYODIDE_DIR__", f"assets/pyodide/{version}/")
    text = text.replace("__PYODIDE_FILES__", ",".join(PYODIDE_FILES))
    text = text.replace("__PYTHON_STDLIB__", stdlib.relative_to(site).as_posix())
    text = text.replace("__CALC_WHEEL__", wheel.relative_to(site).as_posix())
    sw.write_text(text, "utf-8")
    own = sorted(path.name for path in (Path(config["docs_dir"]) / SCRIPTS).iterdir())
    point_pages(site, version_scripts(site, own))
