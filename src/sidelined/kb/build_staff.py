"""Build the coaches of the knowledge base: FPL's manager entries (2024-25) and the head coaches
named in the Transfermarkt club table.  They let linking tell a manager from a player."""

from __future__ import annotations

from pathlib import Path

from sidelined.kb.build_teams import TeamIndex, slug
from sidelined.kb.names import fold
from sidelined.kb.sources import read_rows

FPL_MANAGER = "MGR"


def build_coaches(data: Path, teams: TeamIndex) -> list[list[object]]:
    """Rows [coach id, name, team id, season]."""
    found: dict[str, list[object]] = {}
    for row in read_rows(data / "fpl" / "players.csv"):
        if row["position"] != FPL_MANAGER:
            continue
        name = fold(f"{row['first_name']} {row['second_name']}".strip())
        team_id = teams.resolve(row["team_name"], country="England", kind="club")
        found[f"coach:{slug(name)}"] = [f"coach:{slug(name)}", name, team_id, row["season"]]
    for row in read_rows(data / "transfermarkt_clubs_dcaribou" / "clubs.csv"):
        name = fold(row["coach_name"].strip())
        if not name or f"coach:{slug(name)}" in found:
            continue
        start = int(row["last_season"])
        season = f"{start}-{(start + 1) % 100:02d}"
        found[f"coach:{slug(name)}"] = [f"coach:{slug(name)}", name, teams.resolve(row["name"], kind="club"), season]
    return [found[key] for key in sorted(found)]
