"""Property: any extraction survives the trip to a v1 record and back unchanged."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined import load_record
from sidelined.library import Record
from sidelined.models import Article, Evidence, ExpectedReturn, Extraction, InjuryReport, Match, Transfer

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
names = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20)
maybe_names = st.none() | names
evidence = st.lists(st.builds(Evidence, field=st.sampled_from(["player", "body_part", "status"]),
                              start=st.integers(0, 500), end=st.integers(0, 500)), max_size=3)

injuries = st.builds(
    InjuryReport,
    player=names,
    team=maybe_names,
    body_part=st.none() | st.sampled_from(["knee", "hamstring", "ankle"]),
    side=st.none() | st.sampled_from(["left", "right"]),
    diagnosis=st.none() | st.sampled_from(["tear", "surgery", "knock"]),
    occurred_on=st.none() | days,
    status=st.sampled_from(["out", "doubtful", "available"]),
    expected_return=st.none() | st.builds(ExpectedReturn, earliest=st.none() | days, latest=st.none() | days),
    missed_fixtures=st.lists(days, max_size=4, unique=True).map(sorted),
    source=maybe_names,
    evidence=evidence,
)
matches = st.builds(
    Match,
    date=days,
    teams=st.tuples(names, names),
    played=st.booleans(),
    score=st.none() | st.dictionaries(names, st.integers(0, 15), min_size=2, max_size=2),
    home=maybe_names,
    competition=maybe_names,
    evidence=evidence,
)
transfers = st.builds(
    Transfer,
    player=names,
    from_team=maybe_names,
    to_team=maybe_names,
    fee_eur=st.none() | st.integers(0, 300_000_000),
    status=st.sampled_from(["rumour", "agreed", "completed"]),
    source=maybe_names,
    evidence=evidence,
)
articles = st.builds(
    Article,
    id=names,
    text=st.just(""),
    title=maybe_names,
    url=maybe_names,
    outlet=maybe_names,
    published=st.none() | days,
    published_source=st.none() | st.sampled_from(["line", "byline", "feed", "inferred", "manual"]),
    published_window_days=st.integers(0, 400),
)
extractions = st.builds(Extraction, article=articles, injuries=st.lists(injuries, max_size=3),
                        matches=st.lists(matches, max_size=3), transfers=st.lists(transfers, max_size=2))


@settings(max_examples=150, deadline=None)
@given(extractions)
def test_a_record_reads_back_as_it_was_written(extraction: Extraction) -> None:
    record = Record(extraction)
    for with_evidence in (True, False):
        written = record.to_json(with_evidence=with_evidence)
        assert load_record(written).to_dict(with_evidence) == record.to_dict(with_evidence)
