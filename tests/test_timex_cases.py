"""The timex case suite: every sentence in tests/timex_cases/cases.jsonl resolves as written there."""

from __future__ import annotations

import pytest

from sidelined.timex import resolve
from sidelined.timex.suite import Case, case_problems, load_cases

CASES = load_cases()


def test_suite_is_large_and_covers_every_class() -> None:
    classes = {case.klass for case in CASES}
    assert len(CASES) >= 250
    assert {"weekday_past", "weekday_future", "duration", "season", "year_boundary", "leap_year", "trap"} <= classes


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case: Case) -> None:
    found = resolve(case.sentence, case.anchor)
    assert case_problems(case, found) == [], f"{case.sentence!r} on {case.anchor}"
