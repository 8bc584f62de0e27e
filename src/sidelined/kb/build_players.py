"""Build the players of the knowledge base from five sources, linked by name and birth year.

No player id is shared between sources, so a player is the same man in two
sources when his folded full name and birth year agree, or failing that when
his surname, birth year and club in the same season agree (FPL's legal names,
"Rodrigo Hernandez", against FBref's "Rodri").  The name kept is the common
one: FBref first, then Transfermarkt squads, openfootball squads, tournament
squads, and FPL last (its names are legal names).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sidelined.kb.build_teams import TeamIndex, slug
from sidelined.kb.names import NAME_SUFFIXES, derived_surname, fold, key, normalise_season
from sidelined.kb.sources import curated, read_rows

LEAGUE_COUNTRY = {
    "Premier League": "England",
    "Championship": "England",
    "League One": "England",
    "League Two": "England",
    "LaLiga": "Spain",
    "La Liga": "Spain",
    "Bundesliga": "Germany",
    "Serie A": "Italy",
    "Ligue 1": "France",
    "Liga NOS": "Portugal",
    "Eredivisie": "Netherlands",
    "Premier Liga": "Russia",
    "English Premier League 2023/24": "England",
    "Primera División de España 2023/24": "Spain",
    "Italian Serie A 2023/24": "Italy",
    "Deutsche Bundesliga 2023/24": "Germany",
}
SOURCE_RANK = {"fbref": 0, "transfermarkt": 1, "openfootball": 2, "squads": 3, "fpl": 4}


def coarse_position(raw: str) -> str | None:
    text = raw.lower()
    if not text:
        return None
    if "goal" in text or text.startswith("gk"):
        return "GK"
    if "back" in text or text.startswith(("df", "def")) or "defend" in text:
        return "DF"
    if "midfield" in text or text.startswith(("mf", "mid")):
        return "MF"
    return "FW"


@dataclass
class Sighting:
    """One source row about one player."""

    source: str
    name: str
    birth_year: int | None
    born: str | None = None
    nationality: str | None = None
    position: str | None = None
    position_detail: str | None = None
    season: str | None = None
    team_id: str | None = None
    short_name: str | None = None
    other_names: tuple[str, ...] = ()


@dataclass
class PlayerRecord:
    sightings: list[Sighting] = field(default_factory=list)

    def best(self, attribute: str) -> object:
        ranked = sorted(self.sightings, key=lambda s: SOURCE_RANK[s.source])
        return next((getattr(s, attribute) for s in ranked if getattr(s, attribute)), None)

    def as_row(self, player_id: str) -> list[object]:
        name = re.sub(r"\s+Jr\.?$", "", fold(str(self.best("name"))))
        known_as = fold(str(self.best("short_name") or derived_surname(name)))
        clubs = sorted({(s.season, s.team_id) for s in self.sightings if s.season and s.team_id})
        aliases = sorted({fold(n) for s in self.sightings for n in (s.name, *s.other_names)} - {name})
        return [
            player_id,
            name,
            known_as,
            self.best("born"),
            self.best("birth_year"),
            self.best("nationality"),
            self.best("position"),
            self.best("position_detail"),
            [list(c) for c in clubs],
            aliases,
        ]


def _day(text: str) -> str | None:
    text = text.strip()
    return text if re.match(r"^\d{4}-\d{2}-\d{2}$", text) else None


def _year(text: str) -> int | None:
    match = re.match(r"^(\d{4})", text.strip())
    return int(match.group(1)) if match else None


def _nation_codes() -> dict[str, str]:
    return {row["code"]: row["country"] for row in curated("nation_codes.csv")}


def _nationality(teams: TeamIndex, raw: str) -> str | None:
    raw = raw.strip()
    if not raw or raw == "N/A":
        return None
    if raw == "Korea, South":
        raw = "South Korea"
    team_id = teams.resolve(raw, kind="national_team")
    return teams.teams[team_id].name if team_id else None


def _club(teams: TeamIndex, raw: str, country: str | None) -> str | None:
    return teams.resolve(raw, country=country, kind="club") if raw.strip() else None


def transfermarkt_sightings(data: Path, teams: TeamIndex) -> Iterator[Sighting]:
    for row in read_rows(data / "transfermarkt_squads_ewenme" / "squads_2014_2020.csv"):
        born = _day(row["date_of_birth"])
        yield Sighting(
            "transfermarkt",
            row["player_name"].strip(),
            _year(born or ""),
            born,
            _nationality(teams, row["nationality"]),
            coarse_position(row["position"]),
            row["position"] or None,
            normalise_season(row["season"]),
            _club(teams, row["club_name"], LEAGUE_COUNTRY.get(row["league_name"])),
        )


def fbref_sightings(data: Path, teams: TeamIndex) -> Iterator[Sighting]:
    codes = _nation_codes()
    for row in read_rows(data / "fbref_big5_players" / "player_seasons_2021_2026.csv"):
        yield Sighting(
            "fbref",
            row["player"].strip(),
            _year(row["born_year"]),
            None,
            codes.get(row["nation_code"].strip()),
            coarse_position(row["position"].split(",")[0]),
            None,
            row["season"],
            _club(teams, row["squad"], LEAGUE_COUNTRY.get(row["competition"])),
        )


def fpl_sightings(data: Path, teams: TeamIndex) -> Iterator[Sighting]:
    rows = list(read_rows(data / "fpl" / "players.csv"))
    born_by_code = {row["code"]: row["birth_date"].strip() for row in rows if _day(row["birth_date"])}
    for row in rows:
        if row["position"] == "MGR":
            continue  # managers, kept as coaches by build_staff
        second = re.sub(r"'[^']*'", "", row["second_name"]).split()
        full = " ".join([row["first_name"].strip(), *second])
        born = born_by_code.get(row["code"])
        short = row["known_name"].strip() or row["web_name"].strip()
        yield Sighting(
            "fpl",
            full,
            _year(born or ""),
            born,
            None,
            coarse_position(row["position"]),
            None,
            row["season"],
            _club(teams, row["team_name"], "England"),
            short_name=short,
            other_names=(short,) if " " in short else (),
        )


def openfootball_sightings(data: Path, teams: TeamIndex) -> Iterator[Sighting]:
    codes = _nation_codes()
    for row in read_rows(data / "openfootball" / "club_squads_2023_24.csv"):
        country = LEAGUE_COUNTRY.get(row["league"])
        code = row["nationality_code"].strip()
        yield Sighting(
            "openfootball",
            row["name"].strip(),
            _year(row["birth_year"]),
            None,
            codes.get(code) if code else country,
            coarse_position(row["position"]),
            None,
            row["season"],
            _club(teams, row["club"], country),
        )
    for row in read_rows(data / "openfootball" / "national_team_squads.csv"):
        year = int(row["tournament"][-4:])
        season = f"{year - 1}-{year % 100:02d}"
        born = _day(row["date_of_birth"])
        yield Sighting(
            "squads",
            row["name"].strip(),
            _year(row["birth_year"]),
            born,
            _nationality(teams, row["team"]),
            coarse_position(row["position"]),
            None,
            season if row["club"].strip() else None,
            _club(teams, row["club"], None),
        )


def link_key(name: str) -> str:
    """Name key for linking, without a trailing 'Jr'/'Junior'."""
    tokens = key(name).split()
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    return " ".join(tokens)


def _surname_key(name: str) -> str:
    return (key(derived_surname(name)).split() or [""])[-1]


class _Linker:
    """Indexes of the players found so far, by the keys that identify a man across sources."""

    def __init__(self) -> None:
        self.records: list[PlayerRecord] = []
        self.by_name_year: dict[tuple[str, int | None], PlayerRecord] = {}
        self.by_born: dict[tuple[str, str], PlayerRecord] = {}
        self.by_surname_club: dict[tuple[str, int | None, str, str], PlayerRecord] = {}
        self.by_name: defaultdict[str, list[PlayerRecord]] = defaultdict(list)
        self.by_club_name: dict[tuple[str, str, str], PlayerRecord] = {}

    def names(self, sighting: Sighting) -> list[str]:
        return [sighting.name, *sighting.other_names, *([sighting.short_name] if sighting.short_name else [])]

    def find(self, sighting: Sighting) -> PlayerRecord | None:
        names = self.names(sighting)
        if sighting.birth_year is None:
            return self._find_without_year(sighting, names)
        for name in names:
            record = self.by_name_year.get((link_key(name), sighting.birth_year))
            if record:
                return record
        if sighting.born:
            for name in names:
                record = self.by_born.get((sighting.born, link_key(name)[:4]))
                if record:
                    return record
        if sighting.team_id and sighting.season:
            return self.by_surname_club.get(
                (_surname_key(sighting.name), sighting.birth_year, sighting.season, sighting.team_id)
            )
        return None

    def _find_without_year(self, sighting: Sighting, names: list[str]) -> PlayerRecord | None:
        if sighting.team_id and sighting.season:
            for name in names:
                record = self.by_club_name.get((link_key(name), sighting.season, sighting.team_id))
                if record:
                    return record
        for name in names:
            found = self.by_name.get(link_key(name), [])
            if len(found) == 1:
                return found[0]
        return None

    def add(self, sighting: Sighting) -> None:
        record = self.find(sighting)
        if record is None:
            record = PlayerRecord()
            self.records.append(record)
            for name in self.names(sighting):
                self.by_name[link_key(name)].append(record)
        record.sightings.append(sighting)
        for name in self.names(sighting):
            self.by_name_year.setdefault((link_key(name), sighting.birth_year), record)
            if sighting.born:
                self.by_born.setdefault((sighting.born, link_key(name)[:4]), record)
            if sighting.team_id and sighting.season:
                self.by_club_name.setdefault((link_key(name), sighting.season, sighting.team_id), record)
        if sighting.team_id and sighting.season and sighting.birth_year:
            self.by_surname_club.setdefault(
                (_surname_key(sighting.name), sighting.birth_year, sighting.season, sighting.team_id), record
            )


def link_sightings(sightings: list[Sighting]) -> list[PlayerRecord]:
    """Group sightings into players (see the module docstring for the rule)."""
    linker = _Linker()
    ordered = sorted(sightings, key=lambda s: (s.birth_year is None, SOURCE_RANK[s.source], s.season or "", s.name))
    for sighting in ordered:
        linker.add(sighting)
    return linker.records


def build_players(data: Path, teams: TeamIndex) -> list[list[object]]:
    sightings: list[Sighting] = []
    for reader in (fbref_sightings, transfermarkt_sightings, openfootball_sightings, fpl_sightings):
        sightings.extend(reader(data, teams))
    rows: list[list[object]] = []
    used: defaultdict[str, int] = defaultdict(int)
    for record in link_sightings(sightings):
        base = f"p:{slug(fold(str(record.best('name'))))}-{record.best('birth_year') or 'x'}"
        used[base] += 1
        player_id = base if used[base] == 1 else f"{base}-{used[base]}"
        rows.append(record.as_row(player_id))
    rows.sort(key=lambda r: str(r[0]))
    return rows
