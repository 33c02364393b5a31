"""mkdocs-macros: puts calc's numbers and rekenhulpen into the pages at build time."""

from __future__ import annotations

from datetime import date
from html import escape

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from calc import api, rules
from calc.numbers import date_nl, euro, nl

DEFAULT_YEAR = date.today().year

# The page of each rekenhulp, where it is whole with its explanation; on every other page it is
# compact (the page's example, the form folded away) and links there.
FULL_PAGES = {
    "uren": "rekenhulpen/uren.md",
    "ve_aanbod": "rekenhulpen/ve-aanbod.md",
    "budget": "rekenhulpen/budget.md",
}


def define_env(env):
    counters: dict[str, int] = {}

    @env.macro
    def rekenhulp(naam: str, **preset) -> str:
        """Embed rekenhulp `naam`, pre-filled with `preset` and its answer already computed."""
        page = env.page.file.src_uri if env.page else ""
        counters[page] = counters.get(page, 0) + 1
        full = FULL_PAGES[naam]
        link = (
            "" if env.page is None or page == full else get_relative_url(_url(full), env.page.url)
        )
        return api.widget(naam, f"rh{counters[page]}", {"jaar": DEFAULT_YEAR, **preset}, link)

    def _url(src: str) -> str:
        """The address of the page built from docs/`src`, as the site's other links have it."""
        config = env.conf
        return File(src, config["docs_dir"], config["site_dir"], config["use_directory_urls"]).url

    @env.macro
    def regel(sleutel: str, jaar: int = DEFAULT_YEAR) -> str:
        """A rule's value in year `jaar` with its unit, article, source link and status."""
        rule = rules.rule(sleutel)
        value = rules.value(sleutel, date(jaar, 1, 1))
        return (
            f"{nl(value)} {escape(rule.unit)} ({artikel(sleutel)}; bron: {bron(sleutel)}, "
            f"{escape(rule.status_label)})"
        )

    @env.macro
    def artikel(sleutel: str) -> str:
        """A rule's article, linked to its primary text where rules.toml gives it."""
        rule = rules.rule(sleutel)
        text = escape(rule.article, quote=False)
        return f'<a href="{escape(rule.article_url)}">{text}</a>' if rule.article_url else text

    @env.macro
    def regelwaarde(sleutel: str, jaar: int = DEFAULT_YEAR) -> str:
        """Only the number, nl-NL, for use inside a sentence."""
        return nl(rules.value(sleutel, date(jaar, 1, 1)))

    @env.macro
    def regelbedrag(sleutel: str, jaar: int = DEFAULT_YEAR, per: str = "") -> str:
        """A rule's amount in euro, nl-NL ('€ 383,40'), for use inside a sentence. With `per`,
        divided by that rule's value: Veldhoven's amount per place over its hours per place is
        the hourly tariff its preset in calc.budget computes the same way."""
        value = rules.value(sleutel, date(jaar, 1, 1))
        if per:
            value /= rules.value(per, date(jaar, 1, 1))
        return euro(value)

    @env.macro
    def regeljaar(sleutel: str) -> int:
        """The year a rule's first value applies from: the prijspeil of a practice amount."""
        return rules.rule(sleutel).start.year

    @env.macro
    def waarden(sleutel: str) -> str:
        """Every period of a rule: '50 (vanaf 1 januari 2019)', newest last."""
        return "; ".join(
            f"{nl(value)} (vanaf {date_nl(start)})" for start, value in rules.rule(sleutel).periods
        )

    @env.macro
    def bron(sleutel: str) -> str:
        """A rule's source as a link, or its title where it has no public address."""
        source = rules.rule(sleutel).source
        title = escape(source.title, quote=False)
        return f'<a href="{escape(source.url)}">{title}</a>' if source.url else title

    @env.macro
    def ingangsdatum(sleutel: str) -> str:
        return date_nl(rules.rule(sleutel).start)

    env.variables["regels"] = rules.all_rules()
