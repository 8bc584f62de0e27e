"""Finding the places in a sentence where a match between two teams is named.

An anchor is a team the sentence sets against another: the opponent after
"against", "v", "a 2-1 win over", "trip to", "host", "the visit of"...,
or an explicit pair ("Cardiff City v Manchester City", "between Ukraine -
France", "Celtic and Rangers ... Sunday's showdown").  The other side of a
one-team anchor is worked out later from the sentence or the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sidelined.events.match_text import MATCH_NOUN, MATCH_NOUN_RE, REPORTING, RESULT_NOUN, RESULT_VERB

TEAM_KINDS = ("club", "national_team")


@dataclass(frozen=True)
class TeamSpan:
    name: str
    start: int
    end: int
    kind: str  # "club" or "national_team"


@dataclass
class Anchor:
    """One named match: its opponent (or both teams) and the words that name it."""

    opponent: TeamSpan
    own: TeamSpan | None = None  # set when the text names both sides
    phrase_start: int = 0  # where the words naming the match begin
    home: str | None = None  # "own", "opponent" or None
    cue: str = ""
    needs_close_date: bool = False  # a weak cue ("for Chelsea this Sunday") needs a day right after it
    coordinated_with: Anchor | None = None
    evidence: list[tuple[str, int, int]] = field(default_factory=list)


_FILLER = r"(?:\s+(?!(?:and|or|but|while|who|which|after|before|on|in|against|v|vs|versus)\b)[\w'’.-]+){0,3}?"
_CUES: list[tuple[str, str | None]] = [
    (rf"at\s+home\s+to|home\s+(?:{MATCH_NOUN}|draw|win|defeat|loss)\b[^.;]{{0,40}}?\b(?:against|with|to|over|by)",
     "own"),
    (r"(?:the\s+)?visit\s+(?:of|by)|welcom(?:e|es|ed|ing)|host(?:s|ed|ing)?", "own"),
    (r"trip\s+to|away\s+(?:to|at)|travel(?:s|led|ling)?\s+to|visit(?:s|ing)?", "opponent"),
    (rf"(?:{RESULT_NOUN}|won|lost|drew)\s+(?:[\w'’-]+\s+){{0,2}}?at|(?:{MATCH_NOUN})\s+(?:[\w'’-]+\s+){{0,2}}?at",
     "opponent"),
    (
        r"against|versus|vs\.?|v\.?|over|beat(?:s|ing)?|edged|defeated|thrashed|hammered|routed|"
        r"face(?:s|d)?|facing|tak(?:e|es|ing)\s+on|took\s+on|meet(?:s|ing)?|play(?:s|ing|ed)?|(?:loss|defeat|lost)\s+(?:\d+-\d+\s+)?to|"
        r"(?:defeat|beaten|draw|drawn|held)\s+(?:\d+-\d+\s+)?by|(?:draw|drew|drawing)\s+(?:\d+-\d+\s+)?with|"
        r"(?:thrashing|demolition|dismantling|rout|hammering|drubbing|humbling|defeat)\s+of|"
        r"(?:clash|tie|meeting|game|match|showdown|derby|encounter|battle|friendly|qualifier|leg|final|fixture|date)"
        r"\s+with",
        None,
    ),
]
_CUE_RES = [(re.compile(rf"\b(?:{p}){_FILLER}\s*$", re.I), home) for p, home in _CUES]
_FOR_CUE = re.compile(r"\bfor(?:\s+the)?\s*$", re.I)
_OVER_NEEDS = re.compile(rf"\b(?:{RESULT_NOUN}|{RESULT_VERB})\b", re.I)
_PAIR_GAP = re.compile(r"^\s*(?:v\.?|vs\.?|versus|-|–|—)\s*$", re.I)
# "Chelsea 2-1 Arsenal": a result line, the first team's goals first.
RESULT_GAP = re.compile(r"^\s*(\d{1,2})\s?[-–—]\s?(\d{1,2})\s*$")
_HALF_TIME = re.compile(r"\b(?:half[- ]time|HT|half)\b\W*$", re.I)
_AND_GAP = re.compile(r"^\s*(?:and|&)\s*$", re.I)
_COORD_GAP = re.compile(r"(?:,|\band\b|\bor\b|&)\s*$", re.I)
# "between Bayern Munich and perennial rival Borussia Dortmund"
_BETWEEN_AND = re.compile(r"^\s*(?:and|&)\s+(?:[a-z][\w-]*\s+){0,3}$")
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_FIXTURE_MARK = re.compile(r"^\s*\((H|A)\)", re.I)
_WHOM = re.compile(r"^\s*,?\s*(?:whom|who|which)\s+(?:they|we|he|she)\s+(?:will\s+)?(?:face|play|meet|host)", re.I)
_TEAM_THEN_NOUN = re.compile(rf"^\s+(?:(?:league|cup|home|away)\s+)?{MATCH_NOUN}\b", re.I)


def _possessive_after(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s") or text[end : end + 1] in ("'", "’")


def team_spans(text: str, teams: list[TeamSpan], start: int, end: int) -> list[TeamSpan]:
    """The team mentions of one sentence, without a possessive country before a club ("Iran's Esteghlal")."""
    inside = [t for t in teams if t.start >= start and t.end <= end]
    out: list[TeamSpan] = []
    for i, t in enumerate(inside):
        nxt = inside[i + 1] if i + 1 < len(inside) else None
        if (
            nxt is not None
            and t.kind == "national_team"
            and nxt.kind == "club"
            and _possessive_after(text, t.end)
            and nxt.start - t.end <= 4
        ):
            continue
        out.append(t)
    return out


def find_anchors(text: str, sent_start: int, sent_end: int, teams: list[TeamSpan]) -> list[Anchor]:
    """Every match-naming anchor of one sentence, in text order."""
    anchors: list[Anchor] = []
    used_as_own: set[int] = set()
    for i, team in enumerate(teams):
        if i in used_as_own:
            continue
        prev = teams[i - 1] if i > 0 else None
        nxt = teams[i + 1] if i + 1 < len(teams) else None
        floor = prev.end if prev is not None else sent_start
        before = text[max(floor, team.start - 70) : team.start]
        after = text[team.end : min(sent_end, team.end + 60)]
        if nxt is not None and RESULT_GAP.match(text[team.end : nxt.start]) and not _HALF_TIME.search(before):
            anchors.append(Anchor(opponent=nxt, own=team, phrase_start=team.start, cue="result"))
            used_as_own.add(i + 1)
            continue
        if nxt is not None and _PAIR_GAP.match(text[team.end : nxt.start]):
            pair_start = _between_start(text, sent_start, team.start)
            home = "own" if re.search(r"\bv", text[team.end : nxt.start], re.I) else None
            anchors.append(Anchor(opponent=nxt, own=team, phrase_start=pair_start, home=home, cue="v"))
            used_as_own.add(i + 1)
            continue
        if nxt is not None and _BETWEEN_AND.match(text[team.end : nxt.start]) and _BETWEEN.search(before):
            anchors.append(Anchor(opponent=nxt, own=team, phrase_start=team.start, cue="between"))
            used_as_own.add(i + 1)
            continue
        anchor = _cued_anchor(text, team, before, after)
        if anchor is None and prev is not None and anchors and anchors[-1].opponent == prev:
            gap = text[prev.end : team.start]
            if len(gap) <= 60 and _COORD_GAP.search(gap) and not REPORTING.search(gap):
                last = anchors[-1]
                anchor = Anchor(opponent=team, own=last.own, phrase_start=team.start, home=last.home,
                                cue="and", coordinated_with=last)
        if anchor is not None:
            anchors.append(anchor)
    return anchors


def _between_start(text: str, sent_start: int, start: int) -> int:
    found = re.search(r"\bbetween\s*$", text[max(sent_start, start - 12) : start], re.I)
    return start - len(found.group(0)) if found else start


_ANY_CUE = re.compile(
    r"\b(?:against|versus|vs|v|over|beat\w*|edged|defeated|thrashed|hammered|routed|fac\w+|tak\w+|took|meet\w*|"
    r"to|by|of|with|at|host\w*|welcom\w*|visit\w*|trip|travel\w*|play\w*)\b",
    re.I,
)


def _cued_anchor(text: str, team: TeamSpan, before: str, after: str) -> Anchor | None:
    if not _ANY_CUE.search(before):
        return _uncued_anchor(team, before, after)
    for cue_re, home in _CUE_RES:
        m = cue_re.search(before)
        if m is None:
            continue
        cue = m.group(0)
        word = cue.split()[0].lower()
        if word == "over" and not _OVER_NEEDS.search(text[max(0, team.start - len(before) - 40) : team.start]):
            return None
        if word.startswith("visit") and "visit of" not in cue.lower() and "visit by" not in cue.lower():
            home = "opponent"
        start = team.start - len(before) + m.start()
        return Anchor(opponent=team, phrase_start=start, home=home, cue=cue.strip())
    return _uncued_anchor(team, before, after)


def _uncued_anchor(team: TeamSpan, before: str, after: str) -> Anchor | None:
    """Anchors named by what follows the team ("West Brom (A)", "whom they face") or a weak "for"."""
    mark = _FIXTURE_MARK.match(after)
    if mark is not None:
        return Anchor(opponent=team, phrase_start=team.start, cue=mark.group(0).strip(),
                      home="own" if mark.group(1).upper() == "H" else "opponent")
    if _WHOM.match(after):
        return Anchor(opponent=team, phrase_start=team.start, cue="whom they face")
    if _TEAM_THEN_NOUN.match(after):
        return Anchor(opponent=team, phrase_start=team.start, cue="team game", needs_close_date=True)
    if _FOR_CUE.search(before):
        return Anchor(opponent=team, phrase_start=team.start, cue="for", needs_close_date=True)
    return None


def pair_anchor(text: str, sent_end: int, first: TeamSpan, second: TeamSpan) -> Anchor | None:
    """ "Celtic and Rangers ... Sunday's showdown": two teams joined by "and" before a match noun."""
    if not _AND_GAP.match(text[first.end : second.start]):
        return None
    rest = text[second.end : sent_end]
    if not MATCH_NOUN_RE.search(rest):
        return None
    return Anchor(opponent=second, own=first, phrase_start=first.start, cue="and")
