"""Dutch number handling: parsing what people type, and nl-NL display strings.

Display strings are made here, in Python, so the site build and the browser print the same text.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation

_THOUSANDS = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+")
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\t")
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


def parse_decimal(raw: object) -> Decimal | None:
    """Read a number as a Dutch user or a JSON client writes it; None for an empty field.

    Accepts `24,5`, `24.5`, `1.234,5`, `1 234`, and JSON numbers. Without a comma, dots that
    split the digits into groups of three after a non-zero first group are Dutch thousands
    separators (`1.250` is 1250, as this site displays it); any other single dot is a decimal
    point (people type `24.5`, `0.125`).
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
    if not isinstance(raw, str):
        raise NotANumber(raw)
    text = raw.translate(_SPACES)
    if text == "":
        return None
    if "," in text:
        if text.count(",") > 1:
            raise NotANumber(raw)
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    if not _plain_number(text):
        raise NotANumber(raw)
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - _plain_number already guards
        raise NotANumber(raw) from exc


def _plain_number(text: str) -> bool:
    """Digits with at most one point and an optional leading minus; no exponents, no NaN."""
    body = text[1:] if text.startswith("-") else text
    whole, _, fraction = body.partition(".")
    return (whole + fraction).isdigit() and (whole.isdigit() or fraction.isdigit())


def plain(value: Decimal) -> str:
    """Exact decimal string without exponent or trailing zeros: '245', '243.5'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def nl(value: Decimal, places: int | None = None) -> str:
    """nl-NL display: '1.234,5'. With `places`, rounded half up to that many decimals."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = format(value, "f")
    else:
        text = plain(value)
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
