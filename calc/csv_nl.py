"""CSV in the dialect Dutch spreadsheets write: `;` between cells, decimal comma, UTF-8 with BOM.

Reading also accepts `,`- and tab-separated files and files without BOM. Writing neutralises
cells a spreadsheet would run as a formula (OWASP "CSV injection"), and reading undoes exactly
that, so export followed by import gives back the same table.

A rekenhulp with a table declares its columns (`Column`) and a `check_row` function; this module
only knows about text, lines and headers, never about what the numbers mean.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from calc.fields import error
from calc.numbers import NotANumber, parse_decimal, plain

BOM = "\ufeff"
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": "puntkomma", ",": "komma", "\t": "tab"}
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(,\d+)?")


@dataclass(frozen=True)
class Column:
    key: str  # the key in the table's JSON rows
    label: str  # the header this site writes, and the column's name in messages
    aliases: tuple[str, ...] = ()  # other headers people use (matched case-insensitively)
    number: bool = False  # written with a decimal comma
    required: bool = False  # a file without this column is refused with one message


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


def write_table(columns: tuple[Column, ...], rows: list[dict]) -> str:
    """A table of JSON rows (values as numbers or strings) as CSV with the site's headers.

    Cells are written as they stand, also a value that is not valid, so nothing is lost."""
    body = []
    for row in rows:
        row = row if isinstance(row, dict) else {}
        cells = []
        for column in columns:
            raw = row.get(column.key)
            if column.number:
                cells.append(number_cell(raw))
            else:
                cells.append("" if raw is None else str(raw))
        if any(cells):  # an empty row is not written: reading skips empty lines anyway
            body.append(cells)
    return write([column.label for column in columns], body)


# --- reading --------------------------------------------------------------------------------


def sniff_delimiter(first_line: str) -> str:
    """The separator of the header line: the most frequent of `;`, `,` and tab (`;` on a tie)."""
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


@dataclass
class ReadTable:
    rows: list[dict[str, str]]  # every data row, cells as text, keyed by Column.key
    lines: list[int]  # the file line each row starts on (1 = the header line)
    errors: list[dict[str, str]]
    warnings: list[str]
    delimiter: str
    positions: dict[str, int]  # column key -> 0-based position in the file


def read_table(text: str, columns: tuple[Column, ...], table: str) -> ReadTable:
    """Read CSV text into rows of strings. Problems of form (not of content) go into `errors`.

    Empty lines are skipped. A row with more cells than the header is reported and kept with
    the cells that fit under a header, so nothing the user typed disappears without a message.
    """
    if text.startswith(BOM):
        text = text[1:]
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    result = ReadTable([], [], [], [], delimiter, {})
    wanted = {}
    for column in columns:
        for name in (column.key, column.label, *column.aliases):
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
                _match_header(header, wanted, columns, result, start)
                continue
            _add_row(record, header, start, columns, table, result)
    except csv.Error as exc:
        result.errors.append(
            error(table, f"Regel {line}: het CSV-bestand is hier niet te lezen ({exc}).")
        )
    if header is None:
        result.errors.append(error(table, "Het CSV-bestand is leeg: er staat geen kopregel in."))
    return result


def _match_header(
    header: list[str],
    wanted: dict[str, Column],
    columns: tuple[Column, ...],
    result: ReadTable,
    line: int,
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
    missing = [c.label for c in columns if c.required and c.key not in result.positions]
    if result.positions and missing:
        names = ", ".join(f"‘{label}’" for label in missing)
        noun = "de kolom" if len(missing) == 1 else "de kolommen"
        result.errors.append(error("csv", f"Regel {line}: de kopregel mist {noun} {names}."))
    if not result.positions:
        known = ", ".join(f"‘{column.label}’" for column in columns)
        sep = DELIMITER_NAMES[result.delimiter]
        result.errors.append(
            error(
                "csv",
                f"Regel {line}: de kopregel noemt geen bekende kolom (gelezen met {sep} als "
                f"scheidingsteken). Gebruik de kolomnamen {known}.",
            )
        )


def _add_row(
    record: list[str],
    header: list[str],
    line: int,
    columns: tuple[Column, ...],
    table: str,
    result: ReadTable,
) -> None:
    index = len(result.rows)
    row = {}
    for column in columns:
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
                f"{table}[{index}]",
                f"Regel {line}: deze regel heeft {len(record)} cellen, de kopregel"
                f" {len(header)}. De cellen na kolom {column_letter(len(header) - 1)} zijn"
                f" niet gelezen.{hint}",
            )
        )
    result.rows.append(row)
    result.lines.append(line)


def import_table(
    text: str,
    columns: tuple[Column, ...],
    table: str,
    check_row: Callable[[dict], list[tuple[str, str]]],
) -> dict:
    """Read and check a table. Every row is kept, also a bad one, so the user can correct it
    in the page; each bad cell is reported with its line and column in the file."""
    found = read_table(text, columns, table)
    errors = list(found.errors)
    labels = {column.key: column.label for column in columns}
    for index, (row, line) in enumerate(zip(found.rows, found.lines, strict=True)):
        for key, detail in check_row(row):
            position = found.positions.get(key)
            if position is None:  # a missing column is reported once, on the header line
                continue
            where = f"kolom {column_letter(position)} ({labels[key]})"
            errors.append(error(f"{table}[{index}].{key}", f"Regel {line}, {where}: {detail}"))
    return {
        table: found.rows,
        "bestandsregels": found.lines,
        "fouten": errors,
        "waarschuwingen": found.warnings,
        "scheidingsteken": found.delimiter,
    }
