"""The scanner: run every rule over a text, keep the longest non-overlapping finds, resolve them.

Candidates from all rules compete for the text: the longest wins, ties go to
the rule listed first.  The kept finds are then resolved left to right, so that
"the previous day" or "three days later" can count from the day named before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from sidelined.models import TimeExpression
from sidelined.timex import absolute, durations, relative
from sidelined.timex.context import Context, Rule
from sidelined.timex.reach import WordsBefore, reaching
from sidelined.timex.triggers import find_triggers

RULES: tuple[Rule, ...] = absolute.RULES + durations.RULES + relative.RULES
_DAY_KINDS = frozenset({"date", "weekday"})
# Rules whose matches may count from the last day named ("three days later", "the previous day"): they are
# resolved again once the days before them are known, when the match says it reads that day.
_COUNT_FROM_LAST_DAY: dict[str, Callable[[re.Match[str]], bool]] = {
    "duration": durations.counts_from_last_day, "relative_day": relative.counts_from_last_day}
_REACHING = tuple(reaching(rule.pattern, rule.lookback) if rule.lookback else rule.pattern for rule in RULES)
_URL = re.compile(r"(?:https?://|www\.)\S+")


def lower_same_length(text: str) -> str:
    """The text lower-cased, keeping every offset (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _positions(families: tuple[str, ...], triggers: dict[str, list[tuple[int, int]]],
               merged: dict[tuple[str, ...], list[tuple[int, int]]]) -> Sequence[tuple[int, int]]:
    """The trigger words of any of `families`, in order (merged once per text for several families)."""
    if len(families) == 1:
        return triggers.get(families[0], ())
    positions = merged.get(families)
    if positions is None:
        positions = merged[families] = sorted({spot for family in families for spot in triggers.get(family, ())})
    return positions


def _candidates(text: str, low: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Each rule's matches that start at, or a few words before, one of its trigger words."""
    triggers = find_triggers(text, low)
    words = WordsBefore(low)
    found = []
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for order, (rule, reach) in enumerate(zip(RULES, _REACHING, strict=True)):
        positions = _positions(rule.triggers, triggers, merged)
        if not positions:
            continue
        pattern, lookback = rule.pattern, rule.lookback
        covered_to = -1
        for trigger_start, trigger_end in positions:
            if trigger_start < covered_to:
                continue
            if lookback:
                match = words.first_reaching(pattern, reach, lookback, trigger_start, trigger_end)
            else:
                match = pattern.match(low, trigger_start)
            if match is not None and match.end() >= trigger_end:
                found.append((match.start(), match.end(), order, match))
                covered_to = match.end()
    return found


def _blocked_by_urls(text: str) -> bytearray:
    taken = bytearray(len(text) + 1)
    if "://" in text or "www." in text:
        for url in _URL.finditer(text):
            taken[url.start() : url.end()] = b"\x01" * (url.end() - url.start())
    return taken


def _apply(rule: Rule, ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    try:
        return rule.handler(ctx, match)
    except (OverflowError, ValueError):  # a day before 0001-01-01 or after 9999-12-31: nothing to say
        return []


def resolve(text: str, anchor: date) -> list[TimeExpression]:
    """Every time expression in `text`, resolved against the publication day `anchor`.

    Sorted by start, non-overlapping, offsets into `text`.
    """
    low = lower_same_length(text)
    candidates = _candidates(text, low)
    candidates.sort(key=lambda item: (item[0] - item[1], item[2], item[0]))
    taken = _blocked_by_urls(text)
    ctx = Context(text=text, anchor=anchor, low=low)
    kept: list[tuple[int, int, re.Match[str], list[TimeExpression]]] = []
    for start, end, order, match in candidates:
        if any(taken[start:end]):
            continue
        expressions = _apply(RULES[order], ctx, match)
        if not expressions:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, order, match, expressions))
    kept.sort(key=lambda item: item[0])
    result: list[TimeExpression] = []
    for _, order, match, expressions in kept:
        rule = RULES[order]
        counts_from_last_day = _COUNT_FROM_LAST_DAY.get(rule.name)
        if counts_from_last_day is not None and ctx.last_day is not None and counts_from_last_day(match):
            expressions = _apply(rule, ctx, match) or expressions
        for expression in expressions:
            result.append(expression)
            if expression.kind in _DAY_KINDS and expression.value is not None:
                ctx.last_day, ctx.last_day_end = expression.value, expression.end
    return result
