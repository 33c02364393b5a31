"""Rekenhulp `uren`: the minimum yearly hours of the pedagogisch beleidsmedewerker for a houder.

total = IKK beleid + IKK coaching + VE, each part a rule from rules.toml applied on the
peildatum 1 January of the chosen year.

Two inputs may replace a single number:
- `medewerkers` (rows of weekly hours) replaces `fte`: fte = sum of the hours / 36. When the list
  has a filled row it wins, and the result says that a typed `fte` was not used.
- `locaties` (rows of doelgroeppeuters) replaces `doelgroeppeuters` in the same way; the VE hours
  are then shown per location and in total.

Arithmetic is exact (fractions): hours / 36 is often no finite decimal (32 / 36 = 0,888…).
A value that is one is given exactly; any other is rounded UP (hours to 3 decimals, fte to 4),
so a minimum is never understated. The whole-hour total is always rounded up.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal, localcontext
from fractions import Fraction

from calc import rules, svg
from calc.fields import Field, InputError, Table, Text, YesNo, add_months, error
from calc.html import e, rule_cite
from calc.numbers import date_nl, hours, nl, plain

NAME = "uren"
TITLE = "Rekenhulp: minimum uren pedagogisch beleidsmedewerker"
FIRST_YEAR = rules.rule("ikk_beleid_uren_per_kindercentrum").start.year
LAST_YEAR = 2100
# Decimals of a figure that is no finite decimal, rounded up. Staff hours have at most 2 decimals,
# so a finite fte (hours / 36) has at most 4 and finite coaching hours (× 10) at most 3: rounding
# up to as many places keeps the shown figures monotone (more staff never shows fewer hours).
HOUR_PLACES = 3
FTE_PLACES = 4
_FLEX_MONTHS = rules.rule("ikk_flex_peilperiode_maanden").periods[-1][1]
_PER_FTE = rules.rule("uren_per_week_per_fte").periods[-1][1]

STAFF = Table(
    key="medewerkers",
    label="Medewerkers op 1 januari",
    hint=(
        "In plaats van de fte: één rij per pedagogisch medewerker. Vult u hier iemand in, dan "
        f"berekent de rekenhulp de fte uit deze lijst ({nl(_PER_FTE)} uur per week is 1 fte) en "
        "telt het veld ‘Fte’ hierboven niet mee."
    ),
    columns=(
        Text(
            key="naam",
            label="Naam of functie",
            hint="Alleen voor uw overzicht.",
            example="Anna",
            label_suffix="(optioneel)",
        ),
        Field(
            key="uren_per_week",
            label="Contracturen per week",
            hint="Uren per week volgens het contract.",
            example="32",
            maximum=Decimal(80),
            whole=False,
            max_decimals=2,
            required=False,
            unit="uur",
        ),
        YesNo(
            key="flexibel",
            label="Flexibel contract",
            hint="0-uren, min-max of uitzendkracht.",
        ),
        Field(
            key="gemiddelde_uren_per_week",
            label="Gemiddeld ingezet per week",
            hint=(
                f"Alleen bij een flexibel contract: de gemiddelde inzet per week in de "
                f"{nl(_FLEX_MONTHS)} maanden vóór 1 januari."
            ),
            example="12,5",
            maximum=Decimal(80),
            whole=False,
            max_decimals=2,
            required=False,
            unit="uur",
        ),
    ),
    max_rows=500,
)

LOCATIONS = Table(
    key="locaties",
    label="Doelgroeppeuters per locatie",
    hint=(
        "In plaats van één totaal: één rij per locatie met VE. Vult u hier een locatie in, dan "
        "telt het veld ‘Aantal doelgroeppeuters’ hierboven niet mee."
    ),
    columns=(
        Text(
            key="naam",
            label="Locatie",
            hint="Naam of adres, voor uw overzicht.",
            example="De Boomhut",
            label_suffix="(optioneel)",
        ),
        Field(
            key="doelgroeppeuters",
            label="Doelgroeppeuters op 1 januari",
            hint="Peuters met een VE-indicatie op deze locatie.",
            example="12",
            maximum=Decimal(100_000),
        ),
    ),
    max_rows=200,
    row_noun="rij",
)

FIELDS = (
    Field(
        key="jaar",
        label="Jaar",
        hint="Het kalenderjaar waarvoor u rekent. Peildatum is 1 januari van dat jaar.",
        example="2026",
        minimum=Decimal(FIRST_YEAR),
        maximum=Decimal(LAST_YEAR),
        year=True,
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
        required=False,
        unit="fte",
    ),
    STAFF,
    Field(
        key="doelgroeppeuters",
        label="Aantal doelgroeppeuters in VE op 1 januari",
        hint="Peuters met een VE-indicatie van uw gemeente. Vul 0 in als u geen VE aanbiedt.",
        example="37",
        maximum=Decimal(1_000_000),
        required=False,
    ),
    LOCATIONS,
)

# What a page shows when its preset says nothing else: an illustration, not a norm.
EXAMPLE = {"jaar": 2026, "kindercentra": 3, "fte": "24,5", "doelgroeppeuters": 37}


def _label(key: str) -> str:
    return next(spec.label for spec in FIELDS if spec.key == key)


# --- exact numbers -------------------------------------------------------------------------


def finite(value: Fraction) -> bool:
    """True when `value` is a finite decimal (its denominator has no prime but 2 and 5)."""
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    return rest == 1


def as_decimal(value: Fraction, places: int) -> tuple[Decimal, bool]:
    """(value exactly, True) when it is a finite decimal; else (value rounded UP, False)."""
    if finite(value):
        with localcontext() as context:
            context.prec = 200
            return Decimal(value.numerator) / Decimal(value.denominator), True
    scale = 10**places
    return Decimal(-((-value.numerator * scale) // value.denominator)).scaleb(-places), False


def _hours_text(value: Fraction) -> tuple[str, str, bool]:
    """(exact decimal string, display text, exact?) for an amount of hours."""
    number, exact = as_decimal(value, HOUR_PLACES)
    return plain(number), hours(number), exact


def _fte_text(value: Fraction) -> tuple[str, str, bool]:
    number, exact = as_decimal(value, FTE_PLACES)
    return plain(number), ("" if exact else "≈ ") + nl(number), exact


def _count(value: object, one: str, many: str) -> str:
    return f"{nl(Decimal(value))} {one if value == 1 else many}"


# --- the rules -----------------------------------------------------------------------------


def _part(key: str, rule_key: str, quantity: Fraction, counted: str, day: date) -> dict:
    """One rule applied on the peildatum: quantity × the rule's hours (0 before it applies)."""
    rule = rules.rule(rule_key)
    per = rule.value_on(day)
    applies = per is not None
    amount = quantity * Fraction(per) if applies else Fraction(0)
    text, shown, exact = _hours_text(amount)
    calculation = (
        f"{counted} × {hours(per)}" if applies else f"geldt pas vanaf {date_nl(rule.start)}"
    )
    if not exact:
        calculation += f"; naar boven afgerond op {HOUR_PLACES} decimalen"
    return {
        "sleutel": key,
        "naam": rule.name,
        "van_toepassing": applies,
        "uren": text,
        "exact": exact,
        "weergave": shown,
        "berekening": calculation,
        "regel": rule.describe(),
        "_waarde": amount,
    }


def staff_fte(rows: list[dict], day: date) -> tuple[list[dict], Decimal, Fraction]:
    """IKK rekenregel: fte = hours per week / 36, flexible contracts at their average.

    Returns the rows as shown, the total hours per week and the fte (exact). A row with a
    flexible contract needs its average; any other row its contract hours.
    """
    per_fte = rules.value("uren_per_week_per_fte", day)
    shown, errors, total = [], [], Decimal(0)
    for row in rows:
        number = row["rij"]
        flexible = row["flexibel"]
        column = "gemiddelde_uren_per_week" if flexible else "uren_per_week"
        counted = row[column]
        if counted is None:
            why = (
                "bij een flexibel contract telt de gemiddelde inzet per week"
                if flexible
                else "of kies ‘ja’ bij ‘Flexibel contract’ als het een flexibel contract is"
            )
            errors.append(
                STAFF.cell_error(
                    number,
                    column,
                    f"Vul bij {STAFF.cell_name(number, STAFF.column(column))} een getal in: {why}.",
                )
            )
            continue
        total += counted
        fte_text, fte_shown, fte_exact = _fte_text(Fraction(counted) / Fraction(per_fte))
        shown.append(
            {
                "rij": number,
                "naam": row["naam"],
                "flexibel": flexible,
                "grondslag": "gemiddelde" if flexible else "contract",
                "uren_per_week": plain(counted),
                "fte": fte_text,
                "fte_exact": fte_exact,
                "weergave": {
                    "naam": row["naam"] or f"Medewerker in rij {number}",
                    "grondslag": (
                        "flexibel: gemiddelde inzet per week" if flexible else "contracturen"
                    ),
                    "uren_per_week": f"{nl(counted)} uur per week",
                    "fte": f"{fte_shown} fte",
                },
            }
        )
    if errors:
        raise InputError(errors)
    return shown, total, Fraction(total) / Fraction(per_fte)


def _ve_per_location(rows: list[dict], day: date) -> list[dict]:
    """VE (art. 2a, NJi): 10 uur × doelgroeppeuters, counted per location."""
    per = rules.rule("ve_uren_per_doelgroeppeuter").value_on(day)
    shown = []
    for row in rows:
        children = row["doelgroeppeuters"]
        amount = Fraction(children) * Fraction(per) if per is not None else Fraction(0)
        text, display, _ = _hours_text(amount)
        shown.append(
            {
                "rij": row["rij"],
                "naam": row["naam"] or f"Locatie in rij {row['rij']}",
                "doelgroeppeuters": plain(children),
                "uren": text,
                "weergave": display,
                "berekening": (
                    f"{_count(children, 'doelgroeppeuter', 'doelgroeppeuters')} × {hours(per)}"
                    if per is not None
                    else "geldt nog niet in dit jaar"
                ),
            }
        )
    return shown


# --- compute -------------------------------------------------------------------------------


def _input(values: dict) -> dict:
    def one(value):
        if isinstance(value, Decimal):
            return plain(value)
        if isinstance(value, list):
            return [{k: one(v) for k, v in row.items()} for row in value]
        return value

    return {key: one(value) for key, value in values.items()}


def compute(values: dict) -> dict:
    year = int(values["jaar"])
    day = date(year, 1, 1)
    staff_rows = values.get("medewerkers") or []
    location_rows = values.get("locaties") or []
    typed_fte = values.get("fte")
    typed_children = values.get("doelgroeppeuters")
    notes: list[str] = []

    errors = []
    if not staff_rows and typed_fte is None:
        errors.append(
            error(
                "fte",
                f"Vul bij ‘{_label('fte')}’ een getal in, bijvoorbeeld 24,5, of vul de "
                f"medewerkers in bij ‘{STAFF.label}’.",
            )
        )
    if not location_rows and typed_children is None:
        errors.append(
            error(
                "doelgroeppeuters",
                f"Vul bij ‘{_label('doelgroeppeuters')}’ een getal in (0 als u geen VE aanbiedt), "
                f"of vul de locaties in bij ‘{LOCATIONS.label}’.",
            )
        )
    staff = None
    try:
        if staff_rows:
            staff = staff_fte(staff_rows, day)
    except InputError as exc:
        errors.extend(exc.errors)
    if errors:
        raise InputError(errors)

    # Coaching: fte from the staff list when it has rows, else the typed fte.
    per_fte = rules.value("uren_per_week_per_fte", day)
    if staff is not None:
        rows_shown, week_hours, fte = staff
        fte_source = "medewerkers"
        fte_value, fte_shown, fte_exact = _fte_text(fte)
        coaching_counted = (
            f"{nl(week_hours)} uur per week ÷ {nl(per_fte)} "
            f"{'=' if fte_exact else '≈'} {nl(Decimal(fte_value))} fte"
        )
        if typed_fte is not None:
            notes.append(
                f"U vulde ook ‘{_label('fte')}’ in ({nl(typed_fte)}). De rekenhulp gebruikt de "
                f"lijst met medewerkers: {fte_shown} fte."
            )
    else:
        fte = Fraction(typed_fte)
        fte_source = "invoer"
        fte_value, fte_shown, fte_exact = _fte_text(fte)
        coaching_counted = f"{fte_shown} fte"

    # VE: doelgroeppeuters per location when given, else the typed total.
    if location_rows:
        children = sum((row["doelgroeppeuters"] for row in location_rows), Decimal(0))
        children_source = "locaties"
        ve_counted = (
            f"{_count(children, 'doelgroeppeuter', 'doelgroeppeuters')} op "
            f"{_count(len(location_rows), 'locatie', 'locaties')}"
        )
        if typed_children is not None:
            notes.append(
                f"U vulde ook ‘{_label('doelgroeppeuters')}’ in ({nl(typed_children)}). De "
                f"rekenhulp gebruikt de locaties: samen {nl(children)}."
            )
    else:
        children = typed_children
        children_source = "invoer"
        ve_counted = _count(children, "doelgroeppeuter", "doelgroeppeuters")

    parts = [
        _part(
            "ikk_beleid",
            "ikk_beleid_uren_per_kindercentrum",
            Fraction(values["kindercentra"]),
            _count(values["kindercentra"], "kindercentrum", "kindercentra"),
            day,
        ),
        _part("ikk_coaching", "ikk_coaching_uren_per_fte", fte, coaching_counted, day),
        _part("ve", "ve_uren_per_doelgroeppeuter", Fraction(children), ve_counted, day),
    ]
    total = sum((part.pop("_waarde") for part in parts), Fraction(0))
    total_text, total_shown, total_exact = _hours_text(total)
    rounded = Decimal(math.ceil(total))

    flex_rule = rules.rule("ikk_flex_peilperiode_maanden")
    flex_months = int(flex_rule.value_on(day) or flex_rule.periods[0][1])
    flex_from = add_months(day, -flex_months)
    explanations = [
        f"Peildatum {date_nl(day)}: de aantallen kindercentra, fte en doelgroeppeuters zijn die op "
        "die dag.",
        " ".join(
            text
            for text in (
                "De uren zijn exact berekend en een minimum wordt nooit naar beneden afgerond.",
                ""
                if total_exact and fte_exact
                else "Een uitkomst die geen eindig decimaal getal is, staat naar boven afgerond "
                f"op {HOUR_PLACES} decimalen (fte op {FTE_PLACES}).",
                f"Als heel aantal uren: {hours(rounded)}, naar boven afgerond."
                if rounded != Decimal(total_text)
                else "",
            )
            if text
        ),
        "De IKK-uren (beleid en coaching) gelden per houder: de houder verdeelt ze over zijn "
        "kindercentra, en elke pedagogisch medewerker krijgt elk jaar coaching.",
    ]
    if location_rows:
        explanations.append(
            "De VE-uren tellen de doelgroeppeuters per locatie; daarom staan ze ook per "
            "locatie en in totaal. Of VE-uren tussen locaties mogen worden verschoven, hebben wij "
            "niet kunnen nagaan: dat staat niet in de bronnen die wij lazen."
        )

    result = {
        "rekenhulp": "uren",
        "jaar": year,
        "peildatum": day.isoformat(),
        "invoer": _input(values),
        "fte_bron": fte_source,
        "fte": fte_value,
        "fte_exact": fte_exact,
        "medewerkers": None,
        "doelgroeppeuters_bron": children_source,
        "doelgroeppeuters": plain(children),
        "ve_locaties": _ve_per_location(location_rows, day) if location_rows else None,
        "onderdelen": parts,
        "totaal_uren": total_text,
        "totaal_exact": total_exact,
        "totaal_uren_afgerond": plain(rounded),
        "meldingen": notes,
        "toelichting": explanations,
        "weergave": {
            "totaal": total_shown,
            "totaal_afgerond": hours(rounded),
            "peildatum": date_nl(day),
            "fte": f"{fte_shown} fte",
        },
    }
    if staff is not None:
        result["medewerkers"] = {
            "rijen": rows_shown,
            "uren_per_week": plain(week_hours),
            "uren_per_week_per_fte": plain(per_fte),
            "fte": fte_value,
            "fte_exact": fte_exact,
            "peilperiode_flexibel": {
                "van": flex_from.isoformat(),
                "tot_en_met": (day - timedelta(days=1)).isoformat(),
            },
            "regels": [
                rules.rule("uren_per_week_per_fte").describe(),
                flex_rule.describe(),
            ],
            "weergave": {
                "uren_per_week": f"{nl(week_hours)} uur per week",
                "fte": f"{fte_shown} fte",
                "peilperiode_flexibel": (
                    f"{date_nl(flex_from)} tot en met {date_nl(day - timedelta(days=1))}"
                ),
            },
        }
    for part in parts:
        result[f"{part['sleutel']}_uren"] = part["uren"]
    return result


# --- render --------------------------------------------------------------------------------


def _bar(result: dict) -> str:
    parts = {part["sleutel"]: part for part in result["onderdelen"]}
    segments = [
        svg.Segment("IKK beleid", Decimal(parts["ikk_beleid"]["uren"]), parts["ikk_beleid"]["weergave"], 0, "ikk_beleid"),
        svg.Segment("IKK coaching", Decimal(parts["ikk_coaching"]["uren"]), parts["ikk_coaching"]["weergave"], 1, "ikk_coaching"),
    ]  # fmt: skip
    if result["ve_locaties"]:
        segments += [
            svg.Segment(
                f"VE {location['naam']}",
                Decimal(location["uren"]),
                location["weergave"],
                2 + index % 2,
                f"ve_{location['rij']}",
            )
            for index, location in enumerate(result["ve_locaties"])
        ]
    else:
        segments.append(
            svg.Segment("VE", Decimal(parts["ve"]["uren"]), parts["ve"]["weergave"], 2, "ve")
        )
    shown = result["weergave"]
    return svg.bar(
        segments,
        title=f"Opbouw van {shown['totaal']} pedagogisch beleidsmedewerker in {result['jaar']}",
        caption="Opbouw in één oogopslag",
    )


def _staff_table(staff: dict) -> str:
    shown = staff["weergave"]
    rows = "".join(
        f'<tr data-rij="{e(row["rij"])}"><th scope="row">{e(row["weergave"]["naam"])}</th>'
        f"<td>{e(row['weergave']['grondslag'])}</td>"
        f'<td class="rh-getal">{e(row["weergave"]["uren_per_week"])}</td>'
        f'<td class="rh-getal">{e(row["weergave"]["fte"])}</td></tr>'
        for row in staff["rijen"]
    )
    per_fte, flex = staff["regels"]
    return (
        '<table class="rh-tabel" data-tabel="fte"><caption>Zo is de fte berekend</caption>'
        '<thead><tr><th scope="col">Medewerker</th><th scope="col">Telt mee met</th>'
        '<th scope="col">Uren per week</th><th scope="col">Fte</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        '<tfoot><tr><th scope="row">Totaal</th><td></td>'
        f'<td class="rh-getal" data-waarde="{e(staff["uren_per_week"])}">{e(shown["uren_per_week"])}</td>'
        f'<td class="rh-getal" data-waarde="{e(staff["fte"])}">{e(shown["fte"])}</td></tr></tfoot>'
        "</table>"
        f'<p class="rh-toelichting">{e(staff["uren_per_week_per_fte"])} uur per week is 1 fte: '
        f"{rule_cite(per_fte)}. Een flexibel contract (0-uren, min-max, uitzendkracht) telt mee "
        f"met de gemiddelde inzet per week van {e(shown['peilperiode_flexibel'])}: "
        f"{rule_cite(flex)}.</p>"
    )


def _locations_table(result: dict) -> str:
    rows = "".join(
        f'<tr data-rij="{e(row["rij"])}"><th scope="row">{e(row["naam"])}</th>'
        f"<td>{e(row['berekening'])}</td>"
        f'<td class="rh-getal" data-waarde="{e(row["uren"])}">{e(row["weergave"])}</td></tr>'
        for row in result["ve_locaties"]
    )
    ve = next(part for part in result["onderdelen"] if part["sleutel"] == "ve")
    return (
        '<table class="rh-tabel" data-tabel="ve_locaties"><caption>VE-uren per locatie</caption>'
        '<thead><tr><th scope="col">Locatie</th><th scope="col">Berekening</th>'
        '<th scope="col">Uren per jaar</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        '<tfoot><tr><th scope="row">Totaal VE</th><td></td>'
        f'<td class="rh-getal" data-waarde="{e(ve["uren"])}">{e(ve["weergave"])}</td></tr></tfoot>'
        "</table>"
    )


def render(result: dict) -> str:
    """The answer as HTML: total, a bar, the parts with rule and source, how inputs were used."""
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
    notes = "".join(f'<p class="rh-melding">{e(note)}</p>' for note in result["meldingen"])
    explanations = "".join(
        f'<p class="rh-toelichting">{e(text)}</p>' for text in result["toelichting"]
    )
    return (
        '<div class="rh-uitkomst">'
        f'<p class="rh-totaal">Minimaal <strong data-uitkomst="totaal">{e(shown["totaal"])}</strong>'
        f" pedagogisch beleidsmedewerker in {e(result['jaar'])}.{rounding}</p>"
        f"{notes}{_bar(result)}"
        '<table class="rh-tabel"><caption>Opbouw van de uren per jaar</caption>'
        '<thead><tr><th scope="col">Onderdeel</th><th scope="col">Berekening</th>'
        '<th scope="col">Uren per jaar</th><th scope="col">Regel en bron</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        f'<tfoot><tr><th scope="row">Totaal</th><td></td>'
        f'<td class="rh-getal" data-waarde="{e(result["totaal_uren"])}">{e(shown["totaal"])}</td>'
        "<td></td></tr></tfoot></table>"
        + (_locations_table(result) if result["ve_locaties"] else "")
        + (_staff_table(result["medewerkers"]) if result["medewerkers"] else "")
        + f"{explanations}</div>"
    )
