"""Loads rules.toml once and answers "which value holds on this day, and where is it from"."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

STATUS_LABELS = {
    "geverifieerd": "geverifieerd in de wettekst",
    "gerapporteerd": "alleen bekend uit secundaire bronnen",
    "aanname": "aanname, aan te passen",
}


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str


@dataclass(frozen=True)
class Rule:
    key: str
    name: str
    description: str
    unit: str
    article: str
    status: str
    source: Source
    note: str
    periods: tuple[tuple[date, Decimal], ...]  # sorted by start date
    article_url: str = ""  # the primary text of the article, where the site links it

    def value_on(self, day: date) -> Decimal | None:
        """The value in force on `day`, or None before the rule took effect."""
        current = None
        for start, value in self.periods:
            if start <= day:
                current = value
        return current

    @property
    def start(self) -> date:
        return self.periods[0][0]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def describe(self) -> dict:
        """What a result shows of the rule: article, source and how sure we are of it."""
        return {
            "sleutel": self.key,
            "artikel": self.article,
            "artikel_url": self.article_url,
            "bron": self.source.title,
            "url": self.source.url,
            "status": self.status,
            "status_tekst": self.status_label,
        }


class RuleNotInForce(LookupError):
    pass


@cache
def all_rules() -> dict[str, Rule]:
    # Beside this file in the installed package (wheels are unpacked, in Pyodide too). Not
    # importlib.resources: importing it costs some 10 ms inside Pyodide before the first answer.
    raw = tomllib.loads(Path(__file__).with_name("rules.toml").read_text("utf-8"))
    sources = {  # a source without a public address (a meeting report) has url ""
        key: Source(key, item["titel"], item.get("url", "")) for key, item in raw["bronnen"].items()
    }
    rules = {}
    for key, item in raw["regels"].items():
        if item["status"] not in STATUS_LABELS:
            raise ValueError(f"rule {key}: unknown status {item['status']!r}")
        if not sources[item["bron"]].url and item["status"] != "aanname":
            raise ValueError(f"rule {key}: a rule of law needs a source with a public url")
        periods = tuple(
            sorted((period["vanaf"], Decimal(period["waarde"])) for period in item["waarden"])
        )
        rules[key] = Rule(
            key=key,
            name=item["naam"],
            description=item["omschrijving"],
            unit=item["eenheid"],
            article=item["artikel"],
            status=item["status"],
            source=sources[item["bron"]],
            note=item.get("toelichting", ""),
            periods=periods,
            article_url=item.get("artikel_url", ""),
        )
    return rules


def rule(key: str) -> Rule:
    return all_rules()[key]


def latest(key: str) -> Decimal:
    """The rule's most recent value: for labels and hints that name the rule, not a date."""
    return rule(key).periods[-1][1]


def value(key: str, day: date) -> Decimal:
    found = rule(key).value_on(day)
    if found is None:
        raise RuleNotInForce(key)
    return found
