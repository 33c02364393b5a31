"""Rekenhulp `uren`: the minimum yearly hours of the pedagogisch beleidsmedewerker for a houder.

total = IKK beleid + IKK coaching + VE, each part a rule from rules.toml applied on the
peildatum 1 January of the chosen year.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calc import rules
from calc.fields import Field
from calc.html import e, rule_cite
from calc.numbers import date_nl, hours, nl, plain, round_up

NAME = "uren"
TITLE = "Rekenhulp: minimum uren pedagogisch beleidsmedewerker"
FIRST_YEAR = rules.rule("ikk_beleid_uren_per_kindercentrum").start.year
LAST_YEAR = 2100

FIELDS = (
    Field(
        key="jaar",
        label="Jaar",
        hint="Het kalenderjaar waarvoor u rekent. Peildatum is 1 januari van dat jaar.",
        example="2026",
        minimum=Decimal(FIRST_YEAR),
        maximum=Decimal(LAST_YEAR),
        range_message=(
            f"‘Jaar’ moet liggen tussen {FIRST_YEAR} en {LAST_YEAR}: de norm voor de "
            f"pedagogisch beleidsmedewerker geldt sinds 1 januari {FIRST_YEAR}."
        ),
    ),
    Field(
        key="kindercentra",
        label="Aantal kindercentra",
        hint="Elke registratie in het LRK telt als één kindercentrum, ook een KDV en BSO in één gebouw.",
        example="3",
        maximum=Decimal(10_000),
    ),
    Field(
        key="fte",
        label="Fte pedagogisch medewerkers op 1 januari",
        hint="36 uur per week is 1 fte. Decimalen met een komma, bijvoorbeeld 24,5.",
        example="24,5",
        maximum=Decimal(100_000),
        whole=False,
    ),
    Field(
        key="doelgroeppeuters",
        label="Aantal doelgroeppeuters in VE op 1 januari",
        hint="Peuters met een VE-indicatie van uw gemeente. Vul 0 in als u geen VE aanbiedt.",
        example="37",
        maximum=Decimal(1_000_000),
    ),
)

# What a page shows when its preset says nothing else: an illustration, not a norm.
EXAMPLE = {"jaar": 2026, "kindercentra": 3, "fte": "24,5", "doelgroeppeuters": 37}


def _count(value: Decimal, one: str, many: str) -> str:
    return f"{nl(value)} {one if value == 1 else many}"


def _part(key: str, rule_key: str, quantity: Decimal, counted: str, day: date) -> dict:
    rule = rules.rule(rule_key)
    per = rule.value_on(day)
    applies = per is not None
    amount = quantity * per if applies else Decimal(0)
    return {
        "sleutel": key,
        "naam": rule.name,
        "van_toepassing": applies,
        "uren": plain(amount),
        "weergave": hours(amount),
        "berekening": (
            f"{counted} × {hours(per)}" if applies else f"geldt pas vanaf {date_nl(rule.start)}"
        ),
        "regel": describe(rule),
    }


def describe(rule: rules.Rule) -> dict:
    """What the page shows of a rule: article, source and how sure we are of it."""
    return {
        "sleutel": rule.key,
        "artikel": rule.article,
        "bron": rule.source.title,
        "url": rule.source.url,
        "status": rule.status,
        "status_tekst": rule.status_label,
    }


def compute(values: dict[str, Decimal]) -> dict:
    year = int(values["jaar"])
    day = date(year, 1, 1)
    parts = [
        _part(
            "ikk_beleid",
            "ikk_beleid_uren_per_kindercentrum",
            values["kindercentra"],
            _count(values["kindercentra"], "kindercentrum", "kindercentra"),
            day,
        ),
        _part(
            "ikk_coaching",
            "ikk_coaching_uren_per_fte",
            values["fte"],
            f"{nl(values['fte'])} fte",
            day,
        ),
        _part(
            "ve",
            "ve_uren_per_doelgroeppeuter",
            values["doelgroeppeuters"],
            _count(values["doelgroeppeuters"], "doelgroeppeuter", "doelgroeppeuters"),
            day,
        ),
    ]
    total = sum((Decimal(part["uren"]) for part in parts), Decimal(0))
    rounded = round_up(total)
    result = {
        "rekenhulp": "uren",
        "jaar": year,
        "peildatum": day.isoformat(),
        "invoer": {key: plain(value) for key, value in values.items()},
        "onderdelen": parts,
        "totaal_uren": plain(total),
        "totaal_uren_afgerond": plain(rounded),
        "weergave": {
            "totaal": hours(total),
            "totaal_afgerond": hours(rounded),
            "peildatum": date_nl(day),
        },
    }
    for part in parts:
        result[f"{part['sleutel']}_uren"] = part["uren"]
    return result


def render(result: dict) -> str:
    """The answer as HTML: total, a table of the parts with rule and source, the peildatum."""
    shown = result["weergave"]
    rows = "".join(
        f'<tr data-onderdeel="{e(part["sleutel"])}">'
        f'<th scope="row">{e(part["naam"])}</th>'
        f"<td>{e(part['berekening'])}</td>"
        f'<td class="rh-getal" data-waarde="{e(part["uren"])}">{e(part["weergave"])}</td>'
        f"<td>{rule_cite(part['regel'])}</td></tr>"
        for part in result["onderdelen"]
    )
    rounding = (
        ""
        if result["totaal_uren"] == result["totaal_uren_afgerond"]
        else f" Naar boven afgerond op hele uren: <strong>{e(shown['totaal_afgerond'])}</strong>."
    )
    return (
        '<div class="rh-uitkomst">'
        f'<p class="rh-totaal">Minimaal <strong data-uitkomst="totaal">{e(shown["totaal"])}</strong>'
        f" pedagogisch beleidsmedewerker in {e(result['jaar'])}.{rounding}</p>"
        '<table class="rh-tabel"><caption>Opbouw van de uren per jaar</caption>'
        '<thead><tr><th scope="col">Onderdeel</th><th scope="col">Berekening</th>'
        '<th scope="col">Uren per jaar</th><th scope="col">Regel en bron</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        f'<tfoot><tr><th scope="row">Totaal</th><td></td>'
        f'<td class="rh-getal" data-waarde="{e(result["totaal_uren"])}">{e(shown["totaal"])}</td>'
        "<td></td></tr></tfoot></table>"
        f'<p class="rh-toelichting">Peildatum {e(shown["peildatum"])}. De uren zijn exact berekend;'
        " een minimum wordt nooit naar beneden afgerond.</p>"
        "</div>"
    )
