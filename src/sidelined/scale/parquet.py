"""A backfill's output folder: Parquet partitions of records and errors, and the manifest naming them.

Layout of DIR:
  records/PART.parquet  one row per extracted article: searchable columns, the v1
                        record (`record`, JSON) and the full extraction (`extraction`,
                        JSON, what `sidelined load` stores)
  errors/PART.parquet   one row per bad input or article: where, kind, reason
  manifest.json         every partition: its sources, status, counts, files
Files are written under a temporary name and renamed, so a partition is either
whole on disk or absent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import ValidationError
from pydantic_core import from_json

from sidelined.errors import InputError, MalformedInput
from sidelined.models import Extraction
from sidelined.record import to_record

MANIFEST_SCHEMA = "sidelined/backfill/v1"
RECORDS_SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("content_hash", pa.string()),
    ("published", pa.date32()),
    ("outlet", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("injuries", pa.int32()),
    ("matches", pa.int32()),
    ("transfers", pa.int32()),
    ("record", pa.string()),
    ("extraction", pa.string()),
])
ERRORS_SCHEMA = pa.schema([("partition", pa.string()), ("where", pa.string()), ("kind", pa.string()),
                           ("reason", pa.string())])


def record_row(extraction: Extraction) -> dict[str, Any]:
    article = extraction.article
    return {
        "article_id": article.id,
        "content_hash": article.content_hash,
        "published": article.published,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "injuries": len(extraction.injuries),
        "matches": len(extraction.matches),
        "transfers": len(extraction.transfers),
        "record": json.dumps(to_record(extraction), ensure_ascii=False),
        # Time expressions are an intermediate stage; the store never reads them.
        "extraction": extraction.model_dump_json(exclude={"timexes"}),
    }


def error_row(partition: str, error: InputError) -> dict[str, Any]:
    return {"partition": partition, "where": error.source, "kind": error.kind, "reason": error.reason}


def write_table(rows: list[dict[str, Any]], schema: pa.Schema, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), partial, compression="zstd")
    os.replace(partial, path)


def records_path(out: Path, partition: str) -> Path:
    return out / "records" / f"{partition}.parquet"


def errors_path(out: Path, partition: str) -> Path:
    return out / "errors" / f"{partition}.parquet"


def read_extractions(path: Path, batch_rows: int = 2_000) -> Iterator[list[Extraction]]:
    """The extractions stored in a records file, in batches."""
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=batch_rows, columns=["extraction"]):
        yield [Extraction.model_validate_json(item) for item in batch.column(0).to_pylist()]


def read_documents(path: Path, batch_rows: int = 2_000) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """The extractions of a records file as JSON values (no pydantic models: loading is faster so), in batches.

    Each comes with its article's content hash, from the file's own column.
    """
    try:
        parquet = pq.ParquetFile(path)
        for batch in parquet.iter_batches(batch_size=batch_rows, columns=["content_hash", "extraction"]):
            hashes, texts = batch.column(0).to_pylist(), batch.column(1).to_pylist()
            documents = [(content_hash, from_json(text)) for content_hash, text in zip(hashes, texts, strict=True)]
            if documents:
                check_document(documents[0][1])
            yield documents
    except (pa.ArrowException, OSError, ValueError, KeyError) as error:
        raise MalformedInput(str(path), f"not a readable records file: {_first_line(error)}") from None


def check_document(document: dict[str, Any]) -> None:
    """Raise ValueError unless `document` is a whole extraction as this version writes it.

    The loader reads documents' keys directly; one document per batch is checked
    in full (the rest of a batch comes from the same writer), so a file written by
    another model version is refused by name instead of failing half-way.
    """
    written = Extraction.model_validate(document).model_dump(exclude={"timexes"})
    for part, keys in (("extraction", set(written)), ("article", set(written["article"]))):
        given = document if part == "extraction" else document.get("article", {})
        if missing := sorted(keys - set(given)):
            raise ValueError(f"{part} lacks {', '.join(missing)} (written by another version?)")


def _first_line(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        return f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def read_errors(out: Path) -> list[dict[str, Any]]:
    """Every error row of a backfill, partition by partition."""
    rows: list[dict[str, Any]] = []
    for path in sorted((out / "errors").glob("*.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


class Manifest:
    """manifest.json: what each partition covers and whether it is done."""

    def __init__(self, out: Path) -> None:
        self.path = out / "manifest.json"
        self.out = out
        self.partitions: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            self.partitions = saved.get("partitions", {})

    def is_done(self, partition: str) -> bool:
        entry = self.partitions.get(partition)
        return bool(entry and entry.get("status") == "done" and (self.out / entry["records"]).exists())

    def record(self, partition: str, entry: dict[str, Any]) -> None:
        self.partitions[partition] = {**entry, "finished_at": datetime.now(UTC).isoformat(timespec="seconds")}
        self.save()

    def done_records(self) -> list[Path]:
        return [self.out / entry["records"] for entry in self.partitions.values() if entry.get("status") == "done"]

    def save(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        document = {"schema": MANIFEST_SCHEMA, "partitions": self.partitions}
        partial.write_text(json.dumps(document, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(partial, self.path)
