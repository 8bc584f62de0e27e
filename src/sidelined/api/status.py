"""Availability on a day and changes since a day, read off a player's reports and episodes.

Used by `queries.py` to answer the dashboard, team and availability views.
A status backed only by a report older than `STALE_DAYS` is flagged stale
rather than presented as current.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sidelined.api.schemas import ChangeKind, ChangeView, ReportView, StatusView
from sidelined.models import Episode

STALE_DAYS = 21


def _order(report: ReportView) -> tuple[date, int]:
    return (report.article.published or date.min, report.id or 0)


def _episode_of(report: ReportView, episodes: Sequence[Episode]) -> Episode | None:
    return next((ep for ep in episodes if report.id in ep.report_ids), None)


def status_on(
    player: str, team: str | None, reports: Sequence[ReportView], episodes: Sequence[Episode], on: date
) -> StatusView:
    """The player's availability on `on`, from the latest report published by then."""
    known = sorted((r for r in reports if r.article.published and r.article.published <= on), key=_order)
    if not known:
        return StatusView(player=player, team=team, on=on, status="unknown")
    latest = known[-1]
    episode = _episode_of(latest, episodes)
    status = latest.report.status
    if episode is not None and episode.ended_on is not None and episode.ended_on <= on:
        status = "available"
    same_day = [r for r in known if r.article.published == latest.article.published]
    estimates = [e for e in (episode.estimates if episode else []) if e.reported_on <= on]
    last_estimate = estimates[-1] if estimates else None
    assert latest.article.published is not None
    return StatusView(
        player=player,
        team=team,
        on=on,
        status=status,
        episode_id=episode.id if episode else None,
        body_part=(episode.body_part if episode else None) or latest.report.body_part,
        diagnosis=(episode.diagnosis if episode else None) or latest.report.diagnosis,
        since=episode.started_on if episode else latest.report.occurred_on,
        expected_earliest=last_estimate.earliest if last_estimate and status != "available" else None,
        expected_latest=last_estimate.latest if last_estimate and status != "available" else None,
        stale=(on - latest.article.published).days > STALE_DAYS,
        sources=[r.article for r in reversed(same_day)],
    )


def _window(report: ReportView) -> tuple[date | None, date | None] | None:
    er = report.report.expected_return
    return (er.earliest, er.latest) if er is not None else None


def _describe_window(window: tuple[date | None, date | None]) -> str:
    first, last = window
    days = [d.strftime("%-d %b") for d in (first, last) if d]
    return " – ".join(dict.fromkeys(days)) or "unknown"


def _change(report: ReportView, previous: ReportView | None) -> ChangeView | None:
    r = report.report
    what = " ".join(p for p in (r.side, r.body_part, r.diagnosis) if p) or "injury"
    assert report.article.published is not None

    def change(kind: ChangeKind, summary: str) -> ChangeView:
        assert report.article.published is not None
        return ChangeView(
            on=report.article.published,
            player=r.player,
            team=r.team,
            kind=kind,
            summary=summary,
            article=report.article,
        )

    if previous is None:
        if r.status == "available":
            return change("returned", "reported fit")
        return change("new_injury", f"{what}: {r.status}")
    if r.status == "available" and previous.report.status != "available":
        return change("returned", f"back from {what}")
    window, before = _window(report), _window(previous)
    if window is not None and window != before:
        summary = f"expected back {_describe_window(window)}"
        if before is not None:
            summary += f" (was {_describe_window(before)})"
        return change("estimate_changed", summary)
    if r.status != previous.report.status:
        return change("status_changed", f"now {r.status} ({what})")
    return None


def changes_since(
    players: Sequence[tuple[Sequence[ReportView], Sequence[Episode]]], since: date, until: date | None = None
) -> list[ChangeView]:
    """New injuries, changed estimates and returns reported on or after `since`, newest first."""
    found: list[ChangeView] = []
    for reports, episodes in players:
        previous_in_episode: dict[int | None, ReportView] = {}
        for report in sorted((r for r in reports if r.article.published), key=_order):
            episode = _episode_of(report, episodes)
            key = episode.id if episode else None
            previous = previous_in_episode.get(key) if key is not None else None
            previous_in_episode[key] = report
            published = report.article.published
            assert published is not None
            if published < since or (until is not None and published > until):
                continue
            if (change := _change(report, previous)) is not None:
                found.append(change)
    return sorted(found, key=lambda c: (c.on, c.player), reverse=True)
