"""An article's text cut into pieces, each carrying the marks (actors, quotes, events) that cover it.

Marks overlap and nest (a trigger inside an evidence sentence inside a quote), so the text is cut
at every mark's edge and each piece lists every mark over it; a template then writes one
element per piece and the page's style colours each kind of mark.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """A marked stretch ``[start, end)`` of the text, its CSS class and an optional tooltip."""

    start: int
    end: int
    css: str
    title: str | None = None


@dataclass(frozen=True)
class Piece:
    """A stretch of text, the classes of the marks over it and the tooltip of the narrowest one."""

    text: str
    css: str
    title: str | None


def pieces(text: str, marks: Sequence[Mark]) -> list[Piece]:
    """``text`` cut at every mark's edge; pieces without a mark have an empty class."""
    inside = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in inside), *(m.end for m in inside)})
    found = []
    for start, end in itertools.pairwise(cuts):
        over = [m for m in inside if m.start <= start and end <= m.end]
        titled = sorted((m for m in over if m.title), key=lambda m: m.end - m.start)
        css = " ".join(sorted({m.css for m in over}))
        found.append(Piece(text[start:end], css, titled[0].title if titled else None))
    return found
