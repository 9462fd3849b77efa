"""Accessible, server-rendered SVG charts (no script, no inline style: CSP-safe).

Each chart is an `<svg role="img">` named by its `<title>` and described by its `<desc>`,
which states every value in words; pages always show the same numbers in a table next to it,
so the chart is never the only way to read them. Colours come from CSS classes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_ids = count(1)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    value_text: str
    """How the value reads, e.g. "42 (35%)", in the reader's locale."""


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) > width and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines[:3]


def bar_chart(
    *,
    title: str,
    description: str,
    bars: Sequence[Bar],
    width: int = 640,
    label_width: int = 220,
    bar_height: int = 28,
    gap: int = 14,
) -> SafeString:
    """A horizontal bar chart. Bars scale to the largest value; labels wrap on three lines."""
    chart_id = f"svg-chart-{next(_ids)}"
    value_space = 110
    plot = width - label_width - value_space
    top = max((bar.value for bar in bars), default=0) or 1
    parts: list[str] = []
    y = gap
    for index, bar in enumerate(bars):
        lines = _wrap(bar.label, 30)
        row_height = max(bar_height, 16 * len(lines) + 6)
        length = round(plot * bar.value / top)
        text_y = y + row_height / 2 - 8 * (len(lines) - 1) + 5
        tspans = "".join(
            format_html(
                '<tspan x="{}" dy="{}">{}</tspan>', label_width - 10, 0 if i == 0 else 16, ln
            )
            for i, ln in enumerate(lines)
        )
        parts.append(
            format_html(
                '<g class="chart__row chart__row--{}">'
                '<text class="chart__label" x="{}" y="{}" text-anchor="end">{}</text>'
                '<rect class="chart__bar" x="{}" y="{}" width="{}" height="{}" rx="3"></rect>'
                '<text class="chart__value" x="{}" y="{}">{}</text></g>',
                index % 6,
                label_width - 10,
                text_y,
                mark_safe(tspans),  # noqa: S308 - built from escaped parts above
                label_width,
                y + (row_height - bar_height) / 2,
                max(length, 1 if bar.value else 0),
                bar_height,
                label_width + length + 8,
                y + row_height / 2 + 5,
                bar.value_text,
            )
        )
        y += row_height + gap
    height = y
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        '<line class="chart__axis" x1="{lw}" y1="0" x2="{lw}" y2="{h}"></line>{rows}</svg>',
        id=chart_id,
        w=width,
        h=height,
        lw=label_width,
        title=title,
        desc=description,
        rows=mark_safe("".join(parts)),  # noqa: S308 - each part is format_html output
    )


def describe(bars: Sequence[Bar]) -> str:
    """The chart's values in words, for its <desc>: "Yes: 42 (35%); No: 78 (65%)."."""
    return "; ".join(f"{bar.label}: {bar.value_text}" for bar in bars) + "."
