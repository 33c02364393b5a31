"""The rules data: every number has a source, a status and a start date (calc.rules)."""

from datetime import date
from decimal import Decimal

import pytest

from calc import rules


def test_every_rule_is_sourced_and_dated():
    for rule in rules.all_rules().values():
        # Meeting reports have no public address; only assumptions may rest on them alone.
        assert rule.source.title
        assert rule.source.url.startswith("https://") or rule.status == "aanname", rule.key
        assert rule.status in rules.STATUS_LABELS
        assert rule.periods, rule.key
        assert all(isinstance(value, Decimal) for _, value in rule.periods)


def test_ikk_and_ve_norms_take_effect_on_their_dates():
    assert rules.rule("ikk_beleid_uren_per_kindercentrum").value_on(date(2018, 12, 31)) is None
    assert rules.value("ikk_beleid_uren_per_kindercentrum", date(2019, 1, 1)) == 50
    assert rules.rule("ve_uren_per_doelgroeppeuter").value_on(date(2021, 12, 31)) is None
    assert rules.value("ve_uren_per_doelgroeppeuter", date(2022, 1, 1)) == 10


def test_value_before_start_raises():
    with pytest.raises(rules.RuleNotInForce):
        rules.value("ve_uren_per_doelgroeppeuter", date(2021, 1, 1))


def test_a_later_period_replaces_an_earlier_one():
    rule = rules.Rule(
        key="x",
        name="x",
        description="",
        unit="",
        article="",
        status="aanname",
        source=rules.Source("s", "s", "https://example.org"),
        note="",
        periods=((date(2020, 1, 1), Decimal(1)), (date(2024, 1, 1), Decimal(2))),
    )
    assert rule.value_on(date(2023, 12, 31)) == 1
    assert rule.value_on(date(2024, 1, 1)) == 2


PRIMARY_TEXTS = ("https://wetten.overheid.nl/", "https://zoek.officielebekendmakingen.nl/")


def test_a_rule_is_verified_only_where_its_primary_text_was_read():
    for rule in rules.all_rules().values():
        if rule.status == "geverifieerd":
            assert rule.source.url.startswith(PRIMARY_TEXTS), rule.key
        if rule.article_url:  # an article link always goes to the law itself
            assert rule.article_url.startswith(PRIMARY_TEXTS), rule.key


def test_the_ve_norm_links_art_2a_and_counts_the_ages_the_sources_give():
    day = date(2022, 1, 1)
    ve = rules.rule("ve_uren_per_doelgroeppeuter")
    assert ve.article_url.endswith("#Artikel2a") and ve.status == "gerapporteerd"
    assert rules.value("ve_pbm_leeftijd_van_jaar", day) == rules.value(
        "ve_aanbod_startleeftijd_jaar", day
    )  # the VE offer (art. 2, read) starts at the same age
    assert ve.describe()["artikel_url"] == ve.article_url
