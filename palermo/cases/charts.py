"""Charts drawn on the server as SVG: no script, nothing from elsewhere.

Each chart has a <title> and <desc> for screen readers; pages show the same figures in a table
beside it. Colours are SVG presentation attributes, which the Content-Security-Policy allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from itertools import count

from django.utils.safestring import SafeString, mark_safe

OPENED = "#1f5f99"
FINISHED = "#c2571a"
MEDIAN = "#1f5f99"
P90 = "#9cc3e6"
_ids = count(1)


def _frame(title: str, desc: str, width: int, height: int, body: list[str]) -> SafeString:
    number = next(_ids)
    title_id, desc_id = f"chart-title-{number}", f"chart-desc-{number}"
    svg = (
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )
    return mark_safe(svg)


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 5:
            return float(step * 5)
    return float(value)


def months_chart(
    title: str,
    desc: str,
    months: Sequence[tuple[date, int, int]],
    opened_label: str,
    finished_label: str,
) -> SafeString:
    """Two lines over time: cases opened and cases finished each month."""
    width, height, left, bottom, top = 720, 260, 44, 36, 28
    plot_w, plot_h = width - left - 12, height - bottom - top
    peak = _nice_max(max([max(o, f) for _m, o, f in months] or [0]))
    step = plot_w / max(len(months) - 1, 1)
    body: list[str] = []
    for tick in range(6):
        value = peak * tick / 5
        y = top + plot_h - plot_h * tick / 5
        body.append(
            f'<line x1="{left}" x2="{width - 12}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#d8dde3" stroke-width="1"/>'
        )
        body.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="#333">{value:.0f}</text>'
        )
    for index, (month, _o, _f) in enumerate(months):
        if index % 6 == 0:
            x = left + index * step
            body.append(
                f'<text x="{x:.1f}" y="{height - bottom + 16}" font-size="11" '
                f'text-anchor="middle" fill="#333">{month:%Y-%m}</text>'
            )
    for series, colour in ((1, OPENED), (2, FINISHED)):
        values = [opened if series == 1 else done for _month, opened, done in months]
        points = " ".join(
            f"{left + i * step:.1f},{top + plot_h - plot_h * value / peak:.1f}"
            for i, value in enumerate(values)
        )
        body.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{points}"/>'
        )
    body.append(
        f'<rect x="{left}" y="6" width="12" height="12" fill="{OPENED}"/>'
        f'<text x="{left + 18}" y="16" font-size="12" fill="#222">{escape(opened_label)}</text>'
    )
    body.append(
        f'<rect x="{left + 200}" y="6" width="12" height="12" fill="{FINISHED}"/>'
        f'<text x="{left + 218}" y="16" font-size="12" fill="#222">'
        f"{escape(finished_label)}</text>"
    )
    return _frame(title, desc, width, height, body)


def duration_chart(
    title: str,
    desc: str,
    rows: Sequence[tuple[str, float | None, float | None]],
    median_label: str,
    p90_label: str,
    limit: int = 15,
) -> SafeString:
    """Horizontal bars: the 90th percentile (light) behind the median (dark), per row."""
    rows = list(rows)[:limit]
    label_w, bar_h, gap, top = 210, 16, 8, 30
    width = 720
    height = top + len(rows) * (bar_h + gap) + 10
    peak = _nice_max(max([r[2] or r[1] or 0 for r in rows] or [0]))
    plot_w = width - label_w - 60
    body: list[str] = [
        f'<rect x="{label_w}" y="6" width="12" height="12" fill="{MEDIAN}"/>'
        f'<text x="{label_w + 18}" y="16" font-size="12" fill="#222">{escape(median_label)}</text>',
        f'<rect x="{label_w + 160}" y="6" width="12" height="12" fill="{P90}"/>'
        f'<text x="{label_w + 178}" y="16" font-size="12" fill="#222">{escape(p90_label)}</text>',
    ]
    for index, (label, median, p90) in enumerate(rows):
        y = top + index * (bar_h + gap)
        short = label if len(label) <= 32 else label[:31] + "…"
        body.append(
            f'<text x="{label_w - 8}" y="{y + 12}" font-size="12" text-anchor="end" '
            f'fill="#222">{escape(short)}</text>'
        )
        if p90 is not None:
            body.append(
                f'<rect x="{label_w}" y="{y}" width="{plot_w * p90 / peak:.1f}" '
                f'height="{bar_h}" fill="{P90}"/>'
            )
        if median is not None:
            body.append(
                f'<rect x="{label_w}" y="{y + 3}" width="{plot_w * median / peak:.1f}" '
                f'height="{bar_h - 6}" fill="{MEDIAN}"/>'
            )
            end = plot_w * (p90 if p90 is not None else median) / peak
            body.append(
                f'<text x="{label_w + end + 6:.1f}" y="{y + 12}" font-size="11" '
                f'fill="#333">{median:.0f} / {(p90 or median):.0f}</text>'
            )
    return _frame(title, desc, width, height, body)


def bar_chart(title: str, desc: str, rows: Sequence[tuple[str, int]]) -> SafeString:
    """Horizontal bars with counts."""
    label_w, bar_h, gap, top = 260, 18, 8, 10
    width = 720
    height = top + len(rows) * (bar_h + gap) + 10
    peak = _nice_max(max([n for _l, n in rows] or [0]))
    plot_w = width - label_w - 60
    body: list[str] = []
    for index, (label, value) in enumerate(rows):
        y = top + index * (bar_h + gap)
        short = label if len(label) <= 40 else label[:39] + "…"
        body.append(
            f'<text x="{label_w - 8}" y="{y + 13}" font-size="12" text-anchor="end" '
            f'fill="#222">{escape(short)}</text>'
        )
        bar = plot_w * value / peak
        body.append(
            f'<rect x="{label_w}" y="{y}" width="{bar:.1f}" height="{bar_h}" fill="{OPENED}"/>'
        )
        body.append(
            f'<text x="{label_w + bar + 6:.1f}" y="{y + 13}" font-size="11" '
            f'fill="#333">{value}</text>'
        )
    return _frame(title, desc, width, height, body)
