"""`Record`: the v1 extraction record of one article as a typed object.

A `Record` wraps the pipeline's `Extraction`; its dict and JSON forms come
from `sidelined.record.to_record`, so there is one definition of the v1
record.  `load_record` reads a record back (from a dict or JSON text) after
checking its schema version.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from sidelined.errors import MalformedInput
from sidelined.models import Article, Extraction, InjuryReport, Match, Transfer
from sidelined.record import SCHEMA, check_record, to_record

__all__ = ["Record", "load_record"]


@dataclass(frozen=True)
class Record:
    """What sidelined extracted from one article, in the shape of the v1 record.

    Attributes mirror the record's top-level keys with the typed pipeline
    objects (`Article`, `InjuryReport`, `Match`, `Transfer`); `extraction`
    holds everything, including the linked mentions and time expressions.
    """

    extraction: Extraction

    @property
    def schema(self) -> str:
        """The record's schema version, `sidelined/extraction/v1`."""
        return SCHEMA

    @property
    def article(self) -> Article:
        return self.extraction.article

    @property
    def injuries(self) -> list[InjuryReport]:
        return self.extraction.injuries

    @property
    def matches(self) -> list[Match]:
        return self.extraction.matches

    @property
    def transfers(self) -> list[Transfer]:
        return self.extraction.transfers

    def __repr__(self) -> str:
        a = self.article
        return (f"Record(article={a.id!r}, published={a.published!s}, injuries={len(self.injuries)}, "
                f"matches={len(self.matches)}, transfers={len(self.transfers)})")

    def to_dict(self, with_evidence: bool = True) -> dict[str, Any]:
        """The v1 record as JSON-ready Python values (days as ISO strings)."""
        return to_record(self.extraction, with_evidence=with_evidence)

    def to_json(self, with_evidence: bool = True, indent: int | None = None) -> str:
        """The v1 record as JSON text (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(with_evidence), ensure_ascii=False, indent=indent)


def load_record(data: str | bytes | Mapping[str, Any]) -> Record:
    """A `Record` read back from a v1 record (a dict, or its JSON text).

    Raises `RecordVersionError` for a record of another schema version and
    `MalformedInput` for text that is not a well-formed record.  The article's
    text is not part of a record, so the loaded `Record.article.text` is empty.
    """
    raw = _as_mapping(data)
    check_record(raw)
    try:
        article = Article.model_validate({**raw["article"], "text": ""})
        extraction = Extraction(
            article=article,
            injuries=[InjuryReport.model_validate(item) for item in raw.get("injuries", [])],
            matches=[Match.model_validate(item) for item in raw.get("matches", [])],
            transfers=[Transfer.model_validate(item) for item in raw.get("transfers", [])],
        )
    except (KeyError, TypeError, ValidationError) as error:
        raise MalformedInput("record", f"not a valid v1 record: {error}") from None
    return Record(extraction)


def _as_mapping(data: str | bytes | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(data, Mapping):
        return dict(data)
    try:
        parsed = json.loads(data)
    except ValueError as error:
        raise MalformedInput("record", f"not JSON: {error}") from None
    if not isinstance(parsed, dict):
        raise MalformedInput("record", "a record is a JSON object")
    return parsed
