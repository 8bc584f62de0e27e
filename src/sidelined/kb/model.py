"""The knowledge-base records that lookups hand out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

TeamKind = Literal["club", "national_team"]


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    kind: TeamKind
    country: str | None
    league: str | None
    aliases: tuple[str, ...]
    stadium: str | None = None
    ambiguous_aliases: tuple[str, ...] = ()
    prominence: int = 0


@dataclass(frozen=True, slots=True)
class Player:
    id: str
    name: str
    known_as: str
    born: date | None
    birth_year: int | None
    nationality: str | None
    position: str | None  # GK, DF, MF or FW
    position_detail: str | None  # e.g. "Centre-Back", "Right Winger" when a source gives it
    clubs: tuple[tuple[str, str], ...]  # (season, club name), oldest first
    aliases: tuple[str, ...] = ()
    club_ids: tuple[tuple[str, str], ...] = ()  # (season, team id)

    def age_on(self, day: date) -> tuple[int, int] | None:
        """Possible ages on a day: exact when the birth date is known, else a one-year range."""
        if self.born:
            years = day.year - self.born.year - ((day.month, day.day) < (self.born.month, self.born.day))
            return years, years
        if self.birth_year:
            return day.year - self.birth_year - 1, day.year - self.birth_year
        return None


@dataclass(frozen=True, slots=True)
class Fixture:
    date: date
    home: str
    away: str
    competition: str | None
    home_goals: int | None
    away_goals: int | None

    @property
    def played(self) -> bool:
        return self.home_goals is not None and self.away_goals is not None


@dataclass(frozen=True, slots=True)
class Coach:
    id: str
    name: str
    teams: tuple[str, ...]  # sides he led in 2014-2026 as far as the sources say, by canonical name
