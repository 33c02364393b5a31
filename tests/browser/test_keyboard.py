"""Keyboard only, per rekenhulp: Tab reaches every control with a visible focus, typing works,
Enter submits, a bad submit moves focus to the error summary whose link leads to the field, and
a corrected submit shows the answer, which Tab can reach.

Every rekenhulp in calc.api.CALCULATORS is tested on its own page, where its form is open (a
compact one on another page is tested in test_navigation.py).
"""

from __future__ import annotations

import pytest
from test_rekenhulp import full_page

from calc import api

WAIT = 60_000  # ms: Pyodide on a busy 2-core machine
MAX_TABS = 600
ALL_READY = """() => [...document.querySelectorAll('.rekenhulp')]
    .every(r => r.dataset.staat === 'klaar' || r.dataset.staat === 'mislukt')"""

# Numbers every focusable control of the form in DOM order (data-kb), and says what has focus.
MARK = """(root) => {
    const controls = [...root.querySelectorAll('.rh-form :is(input, select, textarea, button, a[href])')]
        .filter(el => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0);
    controls.forEach((el, i) => el.dataset.kb = String(i));
    return controls.length;
}"""
FOCUS = """(root) => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return {
        kb: el && root.contains(el) && el.dataset.kb !== undefined ? Number(el.dataset.kb) : null,
        inRoot: !!el && root.contains(el),
        inResult: !!el && !!el.closest('.rh-resultaat') && root.contains(el),
        summary: !!el && el.classList.contains('rh-foutsamenvatting'),
        invalid: !!el && el.getAttribute('aria-invalid') === 'true',
        tag: el ? el.tagName : null,
        visible: !!style && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                             || style.boxShadow !== 'none'),
    };
}"""


def tab(page, root, shift=False) -> dict:
    page.keyboard.press("Shift+Tab" if shift else "Tab")
    return root.evaluate(FOCUS)


@pytest.mark.parametrize("name", sorted(api.CALCULATORS))
def test_keyboard_only(page, site_url, name):
    page.set_default_timeout(WAIT)
    page.goto(site_url + full_page(name))
    root = page.locator(f'.rekenhulp[data-rekenhulp="{name}"]').first
    assert root.get_attribute("data-staat") == "rust"  # a Tab into it starts the runtime
    count = root.evaluate(MARK)
    assert count > 0

    # 1. From the top of the page, Tab reaches every control of the form, in order, visibly.
    seen, unfocused = [], []
    for _ in range(MAX_TABS):
        focus = tab(page, root)
        if focus["kb"] is not None:
            seen.append(focus["kb"])
            if not focus["visible"]:
                unfocused.append(focus["kb"])
        elif seen and not focus["inRoot"]:
            break
        if seen and seen[-1] == count - 1:
            break
    assert sorted(set(seen)) == list(range(count)), f"Tab reached {seen} of {count} controls"
    assert seen == sorted(seen), f"Tab order differs from the reading order: {seen}"
    assert not unfocused, f"controls without a visible focus: {unfocused}"
    page.wait_for_function(ALL_READY, timeout=WAIT)
    assert root.get_attribute("data-staat") == "klaar"

    # 2. Back to the first number field; typing works; Enter submits; focus goes to the summary.
    first_text = root.locator(
        ".rh-form input[type=text]:is([inputmode=numeric], [inputmode=decimal])"
    ).first
    first_kb = int(first_text.get_attribute("data-kb"))
    for _ in range(count + 1):
        if tab(page, root, shift=True)["kb"] == first_kb:
            break
    assert root.evaluate(FOCUS)["kb"] == first_kb
    page.keyboard.press("Control+A")
    page.keyboard.type("abc")
    assert first_text.input_value() == "abc"
    page.keyboard.press("Enter")
    root.locator(".rh-foutsamenvatting:not([hidden])").wait_for()
    page.wait_for_function(
        "() => document.activeElement?.classList.contains('rh-foutsamenvatting')", timeout=WAIT
    )
    assert root.evaluate(FOCUS)["inRoot"], "focus moves to this rekenhulp's error summary"

    # 3. The summary's link leads to the field in error.
    focus = tab(page, root)
    assert focus["tag"] == "A" and focus["inRoot"]
    page.keyboard.press("Enter")
    # Material's instant navigation also follows the link's #fragment and refocuses: wait for it.
    page.wait_for_function(
        "() => document.activeElement?.getAttribute('aria-invalid') === 'true'", timeout=WAIT
    )
    assert root.evaluate(FOCUS)["inRoot"], "Enter on the summary's link focuses the field in error"

    # 4. Correct it, Enter: the answer is back, and Tab from the form reaches it (if it has links).
    page.keyboard.press("Control+A")
    page.keyboard.type(first_text.get_attribute("data-standaard"))
    page.keyboard.press("Enter")
    root.locator(".rh-foutsamenvatting[hidden]").wait_for(state="attached")
    root.locator(".rh-resultaat[data-actueel='ja']").wait_for()  # the answer is for this input
    assert root.locator(".rh-resultaat").inner_text().strip()
    assert root.locator(".rh-resultaat").get_attribute("aria-live") == "polite"
    if root.locator(".rh-resultaat :is(a[href], button, input, select)").count():
        for _ in range(MAX_TABS):
            focus = tab(page, root)
            if focus["inResult"]:
                break
        assert focus["inResult"], "Tab reaches the answer's links"
