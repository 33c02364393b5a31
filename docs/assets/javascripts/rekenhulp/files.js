// For rekenhulpen with a table of locations (budget): CSV in and out in the Dutch spreadsheet
// dialect, and the form kept in this browser's storage so a reload loses nothing. Parsing and
// writing CSV is calc's (calc/csv_nl.py); this only moves text between the file and the worker.
import { readForm, setRows } from "./form.js";
import { formatNumber } from "./pages.js";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const storage = {
  key: (root) => `pbm-wijzer:${location.pathname}:${root.id}`,
  load(root) {
    try {
      const values = JSON.parse(localStorage.getItem(this.key(root)) ?? "null");
      return values && typeof values === "object" ? values : null;
    } catch {
      return null;
    }
  },
  save(root, values) {
    try {
      localStorage.setItem(this.key(root), JSON.stringify(values));
    } catch (error) {
      console.warn("rekenhulp: niet bewaard", error); // storage full or off: the page still works
    }
  },
  clear(root) {
    try {
      localStorage.removeItem(this.key(root));
    } catch {}
  },
};

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function download(text, filename, type = "text/csv") {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = element("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function say(box, lines, isError) {
  box.replaceChildren(...lines.map((line) => element("li", { textContent: line })));
  box.parentElement.classList.toggle("rh-bestanden--fout", Boolean(isError));
}

/** Adds the CSV and storage controls below the table `tableKey` of the widget `root`; returns
 * {cancel}. `run` computes the form; `replace(place, text, change, options)` applies `change` to
 * the form and offers to undo it (Rekenhulp.replace); `wipe(place)` empties the form and storage. */
export function bindFiles(root, { engine, run, replace, wipe, tableKey }) {
  const form = root.querySelector(".rh-form");
  const table = form.querySelector(`table[data-tabel="${CSS.escape(tableKey)}"]`);
  if (!table) return null;
  const name = root.dataset.rekenhulp;
  const id = `${root.id}-csv`;
  const input = element("input", { type: "file", id, accept: ".csv,text/csv,text/plain", className: "rh-bestand" });
  input.setAttribute("aria-describedby", `${id}-hint`);
  const messages = element("ul", { className: "rh-bestandsmeldingen" });
  let importing = null; // the file being read: {name, rows (the table when it was chosen)}
  const status = element("div", { role: "status" }, messages);
  const exportCsv = (part) => async () => {
    try {
      const reply = JSON.parse(await engine.call("csv_export", name, JSON.stringify(readForm(form)), part));
      if (reply.fouten) say(messages, ["Eerst de invoer verbeteren:", ...reply.fouten.map((f) => f.melding)], true);
      else download(reply.csv, reply.bestandsnaam);
    } catch {
      say(messages, ["De rekenhulp is niet geladen; downloaden kan nu niet."], true);
    }
  };
  const button = (label, onClick) => element("button", { type: "button", className: "md-button rh-knop", textContent: label, onclick: onClick });
  const wipeButton = button("Wis alle gegevens", () => {
    input.value = "";
    say(messages, []);
    wipe({ after: actions, focus: wipeButton }); // also cancels an import on its way
  });
  const actions = element(
    "div",
    { className: "rh-acties" },
    button("Locaties downloaden (CSV)", exportCsv("tabel")),
    button("Uitkomst downloaden (CSV)", exportCsv("resultaat")),
    wipeButton,
  );
  const box = element(
    "div",
    { className: "rh-bestanden" },
    element("label", { htmlFor: id, className: "rh-label", textContent: "Locaties inlezen uit een CSV-bestand" }),
    element("p", {
      className: "rh-hint",
      id: `${id}-hint`,
      textContent:
        "Zoals Excel of LibreOffice het opslaat: puntkomma of komma als scheidingsteken, decimalen met een komma. " +
        "De eerste regel noemt de kolommen. Het bestand blijft op uw computer.",
    }),
    input,
    actions,
    status,
  );
  table.closest(".rh-tabelveld").after(box);

  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      say(messages, [`‘${file.name}’ is groter dan 10 MB. Splits het bestand of laat kolommen weg.`], true);
      return;
    }
    say(messages, [`‘${file.name}’ wordt ingelezen…`]);
    const job = { name: file.name, rows: JSON.stringify(readForm(form)[tableKey]) };
    importing = job;
    let reply;
    try {
      // The file's bytes: calc decodes them (UTF-8, or Windows-1252 as older Excel writes).
      const bytes = new Uint8Array(await file.arrayBuffer());
      reply = JSON.parse(await engine.call("csv_import", name, bytes));
    } catch {
      reply = null;
    }
    if (importing !== job) return; // cancelled, or another file chosen since
    importing = null;
    if (reply === null) {
      say(messages, ["De rekenhulp is niet geladen; inlezen kan nu niet."], true);
      return;
    }
    if (JSON.stringify(readForm(form)[tableKey]) !== job.rows) {
      // The user changed the table while the file was read: their later edits win.
      say(messages, [`‘${file.name}’ is niet ingelezen: u heeft de locaties intussen gewijzigd. Kies het bestand opnieuw om ze te vervangen.`], true);
      return;
    }
    const rows = reply[tableKey];
    if (!Array.isArray(rows)) {
      // calc refused the file as a whole (too many rows, no known column, not text): nothing
      // of it is put in the table or computed.
      const why = (reply.fouten ?? []).map((f) => f.melding);
      say(messages, [`‘${file.name}’ is niet ingelezen; de tabel is niet veranderd.`, ...why], true);
      return;
    }
    replace({ after: actions, focus: input }, `De locaties uit ‘${file.name}’ staan nu in de tabel.`, () => setRows(table, rows), {
      onlyToUndo: true,
    });
    const lines = [`${formatNumber(rows.length)} ${rows.length === 1 ? "locatie" : "locaties"} ingelezen uit ‘${file.name}’.`];
    for (const item of [...(reply.fouten ?? []), ...(reply.waarschuwingen ?? [])]) {
      lines.push(typeof item === "string" ? item : item.melding);
    }
    say(messages, lines, Boolean(reply.fouten?.length));
    run();
  });
  return {
    /** Drops the import on its way (Standaardwaarden, Wis alle gegevens, a link): its rows never come. */
    cancel() {
      if (!importing) return;
      say(messages, [`Het inlezen van ‘${importing.name}’ is afgebroken.`]);
      importing = null;
      input.value = "";
    },
  };
}
