"""Published-day accuracy of ingest + dating on ../shared seeds and corpus, by the scorer's rule.

    .venv/bin/python benchmarks/bench_dating.py [--shared PATH] [--blind] [-v]

An article counts as right when its day is within the gold `published_window_days`.
`--blind` also removes each article's printed date (date line, byline stamp) to
measure inference alone on every article (window at least 1 day there).
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from sidelined.dating import date_article
from sidelined.ingest import read_inputs
from sidelined.models import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
KB: object | None = None
outlets_right = [0, 0]  # outlet as read, against gold (not scored by the reference scorer)


def load_knowledge_base() -> object | None:
    try:
        from sidelined.kb import load_kb
    except ImportError:
        return None
    return load_kb()


def gold_article(path: Path) -> dict[str, object]:
    record = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    article: dict[str, object] = record["article"]
    return article


def blind(article: Article) -> Article:
    return article.model_copy(update={"published": None, "published_source": None})


def accuracy(folder_globs: list[Path], *, blind_mode: bool, verbose: bool) -> tuple[int, int]:
    right = total = 0
    files = sorted(p for folder in folder_globs for p in folder.glob("*.txt"))
    for item in read_inputs([str(p) for p in files]):
        if not isinstance(item, Article):
            print("error:", item)
            continue
        gold = gold_article(Path(item.origin or ""))
        if not gold.get("published"):
            continue
        window = int(gold.get("published_window_days") or 0)
        article = blind(item) if blind_mode else item
        dated = date_article(article, kb=KB)
        expected = str(gold["published"])
        if blind_mode:
            window = max(window, 1)
        ok = dated.published is not None and abs((dated.published - date.fromisoformat(expected)).days) <= window
        right += ok
        total += 1
        outlets_right[0] += item.outlet == gold.get("outlet")
        outlets_right[1] += 1
        if verbose and not ok:
            print(f"  miss {item.id}: got {dated.published} ({dated.published_source}) want {expected} ±{window}")
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--blind", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--no-kb", action="store_true", help="date without the knowledge base's fixtures")
    options = parser.parse_args()
    global KB
    KB = None if options.no_kb else load_knowledge_base()
    started = time.perf_counter()
    for label, folders in (
        ("seeds", [options.shared / "seeds"]),
        ("corpus", sorted((options.shared / "corpus").glob("*/"))),
    ):
        right, total = accuracy(folders, blind_mode=False, verbose=options.verbose)
        print(f"{label}: published accuracy {right}/{total} = {right / total:.3f}" if total else f"{label}: none")
        if options.blind:
            right, total = accuracy(folders, blind_mode=True, verbose=options.verbose)
            print(f"{label} (printed dates removed): {right}/{total} = {right / total:.3f}" if total else "")
    print(f"outlet agreement with gold: {outlets_right[0]}/{outlets_right[1]}")
    print(f"time: {time.perf_counter() - started:.2f}s")


if __name__ == "__main__":
    main()
