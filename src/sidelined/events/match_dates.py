"""Which day a named match is on: the time expression tied to the match phrase.

A day counts for a match when it follows the opponent closely ("against
Elche on March 14", "in La Liga on Oct. 20"), when it is a possessive
before the match noun ("Sunday's La Liga game against Real Betis"), or
when it stands right before the match words ("July 17 against the Columbus
Crew", "Saturday, March 7 for its home opener ... against").  A day after a
reporting verb ("... said on Wednesday") is the day of the news, not of the
match.  "Three days later" counts from the match named before it.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sidelined.events.cues import cue_pattern
from sidelined.events.match_teams import Spans
from sidelined.events.match_text import MATCH_NOUN_LOW, MATCH_NOUN_PLURAL_LOW, REPORTING_LOW
from sidelined.models import TimeExpression
from sidelined.textcase import lowered

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}
_COUNT = r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?)"
_LATER_AFTER = re.compile(rf"\s*,?\s*(?:just\s+)?{_COUNT}\s+later\b", re.I)
_BEFORE_PRECEDING = re.compile(rf"\b(?:just\s+)?{_COUNT}\s+before\b", re.I)
# A day right before the match words, perhaps with a kick-off time: "July 17 against", "Saturday 3pm: Arsenal v".
# The gaps between a day and the match words are read lower-cased (cues.lowered), with the text's own offsets.
_ADJACENT_BEFORE = cue_pattern(
    r"^\s*,?\s*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|gmt|bst|cet|et|local\s+time)?\s*[,:–-]?\s*)?"
    r"(?:(?:against|v\.?|vs\.?|versus)\s*)?$"
)
_RESPECTIVELY_DAY = re.compile(r"\s*(?:and|&)\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_BLOCKERS = cue_pattern(
    r"[;:]|\bsince\b|\buntil\b|\bafter\b|\b(?:and|but|while)\s+(?:\w+\s+)?(?:was|were|is|are|has|had|will|did)\b"
)


@dataclass(frozen=True)
class DayChoice:
    day: date
    start: int
    end: int
    text: str
    bare_weekday: bool = False  # a weekday alone ("on Sunday"), whose week the context decides


_NEXT_ITEM = cue_pattern(r"\s*(?:,\s*)?(?:and|or|but|while)\b")
_DATE_LINE = re.compile(r"\s*date\s+$", re.I)


def usable(text: str, timexes: list[TimeExpression], blocked: list[tuple[int, int]]) -> list[TimeExpression]:
    """Time expressions naming one day, outside team names ("Sheffield Wednesday") and the dateline."""
    out = []
    taken = Spans(tuple(blocked))
    for t in timexes:
        if t.value is None or t.kind not in ("date", "weekday") or _DATE_LINE.fullmatch(text, 0, t.start):
            continue
        if taken.overlaps(t.start, t.end):
            continue
        out.append(t)
    return sorted(out, key=lambda t: t.start)


_POSSESSIVE = re.compile(r"\w['’]s\b|s['’](?:\s|$)")


def is_possessive(text: str, t: TimeExpression) -> bool:
    """ "Sunday's", whether or not the time expression's own span took the "'s"."""
    return _POSSESSIVE.search(t.text) is not None or text[t.end : t.end + 2] in ("'s", "’s")


_MODIFIED = re.compile(r"\b(?:last|next|this|coming|past|previous)\b|\d", re.I)


def _choice(t: TimeExpression) -> DayChoice:
    assert t.value is not None
    bare = t.kind == "weekday" and not _MODIFIED.search(t.text)
    return DayChoice(t.value, t.start, t.end, t.text, bare)


def day_for(
    text: str,
    phrase_start: int,
    phrase_end: int,
    sent_start: int,
    sent_end: int,
    days: list[TimeExpression],
    others: list[tuple[int, int]],
    close_only: bool = False,
) -> DayChoice | None:
    """The day tied to the match phrase text[phrase_start:phrase_end], if any.

    `others` are the spans of the sentence's other match phrases: a day on
    their far side belongs to them.
    """
    in_sentence = [t for t in days if t.start >= sent_start and t.end <= sent_end]
    adjacent = _preceding(text, phrase_start, phrase_end, in_sentence, others, adjacent_only=True)
    if adjacent is not None:  # "July 17 against the Columbus Crew"
        return adjacent
    following = _following(text, phrase_end, in_sentence, others, 45 if not close_only else 16)
    if following is not None:
        return following
    possessive = _possessive(text, phrase_start, phrase_end, in_sentence, others, close_only)
    if possessive is not None:
        return possessive
    if close_only:
        return None
    following = _following(text, phrase_end, in_sentence, others, 75)
    if following is not None:
        return following
    return _preceding(text, phrase_start, phrase_end, in_sentence, others)


def _crosses(start: int, end: int, others: list[tuple[int, int]]) -> bool:
    return any(start <= s and e <= end for s, e in others)


def _following(text: str, end: int, days: list[TimeExpression], others: list[tuple[int, int]],
               reach: int) -> DayChoice | None:
    low = lowered(text)
    for t in days:
        if t.start < end:
            continue
        gap = low[end : t.start]
        if len(gap) > reach or REPORTING_LOW.search(gap) or _BLOCKERS.search(gap) or _crosses(end, t.start, others):
            return None
        if _NEXT_ITEM.match(gap):  # the day of the next item: "... and Wednesday's game"
            return None
        return _choice(t)
    return None


def _possessive(text: str, start: int, end: int, days: list[TimeExpression],
                others: list[tuple[int, int]], close_only: bool) -> DayChoice | None:
    low = lowered(text)
    for t in reversed(days):
        if t.end > start:
            continue
        if not is_possessive(text, t):
            continue
        gap = low[t.end : end]
        if len(gap) > (45 if close_only else 90) or _crosses(t.end, start, others) or ";" in gap:
            return None
        if _BLOCKERS.search(gap) or REPORTING_LOW.search(gap):  # "Thursday's game, after he was hurt in the draw with"
            return None
        return _choice(t)
    return None


def _preceding(text: str, start: int, end: int, days: list[TimeExpression],
               others: list[tuple[int, int]], adjacent_only: bool = False) -> DayChoice | None:
    low = lowered(text)
    for t in reversed(days):
        if t.end > start:
            continue
        gap = low[t.end : start]
        if len(gap) > 70 or _crosses(t.end, start, others) or REPORTING_LOW.search(gap) or ";" in gap:
            return None
        if _ADJACENT_BEFORE.match(gap):
            return _choice(t)
        if _NEXT_ITEM.match(gap) or _BLOCKERS.search(gap):  # "on Saturday and the friendly with France"
            return None
        if adjacent_only:
            return None
        words = low[t.end : end]
        if MATCH_NOUN_LOW.search(words) and not MATCH_NOUN_PLURAL_LOW.search(words):
            return _choice(t)
        return None
    return None


def pair_day(text: str, pair_end: int, sent_end: int, days: list[TimeExpression]) -> DayChoice | None:
    """The day tied to the match noun after a pair ("Celtic and Rangers ... ahead of Sunday's showdown")."""
    low = lowered(text)
    for t in days:
        if t.start < pair_end or t.end > sent_end:
            continue
        after = low[t.end : t.end + 45]
        before = low[max(pair_end, t.start - 30) : t.start]
        if is_possessive(text, t) and MATCH_NOUN_LOW.search(after):
            return _choice(t)
        if MATCH_NOUN_LOW.search(before) and not MATCH_NOUN_PLURAL_LOW.search(before):
            return _choice(t)
    return None


def days_later(text: str, phrase_start: int, phrase_end: int, floor: int, base: date | None) -> DayChoice | None:
    """ "the friendly with France three days later", "three days before the first leg ... with Chelsea"."""
    if base is None:
        return None
    m = _LATER_AFTER.match(text, phrase_end)
    if m is None:
        window = text[max(floor, phrase_start - 90) : phrase_start]
        found = list(_BEFORE_PRECEDING.finditer(window))
        if not found:
            return None
        m = found[-1]
        start = max(floor, phrase_start - 90) + m.start()
        end = max(floor, phrase_start - 90) + m.end()
    else:
        start, end = m.start(), m.end()
    count = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
    step = 7 if m.group(2).lower().startswith("week") else 1
    return DayChoice(base + timedelta(days=count * step), start, end, m.group(0).strip())


def respective_days(text: str, after: int, sent_end: int, days: list[TimeExpression]) -> list[DayChoice]:
    """The days listed after `after` in a "... on March 27 and 31 respectively" sentence."""
    out: list[DayChoice] = []
    taken = {t.start for t in days}
    for t in days:
        if t.start < after or t.end > sent_end:
            continue
        out.append(_choice(t))
        extra = _RESPECTIVELY_DAY.match(text, t.end)
        if extra and t.value is not None and extra.start(1) not in taken:
            with contextlib.suppress(ValueError):  # "and 31" in a 30-day month
                out.append(DayChoice(t.value.replace(day=int(extra.group(1))), extra.start(1), extra.end(1),
                                     extra.group(1)))
    return out


_STRONG_FUTURE = cue_pattern(
    r"\b(?:will|won't|shall|set\s+to|ahead\s+of|upcoming|face|faces|facing|host|hosts|hosting|welcomes?|"
    r"play|plays|travel|travels|visit|visits|meet|meets|"
    r"take\s+on|takes\s+on|trip\s+to|visit\s+(?:of|by)|prepar\w+\s+for|due\s+to|scheduled|"
    r"returns?\s+to\s+action|kick\s+off)\b"
)
_STRONG_PAST = cue_pattern(
    r"\b(?:injured|hurt|suffered|suffering|sustained|limped|carried\s+off|forced\s+off|stretchered|"
    r"substituted|during|scoring|scored|went\s+off|came\s+off|exited|occurred|was\s+beaten|"
    r"win|won|victory|defeat|loss|lost|draw|drew|beat)\b"
)


def settle_weekday(text: str, choice: DayChoice, clause_start: int, clause_end: int,
                   played: bool | None, published: date) -> DayChoice:
    """Move a bare weekday to the week the match words point to, when they point clearly.

    `played` is True when a final score is attached.  Otherwise a clause with
    only future words ("will", "ahead of", "trip to") puts the day after
    publication and one with only past words ("injured in", "a 2-1 win")
    before it; with both or neither the time-expression stage's choice stands.
    """
    if not choice.bare_weekday:
        return choice
    if played is None:
        clause = lowered(text)[clause_start:clause_end]
        future = _STRONG_FUTURE.search(clause) is not None
        past = _STRONG_PAST.search(clause) is not None
        if future == past:
            return choice
        played = past
    if (choice.day <= published) == played:  # the time-expression stage already agrees
        return choice
    weekday = choice.day.weekday()
    if played:
        day = published - timedelta(days=(published.weekday() - weekday) % 7)
    else:
        day = published + timedelta(days=(weekday - published.weekday()) % 7)
    return replace(choice, day=day)
