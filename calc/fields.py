"""Input fields of a rekenhulp: one declaration drives parsing, Dutch messages and the form."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calc.numbers import NotANumber, nl, parse_decimal


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

    @property
    def inputmode(self) -> str:
        return "numeric" if self.whole else "decimal"


class InputError(ValueError):
    """One or more fields are invalid; `errors` is the list the outside world sees."""

    def __init__(self, errors: list[dict[str, str]]):
        super().__init__(errors)
        self.errors = errors


def error(field: str, message: str) -> dict[str, str]:
    return {"veld": field, "melding": message}


def check(field: Field, raw: object) -> Decimal:
    """The field's value, or ValueError with the Dutch message for the user."""
    name = f"‘{field.label}’"
    try:
        number = parse_decimal(raw)
    except NotANumber:
        raise ValueError(
            f"{name} is geen getal. Vul alleen cijfers in, bijvoorbeeld {field.example}."
        ) from None
    if number is None:
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
        raise ValueError(
            field.range_message
            or f"{name} moet liggen tussen {nl(field.minimum)} en {nl(field.maximum)}."
        )
    return number.to_integral_value() if field.whole else number


def read(fields: tuple[Field, ...], data: object) -> dict[str, Decimal]:
    """Parse every field of `data` (a JSON object); collect all errors, not just the first."""
    if not isinstance(data, dict):
        raise InputError(
            [error("invoer", "De invoer moet een JSON-object zijn met een waarde per veld.")]
        )
    values, errors = {}, []
    for field in fields:
        try:
            values[field.key] = check(field, data.get(field.key))
        except ValueError as exc:
            errors.append(error(field.key, str(exc)))
    if errors:
        raise InputError(errors)
    return values
