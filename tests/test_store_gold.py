"""Gold extraction records as `Extraction` objects: the store's and timeline's input until extraction lands.

The helpers here are imported by the other store and timeline tests; the tests
here check that the conversion keeps what the gold says.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sidelined.models import Article, ExpectedReturn, Extraction, InjuryReport, Match, Transfer

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "seeds"


def seeds_or_skip() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared not found: {SEEDS} (the seed articles live there)")
    return SEEDS


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _injury(record: dict[str, Any]) -> InjuryReport:
    expected = record.get("expected_return")
    return InjuryReport(
        player=record["player"],
        team=record.get("team"),
        body_part=record.get("body_part"),
        side=record.get("side"),
        diagnosis=record.get("diagnosis"),
        occurred_on=_day(record.get("occurred_on")),
        status=record["status"],
        expected_return=(
            ExpectedReturn(earliest=_day(expected.get("earliest")), latest=_day(expected.get("latest")))
            if expected is not None
            else None
        ),
        missed_fixtures=[date.fromisoformat(d) for d in record.get("missed_fixtures", [])],
        source=record.get("source"),
    )


def _match(record: dict[str, Any]) -> Match:
    return Match(
        date=date.fromisoformat(record["date"]),
        teams=(record["teams"][0], record["teams"][1]),
        played=record["played"],
        score=record.get("score"),
        home=record.get("home"),
        competition=record.get("competition"),
    )


def _transfer(record: dict[str, Any]) -> Transfer:
    return Transfer(
        player=record["player"],
        from_team=record.get("from_team"),
        to_team=record.get("to_team"),
        fee_eur=record.get("fee_eur"),
        status=record.get("status", "rumour"),
        source=record.get("source"),
    )


def gold_extraction(gold_path: Path) -> Extraction:
    """The Extraction a perfect extractor would give for the article beside this gold file."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    meta = gold["article"]
    article = Article(
        id=meta["id"],
        text=text_path.read_text(encoding="utf-8"),
        title=meta.get("title"),
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        published=_day(meta.get("published")),
        published_source="manual",
        origin=str(text_path),
    )
    return Extraction(
        article=article,
        injuries=[_injury(r) for r in gold["injuries"]],
        matches=[_match(m) for m in gold["matches"]],
        transfers=[_transfer(t) for t in gold["transfers"]],
    )


def seed_extractions() -> list[Extraction]:
    return [gold_extraction(path) for path in sorted(seeds_or_skip().glob("*.gold.json"))]


def test_gold_conversion_keeps_every_record() -> None:
    for path in sorted(seeds_or_skip().glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        extraction = gold_extraction(path)
        assert extraction.article.id == gold["article"]["id"]
        assert [r.player for r in extraction.injuries] == [r["player"] for r in gold["injuries"]]
        assert len(extraction.matches) == len(gold["matches"])
        assert len(extraction.transfers) == len(gold["transfers"])
        assert extraction.article.text.strip()
