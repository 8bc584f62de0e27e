"""The seam between the store and a near-duplicate (syndicated copy) finder.

The store does not decide what counts as a near-duplicate; it asks a finder.
Any object with `find` and `add` as below will do.  `default_finder` adapts
`sidelined.ingest.dedup.NearDuplicateIndex` when that module is installed and
otherwise returns None (near-duplicates are then stored as new articles).
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol


class NearDuplicateFinder(Protocol):
    def find(self, article_id: str, text: str) -> str | None:
        """The id of an earlier article this text is a near-copy of, if any."""

    def add(self, article_id: str, text: str) -> None:
        """Remember an article so later copies of it are found."""


class IndexAdapter:
    """Adapts a MinHash index offering `add(key, text)` and `query(text) -> keys`."""

    def __init__(self, index: Any) -> None:
        self.index = index

    def find(self, article_id: str, text: str) -> str | None:
        matches = [key for key in self.index.query(text) if key != article_id]
        return str(sorted(matches)[0]) if matches else None

    def add(self, article_id: str, text: str) -> None:
        self.index.add(article_id, text)


def default_finder() -> NearDuplicateFinder | None:
    try:
        module = importlib.import_module("sidelined.ingest.dedup")
    except ImportError:
        return None
    index_class = getattr(module, "NearDuplicateIndex", None)
    if index_class is None:
        return None
    index = index_class()
    if not (hasattr(index, "query") and hasattr(index, "add")):
        return None
    return IndexAdapter(index)
