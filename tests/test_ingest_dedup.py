"""Duplicates: exact copies share a content hash; syndicated copies with small edits are near-duplicates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.ingest import read_article_text
from sidelined.ingest.dedup import NearDuplicateIndex, shingles

STORY = (
    "Manchester City midfielder Rodri is expected to miss the rest of the season after damaging the anterior "
    "cruciate ligament in his right knee, manager Pep Guardiola said on Friday. The Spain international was "
    "hurt in the first half of the league match at Arsenal and left the ground on crutches. Guardiola said the "
    "club would support him through surgery and a long rehabilitation, and that the squad would have to adapt "
    "without its most important player for several months while the club considers its options in January."
)
OTHER_STORY = (
    "Bayern Munich said Jamal Musiala tore a muscle fibre in his left thigh during training and will be out "
    "for several weeks, missing the Champions League group games against Celtic and the league match against "
    "Leipzig. Coach Vincent Kompany said the club would not rush the forward back before the winter break."
)


def test_same_text_with_different_spacing_and_case_has_the_same_content_hash() -> None:
    first = read_article_text(STORY, id="a")
    second = read_article_text("  " + STORY.upper().replace(". ", ".\n\n"), id="b")
    assert first.content_hash == second.content_hash
    assert first.content_hash != read_article_text(OTHER_STORY, id="c").content_hash


def test_syndicated_copy_with_small_edits_is_a_near_duplicate() -> None:
    index = NearDuplicateIndex()
    index.add("original", STORY)
    index.add("other", OTHER_STORY)
    syndicated = STORY.replace("said on Friday", "told reporters on Friday") + " (Reporting by a wire service.)"
    assert index.find(syndicated) == ["original"]


def test_a_different_story_is_not_a_near_duplicate() -> None:
    index = NearDuplicateIndex()
    index.add("original", STORY)
    assert index.find(OTHER_STORY) == []
    assert len(index) == 1 and "original" in index


def test_adding_an_id_twice_keeps_one_entry() -> None:
    index = NearDuplicateIndex()
    index.add("a", STORY)
    index.add("a", OTHER_STORY)
    assert len(index) == 1 and index.find(STORY) == ["a"]


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Saka, out!  For three weeks.") == shingles("saka out for THREE weeks")
    assert shingles("one two") == {"one two"} and shingles("") == set()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(STORY.split()), min_size=5, max_size=80).map(" ".join))
def test_an_indexed_text_finds_itself(text: str) -> None:
    index = NearDuplicateIndex()
    index.add("self", text)
    assert index.find(text) == ["self"]
