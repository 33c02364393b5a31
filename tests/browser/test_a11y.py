"""Accessibility: axe-core on every built page, light and dark, with each rekenhulp in its states.

The pages come from the built sitemap.xml (plus the 404 page), so a new page is checked without a
change here. On a page with rekenhulpen axe runs three times: as a reader sees it (the
built-in answers, the runtime not started), with every rekenhulp showing an answer Pyodide
computed, and with every rekenhulp showing its error summary. Only WCAG 2.1 A and AA rules run; each violation is listed with rule, element and help.
"""

from __future__ import annotations

from sitebuild import ROOT, site_pages
from test_rekenhulp import full_page, unfold, use_rekenhulp
from test_widths import locations_csv

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WAIT = 60_000  # ms: Pyodide on a busy 2-core machine
# The first number field of a rekenhulp: letters there are always an error.
NUMBER_FIELD = ".rh-form input.rh-invoer[type=text]:is([inputmode=numeric], [inputmode=decimal])"

# Marks what a rekenhulp shows now, so that a new answer (new elements) can be waited for.
MARK_OLD = "el => { for (const child of el.children) child.dataset.oud = '1'; }"
ALL_READY = """() => [...document.querySelectorAll('.rekenhulp')]
    .every(r => r.dataset.staat === 'klaar' || r.dataset.staat === 'mislukt')"""


# axe measures colours as they are at that moment; Material cross-fades its header title when the
# page scrolls, and a half-faded title is no real contrast problem. Check the settled page.
SETTLED = "*, *::before, *::after { transition: none !important; animation: none !important; }"


# Contrast is the only thing the colour scheme changes; in dark mode only these rules run.
CONTRAST_RULES = ["color-contrast", "link-in-text-block"]


def axe(page, state: str, rules: list[str] | None = None) -> list[str]:
    """Run axe on the whole page; one line per failing element."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
        page.add_style_tag(content=SETTLED)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG}
    result = page.evaluate(
        """async (runOnly) => {
            const r = await axe.run(document, {runOnly, resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, help: v.help, impact: v.impact,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                           summary: n.failureSummary}))}));
        }""",
        run_only,
    )
    return [
        f"{page.url} [{state}] {v['id']} ({v['impact']}): {v['help']}\n"
        f"    element: {n['target']}  {n['html']}\n    {n['summary']}"
        for v in result
        for n in v["nodes"]
    ]


def scheme(page, name: str) -> None:
    """Material's palette switch, as its toggle does it: the body's data-md-color-scheme."""
    page.evaluate("(name) => document.body.setAttribute('data-md-color-scheme', name)", name)


def both_schemes(page, state: str) -> list[str]:
    """All WCAG 2.1 A/AA rules in light mode, then the contrast rules in dark mode."""
    scheme(page, "default")
    found = axe(page, f"licht, {state}")
    scheme(page, "slate")
    found += axe(page, f"donker, {state}", CONTRAST_RULES)
    scheme(page, "default")
    return found


def fresh_results(page) -> None:
    """Make every rekenhulp show an answer computed by Pyodide (not the built-in one)."""
    for root in page.locator(".rekenhulp").all():
        unfold(root)  # a compact rekenhulp: its form too
        root.locator(".rh-resultaat").evaluate(MARK_OLD)
        root.locator(NUMBER_FIELD).first.press("Enter")
        root.locator(".rh-resultaat > :not([data-oud])").first.wait_for(state="attached")


def error_states(page) -> None:
    """Make every rekenhulp show its error summary: letters in the first field, then submit."""
    for root in page.locator(".rekenhulp").all():
        first = root.locator(NUMBER_FIELD).first
        first.fill("abc")
        first.press("Enter")
        root.locator(".rh-foutsamenvatting:not([hidden])").wait_for(timeout=WAIT)


def test_no_wcag_violations(browser, site_url):
    context = browser.new_context(
        locale="nl-NL",
        service_workers="block",
        bypass_csp=True,  # axe is injected as a script; the CSP itself is tested in test_privacy
    )
    page = context.new_page()
    page.set_default_timeout(WAIT)
    found, pages, runs = [], 0, 0
    try:
        for url in site_pages(site_url, with_404=True):
            page.goto(url)
            pages += 1
            if page.locator(".rekenhulp").count() == 0:
                found += both_schemes(page, "pagina")
                runs += 2
                continue
            found += both_schemes(page, "ongebruikt")
            use_rekenhulp(page)  # using a rekenhulp (unfolded if compact) starts the runtime
            page.wait_for_function(ALL_READY, timeout=WAIT)
            fresh_results(page)
            found += both_schemes(page, "uitkomst")
            error_states(page)
            found += both_schemes(page, "foutmelding")
            runs += 6
    finally:
        context.close()
    print(f"axe: {pages} pages, {runs} runs, {len(found)} violations")
    assert pages > 0
    assert not found, f"{len(found)} WCAG 2.1 A/AA violations in {runs} axe runs:\n" + "\n".join(
        found
    )


def test_dark_mode_follows_the_system(browser, site_url):
    """The palette in mkdocs.yml follows prefers-color-scheme: dark gets Material's slate."""
    context = browser.new_context(locale="nl-NL", color_scheme="dark", service_workers="block")
    page = context.new_page()
    try:
        page.goto(site_url)
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    finally:
        context.close()


def test_the_messages_that_keep_work_pass_axe(browser, site_url, tmp_path):
    """The messages of issue 13: "Ongedaan maken", a refused file, a calculation too big for a
    link (test_keep_work.py, test_saved.py), in light and dark mode."""
    context = browser.new_context(locale="nl-NL", service_workers="block", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(WAIT)
    try:
        page.goto(site_url + full_page("budget"))
        use_rekenhulp(page)
        page.wait_for_function(ALL_READY, timeout=WAIT)
        widget = page.locator(".rekenhulp").first
        widget.locator("input.rh-bestand").set_input_files(
            str(locations_csv(tmp_path / "locaties.csv"))
        )
        widget.locator(".rh-adresmelding").wait_for()  # too big for a link
        widget.locator('select[name="preset"]').select_option("veldhoven")
        widget.get_by_role("button", name="Ongedaan maken").wait_for()
        found = both_schemes(page, "ongedaan maken")
        broken = tmp_path / "kapot.json"
        broken.write_text("{ geen berekening", "utf-8")
        widget.locator('input[type="file"][accept^=".json"]').set_input_files(str(broken))
        widget.locator(".rh-terugmelding--fout").wait_for()
        found += both_schemes(page, "bestand geweigerd")
    finally:
        context.close()
    assert not found, "\n".join(found)
