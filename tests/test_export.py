"""Exports: CSV and JSON round-trip the episodes; the ICS calendar follows RFC 5545's escaping, folding and dates."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from sidelined.export import CSV_COLUMNS, export_episodes, latest_estimate, to_csv, to_ics, to_json
from sidelined.models import EstimateChange
from sidelined.timeline import EpisodeView
from test_api_story import fill

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def estimate(reported: date, earliest: date | None, latest: date | None, source: str | None = "BBC") -> EstimateChange:
    return EstimateChange(reported_on=reported, earliest=earliest, latest=latest, source=source, article_id="a")


def episode(player: str = "Bukayo Saka", estimates: list[EstimateChange] | None = None, **kw: object) -> EpisodeView:
    fields: dict[str, object] = {
        "id": 7,
        "player": player,
        "team": "Arsenal",
        "injury": "Hamstring injury",
        "started_on": date(2025, 1, 1),
        "status": "out",
        "estimates": estimates or [],
    }
    fields.update(kw)
    return EpisodeView.model_validate(fields)


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_latest_estimate_is_the_last_reported_window() -> None:
    ep = episode(
        estimates=[
            estimate(date(2025, 1, 20), date(2025, 3, 1), date(2025, 3, 5)),
            estimate(date(2025, 1, 2), date(2025, 2, 1), date(2025, 2, 10)),
            estimate(date(2025, 2, 1), None, None),
        ]
    )
    found = latest_estimate(ep)
    assert found is not None and found.reported_on == date(2025, 1, 20)
    assert latest_estimate(episode()) is None


def test_csv_has_one_row_per_episode_with_the_latest_window() -> None:
    episodes = [
        episode(estimates=[estimate(date(2025, 1, 2), date(2025, 2, 1), date(2025, 2, 10))], days_out=40),
        episode(player='Odd, "quoted" name', id=8),
    ]
    rows = list(csv.DictReader(io.StringIO(to_csv(episodes))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["player"] for r in rows] == ["Bukayo Saka", 'Odd, "quoted" name']
    assert (rows[0]["expected_earliest"], rows[0]["expected_latest"], rows[0]["days_out"]) == (
        "2025-02-01",
        "2025-02-10",
        "40",
    )
    assert rows[1]["expected_earliest"] == "" and rows[1]["estimates"] == "0"


def test_json_round_trips_every_estimate() -> None:
    ep = episode(estimates=[estimate(date(2025, 1, 2), date(2025, 2, 1), None)])
    loaded = json.loads(to_json([ep]))
    assert [EpisodeView.model_validate(item) for item in loaded] == [ep]


def test_ics_window_is_an_all_day_event_including_its_last_day() -> None:
    ep = episode(estimates=[estimate(date(2025, 1, 2), date(2025, 2, 1), date(2025, 2, 10))])
    lines = unfold(to_ics([ep, episode(id=9)], now=NOW))
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert lines.count("BEGIN:VEVENT") == 1  # the episode without a window has no event
    assert "DTSTART;VALUE=DATE:20250201" in lines
    assert "DTEND;VALUE=DATE:20250211" in lines
    assert "DTSTAMP:20260101T120000Z" in lines
    assert "UID:episode-7@sidelined" in lines


def test_ics_one_sided_window_is_a_single_day() -> None:
    lines = unfold(to_ics([episode(estimates=[estimate(date(2025, 1, 2), None, date(2025, 3, 1))])], now=NOW))
    assert "DTSTART;VALUE=DATE:20250301" in lines and "DTEND;VALUE=DATE:20250302" in lines


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=200))
def test_ics_escapes_and_folds_any_name(name: str) -> None:
    ics = to_ics([episode(player=name, estimates=[estimate(date(2025, 1, 2), date(2025, 2, 1), None)])], now=NOW)
    physical = ics.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    summary = next(line for line in unfold(ics) if line.startswith("SUMMARY:"))
    escaped = name.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    assert summary == f"SUMMARY:{escaped} expected back (hamstring injury)"


def test_export_picks_the_format() -> None:
    episodes = [episode()]
    assert export_episodes(episodes, "csv").startswith("episode_id,")
    assert export_episodes(episodes, "json").lstrip().startswith("[")
    assert export_episodes(episodes, "ics").startswith("BEGIN:VCALENDAR")


def test_export_command_writes_a_file(tmp_path: Path) -> None:
    from sidelined.cli import app

    url = f"sqlite:///{tmp_path / 'store.db'}"
    fill(url)
    out = tmp_path / "returns.ics"
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--format", "ics", "--out", str(out), "--db", url])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 2
    as_csv = runner.invoke(app, ["export", "--format", "csv", "--player", "Gabriel Jesus", "--db", url])
    assert as_csv.exit_code == 0 and as_csv.output.count("Gabriel Jesus") == 1
    before = runner.invoke(app, ["export", "--format", "json", "--as-of", "2025-01-05", "--db", url])
    assert before.exit_code == 0 and [e["player"] for e in json.loads(before.output)] == ["Bukayo Saka"]
    refused = runner.invoke(app, ["export", "--format", "pdf", "--db", url])
    assert refused.exit_code != 0 and "pdf" in refused.output


def test_unreadable_store_is_a_one_line_error(tmp_path: Path) -> None:
    from sidelined.cli import app

    url = f"sqlite:///{tmp_path / 'missing' / 'folder' / 'store.db'}"
    for command in (["export", "--format", "csv", "--db", url], ["serve", "--db", url]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 1
        assert "cannot" in result.output and "Traceback" not in result.output


def test_serve_binds_loopback_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from sidelined.cli import app

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda _app, **kw: calls.append(kw))
    runner = CliRunner()
    assert runner.invoke(app, ["serve", "--db", "sqlite://"]).exit_code == 0
    public = ["serve", "--db", "sqlite://", "--host", "0.0.0.0", "--port", "8123"]
    assert runner.invoke(app, public, env={"SIDELINED_TOKEN": ""}).exit_code != 0  # no write token: refused
    assert runner.invoke(app, [*public, "--token", "a-long-enough-secret-token"]).exit_code == 0
    assert [(c["host"], c["port"]) for c in calls] == [("127.0.0.1", 8000), ("0.0.0.0", 8123)]
