"""Cutting an article's text into plain and highlighted pieces for the article page.

Every record extracted from an article carries `evidence` character spans.
`segment_text` splits the text at every span edge, so overlapping facts
(a player name that is evidence for both an injury and a transfer) still get
one highlighted piece each, linked to every record that used it.  The pieces
are rendered by a Jinja2 template, which escapes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sidelined.models import Evidence


@dataclass(frozen=True)
class Fact:
    """One use of a stretch of text: which record (by anchor) and which field."""

    anchor: str
    kind: str
    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    text: str
    facts: tuple[Fact, ...] = ()

    @property
    def primary(self) -> Fact | None:
        """The fact whose span is narrowest: the most specific link for this piece."""
        return min(self.facts, key=lambda f: (f.end - f.start, f.anchor)) if self.facts else None

    @property
    def kinds(self) -> list[str]:
        return sorted({f.kind for f in self.facts})


def facts_of(kind: str, records: Sequence[Sequence[Evidence]]) -> list[Fact]:
    """The facts of a list of records of one kind, anchored as `kind-index`."""
    return [
        Fact(f"{kind}-{index}", kind, ev.field, ev.start, ev.end)
        for index, evidence in enumerate(records)
        for ev in evidence
    ]


def segment_text(text: str, facts: Sequence[Fact]) -> list[Segment]:
    """Split the text into consecutive segments, each with the facts covering it.

    Spans outside the text or empty are ignored rather than trusted.
    """
    usable = [f for f in facts if 0 <= f.start < f.end <= len(text)]
    cuts = sorted({0, len(text), *(f.start for f in usable), *(f.end for f in usable)})
    segments: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = tuple(f for f in usable if f.start <= left and right <= f.end)
        if segments and not covering and not segments[-1].facts:
            segments[-1] = Segment(segments[-1].text + text[left:right])
        else:
            segments.append(Segment(text[left:right], covering))
    return segments
