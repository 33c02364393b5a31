"""The words and HTML of an `uren` result (calc.uren computes the numbers): the total with its
hours per week and fte, the parts with rule and source, the VE minimum per kindercentrum, the
proposed split per kindercentrum, the staff list and the notes. Every text goes through
calc.html.e, so names from a form or a link reach the page as text only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calc import html, rules, svg, uren
from calc.html import Cell, Column, data_table, e, rule_cite
from calc.numbers import date_nl, hours, nl


def _hours(value: str) -> str:
    return hours(Decimal(value))


def _about(value: str, exact: bool, unit: str) -> str:
    """'14,72 uur', or '≈ 14,72 uur' for a figure rounded up."""
    return f"{'' if exact else '≈ '}{nl(Decimal(value))} {unit}"


def _count(value: str, one: str, many: str) -> str:
    return f"{nl(Decimal(value))} {one if Decimal(value) == 1 else many}"


def _name(row: dict) -> str:
    return row["naam"] or f"Kindercentrum in rij {row['rij']}"


def _per(key: str, day: date) -> str:
    return _hours(str(rules.value(key, day)))


# --- a result table ------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    header: str  # text of the row header
    cells: tuple[tuple[str, str | None], ...]  # (HTML, exact value for data-waarde, or None)
    attributes: str = ""  # e.g. ' data-onderdeel="ve"'; built from escaped values


def _table(key: str, caption: str, head: tuple[str, ...], rows: list[Row], foot: Row | None) -> str:
    """A result table through calc.html's shared helper; a column holding values is a number
    column."""
    numbers = {i for item in rows for i, (_, value) in enumerate(item.cells) if value is not None}
    columns = (
        Column(head[0]),
        *(Column(label, number=i in numbers) for i, label in enumerate(head[1:])),
    )

    def row(item: Row) -> html.Row:
        cells = tuple(text if value is None else Cell(e(text), value) for text, value in item.cells)
        return html.Row(e(item.header), cells, item.attributes)

    return data_table(
        caption,
        columns,
        [row(item) for item in rows],
        footer=row(foot) if foot else None,
        attributes=f' data-tabel="{e(key)}"' if key else "",
    )


def _text(value: str) -> tuple[str, None]:
    """A cell of plain text (escaped here)."""
    return e(value), None


# --- the parts -----------------------------------------------------------------------------


def _counted(result: dict, key: str) -> str:
    """What a part multiplies: '3 kindercentra', '54 uur per week ÷ 36 = 1,5 fte', ..."""
    part = next(p for p in result["onderdelen"] if p["sleutel"] == key)
    sources = result["bronnen"]
    if key == "ikk_beleid":
        text = _count(part["aantal"], "kindercentrum", "kindercentra")
        return text + (" in de tabel" if sources["kindercentra"] == "tabel" else "")
    if key == "ikk_coaching":
        if sources["fte"] == "medewerkers":
            staff = result["medewerkers"]
            sign = "=" if part["aantal_exact"] else "≈"
            return (
                f"{nl(Decimal(staff['uren_per_week']))} uur per week ÷ "
                f"{nl(Decimal(staff['uren_per_week_per_fte']))} {sign} {nl(Decimal(part['aantal']))} fte"
            )
        text = _about(part["aantal"], part["aantal_exact"], "fte")
        return text + (" (som van de kindercentra)" if sources["fte"] == "tabel" else "")
    text = _count(part["aantal"], "doelgroeppeuter", "doelgroeppeuters")
    if sources["doelgroeppeuters"] == "tabel":
        text += f" op {_count(result['kindercentra'], 'kindercentrum', 'kindercentra')}"
    return text


def calculation(result: dict, part: dict) -> str:
    """The sum a part shows: '3 kindercentra × 50 uur', or when its rule starts later."""
    day = date.fromisoformat(result["peildatum"])
    rule = rules.rule(part["regel"]["sleutel"])
    if not part["van_toepassing"]:
        return f"geldt pas vanaf {date_nl(rule.start)}"
    text = f"{_counted(result, part['sleutel'])} × {_per(rule.key, day)}"
    if not part["exact"]:
        text += f"; naar boven afgerond op {uren.HOUR_PLACES} decimalen"
    return text


def words(result: dict) -> dict:
    """The texts the page shows for the total and each part (also what browser tests read)."""
    return {
        "totaal": _hours(result["totaal_uren"]),
        "onderdelen": {
            part["sleutel"]: (calculation(result, part), _hours(part["uren"]))
            for part in result["onderdelen"]
        },
    }


def _parts_table(result: dict) -> str:
    shown = words(result)["onderdelen"]
    rows = [
        Row(
            rules.rule(part["regel"]["sleutel"]).name,
            (
                _text(shown[part["sleutel"]][0]),
                (shown[part["sleutel"]][1], part["uren"]),
                (rule_cite(part["regel"]), None),
            ),
            f' data-onderdeel="{e(part["sleutel"])}"',
        )
        for part in result["onderdelen"]
    ]
    foot = Row(
        "Totaal", (_text(""), (_hours(result["totaal_uren"]), result["totaal_uren"]), _text(""))
    )
    head = ("Onderdeel", "Berekening", "Uren per jaar", "Regel en bron")
    return _table("", "Opbouw van de uren per jaar", head, rows, foot)


# --- hours per week and fte ------------------------------------------------------------------


def _plan_cells(plan: dict) -> tuple:
    return (
        (_about(plan["uren_per_week"], plan["uren_per_week_exact"], "uur"), plan["uren_per_week"]),
        (_about(plan["fte"], plan["fte_exact"], "fte"), plan["fte"]),
    )


def _planning_table(result: dict) -> str:
    plan = result["omrekening"]
    rows = [
        Row(
            "IKK: beleid en coaching, voor de houder",
            ((_hours(plan["ikk"]["uren"]), plan["ikk"]["uren"]), *_plan_cells(plan["ikk"])),
        ),
        Row(
            "VE: som van de kindercentra",
            ((_hours(plan["ve"]["uren"]), plan["ve"]["uren"]), *_plan_cells(plan["ve"])),
        ),
    ]
    foot = Row(
        "Totaal",
        ((_hours(plan["totaal"]["uren"]), plan["totaal"]["uren"]), *_plan_cells(plan["totaal"])),
    )
    weeks, per_fte = plan["regels"]
    chosen = (
        ""
        if plan["weken_standaard"]
        else f" U rekent met {e(nl(Decimal(plan['weken_per_jaar'])))} weken; de standaard van deze site is "
        f"{e(nl(rules.value('pbm_weken_per_jaar', date.fromisoformat(result['peildatum']))))}."
    )
    return (
        _table(
            "omrekening",
            "Omgerekend naar uren per week en fte van een pbm'er",
            ("Deel", "Uren per jaar", "Gemiddeld per week", "Fte pbm'er"),
            rows,
            foot,
        )
        + f'<p class="rh-toelichting">Omrekening: de uren per jaar gelijk verdeeld over '
        f"{e(nl(Decimal(plan['weken_per_jaar'])))} weken ({rule_cite(weeks)}); "
        f"{e(nl(Decimal(plan['uren_per_week_per_fte'])))} uur per week is 1 fte ({rule_cite(per_fte)}). "
        "Vakantie en verlof zijn niet afgetrokken: werkt de pbm'er minder weken, vul dan bij "
        f"‘{e(uren.WEEKS.label)}’ minder weken in.{chosen}</p>"
    )


# --- per kindercentrum -----------------------------------------------------------------------


def _centres_table(result: dict) -> str:
    """The VE minimum of each kindercentrum (art. 2a), also per week and as fte."""
    day = date.fromisoformat(result["peildatum"])
    ve = next(p for p in result["onderdelen"] if p["sleutel"] == "ve")
    rows = [
        Row(
            _name(item),
            (
                (nl(Decimal(item["doelgroeppeuters"])), item["doelgroeppeuters"]),
                (_hours(item["ve_uren"]), item["ve_uren"]),
                *_plan_cells(item["ve"]),
            ),
            f' data-rij="{e(item["rij"])}"',
        )
        for item in result["kindercentra_lijst"]
    ]
    plan = result["omrekening"]["ve"]
    foot = Row(
        "Totaal VE",
        (
            (nl(Decimal(result["doelgroeppeuters"])), result["doelgroeppeuters"]),
            (_hours(plan["uren"]), plan["uren"]),
            *_plan_cells(plan),
        ),
    )
    head = (
        "Kindercentrum",
        f"Doelgroeppeuters ({uren.AGE_FROM} tot {uren.AGE_TO} jaar)",
        "Minimum per jaar",
        "Gemiddeld per week",
        "Fte pbm'er",
    )
    rule = rules.rule("ve_uren_per_doelgroeppeuter")
    how = (
        f"{_per(rule.key, day)} per doelgroeppeuter"
        if ve["van_toepassing"]
        else calculation(result, ve)
    )
    caption = f"Minimum VE-uren per kindercentrum: {how} ({rule.article})"
    return _table("ve_kindercentra", caption, head, rows, foot)


def _proposal_cells(fte: str, plan: dict) -> tuple:
    return (
        (nl(Decimal(fte)), fte),
        (_hours(plan["ikk_beleid_uren"]), plan["ikk_beleid_uren"]),
        (
            _about(plan["ikk_coaching_uren"], plan["ikk_coaching_exact"], "uur"),
            plan["ikk_coaching_uren"],
        ),
        (_hours(plan["ve_uren"]), plan["ve_uren"]),
        (_about(plan["totaal_uren"], plan["totaal_exact"], "uur"), plan["totaal_uren"]),
        *_plan_cells(plan),
    )


def _proposal_intro(result: dict) -> str:
    day = date.fromisoformat(result["peildatum"])
    total = result["voorstel_totaal"]
    coaching = _hours(total["ikk_coaching_uren"])
    together = (
        f"samen precies de {coaching} coaching"
        if total["ikk_coaching_exact"]
        else f"samen {coaching}: de coaching naar boven afgerond op hele uren"
    )
    return (
        '<p class="rh-toelichting"><strong>Een voorstel, geen regel.</strong> De IKK-uren gelden '
        "voor de houder als geheel: de houder verdeelt ze zelf over zijn kindercentra, zolang elke "
        "pedagogisch medewerker elk jaar coaching krijgt (ministerie van SZW). Dit voorstel geeft elk "
        f"kindercentrum {e(_per('ikk_beleid_uren_per_kindercentrum', day))} voor beleid en de "
        "coaching naar verhouding van zijn fte, in hele uren: ≈ staat bij een aantal dat van de "
        f"precieze verhouding is afgerond, en de kindercentra krijgen {e(together)}. De VE-uren "
        "zijn het minimum van het kindercentrum zelf.</p>"
    )


def _proposal_table(result: dict) -> str:
    items = result["kindercentra_lijst"]
    if not result["voorstel"]:
        if all(item["fte"] is not None for item in items):  # all 0, with fte from the staff list
            return (
                '<p class="rh-toelichting">De fte per kindercentrum zijn samen 0, maar de lijst met '
                "medewerkers geeft fte: de rekenhulp kan de coaching dan niet naar verhouding over "
                "de kindercentra verdelen.</p>"
            )
        return (
            '<p class="rh-toelichting">Vul bij elk kindercentrum de fte in: dan stelt de rekenhulp '
            "ook een verdeling van de IKK-uren per kindercentrum voor.</p>"
        )
    rows = [
        Row(
            _name(item),
            _proposal_cells(item["fte"], item["voorstel"]),
            f' data-rij="{e(item["rij"])}"',
        )
        for item in items
    ]
    total = result["voorstel_totaal"]
    foot = Row("Totaal", _proposal_cells(total["fte_pm"], total))
    head = (
        "Kindercentrum",
        "Fte pm'ers",
        "IKK beleid",
        "IKK coaching",
        "VE (minimum)",
        "Totaal per jaar",
        "Gemiddeld per week",
        "Fte pbm'er",
    )
    caption = "Voorstel: alle uren per kindercentrum"
    return _proposal_intro(result) + _table("voorstel", caption, head, rows, foot)


def _rounded_per_centre(result: dict) -> str:
    """Said when a kindercentrum's hours per week or fte are rounded up: the rows can then add
    up to a little more than their total."""
    plans = [item["ve"] for item in result["kindercentra_lijst"]]
    plans += [item["voorstel"] for item in result["kindercentra_lijst"] if item["voorstel"]]
    if all(plan["uren_per_week_exact"] and plan["fte_exact"] for plan in plans):
        return ""
    return (
        '<p class="rh-toelichting">Gemiddeld per week en fte pbm\'er staan per kindercentrum naar '
        "boven afgerond; de delen kunnen samen iets meer zijn dan het totaal.</p>"
    )


# --- staff, notes, explanations --------------------------------------------------------------


def _staff_table(staff: dict) -> str:
    period = staff["peilperiode_flexibel"]
    start, end = (date.fromisoformat(period[k]) for k in ("van", "tot_en_met"))
    rows = [
        Row(
            row["naam"] or f"Medewerker in rij {row['rij']}",
            (
                _text("flexibel: gemiddelde inzet per week" if row["flexibel"] else "contracturen"),
                (f"{nl(Decimal(row['uren_per_week']))} uur per week", row["uren_per_week"]),
                (_about(row["fte"], row["fte_exact"], "fte"), row["fte"]),
            ),
            f' data-rij="{e(row["rij"])}"',
        )
        for row in staff["rijen"]
    ]
    foot = Row(
        "Totaal",
        (
            _text(""),
            (f"{nl(Decimal(staff['uren_per_week']))} uur per week", staff["uren_per_week"]),
            (_about(staff["fte"], staff["fte_exact"], "fte"), staff["fte"]),
        ),
    )
    per_fte, flex = staff["regels"]
    return (
        _table(
            "fte",
            "Zo is de fte berekend",
            ("Medewerker", "Telt mee met", "Uren per week", "Fte"),
            rows,
            foot,
        )
        + f'<p class="rh-toelichting">{e(staff["uren_per_week_per_fte"])} uur per week is 1 fte: '
        f"{rule_cite(per_fte)}. Een flexibel contract (0-uren, min-max, uitzendkracht) telt mee "
        f"met de gemiddelde inzet per week van {e(date_nl(start))} tot en met {e(date_nl(end))}: "
        f"{rule_cite(flex)}.</p>"
    )


def notes(result: dict) -> list[str]:
    """Where a table or list replaced what was typed above it."""
    fte_label = uren._label("fte")
    texts = {
        "kindercentra_uit_tabel": "U vulde ook ‘{k}’ in ({ingevuld}). De rekenhulp telt de kindercentra in de tabel: {gebruikt}.",
        "doelgroeppeuters_uit_tabel": "U vulde ook ‘{d}’ in ({ingevuld}). De rekenhulp telt de doelgroeppeuters per kindercentrum in de tabel: samen {gebruikt}.",
        "fte_uit_medewerkers": "U vulde ook ‘{f}’ in ({ingevuld}). De rekenhulp gebruikt de lijst met medewerkers: {gebruikt} fte.",
        "fte_uit_tabel": "U vulde ook ‘{f}’ in ({ingevuld}). De rekenhulp telt de fte per kindercentrum in de tabel: samen {gebruikt} fte.",
        "fte_tabel_wijkt_af": "De fte per kindercentrum in de tabel (samen {tabel}) wijken af van de lijst met medewerkers ({medewerkers} fte). De coaching telt met de lijst; het voorstel verdeelt die naar verhouding van de fte per kindercentrum.",
    }
    return [
        texts[note["code"]].format(
            k=uren._label("kindercentra"),
            d=uren.CHILDREN,
            f=fte_label,
            **{key: nl(Decimal(value)) for key, value in note.items() if key != "code"},
        )
        for note in result["meldingen"]
    ]


def explanations(result: dict) -> list[str]:
    day = date.fromisoformat(result["peildatum"])
    exact = result["totaal_exact"] and result["fte_exact"]
    rounded = Decimal(result["totaal_uren_afgerond"]) != Decimal(result["totaal_uren"])
    rounding = " ".join(
        text
        for text in (
            "De uren zijn exact berekend en een minimum wordt nooit naar beneden afgerond.",
            ""
            if exact
            else "Een uitkomst die geen eindig decimaal getal is, staat naar boven afgerond op "
            f"{uren.HOUR_PLACES} decimalen (fte op {uren.FTE_PLACES}).",
            f"Als heel aantal uren: {_hours(result['totaal_uren_afgerond'])}, naar boven afgerond."
            if rounded
            else "",
        )
        if text
    )
    return [
        f"Peildatum {date_nl(day)}: de aantallen kindercentra, fte en doelgroeppeuters zijn die op die dag.",
        rounding,
        "De IKK-uren (beleid en coaching) gelden voor de houder als geheel: de houder verdeelt ze "
        "over zijn kindercentra, en elke pedagogisch medewerker krijgt elk jaar coaching "
        "(ministerie van SZW).",
        "De VE-uren gelden per kindercentrum: art. 2a legt de plicht bij ‘de houder van een "
        "kindercentrum waar voorschoolse educatie wordt aangeboden’, en het NJi beschrijft het "
        "minimum als uren per kindcentrum per jaar. Het totaal is de som van de kindercentra.",
        f"Alleen doelgroeppeuters van {uren.AGE_FROM} tot {uren.AGE_TO} jaar op 1 januari tellen "
        "mee. Jongere peuters die een gemeente in de VE financiert, tellen niet mee voor dit minimum.",
        "Voor de pbm'er bij een gastouderbureau rekent deze rekenhulp niet: hoeveel uren coaching "
        "per gastouder het Besluit kwaliteit kinderopvang vraagt, heeft deze site nog niet kunnen "
        "lezen.",
    ]


# --- the whole answer ----------------------------------------------------------------------


def _bar(result: dict) -> str:
    parts = {part["sleutel"]: part for part in result["onderdelen"]}
    segments = [
        svg.Segment("IKK beleid", Decimal(parts["ikk_beleid"]["uren"]), _hours(parts["ikk_beleid"]["uren"]), 0, "ikk_beleid"),
        svg.Segment("IKK coaching", Decimal(parts["ikk_coaching"]["uren"]), _hours(parts["ikk_coaching"]["uren"]), 1, "ikk_coaching"),
    ]  # fmt: skip
    if result["kindercentra_lijst"]:
        segments += [
            svg.Segment(
                f"VE {_name(item)}",
                Decimal(item["ve_uren"]),
                _hours(item["ve_uren"]),
                2 + index % 2,
                f"ve_{item['rij']}",
            )
            for index, item in enumerate(result["kindercentra_lijst"])
        ]
    else:
        segments.append(
            svg.Segment("VE", Decimal(parts["ve"]["uren"]), _hours(parts["ve"]["uren"]), 2, "ve")
        )
    return svg.bar(
        segments,
        title=f"Opbouw van {_hours(result['totaal_uren'])} pedagogisch beleidsmedewerker in {result['jaar']}",
        caption="Opbouw in één oogopslag",
    )


def _summary(result: dict) -> str:
    total = result["omrekening"]["totaal"]
    rounding = (
        ""
        if result["totaal_uren"] == result["totaal_uren_afgerond"]
        else f" Naar boven afgerond op hele uren: <strong>{e(_hours(result['totaal_uren_afgerond']))}</strong>."
    )
    return (
        f'<p class="rh-totaal">Minimaal <strong data-uitkomst="totaal">{e(_hours(result["totaal_uren"]))}</strong>'
        f" pedagogisch beleidsmedewerker in {e(result['jaar'])}.{rounding}</p>"
        f'<p class="rh-totaal-plan">Dat is gemiddeld <strong data-uitkomst="per-week">'
        f"{e(_about(total['uren_per_week'], total['uren_per_week_exact'], 'uur per week'))}</strong>, of "
        f'<strong data-uitkomst="fte">{e(_about(total["fte"], total["fte_exact"], "fte"))}</strong> van een '
        f"pbm'er, bij {e(nl(Decimal(result['omrekening']['weken_per_jaar'])))} weken per jaar.</p>"
    )


def render(result: dict) -> str:
    """The answer as HTML: total, a bar, the parts with rule and source, hours per week and fte,
    per kindercentrum, how the staff list counted, and what the figures mean."""
    centres = result["kindercentra_lijst"]
    return (
        '<div class="rh-uitkomst">'
        + _summary(result)
        + "".join(f'<p class="rh-melding">{e(text)}</p>' for text in notes(result))
        + _bar(result)
        + _parts_table(result)
        + _planning_table(result)
        + (
            _centres_table(result) + _proposal_table(result) + _rounded_per_centre(result)
            if centres
            else ""
        )
        + (_staff_table(result["medewerkers"]) if result["medewerkers"] else "")
        + "".join(f'<p class="rh-toelichting">{e(text)}</p>' for text in explanations(result))
        + "</div>"
    )
