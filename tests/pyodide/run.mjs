// Runs the unit tests inside Pyodide under Node, against the same calc wheel the site ships,
// so the browser's Python is proven to compute what CPython computes. Offline: pytest and its
// pure-Python dependencies come from wheels that tools/setup.sh downloaded from PyPI.
// Then proves the site's trimmed standard library (tools/trimmed_runtime.py) lacks nothing calc
// needs: pytest needs far more of the standard library than calc, so the tests themselves run
// with the full one, while every module calc imported during them (tests/pyodide/calc_imports.py)
// is imported in a second Pyodide started as the site's worker starts, with only the trimmed zip,
// which then answers every browser path (tools/stdlib_trace.py) exactly as CPython does.
// Usage: node tests/pyodide/run.mjs [pytest args...]   (paths relative to the repo root)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";
import { startLikeWorker, toolModule } from "../../tools/stdlib_build.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const wheelDir = join(root, ".cache", "pyodide-wheels");
const python = join(root, ".venv", "bin", "python");

function runPython(code, ...args) {
  const prelude = "import sys, json; from pathlib import Path; sys.path.insert(0, 'tools');";
  return execFileSync(python, ["-c", prelude + code, ...args], { cwd: root, encoding: "utf8" }).trim();
}

function buildCalcWheel() {
  const out = mkdtempSync(join(tmpdir(), "calc-wheel-"));
  return runPython("from site_assets import build_wheel; print(build_wheel(Path(sys.argv[1])))", out);
}

/** Throws unless a Pyodide with only the trimmed standard library imports `modules` and answers
 * every browser path as CPython does; returns a summary. */
async function checkTrimmedStdlib(wheel, modules) {
  const { stdlib, lock } = JSON.parse(runPython(
    "from trimmed_runtime import build_stdlib, lockfile;" +
      "print(json.dumps({'stdlib': str(build_stdlib(Path(sys.argv[1]), Path(sys.argv[2]))), 'lock': lockfile()}))",
    wheel,
    mkdtempSync(join(tmpdir(), "stdlib-")),
  ));
  const expected = JSON.parse(runPython("import stdlib_trace; print(json.dumps(stdlib_trace.exercise()))"));
  const trimmed = await startLikeWorker({ wheel, stdlib, lock });
  const tracer = toolModule(trimmed, "stdlib_trace");
  tracer.import_all(trimmed.toPy(modules));
  const { answers } = JSON.parse(tracer.trace());
  const differ = Object.keys({ ...expected, ...answers }).filter((key) => answers[key] !== expected[key]);
  if (differ.length) throw new Error(`answers differ from CPython's: ${differ.join("; ")}`);
  return (
    `trimmed stdlib (${(statSync(stdlib).size / 1000).toFixed(1)} KB): imports the ${modules.length} ` +
    `modules calc imported in the tests; ${Object.keys(answers).length} browser paths answer as in CPython`
  );
}

const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") });
// Raw writes, so pytest's progress dots stay on one line.
for (const [set, stream] of [["setStdout", process.stdout], ["setStderr", process.stderr]]) {
  pyodide[set]({ write: (buffer) => (stream.write(buffer), buffer.length) });
}
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
const wheels = readdirSync(wheelDir).filter((name) => name.endsWith(".whl"));
if (wheels.length === 0) throw new Error(`no test wheels in ${wheelDir}: run tools/setup.sh --browser`);
const calcWheel = buildCalcWheel();
for (const name of [...wheels.map((w) => join(wheelDir, w)), calcWheel]) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(name)), "wheel", { extractDir: sitePackages });
}

// The tests and tools (not calc's source) are mounted from the host; calc comes only from the wheel.
for (const dir of ["tests", "tools"]) {
  pyodide.FS.mkdirTree(`/repo/${dir}`);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: join(root, dir) }, `/repo/${dir}`);
}
pyodide.FS.writeFile("/repo/pyproject.toml", readFileSync(join(root, "pyproject.toml")));
pyodide.FS.mkdirTree("/home/pyodide/run");
pyodide.FS.chdir("/home/pyodide/run");

const args = process.argv.slice(2).map((arg) => (arg.startsWith("-") ? arg : `/repo/${arg}`));
pyodide.globals.set("pytest_args", pyodide.toPy([...args, "-p", "no:cacheprovider", "--rootdir=/repo"]));
const status = await pyodide.runPythonAsync(`
import sys
sys.path.insert(0, "/repo/tests/pyodide")
import calc_imports
calc_imports.install()  # before calc is imported: its module-level imports count too
import calc, pytest
print(f"Python {sys.version.split()[0]} in Pyodide; calc from {calc.__file__}")
assert "site-packages" in calc.__file__
int(pytest.main(list(pytest_args)))
`);
if (status !== 0) process.exit(status);
try {
  console.log(await checkTrimmedStdlib(calcWheel, pyodide.runPython("calc_imports.recorded()").toJs()));
} catch (error) {
  // Only the message: a stack through pyodide.asm.mjs would print its whole minified line.
  process.stderr.write(`trimmed stdlib: ${error.message}\n`);
  process.exit(1);
}
process.exit(0);
