// Long tables a page at a time: a table of 5,000 locations laid out whole blocks the page for
// seconds, so a rekenhulp shows a page of its rows with a pager below it. Used for the form's
// tables of inputs (form.js, 50 rows a page) and a result's long tables (rekenhulp.js; calc sends
// their rows by page of 100, calc.html.paged).
const nlNumber = new Intl.NumberFormat("nl-NL");

/** A whole number as Dutch text: 5.000. */
export const formatNumber = (value) => nlNumber.format(value);

/** A pager for `count` rows, `size` a page: "Rij 51–100 van 5.000", buttons Vorige/Volgende.
 * `show(page)` is called when the user picks another page. Returns {element, update(page, count)}. */
export function pager(label, size, show) {
  const text = document.createElement("p");
  text.className = "rh-paginering__tekst";
  text.setAttribute("role", "status"); // the rows shown, read out after a click
  const step = (delta, caption) => {
    const control = document.createElement("button");
    control.type = "button";
    control.className = "md-button rh-knop";
    control.textContent = caption;
    control.addEventListener("click", () => show(state.page + delta));
    return control;
  };
  const previous = step(-1, `Vorige ${size}`);
  const next = step(1, `Volgende ${size}`);
  const element = document.createElement("div");
  element.className = "rh-paginering";
  element.setAttribute("role", "group");
  element.setAttribute("aria-label", `Rijen van ‘${label}’`);
  element.append(previous, text, next);
  const state = { page: 0 };
  return {
    element,
    update(page, count) {
      state.page = page;
      element.hidden = count <= size;
      const first = page * size + 1;
      const last = Math.min(count, first + size - 1);
      text.textContent = `Rij ${formatNumber(first)}–${formatNumber(last)} van ${formatNumber(count)}`;
      const focused = document.activeElement;
      previous.disabled = page === 0;
      next.disabled = last >= count;
      // At the first or last page its button goes off: the focus goes to the other one.
      if (focused?.disabled && (focused === previous || focused === next)) (focused === next ? previous : next).focus();
    },
  };
}
