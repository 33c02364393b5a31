"""Privacy and security: no request leaves the site, the CSP holds, typed markup stays text.

Every page of the built site (sitemap.xml plus the 404 page) is visited with the site's own
Content-Security-Policy in force; every rekenhulp is made to compute, the search is used and one
instant navigation is made. No request may go to another origin and the browser may report no
CSP violation.
"""

from __future__ import annotations

import html
import json
import re
import urllib.parse
import urllib.request

import pytest
from sitebuild import site_pages
from test_rekenhulp import unfold

from calc import api

WAIT = 60_000  # ms: Pyodide on a busy 2-core machine
# The first number field of a rekenhulp: letters there are always an error.
NUMBER_FIELD = ".rh-form input.rh-invoer[type=text]:is([inputmode=numeric], [inputmode=decimal])"
XSS = "<img src=x onerror=alert(1)>"
# Marks what a rekenhulp shows now, so that a new answer (new elements) can be waited for.
MARK_OLD = "el => { for (const child of el.children) child.dataset.oud = '1'; }"
ALL_READY = """() => [...document.querySelectorAll('.rekenhulp')]
    .every(r => r.dataset.staat === 'klaar' || r.dataset.staat === 'mislukt')"""
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
"""


def fetch(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return response.read().decode("utf-8")


def first_widget_page(site_url: str) -> str:
    for url in site_pages(site_url, with_404=True):
        if 'class="rekenhulp"' in fetch(url):
            return url
    pytest.fail("no page of the site has a rekenhulp")


def test_every_page_has_a_strict_policy(site_url):
    for url in site_pages(site_url, with_404=True):
        policies = re.findall(
            r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', fetch(url)
        )
        assert len(policies) == 1, f"{url}: {len(policies)} CSP meta tags"
        directives = dict(
            part.partition(" ")[::2] for part in html.unescape(policies[0]).split("; ")
        )
        assert directives["default-src"] == "'self'", url
        script = directives["script-src"].split()
        assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script, url
        assert all(
            s in ("'self'", "'wasm-unsafe-eval'") or s.startswith("'sha256-") for s in script
        )
        assert directives["object-src"] == "'none'", url


def test_no_request_leaves_the_site_and_the_csp_holds(browser, site_url):
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(site_url))
    # Service workers allowed: the site's offline cache (sw.js) registers under the policy too,
    # and its requests are recorded like the page's.
    context = browser.new_context(locale="nl-NL", service_workers="allow")
    context.add_init_script(CSP_LISTENER)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(WAIT)
    console: list[str] = []
    page.on(
        "console",
        lambda m: (
            ("Content Security Policy" in m.text or "offline-cache:" in m.text)
            and console.append(m.text)
        ),
    )
    violations: list[str] = []
    answered = 0
    try:
        pages = site_pages(site_url, with_404=True)
        for url in pages:
            page.goto(url)
            widgets = page.locator(".rekenhulp").all()
            if widgets:
                unfold(widgets[0])  # a compact rekenhulp's form is folded away
                widgets[0].locator(NUMBER_FIELD).first.click()  # using it starts the runtime
                page.wait_for_function(ALL_READY, timeout=WAIT)
                for root in widgets:
                    assert root.get_attribute("data-staat") == "klaar", f"{url}: rekenhulp failed"
                    unfold(root)  # a compact rekenhulp: its form too
                    root.locator(".rh-resultaat").evaluate(MARK_OLD)
                    root.locator(NUMBER_FIELD).first.press("Enter")
                    root.locator(".rh-resultaat > :not([data-oud])").first.wait_for(
                        state="attached"
                    )
                    answered += 1
            violations += page.evaluate("window.__cspViolations")
        # Material's search (a worker and its index) and one instant navigation, under the CSP.
        page.goto(pages[0])
        page.keyboard.press("s")
        page.locator("input.md-search__input").press_sequentially("pedagogisch")  # keyup events
        page.locator(".md-search-result__item").first.wait_for()
        page.keyboard.press("Escape")
        # A visible link to another page of the site (tabs, navigation, footer): Material follows
        # it without reloading, so the first page's policy must cover the next page's scripts.
        page.evaluate(
            """() => [...document.querySelectorAll('a[href]')].find(a =>
                a.origin === location.origin && a.pathname !== location.pathname
                && a.getClientRects().length > 0)?.setAttribute('data-test-volgende', '')"""
        )
        page.locator("a[data-test-volgende]").click()
        page.wait_for_function("(start) => location.href !== start", arg=pages[0])
        page.wait_for_load_state()
        violations += page.evaluate("window.__cspViolations")
    finally:
        context.close()
    off_origin = [
        url for url in requests if not url.startswith((origin + "/", "data:", "blob:" + origin))
    ]
    print(
        f"privacy: {len(pages)} pages, {len(requests)} requests, {len(off_origin)} off-origin, "
        f"{answered} answers, {len(violations) + len(console)} CSP violations"
    )
    assert requests and answered > 0
    assert not off_origin, f"requests that leave {origin}:\n" + "\n".join(sorted(set(off_origin)))
    assert not violations and not console, "CSP violations:\n" + "\n".join(violations + console)


def test_markup_typed_in_a_field_stays_text(page, site_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_default_timeout(WAIT)
    page.goto(first_widget_page(site_url))
    root = page.locator(".rekenhulp").first
    unfold(root)
    field = root.locator(NUMBER_FIELD).first
    field.click()  # using the rekenhulp starts the runtime
    page.wait_for_function(ALL_READY, timeout=WAIT)
    label = page.locator(f"label[for='{field.get_attribute('id')}']").inner_text().strip()
    field.fill(XSS)
    field.press("Enter")
    summary = root.locator(".rh-foutsamenvatting:not([hidden])")
    summary.wait_for()
    assert field.input_value() == XSS
    assert label in summary.inner_text(), "the error summary names the field"
    message = root.locator(".rh-veld--fout .rh-fout").first
    assert message.is_visible() and label in message.inner_text()
    assert page.locator("img[src='x']").count() == 0
    assert root.locator("img").count() == 0
    assert not dialogs


def test_markup_in_the_url_fragment_does_nothing(page, site_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_default_timeout(WAIT)
    page.goto(first_widget_page(site_url) + "#" + urllib.parse.quote(XSS))
    page.wait_for_selector(".rekenhulp[data-staat]")  # bound; the fragment is no rekenhulp's state
    assert page.locator("img[src='x']").count() == 0
    assert not dialogs


def _string_paths(value, path=()):
    """Paths to every string inside a JSON value."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_paths(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_paths(item, (*path, key))


def _with(value, path, text):
    if not path:
        return text
    copy = list(value) if isinstance(value, list) else dict(value)
    copy[path[0]] = _with(value[path[0]], path[1:], text)
    return copy


@pytest.mark.parametrize("name", sorted(api.CALCULATORS))
def test_render_escapes_every_text(name):
    """Markup in any input, or in any text of a result, reaches the HTML escaped."""
    module = api.CALCULATORS[name]
    example = json.loads(json.dumps(module.EXAMPLE, default=str))
    for key in example:  # field errors go to the page as text (textContent), answers as HTML
        answer = json.loads(api.render(name, json.dumps({**example, key: XSS})))
        assert "<img" not in answer.get("html", ""), key
    result = json.loads(api.render(name, json.dumps(example)))["resultaat"]
    rendered = 0
    for path in _string_paths(result):
        try:
            markup = module.render(_with(result, path, XSS))
        except Exception:  # this text is read as a number or a key: markup cannot get in there
            continue
        assert "<img" not in markup, path
        rendered += 1
    assert rendered > 0
