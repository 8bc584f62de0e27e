"""The timex case suite: loading `tests/timex_cases/cases.jsonl` and judging answers against it.

A case is a sentence, its publication day and what must be found in it:
each expected item names a stretch of the sentence, the kind, and any of
`value`/`earliest`/`latest` that must come out (null included); each
`not_dates` stretch must not be taken for a time expression at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sidelined.models import TimeExpression

CASES_PATH = Path(__file__).resolve().parents[3] / "tests" / "timex_cases" / "cases.jsonl"
_BOUNDS = ("value", "earliest", "latest")


@dataclass(frozen=True)
class Case:
    id: str
    klass: str
    anchor: date
    sentence: str
    expected: tuple[dict[str, Any], ...]
    not_dates: tuple[str, ...]


def load_cases(path: Path = CASES_PATH) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        cases.append(
            Case(
                id=raw["id"],
                klass=raw["class"],
                anchor=date.fromisoformat(raw["anchor"]),
                sentence=raw["sentence"],
                expected=tuple(raw["expected"]),
                not_dates=tuple(raw["not_dates"]),
            )
        )
    return cases


def span_of(sentence: str, stretch: str) -> tuple[int, int]:
    """Where `stretch` first occurs in the sentence (case-insensitively)."""
    start = sentence.lower().index(stretch.lower())
    return start, start + len(stretch)


def _overlapping(found: Iterable[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    return [expression for expression in found if expression.start < end and start < expression.end]


def _as_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def item_problem(sentence: str, item: dict[str, Any], found: Sequence[TimeExpression]) -> str | None:
    """Why `found` fails the expected item, or None when it passes."""
    start, end = span_of(sentence, item["text"])
    candidates = _overlapping(found, start, end)
    if not candidates:
        return f"{item['text']!r}: nothing found"
    expression = candidates[0]
    if item["kind"] != "*" and expression.kind != item["kind"]:
        return f"{item['text']!r}: kind {expression.kind}, expected {item['kind']}"
    for bound in _BOUNDS:
        if bound in item and getattr(expression, bound) != _as_day(item[bound]):
            return f"{item['text']!r}: {bound} {getattr(expression, bound)}, expected {item[bound]}"
    return None


def case_problems(case: Case, found: Sequence[TimeExpression]) -> list[str]:
    """Every way the expressions found in `case.sentence` differ from what the case expects."""
    problems = [problem for item in case.expected if (problem := item_problem(case.sentence, item, found))]
    for stretch in case.not_dates:
        start, end = span_of(case.sentence, stretch)
        for expression in _overlapping(found, start, end):
            problems.append(f"{stretch!r} is no date but was read as {expression.kind} {expression.text!r}")
    return problems
