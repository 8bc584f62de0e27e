"""The extract and ingest commands on bad inputs: one line naming the input, the batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from conftest import REPO

GOOD = ("date 2026-03-07\nArsenal winger Bukayo Saka has been ruled out for three weeks with a hamstring "
        "injury, manager Mikel Arteta said on Friday.\n")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sidelined", *args], capture_output=True, text=True, cwd=cwd)


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    bad = {
        "missing": tmp / "nowhere.txt",
        "empty": tmp / "empty.txt",
        "binary": tmp / "photo.txt",
        "garbled": tmp / "garbled.txt",
        "no-articles": tmp / "nothing-here",
    }
    bad["empty"].write_text("")
    bad["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    bad["garbled"].write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 50)
    bad["no-articles"].mkdir()
    return bad


def test_each_bad_input_gets_one_line_naming_it_and_a_failing_exit(tmp_path: Path) -> None:
    for kind, path in _bad_inputs(tmp_path).items():
        result = _run("extract", "--json", str(path), cwd=tmp_path)
        assert result.returncode != 0, kind
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1, (kind, result.stderr)
        assert path.name in lines[0], (kind, lines[0])
        assert result.stdout == "", kind


def test_a_batch_goes_on_past_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / "saka.txt"
    good.write_text(GOOD)
    bad = _bad_inputs(tmp_path)
    result = _run("extract", "--json", str(bad["missing"]), str(good), str(bad["binary"]), cwd=tmp_path)
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["id"] for r in records] == ["saka"]
    assert records[0]["injuries"][0]["player"] == "Bukayo Saka"
    assert len([ln for ln in result.stderr.splitlines() if ln.strip()]) == 2


def test_ingest_stores_good_articles_only_and_twice_changes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "saka.txt"
    good.write_text(GOOD)
    bad = _bad_inputs(tmp_path)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    first = _run("ingest", "--db", db, str(good), str(bad["garbled"]), str(bad["empty"]), cwd=tmp_path)
    assert first.returncode == 1
    engine = create_engine(db)

    def counts() -> tuple[int, int]:
        with engine.connect() as c:
            return (c.execute(text("select count(*) from articles")).scalar_one(),
                    c.execute(text("select count(*) from injury_reports")).scalar_one())

    assert counts() == (1, 1)
    second = _run("ingest", "--db", db, str(good), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert counts() == (1, 1)
    engine.dispose()


def test_published_option_overrides_and_is_validated(tmp_path: Path) -> None:
    good = tmp_path / "saka.txt"
    good.write_text(GOOD.split("\n", 1)[1])
    result = _run("extract", "--json", "--published", "2026-03-09", str(good), cwd=tmp_path)
    assert json.loads(result.stdout)["article"]["published"] == "2026-03-09"
    wrong = _run("extract", "--json", "--published", "09/03/2026", str(good), cwd=tmp_path)
    assert wrong.returncode != 0
    assert "YYYY-MM-DD" in wrong.stderr


def test_version_flag() -> None:
    result = _run("--version", cwd=REPO)
    assert result.returncode == 0
    assert result.stdout.startswith("sidelined ")
