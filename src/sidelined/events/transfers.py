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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sidelined.events.cues import cue_pattern
from sidelined.events.match_details import team_key
from sidelined.events.match_sides import match_sentences
from sidelined.events.match_teams import match_teams
from sidelined.events.text import Segment, clauses
from sidelined.events.transfer_people import (
    LIST_ITEM,
    main_club,
    managers_side,
    may_move,
    movers,
    names_outside_lists,
)
from sidelined.events.transfer_text import (
    BUYER_FROM,
    MOVE_WORDS,
    NEGATED,
    RENEWAL,
    SELLER_BEFORE,
    euro_fee,
    read_cues,
    source_in,
    stronger,
    trigger_positions,
)
from sidelined.models import Article, Evidence, Mention, Transfer, TransferStatus
from sidelined.textcase import lowered

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase

_DESCRIBES_PLAYER = cue_pattern(
    r"^\s*(?:['’]s?\s+|\s+(?:star|striker|forward|winger|midfielder|defender|full-back|centre-back|"
    r"goalkeeper|keeper|captain|playmaker|talisman|man)\b)"
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


@dataclass
class _Cast:
    """Who an article names, worked out only once a sentence of it reports a move."""

    players: list[Mention]
    clubs: list[Mention]
    people: list[Mention]
    followed: Mention | None  # the article's main club
    outside_lists: set[str]  # players named somewhere other than a list of other stories' headlines

    @classmethod
    def of(cls, text: str, mentions: list[Mention], kb: KnowledgeBase | None, segments: list[Segment]) -> _Cast:
        players = [m for m in mentions if m.kind == "player"]
        clubs = _clubs(text, mentions, kb)
        people = [m for m in mentions if m.kind == "person"]
        return cls(players, clubs, people, main_club(clubs), names_outside_lists(text, segments, players))


def extract_transfers(article: Article, mentions: list[Mention], kb: KnowledgeBase | None) -> list[Transfer]:
    text = article.text
    segments = match_sentences(text)
    moves: dict[tuple[str, str], _Move] = {}
    triggers = trigger_positions(text)
    low = lowered(text)
    cast: _Cast | None = None
    for i, seg in enumerate(segments):
        first = bisect.bisect_left(triggers, seg.start)
        if first == len(triggers) or triggers[first] >= seg.end:
            continue
        status, sentence_cues = read_cues(text, seg.start, seg.end)
        if status is None or _is_renewal(low[seg.start : seg.end]):
            continue
        if cast is None:  # most articles report no move: their people and clubs are never needed
            cast = _Cast.of(text, mentions, kb, segments)
        sent_players = [p for p in cast.players if seg.start <= p.start < seg.end and may_move(text, p)]
        sent_clubs = [c for c in cast.clubs if seg.start <= c.start < seg.end]
        side = managers_side(text, seg, cast.people, cast.followed)
        if side is not None:
            sent_clubs = sorted([*sent_clubs, side], key=lambda c: c.start)
        listed = LIST_ITEM.match(text, seg.start, seg.end) is not None
        for move in _sentence_moves(text, seg, sent_players, sent_clubs, cast.players, (status, sentence_cues)):
            if listed and move.player not in cast.outside_lists:
                continue  # a headline of another story listed around the article
            _attribute(text, segments, i, move)
            _add(moves, move)
    return [_to_transfer(m) for m in moves.values()]


def _clubs(text: str, mentions: list[Mention], kb: KnowledgeBase | None) -> list[Mention]:
    """Linked clubs, and the KB's clubs in places only a club can stand ("to join Al Ettifaq")."""
    linked = {(m.start, m.end): m for m in mentions if m.kind == "club"}
    return [
        linked.get((t.start, t.end))
        or Mention(start=t.start, end=t.end, text=text[t.start : t.end], kind="club", entity_id=None, name=t.name)
        for t in match_teams(text, mentions, kb)
        if t.kind == "club"
    ]


def _is_renewal(sentence: str) -> bool:  # `sentence` lower-cased
    """Staying put ("signed a new deal") is no move; refusing to ("will not extend his contract") may be one."""
    found = RENEWAL.search(sentence)
    if found is None or MOVE_WORDS.search(sentence):
        return False
    return not NEGATED.search(sentence[max(0, found.start() - 25) : found.start()])


def _sentence_moves(text: str, seg: Segment, sent_players: list[Mention], sent_clubs: list[Mention],
                    players: list[Mention], read: tuple[TransferStatus, list[tuple[int, int]]]) -> list[_Move]:
    """Moves clause by clause: "Rice completed his move to Arsenal, while Caicedo joined Chelsea".

    `read` is the sentence's status and transfer words (read_cues)."""
    out: list[_Move] = []
    low = lowered(text)
    status, sentence_cues = read
    sentence_movers = movers(text, seg, sent_players, players, sentence_cues)
    for part in clauses(text, seg):
        destinations = [c for c in sent_clubs if part.start <= c.start < part.end]
        if not destinations:
            continue
        part_status, part_cues = read_cues(text, part.start, part.end)
        part_players = [p for p in sent_players if part.start <= p.start < part.end]
        part_movers = movers(text, part, part_players, players, part_cues) if part_players else sentence_movers
        part_status = part_status or status
        cues = part_cues or sentence_cues
        for player in part_movers:
            cue = min(cues, key=lambda c: abs(c[0] - player.start), default=None)
            if cue is not None and NEGATED.search(low, max(seg.start, cue[0] - 25), cue[0]):
                continue  # "have no interest in", "will not join"
            # the player's own clause first when looking for the club he leaves
            nearby = destinations + [c for c in sent_clubs if c not in destinations]
            out += _moves_for(text, seg, player, nearby, destinations, sent_players, part_status, sentence_cues)
    return out


def _moves_for(text: str, seg: Segment, player: Mention, sent_clubs: list[Mention], destinations: list[Mention],
               sent_players: list[Mention], status: TransferStatus, cues: list[tuple[int, int]]) -> list[_Move]:
    """The moves of one player to the destinations; `cues` are the sentence's transfer words."""
    low = lowered(text)
    origin = _origin(text, seg, player, sent_clubs, sent_players, status)
    origin_key = team_key(origin.name) if origin is not None else None
    source = source_in(text, seg.start, seg.end)
    out = []
    for club in destinations:
        if team_key(club.name) == origin_key or _described(text, club, sent_players) is not None:
            continue
        if any(0 <= club.start - c.end <= 1 for c in sent_clubs):  # one name split in two ("Queen's Park Rangers")
            continue
        if source is not None and source[1] <= club.start < source[2]:  # "reports The Athletic"
            continue
        if SELLER_BEFORE.search(low[max(seg.start, club.start - 16) : club.start]) and not BUYER_FROM.search(
            low[max(seg.start, club.start - 60) : club.start]
        ):
            continue
        move = _Move(player.name, club.name, origin.name if origin else None, status)
        cue = min(cues, key=lambda c: abs(c[0] - player.start), default=None)
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


_PLAYER_OF = re.compile(r"\s+(?:of|at)\s+")


def _origin(text: str, seg: Segment, player: Mention, sent_clubs: list[Mention],
            sent_players: list[Mention], status: TransferStatus) -> Mention | None:
    """The club the player leaves: a club the sentence ties to him, else his club on the day.

    The sentence wins over the knowledge base, whose season lists may already
    show a January signing at his new club; the knowledge base's club is only
    used for rumours, as after a completed move it may be the new club.
    """
    low = lowered(text)
    for club in sent_clubs:  # "Juventus midfielder Dejan Kulusevski", "leave Crystal Palace", "Amrabat of Fiorentina"
        if _describes_someone(text, club, [player], player) or _PLAYER_OF.fullmatch(text, player.end, club.start):
            return club
        before = low[max(seg.start, club.start - 16) : club.start]
        if SELLER_BEFORE.search(before) and not BUYER_FROM.search(low[max(seg.start, club.start - 60) : club.start]):
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
    found = _DESCRIBES_PLAYER.match(lowered(text)[club.end : club.end + 14])
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
