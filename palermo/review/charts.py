"""Horizontal bar charts drawn on the server as SVG geometry (the template writes the <svg>).

Plain Python. Bars run from the inline start, so in right-to-left pages the template mirrors
the chart with a transform.
"""

from __future__ import annotations

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 0  # labels sit in the data table beside the chart; bars carry their value
CHART_WIDTH = 400


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    text_x: int
    text_y: int


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int


def bar_chart(values: list[tuple[str, int]], width: int = CHART_WIDTH) -> BarChart:
    """Bars scaled to the largest value; a zero stays visible as a 1-pixel bar."""
    largest = max((v for _label, v in values), default=0) or 1
    usable = width - 40  # room for the value after the longest bar
    bars = []
    for index, (label, value) in enumerate(values):
        y = index * (BAR_HEIGHT + GAP)
        bar_width = max(1, round(usable * value / largest))
        bars.append(Bar(label, value, y, bar_width, bar_width + 6, y + BAR_HEIGHT - 6))
    height = max(len(values) * (BAR_HEIGHT + GAP) - GAP, BAR_HEIGHT)
    return BarChart(bars, width, height)
