"""The words of a `budget` result: calc.budget computes the numbers, this module says them in
Dutch and draws them (the totals, the notes, the tariff's index steps, a bar chart and the tables
per location and per provider). Every text goes through calc.html.e, so names from a form, a link
or a CSV file reach the page as text only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calc.html import Cell, Column, Row, data_table, e, rule_cite
from calc.numbers import date_nl, euro, hours, nl, plain, rounded

# How money is rounded (calc.budget), said in the footnote and in the result file.
ROUNDING = (
    "Het uurtarief wordt elk jaar geïndexeerd en op centen afgerond, zoals gemeenten het"
    " bekendmaken. De kosten van een locatie (en de vaste voet van een aanbieder) zijn de uren"
    " maal dat tarief, op centen afgerond; een totaal is de som van die bedragen. De uren zijn"
    " niet afgerond; bedragen per peuter of per plaats zijn gemiddelden, op centen afgerond."
)
MAX_BARS = 25  # the chart shows at most this many locations; the table shows all
GRAFIEKEN = {"uren": "Uren per locatie", "kosten": "Kosten per locatie"}
UNITS = {"doelgroeppeuters": "doelgroeppeuter", "bezette_plaatsen": "bezette peuterplaats"}


def _signed_hours(value: Decimal) -> str:
    if value > 0:
        return "+" + hours(value)
    if value < 0:
        return "−" + hours(-value)
    return hours(value)


def _percent(value: Decimal, signed: bool = False, places: int | None = None) -> str:
    text = nl(value, places)
    if signed and value > 0:
        text = "+" + text
    return f"{text} %"


def _share(value: Decimal) -> str:
    """A share in percent: one decimal, or two significant digits below 0,1 % (never 0,0 %)."""
    places = 1 if value >= Decimal("0.1") or not value else 1 - value.adjusted()
    return _percent(value, places=places)


def _count(n: int) -> str:
    """A number of locations as Dutch text: 5.000."""
    return nl(Decimal(n))


def _name(item: dict) -> str:
    return item["naam"] or f"Locatie zonder naam (rij {item['rij']})"


def _fixed_text(result: dict) -> str:
    shown = result["invoer"]
    if not Decimal(shown["vaste_voet_uren"]):
        return "geen"
    return f"{hours(Decimal(shown['vaste_voet_uren']))} per {shown['vaste_voet_per']}"


def _has_costs(result: dict) -> bool:
    return result["tarief"] is not None


def _rate(value: Decimal) -> str:
    """A tariff: in cents, or with the decimals the user typed beyond them (a tariff of the
    budget year is not rounded), so that hours × the shown tariff is the shown cost."""
    return euro(value) if value == rounded(value, 2) else f"€ {nl(value)}"


def year_span(years: list[int]) -> str:
    """The years without an indexation (always the last ones): "2025", "2021 tot en met 2026";
    "" for none."""
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]} tot en met {years[-1]}"


def _unindexed(result: dict) -> str:
    """Where a cost is stated: " (tarief van 2020, zonder indexatie)" when the tariff was not
    brought to the budget year for some years, else nothing. The warning says more."""
    tariff = result["tarief"]
    missing = tariff["ontbrekende_indexaties"] if tariff else []
    if not missing:
        return ""
    if len(missing) == len(tariff["stappen"]):
        return f" (tarief van {tariff['prijspeil_jaar']}, zonder indexatie)"
    return f" (tarief zonder indexatie voor {year_span(missing)})"


def _measure(result: dict) -> str:
    """What the chart shows: costs only once there is a tariff."""
    return result["invoer"]["grafiek"] if _has_costs(result) else "uren"


# --- notes: each code of calc.budget's "meldingen" in words -----------------------------------


def _note(note: dict, result: dict) -> str:
    kind = note["soort"]
    if kind == "norm_nog_niet":
        return (
            f"In {result['begrotingsjaar']} gold de VE-norm voor de pedagogisch"
            f" beleidsmedewerker nog niet: die geldt vanaf"
            f" {date_nl(date.fromisoformat(note['vanaf']))}. De rekenhulp toont daarom geen"
            " wettelijk minimum; de uren per kind rekenen wel met de norm die dan gaat gelden."
        )
    if kind == "minder_dan_norm":
        return (
            f"U rekent met {hours(Decimal(note['uren_per_kind']))} per"
            f" {UNITS[result['invoer']['grondslag']]}. Dat is minder dan het wettelijk minimum"
            f" van {hours(Decimal(result['norm_uren_per_doelgroeppeuter']))} per doelgroeppeuter."
        )
    if kind == "locaties_onder_minimum":
        return (
            f"{_count(note['aantal'])} van de {_count(note['van'])} locaties krijgen minder uren dan hun"
            " wettelijk minimum. Dat minimum geldt per kindercentrum."
        )
    if kind == "indexatie_ontbreekt":
        return (
            f"Voor {year_span(note['jaren'])} is geen indexatie ingevuld: de rekenhulp rekent daar met 0 %, dus het"
            " tarief is waarschijnlijk te laag. Vul de indexaties in die uw gemeente hanteert."
        )
    if kind == "oab_meer_dan_budget":
        return (
            f"De kosten van {euro(Decimal(result['totaal']['kosten']))} zijn meer dan het hele"
            f" OAB-budget van {euro(Decimal(result['oab']['budget']))}"
            f" ({_share(Decimal(note['procent']))}). Klopt het bedrag? Vul het OAB-budget in"
            " euro in, bijvoorbeeld 1.250.000 voor 1,25 miljoen."
        )
    if kind == "jongere_tellen_niet_bij_plaatsen":
        return (
            f"De {nl(Decimal(note['jongere_peuters']))} peuters jonger dan"
            f" {nl(Decimal(result['leeftijden']['van']))} jaar veranderen de gefinancierde uren"
            " niet: u telt over bezette plaatsen. Bezet een jongere peuter een plaats, dan zit"
            " hij al in de bezette plaatsen."
        )
    if kind == "vaste_voet_zonder_doelgroeppeuters":
        return _fixed_without_children(note, result)
    if kind == "telt_bezette_plaatsen":
        return (
            "U telt de uren over bezette plaatsen. Het wettelijk minimum telt doelgroeppeuters"
            f" van {_ages(result)} op 1 januari: de tabel zet beide naast elkaar."
        )
    raise ValueError(f"unknown budget note {kind!r}")


def _fixed_without_children(note: dict, result: dict) -> str:
    one = note["aantal"] == 1
    fixed = _fixed_text(result)
    if note["per"] == "locatie":
        return (
            f"{_count(note['aantal'])} van de {_count(note['van'])} locaties"
            f" {'heeft' if one else 'hebben'} geen doelgroeppeuters, ook geen jongere, maar"
            f" {'krijgt' if one else 'krijgen'} wel de vaste voet van {fixed}. Is er geen VE,"
            " haal de locatie dan uit de tabel."
        )
    return (
        f"{note['aantal']} van de {note['van']} aanbieders {'heeft' if one else 'hebben'} op"
        f" geen locatie doelgroeppeuters, ook geen jongere, maar {'krijgt' if one else 'krijgen'}"
        f" wel de vaste voet van {fixed}. Is er geen VE, haal de locaties dan uit de tabel."
    )


def _chart(result: dict) -> str:
    """Horizontal bars per location (hours or cost), drawn as inline SVG, with the legal
    minimum as a mark on each bar. An image for sighted users; the table below holds the same
    numbers for everyone else."""
    measure = _measure(result)
    key = "gefinancierde_uren" if measure == "uren" else "kosten"
    say = hours if measure == "uren" else euro
    locations = result["locaties"]
    shown = sorted(locations, key=lambda item: Decimal(item[key]), reverse=True)[:MAX_BARS]
    shown.sort(key=lambda item: item["rij"])
    show_minimum = measure == "uren" and result["wettelijk_minimum_van_kracht"]
    values = [Decimal(item[key]) for item in shown]
    if show_minimum:
        values += [Decimal(item["minimum_uren"]) for item in shown]
    top = max(values, default=Decimal(0)) or Decimal(1)
    label_width, bar_width, row_height, bar_height = 190, 330, 26, 18
    width = label_width + bar_width + 120
    height = row_height * len(shown) + 10

    def x(value: Decimal) -> str:
        return plain((label_width + value / top * bar_width).quantize(Decimal("0.1")))

    what = "gefinancierde uren" if measure == "uren" else "kosten"
    title = f"{GRAFIEKEN[measure]} in {result['begrotingsjaar']}"
    if len(shown) < len(locations):
        title += (
            f": de {_count(len(shown))} locaties met de meeste {what} van {_count(len(locations))}"
        )
    parts = [
        f'<svg class="rh-grafiek" role="img" viewBox="0 0 {width} {height}"'
        f' width="100%" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{e(title)}</title>"
        f"<desc>{e('Staafdiagram van de ' + what + ' per locatie' + (' met een streep bij het wettelijk minimum' if show_minimum else '') + '. De tabel hieronder geeft dezelfde getallen.')}</desc>"
    ]
    for position, item in enumerate(shown):
        y = 5 + position * row_height
        name = _name(item)
        if len(name) > 28:
            name = name[:27] + "…"
        value = Decimal(item[key])
        parts.append(
            f'<g class="rh-grafiek__rij{" rh-grafiek__rij--onder" if item["onder_minimum"] else ""}">'
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end" font-size="12">{e(name)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{plain((value / top * bar_width).quantize(Decimal("0.1")))}"'
            f' height="{bar_height}" fill="currentColor" fill-opacity="0.55"/>'
            f'<text x="{x(value)}" dx="6" y="{y + 13}" font-size="12">{e(say(value))}</text>'
        )
        if show_minimum:
            mark = x(Decimal(item["minimum_uren"]))
            parts.append(
                f'<line class="rh-grafiek__minimum" x1="{mark}" x2="{mark}" y1="{y - 2}"'
                f' y2="{y + bar_height + 2}" stroke="currentColor" stroke-width="2"/>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    legend = (
        "Staaf: " + what + (". Streep: wettelijk minimum van de locatie." if show_minimum else ".")
    )
    parts.append(f'<p class="rh-grafiek-legenda">{e(legend)}</p>')
    return "".join(parts)


def _headline(result: dict) -> str:
    """The answer in one sentence: funded hours (and costs), with the legal minimum."""
    total = result["totaal"]
    count = total["locaties"]
    costs = (
        f', kosten <strong data-uitkomst="kosten">{e(euro(Decimal(total["kosten"])))}</strong>'
        f"{e(_unindexed(result))}"
        if _has_costs(result)
        else ""
    )
    minimum = (
        f" Het wettelijk minimum is <strong>{e(hours(Decimal(total['minimum_uren'])))}</strong>."
        if result["wettelijk_minimum_van_kracht"]
        else ""
    )
    return (
        f'<p class="rh-totaal">In {e(result["begrotingsjaar"])}: <strong data-uitkomst="uren">'
        f"{e(hours(Decimal(total['gefinancierde_uren'])))}</strong> pedagogisch"
        f" beleidsmedewerker voor {_count(count)} {'locatie' if count == 1 else 'locaties'}{costs}."
        f"{minimum}</p>"
    )


def _per_unit(result: dict) -> str:
    """What one doelgroeppeuter (or bezette plaats) brings, and the missing tariff if any."""
    unit = UNITS[result["invoer"]["grondslag"]]
    per_child = hours(Decimal(result["invoer"]["uren_per_kind"]))
    fixed = f" (zonder vaste voet, factor of extra uren). Vaste voet: {e(_fixed_text(result))}."
    if not _has_costs(result):
        return (
            f'<p class="rh-eenheid">Per {e(unit)}: {e(per_child)} per jaar{fixed}</p>'
            '<p class="rh-geen-tarief">Vul uw uurtarief in om ook de kosten te zien: deze site'
            " kent geen actueel tarief.</p>"
        )
    rate = _rate(Decimal(result["tarief"]["tarief_begrotingsjaar"]))
    amount = euro(Decimal(result["bedrag_per_eenheid"]))
    return (
        f'<p class="rh-eenheid">Per {e(unit)}: {e(per_child)} tegen {e(rate)} per uur'
        f'{e(_unindexed(result))} = <strong data-uitkomst="per-eenheid">{e(amount)}</strong> per jaar{fixed}</p>'
    )


def _oab(result: dict) -> str:
    oab = result["oab"]
    if not oab:
        return ""
    budget = euro(Decimal(oab["budget"]))
    if oab["procent"] is None:
        return (
            f'<p class="rh-oab">Met een uurtarief ziet u welk deel van het OAB-budget van'
            f" {e(budget)} de pbm'er vraagt.</p>"
        )
    share = _share(Decimal(oab["procent"]))
    return (
        f'<p class="rh-oab">Dat is <strong data-uitkomst="oab">{e(share)}</strong>'
        f" van het OAB-budget van {e(budget)}{e(_unindexed(result))}.</p>"
    )


def _tariff_table(result: dict) -> str:
    """The tariff from its prijspeil to the budget year, one row per index step (none when
    the tariff is of the budget year itself)."""
    tariff = result["tarief"]
    if tariff is None or not tariff["stappen"]:
        return ""
    steps = [
        Row(
            f"{e(step['van'])} → {e(step['naar'])}",
            (
                e(_percent(Decimal(step["procent"]), signed=True))
                + ("" if step["ingevuld"] else " (niet ingevuld)"),
                Cell(e(_rate(Decimal(step["tarief"]))), step["tarief"]),
            ),
        )
        for step in tariff["stappen"]
    ]
    final = tariff["tarief_begrotingsjaar"]
    return data_table(
        "Uurtarief van prijspeil naar begrotingsjaar",
        (Column("Jaar"), Column("Indexatie", number=True), Column("Uurtarief", number=True)),
        [
            Row(
                f"Prijspeil {e(tariff['prijspeil_jaar'])}",
                ("", e(_rate(Decimal(tariff["uurtarief"])))),
            ),
            *steps,
        ],
        footer=Row(
            f"Begrotingsjaar {e(result['begrotingsjaar'])}",
            ("", Cell(e(_rate(Decimal(final))), final)),
        ),
        css="rh-tarief",
    )


def _ages(result: dict) -> str:
    ages = result["leeftijden"]
    return f"{nl(Decimal(ages['van']))} tot {nl(Decimal(ages['tot']))} jaar"


def _footnotes(result: dict) -> str:
    norm = nl(Decimal(result["norm_uren_per_doelgroeppeuter"]))
    parts = [
        f'<p class="rh-toelichting">Wettelijk minimum: {e(norm)} uur per doelgroeppeuter van'
        f" {e(_ages(result))} op 1 januari ({rule_cite(result['regel'])}), per locatie"
        " (kindercentrum). Jongere peuters die een gemeente financiert, tellen daarvoor niet mee."
        f" {e(ROUNDING)}</p>"
    ]
    if result["voorbeeld"]:
        example = result["voorbeeld"]
        parts.append(
            f'<p class="rh-toelichting">Uitgangspunten uit de praktijk: {e(example["titel"])}'
            f" (bron: {e(example['bron'])}; aanname uit de praktijk, aan te passen, geen wettelijke regel).</p>"
        )
    return "".join(parts)


def render(result: dict) -> str:
    notes = "".join(f"<li>{e(_note(note, result))}</li>" for note in result["meldingen"])
    warnings = (
        f'<div class="rh-waarschuwingen"><p>Let op:</p><ul>{notes}</ul></div>' if notes else ""
    )
    providers = (
        _provider_table(result)
        if len(result["aanbieders"]) > 1 or result["invoer"]["vaste_voet_per"] == "aanbieder"
        else ""
    )
    return (
        '<div class="rh-uitkomst rh-budget">'
        f"{_headline(result)}{_per_unit(result)}{_oab(result)}{warnings}{_tariff_table(result)}"
        f"{_chart(result)}{_table(result)}{providers}{_footnotes(result)}</div>"
    )


# (header, key, kind, with data-waarde): the columns of the result tables after the name.
_RESULT_COLUMNS = (
    ("Doelgroeppeuters", "doelgroeppeuters", "aantal", False),
    ("Jonger dan {van} jaar", "jongere_peuters", "aantal", False),
    ("Bezette plaatsen", "bezette_plaatsen", "aantal", False),
    ("Wettelijk minimum", "minimum_uren", "minimum", False),
    ("Gefinancierd", "gefinancierde_uren", "uren", True),
    ("Verschil", "verschil_uren", "verschil", False),
    ("Kosten", "kosten", "euro", True),
    ("Per doelgroeppeuter", "kosten_per_peuter", "euro", False),
    ("Per bezette plaats", "kosten_per_plaats", "euro", False),
)
_SAY = {"aantal": nl, "minimum": hours, "uren": hours, "verschil": _signed_hours, "euro": euro}


def _columns(result: dict) -> tuple:
    """Columns without anything to show are left out: younger children, bezette plaatsen,
    and costs without a tariff."""
    locations = result["locaties"]
    younger = any(Decimal(item["jongere_peuters"]) for item in locations)
    places = any(item["bezette_plaatsen"] is not None for item in locations)
    costs = _has_costs(result)
    left_out = (
        ({"jongere_peuters"} if not younger else set())
        | ({"bezette_plaatsen", "kosten_per_plaats"} if not places else set())
        | ({"kosten", "kosten_per_peuter", "kosten_per_plaats"} if not costs else set())
    )
    # The cost per child divides by the doelgroeppeuters and the younger ones: said so where
    # there are younger ones.
    per_child = "Per peuter, ook jonger dan {van} jaar" if younger else "Per doelgroeppeuter"
    return tuple(
        (per_child, *column[1:]) if column[1] == "kosten_per_peuter" else column
        for column in _RESULT_COLUMNS
        if column[1] not in left_out
    )


def _shown(item: dict, key: str, kind: str, in_force: bool) -> str:
    if kind in ("minimum", "verschil") and not in_force:
        return "n.v.t."
    if item[key] is None:
        return "" if kind == "aantal" else "—"
    return _SAY[kind](Decimal(item[key]))


def _head(first: str, columns: tuple, result: dict) -> tuple[Column, ...]:
    younger = nl(Decimal(result["leeftijden"]["van"]))
    return (
        Column(first),
        *(Column(label.format(van=younger), number=True) for label, _, _, _ in columns),
    )


def _cells(item: dict, columns: tuple, in_force: bool) -> tuple:
    return tuple(
        Cell(e(_shown(item, key, kind, in_force)), item[key] if data else None)
        for _, key, kind, data in columns
    )


def _location_row(item: dict, columns: tuple, in_force: bool) -> Row:
    below = item["onder_minimum"]
    mark = ' <span class="rh-markering">(onder minimum)</span>' if below else ""
    provider = f"<br><small>{e(item['aanbieder'])}</small>" if item["aanbieder"] else ""
    css = ' class="rh-onder-minimum"' if below else ""
    return Row(
        f"{e(_name(item))}{mark}{provider}",
        _cells(item, columns, in_force),
        f' data-rij="{item["rij"]}"{css}',
    )


def _caption(result: dict, per: str) -> str:
    return f"Uren{' en kosten' if _has_costs(result) else ''} per {per} per jaar"


def _fixed_rows(result: dict, columns: tuple, in_force: bool) -> list[Row]:
    """The vaste voet per aanbieder as a row of its own, so the rows add up to the Totaal."""
    fixed = result["totaal"]["vaste_voet_aanbieders"]
    if not fixed:
        return []
    times = f"{fixed['aanbieders']} × {hours(Decimal(fixed['uren_per_aanbieder']))}"
    return [
        Row(
            f"Vaste voet per aanbieder <small>({e(times)})</small>",
            _cells(fixed, columns, in_force),
            ' class="rh-vaste-voet"',
        )
    ]


def _table(result: dict) -> str:
    columns = _columns(result)
    in_force = result["wettelijk_minimum_van_kracht"]
    return data_table(
        _caption(result, "locatie"),
        _head("Locatie", columns, result),
        [_location_row(item, columns, in_force) for item in result["locaties"]]
        + _fixed_rows(result, columns, in_force),
        footer=Row("Totaal", _cells(result["totaal"], columns, in_force)),
        cards=True,
        css="rh-locaties",
    )


def _provider_table(result: dict) -> str:
    columns = _columns(result)
    in_force = result["wettelijk_minimum_van_kracht"]
    rows = [
        Row(
            f"{e(item['naam'] or 'Zonder aanbieder')}"
            f" <small>({_count(item['locaties'])}"
            f" {'locatie' if item['locaties'] == 1 else 'locaties'})</small>",
            _cells(item, columns, in_force),
        )
        for item in result["aanbieders"]
    ]
    shown = result["invoer"]
    note = (
        f'<p class="rh-toelichting">De vaste voet van {e(_fixed_text(result))} telt'
        " hier één keer per aanbieder.</p>"
        if shown["vaste_voet_per"] == "aanbieder" and shown["vaste_voet_uren"] != "0"
        else ""
    )
    table = data_table(
        _caption(result, "aanbieder"),
        _head("Aanbieder", columns, result),
        rows,
        cards=True,
        css="rh-aanbieders",
    )
    return table + note
