"""The v1 extraction record (shared/spec/EXTRACTION.md), built in one place.

`to_record` turns an `Extraction` into the JSON-ready dict users and the
scorer read; `check_record` refuses a record of an unknown schema version.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sidelined.errors import RecordVersionError
from sidelined.models import Evidence, Extraction, InjuryReport, Match, Transfer

SCHEMA = "sidelined/extraction/v1"


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [{"field": e.field, "start": e.start, "end": e.end} for e in items]


def _injury(r: InjuryReport, with_evidence: bool) -> dict[str, Any]:
    er = r.expected_return
    out: dict[str, Any] = {
        "player": r.player,
        "team": r.team,
        "body_part": r.body_part,
        "side": r.side,
        "diagnosis": r.diagnosis,
        "occurred_on": _day(r.occurred_on),
        "status": r.status,
        "expected_return": (
            {"earliest": _day(er.earliest), "latest": _day(er.latest)} if er is not None else None
        ),
        "missed_fixtures": sorted({d.isoformat() for d in r.missed_fixtures}),
        "source": r.source,
    }
    if with_evidence:
        out["evidence"] = _evidence(r.evidence)
    return out


def _match(m: Match, with_evidence: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "date": m.date.isoformat(),
        "teams": list(m.teams),
        "played": m.played,
        "score": dict(m.score) if m.score is not None else None,
        "home": m.home,
        "competition": m.competition,
    }
    if with_evidence:
        out["evidence"] = _evidence(m.evidence)
    return out


def _transfer(t: Transfer, with_evidence: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "player": t.player,
        "from_team": t.from_team,
        "to_team": t.to_team,
        "fee_eur": t.fee_eur,
        "status": t.status,
        "source": t.source,
    }
    if with_evidence:
        out["evidence"] = _evidence(t.evidence)
    return out


def to_record(x: Extraction, with_evidence: bool = True) -> dict[str, Any]:
    a = x.article
    return {
        "schema": SCHEMA,
        "article": {
            "id": a.id,
            "published": _day(a.published),
            "published_window_days": a.published_window_days,
            "published_source": a.published_source,
            "outlet": a.outlet,
            "url": a.url,
            "title": a.title,
        },
        "injuries": [_injury(r, with_evidence) for r in x.injuries],
        "matches": [_match(m, with_evidence) for m in x.matches],
        "transfers": [_transfer(t, with_evidence) for t in x.transfers],
    }


def check_record(rec: dict[str, Any]) -> dict[str, Any]:
    """Return the record if this release can read it, else raise RecordVersionError."""
    schema = rec.get("schema")
    if schema != SCHEMA:
        raise RecordVersionError(f"unknown extraction record schema {schema!r}; this release reads {SCHEMA}")
    return rec
