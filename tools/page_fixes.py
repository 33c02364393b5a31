"""MkDocs hook: small accessibility fixes to Material's own markup, made after each page renders.

- Material's search panel is a `role="dialog"` without a name (axe/Lighthouse rule
  aria-dialog-name); it gets the label of the search field, "Zoeken".
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = SEARCH_DIALOG[:-1] + ' aria-label="Zoeken">'


def on_post_page(output: str, **kwargs) -> str:
    return output.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
