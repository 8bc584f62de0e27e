"""The project's own typed errors: every bad input ends as one of these."""

from __future__ import annotations


class SidelinedError(Exception):
    """Base of every error sidelined raises on purpose."""


class InputError(SidelinedError):
    """An input that cannot be read as an article.  `source` names the input."""

    kind = "input"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class MissingInput(InputError):
    kind = "missing"


class EmptyInput(InputError):
    kind = "empty"


class BinaryInput(InputError):
    kind = "binary"


class EncodingInput(InputError):
    kind = "encoding"


class TooLargeInput(InputError):
    kind = "too-large"


class MalformedInput(InputError):
    kind = "malformed"


class FetchError(InputError):
    kind = "fetch"


class ExtractionFailed(InputError):
    """An article that could be read but not extracted (a bug, reported per article)."""

    kind = "extraction"


class UnknownEntity(SidelinedError):
    """A player or team name that the store and knowledge base do not know."""


class RecordVersionError(SidelinedError):
    """An extraction record of a schema version this release cannot read."""
