"""HTML for a rekenhulp: the form (site build) and the result (site build and browser alike).

Every piece of text is escaped here, so whatever a user typed reaches the page as text.
"""

from __future__ import annotations

from html import escape

from calc.fields import Field


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def rule_cite(rule: dict) -> str:
    return (
        f"{_e(rule['artikel'])}; bron: "
        f'<a href="{_e(rule["url"])}">{_e(rule["bron"])}</a>'
        f' <span class="rh-status rh-status--{_e(rule["status"])}">({_e(rule["status_tekst"])})</span>'
    )


def uren_result(result: dict) -> str:
    shown = result["weergave"]
    rows = "".join(
        f'<tr data-onderdeel="{_e(part["sleutel"])}">'
        f'<th scope="row">{_e(part["naam"])}</th>'
        f"<td>{_e(part['berekening'])}</td>"
        f'<td class="rh-getal" data-waarde="{_e(part["uren"])}">{_e(part["weergave"])}</td>'
        f"<td>{rule_cite(part['regel'])}</td></tr>"
        for part in result["onderdelen"]
    )
    rounding = (
        ""
        if result["totaal_uren"] == result["totaal_uren_afgerond"]
        else f" Naar boven afgerond op hele uren: <strong>{_e(shown['totaal_afgerond'])}</strong>."
    )
    return (
        '<div class="rh-uitkomst">'
        f'<p class="rh-totaal">Minimaal <strong data-uitkomst="totaal">{_e(shown["totaal"])}</strong>'
        f" pedagogisch beleidsmedewerker in {_e(result['jaar'])}.{rounding}</p>"
        '<table class="rh-tabel"><caption>Opbouw van de uren per jaar</caption>'
        '<thead><tr><th scope="col">Onderdeel</th><th scope="col">Berekening</th>'
        '<th scope="col">Uren per jaar</th><th scope="col">Regel en bron</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        f'<tfoot><tr><th scope="row">Totaal</th><td></td>'
        f'<td class="rh-getal" data-waarde="{_e(result["totaal_uren"])}">{_e(shown["totaal"])}</td>'
        "<td></td></tr></tfoot></table>"
        f'<p class="rh-toelichting">Peildatum {_e(shown["peildatum"])}. De uren zijn exact berekend;'
        " een minimum wordt nooit naar beneden afgerond.</p>"
        "</div>"
    )


def field(uid: str, spec: Field, value: str) -> str:
    base = f"{uid}-{spec.key}"
    return (
        f'<div class="rh-veld" data-veld="{_e(spec.key)}">'
        f'<label class="rh-label" for="{base}">{_e(spec.label)}</label>'
        f'<p class="rh-hint" id="{base}-hint">{_e(spec.hint)}</p>'
        f'<p class="rh-fout" id="{base}-fout" hidden></p>'
        f'<input class="rh-invoer" id="{base}" name="{_e(spec.key)}" type="text"'
        f' inputmode="{spec.inputmode}" autocomplete="off" spellcheck="false"'
        f' value="{_e(value)}" data-standaard="{_e(value)}" aria-describedby="{base}-hint">'
        "</div>"
    )


def widget(name: str, title: str, uid: str, fields: tuple[Field, ...], values: dict, result_html: str) -> str:
    inputs = "".join(field(uid, spec, values[spec.key]) for spec in fields)
    return (
        f'<section class="rekenhulp" id="{uid}" data-rekenhulp="{_e(name)}" aria-labelledby="{uid}-titel">'
        f'<h2 class="rh-titel" id="{uid}-titel">{_e(title)}</h2>'
        '<form class="rh-form" novalidate>'
        f'<div class="rh-foutsamenvatting" id="{uid}-fouten" tabindex="-1" hidden>'
        f'<h3 class="rh-foutsamenvatting__titel">Controleer uw invoer</h3><ul></ul></div>'
        f"{inputs}"
        '<div class="rh-acties"><button class="md-button md-button--primary" type="submit">Bereken</button></div>'
        '<p class="rh-status" role="status" data-status="statisch">'
        "Deze uitkomst is vooraf berekend voor de ingevulde waarden.</p>"
        "</form>"
        f'<div class="rh-resultaat" id="{uid}-resultaat" aria-live="polite">{result_html}</div>'
        "</section>"
    )
