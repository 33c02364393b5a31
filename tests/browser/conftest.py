"""Fixtures for browser tests: one strict build served under /pbm-wijzer/, one Chromium."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import sync_playwright
from sitebuild import BROWSER_ARGS, SUBPATH, build, find_browser, serve


@pytest.fixture(scope="session")
def served():
    """(path, status) of every response the test server sent, in order."""
    return []


@pytest.fixture(scope="session")
def site_url(tmp_path_factory, served):
    root = tmp_path_factory.mktemp("www")
    with serve(root, served) as base:
        build(root, base)
        yield f"{base}/{SUBPATH}/"


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=find_browser(), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh context (empty cache) whose requests are all recorded."""
    context = browser.new_context(locale="nl-NL", service_workers="block")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


@pytest.fixture
def disk_context(browser, tmp_path):
    """A fresh browser profile on disk with service workers allowed, as a returning visitor has
    (the `page` above is in memory and blocks them; an in-memory cache drops a file as big as
    the wasm)."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profiel"),
        executable_path=find_browser(),
        args=BROWSER_ARGS,
        headless=True,
        locale="nl-NL",
        service_workers="allow",
    )
    with contextlib.closing(context):
        yield context


@pytest.fixture
def phone(browser, site_url):
    """A 375 px touch screen (a phone): taps are touch events, hover does not exist."""
    context = browser.new_context(
        viewport={"width": 375, "height": 740},
        has_touch=True,
        is_mobile=True,
        locale="nl-NL",
        service_workers="block",
    )
    yield context.new_page()
    context.close()
