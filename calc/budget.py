"""Rekenhulp `budget`: what the VE pbm'er costs a municipality, per location and in total.

Per location (one row of the table `locaties`):

    wettelijk minimum  = 10 uur × doelgroeppeuters van 2,5 tot 4 jaar op 1 januari
                                                            (rules.toml, art. 2a; the law)
    gefinancierde uren = vaste voet (per locatie)
                       + uren per kind × grondslag × factor + extra uren   (the municipality's choice)
    kosten             = gefinancierde uren × uurtarief in het begrotingsjaar   (with a tariff)

`grondslag` is the number of doelgroeppeuters (those of 2,5 to 4 plus the younger ones a
municipality chooses to fund, such as Enschede's VE from age 2) or of bezette peuterplaatsen (as
Veldhoven funds). Younger children never count for the legal minimum. A vaste voet "per
aanbieder" is counted once per provider, not per location.

The site knows no current tariff: a page opens on the hours for the year it was built in, and
costs appear once the user gives a tariff. The tariff is brought from its prijspeil year (empty:
the budget year) to the budget year by the yearly index percentages the user types, rounded to
cents at each year as municipalities publish an indexed tariff. Money is in cents: a location's
cost (and a provider's vaste voet) is its hours × that tariff rounded to cents, and a total is the
sum of those, so every shown "uren × tarief = bedrag" multiplies and the rows add up to their
total. Hours are exact. The meetings' examples are PRESETS, labelled with their year.

The legal minimum is shown per location (per kindercentrum, art. 2a), so a location below its own
minimum is flagged even when the total is not.

The input is declared once in FIELDS (calc.fields): it parses the JSON, names errors, and makes
the form (calc.html.widget); the table `locaties` is a fields.Table, also for the CSV import.
read() refuses the whole input while any row is invalid and names each bad cell by the row
the form shows (`locaties[4].doelgroeppeuters` is row 4), because a budget total that silently
leaves out a location is wrong. Nothing is lost: the rows stay in the page as typed, and the CSV
import keeps every row, good and bad, and reports the bad cells by line and column.

compute() yields numbers only (exact decimals as strings, and notes as codes with their data);
calc.budget_html words them: totals, index steps, chart, tables and notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calc import rules
from calc.budget_html import (  # noqa: F401 (render: the rekenhulp interface)
    GRAFIEKEN,
    ROUNDING,
    render,
    year_span,
)
from calc.csv_nl import decimal_cell
from calc.fields import Choice, Field, InputError, NumberList, Table, Text, collect, error
from calc.numbers import euro, hours, nl, plain, rounded

NAME = "budget"
TITLE = "Rekenhulp: budget pedagogisch beleidsmedewerker in de VE"
TABLE = "locaties"
MINIMUM_RULE = "ve_uren_per_doelgroeppeuter"
FIRST_YEAR = 2000
LAST_YEAR = 2100
MAX_ROWS = 5_000  # a national overview has some 2,000 VE locations
CENT = Decimal("0.01")

GRONDSLAGEN = {
    "doelgroeppeuters": "Doelgroeppeuters op 1 januari (zoals het wettelijk minimum telt)",
    "bezette_plaatsen": "Bezette peuterplaatsen (zoals Veldhoven financiert)",
}
VASTE_VOET_PER = {"locatie": "Per locatie", "aanbieder": "Per aanbieder"}


def _minimum_rule() -> rules.Rule:
    return rules.rule(MINIMUM_RULE)


def default_hours(year: int) -> Decimal:
    """The legal hours per doelgroeppeuter in `year`; before the norm took effect, its first value."""
    rule = _minimum_rule()
    return rule.value_on(date(year, 1, 1)) or rule.periods[0][1]


_NORM = nl(rules.latest(MINIMUM_RULE))

# The ages the legal minimum counts (doelgroeppeuters on 1 January, rules.toml). Younger
# children a municipality funds are counted apart.
AGE_FROM = rules.latest("ve_pbm_leeftijd_van_jaar")
AGE_TO = rules.latest("ve_pbm_leeftijd_tot_jaar")
_AGES = f"{nl(AGE_FROM)} tot {nl(AGE_TO)} jaar"
YOUNGER = f"Jonger dan {nl(AGE_FROM)} jaar"

# --- presets from practice ------------------------------------------------------------------

_EXAMPLE_ROWS = [
    {"naam": "Voorbeeldlocatie 1", "aanbieder": "Aanbieder A", "doelgroeppeuters": "12"},
    {"naam": "Voorbeeldlocatie 2", "aanbieder": "Aanbieder A", "doelgroeppeuters": "7"},
    {"naam": "Voorbeeldlocatie 3", "aanbieder": "Aanbieder B", "doelgroeppeuters": "20"},
]


def _rows(**extra: list[str]) -> list[dict]:
    rows = [dict(row) for row in _EXAMPLE_ROWS]
    for key, cells in extra.items():
        for row, cell in zip(rows, cells, strict=True):
            row[key] = cell
    return rows


def _presets() -> dict[str, dict]:
    """Settings reported at two meetings, as editable examples labelled with their year; every
    number from rules.toml. A preset sets no begrotingsjaar: it keeps the form's year, so an
    example of 2020 is brought to the year being budgeted by the user's own indexations."""

    def first(key: str) -> Decimal:
        return rules.rule(key).periods[0][1]

    def year(key: str) -> int:
        return rules.rule(key).start.year

    per_place = "veldhoven_bedrag_per_bezette_peuterplaats"
    place_hours = "veldhoven_uren_per_bezette_peuterplaats"
    voet = "kleine_gemeente_vaste_voet_uren"
    goab = year(voet)  # the vaste voet was reported at the GOAB meeting, as was Enschede's case
    rate = first(per_place) / first(place_hours)  # Veldhoven's amount per place, per hour
    own = {"uurtarief": "", "prijspeil_jaar": "", "indexaties": []}  # the user's own tariff
    return {
        "veldhoven": {
            "titel": (
                f"Veldhoven (prijspeil {year(per_place)}): {hours(first(place_hours))} per"
                f" bezette peuterplaats, {euro(rate)} per uur"
            ),
            "bron": rules.rule(per_place).source.title,
            "regels": [per_place, place_hours, "veldhoven_uurloon_pbm"],
            "toelichting": (
                f"De gemeente Veldhoven rekent met het uurloon uit de CAO Kinderopvang, schaal 9,"
                f" trede 27: {euro(first('veldhoven_uurloon_pbm'))} per uur (prijspeil"
                f" {year('veldhoven_uurloon_pbm')}). Opvangorganisaties krijgen per bezette"
                f" peuterplaats {hours(first(place_hours))} per jaar; in de inkoopcontracten"
                f" staat {euro(first(per_place))} per plaats per jaar (prijspeil"
                f" {year(per_place)}), dat is {euro(rate)} per uur. Het bedrag wordt jaarlijks"
                " geïndexeerd: vul de indexaties sinds dat prijspeil in om naar uw"
                " begrotingsjaar te rekenen. Praktijk van één gemeente, geen wettelijke regel."
            ),
            "invoer": {
                "preset": "veldhoven",
                "grondslag": "bezette_plaatsen",
                "uren_per_kind": decimal_cell(first(place_hours)),
                "vaste_voet_uren": "",
                "vaste_voet_per": "locatie",
                "uurtarief": decimal_cell(rate),
                "prijspeil_jaar": str(year(per_place)),
                "indexaties": [],
                TABLE: _rows(bezette_plaatsen=["16", "14", "24"]),
            },
        },
        "kleine_gemeente": {
            "titel": (
                f"Kleine gemeente (GOAB {goab}): vaste voet van {hours(first(voet))} plus uren"
                " per VE-kind"
            ),
            "bron": rules.rule(voet).source.title,
            "regels": [voet],
            "toelichting": (
                "Sommige kleine gemeenten werken met een vaste voet aan uren naast de"
                f" {hours(first(MINIMUM_RULE))} per VE-kind, bijvoorbeeld {hours(first(voet))}"
                " per jaar. Het verslag zegt niet of de vaste voet per locatie of per aanbieder"
                " geldt: kies het zelf. Vul uw eigen uurtarief in om de kosten te zien."
            ),
            "invoer": {
                "preset": "kleine_gemeente",
                "grondslag": "doelgroeppeuters",
                "uren_per_kind": "",
                "vaste_voet_uren": decimal_cell(first(voet)),
                "vaste_voet_per": "locatie",
                **own,
                TABLE: _rows(),
            },
        },
        "enschede": {
            "titel": f"Naar Enschede (GOAB {goab}): meer uren waar meer nodig is",
            "bron": rules.rule(voet).source.title,
            "regels": [],
            "toelichting": (
                "Enschede verdeelt de uren met een eigen rekentool: meer doelgroepkinderen"
                " betekent meer uren, en in sommige wijken is meer ondersteuning nodig. Het"
                " verslag noemt geen getallen. Vul daarom zelf per locatie een factor in (1,25"
                " is een kwart meer uren per kind) of extra uren. Enschede laat kinderen vanaf"
                " 2 jaar meedoen aan VVE: vul die jongere peuters apart in; ze tellen mee voor de"
                " uren die u financiert, niet voor het wettelijk minimum. Vul uw eigen uurtarief"
                " in om de kosten te zien."
            ),
            "invoer": {
                "preset": "enschede",
                "grondslag": "doelgroeppeuters",
                "uren_per_kind": "",
                "vaste_voet_uren": "",
                "vaste_voet_per": "locatie",
                **own,
                TABLE: _rows(
                    jongere_peuters=["", "", ""], factor=["", "", ""], extra_uren=["", "", ""]
                ),
            },
        },
    }


PRESETS = _presets()


# --- fields ---------------------------------------------------------------------------------


def _year(key: str, label: str, hint: str, required: bool = True) -> Field:
    return Field(
        key=key,
        label=label,
        hint=hint,
        example=str(date.today().year),
        minimum=Decimal(FIRST_YEAR),
        maximum=Decimal(LAST_YEAR),
        required=required,
        label_suffix="" if required else "(optioneel)",
        year=True,
    )


LOCATIONS = Table(
    key=TABLE,
    label="Locaties",
    hint=(
        "Eén rij per locatie met VE. De doelgroeppeuters zijn verplicht; de andere getallen "
        "alleen als u ze gebruikt. Lege rijen tellen niet mee."
    ),
    columns=(
        Text(
            key="naam",
            label="Locatie",
            hint="Naam of adres, voor uw overzicht.",
            example="De Boomhut",
            max_length=200,
            label_suffix="(optioneel)",
        ),
        Text(
            key="aanbieder",
            label="Aanbieder",
            hint="De houder. Nodig voor een vaste voet per aanbieder.",
            example="Kinderopvang A",
            max_length=200,
            label_suffix="(optioneel)",
        ),
        Field(
            key="doelgroeppeuters",
            label="Doelgroeppeuters",
            hint=(
                f"Peuters van {_AGES} op 1 januari aan wie de locatie VE aanbiedt (0 mag):"
                " zij tellen voor het wettelijk minimum."
            ),
            example="12",
            maximum=Decimal(100_000),
        ),
        Field(
            key="jongere_peuters",
            label=YOUNGER,
            hint=(
                f"Doelgroeppeuters jonger dan {nl(AGE_FROM)} jaar op 1 januari die uw gemeente ook VE geeft,"
                " zoals Enschede vanaf 2 jaar. Ze tellen mee voor de uren die u financiert, niet"
                " voor het wettelijk minimum. Leeg: 0."
            ),
            example="4",
            maximum=Decimal(100_000),
            required=False,
            label_suffix="(optioneel)",
        ),
        Field(
            key="bezette_plaatsen",
            label="Bezette plaatsen",
            hint="Bezette peuterplaatsen; nodig als u de uren over plaatsen telt. Decimalen mogen.",
            example="16",
            maximum=Decimal(100_000),
            whole=False,
            max_decimals=2,
            required=False,
        ),
        Field(
            key="extra_uren",
            label="Extra uren",
            hint="Extra uren per jaar voor deze locatie, bovenop de berekening.",
            example="20",
            maximum=Decimal(1_000_000),
            whole=False,
            max_decimals=2,
            required=False,
            label_suffix="(optioneel)",
            unit="uur",
        ),
        Field(
            key="factor",
            label="Factor",
            hint=(
                "Vermenigvuldigt de uren per kind, bijvoorbeeld 1,25 voor een wijk die meer "
                "ondersteuning nodig heeft. Leeg: 1."
            ),
            example="1,25",
            maximum=Decimal(10),
            whole=False,
            max_decimals=4,
            required=False,
            label_suffix="(optioneel)",
        ),
    ),
    max_rows=MAX_ROWS,
    label_suffix="",
)

FIELDS = (
    Choice(
        key="preset",
        label="Begin met een voorbeeld uit de praktijk",
        hint=(
            "Vult het formulier met de getallen van die gemeente: een keuze uit de praktijk, geen"
            " wet; de uitkomst noemt de bron. Kies ‘Geen’ als u met uw eigen getallen rekent."
        ),
        options=(("", "Geen: eigen getallen"), *((key, p["titel"]) for key, p in PRESETS.items())),
    ),
    _year(
        "begrotingsjaar",
        "Begrotingsjaar",
        f"Het jaar waarvoor u begroot. Het wettelijk minimum telt de doelgroeppeuters van {_AGES}"
        " op 1 januari van dat jaar.",
    ),
    Choice(
        key="grondslag",
        label="Waarover telt u de uren?",
        hint=(
            f"Het wettelijk minimum telt doelgroeppeuters van {_AGES} op 1 januari, per locatie;"
            " een gemeente mag anders financieren."
        ),
        options=tuple(GRONDSLAGEN.items()),
    ),
    Field(
        key="uren_per_kind",
        label="Uren per kind of plaats per jaar",
        label_suffix="(optioneel)",
        hint=(
            f"Het wettelijk minimum is {_NORM} uur per doelgroeppeuter van {_AGES}; een"
            " gemeente mag meer financieren. Leeg: het wettelijk minimum."
        ),
        example=_NORM,
        maximum=Decimal(1000),
        whole=False,
        max_decimals=2,
        required=False,
        unit="uur",
    ),
    Field(
        key="vaste_voet_uren",
        label="Vaste voet in uren per jaar",
        label_suffix="(optioneel)",
        hint="Vaste uren bovenop de uren per kind, per locatie of per aanbieder. Leeg of 0: geen vaste voet.",
        example="60",
        maximum=Decimal(100_000),
        whole=False,
        max_decimals=2,
        required=False,
        unit="uur",
    ),
    Choice(
        key="vaste_voet_per",
        label="Vaste voet geldt",
        hint="Per aanbieder telt de vaste voet één keer, hoeveel locaties die ook heeft.",
        options=tuple(VASTE_VOET_PER.items()),
    ),
    Field(
        key="uurtarief",
        label="Uurtarief in euro",
        label_suffix="(optioneel)",
        hint=(
            "Het tarief per uur pedagogisch beleidsmedewerker van uw gemeente, op het prijspeil"
            " hieronder. Deze site kent geen actueel tarief. Leeg: alleen de uren, zonder kosten."
        ),
        example=PRESETS["veldhoven"]["invoer"]["uurtarief"],
        maximum=Decimal(1000),
        whole=False,
        max_decimals=4,
        required=False,
        unit="euro",
    ),
    _year(
        "prijspeil_jaar",
        "Prijspeil van het uurtarief (jaar)",
        "Het jaar waarin het uurtarief gold. De indexaties brengen het naar het begrotingsjaar."
        " Leeg: het begrotingsjaar.",
        required=False,
    ),
    NumberList(
        key="indexaties",
        label="Indexaties per jaar in procenten",
        label_suffix="(optioneel)",
        hint=(
            "Eén percentage per jaar vanaf het prijspeil, gescheiden door puntkomma's, bijvoorbeeld"
            " 2,5; 3,1. Een daling als negatief getal. Een jaar zonder percentage telt als 0 %."
        ),
        item=Field(
            key="indexaties",
            label="Indexatie",
            hint="",
            example="2,5",
            minimum=Decimal(-50),
            maximum=Decimal(100),
            whole=False,
            max_decimals=4,
            unit="procent",
        ),
        item_noun="Indexatie",
        example="2,5; 3,1",
        max_items=LAST_YEAR - FIRST_YEAR,
    ),
    Field(
        key="oab_budget",
        label="OAB-budget van de gemeente in euro",
        label_suffix="(optioneel)",
        hint="Om te zien welk deel van het budget voor onderwijsachterstandenbeleid de pbm'er vraagt.",
        example="1.250.000",
        minimum=CENT,
        maximum=Decimal(10) ** 12,
        whole=False,
        max_decimals=2,
        range_message="‘OAB-budget’ moet groter zijn dan 0. Laat het veld leeg als u het niet weet.",
        required=False,
        unit="euro",
    ),
    LOCATIONS,
    Choice(
        key="grafiek",
        label="Grafiek",
        hint="Wat de staven bij de uitkomst tonen.",
        options=tuple(GRAFIEKEN.items()),
    ),
)
_ORDER = {spec.key: position for position, spec in enumerate(FIELDS)}

# The table in CSV files (calc.csv_nl): the column labels are the headers this site writes;
# these are other headers people use for the same column.
CSV_TABLE = LOCATIONS
# Headers of municipal lists that often count the younger children too (Enschede gives VE from
# age 2): read as doelgroeppeuters, with a warning, as they raise the legal minimum.
_BROAD_HEADERS = ("doelgroepkinderen", "ve kinderen", "ve-kinderen", "geïndiceerde peuters")
CSV_ALIASES = {
    "naam": ("naam", "naam locatie", "locatienaam", "vestiging"),
    "aanbieder": ("houder", "organisatie", "kinderopvangorganisatie"),
    "doelgroeppeuters": (
        "aantal doelgroeppeuters",
        "doelgroeppeuters op 1 januari",
        *_BROAD_HEADERS,
    ),
    "jongere_peuters": (
        "jongere peuters",
        "jongere doelgroeppeuters",
        "doelgroeppeuters jonger dan 2,5 jaar",
        "peuters jonger dan 2,5 jaar",
    ),
    "bezette_plaatsen": ("bezette peuterplaatsen", "peuterplaatsen", "plaatsen"),
    "extra_uren": ("extra", "extra uren per jaar"),
    "factor": ("wijkfactor", "ondersteuningsfactor"),
}
CSV_CAUTIONS = dict.fromkeys(
    _BROAD_HEADERS,
    f"peuters van {_AGES} op 1 januari. Zitten er jongere kinderen in, zet die dan in een kolom"
    f" ‘{YOUNGER}’: zij tellen niet voor het wettelijk minimum.",
)

# What a page shows without a preset: an illustration, not a norm. It opens on the current year
# (the site build's; a page passes its own `jaar`) with the legal hours and no tariff: the site
# knows no current tariff, and a default must not warn about itself (an old tariff without
# indexations would). The user's own tariff brings the costs.
EXAMPLE = {
    "preset": "",
    "grondslag": "doelgroeppeuters",
    "uren_per_kind": "",
    "vaste_voet_uren": "",
    "vaste_voet_per": "locatie",
    "begrotingsjaar": str(date.today().year),
    "uurtarief": "",
    "prijspeil_jaar": "",
    "indexaties": [],
    "oab_budget": "",
    "grafiek": "uren",
    TABLE: _rows(),
}


def initial(values: dict) -> dict:
    """The input a page starts with: EXAMPLE in the page's year `jaar`, then the named preset,
    then the page's own values.

    `preset` names an entry of PRESETS. Other keys the rekenhulp does not know are ignored.
    """
    chosen = values.get("preset")
    if chosen and chosen not in PRESETS:
        raise ValueError(f"unknown budget preset {chosen!r}; known: {', '.join(PRESETS)}")
    start = {**EXAMPLE, **(PRESETS[chosen]["invoer"] if chosen else {})}
    if values.get("jaar"):
        start["begrotingsjaar"] = str(values["jaar"])
    start.update({key: value for key, value in values.items() if key in _ORDER})
    return start


# --- reading the input ----------------------------------------------------------------------


def read(data: object) -> dict:
    """Parse and check the whole input; all errors at once, in the order of the form."""
    values, errors = collect(FIELDS, data)
    values["preset"] = values.get("preset") or None
    year, base = values.get("begrotingsjaar"), values.get("prijspeil_jaar")
    if year is not None and base is None and values.get("indexaties"):
        errors.append(
            error(
                "prijspeil_jaar",
                "Vul het prijspeil van het uurtarief in: de indexaties brengen het tarief van dat"
                " jaar naar het begrotingsjaar.",
            )
        )
    if year is not None and base is not None:
        if base > year:
            errors.append(
                error(
                    "prijspeil_jaar",
                    f"Het prijspeil ({base}) ligt na het begrotingsjaar ({year}). Kies een"
                    " prijspeil in of vóór het begrotingsjaar.",
                )
            )
        elif "indexaties" in values and len(values["indexaties"]) > year - base:
            errors.append(
                error(
                    "indexaties",
                    f"U vulde {len(values['indexaties'])} indexaties in, maar van {base} naar"
                    f" {year} zijn er {year - base} nodig: één per jaar.",
                )
            )
    if values.get("uren_per_kind") is None and year is not None:
        values["uren_per_kind"] = default_hours(int(year))
        values["uren_per_kind_standaard"] = True
    else:
        values["uren_per_kind_standaard"] = False
    rows = values.get(TABLE)
    if rows is not None:
        _check_rows(rows, data.get(TABLE), values, errors)
    if errors:
        # the form's order, so the summary of errors reads top to bottom
        errors.sort(key=_form_order)
        raise InputError(errors)
    return values


def _form_order(item: dict) -> tuple[int, int]:
    """Where an error's field is in the form: its place in FIELDS, then its row."""
    key, _, rest = item["veld"].partition("[")
    row = rest.split("]")[0]
    return _ORDER.get(key, len(_ORDER)), int(row) if row.isdigit() else 0


def _check_rows(rows: list[dict], raw: object, values: dict, errors: list) -> None:
    """What the columns cannot check alone: at least one location, places where the hours are
    counted over places, and an aanbieder on every row where a vaste voet goes per aanbieder."""
    if not rows:
        whole = "" if raw in (None, "", []) else ": alle rijen zijn leeg"
        errors.append(error(TABLE, f"Vul minstens één locatie in{whole}."))
    if values.get("grondslag") == "bezette_plaatsen":
        column = LOCATIONS.column("bezette_plaatsen")
        for row in rows:
            if row["bezette_plaatsen"] is None:
                errors.append(
                    LOCATIONS.cell_error(
                        row["rij"],
                        "bezette_plaatsen",
                        f"Vul bij {LOCATIONS.cell_name(row['rij'], column)} het aantal in: de"
                        " uren worden over de bezette plaatsen geteld.",
                    )
                )
    _check_providers(rows, values, errors)


def _check_providers(rows: list[dict], values: dict, errors: list) -> None:
    """A vaste voet per aanbieder needs to know each row's aanbieder: rows without one would
    silently share a single vaste voet, as if they were one aanbieder."""
    per_provider = values.get("vaste_voet_per") == "aanbieder" and values.get("vaste_voet_uren")
    if not per_provider or len(rows) < 2:
        return
    column = LOCATIONS.column("aanbieder")
    for row in rows:
        if not row["aanbieder"]:
            errors.append(
                LOCATIONS.cell_error(
                    row["rij"],
                    "aanbieder",
                    f"Vul bij {LOCATIONS.cell_name(row['rij'], column)} de aanbieder in: de vaste"
                    " voet telt één keer per aanbieder. Of kies bij ‘Vaste voet geldt’ voor"
                    " ‘Per locatie’.",
                )
            )


# --- the computation: numbers only (calc.budget_html words them) ------------------------------


def index_tariff(tariff: Decimal, base_year: int, year: int, percentages: list[Decimal]) -> dict:
    """The tariff from its prijspeil year to `year`, one step per year.

    Each step multiplies by (1 + percentage / 100) and rounds to cents (half up), as a
    municipality publishes its indexed tariff; a tariff of the budget year stays as typed. A year
    without a percentage counts as 0 % and is listed in `ontbrekend`, so the page can say the
    tariff is probably too low.
    """
    steps, missing = [], []
    current = tariff
    for offset in range(year - base_year):
        given = offset < len(percentages)
        percentage = percentages[offset] if given else Decimal(0)
        if not given:
            missing.append(base_year + offset + 1)
        current = rounded(current * (1 + percentage / 100), 2)
        steps.append(
            {
                "van": base_year + offset,
                "naar": base_year + offset + 1,
                "procent": plain(percentage),
                "ingevuld": given,
                "tarief": plain(current),
            }
        )
    return {"tarief": current, "stappen": steps, "ontbrekend": missing}


@dataclass(frozen=True)
class Funding:
    """What the municipality chooses to fund, beside the law."""

    per_child: Decimal  # hours per doelgroeppeuter or per bezette plaats
    fixed: Decimal  # the vaste voet in hours
    fixed_per_location: bool  # else once per aanbieder
    by_places: bool  # count over bezette plaatsen instead of doelgroeppeuters

    @classmethod
    def of(cls, values: dict) -> Funding:
        return cls(
            per_child=values["uren_per_kind"],
            fixed=values["vaste_voet_uren"] or Decimal(0),
            fixed_per_location=values["vaste_voet_per"] == "locatie",
            by_places=values["grondslag"] == "bezette_plaatsen",
        )


def _per(amount: Decimal | None, count: Decimal | None) -> Decimal | None:
    if amount is None or not count:
        return None
    return rounded(amount / count, 2)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _cost(hours_: Decimal, rate: Decimal | None) -> Decimal | None:
    """What `hours_` cost at `rate`, in cents; None without a tariff."""
    return None if rate is None else rounded(hours_ * rate, 2)


def _figures(
    counts: tuple[Decimal | None, Decimal | None, Decimal | None],
    minimum: Decimal,
    funded: Decimal,
    cost: Decimal | None,
    in_force: bool,
) -> dict:
    """The numbers a location, a provider and the total share. `counts` are the doelgroeppeuters
    of 2,5 to 4, the younger ones funded, and the bezette plaatsen (None where not all known, or
    where no children are counted, as for the vaste voet per aanbieder); `cost` is None without a
    tariff."""
    dgp, younger, places = counts
    return {
        "doelgroeppeuters": None if dgp is None else plain(dgp),
        "jongere_peuters": None if younger is None else plain(younger),
        "bezette_plaatsen": None if places is None else plain(places),
        "minimum_uren": plain(minimum),
        "gefinancierde_uren": plain(funded),
        "verschil_uren": plain(funded - minimum),
        "onder_minimum": in_force and funded < minimum,
        "kosten": _money(cost),
        # per child funded with VE: the doelgroeppeuters and the younger ones alike
        "kosten_per_peuter": _money(_per(cost, (dgp or 0) + (younger or 0))),
        "kosten_per_plaats": _money(_per(cost, places)),
    }


def _location(row: dict, funding: Funding, legal: Decimal | None, rate: Decimal | None) -> dict:
    """One location: its legal minimum and the hours the municipality funds, and their cost."""
    dgp, places = row["doelgroeppeuters"], row["bezette_plaatsen"]
    younger = row["jongere_peuters"] or Decimal(0)
    # The law (art. 2a), per kindercentrum: hours × doelgroeppeuters of 2,5 to 4 on 1 January.
    minimum = Decimal(0) if legal is None else legal * dgp
    # The municipality's choice: vaste voet + hours per child × basis × factor + extra hours.
    basis = places if funding.by_places else dgp + younger
    factor = Decimal(1) if row["factor"] is None else row["factor"]  # empty: 1
    extra = row["extra_uren"] or Decimal(0)
    fixed = funding.fixed if funding.fixed_per_location else Decimal(0)
    funded = fixed + funding.per_child * basis * factor + extra
    cost = _cost(funded, rate)
    return {
        "rij": row["rij"],
        "naam": row["naam"],
        "aanbieder": row["aanbieder"],
        "factor": plain(factor),
        "extra_uren": plain(extra),
        "vaste_voet_uren": plain(fixed),
        **_figures((dgp, younger, places), minimum, funded, cost, legal is not None),
    }


def _sum(items: list[dict], key: str) -> Decimal | None:
    """The sum of a column; None if an item lacks it (bezette plaatsen, costs)."""
    if any(item[key] is None for item in items):
        return None
    return sum((Decimal(item[key]) for item in items), Decimal(0))


def _counts(items: list[dict]) -> tuple[Decimal, Decimal, Decimal | None]:
    return (
        _sum(items, "doelgroeppeuters"),
        _sum(items, "jongere_peuters"),
        _sum(items, "bezette_plaatsen"),
    )


def _providers(
    locations: list[dict], funding: Funding, rate: Decimal | None, in_force: bool
) -> list[dict]:
    """Per aanbieder (names compared case-insensitively): the sums of its locations, plus a vaste
    voet per aanbieder once. Sums, not products of sums: a total is the sum of its rows exactly."""
    groups: dict[str, list[dict]] = {}
    for item in locations:
        groups.setdefault(item["aanbieder"].casefold(), []).append(item)
    fixed = Decimal(0) if funding.fixed_per_location else funding.fixed
    providers = []
    for items in groups.values():
        costs = _sum(items, "kosten")
        cost = None if costs is None else costs + _cost(fixed, rate)
        figures = _figures(
            _counts(items),
            _sum(items, "minimum_uren"),
            _sum(items, "gefinancierde_uren") + fixed,
            cost,
            in_force,
        )
        providers.append(
            {
                "naam": items[0]["aanbieder"],
                "locaties": len(items),
                "locaties_onder_minimum": sum(item["onder_minimum"] for item in items),
                "vaste_voet_uren": plain(fixed),
                **figures,
            }
        )
    return providers


def _provider_fixed(providers: list[dict], rate: Decimal | None, in_force: bool) -> dict | None:
    """The vaste voet per aanbieder as one row of its own beside the locations, so that the
    locations' rows and this row add up to the total: n aanbieders × the vaste voet, and its
    cost (the sum of what each aanbieder gets). None where the vaste voet goes per locatie."""
    per_provider = Decimal(providers[0]["vaste_voet_uren"])
    if not per_provider:
        return None
    fixed = per_provider * len(providers)
    cost = None if rate is None else _cost(per_provider, rate) * len(providers)
    figures = _figures((None, None, None), Decimal(0), fixed, cost, in_force)
    return {
        **figures,
        "minimum_uren": None,  # no legal minimum goes with a vaste voet
        "aanbieders": len(providers),
        "uren_per_aanbieder": plain(per_provider),
    }


def _total(
    providers: list[dict], locations: list[dict], rate: Decimal | None, in_force: bool
) -> dict:
    """The sums over the providers (which hold every location and vaste voet), with the vaste
    voet as counted: the locations' own plus once per aanbieder."""
    total = _figures(
        _counts(providers),
        _sum(providers, "minimum_uren"),
        _sum(providers, "gefinancierde_uren"),
        _sum(providers, "kosten"),
        in_force,
    )
    below = sum(item["onder_minimum"] for item in locations)
    counted = _sum(locations, "vaste_voet_uren") + _sum(providers, "vaste_voet_uren")
    total.update(
        locaties=len(locations),
        locaties_onder_minimum=below,
        onder_minimum=below > 0,
        vaste_voet_uren=plain(counted),
        vaste_voet_aanbieders=_provider_fixed(providers, rate, in_force),
    )
    return total


def _tariff(values: dict, year: int) -> dict | None:
    """The user's tariff indexed to the budget year, or None: without a tariff, no costs."""
    if values["uurtarief"] is None:
        return None
    base = int(values["prijspeil_jaar"] or year)  # empty prijspeil: the budget year itself
    indexed = index_tariff(values["uurtarief"], base, year, values["indexaties"])
    return {
        "uurtarief": plain(values["uurtarief"]),
        "prijspeil_jaar": base,
        "stappen": indexed["stappen"],
        "ontbrekende_indexaties": indexed["ontbrekend"],
        "tarief_begrotingsjaar": plain(indexed["tarief"]),
    }


def _oab_share(oab: Decimal | None, cost: str | None) -> dict | None:
    """Which part of the OAB budget the pbm'er takes, in percent (exact; rounded only when
    shown), once costs are known."""
    if oab is None:
        return None
    share = None if cost is None else plain(Decimal(cost) / oab * 100)
    return {"budget": plain(oab), "procent": share}


def _notes(
    year: int, funding: Funding, total: dict, tariff: dict | None, oab: dict | None
) -> list[dict]:
    """What the user must know about this answer, as codes with their numbers."""
    rule = _minimum_rule()
    notes = []
    if rule.value_on(date(year, 1, 1)) is None:
        notes.append({"soort": "norm_nog_niet", "vanaf": rule.start.isoformat()})
    if funding.per_child < default_hours(year):
        notes.append({"soort": "minder_dan_norm", "uren_per_kind": plain(funding.per_child)})
    if total["locaties_onder_minimum"]:
        notes.append(
            {
                "soort": "locaties_onder_minimum",
                "aantal": total["locaties_onder_minimum"],
                "van": total["locaties"],
            }
        )
    if tariff and tariff["ontbrekende_indexaties"]:
        notes.append({"soort": "indexatie_ontbreekt", "jaren": tariff["ontbrekende_indexaties"]})
    if funding.by_places:
        notes.append({"soort": "telt_bezette_plaatsen"})
    if oab and oab["procent"] is not None and Decimal(oab["procent"]) > 100:
        # more than the whole OAB budget: most likely the budget was typed in thousands
        notes.append({"soort": "oab_meer_dan_budget", "procent": oab["procent"]})
    return notes


def _no_effect_notes(funding: Funding, total: dict, groups: list[dict]) -> list[dict]:
    """Input that changes less than it seems: younger peuters under bezette plaatsen, and a vaste
    voet for locations (or aanbieders) without any doelgroeppeuters, young or not. `groups` are
    the locations or, with a vaste voet per aanbieder, the aanbieders."""
    notes = []
    if funding.by_places and Decimal(total["jongere_peuters"]):
        notes.append(
            {
                "soort": "jongere_tellen_niet_bij_plaatsen",
                "jongere_peuters": total["jongere_peuters"],
            }
        )
    empty = [
        item
        for item in groups
        if not Decimal(item["doelgroeppeuters"]) and not Decimal(item["jongere_peuters"])
    ]
    if funding.fixed and empty:
        notes.append(
            {
                "soort": "vaste_voet_zonder_doelgroeppeuters",
                "per": "locatie" if funding.fixed_per_location else "aanbieder",
                "aantal": len(empty),
                "van": len(groups),
            }
        )
    return notes


def compute(values: dict) -> dict:
    year = int(values["begrotingsjaar"])
    legal = _minimum_rule().value_on(date(year, 1, 1))  # None before the norm took effect
    in_force = legal is not None
    funding = Funding.of(values)
    tariff = _tariff(values, year)
    rate = None if tariff is None else Decimal(tariff["tarief_begrotingsjaar"])
    locations = [_location(row, funding, legal, rate) for row in values[TABLE]]
    providers = _providers(locations, funding, rate, in_force)
    total = _total(providers, locations, rate, in_force)
    preset = PRESETS.get(values["preset"]) if values["preset"] else None
    oab = _oab_share(values["oab_budget"], total["kosten"])
    return {
        "rekenhulp": NAME,
        "begrotingsjaar": year,
        "peildatum": date(year, 1, 1).isoformat(),
        "invoer": _echo(values),
        "wettelijk_minimum_van_kracht": in_force,
        "minimum_uren_per_doelgroeppeuter": None if legal is None else plain(legal),
        "norm_uren_per_doelgroeppeuter": plain(default_hours(year)),
        "leeftijden": {"van": plain(AGE_FROM), "tot": plain(AGE_TO)},
        "tarief": tariff,
        "bedrag_per_eenheid": _money(_cost(funding.per_child, rate)),
        "locaties": locations,
        "aanbieders": providers,
        "totaal": total,
        "oab": oab,
        "meldingen": _notes(year, funding, total, tariff, oab)
        + _no_effect_notes(funding, total, locations if funding.fixed_per_location else providers),
        "regel": _minimum_rule().describe(),
        "voorbeeld": None
        if preset is None
        else {"sleutel": values["preset"], "titel": preset["titel"], "bron": preset["bron"]},
    }


def _echo(values: dict) -> dict:
    """The settings the answer was computed with, as the result states them."""
    return {
        "grondslag": values["grondslag"],
        "uren_per_kind": plain(values["uren_per_kind"]),
        "uren_per_kind_standaard": values["uren_per_kind_standaard"],
        "vaste_voet_uren": plain(values["vaste_voet_uren"] or Decimal(0)),
        "vaste_voet_per": values["vaste_voet_per"],
        "uurtarief": None if values["uurtarief"] is None else plain(values["uurtarief"]),
        "prijspeil_jaar": None
        if values["prijspeil_jaar"] is None
        else int(values["prijspeil_jaar"]),
        "indexaties": [plain(item) for item in values["indexaties"]],
        "oab_budget": None if values["oab_budget"] is None else plain(values["oab_budget"]),
        "grafiek": values["grafiek"],
        "preset": values["preset"],
    }


# --- CSV of the result ----------------------------------------------------------------------

RESULT_HEADER = (
    "Locatie",
    "Aanbieder",
    "Doelgroeppeuters",
    YOUNGER,
    "Bezette plaatsen",
    "Factor",
    "Extra uren",
    "Vaste voet (uren)",
    "Wettelijk minimum (uren)",
    "Gefinancierde uren",
    "Verschil met minimum (uren)",
    "Kosten (euro)",
    f"Kosten per peuter, ook {YOUNGER.lower()} (euro)",
    "Kosten per bezette plaats (euro)",
)


# The labels (column A) of the result file's rows that are no location: the vaste voet per
# aanbieder, and after the Totaal the basis the costs were computed with, so the file can be
# checked and reproduced. The CSV import leaves them out of a result file (calc.csv_nl).
FIXED_ROW = "Vaste voet per aanbieder"
BASIS_TITLE = "Uitgangspunten van deze uitkomst"
BASIS_LABELS = {
    "begrotingsjaar": "Begrotingsjaar",
    "grondslag": "Grondslag",
    "uren_per_kind": "Uren per kind of plaats per jaar",
    "vaste_voet_uren": "Vaste voet in uren per jaar",
    "vaste_voet_per": "Vaste voet geldt",
    "uurtarief": "Uurtarief in euro",
    "prijspeil_jaar": "Prijspeil van het uurtarief",
    "indexaties": "Indexaties per jaar in procenten",
    "ontbrekend": "Jaren zonder indexatie (0 %)",
    "tarief_begrotingsjaar": "Uurtarief in het begrotingsjaar in euro",
    "afronding": "Afronding",
    "minimum": "Wettelijk minimum in uren per doelgroeppeuter",
    "oab_budget": "OAB-budget in euro",
    "voorbeeld": "Voorbeeld uit de praktijk",
}
RESULT_LABELS = (FIXED_ROW, BASIS_TITLE, *BASIS_LABELS.values())


def _cell(value: str | None, money: bool = False) -> str:
    """A number with a decimal comma; money in cents (`4800,00`); empty for None."""
    if value is None:
        return ""
    if money:
        return format(rounded(Decimal(value), 2), "f").replace(".", ",")
    return decimal_cell(Decimal(value))


def _numbers(item: dict) -> list[str]:
    """The computed columns of a location, the vaste voet row or the total."""
    return [
        _cell(item["minimum_uren"]),
        _cell(item["gefinancierde_uren"]),
        _cell(item["verschil_uren"]),
        _cell(item["kosten"], money=True),
        _cell(item["kosten_per_peuter"], money=True),
        _cell(item["kosten_per_plaats"], money=True),
    ]


def result_rows(result: dict) -> list[list[str]]:
    """The result as rows of the CSV export: one per location, the vaste voet per aanbieder
    (if any) and the total, then after an empty line the basis of the computation."""
    rows = [
        [
            item["naam"],
            item["aanbieder"],
            *(_cell(item[key]) for key in ("doelgroeppeuters", "jongere_peuters")),
            *(_cell(item[key]) for key in ("bezette_plaatsen", "factor", "extra_uren")),
            _cell(item["vaste_voet_uren"]),
            *_numbers(item),
        ]
        for item in result["locaties"]
    ]
    total = result["totaal"]
    fixed = total["vaste_voet_aanbieders"]
    if fixed:  # its own row, so that the rows add up to the Totaal
        times = f"{fixed['aanbieders']} × {hours(Decimal(fixed['uren_per_aanbieder']))}"
        hours_ = _cell(fixed["gefinancierde_uren"])
        rows.append([f"{FIXED_ROW} ({times})", *[""] * 6, hours_, *_numbers(fixed)])
    counts = [
        _cell(total[key]) for key in ("doelgroeppeuters", "jongere_peuters", "bezette_plaatsen")
    ]
    rows.append(["Totaal", "", *counts, "", "", _cell(total["vaste_voet_uren"]), *_numbers(total)])
    return [*rows, [], *_basis_rows(result)]


def _basis_rows(result: dict) -> list[list[str]]:
    """What the numbers above were computed with, one `label;value` line each."""
    shown, tariff = result["invoer"], result["tarief"]
    values = {
        "begrotingsjaar": str(result["begrotingsjaar"]),
        "grondslag": GRONDSLAGEN[shown["grondslag"]],
        "uren_per_kind": _cell(shown["uren_per_kind"]),
        "vaste_voet_uren": _cell(shown["vaste_voet_uren"]),
        "vaste_voet_per": VASTE_VOET_PER[shown["vaste_voet_per"]],
        "uurtarief": "niet ingevuld: alleen uren" if tariff is None else _cell(tariff["uurtarief"]),
        "minimum": _cell(result["minimum_uren_per_doelgroeppeuter"]) or "n.v.t.",
    }
    if tariff is not None:
        values.update(
            prijspeil_jaar=str(tariff["prijspeil_jaar"]),
            # "2025: -1 %; 2026: 2 %": by year, and no cell that starts like a formula
            indexaties="; ".join(
                f"{step['naar']}: {_cell(step['procent'])} %"
                for step in tariff["stappen"]
                if step["ingevuld"]
            )
            or "geen",
            ontbrekend=year_span(tariff["ontbrekende_indexaties"]),
            tarief_begrotingsjaar=_cell(tariff["tarief_begrotingsjaar"]),
            afronding=ROUNDING,
        )
    if shown["oab_budget"] is not None:
        values["oab_budget"] = _cell(shown["oab_budget"])
    if result["voorbeeld"]:
        example = result["voorbeeld"]
        values["voorbeeld"] = f"{example['titel']} (bron: {example['bron']})"
    return [[BASIS_TITLE]] + [
        [label, values[key]] for key, label in BASIS_LABELS.items() if values.get(key)
    ]
