"""A v1 record validator for the fuzz and crash tests (shared/spec/EXTRACTION.md), and tests of it.

`record_problems(record, text)` lists every way a record breaks the v1
contract: missing or extra keys, values outside the closed vocabularies,
dates that are not ISO days, windows that end before they start, evidence
spans outside the article text.  An empty list means the record is valid.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from sidelined.errors import RecordVersionError
from sidelined.record import SCHEMA, check_record

BODY_PARTS = {
    "head", "face", "neck", "shoulder", "arm", "elbow", "wrist", "hand", "chest", "ribs", "back", "abdomen", "groin",
    "hip", "adductor", "hamstring", "quadriceps", "thigh", "knee", "calf", "shin", "ankle", "achilles", "foot", "toe",
    "muscle",
}
DIAGNOSES = {
    "strain", "tear", "sprain", "ligament", "fracture", "dislocation", "tendon", "knock", "bruise", "cut",
    "concussion", "muscular", "illness", "surgery", "fatigue", "suspension", "personal",
}
STATUSES = {"out", "doubtful", "available"}
TRANSFER_STATUSES = {"rumour", "agreed", "completed"}
ARTICLE_KEYS = {"id", "published", "published_window_days", "outlet", "url"}
INJURY_KEYS = {"player", "team", "body_part", "side", "diagnosis", "occurred_on", "status", "expected_return",
               "missed_fixtures", "source"}
MATCH_KEYS = {"date", "teams", "played", "score", "home", "competition"}
TRANSFER_KEYS = {"player", "from_team", "to_team", "fee_eur", "status", "source"}


def _is_day(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _optional(value: Any, check: Any) -> bool:
    return value is None or check(value)


def _name(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _keys(where: str, item: Any, required: set[str]) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where}: not an object"]
    missing = required - item.keys()
    return [f"{where}: missing {sorted(missing)}"] if missing else []


def _evidence(where: str, item: dict[str, Any], text_length: int | None) -> list[str]:
    problems = []
    for span in item.get("evidence", []):
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            problems.append(f"{where}: bad evidence span {span}")
        elif text_length is not None and end > text_length:
            problems.append(f"{where}: evidence {span} past the text's end {text_length}")
    return problems


def _injury(where: str, r: dict[str, Any]) -> list[str]:
    checks = {
        "player": _name(r["player"]),
        "team": _optional(r["team"], _name),
        "body_part": _optional(r["body_part"], BODY_PARTS.__contains__),
        "side": r["side"] in (None, "left", "right"),
        "diagnosis": _optional(r["diagnosis"], DIAGNOSES.__contains__),
        "occurred_on": _optional(r["occurred_on"], _is_day),
        "status": r["status"] in STATUSES,
        "source": _optional(r["source"], _name),
        "missed_fixtures": isinstance(r["missed_fixtures"], list) and all(map(_is_day, r["missed_fixtures"]))
        and r["missed_fixtures"] == sorted(set(r["missed_fixtures"])),
    }
    problems = [f"{where}.{field}: {r[field]!r}" for field, ok in checks.items() if not ok]
    window = r["expected_return"]
    if window is not None:
        earliest, latest = (window.get("earliest"), window.get("latest")) if isinstance(window, dict) else ("?", "?")
        if not (_optional(earliest, _is_day) and _optional(latest, _is_day)):
            problems.append(f"{where}.expected_return: {window!r}")
        elif earliest is not None and latest is not None and earliest > latest:
            problems.append(f"{where}.expected_return ends before it starts: {window!r}")
    return problems


def _match(where: str, m: dict[str, Any]) -> list[str]:
    teams = m["teams"]
    problems = []
    if not _is_day(m["date"]):
        problems.append(f"{where}.date: {m['date']!r}")
    if not (isinstance(teams, list) and len(teams) == 2 and all(map(_name, teams)) and teams[0] != teams[1]):
        return problems + [f"{where}.teams: {teams!r}"]
    if not isinstance(m["played"], bool):
        problems.append(f"{where}.played: {m['played']!r}")
    score = m["score"]
    if score is not None and (m["played"] is not True or set(score) != set(teams)
                              or not all(isinstance(g, int) and g >= 0 for g in score.values())):
        problems.append(f"{where}.score: {score!r}")
    if m["home"] not in (None, *teams):
        problems.append(f"{where}.home: {m['home']!r}")
    if not _optional(m["competition"], _name):
        problems.append(f"{where}.competition: {m['competition']!r}")
    return problems


def _transfer(where: str, t: dict[str, Any]) -> list[str]:
    checks = {
        "player": _name(t["player"]),
        "from_team": _optional(t["from_team"], _name),
        "to_team": _optional(t["to_team"], _name),
        "fee_eur": t["fee_eur"] is None or (isinstance(t["fee_eur"], int) and t["fee_eur"] >= 0),
        "status": t["status"] in TRANSFER_STATUSES,
        "source": _optional(t["source"], _name),
    }
    return [f"{where}.{field}: {t[field]!r}" for field, ok in checks.items() if not ok]


def record_problems(record: dict[str, Any], text_length: int | None = None) -> list[str]:
    """Every way `record` breaks the v1 contract; `text_length` bounds its evidence spans."""
    try:
        check_record(record)
        json.dumps(record, allow_nan=False)
    except (RecordVersionError, TypeError, ValueError) as error:
        return [str(error)]
    problems = _keys("record", record, {"schema", "article", "injuries", "matches", "transfers"})
    if problems:
        return problems
    article = record["article"]
    problems += _keys("article", article, ARTICLE_KEYS)
    if not problems:
        if not _name(article["id"]) or not _optional(article["published"], _is_day):
            problems.append(f"article: id {article['id']!r}, published {article['published']!r}")
        window = article["published_window_days"]
        if window is not None and not (isinstance(window, int) and window >= 0):
            problems.append(f"article.published_window_days: {window!r}")
    for kind, keys, check in (("injuries", INJURY_KEYS, _injury), ("matches", MATCH_KEYS, _match),
                              ("transfers", TRANSFER_KEYS, _transfer)):
        if not isinstance(record[kind], list):
            problems.append(f"{kind}: not a list")
            continue
        for index, item in enumerate(record[kind]):
            where = f"{kind}[{index}]"
            shape = _keys(where, item, keys)
            problems += shape or check(where, item) + _evidence(where, item, text_length)
    return problems


VALID = {
    "schema": SCHEMA,
    "article": {"id": "a", "published": "2026-03-07", "published_window_days": 0, "outlet": None, "url": None},
    "injuries": [{"player": "Jude Bellingham", "team": "Real Madrid", "body_part": "hamstring", "side": None,
                  "diagnosis": None, "occurred_on": None, "status": "out",
                  "expected_return": {"earliest": "2026-03-17", "latest": "2026-03-22"},
                  "missed_fixtures": ["2026-03-06", "2026-03-11"], "source": "The Athletic",
                  "evidence": [{"field": "player", "start": 0, "end": 5}]}],
    "matches": [{"date": "2026-03-06", "teams": ["Celta Vigo", "Real Madrid"], "played": True,
                 "score": {"Real Madrid": 2, "Celta Vigo": 1}, "home": "Celta Vigo", "competition": None}],
    "transfers": [{"player": "Alexis Mac Allister", "from_team": "Liverpool", "to_team": "Real Madrid",
                   "fee_eur": 90000000, "status": "rumour", "source": None}],
}


def _broken(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    record = json.loads(json.dumps(VALID))
    target = record
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return record


def test_the_spec_example_is_valid() -> None:
    assert record_problems(VALID, text_length=100) == []


@pytest.mark.parametrize(("path", "value"), [
    (("schema",), "sidelined/extraction/v0"),
    (("article", "published"), "2026-02-31"),
    (("injuries", 0, "status"), "injured"),
    (("injuries", 0, "body_part"), "elbows"),
    (("injuries", 0, "expected_return"), {"earliest": "2026-03-22", "latest": "2026-03-17"}),
    (("injuries", 0, "missed_fixtures"), ["2026-03-11", "2026-03-06"]),
    (("injuries", 0, "player"), " "),
    (("injuries", 0, "evidence"), [{"field": "player", "start": 90, "end": 120}]),
    (("matches", 0, "teams"), ["Real Madrid", "Real Madrid"]),
    (("matches", 0, "score"), {"Real Madrid": -1, "Celta Vigo": 1}),
    (("matches", 0, "home"), "Barcelona"),
    (("transfers", 0, "fee_eur"), -5),
    (("transfers", 0, "status"), "done"),
])
def test_each_kind_of_breakage_is_caught(path: tuple[str | int, ...], value: Any) -> None:
    assert record_problems(_broken(path, value), text_length=100)


def test_a_missing_key_is_caught() -> None:
    record = _broken(("injuries", 0, "side"), None)
    del record["injuries"][0]["side"]
    assert record_problems(record) == ["injuries[0]: missing ['side']"]
