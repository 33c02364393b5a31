// A message next to the control the user just used (an example chosen, Standaardwaarden, Wis alle
// gegevens, a file opened), with "Ongedaan maken" when that replaced the user's own input. It
// stays until the user changes the input again, so there is no time limit to read or reach it
// (WCAG 2.2.1); it sits right after that control, so Tab reaches it next. The text is announced
// through a live region that is in the page from the start: a region inserted or moved together
// with its text is not read out reliably.

function element(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export class Notice {
  constructor(root) {
    this.text = element("p", { className: "rh-terugmelding__tekst" });
    this.button = element("button", { type: "button", className: "md-button rh-knop", textContent: "Ongedaan maken" });
    this.box = element("div", { className: "rh-terugmelding", hidden: true }, this.text, this.button);
    this.live = element("p", { className: "rh-voorlezen" });
    this.live.setAttribute("role", "status");
    root.append(this.live);
    this.undo = null;
    this.focus = null;
    this.button.addEventListener("click", () => {
      const { undo, focus, place } = this;
      undo();
      this.show(place, "Uw vorige invoer staat weer in het formulier.", { focus });
      focus?.focus(); // the button is gone: back to the control the user used
    });
  }

  /** Says `text` right after `place`; with `undo` (a function) offers to undo. `focus` is the
   * control the user used, where focus goes after undoing. `error` marks a refusal. */
  show(place, text, { undo = null, focus = null, error = false } = {}) {
    Object.assign(this, { undo, focus, place });
    this.text.textContent = text;
    this.button.hidden = !undo;
    this.box.classList.toggle("rh-terugmelding--fout", error);
    place.after(this.box);
    this.box.hidden = false;
    this.announce(undo ? `${text} Met de knop Ongedaan maken zet u uw vorige invoer terug.` : text);
  }

  hide() {
    if (this.box.hidden) return;
    if (this.box.contains(document.activeElement)) this.focus?.focus();
    this.box.hidden = true;
    this.undo = null;
  }

  announce(text) {
    // Emptied first, so that the same message twice is read twice.
    this.live.textContent = "";
    setTimeout(() => (this.live.textContent = text), 100);
  }
}
