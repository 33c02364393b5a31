"""Issue 15, point 5: does a Pyodide memory snapshot with calc imported make the first answer come
sooner, and what does it cost in bytes? A measurement, not part of the site.

    .venv/bin/python tools/bench_snapshot.py [--runs 5]

Builds the site as tools/benchmark.py does and serves it with the same counting server. Beside it
go two bare pages whose module worker does what the site's worker does (the site's pyodide.mjs,
trimmed standard library and lockfile; unpack the calc wheel; import calc.api) and then answers
calc.api.render("uren", example): one starts Python from scratch, the other restores a snapshot
that tools/snapshot_make.mjs made under Node after the same steps, with every rekenhulp imported
and its rules read (Pyodide's `_makeSnapshot` / `_loadSnapshot`). Per run and page, in a fresh
browser profile: a first visit (empty HTTP cache) and a repeat visit (reload, HTTP cache warm,
as the service worker serves the runtime), each timed in the page from navigation start to the
animation frame after the answer arrived; and the bytes of the first visit, gzip -6. With
--mbit, Chromium emulates a line of that speed (and 40 ms latency) for the first visit, and the
server sends gzip as GitHub Pages does, also the wasm and (in the snapshot's favour) the snapshot.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import benchmark
from benchmark import (
    FLOOR_HTML,
    KB,
    PYODIDE_WAIT_MS,
    SUBPATH,
    Traffic,
    build,
    counting_server,
    fresh_context,
    settle,
    tally,
)
from trimmed_runtime import ROOT, lockfile

from calc import api

WORKER = """const base = new URL("/__SUBPATH__/", location.href);
const { loadPyodide } = await import(new URL("__RUNTIME__pyodide.mjs", base).href);
const wheel = fetch(new URL("__WHEEL__", base)).then((r) => r.arrayBuffer());
const options = {
  indexURL: new URL("__RUNTIME__", base).href,
  stdLibURL: new URL("__STDLIB__", base).href,
  lockFileContents: __LOCK__,
};
if (__SNAPSHOT__) options._loadSnapshot = fetch("snapshot.bin").then((r) => r.arrayBuffer());
const pyodide = await loadPyodide(options);
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
pyodide.unpackArchive(new Uint8Array(await wheel), "wheel", { extractDir: sitePackages });
postMessage(pyodide.pyimport("calc.api").render("uren", __INPUT__));
"""


def write_pages(root: Path, site: Path) -> dict[str, str]:
    """The two bare pages beside the site (and the snapshot); {variant: URL path}."""
    (runtime,) = site.glob("assets/pyodide/*/pyodide.mjs")
    (stdlib,) = site.glob("assets/pyodide/stdlib/*/python_stdlib.zip")
    (wheel,) = site.glob("assets/calc/*/*.whl")
    rel = lambda path: path.relative_to(site).as_posix()  # noqa: E731
    example = json.dumps(api.CALCULATORS["uren"].EXAMPLE)
    paths = {}
    for variant in ("zonder", "snapshot"):
        page = root / "bench-snapshot" / variant
        page.mkdir(parents=True)
        (page / "index.html").write_text(FLOOR_HTML, "utf-8")
        worker = WORKER.replace("__SUBPATH__", SUBPATH).replace(
            "__RUNTIME__", rel(runtime.parent) + "/"
        )
        worker = worker.replace("__STDLIB__", rel(stdlib)).replace("__WHEEL__", rel(wheel))
        worker = worker.replace("__LOCK__", json.dumps(lockfile()))
        worker = worker.replace("__SNAPSHOT__", str(variant == "snapshot").lower())
        worker = worker.replace("__INPUT__", json.dumps(example))
        (page / "worker.js").write_text(worker, "utf-8")
        paths[variant] = f"/bench-snapshot/{variant}/"
    config = {
        "wheel": str(wheel),
        "stdlib": str(stdlib),
        "lock": lockfile(),
        "out": str(root / "bench-snapshot" / "snapshot" / "snapshot.bin"),
    }
    subprocess.run(
        ["node", str(ROOT / "tools" / "snapshot_make.mjs"), json.dumps(config)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return paths


def throttle(context, page, mbit: float | None) -> None:
    """Chromium's network emulation; it applies to the page's worker too (checked: with it the
    first visit takes longer by about the bytes over the line speed)."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    conditions = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    if mbit:
        rate = mbit * 1e6 / 8
        conditions.update(latency=40, downloadThroughput=rate, uploadThroughput=rate)
    cdp.send("Network.emulateNetworkConditions", conditions)


def answer_ms(page, base: str, path: str, expected: str) -> float:
    page.goto(base + path, wait_until="commit")
    page.wait_for_function("() => window.__floor", timeout=PYODIDE_WAIT_MS)
    shown = page.locator("#out").inner_text()
    if shown != expected:
        raise RuntimeError(f"{path}: wrong answer {shown[:200]}")
    return page.evaluate("window.__floor")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mbit", type=float, default=None, help="line speed, first visit")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    expected = api.render("uren", json.dumps(api.CALCULATORS["uren"].EXAMPLE))
    traffic = Traffic()
    traffic.compress = bool(args.mbit)
    benchmark.COMPRESSED_TYPES.update({".wasm", ".bin"})
    samples = {v: {"eerste": [], "herhaal": [], "bytes": []} for v in ("zonder", "snapshot")}
    with tempfile.TemporaryDirectory(prefix="pbm-snapshot-") as tmp:
        root = Path(tmp) / "www"
        root.mkdir()
        with counting_server(root, traffic) as base, sync_playwright() as pw:
            paths = write_pages(root, build(root, base))
            for run in range(args.runs + 1):  # run 0 warms the OS's caches, not counted
                order = list(paths) if run % 2 else list(reversed(paths))
                for variant in order:
                    with fresh_context(pw, service_workers="block") as context:
                        page = context.new_page()
                        throttle(context, page, args.mbit)
                        mark = traffic.mark()
                        first = answer_ms(page, base, paths[variant], expected)
                        settle(page, traffic)
                        sent = tally(traffic, traffic.since(mark))
                        throttle(context, page, None)
                        repeat = answer_ms(page, base, paths[variant], expected)
                    if run:
                        samples[variant]["eerste"].append(first)
                        samples[variant]["herhaal"].append(repeat)
                        samples[variant]["bytes"].append(
                            sent["pyodide"]["gzip"] + sent["eigen"]["gzip"]
                        )
                    print(f"run {run} {variant}: {first:.0f} / {repeat:.0f} ms", file=sys.stderr)
    line = f"{args.mbit:g} Mbit/s, 40 ms" if args.mbit else "geen netwerkemulatie (localhost)"
    print(f"Eerste bezoek: {line}; {args.runs} runs; mediaan (min–max)\n")
    print(
        "| Variant | Eerste bezoek → antwoord | Herhaalbezoek → antwoord | Bytes eerste bezoek (gzip) |"
    )
    print("|---|---|---|---|")
    for variant, s in samples.items():
        print(
            f"| {variant} | {statistics.median(s['eerste']):,.0f} ms "
            f"({min(s['eerste']):,.0f}–{max(s['eerste']):,.0f}) | "
            f"{statistics.median(s['herhaal']):,.0f} ms ({min(s['herhaal']):,.0f}–{max(s['herhaal']):,.0f}) | "
            f"{statistics.median(s['bytes']) / KB:,.1f} KB |"
        )
    print(json.dumps(samples), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
