"""Build the compact fixture list: every club match of openfootball and every
international since 2014-07-01, with canonical team and competition names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sidelined.kb.build_teams import FIRST_SEASON_DAY, TeamIndex
from sidelined.kb.sources import read_rows

EPOCH = date(2000, 1, 1)


def day_number(day: str) -> int:
    return (date.fromisoformat(day) - EPOCH).days


def _goals(raw: str) -> int | None:
    raw = raw.strip()
    return int(raw) if raw.isdigit() else None


def build_fixtures(
    data: Path, teams: TeamIndex, spelling_to_id: dict[str, str], competition_by_code: dict[str, str]
) -> tuple[list[str], list[list[object]]]:
    """Competition names, and rows [day, home id, away id, competition index, home goals, away goals]."""
    competitions: list[str] = []
    position: dict[str, int] = {}

    def competition_index(name: str) -> int:
        if name not in position:
            position[name] = len(competitions)
            competitions.append(name)
        return position[name]

    rows: list[list[object]] = []
    for row in read_rows(data / "openfootball" / "matches.csv"):
        home, away = spelling_to_id.get(row["team1"]), spelling_to_id.get(row["team2"])
        if not (home and away and row["date"]):
            continue
        competition = competition_by_code.get(row["competition"], row["competition"])
        home_goals, away_goals = _goals(row["aet1"] or row["ft1"]), _goals(row["aet2"] or row["ft2"])
        rows.append([day_number(row["date"]), home, away, competition_index(competition), home_goals, away_goals])
    for row in read_rows(data / "international_results" / "results.csv"):
        if row["date"] < FIRST_SEASON_DAY:
            continue
        home = teams.resolve(row["home_team"], kind="national_team")
        away = teams.resolve(row["away_team"], kind="national_team")
        if not (home and away):
            continue
        competition = competition_by_code.get(row["tournament"], row["tournament"])
        rows.append(
            [
                day_number(row["date"]),
                home,
                away,
                competition_index(competition),
                _goals(row["home_score"]),
                _goals(row["away_score"]),
            ]
        )
    rows.sort(key=lambda r: (r[0], str(r[1]), str(r[2])))
    deduplicated = [r for i, r in enumerate(rows) if i == 0 or r[:3] != rows[i - 1][:3]]
    return competitions, deduplicated
