"""Words of time in English news prose, and the regex fragments built from them.

Tables map a written word to its number (months, weekdays, counts, units);
the fragments are strings shared by the compiled patterns in `patterns.py`.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2,
    "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4,
    "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

COUNTS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
}  # fmt: skip



HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "xmas": (12, 25), "boxing day": (12, 26), "st stephen's day": (12, 26),
    "st. stephen's day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
    "new year": (1, 1),
}  # fmt: skip


def _alternation(words: object) -> str:
    ordered = sorted(set(words), key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(ordered)


MONTH = rf"(?:{_alternation(FULL_MONTHS)}|(?:{_alternation(set(MONTHS) - set(FULL_MONTHS))})\.?)"
FULL_MONTH = rf"(?:{_alternation(FULL_MONTHS)})"
WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})\.?"
FULL_WEEKDAY = rf"(?:{_alternation(FULL_WEEKDAYS)})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19[5-9]\d|20\d\d)"
NUMBER = rf"(?:\d{{1,3}}|{_alternation(w for w in COUNTS if w not in ('a', 'an'))})"
APOS = r"['’]"
UNIT = r"(?:days?|weeks?|fortnights?|months?|years?)"
PART_OF_DAY = r"(?:night|evening|afternoon|morning|lunchtime|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))"
RANGE_JOIN = r"(?:\s*[-–]\s*|\s+to\s+|\s+until\s+|\s+through\s+)"


def number_value(word: str) -> int | None:
    """12 -> 12, "twelve" -> 12, "a" -> 1; None for a word that is no count."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return COUNTS.get(word)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    return int(word[:2] if word[:2].isdigit() else word[:1])


def unit_name(word: str) -> str:
    return word.lower().rstrip("s")
