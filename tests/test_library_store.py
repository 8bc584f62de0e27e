"""The library's `Store`: every way of ingesting, and answers equal to the timeline's own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import sidelined
from sidelined import EmptyInput, Store, UnknownEntity, extract
from sidelined.timeline import availability, availability_for_fixture, changes, player_history, team_status

EXAMPLES = Path(sidelined.__file__).parent / "examples"
STORY = sorted(EXAMPLES.glob("*.txt"))
DAY = date(2025, 1, 10)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'lib.db'}") as opened:
        yield opened


def test_ingest_text_path_record_and_extraction(store: Store) -> None:
    texts = [p.read_text(encoding="utf-8") for p in STORY]
    assert [r.status for r in store.ingest(texts[0])] == ["added"]
    assert [r.status for r in store.ingest(extract(texts[1]))] == ["added"]
    assert [r.status for r in store.ingest(extract(texts[2]).extraction)] == ["added"]
    from_folder = store.ingest(EXAMPLES)
    statuses = [r.status for r in from_folder]
    assert statuses[:3] == ["duplicate"] * 3  # the same articles, read again from their files
    assert statuses[3:5] == ["added", "added"]


def test_ingest_refuses_empty_text(store: Store) -> None:
    with pytest.raises(EmptyInput):
        store.ingest("  ")


def test_answers_are_the_timelines(store: Store) -> None:
    for path in STORY:
        store.ingest(path)
    db = store.database
    assert store.player("Saka", as_of=DAY) == player_history(db, "Saka", as_of=DAY)
    assert store.player("Bukayo Saka", as_of="2025-01-10").current.status == "out"
    assert store.team("Arsenal", as_of=DAY) == team_status(db, "Arsenal", as_of=DAY)
    assert "Bukayo Saka" in [entry.player for entry in store.team("Arsenal", as_of=DAY).players]
    assert store.available("Bukayo Saka", on=DAY) == availability(db, "Bukayo Saka", DAY)
    assert store.available("Bukayo Saka", on="2025-04-05").status == "available"
    assert store.changes(since="2024-12-01", until="2025-04-30") == changes(
        db, date(2024, 12, 1), until=date(2025, 4, 30))
    assert {c.kind for c in store.changes(since="2024-12-01", until="2025-04-30")} >= {"new injury", "return"}


def test_available_against_an_opponent_uses_the_next_fixture(store: Store) -> None:
    for path in STORY:
        store.ingest(path)
    start = date(2024, 12, 23)
    fixture, expected = availability_for_fixture(store.database, "Bukayo Saka", "Ipswich Town", on_or_after=start)
    answer = store.available("Bukayo Saka", on=start, against="Ipswich Town")
    assert answer == expected
    assert answer.on == fixture.date > start


def test_no_fixture_against_an_opponent_is_a_typed_error(store: Store) -> None:
    store.ingest(STORY[0])
    with pytest.raises(UnknownEntity, match="no fixture"):
        store.available("Bukayo Saka", on="2024-12-23", against="Nottingham Forest")


def test_unknown_player_is_a_typed_error(store: Store) -> None:
    with pytest.raises(UnknownEntity):
        store.player("Nobody Anyone Whatsoever")
