"""Rekenhulp `uren`: the minimum yearly hours of the pedagogisch beleidsmedewerker (pbm'er),
per kindercentrum and for the houder.

The rules (calc/rules.toml), each applied on the peildatum 1 January of the chosen year:
- IKK beleid, Besluit kwaliteit kinderopvang art. 8: 50 uur × kindercentra, for the houder;
- IKK coaching, the same article: 10 uur × fte pedagogisch medewerkers, for the houder;
- VE, Besluit basisvoorwaarden kwaliteit voorschoolse educatie art. 2a: per kindercentrum
  10 uur × its doelgroeppeuters of 2,5 to 4 on 1 January; the houder's VE hours are the sum.
The hours are also given per week and as fte of a pbm'er (an assumption: weeks per year, 36 uur
a week per fte), and, when each kindercentrum's fte is known, as a proposed split per
kindercentrum. The IKK hours are the houder's to divide, so that split is only a proposal.

Input: the totals (`kindercentra`, `fte`, `doelgroeppeuters`), or a table with one row per
kindercentrum (`locaties`: naam, fte, doelgroeppeuters), and a staff list (`medewerkers`) that
gives the fte. A filled table or list replaces the totals: a typed total below it is noted, one
above it refused (a row or a person is missing, and the table would understate the minimum).

`compute` yields numbers only, as exact decimal strings. A value that is no finite decimal
(32 / 36 = 0,888…) is rounded UP and flagged, so a minimum is never understated.
calc.uren_html words the result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, localcontext
from fractions import Fraction

from calc import rules
from calc.fields import Field, InputError, Table, Text, YesNo, add_months, error
from calc.numbers import nl, plain

NAME = "uren"
TITLE = "Rekenhulp: minimum uren pedagogisch beleidsmedewerker"
FIRST_YEAR = rules.rule("ikk_beleid_uren_per_kindercentrum").start.year
LAST_YEAR = 2100
# Decimals of a figure that is no finite decimal, rounded up. Staff hours have at most 2 decimals,
# so a finite fte (hours / 36) has at most 4 and finite coaching hours (× 10) at most 3: rounding
# up to as many places keeps the shown figures monotone (more staff never shows fewer hours).
HOUR_PLACES = 3
FTE_PLACES = 4
WEEK_PLACES = 2  # hours per week of the pbm'er
PBM_FTE_PLACES = 3  # fte of the pbm'er


_FLEX_MONTHS = rules.latest("ikk_flex_peilperiode_maanden")
_PER_FTE = rules.latest("uren_per_week_per_fte")
AGE_FROM = nl(rules.latest("ve_pbm_leeftijd_van_jaar"))
AGE_TO = nl(rules.latest("ve_pbm_leeftijd_tot_jaar"))
CHILDREN = f"Doelgroeppeuters van {AGE_FROM} tot {AGE_TO} jaar op 1 januari"

STAFF = Table(
    key="medewerkers",
    label="Medewerkers op 1 januari",
    hint=(
        "In plaats van de fte: één rij per pedagogisch medewerker, van al uw kindercentra. De "
        f"rekenhulp berekent de fte uit deze lijst ({nl(_PER_FTE)} uur per week is 1 fte), in "
        "plaats van de fte hierboven; laat die dan leeg."
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

CENTRES = Table(
    # The key of the earlier table of VE locations only: an old link that lists fewer rows than
    # its ‘Aantal kindercentra’ is refused by _typed_too_high, never read as fewer kindercentra.
    key="locaties",
    label="Of per kindercentrum",
    hint=(
        "Eén rij per kindercentrum, ook als het geen VE aanbiedt (vul dan 0 doelgroeppeuters "
        "in): elke registratie van een kindercentrum in het LRK, ook een KDV en een BSO in één "
        "gebouw; een gastouderbureau en gastouders tellen niet mee. De tabel telt in "
        "plaats van ‘Aantal kindercentra’ en ‘Doelgroeppeuters’ hierboven, en in plaats van ‘Fte’ "
        "als elke rij een fte heeft; laat die dan leeg."
    ),
    columns=(
        Text(
            key="naam",
            label="Kindercentrum",
            hint="Naam of LRK-nummer, voor uw overzicht.",
            example="KDV De Boomhut",
            label_suffix="(optioneel)",
        ),
        Field(
            key="fte",
            label="Fte pedagogisch medewerkers",
            hint="Op 1 januari. Vul de fte bij alle kindercentra in, of bij geen.",
            example="8,5",
            maximum=Decimal(100_000),
            whole=False,
            required=False,
            unit="fte",  # like the fte above the table: "8,5 fte" is read
        ),
        Field(
            key="doelgroeppeuters",
            label=f"Doelgroeppeuters van {AGE_FROM} tot {AGE_TO} jaar",
            hint=(
                "Aan wie dit kindercentrum op 1 januari voorschoolse educatie aanbiedt. Vul 0 "
                "in als het geen VE aanbiedt."
            ),
            example="12",
            maximum=Decimal(100_000),
            required=False,
        ),
    ),
    max_rows=200,
    row_noun="rij",
)

WEEKS = Field(
    key="weken_per_jaar",
    label="Weken per jaar waarin de pbm'er werkt",
    hint=(
        "Alleen voor de omrekening van de uren per jaar naar uren per week en fte. Standaard "
        f"{nl(rules.latest('pbm_weken_per_jaar'))}: het hele jaar, vakantie en verlof niet "
        "afgetrokken. Een aanname van deze site, geen regel."
    ),
    example=plain(rules.latest("pbm_weken_per_jaar")),
    minimum=Decimal(1),
    maximum=Decimal(53),
    whole=False,
    max_decimals=2,
    required=False,
)

FIELDS = (
    Field(
        key="jaar",
        label="Jaar",
        hint="Het kalenderjaar waarvoor u rekent. Peildatum is 1 januari van dat jaar.",
        example=str(date.today().year),
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
        hint=(
            "Elke registratie van een kindercentrum (dagopvang of buitenschoolse opvang) in het "
            "LRK telt als één, ook een KDV en een BSO in één gebouw. Een gastouderbureau en "
            "gastouders tellen niet mee."
        ),
        example="3",
        maximum=Decimal(10_000),
        required=False,
    ),
    Field(
        key="fte",
        label="Fte pedagogisch medewerkers op 1 januari",
        hint=(
            f"Van al uw kindercentra samen. {nl(_PER_FTE)} uur per week is 1 fte. Decimalen met "
            "een komma, bijvoorbeeld 24,5."
        ),
        example="24,5",
        maximum=Decimal(100_000),
        whole=False,
        required=False,
        unit="fte",
    ),
    Field(
        key="doelgroeppeuters",
        label=CHILDREN,
        hint=(
            f"Peuters van {AGE_FROM} tot {AGE_TO} jaar aan wie uw kindercentra op 1 januari "
            "voorschoolse educatie aanbieden. Jongere peuters tellen niet mee, ook niet als uw "
            "gemeente ze in de VE financiert. Vul 0 in als u geen VE aanbiedt."
        ),
        example="37",
        maximum=Decimal(1_000_000),
        required=False,
    ),
    CENTRES,
    STAFF,
    WEEKS,
)

# What a page shows when its preset says nothing else: an illustration, not a norm.
EXAMPLE = {
    "jaar": date.today().year,
    "kindercentra": 3,
    "fte": "24,5",
    "doelgroeppeuters": 37,
    "weken_per_jaar": WEEKS.example,
}


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
    return Decimal(scaled_up(value, places)).scaleb(-places), False


def scaled_up(value: Fraction, places: int) -> int:
    """value × 10**places, rounded up to a whole number."""
    return -((-value.numerator * 10**places) // value.denominator)


def number(value: Fraction, places: int) -> tuple[str, bool]:
    """(exact decimal string, or rounded up to `places`; exact?)."""
    found, exact = as_decimal(value, places)
    return plain(found), exact


# --- the rules -----------------------------------------------------------------------------


def apply_rule(rule_key: str, quantity: Fraction, day: date) -> Fraction | None:
    """quantity × the rule's hours per unit on `day`; None before the rule takes effect."""
    per = rules.rule(rule_key).value_on(day)
    return None if per is None else quantity * Fraction(per)


def ikk_policy_hours(centres: Fraction, day: date) -> Fraction | None:
    """Besluit kwaliteit kinderopvang, art. 8: 50 uur per kindercentrum, for the houder."""
    return apply_rule("ikk_beleid_uren_per_kindercentrum", centres, day)


def ikk_coaching_hours(fte: Fraction, day: date) -> Fraction | None:
    """Besluit kwaliteit kinderopvang, art. 8: 10 uur per fte pedagogisch medewerker."""
    return apply_rule("ikk_coaching_uren_per_fte", fte, day)


def ve_hours(children: Fraction, day: date) -> Fraction | None:
    """Besluit basisvoorwaarden kwaliteit VE, art. 2a: 10 uur per doelgroeppeuter (2,5 tot 4
    op 1 januari) of one kindercentrum; a houder's VE hours are the sum over its kindercentra."""
    return apply_rule("ve_uren_per_doelgroeppeuter", children, day)


def planning(hours: Fraction, weeks: Fraction, day: date) -> dict:
    """Yearly hours spread evenly over `weeks` (an assumption), and as fte of a pbm'er."""
    weekly = hours / weeks
    per_week, week_exact = number(weekly, WEEK_PLACES)
    fte, fte_exact = number(
        weekly / Fraction(rules.value("uren_per_week_per_fte", day)), PBM_FTE_PLACES
    )
    return {
        "uren_per_week": per_week,
        "uren_per_week_exact": week_exact,
        "fte": fte,
        "fte_exact": fte_exact,
    }


def _staff_row_error(row: dict) -> dict | None:
    """A staff row without the hours its contract counts with, or with an average that would
    not count (only a flexible contract counts its average): its cell, named."""
    average = "gemiddelde_uren_per_week"
    if row[average] is not None and not row["flexibel"]:
        name = STAFF.cell_name(row["rij"], STAFF.column(average))
        contract = " en vul de contracturen in" if row["uren_per_week"] is None else ""
        return STAFF.cell_error(
            row["rij"],
            average,
            f"{name} telt alleen bij een flexibel contract: kies ‘ja’ bij ‘Flexibel contract’, "
            f"of maak het gemiddelde leeg{contract}.",
        )
    column = average if row["flexibel"] else "uren_per_week"
    if row[column] is not None:
        return None
    why = (
        "bij een flexibel contract telt de gemiddelde inzet per week"
        if row["flexibel"]
        else "of kies ‘ja’ bij ‘Flexibel contract’ als het een flexibel contract is"
    )
    name = STAFF.cell_name(row["rij"], STAFF.column(column))
    return STAFF.cell_error(row["rij"], column, f"Vul bij {name} een getal in: {why}.")


def staff_fte(rows: list[dict], day: date) -> tuple[list[dict], Decimal, Fraction]:
    """IKK rekenregel: fte = hours per week / 36, flexible contracts at their average.

    Returns the rows with their fte, the total hours per week and the fte (exact). A row with
    a flexible contract needs its average; any other row its contract hours and no average.
    """
    per_fte = Fraction(rules.value("uren_per_week_per_fte", day))
    errors = [found for row in rows if (found := _staff_row_error(row))]
    if errors:
        raise InputError(errors)
    shown, total = [], Decimal(0)
    for row in rows:
        counted = row["gemiddelde_uren_per_week" if row["flexibel"] else "uren_per_week"]
        total += counted
        fte, fte_exact = number(Fraction(counted) / per_fte, FTE_PLACES)
        shown.append(
            {
                "rij": row["rij"],
                "naam": row["naam"],
                "flexibel": row["flexibel"],
                "uren_per_week": plain(counted),
                "fte": fte,
                "fte_exact": fte_exact,
            }
        )
    return shown, total, Fraction(total) / per_fte


# --- input: totals, a table of kindercentra, a staff list ---------------------------------


@dataclass
class Counts:
    """What the rules count, and where each count came from ("invoer", "tabel", "medewerkers")."""

    centres: Fraction
    fte: Fraction
    children: Fraction
    sources: dict[str, str]
    notes: list[dict] = field(default_factory=list)
    staff: tuple[list[dict], Decimal, Fraction] | None = None

    def of(self, key: str) -> Fraction:
        """The count of the typed total `key` ("kindercentra", "fte", "doelgroeppeuters")."""
        counted = {"kindercentra": self.centres, "fte": self.fte, "doelgroeppeuters": self.children}
        return counted[key]


def _row_errors(rows: list[dict]) -> list[dict]:
    """The empty cells a filled row needs, named: its doelgroeppeuters (an empty cell is no
    answer, 0 is), and its fte when another row has one (they count only all together)."""
    some_fte = any(row["fte"] is not None for row in rows)
    needs = (
        ("fte", "(0 mag): de fte per kindercentrum telt alleen als elke rij er een heeft"),
        (
            "doelgroeppeuters",
            "(0 als dit kindercentrum geen VE aanbiedt): het VE-minimum geldt per kindercentrum",
        ),
    )
    return [
        CENTRES.cell_error(
            row["rij"],
            key,
            f"Vul bij {CENTRES.cell_name(row['rij'], CENTRES.column(key))} een getal in {why}.",
        )
        for row in rows
        for key, why in needs
        if row[key] is None and (key != "fte" or some_fte)
    ]


def _missing(values: dict, rows: list[dict], staff_rows: list[dict]) -> list[dict]:
    errors = []
    if not rows and values.get("kindercentra") is None:
        errors.append(
            error(
                "kindercentra",
                f"Vul bij ‘{_label('kindercentra')}’ een getal in, bijvoorbeeld 3, of vul uw "
                f"kindercentra in bij ‘{CENTRES.label}’.",
            )
        )
    any_row_fte = any(row["fte"] is not None for row in rows)  # the others: _row_errors
    if not staff_rows and not any_row_fte and values.get("fte") is None:
        errors.append(
            error(
                "fte",
                f"Vul bij ‘{_label('fte')}’ een getal in, bijvoorbeeld 24,5, of vul de fte per "
                f"kindercentrum in, of de medewerkers bij ‘{STAFF.label}’.",
            )
        )
    if not rows and values.get("doelgroeppeuters") is None:
        errors.append(
            error(
                "doelgroeppeuters",
                f"Vul bij ‘{CHILDREN}’ een getal in (0 als u geen VE aanbiedt), of vul uw "
                f"kindercentra in bij ‘{CENTRES.label}’.",
            )
        )
    return errors


def _impossible(counts: Counts) -> list[dict]:
    """Staff or doelgroeppeuters without any kindercentrum: refused, naming the fields."""
    if counts.centres > 0 or (counts.fte == 0 and counts.children == 0):
        return []
    found = []
    if counts.fte > 0:
        fte = nl(as_decimal(counts.fte, FTE_PLACES)[0])
        listed = " in de lijst met medewerkers" if counts.sources["fte"] == "medewerkers" else ""
        found.append(f"{fte} fte{listed}")
    if counts.children > 0:
        found.append(f"{nl(Decimal(counts.children.numerator))} doelgroeppeuters")
    return [
        error(
            "kindercentra",
            f"‘{_label('kindercentra')}’ is 0, maar u vulde {' en '.join(found)} in. Die horen "
            "bij een kindercentrum: vul het aantal kindercentra in, of vul uw kindercentra in bij "
            f"‘{CENTRES.label}’.",
        )
    ]


TOTALS = ("kindercentra", "fte", "doelgroeppeuters")  # typed above a table or list, form order


def _counts(values: dict, rows: list[dict], staff: tuple | None) -> Counts:
    """The counts the rules use: a table or list over the totals typed above it, with a note
    where a typed total differs (a higher one is refused: _typed_too_high)."""
    if rows:
        centres = Fraction(len(rows))
        children = sum((Fraction(row["doelgroeppeuters"]) for row in rows), Fraction(0))
    else:
        centres, children = Fraction(values["kindercentra"]), Fraction(values["doelgroeppeuters"])
    if staff is not None:
        fte, fte_source = staff[2], "medewerkers"
    elif rows and all(row["fte"] is not None for row in rows):
        fte, fte_source = sum(Fraction(row["fte"]) for row in rows), "tabel"
    else:
        fte, fte_source = Fraction(values["fte"]), "invoer"
    table = "tabel" if rows else "invoer"
    sources = {"kindercentra": table, "fte": fte_source, "doelgroeppeuters": table}
    counts = Counts(centres, fte, children, sources, [], staff)
    for key in TOTALS:
        typed, used = values.get(key), counts.of(key)
        if sources[key] != "invoer" and typed is not None and Fraction(typed) != used:
            counts.notes.append(
                {
                    "code": f"{key}_uit_{sources[key]}",
                    "ingevuld": plain(typed),
                    "gebruikt": number(used, FTE_PLACES)[0],
                }
            )
    return counts


def _typed_too_high(values: dict, counts: Counts) -> list[dict]:
    """A typed total above what the table or list that replaces it counts: a kindercentrum or
    a person is probably missing, and the lower count would understate the minimum. Refused,
    naming both. A total that is the count rounded up (24,5 for 24,47 fte) is no such sign."""
    errors = []
    for key in TOTALS:
        typed, source, found = values.get(key), counts.sources[key], counts.of(key)
        if source == "invoer" or typed is None:
            continue
        places = max(0, -typed.as_tuple().exponent)
        if Fraction(typed) > Fraction(scaled_up(found, places), 10**places):
            errors.append(error(key, _too_high(key, source, typed, found, places)))
    return errors


def _too_high(key: str, source: str, typed: Decimal, found: Fraction, places: int) -> str:
    """The message of _typed_too_high: both figures, and the two ways out."""
    if key == "fte":
        # More places than `typed` has: rounded up, it still shows below `typed`.
        shown, exact = as_decimal(found, max(FTE_PLACES, places))
        counted = f"{'' if exact else '≈ '}{nl(shown)} fte"
    else:
        one, many = {
            "kindercentra": ("kindercentrum", "kindercentra"),
            "doelgroeppeuters": ("doelgroeppeuter", "doelgroeppeuters"),
        }[key]
        counted = f"{nl(Decimal(found.numerator))} {one if found == 1 else many}"
    in_rows = f"de kindercentra in de tabel ‘{CENTRES.label}’ hebben samen {counted}"
    where, fix = {
        ("kindercentra", "tabel"): (
            f"de tabel ‘{CENTRES.label}’ heeft {counted}",
            "vul ook de kindercentra zonder VE in (met 0 doelgroeppeuters)",
        ),
        ("doelgroeppeuters", "tabel"): (
            in_rows,
            "vul bij elk kindercentrum al zijn doelgroeppeuters in",
        ),
        ("fte", "tabel"): (in_rows, "vul bij elk kindercentrum al zijn fte in"),
        ("fte", "medewerkers"): (
            f"de medewerkers in ‘{STAFF.label}’ zijn samen {counted}",
            "vul ook de andere medewerkers in",
        ),
    }[key, source]
    whole = "lijst" if source == "medewerkers" else "tabel"
    label = _label(key)
    return (
        f"U vulde bij ‘{label}’ {nl(typed)} in, maar {where}. Een onvolledige {whole} geeft een te "
        f"laag minimum: {fix}, of maak ‘{label}’ leeg als de {whole} compleet is."
    )


def read_counts(values: dict, day: date) -> Counts:
    """The counts the rules use, or InputError naming every field that is missing or impossible."""
    rows = values.get("locaties") or []
    staff_rows = values.get("medewerkers") or []
    errors = _missing(values, rows, staff_rows) + _row_errors(rows)
    staff = None
    if staff_rows:
        try:
            staff = staff_fte(staff_rows, day)
        except InputError as exc:
            errors.extend(exc.errors)
    if errors:
        raise InputError(errors)
    counts = _counts(values, rows, staff)
    if errors := _typed_too_high(values, counts) + _impossible(counts):
        raise InputError(errors)
    return counts


# --- per kindercentrum -----------------------------------------------------------------------


def split_whole(total: Fraction, weights: list[Fraction]) -> list[int]:
    """`total` in proportion to `weights`, in whole hours that add up to `total` rounded up:
    each part is its exact share rounded down, and the largest remainders (ties: the earlier
    row) rounded up, so no part is an hour or more from its exact share."""
    weight = sum(weights, Fraction(0))
    if not weight:
        return [0] * len(weights)
    quotas = [total * part / weight for part in weights]
    shares = [math.floor(quota) for quota in quotas]
    order = sorted(range(len(quotas)), key=lambda i: (shares[i] - quotas[i], i))
    for index in order[: math.ceil(total) - sum(shares)]:
        shares[index] += 1
    return shares


def _coaching_shares(rows: list[dict], counts: Counts, day: date) -> list[tuple[int, bool]] | None:
    """Each kindercentrum's proposed coaching in whole hours, in proportion to its fte, with
    whether that is its exact share; None when the rows' fte cannot divide the coaching."""
    coaching = ikk_coaching_hours(counts.fte, day) or Fraction(0)
    if any(row["fte"] is None for row in rows):
        return None
    weights = [Fraction(row["fte"]) for row in rows]
    row_fte = sum(weights, Fraction(0))
    if row_fte == 0 and coaching > 0:
        return None
    if counts.sources["fte"] == "medewerkers" and row_fte != counts.fte:
        counts.notes.append(
            {
                "code": "fte_tabel_wijkt_af",
                "tabel": number(row_fte, FTE_PLACES)[0],
                "medewerkers": number(counts.fte, FTE_PLACES)[0],
            }
        )
    shares = split_whole(coaching, weights)
    exact = [coaching * part / row_fte if row_fte else Fraction(0) for part in weights]
    return [(share, share == quota) for share, quota in zip(shares, exact, strict=True)]


def _proposal(
    policy: Fraction, coaching: int, exact: bool, ve: Fraction, weeks: Fraction, day: date
) -> dict:
    """One row of the proposed split (or its total): IKK beleid, coaching in whole hours (is it
    the exact share?), the VE minimum, their sum, per week and as fte of a pbm'er."""
    total = policy + coaching + ve
    return {
        "ikk_beleid_uren": number(policy, HOUR_PLACES)[0],
        "ikk_coaching_uren": plain(Decimal(coaching)),
        "ikk_coaching_exact": exact,
        "ve_uren": number(ve, HOUR_PLACES)[0],
        "totaal_uren": number(total, HOUR_PLACES)[0],
        "totaal_exact": exact,
        **planning(total, weeks, day),
    }


def per_centre(
    rows: list[dict], counts: Counts, weeks: Fraction, day: date
) -> tuple[list[dict], dict | None]:
    """Per kindercentrum: the VE minimum (art. 2a), and, when every row has its fte, a proposed
    split of the IKK hours: 50 uur each and the coaching in proportion to its fte, in whole
    hours; with the proposal's total. The houder divides the IKK hours itself (a yearly norm per
    organisation), so this is only a proposal."""
    shares = _coaching_shares(rows, counts, day)
    policy = ikk_policy_hours(Fraction(1), day) or Fraction(0)
    found, ve_total = [], Fraction(0)
    for index, row in enumerate(rows):
        children = Fraction(row["doelgroeppeuters"])
        ve = ve_hours(children, day) or Fraction(0)
        ve_total += ve
        found.append(
            {
                "rij": row["rij"],
                "naam": row["naam"],
                "fte": None if row["fte"] is None else plain(row["fte"]),
                "doelgroeppeuters": plain(Decimal(children.numerator)),
                "ve_uren": number(ve, HOUR_PLACES)[0],
                "ve": planning(ve, weeks, day),
                "voorstel": None
                if shares is None
                else _proposal(policy, *shares[index], ve, weeks, day),
            }
        )
    if shares is None:
        return found, None
    coaching = ikk_coaching_hours(counts.fte, day) or Fraction(0)
    whole = math.ceil(coaching)
    total = _proposal(policy * len(rows), whole, whole == coaching, ve_total, weeks, day)
    return found, {**total, "fte_pm": plain(sum(row["fte"] for row in rows))}


# --- compute -------------------------------------------------------------------------------


def _part(key: str, rule_key: str, quantity: Fraction, amount: Fraction | None) -> dict:
    rule = rules.rule(rule_key)
    count, count_exact = number(quantity, FTE_PLACES)
    hours, exact = number(amount or Fraction(0), HOUR_PLACES)
    return {
        "sleutel": key,
        "van_toepassing": amount is not None,
        "aantal": count,
        "aantal_exact": count_exact,
        "uren": hours,
        "exact": exact,
        "regel": rule.describe(),
    }


def _input(values: dict) -> dict:
    def one(value):
        if isinstance(value, Decimal):
            return plain(value)
        if isinstance(value, list):
            return [{k: one(v) for k, v in row.items()} for row in value]
        return value

    return {key: one(value) for key, value in values.items()}


def _staff_result(staff: tuple, day: date) -> dict:
    rows, week_hours, fte = staff
    flex_rule = rules.rule("ikk_flex_peilperiode_maanden")
    months = int(flex_rule.value_on(day) or flex_rule.periods[0][1])
    fte_text, fte_exact = number(fte, FTE_PLACES)
    return {
        "rijen": rows,
        "uren_per_week": plain(week_hours),
        "uren_per_week_per_fte": plain(rules.value("uren_per_week_per_fte", day)),
        "fte": fte_text,
        "fte_exact": fte_exact,
        "peilperiode_flexibel": {
            "van": add_months(day, -months).isoformat(),
            "tot_en_met": (day - timedelta(days=1)).isoformat(),
        },
        "regels": [rules.rule("uren_per_week_per_fte").describe(), flex_rule.describe()],
    }


def compute(values: dict) -> dict:
    year = int(values["jaar"])
    day = date(year, 1, 1)
    counts = read_counts(values, day)
    default_weeks = rules.value("pbm_weken_per_jaar", day)  # an assumption, shown as such
    weeks_decimal = values.get("weken_per_jaar") or default_weeks
    weeks = Fraction(weeks_decimal)

    policy = ikk_policy_hours(counts.centres, day)
    coaching = ikk_coaching_hours(counts.fte, day)
    ve = ve_hours(counts.children, day)
    ikk = (policy or 0) + (coaching or 0)
    total = ikk + (ve or 0)
    parts = [
        _part("ikk_beleid", "ikk_beleid_uren_per_kindercentrum", counts.centres, policy),
        _part("ikk_coaching", "ikk_coaching_uren_per_fte", counts.fte, coaching),
        _part("ve", "ve_uren_per_doelgroeppeuter", counts.children, ve),
    ]
    rows = values.get("locaties") or []
    centres, proposal_total = per_centre(rows, counts, weeks, day) if rows else (None, None)
    total_text, total_exact = number(total, HOUR_PLACES)
    fte_text, fte_exact = number(counts.fte, FTE_PLACES)
    result = {
        "rekenhulp": NAME,
        "jaar": year,
        "peildatum": day.isoformat(),
        "invoer": _input(values),
        "bronnen": counts.sources,
        "kindercentra": plain(Decimal(counts.centres.numerator)),
        "fte": fte_text,
        "fte_exact": fte_exact,
        "doelgroeppeuters": plain(Decimal(counts.children.numerator)),
        "onderdelen": parts,
        "totaal_uren": total_text,
        "totaal_exact": total_exact,
        "totaal_uren_afgerond": plain(Decimal(math.ceil(total))),
        "omrekening": {
            "weken_per_jaar": plain(weeks_decimal),
            "weken_standaard": weeks_decimal == default_weeks,
            "uren_per_week_per_fte": plain(rules.value("uren_per_week_per_fte", day)),
            "regels": [
                rules.rule("pbm_weken_per_jaar").describe(),
                rules.rule("uren_per_week_per_fte").describe(),
            ],
            "ikk": {"uren": number(ikk, HOUR_PLACES)[0], **planning(ikk, weeks, day)},
            "ve": {
                "uren": number(ve or 0, HOUR_PLACES)[0],
                **planning(ve or Fraction(0), weeks, day),
            },
            "totaal": {"uren": total_text, **planning(total, weeks, day)},
        },
        "kindercentra_lijst": centres,
        "voorstel": proposal_total is not None,
        "voorstel_totaal": proposal_total,
        "medewerkers": _staff_result(counts.staff, day) if counts.staff else None,
        "meldingen": counts.notes,
    }
    for part in parts:
        result[f"{part['sleutel']}_uren"] = part["uren"]
    return result


def render(result: dict) -> str:
    """The result as HTML (calc.uren_html, which also words every number)."""
    from calc import uren_html  # imported here: uren_html reads this module's labels

    return uren_html.render(result)
