"""Abbreviations explain themselves on a phone and with the keyboard (issue 13, point 6): the home
page says "wijs hem aan", and a tap or Tab must show the same explanation as a mouse does."""

from __future__ import annotations

TOOLTIP = ".md-tooltip2--active[role=tooltip]"


def test_a_tap_on_an_abbreviation_shows_its_explanation(phone, site_url):
    phone.goto(site_url)
    abbr = phone.locator("article p abbr[title]").first
    title = abbr.get_attribute("title")
    assert title
    abbr.tap()
    tooltip = phone.locator(TOOLTIP)
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == title
    # Readable on a phone: not Material's 10 px.
    assert tooltip.evaluate("t => parseFloat(getComputedStyle(t.firstElementChild).fontSize)") >= 14
    phone.locator("article h1").tap()  # a tap elsewhere closes it
    tooltip.wait_for(state="detached")


def test_tab_reaches_each_abbreviation_once_and_shows_its_explanation(page, site_url):
    page.goto(site_url)
    in_order = page.locator('article abbr[tabindex="0"]').evaluate_all(
        "els => els.map(a => a.title)"
    )
    every = page.locator("article abbr[title]").evaluate_all("els => els.map(a => a.title)")
    assert sorted(in_order) == sorted(set(every))  # one Tab stop per abbreviation
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    first = "document.activeElement === document.querySelector('article abbr[tabindex=\"0\"]')"
    assert page.evaluate(first)
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for()
    assert tooltip.inner_text().strip() == in_order[0]
