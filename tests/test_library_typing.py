"""The public API is typed for its users: mypy --strict sees the real types through `import sidelined`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

USER_CODE = '''
import sidelined
from sidelined import Store, extract, extract_many

record = extract("text")
reveal_type(record)
reveal_type(record.injuries)
reveal_type(extract_many(["a"]))
reveal_type(extract_many(["a"], errors="yield"))
reveal_type(sidelined.resolve_time("a", "2025-01-01"))
with Store() as store:
    reveal_type(store.player("x"))
    reveal_type(store.ingest("x"))
'''

EXPECTED = [
    "sidelined.library.records.Record",
    "list[sidelined.models.InjuryReport]",
    "Iterator[sidelined.library.records.Record]",
    "Iterator[sidelined.library.records.Record | sidelined.errors.InputError]",
    "list[sidelined.models.TimeExpression]",
    "sidelined.timeline.views.PlayerHistory",
    "list[sidelined.store.store.IngestResult]",
]


def test_mypy_strict_sees_the_public_types(tmp_path: Path) -> None:
    if shutil.which("mypy", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("mypy is not installed (pip install -e '.[dev]')")
    user = tmp_path / "user.py"
    user.write_text(USER_CODE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
                           "--no-error-summary", str(user)], capture_output=True, text=True, timeout=300, check=False)
    revealed = [line.split('Revealed type is "', 1)[1].rstrip('"') for line in done.stdout.splitlines()
                if "Revealed type is" in line]
    assert [r.replace("typing.", "") for r in revealed] == EXPECTED, done.stdout
    assert "error:" not in done.stdout, done.stdout
