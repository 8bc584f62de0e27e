"""The timeline commands: player, team, available, changes, each fact with its article and source."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sidelined.cli import app
from sidelined.store import Store
from test_store_gold import seed_extractions

runner = CliRunner()
ATHLETIC_ARTICLE = "003_81d34b0ba266b551"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'seeds.db'}"
    with Store(url) as store:
        for extraction in seed_extractions():
            store.ingest(extraction)
    return url


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_player_shows_history_estimates_and_sources(db: str) -> None:
    code, output = run("player", "Jude Bellingham", "--as-of", "2026-03-08", "--db", db)
    assert code == 0, output
    assert "Left hamstring injury" in output and "2026-02-01" in output
    assert "2026-03-17 to 2026-03-22" in output and "The Athletic" in output and ATHLETIC_ARTICLE in output
    assert "Muscular problem" in output


def test_db_comes_from_the_environment_too(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIDELINED_DB", db)
    result = runner.invoke(app, ["player", "Bellingham", "--as-of", "2026-03-08"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "Left hamstring injury" in result.output


def test_team_lists_who_is_out(db: str) -> None:
    code, output = run("team", "Real Madrid", "--as-of", "2026-03-08", "--db", db)
    assert code == 0, output
    assert "Jude Bellingham" in output and "out" in output and ATHLETIC_ARTICLE in output


def test_available_answers_with_the_deciding_report(db: str) -> None:
    code, output = run("available", "Bellingham", "--on", "2026-03-09", "--db", db)
    assert code == 0, output
    assert "out" in output and ATHLETIC_ARTICLE in output and "2 days old" in output


def test_available_for_a_fixture_against_an_opponent(db: str) -> None:
    code, output = run("available", "Bellingham", "--fixture", "Atletico Madrid", "--on", "2026-03-08", "--db", db)
    assert code == 0, output
    assert "2026-03-22" in output and "Atletico Madrid" in output and "doubtful" in output
    code, output = run("available", "Bellingham", "--fixture", "Atlantis United", "--on", "2026-03-08", "--db", db)
    assert code == 1 and "no fixture" in output


def test_available_needs_a_day_or_a_fixture(db: str) -> None:
    code, output = run("available", "Bellingham", "--db", db)
    assert code != 0 and "--fixture" in output


def test_changes_lists_the_new_estimate(db: str) -> None:
    code, output = run("changes", "--since", "2026-03-01", "--db", db)
    assert code == 0, output
    assert "estimate" in output and "The Athletic" in output


def test_unknown_player_is_a_one_line_error_and_non_zero_exit(db: str) -> None:
    result = runner.invoke(app, ["player", "Nobody Atall", "--db", db])
    assert result.exit_code == 1
    assert "unknown player 'Nobody Atall'" in result.output and "Traceback" not in result.output


def test_a_bad_day_is_refused(db: str) -> None:
    code, output = run("available", "Bellingham", "--on", "next week", "--db", db)
    assert code != 0 and "YYYY-MM-DD" in output
