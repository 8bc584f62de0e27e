"""Property tests of linking: any text is handled, offsets always point at the mention's text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidelined.entities import link
from sidelined.kb import load_kb
from sidelined.kb.names import fold_same_length
from sidelined.models import Article

WORDS = st.sampled_from(
    ["Jude", "Bellingham", "Real", "Madrid", "the", "22-year-old", "He", "his", "injury", "Rüdiger", "England",
     "boss", "United", "said", ".", ",", "Champions", "League", "Smith", "Zorblax", "midfielder", "\n", "Jobe"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, max_size=40), day=st.dates(date(2014, 7, 1), date(2026, 6, 30)))
def test_mentions_are_sorted_and_their_offsets_match_their_text(words, day):
    text = " ".join(words)
    found = link(Article(id="p", text=text, published=day), load_kb())
    assert [m.start for m in found] == sorted(m.start for m in found)
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.name


@given(st.text(max_size=200))
def test_folding_keeps_length_and_gives_ascii(text):
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert folded.isascii()
