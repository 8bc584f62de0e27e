"""Who a transfer sentence is about: the player moving, and the clubs that stand for a buyer.

The player is the one named nearest the transfer words (with any joined to
him by "and"); managers, agents and the injured man are not; a sentence
opening "He ..." or "The Argentine ..." is about the player named last.
"<Manager>'s side" stands for the club the article follows.
"""

from __future__ import annotations

import re
from collections import Counter

from sidelined.events.cues import cue_pattern
from sidelined.events.text import Segment
from sidelined.models import Mention
from sidelined.textcase import lowered

LIST_ITEM = re.compile(r"\s*(?:[-•*–]\s)")  # a list item's mark, matched where the sentence starts

_ROLE = cue_pattern(
    r"\b(?:boss|manager|coach|head\s+coach|agent|president|chairman|director|owner|pundit|journalist)\s*,?\s*$"
)
_INJURED = cue_pattern(r"\binjured\s+$")
_DESCRIPTION_START = re.compile(
    r"\s*(?:He|She|(?:The|This|That)\s+(?:[\w'’-]+\s+){0,4}?(?:player|forward|striker|star|winger|midfielder|"
    r"defender|goalkeeper|international|winner|captain|youngster|talent)\b|"
    r"(?:The|This|That)\s+[A-Z][a-z]+(?:an|ian|ese|ish|i)\s+(?:has|had|is|was|will|would|could|moved|joined|signed|left|"
    r"wants|made|completed|agreed|remains)\b)"
)
_PLAYER_REACH = 90
# A person who targets or bids is the buyer's man, not the one moving ("He has targeted the Algerian").
_BUYER_VERB = cue_pattern(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:targeted|offered|bid|tabled|submitted|wants\s+to\s+sign)\b"
)


def may_move(text: str, player: Mention) -> bool:
    """Not a manager or agent ("Red Devils boss Jose Mourinho"), not the injured man, not a guessed name."""
    if player.entity_id is None and player.score <= 0.6:
        return False
    low = lowered(text)
    before = low[max(0, player.start - 25) : player.start]
    if _ROLE.search(before) or _INJURED.search(before):
        return False
    return _BUYER_VERB.match(low, player.end) is None


def movers(text: str, seg: Segment, sent_players: list[Mention], players: list[Mention],
           cues: list[tuple[int, int]]) -> list[Mention]:
    """The player the move is about: the one named nearest the transfer words, with any joined to him by "and".

    A sentence that starts "He ..." or "The Argentine ..." with no player
    linked is about the player named last before it.  `cues` are the transfer words of `seg` (cue_spans).
    """
    if not sent_players:
        if not _DESCRIPTION_START.match(text, seg.start, seg.end):
            return []
        earlier = [p for p in players if p.end <= seg.start and p.via in ("name", "surname", "alias", "fuzzy")]
        return [earlier[-1].model_copy(update={"start": seg.start, "end": seg.start})] if earlier else []

    def distance(p: Mention) -> int:
        return min((0 if s <= p.start < e else min(abs(p.start - e), abs(s - p.end)) for s, e in cues),
                   default=10**6)

    best = min(sent_players, key=distance)
    if distance(best) > _PLAYER_REACH and len({p.name for p in sent_players}) > 1:
        return []
    out = [best]
    for other in sent_players:
        gap = text[min(best.end, other.end) : max(best.start, other.start)]
        if other.name != best.name and _JOINED.fullmatch(gap):  # "Zaha and Celtic's Kieran Tierney"
            out.append(other)
    return out


_JOINED = re.compile(r"\s*(?:,|and|&)\s*(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s\s+)?")
# "Emery's side", "Arteta's men": the club a manager named in the article leads.
_MANAGERS_SIDE = re.compile(r"\b([A-Z][\w'’-]+)['’]s\s+(?:side|men|team|charges|outfit)\b")


def managers_side(text: str, seg: Segment, people: list[Mention], main_club: Mention | None) -> Mention | None:
    """The article's main club standing for "<manager>'s side" in this sentence."""
    if main_club is None or (text.find("'s", seg.start, seg.end) < 0 and text.find("’s", seg.start, seg.end) < 0):
        return None
    for m in _MANAGERS_SIDE.finditer(text, seg.start, seg.end):
        if any(p.start <= m.start(1) < p.end for p in people) or any(
            p.name.split()[-1] == m.group(1) for p in people
        ):
            return main_club.model_copy(update={"start": m.start(), "end": m.end()})
    return None


def main_club(clubs: list[Mention]) -> Mention | None:
    counts = Counter(c.name for c in clubs)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return next(c for c in clubs if c.name == name)



def names_outside_lists(text: str, segments: list[Segment], players: list[Mention]) -> set[str]:
    listed = [(s.start, s.end) for s in segments if LIST_ITEM.match(text, s.start, s.end)]
    return {p.name for p in players if not any(a <= p.start < b for a, b in listed)}
