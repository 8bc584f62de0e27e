"""sidelined: football news in, dated and sourced injury and availability knowledge out.

The public Python API is the names in `__all__`: extraction (`extract`,
`extract_many`, `extract_files`, `resolve_time`, the typed `Record` and
`load_record`), the `Store` of articles and injury episodes, the typed
objects they return, and the typed errors.  They are imported on first use,
so `import sidelined` (and the command line starting up) stays fast.
`__version__` is the one place the version is written; the wheel reads it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    "extract": "sidelined.library.extracting",
    "extract_many": "sidelined.library.extracting",
    "extract_files": "sidelined.library.extracting",
    "resolve_time": "sidelined.library.extracting",
    "Record": "sidelined.library.records",
    "load_record": "sidelined.library.records",
    "Store": "sidelined.library.storing",
    "SCHEMA": "sidelined.record",
    "Article": "sidelined.models",
    "InjuryReport": "sidelined.models",
    "Match": "sidelined.models",
    "Transfer": "sidelined.models",
    "TimeExpression": "sidelined.models",
    "IngestResult": "sidelined.store",
    "PlayerHistory": "sidelined.timeline",
    "TeamStatus": "sidelined.timeline",
    "AvailabilityAnswer": "sidelined.timeline",
    "Change": "sidelined.timeline",
    "SidelinedError": "sidelined.errors",
    "InputError": "sidelined.errors",
    "MissingInput": "sidelined.errors",
    "EmptyInput": "sidelined.errors",
    "BinaryInput": "sidelined.errors",
    "EncodingInput": "sidelined.errors",
    "TooLargeInput": "sidelined.errors",
    "MalformedInput": "sidelined.errors",
    "FetchError": "sidelined.errors",
    "ExtractionFailed": "sidelined.errors",
    "UnknownEntity": "sidelined.errors",
    "RecordVersionError": "sidelined.errors",
}

__all__ = [
    "__version__", "extract", "extract_many", "extract_files", "resolve_time", "Record", "load_record", "Store",
    "SCHEMA", "Article", "InjuryReport", "Match", "Transfer", "TimeExpression", "IngestResult", "PlayerHistory",
    "TeamStatus", "AvailabilityAnswer", "Change", "SidelinedError", "InputError", "MissingInput", "EmptyInput",
    "BinaryInput", "EncodingInput", "TooLargeInput", "MalformedInput", "FetchError", "ExtractionFailed",
    "UnknownEntity", "RecordVersionError",
]

if TYPE_CHECKING:
    from sidelined.errors import (
        BinaryInput,
        EmptyInput,
        EncodingInput,
        ExtractionFailed,
        FetchError,
        InputError,
        MalformedInput,
        MissingInput,
        RecordVersionError,
        SidelinedError,
        TooLargeInput,
        UnknownEntity,
    )
    from sidelined.library.extracting import extract, extract_files, extract_many, resolve_time
    from sidelined.library.records import Record, load_record
    from sidelined.library.storing import Store
    from sidelined.models import Article, InjuryReport, Match, TimeExpression, Transfer
    from sidelined.record import SCHEMA
    from sidelined.store import IngestResult
    from sidelined.timeline import AvailabilityAnswer, Change, PlayerHistory, TeamStatus


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'sidelined' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
