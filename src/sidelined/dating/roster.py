"""Squads as dating clues: the players a text names at the clubs it names fit some years only.

An article naming Kimmich, Rudy and Hummels alongside Bayern Munich was
written when all three played there; the knowledge base's club history by
season tells which of several candidate days fits best.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:de |da |van |von |di )?[A-Z][\w'’-]+){1,2}\b")


class RosterClues:
    """How many players named in the text were at a club the text names, on a given day."""

    def __init__(self, text: str, kb: Any, team_names: set[str]) -> None:
        self.kb = kb
        self.team_names = team_names
        self.player_ids = _named_players(text, kb) if team_names else []
        self._support = lru_cache(maxsize=64)(self._count)

    def support(self, day: date) -> float:
        return float(self._support(day))

    def _count(self, day: date) -> int:
        count = 0
        for player_id in self.player_ids:
            try:
                club = self.kb.club_on(player_id, day)
            except (AttributeError, KeyError, TypeError):
                return 0
            count += club in self.team_names
        return count


def _named_players(text: str, kb: Any) -> list[str]:
    """Ids of knowledge-base players whose full name the text writes (one player per name)."""
    ids: list[str] = []
    for name in dict.fromkeys(match.group() for match in _FULL_NAME.finditer(text)):
        try:
            players = kb.players_named(name)
        except (AttributeError, KeyError, TypeError):
            return []
        if len(players) == 1 and players[0].id not in ids:
            ids.append(players[0].id)
    return ids
