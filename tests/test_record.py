"""The v1 record: every key present, dates as ISO days, versions checked."""

from __future__ import annotations

from datetime import date

import pytest

from sidelined.errors import RecordVersionError
from sidelined.models import Article, ExpectedReturn, Extraction, InjuryReport, Match
from sidelined.record import SCHEMA, check_record, to_record


def _extraction() -> Extraction:
    article = Article(id="a1", text="...", published=date(2026, 3, 7), published_source="line")
    injury = InjuryReport(player="Tom Reed", team="Arsenal", body_part="knee", status="out",
                          expected_return=ExpectedReturn(earliest=None, latest=date(2026, 4, 1)),
                          missed_fixtures=[date(2026, 3, 14), date(2026, 3, 11), date(2026, 3, 14)])
    match = Match(date=date(2026, 3, 6), teams=("Celta Vigo", "Real Madrid"), played=True,
                  score={"Real Madrid": 2, "Celta Vigo": 1})
    return Extraction(article=article, injuries=[injury], matches=[match])


def test_record_has_every_key_and_iso_days() -> None:
    rec = to_record(_extraction(), with_evidence=False)
    assert rec["schema"] == SCHEMA
    assert rec["article"]["published"] == "2026-03-07"
    injury = rec["injuries"][0]
    assert set(injury) == {"player", "team", "body_part", "side", "diagnosis", "occurred_on", "status",
                           "expected_return", "missed_fixtures", "source"}
    assert injury["expected_return"] == {"earliest": None, "latest": "2026-04-01"}
    assert injury["missed_fixtures"] == ["2026-03-11", "2026-03-14"]
    assert rec["matches"][0]["score"] == {"Real Madrid": 2, "Celta Vigo": 1}
    assert rec["transfers"] == []


def test_evidence_is_optional() -> None:
    assert "evidence" in to_record(_extraction())["injuries"][0]
    assert "evidence" not in to_record(_extraction(), with_evidence=False)["injuries"][0]


def test_unknown_schema_version_is_refused() -> None:
    rec = to_record(_extraction())
    assert check_record(rec) is rec
    with pytest.raises(RecordVersionError, match="v9"):
        check_record({**rec, "schema": "sidelined/extraction/v9"})
