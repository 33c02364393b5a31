"""The right rekenhulp in two clicks (issue 13, point 4).

The rekenhulpen have their own section in the navigation and their own page each, with the full
tool; the home page lists them near the top, within reach of a phone's thumb; every other page
keeps its rekenhulp compact (the page's example answer, the form folded away) with a link to the
full page.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from test_rekenhulp import PYODIDE_WAIT_MS, READY, form_values, full_page
from test_tables import same_as_cpython

from macros import FULL_PAGES

PHONE = {"width": 375, "height": 667}
NAMES = sorted(FULL_PAGES)


def test_the_home_page_lists_the_rekenhulpen_within_a_phone_screen_and_a_half(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url)
    targets = [site_url + full_page(name) for name in NAMES]
    links = page.locator("article a").evaluate_all(
        "links => links.map(a => [a.href, a.getBoundingClientRect().bottom + scrollY])"
    )
    first = {href: min(bottom for h, bottom in links if h == href) for href in targets}
    assert max(first.values()) < 1.5 * PHONE["height"], first


def test_two_clicks_from_any_page_to_each_rekenhulp_at_a_desk(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    for name in NAMES:
        page.goto(site_url + "kwaliteit-monitoren/")
        page.locator(".md-tabs").get_by_role("link", name="Rekenhulpen").click()
        page.wait_for_url(site_url + "rekenhulpen/")
        page.locator("article").locator(
            f'a[href$="{full_page(name).removeprefix("rekenhulpen/")}"]'
        ).first.click()
        page.wait_for_url(site_url + full_page(name))
        # Instant navigation changes the address first: wait for the page's own rekenhulp.
        widget = page.locator(f'.rekenhulp:not(.rekenhulp--compact)[data-rekenhulp="{name}"]')
        widget.wait_for()
        assert widget.locator(".rh-form .rh-invoer").first.is_visible()  # the form is open


def test_the_phone_menu_opens_on_the_rekenhulpen_in_two_taps(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url)
    page.locator('label.md-header__button[for="__drawer"]').click()
    drawer = page.locator(".md-sidebar--primary")
    drawer.locator("label.md-nav__link", has_text="Rekenhulpen").click()
    for name in NAMES:
        link = drawer.locator(f'a.md-nav__link[href$="{full_page(name)}"]')
        link.wait_for()  # visible
        assert link.evaluate("a => a.href") == site_url + full_page(name)


def test_a_compact_rekenhulp_shows_the_example_answer_and_unfolds_its_form(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "competenties/")
    page.wait_for_selector(".rekenhulp[data-gebonden]")  # bound; nothing used, nothing loads
    widget = page.locator(".rekenhulp").first
    assert "rekenhulp--compact" in widget.get_attribute("class")
    assert widget.locator(".rh-resultaat").is_visible()
    assert widget.locator(".rh-form").is_hidden()
    same_as_cpython(widget)
    link = widget.locator(".rh-volledig a")
    assert link.get_attribute("href") and link.evaluate("a => a.href") == (
        site_url + full_page("uren")
    )
    # Keyboard: Tab to the fold, Enter opens it, Tab reaches the first field.
    link.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert widget.locator(".rh-form").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('rh-invoer')")


def test_a_link_with_a_calculation_unfolds_the_compact_form(page, site_url):
    page.goto(site_url)
    page.wait_for_selector(".rekenhulp[data-gebonden]")  # bound; nothing used, nothing loads
    widget = page.locator(".rekenhulp").first
    values = {**form_values(widget), "fte": "3"}
    page.goto(site_url + "competenties/#rh1=" + quote(json.dumps(values)))
    page.wait_for_selector(READY, timeout=PYODIDE_WAIT_MS)
    widget = page.locator(".rekenhulp").first
    assert widget.locator(".rh-form").is_visible()
    assert form_values(widget)["fte"] == "3"
    same_as_cpython(widget)
