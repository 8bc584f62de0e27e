"""The loaded knowledge base and its lookups (teams, players, clubs by day, fixtures)."""

from __future__ import annotations

import bisect
import gzip
import json
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sidelined.kb.build import KB_FILE, PROVENANCE_FILE
from sidelined.kb.build_fixtures import EPOCH
from sidelined.kb.model import Coach, Fixture, Player, Team
from sidelined.kb.names import LEGAL_FORM_WORDS, club_key, club_key_of, key, season_of

_EPOCH_ORDINAL = EPOCH.toordinal()  # date.fromordinal is several times faster than adding a timedelta


def _shift_season(season: str, years: int) -> str:
    """The season `years` away from "2024-25"; the start year may have any number of digits."""
    start = int(season.split("-", 1)[0]) + years
    return f"{start}-{(start + 1) % 100:02d}"


def _previous_season(season: str) -> str:
    return _shift_season(season, -1)


def _next_season(season: str) -> str:
    return _shift_season(season, 1)


class KnowledgeBase:
    """Facts about teams, competitions, players and fixtures, with name lookups."""

    def __init__(self, facts: dict[str, Any], provenance: dict[str, Any] | None = None) -> None:
        self.provenance = provenance or {}
        self.teams: dict[str, Team] = {}
        self._national_by_country: dict[str, Team | None] = {}
        self._team_keys: dict[str, list[str]] = defaultdict(list)
        self._team_name_ids: dict[str, list[str]] | None = None
        self._first_words: frozenset[str] | None = None  # of every team lookup key, worked out on first use
        for row in facts["teams"]:
            self._add_team(row)
        for ids in self._team_keys.values():
            ids.sort(key=lambda tid: -self.teams[tid].prominence)
        self._competitions: dict[str, str] = {}
        self.competition_names: list[str] = []
        self._competition_aliases: dict[str, tuple[str, ...]] = {}
        for name, _kind, aliases in facts["competitions"]:
            self.competition_names.append(name)
            self._competition_aliases[name] = tuple(aliases)
            for spelling in (name, *aliases):
                self._competitions.setdefault(key(spelling), name)
        self.players: dict[str, Player] = {}
        self._player_keys: dict[str, list[str]] = defaultdict(list)
        self._squads: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._season_cache: dict[str, dict[str, list[str]]] = {}
        self._teams_cache: dict[str, frozenset[str]] = {}
        for row in facts["players"]:
            self._add_player(row)
        self.coaches: dict[str, Coach] = {}
        for coach_id, name, team_ids in facts.get("coaches", []):
            self.coaches[coach_id] = Coach(coach_id, name, tuple(self.teams[t].name for t in team_ids))
        self._load_fixtures(facts["fixture_competitions"], facts["fixtures"])

    # ------------------------------------------------------------------ teams
    def _add_team(self, row: list[Any]) -> None:
        team_id, name, kind, country, league, stadium, aliases, ambiguous, prominence = row
        team = Team(team_id, name, kind, country, league, tuple(aliases), stadium, tuple(ambiguous), prominence)
        self.teams[team_id] = team
        for spelling in (name, *aliases):
            spelling_key = key(spelling)
            for lookup in {spelling_key, club_key_of(spelling_key)}:
                if team_id not in self._team_keys[lookup]:
                    self._team_keys[lookup].append(team_id)

    def teams_named(self, name_or_alias: str) -> list[Team]:
        """Every team a name may stand for, the most prominent first."""
        if name_or_alias in self.teams:
            return [self.teams[name_or_alias]]
        ids = self._ids_by_team_name().get(name_or_alias)
        if ids is None:
            ids = self._ids_by_spelling(name_or_alias)
        return [self.teams[tid] for tid in ids]

    def _ids_by_spelling(self, spelling: str) -> list[str]:
        return self._team_keys.get(key(spelling)) or self._team_keys.get(club_key(spelling)) or []

    def _ids_by_team_name(self) -> dict[str, list[str]]:
        """The answer for each team's own name, worked out once: the later stages ask by those names
        (fixtures, links) far more often than by any other spelling."""
        if self._team_name_ids is None:
            self._team_name_ids = {team.name: self._ids_by_spelling(team.name) for team in self.teams.values()}
        return self._team_name_ids

    def team(self, name_or_alias: str) -> Team | None:
        found = self.teams_named(name_or_alias)
        return found[0] if found else None

    def may_name_team(self, name: str) -> bool:
        """False only when `team(name)` is None, told from the name's first word alone, so that it is None too
        for every name opening with that word: far cheaper than a lookup for the many capitalised words that
        name no team.  A first word of other than plain letters is not judged (True)."""
        first = name.partition(" ")[0]  # the whole name when it holds a tab or such: then not judged
        if not (first.isalpha() and first.isascii()):
            return True
        word = first.lower()  # the first word of the name's key, and of its club key unless a legal form
        return word in (self._first_words or self._team_key_first_words()) or word in LEGAL_FORM_WORDS

    def _team_key_first_words(self) -> frozenset[str]:
        self._first_words = frozenset(spelling.split(" ", 1)[0] for spelling in self._team_keys)
        return self._first_words

    def national_team(self, country: str) -> Team | None:
        if country not in self._national_by_country:
            found = next((t for t in self.teams_named(country) if t.kind == "national_team"), None)
            self._national_by_country[country] = found
        return self._national_by_country[country]

    # ----------------------------------------------------------- competitions
    def competition(self, name: str) -> str | None:
        return self._competitions.get(key(name))

    def competition_aliases(self, name: str) -> tuple[str, ...]:
        return self._competition_aliases.get(name, ())

    # ---------------------------------------------------------------- players
    def _add_player(self, row: list[Any]) -> None:
        player_id, name, known_as, born, birth_year, nationality, position, detail, clubs, aliases = row
        club_ids = tuple((season, team_id) for season, team_id in clubs)
        player = Player(
            player_id,
            name,
            known_as,
            date.fromisoformat(born) if born else None,
            birth_year,
            nationality,
            position,
            detail,
            tuple((season, self.teams[tid].name) for season, tid in club_ids),
            tuple(aliases),
            club_ids,
        )
        self.players[player_id] = player
        for season, team_id in club_ids:
            self._squads[(team_id, season)].append(player_id)
        for spelling in {name, *aliases}:
            self._player_keys[key(spelling)].append(player_id)

    def player(self, player_id: str) -> Player | None:
        return self.players.get(player_id)

    def players_named(self, full_name: str) -> list[Player]:
        return [self.players[pid] for pid in self._player_keys.get(key(full_name), [])]

    def squad(self, team_id: str, season: str) -> list[Player]:
        """Players known at a club in a season."""
        return [self.players[pid] for pid in self._squads.get((team_id, season), [])]

    def club_ids_on(self, player_id: str, day: date) -> list[str]:
        """Team ids of his club(s) in the season of that day, the likelier first."""
        player = self.players.get(player_id)
        if player is None or not player.club_ids:
            return []
        by_season = self._seasons_of(player)
        season = season_of(day)
        options = by_season.get(season)
        if not options and day.month in (7, 8):
            options = by_season.get(_previous_season(season))
        if not options:
            return []
        if len(options) > 1:
            # Moved within the season: the club of the season before is the earlier one.
            late = day.month < 7
            neighbour = set(by_season.get(_next_season(season) if late else _previous_season(season), []))
            options = sorted(options, key=lambda tid: tid not in neighbour)
        return options

    def team_ids_of(self, player_id: str) -> frozenset[str]:
        """Every club he has played for in our data."""
        found = self._teams_cache.get(player_id)
        if found is None:
            player = self.players.get(player_id)
            found = frozenset(t for _, t in player.club_ids) if player else frozenset()
            self._teams_cache[player_id] = found
        return found

    def _seasons_of(self, player: Player) -> dict[str, list[str]]:
        found = self._season_cache.get(player.id)
        if found is None:
            found = defaultdict(list)
            for season, team_id in player.club_ids:
                found[season].append(team_id)
            self._season_cache[player.id] = found
        return found

    def club_on(self, player_id: str, day: date) -> str | None:
        options = self.club_ids_on(player_id, day)
        return self.teams[options[0]].name if options else None

    # --------------------------------------------------------------- fixtures
    def _load_fixtures(self, competitions: list[str], rows: list[list[Any]]) -> None:
        self._fixture_competitions = competitions
        self._fixture_rows = rows
        self._fixtures_by_team: dict[str, list[int]] = defaultdict(list)
        for index, row in enumerate(rows):
            self._fixtures_by_team[row[1]].append(index)
            self._fixtures_by_team[row[2]].append(index)
        self._fixture_days = {tid: [rows[i][0] for i in idx] for tid, idx in self._fixtures_by_team.items()}
        self._results_index: dict[tuple[str, int, int], list[int]] | None = None

    def _results_by_score(self) -> dict[tuple[str, int, int], list[int]]:
        """(team id, fewer goals, more goals) -> rows of its played matches with that score, in date order.
        Built on first use: only undated articles that report a result need it."""
        if self._results_index is None:
            index: dict[tuple[str, int, int], list[int]] = defaultdict(list)
            for number, (_, home, away, _, home_goals, away_goals) in enumerate(self._fixture_rows):
                if home_goals is None or away_goals is None:
                    continue
                low, high = (home_goals, away_goals) if home_goals <= away_goals else (away_goals, home_goals)
                index[home, low, high].append(number)
                index[away, low, high].append(number)
            self._results_index = dict(index)
        return self._results_index

    def _fixture(self, row: list[Any]) -> Fixture:
        day, home, away, competition, home_goals, away_goals = row
        return Fixture(
            date.fromordinal(_EPOCH_ORDINAL + day),
            self.teams[home].name,
            self.teams[away].name,
            self._fixture_competitions[competition],
            home_goals,
            away_goals,
        )

    def _team_ids_for_fixtures(self, team: str) -> list[str]:
        return [t.id for t in self.teams_named(team) if t.id in self._fixtures_by_team][:1]

    def fixtures(self, team: str, start: date, end: date) -> list[Fixture]:
        """Matches of a team from start to end, both days included, in date order."""
        found: list[Fixture] = []
        for team_id in self._team_ids_for_fixtures(team):
            days = self._fixture_days[team_id]
            low = bisect.bisect_left(days, (start - EPOCH).days)
            high = bisect.bisect_right(days, (end - EPOCH).days)
            found.extend(self._fixture(self._fixture_rows[i]) for i in self._fixtures_by_team[team_id][low:high])
        return found

    def results(self, team: str, goals: tuple[int, int]) -> list[tuple[date, str, str]]:
        """(day, home, away) of each played match of a team that ended with these goals, either side
        scoring either, in date order: lighter than whole fixtures, as a score recurs over the seasons."""
        low, high = sorted(goals)
        by_score = self._results_by_score()
        found: list[tuple[date, str, str]] = []
        for team_id in self._team_ids_for_fixtures(team):
            for index in by_score.get((team_id, low, high), ()):
                day, home, away = self._fixture_rows[index][:3]
                found.append((date.fromordinal(_EPOCH_ORDINAL + day), self.teams[home].name, self.teams[away].name))
        return found

    def fixtures_on_day(self, team: str, month: int, day: int) -> list[Fixture]:
        """Matches of a team played on that day of the year (in any year), in date order."""
        found: list[Fixture] = []
        for team_id in self._team_ids_for_fixtures(team):
            days = self._fixture_days[team_id]
            indexes = self._fixtures_by_team[team_id]
            first_year, last_year = (EPOCH + timedelta(days=days[0])).year, (EPOCH + timedelta(days=days[-1])).year
            for year in range(first_year, last_year + 1):
                try:
                    number = (date(year, month, day) - EPOCH).days
                except ValueError:  # no such day that year (29 February) or ever (31 April)
                    continue
                low, high = bisect.bisect_left(days, number), bisect.bisect_right(days, number)
                found.extend(self._fixture(self._fixture_rows[i]) for i in indexes[low:high])
        return found

    def fixture_between(self, team_a: str, team_b: str, near: date, window_days: int = 10) -> Fixture | None:
        """The match of the two teams closest to a day, within the window."""
        other = {t.id for t in self.teams_named(team_b)}
        window = timedelta(days=window_days)
        best: Fixture | None = None
        for fixture in self.fixtures(team_a, near - window, near + window):
            sides = {t.id for t in self.teams_named(fixture.home)[:1] + self.teams_named(fixture.away)[:1]}
            if sides & other and (best is None or abs(fixture.date - near) < abs(best.date - near)):
                best = fixture
        return best

    def counts(self) -> dict[str, int]:
        return {
            "teams": len(self.teams),
            "competitions": len(self.competition_names),
            "players": len(self.players),
            "coaches": len(self.coaches),
            "fixtures": len(self._fixture_rows),
        }


def read_kb(path: Path = KB_FILE, provenance_path: Path | None = PROVENANCE_FILE) -> KnowledgeBase:
    facts = json.loads(gzip.decompress(path.read_bytes()))
    provenance = None
    if provenance_path and provenance_path.exists():
        provenance = json.loads(provenance_path.read_text(encoding="utf-8"))
    return KnowledgeBase(facts, provenance)


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return read_kb()
