"""The knowledge base as built: every page in the navigation, its rekenhulp, its sources,
its glossary tooltips, the numbers it quotes from `calc`, and its internal links.

The site is built once per session with `mkdocs build --strict` (tests/sitebuild.py) and read
with the standard library's HTML parser.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
import yaml
from sitebuild import ROOT, SUBPATH, build

from calc import rules
from calc.numbers import date_nl, nl
from macros import FULL_PAGES

BASE = "http://pbm-wijzer.test"
SITE_URL = f"{BASE}/{SUBPATH}/"
DOCS = ROOT / "docs"
ABBREVIATIONS = DOCS / "includes" / "abbreviations.md"

# Every abbreviation in the project's domain glossary must have a tooltip.
DOMAIN_GLOSSARY = (
    *("pbm'er", "pm'er", "VE", "VVE", "OAB", "GOAB", "IKC", "IKK", "ib'er", "KOV", "KDV", "PSZ"),
    *("BSO", "BKR", "LRK", "NPO", "SPUK", "GKA", "LEA", "SZW", "OCW", "CBS", "NRO", "HBO"),
    *("MBO", "KOT", "CAO", "fte", "upw"),
)

# Pages whose sources are given another way than a "Bron:" line, and why.
SOURCE_EXEMPT = {
    "rekenregels.md": "the lead's reference page: its rules table names the source of every row",
}

# Pages where a later rekenhulp replaces `uren`: the marker stays until the swap is made.
PLANNED_REKENHULP = {
    "kosten-en-financiering.md": "budget",
    "kleine-gemeenten.md": "budget",
    "praktijk-enschede.md": "budget",
    "ve-aanbod-en-harmonisatie.md": "ve_aanbod",
}


# --- reading the configuration and the built site -----------------------------------------


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml uses `!ENV`; the navigation does not, so any tag may read as None."""


_IgnoreTagsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_pages() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_IgnoreTagsLoader)
    pages: list[str] = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif not str(value).startswith(("http://", "https://")):
                pages.append(str(value))

    walk(config["nav"])
    return pages


def built_path(site: Path, page: str) -> Path:
    if page == "index.md":
        return site / "index.html"
    if page.endswith("/index.md"):
        return site / page.removesuffix("index.md") / "index.html"
    return site / page.removesuffix(".md") / "index.html"


class Page(HTMLParser):
    """One built page: its ids, links, abbreviations and the text of its article."""

    HIDDEN: ClassVar = {"script", "style", "svg"}
    NO_ABBR: ClassVar = {"code", "pre", "abbr", "a"}  # text the glossary check leaves alone

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.abbrs: list[tuple[str, str]] = []
        self.paragraphs: list[str] = []  # text of each <p> in the article
        self.article_text: list[str] = []  # the article's text, outside its rekenhulpen
        self.bare_text: list[str] = []  # same, outside abbr, code and links
        self.rekenhulpen: list[str] = []
        self._stack: list[tuple[str, dict]] = []
        self._abbr: tuple[str, list[str]] | None = None
        self._para: list[str] | None = None
        self.feed(text)
        self.close()

    VOID: ClassVar = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
    }

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append(attrs[key])
        if tag == "section" and "rekenhulp" in (attrs.get("class") or "").split():
            self.rekenhulpen.append(attrs.get("data-rekenhulp", ""))
        if tag == "abbr":
            self._abbr = (attrs.get("title") or "", [])
        if tag == "p" and self._inside("article"):
            self._para = []
        if tag not in self.VOID:
            self._stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "abbr" and self._abbr:
            self.abbrs.append((self._abbr[0], "".join(self._abbr[1])))
            self._abbr = None
        if tag == "p" and self._para is not None:
            self.paragraphs.append(" ".join("".join(self._para).split()))
            self._para = None
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def _inside(self, tag, cls=None):
        return any(
            t == tag and (cls is None or cls in (a.get("class") or "").split())
            for t, a in self._stack
        )

    def handle_data(self, data):
        if self._abbr:
            self._abbr[1].append(data)
        if self._para is not None:
            self._para.append(data)
        if not self._inside("article") or self._inside("section", "rekenhulp"):
            return
        if any(t in self.HIDDEN for t, _ in self._stack):
            return
        self.article_text.append(data)
        if not any(t in self.NO_ABBR for t, _ in self._stack):
            self.bare_text.append(data)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("kennisbank"), BASE)


@pytest.fixture(scope="session")
def pages(site) -> dict[str, Page]:
    return {page: Page(built_path(site, page).read_text("utf-8")) for page in nav_pages()}


def glossary() -> dict[str, str]:
    found = re.findall(r"^\*\[(.+?)\]:\s*(.+?)\s*$", ABBREVIATIONS.read_text("utf-8"), re.M)
    return dict(found)


def text_of(page: Page) -> str:
    return " ".join(" ".join(page.article_text).split())


# --- every page -------------------------------------------------------------------------


def test_navigation_lists_the_knowledge_base():
    expected = {
        "index.md",
        "wet-en-regelgeving.md",
        "pbmer-in-beeld.md",
        "competenties.md",
        "praktijk-enschede.md",
        "kleine-gemeenten.md",
        "kosten-en-financiering.md",
        "kwaliteit-monitoren.md",
        "ve-aanbod-en-harmonisatie.md",
        "veelgestelde-vragen.md",
        "bijeenkomsten/goab-2021-12-02.md",
        "bijeenkomsten/kenniskring-zuid-2021-04-22.md",
        "begrippenlijst.md",
        "over-deze-site.md",
        "rekenregels.md",
        "rekenhulpen/index.md",
        *FULL_PAGES.values(),
    }
    assert expected <= set(nav_pages())


def test_the_rekenhulpen_are_the_first_section_after_home():
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_IgnoreTagsLoader)
    home, section = config["nav"][:2]
    assert home == {"Home": "index.md"}
    assert section == {"Rekenhulpen": [{"Overzicht": "rekenhulpen/index.md"}, *FULL_PAGES.values()]}


WIDGET = re.compile(
    r'<section class="rekenhulp(?P<compact> rekenhulp--compact)?" id="[^"]+"'
    r' data-rekenhulp="(?P<name>[^"]+)"(?P<body>.*?)</section>',
    re.S,
)


@pytest.mark.parametrize("page", nav_pages())
def test_a_rekenhulp_is_whole_on_its_own_page_and_compact_elsewhere(site, page):
    built = built_path(site, page)
    widgets = list(WIDGET.finditer(built.read_text("utf-8")))
    assert widgets, page
    for widget in widgets:
        own = FULL_PAGES[widget["name"]] == page
        assert bool(widget["compact"]) != own, (page, widget["name"])
        if own:
            continue
        body = widget["body"]
        # The form is folded away above the answer; a link leads to the full page.
        assert body.index('<details class="rh-invoervak">') < body.index('class="rh-form"')
        assert body.index("</details>") < body.index('class="rh-resultaat"')
        href = re.search(r'<p class="rh-volledig">.*?<a href="([^"]+)"', body, re.S)[1]
        target = (built.parent / href).resolve() / "index.html"
        assert target == built_path(site, FULL_PAGES[widget["name"]]).resolve(), (page, href)


def test_every_page_in_the_navigation_is_built(site):
    for page in nav_pages():
        assert built_path(site, page).is_file(), page


def test_snippets_are_not_pages(site):
    assert not (site / "includes").exists()


@pytest.mark.parametrize("page", nav_pages())
def test_page_has_a_rekenhulp_under_its_own_heading(pages, page):
    assert pages[page].rekenhulpen, f"{page}: no <section class='rekenhulp'>"
    source = (DOCS / page).read_text("utf-8")
    before = source[: source.index("{{ rekenhulp(")]
    assert re.search(r"^## .+", before, re.M), f"{page}: rekenhulp without a ## heading above it"


@pytest.mark.parametrize("page", nav_pages())
def test_page_names_its_source(pages, page):
    if page in SOURCE_EXEMPT:
        assert "Bron" in text_of(pages[page]), page
        return
    sources = [p for p in pages[page].paragraphs if p.startswith("Bron:")]
    assert sources, f"{page}: no paragraph starting with 'Bron:'"
    assert re.search(r"\b(19|20)\d\d\b", sources[0]) or "rekenregels" in sources[0], sources[0]


@pytest.mark.parametrize(("page", "name"), sorted(PLANNED_REKENHULP.items()))
def test_planned_rekenhulp_is_marked_or_in_place(pages, page, name):
    marked = f"<!-- rekenhulp: {name} -->" in (DOCS / page).read_text("utf-8")
    assert marked or name in pages[page].rekenhulpen, page


@pytest.mark.parametrize("page", nav_pages())
def test_no_template_or_macro_left_over(site, page):
    text = built_path(site, page).read_text("utf-8")
    assert "{{" not in text and "{%" not in text, page
    assert "Macro Rendering Error" not in text, page


def test_no_mail_tracking_links_or_personal_addresses():
    for path in DOCS.rglob("*.md"):
        text = path.read_text("utf-8")
        assert "safelinks" not in text, path
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), path


def test_pages_show_a_last_updated_date(pages, site):
    for page in nav_pages():
        text = built_path(site, page).read_text("utf-8")
        assert "git-revision-date-localized-plugin" in text, page


# --- glossary ---------------------------------------------------------------------------


def test_glossary_covers_the_domain_abbreviations():
    missing = [term for term in DOMAIN_GLOSSARY if term not in glossary()]
    assert not missing


def _base_term(term: str, terms: set[str]) -> str:
    """pbm'ers, Pbm'er and pbm'er are one entry of the begrippenlijst; so are IKC and IKC's."""
    low = term.lower()
    if low.endswith("'s"):
        return low[:-2]
    if low.endswith("s") and low[:-1] in terms:
        return low[:-1]
    return low


def test_every_glossary_term_renders_with_its_meaning(pages):
    """Each entry shows up as <abbr title="its meaning"> on some page; for a spelling variant
    (plural, capital) it is enough that one variant of the term does."""
    terms = {t.lower() for t in glossary()}
    seen = {
        (html.unescape(title), _base_term(html.unescape(term), terms))
        for page in pages.values()
        for title, term in page.abbrs
    }
    titles = {html.unescape(title) for page in pages.values() for title, _ in page.abbrs}
    missing = []
    for term, meaning in glossary().items():
        base = _base_term(term, terms)
        if meaning not in titles or not any(b == base for _, b in seen):
            missing.append(term)
    assert not missing, f"never rendered as <abbr> with its meaning: {missing}"
    for term in DOMAIN_GLOSSARY:  # the domain's own spellings, exactly
        assert (glossary()[term], term.lower()) in seen, term


def test_begrippenlijst_lists_every_abbreviation(pages):
    terms = {t.lower() for t in glossary()}
    listed = {
        _base_term(html.unescape(term), terms) for _, term in pages["begrippenlijst.md"].abbrs
    }
    missing = {_base_term(t, terms) for t in glossary()} - listed
    assert not missing


# macros.bron() escapes a source title with html.escape(quote=True): "pbm'er" reaches Markdown as
# "pbm&#x27;er" and the abbreviation extension cannot see it. Fix: escape(title, quote=False).
@pytest.mark.parametrize("page", nav_pages())
def test_abbreviations_in_the_text_all_have_a_tooltip(pages, page):
    """A term that appears without <abbr> means a spelling the glossary lacks (a typographic
    apostrophe, a plural) or markup that hides text from the abbreviation extension."""
    pattern = re.compile(
        r"\b(?:{})\b".format("|".join(map(re.escape, sorted(glossary(), key=len, reverse=True))))
    )
    bare = " ".join(pages[page].bare_text)
    assert not pattern.findall(bare), (page, sorted(set(pattern.findall(bare))))


@pytest.mark.parametrize("page", nav_pages())
def test_abbreviations_use_a_straight_apostrophe(pages, page):
    """pbm’er with a typographic apostrophe gets no tooltip: the glossary spells pbm'er."""
    curly = re.findall(r"\b\w+’(?:er|ers|s)\b", text_of(pages[page]))
    assert not curly, (page, curly)


def test_abbreviations_leave_the_rekenhulp_intact(site):
    """The rekenhulp is raw HTML: no <abbr> may land inside it, its inputs or its labels."""
    for page in nav_pages():
        text = built_path(site, page).read_text("utf-8")
        for section in re.findall(r'<section class="rekenhulp[ "].*?</section>', text, re.S):
            assert "<abbr" not in section, page


# --- numbers from calc ------------------------------------------------------------------


def _value(key: str, day: date | None = None) -> Decimal:
    if key not in rules.all_rules():
        pytest.skip(f"rule {key} is not in calc/rules.toml")
    return rules.value(key, day or date(date.today().year, 1, 1))


def test_home_quotes_the_norms_from_calc(pages):
    text = text_of(pages["index.md"])
    assert f"{nl(_value('ikk_beleid_uren_per_kindercentrum'))} uur per kindercentrum" in text
    assert f"{nl(_value('ikk_coaching_uren_per_fte'))} uur per fte" in text
    assert f"{nl(_value('uren_per_week_per_fte'))} uur per week is 1 fte" in text
    assert f"{nl(_value('ve_uren_per_doelgroeppeuter'))} uur per doelgroeppeuter" in text
    start = rules.rule("ikk_beleid_uren_per_kindercentrum").start
    assert f"sinds {date_nl(start)}" in text


def test_law_page_table_matches_calc(pages):
    text = text_of(pages["wet-en-regelgeving.md"])
    for key, unit in (
        ("ikk_beleid_uren_per_kindercentrum", "uur per kindercentrum"),
        ("ikk_coaching_uren_per_fte", "uur per fte pedagogisch medewerker"),
        ("ve_uren_per_doelgroeppeuter", "uur per doelgroeppeuter"),
    ):
        rule = rules.rule(key)
        row = f"{nl(_value(key))} {unit} {date_nl(rule.start)} {rule.status_label}"
        assert row in text, row
    assert f"{nl(_value('ve_aanbod_uren'))} uur per kind in" in text
    assert f"aanbod boven {nl(_value('ve_aanbod_max_uren_per_dag'))} uur op één dag" in text


def _euros(text: str) -> set[Decimal]:
    found = re.findall(r"€\s?(\d{1,3}(?:\.\d{3})*(?:,\d{2})?)\b", text)
    return {Decimal(v.replace(".", "").replace(",", ".")) for v in found}


def test_quoted_practice_figures_match_calc(pages):
    """Veldhoven's tariff and the small municipalities' vaste voet are quoted as presented at
    their meeting; the same figures are presets in calc, and both must agree."""
    costs = text_of(pages["kosten-en-financiering.md"])
    assert _value("veldhoven_uurloon_pbm", date(2019, 1, 1)) in _euros(costs)
    assert _value("veldhoven_bedrag_per_bezette_peuterplaats", date(2020, 1, 1)) in _euros(costs)
    per_place = nl(_value("veldhoven_uren_per_bezette_peuterplaats", date(2022, 1, 1)))
    assert f"{per_place} uur per peuter per jaar" in costs
    small = text_of(pages["kleine-gemeenten.md"])
    assert f"vaste {nl(_value('kleine_gemeente_vaste_voet_uren'))} uur per jaar" in small


def _practice_amounts() -> dict[str, Decimal]:
    """Veldhoven's amounts in rules.toml, and the hourly tariff the site derives from them."""
    per_place = _value("veldhoven_bedrag_per_bezette_peuterplaats", date(2020, 1, 1))
    hours = _value("veldhoven_uren_per_bezette_peuterplaats", date(2022, 1, 1))
    return {
        "veldhoven_uurloon_pbm": _value("veldhoven_uurloon_pbm", date(2019, 1, 1)),
        "veldhoven_bedrag_per_bezette_peuterplaats": per_place,
        "uurtarief": per_place / hours,
    }


def test_practice_amounts_are_not_typed_into_the_pages():
    """Review 17: Veldhoven's € 36, € 383,40 and € 38,34 were typed in four pages; they come
    from rules.toml through the macros (regelbedrag), so they follow a change there."""
    for path in DOCS.rglob("*.md"):
        if "includes" in path.parts:
            continue
        text = path.read_text("utf-8")
        for amount in _practice_amounts().values():
            for typed in {nl(amount), nl(amount, 2)}:
                assert not re.search(rf"€\s?{re.escape(typed)}(?![\d,])", text), (path.name, typed)


@pytest.mark.parametrize(
    "page",
    [
        "kosten-en-financiering.md",
        "veelgestelde-vragen.md",
        "bijeenkomsten/kenniskring-zuid-2021-04-22.md",
    ],
)
def test_practice_amounts_are_quoted_from_calc(pages, page):
    amounts = _practice_amounts()
    found = _euros(text_of(pages[page]))
    assert amounts["veldhoven_uurloon_pbm"] in found, page
    assert amounts["veldhoven_bedrag_per_bezette_peuterplaats"] in found, page
    if page == "kosten-en-financiering.md":
        assert amounts["uurtarief"] in found


@pytest.mark.parametrize("page", nav_pages())
def test_every_rekenhulp_opens_on_the_current_year_without_a_warning(site, page):
    """Defaults are current: a page's rekenhulp starts in the year the site was built (never a
    typed year), and its built-in answer carries no warning of its own making."""
    year = str(date.today().year)
    text = built_path(site, page).read_text("utf-8")
    sections = re.findall(r'<section class="rekenhulp[ "].*?</section>', text, re.S)
    assert sections, page
    for section in sections:
        years = re.findall(
            r'name="(?:jaar|begrotingsjaar)" type="text"[^>]*? value="([^"]*)"', section
        )
        dates = re.findall(r'name="startdatum" type="text"[^>]*? value="([^"]*)"', section)
        assert years or dates, page
        assert all(value == year for value in years), (page, years)
        assert all(value.endswith(year) for value in dates), (page, dates)
        result = section[section.index('class="rh-resultaat"') :]
        assert "rh-waarschuwingen" not in result and "rh-melding" not in result, page


def test_no_legal_number_typed_into_the_pages():
    """Norms are printed with the macros; a typed '10 uur per doelgroeppeuter' would drift."""
    for path in DOCS.rglob("*.md"):
        if path.name == "rekenregels.md" or "includes" in path.parts:
            continue
        text = path.read_text("utf-8")
        for typed in (
            r"\b50 uur per kindercentrum",
            r"\b10 uur per (?:fte|doelgroeppeuter|VE-kind)",
            r"\b36 uur per week",
            r"\b960 uur",
        ):
            assert not re.search(typed, text), (path.name, typed)


# --- links ------------------------------------------------------------------------------


def _target(site: Path, page_file: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal href points to; None for an external one."""
    if href.startswith(SITE_URL):
        href = "/" + SUBPATH + "/" + href[len(SITE_URL) :]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:")):
        return None
    url, fragment = urldefrag(href)
    if url.startswith("/"):
        if not url.startswith(f"/{SUBPATH}/"):
            return None
        path = site / unquote(url[len(SUBPATH) + 2 :])
    else:
        path = (page_file.parent / unquote(url)).resolve() if url else page_file
    if path.is_dir() or str(url).endswith("/"):
        path = path / "index.html"
    return path, fragment


def test_internal_links_and_anchors_resolve(site):
    broken = []
    parsed: dict[Path, Page] = {}
    for page_file in sorted(site.rglob("*.html")):
        page = parsed.setdefault(page_file, Page(page_file.read_text("utf-8")))
        for href in page.links:
            target = _target(site, page_file, href)
            if target is None:
                continue
            path, fragment = target
            if not path.exists():
                broken.append((page_file.relative_to(site), href))
                continue
            if fragment and path.suffix == ".html":
                ids = parsed.setdefault(path, Page(path.read_text("utf-8"))).ids
                if unquote(fragment) not in ids:
                    broken.append((page_file.relative_to(site), href))
    assert not broken


def test_site_builds_strictly_without_warnings(tmp_path):
    """The real build, not quiet: `--quiet` hides warnings from `--strict` in MkDocs 1.6, so a
    quiet strict build can succeed with broken links (see the note in the report to the lead)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


def _strict_build(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    """Build `pages` with the site's own configuration (validation, extensions) but no plugins."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in pages.items():
        (docs / name).write_text(textwrap.dedent(text), "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"site_dir: {tmp_path / 'site'}\n"
        "site_url: http://pbm-wijzer.test/\n"
        "plugins: []\n"
        "hooks: []\n"
        "extra_css: []\n"
        "extra_javascript: []\n"
        "nav: [index.md, andere.md]\n"
        f"theme: {{name: material, custom_dir: {ROOT / 'overrides'}, language: nl, font: false}}\n",
        "utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


OTHER_PAGE = "# Andere pagina\n\n## Bestaat\n\nTekst.\n"


def test_strict_build_accepts_good_links(tmp_path):
    result = _strict_build(
        tmp_path, {"index.md": "# Start\n\n[goed](andere.md#bestaat)\n", "andere.md": OTHER_PAGE}
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "link", ["[kapot](bestaat-niet.md)", "[anker](andere.md#bestaat-niet)", "[hier](#nergens)"]
)
def test_strict_build_fails_on_a_broken_link_or_anchor(tmp_path, link):
    result = _strict_build(tmp_path, {"index.md": f"# Start\n\n{link}\n", "andere.md": OTHER_PAGE})
    assert result.returncode != 0, result.stderr
    assert "WARNING" in result.stderr


def test_the_search_dialog_has_a_name_on_every_page(site):
    """tools/page_fixes.py names Material's search dialog (axe rule aria-dialog-name)."""
    for page in nav_pages():
        html = built_path(site, page).read_text("utf-8")
        assert 'role="dialog" aria-label="Zoeken"' in html, page
