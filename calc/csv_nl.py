"""CSV in the dialect Dutch spreadsheets write: `;` between cells, decimal comma, UTF-8 with BOM.

Reading also accepts `,`- and tab-separated files and files without BOM. Writing neutralises
cells a spreadsheet would run as a formula (OWASP "CSV injection"), and reading undoes exactly
that, so export followed by import gives back the same table.

A table is the rekenhulp's own `fields.Table`: its columns' labels are the headers written, and
each cell is checked by its column spec, as in the form. This module adds only what is about
files: separators, quotes, headers (with other names people use for a column), lines and
spreadsheet column letters. Rows come back as the form sends them: {column key: text}.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from calc.fields import Field, Table, YesNo, error
from calc.numbers import NotANumber, parse_decimal, plain

BOM = "\ufeff"
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": "puntkomma", ",": "komma", "\t": "tab"}
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(,\d+)?")


# Other headers people use for a column, by column key (matched as `header_key` compares).
Aliases = Mapping[str, tuple[str, ...]]


def header_key(text: str) -> str:
    """How headers are compared: case, spaces, `_`, `-` and a trailing unit in brackets ignored."""
    text = text.replace(BOM, "").casefold()
    text = re.sub(r"\(.*?\)", " ", text)
    text = re.sub(r"[\s_\-.:]+", " ", text)
    return text.strip()


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as a spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# --- formula neutralisation -------------------------------------------------------------------


def _runs_as_formula(text: str) -> bool:
    """True when a spreadsheet would run `text` (after any leading apostrophes) as a formula."""
    bare = text.lstrip("'")
    return bare.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(bare)


def neutralise(text: str) -> str:
    """Prefix `'` to a cell a spreadsheet would run as a formula; a plain number like -2,5 stays."""
    return "'" + text if _runs_as_formula(text) else text


def restore(text: str) -> str:
    """The inverse of `neutralise`: an apostrophe this module added is taken off again."""
    if text.startswith("'") and _runs_as_formula(text[1:]):
        return text[1:]
    return text


# --- writing --------------------------------------------------------------------------------


def number_cell(raw: object) -> str:
    """A number as a Dutch spreadsheet reads it (`1234,5`, no thousands dots); other text as is."""
    if raw is None:
        return ""
    try:
        value = parse_decimal(raw)
    except NotANumber:
        return str(raw)
    return "" if value is None else decimal_cell(value)


def decimal_cell(value: Decimal) -> str:
    return plain(value).replace(".", ",")


def write(header: Iterable[str], rows: Iterable[Iterable[str]], delimiter: str = ";") -> str:
    """CSV text with BOM and CRLF line ends, every cell neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return BOM + out.getvalue()


def write_table(table: Table, rows: list[dict]) -> str:
    """The rows of `table` (as the form sends them, or values as numbers) as CSV with the
    column labels as headers. Cells are written as they stand, also a value that is not valid,
    so nothing is lost; an empty row is not written (reading skips empty lines anyway)."""
    body = []
    for row in rows:
        row = row if isinstance(row, dict) else {}
        if table.is_empty(row):
            continue
        body.append(
            [
                number_cell(row.get(column.key))
                if isinstance(column, Field)
                else column.shown(row.get(column.key))
                for column in table.columns
            ]
        )
    return write([column.label for column in table.columns], body)


# --- reading --------------------------------------------------------------------------------


def sniff_delimiter(first_line: str) -> str:
    """The separator of the header line: the most frequent of `;`, `,` and tab (`;` on a tie)."""
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


@dataclass
class ReadTable:
    rows: list[dict[str, str]]  # every data row, cells as text, keyed by column key
    lines: list[int]  # the file line each row starts on (1 = the header line)
    errors: list[dict[str, str]]
    warnings: list[str]
    delimiter: str
    positions: dict[str, int]  # column key -> 0-based position in the file


def read_table(text: str, table: Table, aliases: Aliases | None = None) -> ReadTable:
    """Read CSV text into rows of strings. Problems of form (not of content) go into `errors`.

    Empty lines are skipped. A row with more cells than the header is reported and kept with
    the cells that fit under a header, so nothing the user typed disappears without a message.
    """
    aliases = aliases or {}
    if text.startswith(BOM):
        text = text[1:]
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    result = ReadTable([], [], [], [], delimiter, {})
    wanted = {}
    for column in table.columns:
        for name in (column.key, column.label, *aliases.get(column.key, ())):
            wanted.setdefault(header_key(name), column)
    header: list[str] | None = None
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = record
                _match_header(header, wanted, table, result, start)
                continue
            _add_row(record, header, start, table, result)
    except csv.Error as exc:
        result.errors.append(
            error(table.key, f"Regel {line}: het CSV-bestand is hier niet te lezen ({exc}).")
        )
    if header is None:
        result.errors.append(
            error(table.key, "Het CSV-bestand is leeg: er staat geen kopregel in.")
        )
    return result


def _match_header(
    header: list[str], wanted: dict, table: Table, result: ReadTable, line: int
) -> None:
    for position, name in enumerate(header):
        column = wanted.get(header_key(name))
        if column is None:
            if name.strip():
                result.warnings.append(
                    f"Kolom {column_letter(position)} ‘{name.strip()}’ is niet gebruikt: "
                    "de rekenhulp kent deze kolom niet."
                )
        elif column.key in result.positions:
            first = column_letter(result.positions[column.key])
            result.warnings.append(
                f"Kolom {column_letter(position)} ‘{name.strip()}’ is niet gebruikt: "
                f"kolom {first} bevat al ‘{column.label}’."
            )
        else:
            result.positions[column.key] = position
    missing = [
        column.label
        for column in table.columns
        if getattr(column, "required", False) and column.key not in result.positions
    ]
    if result.positions and missing:
        names = ", ".join(f"‘{label}’" for label in missing)
        noun = "de kolom" if len(missing) == 1 else "de kolommen"
        result.errors.append(error("csv", f"Regel {line}: de kopregel mist {noun} {names}."))
    if not result.positions:
        known = ", ".join(f"‘{column.label}’" for column in table.columns)
        sep = DELIMITER_NAMES[result.delimiter]
        result.errors.append(
            error(
                "csv",
                f"Regel {line}: de kopregel noemt geen bekende kolom (gelezen met {sep} als "
                f"scheidingsteken). Gebruik de kolomnamen {known}.",
            )
        )


def _add_row(
    record: list[str], header: list[str], line: int, table: Table, result: ReadTable
) -> None:
    number = len(result.rows) + 1  # the row as the form will show it
    row = {}
    for column in table.columns:
        position = result.positions.get(column.key)
        cell = record[position] if position is not None and position < len(record) else ""
        row[column.key] = restore(cell.strip())
    extra = [cell for cell in record[len(header) :] if cell.strip()]
    if extra:
        hint = (
            " Staat er een decimale komma in een getal zonder aanhalingstekens? Gebruik dan"
            " puntkomma's als scheidingsteken."
            if result.delimiter == ","
            else ""
        )
        result.errors.append(
            error(
                f"{table.key}[{number}]",
                f"Regel {line}: deze regel heeft {len(record)} cellen, de kopregel"
                f" {len(header)}. De cellen na kolom {column_letter(len(header) - 1)} zijn"
                f" niet gelezen.{hint}",
            )
        )
    result.rows.append(row)
    result.lines.append(line)


def _value_name(column, raw: object) -> str:
    """How a CSV message names a cell: by the value in it, or by its column when it is empty."""
    shown = "" if raw is None else str(raw).strip()
    if not shown:
        return f"‘{column.label}’"
    if len(shown) > 40:
        shown = shown[:39] + "…"
    return f"de waarde ‘{shown}’"


def import_table(text: str, table: Table, aliases: Aliases | None = None) -> dict:
    """Read and check a table. Every row is kept, also a bad one, so the user can correct it
    in the page; each bad cell is reported with its line and column in the file, with veld
    "<tabel>[n].<kolom>" for the n-th row (from 1) as the form will show it."""
    found = read_table(text, table, aliases)
    errors = list(found.errors)
    if len(found.rows) > table.max_rows:
        errors.append(
            error(
                table.key,
                f"Het bestand heeft {len(found.rows)} rijen; de rekenhulp neemt er hoogstens"
                f" {table.max_rows}. Splits het bestand.",
            )
        )
    for number, (row, line) in enumerate(zip(found.rows, found.lines, strict=True), start=1):
        values, problems = table.read_row(row, _value_name)
        for key, message in problems:
            position = found.positions.get(key)
            if position is None:  # a missing column is reported once, on the header line
                continue
            where = f"kolom {column_letter(position)} ({table.column(key).label})"
            detail = message[0].lower() + message[1:]
            errors.append(error(table.cell(number, key), f"Regel {line}, {where}: {detail}"))
        for column in table.columns:  # "J", "Ja": the form's select knows only "ja" and "nee"
            if isinstance(column, YesNo) and column.key in values:
                row[column.key] = column.shown(values[column.key])
    return {
        table.key: found.rows,
        "bestandsregels": found.lines,
        "fouten": errors,
        "waarschuwingen": found.warnings,
        "scheidingsteken": found.delimiter,
    }
