"""The timex stage: every date, weekday, window and duration in an article, resolved on its day.

Public interface:

- `resolve(text, anchor) -> list[TimeExpression]`: every time expression in
  `text`, sorted by start, non-overlapping, with character offsets into `text`,
  resolved against `anchor` (the publication day).  A single day has
  `value` (and `earliest == latest == value`); a window (range, month,
  season) has `earliest`/`latest`; "the end of September" / "of the season"
  is that last day (`value == earliest == latest`, as ANNOTATION.md reads
  "until the end of the month"), while "late September" stays a window
  (21st to 30th); a duration ("two to three
  weeks") has `days_min`/`days_max` and the window counted from the anchor
  (open bounds are None); a vague expression has nothing.
- `weekday_date_pairs(text) -> list[(weekday, month, day, span)]`: weekday +
  day-of-month pairs written without a year ("Friday (May 2)", "Tuesday 31
  March"), weekday 0 = Monday, for working out the year of publication.
- `season_of(day) -> "2025-26"` and `season_bounds("2024-25") -> (first, last)`:
  seasons run 1 July to 30 June.

Modules: `lexicon` (words), `patterns` (compiled regexes), `dates` (calendar
arithmetic), `tense` (looking back or forward), `absolute`, `relative` and
`durations` (the rules), `resolve` (the scanner), `pairs`, `bench` (accuracy
and speed benchmark).
"""

from __future__ import annotations

from sidelined.timex.dates import season_bounds, season_of
from sidelined.timex.pairs import weekday_date_pairs
from sidelined.timex.resolve import resolve

__all__ = ["resolve", "season_bounds", "season_of", "weekday_date_pairs"]
