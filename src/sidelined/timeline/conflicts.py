"""When reports disagree: different status, or expected-return windows more than a couple of days apart."""

from __future__ import annotations

from datetime import date

from sidelined.timeline.views import SourcedReport

WINDOW_SLACK_DAYS = 2  # windows this close count as the same estimate (the scorer's tolerance too)


def windows_disagree(a: SourcedReport, b: SourcedReport) -> bool:
    if not (a.has_expected_return and b.has_expected_return):
        return False
    for x, y in ((a.expected_earliest, b.expected_earliest), (a.expected_latest, b.expected_latest)):
        if x is not None and y is not None and abs((x - y).days) > WINDOW_SLACK_DAYS:
            return True
    return False


def in_conflict(reports: list[SourcedReport]) -> bool:
    """Reports from different articles that disagree on status or on the expected return."""
    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            if a.article_id != b.article_id and (a.status != b.status or windows_disagree(a, b)):
                return True
    return False


def conflict_days(reports: list[SourcedReport]) -> list[date]:
    """The days on which reports from different articles disagree."""
    days = sorted({r.reported_on for r in reports if r.reported_on is not None})
    return [day for day in days if in_conflict([r for r in reports if r.reported_on == day])]
