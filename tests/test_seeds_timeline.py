"""The Bellingham picture from the real seed articles, extracted and ingested end to end."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from conftest import REPO, shared_or_skip
from sidelined.store import Store
from sidelined.timeline import availability, player_history


def test_seeds_give_the_bellingham_timeline(tmp_path: Path) -> None:
    seeds = shared_or_skip("seeds")
    url = f"sqlite:///{tmp_path / 'seeds.db'}"
    run = subprocess.run([sys.executable, "-m", "sidelined", "ingest", "--db", url, str(seeds)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    store = Store(url)
    try:
        history = player_history(store, "Jude Bellingham", as_of=date(2026, 3, 7))
        assert history.team == "Real Madrid"
        first, second = sorted(history.episodes, key=lambda e: e.started_on or date.min)
        assert first.started_on is not None and first.started_on.year == 2025 and first.body_part == "muscle"
        assert (second.started_on, second.body_part, second.side) == (date(2026, 2, 1), "hamstring", "left")
        assert second.games_missed is not None and second.games_missed >= 3
        latest = second.estimates[-1]
        assert (latest.earliest, latest.latest) == (date(2026, 3, 17), date(2026, 3, 22))
        assert latest.reported_on == date(2026, 3, 7) and latest.source == "The Athletic"
        on_day = availability(store, "Bellingham", date(2026, 3, 7))
        assert on_day.status == "out"
        assert (on_day.expected_earliest, on_day.expected_latest) == (date(2026, 3, 17), date(2026, 3, 22))
    finally:
        store.close()
