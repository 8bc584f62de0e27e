"""Resource limits shared by every way in: entries per feed and a time budget per article.

The extraction budget is enforced with a real-time interval timer (SIGALRM)
when extraction runs on a POSIX main thread, which is where the CLI, batch
ingest and the worker processes of `extract_many` run it: a stage that loops
or backtracks is interrupted and the article ends as `ExtractionTooSlow`.
Elsewhere (the API's worker threads, where signals cannot be delivered) the
budget is checked when extraction returns and the result is refused; there
the request body cap (`sidelined.api.schemas.MAX_ARTICLE_CHARS`) bounds the work.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from sidelined.errors import ExtractionFailed

MAX_FEED_ENTRIES = 500
DEFAULT_EXTRACTION_SECONDS = 20.0
BUDGET_ENV = "SIDELINED_EXTRACTION_SECONDS"


class ExtractionTooSlow(ExtractionFailed):
    """An article whose extraction ran past the per-article time budget."""

    kind = "too-slow"


def extraction_seconds() -> float:
    """The per-article budget: $SIDELINED_EXTRACTION_SECONDS when set to a positive number, else the default."""
    raw = os.environ.get(BUDGET_ENV, "")
    try:
        seconds = float(raw)
    except ValueError:
        return DEFAULT_EXTRACTION_SECONDS
    return seconds if seconds > 0 else DEFAULT_EXTRACTION_SECONDS


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def extraction_budget(source: str, seconds: float | None = None) -> Iterator[None]:
    """Run the body within `seconds` (default `extraction_seconds()`), else raise ExtractionTooSlow."""
    budget = extraction_seconds() if seconds is None else seconds
    too_slow = ExtractionTooSlow(source, f"extraction took longer than the {budget:g}s budget per article")
    started = time.monotonic()
    if not _can_use_alarm():
        yield
        if time.monotonic() - started > budget:
            raise too_slow
        return

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise too_slow

    previous_handler = signal.signal(signal.SIGALRM, interrupt)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:  # an outer timer (e.g. a test runner's) keeps running, less the time spent here
            remaining = max(previous_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, remaining, previous_interval)
