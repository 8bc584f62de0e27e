"""The dated fields of an injury report: the day it happened, the expected
return window and the fixtures missed, from the time expressions and matches
found in the clauses about the player."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from sidelined.events.cues import cue_pattern, index_of
from sidelined.events.status import UNDECIDED
from sidelined.events.text import Segment
from sidelined.models import Evidence, ExpectedReturn, InjuryReport, Match, Mention, TimeExpression
from sidelined.textcase import lowered

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase

# The times inside each clause of a report's clauses, in the same order (read once per report).
Times = list[list[TimeExpression]]

# A team's coming fixtures within this many days are the ones a team-news article is about.
PREVIEW_DAYS = 7

_HAPPENED = cue_pattern(
    r"\b(picked up|pick(?:ing)? up|sustain\w*|suffer\w*|injur\w*|hurt|forced off|limp\w* off|pulled up|"
    r"went down|taken off|carried off|stretchered|came off|was substituted|clutched|twisted|rolled|felt|"
    r"in (?:the|a|his|their) (?:\w+ )?(?:win|defeat|draw|loss|victory|game|match|clash|final)|during|against|"
    r"incident|occurred|happened|leaving the pitch|ruptur\w*|tore|broke|fractur\w*|damag\w*|sprain\w*|"
    r"strained|went off)\b",
)
# A day that dates the telling, not the injury ("Arteta said on Friday").
_REPORTING = cue_pattern(r"\b(said|says|told|confirmed|revealed|announced|added|explained|reported|"
                        r"speaking|statement|press conference|training)\b[^.]{0,15}$")
_RETURN = cue_pattern(
    r"\b(return\w*|back\b|out for|out until|until|sidelined for|miss(?:ing)? (?:up to|around|about|at least)?|"
    r"expected to be out|layoff|lay-off|in contention|an option|comeback|weeks|months|recover\w* in|available|"
    r"out|sidelined)",
)
_RETURN_BEFORE = cue_pattern(r"\b(return\w*|back|in contention|an option|available|comeback|until|fit for|"
                            r"in time for|target\w*|aim\w* for|ready for)\b")
# A dated return to training is not a return to play.
_TRAINING_RETURN = cue_pattern(r"\b(?:return\w*|back) (?:to|in) (?:full |team |first-team )?training\b[^.;]*$")
# A long absence told as the state of things, not as team news for a game.
_LONG_TERM = cue_pattern(r"\b(long[- ]term|extended (?:time|period|spell)|comeback trail|yet to play|"
                        r"comeback from|since (?:early |late )?(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December|last season))\b")
_SPAN_CUE = cue_pattern(r"\b(until|out|return\w*|back)\b")
# Words that tie a return to a coming match ("back in the frame ahead of the clash").
_MATCH_RETURN = cue_pattern(r"\b(return\w* (?:for|against|in|at)|back (?:for|against|in the (?:frame|squad|side|team))|"
                           r"in contention|in the frame|an option|available (?:for|against)|fit (?:for|to face)|"
                           r"in time for|comeback (?:for|against|in))\b")
# A return that is denied, or only wished for ("desperate for him to be fit for the game").
_NEGATION = cue_pattern(r"\b(?:not|n['’]t|no longer|never|out of)\s+(?:\w+\s+)?$"
                       r"|\b(?:desperate|need\w*|want\w*|wish\w*|would love)\b[^.;]{0,40}$")
_MATCH_NOUN = cue_pattern(r"\b(clash|game|match|semi-final|final|derby|tie|fixture|leg|trip|visit|showdown|opener)\b")
# Words of getting hurt in a match (narrower than _HAPPENED: no bare "against" or "during").
_HURT = cue_pattern(r"\b(injur\w*|hurt|forced off|limp\w* off|went off|came off|taken off|carried off|stretchered|"
                    r"pulled up|picked up|sustain\w*|suffer\w*|ruptur\w*|tore|broke|fractur\w*|sprain\w*)\b")
_MISS = cue_pattern(
    r"\b(miss(?:es|ed|ing)?\b(?! training| a training| the training| practice)|ruled out of|without|absent|"
    r"sidelined for|not (?:be )?available|unavailable|won'?t (?:play|feature|be available|be involved)|"
    r"will not (?:play|feature|be involved)|sit out|sits out|skip|withdr[ae]wn? from|withdraws? from|"
    r"pulled out of|out of (?:the|this|next|Saturday|Sunday|Wednesday)|not be risked|not (?:be )?fit|"
    r"(?:not|out of) in contention|out of contention|not (?:be )?involved|won['’]?t travel|will not travel|"
    r"suspended for|(?:not be able|unable) to (?:join|play|feature|take part|face|travel))",
)


def _day_of(t: TimeExpression) -> date | None:
    if t.value is not None:
        return t.value
    if t.kind == "weekday" and t.earliest is not None and t.earliest == t.latest:
        return t.earliest
    return None


def _distance(t: TimeExpression, verbs: list[re.Match[str]]) -> int:
    """Characters from the nearest verb; a day written before the verb counts double."""
    return min(t.start - v.end() if t.start >= v.end() else 2 * (v.start() - t.end) for v in verbs)


def _hurt_in(report: InjuryReport, text: str, segs: list[Segment], mentions: list[Mention],
             times: Times, matches: list[Match], published: date) -> list[Match]:
    """Played matches a clause of getting hurt refers to ("went off injured in the win over Australia")."""
    played = [m for m in matches
              if m.played and m.date <= published and (report.team is None or report.team in m.teams)]
    found: list[Match] = []
    recent = [m for m in played if m.date >= published - timedelta(days=PREVIEW_DAYS)]
    for seg, inside in zip(segs, times, strict=True):
        if index_of(text).first(_HURT, seg.start, seg.end) is None:
            continue
        named = _matches_in(seg, played, mentions, inside, report.team)
        if not named and index_of(text).first(_MATCH_NOUN, seg.start, seg.end) and len(recent) == 1:
            named = recent  # "forced off minutes into a crucial La Liga match": the one match just played
        found += [m for m in named if m not in found]
    return found


def occurred_on(report: InjuryReport, text: str, segs: list[Segment], times: Times,
                published: date, hurt_in: list[Match]) -> None:
    """The day nearest to a word of getting hurt, in the first clause that has both; else the one
    match he is said to have been hurt in."""
    _occurred_from_days(report, text, segs, times, published)
    if report.occurred_on is None and len({m.date for m in hurt_in}) == 1:
        report.occurred_on = hurt_in[0].date
        report.evidence.extend(hurt_in[0].evidence[:1])


def _occurred_from_days(report: InjuryReport, text: str, segs: list[Segment], times: Times,
                        published: date) -> None:
    index = index_of(text)
    for seg, inside in zip(segs, times, strict=True):
        verbs = index.within(_HAPPENED, seg.start, seg.end)
        if not verbs:
            continue
        days = [t for t in inside if t.kind in ("date", "weekday")
                and (day := _day_of(t)) is not None and published - timedelta(days=60) <= day <= published
                and not _said_before(text, seg, t.start)]
        if not days:
            continue
        best = min(days, key=partial(_distance, verbs=verbs))
        report.occurred_on = _day_of(best)
        report.evidence.append(Evidence(field="occurred_on", start=best.start, end=best.end))
        return


def _said_before(text: str, seg: Segment, start: int) -> bool:
    """Whether a word of telling comes just before text[start] in the clause ("Arteta said on Friday")."""
    return index_of(text).may_match(_REPORTING, max(seg.start, start - 40), start) and \
        _REPORTING.search(lowered(text)[seg.start : start][-40:]) is not None


def _training_before(text: str, seg: Segment, start: int) -> bool:
    """Whether the words of the clause before text[start] tell a return to training."""
    return index_of(text).may_match(_TRAINING_RETURN, max(seg.start, start - 60), start) and \
        _TRAINING_RETURN.search(lowered(text)[seg.start : start][-60:]) is not None


def _return_days(seg: Segment, text: str, published: date, timexes: list[TimeExpression],
                 matches: list[Match], mentions: list[Mention], team: str | None) -> list[tuple[date, int, int]]:
    """Days a clause names as a target for his return: a dated day, or a coming match it refers to.  Only
    the times inside the clause are read (the caller may give just those)."""
    index = index_of(text)
    tied_to_match = index.may_match(_MATCH_RETURN, seg.start, seg.end)
    if not timexes and not tied_to_match:
        return []  # no day named and no match to name one
    clause = index.text[seg.start : seg.end]
    if index.may_match(_TRAINING_RETURN, seg.start, seg.end) and _TRAINING_RETURN.search(clause) and \
            not (tied_to_match and _MATCH_RETURN.search(clause)):
        return []
    found: list[tuple[date, int, int]] = []
    for t in timexes:
        day = _day_of(t) if seg.start <= t.start < seg.end else None
        if day is None or day <= published:
            continue
        before = index.text[max(seg.start, t.start - 80) : t.start]
        cues = list(_RETURN_BEFORE.finditer(before))
        if cues and not _NEGATION.search(before[: cues[-1].start()]):
            found.append((day, t.start, t.end))
    if found or not tied_to_match or \
            not any(not _NEGATION.search(clause[: m.start()]) for m in _MATCH_RETURN.finditer(clause)):
        return found
    coming = [m for m in matches if not m.played and m.date >= published and (team is None or team in m.teams)]
    named = _matches_in(seg, coming, mentions, timexes, team)
    if not named and _MATCH_NOUN.search(clause):
        soon = [m for m in coming if m.date <= published + timedelta(days=PREVIEW_DAYS)]
        named = soon if len({m.date for m in soon}) == 1 else []
    return [(m.date, seg.start, seg.end) for m in named]


def expected_return(report: InjuryReport, text: str, segs: list[Segment], times: Times,
                    published: date, matches: list[Match], mentions: list[Mention]) -> None:
    """A duration sets the window from publication; named target days set (or close) it; a month or a
    vaguer span counts only when no day is named."""
    window: tuple[date | None, date | None] | None = None
    spans: list[date] = []
    days: list[tuple[date, int, int]] = []
    evidence: list[Evidence] = []
    index = index_of(text)
    for seg, inside in zip(segs, times, strict=True):
        parenthetical = seg.start > 0 and text[seg.start - 1] == "("
        # A time told of a return to training never counts; that is looked for last, only for a time that would.
        for t in inside:
            if t.kind == "duration" and (t.earliest or t.latest) and index.first(_RETURN, seg.start, seg.end):
                if (window is None or (None in window and t.earliest and t.latest)) and \
                        not _training_before(text, seg, t.start):
                    window = (t.earliest, t.latest)
                    evidence.append(Evidence(field="expected_return", start=t.start, end=t.end))
            # Searched in place, not in a slice: a clause never starts right after a letter, so its first word
            # has the same word boundary either way.
            elif t.kind in ("month", "range") and t.earliest and t.latest and t.earliest > published \
                    and not spans and (parenthetical or _SPAN_CUE.search(index.text, seg.start, t.start)) \
                    and not _training_before(text, seg, t.start):
                spans += [t.earliest, t.latest]
                evidence.append(Evidence(field="expected_return", start=t.start, end=t.end))
        days += _return_days(seg, text, published, inside, matches, mentions, report.team)
    evidence += [Evidence(field="expected_return", start=s, end=e) for _, s, e in days]
    targets = [d for d, _, _ in days] or spans
    earliest, latest = window if window else (None, None)
    if targets:
        if window is None:
            earliest, latest = min(targets), max(targets)
        else:
            latest = max(targets)
    if earliest or latest:
        report.expected_return = ExpectedReturn(earliest=earliest, latest=latest)
        report.evidence.extend(evidence)


def _matches_in(seg: Segment, matches: list[Match], mentions: list[Mention], timexes: list[TimeExpression],
                own_team: str | None) -> list[Match]:
    """The matches a clause speaks of: by its day or the words it was found in, else by its opponent."""
    start, end = seg.start, seg.end
    days = {_day_of(t) for t in timexes if start <= t.start < end}
    named = [m for m in matches if m.date in days or any(start <= e.start < end for e in m.evidence)]
    if named:
        return named
    teams = {m.name for m in mentions if start <= m.start < end and m.kind in ("club", "national_team")}
    return [m for m in matches if any(t in teams and t != own_team for t in m.teams)]


def missed_fixtures(report: InjuryReport, text: str, segs: list[Segment], mentions: list[Mention],
                    times: Times, matches: list[Match], published: date | None,
                    ruled_out: bool, kb: KnowledgeBase | None = None) -> None:
    """Fixtures the clauses about him say he misses or missed, and, for a player ruled out, the
    coming fixtures of his team that the article previews."""
    missed: set[date] = set()
    index = index_of(text)
    own: list[Match] | None = None  # his sides' matches, worked out for the first clause of missing
    for seg, inside in zip(segs, times, strict=True):
        if index.first(_MISS, seg.start, seg.end) is None or index.first(UNDECIDED, seg.start, seg.end) is not None:
            continue
        if own is None:
            sides = {report.team, _national_side(report, kb)} - {None}
            own = [m for m in matches if not sides or sides & set(m.teams)]
        missed.update(m.date for m in _matches_in(seg, own, mentions, inside, report.team))
        if published is not None and kb is not None and report.team is not None:
            missed.update(_kb_fixtures_named(seg, inside, mentions, published, kb, report.team, missed))
    if ruled_out and published is not None and \
            not any(index.first(_LONG_TERM, seg.start, seg.end) for seg in segs):
        missed.update(m.date for m in matches if not m.played and report.team in m.teams
                      and published <= m.date <= published + timedelta(days=PREVIEW_DAYS))
    # The match he got hurt in, or is tipped to come back in, is not one he missed.
    missed -= {report.occurred_on} | _returns(report)
    report.missed_fixtures = sorted(missed)


def _national_side(report: InjuryReport, kb: KnowledgeBase | None) -> str | None:
    """The national team of a club player, whose games he misses when he cannot join up."""
    player = kb.player(report.player_id) if kb is not None and report.player_id else None
    if player is None or not player.nationality:
        return None
    side = kb.national_team(player.nationality) if kb is not None else None
    return side.name if side is not None else None


def _returns(report: InjuryReport) -> set[date | None]:
    er = report.expected_return
    return {er.earliest, er.latest} if er else set()


def _kb_fixtures_named(seg: Segment, timexes: list[TimeExpression], mentions: list[Mention], published: date,
                       kb: KnowledgeBase, team: str, known: set[date]) -> set[date]:
    """Fixtures of his team, by the knowledge base, that a miss clause names by day ("not in contention for
    Saturday") or by opponent ("out of the Hull City game"); a day among those already `known` is not asked
    about again."""
    out: set[date] = set()
    for t in timexes:
        if not (seg.start <= t.start < seg.end and t.kind in ("weekday", "date")):
            continue
        day = _day_of(t)
        if day and day not in known and abs((day - published).days) <= PREVIEW_DAYS and kb.fixtures(team, day, day):
            out.add(day)
    for m in mentions:
        if seg.start <= m.start < seg.end and m.kind in ("club", "national_team") and m.name != team:
            fixture = kb.fixture_between(team, m.name, published, window_days=PREVIEW_DAYS)
            if fixture is not None and fixture.date >= published:
                out.add(fixture.date)
    return out


def fill_dates(report: InjuryReport, text: str, segs: list[Segment], mentions: list[Mention],
               timexes: list[TimeExpression], matches: list[Match], published: date | None,
               ruled_out: bool = False, kb: KnowledgeBase | None = None) -> None:
    if published is None:
        return
    teams = [m for m in mentions if m.kind in ("club", "national_team")]  # the only mentions the dates read
    times = [[t for t in timexes if seg.start <= t.start < seg.end] for seg in segs]
    hurt_in = _hurt_in(report, text, segs, teams, times, matches, published)
    occurred_on(report, text, segs, times, published, hurt_in)
    expected_return(report, text, segs, times, published, matches, teams)
    missed_fixtures(report, text, segs, teams, times, matches, published, ruled_out, kb)
    report.missed_fixtures = [d for d in report.missed_fixtures if d not in {m.date for m in hurt_in}]
