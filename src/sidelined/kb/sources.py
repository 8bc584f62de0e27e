"""Where the build reads from: the shared reference data and the curated CSVs shipped here."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

CURATED_DIR = Path(__file__).resolve().parent / "data"


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def curated(name: str) -> Iterator[dict[str, str]]:
    return read_rows(CURATED_DIR / name)
