"""The HTML of a `budget` result (calc.budget computes it): the totals, the tariff's index
steps, a bar chart and the tables per location and per provider. Every text goes through
calc.html.e, so names from a form, a link or a CSV file reach the page as text only."""

from __future__ import annotations

from decimal import Decimal

from calc.html import Cell, Column, Row, data_table, e, rule_cite
from calc.numbers import nl, plain

MAX_BARS = 25  # the chart shows at most this many locations; the table shows all
GRAFIEKEN = {"uren": "Uren per locatie", "kosten": "Kosten per locatie"}


def _chart(result: dict) -> str:
    """Horizontal bars per location (hours or cost), drawn as inline SVG, with the legal
    minimum as a mark on each bar. An image for sighted users; the table below holds the same
    numbers for everyone else."""
    measure = result["invoer"]["grafiek"]
    key = "gefinancierde_uren" if measure == "uren" else "kosten"
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
        title += f": de {len(shown)} locaties met de meeste {what} van {len(locations)}"
    parts = [
        f'<svg class="rh-grafiek" role="img" viewBox="0 0 {width} {height}"'
        f' width="100%" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{e(title)}</title>"
        f"<desc>{e('Staafdiagram van de ' + what + ' per locatie' + (' met een streep bij het wettelijk minimum' if show_minimum else '') + '. De tabel hieronder geeft dezelfde getallen.')}</desc>"
    ]
    for position, item in enumerate(shown):
        y = 5 + position * row_height
        name = item["weergave"]["naam"]
        if len(name) > 28:
            name = name[:27] + "…"
        value = Decimal(item[key])
        text = item["weergave"][key]
        parts.append(
            f'<g class="rh-grafiek__rij{" rh-grafiek__rij--onder" if item["onder_minimum"] else ""}">'
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end" font-size="12">{e(name)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{plain((value / top * bar_width).quantize(Decimal("0.1")))}"'
            f' height="{bar_height}" fill="currentColor" fill-opacity="0.55"/>'
            f'<text x="{x(value)}" dx="6" y="{y + 13}" font-size="12">{e(text)}</text>'
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


def render(result: dict) -> str:
    shown = result["weergave"]
    total = result["totaal"]
    tariff = result["tarief"]
    year = result["begrotingsjaar"]
    in_force = result["wettelijk_minimum_van_kracht"]
    parts = ['<div class="rh-uitkomst rh-budget">']
    minimum_text = (
        f" Het wettelijk minimum is <strong>{e(total['weergave']['minimum_uren'])}</strong>."
        if in_force
        else ""
    )
    parts.append(
        f'<p class="rh-totaal">In {e(year)}: <strong data-uitkomst="uren">'
        f"{e(total['weergave']['gefinancierde_uren'])}</strong> pedagogisch beleidsmedewerker"
        f" voor {e(total['locaties'])} {'locatie' if total['locaties'] == 1 else 'locaties'},"
        f' kosten <strong data-uitkomst="kosten">{e(total["weergave"]["kosten"])}</strong>.'
        f"{minimum_text}</p>"
    )
    parts.append(
        f'<p class="rh-eenheid">Per {e(result["eenheid"])}: {e(shown["uren_per_kind"])} tegen'
        f" {e(tariff['weergave']['tarief_begrotingsjaar'])} per uur ="
        f' <strong data-uitkomst="per-eenheid">{e(shown["bedrag_per_eenheid"])}</strong> per jaar'
        f" (zonder vaste voet, factor of extra uren). Vaste voet: {e(shown['vaste_voet'])}.</p>"
    )
    if result["oab"]:
        oab = result["oab"]["weergave"]
        parts.append(
            f'<p class="rh-oab">Dat is <strong data-uitkomst="oab">{e(oab["procent"])}</strong>'
            f" van het OAB-budget van {e(oab['budget'])}.</p>"
        )
    if result["waarschuwingen"]:
        items = "".join(f"<li>{e(text)}</li>" for text in result["waarschuwingen"])
        parts.append(f'<div class="rh-waarschuwingen"><p>Let op:</p><ul>{items}</ul></div>')
    parts.append(_tariff_table(tariff, year))
    parts.append(_chart(result))
    parts.append(_table(result))
    if len(result["aanbieders"]) > 1 or result["invoer"]["vaste_voet_per"] == "aanbieder":
        parts.append(_provider_table(result))
    parts.append(
        f'<p class="rh-toelichting">Wettelijk minimum: {e(nl(Decimal(result["norm_uren_per_doelgroeppeuter"])))}'
        f" uur per doelgroeppeuter op 1 januari ({rule_cite(result['regel'])}), per locatie."
        " Bedragen zijn exact berekend en pas bij weergave op centen afgerond.</p>"
    )
    if result["voorbeeld"]:
        example = result["voorbeeld"]
        parts.append(
            f'<p class="rh-toelichting">Uitgangspunten uit de praktijk: {e(example["titel"])}'
            f" (bron: {e(example['bron'])}; aanname uit de praktijk, aan te passen, geen wettelijke regel).</p>"
        )
    parts.append("</div>")
    return "".join(parts)


def _tariff_table(tariff: dict, year: object) -> str:
    """The hourly rate from its price level to the budget year, one index step per row."""
    steps = [
        Row(
            f"{e(step['van'])} → {e(step['naar'])}",
            (
                e(step["weergave"]["procent"]) + ("" if step["ingevuld"] else " (niet ingevuld)"),
                Cell(e(step["weergave"]["tarief"]), step["tarief"]),
            ),
        )
        for step in tariff["stappen"]
    ]
    return data_table(
        "Uurtarief van prijspeil naar begrotingsjaar",
        (Column("Jaar"), Column("Indexatie", number=True), Column("Uurtarief", number=True)),
        [
            Row(
                f"Prijspeil {e(tariff['prijspeil_jaar'])}", ("", e(tariff["weergave"]["uurtarief"]))
            ),
            *steps,
        ],
        footer=Row(
            f"Begrotingsjaar {e(year)}",
            (
                "",
                Cell(
                    e(tariff["weergave"]["tarief_begrotingsjaar"]), tariff["tarief_begrotingsjaar"]
                ),
            ),
        ),
        css="rh-tarief",
    )


# (header, key, with data-waarde): the columns of the result tables after the name.
_RESULT_COLUMNS = (
    ("Doelgroeppeuters", "doelgroeppeuters", False),
    ("Bezette plaatsen", "bezette_plaatsen", False),
    ("Wettelijk minimum", "minimum_uren", False),
    ("Gefinancierd", "gefinancierde_uren", True),
    ("Verschil", "verschil_uren", False),
    ("Kosten", "kosten", True),
    ("Per doelgroeppeuter", "kosten_per_doelgroeppeuter", False),
    ("Per bezette plaats", "kosten_per_plaats", False),
)
_PLACE_KEYS = {"bezette_plaatsen", "kosten_per_plaats"}


def _columns(places: bool) -> tuple:
    """Without any bezette plaatsen in the table, their two columns are left out."""
    return tuple(c for c in _RESULT_COLUMNS if places or c[1] not in _PLACE_KEYS)


def _head(first: str, places: bool) -> tuple[Column, ...]:
    return (Column(first), *(Column(label, number=True) for label, _, _ in _columns(places)))


def _cells(item: dict, places: bool) -> tuple:
    shown = item["weergave"]
    return tuple(
        Cell(e(shown[key]), item[key] if data else None) for _, key, data in _columns(places)
    )


def _has_places(result: dict) -> bool:
    return any(item["bezette_plaatsen"] is not None for item in result["locaties"])


def _location_row(item: dict, places: bool) -> Row:
    below = item["onder_minimum"]
    mark = ' <span class="rh-markering">(onder minimum)</span>' if below else ""
    provider = f"<br><small>{e(item['aanbieder'])}</small>" if item["aanbieder"] else ""
    css = ' class="rh-onder-minimum"' if below else ""
    return Row(
        f"{e(item['weergave']['naam'])}{mark}{provider}",
        _cells(item, places),
        f' data-rij="{item["rij"]}"{css}',
    )


def _table(result: dict) -> str:
    places = _has_places(result)
    return data_table(
        "Uren en kosten per locatie per jaar",
        _head("Locatie", places),
        [_location_row(item, places) for item in result["locaties"]],
        footer=Row("Totaal", _cells(result["totaal"], places)),
        cards=True,
        css="rh-locaties",
    )


def _provider_table(result: dict) -> str:
    places = _has_places(result)
    rows = [
        Row(
            f"{e(item['weergave']['naam'])}"
            f" <small>({item['locaties']} {'locatie' if item['locaties'] == 1 else 'locaties'})</small>",
            _cells(item, places),
        )
        for item in result["aanbieders"]
    ]
    fixed = result["invoer"]
    note = (
        f'<p class="rh-toelichting">De vaste voet van {e(result["weergave"]["vaste_voet"])} telt'
        " hier één keer per aanbieder.</p>"
        if fixed["vaste_voet_per"] == "aanbieder" and fixed["vaste_voet_uren"] != "0"
        else ""
    )
    table = data_table(
        "Uren en kosten per aanbieder per jaar",
        _head("Aanbieder", places),
        rows,
        cards=True,
        css="rh-aanbieders",
    )
    return table + note
