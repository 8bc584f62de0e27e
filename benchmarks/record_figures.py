"""Record the corpus figures that CI guards (tests/test_seeds_score.py).

    python benchmarks/record_figures.py

Runs extraction on ../shared/seeds and ../shared/corpus/*, scores it with
`sidelined.evaluation`, and writes benchmarks/recorded_figures.json.  Run it
after a change that raises the figures, and commit the file with the change.
"""

from __future__ import annotations

import json
from pathlib import Path

from sidelined.cli.evaluate import evaluate_dirs
from sidelined.evaluation import guarded_figures

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    shared = REPO.parent / "shared"
    dirs = [shared / "seeds", *sorted(p for p in (shared / "corpus").iterdir() if p.is_dir())]
    figures, _ = evaluate_dirs(dirs)
    recorded = guarded_figures(figures)
    out = REPO / "benchmarks" / "recorded_figures.json"
    out.write_text(json.dumps(recorded, indent=2) + "\n")
    print(json.dumps(recorded, indent=2))


if __name__ == "__main__":
    main()
