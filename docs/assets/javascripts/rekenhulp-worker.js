// Runs Pyodide and the calc wheel off the main thread, so the page never freezes while
// Python starts. The page posts {id, fn, args} and gets calc.api.<fn>(...args) back as text.
// The build hook replaces the two placeholders with versioned paths.
const PYODIDE_DIR = new URL("__PYODIDE_DIR__", import.meta.url);
const CALC_WHEEL = new URL("__CALC_WHEEL__", import.meta.url);
const FUNCTIONS = new Set(["render", "csv_import", "csv_export", "presets"]);

async function fetchWheel() {
  const response = await fetch(CALC_WHEEL);
  if (!response.ok) throw new Error(`calc wheel: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Pyodide (getInstantiateWasmFunc in pyodide.mjs) meets a wasm it cannot compile (missing, wrong
// MIME type, corrupt) with console.warn("wasm instantiation failed!") and never settles
// loadPyodide: turn that warning into a failure at once instead of waiting for the page's timeout.
function wasmFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      warn(...args);
      if (String(args[0]).startsWith("wasm instantiation failed")) {
        reject(new Error(`wasm instantiation failed: ${args.slice(1).join(" ")}`));
      }
    };
  });
}

async function start() {
  const { loadPyodide } = await import(new URL("pyodide.mjs", PYODIDE_DIR).href);
  const [pyodide, wheel] = await Promise.all([
    Promise.race([
      loadPyodide({
        indexURL: PYODIDE_DIR.href,
        // What calc needs of the standard library, and a lockfile without packages: the build
        // hook fills in both (tools/trimmed_runtime.py).
        stdLibURL: new URL("__PYTHON_STDLIB__", import.meta.url).href,
        lockFileContents: "__PYODIDE_LOCK__",
        stdout: () => {},
        stderr: () => {},
      }),
      wasmFailure(),
    ]),
    fetchWheel(),
  ]);
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  return pyodide.pyimport("calc.api");
}

const api = start();
api.then(
  () => postMessage({ type: "klaar" }),
  (error) => postMessage({ type: "mislukt", error: String(error?.message ?? error) }),
);

onmessage = async ({ data }) => {
  const calc = await api;
  let json;
  try {
    if (!FUNCTIONS.has(data.fn)) throw new Error(`unknown function ${data.fn}`);
    json = calc[data.fn](...data.args);
  } catch (error) {
    // calc answers bad input with field errors; reaching this is a bug, reported in Dutch.
    console.error(error);
    json = JSON.stringify({
      fouten: [{ veld: "rekenhulp", melding: "Er ging iets mis in de rekenhulp. Probeer andere invoer of ververs de pagina." }],
    });
  }
  postMessage({ type: "uitkomst", id: data.id, json });
};
