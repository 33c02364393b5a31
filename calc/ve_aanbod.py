"""Rekenhulp `ve_aanbod`: the 960-uur planner for an offer of voorschoolse educatie.

Besluit basisvoorwaarden kwaliteit voorschoolse educatie, art. 2 (Stb. 2019, 315): from the day a
child turns 2,5 the offer must let it receive at least 960 hours in 1,5 years; offer above 6 hours
on one day does not count.

hours in the period = (Σ over the weekdays of min(hours that day, 6)) × weeks per year × 1,5.

If that falls short, two ways to close the gap: more hours a week (within 6 a day, so at most
5 × 6 a week) or more weeks a year (at most 52). And the other way round: for N weeks a year, the
weekly offer that reaches 960, rounded UP to a quarter hour (a minimum is never rounded down).

`compute` yields numbers only, as exact decimal strings, and notes and reasons as codes with their
figures; calc.ve_aanbod_html words the result.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from calc import rules
from calc.fields import DateField, Field, add_months
from calc.numbers import nl, plain
from calc.ve_aanbod_html import render  # noqa: F401 (render: the rekenhulp interface)

NAME = "ve_aanbod"
TITLE = "Rekenhulp: haalt uw VE-aanbod 960 uur?"
DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")
WEEKS_IN_YEAR = 52  # the calendar, not a rule: no offer runs more weeks a year
STEP = Fraction(1, 4)  # schedules are planned in quarter hours; a needed offer rounds up to one
COMPARE_WEEKS = (40, 42, 44, 46, 48, 50, 52)  # rows of the "other way round" table

NORM = "ve_aanbod_uren"
PERIOD = "ve_aanbod_periode_jaar"
START_AGE = "ve_aanbod_startleeftijd_jaar"
DAY_CAP = "ve_aanbod_max_uren_per_dag"
BASIS_WEEKS = "ve_aanbod_basis_weken_per_jaar"
BASIS_HOURS = "ve_aanbod_basis_uren_per_week"
_CAP = rules.latest(DAY_CAP)

FIELDS = (
    *(
        Field(
            key=day,
            label=f"Uren aanbod op {day}",
            hint=f"Uren VE per {day}. Vul 0 in als er die dag geen aanbod is. Meer dan "
            f"{nl(_CAP)} uur op een dag telt niet mee.",
            example="4",
            maximum=Decimal(24),
            whole=False,
            max_decimals=2,
            unit="uur",
        )
        for day in DAYS
    ),
    Field(
        key="weken_per_jaar",
        label="Weken per jaar met aanbod",
        hint=(
            f"De norm gaat uit van {nl(rules.latest(BASIS_WEEKS))} weken per jaar; "
            "met een vakantieaanbod kunnen het er meer zijn."
        ),
        example="40",
        minimum=Decimal(1),
        maximum=Decimal(WEEKS_IN_YEAR),
        range_message=f"‘Weken per jaar met aanbod’ moet liggen tussen 1 en {WEEKS_IN_YEAR}.",
    ),
    DateField(
        key="startdatum",
        label="Startdatum",
        hint=(
            "De dag waarop het kind 2,5 jaar wordt, bijvoorbeeld 1-9-2026. Dan berekent de "
            "rekenhulp ook de einddatum van de periode van 1,5 jaar."
        ),
        example="1-9-2026",
        minimum=date(2000, 1, 1),
        maximum=date(2100, 12, 31),
        label_suffix="(optioneel)",
    ),
)


def _start_in(year: int) -> str:
    """The example's start date in `year`: a page opens on the year it was built in."""
    return f"1-9-{year}"


# What a page shows when its preset says nothing else: an illustration, not a norm.
EXAMPLE = {
    "maandag": "4",
    "dinsdag": "4",
    "woensdag": "0",
    "donderdag": "4",
    "vrijdag": "3",
    "weken_per_jaar": 40,
    "startdatum": _start_in(date.today().year),
}

VVE_LIGHT = "vve_light_dagdelen_per_week"


def _vve_light() -> dict:
    """VVE light as one municipality described it (rules.toml, status aanname): its dagdelen a
    week, each on a day of its own at the most that counts (art. 2 lid 2), in every week of the
    year. The report gives neither the hours of a dagdeel nor the weeks, so this is the most such
    an offer can reach: if it falls short, every VVE light with these dagdelen does."""
    dagdelen = int(rules.rule(VVE_LIGHT).periods[0][1])
    days = {day: plain(_CAP) if n < dagdelen else "0" for n, day in enumerate(DAYS)}
    return {**days, "weken_per_jaar": WEEKS_IN_YEAR}


# Examples from practice a page can start on: {{ rekenhulp("ve_aanbod", preset="vve_light") }}.
PRESETS = {
    "vve_light": {
        "titel": "VVE light: zo gunstig mogelijk gerekend",
        "bron": rules.rule(VVE_LIGHT).source.title,
        "regels": [VVE_LIGHT],
        "invoer": _vve_light(),
    }
}

_KEYS = frozenset(spec.key for spec in FIELDS)


def initial(values: dict) -> dict:
    """The input a page starts with: EXAMPLE with its start date in the page's year `jaar`, then
    the named preset, then the page's own values. Keys the planner does not know are ignored."""
    chosen = values.get("preset")
    if chosen and chosen not in PRESETS:
        raise ValueError(f"unknown ve_aanbod preset {chosen!r}; known: {', '.join(PRESETS)}")
    start = {**EXAMPLE, **(PRESETS[chosen]["invoer"] if chosen else {})}
    if values.get("jaar"):
        start["startdatum"] = _start_in(int(values["jaar"]))
    start.update({key: value for key, value in values.items() if key in _KEYS})
    return start


def _value(key: str, day: date | None) -> Decimal:
    """The rule's value on `day`; its latest value without a day or before it took effect."""
    rule = rules.rule(key)
    found = rule.value_on(day) if day else None
    return found if found is not None else rule.periods[-1][1]


def _decimal(value: Fraction) -> Decimal:
    """A fraction that is a finite decimal (quarters, halves) as an exact Decimal."""
    return Decimal(value.numerator) / Decimal(value.denominator)


def counted(hours_on_day: Decimal, cap: Decimal) -> Decimal:
    """Art. 2: offer above `cap` hours on one day does not count."""
    return min(hours_on_day, cap)


def period_hours(week: Fraction, weeks: int, years: Fraction) -> Fraction:
    """Hours a child can receive: countable hours a week × weeks a year × years."""
    return week * weeks * years


def needed_per_week(norm: Fraction, weeks: int, years: Fraction) -> Fraction:
    """The weekly offer that reaches the norm with `weeks` a year, rounded UP to a quarter hour."""
    exact = norm / (weeks * years)
    return math.ceil(exact / STEP) * STEP


def needed_weeks(norm: Fraction, week: Fraction, years: Fraction) -> int | None:
    """Whole weeks a year that reach the norm with this weekly offer; None without any offer."""
    if week <= 0:
        return None
    return math.ceil(norm / (week * years))


def spread(current: dict[str, Fraction], extra: Fraction, cap: Fraction) -> dict[str, Fraction]:
    """An example of where `extra` weekly hours could go, each day at most `cap`.

    Quarter hours (the last step what is left) go one at a time to the day with the fewest
    hours among the days that already have an offer. When those are full, the extra goes to one
    new day until it is full, then the next: a schedule has no days of a quarter hour. Returns
    the hours added per day, together exactly `extra` (or less when the cap leaves no room).
    """
    added = dict.fromkeys(current, Fraction(0))
    remaining = extra
    while remaining > 0:
        room = [day for day in current if current[day] + added[day] < cap]
        offered = [day for day in room if current[day] > 0]
        started = [day for day in room if added[day] > 0]
        if not room:
            break  # the cap leaves no room; the caller checks this first
        if offered:
            day = min(offered, key=lambda d: (current[d] + added[d], DAYS.index(d)))
        else:
            day = (started or room)[0]
        step = min(STEP, remaining, cap - current[day] - added[day])
        added[day] += step
        remaining -= step
    return added


class Terms(NamedTuple):
    """The planner's rules on the start date (their latest values without one)."""

    norm: Fraction  # hours a child must be able to receive in the period
    years: Fraction  # the period
    cap: Decimal  # hours on one day that count

    @property
    def max_week(self) -> Fraction:
        """The most a week can count: the cap on every weekday."""
        return Fraction(self.cap) * len(DAYS)


def _terms(start: date | None) -> Terms:
    return Terms(
        Fraction(_value(NORM, start)), Fraction(_value(PERIOD, start)), _value(DAY_CAP, start)
    )


def _days(values: dict, cap: Decimal) -> list[dict]:
    """Per weekday the hours offered, the part that counts and the part above `cap` that does not."""
    rows = []
    for day in DAYS:
        offered = values[day]
        counts = counted(offered, cap)
        rows.append(
            {
                "dag": day,
                "uren": plain(offered),
                "telt": plain(counts),
                "telt_niet": plain(offered - counts),
            }
        )
    return rows


def _more_hours(values: dict, week: Fraction, weeks: int, terms: Terms) -> dict:
    """Fix 1: the least weekly offer (in quarter hours) that reaches the norm in `weeks` a year,
    possible only within the cap a day; with an example of where the extra hours could go."""
    need = needed_per_week(terms.norm, weeks, terms.years)
    fix = {"mogelijk": need <= terms.max_week, "uren_per_week_nodig": plain(_decimal(need))}
    if not fix["mogelijk"]:
        return fix | {"reden": "boven_max_per_week"}
    per_day = {day: Fraction(counted(values[day], terms.cap)) for day in DAYS}
    added = spread(per_day, need - week, Fraction(terms.cap))
    new_week = week + sum(added.values(), Fraction(0))
    return fix | {
        "extra_uren_per_week": plain(_decimal(need - week)),
        "voorbeeld": [
            {
                "dag": day,
                "nu": plain(values[day]),
                "erbij": plain(_decimal(added[day])),
                "nieuw": plain(values[day] + _decimal(added[day])),
            }
            for day in DAYS
        ],
        "uren_in_periode": plain(_decimal(period_hours(new_week, weeks, terms.years))),
    }


def _more_weeks(week: Fraction, weeks: int, terms: Terms) -> dict:
    """Fix 2: the whole weeks a year that reach the norm with this weekly offer; possible only
    with some offer a week and within the weeks of a year."""
    needed = needed_weeks(terms.norm, week, terms.years)
    if needed is None:
        return {"mogelijk": False, "weken_per_jaar_nodig": None, "reden": "geen_aanbod"}
    if needed > WEEKS_IN_YEAR:
        return {"mogelijk": False, "weken_per_jaar_nodig": needed, "reden": "meer_dan_een_jaar"}
    return {
        "mogelijk": True,
        "weken_per_jaar_nodig": needed,
        "extra_weken_per_jaar": needed - weeks,
        "uren_in_periode": plain(_decimal(period_hours(week, needed, terms.years))),
    }


def _fixes(values: dict, week: Fraction, weeks: int, terms: Terms) -> dict:
    """Two ways to close a gap, each on its own: more hours a week, or more weeks a year."""
    return {
        "meer_uren_per_week": _more_hours(values, week, weeks, terms),
        "meer_weken_per_jaar": _more_weeks(week, weeks, terms),
    }


def _per_weeks(weeks: int, terms: Terms) -> list[dict]:
    """The other way round: per number of weeks a year (the user's among them) the least weekly
    offer that reaches the norm, whether the cap allows it, and the fewest days it takes."""
    rows = []
    for count in sorted({*COMPARE_WEEKS, weeks}):
        need = needed_per_week(terms.norm, count, terms.years)
        rows.append(
            {
                "weken_per_jaar": count,
                "uren_per_week_nodig": plain(_decimal(need)),
                "mogelijk": need <= terms.max_week,
                "minimaal_dagen": math.ceil(need / Fraction(terms.cap)),
                "ingevuld": count == weeks,
            }
        )
    return rows


def _notes(offered: Decimal, week: Fraction, start: date | None) -> list[dict]:
    """What the user must know, as codes with their figures: offer above the cap a day, and a
    start before the norm took effect."""
    notes = []
    if offered > _decimal(week):
        notes.append(
            {"code": "boven_max_per_dag", "uren_per_week": plain(offered - _decimal(week))}
        )
    took_effect = rules.rule(NORM).start
    if start is not None and start < took_effect:
        notes.append({"code": "norm_nog_niet", "vanaf": took_effect.isoformat()})
    return notes


def _rule_figures(terms: Terms, start: date | None) -> dict:
    """The rules' values the answer used, and the rules themselves (article, source, status)."""
    return {
        "norm_uren": plain(_decimal(terms.norm)),
        "periode_jaar": plain(_decimal(terms.years)),
        "startleeftijd_jaar": plain(_value(START_AGE, start)),
        "max_uren_per_dag": plain(terms.cap),
        "max_uren_per_week": plain(_decimal(terms.max_week)),
        "max_weken_per_jaar": WEEKS_IN_YEAR,
        "basis_weken_per_jaar": plain(_value(BASIS_WEEKS, start)),
        "basis_uren_per_week": plain(_value(BASIS_HOURS, start)),
        "regels": {
            key: rules.rule(rule).describe()
            for key, rule in (
                ("norm", NORM),
                ("max_per_dag", DAY_CAP),
                ("periode", PERIOD),
                ("startleeftijd", START_AGE),
                ("basis_weken", BASIS_WEEKS),
                ("basis_uren", BASIS_HOURS),
            )
        },
    }


def compute(values: dict) -> dict:
    """Hours in the period = countable hours a week × weeks a year × years; when short of the
    norm, the two fixes. Numbers and codes only: calc.ve_aanbod_html words them."""
    start = values.get("startdatum")
    terms = _terms(start)
    weeks = int(values["weken_per_jaar"])
    offered = sum((values[day] for day in DAYS), Decimal(0))
    week = sum((Fraction(counted(values[day], terms.cap)) for day in DAYS), Fraction(0))
    total = period_hours(week, weeks, terms.years)
    end = add_months(start, int(terms.years * 12)) if start else None
    meets = total >= terms.norm
    return {
        "rekenhulp": NAME,
        "invoer": {
            **{day: plain(values[day]) for day in DAYS},
            "weken_per_jaar": weeks,
            "startdatum": start.isoformat() if start else None,
        },
        **_rule_figures(terms, start),
        "dagen": _days(values, terms.cap),
        "uren_per_week_ingevuld": plain(offered),
        "uren_per_week": plain(_decimal(week)),
        "weken_per_jaar": weeks,
        "weken_in_periode": plain(_decimal(weeks * terms.years)),
        "uren_in_periode": plain(_decimal(total)),
        "voldoet": meets,
        "tekort_uren": plain(_decimal(max(terms.norm - total, Fraction(0)))),
        "oplossingen": None if meets else _fixes(values, week, weeks, terms),
        "per_weken": _per_weeks(weeks, terms),
        "startdatum": start.isoformat() if start else None,
        "einddatum": end.isoformat() if end else None,
        "meldingen": _notes(offered, week, start),
    }
