"""Fuzzing the timex stage and the extraction entry point: junk in, typed errors or valid v1 records out."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidelined.errors import InputError
from sidelined.ingest.feeds import html_fragment_text
from sidelined.ingest.text import read_article_text
from sidelined.kb import KnowledgeBase, load_kb
from sidelined.models import Article
from sidelined.pipeline import extract_article
from sidelined.record import to_record
from sidelined.timex import resolve
from test_fuzz_helpers import record_problems
from test_fuzz_readers import ABSURD_DATES, BROKEN_ENTITIES, html_fragments

# SIDELINED_FUZZ_EXAMPLES=500 for a deeper hunt; the default keeps the module well under a minute.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
FUZZ_EXAMPLES = int(os.environ.get("SIDELINED_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SENTENCES = [
    "Bukayo Saka will miss the next three weeks with a hamstring injury.",
    "Arsenal beat Chelsea 2-1 on Saturday.",
    "Kylian Mbappe is out for 10,000 days.",
    "He could return on 31 February, though 30 February is more realistic.",
    "Real Madrid midfielder Jude Bellingham is a doubt for the derby on March 22.",
    "Rodri tore his knee ligament in year 0 and is out until the end of the season.",
    "Liverpool have agreed a fee of EUR 90 million for Alexis Mac Allister.",
    "The striker is expected back between 1 January 10000 and 0000-01-01.",
    "Pedri was forced off in the 0-0 draw against Barcelona last Tuesday.",
    "He has been out since the 99999-00 season and will return in 99999999999999999999 weeks.",
]
TIMEX_WORDS = ["on", "Monday", "next", "last", "weeks", "days", "months", "until", "the end of", "season", "from",
               "to", "between", "and", "early", "late", "March", "February", "31", "29", "0", "10,000", "2024-25",
               "two to three", "up to", "at least", "the international break", "-", "/", "(", ")"]

article_texts = st.lists(
    st.sampled_from(SENTENCES + ABSURD_DATES + BROKEN_ENTITIES) | st.text(max_size=40), min_size=1, max_size=25
).map(" ".join)
timex_texts = st.lists(st.sampled_from(TIMEX_WORDS + ABSURD_DATES) | st.text(max_size=8), max_size=40).map(" ".join)
any_day = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
news_day = st.dates(min_value=date(1850, 1, 1), max_value=date(2200, 12, 31))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@FUZZ
@given(text=timex_texts | st.text(max_size=300), anchor=any_day)
def test_resolve_never_raises_and_keeps_its_promises(text: str, anchor: date) -> None:
    found = resolve(text, anchor)
    previous_end = 0
    for expression in found:
        assert previous_end <= expression.start < expression.end <= len(text)
        assert text[expression.start:expression.end] == expression.text
        if expression.earliest is not None and expression.latest is not None:
            assert expression.earliest <= expression.latest
        if expression.days_min is not None and expression.days_max is not None:
            assert 0 <= expression.days_min <= expression.days_max
        previous_end = expression.end


def _checked(article: Article, kb: KnowledgeBase, published: date | None = None) -> None:
    try:
        extraction = extract_article(article, kb, published)
    except InputError as error:  # a typed refusal (e.g. an impossible publication day) is a fine outcome
        assert error.kind and "\n" not in str(error)
        return
    record = to_record(extraction)
    assert record_problems(record, text_length=len(extraction.article.text)) == []


@FUZZ
@given(text=article_texts, published=any_day | st.none())
def test_extraction_of_junk_articles(kb: KnowledgeBase, text: str, published: date | None) -> None:
    _checked(Article(id="fuzz", text=text), kb, published)


@FUZZ
@given(text=article_texts, day=st.sampled_from(ABSURD_DATES) | news_day.map(date.isoformat))
def test_extraction_after_a_date_line(kb: KnowledgeBase, text: str, day: str) -> None:
    _checked(read_article_text(f"date {day}\n{text}", id="fuzz"), kb)


@FUZZ
@given(fragment=html_fragments, published=news_day)
def test_extraction_of_text_from_broken_markup(kb: KnowledgeBase, fragment: str, published: date) -> None:
    text = html_fragment_text(fragment) or "empty"
    _checked(Article(id="fuzz", text=text), kb, published)


def test_a_huge_article_is_extracted_or_refused(kb: KnowledgeBase) -> None:
    text = " ".join(SENTENCES) * 150  # ~130 kB, near the API's article cap
    _checked(Article(id="huge", text=text), kb, date(2025, 1, 10))


def test_extreme_publication_days_are_typed_errors(kb: KnowledgeBase) -> None:
    for day in (date(1, 1, 1), date(9999, 12, 31)):
        with pytest.raises(InputError):
            extract_article(Article(id="old", text=SENTENCES[2]), kb, day)
