"""Search (issue 13, point 5): the built search/search_index.json holds the pages' text but no
form or result of a rekenhulp, and a few queries a visitor types put the right page first.

The order is the one Material's own search shows: the query is typed into the search box of the
built site in Chromium, where Material's search worker (lunr with the Dutch pipeline) ranks the
built index; the test reads the first result. No approximation of lunr's ranking is involved.
"""

from __future__ import annotations

import html
import json
import re
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from sitebuild import site_pages
from test_rekenhulp import full_page

# query -> the page that must come first (path from the site root; "" is the home page): the
# overview of the rekenhulpen, or the page of the one rekenhulp that answers the question.
FIRST_RESULT = {
    "rekentool": "rekenhulpen/",
    "rekenhulp": "rekenhulpen/",
    "hoeveel uur pbm": full_page("uren"),
    "budget": full_page("budget"),
    "960": full_page("ve_aanbod"),
}


class RekenhulpText(HTMLParser):
    """The text of every `section.rekenhulp` of a page, and the page's other main text."""

    def __init__(self, **options):
        super().__init__(**options)
        self.depth = 0  # > 0 inside a rekenhulp
        self.inside: list[str] = []
        self.outside: list[str] = []
        self.skip = 0  # inside <script>, <style> or <template>
        self.main = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self.main = True
        if tag in ("script", "style", "template"):
            self.skip += 1
        if self.depth:
            self.depth += tag not in VOID
        elif tag == "section" and "rekenhulp" in (attributes.get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.skip -= 1
        if tag == "article":
            self.main = False
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.skip:
            return
        if self.depth:
            if data.strip():
                self.inside.append(" ".join(data.split()))
        elif self.main:
            self.outside.append(data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.fixture(scope="module")
def index(site_url) -> dict:
    with urllib.request.urlopen(site_url + "search/search_index.json") as response:
        return json.load(response)


def test_no_form_or_result_of_a_rekenhulp_is_in_the_search_index(site_url, index):
    checked = 0
    for url in site_pages(site_url):
        with urllib.request.urlopen(url) as response:
            parser = RekenhulpText(convert_charrefs=True)
            parser.feed(response.read().decode("utf-8"))
        if not parser.inside:
            continue
        path = url.removeprefix(site_url)
        indexed = " | ".join(
            plain(doc["title"] + " " + doc["text"])
            for doc in index["docs"]
            if doc["location"].split("#")[0] == path
        )
        prose = " ".join("".join(parser.outside).split())
        # Phrases of the rekenhulp (labels, hints, captions, results) that the page's own text
        # does not also say.
        phrases = {t for t in parser.inside if len(t) >= 12 and t not in prose}
        found = sorted(t for t in phrases if t in indexed)
        assert not found, f"{path}: in the search index: {found[:10]}"
        checked += len(phrases)
    assert checked > 100  # the rekenhulpen were there to be checked


def first_results(page, site_url, query: str) -> list[str]:
    """The pages Material's search box lists for `query`, best first."""
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    page.locator(".md-search-result__list > li").first.wait_for(timeout=60_000)
    hrefs = page.locator(".md-search-result__list > li").evaluate_all(
        "items => items.map(li => li.querySelector('a').href)"
    )
    return [urlsplit(href).path.removeprefix(urlsplit(site_url).path) for href in hrefs]


@pytest.mark.parametrize(("query", "expected"), FIRST_RESULT.items())
def test_a_query_puts_the_right_page_first(page, site_url, query, expected):
    found = first_results(page, site_url, query)
    assert found[0] == expected, f"{query!r}: {found[:5]}"
