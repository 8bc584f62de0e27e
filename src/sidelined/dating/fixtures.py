"""Dated matches as dating clues, looked up in the knowledge base's fixtures.

"the 3-1 win over Club Bruges", "Eibar on February 17" and "Tuesday's friendly
against Japan" each name a match the knowledge base knows the day of; that
day places the event (and so the article) in its year.  The knowledge base is
optional: anything offering `teams` (id -> Team with `name`, `aliases`),
`fixtures(team, start, end)`, `results(team, goals)` (day, home and away of
each match with that score) and `fixtures_on_day(team, month, day)` works,
and without one these clues are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import Any

import ahocorasick
from rapidfuzz import fuzz

from sidelined.spans import first_and_longest

_SCORE = re.compile(r"(?<![\d.])(\d{1,2})\s*[-–]\s*(\d{1,2})(?![\d.%-])")
_RESULT_WORDS = re.compile(
    r"\b(?:win|wins|won|victory|beat|beaten|defeat|defeated|loss|lost|lose|draw|drew|drawn|thrashing|"
    r"thrashed|edged|triumph|stalemate|rout|routed|came back)\b",
    re.IGNORECASE,
)
_PROPER_PHRASE = re.compile(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*")
_MIN_ALIAS_CHARS = 3
_FUZZY_TEAM_SCORE = 85
_MAX_CANDIDATE_DAYS = 3
_WEEK = timedelta(days=7)
_FINDERS: dict[int, tuple[Any, ahocorasick.Automaton]] = {}
_MAX_FINDERS = 4


def _finder(kb: Any) -> ahocorasick.Automaton:
    """An automaton of every team name and alias of the knowledge base (built once per kb)."""
    cached = _FINDERS.get(id(kb))
    if cached is not None and cached[0] is kb:  # the kb is held, so its id cannot be reused
        return cached[1]
    automaton = ahocorasick.Automaton()
    for team in getattr(kb, "teams", {}).values():
        ambiguous = set(getattr(team, "ambiguous_aliases", ()))
        for surface in (team.name, *team.aliases):
            if len(surface) >= _MIN_ALIAS_CHARS and surface[0].isupper() and surface not in ambiguous:
                automaton.add_word(surface, (len(surface), team.name))
    automaton.make_automaton()
    if len(_FINDERS) >= _MAX_FINDERS:
        _FINDERS.clear()
    _FINDERS[id(kb)] = (kb, automaton)
    return automaton


def team_mentions(text: str, kb: Any) -> list[tuple[int, int, str]]:
    """(start, end, team name) for each whole-word team name in `text`, longest match first."""
    found: list[tuple[int, int, str]] = []
    for last, (length, name) in _finder(kb).iter(text):
        start, end = last - length + 1, last + 1
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        found.append((start, end, name))
    return first_and_longest(found)


class FixtureClues:
    """Match days the text refers to, resolved against the knowledge base's fixtures."""

    def __init__(self, text: str, kb: Any) -> None:
        self.text = text
        self.kb = kb
        self.mentions = team_mentions(text, kb)
        counts = Counter(name for _, _, name in self.mentions)
        self.main_team = counts.most_common(1)[0][0] if counts else None

    def teams_between(self, start: int, end: int) -> set[str]:
        return {name for s, e, name in self.mentions if s >= start and e <= end}

    def _sides(self, start: int, end: int) -> set[str]:
        """The teams a sentence is about: those it names, with the article's main team
        when it names fewer than two ("Atletico's 3-1 win over Club Bruges")."""
        teams = self.teams_between(start, end)
        return teams | {self.main_team} if self.main_team and len(teams) < 2 else teams

    def _lookup(self, method: str, *arguments: Any) -> list[Any]:
        """The knowledge base's answer to `method(*arguments)`, or none when it cannot give one."""
        try:
            return list(getattr(self.kb, method)(*arguments))
        except (AttributeError, KeyError, TypeError, ValueError):
            return []

    @staticmethod
    def _opponent_named(home: str, away: str, sides: set[str], phrases: list[str], seen: dict[str, bool]) -> bool:
        """Whether the sentence names both teams of a match, the other side perhaps loosely;
        `seen` keeps the answer for each opponent already looked at in this sentence."""
        if home in sides and away in sides:
            return True
        others = [name for name in (home, away) if name not in sides]
        if len(others) != 1:
            return False
        named = seen.get(others[0])
        if named is None:
            named = seen[others[0]] = any(fuzz.ratio(others[0], phrase) >= _FUZZY_TEAM_SCORE for phrase in phrases)
        return named

    def scored_matches(self, sentences: list[tuple[int, int]]) -> list[tuple[int, list[date]]]:
        """For each sentence reporting a result ("3-1 win over X"), the days such a match was played."""
        results = []
        for start, end in sentences:
            sentence = self.text[start:end]
            score = _SCORE.search(sentence)
            if not score or not _RESULT_WORDS.search(sentence):
                continue
            goals = (int(score.group(1)), int(score.group(2)))
            sides = self._sides(start, end)
            phrases = _PROPER_PHRASE.findall(sentence)
            seen: dict[str, bool] = {}
            days = {
                day
                for team in sides
                for day, home, away in self._lookup("results", team, goals)
                if self._opponent_named(home, away, sides, phrases, seen)
            }
            if 0 < len(days) <= _MAX_CANDIDATE_DAYS:
                results.append((start + score.start(), sorted(days)))
        return results

    def years_of_day(self, month: int, day: int, start: int, end: int) -> list[int]:
        """Years in which a team of the sentence played the article's main team (or another) that day."""
        sides = self._sides(start, end)
        if len(sides) < 2:
            return []
        return sorted(
            {
                fixture.date.year
                for team in sides
                for fixture in self._lookup("fixtures_on_day", team, month, day)
                if fixture.home in sides
                and fixture.away in sides
            }
        )

    def weekday_match(self, weekday: int, start: int, end: int, around: date, *, past: bool) -> date | None:
        """The day, in the week before (past) or after `around`, that teams of the sentence met on that weekday."""
        sides = self._sides(start, end)
        named = self.teams_between(start, end)
        if not named or len(sides) < 2:
            return None
        first, last = (around - _WEEK, around) if past else (around, around + _WEEK)
        days = {
            fixture.date
            for team in named
            for fixture in self._lookup("fixtures", team, first, last)
            if fixture.date.weekday() == weekday and fixture.home in sides and fixture.away in sides
        }
        return min(days, key=lambda day: abs((day - around).days)) if days else None
