"""The timex stage: every date, weekday, window and duration in an article, resolved on its day.

Public interface:

- `resolve(text, anchor) -> list[TimeExpression]`: every time expression in
  `text`, sorted by start, non-overlapping, with character offsets into `text`,
  resolved against `anchor` (the publication day).
  * kind `date` / `weekday`: one day, in `value` (and `earliest == latest ==
    value`).  A bare weekday looks back in the past tense (the latest such day
    on or before the anchor) and forward for a coming fixture (the next one on
    or after it; the anchor's own weekday is the anchor, ANNOTATION rule 18);
    "next Tuesday" is Tuesday of next week, "last Friday" the latest before
    the anchor.  "The previous day", "three days later" count from the day
    named before them.
  * kind `range`, `month`, `season`: a window in `earliest`/`latest`.  "The
    end of September" / "of the season" is that last day (`value == earliest
    == latest`, as ANNOTATION.md reads "until the end of the month"); "late
    September" stays a window (21st to 30th).
  * kind `duration`: `days_min`/`days_max` and the window counted from the
    anchor: "two to three weeks" is +14..+21, "up to six weeks" has
    `earliest` None, "at least ten days" has `latest` None; months and years
    count on the calendar.  "The past week" runs back from the anchor.
  * kind `vague`: "a few weeks", "the international break", "a spell": no day.
- `weekday_date_pairs(text) -> list[(weekday, month, day, span)]`: weekday +
  day-of-month pairs written without a year ("Friday (May 2)", "Tuesday 31
  March"), weekday 0 = Monday, for working out the year of publication.
- `season_of(day) -> "2025-26"` and `season_bounds("2024-25") -> (first, last)`:
  seasons run 1 July to 30 June.

Modules: `lexicon` (words), `patterns` (compiled regexes), `triggers` (where
rules are tried), `reach` (trying a rule from the words before its trigger),
`alternation` (cue lists grouped by first letter), `dates` (calendar
arithmetic), `tense` (looking back or forward), `absolute`, `relative` and
`durations` (the rules), `resolve` (the scanner), `scan`, `pairs`, `suite`
(the case suite), `bench` and `tempeval` (the benchmark: `sidelined bench timex`).
"""

from __future__ import annotations

from sidelined.timex.dates import season_bounds, season_of
from sidelined.timex.pairs import weekday_date_pairs
from sidelined.timex.resolve import resolve

__all__ = ["resolve", "season_bounds", "season_of", "weekday_date_pairs"]
