"""Spans of text found by several stages' phrase scans, and the rule that settles their overlaps."""

from __future__ import annotations

from typing import TypeVar

Hit = TypeVar("Hit", bound=tuple[int, int, object])


def first_and_longest(hits: list[Hit]) -> list[Hit]:
    """The hits (start, end, value) that do not overlap an earlier kept one: of hits starting at one place
    the longest wins, then later ones must start at or after its end. Sorts `hits` in place."""
    hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    kept: list[Hit] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept
