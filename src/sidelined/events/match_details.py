"""Details of a found match: final score, played or not, home team, competition.

Each helper reads only the sentence the match was named in (the venue,
the competition, the scoreline next to the match words); a fixture-list
header ("Cardiff City v Manchester City") takes its day from the lines
under it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from sidelined.events.match_anchors import Anchor, TeamSpan
from sidelined.events.match_dates import DayChoice
from sidelined.events.match_text import FUTURE_CUES, PAST_CUES, FinalScore, competitions_in, final_scores
from sidelined.events.text import Segment
from sidelined.models import TimeExpression

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase

_NAME_NOISE = {"fc", "cf", "afc", "sc", "ac", "the", "club", "de", "cd", "ud"}
_SCORE_REACH = 90


@lru_cache(maxsize=4096)
def team_key(name: str) -> str:
    """A comparison form of a team name: ASCII, lower case, no legal-form words."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    tokens = re.sub(r"[^a-z0-9 ]+", " ", folded).split()
    return " ".join(t for t in tokens if t not in _NAME_NOISE) or folded


class SentenceScores:
    """The final scores of one sentence, each given to the match phrase nearest to it."""

    def __init__(self, by_anchor: dict[int, FinalScore], unclaimed: list[FinalScore]) -> None:
        self._by_anchor = by_anchor
        self._unclaimed = unclaimed

    def pop(self, anchor_id: int) -> FinalScore | None:
        return self._by_anchor.pop(anchor_id, None)

    def unclaimed(self, sent_teams: list[TeamSpan]) -> list[tuple[str | None, FinalScore]]:
        """Scores naming no match, with whose result they are (the team named last before them), if said."""
        out: list[tuple[str | None, FinalScore]] = []
        for score in self._unclaimed:
            before = [t for t in sent_teams if t.end <= score.start]
            out.append((before[-1].name if before else None, score))
        return out


def scores_in_sentence(text: str, start: int, end: int, anchors: list[Anchor]) -> SentenceScores:
    by_anchor: dict[int, FinalScore] = {}
    unclaimed: list[FinalScore] = []
    for score in final_scores(text, start, end):
        best: Anchor | None = None
        best_distance = _SCORE_REACH + 1
        for anchor in anchors:
            if id(anchor) in by_anchor:
                continue
            left, right = anchor.phrase_start, anchor.opponent.end
            distance = 0 if left <= score.start < right else min(abs(score.end - left), abs(score.start - right))
            if distance < best_distance:
                best, best_distance = anchor, distance
        if best is None:
            unclaimed.append(score)
        else:
            by_anchor[id(best)] = score
    return SentenceScores(by_anchor, unclaimed)


def played_from_context(text: str, seg: Segment, anchor: Anchor, choice: DayChoice, published: date) -> bool:
    if choice.day != published:
        return choice.day < published
    lo = min(anchor.phrase_start, choice.start)
    hi = max(anchor.opponent.end, choice.end)
    window_start = max(seg.start, lo - 80)
    window_end = min(seg.end, hi + 80)
    nearest_past = _nearest(PAST_CUES, text, window_start, window_end, lo, hi)
    nearest_future = _nearest(FUTURE_CUES, text, window_start, window_end, lo, hi)
    return nearest_past < nearest_future


def _nearest(cues: re.Pattern[str], text: str, start: int, end: int, lo: int, hi: int) -> int:
    best = 10**6
    for m in cues.finditer(text, start, end):
        distance = 0 if lo <= m.start() < hi else min(abs(m.start() - hi), abs(lo - m.end()))
        best = min(best, distance)
    return best


def competition_near(text: str, lo: int, hi: int, phrase_start: int, phrase_end: int) -> tuple[int, int, str] | None:
    """The competition named nearest to the match phrase, between `lo` and `hi` (its stretch of the sentence)."""
    found = competitions_in(text, max(lo, phrase_start - 45), min(hi, phrase_end + 55))
    if not found:
        return None

    def distance(item: tuple[int, int, str]) -> int:
        s, e, _ = item
        if phrase_start <= s < phrase_end:
            return 0
        return min(abs(phrase_start - e), abs(s - phrase_end))

    return min(found, key=distance)


_HEADER = re.compile(r"^[^.!?]{3,70}$")
_PAIR_LINE = re.compile(r"\s(?:v|vs\.?)\s")


def header_day(text: str, seg: Segment, segments: list[Segment], days: list[TimeExpression],
               published: date) -> DayChoice | None:
    """A fixture-list header "X v Y": the day on a line of its own below it ("Sunday 4pm")."""
    if not _HEADER.match(seg.text(text)):
        return None
    for later in segments[seg.index + 1 : seg.index + 12]:
        if _PAIR_LINE.search(later.text(text)):
            return None
        for t in days:
            if later.start <= t.start <= later.start + 2 and t.value is not None:
                day = t.value
                if t.kind == "weekday" and day < published:  # a preview's "Sunday 4pm" is to come
                    day += timedelta(days=7 * ((published - day).days // 7 + 1))
                return DayChoice(day, t.start, t.end, t.text)
    return None


_VENUE = re.compile(
    r"\b(?:at|Venue:?)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*|de|del|la|of)(?:\s+(?:[A-Z][\w'’.-]*|de|del|la|of)){0,4})"
)


def venue_home(text: str, seg: Segment, anchor: Anchor, kb: KnowledgeBase | None,
               names: tuple[str, str]) -> tuple[str, int, int] | None:
    """The home team when the sentence names the ground: a team's own name in it, or its stadium in the KB."""
    grounds: dict[str, str | None] = {}  # asked of the KB once per team, however many places the sentence names
    for m in _VENUE.finditer(text, seg.start, seg.end):
        venue_key = team_key(m.group(1))
        for name in names:
            if team_key(name) and team_key(name) in venue_key and "stadium" in venue_key:
                return name, m.start(1), m.end(1)
            if name not in grounds:
                grounds[name] = _ground_of(kb, name)
            if _is_ground(grounds[name], venue_key):
                return name, m.start(1), m.end(1)
    return None


_GROUND_WORDS = {"stadium", "stadio", "estadio", "stade", "arena", "park", "ground"}


def _ground_of(kb: KnowledgeBase | None, name: str) -> str | None:
    """The team's stadium as the KB names it, without words like "stadium" or "park"; None if unknown."""
    team = kb.team(name) if kb is not None else None
    if team is None or not team.stadium:
        return None
    return " ".join(w for w in team_key(team.stadium).split() if w not in _GROUND_WORDS)


def _is_ground(ground: str | None, venue_key: str) -> bool:
    if ground is None:
        return False
    venue = " ".join(w for w in venue_key.split() if w not in _GROUND_WORDS)
    return len(venue) >= 5 and len(ground) >= 5 and (venue in ground or ground in venue)
