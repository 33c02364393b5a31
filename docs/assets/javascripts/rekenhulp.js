// Binds every rekenhulp on the page to one Pyodide worker (rekenhulp/engine.js). The answer for
// the preset is already in the page (built by the same Python), so nothing here is needed to read
// it; this makes it follow input, keeps it in a link, and prints it.
// The worker, and with it the runtime (some 4 MB), starts only when a rekenhulp is used: on the
// first focus inside one (a click or tap into a field, a Tab to it), on any input, or at once
// when the page opens with input other than the preset (a link, stored input). A visitor who
// only reads downloads none of it. Why not earlier (when a rekenhulp comes into view, or an idle
// prefetch on a fast connection): both download the runtime for readers; see the README.
import { startEngine } from "./rekenhulp/engine.js";
import { bindFiles, storage } from "./rekenhulp/files.js";
import { bindTables, clearErrors, fillForm, presetOf, readForm, restoreRows, showErrors } from "./rekenhulp/form.js";
import { pager } from "./rekenhulp/pages.js";
import "./afkortingen.js"; // tooltips on tap and focus; loaded here, the site's one entry script
import { Notice } from "./rekenhulp/notice.js";
import { printWidget } from "./rekenhulp/print.js";
import { openCalculation, saveCalculation } from "./rekenhulp/saved.js";

const TYPING_PAUSE_MS = 250; // the answer follows this long after the last keystroke
const URL_LIMIT = 2000; // longer states (big tables) stay out of the address bar: "Bewaar berekening"
const FILE_TABLES = { budget: "locaties" }; // rekenhulpen with CSV and browser storage
const BROKEN_LINK =
  "De berekening in deze link kon niet worden gelezen; de rekenhulp heeft haar niet overgenomen. " +
  "Controleer de link, of vul de waarden hieronder zelf in.";

let engine = null; // the engine, once a rekenhulp has been used (useEngine)
const bound = new WeakMap(); // .rekenhulp element -> its Rekenhulp

function useEngine() {
  if (!engine) {
    engine = startEngine(refreshAll);
    refreshAll(); // "laden" from now on
  }
  return engine;
}

// The status line, by the widget's status (see Rekenhulp.view).
function statusText(status, { current, preset }) {
  const answer = current
    ? `De uitkomst hieronder hoort bij de ${preset ? "vooraf " : ""}ingevulde waarden.`
    : "De uitkomst hieronder hoort bij eerdere invoer, niet bij wat nu is ingevuld.";
  switch (status) {
    case "rust":
      return "De uitkomst hieronder is vooraf berekend voor de ingevulde waarden. De rekenhulp start zodra u iets invult.";
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

function linkFor(root, values) {
  return `#${root.id}=${encodeURIComponent(JSON.stringify(values))}`;
}

/** Puts `values` in the address; returns false when they are too long for it. */
function stateToUrl(root, values, isPreset) {
  const encoded = linkFor(root, values);
  const ours = location.hash.startsWith(`#${root.id}=`);
  const fits = encoded.length <= URL_LIMIT;
  if (isPreset || !fits) {
    if (ours) history.replaceState(history.state, "", location.pathname + location.search);
  } else {
    history.replaceState(history.state, "", location.pathname + location.search + encoded);
  }
  return isPreset || fits;
}

// How much of the runtime has arrived while it loads: a bar and a percentage beside the status
// line. Not in the status line itself, whose every change a screen reader would announce; the
// progress bar can be read when wanted.
function loadProgress() {
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.setAttribute("aria-label", "Rekenhulp laden");
  const text = document.createElement("span");
  text.setAttribute("aria-hidden", "true"); // the bar says it already
  const box = document.createElement("p");
  box.className = "rh-voortgang";
  box.hidden = true;
  box.append(bar, " ", text);
  return box;
}

function showProgress(box, progress) {
  box.hidden = !progress?.total;
  if (box.hidden) return;
  const percent = Math.floor((100 * progress.received) / progress.total);
  const [bar, , text] = box.childNodes;
  bar.value = percent;
  text.textContent = percent < 100 ? `${percent} % geladen` : "Geladen; de rekenhulp start…";
}

// A long result table comes with its first page of rows, and the rows of all its pages in the
// reply (calc.html.paged): a pager below it shows one page at a time.
function pageResults(result, pages) {
  for (const table of result.querySelectorAll("table[data-paginas]")) {
    const rows = pages[table.dataset.paginas];
    if (!rows) continue;
    const count = Number(table.dataset.rijen);
    const box = table.closest(".rh-tabelvak");
    box.setAttribute("aria-live", "off"); // another page of rows is no news to read out
    const control = pager(table.caption.textContent, Number(table.dataset.paginagrootte), (page) => {
      table.tBodies[0].innerHTML = rows[page]; // built by calc, which escapes every text
      control.update(page, count);
    });
    control.update(0, count);
    box.after(control.element);
  }
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
// data-actueel derive from these alone (view), with the engine's state: rust (not started yet),
// laden (with its progress), klaar or mislukt. Every user action is applied to the form at once,
// in the order made; a computation is dropped when a newer one or a reset overtakes it (ticket).
class Rekenhulp {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.rekenhulp;
    this.form = root.querySelector(".rh-form");
    this.result = root.querySelector(".rh-resultaat");
    this.status = root.querySelector(".rh-status");
    this.builtIn = this.result.innerHTML;
    this.answer = { html: this.builtIn, pages: {} }; // the answer shown, as calc gave it (showResult)
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
    this.progress = loadProgress();
    this.status.after(this.progress);
    this.details = root.querySelector("details.rh-invoervak"); // a compact rekenhulp's folded form
    this.presetSelect = this.form.querySelector('select[name="preset"]');
    this.choice = this.presetSelect?.value; // the example last filled in (the select shows the new one)
    this.feedback = new Notice(root); // next to the control used, with "Ongedaan maken"
    this.undoTo = null; // the snapshot its "Ongedaan maken" restores
    this.linkNote = document.createElement("p");
    this.linkNote.className = "rh-adresmelding";
    this.linkNote.hidden = true;
    this.linkNote.textContent =
      "Deze berekening is te groot voor een link: wie het adres van deze pagina opent, ziet het voorbeeld van de pagina. " +
      "Bewaar haar met ‘Bewaar berekening’.";
  }

  get current() {
    return this.wanted === this.shown;
  }

  view() {
    const refused = !this.current && this.wanted !== null && this.refused?.input === this.wanted;
    const state = engine?.state ?? "rust";
    let status = state;
    if (state !== "mislukt" && !this.current) status = refused ? "fout" : state === "klaar" ? "bijwerken" : "wacht";
    this.root.dataset.staat = state;
    this.status.dataset.status = status;
    const text = statusText(status, { current: this.current, preset: this.shown === this.presetInput });
    // Written only when it changes: a screen reader reads out every change of this live region,
    // and the view is refreshed with every step of the progress while the runtime loads.
    if (this.status.textContent !== text) this.status.textContent = text;
    this.result.setAttribute("aria-busy", String(status === "wacht" || status === "bijwerken"));
    this.result.dataset.actueel = this.current ? "ja" : "nee";
    showProgress(this.progress, state === "laden" ? engine.progress : null);
  }

  /** Typing: mark the answer as not current now, compute after a pause. */
  typed() {
    useEngine();
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
      else if (errors) this.showErrors(this.refused.errors, focus);
      return this.view();
    }
    const ask = { input, errors, focus, ticket: ++this.ticket };
    this.asked = ask;
    this.view();
    const reply = await useEngine().callLatest(this.root.id, "render", this.name, input).catch(() => null);
    if (ask.ticket !== this.ticket) return; // a newer input or a reset overtook this one
    this.asked = null;
    if (reply !== null) this.answered(values, JSON.parse(reply), ask);
    this.view();
  }

  answered(values, reply, { input, errors, focus }) {
    if (this.fileTable) storage.save(this.root, values);
    if (reply.fouten) {
      this.refused = { input, errors: reply.fouten };
      if (errors) this.showErrors(reply.fouten, focus);
      return;
    }
    clearErrors(this.root);
    this.showResult(reply.html, reply.paginas);
    this.shown = input;
    this.linkTo(values);
  }

  /** Puts an answer in the result: calc's HTML, with a pager below each long table. */
  showResult(html, pages = {}) {
    this.result.innerHTML = html; // built by calc, which escapes every text
    pageResults(this.result, pages);
    this.answer = { html, pages };
  }

  /** calc's field errors at their fields; focus: to the summary (a submit). Otherwise the message
   * of the field just left is brought into view: on a phone it may be just below the screen. */
  showErrors(errors, focus) {
    showErrors(this.root, errors, focus);
    const left = this.left?.isConnected && document.getElementById(`${this.left.id}-fout`);
    if (!focus && left && !left.hidden) left.scrollIntoView({ block: "nearest", behavior: "instant" });
  }

  /** The address holds `values` (the answer shown) if they fit; the form says when they do not. */
  linkTo(values) {
    const input = JSON.stringify(values);
    this.linkNote.hidden = stateToUrl(this.root, values, input === this.presetInput);
  }

  /** Whether the address holds the form's input, and if not, whether it is too long for it. */
  address() {
    const input = JSON.stringify(readForm(this.form));
    const link = stateFromUrl(this.root);
    const holds = link?.values ? JSON.stringify(link.values) === input : input === this.presetInput;
    return { holds, tooLong: !holds && linkFor(this.root, JSON.parse(input)).length > URL_LIMIT };
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
    this.fill(this.preset);
    for (const [table, rows] of this.builtRows) restoreRows(table, rows);
    clearErrors(this.root);
    this.showResult(this.builtIn);
    this.shown = this.wanted = this.presetInput;
    this.refused = null;
    this.say(null);
    this.linkTo(this.preset);
    if (this.fileTable) storage.clear(this.root);
    this.view();
  }

  /** Fills the form with `values` as readForm gave them (a link, a file, storage, undo); an example
   * from practice (not exact) gets an empty row to type in after its rows. */
  fill(values, { exact = true } = {}) {
    fillForm(this.form, values, { exact });
    this.choice = this.presetSelect?.value;
  }

  /** Opens a compact rekenhulp's form: it holds other input than the page's example. */
  reveal() {
    if (this.details) this.details.open = true;
  }

  /** Everything "Ongedaan maken" puts back: the form, the answer and its state, the stored copy. */
  snapshot(patch = {}) {
    const values = { ...readForm(this.form), ...patch };
    const stored = this.fileTable ? storage.load(this.root) : null;
    return { values, input: JSON.stringify(values), shown: this.shown, answer: this.answer, refused: this.refused, stored };
  }

  restore(before) {
    this.cancel();
    this.fill(before.values);
    this.showResult(before.answer.html, before.answer.pages);
    this.shown = before.shown;
    this.refused = before.refused;
    if (this.fileTable) before.stored ? storage.save(this.root, before.stored) : storage.clear(this.root);
    this.linkTo(JSON.parse(before.shown));
    this.reveal();
    this.compute({ errors: true });
  }

  /** Applies `change` to the form (an example, Standaardwaarden, Wis alle gegevens, a file) and
   * says `text` after place.after. When it replaced the user's own input (not the page's example),
   * "Ongedaan maken" puts that back; several replacements in a row go back to before the first.
   * onlyToUndo: say nothing when there is nothing to undo. */
  replace(place, text, change, { before = this.snapshot(), onlyToUndo = false } = {}) {
    const target = (this.feedback.undo && this.undoTo) || before;
    change();
    const own = target.input !== this.presetInput && JSON.stringify(readForm(this.form)) !== target.input;
    this.undoTo = own ? target : null;
    if (!own && onlyToUndo) return this.feedback.hide();
    this.feedback.show(place.after, text, { focus: place.focus, undo: own ? () => this.restore(target) : null });
  }

  /** Choosing an example from practice fills the form with its values. */
  choose(select) {
    const before = this.snapshot({ preset: this.choice }); // the select already shows the new one
    this.choice = select.value;
    const example = this.examples[select.value];
    if (!example) return this.feedback.hide();
    const title = select.selectedOptions[0]?.text ?? select.value;
    const place = { after: select.closest(".rh-veld"), focus: select };
    this.replace(place, `Het voorbeeld ‘${title}’ staat nu in het formulier.`, () => this.fill(example, { exact: false }), { before });
  }

  /** "Open berekening": a file made by "Bewaar berekening" replaces the form, or says why not. */
  async open(file, place) {
    if (!file) return;
    const read = await openCalculation(this.root, file, this.preset);
    if (read.error) return this.feedback.show(place.after, read.error, { focus: place.focus, error: true });
    this.cancel();
    this.say(null);
    this.replace(place, read.message, () => this.fill(read.values));
    this.reveal();
    this.compute({ errors: true });
  }

  /** The state in the address (on load and when only the fragment changes). */
  followLink() {
    const link = stateFromUrl(this.root);
    if (!link) return false;
    if (link.broken) {
      this.say(BROKEN_LINK);
      const values = readForm(this.form); // the address shows what the form holds again
      this.linkTo(values);
      return false;
    }
    this.say(null);
    this.cancel();
    this.feedback.hide();
    this.fill(link.values);
    this.reveal();
    return true;
  }

  say(text) {
    this.notice.hidden = !text;
    this.notice.textContent = text ?? "";
  }

  bind() {
    const { form } = this;
    this.root.addEventListener("focusin", useEngine, { once: true }); // about to be used
    form.addEventListener("input", (event) => {
      if (event.target.type === "file") return;
      if (event.target !== this.presetSelect) this.feedback.hide(); // the user changes the input
      if (event.target.tagName !== "SELECT") this.typed();
    });
    form.addEventListener("change", (event) => {
      if (event.target.type === "file") return;
      this.left = event.target; // the field the user just left, for its message (showErrors)
      if (event.target === this.presetSelect) this.choose(event.target);
      else this.feedback.hide();
      this.compute({ errors: true });
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute({ errors: true, focus: true, force: true });
    });
    bindTables(form, () => {
      this.feedback.hide();
      this.compute({ errors: true });
    });
    this.bindActions(form.querySelector(".rh-acties"));
    if (this.fileTable) {
      this.files = bindFiles(this.root, {
        engine: { call: (...args) => useEngine().call(...args) },
        run: () => this.compute({ errors: true }),
        replace: (...args) => this.replace(...args),
        wipe: (place) => this.replace(place, "Alle gegevens van deze rekenhulp zijn gewist uit deze browser.", () => this.reset()),
        tableKey: this.fileTable,
      });
    }
    if (!this.followLink() && this.fileTable) {
      const stored = storage.load(this.root);
      if (stored) this.fill(stored);
    }
    this.view();
    // A link with a calculation, stored or restored input: differs from the built-in answer.
    if (JSON.stringify(readForm(form)) !== this.presetInput) {
      this.reveal();
      this.compute({ errors: true });
    }
  }

  bindActions(actions) {
    const reset = button("Standaardwaarden", () =>
      this.replace({ after: actions, focus: reset }, "Het voorbeeld van deze pagina staat weer in het formulier.", () => this.reset()),
    );
    const file = Object.assign(document.createElement("input"), { type: "file", accept: ".json,application/json", hidden: true });
    const open = button("Open berekening", () => file.click());
    file.addEventListener("change", () => {
      this.open(file.files?.[0], { after: actions, focus: open });
      file.value = ""; // the same file again is a new choice
    });
    actions.append(
      reset,
      button("Afdrukken", () => printWidget(this.root, { current: this.current, address: this.address() })),
      button("Bewaar berekening", () => saveCalculation(this.root, readForm(this.form))),
      open,
      file,
    );
    actions.after(this.linkNote);
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
  widgets.forEach(bind);
}

// Material's document$ emits on the first load and after every instant navigation.
if (window.document$) window.document$.subscribe(bindAll);
else bindAll();
