"""calc.html.e, the one escape every text of a page goes through."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from calc.html import e


@given(st.text())
def test_escape_equals_the_standard_librarys(text):
    assert e(text) == html.escape(text, quote=True)


def test_markup_stays_text():
    assert e("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert e("a\"b'c&d") == "a&quot;b&#x27;c&amp;d"
    assert e(12) == "12"
