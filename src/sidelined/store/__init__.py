"""The store stage: a SQLAlchemy database of articles, facts, provenance and episodes.

`Store(url)` opens (and migrates) a database; `Store.ingest(extraction)` keeps
one article and its facts in one transaction.
"""

from sidelined.store.near_duplicates import NearDuplicateFinder
from sidelined.store.store import IngestResult, Store, resolve_url

__all__ = ["IngestResult", "NearDuplicateFinder", "Store", "resolve_url"]
