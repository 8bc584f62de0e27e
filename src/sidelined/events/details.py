"""The fields of an injury report read from the clauses about one player:
body part, side, diagnosis, the day it happened, the expected return, the
fixtures missed and the source the news is attributed to."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sidelined.events.text import Segment
from sidelined.events.vocab import BODY_PATTERNS, DIAGNOSIS_PATTERNS
from sidelined.models import Evidence, ExpectedReturn, InjuryReport, Match, Mention, TimeExpression

_HYPOTHETICAL = re.compile(r"\b(if it'?s|whether|could be|might be|may be|or worse|rule out)\b", re.IGNORECASE)
_SIDE = re.compile(r"\b(left|right)\b[\w\s-]{0,25}$", re.IGNORECASE)

_HAPPENED = re.compile(
    r"\b(picked up|pick(?:ing)? up|sustain\w*|suffer\w*|injur\w*|hurt|forced off|limp\w* off|pulled up|"
    r"went down|taken off|carried off|stretchered|came off|was substituted|clutched|twisted|rolled|felt|"
    r"in (?:the|a|his|their) (?:\w+ )?(?:win|defeat|draw|loss|victory|game|match|clash)|during|against)\b",
    re.IGNORECASE,
)
_RETURN = re.compile(
    r"\b(return\w*|back\b|out for|out until|until|sidelined for|miss(?:ing)? (?:up to|around|about|at least)?|"
    r"expected to be out|layoff|lay-off|in contention|an option|comeback|weeks|months|recover\w* in|available)",
    re.IGNORECASE,
)
_MISS = re.compile(
    r"\b(miss\w*|ruled out of|without|absent|sidelined for|not (?:be )?available|unavailable|"
    r"won'?t (?:play|feature|be available)|will not (?:play|feature)|sit out|sits out|skip)\b",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"\b(?i:according to|reports? (?:from|by|in)|via|told|reported by|per)\s+"
    r"(?P<src>(?:the\s)?[A-Z][\w.'’&-]*(?:\s(?:[A-Z][\w.'’&-]*|de|of))*)"
)
_SAID = re.compile(r"\b(said|says|told|confirmed|revealed|admitted|explained|insisted|announced|added)\b")
_STATEMENT = re.compile(r"\b(?:club|team|federation)(?:'s)? (?:statement|said|confirmed|announced)\b|"
                        r"\b(?:said|confirmed|announced) (?:in )?a statement\b", re.IGNORECASE)


def _first_match(patterns: list[tuple[re.Pattern[str], str]], text: str, skip_muscle: bool
                 ) -> tuple[str, re.Match[str]] | None:
    best: tuple[str, re.Match[str]] | None = None
    for pattern, value in patterns:
        if skip_muscle and value == "muscle":
            continue
        m = pattern.search(text)
        if m and not _HYPOTHETICAL.search(text[max(0, m.start() - 30) : m.start()]) and (
                best is None or m.start() < best[1].start()):
            best = (value, m)
    return best


def fill_body(report: InjuryReport, text: str, segs: list[Segment]) -> None:
    """Body part (and its side) and diagnosis, from the nearest clause naming one."""
    for skip_muscle in (True, False):
        for seg in segs:
            found = _first_match(BODY_PATTERNS, text[seg.start : seg.end], skip_muscle)
            if found:
                value, m = found
                report.body_part = value
                start = seg.start + m.start()
                report.evidence.append(Evidence(field="body_part", start=start, end=seg.start + m.end()))
                side = _SIDE.search(text[max(seg.start, start - 30) : start + len(m.group(0))])
                if side is None:
                    side = re.match(r"\w*\s*(left|right)\b", m.group(0), re.IGNORECASE)
                if side:
                    report.side = side.group(1).lower()  # type: ignore[assignment]
                break
        if report.body_part:
            break
    for seg in segs:
        found = _first_match(DIAGNOSIS_PATTERNS, text[seg.start : seg.end], False)
        if found:
            report.diagnosis = found[0]
            m = found[1]
            report.evidence.append(Evidence(field="diagnosis", start=seg.start + m.start(),
                                            end=seg.start + m.end()))
            break


def _in(seg: Segment, t: TimeExpression) -> bool:
    return seg.start <= t.start < seg.end


def _day_of(t: TimeExpression) -> date | None:
    if t.value is not None:
        return t.value
    if t.kind == "weekday" and t.earliest is not None and t.earliest == t.latest:
        return t.earliest
    return None


def fill_dates(report: InjuryReport, text: str, segs: list[Segment], timexes: list[TimeExpression],
               matches: list[Match], published: date | None) -> None:
    if published is None:
        return
    match_days = {m.date for m in matches}
    earliest: date | None = None
    latest: date | None = None
    targets: list[date] = []
    missed: set[date] = set()
    for seg in segs:
        clause = text[seg.start : seg.end]
        here = [t for t in timexes if _in(seg, t)]
        for t in here:
            day = _day_of(t)
            before = text[seg.start : t.start]
            if day and day <= published and report.occurred_on is None and _HAPPENED.search(clause) \
                    and day >= published - timedelta(days=60) and t.kind in ("date", "weekday"):
                report.occurred_on = day
                report.evidence.append(Evidence(field="occurred_on", start=t.start, end=t.end))
            if day and day in match_days and _MISS.search(clause):
                missed.add(day)
            if t.kind == "duration" and _RETURN.search(clause) and (t.earliest or t.latest):
                if earliest is None and latest is None:
                    earliest, latest = t.earliest, t.latest
                    report.evidence.append(Evidence(field="expected_return", start=t.start, end=t.end))
            elif t.kind in ("month", "range") and re.search(r"\b(until|out|return|back)\b", before,
                                                             re.IGNORECASE) and (t.earliest and t.latest):
                if t.earliest > published and not targets:
                    targets.extend([t.earliest, t.latest])
            elif day and day > published and re.search(r"\b(return\w*|back|in contention|an option|available|"
                                                         r"comeback|until)\b", before, re.IGNORECASE):
                targets.append(day)
    if targets:
        if earliest is None and latest is None:
            earliest, latest = min(targets), max(targets)
        else:
            latest = max(targets)
    if earliest or latest:
        report.expected_return = ExpectedReturn(earliest=earliest, latest=latest)
    report.missed_fixtures = sorted(missed)


def find_source(text: str, segs: list[Segment], mentions: list[Mention]) -> str | None:
    """Who the news about this player is attributed to, nearest clause first."""
    people = [m for m in mentions if m.kind in ("person", "club", "national_team")]
    for seg in segs:
        clause = text[seg.start : seg.end]
        m = _SOURCE_AFTER.search(clause)
        if m:
            return _clean_source(m.group("src"))
        if _SAID.search(clause):
            for p in people:
                if seg.start <= p.start < seg.end and p.kind == "person":
                    return p.name
    return None


def _clean_source(raw: str) -> str:
    raw = re.sub(r"^the\s(?=[A-Z])", "", raw.strip())
    raw = re.sub(r"\s(?:and|of)$", "", raw)
    return raw.rstrip(".,")
