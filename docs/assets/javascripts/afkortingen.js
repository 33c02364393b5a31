// Abbreviations (<abbr title>, from docs/includes/abbreviations.md) explain themselves on tap and
// on keyboard focus, not only when a mouse points at them. Material's improved tooltips
// (feature content.tooltips) show an abbreviation's title while it is hovered or focused; this
// makes each one focusable, so that a tap (which focuses it) or Tab opens the explanation and a
// tap elsewhere closes it. Only the first of each abbreviation in a page is in the Tab order:
// a page says "pbm'er" dozens of times, and one stop per term is enough to read it.

function bind() {
  const seen = new Set();
  for (const abbr of document.querySelectorAll("article abbr[title]")) {
    if (abbr.hasAttribute("tabindex")) continue;
    abbr.tabIndex = seen.has(abbr.title) ? -1 : 0;
    seen.add(abbr.title);
  }
}

// A tap is a click without a mouse: focusing the abbreviation opens Material's tooltip; iOS only
// sends that click to an element it deems clickable (see cursor: pointer in rekenhulp.css).
document.addEventListener("click", (event) => {
  const abbr = event.target instanceof Element ? event.target.closest("article abbr[tabindex]") : null;
  if (abbr && document.activeElement !== abbr) abbr.focus();
});

// Material's document$ emits on the first load and after every instant navigation.
if (window.document$) window.document$.subscribe(bind);
else bind();
