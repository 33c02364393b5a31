"""HTML for a rekenhulp: the form (site build) and the result (site build and browser alike).

Every piece of text is escaped here, so whatever a user typed reaches the page as text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import NamedTuple

from calc.fields import Choice, Field, Table, Text, YesNo

# What html.escape(quote=True) does. Not imported from `html`: that module loads html.entities,
# a table of 2,000 names, which costs some 30 ms inside Pyodide before the first answer.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def e(value: object) -> str:
    return str(value).translate(_ESCAPES)


def rule_cite(rule: dict) -> str:
    article = e(rule["artikel"])
    if rule.get("artikel_url"):  # the primary text, also where the value was read elsewhere
        article = f'<a href="{e(rule["artikel_url"])}">{article}</a>'
    return (
        f"{article}; bron: "
        # a meeting report has no public address: cite it by title only
        + (f'<a href="{e(rule["url"])}">{e(rule["bron"])}</a>' if rule["url"] else e(rule["bron"]))
        + f' <span class="rh-regelstatus rh-regelstatus--{e(rule["status"])}">({e(rule["status_tekst"])})</span>'
    )


class Column(NamedTuple):
    """A column of a result table: its header (plain text) and whether it holds figures."""

    label: str
    number: bool = False


class Cell(NamedTuple):
    """A cell of a result table: its HTML (already escaped) and, for a figure, the exact value
    behind the shown text (`data-waarde`, read by tests and downloads)."""

    html: str
    value: object = None


class Row(NamedTuple):
    """A row of a result table: its header cell's HTML, its cells (HTML or Cell) in column
    order, and extra attributes for the <tr> (already escaped, e.g. ' data-rij="3"')."""

    header: str
    cells: tuple
    attributes: str = ""


def _table_row(columns: tuple[Column, ...], row: Row) -> str:
    parts = [f'<tr{row.attributes}><th scope="row">{row.header}</th>']
    for column, cell in zip(columns[1:], row.cells, strict=True):
        content, value = (cell.html, cell.value) if isinstance(cell, Cell) else (cell, None)
        parts.append(
            "<td"
            + (' class="rh-getal"' if column.number else "")
            + f' data-label="{e(column.label)}"'
            + (f' data-waarde="{e(value)}"' if value is not None else "")
            + f">{content}</td>"
        )
    parts.append("</tr>")
    return "".join(parts)


# A result table with more rows than this goes to the browser a page at a time (see paged).
PAGE_ROWS = 100

_pages: dict[str, list[str]] | None = None  # collects while paged() renders


def paged(render: Callable[[dict], str], result: dict) -> tuple[str, dict[str, list[str]]]:
    """render(result), where a data_table longer than PAGE_ROWS rows holds only its first page
    of rows; and every page's rows (HTML of `<tr>`s) of such tables, under the key that the
    table names in `data-paginas` (beside `data-rijen`, its number of rows, and
    `data-paginagrootte`). The browser shows one page at a time: laying out thousands of rows
    freezes a page. A build (render alone) gives every row."""
    global _pages
    _pages = {}
    try:
        return render(result), _pages
    finally:
        _pages = None


def data_table(
    caption: str,
    columns: tuple[Column, ...],
    rows: list[Row],
    *,
    footer: Row | None = None,
    cards: bool = False,
    css: str = "",
    attributes: str = "",
) -> str:
    """A result table, whole at any width; every rekenhulp's result tables come from here.

    The first column holds the row headers. The table sits in a box that scrolls sideways when
    it is wider than the rekenhulp (a focusable region named by the caption, with a shadow where
    more columns are); its row headers stay in view. With `cards`, a narrow rekenhulp shows each
    row as a card whose cells carry their column header (data-label, see rekenhulp.css). No
    ARIA table roles: HTML forbids them on a table's parts, and Chromium keeps a table a table
    when CSS changes its display (tests/browser/test_widths.py reads its accessibility tree).
    `css` adds classes to the table, `attributes` attributes (escaped by the caller, e.g.
    ' data-tabel="fte"').
    """
    number = ' class="rh-getal"'
    head = "".join(
        f'<th scope="col"{number if c.number else ""}>{e(c.label)}</th>' for c in columns
    )
    rows_html = [_table_row(columns, row) for row in rows]
    if _pages is not None and len(rows) > PAGE_ROWS:
        key = f"tabel-{len(_pages) + 1}"
        _pages[key] = [
            "".join(rows_html[start : start + PAGE_ROWS])
            for start in range(0, len(rows), PAGE_ROWS)
        ]
        rows_html = rows_html[:PAGE_ROWS]
        attributes += (
            f' data-paginas="{key}" data-rijen="{len(rows)}" data-paginagrootte="{PAGE_ROWS}"'
        )
    body = "".join(rows_html)
    foot = f"<tfoot>{_table_row(columns, footer)}</tfoot>" if footer else ""
    classes = " ".join(("rh-tabel", *(["rh-tabel--kaarten"] if cards else []), *css.split()))
    return (
        f'<div class="rh-tabelvak" role="region" tabindex="0" aria-label="{e(caption)}">'
        f'<table class="{classes}"{attributes}>'
        f"<caption>{e(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody>{foot}</table></div>"
    )


def _suffix(spec) -> str:
    suffix = getattr(spec, "label_suffix", "")
    return f' <span class="rh-optioneel">{e(suffix)}</span>' if suffix else ""


def _scalar(uid: str, spec, control: str) -> str:
    """A field with one control (`.rh-invoer`): label, hint, room for its error, the control."""
    base = f"{uid}-{spec.key}"
    return (
        f'<div class="rh-veld" data-veld="{e(spec.key)}">'
        f'<label class="rh-label" for="{base}">{e(spec.label)}{_suffix(spec)}</label>'
        f'<p class="rh-hint" id="{base}-hint">{e(spec.hint)}</p>'
        f'<p class="rh-fout" id="{base}-fout" hidden></p>'
        f"{control}</div>"
    )


def field(uid: str, spec: Field, value: str) -> str:
    base = f"{uid}-{spec.key}"
    return _scalar(
        uid,
        spec,
        f'<input class="rh-invoer" id="{base}" name="{e(spec.key)}" type="text"'
        f' inputmode="{spec.inputmode}" autocomplete="off" spellcheck="false"'
        f' value="{e(value)}" data-standaard="{e(value)}" aria-describedby="{base}-hint">',
    )


def choice(uid: str, spec: Choice, value: str) -> str:
    """A Choice as a select; the page's script reads its value like any `.rh-invoer`."""
    base = f"{uid}-{spec.key}"
    options = "".join(
        f'<option value="{e(key)}"{" selected" if key == value else ""}>{e(text)}</option>'
        for key, text in spec.options
    )
    return _scalar(
        uid,
        spec,
        f'<select class="rh-invoer" id="{base}" name="{e(spec.key)}" data-standaard="{e(value)}"'
        f' aria-describedby="{base}-hint">{options}</select>',
    )


YES_NO_OPTIONS = (("nee", "Nee"), ("ja", "Ja"))
ROW_TOKEN = "__RIJ__"  # in the row template; the page's script renumbers every row after a change


def _cell(base: str, number: object, column, value: str) -> str:
    """One input of a table row, named by its column header and its row header."""
    attributes = (
        f'class="rh-cel" id="{base}-{number}-{e(column.key)}" data-kolom="{e(column.key)}"'
        f' aria-labelledby="{base}-kop-{e(column.key)} {base}-rij-{number}"'
        + (f' aria-describedby="{base}-{e(column.key)}-hint"' if column.hint else "")
        + f' data-standaard="{e(value)}"'
    )
    if isinstance(column, YesNo):
        options = "".join(
            f'<option value="{key}"{" selected" if value == key else ""}>{text}</option>'
            for key, text in YES_NO_OPTIONS
        )
        return f"<td><select {attributes}>{options}</select></td>"
    return (
        f'<td><input {attributes} type="text" inputmode="{column.inputmode}"'
        f' autocomplete="off" spellcheck="false" value="{e(value)}"></td>'
    )


def _row(base: str, number: object, spec: Table, cells: dict[str, str]) -> str:
    return (
        f'<tr data-rij="{number}">'
        f'<th scope="row" id="{base}-rij-{number}">Rij <span data-rijnummer>{number}</span></th>'
        + "".join(_cell(base, number, column, cells[column.key]) for column in spec.columns)
        + '<td><button type="button" class="md-button rh-rij-verwijder" data-actie="rij-verwijderen">'
        f"Verwijder rij <span data-rijnummer>{number}</span></button></td></tr>"
    )


def _header(base: str, column) -> str:
    """A column's header: its label, and its hint that each cell's description points to. A
    text column (a name) is wider than a figure's: see .rh-kolom--tekst in rekenhulp.css."""
    css = ' class="rh-kolom--tekst"' if isinstance(column, Text) else ""
    hint = (
        f' <span class="rh-kolomhint" id="{base}-{e(column.key)}-hint">{e(column.hint)}</span>'
        if column.hint
        else ""
    )
    return (
        f'<th scope="col"{css}><span class="rh-kolomlabel" id="{base}-kop-{e(column.key)}">'
        f"{e(column.label)}</span>{_suffix(column)}{hint}</th>"
    )


def table(uid: str, spec: Table, rows: list[dict[str, str]]) -> str:
    """A Table spec as a table of inputs: the preset rows, then one empty row.

    Contract with the page's script (cells are `.rh-cel`, never `.rh-invoer`, so a script that
    only knows scalar fields ignores them and the rekenhulp computes without the table):
    - read: for `table[data-tabel=KEY]`, send KEY as a list with one object per `tbody > tr`,
      in order, `{data-kolom: control.value}` (a select gives "ja"/"nee"); send empty rows too,
      calc skips them and numbers rows by their position, from 1.
    - errors: veld "KEY[n].kolom" is the control `[data-kolom=kolom]` in the n-th body row,
      whose message goes under it in its cell (`p.rh-celfout`, made and removed by the script);
      veld "KEY[n]" that row; veld "KEY" the whole table (`.rh-tabelveld[data-veld=KEY]`, whose
      `ul.rh-tabelfouten#{base}-fout` lists the messages of the table and its rows).
    - add (`button[data-actie=rij-toevoegen][data-tabel=KEY]`): clone the row in
      `template[data-rij-sjabloon=KEY]`, append it to the tbody, renumber; not beyond
      `data-max-rijen`. Remove (`button[data-actie=rij-verwijderen]`): remove its row, renumber;
      when the last row goes, add an empty one.
    - renumber: for the n-th body row set `data-rij=n`, the row header `id={base}-rij-n`,
      the text of every `[data-rijnummer]` to n, and for each control `id={base}-n-kolom` and
      `aria-labelledby="{base}-kop-kolom {base}-rij-n"`, where base is the table's `data-id-basis`.
    - reset: keep the first `data-standaard-rijen` rows, set each control to its
      `data-standaard`, drop the other rows and add one empty row.
    - pages: a long table may show a page of its rows at a time (the script keeps the rows as
      data); "n-th row" then means the n-th row of the whole table, and a row's controls and
      number are those of its place in the whole table.
    """
    base = f"{uid}-{spec.key}"
    empty = spec.shown([{}])[0]
    shown = [*rows, empty] if len(rows) < spec.max_rows else list(rows)
    headers = "".join(_header(base, column) for column in spec.columns)
    body = "".join(_row(base, number, spec, cells) for number, cells in enumerate(shown, 1))
    return (
        f'<div class="rh-tabelveld" id="{base}" data-veld="{e(spec.key)}">'
        f'<p class="rh-label" id="{base}-label">{e(spec.label)}{_suffix(spec)}</p>'
        f'<p class="rh-hint" id="{base}-hint">{e(spec.hint)}</p>'
        f'<ul class="rh-fout rh-tabelfouten" id="{base}-fout" hidden></ul>'
        '<div class="rh-tabelrol">'
        f'<table class="rh-invoertabel" data-tabel="{e(spec.key)}" data-id-basis="{base}"'
        f' data-max-rijen="{spec.max_rows}" data-standaard-rijen="{len(rows)}"'
        f' aria-labelledby="{base}-label" aria-describedby="{base}-hint">'
        f"<thead><tr><td></td>{headers}<td></td></tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
        f'<template data-rij-sjabloon="{e(spec.key)}">{_row(base, ROW_TOKEN, spec, empty)}</template>'
        f'<button type="button" class="md-button rh-rij-toevoegen" data-actie="rij-toevoegen"'
        f' data-tabel="{e(spec.key)}">Rij toevoegen</button>'
        "</div>"
    )


def widget(
    name: str,
    title: str,
    uid: str,
    fields: tuple,
    values: dict,
    result_html: str,
    presets: dict | None = None,
    full_page: str = "",
) -> str:
    """The whole rekenhulp. `presets` ({key: input}, the examples of the `preset` choice) goes in
    `data-voorbeelden` as JSON, so the page fills the form at once, also before Pyodide runs.

    With `full_page` (the address of the rekenhulp's own page) it is compact, for a page about
    something else: the answer for that page's example with the same form folded away above it
    (a closed <details>; the page's script opens it when the form holds other input), and a link
    to the full page with its explanation.
    """

    def one(spec) -> str:
        if isinstance(spec, Table):
            return table(uid, spec, values[spec.key])
        if isinstance(spec, Choice):
            return choice(uid, spec, values[spec.key])
        return field(uid, spec, values[spec.key])

    inputs = "".join(one(spec) for spec in fields)
    examples = (
        f' data-voorbeelden="{e(json.dumps(presets, ensure_ascii=False))}"' if presets else ""
    )
    form = (
        '<form class="rh-form" novalidate>'
        f'<div class="rh-foutsamenvatting" id="{uid}-fouten" tabindex="-1" hidden>'
        f'<h3 class="rh-foutsamenvatting__titel">Controleer uw invoer</h3><ul></ul></div>'
        f"{inputs}"
        '<div class="rh-acties"><button class="md-button md-button--primary" type="submit">Bereken</button></div>'
        '<p class="rh-status" role="status" data-status="statisch">'
        "Deze uitkomst is vooraf berekend voor de ingevulde waarden.</p>"
        "</form>"
    )
    if full_page:
        form = (
            f'<p class="rh-volledig">De uitkomst hieronder hoort bij het voorbeeld van deze pagina.'
            f' <a href="{e(full_page)}">Naar de volledige rekenhulp, met uitleg</a></p>'
            '<details class="rh-invoervak"><summary>Reken met uw eigen getallen</summary>'
            f"{form}</details>"
        )
    compact = " rekenhulp--compact" if full_page else ""
    return (
        # Material's search leaves out what is marked data-search-exclude: the form and the
        # answer would bury the page's own text. The heading (a section of its own for the
        # search) is marked too, or it would be indexed with the page's title and no text.
        f'<section class="rekenhulp{compact}" id="{uid}" data-rekenhulp="{e(name)}"{examples}'
        f' aria-labelledby="{uid}-titel" data-search-exclude>'
        f'<h2 class="rh-titel" id="{uid}-titel" data-search-exclude>{e(title)}</h2>'
        f"{form}"
        f'<div class="rh-resultaat" id="{uid}-resultaat" aria-live="polite">{result_html}</div>'
        "</section>"
    )
