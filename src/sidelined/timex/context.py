"""What a rule sees while it resolves one match: the text, the anchor day, the last day named.

`Rule` pairs a compiled pattern with the function that reads its matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sidelined.models import TimeExpression, TimexKind

_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass
class Context:
    text: str
    anchor: date
    low: str = ""  # the text lower-cased, same length: what the patterns run on
    last_day: date | None = None  # the most recent single day resolved so far, for "the previous day"
    last_day_end: int = -1  # where the expression naming `last_day` ends

    def word_before(self, start: int) -> str:
        """The word just before `start`, lower-cased ("" at the start of the text): the letters (A-Z) that
        end the 24 characters before `start` once spaces and commas are taken off their end."""
        window = self.text[max(0, start - 24) : start].rstrip()
        while window.endswith(","):
            window = window[:-1].rstrip()
        letters = _LETTERS.match(window[::-1])
        return letters.group()[::-1].lower() if letters else ""

    def make(
        self,
        start: int,
        end: int,
        kind: TimexKind,
        *,
        value: date | None = None,
        earliest: date | None = None,
        latest: date | None = None,
        days_min: int | None = None,
        days_max: int | None = None,
    ) -> TimeExpression:
        """Build an expression; a single day also bounds its own window."""
        if value is not None and earliest is None and latest is None:
            earliest = latest = value
        return TimeExpression.model_validate(  # from a dict: a little quicker than keyword arguments
            {"start": start, "end": end, "text": self.text[start:end], "kind": kind, "value": value,
             "earliest": earliest, "latest": latest, "days_min": days_min, "days_max": days_max}
        )


Handler = Callable[[Context, re.Match[str]], list[TimeExpression]]


@dataclass(frozen=True)
class Rule:
    """A pattern, the function that resolves its matches, and where to try it.

    The pattern is tried only near a trigger word of one of `triggers` (see
    `triggers.py`), starting at that word or up to `lookback` words before it.
    """

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    triggers: tuple[str, ...]
    lookback: int
