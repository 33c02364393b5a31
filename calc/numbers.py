"""Dutch number handling: parsing what people type, and nl-NL display strings.

Display strings are made here, in Python, so the site build and the browser print the same text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, localcontext

# The one grammar for a number typed by a person (a form field, a JSON string, a list item, a
# CSV cell); everything else is refused rather than guessed:
#   - digits with at most one decimal comma or decimal point: `24,5`, `24.5`, `,5`, `1234.5`;
#   - groups of three digits after a first group of one to three (not starting with 0), split by
#     dots or spaces, then an optional decimal comma (or a decimal point after space groups):
#     `1.234,5`, `1.250` (= 1250, as this site displays it), `1 234,5`, `1 234.5`.
# A leading minus; ASCII digits only. `1,250.5`, `24,5.5`, `1.25,5` and the like are refused.
# The two alternatives are unambiguous, so matching takes linear time on any text.
_GROUP_SEPARATORS = " \u00a0\u202f\u2009"  # space, no-break, narrow no-break and thin space
_NUMBER = re.compile(
    rf"""(?P<sign>-?)(?:
        (?P<head>[1-9][0-9]{{0,2}})
        (?P<groups>(?P<sep>[.{_GROUP_SEPARATORS}])[0-9]{{3}}(?:(?P=sep)[0-9]{{3}})*)
        (?:(?P<gmark>[,.])(?P<gfraction>[0-9]*))?
      | (?P<whole>[0-9]*)(?:[,.](?P<fraction>[0-9]*))?
    )""",
    re.VERBOSE,
)
_NUMBER_CHARACTERS = frozenset("0123456789.,-" + _GROUP_SEPARATORS)
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


class NotANumber(ValueError):
    pass


class BadSeparators(NotANumber):
    """Digits with dots, commas or spaces in places that leave the number in doubt."""


class AmbiguousPoint(NotANumber):
    """`1.125` where a decimal point is as likely as a thousands dot: 1,125 or 1125."""

    def __init__(self, raw: str, grouped: Decimal, decimal: Decimal):
        super().__init__(raw)
        self.grouped = grouped
        self.decimal = decimal


class TooLong(NotANumber):
    """A JSON integer with more digits than Python reads as an int."""

    def __init__(self, digits: int):
        super().__init__(digits)
        self.digits = digits


class WrongUnit(NotANumber):
    """A number with a unit that does not belong to the field (`found`, `expected`: UNITS keys;
    `expected` is "" for a field without a unit)."""

    def __init__(self, found: str, expected: str):
        super().__init__(found, expected)
        self.found = found
        self.expected = expected


class LongInteger:
    """A JSON integer longer than Python's int max str digits, kept as its text: the JSON
    reader (calc.api) gives it to the fields, which say the number is too long."""

    def __init__(self, text: str):
        self.text = text

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Unit:
    noun: str  # how a message names a value of this unit: "een bedrag in euro"
    suffixes: tuple[str, ...]  # written after the number, compared case-insensitively
    prefix: str = ""  # written before it: "€ 42,50"

    def write(self, number: str) -> str:
        return f"{self.prefix} {number}" if self.prefix else f"{number} {self.suffixes[0]}"


# The units a field may declare (fields.Field.unit); a number typed with its field's unit is
# read without it, with any other unit it is refused with a message naming the expected one.
UNITS = {
    "euro": Unit("een bedrag in euro", ("euro", "eur", "€"), prefix="€"),
    "procent": Unit("een percentage", ("%", "procent")),
    "fte": Unit("een aantal fte", ("fte",)),
    "uur": Unit("een aantal uren", ("uur", "uren", "u")),
}
NO_UNIT = "een getal zonder eenheid"
_SUFFIXES = sorted(
    ((suffix, key) for key, unit in UNITS.items() for suffix in unit.suffixes),
    key=lambda pair: -len(pair[0]),
)


def split_unit(text: str) -> tuple[str, str]:
    """(the number's text, the UNITS key written with it, or "")."""
    text = text.strip()
    for key, unit in UNITS.items():
        if unit.prefix and text.startswith(unit.prefix):
            return text[len(unit.prefix) :].strip(), key
    folded = text.casefold()
    for suffix, key in _SUFFIXES:
        rest = folded[: -len(suffix)]
        # "12 uur", "12u", "3,5%"; but not "12 kuur": a unit word is not the end of a word
        if folded.endswith(suffix) and not (suffix.isalpha() and rest[-1:].isalpha()):
            return text[: len(rest)].strip(), key
    return text, ""


def parse_decimal(
    raw: object, unit: str = "", point_may_be_decimal: bool = False
) -> Decimal | None:
    """Read a number as a Dutch user or a JSON client writes it; None for an empty field.

    Text follows the grammar above, optionally with `unit` (a UNITS key): `€ 42,50` in a euro
    field, `3,5 %` in a percentage field. JSON numbers are read as they are. With
    `point_may_be_decimal` (a field where three decimals are a plausible value, such as fte),
    `1.125` is refused as AmbiguousPoint: 1,125 and 1125 are both likely, and a thousandfold
    misreading must never pass silently.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise NotANumber(raw)
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise NotANumber(raw)
        return Decimal(repr(raw))
    if isinstance(raw, LongInteger):
        raise TooLong(len(raw.text.lstrip("-")))
    if not isinstance(raw, str):
        raise NotANumber(raw)
    if raw.strip() == "":
        return None
    text, found = split_unit(raw)
    if found != unit and found:
        raise WrongUnit(found, unit)
    return _read_number(text, raw, point_may_be_decimal)


def _read_number(text: str, raw: str, point_may_be_decimal: bool = False) -> Decimal:
    found = _NUMBER.fullmatch(text)
    if found is None or (found["sep"] == "." and found["gmark"] == "."):
        if text and set(text) <= _NUMBER_CHARACTERS and any(c.isdigit() for c in text):
            raise BadSeparators(raw)
        raise NotANumber(raw)
    if found["head"]:
        whole = found["head"] + found["groups"].replace(found["sep"], "")
        fraction = found["gfraction"]
        one_dot_group = found["sep"] == "." and len(found["groups"]) == 4
        if point_may_be_decimal and one_dot_group and found["gmark"] is None:
            sign = found["sign"]
            point = Decimal(sign + found["head"] + found["groups"])
            raise AmbiguousPoint(raw, Decimal(sign + whole), point)
    else:
        whole, fraction = found["whole"], found["fraction"]
    if not (whole or fraction):
        raise NotANumber(raw)
    return Decimal(found["sign"] + (whole or "0") + ("." + fraction if fraction else ""))


def rounded(value: Decimal, places: int) -> Decimal:
    """`value` rounded half up to `places` decimals, however many digits it has (the default
    context's 28 would make quantize fail on a large amount)."""
    with localcontext() as context:
        context.prec = max(context.prec, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """Exact decimal string without exponent or trailing zeros: '245', '243.5'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def nl(value: Decimal, places: int | None = None) -> str:
    """nl-NL display: '1.234,5'. With `places`, rounded half up to that many decimals."""
    text = plain(value) if places is None else format(rounded(value, places), "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def round_up(value: Decimal) -> Decimal:
    """Minimum hours are never rounded down."""
    return value.to_integral_value(rounding=ROUND_CEILING)


def hours(value: Decimal) -> str:
    return f"{nl(value)} uur"


def euro(value: Decimal) -> str:
    return f"€ {nl(value, 2)}"


def date_nl(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
