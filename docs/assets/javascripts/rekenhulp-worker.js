// Runs Pyodide and the calc wheel off the main thread, so the page never freezes while
// Python starts. The page posts {id, fn, args} and gets calc.api.<fn>(...args) back as text.
// The build hook replaces the placeholders with versioned paths and the runtime files' sizes.
const PYODIDE_DIR = new URL("__PYODIDE_DIR__", import.meta.url);
const CALC_WHEEL = new URL("__CALC_WHEEL__", import.meta.url);
const FUNCTIONS = new Set(["render", "csv_import", "csv_export", "presets"]);
// The files whose arrival is reported as progress, by path relative to this script: their sizes
// as the body reads them (uncompressed). pyodide.asm.mjs is not among them: Pyodide imports it
// (no fetch to count), beside the wasm, which is most of the bytes.
const RUNTIME_SIZES = "__RUNTIME_SIZES__";
const SIZES = new Map(Object.entries(RUNTIME_SIZES).map(([path, size]) => [new URL(path, import.meta.url).href, size]));
const PROGRESS_EVERY_MS = 250;
let toBytes; // a Uint8Array (a file's contents) as Python bytes; set when Pyodide runs

// Progress while the runtime loads: {type: "voortgang", received, total} whenever bytes have
// arrived (at most every PROGRESS_EVERY_MS, and when a file is complete). loadPyodide takes no
// bytes for the wasm or the standard library; it fetches them itself, so this worker's fetch
// hands it the response with a body that counts what passes through. Nothing is fetched twice.
function countArrivals() {
  const total = [...SIZES.values()].reduce((sum, size) => sum + size, 0);
  let received = 0;
  let reported = 0;
  const report = (force) => {
    const now = performance.now();
    if (!force && now - reported < PROGRESS_EVERY_MS) return;
    reported = now;
    postMessage({ type: "voortgang", received: Math.min(received, total), total });
  };
  const plainFetch = self.fetch.bind(self);
  self.fetch = async (resource, options) => {
    const response = await plainFetch(resource, options);
    const url = new URL(resource instanceof Request ? resource.url : resource, location.href).href;
    if (!SIZES.has(url) || !response.ok || !response.body) return response;
    const counter = new TransformStream({
      transform(chunk, controller) {
        received += chunk.byteLength;
        report(false);
        controller.enqueue(chunk);
      },
      flush: () => report(true),
    });
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
  };
  report(true);
}

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
  toBytes = pyodide.runPython("lambda data: data.to_bytes()");
  return pyodide.pyimport("calc.api");
}

countArrivals();
const api = start();
api.then(
  () => postMessage({ type: "klaar" }),
  (error) => postMessage({ type: "mislukt", error: String(error?.message ?? error) }),
);

onmessage = async ({ data }) => {
  const calc = await api;
  let json;
  // A Uint8Array would reach Python as a JsProxy: calc reads bytes. Each copy is freed after.
  const copies = [];
  const args = data.args.map((arg) => {
    if (!(arg instanceof Uint8Array)) return arg;
    copies.push(toBytes(arg));
    return copies.at(-1);
  });
  try {
    if (!FUNCTIONS.has(data.fn)) throw new Error(`unknown function ${data.fn}`);
    json = calc[data.fn](...args);
  } catch (error) {
    // calc answers bad input with field errors; reaching this is a bug, reported in Dutch.
    console.error(error);
    json = JSON.stringify({
      fouten: [{ veld: "rekenhulp", melding: "Er ging iets mis in de rekenhulp. Probeer andere invoer of ververs de pagina." }],
    });
  } finally {
    for (const copy of copies) copy.destroy();
  }
  postMessage({ type: "uitkomst", id: data.id, json });
};
