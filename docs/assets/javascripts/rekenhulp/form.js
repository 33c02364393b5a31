// Reading and filling a rekenhulp's form, its tables of rows, and showing calc's field errors.
// The markup comes from calc/html.py; the table contract is in the docstring of html.table().

export function scalarInputs(form) {
  return [...form.querySelectorAll(".rh-veld > .rh-invoer")];
}

export function tables(form) {
  return [...form.querySelectorAll("table[data-tabel]")];
}

function rowValues(row) {
  return Object.fromEntries([...row.querySelectorAll("[data-kolom]")].map((c) => [c.dataset.kolom, c.value]));
}

export function readForm(form) {
  const values = {};
  for (const input of scalarInputs(form)) values[input.name] = input.value;
  for (const table of tables(form)) values[table.dataset.tabel] = [...table.tBodies[0].rows].map(rowValues);
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

function isEmptyRow(row) {
  return [...row.querySelectorAll("[data-kolom]")].every((c) => c.value === (c.dataset.standaard ?? "") || c.value === "");
}

function newRow(table, values = {}) {
  const template = table.closest(".rh-tabelveld").querySelector("template[data-rij-sjabloon]");
  const row = template.content.firstElementChild.cloneNode(true);
  for (const control of row.querySelectorAll("[data-kolom]")) {
    const value = values[control.dataset.kolom];
    if (typeof value === "string") control.value = value;
  }
  return row;
}

/** Replace the rows (a CSV import, a link): given rows, then one empty row where room is left
 * (unless `exact`). */
export function setRows(table, rows, { exact = false } = {}) {
  const max = Number(table.dataset.maxRijen) || Infinity;
  const kept = rows.filter((r) => r && typeof r === "object").slice(0, max);
  const fragment = document.createDocumentFragment();
  for (const values of kept) fragment.append(newRow(table, values));
  // One empty row to type in, unless the given rows already end with one.
  const blank = rowValues(newRow(table));
  const last = kept.at(-1);
  const endsBlank = last && Object.entries(blank).every(([k, v]) => (last[k] ?? "") === v || (last[k] ?? "") === "");
  if ((kept.length < max && !endsBlank && !exact) || kept.length === 0) fragment.append(newRow(table));
  table.tBodies[0].replaceChildren(fragment);
  renumber(table);
}

export function renumber(table) {
  const base = table.dataset.idBasis;
  [...table.tBodies[0].rows].forEach((row, index) => {
    const n = index + 1;
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
  if (add) add.disabled = table.tBodies[0].rows.length >= (Number(table.dataset.maxRijen) || Infinity);
}

/** Row buttons: add and remove. `changed` runs when the rows that count have changed. */
export function bindTables(form, changed) {
  form.addEventListener("click", (event) => {
    const action = event.target.closest("[data-actie]");
    if (!action || !form.contains(action)) return;
    if (action.dataset.actie === "rij-toevoegen") {
      const table = form.querySelector(`table[data-tabel="${CSS.escape(action.dataset.tabel)}"]`);
      const row = newRow(table);
      table.tBodies[0].append(row);
      renumber(table);
      row.querySelector("[data-kolom]")?.focus();
    } else if (action.dataset.actie === "rij-verwijderen") {
      const row = action.closest("tr");
      const table = row.closest("table");
      const next = row.nextElementSibling ?? row.previousElementSibling;
      const mattered = !isEmptyRow(row);
      row.remove();
      if (table.tBodies[0].rows.length === 0) table.tBodies[0].append(newRow(table));
      renumber(table);
      (next ?? table.tBodies[0].rows[0]).querySelector("[data-kolom]")?.focus();
      if (mattered) changed();
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

/** The control a calc error path names: "fte", "medewerkers[2].uren_per_week", "locaties[3]". */
function target(root, path) {
  const match = /^([^[\]]+)(?:\[(\d+)\](?:\.(.+))?)?$/.exec(path);
  if (!match) return null;
  const [, key, row, column] = match;
  const field = root.querySelector(`[data-veld="${CSS.escape(key)}"]`);
  if (!field) return null;
  if (row === undefined) return { field, control: field.querySelector(".rh-invoer, [data-kolom]") };
  const tr = field.querySelector(`tbody > tr:nth-child(${Number(row)})`);
  if (!tr) return { field, control: null };
  const control = column ? tr.querySelector(`[data-kolom="${CSS.escape(column)}"]`) : tr.querySelector("[data-kolom]");
  return { field, control };
}

export function clearErrors(root) {
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

export function showErrors(root, errors, moveFocus) {
  clearErrors(root);
  const summary = root.querySelector(".rh-foutsamenvatting");
  const list = summary.querySelector("ul");
  for (const { veld, melding } of errors) {
    const found = target(root, veld);
    const item = document.createElement("li");
    if (found) {
      const { field, control } = found;
      field.classList.add("rh-veld--fout");
      // A cell's message goes in its cell: above the table it may be screens away (a phone, row 20).
      const message = control?.matches("td > [data-kolom]") ? cellNote(control) : field.querySelector(":scope > .rh-fout");
      if (message) {
        message.hidden = false;
        if (message.tagName === "UL") {
          const line = document.createElement("li");
          line.textContent = melding;
          message.append(line);
        } else {
          message.textContent = melding;
        }
      }
      if (control) {
        control.setAttribute("aria-invalid", "true");
        const hint = root.querySelector(`#${CSS.escape(control.id)}-hint`);
        const described = [hint?.id, message?.id].filter(Boolean).join(" ");
        if (described) control.setAttribute("aria-describedby", described);
        const link = document.createElement("a");
        link.href = `#${control.id}`;
        link.textContent = melding;
        link.addEventListener("click", (event) => {
          // Focus the field; keep Material's instant navigation from re-rendering the page.
          event.preventDefault();
          event.stopPropagation();
          control.focus();
        });
        item.append(link);
      } else {
        item.textContent = melding;
      }
    } else {
      item.textContent = melding;
    }
    list.append(item);
  }
  summary.hidden = false; // the answer stays, marked as belonging to earlier input (rekenhulp.js)
  if (moveFocus) summary.focus();
}
