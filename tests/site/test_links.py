"""Link check of the built site, as GitHub Pages serves it under the sub-path /pbm-wijzer/.

Every href and src of every built page that points into the site must resolve to a file of the
build (a folder to its index.html), stay under the sub-path, and, with a #fragment, land on an
element with that id. The worker's runtime paths and the sitemap are checked the same way.
External links are not fetched (the tests run offline).
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitebuild import ROOT, SUBPATH, build

BASE = "http://127.0.0.1:8000"
SITE = f"{BASE}/{SUBPATH}/"
URL_ATTRIBUTES = {"href", "src", "poster", "action", "data"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if name in URL_ATTRIBUTES and not (tag == "form" and value == ""):
                self.links.append((tag, value))
            if name == "srcset":
                self.links += [(tag, part.split()[0]) for part in value.split(",") if part.strip()]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("links"), BASE)


def page_url(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return SITE + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def target_file(site: Path, url: str) -> Path | None:
    """The built file a same-origin URL under the sub-path serves, or None."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    prefix = f"/{SUBPATH}/"
    if not (path + "/").startswith(prefix):
        return None
    inner = posixpath.normpath(path[len(prefix) :]) if path[len(prefix) :] else "."
    file = site / inner
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file


def test_no_broken_internal_link(built_site):
    parsed: dict[Path, Page] = {}
    for path in sorted(built_site.rglob("*.html")):
        page = Page()
        page.feed(path.read_text("utf-8"))
        parsed[path] = page
    assert parsed
    broken, checked = [], 0
    for path, page in parsed.items():
        here = page_url(built_site, path)
        for tag, raw in page.links:
            if raw.startswith(("mailto:", "tel:", "data:")):
                continue
            if raw.strip().lower().startswith("javascript:"):
                broken.append(f"{here}: <{tag}> javascript: URL {raw}")
                continue
            url = urllib.parse.urljoin(here, raw)
            if not url.startswith(BASE + "/"):
                continue  # another site: not fetched offline
            checked += 1
            file = target_file(built_site, url)
            if file is None:
                broken.append(f"{here}: <{tag}> {raw} leaves the sub-path /{SUBPATH}/")
            elif not file.is_file():
                broken.append(f"{here}: <{tag}> {raw} -> no file {file.relative_to(built_site)}")
            else:
                fragment = urllib.parse.unquote(urllib.parse.urlsplit(url).fragment)
                if fragment and file.suffix == ".html":
                    target = parsed.get(file)
                    if target is not None and fragment not in target.ids:
                        broken.append(f"{here}: <{tag}> {raw} -> no id '{fragment}' on that page")
    assert checked > 0
    assert not broken, f"{len(broken)} broken of {checked} internal links:\n" + "\n".join(broken)


def test_worker_runtime_paths_resolve(built_site):
    (worker,) = built_site.glob("assets/rekenhulp-*/rekenhulp-worker.js")  # versioned by content
    text = worker.read_text("utf-8")
    assert not re.findall(r"__[A-Z_]+__", text), "a placeholder the build hook did not fill"
    here = SITE + worker.relative_to(built_site).as_posix()
    paths = re.findall(r'new URL\("([^"]+)", import\.meta\.url\)', text)
    assert len(paths) >= 2, paths
    for relative in paths:
        file = target_file(built_site, urllib.parse.urljoin(here, relative))
        assert file is not None and (file.is_file() or file.parent.is_dir()), relative
    runtime = [p for p in paths if p.endswith("/")]
    for directory in runtime:
        folder = target_file(built_site, urllib.parse.urljoin(here, directory)).parent
        for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
            assert (folder / name).is_file(), f"{directory}{name} is not in the build"
    # The standard library is the trimmed one in a folder of its own (tools/trimmed_runtime.py).
    assert [p for p in paths if p.endswith("/python_stdlib.zip") and "/stdlib/" in p], paths


def test_own_scripts_are_versioned_by_content(built_site):
    """Every script of docs/assets/javascripts is served from assets/rekenhulp-<id>/ only, and
    every page loads it from there and names <id> in its meta tag (tools/site_assets.py)."""
    (folder,) = built_site.glob("assets/rekenhulp-*")
    build_id = folder.name.removeprefix("rekenhulp-")
    source = ROOT / "docs" / "assets" / "javascripts"
    own = [path.relative_to(source) for path in source.rglob("*") if path.is_file()]
    assert own
    for relative in own:
        assert (folder / relative).is_file(), relative
        assert not (built_site / "assets" / "javascripts" / relative).exists(), relative
    for page in built_site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert f'<meta name="pbm-rekenhulp" content="{build_id}">' in text, page
        scripts = re.findall(r'<script src="([^"]*rekenhulp[^"]*)"', text)
        assert scripts and all(s.endswith(f"rekenhulp-{build_id}/rekenhulp.js") for s in scripts)


def test_sitemap_lists_built_pages(built_site):
    text = (built_site / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text)
    assert locations
    for url in locations:
        assert url.startswith(SITE), url
        file = target_file(built_site, url)
        assert file is not None and file.is_file(), url
