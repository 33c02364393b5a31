"""The words and HTML of a `ve_aanbod` result (calc.ve_aanbod computes the numbers): the hours in
the period against the norm with a bar, the ways to close a gap, the offer per day, the weekly
offer per number of weeks, the period's dates and the rules. Every text goes through calc.html.e.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calc import svg
from calc.html import Cell, Column, Row, data_table, e, rule_cite
from calc.numbers import date_nl, hours, nl


def _hours(value: str) -> str:
    return hours(Decimal(value))


def _nl(value: str) -> str:
    return nl(Decimal(value))


def _date(value: str | None) -> str | None:
    return date_nl(date.fromisoformat(value)) if value else None


def words(result: dict) -> dict:
    """The texts the page shows for the answer (also what browser tests read)."""
    week, total = _hours(result["uren_per_week"]), _hours(result["uren_in_periode"])
    period = f"{_nl(result['periode_jaar'])} jaar"
    return {
        "totaal": total,
        "uren_per_week": week,
        "norm": _hours(result["norm_uren"]),
        "tekort": _hours(result["tekort_uren"]),
        "periode": period,
        "berekening": (
            f"{week} per week × {result['weken_per_jaar']} weken per jaar × {period} = {total}"
        ),
        "startdatum": _date(result["startdatum"]),
        "einddatum": _date(result["einddatum"]),
    }


def note(item: dict, result: dict) -> str:
    """A code of the result's `meldingen` in words."""
    if item["code"] == "boven_max_per_dag":
        return (
            f"{_hours(item['uren_per_week'])} per week telt niet mee: boven de "
            f"{_nl(result['max_uren_per_dag'])} uur op een dag."
        )
    if item["code"] == "norm_nog_niet":
        return (
            f"De norm van {_hours(result['norm_uren'])} geldt sinds {_date(item['vanaf'])}; "
            "voor een eerdere startdatum gold hij nog niet."
        )
    raise ValueError(f"unknown ve_aanbod note {item['code']!r}")


def reason(fix: dict, result: dict) -> str:
    """Why a fix (`oplossingen`) cannot close the gap, from its code `reden`."""
    if fix["reden"] == "boven_max_per_week":
        return (
            f"Met {result['weken_per_jaar']} weken per jaar is {_hours(fix['uren_per_week_nodig'])} "
            f"per week nodig; met hoogstens {_nl(result['max_uren_per_dag'])} uur per dag op "
            f"{len(result['dagen'])} dagen telt hoogstens {_hours(result['max_uren_per_week'])} "
            "per week mee."
        )
    if fix["reden"] == "geen_aanbod":
        return "Zonder aanbod per week helpen extra weken niet."
    if fix["reden"] == "meer_dan_een_jaar":
        return (
            f"Met {_hours(result['uren_per_week'])} per week zijn {fix['weken_per_jaar_nodig']} "
            f"weken per jaar nodig; een jaar heeft er {result['max_weken_per_jaar']}."
        )
    raise ValueError(f"unknown ve_aanbod reason {fix['reden']!r}")


# --- render --------------------------------------------------------------------------------


def _bar(result: dict) -> str:
    total, norm = Decimal(result["uren_in_periode"]), Decimal(result["norm_uren"])
    shown = words(result)
    if result["voldoet"]:
        segments = [
            svg.Segment("Norm", norm, shown["norm"], 0, "norm"),
            svg.Segment("Boven de norm", total - norm, hours(total - norm), 2, "boven"),
        ]
    else:
        segments = [
            svg.Segment("Bereikt", total, shown["totaal"], 0, "bereikt"),
            svg.Segment("Tekort", norm - total, shown["tekort"], 3, "tekort"),
        ]
    return svg.bar(
        segments,
        title=f"{shown['totaal']} VE in {shown['periode']} tegenover de norm van {shown['norm']}",
    )


def _more_hours(fix: dict, result: dict) -> str:
    if not fix["mogelijk"]:
        return (
            f"<li><strong>Meer uren per week</strong> is niet genoeg: {e(reason(fix, result))}</li>"
        )
    changes = ", ".join(
        f"{row['dag']} +{_nl(row['erbij'])} (wordt {_hours(row['nieuw'])})"
        for row in fix["voorbeeld"]
        if Decimal(row["erbij"]) > 0
    )
    return (
        f"<li><strong>Meer uren per week:</strong> minimaal "
        f"{e(_hours(fix['uren_per_week_nodig']))} per week die meetelt (nu "
        f"{e(_hours(result['uren_per_week']))}), dat is "
        f"{e(_hours(fix['extra_uren_per_week']))} erbij. Bijvoorbeeld: "
        f"{e(changes)}. Dan haalt een kind {e(_hours(fix['uren_in_periode']))}.</li>"
    )


def _more_weeks(fix: dict, result: dict) -> str:
    if not fix["mogelijk"]:
        return f"<li><strong>Meer weken per jaar</strong> is niet genoeg: {e(reason(fix, result))}</li>"
    extra = fix["extra_weken_per_jaar"]
    return (
        f"<li><strong>Meer weken per jaar:</strong> {e(fix['weken_per_jaar_nodig'])} "
        f"weken per jaar, dat is {e(extra)} {'week' if extra == 1 else 'weken'} erbij "
        "(bijvoorbeeld met een vakantieaanbod). Dan haalt een kind "
        f"{e(_hours(fix['uren_in_periode']))}.</li>"
    )


def _fixes(result: dict) -> str:
    fixes = result["oplossingen"]
    if fixes is None:
        return ""
    items = _more_hours(fixes["meer_uren_per_week"], result) + _more_weeks(
        fixes["meer_weken_per_jaar"], result
    )
    return f'<p>Zo sluit u het gat (elk op zich):</p><ul class="rh-oplossingen">{items}</ul>'


def _headline(result: dict) -> str:
    """The hours in the period, the verdict, the notes, the bar and the sum."""
    shown = words(result)
    verdict = (
        f"Dat haalt de norm van {e(shown['norm'])}."
        if result["voldoet"]
        else f"Dat is <strong>{e(shown['tekort'])} te weinig</strong> voor de norm van "
        f"{e(shown['norm'])}."
    )
    notes = "".join(
        f'<p class="rh-melding">{e(note(item, result))}</p>' for item in result["meldingen"]
    )
    return (
        f'<p class="rh-totaal">Dit aanbod geeft een kind <strong data-uitkomst="totaal">'
        f"{e(shown['totaal'])}</strong> VE in {e(shown['periode'])}. {verdict}</p>"
        f"{notes}{_bar(result)}"
        f'<p class="rh-berekening">{e(shown["berekening"])}.</p>'
    )


def _days_table(result: dict) -> str:
    days = [
        Row(
            e(day["dag"].capitalize()),
            (e(_hours(day["uren"])), Cell(e(_hours(day["telt"])), day["telt"])),
            f' data-dag="{e(day["dag"])}"',
        )
        for day in result["dagen"]
    ]
    week = result["uren_per_week"]
    return data_table(
        "Aanbod per dag",
        (
            Column("Dag"),
            Column("Aanbod", number=True),
            Column(f"Telt mee (hoogstens {_nl(result['max_uren_per_dag'])} uur)", number=True),
        ),
        days,
        footer=Row(
            "Per week",
            (e(_hours(result["uren_per_week_ingevuld"])), Cell(e(_hours(week)), week)),
        ),
    )


def _weeks_table(result: dict) -> str:
    """The other way round: per number of weeks a year the weekly offer that reaches the norm."""
    too_much = f"niet mogelijk: meer dan {e(_hours(result['max_uren_per_week']))} per week"
    rows = [
        Row(
            e(row["weken_per_jaar"]),
            (
                e(_hours(row["uren_per_week_nodig"])),
                f"minimaal {e(row['minimaal_dagen'])} dagen" if row["mogelijk"] else too_much,
            ),
            " data-ingevuld" if row["ingevuld"] else "",
        )
        for row in result["per_weken"]
    ]
    return data_table(
        f"Welk aanbod per week haalt {_hours(result['norm_uren'])}?",
        (Column("Weken per jaar"), Column("Minimaal per week", number=True), Column("Verdeling")),
        rows,
        attributes=' data-tabel="per_weken"',
    )


def _period(result: dict) -> str:
    """The dates of the period, and the child's age at its end, when a start date is given."""
    if not result["startdatum"]:
        return ""
    shown, age = words(result), Decimal(result["startleeftijd_jaar"])
    return (
        f"<p>De periode van {e(shown['periode'])} loopt van {e(shown['startdatum'])} tot "
        f"{e(shown['einddatum'])}. Is de startdatum de dag waarop het kind {e(nl(age))} jaar "
        f"wordt, dan is het op de einddatum "
        f"{e(nl(age + Decimal(result['periode_jaar'])))} jaar.</p>"
    )


def _footnotes(result: dict) -> str:
    """The rules with their sources, and how the figures are rounded."""
    shown, cited = words(result), result["regels"]
    return (
        f'<p class="rh-toelichting">{e(shown["norm"])} in {e(shown["periode"])} vanaf '
        f"{e(_nl(result['startleeftijd_jaar']))} jaar: {rule_cite(cited['norm'])}. "
        f"Aanbod boven {e(_nl(result['max_uren_per_dag']))} uur op een dag telt niet mee: "
        f"{rule_cite(cited['max_per_dag'])}. De norm is gebaseerd op "
        f"{e(result['basis_weken_per_jaar'])} weken per jaar × "
        f"{e(_nl(result['basis_uren_per_week']))} uur per week: "
        f"{rule_cite(cited['basis_weken'])}.</p>"
        '<p class="rh-toelichting">De uren zijn exact berekend. Een benodigd aanbod per week is '
        "naar boven afgerond op een kwartier, benodigde weken op hele weken: een minimum wordt "
        "nooit naar beneden afgerond.</p>"
    )


def render(result: dict) -> str:
    return (
        '<div class="rh-uitkomst">'
        f"{_headline(result)}{_fixes(result)}{_days_table(result)}{_weeks_table(result)}"
        f"{_period(result)}{_footnotes(result)}</div>"
    )
