"""Every table of every rekenhulp is whole at 320, 375, 768 and 1280 px: no cell is cut off
without a way to reach it (issue 13, point 1).

Per rekenhulp one page is opened and, for each state a user meets (the built-in answer, after
input, a 25-location CSV import on the budget, and the error state), the viewport takes each
width in turn. REACHABLE then walks up from every cell of every table (result tables and the
form's tables of inputs) and fails a cell that is
- cut off by an ancestor that clips (overflow hidden/clip, paint containment), or
- inside a scroll box that a keyboard cannot scroll (neither the box nor anything in it can be
  focused), or outside the part of that box one can scroll to, or
- outside the viewport (a phone page must not scroll sideways; on paper nothing scrolls), or
- not shown while it holds text: a column header may only be hidden (rows as cards) when every
  cell of its column shows the header's text as its label.
"""

from __future__ import annotations

import pytest
from test_budget import BUDGET_PAGE, COSTS_PAGE
from test_rekenhulp import UREN_PAGE, full_page, use_rekenhulp
from test_tables import cell

WIDTHS = (320, 375, 768, 1280)
HEIGHT = 800

REACHABLE = """([root, paper]) => {
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.className ? "." + [...el.classList].join(".") : "");
  const where = (el) => {
    const table = el.closest("table");
    const caption = table?.caption?.textContent || table?.dataset.tabel || "tabel";
    return `${caption} / ${el.textContent.trim().slice(0, 40) || el.tagName}`;
  };
  const clips = (s) => s.overflowX !== "visible" || s.overflowY !== "visible"
    || /paint|strict|content/.test(s.contain) || s.contentVisibility !== "visible";
  const clipsY = (s) => s.overflowY === "hidden" || s.overflowY === "clip";
  const scrolls = (s) => s.overflowX === "auto" || s.overflowX === "scroll";
  const focusable = (el) => el.tabIndex >= 0 && !el.disabled;
  // A keyboard scrolls a box it can focus (tabindex, or a scroller the browser makes focusable
  // itself), or a box with a control in it (focus scrolls to the control).
  const takesFocus = (el) => {
    const before = document.activeElement;
    el.focus({ preventScroll: true });
    const took = document.activeElement === el;
    if (took) el.blur();
    before?.focus?.({ preventScroll: true });
    return took;
  };
  const keyboardScrolls = (a) => focusable(a)
    || [...a.querySelectorAll("input, select, button, a[href], [tabindex]")].some(focusable)
    || takesFocus(a);
  const width = document.documentElement.clientWidth;
  const tol = 1;

  const box = (el) => {
    const r = el.getBoundingClientRect();
    let { left, right, top, bottom } = r;
    const range = document.createRange();
    range.selectNodeContents(el);
    for (const c of range.getClientRects()) {
      if (c.width === 0 && c.height === 0) continue;
      left = Math.min(left, c.left); right = Math.max(right, c.right);
      top = Math.min(top, c.top); bottom = Math.max(bottom, c.bottom);
    }
    return { left, right, top, bottom };
  };

  const check = (el) => {
    if (el.getClientRects().length === 0) return `${where(el)}: niet getoond`;
    let r = box(el);
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (!clips(s)) continue;
      const b = a.getBoundingClientRect();
      if (scrolls(s) && a.scrollWidth > a.clientWidth + tol && !paper) {
        if (!keyboardScrolls(a)) return `${where(el)}: in ${name(a)}, dat niet met het toetsenbord schuift`;
        const start = b.left + a.clientLeft - a.scrollLeft;
        if (r.left < start - tol || r.right > start + a.scrollWidth + tol)
          return `${where(el)}: buiten het schuifbare deel van ${name(a)}`;
        r = { left: Math.max(r.left, b.left), right: Math.min(r.right, b.right), top: r.top, bottom: r.bottom };
      } else if (r.left < b.left - tol || r.right > b.right + tol
                 // content-visibility: auto sizes a box off screen by a guess: only overflow cuts rows
                 || clipsY(s) && (r.top < b.top - tol || r.bottom > b.bottom + tol)) {
        return `${where(el)}: afgesneden door ${name(a)} (${Math.round(r.left)}-${Math.round(r.right)} px, vak ${Math.round(b.left)}-${Math.round(b.right)} px)`;
      }
    }
    if (r.left < -tol || r.right > width + tol)
      return `${where(el)}: buiten het scherm (${Math.round(r.left)}-${Math.round(r.right)} px van ${width} px)`;
    return null;
  };

  for (const table of root.querySelectorAll("table")) {
    const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
    for (const [index, header] of headers.entries()) {
      const text = header.textContent.trim();
      if (!text) continue;
      const cut = check(header);
      if (!cut) continue;
      // A hidden header (rows as cards) is fine when every cell of its column shows it as its
      // label; a row header is the title of its card.
      const label = header.querySelector(".rh-kolomlabel")?.textContent ?? text;
      const cells = [...table.querySelectorAll("tbody tr, tfoot tr")].map((row) => row.cells[index])
        .filter((c) => c && !c.matches('th[scope="row"]') && (c.textContent.trim() || c.querySelector("input, select")));
      if (cells.length === 0 && index > 0) problems.push(cut);
      for (const c of cells) {
        if (!getComputedStyle(c, "::before").content.includes(label))
          problems.push(`${cut} en niet als label bij de cel ${where(c)}`);
      }
    }
    for (const c of table.querySelectorAll("tbody th, tbody td, tfoot th, tfoot td")) {
      const controls = [...c.querySelectorAll("input, select, button")];
      if (!c.textContent.trim() && controls.length === 0) continue;
      const found = check(c);
      if (found) problems.push(found);
      for (const control of controls) {
        const bad = check(control);
        if (bad) problems.push(bad);
      }
    }
  }
  return problems;
}"""


def unreachable(widget, paper: bool = False) -> list[str]:
    """What REACHABLE finds in `widget`; on `paper` nothing scrolls, so a scroll box cuts off."""
    return widget.page.evaluate(REACHABLE, [widget.element_handle(), paper])


def open_widget(page, path: str, name: str):
    page.set_viewport_size({"width": WIDTHS[-1], "height": HEIGHT})
    page.goto(page.base + path)
    widget = page.locator(f'.rekenhulp[data-rekenhulp="{name}"]').first
    use_rekenhulp(page, widget)
    return widget


def at_every_width(page, widget, state: str) -> list[str]:
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        page.wait_for_timeout(50)  # let layout settle (container queries, sticky columns)
        found += [f"{width} px, {state}: {p}" for p in unreachable(widget)]
    page.set_viewport_size({"width": WIDTHS[-1], "height": HEIGHT})
    return found


def new_answer(widget, act) -> None:
    """Do `act`, then wait until the result shows an answer computed after it, for the form as
    it stands (typing also computes, so an answer for half the input may come in between)."""
    widget.locator(".rh-resultaat").evaluate(
        "el => { for (const child of el.children) child.dataset.oud = '1'; }"
    )
    act()
    widget.locator('.rh-resultaat[data-actueel="ja"] > :not([data-oud])').first.wait_for(
        state="attached"
    )


def submit(widget) -> None:
    widget.locator('button[type="submit"]').click()


def error_state(widget) -> None:
    first = widget.locator(".rh-form input.rh-invoer[inputmode]").first
    first.fill("abc")
    submit(widget)
    widget.locator(".rh-foutsamenvatting").wait_for(state="visible")


@pytest.fixture
def wide(page, site_url):
    page.base = site_url
    return page


LONG_NAME = "Integraal Kindcentrum De Wereldwijzer aan de Burgemeester Van Randwijcklaan"


def test_uren_tables_are_whole_at_every_width(wide):
    widget = open_widget(wide, UREN_PAGE, "uren")
    found = at_every_width(wide, widget, "ingebouwd antwoord")

    def fill_rows():
        for total in ("kindercentra", "fte", "doelgroeppeuters"):  # the rows replace them
            widget.locator(f'.rh-invoer[name="{total}"]').fill("")
        cell(widget, "medewerkers", 1, "naam").fill(LONG_NAME)
        cell(widget, "medewerkers", 1, "uren_per_week").fill("32")
        cell(widget, "locaties", 1, "naam").fill(LONG_NAME)
        cell(widget, "locaties", 1, "doelgroeppeuters").fill("12")
        submit(widget)

    new_answer(widget, fill_rows)
    assert widget.locator(".rh-resultaat table").count() >= 3  # opbouw, locaties, fte
    found += at_every_width(wide, widget, "na invoer")
    error_state(widget)
    found += at_every_width(wide, widget, "foutmelding")
    assert not found, "\n".join(found)


def test_960_planner_tables_are_whole_at_every_width(wide):
    widget = open_widget(wide, full_page("ve_aanbod"), "ve_aanbod")
    found = at_every_width(wide, widget, "ingebouwd antwoord")

    def short_week():
        widget.locator('.rh-invoer[name="maandag"]').fill("2")
        submit(widget)

    new_answer(widget, short_week)
    found += at_every_width(wide, widget, "na invoer")
    error_state(widget)
    found += at_every_width(wide, widget, "foutmelding")
    assert not found, "\n".join(found)


def locations_csv(path, count: int = 25):
    lines = ["Naam;Aanbieder;Doelgroeppeuters;Bezette plaatsen"] + [
        f"{LONG_NAME} {n};Stichting Peuterspeelzaalwerk Noord-Oost {n % 4 + 1};{n % 9 + 4};{n % 7 + 10}"
        for n in range(1, count + 1)
    ]
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_budget_tables_are_whole_at_every_width(wide, tmp_path):
    widget = open_widget(wide, BUDGET_PAGE, "budget")
    found = at_every_width(wide, widget, "ingebouwd antwoord")

    def rename():
        cell(widget, "locaties", 1, "naam").fill(LONG_NAME)
        submit(widget)

    new_answer(widget, rename)
    found += at_every_width(wide, widget, "na invoer")

    def import_25():
        widget.locator("input.rh-bestand").set_input_files(str(locations_csv(tmp_path / "l.csv")))

    new_answer(widget, import_25)
    assert widget.locator(".rh-resultaat tbody tr[data-rij]").count() == 25
    found += at_every_width(wide, widget, "25 locaties")
    cell(widget, "locaties", 3, "doelgroeppeuters").fill("veel")
    error_state(widget)
    assert widget.locator('[aria-invalid="true"][data-kolom]').count() == 1
    found += at_every_width(wide, widget, "foutmelding")
    assert not found, "\n".join(found)


def ax_table(page, caption: str) -> list[tuple[str, str]]:
    """(role, name) of every node of the table `caption` in Chromium's own accessibility tree."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    by_id = {node["nodeId"]: node for node in nodes}
    table = next(
        n
        for n in nodes
        if n.get("role", {}).get("value") == "table" and n.get("name", {}).get("value") == caption
    )
    found, todo = [], list(table.get("childIds", []))
    while todo:
        node = by_id.get(todo.pop(0))
        if node is None:
            continue
        if not node.get("ignored"):
            found.append((node["role"]["value"], node.get("name", {}).get("value", "")))
        todo.extend(node.get("childIds", []))
    return found


def test_rows_as_cards_are_still_a_table_for_a_screen_reader(wide):
    widget = open_widget(wide, COSTS_PAGE, "budget")
    wide.set_viewport_size({"width": 375, "height": HEIGHT})
    table = widget.locator("table.rh-locaties")
    assert table.evaluate("t => getComputedStyle(t.tBodies[0].rows[0]).display") == "block"
    table.scroll_into_view_if_needed()  # content-visibility: Chromium builds the tree on screen
    wide.wait_for_timeout(200)
    nodes = ax_table(wide, table.locator("caption").inner_text())  # costs only with a tariff
    roles = [role for role, _ in nodes]
    headers = table.locator("thead th").all_inner_texts()
    assert [name for role, name in nodes if role == "columnheader"] == headers
    body_rows = table.locator("tbody tr").count() + table.locator("tfoot tr").count()
    assert roles.count("row") == 1 + body_rows and roles.count("rowheader") == body_rows
    assert roles.count("cell") == body_rows * (len(headers) - 1)
    # The label shown before a value is not read out again: the cell's name is its value.
    first = table.locator("tbody td").first
    assert first.evaluate("c => getComputedStyle(c, '::before').content") == f'"{headers[1]}" / ""'
    assert (
        next(name for role, name in nodes if role == "cell").strip() == first.inner_text().strip()
    )
