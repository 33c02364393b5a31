"""Rekenhulp `budget`: what the VE pbm'er costs a municipality, per location and in total.

Per location (one row of the table `locaties`):

    wettelijk minimum = 10 uur × doelgroeppeuters op 1 januari            (rules.toml, art. 2a)
    gefinancierde uren = vaste voet (per locatie)
                       + uren per kind × grondslag × factor + extra uren   (the municipality's choice)
    kosten             = gefinancierde uren × uurtarief in het begrotingsjaar

`grondslag` is the number of doelgroeppeuters (the legal basis) or of bezette peuterplaatsen (as
Veldhoven funds). A vaste voet "per aanbieder" is counted once per provider, not per location.
The tariff is brought from its prijspeil year to the budget year by the yearly index percentages
the user types; it is carried exactly and rounded to cents only for display.

The legal minimum is shown per location: whether hours may move between locations was not
verified (see docs), so a location below its own minimum is flagged even when the total is not.

The input is declared once in FIELDS (calc.fields): it parses the JSON, names errors, and makes
the form (calc.html.widget); the table `locaties` is a fields.Table, also for the CSV import.
compute() refuses the whole input while any row is invalid and names each bad cell by the row
the form shows (`locaties[4].doelgroeppeuters` is row 4), because a budget total that silently
leaves out a location is wrong. Nothing is lost: the rows stay in the page as typed, and the CSV
import keeps every row, good and bad, and reports the bad cells by line and column.

The HTML of a result (totals, index steps, chart and tables) is in calc.budget_html.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calc import rules
from calc.budget_html import GRAFIEKEN, render  # noqa: F401 (render: the rekenhulp interface)
from calc.csv_nl import decimal_cell
from calc.fields import Choice, Field, InputError, NumberList, Table, Text, collect, error
from calc.numbers import date_nl, euro, hours, nl, plain, rounded

NAME = "budget"
TITLE = "Rekenhulp: budget pedagogisch beleidsmedewerker in de VE"
TABLE = "locaties"
MINIMUM_RULE = "ve_uren_per_doelgroeppeuter"
FIRST_YEAR = 2000
LAST_YEAR = 2100
MAX_ROWS = 5_000  # a national overview has some 2,000 VE locations
CENT = Decimal("0.01")

GRONDSLAGEN = {
    "doelgroeppeuters": "Doelgroeppeuters op 1 januari (de wettelijke grondslag)",
    "bezette_plaatsen": "Bezette peuterplaatsen (zoals Veldhoven financiert)",
}
VASTE_VOET_PER = {"locatie": "Per locatie", "aanbieder": "Per aanbieder"}


def _minimum_rule() -> rules.Rule:
    return rules.rule(MINIMUM_RULE)


def default_hours(year: int) -> Decimal:
    """The legal hours per doelgroeppeuter in `year`; before the norm took effect, its first value."""
    rule = _minimum_rule()
    return rule.value_on(date(year, 1, 1)) or rule.periods[0][1]


_NORM = nl(rules.rule(MINIMUM_RULE).periods[-1][1])

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
    """Settings reported at two meetings, as editable examples; every number from rules.toml."""

    def first(key: str) -> Decimal:
        return rules.rule(key).periods[0][1]

    def year(key: str) -> int:
        return rules.rule(key).start.year

    cao = "veldhoven_uurloon_pbm"
    per_place = "veldhoven_bedrag_per_bezette_peuterplaats"
    place_hours = "veldhoven_uren_per_bezette_peuterplaats"
    voet = "kleine_gemeente_vaste_voet_uren"
    common = {
        "begrotingsjaar": "2026",
        "uurtarief": decimal_cell(first(cao)),
        "prijspeil_jaar": str(year(cao)),
        "indexaties": [],
    }
    return {
        "veldhoven": {
            "titel": f"Veldhoven: {hours(first(place_hours))} per bezette peuterplaats",
            "bron": rules.rule(per_place).source.title,
            "regels": [cao, place_hours, per_place],
            "toelichting": (
                f"De gemeente Veldhoven rekent met het uurloon uit de CAO Kinderopvang, schaal 9,"
                f" trede 27: {euro(first(cao))} per uur (prijspeil {year(cao)}). Opvangorganisaties"
                f" krijgen per bezette peuterplaats {hours(first(place_hours))} per jaar; in de"
                f" inkoopcontracten staat {euro(first(per_place))} per plaats per jaar (prijspeil"
                f" {year(per_place)}), dat is {euro(first(per_place) / first(place_hours))} per"
                " uur. Het bedrag wordt jaarlijks geïndexeerd: vul de indexaties in om naar uw"
                " begrotingsjaar te rekenen. Praktijk van één gemeente, geen wettelijke regel."
            ),
            "invoer": {
                "preset": "veldhoven",
                "grondslag": "bezette_plaatsen",
                "uren_per_kind": decimal_cell(first(place_hours)),
                "vaste_voet_uren": "",
                "uurtarief": decimal_cell(first(per_place) / first(place_hours)),
                "prijspeil_jaar": str(year(per_place)),
                "begrotingsjaar": str(year(per_place)),
                "indexaties": [],
                TABLE: _rows(bezette_plaatsen=["16", "14", "24"]),
            },
        },
        "kleine_gemeente": {
            "titel": "Kleine gemeente: vaste voet plus uren per VE-kind",
            "bron": rules.rule(voet).source.title,
            "regels": [voet, cao],
            "toelichting": (
                "Sommige kleine gemeenten werken met een vaste voet aan uren naast de"
                f" {hours(first(MINIMUM_RULE))} per VE-kind, bijvoorbeeld {hours(first(voet))}"
                " per jaar. Het verslag zegt niet of"
                " de vaste voet per locatie of per aanbieder geldt: kies het zelf. Het uurtarief"
                f" is het CAO-uurloon dat Veldhoven gebruikt ({euro(first(cao))}, prijspeil"
                f" {year(cao)}); vul uw eigen tarief en indexaties in."
            ),
            "invoer": {
                "preset": "kleine_gemeente",
                "grondslag": "doelgroeppeuters",
                "uren_per_kind": "",
                "vaste_voet_uren": decimal_cell(first(voet)),
                "vaste_voet_per": "locatie",
                **common,
                TABLE: _rows(),
            },
        },
        "enschede": {
            "titel": "Naar Enschede: meer uren waar meer nodig is",
            "bron": rules.rule(voet).source.title,
            "regels": [cao],
            "toelichting": (
                "Enschede verdeelt de uren met een eigen rekentool: meer doelgroepkinderen"
                " betekent meer uren, en in sommige wijken is meer ondersteuning nodig. Het"
                " verslag noemt geen getallen. Vul daarom zelf per locatie een factor in (1,25"
                " is een kwart meer uren per kind) of extra uren. Het uurtarief is het"
                f" CAO-uurloon dat Veldhoven gebruikt ({euro(first(cao))}, prijspeil {year(cao)})."
            ),
            "invoer": {
                "preset": "enschede",
                "grondslag": "doelgroeppeuters",
                "uren_per_kind": "",
                "vaste_voet_uren": "",
                **common,
                TABLE: _rows(factor=["", "", ""], extra_uren=["", "", ""]),
            },
        },
    }


PRESETS = _presets()


# --- fields ---------------------------------------------------------------------------------


def _year(key: str, label: str, hint: str) -> Field:
    return Field(
        key=key,
        label=label,
        hint=hint,
        example="2026",
        minimum=Decimal(FIRST_YEAR),
        maximum=Decimal(LAST_YEAR),
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
            hint="Peuters met een VE-indicatie op 1 januari (0 mag).",
            example="12",
            maximum=Decimal(100_000),
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
            unit="uur",
            label_suffix="(optioneel)",
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
        "Het jaar waarvoor u begroot. Het wettelijk minimum telt de doelgroeppeuters op 1 januari"
        " van dat jaar.",
    ),
    Choice(
        key="grondslag",
        label="Waarover telt u de uren?",
        hint="Het wettelijk minimum telt doelgroeppeuters; een gemeente mag anders financieren.",
        options=tuple(GRONDSLAGEN.items()),
    ),
    Field(
        key="uren_per_kind",
        label="Uren per kind of plaats per jaar",
        label_suffix="(optioneel)",
        hint=(
            f"Het wettelijk minimum is {_NORM} uur per doelgroeppeuter; een gemeente mag meer"
            " financieren. Leeg: het wettelijk minimum."
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
        hint="Het tarief per uur pedagogisch beleidsmedewerker, op het prijspeil hieronder. Bijvoorbeeld 38,34.",
        example="38,34",
        maximum=Decimal(1000),
        whole=False,
        max_decimals=4,
        unit="euro",
    ),
    _year(
        "prijspeil_jaar",
        "Prijspeil van het uurtarief (jaar)",
        "Het jaar waarin het uurtarief gold. De indexaties brengen het naar het begrotingsjaar.",
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
CSV_ALIASES = {
    "naam": ("naam", "naam locatie", "locatienaam", "vestiging"),
    "aanbieder": ("houder", "organisatie", "kinderopvangorganisatie"),
    "doelgroeppeuters": (
        "aantal doelgroeppeuters",
        "doelgroeppeuters op 1 januari",
        "doelgroepkinderen",
        "ve kinderen",
        "ve-kinderen",
        "geïndiceerde peuters",
    ),
    "bezette_plaatsen": ("bezette peuterplaatsen", "peuterplaatsen", "plaatsen"),
    "extra_uren": ("extra", "extra uren per jaar"),
    "factor": ("wijkfactor", "ondersteuningsfactor"),
}

# What a page shows without a preset: an illustration, not a norm.
EXAMPLE = {
    "preset": "",
    "grondslag": "doelgroeppeuters",
    "uren_per_kind": "",
    "vaste_voet_uren": "",
    "vaste_voet_per": "locatie",
    "begrotingsjaar": "2026",
    "uurtarief": PRESETS["kleine_gemeente"]["invoer"]["uurtarief"],
    "prijspeil_jaar": PRESETS["kleine_gemeente"]["invoer"]["prijspeil_jaar"],
    "indexaties": [],
    "oab_budget": "",
    "grafiek": "uren",
    TABLE: _rows(),
}


def initial(values: dict) -> dict:
    """The input a page starts with: EXAMPLE, then the named preset, then the page's own values.

    `preset` names an entry of PRESETS. Keys the rekenhulp does not know (such as the `jaar`
    every page passes) are ignored.
    """
    chosen = values.get("preset")
    if chosen and chosen not in PRESETS:
        raise ValueError(f"unknown budget preset {chosen!r}; known: {', '.join(PRESETS)}")
    start = {**EXAMPLE, **(PRESETS[chosen]["invoer"] if chosen else {})}
    start.update({key: value for key, value in values.items() if key in _ORDER})
    return start


# --- reading the input ----------------------------------------------------------------------


def read(data: object) -> dict:
    """Parse and check the whole input; all errors at once, in the order of the form."""
    values, errors = collect(FIELDS, data)
    values["preset"] = values.get("preset") or None
    year, base = values.get("begrotingsjaar"), values.get("prijspeil_jaar")
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
        _check_rows(rows, data.get(TABLE), values.get("grondslag"), errors)
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


def _check_rows(rows: list[dict], raw: object, grondslag: str | None, errors: list) -> None:
    """What the columns cannot check alone: at least one location, and places where the hours
    are counted over places."""
    if not rows:
        whole = "" if raw in (None, "", []) else ": alle rijen zijn leeg"
        errors.append(error(TABLE, f"Vul minstens één locatie in{whole}."))
    if grondslag == "bezette_plaatsen":
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


# --- the computation ------------------------------------------------------------------------


def index_tariff(tariff: Decimal, base_year: int, year: int, percentages: list[Decimal]) -> dict:
    """The tariff from its prijspeil year to `year`, one step per year.

    Each step multiplies by (1 + percentage / 100), exactly. A year without a percentage counts
    as 0 % and is listed in `ontbrekend`, so the page can say the tariff is probably too low.
    """
    steps, missing = [], []
    current = tariff
    for offset in range(year - base_year):
        if offset < len(percentages):
            percentage = percentages[offset]
        else:
            percentage = Decimal(0)
            missing.append(base_year + offset + 1)
        current = current * (1 + percentage / 100)
        steps.append(
            {
                "van": base_year + offset,
                "naar": base_year + offset + 1,
                "procent": plain(percentage),
                "ingevuld": offset < len(percentages),
                "tarief": plain(current),
                "weergave": {
                    "procent": _percent(percentage, signed=True),
                    "tarief": euro(current),
                },
            }
        )
    return {"tarief": current, "stappen": steps, "ontbrekend": missing}


def _percent(value: Decimal, signed: bool = False, places: int | None = None) -> str:
    text = nl(value, places)
    if signed and value > 0:
        text = "+" + text
    return f"{text} %"


def _per(amount: Decimal, count: Decimal | None) -> Decimal | None:
    if not count:
        return None
    return rounded(amount / count, 2)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _signed_hours(value: Decimal) -> str:
    if value > 0:
        return "+" + hours(value)
    if value < 0:
        return "−" + hours(-value)
    return hours(value)


def _numbers(
    dgp: Decimal,
    places: Decimal | None,
    minimum: Decimal,
    funded: Decimal,
    cost: Decimal,
    in_force: bool,
) -> dict:
    """The figures a location, a provider and the total share, with their display strings."""
    per_child = _per(cost, dgp)
    per_place = _per(cost, places)
    difference = funded - minimum
    return {
        "doelgroeppeuters": plain(dgp),
        "bezette_plaatsen": None if places is None else plain(places),
        "minimum_uren": plain(minimum),
        "gefinancierde_uren": plain(funded),
        "verschil_uren": plain(difference),
        "onder_minimum": in_force and funded < minimum,
        "kosten": plain(cost),
        "kosten_per_doelgroeppeuter": _money(per_child),
        "kosten_per_plaats": _money(per_place),
        "weergave": {
            "doelgroeppeuters": nl(dgp),
            "bezette_plaatsen": "" if places is None else nl(places),
            "minimum_uren": hours(minimum) if in_force else "n.v.t.",
            "gefinancierde_uren": hours(funded),
            "verschil_uren": _signed_hours(difference) if in_force else "n.v.t.",
            "kosten": euro(cost),
            "kosten_per_doelgroeppeuter": "—" if per_child is None else euro(per_child),
            "kosten_per_plaats": "—" if per_place is None else euro(per_place),
        },
    }


def compute(values: dict) -> dict:
    year = int(values["begrotingsjaar"])
    day = date(year, 1, 1)
    rule = _minimum_rule()
    legal = rule.value_on(day)
    in_force = legal is not None
    norm = default_hours(year)
    per_child_hours = values["uren_per_kind"]
    fixed = values["vaste_voet_uren"] or Decimal(0)
    fixed_per_location = values["vaste_voet_per"] == "locatie"
    by_places = values["grondslag"] == "bezette_plaatsen"
    indexed = index_tariff(
        values["uurtarief"], int(values["prijspeil_jaar"]), year, values["indexaties"]
    )
    tariff = indexed["tarief"]

    locations = []
    providers: dict[str, dict] = {}
    for row in values[TABLE]:
        dgp = row["doelgroeppeuters"]
        places = row["bezette_plaatsen"]
        factor = Decimal(1) if row["factor"] is None else row["factor"]  # empty: 1
        extra = row["extra_uren"] or Decimal(0)
        basis = places if by_places else dgp
        minimum = legal * dgp if in_force else Decimal(0)
        own_fixed = fixed if fixed_per_location else Decimal(0)
        funded = own_fixed + per_child_hours * basis * factor + extra
        location = {
            "rij": row["rij"],
            "naam": row["naam"],
            "aanbieder": row["aanbieder"],
            "factor": plain(factor),
            "extra_uren": plain(extra),
            "vaste_voet_uren": plain(own_fixed),
            **_numbers(dgp, places, minimum, funded, funded * tariff, in_force),
        }
        location["weergave"]["naam"] = row["naam"] or f"Locatie zonder naam (rij {row['rij']})"
        locations.append(location)
        key = row["aanbieder"].casefold()
        provider = providers.setdefault(
            key,
            {
                "naam": row["aanbieder"],
                "locaties": 0,
                "dgp": Decimal(0),
                "places": Decimal(0),
                "with_places": 0,
                "minimum": Decimal(0),
                "funded": Decimal(0),
                "cost": Decimal(0),
                "onder_minimum": 0,
            },
        )
        provider["locaties"] += 1
        provider["dgp"] += dgp
        if places is not None:
            provider["places"] += places
            provider["with_places"] += 1
        provider["minimum"] += minimum
        provider["funded"] += funded
        provider["cost"] += Decimal(location["kosten"])
        provider["onder_minimum"] += location["onder_minimum"]

    provider_rows = []
    for provider in providers.values():
        provider_fixed = Decimal(0) if fixed_per_location else fixed
        # Sums, not products of sums: the total is the sum of its rows to the last digit.
        numbers = _numbers(
            provider["dgp"],
            provider["places"] if provider["with_places"] == provider["locaties"] else None,
            provider["minimum"],
            provider["funded"] + provider_fixed,
            provider["cost"] + provider_fixed * tariff,
            in_force,
        )
        numbers["weergave"]["naam"] = provider["naam"] or "Zonder aanbieder"
        provider_rows.append(
            {
                "naam": provider["naam"],
                "locaties": provider["locaties"],
                "locaties_onder_minimum": provider["onder_minimum"],
                "vaste_voet_uren": plain(provider_fixed),
                **numbers,
            }
        )

    def total(key: str) -> Decimal:
        return sum((Decimal(item[key] or 0) for item in provider_rows), Decimal(0))

    all_places = all(item["bezette_plaatsen"] is not None for item in provider_rows)
    totals = _numbers(
        total("doelgroeppeuters"),
        total("bezette_plaatsen") if all_places else None,
        total("minimum_uren"),
        total("gefinancierde_uren"),
        total("kosten"),
        in_force,
    )
    below = sum(location["onder_minimum"] for location in locations)
    totals["locaties"] = len(locations)
    totals["locaties_onder_minimum"] = below
    totals["onder_minimum"] = below > 0

    unit_amount = per_child_hours * tariff
    unit = "bezette peuterplaats" if by_places else "doelgroeppeuter"
    oab = values["oab_budget"]
    share = None
    if oab is not None:
        ratio = Decimal(totals["kosten"]) / oab * 100
        share = {
            "budget": plain(oab),
            "procent": plain(rounded(ratio, 2)),
            "weergave": {"budget": euro(oab), "procent": _percent(ratio, places=1)},
        }

    warnings = []
    if not in_force:
        warnings.append(
            f"In {year} gold de VE-norm voor de pedagogisch beleidsmedewerker nog niet: die"
            f" geldt vanaf {date_nl(rule.start)}. De rekenhulp toont daarom geen wettelijk"
            " minimum; de uren per kind rekenen wel met de norm die dan gaat gelden."
        )
    if per_child_hours < norm:
        warnings.append(
            f"U rekent met {hours(per_child_hours)} per {unit}. Dat is minder dan het wettelijk"
            f" minimum van {hours(norm)} per doelgroeppeuter."
        )
    if below:
        warnings.append(
            f"{below} van de {len(locations)} locaties krijgen minder uren dan hun wettelijk"
            " minimum. Het minimum geldt per locatie; of uren tussen locaties mogen schuiven, is"
            " niet nagegaan."
        )
    if indexed["ontbrekend"]:
        years = indexed["ontbrekend"]
        span = str(years[0]) if len(years) == 1 else f"{years[0]} tot en met {years[-1]}"
        warnings.append(
            f"Voor {span} is geen indexatie ingevuld: de rekenhulp rekent daar met 0 %, dus het"
            " tarief is waarschijnlijk te laag. Vul de indexaties in die uw gemeente hanteert."
        )
    if by_places:
        warnings.append(
            "U telt de uren over bezette plaatsen. Het wettelijk minimum telt doelgroeppeuters"
            " op 1 januari: de tabel zet beide naast elkaar."
        )

    preset = PRESETS.get(values["preset"]) if values["preset"] else None
    return {
        "rekenhulp": NAME,
        "begrotingsjaar": year,
        "peildatum": day.isoformat(),
        "invoer": {
            "grondslag": values["grondslag"],
            "uren_per_kind": plain(per_child_hours),
            "uren_per_kind_standaard": values["uren_per_kind_standaard"],
            "vaste_voet_uren": plain(fixed),
            "vaste_voet_per": values["vaste_voet_per"],
            "uurtarief": plain(values["uurtarief"]),
            "prijspeil_jaar": int(values["prijspeil_jaar"]),
            "indexaties": [plain(item) for item in values["indexaties"]],
            "oab_budget": None if oab is None else plain(oab),
            "grafiek": values["grafiek"],
            "preset": values["preset"],
        },
        "wettelijk_minimum_van_kracht": in_force,
        "minimum_uren_per_doelgroeppeuter": None if legal is None else plain(legal),
        "norm_uren_per_doelgroeppeuter": plain(norm),
        "tarief": {
            "uurtarief": plain(values["uurtarief"]),
            "prijspeil_jaar": int(values["prijspeil_jaar"]),
            "begrotingsjaar": year,
            "stappen": indexed["stappen"],
            "ontbrekende_indexaties": indexed["ontbrekend"],
            "tarief_begrotingsjaar": plain(tariff),
            "weergave": {
                "uurtarief": euro(values["uurtarief"]),
                "tarief_begrotingsjaar": euro(tariff),
            },
        },
        "bedrag_per_eenheid": plain(unit_amount),
        "eenheid": unit,
        "locaties": locations,
        "aanbieders": provider_rows,
        "totaal": totals,
        "oab": share,
        "waarschuwingen": warnings,
        "regel": rule.describe(),
        "voorbeeld": None
        if preset is None
        else {"sleutel": values["preset"], "titel": preset["titel"], "bron": preset["bron"]},
        "weergave": {
            "bedrag_per_eenheid": euro(unit_amount),
            "uren_per_kind": hours(per_child_hours),
            "vaste_voet": _fixed_text(fixed, fixed_per_location),
            "peildatum": date_nl(day),
            "grondslag": GRONDSLAGEN[values["grondslag"]],
        },
    }


def _fixed_text(fixed: Decimal, per_location: bool) -> str:
    if not fixed:
        return "geen"
    return f"{hours(fixed)} per {'locatie' if per_location else 'aanbieder'}"


# --- CSV of the result ----------------------------------------------------------------------

RESULT_HEADER = (
    "Locatie",
    "Aanbieder",
    "Doelgroeppeuters",
    "Bezette plaatsen",
    "Factor",
    "Extra uren",
    "Vaste voet (uren)",
    "Wettelijk minimum (uren)",
    "Gefinancierde uren",
    "Verschil met minimum (uren)",
    "Kosten (euro)",
    "Kosten per doelgroeppeuter (euro)",
    "Kosten per bezette plaats (euro)",
)


def result_rows(result: dict) -> list[list[str]]:
    """The result as rows of the CSV export: one per location, one per provider's vaste voet,
    and the total; numbers with a decimal comma, money rounded to cents."""

    def cell(value: str | None, money: bool = False) -> str:
        if value is None:
            return ""
        number = Decimal(value)
        if money:
            number = rounded(number, 2)
        return decimal_cell(number) if not money else format(number, "f").replace(".", ",")

    def numbers(item: dict) -> list[str]:
        return [
            cell(item["minimum_uren"]),
            cell(item["gefinancierde_uren"]),
            cell(item["verschil_uren"]),
            cell(item["kosten"], money=True),
            cell(item["kosten_per_doelgroeppeuter"], money=True),
            cell(item["kosten_per_plaats"], money=True),
        ]

    rows = [
        [
            item["naam"],
            item["aanbieder"],
            cell(item["doelgroeppeuters"]),
            cell(item["bezette_plaatsen"]),
            cell(item["factor"]),
            cell(item["extra_uren"]),
            cell(item["vaste_voet_uren"]),
            *numbers(item),
        ]
        for item in result["locaties"]
    ]
    total = result["totaal"]
    rows.append(
        [
            "Totaal",
            "",
            cell(total["doelgroeppeuters"]),
            cell(total["bezette_plaatsen"]),
            "",
            "",
            cell(result["invoer"]["vaste_voet_uren"])
            if result["invoer"]["vaste_voet_per"] == "aanbieder"
            else "",
            *numbers(total),
        ]
    )
    return rows
