"""The timex stage as a component: invariants of `resolve`, its helpers, and the shared corpus."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sidelined.cli import app
from sidelined.timex import resolve, season_bounds, season_of, weekday_date_pairs
from sidelined.timex.dates import add_months, nearest_dated

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ANCHORS = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
WORDS = st.sampled_from(
    ["on", "Friday", "March", "17", "2-1", "the", "22-year-old", "weeks", "two", "to", "three", "last", "next",
     "season", "2024-25", "(May", "2)", "until", "end", "of", "month", "’s", "'s", "tonight", "yesterday", ",", ".",
     "\n", "up", "a", "few", "Christmas", "new", "year", "since", "29", "February", "12/25/2024", "May"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40), ANCHORS)
def test_resolve_returns_sorted_disjoint_spans_of_the_text(words: list[str], anchor: date) -> None:
    text = " ".join(words)
    found = resolve(text, anchor)
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
        if expression.earliest and expression.latest:
            assert expression.earliest <= expression.latest
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=30), st.sampled_from([date.min, date.max, date(2000, 2, 29)]))
def test_resolve_never_fails_at_the_ends_of_the_calendar(words: list[str], anchor: date) -> None:
    text = " ".join(words)
    assert all(text[e.start : e.end] == e.text for e in resolve(text, anchor))


@given(ANCHORS, st.sampled_from(WEEKDAY_NAMES))
def test_past_weekday_is_the_latest_such_day_on_or_before_the_anchor(anchor: date, weekday: str) -> None:
    (found,) = resolve(f"He was injured on {weekday}.", anchor)
    assert found.kind == "weekday" and found.value is not None
    assert found.value.strftime("%A") == weekday
    assert timedelta(0) <= anchor - found.value < timedelta(7)


@given(ANCHORS, st.sampled_from(WEEKDAY_NAMES))
def test_coming_weekday_is_the_next_such_day_on_or_after_the_anchor(anchor: date, weekday: str) -> None:
    (found,) = resolve(f"He will miss the game on {weekday}.", anchor)
    assert found.value is not None and found.value.strftime("%A") == weekday
    assert timedelta(0) <= found.value - anchor < timedelta(7)


@given(ANCHORS)
def test_duration_windows_count_from_the_anchor(anchor: date) -> None:
    (found,) = resolve("He is out for two to three weeks.", anchor)
    assert (found.kind, found.days_min, found.days_max) == ("duration", 14, 21)
    assert (found.earliest, found.latest) == (anchor + timedelta(14), anchor + timedelta(21))


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_curly_and_straight_apostrophes_read_alike(apostrophe: str) -> None:
    anchor = date(2026, 3, 7)
    sentence = f"He hurt his ankle in Saturday{apostrophe}s 2-1 defeat and is out for three weeks{apostrophe} time."
    found = resolve(sentence, anchor)
    assert [(expression.kind, expression.value or expression.latest) for expression in found] == [
        ("weekday", date(2026, 3, 7)),
        ("duration", date(2026, 3, 28)),
    ]


def test_year_less_dates_go_to_the_nearest_year() -> None:
    assert nearest_dated(date(2024, 12, 18), 1, 5) == date(2025, 1, 5)
    assert nearest_dated(date(2025, 1, 3), 12, 28) == date(2024, 12, 28)
    assert nearest_dated(date(2025, 3, 1), 2, 29) == date(2024, 2, 29)
    assert nearest_dated(date(2026, 6, 1), 3, 27, weekday=4) == date(2026, 3, 27)


def test_month_arithmetic_clips_to_the_month_end() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2015, 8, 13), 7) == date(2016, 3, 13)


def test_season_helpers() -> None:
    assert season_of(date(2026, 3, 7)) == "2025-26"
    assert season_of(date(2025, 7, 1)) == "2025-26"
    assert season_of(date(1999, 12, 31)) == "1999-00"
    assert season_bounds("2024-25") == (date(2024, 7, 1), date(2025, 6, 30))
    assert season_bounds("2024/25") == season_bounds("2024-2025")
    with pytest.raises(ValueError):
        season_bounds("2024-27")


@given(ANCHORS)
def test_a_day_lies_inside_its_own_season(day: date) -> None:
    first, last = season_bounds(season_of(day))
    assert first <= day <= last


def test_weekday_date_pairs_without_a_year() -> None:
    text = ("Bellingham missed training on Friday (May 2). England face Uruguay on Friday, March 27, "
            "and Japan on Tuesday 31 March. Fixtures: Sat 18 Nov. Signed on Friday, 9 November 2018. "
            "He may play Sunday.")
    pairs = weekday_date_pairs(text)
    assert [pair[:3] for pair in pairs] == [(4, 5, 2), (4, 3, 27), (1, 3, 31), (5, 11, 18)]
    for _, _, _, (start, end) in pairs:
        assert text[start:end][:3] in {"Fri", "Tue", "Sat"}


def test_cli_bench_timex_runs_on_a_small_suite(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    case = {"id": "x-001", "class": "weekday_past", "anchor": "2026-03-07", "sentence": "He was hurt on Friday.",
            "expected": [{"text": "Friday", "kind": "weekday", "value": "2026-03-06"}], "not_dates": []}
    cases.write_text(json.dumps(case) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "timex", "--seconds", "0.01", "--cases", str(cases),
                                      "--shared", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "| weekday_past | 1 | 100% |" in result.output


def _gold_days(gold: dict) -> set[str]:
    days = {match["date"] for match in gold["matches"]}
    for injury in gold["injuries"]:
        days.update(injury["missed_fixtures"])
        if injury["occurred_on"]:
            days.add(injury["occurred_on"])
    return days


def test_gold_days_of_the_shared_articles_are_found() -> None:
    """Every match day, missed fixture and injury day in the gold is among the days resolve finds."""
    articles = sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/*/*.txt")])
    if not articles:
        pytest.skip(f"../shared not found: {SHARED}")
    wanted = found = 0
    for article in articles:
        gold = json.loads(article.with_suffix(".gold.json").read_text(encoding="utf-8"))
        anchor = date.fromisoformat(gold["article"]["published"])
        resolved = {
            day.isoformat()
            for expression in resolve(article.read_text(encoding="utf-8"), anchor)
            for day in (expression.value, expression.earliest, expression.latest)
            if day
        }
        days = _gold_days(gold)
        wanted += len(days)
        found += len(days & resolved)
    assert wanted > 100
    assert found / wanted >= 0.95


def test_tempeval_check_reads_timeml_and_scores_values(tmp_path: Path) -> None:
    from sidelined.timex.tempeval import score_tempeval

    document = (
        '<?xml version="1.0" ?><TimeML><DOCID>x</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>'
        '<TEXT>He arrived on <TIMEX3 tid="t1" type="DATE" value="2013-03-20">March 20</TIMEX3> and will leave in '
        '<TIMEX3 tid="t2" type="DATE" value="2013-06">June</TIMEX3>, <TIMEX3 tid="t3" type="DATE" '
        'value="2012-06">a year ago</TIMEX3> he was <TIMEX3 tid="t4" type="DURATION" value="P2W">two weeks</TIMEX3>'
        ' away.</TEXT></TimeML>'
    )
    (tmp_path / "doc.tml").write_text(document, encoding="utf-8")
    score = score_tempeval(tmp_path)
    assert (score.documents, score.gold_dates, score.found) == (1, 3, 3)
    assert score.right_value == 2  # the month is right; "a year ago" is a window of 2012, not June 2012


def test_bench_without_dateparser_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sidelined.timex import bench

    cases = tmp_path / "cases.jsonl"
    case = {"id": "x-001", "class": "trap", "anchor": "2026-03-07", "sentence": "The 22-year-old scored.",
            "expected": [], "not_dates": ["22-year-old"]}
    cases.write_text(json.dumps(case) + "\n", encoding="utf-8")
    monkeypatch.setattr(bench, "_dateparser_search", lambda: None)
    text = bench.report(seconds=0.01, cases_path=cases, shared=tmp_path)
    assert "dateparser is not installed" in text
    assert "| trap | 1 | 100% |" in text
