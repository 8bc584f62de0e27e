"""Build the coaches of the knowledge base: FPL's manager entries (2024-25), the head coaches named
in the Transfermarkt club table and this package's curated coaches.csv (well-known managers of
2014-2026 with the sides they led).  They let linking tell a manager from a player."""

from __future__ import annotations

from pathlib import Path

from sidelined.kb.build_teams import TeamIndex, slug
from sidelined.kb.names import fold
from sidelined.kb.sources import curated, read_rows

FPL_MANAGER = "MGR"


def build_coaches(data: Path, teams: TeamIndex) -> list[list[object]]:
    """Rows [coach id, name, [team ids]]."""
    found: dict[str, tuple[str, list[str]]] = {}

    def add(name: str, team_id: str | None) -> None:
        name = fold(name.strip())
        if not name:
            return
        coach_id = f"coach:{slug(name)}"
        sides = found.setdefault(coach_id, (name, []))[1]
        if team_id and team_id not in sides:
            sides.append(team_id)

    for row in read_rows(data / "fpl" / "players.csv"):
        if row["position"] == FPL_MANAGER:
            add(f"{row['first_name']} {row['second_name']}", teams.resolve(row["team_name"], country="England"))
    for row in read_rows(data / "transfermarkt_clubs_dcaribou" / "clubs.csv"):
        add(row["coach_name"], teams.resolve(row["name"], kind="club"))
    unresolved = []
    for row in curated("coaches.csv"):
        team_id = teams.resolve(row["team"])
        if team_id is None:
            unresolved.append(row["team"])
        add(row["name"], team_id)
    if unresolved:
        raise ValueError(f"coaches.csv names unknown teams: {sorted(set(unresolved))}")
    return [[coach_id, name, sides] for coach_id, (name, sides) in sorted(found.items())]
