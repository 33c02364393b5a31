"""Input fields of a rekenhulp: one declaration drives parsing, Dutch messages and the form.

A rekenhulp's FIELDS is a tuple of specs, each with `key`, `label`, `hint`, `parse(raw)` (the
value, or ValueError with a Dutch message naming the field) and `shown(value)` (the text its
form shows for a preset value):

- Field: a number (Decimal), the original scalar input;
- DateField: a Dutch (`1-9-2026`, `1 september 2026`) or ISO (`2026-09-01`) date;
- Choice: one of a few options, shown as a select;
- NumberList: several numbers in one text field (`2,5; 3,1`) or a JSON list;
- Table: rows of cells, each column a Field, Text or YesNo. Errors name the cell as
  `veld = "medewerkers[2].uren_per_week"`, rows numbered from 1 as the form shows them
  (empty rows included in the count, and skipped in the value).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calc.numbers import (
    MONTHS,
    NO_UNIT,
    UNITS,
    AmbiguousPoint,
    BadSeparators,
    NotANumber,
    TooLong,
    WrongUnit,
    nl,
    parse_decimal,
    plain,
    split_unit,
)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    hint: str
    example: str
    maximum: Decimal
    minimum: Decimal = Decimal(0)
    whole: bool = True
    max_decimals: int = 6
    range_message: str = ""  # replaces the generic minimum/maximum message where it says more
    required: bool = True  # False: an empty field reads as None
    label_suffix: str = ""  # shown after the label in the form, e.g. "(optioneel)"
    unit: str = ""  # a key of numbers.UNITS: "€ 42,50" is read in a "euro" field
    year: bool = False  # a year: written without a thousands dot in messages

    @property
    def inputmode(self) -> str:
        return "numeric" if self.whole else "decimal"

    @property
    def point_may_be_decimal(self) -> bool:
        """Three decimals are a valid value here (1,125 fte), so `1.125` is in doubt."""
        return not self.whole and self.max_decimals >= 3

    def parse(self, raw: object, name: str = "") -> Decimal | None:
        return check(self, raw, name)

    def blank(self, raw: object) -> bool:
        return _blank(raw)

    def shown(self, value: object) -> str:
        return "" if value is None else str(value)


class InputError(ValueError):
    """One or more fields are invalid; `errors` is the list the outside world sees."""

    def __init__(self, errors: list[dict[str, str]]):
        super().__init__(errors)
        self.errors = errors


def error(field: str, message: str) -> dict[str, str]:
    return {"veld": field, "melding": message}


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def check(field: Field, raw: object, name: str = "") -> Decimal | None:
    """The field's value, or ValueError with the Dutch message for the user.

    `name` is how the message names the field (default: the label in quotes); an empty
    optional field gives None.
    """
    name = name or f"‘{field.label}’"
    try:
        number = parse_decimal(raw, field.unit, point_may_be_decimal=field.point_may_be_decimal)
    except NotANumber as exc:
        raise ValueError(_not_a_number(field, name, exc)) from None
    if number is None:
        if not field.required:
            return None
        raise ValueError(f"Vul bij {name} een getal in, bijvoorbeeld {field.example}.")
    if number < 0 and field.minimum >= 0:
        raise ValueError(f"{name} kan niet negatief zijn. Vul 0 of meer in.")
    if field.whole and number != number.to_integral_value():
        raise ValueError(f"{name} moet een heel getal zijn, bijvoorbeeld {field.example}.")
    if -number.as_tuple().exponent > field.max_decimals:
        raise ValueError(
            f"{name} heeft te veel decimalen: gebruik er hoogstens {field.max_decimals}."
        )
    if not field.minimum <= number <= field.maximum:
        shown = plain if field.year else nl
        raise ValueError(
            field.range_message
            or f"{name} moet liggen tussen {shown(field.minimum)} en {shown(field.maximum)}."
        )
    return number.to_integral_value() if field.whole else number


def ambiguous_point(name: str, problem: AmbiguousPoint) -> str:
    decimal, grouped = nl(problem.decimal), plain(problem.grouped)
    return (
        f"{name}: bedoelt u {decimal} of {grouped}? De punt kan hier beide betekenen. Schrijf"
        f" decimalen met een komma ({decimal}), en een getal vanaf duizend zonder punt ({grouped})."
    )


def _not_a_number(field: Field, name: str, problem: NotANumber) -> str:
    """The message for text that is not a number of this field, with an example that works."""
    example = field.example
    if field.unit:
        example += " of " + UNITS[field.unit].write(field.example)
    if isinstance(problem, WrongUnit):
        expected = UNITS[field.unit].noun if field.unit else NO_UNIT
        found = UNITS[problem.found].noun.removeprefix("een ")
        return f"{name} is {expected}, geen {found}. Vul bijvoorbeeld {example} in."
    if isinstance(problem, AmbiguousPoint):
        return ambiguous_point(name, problem)
    if isinstance(problem, TooLong):
        digits = nl(Decimal(problem.digits))
        return f"{name} is een te lang getal ({digits} cijfers). Vul bijvoorbeeld {example} in."
    if isinstance(problem, BadSeparators):
        grouped = "1.250" if field.whole else "1.250,5"
        return (
            f"{name} is geen getal dat de rekenhulp zeker goed leest. Schrijf bijvoorbeeld"
            f" {example}: {'' if field.whole else 'decimalen na één komma, en '}punten alleen"
            f" tussen groepen van drie cijfers, zoals in {grouped}."
        )
    return f"{name} is geen getal. Vul alleen cijfers in, bijvoorbeeld {example}."


@dataclass(frozen=True)
class Text:
    """Free text, such as a name. Stored and shown as text only; never parsed as HTML."""

    key: str
    label: str
    hint: str
    example: str = ""
    max_length: int = 80
    required: bool = False
    label_suffix: str = ""
    inputmode = "text"

    def parse(self, raw: object, name: str = "") -> str:
        name = name or f"‘{self.label}’"
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            raise ValueError(f"{name} moet tekst zijn.")
        text = " ".join("".join(c if c.isprintable() else " " for c in raw).split())
        if not text and self.required:
            raise ValueError(f"Vul bij {name} iets in, bijvoorbeeld {self.example}.")
        if len(text) > self.max_length:
            raise ValueError(f"{name} is te lang: gebruik hoogstens {self.max_length} tekens.")
        return text

    def blank(self, raw: object) -> bool:
        return _blank(raw)

    def shown(self, value: object) -> str:
        return "" if value is None else str(value)


YES = ("ja", "j")
NO = ("nee", "n")


@dataclass(frozen=True)
class YesNo:
    """Ja of nee: JSON true/false or the text "ja"/"nee"; empty means `default`."""

    key: str
    label: str
    hint: str
    default: bool = False
    label_suffix: str = ""

    def parse(self, raw: object, name: str = "") -> bool:
        name = name or f"‘{self.label}’"
        if isinstance(raw, bool):
            return raw
        if _blank(raw):
            return self.default
        if isinstance(raw, str) and raw.strip().lower() in YES + NO:
            return raw.strip().lower() in YES
        raise ValueError(f"Vul bij {name} ‘ja’ of ‘nee’ in.")

    def blank(self, raw: object) -> bool:
        """Left as it was: an untouched ja/nee does not make a row count."""
        try:
            return self.parse(raw) == self.default
        except ValueError:
            return False

    def shown(self, value: object) -> str:
        try:
            return "ja" if self.parse(value) else "nee"
        except ValueError:
            return str(value)


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_WORDS = re.compile(r"(\d{1,2}) ([a-z]+) (\d{4})")


def parse_date(raw: str) -> date | None:
    """`1-9-2026`, `01/09/2026`, `1.9.2026`, `1 september 2026` or `2026-09-01`; else None."""
    text = " ".join(raw.strip().lower().split())
    if found := _ISO.fullmatch(text):
        year, month, day = found.groups()
    elif found := _DMY.fullmatch(text):
        day, month, year = found.groups()
    elif (found := _WORDS.fullmatch(text)) and found.group(2) in MONTHS:
        day, year = found.group(1), found.group(3)
        month = str(MONTHS.index(found.group(2)) + 1)
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the last day of the month where it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class DateField:
    key: str
    label: str
    hint: str
    example: str
    minimum: date
    maximum: date
    required: bool = False
    label_suffix: str = ""
    inputmode = "text"

    def parse(self, raw: object, name: str = "") -> date | None:
        name = name or f"‘{self.label}’"
        if _blank(raw):
            if self.required:
                raise ValueError(f"Vul bij {name} een datum in, bijvoorbeeld {self.example}.")
            return None
        found = parse_date(raw) if isinstance(raw, str) else None
        if found is None:
            raise ValueError(
                f"{name} is geen geldige datum. Schrijf dag-maand-jaar, bijvoorbeeld {self.example}."
            )
        if not self.minimum <= found <= self.maximum:
            raise ValueError(
                f"{name} moet liggen tussen {self.minimum.day}-{self.minimum.month}-"
                f"{self.minimum.year} en {self.maximum.day}-{self.maximum.month}-{self.maximum.year}."
            )
        return found

    def blank(self, raw: object) -> bool:
        return _blank(raw)

    def shown(self, value: object) -> str:
        if isinstance(value, date):
            return f"{value.day}-{value.month}-{value.year}"
        return "" if value is None else str(value)


@dataclass(frozen=True)
class Choice:
    """One of a few options, shown as a select. `options` are (value, text) pairs; an empty
    input means `default` (the first option when not given)."""

    key: str
    label: str
    hint: str
    options: tuple[tuple[str, str], ...]
    default: str | None = None
    label_suffix: str = ""

    @property
    def standard(self) -> str:
        return self.options[0][0] if self.default is None else self.default

    def parse(self, raw: object, name: str = "") -> str:
        name = name or f"‘{self.label}’"
        if _blank(raw):
            return self.standard
        if isinstance(raw, str) and raw.strip() in (value for value, _ in self.options):
            return raw.strip()
        known = ", ".join(f"‘{value}’" for value, _ in self.options if value)
        raise ValueError(f"Kies bij {name} een van: {known}.")

    def blank(self, raw: object) -> bool:
        return _blank(raw) or raw == self.standard

    def shown(self, value: object) -> str:
        return self.standard if _blank(value) else str(value)


@dataclass(frozen=True)
class NumberList:
    """Several numbers in one text field, separated by `;`, spaces or line breaks (`2,5; 3,1`),
    or a JSON list. Each is checked as `item`; messages name it "`item_noun` 2" and all go to
    the field itself (`veld` = key), which is the one input the form has."""

    key: str
    label: str
    hint: str
    item: Field
    item_noun: str
    example: str  # the whole field, e.g. "2,5; 3,1"
    max_items: int = 100
    label_suffix: str = ""
    inputmode = "text"  # a decimal keypad has no `;` and often no minus sign

    def parse(self, raw: object, name: str = "") -> list[Decimal]:
        name = name or f"‘{self.label}’"
        if _blank(raw):
            return []
        if isinstance(raw, str):
            items: list = _with_units(raw.replace(";", " ").split())
        elif isinstance(raw, list):
            items = raw
        else:
            raise ValueError(f"Vul bij {name} getallen in, bijvoorbeeld {self.example}.")
        if len(items) > self.max_items:
            raise ValueError(
                f"{name} heeft {len(items)} getallen; de rekenhulp neemt er hoogstens "
                f"{self.max_items}."
            )
        found, errors = [], []
        for number, item in enumerate(items, start=1):
            noun = f"{self.item_noun} {number}"
            if _blank(item):
                errors.append(
                    error(
                        self.key,
                        f"{noun} is leeg. Vul een getal in (0 mag), bijvoorbeeld "
                        f"{self.item.example}.",
                    )
                )
                continue
            try:
                found.append(check(self.item, item, noun))
            except ValueError as exc:
                errors.append(error(self.key, str(exc)))
        if errors:
            raise InputError(errors)
        return found

    def blank(self, raw: object) -> bool:
        return _blank(raw) or raw == []

    def shown(self, value: object) -> str:
        if isinstance(value, list):
            return "; ".join(
                plain(item).replace(".", ",") if isinstance(item, Decimal) else str(item)
                for item in value
            )
        return "" if value is None else str(value)


def _with_units(words: list[str]) -> list[str]:
    """Words of a list field, with a unit written apart joined to its number: "2,5 %" and
    "€ 3" stay one item, so the item's check can read the unit (or refuse it)."""
    items: list[str] = []
    prefix = ""
    for word in words:
        number, unit = split_unit(word)
        if unit and not number and word == UNITS[unit].prefix:
            prefix += word + " "  # "€" before its number
        elif unit and not number and items and not prefix:
            items[-1] += " " + word  # "%" after its number
        else:
            items.append(prefix + word)
            prefix = ""
    if prefix:
        items.append(prefix.strip())
    return items


Column = Field | Text | YesNo


@dataclass(frozen=True)
class Table:
    """Rows of cells, e.g. one row per employee or per location.

    The value is a list of dicts, one per row that is not empty, each with "rij" (its number in
    the input, from 1) and a value per column. A row is empty when no cell holds anything (a
    YesNo still at its default counts as empty): the form always ends with one empty row.
    Columns whose need depends on other cells are declared not required; the rekenhulp checks
    them and reports with `cell_error`.
    """

    key: str
    label: str
    hint: str
    columns: tuple[Column, ...]
    max_rows: int = 100
    row_noun: str = "rij"  # how a message names a row: "rij 2"
    label_suffix: str = "(optioneel)"

    def cell(self, row: int, column: str) -> str:
        """The `veld` of one cell in an error: "medewerkers[2].uren_per_week"."""
        return f"{self.key}[{row}].{column}"

    def cell_name(self, row: int, column: Column) -> str:
        return f"‘{column.label}’ in {self.row_noun} {row} van ‘{self.label}’"

    def cell_error(self, row: int, column_key: str, message: str) -> dict[str, str]:
        return error(self.cell(row, column_key), message)

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)

    def is_empty(self, cells: dict) -> bool:
        """No cell holds anything (a YesNo at its default counts as empty)."""
        return all(column.blank(cells.get(column.key)) for column in self.columns)

    def read_row(
        self, cells: dict, name: Callable[[Column, object], str]
    ) -> tuple[dict, list[tuple[str, str]]]:
        """Every cell's value, and (column key, message) per bad cell. `name(column, raw)` is
        how a message names the cell: by row in the form, by its value in a CSV import."""
        values, problems = {}, []
        for column in self.columns:
            raw = cells.get(column.key)
            try:
                values[column.key] = column.parse(raw, name(column, raw))
            except ValueError as exc:
                problems.append((column.key, str(exc)))
        return values, problems

    def parse(self, raw: object, name: str = "") -> list[dict]:
        if raw is None or raw == "":
            return []
        if not isinstance(raw, list):
            raise InputError(
                [
                    error(
                        self.key,
                        f"‘{self.label}’ moet een lijst van rijen zijn, ook als die leeg is.",
                    )
                ]
            )
        if len(raw) > self.max_rows:
            raise InputError(
                [
                    error(
                        self.key,
                        f"‘{self.label}’ heeft {len(raw)} rijen; de rekenhulp neemt er hoogstens "
                        f"{self.max_rows}.",
                    )
                ]
            )
        rows, errors = [], []
        for number, cells in enumerate(raw, start=1):
            if not isinstance(cells, dict):
                errors.append(
                    error(
                        f"{self.key}[{number}]",
                        f"Rij {number} van ‘{self.label}’ moet per kolom een waarde hebben.",
                    )
                )
                continue
            if self.is_empty(cells):
                continue
            values, problems = self.read_row(
                cells, lambda column, _raw, number=number: self.cell_name(number, column)
            )
            errors.extend(self.cell_error(number, key, message) for key, message in problems)
            rows.append({"rij": number, **values})
        if errors:
            raise InputError(errors)
        return rows

    def blank(self, raw: object) -> bool:
        return not raw

    def shown(self, value: object) -> list[dict[str, str]]:
        """The form's preset rows: every column's text, in column order."""
        rows = value if isinstance(value, list) else []
        return [
            {column.key: column.shown(row.get(column.key)) for column in self.columns}
            for row in rows
            if isinstance(row, dict)
        ]


Spec = Field | DateField | Choice | NumberList | Table


def collect(fields: tuple[Spec, ...], data: object) -> tuple[dict, list[dict[str, str]]]:
    """Every valid field of `data` (a JSON object) and the errors of the others, for a
    rekenhulp that checks more (one field against another) before it reports them all."""
    if not isinstance(data, dict):
        raise InputError(
            [error("invoer", "De invoer moet een JSON-object zijn met een waarde per veld.")]
        )
    values, errors = {}, []
    for field in fields:
        try:
            values[field.key] = field.parse(data.get(field.key))
        except InputError as exc:
            errors.extend(exc.errors)
        except ValueError as exc:
            errors.append(error(field.key, str(exc)))
    return values, errors


def read(fields: tuple[Spec, ...], data: object) -> dict:
    """Parse every field of `data` (a JSON object); collect all errors, not just the first."""
    values, errors = collect(fields, data)
    if errors:
        raise InputError(errors)
    return values
