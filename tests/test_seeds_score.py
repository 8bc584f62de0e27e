"""End to end: `sidelined extract --json` on the real articles, scored by the reference scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO, shared_or_skip
from sidelined.evaluation import guarded_figures

SIDELINED = [sys.executable, "-m", "sidelined"]


def _score(gold_dirs: list[Path], tmp_path: Path) -> dict:
    texts = [str(g.with_name(g.name.replace(".gold.json", ".txt"))) for d in gold_dirs
             for g in sorted(d.glob("*.gold.json"))]
    run = subprocess.run([*SIDELINED, "extract", "--json", *texts], capture_output=True, text=True,
                         cwd=REPO, check=True)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(run.stdout)
    scorer = shared_or_skip("tools", "score.py")
    args = [sys.executable, str(scorer), "score", "--pred", str(pred), "--json"]
    for d in gold_dirs:
        args += ["--gold", str(d)]
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def test_seed_headline_is_at_least_skeleton_bar(tmp_path: Path) -> None:
    seeds = shared_or_skip("seeds")
    result = _score([seeds], tmp_path)
    assert result["predicted_articles"] == result["articles"] == 3
    assert result["published_accuracy"] == 1.0
    assert result["headline"] >= 0.6, result


def test_corpus_figures_do_not_fall_below_recorded(tmp_path: Path) -> None:
    corpus = shared_or_skip("corpus")
    recorded = json.loads((REPO / "benchmarks" / "recorded_figures.json").read_text())
    dirs = [shared_or_skip("seeds"), *sorted(p for p in corpus.iterdir() if p.is_dir())]
    result = _score(dirs, tmp_path)
    figures = guarded_figures(result)
    drops = {k: (recorded[k], v) for k, v in figures.items() if v < recorded[k] - 0.02}
    assert not drops, f"figures fell more than 0.02 below benchmarks/recorded_figures.json: {drops}"


def test_eval_command_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    corpus = shared_or_skip("corpus")
    dirs = [shared_or_skip("seeds"), *sorted(p for p in corpus.iterdir() if p.is_dir())]
    reference = _score(dirs, tmp_path)
    run = subprocess.run([*SIDELINED, "eval", "--json", "--no-errors", *map(str, dirs)], capture_output=True,
                         text=True, cwd=REPO, check=True)
    ours = json.loads(run.stdout)
    for key in ("injury", "missed_fixtures", "match", "transfer"):
        assert ours[key] == {k: reference[key][k] for k in ours[key]}, key
    for key in ("field_accuracy", "match_score_accuracy", "published_accuracy", "headline"):
        assert ours[key] == reference[key], key
    assert ours["fields"] == {f: v["acc"] for f, v in reference["fields"].items()}
