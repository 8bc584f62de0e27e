"""A check of `resolve` on general news: the TempEval-3 platinum set (TimeML), DATE values only.

For each document the creation time (DCT) is the anchor.  Every gold TIMEX3 of
type DATE whose value is a day (2013-03-22), a month (2013-03) or a year
(2013) is compared with the expression sidelined finds over the same text
(relaxed extent): a day must be its `value`, a month or year its window.
Football words aside, this measures how far the resolver carries to other news.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sidelined.timex.dates import month_bounds
from sidelined.timex.resolve import resolve

_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH = re.compile(r"\d{4}-\d\d")
_YEAR = re.compile(r"\d{4}")


@dataclass
class TempEvalScore:
    documents: int = 0
    gold_dates: int = 0  # DATE timexes with a day, month or year value
    found: int = 0  # ... that sidelined also marks (relaxed extent)
    right_value: int = 0  # ... with the same day / window
    ours: int = 0  # sidelined expressions (not vague) in the documents
    ours_on_gold: int = 0  # ... that overlap any gold TIMEX3


def _flatten(element: ElementTree.Element, parts: list[str], timexes: list[tuple[int, int, dict[str, str]]]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        start = sum(map(len, parts))
        _flatten(child, parts, timexes)
        if child.tag == "TIMEX3":
            timexes.append((start, sum(map(len, parts)), dict(child.attrib)))
        if child.tail:
            parts.append(child.tail)


def read_document(path: Path) -> tuple[date, str, list[tuple[int, int, dict[str, str]]]]:
    """(creation day, plain text of TEXT, gold TIMEX3 spans with their attributes)."""
    root = ElementTree.parse(path).getroot()
    creation = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if creation is None or body is None:
        raise ValueError(f"{path}: no DCT or TEXT")
    parts: list[str] = []
    timexes: list[tuple[int, int, dict[str, str]]] = []
    _flatten(body, parts, timexes)
    return date.fromisoformat(creation.attrib["value"][:10]), "".join(parts), timexes


def _gold_window(value: str) -> tuple[date, date] | None:
    if _DAY.fullmatch(value):
        day = date.fromisoformat(value)
        return day, day
    if _MONTH.fullmatch(value):
        return month_bounds(int(value[:4]), int(value[5:]))
    if _YEAR.fullmatch(value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    return None


def score_tempeval(folder: Path) -> TempEvalScore:
    score = TempEvalScore()
    for path in sorted(folder.glob("*.tml")):
        anchor, text, gold = read_document(path)
        found = [expression for expression in resolve(text, anchor) if expression.kind != "vague"]
        score.documents += 1
        score.ours += len(found)
        score.ours_on_gold += sum(any(e.start < end and start < e.end for start, end, _ in gold) for e in found)
        for start, end, attributes in gold:
            window = _gold_window(attributes.get("value", "")) if attributes.get("type") == "DATE" else None
            if window is None:
                continue
            score.gold_dates += 1
            over = [e for e in found if e.start < end and start < e.end]
            if not over:
                continue
            score.found += 1
            first = over[0]
            ours = (first.value, first.value) if first.value else (first.earliest, first.latest)
            score.right_value += ours == window
    return score


def tempeval_summary(folder: Path) -> str:
    if not any(folder.glob("*.tml")):
        return f"No TimeML documents under {folder}."
    score = score_tempeval(folder)
    gold = max(score.gold_dates, 1)
    return (
        f"TempEval-3 platinum ({score.documents} documents, {score.gold_dates} DATE timexes with a day, month or "
        f"year value): found {score.found / gold:.0%}, right value {score.right_value / gold:.0%} of them; "
        f"{score.ours_on_gold / max(score.ours, 1):.0%} of sidelined's {score.ours} expressions overlap a gold TIMEX3."
    )
