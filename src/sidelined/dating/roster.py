"""Squads and ages as dating clues, checked against the knowledge base's players.

An article naming Kimmich, Rudy and Hummels alongside Bayern Munich was
written when all three played there; "the 21-year-old" said of a player born
in June 2003 was written between June 2024 and June 2025.  For each candidate
day these clues count how much of the text fits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:de|da|van|von|di|dos)\s+)?[A-Z][\w'’-]*)+")
_WORD = re.compile(r"\S+")
_POSSESSIVE_ENDINGS = ("'s", "’s")
_AGE_BESIDE_NAME = re.compile(r"^(?:,\s*(?P<comma>\d{2}),|\s*\((?P<paren>\d{2})\))")
_AGE_DESCRIPTOR = re.compile(r"\b(?P<age>\d{2})-year-old\b")
_DESCRIPTOR_REACH = 400  # "the 21-year-old" refers to a player named shortly before
_AGE_WEIGHT = 2.0


@dataclass(frozen=True)
class NamedPlayer:
    player_id: str
    positions: tuple[int, ...]  # where the text names him, by full name or surname


class RosterClues:
    """How well a candidate day fits the players the text names: clubs and stated ages."""

    def __init__(self, text: str, kb: Any, team_names: set[str]) -> None:
        self.kb = kb
        self.team_names = team_names
        self.players = _named_players(text, kb)
        self.ages = _stated_ages(text, self.players)
        self._support = lru_cache(maxsize=64)(self._score)

    @property
    def empty(self) -> bool:
        return not self.players

    def support(self, day: date) -> float:
        return self._support(day)

    def _score(self, day: date) -> float:
        try:
            at_clubs = sum(self.kb.club_on(player.player_id, day) in self.team_names for player in self.players)
            age_fit = sum(self._age_fits(player_id, age, day) for player_id, age in self.ages)
        except (AttributeError, KeyError, TypeError):
            return 0.0
        return at_clubs + _AGE_WEIGHT * age_fit

    def _age_fits(self, player_id: str, age: int, day: date) -> int:
        """1 when the stated age fits the day, -1 when it cannot, 0 when the birth date is unknown."""
        player = self.kb.player(player_id)
        ages = player.age_on(day) if player is not None else None
        if not ages:
            return 0
        return 1 if ages[0] <= age <= ages[1] else -1


def _named_players(text: str, kb: Any) -> list[NamedPlayer]:
    """Knowledge-base players whose full name the text writes (names shared by several players skipped)."""
    found: dict[str, list[int]] = {}
    surnames: dict[str, str] = {}
    players_by_name: dict[str, list[Any]] = {}
    for name, end in _name_candidates(text):
        players = players_by_name.get(name)
        if players is None:
            try:
                players = players_by_name[name] = kb.players_named(name)
            except (AttributeError, KeyError, TypeError):
                return []
        if len(players) == 1:
            found.setdefault(players[0].id, []).append(end)
            surnames[name.split()[-1]] = players[0].id
    for surname, player_id in surnames.items():
        found[player_id].extend(_whole_word_ends(text, surname))
    return [NamedPlayer(player_id, tuple(sorted(set(ends)))) for player_id, ends in found.items()]


def _whole_word_ends(text: str, word: str) -> list[int]:
    """Where each whole-word `word` in `text` ends, as `\\bword\\b` finds them (str.find is far
    quicker than a pattern starting with \\b, which the regex engine tries at every position)."""
    ends = []
    position = text.find(word)
    while position != -1:
        end = position + len(word)
        if _word_boundary(text, position) and _word_boundary(text, end):
            ends.append(end)
            position = text.find(word, end)
        else:
            position = text.find(word, position + 1)
    return ends


def _word_boundary(text: str, position: int) -> bool:
    before = position > 0 and _is_word_char(text[position - 1])
    after = position < len(text) and _is_word_char(text[position])
    return before != after


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _name_candidates(text: str) -> list[tuple[str, int]]:
    """Every run of two or three capitalised words ("Bayern Munich's Jamal Musiala" gives
    "Bayern Munich", "Munich Jamal", "Jamal Musiala", ...) with where it ends."""
    candidates = []
    for run in _CAPITALISED_RUN.finditer(text):
        words: list[str] = []
        ends: list[int] = []
        for found in _WORD.finditer(run.group()):
            word = found.group()
            if word.endswith(_POSSESSIVE_ENDINGS):
                word = word[:-2]
            words.append(word)
            ends.append(run.start() + found.start() + len(word))
        for first in range(len(words) - 1):
            two = f"{words[first]} {words[first + 1]}"
            candidates.append((two, ends[first + 1]))
            if first + 2 < len(words):
                candidates.append((f"{two} {words[first + 2]}", ends[first + 2]))
    return candidates


def _stated_ages(text: str, players: list[NamedPlayer]) -> list[tuple[str, int]]:
    """(player id, age) for "Name, 27," / "Name (27)" and for "the 27-year-old" after a named player."""
    ages: list[tuple[str, int]] = []
    for player in players:
        for end in player.positions:
            beside = _AGE_BESIDE_NAME.match(text[end : end + 8])
            if beside:
                ages.append((player.player_id, int(beside.group("comma") or beside.group("paren"))))
    for match in _AGE_DESCRIPTOR.finditer(text):
        before = [
            (end, player.player_id)
            for player in players
            for end in player.positions
            if match.start() - _DESCRIPTOR_REACH <= end <= match.start()
        ]
        if before:
            ages.append((max(before)[1], int(match.group("age"))))
    return ages
