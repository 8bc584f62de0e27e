"""The fast scans of linking find exactly what the plain patterns they replace find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.entities import coref, shapes
from sidelined.entities.context import _sentence_starts
from sidelined.entities.linker import _first_names_of
from sidelined.entities.scanning import (
    KELVIN_SIGN,
    ascii_lowered,
    cue_word_starts,
    matches_at,
    stands_alone,
    whole_word_matches,
)
from sidelined.entities.words import PLAY_PREFIXES, PLAY_WORDS

PIECES = st.sampled_from(
    [" ", " ", "  ", ",", ", ", ".", ". ", "\n", "'", "’", "-", "_", "1", "22", "é", "x", "a", "A", "Z", "the ",
     "The ", "and ", "\u00a0", KELVIN_SIGN, "İ", "!", "?", '"', "“", "(", ")", "Mr.", "J.", "Al-", "O'", "van ",
     "Smith", "Smiths", "Jones", "Dani", "He", "his", "She", "her", "other", "ill", "will", "Injured", "injur",
     "back", "BACK", "Forwards", "keeper", "goalkeeper", "full-back", "Wing-back", "boss", "head coach",
     "manager", "Real ", "Madrid ", "PSG ", "coach", "captain", "Koeman", ", the ", "Saints "]
)
TEXTS = st.lists(PIECES, max_size=16).map("".join)
EXAMPLES = settings(max_examples=200, deadline=None)


def spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@EXAMPLES
@given(TEXTS)
def test_lower_casing_keeps_offsets_and_touches_only_ascii_capitals(text):
    low = ascii_lowered(text)
    assert len(low) == len(text)
    for original, lowered in zip(text, low, strict=True):
        if "A" <= original <= "Z":
            assert lowered == original.lower()
        assert ("a" <= lowered <= "z") == (original.isascii() and original.isalpha())


@EXAMPLES
@given(TEXTS)
def test_play_words_are_the_words_a_plain_word_loop_finds(text):
    cue_word_starts.cache_clear()
    expected = [
        m.start()
        for m in re.finditer(r"[A-Za-z]+", text)
        if m.group(0).lower() in PLAY_WORDS or m.group(0).lower().startswith(PLAY_PREFIXES)
    ]
    assert shapes.play_word_offsets(text) == expected


@EXAMPLES
@given(TEXTS)
def test_position_and_staff_patterns_tried_at_cue_words_find_all_their_matches(text):
    cue_word_starts.cache_clear()
    starts = cue_word_starts(text)
    assert spans(matches_at(shapes.AFTER_POSITION, text, starts["position"])) == spans(
        shapes.AFTER_POSITION.finditer(text)
    )
    assert spans(matches_at(shapes.STAFF_NAMED, text, starts["staff role"])) == spans(
        shapes.STAFF_NAMED.finditer(text)
    )
    named = {m.group(1) for m in shapes.STAFF_NAMED.finditer(text)}
    assert shapes.staff_surnames(text) == named | {m.group(1) for m in shapes.STAFF_SAYS.finditer(text)}


@EXAMPLES
@given(TEXTS)
def test_patterns_testing_the_word_boundary_after_the_first_letter_match_like_a_leading_boundary(text):
    plain = {
        shapes.SHAPE: rf"\b{shapes.NAME_WORD}(?:[ \u00a0]+(?:{shapes.PARTICLE} +)?{shapes.NAME_WORD}){{1,2}}\b",
        shapes.STAFF_SAYS: r"\b([A-Z][\w'’-]+),\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}(?:boss|manager|coach)\b",
        coref.STAFF: r"\b[Tt]he " + coref.TEAM_WORDS + coref.STAFF_NOUNS + r"\b",
        coref.PRONOUN: r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b",
    }
    for fast, slow in plain.items():
        assert spans(fast.finditer(text)) == spans(re.finditer(slow, text)), slow
    coref._the_starts.cache_clear()
    assert coref._the_starts(text) == [m.start() for m in re.finditer(r"\b[Tt]he ", text)]


@EXAMPLES
@given(TEXTS)
def test_sentences_start_where_the_lookbehind_pattern_says(text):
    ends = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
    abbreviations = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "vs.")
    expected = [0]
    for match in ends.finditer(text):
        head = text[max(0, match.start() - 5) : match.start()]
        if not (head.endswith(abbreviations) or re.search(r"(?:^|\s)[A-Z]\.$", head)):
            expected.append(match.end())
    assert _sentence_starts(text) == expected


@EXAMPLES
@given(TEXTS, st.lists(st.sampled_from(["Smith", "Al", "Al-", "O'", "é", "Jr.", "his", "_"]), min_size=1, max_size=4))
def test_string_searches_find_what_the_word_patterns_find(text, words):
    words = list(dict.fromkeys(words))
    alternation = r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"
    assert whole_word_matches(text, words) == [(m.start(), m.group(0)) for m in re.finditer(alternation, text)]
    assert stands_alone(text, words[0]) == (re.search(r"\b" + re.escape(words[0]) + r"\b", text) is not None)
    first_names = r"\b([A-Z][\w'’-]+) " + re.escape(words[0]) + r"\b"
    assert list(_first_names_of(text, words[0])) == [(m.start(), m.group(1)) for m in re.finditer(first_names, text)]


def test_kelvin_sign_is_not_taken_for_a_k():
    text = f"{KELVIN_SIGN}nee injury"
    assert ascii_lowered(text)[0] == KELVIN_SIGN
    cue_word_starts.cache_clear()
    assert shapes.play_word_offsets(text) == [1 + len("nee ")]  # "injury"; "nee" is not "knee"


@EXAMPLES
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 130)), max_size=6), st.integers(0, 80), st.integers(1, 40))
def test_a_covered_stretch_overlaps_in_every_part(spans_, start, length):
    coverage = shapes.Coverage([(s, s + n) for s, n in spans_])
    end = start + length
    if coverage.covers(start, end):
        assert all(coverage.overlaps(a, b) for a in range(start, end) for b in range(a + 1, end + 1))


DESCRIPTOR_WORDS = st.sampled_from(
    ["the ", "The ", "22-year-old", "former ", "ex-", "Arsenal ", "England ", "Real ", "Madrid ", "man", "star",
     "midfielder", "keeper", "international", "Englishman", "Brazilian", "club", "side", "١٢-year-old", " ", ", "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(DESCRIPTOR_WORDS, max_size=14).map("".join))
def test_descriptors_tried_by_the_next_character_are_those_found_trying_every_kind(text):
    from datetime import date

    from sidelined.entities.context import ArticleContext
    from sidelined.entities.gazetteer import gazetteer_for
    from sidelined.entities.linker import resolve_teams
    from sidelined.kb import load_kb

    kb = load_kb()
    ctx = ArticleContext(text, date(2024, 3, 1), kb)
    resolve_teams(kb, gazetteer_for(kb).find(text), ctx)
    in_first_order = [
        (coref.AGE, coref._age_need),
        (coref.NATIONALITY, coref._nationality_need),
        (coref.FORMER, coref._former_need),
        (coref.POSITION, coref._position_need),
        (coref.INTERNATIONAL, coref._international_need),
        (coref.TEAM_ROLE, coref._team_role_need),
    ]
    found = []
    for start in coref._the_starts(text):
        for pattern, need_of in in_first_order:
            match = pattern.match(text, start)
            result = need_of(match, ctx, kb) if match else None
            if result:
                found.append((match.start(), result[0], result[1]))
    found.sort(key=lambda item: (item[0], -item[1]))
    kept = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    assert coref._descriptor_needs(ctx, kb) == kept
