"""Exports of injury episodes: CSV and JSON for analysis, ICS for calendars.

Every export is built from the timeline's `EpisodeView`s, so the CLI
(`sidelined export`) and the API (`GET /api/export/{fmt}`) give the same
content for the same store.  The
ICS export turns each episode's latest expected-return window into one
all-day event; it is written here by hand (RFC 5545 needs only escaping, line
folding and CRLF endings) to avoid another dependency.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from sidelined.models import EstimateChange
from sidelined.timeline import EpisodeView

ExportFormat = Literal["csv", "json", "ics"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "ics")
MEDIA_TYPES: dict[ExportFormat, str] = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "ics": "text/calendar; charset=utf-8",
}

CSV_COLUMNS = (
    "episode_id",
    "season",
    "player",
    "team",
    "injury",
    "body_part",
    "side",
    "diagnosis",
    "status",
    "started_on",
    "ended_on",
    "until",
    "until_kind",
    "days_out",
    "expected_earliest",
    "expected_latest",
    "estimate_reported_on",
    "estimate_source",
    "estimates",
    "games_missed",
    "missed_fixtures",
    "articles",
)


def latest_estimate(episode: EpisodeView) -> EstimateChange | None:
    """The most recently reported expected-return window of an episode, if any."""
    dated = [e for e in episode.estimates if e.earliest is not None or e.latest is not None]
    return max(dated, key=lambda e: e.reported_on) if dated else None


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def to_csv(episodes: Iterable[EpisodeView]) -> str:
    """One row per episode, the latest estimate in its own columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for ep in episodes:
        last = latest_estimate(ep)
        writer.writerow(
            [
                ep.id if ep.id is not None else "",
                ep.season or "",
                ep.player,
                ep.team or "",
                ep.injury,
                ep.body_part or "",
                ep.side or "",
                ep.diagnosis or "",
                ep.status,
                _iso(ep.started_on),
                _iso(ep.ended_on),
                _iso(ep.until),
                ep.until_kind,
                "" if ep.days_out is None else ep.days_out,
                _iso(last.earliest) if last else "",
                _iso(last.latest) if last else "",
                _iso(last.reported_on) if last else "",
                (last.source or "") if last else "",
                len(ep.estimates),
                len(ep.fixtures_missed),
                " ".join(sorted(f.date.isoformat() for f in ep.fixtures_missed)),
                " ".join(dict.fromkeys(r.article_id for r in ep.reports)),
            ]
        )
    return buffer.getvalue()


def to_json(episodes: Iterable[EpisodeView]) -> str:
    """A JSON array of episodes with every estimate they went through."""
    return json.dumps([ep.model_dump(mode="json") for ep in episodes], indent=2, ensure_ascii=False) + "\n"


def _ics_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets (RFC 5545 3.1)."""
    pieces: list[str] = []
    current = ""
    limit = 75
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            pieces.append(current)
            current = " "
            limit = 75
        current += char
    pieces.append(current)
    return pieces


def _event_lines(episode: EpisodeView, estimate: EstimateChange, stamp: str) -> list[str]:
    first = estimate.earliest or estimate.latest
    last = estimate.latest or estimate.earliest
    assert first is not None and last is not None
    if last < first:
        first, last = last, first
    summary = f"{episode.player} expected back ({episode.injury.lower()})"
    details = [f"Status: {episode.status}", f"Estimate reported on {estimate.reported_on.isoformat()}"]
    if estimate.source:
        details.append(f"Source: {estimate.source}")
    if episode.team:
        details.append(f"Team: {episode.team}")
    uid_key = episode.id if episode.id is not None else f"{episode.player}-{_iso(episode.started_on)}"
    return [
        "BEGIN:VEVENT",
        f"UID:{_ics_escape(f'episode-{uid_key}'.replace(' ', '-'))}@sidelined",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
        # DTEND of an all-day event is exclusive, so the window's last day is included.
        f"DTEND;VALUE=DATE:{(last + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_ics_escape(summary)}",
        f"DESCRIPTION:{_ics_escape(chr(10).join(details))}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def to_ics(episodes: Iterable[EpisodeView], now: datetime | None = None) -> str:
    """A calendar with one all-day event per episode's latest expected-return window."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//sidelined//injury returns//EN",
        "CALSCALE:GREGORIAN",
    ]
    for ep in episodes:
        estimate = latest_estimate(ep)
        if estimate is not None:
            lines.extend(_event_lines(ep, estimate, stamp))
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


def export_episodes(episodes: Sequence[EpisodeView], fmt: ExportFormat) -> str:
    """The episodes in the chosen format."""
    if fmt == "csv":
        return to_csv(episodes)
    if fmt == "json":
        return to_json(episodes)
    return to_ics(episodes)
