"""Build the shipped knowledge-base file from the shared reference data.

The facts go into `data/kb.json.gz`, written so that the same inputs give the
same bytes (sorted rows, fixed gzip header).  Where the facts came from, how
many there are and the build day go into `data/provenance.json` beside it, so
a rebuild on another day still reproduces the facts file exactly.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path

from sidelined.kb.build_fixtures import build_fixtures
from sidelined.kb.build_players import build_players
from sidelined.kb.build_staff import build_coaches
from sidelined.kb.build_teams import build_competitions, build_teams

DATA_DIR = Path(__file__).resolve().parent / "data"
KB_FILE = DATA_DIR / "kb.json.gz"
PROVENANCE_FILE = DATA_DIR / "provenance.json"
FORMAT_VERSION = 1
SOURCES_USED = [
    "openfootball",
    "international_results",
    "transfermarkt_clubs_dcaribou",
    "transfermarkt_squads_ewenme",
    "fbref_big5_players",
    "fpl",
    "curated",
]


def build_facts(data: Path) -> dict[str, object]:
    competitions, competition_by_code = build_competitions()
    teams, spelling_to_id = build_teams(data, competition_by_code)
    players = build_players(data, teams)
    coaches = build_coaches(data, teams)
    fixture_competitions, fixtures = build_fixtures(data, teams, spelling_to_id, competition_by_code)
    team_rows = [team.as_row() for team in sorted(teams.teams.values(), key=lambda t: t.id)]
    return {
        "format": FORMAT_VERSION,
        "teams": team_rows,
        "competitions": competitions,
        "players": players,
        "coaches": coaches,
        "fixture_competitions": fixture_competitions,
        "fixtures": fixtures,
    }


def encode(facts: dict[str, object]) -> bytes:
    text = json.dumps(facts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


# As shared/data/README.md states them; the facts of the last three are for development and testing.
LICENCES = {
    "openfootball": "CC0-1.0",
    "international_results": "CC0-1.0",
    "transfermarkt_clubs_dcaribou": "CC0-1.0 (as declared; facts from Transfermarkt)",
    "curated": "CC0-1.0 (shared/data/curated and sidelined/kb/data)",
    "fpl": "MIT repository; facts from the official FPL API",
    "transfermarkt_squads_ewenme": "no licence file: development and testing only",
    "fbref_big5_players": "no licence file: development and testing only",
}
COMMIT_PATTERN = re.compile(r"`([0-9a-f]{7,40})(?:…)?`|@ ([0-9a-f]{7,40})")


def source_commits(data: Path) -> dict[str, list[str]]:
    """The snapshot commit ids that the data README gives for each source folder used."""
    readme = (data / "README.md").read_text(encoding="utf-8")
    commits: dict[str, list[str]] = {}
    for section in re.split(r"\n## ", readme):
        heading = section.split("\n", 1)[0]
        folder = next((name for name in SOURCES_USED if name in heading), None)
        if folder:
            found = [a or b for a, b in COMMIT_PATTERN.findall(section)]
            commits.setdefault(folder, []).extend(dict.fromkeys(found))
    return commits


def build(data: Path, out_dir: Path = DATA_DIR, built_on: date | None = None) -> dict[str, object]:
    """Rebuild the facts file and its provenance record; return the provenance."""
    data = data.resolve()
    facts = build_facts(data)
    payload = encode(facts)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / KB_FILE.name).write_bytes(payload)
    provenance = {
        "format": FORMAT_VERSION,
        "built_on": (built_on or date.today()).isoformat(),
        "built_from": "shared/data",
        "sources": source_commits(data),
        "licences": LICENCES,
        "sha256": hashlib.sha256(payload).hexdigest(),
        "bytes": len(payload),
        "counts": {
            name: len(facts[name])  # type: ignore[arg-type]
            for name in ("teams", "competitions", "players", "coaches", "fixtures")
        },
    }
    (out_dir / PROVENANCE_FILE.name).write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    return provenance
