// Binds every rekenhulp on the page to one Pyodide worker (rekenhulp/engine.js). The answer for
// the preset is already in the page (built by the same Python), so nothing here is needed to read
// it; this makes it follow input, keeps it in a link, and prints it.
import { startEngine } from "./rekenhulp/engine.js";
import { bindFiles, storage } from "./rekenhulp/files.js";
import { bindTables, clearErrors, fillForm, presetOf, readForm, showErrors } from "./rekenhulp/form.js";

const STATUS = {
  laden: "Rekenhulp wordt geladen… De uitkomst hieronder is alvast berekend voor de ingevulde waarden.",
  wacht: "Rekenhulp wordt geladen… Uw uitkomst volgt zodra de rekenhulp klaar is.",
  klaar: "De rekenhulp is klaar: de uitkomst volgt uw invoer.",
  mislukt:
    "De rekenhulp kon niet worden geladen. De uitkomst hieronder hoort bij de vooraf ingevulde waarden. " +
    "Ververs de pagina om het opnieuw te proberen.",
};
const URL_LIMIT = 2000; // longer states (big tables) stay out of the address bar
const FILE_TABLES = { budget: "locaties" }; // rekenhulpen with CSV and browser storage

let engine = null;

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

function setStatus(root, state) {
  root.dataset.staat = state;
  const status = root.querySelector(".rh-status");
  status.dataset.status = state;
  status.textContent = STATUS[state];
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
    const control = field.querySelector(".rh-invoer");
    const term = document.createElement("dt");
    term.textContent = field.querySelector(".rh-label").textContent;
    const value = document.createElement("dd");
    value.textContent = (control.tagName === "SELECT" ? control.selectedOptions[0]?.text : control.value) || "(leeg)";
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

function bind(root) {
  if (root.dataset.gebonden) return;
  root.dataset.gebonden = "1";
  const form = root.querySelector(".rh-form");
  const result = root.querySelector(".rh-resultaat");
  const builtIn = result.innerHTML;
  const builtRows = new Map([...form.querySelectorAll("table[data-tabel]")].map((t) => [t, t.tBodies[0].innerHTML]));
  const preset = presetOf(form);
  const fileTable = FILE_TABLES[root.dataset.rekenhulp];
  let latest = 0;

  const run = async (moveFocus) => {
    const ticket = ++latest;
    if (engine.state === "mislukt") return;
    if (engine.state === "laden") setStatus(root, "wacht");
    const values = readForm(form);
    let reply;
    try {
      reply = JSON.parse(await engine.call("render", root.dataset.rekenhulp, JSON.stringify(values)));
    } catch {
      return; // the engine failed; refreshAll has said so
    }
    if (ticket !== latest) return; // a newer input overtook this one
    if (fileTable) storage.save(root, values);
    if (reply.fouten) {
      showErrors(root, reply.fouten, moveFocus);
    } else {
      clearErrors(root);
      result.innerHTML = reply.html; // built by calc, which escapes every text
      stateToUrl(root, values, sameValues(values, preset));
    }
    setStatus(root, "klaar");
  };

  const reset = () => {
    latest++; // drop answers still on their way
    fillForm(form, preset);
    for (const [table, rows] of builtRows) table.tBodies[0].innerHTML = rows;
    clearErrors(root);
    result.innerHTML = builtIn;
    stateToUrl(root, preset, true);
    if (fileTable) storage.clear(root);
    if (root.dataset.staat === "wacht") setStatus(root, "laden");
  };

  // Choosing an example from practice fills the form with its values (calc's PRESETS).
  const loadPreset = async (key) => {
    try {
      const presets = JSON.parse(await engine.call("presets", root.dataset.rekenhulp));
      if (presets[key]) fillForm(form, presets[key].invoer);
    } catch {} // the engine failed; refreshAll has said so
  };

  form.addEventListener("change", async (event) => {
    if (event.target.classList.contains("rh-bestand")) return;
    if (event.target.name === "preset" && event.target.value) await loadPreset(event.target.value);
    run(false);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(true);
  });
  bindTables(form, () => run(false));
  form.querySelector(".rh-acties").append(
    button("Standaardwaarden", reset),
    button("Afdrukken", () => printWidget(root)),
  );
  if (fileTable) bindFiles(root, { engine, run, reset, tableKey: fileTable });
  setStatus(root, engine.state === "laden" ? "laden" : engine.state);
  const restored = stateFromUrl(root) ?? (fileTable ? storage.load(root) : null);
  if (restored) fillForm(form, restored);
  // A link with a calculation, stored or restored input: differs from the built-in answer.
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
  engine = startEngine(refreshAll);
  widgets.forEach(bind);
}

// Material's document$ emits on the first load and after every instant navigation.
if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
