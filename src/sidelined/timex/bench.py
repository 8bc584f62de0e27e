"""The timex benchmark: accuracy against dateparser on the case suite, and articles per second.

Accuracy: every case of `tests/timex_cases/cases.jsonl` is judged for
sidelined strictly (`suite.case_problems`).  dateparser's `search_dates`
(a dev dependency, imported only here) gives points in time, not spans with
kinds, so it is judged generously: an expected day must be among the dates it
finds over that stretch, an expected window only needs one of its dates to
fall inside, and vague words and non-dates pass when it finds nothing there.
It runs once per PREFER_DATES_FROM setting (past, future, current_period).

Speed: `resolve` over every article text of the shared seeds and corpus, on
one core, repeated for a few seconds.  When the shared data holds the
TempEval-3 platinum set, its DATE values are checked too (`tempeval.py`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sidelined.timex.resolve import resolve
from sidelined.timex.suite import Case, case_problems, load_cases, span_of

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
TEMPEVAL = Path("data") / "tempeval3" / "te3-platinum"
DATEPARSER_SETTINGS = ("past", "future", "current_period")

Found = list[tuple[int, int, date]]


@dataclass
class Accuracy:
    cases: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    right: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))


def _dateparser_search() -> Callable[..., Any] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    return search_dates


def _dateparser_found(search: Callable[..., Any], case: Case, prefer: str) -> Found:
    settings = {"RELATIVE_BASE": datetime.combine(case.anchor, datetime.min.time()), "PREFER_DATES_FROM": prefer}
    results = search(case.sentence, languages=["en"], settings=settings) or []
    found: Found = []
    cursor = 0
    for stretch, moment in results:
        start = case.sentence.find(stretch, cursor)
        if start < 0:
            start = case.sentence.find(stretch)
        if start < 0:
            continue
        cursor = start + len(stretch)
        found.append((start, start + len(stretch), moment.date()))
    return found


def _dates_over(found: Found, start: int, end: int) -> list[date]:
    return [day for first, last, day in found if first < end and start < last]


def _dateparser_item_right(case: Case, item: dict[str, Any], found: Found) -> bool:
    days = _dates_over(found, *span_of(case.sentence, item["text"]))
    if item.get("value"):
        return date.fromisoformat(item["value"]) in days
    earliest, latest = item.get("earliest"), item.get("latest")
    if earliest is None and latest is None:
        return not days
    low = date.fromisoformat(earliest) if earliest else date.min
    high = date.fromisoformat(latest) if latest else date.max
    return any(low <= day <= high for day in days)


def dateparser_case_right(case: Case, found: Found) -> bool:
    if not all(_dateparser_item_right(case, item, found) for item in case.expected):
        return False
    return not any(_dates_over(found, *span_of(case.sentence, stretch)) for stretch in case.not_dates)


def measure_accuracy(cases: Sequence[Case]) -> tuple[Accuracy, bool]:
    """Per-class right answers of sidelined and of dateparser under each setting."""
    search = _dateparser_search()
    accuracy = Accuracy()
    for case in cases:
        accuracy.cases[case.klass] += 1
        if not case_problems(case, resolve(case.sentence, case.anchor)):
            accuracy.right["sidelined"][case.klass] += 1
        if search is None:
            continue
        for prefer in DATEPARSER_SETTINGS:
            if dateparser_case_right(case, _dateparser_found(search, case, prefer)):
                accuracy.right[f"dateparser ({prefer})"][case.klass] += 1
    return accuracy, search is not None


def accuracy_table(accuracy: Accuracy) -> str:
    """A markdown table: one row per class and a total row, one column per system."""
    systems = ["sidelined"] + [f"dateparser ({prefer})" for prefer in DATEPARSER_SETTINGS]
    systems = [system for system in systems if system == "sidelined" or system in accuracy.right]
    lines = ["| class | cases | " + " | ".join(systems) + " |", "|---|---:|" + "---:|" * len(systems)]
    for klass in sorted(accuracy.cases):
        total = accuracy.cases[klass]
        cells = [f"{accuracy.right[system][klass] / total:.0%}" for system in systems]
        lines.append(f"| {klass} | {total} | " + " | ".join(cells) + " |")
    grand = sum(accuracy.cases.values())
    cells = [f"**{sum(accuracy.right[system].values()) / grand:.1%}**" for system in systems]
    lines.append(f"| **all** | {grand} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def dateparser_wins(accuracy: Accuracy) -> list[str]:
    """Classes where some dateparser setting beats sidelined."""
    ours = accuracy.right["sidelined"]
    return sorted(
        klass
        for klass in accuracy.cases
        for system, right in accuracy.right.items()
        if system != "sidelined" and right[klass] > ours[klass]
    )


def article_texts(shared: Path = SHARED) -> list[tuple[str, date]]:
    """Every seed and corpus article with its gold publication day (or 2026-01-01 when unknown)."""
    import json

    texts = []
    for path in sorted([*shared.glob("seeds/*.txt"), *shared.glob("corpus/*/*.txt")]):
        gold = path.with_suffix(".gold.json")
        published = date(2026, 1, 1)
        if gold.exists():
            published = date.fromisoformat(json.loads(gold.read_text(encoding="utf-8"))["article"]["published"])
        texts.append((path.read_text(encoding="utf-8"), published))
    return texts


def measure_speed(texts: Sequence[tuple[str, date]], seconds: float = 3.0) -> tuple[float, float, float, int]:
    """(articles/s by CPU time, articles/s by wall clock, characters/s by CPU time, articles resolved).

    CPU time is this process's own, so other work on a shared machine does not count against it.
    """
    for text, anchor in texts:
        resolve(text, anchor)
    done = characters = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for text, anchor in texts:
            resolve(text, anchor)
            characters += len(text)
        done += len(texts)
    wall = time.perf_counter() - started
    cpu = max(time.process_time() - cpu_started, 1e-9)
    return done / cpu, done / wall, characters / cpu, done


def report(seconds: float = 3.0, cases_path: Path | None = None, shared: Path = SHARED) -> str:
    """The whole benchmark as markdown text."""
    cases = load_cases(cases_path) if cases_path else load_cases()
    accuracy, have_dateparser = measure_accuracy(cases)
    parts = ["## Accuracy on the timex case suite", "", accuracy_table(accuracy), ""]
    if not have_dateparser:
        parts.append("dateparser is not installed (it is a dev dependency: pip install -e '.[dev]'); "
                     "only sidelined was measured.")
    else:
        wins = dateparser_wins(accuracy)
        parts.append(f"Classes where dateparser wins: {', '.join(wins) if wins else 'none'}.")
    texts = article_texts(shared)
    parts += ["", "## Speed of resolve (one core)", ""]
    if texts:
        per_cpu_second, per_wall_second, chars_per_second, done = measure_speed(texts, seconds)
        parts.append(f"{per_cpu_second:,.0f} articles per CPU second ({chars_per_second / 1e6:.2f} M characters/s; "
                     f"{per_wall_second:,.0f} per wall-clock second) over {len(texts)} seed and corpus articles, "
                     f"{done:,} resolved in total.")
    else:
        parts.append(f"No articles found under {shared} (seeds/ and corpus/*/).")
    if (shared / TEMPEVAL).is_dir():
        from sidelined.timex.tempeval import tempeval_summary

        parts += ["", "## General news (TempEval-3)", "", tempeval_summary(shared / TEMPEVAL)]
    return "\n".join(parts)
