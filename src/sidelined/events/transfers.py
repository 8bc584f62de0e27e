"""Transfers: every reported move or approach for a player.

A sentence reports a move when it has transfer words (transfer_text), a
player and a club other than the player's own: "Real Madrid are ready to
offer €90m for Alexis Mac Allister" is a rumour of Mac Allister going from
Liverpool (his club on the day) to Real Madrid.  The player's club is the
origin; a club that bids "from" somewhere is still the buyer ("a bid for
Morata from Manchester United").  Contract renewals and players merely named
give nothing; headlines of other stories listed around an article are skipped.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sidelined.events.match_details import team_key
from sidelined.events.match_sides import match_sentences
from sidelined.events.text import Segment
from sidelined.events.transfer_text import (
    BUYER_FROM,
    MOVE_WORDS,
    NEGATED,
    RENEWAL,
    SELLER_BEFORE,
    cue_spans,
    euro_fee,
    source_in,
    status_of,
    stronger,
    trigger_positions,
)
from sidelined.models import Article, Evidence, Mention, Transfer, TransferStatus

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase

_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]\s)")
_DESCRIBES_PLAYER = re.compile(
    r"^\s*(?:['’]s?\s+|\s+(?:star|striker|forward|winger|midfielder|defender|full-back|centre-back|"
    r"goalkeeper|keeper|captain|playmaker|talisman|man)\b)",
    re.I,
)


@dataclass
class _Move:
    player: str
    to_team: str
    from_team: str | None
    status: TransferStatus
    fee: int | None = None
    source: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


def extract_transfers(article: Article, mentions: list[Mention], kb: KnowledgeBase | None) -> list[Transfer]:
    text = article.text
    players = [m for m in mentions if m.kind == "player"]
    clubs = [m for m in mentions if m.kind == "club"]
    people = [m for m in mentions if m.kind == "person"]
    main_club = _main_club(clubs)
    segments = match_sentences(text)
    outside_lists = _names_outside_lists(text, segments, players)
    moves: dict[tuple[str, str], _Move] = {}
    triggers = trigger_positions(text)
    for i, seg in enumerate(segments):
        first = bisect.bisect_left(triggers, seg.start)
        if first == len(triggers) or triggers[first] >= seg.end:
            continue
        clause = text[seg.start : seg.end]
        status = status_of(clause)
        if status is None or (RENEWAL.search(clause) and not MOVE_WORDS.search(clause)):
            continue
        in_list = _LIST_ITEM.match(clause) is not None
        sent_players = [p for p in players if seg.start <= p.start < seg.end and _may_move(text, p)]
        sent_clubs = [c for c in clubs if seg.start <= c.start < seg.end]
        side = _managers_side(text, seg, people, main_club)
        if side is not None:
            sent_clubs = sorted([*sent_clubs, side], key=lambda c: c.start)
        for player in _movers(text, seg, sent_players, players):
            if in_list and player.name not in outside_lists:
                continue
            for move in _moves_for(text, seg, player, sent_clubs, sent_players, status):
                if NEGATED.search(text, max(seg.start, player.start - 40), max(seg.start, player.start)):
                    continue
                _attribute(text, segments, i, move)
                _add(moves, move)
    return [_to_transfer(m) for m in moves.values()]


def _main_club(clubs: list[Mention]) -> Mention | None:
    counts = Counter(c.name for c in clubs)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return next(c for c in clubs if c.name == name)


def _names_outside_lists(text: str, segments: list[Segment], players: list[Mention]) -> set[str]:
    listed = [(s.start, s.end) for s in segments if _LIST_ITEM.match(text[s.start : s.end])]
    return {p.name for p in players if not any(a <= p.start < b for a, b in listed)}


_ROLE = re.compile(
    r"\b(?:boss|manager|coach|head\s+coach|agent|president|chairman|director|owner|pundit|journalist)\s*,?\s*$",
    re.I,
)
_DESCRIPTION_START = re.compile(
    r"\s*(?:He|She|(?:The|This|That)\s+(?:[\w'’-]+\s+){0,4}?(?:player|forward|striker|star|winger|midfielder|"
    r"defender|goalkeeper|international|winner|captain|youngster|talent)\b|"
    r"(?:The|This|That)\s+[A-Z][a-z]+(?:an|ian|ese|ish|i)\s+(?:has|had|is|was|will|would|could|moved|joined|signed|left|"
    r"wants|made|completed|agreed|remains)\b)"
)
_PLAYER_REACH = 90
# A person who targets or bids is the buyer's man, not the one moving ("He has targeted the Algerian").
_BUYER_VERB = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:targeted|offered|bid|tabled|submitted|wants\s+to\s+sign)\b", re.I
)


def _may_move(text: str, player: Mention) -> bool:
    """Not a manager or agent ("Red Devils boss Jose Mourinho"), not the injured man, not a guessed name."""
    if player.entity_id is None and player.score <= 0.6:
        return False
    before = text[max(0, player.start - 25) : player.start]
    if _ROLE.search(before) or re.search(r"\binjured\s+$", before, re.I):
        return False
    return _BUYER_VERB.match(text, player.end) is None


def _movers(text: str, seg: Segment, sent_players: list[Mention], players: list[Mention]) -> list[Mention]:
    """The player the move is about: the one named nearest the transfer words, with any joined to him by "and".

    A sentence that starts "He ..." or "The Argentine ..." with no player
    linked is about the player named last before it.
    """
    cues = cue_spans(text, seg.start, seg.end)
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


def _managers_side(text: str, seg: Segment, people: list[Mention], main_club: Mention | None) -> Mention | None:
    """The article's main club standing for "<manager>'s side" in this sentence."""
    if main_club is None:
        return None
    for m in _MANAGERS_SIDE.finditer(text, seg.start, seg.end):
        if any(p.start <= m.start(1) < p.end for p in people) or any(
            p.name.split()[-1] == m.group(1) for p in people
        ):
            return main_club.model_copy(update={"start": m.start(), "end": m.end()})
    return None


def _moves_for(text: str, seg: Segment, player: Mention, sent_clubs: list[Mention],
               sent_players: list[Mention], status: TransferStatus) -> list[_Move]:
    origin = _origin(text, seg, player, sent_clubs, sent_players, status)
    origin_key = team_key(origin.name) if origin is not None else None
    out = []
    for index, club in enumerate(sent_clubs):
        if team_key(club.name) == origin_key or _described(text, club, sent_players) is not None:
            continue
        if index > 0 and club.start - sent_clubs[index - 1].end <= 1:  # one name split in two ("Queen's Park Rangers")
            continue
        if SELLER_BEFORE.search(text[max(seg.start, club.start - 16) : club.start]) and not BUYER_FROM.search(
            text[max(seg.start, club.start - 60) : club.start]
        ):
            continue
        move = _Move(player.name, club.name, origin.name if origin else None, status)
        cue = min(cue_spans(text, seg.start, seg.end), key=lambda c: abs(c[0] - player.start), default=None)
        if cue is not None:
            move.evidence.append(Evidence(field="status", start=cue[0], end=cue[1]))
        if player.end > player.start:
            move.evidence.append(Evidence(field="player", start=player.start, end=player.end))
        move.evidence.append(Evidence(field="to_team", start=club.start, end=club.end))
        if origin is not None and origin.start >= 0:
            move.evidence.append(Evidence(field="from_team", start=origin.start, end=origin.end))
        fee = euro_fee(text, seg.start, seg.end)
        if fee is not None:
            move.fee = fee[0]
            move.evidence.append(Evidence(field="fee_eur", start=fee[1], end=fee[2]))
        out.append(move)
    return out


def _origin(text: str, seg: Segment, player: Mention, sent_clubs: list[Mention],
            sent_players: list[Mention], status: TransferStatus) -> Mention | None:
    """The club the player leaves: a club the sentence ties to him, else his club on the day.

    The sentence wins over the knowledge base, whose season lists may already
    show a January signing at his new club; the knowledge base's club is only
    used for rumours, as after a completed move it may be the new club.
    """
    for club in sent_clubs:  # "Juventus midfielder Dejan Kulusevski", "leave Crystal Palace"
        if _describes_someone(text, club, [player], player):
            return club
        before = text[max(seg.start, club.start - 16) : club.start]
        if SELLER_BEFORE.search(before) and not BUYER_FROM.search(text[max(seg.start, club.start - 60) : club.start]):
            return club
    known = player.team if status == "rumour" else None
    for club in sent_clubs:
        if known and team_key(club.name) == team_key(known):
            return club
    if known:
        return Mention(start=-1, end=-1, text="", kind="club", entity_id=None, name=known)
    return None


def _describes_someone(text: str, club: Mention, sent_players: list[Mention], player: Mention) -> bool:
    """Whether the club names `player`'s side ("Celtic's Kieran Tierney", "the Leicester star")."""
    described = _described(text, club, sent_players)
    return described is not None and described in ("", player.name)


def _described(text: str, club: Mention, sent_players: list[Mention]) -> str | None:
    """The player a club names the side of: his name, "" when the player is not linked, None for a buyer."""
    found = _DESCRIBES_PLAYER.match(text[club.end : club.end + 14])
    if found is None:
        return None
    # "Celtic's Kieran Tierney" names his side; "Manchester United's pursuit of Morata" names the buyer
    possessive = found.group(0).strip()[:1] in ("'", "’")
    reach = len(found.group(0)) + 1 if possessive else 25
    nearest = next((p for p in sent_players if 0 <= p.start - club.end <= reach), None)
    if nearest is not None:
        return nearest.name
    return None if possessive else ""


def _attribute(text: str, segments: list[Segment], index: int, move: _Move) -> None:
    seg = segments[index]
    found = source_in(text, seg.start, seg.end)
    if found is None and index + 1 < len(segments):
        following = segments[index + 1]
        if re.match(r"\s*(?:That['’]s|This\s+is|That\s+is)\s+according\s+to\b", text[following.start : following.end],
                    re.I):
            found = source_in(text, following.start, following.end)
    if found is not None:
        move.source = found[0]
        move.evidence.append(Evidence(field="source", start=found[1], end=found[2]))


def _add(moves: dict[tuple[str, str], _Move], move: _Move) -> None:
    key = (move.player, team_key(move.to_team))
    kept = moves.get(key)
    if kept is None:
        moves[key] = move
        return
    kept.status = stronger(kept.status, move.status)
    kept.fee = kept.fee or move.fee
    kept.source = kept.source or move.source
    kept.from_team = kept.from_team or move.from_team
    kept.evidence.extend(move.evidence)


def _to_transfer(move: _Move) -> Transfer:
    return Transfer(
        player=move.player,
        from_team=move.from_team,
        to_team=move.to_team,
        fee_eur=move.fee,
        status=move.status,
        source=move.source,
        evidence=move.evidence,
    )
