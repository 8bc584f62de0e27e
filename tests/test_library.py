"""The public library API: what `import sidelined` offers, and that it runs the same code as the pipeline."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest

import sidelined
from sidelined import (
    EmptyInput,
    ExtractionFailed,
    InputError,
    MalformedInput,
    Record,
    RecordVersionError,
    extract,
    extract_files,
    extract_many,
    load_record,
    resolve_time,
)
from sidelined.ingest import read_article_text
from sidelined.pipeline import extract_article
from sidelined.record import to_record
from sidelined.timex import resolve

EXAMPLES = Path(sidelined.__file__).parent / "examples"
STORY = sorted(EXAMPLES.glob("*.txt"))


def test_every_public_name_resolves_and_nothing_else_is_offered() -> None:
    homes = sidelined._HOMES
    assert set(sidelined.__all__) == set(homes) | {"__version__"}
    for name in sidelined.__all__:
        assert getattr(sidelined, name) is not None
    assert dir(sidelined) == sorted(sidelined.__all__)
    with pytest.raises(AttributeError):
        _ = sidelined.extract_article  # pipeline internals are not public


def test_typed_errors_are_input_errors() -> None:
    for kind in (EmptyInput, MalformedInput, ExtractionFailed, sidelined.TooLargeInput, sidelined.FetchError):
        assert issubclass(kind, InputError)
        assert issubclass(kind, sidelined.SidelinedError)


def test_extract_gives_the_pipelines_record() -> None:
    text = STORY[1].read_text(encoding="utf-8")
    record = extract(text, id="saka")
    direct = extract_article(read_article_text(text, id="saka"))
    assert record.to_dict() == to_record(direct)
    assert record.to_dict(with_evidence=False) == to_record(direct, with_evidence=False)
    assert json.loads(record.to_json()) == record.to_dict()
    assert record.schema == sidelined.SCHEMA
    assert any(r.player == "Bukayo Saka" for r in record.injuries)


def test_published_overrides_and_url_is_kept() -> None:
    text = "Bukayo Saka will miss Arsenal's next three games with a hamstring injury."
    record = extract(text, published=date(2024, 12, 24), url="https://example.org/saka")
    assert record.article.published == date(2024, 12, 24)
    assert record.article.published_source == "manual"
    assert record.to_dict()["article"]["url"] == "https://example.org/saka"
    assert record.article.id != extract(text, published="2024-12-24").article.id  # the URL names it


@pytest.mark.parametrize("text", ["", "   \n", "date 2024-12-24\n  "])
def test_empty_text_is_an_empty_input(text: str) -> None:
    with pytest.raises(EmptyInput):
        extract(text)


def test_nul_characters_are_a_binary_input() -> None:
    with pytest.raises(sidelined.BinaryInput):
        extract("Bukayo Saka\x00\x01 is injured.")


def test_a_bad_day_is_a_malformed_input() -> None:
    with pytest.raises(MalformedInput, match="YYYY-MM-DD"):
        extract("Saka is injured.", published="24/12/2024")


def test_a_failing_stage_is_reported_as_extraction_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("sidelined.pipeline.extract_article", broken)
    with pytest.raises(ExtractionFailed, match="RuntimeError: boom"):
        extract("Bukayo Saka is out injured.", published="2024-12-24")


def test_record_round_trips_through_json() -> None:
    for path in STORY:
        record = extract(path.read_text(encoding="utf-8"), id=path.stem)
        again = load_record(record.to_json())
        assert again.to_dict() == record.to_dict()
        assert load_record(record.to_dict(with_evidence=False)).to_dict(with_evidence=False) == \
            record.to_dict(with_evidence=False)


def test_load_record_checks_the_schema_version() -> None:
    record = extract(STORY[0].read_text(encoding="utf-8")).to_dict()
    with pytest.raises(RecordVersionError, match="sidelined/extraction/v2"):
        load_record({**record, "schema": "sidelined/extraction/v2"})
    with pytest.raises(RecordVersionError):
        load_record({k: v for k, v in record.items() if k != "schema"})
    with pytest.raises(MalformedInput):
        load_record("{not json")
    with pytest.raises(MalformedInput):
        load_record({**record, "injuries": [{"player": "X", "status": "gone"}]})


def test_extract_many_keeps_order_with_and_without_processes() -> None:
    texts = [p.read_text(encoding="utf-8") for p in STORY]
    serial = [r.to_dict() for r in extract_many(texts)]
    parallel = [r.to_dict() for r in extract_many(texts, workers=2)]
    assert parallel == serial
    assert [r["article"]["published"] for r in serial] == [p.name[:10] for p in STORY]


def test_extract_many_streams_from_an_endless_source() -> None:
    endless = itertools.cycle(p.read_text(encoding="utf-8") for p in STORY[:2])
    first = list(itertools.islice(extract_many(endless, workers=2), 5))
    assert [r.article.published for r in first] == [date(2024, 12, 22), date(2024, 12, 24)] * 2 + [
        date(2024, 12, 22)]


@pytest.mark.parametrize("workers", [1, 2])
def test_errors_raise_or_take_the_articles_place(workers: int) -> None:
    texts = [STORY[0].read_text(encoding="utf-8"), " ", STORY[1].read_text(encoding="utf-8")]
    yielded = list(extract_many(texts, workers=workers, errors="yield"))
    assert [type(item) for item in yielded] == [Record, EmptyInput, Record]
    raising = extract_many(texts, workers=workers)
    assert isinstance(next(raising), Record)
    with pytest.raises(EmptyInput):
        next(raising)


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(extract_many(["Saka is injured."], workers=0))


def test_extract_files_reads_folders_like_the_cli(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("", encoding="utf-8")
    results = list(extract_files([EXAMPLES / STORY[0].name, tmp_path], errors="yield"))
    assert isinstance(results[0], Record) and results[0].article.id == STORY[0].stem
    assert isinstance(results[1], EmptyInput)


def test_resolve_time_is_the_timex_stage() -> None:
    text = STORY[2].read_text(encoding="utf-8")
    assert resolve_time(text, "2025-01-03") == resolve(text, date(2025, 1, 3))
    found = resolve_time("He is out for two to three weeks.", date(2025, 1, 3))
    assert (found[0].earliest, found[0].latest) == (date(2025, 1, 17), date(2025, 1, 24))


def test_the_version_is_written_once() -> None:
    from typer.testing import CliRunner

    from sidelined.cli import app

    pyproject = (Path(sidelined.__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = { attr = "sidelined.__version__" }' in pyproject
    assert "\nversion =" not in pyproject.split("[project]")[1].split("\n[")[0]
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"sidelined {sidelined.__version__}"


def test_paths_belong_to_extract_files() -> None:
    with pytest.raises(TypeError, match="extract_files"):
        list(extract_many([STORY[0]]))  # type: ignore[list-item]


def test_an_html_page_is_read_as_a_page() -> None:
    page = (
        "<html><head><title>Saka ruled out</title>"
        '<meta property="article:published_time" content="2024-12-24T10:00:00Z"></head>'
        "<body><article><h1>Saka ruled out for several weeks</h1>"
        "<p>Arsenal have confirmed that Bukayo Saka will be sidelined for several weeks after scans on the "
        "hamstring injury he picked up against Crystal Palace.</p></article></body></html>"
    )
    record = extract(page, url="https://example.org/news/saka")
    assert record.article.published == date(2024, 12, 24)
    assert record.article.published_source == "metadata"
    assert "<" not in record.extraction.article.text
    assert [(r.player, r.body_part) for r in record.injuries] == [("Bukayo Saka", "hamstring")]
