"""Group one player's injury reports into episodes (pure logic, no database).

Reports are replayed in the order they were published.  A report joins the
player's latest episode when it is about the same problem: an explicit
back-reference (the same injury day), or a compatible body part, side and
diagnosis with no sign of a fresh incident and no long silence in between.
Otherwise it opens a new episode.  A report of status `available` closes the
episode it joins.  Replaying from scratch makes the result independent of the
order in which articles were ingested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

MUSCLE_PARTS = frozenset({"muscle", "hamstring", "calf", "thigh", "quadriceps", "adductor", "groin"})
NEIGHBOURS = {
    "thigh": {"hamstring", "quadriceps", "adductor"},
    "groin": {"adductor", "hip", "abdomen"},
    "ankle": {"foot", "achilles"},
    "foot": {"toe", "ankle"},
    "back": {"hip"},
    "head": {"face"},
}
# Diagnoses that name a different kind of absence from any injury.
NON_INJURY = frozenset({"illness", "suspension", "personal"})

BACK_REFERENCE_DAYS = 2
# With no expected return, an injury day this long after the last news is a fresh incident.
NEW_INCIDENT_DAYS = {"out": 42, "doubtful": 14, "available": 0}
ESTIMATE_OVERRUN_DAYS = 14
# A treatment or a vague word never replaces a diagnosis already known ("ligament", then "surgery").
VAGUE_DIAGNOSES = frozenset({"surgery", "knock", "muscular"})
SILENCE_DAYS = {"doubtful": 30, "out": 120, "available": 0}
SILENCE_AFTER_ESTIMATE_DAYS = 60


@dataclass(frozen=True)
class ReportFacts:
    """What the linker needs to know about one stored injury report."""

    report_id: int
    reported_on: date | None
    article_id: str
    status: str
    body_part: str | None = None
    side: str | None = None
    diagnosis: str | None = None
    occurred_on: date | None = None
    team: str | None = None
    expected_latest: date | None = None


@dataclass
class EpisodeDraft:
    """An episode as the linker builds it; the store persists it."""

    report_ids: list[int] = field(default_factory=list)
    started_on: date | None = None
    ended_on: date | None = None
    status: str = "out"
    body_part: str | None = None
    side: str | None = None
    diagnosis: str | None = None
    team: str | None = None
    last_day: date | None = None
    expected_latest: date | None = None
    first_day: date | None = None
    opened_by_return: bool = False

    @property
    def closed(self) -> bool:
        return self.ended_on is not None


def body_parts_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    if "muscle" in (a, b) and {a, b} <= MUSCLE_PARTS:
        return True
    return b in NEIGHBOURS.get(a, set()) or a in NEIGHBOURS.get(b, set())


def kinds_compatible(part_a: str | None, diag_a: str | None, part_b: str | None, diag_b: str | None) -> bool:
    """An illness, suspension or personal absence matches itself or a problem nothing is known about."""
    if diag_a == diag_b:
        return True
    if diag_a in NON_INJURY:
        return part_b is None and diag_b is None
    if diag_b in NON_INJURY:
        return part_a is None and diag_a is None
    return True


def same_problem(episode: EpisodeDraft, report: ReportFacts) -> bool:
    sides_agree = episode.side is None or report.side is None or episode.side == report.side
    return (
        sides_agree
        and body_parts_compatible(episode.body_part, report.body_part)
        and kinds_compatible(episode.body_part, episode.diagnosis, report.body_part, report.diagnosis)
    )


def is_back_reference(episode: EpisodeDraft, report: ReportFacts) -> bool:
    if report.occurred_on is None or episode.started_on is None:
        return False
    return abs((report.occurred_on - episode.started_on).days) <= BACK_REFERENCE_DAYS and same_problem(episode, report)


def silence_limit(last_day: date, status: str, expected_latest: date | None) -> date:
    """The last day on which news of an open episode can still continue it; after it, it is presumed over."""
    if expected_latest is not None:
        return max(expected_latest, last_day) + timedelta(days=SILENCE_AFTER_ESTIMATE_DAYS)
    return last_day + timedelta(days=SILENCE_DAYS.get(status, 0))


def _silence_limit(episode: EpisodeDraft) -> date | None:
    if episode.last_day is None:
        return None
    return silence_limit(episode.last_day, episode.status, episode.expected_latest)


def _fresh_incident(episode: EpisodeDraft, report: ReportFacts) -> bool:
    """An injury day after he was likely back (past the expected window, or a long spell) is a new incident.

    An earlier day is a setback within the recovery and stays in the episode.
    """
    if report.occurred_on is None or episode.last_day is None:
        return False
    if episode.expected_latest is not None:
        # Recoveries overrun their estimates; only well past the window is he presumed to have been back.
        overrun = timedelta(days=ESTIMATE_OVERRUN_DAYS)
        return report.occurred_on > max(episode.expected_latest, episode.last_day) + overrun
    quiet_days = NEW_INCIDENT_DAYS.get(episode.status, 0)
    return report.occurred_on > episode.last_day + timedelta(days=quiet_days)


def joins(episode: EpisodeDraft, report: ReportFacts) -> bool:
    """Whether `report` continues `episode` rather than opening a new one."""
    if is_back_reference(episode, report):
        return True
    if episode.closed:
        # After a return only a confirmation of fitness belongs to the old episode.
        return report.status == "available" and not _fresh_incident(episode, report)
    if not same_problem(episode, report) or _fresh_incident(episode, report):
        return False
    limit = _silence_limit(episode)
    return limit is None or report.reported_on is None or report.reported_on <= limit


def _more_specific_part(current: str | None, new: str | None) -> str | None:
    if new is None:
        return current
    if current is None or current == "muscle":
        return new
    return current if new == "muscle" else new


def _moves_start(episode: EpisodeDraft, occurred_on: date | None) -> bool:
    """An injury day moves the start back, never forward (a later day is a setback)."""
    if occurred_on is None:
        return False
    if episode.first_day is not None and occurred_on > episode.first_day:
        return False
    return episode.started_on is None or occurred_on < episode.started_on


def _add(episode: EpisodeDraft, report: ReportFacts) -> None:
    episode.report_ids.append(report.report_id)
    episode.body_part = _more_specific_part(episode.body_part, report.body_part)
    episode.side = episode.side or report.side
    if report.diagnosis and (episode.diagnosis is None or report.diagnosis not in VAGUE_DIAGNOSES):
        episode.diagnosis = report.diagnosis
    episode.team = report.team or episode.team
    if episode.first_day is None:
        episode.first_day = report.reported_on
        episode.opened_by_return = report.status == "available"
    if _moves_start(episode, report.occurred_on):
        episode.started_on = report.occurred_on
    if report.reported_on is not None:
        episode.last_day = max(filter(None, (episode.last_day, report.reported_on)))
    if report.expected_latest is not None:
        episode.expected_latest = report.expected_latest
    if report.status == "available":
        if episode.ended_on is None:
            episode.ended_on = report.reported_on
        episode.status = "available"
    else:
        episode.ended_on = None  # a back-reference reporting him out again reopens it
        episode.status = report.status


STATUS_ORDER = {"out": 0, "doubtful": 1, "available": 2}


def _order(report: ReportFacts) -> tuple[date, int, str, int]:
    # On one day, reports of fitness come last, so sources that disagree that day
    # cannot split an episode in two: the episode closes on that day either way.
    return (
        report.reported_on or date.max,
        STATUS_ORDER.get(report.status, 0),
        report.article_id,
        report.report_id,
    )


def link_reports(reports: list[ReportFacts]) -> list[EpisodeDraft]:
    """Group one player's reports into episodes, oldest episode first."""
    episodes: list[EpisodeDraft] = []
    for report in sorted(reports, key=_order):
        current = episodes[-1] if episodes else None
        if current is None or not joins(current, report):
            current = EpisodeDraft()
            episodes.append(current)
        _add(current, report)
    for episode in episodes:
        if episode.started_on is None and not episode.opened_by_return:
            episode.started_on = episode.first_day
    return episodes
