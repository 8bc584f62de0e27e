"""What changed since a day: new injuries, changed estimates, status changes and returns.

Each player's reports are replayed episode by episode; every report published
on or after `since` that opened an episode, moved the expected return, changed
the status or closed the episode is listed with the report that did it.
"""

from __future__ import annotations

from datetime import date

from sidelined.timeline.conflicts import in_conflict, windows_disagree
from sidelined.timeline.views import Change, ChangeKind, EpisodeView, SourcedReport


def _window(report: SourcedReport) -> str:
    low = report.expected_earliest.isoformat() if report.expected_earliest else "?"
    high = report.expected_latest.isoformat() if report.expected_latest else "?"
    return low if low == high else f"{low} to {high}"


def _gives_estimate(report: SourcedReport) -> bool:
    return report.has_expected_return and report.status != "available"


def _direction(before: SourcedReport | None, after: SourcedReport) -> str:
    old = before.expected_latest or before.expected_earliest if before else None
    new = after.expected_latest or after.expected_earliest
    if old is None or new is None or old == new:
        return ""
    return " (pushed back)" if new > old else " (brought forward)"


def _change_of(previous: SourcedReport | None, estimate: SourcedReport | None, report: SourcedReport) -> Change | None:
    def change(kind: ChangeKind, detail: str) -> Change:
        return Change(kind=kind, player=report.player, day=report.reported_on, detail=detail, report=report)

    if previous is None:
        if report.status == "available":
            return change("return", "reported available")
        expected = f", expected back {_window(report)}" if _gives_estimate(report) else ""
        return change("new injury", f"reported {report.status}{expected}")
    if report.status == "available" and previous.status != "available":
        return change("return", f"{previous.status} -> available")
    if _gives_estimate(report) and (estimate is None or windows_disagree(estimate, report)):
        before = _window(estimate) if estimate is not None else "none"
        return change("estimate", f"expected back {before} -> {_window(report)}{_direction(estimate, report)}")
    if report.status != previous.status:
        return change("status", f"{previous.status} -> {report.status}")
    return None


def episode_changes(episode: EpisodeView, since: date) -> list[Change]:
    found: list[Change] = []
    previous: SourcedReport | None = None
    estimate: SourcedReport | None = None
    for report in episode.reports:
        if report.reported_on is not None and report.reported_on >= since:
            change = _change_of(previous, estimate, report)
            if change is not None:
                same_day = [r for r in episode.reports if r.reported_on == report.reported_on]
                change.conflict = in_conflict(same_day)
                found.append(change)
        previous = report
        if _gives_estimate(report):
            estimate = report
    return found
