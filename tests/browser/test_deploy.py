"""After a deploy, a page never runs with the calc of another deploy (issue 12, case 3).

The server here serves deploy 1 (the repository as it is), then deploy 2 (a copy of it with one
rule value changed), at the same address with GitHub Pages' `Cache-Control: max-age=600`. The
browser keeps its profile on disk (HTTP cache and service worker, as a returning visitor has).
"""

from __future__ import annotations

import shutil
import threading
from decimal import Decimal
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from sitebuild import ROOT, SUBPATH, QuietHandler, build, cli
from test_rekenhulp import PYODIDE_WAIT_MS, form_values, total_text, unfold, use_rekenhulp

from calc import rules

RULE = "ikk_beleid_uren_per_kindercentrum"  # per kindercentrum: the uren answer depends on it
PROJECT = ("calc", "docs", "overrides", "tools", "macros.py", "mkdocs.yml", "pyproject.toml")


def project_with_changed_rule(target: Path) -> Path:
    """A copy of what the build reads, with the latest value of RULE raised by 7."""
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    toml = target / "calc" / "rules.toml"
    text = toml.read_text("utf-8")
    old = rules.rule(RULE).periods[-1][1]
    section = text.index(f"[regels.{RULE}]")
    quoted = f'waarde = "{old}"'
    at = text.index(quoted, section)
    toml.write_text(text[:at] + f'waarde = "{old + Decimal(7)}"' + text[at + len(quoted) :])
    return target


class Deploys:
    """One address, two builds; `switch(n)` makes the server send deploy n from then on."""

    def __init__(self, server, roots: dict[int, Path], url: str, project: Path):
        self.server, self.roots, self.url, self.project = server, roots, url, project

    def switch(self, number: int) -> None:
        self.server.root = self.roots[number]


@pytest.fixture(scope="module")
def deploys(tmp_path_factory):
    class Handler(QuietHandler):
        def __init__(self, request, client_address, server):
            super().__init__(request, client_address, server, directory=str(server.root))

    tmp = tmp_path_factory.mktemp("deploys")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.root = tmp / "deploy1"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        project = project_with_changed_rule(tmp / "project2")
        build(tmp / "deploy1", base)
        build(tmp / "deploy2", base, project)
        yield Deploys(
            server, {1: tmp / "deploy1", 2: tmp / "deploy2"}, f"{base}/{SUBPATH}/", project
        )
    finally:
        server.shutdown()
        server.server_close()


def totals(values: dict, deploys: Deploys) -> tuple[str, str]:
    """The uren total for `values` under deploy 1's calc and under deploy 2's; they differ."""
    _, first = cli("uren", values)
    _, second = cli("uren", values, deploys.project)
    assert total_text(first) != total_text(second)
    return total_text(first), total_text(second)


def type_kindercentra(page, value: str, deploys: Deploys) -> tuple[str, str]:
    widget = page.locator(".rekenhulp").first
    unfold(widget)  # the home page shows it compact
    field = widget.locator('.rh-invoer[name="kindercentra"]')
    field.fill(value)
    field.press("Tab")
    return totals({**form_values(widget), "kindercentra": value}, deploys)


def wait_total(page, total: str) -> None:
    page.locator(".rekenhulp").first.locator('[data-uitkomst="totaal"]', has_text=total).wait_for(
        timeout=PYODIDE_WAIT_MS
    )


def test_a_reload_after_a_deploy_runs_the_new_calc(deploys, disk_context):
    deploys.switch(1)
    page = disk_context.new_page()
    page.goto(deploys.url)
    use_rekenhulp(page)
    first, _ = type_kindercentra(page, "7", deploys)
    wait_total(page, first)  # deploy 1 answers with its own rule
    deploys.switch(2)
    page.reload()
    use_rekenhulp(page)
    _, second = type_kindercentra(page, "8", deploys)
    wait_total(page, second)


def test_instant_navigation_into_a_new_deploy_runs_the_new_calc(deploys, disk_context):
    deploys.switch(1)
    page = disk_context.new_page()
    page.goto(deploys.url)
    use_rekenhulp(page)
    deploys.switch(2)
    with page.expect_event("load"):  # the page of deploy 2 reloads itself, to run its own calc
        page.locator('article a[href$="rekenregels/"]').first.click()  # Material fetches the page
    page.wait_for_url("**/rekenregels/")
    use_rekenhulp(page)
    _, second = type_kindercentra(page, "8", deploys)
    wait_total(page, second)
