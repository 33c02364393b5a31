// The one Pyodide worker of a visit: started on the first page with a rekenhulp and kept across
// Material's instant navigation. Calls are JSON text in, JSON text out (calc.api), sent one at a
// time so each can have a watchdog: a call without an answer in time, or a worker that dies, gets
// a new worker and is sent once more; when that fails too, the engine stops ("mislukt").
const WORKER_URL = new URL("../rekenhulp-worker.js", import.meta.url);
const LOAD_TIMEOUT_MS = 30_000;
const CALL_TIMEOUT_MS = 20_000; // a render of 5,000 locations takes a few seconds in Pyodide
const IMPORT_TIMEOUT_MS = 120_000; // reading a 10 MB CSV file takes far longer than a render

let engine = null;

export function startEngine(onStateChange) {
  if (engine) return engine;
  const queue = []; // calls not sent yet: {fn, args, key, resolve, reject, retried}
  let active = null; // the call the worker is working on
  let worker = null;
  let loaded = false; // whether `worker` has Pyodide and calc ready
  let loadTimer = 0;
  let watchdog = 0;
  let nextId = 1;

  const setState = (state) => {
    engine.state = state;
    onStateChange();
  };

  function stop(reason) {
    if (engine.state === "mislukt") return;
    console.warn("rekenhulp:", reason);
    clearTimeout(loadTimer);
    clearTimeout(watchdog);
    worker.terminate();
    for (const call of [active, ...queue.splice(0)]) call?.reject(new Error(reason));
    active = null;
    setState("mislukt");
  }

  // The worker died or gave no answer in time: a new one, and its call gets one more try.
  function restart(reason) {
    clearTimeout(watchdog);
    if (!loaded) return stop(reason); // it never got ready: a new one would not either
    const call = active;
    active = null;
    if (call?.retried) return stop(reason);
    if (call) {
      call.retried = true;
      queue.unshift(call);
    }
    console.warn("rekenhulp: worker restarted:", reason);
    worker.terminate();
    spawn();
  }

  function spawn() {
    const current = new Worker(WORKER_URL, { type: "module" });
    worker = current;
    loaded = false;
    loadTimer = setTimeout(() => stop("timeout"), LOAD_TIMEOUT_MS);
    current.onmessage = ({ data }) => {
      if (current !== worker) return; // a worker already replaced
      if (data.type === "klaar") {
        clearTimeout(loadTimer);
        loaded = true;
        if (engine.state === "laden") {
          engine.started = true;
          setState("klaar");
          // Now the runtime is in the HTTP cache: let the service worker keep the versioned files.
          import("../offline-cache.js").then(({ registerCache }) => registerCache(), console.warn);
        }
        send();
      } else if (data.type === "mislukt") {
        stop(data.error);
      } else if (data.type === "uitkomst" && data.id === active?.id) {
        clearTimeout(watchdog);
        const call = active;
        active = null;
        call.resolve(data.json);
        send();
      }
    };
    current.onerror = (event) => current === worker && restart(event.message || "worker error");
  }

  function send() {
    if (active || !loaded || queue.length === 0 || engine.state === "mislukt") return;
    active = queue.shift();
    active.id = nextId++;
    worker.postMessage({ id: active.id, fn: active.fn, args: active.args });
    const { fn } = active;
    const limit = fn === "csv_import" ? IMPORT_TIMEOUT_MS : CALL_TIMEOUT_MS;
    watchdog = setTimeout(() => restart(`no answer to ${fn} in ${limit} ms`), limit);
  }

  function enqueue(key, fn, args) {
    return new Promise((resolve, reject) => {
      if (engine.state === "mislukt") return reject(new Error("mislukt"));
      const waiting = key === null ? -1 : queue.findIndex((call) => call.key === key);
      if (waiting >= 0) queue.splice(waiting, 1)[0].resolve(null); // overtaken: never sent
      queue.push({ key, fn, args, resolve, reject, retried: false });
      send();
    });
  }

  engine = {
    state: "laden", // laden | klaar | mislukt
    started: false, // whether it has ever been klaar (so a failure is a stop, not a failed load)
    /** calc.api.<fn>(...args) in the worker; resolves with its (JSON) text. */
    call: (fn, ...args) => enqueue(null, fn, args),
    /** Like call, but a call with the same key still waiting to be sent resolves with null. */
    callLatest: (key, fn, ...args) => enqueue(key, fn, args),
  };
  spawn();
  return engine;
}
