"""Extraction speed: knowledge-base loading timed apart from per-article extraction.

    python benchmarks/bench_extract.py [--repeat N]

Reads every article of ../shared/seeds and ../shared/corpus (or the bundled
examples when ../shared is absent), then runs the whole pipeline on one core
and prints load time, articles per second and characters per article.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from sidelined.errors import InputError
from sidelined.ingest import read_inputs
from sidelined.kb import load_kb
from sidelined.models import Article
from sidelined.pipeline import extract_article

REPO = Path(__file__).resolve().parents[1]


def corpus() -> list[Article]:
    shared = REPO.parent / "shared"
    folders = [shared / "seeds", *sorted((shared / "corpus").glob("*"))] if shared.exists() else [
        REPO / "src" / "sidelined" / "examples"]
    return [a for a in read_inputs([str(f) for f in folders]) if not isinstance(a, InputError)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus")
    args = parser.parse_args()
    started = time.perf_counter()
    kb = load_kb()
    load_s = time.perf_counter() - started
    articles = corpus()
    extract_article(articles[0], kb)  # warm caches
    started = time.perf_counter()
    for _ in range(args.repeat):
        for article in articles:
            extract_article(article, kb)
    elapsed = time.perf_counter() - started
    n = len(articles) * args.repeat
    chars = sum(len(a.text) for a in articles) / len(articles)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"knowledge base load: {load_s:.2f} s")
    print(f"extraction: {n / elapsed:,.0f} articles/s on one core ({len(articles)} articles x {args.repeat}, "
          f"{chars:,.0f} characters each on average)")
    print(f"peak resident memory: {rss:,.0f} MB")


if __name__ == "__main__":
    main()
