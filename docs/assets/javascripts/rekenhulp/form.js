// Reading and filling a rekenhulp's form, its tables of rows, and showing calc's field errors.
// The markup comes from calc/html.py; the table contract is in the docstring of html.table().
// A table's rows are data here (rowsOf): its tbody shows one page of PAGE_ROWS of them, so a
// table of 5,000 locations costs the page no more layout than one of 50.
import { formatNumber, pager } from "./pages.js";

const PAGE_ROWS = 50;
const held = new WeakMap(); // table -> {rows: [{kolom: value}], page}: the rows as data
const pagers = new WeakMap(); // table -> its pager (pages.js), made when first needed

export function scalarInputs(form) {
  return [...form.querySelectorAll(".rh-veld > .rh-invoer")];
}

export function tables(form) {
  return [...form.querySelectorAll("table[data-tabel]")];
}

function rowValues(row) {
  return Object.fromEntries([...row.querySelectorAll("[data-kolom]")].map((c) => [c.dataset.kolom, c.value]));
}

// The table's data; made from its rows as built when first asked for.
function stateOf(table) {
  if (!held.has(table)) held.set(table, { rows: [...table.tBodies[0].rows].map(rowValues), page: 0 });
  return held.get(table);
}

// The table's data, with what the shown page's controls hold now read in.
function rowsOf(table) {
  const state = stateOf(table);
  const offset = state.page * PAGE_ROWS;
  [...table.tBodies[0].rows].forEach((row, index) => {
    state.rows[offset + index] = rowValues(row);
  });
  return state;
}

export function readForm(form) {
  const values = {};
  for (const input of scalarInputs(form)) values[input.name] = input.value;
  for (const table of tables(form)) values[table.dataset.tabel] = rowsOf(table).rows.map((row) => ({ ...row }));
  return values;
}

/** The page's preset: every scalar's data-standaard and the table rows as built. */
export function presetOf(form) {
  const values = {};
  for (const input of scalarInputs(form)) values[input.name] = input.dataset.standaard;
  for (const table of tables(form)) {
    values[table.dataset.tabel] = [...table.tBodies[0].rows].map((row) =>
      Object.fromEntries([...row.querySelectorAll("[data-kolom]")].map((c) => [c.dataset.kolom, c.dataset.standaard ?? ""])),
    );
  }
  return values;
}

/** Puts `values` in the form. exact: the tables get exactly the given rows (undo), not one empty
 * row more to type in. */
export function fillForm(form, values, { exact = false } = {}) {
  for (const input of scalarInputs(form)) {
    const value = values[input.name];
    if (typeof value === "string") input.value = value;
    else if (Array.isArray(value)) input.value = value.join("; "); // a list typed in one field
  }
  for (const table of tables(form)) {
    const rows = values[table.dataset.tabel];
    if (Array.isArray(rows)) setRows(table, rows, { exact });
  }
}

function template(table) {
  return table.closest(".rh-tabelveld").querySelector("template[data-rij-sjabloon]").content.firstElementChild;
}

// A row's values as its controls would hold them: a value a select does not offer reads as "".
function asRow(table, values) {
  const row = {};
  for (const control of template(table).querySelectorAll("[data-kolom]")) {
    const key = control.dataset.kolom;
    const value = typeof values?.[key] === "string" ? values[key] : control.value;
    const offered = control.tagName !== "SELECT" || [...control.options].some((o) => o.value === value);
    row[key] = offered ? value : "";
  }
  return row;
}

function isEmpty(table, values) {
  const blank = asRow(table, {});
  return Object.entries(values).every(([key, value]) => value === blank[key] || value === "");
}

function newRow(table, values = {}) {
  const row = template(table).cloneNode(true);
  for (const control of row.querySelectorAll("[data-kolom]")) {
    const value = values[control.dataset.kolom];
    if (typeof value === "string") control.value = value;
  }
  return row;
}

const maxRows = (table) => Number(table.dataset.maxRijen) || Infinity;
const pageOf = (n) => Math.floor((n - 1) / PAGE_ROWS); // the page of row n (from 1)

/** Replace the rows (a CSV import, a link): given rows, then one empty row where room is left
 * (unless `exact`). */
export function setRows(table, rows, { exact = false } = {}) {
  const kept = rows
    .filter((r) => r && typeof r === "object")
    .slice(0, maxRows(table))
    .map((r) => asRow(table, r));
  // One empty row to type in, unless the given rows already end with one; a table is never empty.
  const endsBlank = kept.length > 0 && isEmpty(table, kept.at(-1));
  if ((kept.length < maxRows(table) && !endsBlank && !exact) || kept.length === 0) kept.push(asRow(table, {}));
  held.set(table, { rows: kept, page: 0 });
  render(table);
}

/** Back to the rows as built: `html` is the markup the tbody had when the page was built. */
export function restoreRows(table, html) {
  table.tBodies[0].innerHTML = html;
  held.delete(table);
  renumber(table); // also lets "Rij toevoegen" work again after a full table
  pagers.get(table)?.update(0, stateOf(table).rows.length);
}

// Draws the page `state.page` of the table's data, and its pager.
function render(table) {
  const state = stateOf(table);
  state.page = Math.max(0, Math.min(state.page, pageOf(state.rows.length)));
  const start = state.page * PAGE_ROWS;
  const fragment = document.createDocumentFragment();
  for (const values of state.rows.slice(start, start + PAGE_ROWS)) fragment.append(newRow(table, values));
  table.tBodies[0].replaceChildren(fragment);
  renumber(table);
  if (state.rows.length > PAGE_ROWS || pagers.has(table)) pagerOf(table).update(state.page, state.rows.length);
  const root = table.closest(".rekenhulp");
  if (shownErrors.has(root)) markControls(root, shownErrors.get(root));
}

function pagerOf(table) {
  if (!pagers.has(table)) {
    const label = table.closest(".rh-tabelveld").querySelector(".rh-label").textContent;
    const control = pager(label, PAGE_ROWS, (page) => {
      rowsOf(table).page = page;
      render(table);
    });
    table.closest(".rh-tabelrol").after(control.element);
    pagers.set(table, control);
  }
  return pagers.get(table);
}

/** Shows the page that holds row n (from 1) and returns that row. */
function showRow(table, n) {
  const state = rowsOf(table);
  if (pageOf(n) !== state.page) {
    state.page = pageOf(n);
    render(table);
  }
  return table.tBodies[0].querySelector(`tr[data-rij="${n}"]`);
}

export function renumber(table) {
  const base = table.dataset.idBasis;
  const offset = (held.get(table)?.page ?? 0) * PAGE_ROWS;
  [...table.tBodies[0].rows].forEach((row, index) => {
    const n = offset + index + 1;
    row.dataset.rij = String(n);
    const header = row.querySelector("th");
    if (header) header.id = `${base}-rij-${n}`;
    for (const number of row.querySelectorAll("[data-rijnummer]")) number.textContent = String(n);
    for (const control of row.querySelectorAll("[data-kolom]")) {
      const column = control.dataset.kolom;
      control.id = `${base}-${n}-${column}`;
      control.setAttribute("aria-labelledby", `${base}-kop-${column} ${base}-rij-${n}`);
    }
  });
  const field = table.closest(".rh-tabelveld");
  const add = field?.querySelector('[data-actie="rij-toevoegen"]');
  if (add) add.disabled = (held.get(table)?.rows.length ?? table.tBodies[0].rows.length) >= maxRows(table);
}

/** Row buttons: add and remove. `changed` runs when the rows that count have changed. */
export function bindTables(form, changed) {
  form.addEventListener("click", (event) => {
    const action = event.target.closest("[data-actie]");
    if (!action || !form.contains(action)) return;
    if (action.dataset.actie === "rij-toevoegen") {
      const table = form.querySelector(`table[data-tabel="${CSS.escape(action.dataset.tabel)}"]`);
      const state = rowsOf(table);
      if (state.rows.length >= maxRows(table)) return;
      state.rows.push(asRow(table, {}));
      state.page = pageOf(state.rows.length);
      render(table);
      table.tBodies[0].lastElementChild.querySelector("[data-kolom]")?.focus();
    } else if (action.dataset.actie === "rij-verwijderen") {
      const table = action.closest("table");
      const state = rowsOf(table);
      const index = state.page * PAGE_ROWS + action.closest("tr").sectionRowIndex;
      const [removed] = state.rows.splice(index, 1);
      if (state.rows.length === 0) state.rows.push(asRow(table, {}));
      render(table);
      // The row that took its place (or the one before it) gets the focus.
      showRow(table, Math.min(index + 1, state.rows.length))?.querySelector("[data-kolom]")?.focus();
      if (!isEmpty(table, removed)) changed();
    }
  });
}

/** The message element under a table cell's control (removed again by clearErrors). */
function cellNote(control) {
  let note = control.parentElement.querySelector(":scope > .rh-celfout");
  if (!note) {
    note = document.createElement("p");
    note.className = "rh-fout rh-celfout";
    note.id = `${control.id}-fout`;
    control.after(note);
  }
  return note;
}

const shownErrors = new WeakMap(); // .rekenhulp -> calc's errors on screen (for rows paged in)
const MAX_LISTED = 25; // messages listed in the summary and under a table; the rest are counted

/** Where a calc error path points: "fte", "medewerkers[2].uren_per_week", "locaties[3]". */
function target(root, path) {
  const match = /^([^[\]]+)(?:\[(\d+)\](?:\.(.+))?)?$/.exec(path);
  if (!match) return null;
  const [, key, row, column] = match;
  const field = root.querySelector(`[data-veld="${CSS.escape(key)}"]`);
  if (!field) return null;
  const table = field.querySelector("table[data-tabel]");
  return { field, table, row: row === undefined ? null : Number(row), column };
}

// The target's control as the page shows it now: none for a row on another page.
function controlOf({ field, table, row, column }) {
  if (row === null) return field.querySelector(".rh-invoer, [data-kolom]");
  const tr = table?.tBodies[0].querySelector(`tr[data-rij="${row}"]`);
  if (!tr) return null;
  return column ? tr.querySelector(`[data-kolom="${CSS.escape(column)}"]`) : tr.querySelector("[data-kolom]");
}

// Marks the controls of `errors` that are on the page shown (again after another page shows);
// a cell gets its message under its control.
function markControls(root, errors) {
  for (const { veld, melding } of errors) {
    const found = target(root, veld);
    const control = found && controlOf(found);
    if (!control) continue;
    control.setAttribute("aria-invalid", "true");
    let message = found.field.querySelector(":scope > .rh-fout");
    if (control.matches("td > [data-kolom]")) {
      message = cellNote(control);
      message.textContent = melding;
      message.hidden = false;
    }
    const hint = root.querySelector(`#${CSS.escape(control.id)}-hint`);
    const described = [hint?.id, message?.id].filter(Boolean).join(" ");
    if (described) control.setAttribute("aria-describedby", described);
  }
}

export function clearErrors(root) {
  shownErrors.delete(root);
  const summary = root.querySelector(".rh-foutsamenvatting");
  summary.hidden = true;
  summary.querySelector("ul").replaceChildren();
  for (const note of root.querySelectorAll(".rh-celfout")) note.remove();
  for (const field of root.querySelectorAll(".rh-veld--fout")) field.classList.remove("rh-veld--fout");
  for (const message of root.querySelectorAll(".rh-fout")) {
    message.hidden = true;
    message.replaceChildren();
  }
  for (const control of root.querySelectorAll('[aria-invalid="true"]')) {
    control.removeAttribute("aria-invalid");
    const hint = control.id && root.querySelector(`#${CSS.escape(control.id)}-hint`);
    if (control.classList.contains("rh-invoer")) {
      if (hint) control.setAttribute("aria-describedby", hint.id);
      else control.removeAttribute("aria-describedby");
    } else {
      control.removeAttribute("aria-describedby");
    }
  }
}

function item(text) {
  const line = document.createElement("li");
  line.textContent = text;
  return line;
}

const more = (count) => item(`En nog ${formatNumber(count)} ${count === 1 ? "melding" : "meldingen"}.`);

// A line of the summary: a link that focuses the control (showing its row's page first).
function summaryLine(found, melding) {
  const control = found && controlOf(found);
  if (!control && !(found?.row && found.table)) return item(melding);
  const link = document.createElement("a");
  link.href = `#${control?.id ?? found.field.id}`;
  link.textContent = melding;
  link.addEventListener("click", (event) => {
    // Focus the field; keep Material's instant navigation from re-rendering the page.
    event.preventDefault();
    event.stopPropagation();
    if (found.row && found.table) showRow(found.table, found.row);
    controlOf(found)?.focus();
  });
  const line = document.createElement("li");
  line.append(link);
  return line;
}

export function showErrors(root, errors, moveFocus) {
  clearErrors(root);
  shownErrors.set(root, errors);
  const summary = root.querySelector(".rh-foutsamenvatting");
  const list = summary.querySelector("ul");
  const listed = new Map(); // a table's list of messages -> how many it has
  errors.forEach(({ veld, melding }, index) => {
    const found = target(root, veld);
    if (found) {
      found.field.classList.add("rh-veld--fout");
      // A row's or a cell's message goes in its cell (markControls, for the rows on the page
      // shown): above the table it may be screens away (a phone, row 20).
      const message = found.row === null || !found.table ? found.field.querySelector(":scope > .rh-fout") : null;
      if (message?.tagName === "UL") {
        const count = (listed.get(message) ?? 0) + 1;
        listed.set(message, count);
        if (count <= MAX_LISTED) message.append(item(melding));
      } else if (message) {
        message.textContent = melding;
      }
      if (message) message.hidden = false;
    }
    if (index < MAX_LISTED) list.append(summaryLine(found, melding));
  });
  for (const [message, count] of listed) if (count > MAX_LISTED) message.append(more(count - MAX_LISTED));
  if (errors.length > MAX_LISTED) list.append(more(errors.length - MAX_LISTED));
  markControls(root, errors);
  summary.hidden = false; // the answer stays, marked as belonging to earlier input (rekenhulp.js)
  if (moveFocus) summary.focus();
}
