"""Whole-pipeline speed: knowledge-base loading timed apart from per-article extraction.

Speed is reported per CPU second of this process (what one core does, whatever
else the machine is running) and per wall-clock second.
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass
from pathlib import Path

from sidelined.errors import InputError
from sidelined.models import Article

PACKAGE = Path(__file__).resolve().parent
SHARED = PACKAGE.parents[2] / "shared"


@dataclass
class ExtractSpeed:
    kb_load_s: float
    articles: int
    passes: int
    chars_per_article: float
    per_cpu_second: float
    per_wall_second: float
    peak_rss_mb: float

    def report(self) -> str:
        return "\n".join([
            f"knowledge base load: {self.kb_load_s:.2f} s",
            f"extraction: {self.per_cpu_second:,.0f} articles per CPU second on one core "
            f"({self.per_wall_second:,.0f} per wall-clock second); {self.articles} articles x {self.passes} passes, "
            f"{self.chars_per_article:,.0f} characters each on average",
            f"peak resident memory: {self.peak_rss_mb:,.0f} MB",
        ])


def corpus(shared: Path = SHARED) -> list[Article]:
    """The real articles of ../shared (seeds and corpus), or the bundled examples when it is absent."""
    from sidelined.ingest import read_inputs

    folders = [shared / "seeds", *sorted((shared / "corpus").glob("*"))] if shared.exists() else [
        PACKAGE / "examples"]
    return [a for a in read_inputs([str(f) for f in folders]) if not isinstance(a, InputError)]


def extract_speed(seconds: float = 5.0, shared: Path = SHARED) -> ExtractSpeed:
    """Run the whole pipeline over the corpus, pass after pass, for about `seconds` of CPU time."""
    from sidelined.kb import load_kb
    from sidelined.pipeline import extract_article

    started = time.perf_counter()
    kb = load_kb()
    load_s = time.perf_counter() - started
    articles = corpus(shared)
    extract_article(articles[0], kb)  # compile patterns, fill caches
    cpu0, wall0, passes = time.process_time(), time.perf_counter(), 0
    while passes == 0 or time.process_time() - cpu0 < seconds:
        for article in articles:
            extract_article(article, kb)
        passes += 1
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    n = len(articles) * passes
    return ExtractSpeed(
        kb_load_s=load_s, articles=len(articles), passes=passes,
        chars_per_article=sum(len(a.text) for a in articles) / len(articles),
        per_cpu_second=n / cpu, per_wall_second=n / wall,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
