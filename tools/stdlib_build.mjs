// Builds the trimmed standard library the site ships (called by tools/trimmed_runtime.py): starts
// Pyodide under Node as the site's rekenhulp worker does, with the full standard library, runs
// tools/stdlib_trace.py (which files calc and the worker load) and tools/stdlib_zip.py (writes
// them, minified, to a zip). tests/pyodide/run.mjs uses the same start to test the trimmed zip.
// Usage: node tools/stdlib_build.mjs '{"wheel": ..., "lock": {...}, "out": "python_stdlib.zip"}'
//   -> writes `out`, prints {"files": [...]} (the zip's entries).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = dirname(fileURLToPath(import.meta.url));
const PYODIDE_DIR = join(resolve(here, ".."), "node_modules", "pyodide");

/** Pyodide with calc.api imported after the steps of docs/assets/javascripts/rekenhulp-worker.js,
 * with the standard library `stdlib` (a zip path; the full one if null) and lockfile `lock`. */
export async function startLikeWorker({ wheel, stdlib = null, lock, options = {} }) {
  const pyodide = await loadPyodide({
    ...options,
    indexURL: PYODIDE_DIR,
    ...(stdlib ? { stdLibURL: stdlib } : {}),
    lockFileContents: lock,
    stdout: () => {},
    stderr: () => {},
  });
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
  const api = pyodide.pyimport("calc.api");
  // A Python exception that reaches JavaScript (the worker's catch): Pyodide formats a traceback.
  let message = "";
  try {
    api.render();
  } catch (error) {
    message = String(error.message);
  }
  if (!message.includes("TypeError")) throw new Error(`no Python traceback: ${message}`);
  return pyodide;
}

/** tools/<name>.py imported into `pyodide`; its own imports must add no module to the trace. */
export function toolModule(pyodide, name) {
  pyodide.FS.mkdirTree("/tools");
  pyodide.FS.writeFile(`/tools/${name}.py`, readFileSync(join(here, `${name}.py`)));
  const loaded = () => new Set(pyodide.runPython("import sys; list(sys.modules)").toJs());
  const before = loaded();
  const module = pyodide.runPython(`import sys; sys.path.insert(0, "/tools"); import ${name}; ${name}`);
  const added = [...loaded()].filter((m) => !before.has(m) && m !== name);
  if (name === "stdlib_trace" && added.length) throw new Error(`stdlib_trace imported ${added}`);
  return module;
}

async function build({ wheel, lock, out }) {
  const pyodide = await startLikeWorker({ wheel, lock });
  const tracer = toolModule(pyodide, "stdlib_trace");
  const { files } = JSON.parse(tracer.trace());
  const zip = "/tmp/python_stdlib.zip";
  toolModule(pyodide, "stdlib_zip").write(pyodide.toPy(files), tracer.STDLIB_ZIP.replace(/\/$/, ""), zip);
  writeFileSync(out, pyodide.FS.readFile(zip));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await build(JSON.parse(process.argv[2]));
  process.stdout.write(JSON.stringify({ files }));
}
