"""`sidelined load` with damaged backfill output: each unreadable records file is named, the rest is loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from sidelined.cli import app
from sidelined.errors import MalformedInput
from sidelined.models import Extraction
from sidelined.scale.load import load_backfill
from sidelined.scale.parquet import Manifest, read_documents
from sidelined.store import Store
from sidelined.store.schema import ArticleRow
from test_load_rows import hand_made, write_backfill_output


def _stored_articles(url: str) -> set[str]:
    with Store(url) as store, store.session() as session:
        return set(session.scalars(select(ArticleRow.id)))


def _two_partitions(out: Path) -> tuple[list[Extraction], list[Path]]:
    extractions = hand_made()
    write_backfill_output(out, extractions, per_partition=-(-len(extractions) // 2))  # two files
    return extractions, sorted(Manifest(out).done_records())


def _drop_article_field(path: Path, key: str) -> None:
    table = pq.read_table(path)
    rows = table.to_pylist()
    document = json.loads(rows[0]["extraction"])
    del document["article"][key]
    rows[0]["extraction"] = json.dumps(document)
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)


def test_a_truncated_records_file_is_named_and_the_other_partitions_load(tmp_path: Path) -> None:
    extractions, (damaged, whole) = _two_partitions(tmp_path / "out")
    damaged.write_bytes(damaged.read_bytes()[:100])
    url = f"sqlite:///{tmp_path / 'store.db'}"

    summary = load_backfill(tmp_path / "out", url)

    assert [error.source for error in summary.unreadable] == [str(damaged)]
    kept = {document["article"]["id"] for batch in read_documents(whole) for _, document in batch}
    assert kept and _stored_articles(url) == kept
    assert summary.added == len(kept)


def test_a_document_of_another_version_is_refused_with_the_missing_field(tmp_path: Path) -> None:
    _, (older, _) = _two_partitions(tmp_path / "out")
    _drop_article_field(older, "outlet")

    with pytest.raises(MalformedInput, match="article lacks outlet"):
        list(read_documents(older))


def test_the_cli_prints_one_line_per_unreadable_file_and_exits_1(tmp_path: Path) -> None:
    _, (damaged, _) = _two_partitions(tmp_path / "out")
    damaged.write_bytes(b"not parquet at all")
    url = f"sqlite:///{tmp_path / 'store.db'}"

    result = CliRunner().invoke(app, ["load", str(tmp_path / "out"), "--db", url])

    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and damaged.name in errors[0]
    with Store(url) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) > 0
