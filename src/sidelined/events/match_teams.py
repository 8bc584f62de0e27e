"""The teams a match extractor can see: linked mentions plus names the KB knows in match positions.

The entity stage links most team names; where it left one out in a place
where only a team can stand ("against Malaga", "FK Qarabag (A)", "Atletico
Madrid (H)"), the knowledge base is asked for the capitalised words there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sidelined.events.match_anchors import TEAM_KINDS, TeamSpan
from sidelined.models import Mention

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase

_WORD = r"(?:[A-Z][\w'’.-]*|FC|SC|CF|AC|AS|de|del|da|di)"
_NAME = rf"({_WORD}(?:[ \t]+{_WORD}){{0,3}})"
_BEFORE_CUE = re.compile(
    r"(?:\bagainst|\bv\.?|\bvs\.?|\bversus|\bwith|\bto|\bover|\bat|\bhosts?|\bhosting|\bfaces?|\bfacing|\bbeat|"
    r"\bedged|\bby|\bvisit\s+of|\btake\s+on|\btakes\s+on)\s+(?:(?:the|an?|[a-z][\w-]+)\s+){0,2}$"
)
_AFTER_MARK = re.compile(r"\s*(?:\((?:H|A)\)|v\.?\s|vs\.?\s)")
_STOP = {
    "the", "real", "city", "united", "inter", "athletic", "sporting", "racing", "wednesday", "saturday", "sunday",
    "monday", "tuesday", "thursday", "friday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "england", "america", "national", "national team",
}


def match_teams(text: str, mentions: list[Mention], kb: KnowledgeBase | None) -> list[TeamSpan]:
    """Team spans in text order: the linked ones, then KB names in match positions the linker missed."""
    linked = [TeamSpan(m.name, m.start, m.end, m.kind) for m in mentions if m.kind in TEAM_KINDS]
    if kb is not None:
        covered = [(m.start, m.end) for m in mentions if m.kind != "player"]
        players = [(m.start, m.end) for m in mentions if m.kind == "player"]
        linked += _missed(text, kb, covered, players)
    linked.sort(key=lambda t: (t.start, -t.end))
    out: list[TeamSpan] = []
    for t in linked:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out


def _missed(text: str, kb: KnowledgeBase, covered: list[tuple[int, int]],
            players: list[tuple[int, int]]) -> list[TeamSpan]:
    found: list[TeamSpan] = []
    for m in re.finditer(_NAME, text):
        start = m.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
            continue
        before = text[max(0, start - 20) : start]
        line_start = start == 0 or text[start - 1] == "\n" or re.search(r"[.!?]\s+$", text[max(0, start - 3) : start])
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).rstrip(".,'’")
            end = start + len(name)
            if name.lower() in _STOP or len(name) < 4:
                continue
            in_position = _BEFORE_CUE.search(before) or _AFTER_MARK.match(text, end) or (line_start and n > 1)
            if not in_position or any(s < end and start < e for s, e in covered):
                continue
            if any(s < end and start < e and (e - s) >= len(name) for s, e in players):
                continue
            team = kb.team(name)
            if team is not None:
                found.append(TeamSpan(team.name, start, end, team.kind))
                break
    return found
