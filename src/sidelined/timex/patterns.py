"""The compiled regular expressions that find time expressions, one per shape.

Compiled once at import; the rules in `absolute.py` and `relative.py` pair each
with the function that turns its match into a resolved `TimeExpression`.
"""

from __future__ import annotations

import re

from sidelined.timex.lexicon import (
    APOS,
    DAY,
    FULL_MONTH,
    FULL_WEEKDAY,
    MONTH,
    NUMBER,
    PART_OF_DAY,
    RANGE_JOIN,
    UNIT,
    WEEKDAY,
    YEAR,
)


def _compile(pattern: str) -> re.Pattern[str]:
    """Patterns run on the lower-cased text (case-sensitive matching is much faster)."""
    return re.compile(pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P="))


ISO_DATE = _compile(rf"(?<![\w/-])(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:(?=t\d)|(?![\w-]))")

NUMERIC_DATE = _compile(
    r"(?<![\w/.:-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)?\d\d)(?![\w/-]|\.\d)"
)

_LIST_JOIN = r"(?P<join>\s*[-–/]\s*|\s+to\s+|\s+and\s+|\s*&\s*)"

MONTH_DAY = _compile(
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})\b"
    rf"(?:{_LIST_JOIN}(?P<d2>{DAY})\b)?(?:,?\s+(?P<y>{YEAR})\b)?"
)

DAY_MONTH = _compile(
    rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})(?:{_LIST_JOIN}(?P<d2>{DAY}))?"
    rf"(?:\s+of)?\s+(?P<m>{MONTH})(?!\w)(?:,?\s+(?P<y>{YEAR})\b)?"
)

CROSS_MONTH_RANGE = _compile(
    rf"\b(?:(?P<lead>from|between)\s+)?(?:(?P<m1>{MONTH})\s+(?P<d1>{DAY})|(?P<d1b>{DAY})\s+(?P<m1b>{MONTH}))"
    rf"(?:,?\s+(?P<y1>{YEAR}))?(?P<join>{RANGE_JOIN}|\s+and\s+)"
    rf"(?:(?P<m2>{MONTH})\s+(?P<d2>{DAY})|(?P<d2b>{DAY})\s+(?P<m2b>{MONTH}))\b(?:,?\s+(?P<y2>{YEAR})\b)?"
)

WEEKDAY_WITH_DATE = _compile(
    rf"\b(?:(?P<rel>this|next|last)\s+)?(?P<wd>{FULL_WEEKDAY})(?:{APOS}s)?\s*\(\s*"
    rf"(?:(?P<ma>{MONTH})\s+(?P<da>{DAY})|(?P<db>{DAY})\s+(?P<mb>{MONTH}))\s*\)"
)

_MONTH_PART = r"(?P<part>early|late|mid|(?:the\s+)?(?:start|beginning|end|middle|turn)\s+of)"

MONTH_YEAR = _compile(rf"\b(?:{_MONTH_PART}[\s-]+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b(?!\s*[-/–]\s*\d)")

BARE_MONTH = _compile(
    rf"\b(?:{_MONTH_PART}[\s-]+)?(?:(?P<rel>last|next|this|this coming)\s+)?(?P<m>{FULL_MONTH})\b"
)

TABLE_MONTH = _compile(r"(?:(?<=[(,]\s)|(?<=\())(?P<m>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s*[),])")

HOLIDAY = _compile(
    rf"\b(?P<name>Christmas(?:\s+(?:Day|Eve))?|Xmas|Boxing\s+Day|St\.?\s+Stephen{APOS}s\s+Day|"
    rf"New\s+Year{APOS}s\s+(?:Day|Eve)|the\s+new\s+year|Easter(?:\s+(?:Sunday|Monday|weekend))?)\b"
    rf"(?:\s+(?P<rel>last|next|this)\s+year\b)?"
)

ORDINAL_DAY = _compile(
    r"\b(?P<prep>on|by|until|till|from|since|before|after)\s+(?P<the>the)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    r"(?!\s+(?:minute|min|place|round|time|anniversary|birthday|game|match|goal|of\s+(?!this|next|last|the\s+month)))"
    r"(?:\s+of\s+(?P<rel>this|next|last)\s+month)?"
)

SEASON_SPAN = _compile(
    rf"\b(?:(?:the\s+)?(?:season|campaign)\s+)?(?P<y1>{YEAR})\s*[-/–]\s*(?P<y2>\d\d(?:\d\d)?)\b"
    rf"(?!\s*[-/–]\s*\d)(?:\s+(?:season|campaign))?"
)

YEAR_SEASON = _compile(rf"\b(?:the\s+)?(?P<y>{YEAR})\s+(?:season|campaign)\b")

BARE_YEAR = _compile(
    rf"\b(?P<prep>in|since|until|till|by|before|after|during|from|to|of|early|late|mid)\s+"
    rf"(?P<y>{YEAR})\b(?!\s*[-/–]\s*\d)"
)

WEEKDAY_REF = _compile(
    rf"\b(?:(?P<rel>this coming|this|next|last)\s+)?(?P<wd>{FULL_WEEKDAY})(?P<poss>{APOS}s)?"
    rf"(?:\s+(?:at\s+(?=\d))?(?P<pod>{PART_OF_DAY})(?P<podposs>{APOS}s)?)?(?![\w-])"
)

RELATIVE_DAY = _compile(
    r"\b(?P<word>today|tonight|tomorrow(?:\s+(?:night|morning|afternoon|evening))?|"
    r"yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night|overnight|"
    r"this\s+(?:morning|afternoon|evening)|the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday|"
    r"the\s+(?:previous|following|next)\s+(?:day|night|evening|morning)|the\s+day\s+(?:before|after)|"
    r"the\s+night\s+before|a\s+day\s+(?:later|earlier)|the\s+eve)\b"
)

_REL = r"(?P<rel>this|next|last|the|the following|the previous|the coming|this coming)"
_PART = (
    r"(?:(?:the\s+)?(?P<part>start|beginning|end|middle|turn)\s+of\s+|(?P<edge>early|late|mid)[\s-]|"
    r"(?P<side>later|earlier)\s+)"
)

_NOT_OF = r"(?![-\w]|\s+of\b)"  # "the last week of the camp" is no calendar week
RELATIVE_MONTH = _compile(rf"\b{_PART}?{_REL}\s+month\b{_NOT_OF}")
RELATIVE_YEAR = _compile(rf"\b{_PART}?{_REL}\s+year\b{_NOT_OF}")
RELATIVE_WEEK = _compile(rf"\b{_PART}?{_REL}\s+week\b{_NOT_OF}")
WEEKEND = _compile(r"\b(?P<rel>this coming|this past|this|next|last|the|over the|at the)\s+weekend\b")

RELATIVE_SEASON = _compile(
    r"\b(?:(?P<side>later|earlier)\s+)?"
    r"(?P<rel>this|next|last|the current|the new|the previous|the coming|the following|the)\s+"
    r"(?:(?:league|domestic|club|sports|football)\s+)?(?P<word>season|campaign|term)\b(?![-\w])"
)
SHORT_SEASON = _compile(r"\b(?P<y1>\d\d)/(?P<y2>\d\d)\s+(?:season|campaign)\b")
PART_OF_SEASON = _compile(
    r"\b(?:the\s+)?(?P<part>rest|remainder|end|start|beginning|middle|second half|first half|back end)"
    r"\s+of\s+(?:[\w.’'-]+\s+){0,4}?(?:season|campaign)\b"
)

SEASON_OF_YEAR = _compile(
    r"\b(?P<rel>this|next|last|the|over the|in the|during the)\s+(?P<s>summer|winter|spring|autumn)\b"
)

BREAK = _compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:international|winter|mid-season|midseason|Christmas|festive|"
    r"November|October|March|September|June)\s+(?:break|window|period|fixtures|schedule)\b"
)

DURATION = _compile(
    rf"\b(?:(?P<q>up to|within\s+the\s+(?:next|coming)|within|inside|at least|a minimum of|a maximum of|"
    rf"at most|no more than|more than|over|under|"
    rf"less than|fewer than|around|about|approximately|roughly|nearly|almost|another|a further|"
    rf"an extra|between|(?:the\s+)?(?:next|coming|following|past|last|first)|in)\s+)?"
    rf"(?P<n1>{NUMBER}|a|an)(?:(?P<join>\s*[-–]\s*|-to-|\s+to\s+|\s+or\s+|\s+and\s+)(?P<n2>{NUMBER}))?"
    rf"(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<u>{UNIT})\b"
    rf"(?P<post>(?:{APOS}s?)?\s+(?:time|away|ago|later|earlier)\b|-old\b|"
    rf"\s+(?:before|after)(?=\s+(?:the|his|her|their|its|a|an|being|he|she|they)\b))?"
)

ONE_OR_TWO = _compile(rf"\b(?P<n1>a|an|one)\s+(?P<u>{UNIT})\s+or\s+(?P<n2>two|three|so)\b")
ONE_UNIT = _compile(r"\bthe\s+(?P<q>next|past|last)\s+(?P<u>day|week|fortnight|month|year)\b(?![-\w]|\s+of\b)")

VAGUE = _compile(
    rf"\b(?:(?:a few|a couple of|a couple|several|a number of|many|some|a handful of)\s+(?:more\s+)?{UNIT}|"
    r"(?:in\s+)?the\s+(?:coming|next few|next couple of|following)\s+(?:days|weeks|months)|"
    r"recent\s+(?:days|weeks|months)|a\s+matter\s+of\s+(?:days|weeks|months)|a\s+(?:lengthy\s+|long\s+|short\s+|brief\s+)?spell|"
    r"the\s+foreseeable\s+future|some\s+time|a\s+long\s+time|the\s+long\s+term|mid-?week)\b"
)
