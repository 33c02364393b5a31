// Printing one rekenhulp ("Afdrukken"): a header with every input, table rows included, and how to
// get the calculation back; then the answer with its rules and sources (rekenhulp.css hides the
// rest of the page and the form).
import { tables } from "./form.js";

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function shownValue(control) {
  return (control.tagName === "SELECT" ? control.selectedOptions[0]?.text : control.value) ?? "";
}

/** A table of the form as a printed table: its labelled columns, and the rows that hold anything. */
function printedTable(table) {
  const field = table.closest(".rh-tabelveld");
  const columns = [...table.tHead.querySelectorAll(".rh-kolomlabel")].map((label) => label.textContent);
  const rows = [...table.tBodies[0].rows].filter((row) =>
    [...row.querySelectorAll("[data-kolom]")].some((c) => c.value !== "" && c.value !== (c.dataset.standaard ?? "")),
  );
  const title = element("p", { className: "rh-afdrukkop__kop", textContent: field.querySelector(".rh-label").textContent });
  // A long table shows a page of its rows (form.js); like the result's tables, paper gets that page.
  const shown = field.querySelector(".rh-paginering:not([hidden]) .rh-paginering__tekst")?.textContent;
  const which = shown ? [element("p", { textContent: `${shown} (de rijen op het scherm).` })] : [];
  if (rows.length === 0) return [title, element("p", { textContent: "(leeg)" }), ...which];
  const head = element("tr", {}, element("th", { scope: "col", textContent: "Rij" }), ...columns.map((c) => element("th", { scope: "col", textContent: c })));
  const body = rows.map((row) =>
    element(
      "tr",
      {},
      element("th", { scope: "row", textContent: row.dataset.rij }),
      ...[...row.querySelectorAll("[data-kolom]")].map((control) => element("td", { textContent: shownValue(control) })),
    ),
  );
  return [title, element("table", { className: "rh-afdruktabel" }, element("thead", {}, head), element("tbody", {}, ...body)), ...which];
}

/** How to get this calculation back: `address` is {holds, tooLong} from Rekenhulp.address(). */
function wayBack({ holds, tooLong }) {
  if (holds) return `Adres van deze berekening: ${location.href}`;
  const page = location.origin + location.pathname;
  if (tooLong) {
    return (
      "Deze berekening is te groot voor een link: het adres van de pagina geeft haar niet terug. " +
      `U krijgt haar terug met het bestand van ‘Bewaar berekening’: open het met ‘Open berekening’ op ${page}`
    );
  }
  return (
    `Het adres ${location.href} geeft de uitkomst hieronder, niet de invoer hierboven. ` +
    "Uw invoer bewaart u met ‘Bewaar berekening’."
  );
}

function printHeader(root, { current, address }) {
  const today = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long" }).format(new Date());
  const list = element("dl");
  for (const field of root.querySelectorAll(".rh-veld")) {
    const control = field.querySelector(".rh-invoer");
    const term = element("dt", { textContent: field.querySelector(".rh-label").textContent });
    list.append(term, element("dd", { textContent: shownValue(control) || "(leeg)" }));
  }
  const header = element(
    "div",
    { className: "rh-afdrukkop" },
    element("p", { className: "rh-afdrukkop__titel", textContent: `${root.querySelector(".rh-titel").textContent} (PBM-wijzer)` }),
    element("p", { textContent: `Berekend op ${today}.` }),
    element("p", { className: "rh-afdrukkop__terug", textContent: wayBack(address) }),
    element("p", { className: "rh-afdrukkop__kop", textContent: "Uw invoer" }),
    list,
    ...tables(root.querySelector(".rh-form")).flatMap(printedTable),
  );
  if (!current) {
    header.append(
      element("p", { className: "rh-afdrukkop__kop", textContent: "Let op: de uitkomst hieronder hoort bij eerdere invoer dan hierboven staat." }),
    );
  }
  return header;
}

/** Prints the rekenhulp `root`. `state`: {current (whether its answer belongs to the form's input),
 * address (Rekenhulp.address())}. */
export function printWidget(root, state) {
  root.querySelector(".rh-afdrukkop")?.remove();
  root.prepend(printHeader(root, state));
  document.body.classList.add("rh-afdrukken");
  root.classList.add("rh-afdrukdoel");
  const done = () => {
    document.body.classList.remove("rh-afdrukken");
    root.classList.remove("rh-afdrukdoel");
  };
  window.addEventListener("afterprint", done, { once: true });
  window.print();
}
