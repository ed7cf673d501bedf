"""Charts drawn on the server as inline SVG: no script and no asset from anywhere else.

Each function takes plain rows and returns the SVG markup, escaped, sized by its viewBox so it
scales to the page, with a <title> on every mark for a tooltip and a screen reader.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Bar:
    """One row of a timeline: a label, a span of days and where it links."""

    label: str
    start: str  # YYYY-MM-DD
    end: str | None  # exclusive; None: still holding
    css: str  # the class that colours it (its kind or state)
    href: str
    title: str


@dataclass(frozen=True)
class Edge:
    """An arrow of the network: from one node to another, coloured by kind, linking to its evidence."""

    source: str
    target: str
    css: str
    href: str
    title: str


def _ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


def timeline(bars: Sequence[Bar], *, marker: str | None, last_day: str) -> Markup:
    """Horizontal bars over the years, one row each, with a dashed line on ``marker`` (the as-of day)."""
    if not bars:
        return Markup("")
    first_year = min(int(bar.start[:4]) for bar in bars)
    last_year = int(last_day[:4])
    lo, hi = _ordinal(f"{first_year}-01-01"), _ordinal(f"{last_year + 1}-01-01")
    left, width, row = 190, 600, 26
    height = 30 + row * len(bars)

    def x(day: str) -> float:
        return left + width * (_ordinal(day) - lo) / (hi - lo)

    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {left + width + 30} {height}" role="img" '
        f'aria-label="Relation states over time">'
    ]
    step = max(1, math.ceil((last_year + 1 - first_year) / 10))
    for year in range(first_year, last_year + 2, step):
        at = x(f"{year}-01-01")
        parts.append(f'<line class="grid" x1="{at:.1f}" y1="18" x2="{at:.1f}" y2="{height}"/>')
        parts.append(f'<text class="axis" x="{at:.1f}" y="12" text-anchor="middle">{year}</text>')
    for index, bar in enumerate(bars):
        top = 22 + row * index
        start, end = x(bar.start), x(bar.end or f"{last_year + 1}-01-01")
        parts.append(
            f'<text class="label" x="{left - 6}" y="{top + 14}" text-anchor="end">{escape(bar.label)}</text>'
        )
        parts.append(
            f'<a href="{escape(bar.href)}"><rect class="bar {escape(bar.css)}" x="{start:.1f}" '
            f'y="{top + 2}" width="{max(end - start, 3):.1f}" height="{row - 8}" rx="3">'
            f"<title>{escape(bar.title)}</title></rect></a>"
        )
    if marker:
        at = x(marker)
        parts.append(f'<line class="marker" x1="{at:.1f}" y1="16" x2="{at:.1f}" y2="{height}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(counts: Sequence[tuple[str, int]], *, label: str) -> Markup:
    """Vertical bars of ``(name, count)``, named below every few bars."""
    if not counts:
        return Markup("")
    width, height, bottom = 800, 180, 30
    slot = width / len(counts)
    top = max(count for _, count in counts)
    every = max(1, math.ceil(len(counts) / 12))
    parts = [
        f'<svg class="chart columns" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
    ]
    for index, (name, count) in enumerate(counts):
        tall = (height - bottom - 12) * count / top
        x = index * slot
        parts.append(
            f'<rect class="column" x="{x + slot * 0.1:.1f}" y="{height - bottom - tall:.1f}" '
            f'width="{max(slot * 0.8, 1):.1f}" height="{tall:.1f}">'
            f"<title>{escape(name)}: {count}</title></rect>"
        )
        if index % every == 0:
            parts.append(
                f'<text class="axis" x="{x + slot / 2:.1f}" y="{height - 10}" text-anchor="middle">'
                f"{escape(name)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def network(nodes: Sequence[tuple[str, str]], edges: Sequence[Edge]) -> Markup:
    """Nodes ``(name, href)`` on a circle and arrows between them; arrows between one pair bend apart."""
    if not nodes:
        return Markup("")
    size, radius = 640, 250
    centre = size / 2
    where: dict[str, tuple[float, float]] = {}
    for index, (name, _) in enumerate(nodes):
        angle = 2 * math.pi * index / len(nodes) - math.pi / 2
        where[name] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    kinds = sorted({edge.css for edge in edges})
    parts = [
        f'<svg class="chart network" viewBox="0 0 {size} {size}" role="img" '
        'aria-label="Relations network"><defs>'
    ]
    for kind in kinds:
        parts.append(
            f'<marker id="arrow-{escape(kind)}" class="{escape(kind)}" viewBox="0 0 10 10" refX="22" '
            'refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path d="M0,0 L10,5 L0,10 z"/></marker>'
        )
    parts.append("</defs>")
    seen: dict[frozenset[str], int] = {}
    for edge in edges:
        (x1, y1), (x2, y2) = where[edge.source], where[edge.target]
        pair = frozenset((edge.source, edge.target))
        nth = seen.get(pair, 0)
        seen[pair] = nth + 1
        # The n-th arrow of a pair bends by an alternating, growing amount, so none hides another.
        bend = 0 if nth == 0 else (1 if nth % 2 else -1) * 28 * ((nth + 1) // 2)
        # Arrows curve in toward the centre, so one between two nodes does not run over a node between them.
        mx, my = (
            (x1 + x2) / 2 + (centre - (x1 + x2) / 2) * 0.4,
            (y1 + y2) / 2 + (centre - (y1 + y2) / 2) * 0.4,
        )
        length = math.hypot(x2 - x1, y2 - y1) or 1
        cx, cy = mx - bend * (y2 - y1) / length, my + bend * (x2 - x1) / length
        parts.append(
            f'<a href="{escape(edge.href)}" class="edge {escape(edge.css)}"><path d="M{x1:.1f},{y1:.1f} '
            f'Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}" marker-end="url(#arrow-{escape(edge.css)})">'
            f"<title>{escape(edge.title)}</title></path></a>"
        )
    for name, href in nodes:
        x, y = where[name]
        parts.append(
            f'<a href="{escape(href)}" class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="16"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{escape(name)}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
