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
from typing import NamedTuple

from sidelined.events.cues import cue_pattern
from sidelined.events.match_text import MATCH_NOUN, MATCH_NOUN_RE, REPORTING_LOW, RESULT_NOUN, RESULT_VERB
from sidelined.textcase import lowered

TEAM_KINDS = ("club", "national_team")


class TeamSpan(NamedTuple):  # a named tuple: made by the hundred per article, far cheaper than a frozen dataclass
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


_FILLER_WORDS = 3
_FILLER = r"(?:\s+(?!(?:and|or|but|while|who|which|after|before|on|in|against|v|vs|versus)\b)[\w'’.-]+){0,3}?"
# Each cue: the words naming the match, the home side they tell, the words the cue can end with, words one
# of which every cue of it contains (None: not worth a test), and the most words (runs of non-space) a cue of it
# spans (None: no bound).  A cue is followed by at most three words of _FILLER, so a cue whose ending ends none
# of the window's last four words cannot match there and is not tried, nor is one whose words the window lacks;
# and a bounded cue starts within the window's last `span + 3` words, so only those are searched.
_TO_WORDS = ("to", "against", "with", "over", "by")
_CUES: list[tuple[str, str | None, tuple[str, ...], tuple[str, ...] | None, int | None]] = [
    (rf"at\s+home\s+to|home\s+(?:{MATCH_NOUN}|draw|win|defeat|loss)\b[^.;]{{0,40}}?\b(?:against|with|to|over|by)",
     "own", _TO_WORDS, ("home",), None),
    (r"(?:the\s+)?visit\s+(?:of|by)|welcom(?:e|es|ed|ing)|host(?:s|ed|ing)?", "own",
     ("of", "by", "welcome", "welcomes", "welcomed", "welcoming", "host", "hosts", "hosted", "hosting"),
     ("visit", "welcom", "host"), 3),
    (r"trip\s+to|away\s+(?:to|at)|travel(?:s|led|ling)?\s+to|visit(?:s|ing)?", "opponent",
     ("to", "at", "visit", "visits", "visiting"), ("trip", "away", "travel", "visit"), 2),
    (rf"(?:{RESULT_NOUN}|won|lost|drew)\s+(?:[\w'’-]+\s+){{0,2}}?at|(?:{MATCH_NOUN})\s+(?:[\w'’-]+\s+){{0,2}}?at",
     "opponent", ("at",), None, 4),
    (
        r"against|versus|vs\.?|v\.?|over|beat(?:s|ing)?|edged|defeated|thrashed|hammered|routed|"
        r"face(?:s|d)?|facing|tak(?:e|es|ing)\s+on|took\s+on|meet(?:s|ing)?|play(?:s|ing|ed)?|(?:loss|defeat|lost)\s+(?:\d+-\d+\s+)?to|"
        r"(?:defeat|beaten|draw|drawn|held)\s+(?:\d+-\d+\s+)?by|(?:draw|drew|drawing)\s+(?:\d+-\d+\s+)?with|"
        r"(?:thrashing|demolition|dismantling|rout|hammering|drubbing|humbling|defeat)\s+of|"
        r"(?:clash|tie|meeting|game|match|showdown|derby|encounter|battle|friendly|qualifier|leg|final|fixture|date)"
        r"\s+with",
        None,
        ("against", "versus", "vs", "vs.", "v", "v.", "over", "beat", "beats", "beating", "edged", "defeated",
         "thrashed", "hammered", "routed", "face", "faces", "faced", "facing", "on", "meet", "meets", "meeting",
         "play", "plays", "playing", "played", "to", "by", "with", "of"),
        None,
        3,
    ),
]
# The patterns read lower-cased text (cues.lowered), whose offsets are the text's own.
_CUE_RES = [
    (cue_pattern(rf"\b(?:{p}){_FILLER}\s*$"), home, endings, words, None if span is None else span + _FILLER_WORDS)
    for p, home, endings, words, span in _CUES
]
_CUE_ENDINGS = tuple(sorted({word for _, _, endings, _, _ in _CUES for word in endings}))
_FOR_CUE = cue_pattern(r"\bfor(?:\s+the)?\s*$")
_OVER_NEEDS = cue_pattern(rf"\b(?:{RESULT_NOUN}|{RESULT_VERB})\b")
_PAIR_GAP = re.compile(r"^\s*(?:v\.?|vs\.?|versus|-|–|—)\s*$", re.I)
# "Chelsea 2-1 Arsenal": a result line, the first team's goals first.
RESULT_GAP = re.compile(r"^\s*(\d{1,2})\s?[-–—]\s?(\d{1,2})\s*$")
_HALF_TIME = cue_pattern(r"\b(?:half[- ]time|ht|half)\b[^\w]*$")
_AND_GAP = re.compile(r"^\s*(?:and|&)\s*$", re.I)
_COORD_GAP = cue_pattern(r"(?:,|\band\b|\bor\b|&)\s*$")
# "between Bayern Munich and perennial rival Borussia Dortmund"
_BETWEEN_AND = re.compile(r"^\s*(?:and|&)\s+(?:[a-z][\w-]*\s+){0,3}$")
_BETWEEN = cue_pattern(r"\bbetween\s*$")
# What may follow an opponent named without match words before it, tried in this order in one pattern: a
# fixture-list mark ("West Brom (A)"), "whom they face", a match noun ("the Arsenal game").
_AFTER_TEAM = cue_pattern(
    r"^(?:\s*\((?P<mark>h|a)\)"
    r"|(?P<whom>\s*,?\s*(?:whom|who|which)\s+(?:they|we|he|she)\s+(?:will\s+)?(?:face|play|meet|host))"
    rf"|(?P<noun>\s+(?:(?:league|cup|home|away)\s+)?{MATCH_NOUN}\b))"
)


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
    low = lowered(text)
    for i, team in enumerate(teams):
        if i in used_as_own:
            continue
        prev = teams[i - 1] if i > 0 else None
        nxt = teams[i + 1] if i + 1 < len(teams) else None
        floor = prev.end if prev is not None else sent_start
        # Windows are sliced, not searched in place: a cue's \b must see the window's edge as the text's.
        before_start = max(floor, team.start - 70)
        before = _Window(before_start, low[before_start : team.start])
        if nxt is not None:
            pair = _named_pair(text, low, sent_start, before, team, nxt)
            if pair is not None:
                anchors.append(pair)
                used_as_own.add(i + 1)
                continue
        anchor = _cued_anchor(text, low, team, before, low[team.end : min(sent_end, team.end + 60)])
        if anchor is None and prev is not None and anchors and anchors[-1].opponent == prev:
            anchor = _coordinated(low[prev.end : team.start], team, anchors[-1])
        if anchor is not None:
            anchors.append(anchor)
    return anchors


class _Window(NamedTuple):
    """The words before a team: where they start, and their lower-cased text."""

    start: int
    low: str


def _named_pair(text: str, low: str, sent_start: int, before: _Window, team: TeamSpan,
                nxt: TeamSpan) -> Anchor | None:
    """Both sides named together: "Chelsea 2-1 Arsenal", "Cardiff City v Manchester City", "between X and Y"."""
    gap = text[team.end : nxt.start]
    if RESULT_GAP.match(gap) and not _HALF_TIME.search(before.low):
        return Anchor(opponent=nxt, own=team, phrase_start=team.start, cue="result")
    if _PAIR_GAP.match(gap):
        pair_start = _between_start(low, sent_start, team.start)
        home = "own" if _V_WORD.search(low[team.end : nxt.start]) else None
        return Anchor(opponent=nxt, own=team, phrase_start=pair_start, home=home, cue="v")
    if _BETWEEN_AND.match(gap) and _BETWEEN.search(before.low):
        return Anchor(opponent=nxt, own=team, phrase_start=team.start, cue="between")
    return None


def _coordinated(gap: str, team: TeamSpan, last: Anchor) -> Anchor | None:
    """ "against Uruguay and Japan": the next opponent in a list shares the first one's match words."""
    if len(gap) > 60 or not _COORD_GAP.search(gap) or REPORTING_LOW.search(gap):
        return None
    return Anchor(opponent=team, own=last.own, phrase_start=team.start, home=last.home, cue="and",
                  coordinated_with=last)


_V_WORD = cue_pattern(r"\bv")


def _between_start(low: str, sent_start: int, start: int) -> int:
    found = _BETWEEN.search(low[max(sent_start, start - 12) : start])
    return start - len(found.group(0)) if found else start


def _cued_anchor(text: str, low: str, team: TeamSpan, before: _Window, after: str) -> Anchor | None:
    """The anchor named by match words just before the team ("against", "a 2-1 win over", "trip to")."""
    last_words = before.low.rsplit(None, _FILLER_WORDS + 1)[-_FILLER_WORDS - 1 :]
    ending_words = [word for word in last_words if word.endswith(_CUE_ENDINGS)]
    if not ending_words:
        return _uncued_anchor(text, team, before, after)
    for cue_re, home, endings, needed, most_words in _CUE_RES:
        if not _any_ends(ending_words, endings) or (needed is not None and not _any_in(needed, before.low)):
            continue
        m = cue_re.search(before.low, _words_start(before.low, most_words))
        if m is None:
            continue
        cue = text[before.start + m.start() : before.start + m.end()]
        word = cue.split()[0].lower()
        if word == "over" and not _OVER_NEEDS.search(low[max(0, before.start - 40) : team.start]):
            return None
        if word.startswith("visit") and "visit of" not in cue.lower() and "visit by" not in cue.lower():
            home = "opponent"
        return Anchor(opponent=team, phrase_start=before.start + m.start(), home=home, cue=cue.strip())
    return _uncued_anchor(text, team, before, after)


def _words_start(window: str, most_words: int | None) -> int:
    """Where the window's last `most_words` words begin (0 for no bound or a window of no more words)."""
    if most_words is None:
        return 0
    head_and_words = window.rsplit(None, most_words)
    return len(head_and_words[0]) if len(head_and_words) > most_words else 0


# Plain loops, not any() over a generator (ruff's SIM110): they are run for most teams of an article.
def _any_ends(words: list[str], endings: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110
        if word.endswith(endings):
            return True
    return False


def _any_in(needles: tuple[str, ...], haystack: str) -> bool:
    for needle in needles:  # noqa: SIM110
        if needle in haystack:
            return True
    return False


def _uncued_anchor(text: str, team: TeamSpan, before: _Window, after: str) -> Anchor | None:
    """Anchors named by what follows the team ("West Brom (A)", "whom they face") or a weak "for"."""
    found = _AFTER_TEAM.match(after)
    if found is not None and found.group("mark"):
        cue = text[team.end : team.end + found.end()].strip()
        home = "own" if found.group("mark") == "h" else "opponent"
        return Anchor(opponent=team, phrase_start=team.start, cue=cue, home=home)
    if found is not None and found.group("whom"):
        return Anchor(opponent=team, phrase_start=team.start, cue="whom they face")
    if found is not None:
        return Anchor(opponent=team, phrase_start=team.start, cue="team game", needs_close_date=True)
    if before.low.rstrip().endswith(("for", "the")) and _FOR_CUE.search(before.low):  # the cheap test first
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
