// Binds every rekenhulp on the page to one Pyodide worker (rekenhulp/engine.js). The answer for
// the preset is already in the page (built by the same Python), so nothing here is needed to read
// it; this makes it follow input, keeps it in a link, and prints it.
import { startEngine } from "./rekenhulp/engine.js";
import { bindFiles, storage } from "./rekenhulp/files.js";
import { bindTables, clearErrors, fillForm, presetOf, readForm, showErrors } from "./rekenhulp/form.js";
import "./afkortingen.js"; // tooltips on tap and focus; loaded here, the site's one entry script

const TYPING_PAUSE_MS = 250; // the answer follows this long after the last keystroke
const URL_LIMIT = 2000; // longer states (big tables) stay out of the address bar
const FILE_TABLES = { budget: "locaties" }; // rekenhulpen with CSV and browser storage
const BROKEN_LINK =
  "De berekening in deze link kon niet worden gelezen; de rekenhulp heeft haar niet overgenomen. " +
  "Controleer de link, of vul de waarden hieronder zelf in.";

let engine = null;
const bound = new WeakMap(); // .rekenhulp element -> its Rekenhulp

// The status line, by the widget's status (see Rekenhulp.view).
function statusText(status, { current, preset }) {
  const answer = current
    ? `De uitkomst hieronder hoort bij de ${preset ? "vooraf " : ""}ingevulde waarden.`
    : "De uitkomst hieronder hoort bij eerdere invoer, niet bij wat nu is ingevuld.";
  switch (status) {
    case "laden":
      return "Rekenhulp wordt geladen… De uitkomst hieronder is alvast berekend voor de ingevulde waarden.";
    case "wacht":
      return "Rekenhulp wordt geladen… De uitkomst hieronder hoort nog bij eerdere invoer; uw uitkomst volgt zodra de rekenhulp klaar is.";
    case "bijwerken":
      return "De uitkomst wordt bijgewerkt voor uw invoer…";
    case "fout":
      return "De uitkomst hieronder hoort bij uw vorige invoer. Verbeter de invoer hierboven voor een nieuwe uitkomst.";
    case "klaar":
      return "De rekenhulp is klaar: de uitkomst volgt uw invoer.";
    default: // mislukt
      return `${engine.started ? "De rekenhulp is gestopt." : "De rekenhulp kon niet worden geladen."} ${answer} Ververs de pagina om het opnieuw te proberen.`;
  }
}

// State lives in the URL fragment (#rh1=<json>): a link reproduces the calculation, and a
// fragment is never sent to a server. Returns null when the fragment is not this widget's.
function stateFromUrl(root) {
  const prefix = `#${root.id}=`;
  if (!location.hash.startsWith(prefix)) return null;
  try {
    const values = JSON.parse(decodeURIComponent(location.hash.slice(prefix.length)));
    return values && typeof values === "object" && !Array.isArray(values) ? { values } : { broken: true };
  } catch {
    return { broken: true };
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

function printHeader(root, current) {
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
  if (!current) {
    const warning = document.createElement("p");
    warning.className = "rh-afdrukkop__kop";
    warning.textContent = "Let op: de uitkomst hieronder hoort bij eerdere invoer dan hierboven staat.";
    header.append(warning);
  }
  return header;
}

function printWidget(root, current) {
  root.querySelector(".rh-afdrukkop")?.remove();
  root.prepend(printHeader(root, current));
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

// One rekenhulp. Its state is three inputs (JSON texts of readForm), plus the engine's state:
//   shown    the input the answer on screen was computed for (at first the preset: built in)
//   wanted   the form's input as last read, or null while the user types (read after a pause)
//   refused  the input calc last refused, with its errors ({input, errors}), or null
// The answer is current when wanted === shown. The status line, the result's aria-busy and its
// data-actueel derive from these alone (view). Every user action is applied to the form at once,
// in the order made; a computation is dropped when a newer one or a reset overtakes it (ticket).
class Rekenhulp {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.rekenhulp;
    this.form = root.querySelector(".rh-form");
    this.result = root.querySelector(".rh-resultaat");
    this.status = root.querySelector(".rh-status");
    this.builtIn = this.result.innerHTML;
    this.builtRows = new Map([...this.form.querySelectorAll("table[data-tabel]")].map((t) => [t, t.tBodies[0].innerHTML]));
    this.preset = presetOf(this.form);
    this.presetInput = JSON.stringify(this.preset);
    this.examples = JSON.parse(root.dataset.voorbeelden ?? "{}"); // calc's PRESETS, built into the page
    this.fileTable = FILE_TABLES[this.name];
    this.shown = this.wanted = this.presetInput;
    this.refused = null;
    this.asked = null; // the computation on its way: {input, ticket, errors, focus}
    this.ticket = 0;
    this.timer = 0;
    this.files = null;
    this.notice = document.createElement("p");
    this.notice.className = "rh-melding";
    this.notice.setAttribute("role", "status");
    this.notice.hidden = true;
    root.querySelector(".rh-titel").after(this.notice);
  }

  get current() {
    return this.wanted === this.shown;
  }

  view() {
    const refused = !this.current && this.wanted !== null && this.refused?.input === this.wanted;
    const state = engine.state;
    let status = state;
    if (state !== "mislukt" && !this.current) status = refused ? "fout" : state === "laden" ? "wacht" : "bijwerken";
    this.root.dataset.staat = state;
    this.status.dataset.status = status;
    this.status.textContent = statusText(status, { current: this.current, preset: this.shown === this.presetInput });
    this.result.setAttribute("aria-busy", String(status === "wacht" || status === "bijwerken"));
    this.result.dataset.actueel = this.current ? "ja" : "nee";
  }

  /** Typing: mark the answer as not current now, compute after a pause. */
  typed() {
    this.wanted = null;
    this.view();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(), TYPING_PAUSE_MS);
  }

  /** Compute the form's input. errors: show calc's field errors (on change and submit, not while
   * typing); focus: move focus to their summary; force: compute even an input already answered. */
  async compute({ errors = false, focus = false, force = false } = {}) {
    clearTimeout(this.timer);
    const values = readForm(this.form);
    const input = JSON.stringify(values);
    this.wanted = input;
    if (!force && this.asked?.input === input) {
      this.asked.errors ||= errors; // already on its way
      this.asked.focus ||= focus;
      return;
    }
    if (!force && (input === this.shown || input === this.refused?.input)) {
      this.ticket++; // drop what is on its way: this input is answered
      this.asked = null;
      if (input === this.shown) clearErrors(this.root);
      else if (errors) showErrors(this.root, this.refused.errors, focus);
      return this.view();
    }
    const ask = { input, errors, focus, ticket: ++this.ticket };
    this.asked = ask;
    this.view();
    const reply = await engine.callLatest(this.root.id, "render", this.name, input).catch(() => null);
    if (ask.ticket !== this.ticket) return; // a newer input or a reset overtook this one
    this.asked = null;
    if (reply !== null) this.answered(values, JSON.parse(reply), ask);
    this.view();
  }

  answered(values, reply, { input, errors, focus }) {
    if (this.fileTable) storage.save(this.root, values);
    if (reply.fouten) {
      this.refused = { input, errors: reply.fouten };
      if (errors) showErrors(this.root, reply.fouten, focus);
      return;
    }
    clearErrors(this.root);
    this.result.innerHTML = reply.html; // built by calc, which escapes every text
    this.shown = input;
    stateToUrl(this.root, values, input === this.presetInput);
  }

  /** Drop whatever is on its way: a typing pause, a computation, an import. */
  cancel() {
    clearTimeout(this.timer);
    this.ticket++;
    this.asked = null;
    this.files?.cancel();
  }

  reset() {
    this.cancel();
    fillForm(this.form, this.preset);
    for (const [table, rows] of this.builtRows) table.tBodies[0].innerHTML = rows;
    clearErrors(this.root);
    this.result.innerHTML = this.builtIn;
    this.shown = this.wanted = this.presetInput;
    this.refused = null;
    this.say(null);
    stateToUrl(this.root, this.preset, true);
    if (this.fileTable) storage.clear(this.root);
    this.view();
  }

  /** Choosing an example from practice fills the form with its values. */
  choose(key) {
    if (this.examples[key]) fillForm(this.form, this.examples[key]);
  }

  /** The state in the address (on load and when only the fragment changes). */
  followLink() {
    const link = stateFromUrl(this.root);
    if (!link) return false;
    if (link.broken) {
      this.say(BROKEN_LINK);
      const values = readForm(this.form); // the address shows what the form holds again
      stateToUrl(this.root, values, JSON.stringify(values) === this.presetInput);
      return false;
    }
    this.say(null);
    this.cancel();
    fillForm(this.form, link.values);
    return true;
  }

  say(text) {
    this.notice.hidden = !text;
    this.notice.textContent = text ?? "";
  }

  bind() {
    const { form } = this;
    form.addEventListener("input", (event) => {
      if (event.target.tagName !== "SELECT" && event.target.type !== "file") this.typed();
    });
    form.addEventListener("change", (event) => {
      if (event.target.type === "file") return;
      if (event.target.name === "preset" && event.target.value) this.choose(event.target.value);
      this.compute({ errors: true });
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute({ errors: true, focus: true, force: true });
    });
    bindTables(form, () => this.compute({ errors: true }));
    form.querySelector(".rh-acties").append(
      button("Standaardwaarden", () => this.reset()),
      button("Afdrukken", () => printWidget(this.root, this.current)),
    );
    if (this.fileTable) {
      this.files = bindFiles(this.root, {
        engine,
        run: () => this.compute({ errors: true }),
        reset: () => this.reset(),
        tableKey: this.fileTable,
      });
    }
    if (!this.followLink() && this.fileTable) {
      const stored = storage.load(this.root);
      if (stored) fillForm(form, stored);
    }
    this.view();
    // A link with a calculation, stored or restored input: differs from the built-in answer.
    if (JSON.stringify(readForm(form)) !== this.presetInput) this.compute({ errors: true });
  }
}

function bind(root) {
  if (bound.has(root)) return;
  const widget = new Rekenhulp(root);
  bound.set(root, widget);
  root.dataset.gebonden = "1";
  widget.bind();
}

function boundWidgets() {
  return [...document.querySelectorAll(".rekenhulp[data-gebonden]")].map((root) => bound.get(root)).filter(Boolean);
}

function refreshAll() {
  for (const widget of boundWidgets()) widget.view();
}

// Pasting another link for this page changes only the fragment: apply its state.
window.addEventListener("hashchange", () => {
  for (const widget of boundWidgets()) if (widget.followLink()) widget.compute({ errors: true });
});

// The site hook puts these scripts in a folder named by their content (assets/rekenhulp-<id>/)
// and the page's id in <meta name="pbm-rekenhulp">, which Material's instant navigation swaps.
// A page of another deploy than this script reloads, so that it runs with its own calc.
function sameDeploy() {
  const id = document.querySelector('meta[name="pbm-rekenhulp"]')?.content;
  return !id || import.meta.url.includes(`/rekenhulp-${id}/`);
}

function bindAll() {
  const widgets = document.querySelectorAll(".rekenhulp");
  if (widgets.length === 0) return;
  if (!sameDeploy()) return location.reload();
  engine = startEngine(refreshAll);
  widgets.forEach(bind);
}

// Material's document$ emits on the first load and after every instant navigation.
if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
