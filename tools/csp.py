"""MkDocs hook: writes the Content-Security-Policy into every built page.

GitHub Pages sends no security headers, so the policy is a `<meta http-equiv>` that
overrides/main.html puts at the top of <head> with a placeholder. After the build this hook
hashes every inline <script> of every page (sha256, as CSP computes it) and writes one policy,
with the hashes of the whole site, into every page: Material's instant navigation keeps the first
page's <head>, so the policy must already allow the inline scripts of any page it may swap in.

What the policy allows, and why:
- `default-src 'self'`: nothing from another origin, ever (no CDN, no fonts, no analytics).
- `script-src 'self' 'wasm-unsafe-eval' <hashes>`: scripts from the site only, Material's few
  inline scripts by hash, never 'unsafe-inline'. 'wasm-unsafe-eval' lets a page compile
  WebAssembly: Pyodide runs in a worker, and a worker loaded from a URL of the site gets its
  policy from its own response (none on GitHub Pages), not from this meta tag, so today only a
  Pyodide moved back onto the page would need it; it allows WebAssembly, not JavaScript eval.
- `worker-src 'self'`: the rekenhulp worker and Material's search worker, both files of the site.
  Neither is a blob: or data: URL, so those stay closed.
- `connect-src 'self'`: Material's instant navigation and search index fetch pages of the site.
- `style-src 'self'`: stylesheets of the site only. Material sets its few inline styles through
  the CSSOM (`element.style.setProperty`), which CSP allows, and writes no `style` attribute or
  <style> element while `theme.font` is false; so 'unsafe-inline' is not needed. A page that adds
  `style="..."` (attr_list) or <style> breaks the browser test: use a class in extra_css instead.
- `img-src 'self' data:`: Material's CSS draws its icons as `data:` SVG masks.
- `object-src 'none'; base-uri 'self'; form-action 'self'`: no plugins, no <base> hijack, forms
  (search) stay on the site. `frame-ancestors` is ignored in a meta tag, so it is left out.

Under `mkdocs serve` the live-reload script MkDocs injects changes on every request and cannot be
hashed, so there (only there) script-src allows 'unsafe-inline' instead of the hashes.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

PLACEHOLDER = "__PBM_CSP__"
SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}

_serving = False


class _InlineScripts(HTMLParser):
    """Collects the text of every inline script a browser would run."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        runs = "src" not in attributes and kind in SCRIPT_TYPES
        self._current = [] if runs else None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_script_hashes(html: str) -> set[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in parser.scripts
    }


def policy(hashes: set[str], serving: bool = False) -> str:
    scripts = ["'self'", "'wasm-unsafe-eval'"]
    scripts += ["'unsafe-inline'"] if serving else sorted(hashes)
    directives = {
        "default-src": ["'self'"],
        "script-src": scripts,
        "worker-src": ["'self'"],
        "connect-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def on_startup(command, dirty, **kwargs):
    global _serving
    _serving = command == "serve"


def on_post_build(config, **kwargs):
    pages = sorted(Path(config["site_dir"]).rglob("*.html"))
    texts = {path: path.read_text("utf-8") for path in pages}
    missing = [str(path) for path, text in texts.items() if PLACEHOLDER not in text]
    if missing:
        raise PluginError(
            "csp: pagina zonder CSP-plaats (overrides/main.html niet gebruikt?): "
            + ", ".join(missing)
        )
    hashes: set[str] = set()
    for text in texts.values():
        hashes |= inline_script_hashes(text)
    value = policy(hashes, _serving)
    for path, text in texts.items():
        path.write_text(text.replace(PLACEHOLDER, value), "utf-8")
