// The one Pyodide worker of a visit: started on the first page with a rekenhulp and kept across
// Material's instant navigation. Calls are JSON text in, JSON text out (calc.api).
const WORKER_URL = new URL("../rekenhulp-worker.js", import.meta.url);
const LOAD_TIMEOUT_MS = 30_000;

let engine = null;

export function startEngine(onStateChange) {
  if (engine) return engine;
  const worker = new Worker(WORKER_URL, { type: "module" });
  const pending = new Map();
  let nextId = 1;
  let settle;
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => {}); // failure is shown per widget; no unhandled rejection
  const fail = (reason) => {
    if (engine.state === "mislukt") return;
    clearTimeout(timer);
    engine.state = "mislukt";
    console.warn("rekenhulp:", reason);
    worker.terminate();
    settle.reject(new Error(reason));
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
    onStateChange();
  };
  const timer = setTimeout(() => fail("timeout"), LOAD_TIMEOUT_MS);
  worker.onmessage = ({ data }) => {
    if (data.type === "klaar") {
      clearTimeout(timer);
      engine.state = "klaar";
      settle.resolve();
      onStateChange();
      // Now the runtime is in the HTTP cache: let the service worker keep the versioned files.
      import("../offline-cache.js").then(({ registerCache }) => registerCache(), console.warn);
    } else if (data.type === "mislukt") {
      fail(data.error);
    } else if (data.type === "uitkomst") {
      pending.get(data.id)?.resolve(data.json);
      pending.delete(data.id);
    }
  };
  worker.onerror = (event) => fail(event.message || "worker error");
  engine = {
    state: "laden",
    ready,
    /** calc.api.<fn>(...args) in the worker; resolves with its (JSON) text. */
    call(fn, ...args) {
      return ready.then(
        () =>
          new Promise((resolve, reject) => {
            const id = nextId++;
            pending.set(id, { resolve, reject });
            worker.postMessage({ id, fn, args });
          }),
      );
    },
  };
  return engine;
}
