// A calculation kept in a file ("Bewaar berekening", "Open berekening"): every input of the form,
// table rows included, as JSON. A link holds only small calculations (see URL_LIMIT in
// rekenhulp.js); a file holds any, and can be mailed to a colleague. Opening checks the whole file
// before anything is filled in: a file of another rekenhulp, of a newer version of this format or
// a damaged one changes nothing and says why. The file stays on the user's computer.
import { scalarInputs, tables } from "./form.js";
import { download, MAX_FILE_BYTES } from "./files.js";

const FORMAT = "PBM-wijzer berekening";
export const VERSION = 1; // raise when a file of this version would be read wrongly by the old code

/** Today as 2026-11-30, in the user's time zone. */
function isoDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function dutchDate(iso) {
  const match = typeof iso === "string" && /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return "";
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat("nl-NL", { dateStyle: "long" }).format(date);
}

/** Downloads `values` (readForm) of the rekenhulp `root` as pbm-wijzer-<rekenhulp>-<date>.json. */
export function saveCalculation(root, values) {
  const name = root.dataset.rekenhulp;
  const file = {
    formaat: FORMAT,
    versie: VERSION,
    rekenhulp: name,
    titel: root.querySelector(".rh-titel").textContent,
    bewaard: isoDate(),
    pagina: location.origin + location.pathname,
    uitleg: "Open dit bestand met de knop ‘Open berekening’ bij deze rekenhulp op PBM-wijzer.",
    invoer: values,
  };
  const filename = `pbm-wijzer-${name.replaceAll("_", "-")}-${file.bewaard}.json`;
  download(JSON.stringify(file, null, 2), filename, "application/json");
}

const isText = (value) => typeof value === "string";
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function label(form, key) {
  const field = form.querySelector(`[data-veld="${CSS.escape(key)}"] .rh-label`);
  return field ? field.textContent.trim() : key;
}

/** The form's input from a file's `invoer`, or the Dutch reason it cannot be used. Fields the file
 * lacks (a file from before a field existed) keep the page's example (`preset`); fields this form
 * does not have are left out. */
function inputFrom(form, invoer, preset) {
  if (!isObject(invoer)) return { fault: "er staat geen invoer in" };
  const values = { ...preset };
  for (const input of scalarInputs(form)) {
    if (!(input.name in invoer)) continue;
    if (!isText(invoer[input.name])) return { fault: `‘${label(form, input.name)}’ heeft geen geldige waarde` };
    values[input.name] = invoer[input.name];
  }
  for (const table of tables(form)) {
    const key = table.dataset.tabel;
    if (!(key in invoer)) continue;
    const rows = invoer[key];
    const fine = Array.isArray(rows) && rows.every((row) => isObject(row) && Object.values(row).every(isText));
    if (!fine) return { fault: `de tabel ‘${label(form, key)}’ is niet leesbaar` };
    const max = Number(table.dataset.maxRijen) || Infinity;
    if (rows.length > max) {
      return { fault: `de tabel ‘${label(form, key)}’ heeft ${rows.length} rijen; de rekenhulp neemt er hoogstens ${max}` };
    }
    values[key] = rows;
  }
  return { values };
}

/** Reads a chosen file: {values, message} to fill in, or {error} (a Dutch message). `preset` is the
 * page's example, for fields the file lacks. */
export async function openCalculation(root, file, preset) {
  const form = root.querySelector(".rh-form");
  const unchanged = "Uw invoer is niet veranderd.";
  const broken = (why) => ({
    error: `‘${file.name}’ is geen berekening van deze rekenhulp die de pagina kan lezen: ${why}. ` +
      `Kies een bestand dat u met ‘Bewaar berekening’ heeft gemaakt. ${unchanged}`,
  });
  if (file.size > MAX_FILE_BYTES) return broken("het bestand is groter dan 10 MB");
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return broken("het is geen JSON-bestand, of het is beschadigd");
  }
  if (!isObject(data) || data.formaat !== FORMAT) return broken("het is geen bestand van PBM-wijzer");
  if (!Number.isInteger(data.versie) || data.versie < 1) return broken("het versienummer ontbreekt");
  if (data.versie > VERSION) {
    return {
      error: `‘${file.name}’ is bewaard met een nieuwere versie van PBM-wijzer (bestandsversie ${data.versie}); ` +
        `deze pagina leest versie ${VERSION}. Ververs de pagina om de nieuwste versie te laden en open het bestand opnieuw. ${unchanged}`,
    };
  }
  if (data.rekenhulp !== root.dataset.rekenhulp) {
    const other = isText(data.titel) ? ` (‘${data.titel.slice(0, 120)}’)` : "";
    return {
      error: `‘${file.name}’ is een berekening van een andere rekenhulp${other}. Open het bij die rekenhulp; ` +
        `alle rekenhulpen staan onder ‘Rekenhulpen’ in het menu. ${unchanged}`,
    };
  }
  const { values, fault } = inputFrom(form, data.invoer, preset);
  if (fault) return broken(fault);
  const saved = dutchDate(data.bewaard);
  return { values, message: `De berekening uit ‘${file.name}’${saved ? `, bewaard op ${saved},` : ""} staat in het formulier.` };
}
