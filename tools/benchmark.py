"""Benchmark of what a visitor of PBM-wijzer waits for and downloads (issue 7).

    .venv/bin/python tools/benchmark.py [--runs 5] [--changes 30] [--zonder-lighthouse]
        [--alleen 7 15 lighthouse] [--out bench/results]

Builds the site strictly (tests/sitebuild.py) into a temporary folder, serves it under
/pbm-wijzer/ on 127.0.0.1 with its own threaded server (which sends GitHub Pages' caching header,
`Cache-Control: max-age=600`, and counts every request and byte it sends), and drives headless
Chromium. Every browser figure is measured inside the page with performance.now(): from the start
of the navigation (or from the click / change event) to the animation frame in which the answer is
on screen, so the harness's own round trips are not counted. Each run uses a fresh browser profile,
i.e. an empty HTTP cache and no service worker. Prints a Markdown table with each figure's target
and PASS/FAIL, and writes everything (every sample) to <out>/latest.json.

The measurements (numbers as in issue 7):
1. navigation -> the built-in answer of the home page visible;
2. navigation with an empty cache -> the rekenhulp answering a changed input (on the home page
   the rekenhulp is compact: its form is opened first, a click that starts the runtime); reported
   from the navigation and from that first use, which is when the runtime starts loading;
3. the floor: a bare page beside the site whose module worker only loads the same runtime (the
   site's pyodide.mjs, trimmed standard library and lockfile) and runs `1 + 1`; and the ratio 2/3,
   with 2 from first use (the floor starts its runtime at once);
4. a click on a menu link to another page with a rekenhulp (instant navigation; Pyodide already
   running) -> that page answering a changed input. Reported without the benchmark's own reaction
   time: (click -> new widget ready) + (input -> answer, typed and left at once as in 5);
5. an input change -> the new answer on screen, p50 and p95 over all changes of all runs: from
   the last input event to the frame with the answer, the value typed and the field left in one
   task (input and change event together, as a paste and Tab), so that neither the harness's own
   delay before its Tab nor the typing pause (typing computes too, 250 ms after the last key)
   is counted. Before, measured from the change event, a Tab late by more than that pause gave
   a negative time: the answer to the typing was already there;
6. the budget rekenhulp: a 2,000-location CSV chosen -> the answer on screen (skipped, with a
   reason, while the site has no budget rekenhulp with a file input);
7. bytes the server sent for one first visit of the home page: the Pyodide runtime and the
   project's own files (everything else), raw and gzip -6 (GitHub Pages compresses; the targets
   are on the gzip figures; headers are not counted), and both together (issue 15: at most
   4.5 MB); the runtime's files one by one are listed under the table;
8. a repeat visit after the HTTP cache has expired: same context, HTTP cache cleared over CDP, the
   service worker kept, home page loaded again: bytes the server sent again;
9. unless --zonder-lighthouse: Lighthouse (npm, default mobile settings) on every page of the sitemap,
   served gzip-compressed as GitHub Pages serves text (uncompressed, Lighthouse's simulated
   slow 4G would put about a second on the largest contentful paint that visitors never see).

And those of issue 15 (rows 15.x):
15.1 a reader: every page with a rekenhulp is opened and scrolled through to the end (so every
   rekenhulp comes into view), nothing is touched, the page is left idle: the bytes of the
   runtime (Pyodide, standard library, calc wheel, the rekenhulp's worker) the server sent. Also
   when the first rekenhulp came into view on the home page: a trigger "in view" would have
   downloaded the runtime for every reader from that moment;
15.3 the home page on an emulated line (Chromium's Network.emulateNetworkConditions, which also
   holds the worker's downloads), 9 Mbit/s with 40 ms latency and 1.6 Mbit/s with 150 ms, served
   gzip-compressed as GitHub Pages does (text and wasm): after the page has loaded, the first use
   (a click into a field, then a changed input) -> the answer on screen; whether the rekenhulp
   ever said "mislukt"; how many progress steps it showed;
15.4 the budget rekenhulp with 5,000 locations: a CSV chosen, then an input changed: the longest
   task on the main thread (PerformanceObserver "longtask") from the change until a second after
   the answer is on screen, and the time to that answer.

The machine's load matters: run it on a quiet machine and compare medians, not single runs.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tools"))

from sitebuild import (  # noqa: E402
    BROWSER_ARGS,
    SUBPATH,
    QuietHandler,
    build,
    cli,
    emulate_line,
    find_browser,
)
from trimmed_runtime import lockfile  # noqa: E402

from calc import uren_html  # noqa: E402

PYODIDE_WAIT_MS = 90_000
FLOOR_DIR = "bench-floor"  # beside the site in the served root, never in docs/
UREN = '.rekenhulp[data-rekenhulp="uren"]'  # measurements 1, 2, 4, 5 use the uren rekenhulp
TOTAL = f'{UREN} [data-uitkomst="totaal"]'
READY = f'{UREN}[data-staat="klaar"]'
FIELD = "doelgroeppeuters"
BUDGET = '.rekenhulp[data-rekenhulp="budget"]'
LIGHTHOUSE = "12.2.3"
KB = 1000
# What GitHub Pages sends gzip-compressed: text, and the wasm (application/wasm); zips as they are.
COMPRESSED_TYPES = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".svg",
    ".xml",
    ".txt",
    ".map",
    ".wasm",
}
# Issue 15: emulated lines (Mbit/s, latency ms) and the budget's big table.
LINES = {"9mbit": (9, 40), "1_6mbit": (1.6, 150)}
BIG_TABLE = 5000

# Targets of issue 7: (comparison, value). "le": at most, "ge": at least, "eq": exactly.
TARGETS = {
    "1_ingebouwd_antwoord_ms": ("le", 500),
    "2_koud_vanaf_navigatie_ms": (None, None),
    "2_koud_antwoord_ms": (None, None),
    "3_vloer_ms": (None, None),
    "2_3_verhouding": ("le", 1.15),
    "4_instant_navigatie_ms": ("le", 200),
    "5_invoer_p50_ms": (None, None),
    "5_invoer_p95_ms": ("le", 50),
    "6_budget_csv_ms": ("le", 1000),
    "7_pyodide_gzip_bytes": (None, None),
    "7_eigen_gzip_bytes": ("le", 300 * KB),
    "7_totaal_gzip_bytes": ("le", 4500 * KB),
    "8_pyodide_opnieuw_bytes": ("eq", 0),
    "15_1_lezer_runtime_bytes": ("eq", 0),
    "15_1_in_beeld_ms": (None, None),
    "15_3_9mbit_eerste_gebruik_ms": (None, None),
    "15_3_9mbit_mislukt_aantal": ("eq", 0),
    "15_3_1_6mbit_eerste_gebruik_ms": (None, None),
    "15_3_1_6mbit_mislukt_aantal": ("eq", 0),
    "15_3_1_6mbit_voortgang_aantal": ("ge", 2),
    "15_4_import_langste_taak_ms": ("le", 200),
    "15_4_import_antwoord_ms": (None, None),
    "15_4_wijziging_langste_taak_ms": ("le", 200),
    "15_4_wijziging_antwoord_ms": (None, None),
}

# Runs in every page before its own scripts. Instant navigation keeps the window, so __bench
# (and the click and change times) live on across pages of one visit.
INIT_SCRIPT = r"""
(() => {
  if (window.__bench) return;
  const b = (window.__bench = { changes: [], clicks: [] });
  const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
  const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  // The built-in answer: the first animation frame (just before paint) in which it is visible.
  const poll = () => {
    const el = document.querySelector('.rekenhulp[data-rekenhulp="uren"] [data-uitkomst="totaal"]');
    if (shown(el) && norm(el.textContent)) b.builtIn = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // Issue 15: long tasks; the first focus in a rekenhulp; when one first came into view; every
  // state of the first rekenhulp and every progress text it showed.
  b.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  b.states = [];
  b.progress = [];
  document.addEventListener("focusin", (event) => {
    if (b.firstFocus === undefined && event.target.closest?.(".rekenhulp")) b.firstFocus = performance.now();
  }, true);
  document.addEventListener("DOMContentLoaded", () => {
    const root = document.querySelector(".rekenhulp");
    if (!root) return;
    new IntersectionObserver((entries, observer) => {
      if (entries.some((e) => e.isIntersecting)) {
        b.inView = performance.now();
        observer.disconnect();
      }
    }).observe(root);
    const note = () => {
      if (root.dataset.staat && root.dataset.staat !== b.states.at(-1)) b.states.push(root.dataset.staat);
      const box = root.querySelector(".rh-voortgang");
      const text = box && !box.hidden ? box.textContent.trim() : "";
      if (text && text !== b.progress.at(-1)) b.progress.push(text);
    };
    new MutationObserver(note).observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
    note();
  });
  document.addEventListener("change", () => b.changes.push(performance.now()), true);
  // The last input event at or before `t`: the moment the value the answer is for was typed.
  // Typing computes too (after a pause), so the answer can come before the change event.
  b.inputs = [];
  document.addEventListener("input", () => b.inputs.push(performance.now()), true);
  b.lastInput = (t) => b.inputs.filter((x) => x <= t).at(-1) ?? null;
  document.addEventListener("click", () => b.clicks.push(performance.now()), true);
  // Resolves when check() first holds: `seen` when the DOM changed, `frame` at the next frame.
  const watch = (check) =>
    new Promise((resolve) => {
      let done = false;
      const test = () => {
        if (done || !check()) return;
        done = true;
        observer.disconnect();
        const seen = performance.now();
        requestAnimationFrame(() => resolve({ seen, frame: performance.now() }));
      };
      const observer = new MutationObserver(test);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      test();
    });
  // The first element matching `selector` shows `text` (and is not the one there when armed).
  b.whenText = (selector, text, fresh) => {
    const old = fresh ? document.querySelector(selector) : null;
    return watch(() => {
      const el = document.querySelector(selector);
      return !!el && el !== old && norm(el.textContent) === text;
    });
  };
  // After instant navigation to `path`: the new page's first uren rekenhulp is bound and ready.
  b.whenReady = (path) => {
    const uren = '.rekenhulp[data-rekenhulp="uren"]';
    const old = document.querySelector(uren);
    return watch(() => {
      const el = document.querySelector(uren);
      return location.pathname === path && !!el && el !== old && el.dataset.staat === "klaar";
    });
  };
  // The budget widget's result shows something new (and no error summary).
  b.whenChanged = (selector) => {
    const el0 = document.querySelector(selector);
    const before = el0 ? norm(el0.textContent) : "";
    return watch(() => {
      const el = document.querySelector(selector);
      const now = el ? norm(el.textContent) : "";
      return now !== "" && now !== before;
    });
  };
})();
"""

FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pyodide floor</title></head>
<body><p id="out">loading</p>
<script type="module">
const worker = new Worker("worker.js", { type: "module" });
worker.onmessage = ({ data }) => {
  document.getElementById("out").textContent = data;
  requestAnimationFrame(() => { window.__floor = performance.now(); });
};
</script></body></html>
"""

FLOOR_WORKER = """const dir = new URL("__DIR__", location.href);
const { loadPyodide } = await import(new URL("pyodide.mjs", dir).href);
const pyodide = await loadPyodide({
  indexURL: dir.href,
  stdLibURL: new URL("__STDLIB__", location.href).href,
  lockFileContents: __LOCK__,
});
postMessage(String(pyodide.runPython("1 + 1")));
"""


# ---------------------------------------------------------------- the counting server


class _CountingWriter:
    def __init__(self, raw):
        self.raw = raw
        self.count = 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class Traffic:
    """Every response the server sent: path, status, body and header bytes, and the file."""

    def __init__(self):
        self.lock = threading.Lock()
        self.records: list[dict] = []
        # Lighthouse gets compressed text like GitHub Pages serves it; measurements 1-8 do not
        # need it (their gzip figures are computed from the files) and count raw bytes sent.
        self.compress = False
        self._compressed: dict[Path, bytes] = {}

    def add(self, record: dict):
        with self.lock:
            self.records.append(record)

    def mark(self) -> int:
        with self.lock:
            return len(self.records)

    def since(self, mark: int) -> list[dict]:
        with self.lock:
            return list(self.records[mark:])

    def compressed(self, file: Path) -> bytes:
        """The file as gzip -6 sends it, made once. Measurements 1-8 ask only when reporting,
        never while serving: compressing 10 MB takes a while."""
        with self.lock:
            if file not in self._compressed:
                self._compressed[file] = gzip.compress(file.read_bytes(), compresslevel=6)
            return self._compressed[file]

    def gzip_size(self, file: str) -> int:
        return len(self.compressed(Path(file)))


def counting_handler(root: Path, traffic: Traffic):
    class CountingHandler(QuietHandler):
        def setup(self):
            super().setup()
            self.wfile = _CountingWriter(self.wfile)

        def send_response(self, code, message=None):
            self._status = code
            super().send_response(code, message)

        def end_headers(self):
            super().end_headers()
            self._head_end = self.wfile.count

        def served_file(self) -> Path:
            file = Path(self.translate_path(self.path))
            return file / "index.html" if file.is_dir() else file

        def do_GET(self):
            file = self.served_file()
            if not (
                traffic.compress
                and urlsplit(self.path).path.endswith(("/", file.suffix))  # not a redirect
                and file.suffix in COMPRESSED_TYPES
                and file.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")
            ):
                super().do_GET()
                return
            body = traffic.compressed(file)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(file)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def handle_one_request(self):
            start = self.wfile.count
            self._status = None
            self._head_end = None
            super().handle_one_request()
            if self._status is None or not getattr(self, "path", None):
                return
            total = self.wfile.count - start
            head = (self._head_end or self.wfile.count) - start
            file = self.served_file()
            traffic.add(
                {
                    "path": unquote(urlsplit(self.path).path),
                    "status": self._status,
                    "body": total - head,
                    "headers": head,
                    "file": str(file) if self._status == 200 and file.is_file() else None,
                    "t": time.monotonic(),
                }
            )

    return functools.partial(CountingHandler, directory=str(root))


@contextlib.contextmanager
def counting_server(root: Path, traffic: Traffic):
    server = ThreadingHTTPServer(("127.0.0.1", 0), counting_handler(root, traffic))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def is_pyodide(path: str) -> bool:
    return "/assets/pyodide/" in path


def tally(traffic: Traffic, records: list[dict]) -> dict:
    """Bytes of a visit, split into the Pyodide runtime and the project's own files."""
    out = {
        kind: {"requests": 0, "raw": 0, "gzip": 0, "headers": 0, "files": {}}
        for kind in ("pyodide", "eigen")
    }
    for r in records:
        part = out["pyodide" if is_pyodide(r["path"]) else "eigen"]
        gz = traffic.gzip_size(r["file"]) if r["file"] and r["body"] else 0
        part["requests"] += 1
        part["raw"] += r["body"]
        part["gzip"] += gz
        part["headers"] += r["headers"]
        entry = part["files"].setdefault(
            r["path"], {"requests": 0, "raw": 0, "gzip": 0, "status": []}
        )
        entry["requests"] += 1
        entry["raw"] += r["body"]
        entry["gzip"] += gz
        entry["status"].append(r["status"])
    return out


# ---------------------------------------------------------------- the site


def write_floor(root: Path, site: Path) -> str:
    """The bare page of measurement 3, beside the site; returns its path."""
    (runtime,) = site.glob("assets/pyodide/*/pyodide.mjs")
    (stdlib,) = site.glob("assets/pyodide/stdlib/*/python_stdlib.zip")
    floor = root / FLOOR_DIR
    floor.mkdir(exist_ok=True)
    (floor / "index.html").write_text(FLOOR_HTML, "utf-8")
    worker = FLOOR_WORKER.replace(
        "__DIR__", f"/{SUBPATH}/{runtime.parent.relative_to(site).as_posix()}/"
    )
    worker = worker.replace("__STDLIB__", f"/{SUBPATH}/{stdlib.relative_to(site).as_posix()}")
    worker = worker.replace("__LOCK__", json.dumps(lockfile()))
    (floor / "worker.js").write_text(worker, "utf-8")
    return f"/{FLOOR_DIR}/"


def pages_with(site: Path, needle: str) -> list[str]:
    """URL paths (/pbm-wijzer/...) of the built pages whose HTML contains `needle`."""
    found = []
    for html in sorted(site.rglob("index.html")):
        if needle in html.read_text("utf-8"):
            rel = html.parent.relative_to(site).as_posix()
            found.append(f"/{SUBPATH}/" + ("" if rel == "." else rel + "/"))
    return found


def sitemap_urls(site: Path) -> list[str]:
    tree = ET.parse(site / "sitemap.xml")
    return [el.text.strip() for el in tree.iter() if el.tag.endswith("loc") and el.text]


def budget_csv(path: Path, rows: int = 2000, places: bool = False) -> Path:
    """Locations as a municipality exports them; with `places`, bezette plaatsen too (so the
    whole table is valid input whichever the budget counts by)."""
    lines = ["naam;aanbieder;doelgroeppeuters" + (";bezette plaatsen" if places else "")]
    lines += [
        f"Locatie {i:04d};Aanbieder {i % 40 + 1};{i % 30 + 1}"
        + (f";{i % 30 + 10}" if places else "")
        for i in range(1, rows + 1)
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


# ---------------------------------------------------------------- measurements


# The form's input as the page sends it to calc: its fields and its tables' rows (form.js).
FORM_VALUES = """(widget) => {
  const form = widget.querySelector(".rh-form");
  const values = {};
  for (const c of form.querySelectorAll(".rh-veld > .rh-invoer")) values[c.name] = c.value;
  for (const t of form.querySelectorAll("table[data-tabel]")) {
    values[t.dataset.tabel] = [...t.tBodies[0].rows].map((row) => Object.fromEntries(
      [...row.querySelectorAll("[data-kolom]")].map((c) => [c.dataset.kolom, c.value])));
  }
  return values;
}"""


def presets(browser, base: str, paths: list[str]) -> dict[str, dict]:
    """The preset input of each page's first uren rekenhulp, read with JavaScript off."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    out = {}
    for path in paths:
        page.goto(base + path)
        out[path] = page.locator(UREN).first.evaluate(FORM_VALUES)
    context.close()
    return out


@functools.cache
def expected_total(values: str) -> str:
    status, result = cli("uren", json.loads(values))
    if status != 0:
        raise RuntimeError(f"calc uren weigert {values}: {result}")
    return uren_html.words(result)["totaal"]  # as the page words calc's numbers


def changed(preset: dict, value: int) -> tuple[str, str]:
    """(new value, the total `python -m calc uren` gives for the form with it)."""
    values = {**preset, FIELD: str(value)}
    return str(value), expected_total(json.dumps(values, sort_keys=True))


def unfold(page, rekenhulp: str = UREN) -> None:
    """Open a rekenhulp's form where it is compact (a page about something else, such as the home
    page: its example with the form folded away) as a user does, with a click on its summary; that
    starts the runtime."""
    widget = page.locator(rekenhulp).first
    widget.locator(".rh-resultaat").wait_for(state="attached")  # parsed up to past the form
    fold = widget.locator("details.rh-invoervak:not([open]) > summary")
    if fold.count():
        fold.click()


def field(page):
    return page.locator(UREN).first.locator(f'.rh-invoer[name="{FIELD}"]')


def commit(box, value: str, at_once: bool) -> None:
    """Type `value` into the field and leave it. `at_once`: in one task of the page, so the input
    and the change event come together (as a paste and Tab at once) and the time from the input
    is the rekenhulp's alone; otherwise Playwright's fill and Tab, some 10 ms apart."""
    if not at_once:
        box.fill(value)
        box.press("Tab")
        return
    box.evaluate(
        """(el, v) => {
          el.focus();
          el.value = v;
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
        }""",
        value,
    )


def change_and_wait(page, value: str, total: str, fresh=False, at_once=False) -> dict:
    """Type `value` and leave the field (commit), and wait until the total shows `total`;
    page-side times, with `input` the last input event before the answer (the value typed)."""
    page.evaluate(
        "([s, t, f]) => { window.__answer = __bench.whenText(s, t, f); }", [TOTAL, total, fresh]
    )
    commit(field(page), value, at_once)
    return page.evaluate(
        "async () => { const a = await window.__answer;"
        " return { ...a, input: __bench.lastInput(a.seen) }; }"
    )


def service_worker_state(page) -> str:
    return page.evaluate(
        """async () => {
          if (!navigator.serviceWorker) return "niet ondersteund";
          let reg;
          for (let i = 0; i < 30 && !reg; i++) {
            reg = await navigator.serviceWorker.getRegistration();
            if (!reg) await new Promise((r) => setTimeout(r, 100));
          }
          if (!reg) return "niet geregistreerd";
          const ready = await Promise.race([
            navigator.serviceWorker.ready,
            new Promise((r) => setTimeout(() => r(null), 60000)),
          ]);
          return ready && ready.active ? ready.active.state : "niet actief";
        }"""
    )


def settle(page, traffic: Traffic, quiet_s: float = 0.5, limit_s: float = 30):
    """Wait until the server has sent nothing for `quiet_s` (stragglers such as the search index)."""
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=limit_s * 1000)
    end = time.monotonic() + limit_s
    while time.monotonic() < end:
        records = traffic.since(0)
        last = records[-1]["t"] if records else 0
        if time.monotonic() - last >= quiet_s:
            return
        time.sleep(0.1)


@contextlib.contextmanager
def fresh_context(pw, **options):
    """A new browser with a new, empty profile: no HTTP cache, no service worker.

    A profile on disk, not an in-memory (incognito) context: a visitor's HTTP cache is on disk,
    and an in-memory one does not keep a file as big as pyodide.asm.wasm.
    """
    with tempfile.TemporaryDirectory(prefix="pbm-bench-profiel-") as profile:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=find_browser(),
            args=BROWSER_ARGS,
            headless=True,
            locale="nl-NL",
            **options,
        )
        try:
            yield context
        finally:
            context.close()


def visit_run(pw, base, traffic, home, targets, preset, changes, run, budget_page, csv, big):
    """One visit: measurements 1, 2, 7, 5, 4, 8 (and 6, 15.4) in a fresh profile."""
    out: dict = {"fouten": []}
    with fresh_context(pw, service_workers="allow") as context:
        visit(
            context, out, base, traffic, home, targets, preset, changes, run, budget_page, csv, big
        )
    return out


def visit(context, out, base, traffic, home, targets, preset, changes, run, budget_page, csv, big):
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()

    def phase(name, step):
        # One failed phase must not hide the others.
        try:
            step()
        except Exception as error:
            out["fouten"].append(f"{name}: {type(error).__name__}: {error}".splitlines()[0])

    def first_visit():  # 1, 2 and 7: a first visit of the home page, empty cache
        mark = traffic.mark()
        value, total = changed(preset[home], 100 + run)
        page.goto(base + home, wait_until="commit")
        page.wait_for_function("() => !!window.__bench")
        unfold(page)
        answer = change_and_wait(page, value, total)
        out["2_koud_vanaf_navigatie_ms"] = answer["frame"]
        # The runtime starts at first use (issue 15), so the clock for the ratio with the floor
        # starts there too: the time before it is the page being read, not the runtime loading.
        out["2_koud_antwoord_ms"] = answer["frame"] - page.evaluate("__bench.firstFocus")
        out["1_ingebouwd_antwoord_ms"] = page.evaluate("__bench.builtIn")
        page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
        out["fcp_ms"] = page.evaluate(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"
        )
        out["service_worker"] = service_worker_state(page)
        settle(page, traffic)
        out["7_bezoek"] = tally(traffic, traffic.since(mark))

    def input_changes():  # 5: input changes on a ready page
        samples = []
        for i in range(changes):
            value, total = changed(preset[home], 200 + i)
            answer = change_and_wait(page, value, total, at_once=True)
            samples.append(answer["frame"] - answer["input"])
        out["5_invoer_ms"] = samples

    def instant_navigation():  # 4: a menu link to another page with a rekenhulp
        page.evaluate("window.__zelfde = true")
        target = page.evaluate(
            """(targets) => {
              for (const a of document.querySelectorAll(".md-tabs__link, .md-nav__link")) {
                const url = new URL(a.href, location.href);
                if (targets.includes(url.pathname) && !url.hash && a.checkVisibility()) {
                  a.dataset.bench = "1";
                  return url.pathname;
                }
              }
              return null;
            }""",
            targets,
        )
        if not target:
            raise RuntimeError("geen zichtbare menulink naar een andere pagina met een rekenhulp")
        out["4_pagina"] = target
        mark = traffic.mark()
        value, total = changed(preset[target], 300 + run)
        page.evaluate(
            "([p, s, t]) => { window.__ready = __bench.whenReady(p);"
            " window.__answer = __bench.whenText(s, t, true); }",
            [target, TOTAL, total],
        )
        page.locator('a[data-bench="1"]').first.click()
        click = page.evaluate("__bench.clicks[__bench.clicks.length - 1]")
        ready = page.evaluate("window.__ready")
        commit(field(page), value, at_once=True)
        answer = page.evaluate("window.__answer")
        change = page.evaluate("(t) => __bench.lastInput(t)", answer["seen"])
        out["4_instant_navigatie_ms"] = (ready["frame"] - click) + (answer["frame"] - change)
        out["4_tot_klaar_ms"] = ready["frame"] - click
        out["4_bruto_ms"] = answer["frame"] - click
        out["4_zonder_herladen"] = page.evaluate("window.__zelfde === true")
        if not out["4_zonder_herladen"]:
            raise RuntimeError("de klik laadde de pagina opnieuw: geen instant navigatie")
        settle(page, traffic)
        out["7_navigatie"] = tally(traffic, traffic.since(mark))

    def repeat_visit():  # 8: HTTP cache expired (cleared), service worker kept: home again
        cdp = context.new_cdp_session(page)
        cdp.send("Network.clearBrowserCache")
        mark = traffic.mark()
        value, total = changed(preset[home], 400 + run)
        page.goto(base + home, wait_until="commit")
        page.wait_for_function("() => !!window.__bench")
        unfold(page)
        answer = change_and_wait(page, value, total)
        out["8_herhaal_antwoord_ms"] = answer["frame"]
        settle(page, traffic)
        out["8_herhaal"] = tally(traffic, traffic.since(mark))

    phase("1/2/7", first_visit)
    if "2_koud_antwoord_ms" not in out:
        return  # no engine: the rest would only time out
    phase("5", lambda: input_changes() if changes else None)
    if targets:
        phase("4", instant_navigation)
    phase("8", repeat_visit)
    if budget_page:
        phase("6", lambda: out.__setitem__("6", budget_run(page, base, budget_page, csv)))
        if big:
            phase(
                "15.4", lambda: out.__setitem__("15_4", big_table_run(page, base, budget_page, big))
            )


def budget_run(page, base, path, csv) -> dict:
    page.goto(base + path)
    widget = page.locator(BUDGET).first
    unfold(page, BUDGET)
    widget.locator("input.rh-invoer").first.click()  # using it starts the runtime
    page.wait_for_selector(f'{BUDGET}[data-staat="klaar"]', timeout=PYODIDE_WAIT_MS)
    upload = widget.locator("input.rh-bestand")
    if upload.count() == 0:
        return {"niet_gemeten": "budget-rekenhulp heeft geen CSV-invoer"}
    result = f"{BUDGET} .rh-resultaat"
    page.evaluate("(s) => { window.__answer = __bench.whenChanged(s); }", result)
    upload.first.set_input_files(str(csv))
    answer = page.evaluate("window.__answer")
    change = page.evaluate("__bench.changes[__bench.changes.length - 1]")
    errors = widget.locator(".rh-foutsamenvatting:not([hidden]) li").all_inner_texts()
    text = widget.locator(".rh-resultaat").inner_text()
    return {
        "ms": answer["frame"] - change,
        "fouten_in_widget": errors,
        "noemt_2000": bool(re.search(r"2\.?000", text)),
    }


def big_table_visit(pw, base, path, csv) -> dict:
    """15.4 on its own (--alleen 15): a visit of the budget page only, in a fresh profile."""
    out: dict = {"fouten": []}
    with fresh_context(pw, service_workers="allow") as context:
        context.add_init_script(INIT_SCRIPT)
        try:
            out["15_4"] = big_table_run(context.new_page(), base, path, csv)
        except Exception as error:
            out["fouten"].append(f"15.4: {type(error).__name__}: {error}".splitlines()[0])
            print(f"   fout: {out['fouten'][-1]}", file=sys.stderr)
    return out


def big_table_run(page, base, path, csv) -> dict:
    """15.4: the budget with BIG_TABLE locations: a CSV chosen, then an input changed."""
    page.goto(base + path)
    page.evaluate("localStorage.clear()")  # no table of an earlier phase
    page.reload()
    widget = page.locator(BUDGET).first
    unfold(page, BUDGET)
    widget.locator("input.rh-invoer").first.click()
    page.wait_for_selector(f'{BUDGET}[data-staat="klaar"]', timeout=PYODIDE_WAIT_MS)
    result = f"{BUDGET} .rh-resultaat"
    out = {}

    def measured(key, act):
        start = page.evaluate(
            "(s) => { __bench.longTasks = []; window.__answer = __bench.whenChanged(s);"
            " return performance.now(); }",
            result,
        )
        act()
        answer = page.evaluate("window.__answer")
        page.wait_for_selector(f'{result}[data-actueel="ja"]', timeout=PYODIDE_WAIT_MS)
        page.wait_for_timeout(1000)  # the layout and paint after the answer count too
        tasks = page.evaluate("__bench.longTasks")
        out[f"{key}_antwoord_ms"] = answer["frame"] - start
        out[f"{key}_langste_taak_ms"] = max((d for t, d in tasks if t >= start), default=0)
        out[f"{key}_taken_ms"] = [round(d) for t, d in tasks if t >= start]

    measured("import", lambda: widget.locator("input.rh-bestand").set_input_files(str(csv)))
    rows = page.evaluate(
        "(s) => document.querySelector(s).querySelector('table[data-paginas]')?.dataset.rijen",
        result,
    )
    if rows != str(BIG_TABLE):
        raise RuntimeError(f"de uitkomst noemt {rows} locaties, niet {BIG_TABLE}")
    box = widget.locator('.rh-invoer[name="vaste_voet_uren"]')
    value = "17" if box.input_value() != "17" else "18"

    def change():
        box.fill(value)
        box.press("Tab")

    measured("wijziging", change)
    out["fouten_in_widget"] = widget.locator(
        ".rh-foutsamenvatting:not([hidden]) li"
    ).all_inner_texts()[:3]
    return out


def is_runtime(path: str) -> bool:
    """Pyodide, its standard library, the calc wheel and the rekenhulp's worker."""
    return is_pyodide(path) or "/assets/calc/" in path or path.endswith("/rekenhulp-worker.js")


def scroll_through(page) -> None:
    """Scroll to the end of the page as a reader does, so every rekenhulp comes into view."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for _ in range(0, height, 300):
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(30)
    page.wait_for_timeout(500)


def reader_run(pw, base, traffic, paths) -> dict:
    """15.1: a reader of every page with a rekenhulp, who scrolls through and touches nothing."""
    with fresh_context(pw, service_workers="allow") as context:
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        mark = traffic.mark()
        in_view = None
        for path in paths:
            page.goto(base + path)
            scroll_through(page)
            if in_view is None:
                in_view = page.evaluate("__bench.inView ?? null")
            settle(page, traffic, quiet_s=1.5)  # idle: an idle prefetch would have started
        runtime = [r for r in traffic.since(mark) if is_runtime(r["path"])]
        return {
            "bytes": sum(r["body"] for r in runtime),
            "bestanden": sorted({r["path"] for r in runtime}),
            "in_beeld_ms": in_view,
        }


def line_run(pw, base, traffic, home, preset, line, run) -> dict:
    """15.3: the home page on an emulated line; the first use -> the answer."""
    mbit, latency = LINES[line]
    with fresh_context(pw, service_workers="allow") as context:
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        emulate_line(page, mbit, latency)
        traffic.compress = True  # as GitHub Pages sends it
        try:
            page.goto(base + home, timeout=PYODIDE_WAIT_MS)
            settle(page, traffic, quiet_s=1.0)
            value, total = changed(preset[home], 500 + run)
            page.evaluate(
                "([s, t]) => { __bench.whenText(s, t).then((a) => { window.__done = a; }); }",
                [TOTAL, total],
            )
            unfold(page)
            box = field(page)
            box.fill(value)
            box.press("Tab")
            page.wait_for_function(
                "() => window.__done || __bench.states.includes('mislukt')",
                timeout=4 * PYODIDE_WAIT_MS,
            )
            bench = page.evaluate(
                "({ done: window.__done ?? null, first: __bench.firstFocus,"
                " states: __bench.states, progress: __bench.progress })"
            )
        finally:
            traffic.compress = False
    steps = {text for text in bench["progress"] if re.match(r"\d+ %", text)}
    return {
        "ms": bench["done"]["frame"] - bench["first"] if bench["done"] else None,
        "mislukt": "mislukt" in bench["states"],
        "voortgang": len(steps),
        "staten": bench["states"],
    }


def issue_15_runs(pw, base, traffic, home, preset, readable, run, extra) -> None:
    """15.1 and 15.3 (15.4 is part of the visit): a reader, then each emulated line."""
    steps = [("lezers", lambda: reader_run(pw, base, traffic, readable))]
    steps += [
        (line, lambda line=line: line_run(pw, base, traffic, home, preset, line, run))
        for line in LINES
    ]
    for name, step in steps:
        try:
            extra[name].append(step())
        except Exception as error:  # one broken run must not hide the others
            message = f"{type(error).__name__}: {error}".splitlines()[0]
            print(f"   fout ({name}): {message}", file=sys.stderr)
            extra[name].append({"fout": message})


def floor_run(pw, base, floor_path) -> float:
    with fresh_context(pw, service_workers="block") as context:
        page = context.new_page()
        page.goto(base + floor_path, wait_until="commit")
        page.wait_for_function("() => window.__floor", timeout=PYODIDE_WAIT_MS)
        return page.evaluate("window.__floor")


# ---------------------------------------------------------------- Lighthouse


def lighthouse(urls: list[str], runs: int, out_dir: Path) -> dict:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        return {"niet_gemeten": f"npm lighthouse ontbreekt: npm install (lighthouse {LIGHTHOUSE})"}
    chrome = find_browser()
    flags = " ".join(["--headless", *BROWSER_ARGS])
    env = {**os.environ, **({"CHROME_PATH": chrome} if chrome else {})}
    pages = {}
    for url in urls:
        samples = []
        for i in range(runs):
            report = out_dir / f"lighthouse-{len(pages)}-{i}.json"
            done = subprocess.run(
                [
                    str(binary),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    f"--chrome-flags={flags}",
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            if done.returncode != 0 or not report.exists():
                samples.append({"fout": (done.stderr or done.stdout).strip()[-300:]})
                continue
            data = json.loads(report.read_text("utf-8"))
            report.unlink()
            cats = data["categories"]
            audits = data["audits"]
            samples.append(
                {
                    "performance": round(100 * (cats["performance"]["score"] or 0)),
                    "accessibility": round(100 * (cats["accessibility"]["score"] or 0)),
                    "best-practices": round(100 * (cats["best-practices"]["score"] or 0)),
                    "seo": round(100 * (cats["seo"]["score"] or 0)),
                    "tbt_ms": audits["total-blocking-time"]["numericValue"],
                    "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
                    "mislukte_audits": sorted(
                        key
                        for cat in ("accessibility", "best-practices", "seo")
                        for ref in cats[cat]["auditRefs"]
                        if ref["weight"] > 0
                        and (key := ref["id"])
                        and audits[key].get("score") not in (None, 1)
                    ),
                }
            )
        good = [s for s in samples if "fout" not in s]
        page = {"samples": samples}
        if good:
            for key in (
                "performance",
                "accessibility",
                "best-practices",
                "seo",
                "tbt_ms",
                "lcp_ms",
            ):
                page[key] = statistics.median(s[key] for s in good)
            page["mislukte_audits"] = sorted({a for s in good for a in s["mislukte_audits"]})
            page["pass"] = (
                page["performance"] >= 90
                and page["tbt_ms"] <= 200
                and all(page[k] == 100 for k in ("accessibility", "best-practices", "seo"))
            )
        else:
            page["pass"] = False
        pages[urlsplit(url).path] = page
    return {"pages": pages, "pass": all(p["pass"] for p in pages.values())}


# ---------------------------------------------------------------- statistics and report


def summary(samples: list[float]) -> dict:
    samples = [s for s in samples if s is not None]
    if not samples:
        return {"n": 0}
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "p95": ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)],
        "samples": [round(s, 1) for s in samples],
    }


def verdict(key: str, value) -> str:
    rule, limit = TARGETS.get(key, (None, None))
    if rule is None or value is None:
        return ""
    ok = {"le": value <= limit, "ge": value >= limit, "eq": value == limit}[rule]
    return "PASS" if ok else "FAIL"


def target_text(key: str) -> str:
    rule, limit = TARGETS.get(key, (None, None))
    if rule is None:
        return ""
    shown = f"{limit / KB:.0f} KB" if key.endswith("bytes") and limit else limit
    return {"le": "≤ ", "ge": "≥ ", "eq": "= "}[rule] + str(shown)


def fmt(key: str, value) -> str:
    if value is None:
        return "–"
    if key.endswith("bytes"):
        return f"{value / KB:,.1f} KB"
    if key.endswith("verhouding"):
        return f"{value:.2f}"
    if key.endswith("aantal"):
        return f"{value:,.0f}"
    return f"{value:,.0f} ms"


GROUPS = ("7", "15", "lighthouse")


def group_of(key: str) -> str:
    """The group a measurement belongs to (--alleen): issue 15's rows, or issue 7's."""
    return "15" if key.startswith("15_") else "7"


def analyse(visits: list[dict], floors: list[float], extra: dict) -> dict:
    col = lambda key: [v.get(key) for v in visits if v.get(key) is not None]  # noqa: E731
    m: dict[str, dict] = {}
    m.update(analyse_15(visits, extra))
    keys = ("1_ingebouwd_antwoord_ms", "2_koud_vanaf_navigatie_ms", "2_koud_antwoord_ms")
    for key in (*keys, "4_instant_navigatie_ms"):
        m[key] = summary(col(key))
    m["3_vloer_ms"] = summary(floors)
    m["4_tot_klaar_ms"] = summary(col("4_tot_klaar_ms"))
    m["4_bruto_ms"] = summary(col("4_bruto_ms"))
    m["8_herhaal_antwoord_ms"] = summary(col("8_herhaal_antwoord_ms"))
    m["fcp_ms"] = summary(col("fcp_ms"))
    two, three = m["2_koud_antwoord_ms"], m["3_vloer_ms"]
    if two.get("n") and three.get("n"):
        m["2_3_verhouding"] = {"median": two["median"] / three["median"]}
    changes = [s for v in visits for s in v.get("5_invoer_ms", [])]
    five = summary(changes)
    m["5_invoer_p50_ms"] = {**five, "median": five.get("median")}
    m["5_invoer_p95_ms"] = {"median": five.get("p95"), "n": five.get("n", 0)}
    six = [v["6"] for v in visits if "6" in v]
    if six and all("ms" in s for s in six):
        m["6_budget_csv_ms"] = summary([s["ms"] for s in six])
        m["6_budget_csv_ms"]["details"] = six
    elif six:
        m["6_budget_csv_ms"] = {
            "niet_gemeten": six[0].get("niet_gemeten", "mislukt"),
            "details": six,
        }
    for kind in ("pyodide", "eigen"):
        m[f"7_{kind}_gzip_bytes"] = summary(
            [v["7_bezoek"][kind]["gzip"] for v in visits if "7_bezoek" in v]
        )
        m[f"7_{kind}_raw_bytes"] = summary(
            [v["7_bezoek"][kind]["raw"] for v in visits if "7_bezoek" in v]
        )
    m["7_totaal_gzip_bytes"] = summary(
        [
            sum(v["7_bezoek"][k]["gzip"] for k in ("pyodide", "eigen"))
            for v in visits
            if "7_bezoek" in v
        ]
    )
    m["7_navigatie_eigen_gzip_bytes"] = summary(
        [v["7_navigatie"]["eigen"]["gzip"] for v in visits if "7_navigatie" in v]
    )
    m["8_pyodide_opnieuw_bytes"] = summary(
        [v["8_herhaal"]["pyodide"]["raw"] for v in visits if "8_herhaal" in v]
    )
    m["8_eigen_opnieuw_gzip_bytes"] = summary(
        [v["8_herhaal"]["eigen"]["gzip"] for v in visits if "8_herhaal" in v]
    )
    for key, value in m.items():
        value["doel"] = target_text(key)
        value["oordeel"] = verdict(key, value.get("median"))
    return m


def analyse_15(visits: list[dict], extra: dict) -> dict:
    ok = lambda runs: [r for r in runs if "fout" not in r]  # noqa: E731
    readers = ok(extra["lezers"])
    m = {
        "15_1_lezer_runtime_bytes": summary([r["bytes"] for r in readers]),
        "15_1_in_beeld_ms": summary([r["in_beeld_ms"] for r in readers]),
    }
    for line in LINES:
        runs = ok(extra[line])
        m[f"15_3_{line}_eerste_gebruik_ms"] = summary([r["ms"] for r in runs])
        # A count over all runs (a run that broke off counts as failed too).
        failed = sum(r["mislukt"] for r in runs) + len(extra[line]) - len(runs)
        m[f"15_3_{line}_mislukt_aantal"] = {"median": failed, "n": len(extra[line])}
        m[f"15_3_{line}_voortgang_aantal"] = summary([r["voortgang"] for r in runs])
    big = [v["15_4"] for v in visits if "15_4" in v]
    for key in ("import", "wijziging"):
        m[f"15_4_{key}_langste_taak_ms"] = summary([b[f"{key}_langste_taak_ms"] for b in big])
        m[f"15_4_{key}_antwoord_ms"] = summary([b[f"{key}_antwoord_ms"] for b in big])
    return m


ROWS = [
    ("1", "Navigatie → ingebouwd antwoord zichtbaar (startpagina)", "1_ingebouwd_antwoord_ms"),
    ("2", "Navigatie, lege cache → antwoord op gewijzigde invoer", "2_koud_vanaf_navigatie_ms"),
    ("2", "Eerste gebruik, lege cache → antwoord op gewijzigde invoer", "2_koud_antwoord_ms"),
    ("3", "Vloer: kale pagina, Pyodide start + `1 + 1`", "3_vloer_ms"),
    ("2/3", "Verhouding 2/3 (medianen)", "2_3_verhouding"),
    (
        "4",
        "Instant navigatie → antwoord (klik→klaar + wijziging→antwoord)",
        "4_instant_navigatie_ms",
    ),
    ("", "  idem, bruto incl. reactietijd van de benchmark", "4_bruto_ms"),
    ("5", "Invoer gewijzigd → nieuw antwoord, p50", "5_invoer_p50_ms"),
    ("5", "Invoer gewijzigd → nieuw antwoord, p95", "5_invoer_p95_ms"),
    ("6", "Budget: CSV met 2.000 locaties → antwoord", "6_budget_csv_ms"),
    ("7", "Bytes eerste bezoek: Pyodide-runtime (gzip)", "7_pyodide_gzip_bytes"),
    ("", "  idem ongecomprimeerd", "7_pyodide_raw_bytes"),
    ("7", "Bytes eerste bezoek: eigen bestanden (gzip)", "7_eigen_gzip_bytes"),
    ("", "  idem ongecomprimeerd", "7_eigen_raw_bytes"),
    ("7", "Bytes eerste bezoek: alles samen (gzip)", "7_totaal_gzip_bytes"),
    ("", "  eigen bestanden bij instant navigatie (gzip)", "7_navigatie_eigen_gzip_bytes"),
    ("8", "Herhaalbezoek na verlopen HTTP-cache: Pyodide opnieuw", "8_pyodide_opnieuw_bytes"),
    ("", "  idem eigen bestanden opnieuw (gzip)", "8_eigen_opnieuw_gzip_bytes"),
    ("", "  herhaalbezoek: navigatie → antwoord op gewijzigde invoer", "8_herhaal_antwoord_ms"),
    (
        "15.1",
        "Lezer: runtime-bytes, alle pagina's met rekenhulp gescrold",
        "15_1_lezer_runtime_bytes",
    ),
    ("", "  startpagina: rekenhulp in beeld na (‘in beeld’ zou dan laden)", "15_1_in_beeld_ms"),
    ("15.3", "9 Mbit/s, 40 ms: eerste gebruik → antwoord", "15_3_9mbit_eerste_gebruik_ms"),
    ("15.3", "  9 Mbit/s: keren ‘mislukt’ (alle runs)", "15_3_9mbit_mislukt_aantal"),
    ("15.3", "1,6 Mbit/s, 150 ms: eerste gebruik → antwoord", "15_3_1_6mbit_eerste_gebruik_ms"),
    ("15.3", "  1,6 Mbit/s: keren ‘mislukt’ (alle runs)", "15_3_1_6mbit_mislukt_aantal"),
    ("15.3", "  1,6 Mbit/s: voortgangsstappen getoond", "15_3_1_6mbit_voortgang_aantal"),
    ("15.4", "Budget 5.000 locaties: CSV inlezen, langste taak", "15_4_import_langste_taak_ms"),
    ("", "  idem: keuze → antwoord", "15_4_import_antwoord_ms"),
    (
        "15.4",
        "Budget 5.000 locaties: invoer gewijzigd, langste taak",
        "15_4_wijziging_langste_taak_ms",
    ),
    ("", "  idem: wijziging → antwoord", "15_4_wijziging_antwoord_ms"),
]


def runtime_files(visits: list[dict]) -> str:
    """The runtime's files of the first visit (and the calc wheel), raw and gzip, one by one."""
    visit = next((v["7_bezoek"] for v in visits if "7_bezoek" in v), None)
    if visit is None:
        return ""
    files = {**visit["pyodide"]["files"]}
    files.update({p: f for p, f in visit["eigen"]["files"].items() if "/assets/calc/" in p})
    lines = ["| Runtimebestand (eerste bezoek) | Ongecomprimeerd | gzip |", "|---|---|---|"]
    for path, f in sorted(files.items(), key=lambda item: -item[1]["gzip"]):
        name = "/".join(path.split("/")[-3:])
        lines.append(f"| {name} | {fmt('bytes', f['raw'])} | {fmt('bytes', f['gzip'])} |")
    return "\n".join(lines)


def table(m: dict, lh: dict | None, groups: set[str]) -> str:
    lines = [
        "| # | Meting | Mediaan | Spreiding (min–max) | n | Doel | |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, label, key in ROWS:
        if group_of(key) not in groups:
            continue
        value = m.get(key, {})
        if "niet_gemeten" in value:
            lines.append(
                f"| {number} | {label} | niet gemeten: {value['niet_gemeten']} | | | "
                f"{target_text(key)} | |"
            )
            continue
        spread = f"{fmt(key, value['min'])} – {fmt(key, value['max'])}" if "min" in value else ""
        if key == "5_invoer_p95_ms":
            spread = ""
        lines.append(
            f"| {number} | {label} | {fmt(key, value.get('median'))} | {spread} | "
            f"{value.get('n', '')} | {value.get('doel', '')} | {value.get('oordeel', '')} |"
        )
    if lh is not None:
        lines += [
            "",
            "Lighthouse (mobiel, standaardinstellingen; doel: prestaties ≥ 90, TBT ≤ 200 ms,"
            " toegankelijkheid, best practices en SEO 100):",
            "",
        ]
        if "niet_gemeten" in lh:
            lines.append(f"niet gemeten: {lh['niet_gemeten']}")
        else:
            lines += [
                "| Pagina | Prestaties | Toegankelijkheid | Best practices | SEO | TBT | LCP | | Afwijkende audits |",
                "|---|---|---|---|---|---|---|---|---|",
            ]
            for path, p in lh["pages"].items():
                if "performance" not in p:
                    lines.append(
                        f"| {path} | mislukt: {p['samples'][0].get('fout', '')[:80]} "
                        "| | | | | | FAIL | |"
                    )
                    continue
                lines.append(
                    f"| {path} | {p['performance']:.0f} | {p['accessibility']:.0f} | "
                    f"{p['best-practices']:.0f} | {p['seo']:.0f} | {p['tbt_ms']:.0f} ms | "
                    f"{p['lcp_ms']:.0f} ms | {'PASS' if p['pass'] else 'FAIL'} | "
                    f"{', '.join(p['mislukte_audits'])} |"
                )
            lines.append(f"\nLighthouse alle pagina's: {'PASS' if lh['pass'] else 'FAIL'}")
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="bezoeken per meting (standaard 5)")
    parser.add_argument(
        "--changes", type=int, default=30, help="invoerwijzigingen per bezoek (standaard 30)"
    )
    parser.add_argument(
        "--alleen",
        nargs="+",
        choices=GROUPS,
        default=list(GROUPS),
        help="alleen deze metingen: 7 (1-8), 15 (15.x), lighthouse (9); standaard alle",
    )
    parser.add_argument("--warmup", type=int, default=1, help="ongetelde bezoeken vooraf")
    # Lighthouse is one of issue 15's figures (point 6), so it runs unless left out.
    parser.add_argument("--lighthouse", action="store_true", default=True, help=argparse.SUPPRESS)
    parser.add_argument(
        "--zonder-lighthouse", dest="lighthouse", action="store_false", help="Lighthouse overslaan"
    )
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse-runs per pagina")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    groups = set(args.alleen) - ({"lighthouse"} if not args.lighthouse else set())

    from playwright.sync_api import sync_playwright

    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    load_before = os.getloadavg()
    traffic = Traffic()
    with tempfile.TemporaryDirectory(prefix="pbm-bench-") as tmp:
        root = Path(tmp) / "www"
        root.mkdir()
        with counting_server(root, traffic) as base:
            print(f"== bouwen ({base}/{SUBPATH}/)", file=sys.stderr)
            site = build(root, base)
            floor_path = write_floor(root, site)
            with_widget = pages_with(site, 'data-rekenhulp="uren"')
            home = f"/{SUBPATH}/"
            if home not in with_widget:
                raise SystemExit("de startpagina heeft geen rekenhulp: meting 1 en 2 kunnen niet")
            others = [p for p in with_widget if p != home]
            budget_pages = pages_with(site, 'data-rekenhulp="budget"')
            csv = budget_csv(Path(tmp) / "locaties.csv")
            big = budget_csv(Path(tmp) / "groot.csv", BIG_TABLE, places=True)
            readable = pages_with(site, 'data-rekenhulp="')  # compact ones too
            visits, floors = [], []
            extra: dict[str, list] = {"lezers": [], **{line: [] for line in LINES}}
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=find_browser(), args=BROWSER_ARGS)
                version = browser.version
                preset = presets(browser, base, [home, *others])
                browser.close()
                budget_page = budget_pages[0] if budget_pages else None
                warmups = args.warmup if "7" in groups else 0
                for _ in range(warmups):  # not counted: first starts warm the OS's caches
                    print("== opwarmen", file=sys.stderr)
                    floor_run(pw, base, floor_path)
                    visit_run(pw, base, traffic, home, [], preset, 1, 0, None, csv, big)
                for run in range(args.runs):
                    print(f"== run {run + 1}/{args.runs}", file=sys.stderr)
                    if "15" in groups:
                        issue_15_runs(pw, base, traffic, home, preset, readable, run, extra)
                    if "7" not in groups:
                        if budget_page and "15" in groups:  # 15.4, otherwise part of a visit
                            visits.append(big_table_visit(pw, base, budget_page, big))
                        continue
                    # Alternate the order so drift in the machine's load hits both alike.
                    order = ("vloer", "bezoek") if run % 2 == 0 else ("bezoek", "vloer")
                    for what in order:
                        if what == "vloer":
                            floors.append(floor_run(pw, base, floor_path))
                        else:
                            visit = visit_run(
                                pw,
                                base,
                                traffic,
                                home,
                                others,
                                preset,
                                args.changes,
                                run,
                                budget_page,
                                csv,
                                big if "15" in groups else None,
                            )
                            for error in visit["fouten"]:
                                print(f"   fout: {error}", file=sys.stderr)
                            visits.append(visit)
            lh = None
            if "lighthouse" in groups:
                print("== Lighthouse", file=sys.stderr)
                args.out.mkdir(parents=True, exist_ok=True)
                traffic.compress = True
                lh = lighthouse(sitemap_urls(site), args.lighthouse_runs, args.out)

    m = analyse(visits, floors, extra)
    m = {k: v for k, v in m.items() if group_of(k) in groups}
    if not budget_pages and "7" in groups:
        m["6_budget_csv_ms"] = {"niet_gemeten": "budget-rekenhulp ontbreekt", "oordeel": ""}
    result = {
        "datum": started,
        "machine": {
            "cpu": os.cpu_count(),
            "belasting_voor": load_before,
            "belasting_na": os.getloadavg(),
            "chromium": version,
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "runs": args.runs,
        "wijzigingen_per_bezoek": args.changes,
        "pagina_instant_navigatie": sorted({v["4_pagina"] for v in visits if "4_pagina" in v}),
        "metingen": m,
        "lighthouse": lh,
        "bezoeken": visits,
        "issue_15": extra,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), "utf-8")
    print(table(m, lh, groups))
    if "7" in groups:
        print("\n" + runtime_files(visits))
    print(
        f"\nbelasting (1/5/15 min) voor {load_before}, na {os.getloadavg()}; "
        f"{args.runs} runs; JSON: {args.out / 'latest.json'}"
    )
    # A missed target is a result, not an error: exit 1 only when a measurement broke.
    broken = [r for runs in extra.values() for r in runs if "fout" in r]
    return 1 if any(v["fouten"] for v in visits) or broken else 0


if __name__ == "__main__":
    sys.exit(main())
