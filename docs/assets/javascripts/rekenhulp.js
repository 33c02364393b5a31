// Binds every rekenhulp on the page to one Pyodide worker, started once per visit and kept
// across Material's instant navigation. The answer for the preset is already in the page (built
// by the same Python), so nothing here is needed to read it; this only makes it follow input.

const WORKER_URL = new URL("rekenhulp-worker.js", import.meta.url);
const LOAD_TIMEOUT_MS = 30_000;

const STATUS = {
  laden: "Rekenhulp wordt geladen… De uitkomst hieronder is alvast berekend voor de ingevulde waarden.",
  wacht: "Rekenhulp wordt geladen… Uw uitkomst volgt zodra de rekenhulp klaar is.",
  klaar: "De rekenhulp is klaar: de uitkomst volgt uw invoer.",
  mislukt:
    "De rekenhulp kon niet worden geladen. De uitkomst hieronder hoort bij de vooraf ingevulde waarden. " +
    "Ververs de pagina om het opnieuw te proberen.",
};
const NO_RESULT = "Er is nog geen uitkomst: verbeter eerst de invoer hierboven.";

let engine = null;

function startEngine() {
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
    refreshAll();
  };
  const timer = setTimeout(() => fail("timeout"), LOAD_TIMEOUT_MS);
  worker.onmessage = ({ data }) => {
    if (data.type === "klaar") {
      clearTimeout(timer);
      engine.state = "klaar";
      settle.resolve();
      refreshAll();
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
    call(name, input) {
      return ready.then(
        () =>
          new Promise((resolve, reject) => {
            const id = nextId++;
            pending.set(id, { resolve, reject });
            worker.postMessage({ id, name, input });
          }),
      );
    },
  };
  return engine;
}

const URL_LIMIT = 2000; // longer states (big tables) stay out of the address bar

function scalarInputs(form) {
  return [...form.querySelectorAll(".rh-veld > .rh-invoer")];
}

function readForm(form) {
  const values = {};
  for (const input of scalarInputs(form)) values[input.name] = input.value;
  return values;
}

function fillForm(form, values) {
  for (const input of scalarInputs(form)) {
    if (typeof values[input.name] === "string") input.value = values[input.name];
  }
}

function presetOf(form) {
  return Object.fromEntries(scalarInputs(form).map((input) => [input.name, input.dataset.standaard]));
}

function sameValues(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// State lives in the URL fragment (#rh1=<json>): a link reproduces the calculation, and a
// fragment is never sent to a server.
function stateFromUrl(root) {
  const prefix = `#${root.id}=`;
  if (!location.hash.startsWith(prefix)) return null;
  try {
    const values = JSON.parse(decodeURIComponent(location.hash.slice(prefix.length)));
    return values && typeof values === "object" ? values : null;
  } catch {
    return null;
  }
}

function stateToUrl(root, values, isPreset) {
  const encoded = `#${root.id}=${encodeURIComponent(JSON.stringify(values))}`;
  const ours = location.hash.startsWith(`#${root.id}=`);
  if (isPreset || encoded.length > URL_LIMIT) {
    if (ours) history.replaceState(history.state, "", location.pathname + location.search);
  } else {
    history.replaceState(history.state, "", location.pathname + location.search + encoded);
  }
}

function printHeader(root) {
  const header = document.createElement("div");
  header.className = "rh-afdrukkop";
  const title = document.createElement("p");
  title.className = "rh-afdrukkop__titel";
  title.textContent = `${root.querySelector(".rh-titel").textContent} (PBM-wijzer)`;
  const meta = document.createElement("p");
  const today = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long" }).format(new Date());
  meta.textContent = `Berekend op ${today}. Adres van deze berekening: ${location.href}`;
  const list = document.createElement("dl");
  for (const field of root.querySelectorAll(".rh-veld")) {
    const term = document.createElement("dt");
    term.textContent = field.querySelector(".rh-label").textContent;
    const value = document.createElement("dd");
    value.textContent = field.querySelector(".rh-invoer").value || "(leeg)";
    list.append(term, value);
  }
  const inputs = document.createElement("p");
  inputs.className = "rh-afdrukkop__kop";
  inputs.textContent = "Uw invoer";
  header.append(title, meta, inputs, list);
  return header;
}

function printWidget(root) {
  root.querySelector(".rh-afdrukkop")?.remove();
  root.prepend(printHeader(root));
  document.body.classList.add("rh-afdrukken");
  root.classList.add("rh-afdrukdoel");
  const done = () => {
    document.body.classList.remove("rh-afdrukken");
    root.classList.remove("rh-afdrukdoel");
  };
  window.addEventListener("afterprint", done, { once: true });
  window.print();
}

function button(label, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "md-button rh-knop";
  element.textContent = label;
  element.addEventListener("click", onClick);
  return element;
}

function setStatus(root, state) {
  root.dataset.staat = state;
  const status = root.querySelector(".rh-status");
  status.dataset.status = state;
  status.textContent = STATUS[state];
}

function clearErrors(root) {
  const summary = root.querySelector(".rh-foutsamenvatting");
  summary.hidden = true;
  summary.querySelector("ul").replaceChildren();
  for (const field of root.querySelectorAll(".rh-veld")) {
    const input = field.querySelector(".rh-invoer");
    field.classList.remove("rh-veld--fout");
    field.querySelector(".rh-fout").hidden = true;
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", `${input.id}-hint`);
  }
}

function showErrors(root, errors, moveFocus) {
  clearErrors(root);
  const summary = root.querySelector(".rh-foutsamenvatting");
  const list = summary.querySelector("ul");
  for (const { veld, melding } of errors) {
    const field = root.querySelector(`.rh-veld[data-veld="${CSS.escape(veld)}"]`);
    const item = document.createElement("li");
    if (field) {
      const input = field.querySelector(".rh-invoer");
      const message = field.querySelector(".rh-fout");
      field.classList.add("rh-veld--fout");
      message.textContent = melding;
      message.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${input.id}-hint ${message.id}`);
      const link = document.createElement("a");
      link.href = `#${input.id}`;
      link.textContent = melding;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        input.focus();
      });
      item.append(link);
    } else {
      item.textContent = melding;
    }
    list.append(item);
  }
  summary.hidden = false;
  const result = root.querySelector(".rh-resultaat");
  const note = document.createElement("p");
  note.className = "rh-geen-uitkomst";
  note.textContent = NO_RESULT;
  result.replaceChildren(note);
  if (moveFocus) summary.focus();
}

function bind(root) {
  if (root.dataset.gebonden) return;
  root.dataset.gebonden = "1";
  const form = root.querySelector(".rh-form");
  const result = root.querySelector(".rh-resultaat");
  const builtIn = result.innerHTML;
  const preset = presetOf(form);
  let latest = 0;

  const run = async (moveFocus) => {
    const ticket = ++latest;
    if (engine.state === "mislukt") return;
    if (engine.state === "laden") setStatus(root, "wacht");
    let reply;
    try {
      reply = JSON.parse(await engine.call(root.dataset.rekenhulp, JSON.stringify(readForm(form))));
    } catch {
      return; // the engine failed; refreshAll has said so
    }
    if (ticket !== latest) return; // a newer input overtook this one
    const values = readForm(form);
    if (reply.fouten) {
      showErrors(root, reply.fouten, moveFocus);
    } else {
      clearErrors(root);
      result.innerHTML = reply.html; // built by calc.html, which escapes every text
      stateToUrl(root, values, sameValues(values, preset));
    }
    setStatus(root, "klaar");
  };

  const reset = () => {
    latest++; // drop answers still on their way
    fillForm(form, preset);
    clearErrors(root);
    result.innerHTML = builtIn;
    stateToUrl(root, preset, true);
    if (root.dataset.staat === "wacht") setStatus(root, "laden");
  };

  form.addEventListener("change", () => run(false));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(true);
  });
  form.querySelector(".rh-acties").append(
    button("Standaardwaarden", reset),
    button("Afdrukken", () => printWidget(root)),
  );
  setStatus(root, engine.state === "laden" ? "laden" : engine.state);
  const fromUrl = stateFromUrl(root);
  if (fromUrl) fillForm(form, fromUrl);
  // A link with a calculation, or input the browser restored, differs from the built-in answer.
  if (!sameValues(readForm(form), preset)) run(false);
}

function refreshAll() {
  for (const root of document.querySelectorAll(".rekenhulp[data-gebonden]")) {
    if (root.dataset.staat !== "wacht" || engine.state !== "klaar") setStatus(root, engine.state);
  }
}

function bindAll() {
  const widgets = document.querySelectorAll(".rekenhulp");
  if (widgets.length === 0) return;
  startEngine();
  widgets.forEach(bind);
}

// Material's document$ emits on the first load and after every instant navigation.
if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
