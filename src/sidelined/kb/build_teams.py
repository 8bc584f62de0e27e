"""Build the clubs, national teams and competitions of the knowledge base.

Clubs come from openfootball/clubs.csv (names, aliases, country), with a
common English name (curated override or the legal-form words dropped), the
league each last played in (openfootball/matches.csv), the current stadium
(Transfermarkt clubs, falling back to openfootball) and nicknames from
curated/team_aliases.csv plus this package's own curated CSVs.  National teams
are the sides of international_results since 2014.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sidelined.kb.names import LEGAL_FORM_WORDS, club_key, fold, key
from sidelined.kb.sources import curated, read_rows

FIRST_SEASON_DAY = "2014-07-01"


@dataclass
class TeamRecord:
    id: str
    name: str
    kind: str
    country: str | None
    league: str | None = None
    stadium: str | None = None
    aliases: set[str] = field(default_factory=set)
    ambiguous_aliases: set[str] = field(default_factory=set)
    prominence: int = 0

    def as_row(self) -> list[object]:
        aliases = sorted(a for a in self.aliases if a != self.name)
        ambiguous = sorted(self.ambiguous_aliases & set(aliases))
        return [
            self.id,
            self.name,
            self.kind,
            self.country,
            self.league,
            self.stadium,
            aliases,
            ambiguous,
            self.prominence,
        ]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def strip_legal_form(name: str) -> str:
    """'Arsenal FC' -> 'Arsenal', '1. FSV Mainz 05' -> 'FSV Mainz' -> 'Mainz'."""
    tokens = fold(name).replace("1. ", "").split()
    while len(tokens) > 1 and (tokens[0].lower().strip(".") in LEGAL_FORM_WORDS or tokens[0].isdigit()):
        tokens.pop(0)
    # A one-digit tail is a reserve side ("Atlanta United 2"), a longer one a founding year or number.
    while len(tokens) > 1 and (
        tokens[-1].lower().strip(".") in LEGAL_FORM_WORDS or (tokens[-1].isdigit() and len(tokens[-1]) > 1)
    ):
        tokens.pop()
    return " ".join(tokens)


class TeamIndex:
    """Resolves the many spellings of a team in the sources to one team id."""

    def __init__(self) -> None:
        self.teams: dict[str, TeamRecord] = {}
        self._by_key: dict[str, set[str]] = defaultdict(set)

    def add(self, team: TeamRecord) -> None:
        self.teams[team.id] = team
        self.index(team.id, team.name)

    def index(self, team_id: str, spelling: str) -> None:
        spelling = spelling.strip()
        if not spelling:
            return
        self._by_key[key(spelling)].add(team_id)
        self._by_key[club_key(spelling)].add(team_id)

    def add_alias(self, team_id: str, alias: str, ambiguous: bool = False) -> None:
        alias = alias.strip()
        if not alias or alias == "0":
            return
        team = self.teams[team_id]
        team.aliases.add(alias)
        if ambiguous:
            team.ambiguous_aliases.add(alias)
        self.index(team_id, alias)

    def candidates(self, spelling: str) -> list[str]:
        found = self._by_key.get(key(spelling)) or self._by_key.get(club_key(spelling)) or set()
        return sorted(found, key=lambda tid: (-self.teams[tid].prominence, tid))

    def resolve(self, spelling: str, country: str | None = None, kind: str | None = None) -> str | None:
        options = self.candidates(spelling)
        if kind:
            options = [tid for tid in options if self.teams[tid].kind == kind]
        if country:
            local = [tid for tid in options if self.teams[tid].country == country]
            options = local or options
        return options[0] if options else None


def _clean_country(raw: str) -> str:
    return raw.split("•")[0].strip()


def _add_clubs(index: TeamIndex, data: Path) -> None:
    overrides = {row["source_name"]: row["common_name"] for row in curated("club_names.csv")}
    used_ids: Counter[str] = Counter()
    big_countries = ("England", "Spain", "Germany", "Italy", "France")
    rows = sorted(
        read_rows(data / "openfootball" / "clubs.csv"),
        key=lambda r: _clean_country(r["country"]) not in big_countries,
    )
    for row in rows:
        source_name = row["name"].strip()
        name = overrides.get(source_name) or strip_legal_form(source_name)
        team_id = f"club:{slug(name)}"
        used_ids[team_id] += 1
        if used_ids[team_id] > 1:
            team_id = f"club:{row['country_code']}:{slug(name)}"
            if team_id in index.teams:
                team_id = f"{team_id}-{used_ids[f'club:{slug(name)}']}"
        team = TeamRecord(team_id, name, "club", _clean_country(row["country"]))
        team.prominence = 0 if row["reserve_team"] == "1" else 1  # a first team beats its reserves
        team.stadium = row["stadium"].strip() or None
        index.add(team)
        index.add_alias(team_id, source_name)
        index.add_alias(team_id, fold(name))
        for alias in row["aliases"].split("|"):
            index.add_alias(team_id, alias)
    for row in curated("extra_teams.csv"):
        team = TeamRecord(f"club:{slug(row['team'])}", row["team"], row["kind"], row["country"], row["league"])
        index.add(team)
        for alias in filter(None, row["aliases"].split("|")):
            index.add_alias(team.id, alias)


def _add_match_prominence(index: TeamIndex, data: Path, competition_names: dict[str, str]) -> dict[str, str]:
    """Count matches per club and set each club's league; return spelling -> team id for fixtures."""
    spelling_to_id: dict[str, str] = {}
    for row in read_rows(data / "openfootball" / "team_names_in_matches.csv"):
        club = row["openfootball_club"].strip()
        team_id = None
        if club:
            team_id = next((tid for tid in index.candidates(club) if index.teams[tid].kind == "club"), None)
        if team_id is None:
            name = strip_legal_form(row["team_name"])
            team_id = f"club:x:{slug(row['team_name'])}"
            index.add(TeamRecord(team_id, name, "club", None))
            index.add_alias(team_id, row["team_name"])
        spelling_to_id[row["team_name"]] = team_id
        index.teams[team_id].prominence += int(row["match_count"] or 0)
    latest_league: dict[str, tuple[str, str]] = {}
    for row in read_rows(data / "openfootball" / "matches.csv"):
        code = row["competition"]
        if not re.match(r"^[a-z]{3}\.\d$", code):
            continue
        for side in ("team1", "team2"):
            team_id = spelling_to_id.get(row[side])
            if team_id and (team_id not in latest_league or latest_league[team_id][0] < row["season"]):
                latest_league[team_id] = (row["season"], competition_names.get(code, code))
    for team_id, (_, league) in latest_league.items():
        index.teams[team_id].league = league
    top_five = {"Premier League", "La Liga", "Bundesliga", "Serie A", "Ligue 1"}
    for team_id, (_season, league) in latest_league.items():
        if league in top_five:
            index.teams[team_id].prominence += 10_000
    return spelling_to_id


def _add_stadiums(index: TeamIndex, data: Path) -> None:
    for row in read_rows(data / "transfermarkt_clubs_dcaribou" / "clubs.csv"):
        team_id = index.resolve(row["name"], kind="club")
        if team_id and row["stadium_name"].strip():
            index.teams[team_id].stadium = row["stadium_name"].strip()


def _add_national_teams(index: TeamIndex, data: Path) -> None:
    names: Counter[str] = Counter()
    for row in read_rows(data / "international_results" / "results.csv"):
        if row["date"] >= FIRST_SEASON_DAY:
            names[row["home_team"]] += 1
            names[row["away_team"]] += 1
    for name, count in sorted(names.items()):
        team = TeamRecord(f"nt:{slug(name)}", name, "national_team", name, prominence=count)
        index.add(team)
        index.add_alias(team.id, fold(name))


def _add_curated_aliases(index: TeamIndex, data: Path) -> list[str]:
    unresolved = []
    rows = [
        (r["team"], r["team_type"], r["alias"], r["ambiguous"] == "yes")
        for r in read_rows(data / "curated" / "team_aliases.csv")
    ]
    rows += [(r["team"], r["kind"], r["alias"], r["ambiguous"] == "yes") for r in curated("extra_aliases.csv")]
    for team, kind, alias, ambiguous in rows:
        team_id = index.resolve(team, kind=kind)
        if team_id is None:
            unresolved.append(team)
            continue
        index.add_alias(team_id, alias, ambiguous)
    return unresolved


def build_teams(data: Path, competition_names: dict[str, str]) -> tuple[TeamIndex, dict[str, str]]:
    """All teams, and the fixture-file spelling -> team id map."""
    index = TeamIndex()
    _add_clubs(index, data)
    spelling_to_id = _add_match_prominence(index, data, competition_names)
    _add_national_teams(index, data)
    _add_stadiums(index, data)
    unresolved = _add_curated_aliases(index, data)
    if unresolved:
        raise ValueError(f"curated aliases point at unknown teams: {sorted(set(unresolved))}")
    return index, spelling_to_id


def build_competitions() -> tuple[list[list[object]], dict[str, str]]:
    """Competition rows [name, kind, aliases] and source code -> canonical name."""
    rows: list[list[object]] = []
    by_code: dict[str, str] = {}
    for row in curated("competitions.csv"):
        aliases = sorted(a for a in row["aliases"].split("|") if a)
        rows.append([row["name"], row["kind"], aliases])
        for code in filter(None, row["source_codes"].split("|")):
            by_code[code] = row["name"]
    return rows, by_code
