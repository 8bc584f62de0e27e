"""Tests of the knowledge base: lookups on the shipped file, curated data, reproducible build."""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from pathlib import Path

import pytest

from sidelined.kb import load_kb
from sidelined.kb.build import KB_FILE, build
from sidelined.kb.names import club_key, fold, season_of
from sidelined.kb.sources import CURATED_DIR

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize(
    ("spelling", "canonical", "kind"),
    [
        ("Real Madrid", "Real Madrid", "club"),
        ("Los Blancos", "Real Madrid", "club"),
        ("Man City", "Manchester City", "club"),
        ("Atlético de Madrid", "Atletico Madrid", "club"),
        ("Bayern München", "Bayern Munich", "club"),
        ("PSG", "Paris Saint-Germain", "club"),
        ("Spurs", "Tottenham Hotspur", "club"),
        ("the Three Lions", "England", "national_team"),
        ("Holland", "Netherlands", "national_team"),
    ],
)
def test_team_spellings_resolve_to_the_common_english_name(kb, spelling, canonical, kind):
    team = kb.team(spelling)
    assert team is not None
    assert (team.name, team.kind) == (canonical, kind)


def test_clubs_carry_league_country_and_current_stadium(kb):
    spurs = kb.team("Tottenham Hotspur")
    assert spurs.league == "Premier League"
    assert spurs.country == "England"
    assert spurs.stadium == "Tottenham Hotspur Stadium"


def test_unknown_team_is_none(kb):
    assert kb.team("Definitely Not A Football Club") is None


@pytest.mark.parametrize(
    "name", ["La Liga", "LaLiga", "Champions League", "Premier League", "FA Cup", "DFB-Pokal", "friendly"]
)
def test_competitions_have_a_canonical_name(kb, name):
    canonical = kb.competition(name)
    assert canonical is not None
    assert kb.competition(canonical) == canonical


def test_laliga_and_la_liga_are_the_same_competition(kb):
    assert kb.competition("LaLiga") == kb.competition("La Liga") == "La Liga"


def test_player_facts_and_club_by_day(kb):
    [jude] = [p for p in kb.players_named("Jude Bellingham")]
    assert jude.born == date(2003, 6, 29)
    assert jude.nationality == "England"
    assert jude.position == "MF"
    assert kb.club_on(jude.id, date(2026, 2, 1)) == "Real Madrid"
    assert kb.club_on(jude.id, date(2022, 10, 1)) == "Borussia Dortmund"
    assert kb.club_on(jude.id, date(2015, 10, 1)) is None


def test_accented_and_plain_spellings_find_the_same_player(kb):
    assert {p.id for p in kb.players_named("Antonio Rüdiger")} == {p.id for p in kb.players_named("Antonio Rudiger")}
    assert kb.players_named("Antonio Rudiger")


def test_player_age_on_a_day(kb):
    jude = kb.players_named("Jude Bellingham")[0]
    assert jude.age_on(date(2026, 2, 1)) == (22, 22)
    assert jude.age_on(date(2026, 7, 1)) == (23, 23)


def test_fixtures_between_days_include_both_ends(kb):
    games = kb.fixtures("Real Madrid", date(2026, 2, 1), date(2026, 3, 6))
    days = [g.date for g in games]
    assert days == sorted(days)
    assert date(2026, 2, 1) in days and date(2026, 3, 6) in days
    rayo = next(g for g in games if g.date == date(2026, 2, 1))
    assert (rayo.home, rayo.away, rayo.competition) == ("Real Madrid", "Rayo Vallecano", "La Liga")
    assert (rayo.home_goals, rayo.away_goals) == (2, 1)


def test_international_fixtures_are_there(kb):
    games = kb.fixtures("England", date(2026, 3, 20), date(2026, 4, 2))
    assert {(g.away, g.competition) for g in games} >= {("Uruguay", "friendly"), ("Japan", "friendly")}


def test_fixture_between_finds_the_nearest_meeting(kb):
    game = kb.fixture_between("Real Madrid", "Celta", date(2026, 3, 8))
    assert game is not None
    assert game.date == date(2026, 3, 6)
    assert kb.fixture_between("Real Madrid", "Celta", date(2026, 3, 8), window_days=1) is None


def test_a_team_s_own_name_finds_what_any_spelling_of_it_finds(kb):
    # A trailing space gives the same lookup key but misses the table of teams' own names.
    for team in kb.teams.values():
        assert kb.teams_named(team.name) == kb.teams_named(team.name + " ")
    assert [t.name for t in kb.teams_named("Real Madrid")][0] == "Real Madrid"


ALL_TIME = (date(1990, 1, 1), date(2035, 12, 31))


@pytest.mark.parametrize("team", ["Real Madrid", "England", "Los Blancos"])
def test_results_are_the_played_matches_with_that_score_either_way_round(kb, team):
    every = kb.fixtures(team, *ALL_TIME)
    expected = [(g.date, g.home, g.away) for g in every if g.played and sorted((g.home_goals, g.away_goals)) == [1, 2]]
    assert expected
    assert kb.results(team, (2, 1)) == expected
    assert kb.results(team, (1, 2)) == expected
    assert (date(2026, 2, 1), "Real Madrid", "Rayo Vallecano") in kb.results("Real Madrid", (1, 2))


@pytest.mark.parametrize(("month", "day"), [(2, 1), (3, 6), (2, 29), (12, 26)])
def test_fixtures_on_a_day_of_the_year_span_every_season(kb, month, day):
    every = kb.fixtures("Real Madrid", *ALL_TIME)
    expected = [g for g in every if (g.date.month, g.date.day) == (month, day)]
    assert kb.fixtures_on_day("Real Madrid", month, day) == expected


def test_fixtures_on_a_day_that_never_comes_are_none(kb):
    assert kb.fixtures_on_day("Real Madrid", 4, 31) == []
    assert kb.results("Nowhere United", (1, 0)) == []


def test_season_of_a_day():
    assert season_of(date(2026, 2, 1)) == "2025-26"
    assert season_of(date(2025, 7, 1)) == "2025-26"
    assert season_of(date(2025, 6, 30)) == "2024-25"


def test_fold_and_club_key():
    assert fold("Rüdiger Ødegaard Çalhanoğlu") == "Rudiger Odegaard Calhanoglu"
    assert club_key("Arsenal FC") == club_key("Arsenal")


def _curated_rows(name):
    with (CURATED_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", _curated_rows("extra_aliases.csv"), ids=lambda r: r["alias"])
def test_each_curated_alias_points_at_a_real_team(kb, row):
    named = kb.team(row["team"])
    assert named is not None and named.kind == row["kind"]
    assert row["alias"] in named.aliases or row["alias"] == named.name
    if row["ambiguous"] != "yes":
        assert kb.team(row["alias"]).id == named.id


@pytest.mark.parametrize("row", _curated_rows("club_names.csv"), ids=lambda r: r["common_name"])
def test_each_curated_common_name_is_a_club(kb, row):
    team = kb.team(row["common_name"])
    assert team is not None and team.kind == "club"
    assert row["source_name"] in team.aliases or team.name == row["source_name"]


def test_shipped_file_is_small_and_matches_provenance(kb):
    payload = KB_FILE.read_bytes()
    assert len(payload) < 15_000_000
    assert kb.provenance["sha256"] == hashlib.sha256(payload).hexdigest()
    assert kb.provenance["sources"]["openfootball"]
    assert kb.provenance["counts"]["players"] == len(kb.players)


def test_rebuild_reproduces_the_shipped_file(tmp_path):
    if not (SHARED / "data" / "README.md").exists():
        pytest.skip(f"../shared not found: {SHARED}")
    build(SHARED / "data", out_dir=tmp_path, built_on=date(2000, 1, 1))
    assert (tmp_path / "kb.json.gz").read_bytes() == KB_FILE.read_bytes()


def test_kb_info_command_reports_counts_and_provenance():
    from typer.testing import CliRunner

    from sidelined.cli import app

    result = CliRunner().invoke(app, ["kb", "info"])
    assert result.exit_code == 0, result.output
    assert '"players"' in result.output and '"sha256"' in result.output


def test_kb_build_refuses_a_folder_without_the_data(tmp_path):
    from typer.testing import CliRunner

    from sidelined.cli import app

    result = CliRunner().invoke(app, ["kb", "build", "--from", str(tmp_path)])
    assert result.exit_code != 0
    assert not (tmp_path / "kb.json.gz").exists()


def test_coaches_are_kept_apart_from_players(kb):
    coaches = {c.name: c for c in kb.coaches.values()}
    assert "Arsenal" in coaches["Mikel Arteta"].teams
    arteta = kb.players_named("Mikel Arteta")
    assert all(season < "2024-25" for p in arteta for season, _ in p.clubs)


def _coach_rows():
    with (CURATED_DIR / "coaches.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", _coach_rows(), ids=lambda r: f"{r['name']}-{r['team']}")
def test_each_curated_coach_points_at_a_real_team(kb, row):
    coach = next(c for c in kb.coaches.values() if c.name == row["name"])
    team = kb.team(row["team"])
    assert team is not None and team.name in coach.teams
