"""The seam between the store and a near-duplicate (syndicated copy) finder.

The store does not decide what counts as a near-duplicate; it asks a finder.
Any object with `find` and `add` as below will do; `default_finder` adapts
`sidelined.ingest.dedup.NearDuplicateIndex` (MinHash LSH).
"""

from __future__ import annotations

from typing import Any, Protocol


class NearDuplicateFinder(Protocol):
    def find(self, article_id: str, text: str) -> str | None:
        """The id of an earlier article this text is a near-copy of, if any."""

    def add(self, article_id: str, text: str) -> None:
        """Remember an article so later copies of it are found."""


class IndexAdapter:
    """Adapts an index offering `add(id, text)` and `find(text) -> ids, closest first`."""

    def __init__(self, index: Any) -> None:
        self.index = index

    def find(self, article_id: str, text: str) -> str | None:
        matches = [key for key in self.index.find(text) if key != article_id]
        return str(matches[0]) if matches else None

    def add(self, article_id: str, text: str) -> None:
        self.index.add(article_id, text)


def default_finder() -> NearDuplicateFinder:
    """The project's MinHash index (`sidelined.ingest.dedup`) behind the store's seam."""
    from sidelined.ingest.dedup import NearDuplicateIndex  # imported on first ingest: queries never need it

    return IndexAdapter(NearDuplicateIndex())
