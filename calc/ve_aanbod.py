"""Rekenhulp `ve_aanbod`: the 960-uur planner for an offer of voorschoolse educatie.

Besluit basisvoorwaarden kwaliteit voorschoolse educatie, art. 2 (Stb. 2019, 315): from the day a
child turns 2,5 the offer must let it receive at least 960 hours in 1,5 years; offer above 6 hours
on one day does not count.

hours in the period = (Σ over the weekdays of min(hours that day, 6)) × weeks per year × 1,5.

If that falls short, two ways to close the gap: more hours a week (within 6 a day, so at most
5 × 6 a week) or more weeks a year (at most 52). And the other way round: for N weeks a year, the
weekly offer that reaches 960, rounded UP to a quarter hour (a minimum is never rounded down).
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction

from calc import rules, svg
from calc.fields import DateField, Field, add_months
from calc.html import Cell, Column, Row, data_table, e, rule_cite
from calc.numbers import date_nl, hours, nl, plain

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


def compute(values: dict) -> dict:
    start = values.get("startdatum")
    norm = Fraction(_value(NORM, start))
    years = Fraction(_value(PERIOD, start))
    cap = _value(DAY_CAP, start)
    age = _value(START_AGE, start)
    weeks = int(values["weken_per_jaar"])
    notes = []

    days = []
    for day in DAYS:
        offered = values[day]
        counts = counted(offered, cap)
        days.append(
            {
                "dag": day,
                "uren": plain(offered),
                "telt": plain(counts),
                "telt_niet": plain(offered - counts),
                "weergave": {"uren": hours(offered), "telt": hours(counts)},
            }
        )
    offered_week = sum((values[day] for day in DAYS), Decimal(0))
    week = sum((Fraction(counted(values[day], cap)) for day in DAYS), Fraction(0))
    total = period_hours(week, weeks, years)
    meets = total >= norm
    max_week = Fraction(cap) * len(DAYS)
    if offered_week > _decimal(week):
        notes.append(
            f"{hours(offered_week - _decimal(week))} per week telt niet mee: boven de "
            f"{nl(cap)} uur op een dag."
        )

    fixes = None
    if not meets:
        need = needed_per_week(norm, weeks, years)
        per_day = {day: Fraction(counted(values[day], cap)) for day in DAYS}
        more_hours = {"mogelijk": need <= max_week}
        if need <= max_week:
            added = spread(per_day, need - week, Fraction(cap))
            new_week = sum(per_day.values(), Fraction(0)) + sum(added.values(), Fraction(0))
            more_hours |= {
                "uren_per_week_nodig": plain(_decimal(need)),
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
                "uren_in_periode": plain(_decimal(period_hours(new_week, weeks, years))),
            }
        else:
            more_hours["reden"] = (
                f"Met {weeks} weken per jaar is {hours(_decimal(need))} per week nodig; met "
                f"hoogstens {nl(cap)} uur per dag op {len(DAYS)} dagen telt hoogstens "
                f"{hours(_decimal(max_week))} per week mee."
            )
        weeks_needed = needed_weeks(norm, week, years)
        more_weeks: dict = {"mogelijk": weeks_needed is not None and weeks_needed <= WEEKS_IN_YEAR}
        if more_weeks["mogelijk"]:
            more_weeks |= {
                "weken_per_jaar_nodig": weeks_needed,
                "extra_weken_per_jaar": weeks_needed - weeks,
                "uren_in_periode": plain(_decimal(period_hours(week, weeks_needed, years))),
            }
        elif weeks_needed is None:
            more_weeks["reden"] = "Zonder aanbod per week helpen extra weken niet."
        else:
            more_weeks["reden"] = (
                f"Met {hours(_decimal(week))} per week zijn {weeks_needed} weken per jaar nodig; "
                f"een jaar heeft er {WEEKS_IN_YEAR}."
            )
        fixes = {"meer_uren_per_week": more_hours, "meer_weken_per_jaar": more_weeks}

    table = []
    for count in sorted({*COMPARE_WEEKS, weeks}):
        need = needed_per_week(norm, count, years)
        table.append(
            {
                "weken_per_jaar": count,
                "uren_per_week_nodig": plain(_decimal(need)),
                "mogelijk": need <= max_week,
                "minimaal_dagen": math.ceil(need / Fraction(cap)),
                "ingevuld": count == weeks,
            }
        )

    end = None
    if start is not None:
        end = add_months(start, int(years * 12))
        rule_start = rules.rule(NORM).start
        if start < rule_start:
            notes.append(
                f"De norm van {hours(_decimal(norm))} geldt sinds "
                f"{date_nl(rule_start)}; voor een eerdere startdatum gold hij nog niet."
            )

    short = max(norm - total, Fraction(0))
    return {
        "rekenhulp": NAME,
        "invoer": {
            **{day: plain(values[day]) for day in DAYS},
            "weken_per_jaar": weeks,
            "startdatum": start.isoformat() if start else None,
        },
        "norm_uren": plain(_decimal(norm)),
        "periode_jaar": plain(_decimal(years)),
        "startleeftijd_jaar": plain(age),
        "max_uren_per_dag": plain(cap),
        "max_uren_per_week": plain(_decimal(max_week)),
        "basis_weken_per_jaar": plain(_value(BASIS_WEEKS, start)),
        "basis_uren_per_week": plain(_value(BASIS_HOURS, start)),
        "dagen": days,
        "uren_per_week_ingevuld": plain(offered_week),
        "uren_per_week": plain(_decimal(week)),
        "weken_per_jaar": weeks,
        "weken_in_periode": plain(_decimal(weeks * years)),
        "uren_in_periode": plain(_decimal(total)),
        "voldoet": meets,
        "tekort_uren": plain(_decimal(short)),
        "oplossingen": fixes,
        "per_weken": table,
        "startdatum": start.isoformat() if start else None,
        "einddatum": end.isoformat() if end else None,
        "regels": {
            "norm": rules.rule(NORM).describe(),
            "max_per_dag": rules.rule(DAY_CAP).describe(),
            "periode": rules.rule(PERIOD).describe(),
            "startleeftijd": rules.rule(START_AGE).describe(),
            "basis_weken": rules.rule(BASIS_WEEKS).describe(),
            "basis_uren": rules.rule(BASIS_HOURS).describe(),
        },
        "meldingen": notes,
        "weergave": {
            "uren_in_periode": hours(_decimal(total)),
            "uren_per_week": hours(_decimal(week)),
            "norm": hours(_decimal(norm)),
            "tekort": hours(_decimal(short)),
            "periode": f"{nl(_decimal(years))} jaar",
            "berekening": (
                f"{hours(_decimal(week))} per week × {weeks} weken per jaar × "
                f"{nl(_decimal(years))} jaar = {hours(_decimal(total))}"
            ),
            "startdatum": date_nl(start) if start else None,
            "einddatum": date_nl(end) if end else None,
        },
    }


# --- render --------------------------------------------------------------------------------


def _bar(result: dict) -> str:
    total, norm = Decimal(result["uren_in_periode"]), Decimal(result["norm_uren"])
    shown = result["weergave"]
    if result["voldoet"]:
        segments = [
            svg.Segment("Norm", norm, shown["norm"], 0, "norm"),
            svg.Segment("Boven de norm", total - norm, hours(total - norm), 2, "boven"),
        ]
    else:
        segments = [
            svg.Segment("Bereikt", total, shown["uren_in_periode"], 0, "bereikt"),
            svg.Segment("Tekort", norm - total, shown["tekort"], 3, "tekort"),
        ]
    return svg.bar(
        segments,
        title=f"{shown['uren_in_periode']} VE in {shown['periode']} tegenover de norm van {shown['norm']}",
    )


def _fixes(result: dict) -> str:
    fixes = result["oplossingen"]
    hours_fix, weeks_fix = fixes["meer_uren_per_week"], fixes["meer_weken_per_jaar"]
    items = []
    if hours_fix["mogelijk"]:
        changes = ", ".join(
            f"{row['dag']} +{nl(Decimal(row['erbij']))} (wordt {hours(Decimal(row['nieuw']))})"
            for row in hours_fix["voorbeeld"]
            if Decimal(row["erbij"]) > 0
        )
        items.append(
            f"<li><strong>Meer uren per week:</strong> minimaal "
            f"{e(hours(Decimal(hours_fix['uren_per_week_nodig'])))} per week die meetelt (nu "
            f"{e(hours(Decimal(result['uren_per_week'])))}), dat is "
            f"{e(hours(Decimal(hours_fix['extra_uren_per_week'])))} erbij. Bijvoorbeeld: "
            f"{e(changes)}. Dan haalt een kind "
            f"{e(hours(Decimal(hours_fix['uren_in_periode'])))}.</li>"
        )
    else:
        items.append(
            f"<li><strong>Meer uren per week</strong> is niet genoeg: {e(hours_fix['reden'])}</li>"
        )
    if weeks_fix["mogelijk"]:
        items.append(
            f"<li><strong>Meer weken per jaar:</strong> {e(weeks_fix['weken_per_jaar_nodig'])} "
            f"weken per jaar, dat is {e(weeks_fix['extra_weken_per_jaar'])} "
            f"{'week' if weeks_fix['extra_weken_per_jaar'] == 1 else 'weken'} erbij (bijvoorbeeld "
            f"met een vakantieaanbod). Dan haalt een kind "
            f"{e(hours(Decimal(weeks_fix['uren_in_periode'])))}.</li>"
        )
    else:
        items.append(
            f"<li><strong>Meer weken per jaar</strong> is niet genoeg: {e(weeks_fix['reden'])}</li>"
        )
    return (
        f'<p>Zo sluit u het gat (elk op zich):</p><ul class="rh-oplossingen">{"".join(items)}</ul>'
    )


def render(result: dict) -> str:
    shown, rules_shown = result["weergave"], result["regels"]
    verdict = (
        f"Dat haalt de norm van {e(shown['norm'])}."
        if result["voldoet"]
        else f"Dat is <strong>{e(shown['tekort'])} te weinig</strong> voor de norm van "
        f"{e(shown['norm'])}."
    )
    days = [
        Row(
            e(day["dag"].capitalize()),
            (e(day["weergave"]["uren"]), Cell(e(day["weergave"]["telt"]), day["telt"])),
            f' data-dag="{e(day["dag"])}"',
        )
        for day in result["dagen"]
    ]
    too_much = f"niet mogelijk: meer dan {e(hours(Decimal(result['max_uren_per_week'])))} per week"
    comparison = [
        Row(
            e(row["weken_per_jaar"]),
            (
                e(hours(Decimal(row["uren_per_week_nodig"]))),
                f"minimaal {e(row['minimaal_dagen'])} dagen" if row["mogelijk"] else too_much,
            ),
            " data-ingevuld" if row["ingevuld"] else "",
        )
        for row in result["per_weken"]
    ]
    period = (
        f"<p>De periode van {e(shown['periode'])} loopt van {e(shown['startdatum'])} tot "
        f"{e(shown['einddatum'])}. Is de startdatum de dag waarop het kind "
        f"{e(nl(Decimal(result['startleeftijd_jaar'])))} jaar wordt, dan is het op de einddatum "
        f"{e(nl(Decimal(result['startleeftijd_jaar']) + Decimal(result['periode_jaar'])))} jaar.</p>"
        if result["startdatum"]
        else ""
    )
    notes = "".join(f'<p class="rh-melding">{e(note)}</p>' for note in result["meldingen"])
    return (
        '<div class="rh-uitkomst">'
        f'<p class="rh-totaal">Dit aanbod geeft een kind <strong data-uitkomst="totaal">'
        f"{e(shown['uren_in_periode'])}</strong> VE in {e(shown['periode'])}. {verdict}</p>"
        f"{notes}{_bar(result)}"
        f'<p class="rh-berekening">{e(shown["berekening"])}.</p>'
        + ("" if result["voldoet"] else _fixes(result))
        + data_table(
            "Aanbod per dag",
            (
                Column("Dag"),
                Column("Aanbod", number=True),
                Column(
                    f"Telt mee (hoogstens {nl(Decimal(result['max_uren_per_dag']))} uur)",
                    number=True,
                ),
            ),
            days,
            footer=Row(
                "Per week",
                (
                    e(hours(Decimal(result["uren_per_week_ingevuld"]))),
                    Cell(e(shown["uren_per_week"]), result["uren_per_week"]),
                ),
            ),
        )
        + data_table(
            f"Welk aanbod per week haalt {shown['norm']}?",
            (
                Column("Weken per jaar"),
                Column("Minimaal per week", number=True),
                Column("Verdeling"),
            ),
            comparison,
            attributes=' data-tabel="per_weken"',
        )
        + f"{period}"
        f'<p class="rh-toelichting">{e(shown["norm"])} in {e(shown["periode"])} vanaf '
        f"{e(nl(Decimal(result['startleeftijd_jaar'])))} jaar: {rule_cite(rules_shown['norm'])}. "
        f"Aanbod boven {e(nl(Decimal(result['max_uren_per_dag'])))} uur op een dag telt niet mee: "
        f"{rule_cite(rules_shown['max_per_dag'])}. De norm is gebaseerd op "
        f"{e(result['basis_weken_per_jaar'])} weken per jaar × "
        f"{e(nl(Decimal(result['basis_uren_per_week'])))} uur per week: "
        f"{rule_cite(rules_shown['basis_weken'])}.</p>"
        '<p class="rh-toelichting">De uren zijn exact berekend. Een benodigd aanbod per week is '
        "naar boven afgerond op een kwartier, benodigde weken op hele weken: een minimum wordt "
        "nooit naar beneden afgerond.</p>"
        "</div>"
    )
