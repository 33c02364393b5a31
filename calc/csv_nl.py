"""CSV in the dialect Dutch spreadsheets write: `;` between cells, decimal comma, UTF-8 with BOM.

Reading also accepts `,`- and tab-separated files and files without BOM. Writing neutralises
cells a spreadsheet would run as a formula (OWASP "CSV injection"), and reading undoes exactly
that, so export followed by import gives back the same table.

A table is the rekenhulp's own `fields.Table`: its columns' labels are the headers written, and
each cell is checked by its column spec, as in the form. This module adds only what is about
files: separators, quotes, headers (with other names people use for a column), lines and
spreadsheet column letters. Rows come back as the form sends them: {column key: text}.

A file is read whole or not at all: a file that is not text, has no known column, breaks off,
or has more rows than the table takes gives no rows (`None`), only the reason. A totals row
(a spreadsheet's "Totaal") is left out with a warning, so its numbers are not counted twice.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from calc.fields import Field, Table, Text, YesNo, ambiguous_point, error
from calc.numbers import AmbiguousPoint, NotANumber, nl, parse_decimal, plain

BOM = "\ufeff"
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": "puntkomma", ",": "komma", "\t": "tab"}
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(,\d+)?")
# What a spreadsheet writes in the label cell of a totals row (compared casefolded, without a
# trailing colon).
TOTAL_LABELS = frozenset(
    ("totaal", "total", "subtotaal", "subtotal", "som", "generaal totaal", "eindtotaal")
)
_HEADER_SPACES = re.compile(r"[\s_\-.:]+")
MAX_UNKNOWN_LISTED = 10  # unknown columns named one by one; the rest are counted
WINDOWS_1252 = (
    "Het bestand is niet opgeslagen als UTF-8. De rekenhulp heeft het gelezen als Windows-1252,"
    " zoals oudere versies van Excel opslaan. Kloppen letters als ë of € niet, sla het bestand"
    " dan op als ‘CSV UTF-8’."
)
NOT_TEXT = (
    "Het bestand is geen CSV-bestand: er staan tekens in die in geen tekstbestand voorkomen. Is"
    " het een Excel-bestand (.xlsx)? Sla het dan in Excel op als ‘CSV UTF-8’."
)


# Other headers people use for a column, by column key (matched as `header_key` compares).
Aliases = Mapping[str, tuple[str, ...]]
# For an alias that may hold more than its column: what the column means, told in a warning.
Cautions = Mapping[str, str]


def header_key(text: str) -> str:
    """How headers are compared: case, spaces, `_`, `-` and a trailing unit in brackets ignored."""
    text = _without_brackets(text.replace(BOM, "").casefold())
    return _HEADER_SPACES.sub(" ", text).strip()


def _without_brackets(text: str) -> str:
    """Every `(...)` replaced by a space, in one pass: a pattern like `\\(.*?\\)` rescans the rest
    of the text from every `(`, which takes minutes on a header of a hundred thousand `(`."""
    parts, position = [], 0
    while (start := text.find("(", position)) >= 0 and (end := text.find(")", start)) >= 0:
        parts += [text[position:start], " "]
        position = end + 1
    parts.append(text[position:])
    return "".join(parts)


def decode(data: bytes) -> tuple[str | None, list[str]]:
    """The text of a file and the notices about how it was read; None when it is not text.

    UTF-8 (with or without BOM) is read as UTF-8; anything else as Windows-1252, which older
    Excel writes ("CSV (gescheiden door lijstscheidingsteken)"), with a notice. UTF-16 with a
    BOM is Excel's "Unicode-tekst". A NUL byte occurs in no text file of these kinds.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), []
    if b"\x00" in data:
        return None, []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [WINDOWS_1252]


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


def number_cell(raw: object, unit: str = "") -> str:
    """A number as a Dutch spreadsheet reads it (`1234,5`, no thousands dots, no unit); other
    text as is."""
    if raw is None:
        return ""
    try:
        value = parse_decimal(raw, unit)
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
                number_cell(row.get(column.key), column.unit)
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
class _Sums:
    """Running sums of the number columns, to recognise a totals row without a label: its numbers
    are the sums of all rows above it, or of those since the last totals row (a subtotal)."""

    total: dict[str, Decimal] = field(default_factory=dict)
    block: dict[str, Decimal] = field(default_factory=dict)
    rows: int = 0
    block_rows: int = 0
    known: bool = True  # False once a row above has a number column that is not a number

    def add(self, numbers: dict[str, Decimal] | None) -> None:
        if numbers is None:
            self.known = False
            return
        for key, value in numbers.items():
            self.total[key] = self.total.get(key, Decimal(0)) + value
            self.block[key] = self.block.get(key, Decimal(0)) + value
        self.rows += 1
        self.block_rows += 1

    def is_total(self, numbers: dict[str, Decimal] | None) -> bool:
        """Every number equals a sum of at least two rows above, and one is not 0: with one row
        above, a location without a name is as likely as a total."""
        if not (self.known and numbers and any(numbers.values())):
            return False
        return any(
            rows >= 2 and all(sums.get(key, Decimal(0)) == value for key, value in numbers.items())
            for sums, rows in ((self.block, self.block_rows), (self.total, self.rows))
        )

    def end_block(self) -> None:
        self.block, self.block_rows = {}, 0


@dataclass
class ReadTable:
    rows: list[dict[str, str]]  # every data row, cells as text, keyed by column key
    lines: list[int]  # the file line each row starts on (1 = the header line)
    errors: list[dict[str, str]]
    warnings: list[str]
    delimiter: str
    positions: dict[str, int]  # column key -> 0-based position in the file
    fatal: bool = False  # the file cannot be read as a whole: no row may be used
    count: int = 0  # data rows in the file, totals rows left out (also those over the maximum)
    sums: _Sums = field(default_factory=_Sums)
    result_file: bool = False  # the header is that of the rekenhulp's own result file
    # An unnamed row with the sums of the rows above: (its line, what it held). It is a totals
    # row only if no data row follows (spreadsheets end with their Totaal).
    pending: tuple[int, str] | None = None
    summary_lines: list[int] = field(default_factory=list)  # its rows that are no location


def read_table(
    text: str,
    table: Table,
    aliases: Aliases | None = None,
    computed: Iterable[str] = (),
    summary: Iterable[str] = (),
    cautions: Cautions | None = None,
) -> ReadTable:
    """Read CSV text into rows of strings. Problems of form (not of content) go into `errors`.

    Empty lines are skipped. A row with more cells than the header is reported and kept with
    the cells that fit under a header, so nothing the user typed disappears without a message.
    A totals row is left out with a warning. Rows past `table.max_rows` are counted, not kept.
    `computed` are the headers of the columns a rekenhulp computes in its result file, and
    `summary` the labels (in column A) of that file's rows that are no location: in a file with
    those computed columns, such rows are left out, with one warning. A header read by an alias
    in `cautions` gets a warning saying what its column means.
    """
    aliases = aliases or {}
    summary_keys = {header_key(label) for label in summary}
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
                _match_header(header, wanted, table, result, start, computed, cautions or {})
                continue
            if result.result_file and header_key(record[0]) in summary_keys:
                result.summary_lines.append(start)
                continue
            _add_row(record, header, start, table, result)
    except csv.Error as exc:
        result.fatal = True
        reason = "een cel is te lang" if "field limit" in str(exc) else "hier breekt het af"
        result.errors.append(
            error(
                table.key,
                f"Regel {line}: het CSV-bestand is niet te lezen: {reason}. Er is niets ingelezen.",
            )
        )
    if header is None and not result.fatal:
        result.fatal = True
        result.errors.append(
            error(table.key, "Het CSV-bestand is leeg: er staat geen kopregel in.")
        )
    _settle_pending(result)
    if result.summary_lines:
        they = "die hoort" if len(result.summary_lines) == 1 else "ze horen"
        result.warnings.append(
            f"{_line_list(result.summary_lines)} niet ingelezen: {they} bij de uitkomst, niet"
            " bij de locaties. De rekenhulp berekent de uitkomst opnieuw met de instellingen op"
            " deze pagina."
        )
    return result


def _line_list(lines: list[int]) -> str:
    """ "Regel 5 is" or "Regels 5, 8 tot en met 12 zijn": file lines, runs as a range."""
    runs: list[list[int]] = []
    for line in lines:
        if runs and line == runs[-1][-1] + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]} tot en met {run[-1]}" for run in runs]
    if len(lines) == 1:
        return f"Regel {lines[0]} is"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return f"Regels {listed} zijn"


def _match_header(
    header: list[str],
    wanted: dict,
    table: Table,
    result: ReadTable,
    line: int,
    computed: Iterable[str] = (),
    cautions: Cautions | None = None,
) -> None:
    unknown: list[tuple[int, str, str]] = []  # position, name, header_key
    for position, name in enumerate(header):
        key = header_key(name)
        column = wanted.get(key)
        if column is None:
            if name.strip():
                unknown.append((position, name.strip(), key))
        elif column.key in result.positions:
            first = column_letter(result.positions[column.key])
            result.warnings.append(
                f"Kolom {column_letter(position)} ‘{name.strip()}’ is niet gebruikt: "
                f"kolom {first} bevat al ‘{column.label}’."
            )
        else:
            result.positions[column.key] = position
    _caution(header, cautions or {}, table, result)
    _report_unknown(unknown, {header_key(name) for name in computed} - set(wanted), result)
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
        result.fatal = True
        known = ", ".join(f"‘{column.label}’" for column in table.columns)
        sep = DELIMITER_NAMES[result.delimiter]
        result.errors.append(
            error(
                "csv",
                f"Regel {line}: de kopregel noemt geen bekende kolom (gelezen met {sep} als "
                f"scheidingsteken). Gebruik de kolomnamen {known}.",
            )
        )


def _caution(header: list[str], cautions: Cautions, table: Table, result: ReadTable) -> None:
    """A warning for each used column whose header is an alias that may hold more."""
    meaning = {header_key(alias): text for alias, text in cautions.items()}
    for key, position in result.positions.items():
        name = header[position].strip()
        if header_key(name) in meaning:
            result.warnings.append(
                f"Kolom {column_letter(position)} ‘{_cut(name)}’ is gelezen als"
                f" ‘{table.column(key).label}’: {meaning[header_key(name)]}"
            )


def _report_unknown(
    unknown: list[tuple[int, str, str]], computed_keys: set[str], result: ReadTable
) -> None:
    """One warning per unknown column, the first ten by name; the computed columns of the
    rekenhulp's own result file in one notice.

    The site's "Uitkomst downloaden (CSV)" read back gives its locations again, with the same
    result: that is what someone who opens that file expects, rather than a refusal that sends
    them to the other button. Its computed columns are ignored (the page computes them again
    from its own settings, which are not in the file) and its Totaal row is left out as any
    totals row."""
    found = [name for _, name, key in unknown if key in computed_keys]
    if computed_keys and len(found) == len(computed_keys):
        result.result_file = True
        names = ", ".join(f"‘{name}’" for name in found)
        result.warnings.append(
            "Dit is een uitkomstbestand van deze rekenhulp. De berekende kolommen"
            f" {names} zijn niet ingelezen: de rekenhulp berekent ze opnieuw met de instellingen"
            " op deze pagina."
        )
        unknown = [column for column in unknown if column[2] not in computed_keys]
    for position, name, _ in unknown[:MAX_UNKNOWN_LISTED]:
        result.warnings.append(
            f"Kolom {column_letter(position)} ‘{_cut(name)}’ is niet gebruikt: "
            "de rekenhulp kent deze kolom niet."
        )
    if len(unknown) > MAX_UNKNOWN_LISTED:
        rest = nl(Decimal(len(unknown) - MAX_UNKNOWN_LISTED))
        result.warnings.append(
            f"Nog {rest} kolommen zijn niet gebruikt: de rekenhulp kent ze niet."
        )


def _cut(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _add_row(
    record: list[str], header: list[str], line: int, table: Table, result: ReadTable
) -> None:
    row = {}
    for column in table.columns:
        position = result.positions.get(column.key)
        cell = record[position] if position is not None and position < len(record) else ""
        row[column.key] = restore(cell.strip())
    _keep_pending(result)  # a data row follows: the row before it is no total
    extra = [cell for cell in record[len(header) :] if cell.strip()]
    if _left_out_as_total(record, row, line, table, result, not extra):
        return
    result.count += 1
    if len(result.rows) >= table.max_rows:
        return  # the file is refused as a whole; only its size is told
    number = len(result.rows) + 1  # the row as the form will show it
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


def _numbers(row: dict[str, str], table: Table) -> dict[str, Decimal] | None:
    """The filled number cells of a row; None when one of them is not a number."""
    numbers = {}
    for column in table.columns:
        if isinstance(column, Field) and row[column.key]:
            try:
                numbers[column.key] = parse_decimal(row[column.key], column.unit)
            except NotANumber:
                return None
    return numbers


def is_total_label(text: str) -> bool:
    """ "Totaal", "TOTAAL:", "Generaal  totaal" and the like."""
    return " ".join(text.casefold().rstrip(":").split()) in TOTAL_LABELS


def _left_out_as_total(
    record: list[str],
    row: dict[str, str],
    line: int,
    table: Table,
    result: ReadTable,
    whole: bool,
) -> bool:
    """True (with a warning) for a row labelled as a total: "Totaal" and the like in a text
    column or in column A. A (`whole`) row without a label whose numbers are the sums of the
    rows above is kept for now, and left out only if it is the last data row of the file
    (_settle_pending): in the middle of a file it is as likely a location without a name."""
    labels = [row[column.key] for column in table.columns if isinstance(column, Text)]
    if 0 not in result.positions.values():
        labels.append(record[0].strip())
    numbers = _numbers(row, table)
    if any(is_total_label(label) for label in labels):
        result.sums.end_block()
        held = _held(record, row, table, result.positions)
        result.warnings.append(
            f"Regel {line} is niet ingelezen: dat is een totaalregel ({held}). De rekenhulp"
            " berekent de totalen zelf."
        )
        return True
    if whole and not any(labels) and result.sums.is_total(numbers):
        result.pending = (line, _held(record, row, table, result.positions))
    result.sums.add(numbers)
    return False


def _keep_pending(result: ReadTable) -> None:
    """A data row follows the unnamed row with the sums: that row stays a location, with a
    question to the user."""
    if result.pending is None:
        return
    line, held = result.pending
    result.pending = None
    result.warnings.append(
        f"Regel {line} heeft precies de som van de regels erboven ({held}), maar staat niet"
        " onderaan: de rekenhulp telt hem als locatie. Is het een totaalregel, haal hem dan weg;"
        " is het een locatie, geef hem dan een naam."
    )


def _settle_pending(result: ReadTable) -> None:
    """The file ends with the unnamed row with the sums: it is the file's totals row."""
    if result.pending is None or not result.lines or result.lines[-1] != result.pending[0]:
        return
    line, held = result.pending
    result.pending = None
    result.rows.pop()
    result.lines.pop()
    result.count -= 1
    result.warnings.append(
        f"Regel {line} is niet ingelezen: de getallen zijn de som van de regels erboven en de"
        f" regel staat onderaan, dus het is een totaalregel ({held}). De rekenhulp berekent de"
        " totalen zelf."
    )


def _held(record: list[str], row: dict[str, str], table: Table, positions: dict[str, int]) -> str:
    """What a row held, for a message: "Locatie ‘Totaal’, Doelgroeppeuters 35"."""
    first = record[0].strip()  # a label may stand in a column A the table does not know
    parts = [] if 0 in positions.values() or not first else [f"‘{_cut(first)}’"]
    for column in sorted(table.columns, key=lambda column: positions.get(column.key, -1)):
        if row[column.key]:
            cell = _cut(row[column.key])
            parts.append(
                f"{column.label} ‘{cell}’" if isinstance(column, Text) else f"{column.label} {cell}"
            )
    return ", ".join(parts)


def _value_name(column, raw: object) -> str:
    """How a CSV message names a cell: by the value in it, or by its column when it is empty."""
    shown = "" if raw is None else str(raw).strip()
    if not shown:
        return f"‘{column.label}’"
    return f"de waarde ‘{_cut(shown)}’"


def import_table(
    data: bytes | str,
    table: Table,
    aliases: Aliases | None = None,
    computed: Iterable[str] = (),
    summary: Iterable[str] = (),
    cautions: Cautions | None = None,
) -> dict:
    """Read and check a table from a file's bytes (or text). Every row is kept, also a bad one,
    so the user can correct it in the page; each bad cell is reported with its line and column
    in the file, with veld "<tabel>[n].<kolom>" for the n-th row (from 1) as the form will show
    it. A file that cannot be read as a whole gives no rows (None), only errors."""
    text, notices = decode(data) if isinstance(data, bytes) else (data, [])
    if text is None:
        return _answer(table, None, [], [error("csv", NOT_TEXT)], notices, ";")
    found = read_table(text, table, aliases, computed, summary, cautions)
    errors = list(found.errors)
    warnings = notices + found.warnings
    if found.count > table.max_rows:
        found.fatal = True
        errors.append(
            error(
                table.key,
                f"Het bestand heeft {nl(Decimal(found.count))} rijen; de rekenhulp neemt er"
                f" hoogstens {nl(Decimal(table.max_rows))}. Er is niets ingelezen: splits het"
                " bestand.",
            )
        )
    if not found.fatal and found.delimiter == ",":
        errors += _points_in_doubt(found, table)
        found.fatal = len(errors) > len(found.errors)
    if found.fatal:
        return _answer(table, None, [], errors, warnings, found.delimiter)
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
    return _answer(table, found.rows, found.lines, errors, warnings, found.delimiter)


MAX_DOUBTS = 10  # cells in doubt named one by one; the rest are counted


def _points_in_doubt(found: ReadTable, table: Table) -> list[dict[str, str]]:
    """In a comma-separated file a point in a number may be a decimal point (an English
    spreadsheet) or a thousands dot (a Dutch one that writes numbers as shown): `15.500` is 15,5
    or 15500. The form would read 15500, so such a file is not read at all: nothing is
    computed from a number in doubt."""
    doubts = []
    for row, line in zip(found.rows, found.lines, strict=True):
        for column in table.columns:
            if isinstance(column, Field) and not column.whole and row.get(column.key):
                try:
                    parse_decimal(row[column.key], column.unit, point_may_be_decimal=True)
                except AmbiguousPoint as problem:
                    where = f"Regel {line}, kolom {column_letter(found.positions[column.key])}"
                    name = f"{where} ({column.label}) ‘{_cut(row[column.key])}’"
                    doubts.append(ambiguous_point(name, problem))
                except NotANumber:
                    pass  # reported with the row
    if not doubts:
        return []
    first = (
        "Er is niets ingelezen: het bestand heeft komma's tussen de cellen, en dan is niet zeker"
        " of een punt in een getal een decimaalteken is. Sla het op met puntkomma's (‘CSV"
        " (gescheiden door lijstscheidingsteken)’ in een Nederlandse spreadsheet), of schrijf"
        " decimalen met een komma."
    )
    shown = doubts[:MAX_DOUBTS]
    more = len(doubts) - len(shown)
    tail = [f"En {nl(Decimal(more))} getallen meer met dezelfde twijfel."] if more else []
    return [error("csv", text) for text in [first, *shown, *tail]]


def _answer(
    table: Table,
    rows: list | None,
    lines: list[int],
    errors: list[dict[str, str]],
    warnings: list[str],
    delimiter: str,
) -> dict:
    return {
        table.key: rows,
        "bestandsregels": lines,
        "fouten": errors,
        "waarschuwingen": warnings,
        "scheidingsteken": delimiter,
    }
