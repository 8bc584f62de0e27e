"""Which sides play a named match: the article's main teams and the team facing an opponent.

When a sentence names only the opponent ("ruled out of Sunday's game
against Real Betis"), the other side is the nearest team of the same kind
just before the match words, else the team whose fixture list it is, else
the team the article is mostly about.  Also the sentence split the match
stage uses (one that keeps "Sept. 20" whole).
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from sidelined.events.match_anchors import TEAM_KINDS, Anchor, TeamSpan
from sidelined.events.match_details import team_key
from sidelined.events.text import Segment, sentences
from sidelined.models import Mention

_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$")


def match_sentences(text: str) -> list[Segment]:
    """Sentences, not cut after a month's short form ("on Sept. 20")."""
    return list(_sentences(text))


@lru_cache(maxsize=4)  # matches and transfers read the same article
def _sentences(text: str) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for seg in sentences(text):
        if out and text[seg.start].isdigit() and _MONTH_ABBREVIATION.search(text, out[-1].start, out[-1].end):
            out[-1] = Segment(out[-1].start, seg.end, out[-1].index)
            continue
        out.append(seg if seg.index == len(out) else Segment(seg.start, seg.end, len(out)))
    return tuple(out)


def focus_teams(mentions: list[Mention], teams: list[TeamSpan]) -> dict[str, TeamSpan]:
    """The article's main club and main national team: the ones named most (players count for their club)."""
    counts: dict[str, dict[str, int]] = {kind: {} for kind in TEAM_KINDS}
    first: dict[str, TeamSpan] = {}
    for t in teams:
        counted = counts[t.kind]
        counted[t.name] = counted.get(t.name, 0) + 2
        first.setdefault(t.name, t)
    clubs = counts["club"]
    for m in mentions:
        if m.kind == "player" and m.team:
            clubs[m.team] = clubs.get(m.team, 0) + 1
    out: dict[str, TeamSpan] = {}
    for kind, counted in counts.items():
        if counted:
            name = max(counted.items(), key=itemgetter(1))[0]  # the first named of the most named
            out[kind] = first.get(name, TeamSpan(name, -1, -1, kind))
    return out


_FORMER = re.compile(r"\b(?:former|ex-?|old|one-time)\s*$", re.I)
_OWN_REACH = 70


_HEADER_WORDS = frozenset((
    "fixtures", "fixture", "schedule", "run-in", "injuries", "injury", "news", "team", "latest", "squad", "lineup",
    "line-up", "predicted", "xi", "women", "men", "results", "games", "to", "come", "remaining", "the", "and",
))


def section_owner_of(text: str, seg: Segment, sent_teams: list[TeamSpan]) -> TeamSpan | None:
    """The team a heading line names ("Chelsea 2017/18 Fixtures", "ARSENAL", "Chelsea injuries"): the lines
    under it are about that team."""
    if len(sent_teams) != 1 or seg.end - seg.start > 60:
        return None
    team = sent_teams[0]
    rest = (text[seg.start : team.start] + " " + text[team.end : seg.end]).lower()
    words = re.findall(r"[a-z][a-z'-]*", rest)
    return team if all(w in _HEADER_WORDS for w in words) else None


def own_side(text: str, anchor: Anchor, sent_teams: list[TeamSpan], focus: dict[str, TeamSpan],
              section: TeamSpan | None, taken: list[TeamSpan]) -> TeamSpan | None:
    """The team playing the anchor's opponent.

    The nearest team of the same kind just before the match words (a
    subject, a possessive, "Juventus defender X"), else the team of the
    section it is in (a fixture list, a roundup), else the article's main
    team of that kind.
    A team that is the opponent in another match of the sentence is not a
    candidate ("the loss at Wigan ... the home draw with Hull City").
    """
    kind = anchor.opponent.kind
    opponent = team_key(anchor.opponent.name)
    earlier = [t for t in sent_teams if t.end <= anchor.phrase_start and t.kind == kind
               and team_key(t.name) != opponent and not _FORMER.search(text, max(0, t.start - 12), t.start)
               and t not in taken]
    if earlier and anchor.phrase_start - earlier[-1].end <= _OWN_REACH:
        return earlier[-1]
    if section is not None and section.kind == kind and team_key(section.name) != opponent:
        return TeamSpan(section.name, -1, -1, kind)
    main = focus.get(kind)
    if main is not None and team_key(main.name) != team_key(anchor.opponent.name):
        return TeamSpan(main.name, -1, -1, kind)
    return None
