"""Matches: every specific match the article places on a day, played or to come.

`extract_matches` reads each sentence for a named match (match_anchors),
works out the other side when only the opponent is named (the nearest team
before it in the sentence, else the article's main team of the same kind),
ties a day to it (match_dates), and adds the final score, home team and
competition when the text states them.  A match with no day is left out.
The knowledge base only supplies canonical names; the record follows the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sidelined.events.match_anchors import (
    RESULT_GAP,
    Anchor,
    TeamSpan,
    find_anchors,
    pair_anchor,
    team_spans,
)
from sidelined.events.match_dates import (
    DayChoice,
    day_for,
    days_later,
    pair_day,
    respective_days,
    settle_weekday,
    usable,
)
from sidelined.events.match_details import (
    competition_near,
    header_day,
    played_from_context,
    scores_in_sentence,
    team_key,
    venue_home,
)
from sidelined.events.match_sides import focus_teams, match_sentences, own_side, section_owner_of
from sidelined.events.match_teams import match_teams
from sidelined.events.match_text import MATCH_NOUN, FinalScore, derbies_in, final_scores, may_hold_score
from sidelined.events.text import Segment
from sidelined.models import Article, Evidence, Match, Mention, TimeExpression

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase


@dataclass
class _Found:
    day: date
    own: str
    opponent: str
    played: bool
    sentence: int
    score: dict[str, int] | None = None
    home: str | None = None
    competition: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> tuple[date, frozenset[str]]:
        return self.day, frozenset((team_key(self.own), team_key(self.opponent)))


@dataclass
class _LooseScore:
    """A final score with no day of its own, to be given to a match found elsewhere."""

    own: str | None  # None: the result of the side the article follows
    opponent: str | None
    score: FinalScore
    sentence: int


@dataclass
class _Reading:
    """One article as the match reader goes through it, sentence by sentence."""

    text: str
    published: date
    kb: KnowledgeBase | None
    teams: list[TeamSpan]
    focus: dict[str, TeamSpan]
    days: list[TimeExpression]
    segments: list[Segment]
    derbies: list[tuple[int, int, tuple[str, str]]]  # every named derby of the article
    found: list[_Found] = field(default_factory=list)
    loose: list[_LooseScore] = field(default_factory=list)
    last_day: date | None = None  # of the match named last, for "three days later"
    section: TeamSpan | None = None  # the team of the heading the sentence is under


def extract_matches(
    article: Article,
    mentions: list[Mention],
    timexes: list[TimeExpression],
    kb: KnowledgeBase | None,
) -> list[Match]:
    if article.published is None:
        return []
    text = article.text
    teams = match_teams(text, mentions, kb)
    reading = _Reading(text, article.published, kb, teams, focus_teams(mentions, teams),
                       usable(text, timexes, [(t.start, t.end) for t in teams]), match_sentences(text),
                       derbies_in(text, 0, len(text)))
    team_starts = [t.start for t in teams]
    team_ends = [t.end for t in teams]  # teams neither overlap nor repeat: their ends ascend too
    for seg in reading.segments:
        inside = teams[bisect_left(team_starts, seg.start) : bisect_right(team_ends, seg.end)]
        sent_teams = team_spans(text, inside, seg.start, seg.end) if inside else inside
        if sent_teams or (reading.derbies and derbies_in(text, seg.start, seg.end)):
            _read_sentence(reading, seg, sent_teams)
        elif may_hold_score(text, seg.start, seg.end):  # no match named: only a score for one named elsewhere
            _add_loose_scores(reading, seg, sent_teams)
    _attach_loose_scores(reading.found, reading.loose)
    return [_to_match(f) for f in _merge(reading.found)]


def _read_sentence(reading: _Reading, seg: Segment, sent_teams: list[TeamSpan]) -> None:
    text = reading.text
    anchors = _sided_anchors(reading, seg, sent_teams)
    reading.section = section_owner_of(text, seg, sent_teams) or reading.section
    if not anchors:
        _add_loose_scores(reading, seg, sent_teams)
        return
    spans = [(a.phrase_start, a.opponent.end) for a in anchors]
    scores = scores_in_sentence(text, seg.start, seg.end, anchors)
    dated = _days_of(text, seg, reading.segments, anchors, spans, reading.days, reading.last_day, reading.published)
    for i, (anchor, choice) in enumerate(zip(anchors, dated, strict=True)):
        assert anchor.own is not None
        score = scores.pop(id(anchor)) or _result_line(text, anchor)
        if choice is not None:
            clause_start = spans[i - 1][1] if i > 0 else seg.start
            choice = settle_weekday(text, choice, clause_start, max(anchor.opponent.end, choice.end),
                                    True if score is not None else None, reading.published)
        elif score is not None:
            choice = _day_in_next_sentence(text, reading.segments, seg, reading.days, reading.teams)
        if choice is None:
            if score is not None:
                reading.loose.append(_LooseScore(anchor.own.name, anchor.opponent.name, score, seg.index))
            continue
        reading.last_day = choice.day
        bounds = (spans[i - 1][1] if i > 0 else seg.start, spans[i + 1][0] if i + 1 < len(spans) else seg.end)
        reading.found.append(_build(text, reading.published, seg, anchor, choice, score, reading.kb, bounds))
    for owner, stated in scores.unclaimed(sent_teams):
        reading.loose.append(_LooseScore(owner, None, stated, seg.index))


def _add_loose_scores(reading: _Reading, seg: Segment, sent_teams: list[TeamSpan]) -> None:
    """The final scores of a sentence naming no match, each the result of the team named last before it, if any."""
    for score in final_scores(reading.text, seg.start, seg.end):
        owner = None
        for team in sent_teams:
            if team.end <= score.start:
                owner = team.name
        reading.loose.append(_LooseScore(owner, None, score, seg.index))


def _sided_anchors(reading: _Reading, seg: Segment, sent_teams: list[TeamSpan]) -> list[Anchor]:
    """The sentence's named matches, each with both sides worked out; one-sided ones are dropped."""
    anchors = find_anchors(reading.text, seg.start, seg.end, sent_teams)
    if len(sent_teams) > 1 or reading.derbies:
        anchors += _pairs_and_derbies(reading.text, seg, sent_teams, anchors, reading.kb, bool(reading.derbies))
    if not anchors:
        return anchors
    for anchor in anchors:
        if anchor.own is None and anchor.coordinated_with is not None:
            anchor.own = anchor.coordinated_with.own
        elif anchor.own is None:
            opponents = [a.opponent for a in anchors if a is not anchor and not a.needs_close_date]
            anchor.own = own_side(reading.text, anchor, sent_teams, reading.focus, reading.section, opponents)
    return [a for a in anchors if a.own is not None and team_key(a.own.name) != team_key(a.opponent.name)]


def _pairs_and_derbies(text: str, seg: Segment, sent_teams: list[TeamSpan], anchors: list[Anchor],
                       kb: KnowledgeBase | None, derbies: bool) -> list[Anchor]:
    """Teams named as a pair before a match noun, and named derbies (`derbies`: whether the article names one)."""
    out: list[Anchor] = []
    taken = {id(a.opponent) for a in anchors} | {id(a.own) for a in anchors if a.own}
    for first, second in zip(sent_teams, sent_teams[1:], strict=False):
        if id(first) in taken or id(second) in taken:
            continue
        pair = pair_anchor(text, seg.end, first, second)
        if pair is not None:
            out.append(pair)
    for start, end, names in derbies_in(text, seg.start, seg.end) if derbies else ():
        home_name, away_name = (_canonical(n, kb) for n in names)
        own = TeamSpan(home_name, start, end, "club")
        out.append(Anchor(opponent=TeamSpan(away_name, start, end, "club"), own=own, phrase_start=start,
                          cue="derby"))
    return out


def _canonical(name: str, kb: KnowledgeBase | None) -> str:
    team = kb.team(name) if kb is not None else None
    return team.name if team is not None else name


def _days_of(text: str, seg: Segment, segments: list[Segment], anchors: list[Anchor],
             spans: list[tuple[int, int]], days: list[TimeExpression], last_day: date | None,
             published: date) -> list[DayChoice | None]:
    """The day of each named match of a sentence, or None where none can be worked out."""
    if len(anchors) > 1 and text.find("respectively", seg.start, seg.end) >= 0:
        listed = respective_days(text, anchors[-1].opponent.end, seg.end, days)
        if len(listed) == len(anchors):
            return list(listed)
    out: list[DayChoice | None] = []
    for i, anchor in enumerate(anchors):
        others = spans[:i] + spans[i + 1 :]
        close = anchor.needs_close_date or anchor.cue == "derby"
        choice = day_for(text, anchor.phrase_start, anchor.opponent.end, seg.start, seg.end, days, others, close)
        if choice is None and anchor.cue == "and":
            choice = pair_day(text, anchor.opponent.end, seg.end, days)
        if choice is None and not close:
            base = next((c.day for c in reversed(out) if c is not None), last_day)
            floor = spans[i - 1][1] if i > 0 else seg.start
            choice = days_later(text, anchor.phrase_start, anchor.opponent.end, floor, base)
        if choice is None and anchor.cue == "v":
            choice = header_day(text, seg, segments, days, published)
        out.append(choice)
    return out


def _build(text: str, published: date, seg: Segment, anchor: Anchor, choice: DayChoice,
           score: FinalScore | None, kb: KnowledgeBase | None, bounds: tuple[int, int]) -> _Found:
    """The record of one dated match; `bounds` is the stretch of the sentence between its neighbours."""
    assert anchor.own is not None
    own, opp = anchor.own, anchor.opponent
    played = score is not None or played_from_context(text, seg, anchor, choice, published)
    found = _Found(choice.day, own.name, opp.name, played, seg.index)
    found.evidence.append(Evidence(field="match", start=min(anchor.phrase_start, opp.start), end=opp.end))
    found.evidence.append(Evidence(field="date", start=choice.start, end=choice.end))
    for team in (own, opp):
        if team.start >= 0:
            found.evidence.append(Evidence(field="teams", start=team.start, end=team.end))
    if score is not None and played:
        found.score = _oriented(score, own.name, opp.name)
        found.evidence.append(Evidence(field="score", start=score.start, end=score.end))
    found.evidence.append(Evidence(field="played", start=score.start if score else choice.start,
                                   end=score.end if score else choice.end))
    if anchor.home in ("own", "opponent"):
        found.home = own.name if anchor.home == "own" else opp.name
        cue_end = min(anchor.phrase_start + len(anchor.cue), opp.start) if anchor.cue else opp.end
        found.evidence.append(Evidence(field="home", start=anchor.phrase_start, end=max(cue_end, anchor.phrase_start)))
    else:
        venue = venue_home(text, seg, anchor, kb, (own.name, opp.name))
        if venue is not None:
            found.home = venue[0]
            found.evidence.append(Evidence(field="home", start=venue[1], end=venue[2]))
    first = anchor
    while first.coordinated_with is not None:  # "friendlies against Uruguay ... and Japan": the list's start
        first = first.coordinated_with
    if first is not anchor:
        lo = first.phrase_start - 45
    elif bounds[0] > seg.start:  # a match named after another: only its own clause
        lo = _clause_start(text, bounds[0], first.phrase_start)
    else:
        lo = bounds[0]
    competition = competition_near(text, max(lo, seg.start), min(bounds[1], seg.end), first.phrase_start, opp.end)
    if competition is None:
        competition = _own_league(text, max(lo, seg.start), min(bounds[1], seg.end), own.name, kb)
    if competition is not None:
        found.competition = competition[2]
        found.evidence.append(Evidence(field="competition", start=competition[0], end=competition[1]))
    return found


_CLAUSE_BREAK = re.compile(r",\s|\band\b|\bbefore\b|\bafter\b|\bthen\b|\bwhile\b")
_LEAGUE_WORD = re.compile(r"\bleague\s+(?:game|match|clash|fixture|action|win|defeat|loss|draw|meeting|encounter)\b")


def _clause_start(text: str, floor: int, phrase_start: int) -> int:
    """Where the words about this match begin: after the last clause break since the match before it."""
    breaks = list(_CLAUSE_BREAK.finditer(text, floor, phrase_start))
    return breaks[-1].start() if breaks else floor


def _own_league(text: str, lo: int, hi: int, own: str, kb: KnowledgeBase | None) -> tuple[int, int, str] | None:
    """ "a league game", "in league action": the league the KB has the team in."""
    found = _LEAGUE_WORD.search(text, lo, hi) if text.find("league", lo, hi) >= 0 else None
    team = kb.team(own) if kb is not None and found is not None else None
    if found is None or team is None or not team.league:
        return None
    return found.start(), found.start() + len("league"), team.league


def _day_in_next_sentence(text: str, segments: list[Segment], seg: Segment, days: list[TimeExpression],
                          teams: list[TeamSpan]) -> DayChoice | None:
    """A result named without a day, told on in the next sentence with one: "... hurt in the 4-1 win over
    Newcastle United. He was hurt early in the St Stephen's Day fixture at Old Trafford."
    """
    if seg.index + 1 >= len(segments):
        return None
    nxt = segments[seg.index + 1]
    if any(nxt.start <= t.start < nxt.end for t in teams):
        return None
    for t in days:
        if nxt.start <= t.start < nxt.end and t.value is not None and _THE_DAY_MATCH.match(text, t.end):
            return DayChoice(t.value, t.start, t.end, t.text)
    return None


_THE_DAY_MATCH = re.compile(rf"(?:['’]s)?\s+(?:{MATCH_NOUN})\b", re.I)


def _result_line(text: str, anchor: Anchor) -> FinalScore | None:
    """ "Chelsea 2-1 Arsenal": the score between the names, read as the first team's result."""
    if anchor.cue != "result" or anchor.own is None:
        return None
    found = RESULT_GAP.match(text[anchor.own.end : anchor.opponent.start])
    if found is None:
        return None
    first, second = int(found.group(1)), int(found.group(2))
    outcome = "draw" if first == second else "win" if first > second else "loss"
    start = anchor.own.end + found.start(1)
    return FinalScore(start, anchor.own.end + found.end(2), max(first, second), min(first, second), outcome)


def _oriented(score: FinalScore, own: str, opponent: str) -> dict[str, int]:
    if score.outcome == "loss":
        return {own: score.low, opponent: score.high}
    return {own: score.high, opponent: score.low}


def _attach_loose_scores(found: list[_Found], loose: list[_LooseScore]) -> None:
    """Give a final score stated apart from its match ("... to cruise to a 4-0 win") to the one played match it fits."""
    for item in loose:
        candidates = [
            f for f in found
            if f.played and f.score is None
            and (item.own is None or team_key(item.own) in {team_key(f.own), team_key(f.opponent)})
            and (item.opponent is None or team_key(item.opponent) in {team_key(f.own), team_key(f.opponent)})
            and (item.opponent is not None or abs(f.sentence - item.sentence) <= 3)
        ]
        if len({f.key for f in candidates}) != 1:
            continue
        target = candidates[0]
        if item.own is None or team_key(target.own) == team_key(item.own):
            target.score = _oriented(item.score, target.own, target.opponent)
        else:
            target.score = _oriented(item.score, target.opponent, target.own)
        target.evidence.append(Evidence(field="score", start=item.score.start, end=item.score.end))


def _merge(found: list[_Found]) -> list[_Found]:
    merged: dict[tuple[date, frozenset[str]], _Found] = {}
    for f in found:
        kept = merged.get(f.key)
        if kept is None:
            merged[f.key] = f
            continue
        kept.played = kept.played or f.played
        kept.score = kept.score or f.score
        kept.home = kept.home or f.home
        kept.competition = kept.competition or f.competition
        kept.evidence.extend(f.evidence)
    return list(merged.values())


def _to_match(f: _Found) -> Match:
    return Match(
        date=f.day,
        teams=(f.own, f.opponent),
        played=f.played,
        score=f.score if f.played else None,
        home=f.home,
        competition=f.competition,
        evidence=f.evidence,
    )
