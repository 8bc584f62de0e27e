"""The teams a match extractor can see: linked mentions plus names the KB knows in match positions.

The entity stage links most team names; where it left one out in a place
where only a team can stand ("against Malaga", "FK Qarabag (A)", "Atletico
Madrid (H)"), the knowledge base is asked for the capitalised words there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from sidelined.events.cues import matches_at
from sidelined.events.match_anchors import TEAM_KINDS, TeamSpan
from sidelined.events.match_text import team_cue_places
from sidelined.models import Mention

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase, Team

_WORD = r"(?:[A-Z][\w'’.-]*|FC|SC|CF|AC|AS|de|del|da|di)"
_NAME = rf"({_WORD}(?:[ \t]+{_WORD}){{0,3}})"
_CUE = (
    r"(?:\bagainst|\bv\.?|\bvs\.?|\bversus|\bwith|\bto|\bover|\bat|\bhosts?|\bhosting|\bfaces?|\bfacing|\bbeat|"
    r"\bedged|\bby|\bvisit\s+of|\btake\s+on|\btakes\s+on)"
)
# Places where only a team can stand: after a match word (a short description may come between:
# "edged a tenacious Austria side"), before a fixture-list mark or "v", or opening a sentence.
_CUED = re.compile(rf"{_CUE}[ \t]+(?:(?:the|an?|[a-z][\w-]+)[ \t]+){{0,2}}({_NAME})")
# _CUED is tried only at the start of a word where one of its cues may open (match_text.TEAM_CUE_OPENINGS, found
# by Aho-Corasick in the lower-cased text with the article's phrases): far faster than the pattern scans the text.
# The lower-cased text holds those openings wherever the text does (and more, where _CUED fails at once).
# A fixture-list mark, "(H)" or "(A)", or a "v" between teams.  The spaces before one are found separately, and
# the two kinds apart: a pattern opening with a single literal is searched far faster than one opening with
# [ \t]* or with either of two characters.  Marks of the two kinds never overlap.
_MARK_CORES = [re.compile(r"\((?:H|A)\)"), re.compile(r"v(?<!\wv)s?\.?\s")]
_NAME_BEFORE = re.compile(rf"({_NAME})$")
_OPENING = re.compile(rf"(?:^|(?<=[.!?])[ \t]+)({_NAME})", re.M)
# _OPENING after the start of the text, led by a line break or by the space or tab after a sentence's end, so that
# only places holding one of those three characters are tried.
_AFTER_OPENING = re.compile(rf"(?:\n| (?<=[.!?] )[ \t]*|\t(?<=[.!?]\t)[ \t]*)({_NAME})")
_STOP = {
    "the", "real", "city", "united", "inter", "athletic", "sporting", "racing", "wednesday", "saturday", "sunday",
    "monday", "tuesday", "thursday", "friday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "england", "america", "national", "national team",
}


def match_teams(text: str, mentions: list[Mention], kb: KnowledgeBase | None) -> list[TeamSpan]:
    """Team spans in text order: the linked ones, then KB names in match positions the linker missed."""
    linked, covered, players = _sorted_out(mentions)
    if kb is not None:
        linked += _missed(text, kb, covered, players)
    linked.sort(key=lambda t: (t.start, -t.end))
    out: list[TeamSpan] = []
    for t in linked:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out


def _sorted_out(mentions: list[Mention]) -> tuple[list[TeamSpan], tuple[tuple[int, int], ...],
                                                    tuple[tuple[int, int], ...]]:
    """In one pass: the linked teams, the spans of every mention but players', and the players' spans."""
    linked: list[TeamSpan] = []
    covered: list[tuple[int, int]] = []
    players: list[tuple[int, int]] = []
    for m in mentions:
        kind = m.kind
        if kind == "player":
            players.append((m.start, m.end))
            continue
        covered.append((m.start, m.end))
        if kind in TEAM_KINDS:
            linked.append(TeamSpan(m.name, m.start, m.end, kind))
    return linked, tuple(covered), tuple(players)


def _candidates(text: str) -> list[tuple[int, tuple[str, ...], int]]:
    """(start, words, fewest words to try) for each place a team name may stand."""
    out = [(m.start(1), tuple(m.group(1).split()), 1) for m in _cued_names(text)]
    for mark_start in _mark_starts(text):
        before = _NAME_BEFORE.search(text, max(0, mark_start - 60), mark_start)
        if before is not None:
            out.append((before.start(1), tuple(before.group(1).split()), 1))
    out += [(m.start(1), tuple(m.group(1).split()), 2) for m in _openings(text)]
    return out


def _cued_names(text: str) -> list[re.Match[str]]:
    """_CUED's finds, as its finditer gives them: tried only at the start of a word opening one of its cues."""
    starts = team_cue_places(text)
    word_starts = [s for s in starts if s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_")]
    return matches_at(_CUED, text, word_starts)


def _mark_starts(text: str) -> list[int]:
    """Where each fixture-list mark ("(H)", "(A)", "v", "vs.") starts, taking in the spaces and tabs before it."""
    out: list[int] = []
    last_end = 0
    for core_start, core_end in sorted(m.span() for core in _MARK_CORES for m in core.finditer(text)):
        start = core_start
        while start > last_end and text[start - 1] in " \t":
            start -= 1
        out.append(start)
        last_end = core_end
    return out


def _openings(text: str) -> list[re.Match[str]]:
    """The names opening a line or a sentence, as _OPENING's finditer gives them (the name opening the text, then
    _AFTER_OPENING's finds, which hold the same names)."""
    first = _OPENING.match(text)
    if first is None:
        return list(_AFTER_OPENING.finditer(text))
    return [first, *_AFTER_OPENING.finditer(text, first.end())]


@lru_cache(maxsize=4)  # matches and transfers both ask for the same article
def _missed(text: str, kb: KnowledgeBase, covered: tuple[tuple[int, int], ...],
            players: tuple[tuple[int, int], ...]) -> tuple[TeamSpan, ...]:
    found: list[TeamSpan] = []
    taken = Spans(covered)
    player_spans = Spans(players)
    teams: dict[str, Team | None] = {}  # a name is often tried at several places
    for start, words, fewest in _candidates(text):
        for n in range(len(words), fewest - 1, -1):
            name = " ".join(words[:n]).rstrip(".,'’")
            end = start + len(name)
            if len(name) < 4 or name.lower() in _STOP or taken.overlaps(start, end):
                continue
            if player_spans.overlaps(start, end) and any(
                s < end and start < e and (e - s) >= len(name) for s, e in players
            ):
                continue
            if name not in teams:
                teams[name] = kb.team(name) if kb.may_name_team(name) else None
            team = teams[name]
            if team is not None:
                found.append(TeamSpan(team.name, start, end, team.kind))
                break
    return tuple(found)


class Spans:
    """Spans of text, asked whether any overlaps a stretch (by bisection, not a scan of them all)."""

    def __init__(self, spans: tuple[tuple[int, int], ...]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the furthest end among the spans up to each one
        self._furthest_end = list(accumulate([e for _, e in ordered], max))

    def overlaps(self, start: int, end: int) -> bool:
        before_end = bisect_left(self._starts, end)  # the spans starting before `end`
        return before_end > 0 and self._furthest_end[before_end - 1] > start
