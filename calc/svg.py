"""Small inline SVG pictures, drawn by calc so that the site build and the browser agree.

No external resources, no scripts, no inline styles. Colours follow the text colour
(`currentColor`) at a few opacities, so a picture reads in light and dark mode alike; every shape
also carries a class (`rh-staaf-deel--toon-N`) that a stylesheet may colour instead. All text is
escaped. A picture is `role="img"` with a <title> (its name) and a <desc> (the numbers in words);
the legend beside it is ordinary HTML text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from calc.html import e

# fill-opacity per tone: dark to light. Each shape also gets a currentColor outline, so the
# lightest tone stays visible on any background.
TONES = (Decimal("0.9"), Decimal("0.6"), Decimal("0.35"), Decimal("0.15"))
WIDTH = 1000  # viewBox units; the picture scales to the width of its container
HEIGHT = 40
GAP = Decimal(4)  # white space between two parts, in viewBox units
SWATCH = 14  # legend swatch, in CSS pixels


@dataclass(frozen=True)
class Segment:
    """One part of a bar: its name, its size, and the text the legend shows for it."""

    label: str
    value: Decimal
    shown: str
    tone: int = 0  # index into TONES; callers alternate tones so neighbours differ
    key: str = ""  # a data attribute for tests and stylesheets


def _units(value: Decimal) -> str:
    """A coordinate with at most one decimal, as SVG wants it."""
    text = format(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN), "f")
    return text[:-2] if text.endswith(".0") else text


def _paint(tone: int) -> str:
    tone %= len(TONES)
    return (
        f'class="rh-staaf-deel rh-staaf-deel--toon-{tone}" fill="currentColor"'
        f' fill-opacity="{TONES[tone]}" stroke="currentColor" stroke-width="1"'
        ' vector-effect="non-scaling-stroke"'
    )


def boundaries(segments: list[Segment]) -> list[tuple[Decimal, Decimal]]:
    """Start and end of every segment in viewBox units, proportional to its value.

    Ends are computed from running totals, so the parts always fill exactly the whole width.
    """
    total = sum((segment.value for segment in segments), Decimal(0))
    spans, running, start = [], Decimal(0), Decimal(0)
    for segment in segments:
        running += segment.value
        end = (running * WIDTH / total).quantize(Decimal("0.1")) if total > 0 else Decimal(0)
        spans.append((start, end))
        start = end
    return spans


def bar(segments: list[Segment], title: str, desc: str = "", caption: str = "") -> str:
    """A horizontal bar of the parts with a legend; empty parts appear only in the legend."""
    segments = [segment for segment in segments if segment.value >= 0]
    spans = boundaries(segments)
    last = max((i for i, s in enumerate(segments) if s.value > 0), default=-1)
    shapes = []
    for index, (segment, (start, end)) in enumerate(zip(segments, spans, strict=True)):
        width = end - start
        if width <= 0:
            continue
        if index != last and width > 2 * GAP:
            width -= GAP  # a gap before the next part
        shapes.append(
            f'<rect x="{_units(start)}" y="0" width="{_units(width)}" height="{HEIGHT}"'
            f' {_paint(segment.tone)} data-deel="{e(segment.key)}"><title>'
            f"{e(segment.label)}: {e(segment.shown)}</title></rect>"
        )
    if not shapes:
        shapes.append(
            f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="none"'
            ' stroke="currentColor" stroke-width="1" stroke-dasharray="4 4"'
            ' vector-effect="non-scaling-stroke"/>'
        )
    desc = desc or "; ".join(f"{s.label}: {s.shown}" for s in segments)
    picture = (
        f'<svg class="rh-staaf" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%"'
        f' height="{HEIGHT}" preserveAspectRatio="none" focusable="false"'
        ' xmlns="http://www.w3.org/2000/svg">'
        f"<title>{e(title)}</title><desc>{e(desc)}</desc>{''.join(shapes)}</svg>"
    )
    legend = "".join(
        f'<li data-deel="{e(segment.key)}">'
        f'<svg class="rh-staal" width="{SWATCH}" height="{SWATCH}" viewBox="0 0 {SWATCH} {SWATCH}"'
        ' aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f'<rect x="0.5" y="0.5" width="{SWATCH - 1}" height="{SWATCH - 1}" {_paint(segment.tone)}/>'
        f"</svg> {e(segment.label)}: {e(segment.shown)}</li>"
        for segment in segments
    )
    heading = f'<p class="rh-staafdiagram__titel">{e(caption)}</p>' if caption else ""
    return (
        f'<div class="rh-staafdiagram">{heading}{picture}<ul class="rh-legenda">{legend}</ul></div>'
    )
