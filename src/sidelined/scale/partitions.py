"""Splitting a backfill's inputs into partitions, and reading the articles of one partition.

A partition is a list of sources: whole files (articles, pages, feeds) or a
byte range of a JSON Lines shard.  Its id is derived from what it covers, so
the same inputs split the same way on every run and finished partitions can
be recognised after an interruption.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sidelined.errors import InputError, MissingInput
from sidelined.ingest import read_inputs
from sidelined.ingest.decode import decode_bytes
from sidelined.ingest.detect import detect_kind
from sidelined.ingest.records import read_json_lines
from sidelined.ingest.sources import article_files, is_url
from sidelined.models import Article

DEFAULT_PARTITION_SIZE = 500
_SNIFF_BYTES = 65_536


@dataclass(frozen=True)
class Source:
    """A whole input (path or URL), or lines [first_line, first_line + lines) of a JSON Lines shard."""

    location: str
    first_line: int | None = None
    lines: int = 1
    byte_start: int = 0
    byte_end: int = 0

    @property
    def is_slice(self) -> bool:
        return self.first_line is not None


@dataclass(frozen=True)
class Partition:
    id: str
    sources: tuple[Source, ...] = field(default_factory=tuple)

    @property
    def expected_articles(self) -> int:
        return sum(source.lines for source in self.sources)

    def describe(self) -> list[dict[str, object]]:
        return [asdict(source) for source in self.sources]


def plan_partitions(inputs: Sequence[str], size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """Partitions of about `size` articles each, covering every input in order."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    partitions: list[Partition] = []
    pending: list[Source] = []
    for source in _sources(inputs, size):
        if source.is_slice:
            partitions.append(_partition([source]))
            continue
        pending.append(source)
        if len(pending) == size:
            partitions.append(_partition(pending))
            pending = []
    if pending:
        partitions.append(_partition(pending))
    return partitions


def _partition(sources: list[Source]) -> Partition:
    key = json.dumps([asdict(source) for source in sources], sort_keys=True)
    return Partition(id="part-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], sources=tuple(sources))


def _sources(inputs: Sequence[str], size: int) -> Iterator[Source]:
    for given in inputs:
        path = Path(given)
        if is_url(given) or not path.exists():
            yield Source(given)  # read (or reported missing) by the worker
        elif path.is_dir():
            for file in article_files(path):
                yield from _file_sources(file, size)
        else:
            yield from _file_sources(path, size)


def _file_sources(path: Path, size: int) -> Iterator[Source]:
    if not _is_json_lines(path):
        yield Source(str(path))
        return
    yield from shard_slices(path, size)


def _is_json_lines(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return False
    return detect_kind(head.decode("utf-8", errors="replace")) == "jsonl"


def shard_slices(path: Path, size: int) -> Iterator[Source]:
    """Byte ranges of `size` lines each over a JSON Lines shard, found in one pass."""
    first_line, offset, start, count = 1, 0, 0, 0
    with path.open("rb") as stream:
        for line in stream:
            offset += len(line)
            count += 1
            if count == size:
                yield Source(str(path), first_line, count, start, offset)
                first_line, start, count = first_line + count, offset, 0
    if count:
        yield Source(str(path), first_line, count, start, offset)


def read_partition(partition: Partition) -> Iterator[Article | InputError]:
    """Every article (or input error) of the partition, in order."""
    for source in partition.sources:
        if source.is_slice:
            yield from _read_slice(source)
        else:
            yield from read_inputs([source.location])


def _read_slice(source: Source) -> Iterator[Article | InputError]:
    path = Path(source.location)
    try:
        with path.open("rb") as stream:
            stream.seek(source.byte_start)
            data = stream.read(source.byte_end - source.byte_start)
        text = decode_bytes(data, source.location)
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield MissingInput(source.location, f"cannot be read ({error.strerror or error})")
        return
    assert source.first_line is not None
    # Blank lines in front keep the reader's line numbers (and the ids made from them) those of the shard.
    padded = "\n" * (source.first_line - 1) + text
    yield from read_json_lines(padded, source=source.location, stem=path.stem)
