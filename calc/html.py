"""HTML for a rekenhulp: the form (site build) and the result (site build and browser alike).

Every piece of text is escaped here, so whatever a user typed reaches the page as text.
"""

from __future__ import annotations

from html import escape

from calc.fields import Field


def e(value: object) -> str:
    return escape(str(value), quote=True)


def rule_cite(rule: dict) -> str:
    return (
        f"{e(rule['artikel'])}; bron: "
        f'<a href="{e(rule["url"])}">{e(rule["bron"])}</a>'
        f' <span class="rh-regelstatus rh-regelstatus--{e(rule["status"])}">({e(rule["status_tekst"])})</span>'
    )


def field(uid: str, spec: Field, value: str) -> str:
    base = f"{uid}-{spec.key}"
    return (
        f'<div class="rh-veld" data-veld="{e(spec.key)}">'
        f'<label class="rh-label" for="{base}">{e(spec.label)}</label>'
        f'<p class="rh-hint" id="{base}-hint">{e(spec.hint)}</p>'
        f'<p class="rh-fout" id="{base}-fout" hidden></p>'
        f'<input class="rh-invoer" id="{base}" name="{e(spec.key)}" type="text"'
        f' inputmode="{spec.inputmode}" autocomplete="off" spellcheck="false"'
        f' value="{e(value)}" data-standaard="{e(value)}" aria-describedby="{base}-hint">'
        "</div>"
    )


def widget(
    name: str, title: str, uid: str, fields: tuple[Field, ...], values: dict, result_html: str
) -> str:
    inputs = "".join(field(uid, spec, values[spec.key]) for spec in fields)
    return (
        f'<section class="rekenhulp" id="{uid}" data-rekenhulp="{e(name)}" aria-labelledby="{uid}-titel">'
        f'<h2 class="rh-titel" id="{uid}-titel">{e(title)}</h2>'
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
