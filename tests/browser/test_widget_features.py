"""What every rekenhulp does: state in the URL fragment, reset to the preset, a print view."""

from __future__ import annotations

import json
from urllib.parse import quote

from sitebuild import cli
from test_rekenhulp import PYODIDE_WAIT_MS, READY, UREN_PAGE, form_values, total_text, use_rekenhulp

from calc import ve_aanbod_html


def change(widget, name, value):
    field = widget.locator(f'.rh-invoer[name="{name}"]')
    field.fill(value)
    field.press("Tab")


def wait_total(widget, values):
    name = widget.get_attribute("data-rekenhulp")
    _, result = cli(name, values)
    text = total_text(result) if name == "uren" else ve_aanbod_html.words(result)["totaal"]
    widget.locator('[data-uitkomst="totaal"]', has_text=text).wait_for()
    return result


def test_a_changed_calculation_is_in_the_link_and_the_link_reproduces_it(page, browser, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    change(widget, "fte", "40,5")
    change(widget, "doelgroeppeuters", "12")
    values = form_values(widget)
    wait_total(widget, values)
    page.wait_for_function("location.hash.includes('doelgroeppeuters')")
    link = page.url
    assert (
        json.loads(page.evaluate("decodeURIComponent(location.hash.split('=').slice(1).join('='))"))
        == values
    )

    other = browser.new_context().new_page()
    other.goto(link)
    copy = other.locator(".rekenhulp").first
    other.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)  # a link's input starts it untouched
    assert form_values(copy) == values
    wait_total(copy, values)
    other.context.close()


def test_a_broken_link_state_gets_a_notice_and_the_preset(page, site_url):
    page.goto(site_url + UREN_PAGE + "#rh1=" + quote("{niet: json"))
    page.wait_for_selector(".rekenhulp[data-staat]")  # bound
    widget = page.locator(".rekenhulp").first
    assert form_values(widget)["fte"] == widget.locator('.rh-invoer[name="fte"]').get_attribute(
        "data-standaard"
    )
    notice = widget.locator(".rh-melding")
    assert notice.is_visible() and "kon niet worden gelezen" in notice.inner_text()
    assert "#rh1=" not in page.url  # the address no longer holds what the form does not


def test_reset_restores_the_preset_and_its_answer(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    preset = form_values(widget)
    built_in = widget.locator(".rh-resultaat").text_content()  # DOM text, also off screen
    change(widget, "kindercentra", "zeven")
    widget.locator(".rh-foutsamenvatting").wait_for(state="visible")
    widget.get_by_role("button", name="Standaardwaarden").click()
    assert form_values(widget) == preset
    assert widget.locator(".rh-foutsamenvatting").is_hidden()
    assert widget.locator(".rh-resultaat").text_content() == built_in
    assert "#rh1=" not in page.url


def test_print_view_shows_inputs_answer_and_sources_only(page, site_url):
    page.goto(site_url + UREN_PAGE)
    use_rekenhulp(page)
    widget = page.locator(".rekenhulp").first
    change(widget, "fte", "30")
    wait_total(widget, form_values(widget))
    page.evaluate("window.print = () => { window.printed = true; }")
    widget.get_by_role("button", name="Afdrukken").click()
    assert page.evaluate("window.printed")
    page.emulate_media(media="print")
    header = widget.locator(".rh-afdrukkop")
    assert header.is_visible()
    text = header.inner_text()
    assert (
        "Berekend op" in text
        and "Fte pedagogisch medewerkers op 1 januari" in text
        and "30" in text
    )
    assert widget.locator(".rh-resultaat table").first.is_visible()
    assert widget.locator(".rh-resultaat a[href^='https://']").count() >= 3
    assert page.locator(".md-header").is_hidden()
    assert widget.locator(".rh-form").is_hidden()
    assert page.locator(".md-content__inner > h1").is_hidden()
