"""Printed dates: month and weekday names, full dates with a year, and time stamps.

A *stamp* is a full date printed next to a clock time ("07 Mar 2026 00:08",
"Friday, 9 November 2018, 14:21", "November 15, 2017 / 1:02 PM"): the form
pages use for their publication line, unlike a date inside a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {}
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
for number, name in enumerate(_MONTH_NAMES, start=1):
    MONTHS[name] = number
    MONTHS[name[:3]] = number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")):
    WEEKDAYS[name] = number
    WEEKDAYS[name[:3]] = number
for alias, number in (("tues", 1), ("weds", 2), ("thur", 3), ("thurs", 3)):
    WEEKDAYS[alias] = number

MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
WEEKDAY_RE = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|weds|thu(?:r(?:s(?:day)?)?)?|" \
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
ORDINAL_RE = r"(?:st|nd|rd|th)?"
YEAR_RE = r"(?:19|20)\d\d"
# The two orders of a day and a month ("March 7th", "7 of March"), groups `day` and `month`;
# what may follow (a year, a range) is up to each pattern built on them.
MONTH_DAY_RE = rf"(?P<month>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}}){ORDINAL_RE}"
DAY_MONTH_RE = rf"(?P<day>\d{{1,2}}){ORDINAL_RE}\s+(?:of\s+)?(?P<month>{MONTH_RE})"

_DAY_MONTH_YEAR = re.compile(rf"\b{DAY_MONTH_RE}\.?,?\s+(?P<year>{YEAR_RE})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{MONTH_DAY_RE},?\s+(?P<year>{YEAR_RE})\b", re.IGNORECASE)
_ISO_DATE = re.compile(rf"\b(?P<year>{YEAR_RE})-(?P<month>\d\d)-(?P<day>\d\d)\b")
_CLOCK_AFTER = re.compile(r"^[\s,/|\-–—@]*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\b", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(
    r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?[\s,|\-–—]*(?:on\s+)?$", re.IGNORECASE
)
_LABEL_BEFORE = re.compile(
    r"\b(?:published|posted|updated|last updated|first published|last modified|date)\s*(?:on|:)?\s*$",
    re.IGNORECASE,
)
_IN_SENTENCE = re.compile(r"\b[a-z]+\W*$")
_WEEKDAY_PREFIX = re.compile(r"[A-Za-z]{3,9},?\s*$")


@dataclass(frozen=True)
class PrintedDate:
    """A full date with its year, as printed in the text at [start, end)."""

    value: date
    start: int
    end: int


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def weekday_number(name: str) -> int | None:
    return WEEKDAYS.get(name.lower().rstrip("."))


def full_dates(text: str) -> list[PrintedDate]:
    """Every full date (day, month and year) printed in `text`, in order."""
    found: list[PrintedDate] = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO_DATE):
        for match in pattern.finditer(text):
            value = _to_date(match)
            if value is not None:
                found.append(PrintedDate(value, match.start(), match.end()))
    return sorted(found, key=lambda printed: printed.start)


def _to_date(match: re.Match[str]) -> date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    if month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def stamps(text: str) -> list[PrintedDate]:
    """Full dates printed as a publication line: beside a clock time ("07 Mar 2026 00:08",
    "18:42, 14 Feb 2025") or after a label ("Published: 5 March 2025")."""
    return [found for found in full_dates(text) if _is_stamp(text, found)]


def _is_stamp(text: str, found: PrintedDate) -> bool:
    line_start = text.rfind("\n", 0, found.start) + 1
    before = _WEEKDAY_PREFIX.sub("", text[max(line_start, found.start - 40) : found.start])
    if _LABEL_BEFORE.search(before):
        return True
    # "... the draw on Oct. 1, 2017, 20:30": a date inside a sentence is an event, not a stamp.
    clock = _CLOCK_BEFORE.search(before)
    if clock:
        return not _IN_SENTENCE.search(before[: clock.start()])
    return not _IN_SENTENCE.search(before) and bool(_CLOCK_AFTER.match(text[found.end : found.end + 20]))
