// Runs the unit tests inside Pyodide under Node, against the same calc wheel the site ships,
// so the browser's Python is proven to compute what CPython computes. Offline: pytest and its
// pure-Python dependencies come from wheels that tools/setup.sh downloaded from PyPI.
// Usage: node tests/pyodide/run.mjs [pytest args...]   (paths relative to the repo root)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const wheelDir = join(root, ".cache", "pyodide-wheels");
const python = join(root, ".venv", "bin", "python");

function buildCalcWheel() {
  const out = mkdtempSync(join(tmpdir(), "calc-wheel-"));
  const code = "import sys; from pathlib import Path; sys.path.insert(0, 'tools');" +
    "from site_assets import build_wheel; print(build_wheel(Path(sys.argv[1])))";
  return execFileSync(python, ["-c", code, out], { cwd: root, encoding: "utf8" }).trim();
}

const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") });
// Raw writes, so pytest's progress dots stay on one line.
for (const [set, stream] of [["setStdout", process.stdout], ["setStderr", process.stderr]]) {
  pyodide[set]({ write: (buffer) => (stream.write(buffer), buffer.length) });
}
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
const wheels = readdirSync(wheelDir).filter((name) => name.endsWith(".whl"));
if (wheels.length === 0) throw new Error(`no test wheels in ${wheelDir}: run tools/setup.sh --browser`);
for (const name of [...wheels.map((w) => join(wheelDir, w)), buildCalcWheel()]) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(name)), "wheel", { extractDir: sitePackages });
}

// The tests (not calc's source) are mounted from the host; calc comes only from the wheel.
pyodide.FS.mkdirTree("/repo/tests");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: join(root, "tests") }, "/repo/tests");
pyodide.FS.writeFile("/repo/pyproject.toml", readFileSync(join(root, "pyproject.toml")));
pyodide.FS.mkdirTree("/home/pyodide/run");
pyodide.FS.chdir("/home/pyodide/run");

const args = process.argv.slice(2).map((arg) => (arg.startsWith("-") ? arg : `/repo/${arg}`));
pyodide.globals.set("pytest_args", pyodide.toPy([...args, "-p", "no:cacheprovider", "--rootdir=/repo"]));
const status = await pyodide.runPythonAsync(`
import sys, calc, pytest
print(f"Python {sys.version.split()[0]} in Pyodide; calc from {calc.__file__}")
assert "site-packages" in calc.__file__
int(pytest.main(list(pytest_args)))
`);
process.exit(status);
