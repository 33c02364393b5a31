"""Inline SVG bars drawn by calc (calc.svg)."""

import xml.etree.ElementTree as ET
from decimal import Decimal
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from calc import svg

NS = "{http://www.w3.org/2000/svg}"


def picture(markup: str) -> ET.Element:
    start = markup.index('<svg class="rh-staaf"')
    end = markup.index("</svg>", start) + len("</svg>")
    return ET.fromstring(markup[start:end])


def segments(values):
    return [
        svg.Segment(f"Deel {i}", Decimal(v), f"{v} uur", i % 4, f"d{i}")
        for i, v in enumerate(values)
    ]


def test_bar_is_an_accessible_image_with_escaped_text():
    markup = svg.bar(
        [
            svg.Segment('IKK <beleid> & "meer"', Decimal(150), "150 uur", 0, "a"),
            svg.Segment("VE", Decimal(370), "370 uur", 2, "b"),
        ],
        title="Opbouw <765 uur>",
    )
    root = picture(markup)
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == "Opbouw <765 uur>"
    assert 'IKK <beleid> & "meer": 150 uur' in root.find(f"{NS}desc").text
    assert "<beleid>" not in markup and "&lt;beleid&gt;" in markup
    assert "http" not in markup.replace("http://www.w3.org/2000/svg", "")  # nothing external
    assert "style=" not in markup
    assert 'fill="currentColor"' in markup
    assert markup.count("<li") == 2  # a legend in HTML text


def test_empty_parts_appear_in_the_legend_only():
    root = picture(svg.bar(segments([0, 5, 0]), title="t"))
    assert [r.get("data-deel") for r in root.iter(f"{NS}rect")] == ["d1"]


def test_all_zero_draws_an_empty_outline():
    root = picture(svg.bar(segments([0, 0]), title="t"))
    (rect,) = root.iter(f"{NS}rect")
    assert rect.get("fill") == "none" and rect.get("width") == str(svg.WIDTH)


values = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12)


@given(values)
def test_parts_fill_the_width_in_order_and_in_proportion(numbers):
    spans = svg.boundaries(segments(numbers))
    assert spans[0][0] == 0
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert spans[-1][1] == (svg.WIDTH if sum(numbers) else 0)
    for (start, end), number in zip(spans, numbers, strict=True):
        if sum(numbers):
            assert abs((end - start) - Decimal(number) * svg.WIDTH / sum(numbers)) <= Decimal("0.1")


@given(values)
def test_drawn_rects_stay_inside_the_picture(numbers):
    root = picture(svg.bar(segments(numbers), title="t"))
    for rect in root.iter(f"{NS}rect"):
        x, width = Decimal(rect.get("x")), Decimal(rect.get("width"))
        assert x >= 0 and width > 0 and x + width <= svg.WIDTH
