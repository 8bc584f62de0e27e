"""The cue index finds exactly what a plain scan finds, while trying only where a pattern can start."""

from __future__ import annotations

import random
import re

from sidelined.events.cues import CueGroup, CueIndex, cue_pattern, openings
from sidelined.events.status import UNDECIDED
from sidelined.events.vocab import BODY_VOCABULARY, DIAGNOSIS_VOCABULARY, INJURY_CUES
from sidelined.events.when import _HAPPENED, _MISS


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]


def test_openings_spell_out_alternatives_and_small_classes() -> None:
    assert openings(cue_pattern(r"\b(hurt|knock\w*|ban\b)")) == {"hurt", "knock", "ban"}
    assert openings(cue_pattern(r"\b(withdr[ae]w|miss(?:ed)? )")) == {"withd", "misse", "miss "}
    assert openings(re.compile(r"(?:un)?fit")) == {"unfit", "fit"}


def test_openings_give_up_where_a_match_may_start_anywhere() -> None:
    assert openings(re.compile(r"\w+ injury")) is None
    assert openings(re.compile(r"(?:\s*)knee")) is None
    assert openings(re.compile(r"(?:knee)?")) is None
    assert openings(re.compile(r"knee", re.IGNORECASE)) is None


def test_index_finds_overlapping_candidates_like_finditer() -> None:
    # "pulled up" and "up " overlap: the first match decides where the scan goes on.
    pattern = cue_pattern(r"\b(pulled up|up injured|injured)")
    text = "he pulled up injured and was injured again"
    assert _spans(CueIndex(text).matches(pattern)) == _spans(list(pattern.finditer(text)))
    assert [m.group(0) for m in CueIndex(text).matches(pattern)] == ["pulled up", "injured", "injured"]


def test_index_respects_word_boundaries_before_the_place_tried() -> None:
    pattern = cue_pattern(r"\b(ban)\b")
    assert [m.start() for m in CueIndex("urban ban, banned").matches(pattern)] == [6]


def test_index_agrees_with_finditer_on_random_cue_soup() -> None:
    words = ["hurt", "knee", "ruled", "out", "not", "yet", "ruled out", "miss", "missing", "the", "game", "without",
             "torn", "acl", "left", "back", "of", "his", "thigh", "is", "are", "was", "injured", "in", "the win",
             "against", "pulled", "up", "training", "scan", "scans", "doubt", ",", ".", "'s", "n't", "hasn't"]
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        for pattern in (INJURY_CUES, UNDECIDED, _HAPPENED, _MISS, BODY_VOCABULARY.regex, DIAGNOSIS_VOCABULARY.regex):
            assert _spans(CueIndex(text).matches(pattern)) == _spans(list(pattern.finditer(text))), text


def test_may_match_rules_out_only_stretches_without_an_opening() -> None:
    pattern = cue_pattern(r"\b(replaced by|came on for)\b")
    text = "Smith limped off and was replaced by Jones, who came on for the last minutes."
    index = CueIndex(text)
    replaced = text.index("replaced")
    assert index.may_match(pattern, 0, replaced + 1)
    assert not index.may_match(pattern, 0, replaced)
    assert not index.may_match(pattern, replaced + 1, text.index("came"))
    assert index.may_match(re.compile(r"\s+and"), 0, 1)  # no openings to look for: always possible


def _event_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern of the injury modules, the vocabularies' alternations included."""
    from sidelined.events import context, details, injuries, status, vocab, when

    found: dict[int, re.Pattern[str]] = {}
    for module in (context, details, injuries, status, vocab, when):
        for value in vars(module).values():
            pattern = value.regex if isinstance(value, vocab.Vocabulary) else value
            if isinstance(pattern, re.Pattern):
                found[id(pattern)] = pattern
    return list(found.values())


def test_index_agrees_with_finditer_for_every_event_pattern_on_the_real_articles(shared) -> None:
    from sidelined.textcase import lowered

    texts = [path.read_text() for path in sorted(shared.glob("*/**/*.txt"))][:60]
    assert texts
    for text in texts:
        index = CueIndex(text)
        for pattern in _event_patterns():
            assert _spans(index.matches(pattern)) == _spans(list(pattern.finditer(lowered(text)))), pattern.pattern


def _real_texts(shared) -> list[str]:  # type: ignore[no-untyped-def]
    return [path.read_text() for path in sorted(shared.glob("*/**/*.txt"))][:60]


def test_group_hits_are_each_patterns_matches_within_the_stretch(shared) -> None:
    from sidelined.events.context import _CLAUSE_CUES
    from sidelined.events.text import clauses, sentences

    for text in _real_texts(shared):
        index = CueIndex(text)
        for sentence in sentences(text):
            for clause in clauses(text, sentence):
                expected = sorted(((m.start(), k, m.span()) for k, pattern in enumerate(_CLAUSE_CUES.patterns)
                                   for m in index.within(pattern, clause.start, clause.end)))
                got = [(m.start(), k, m.span()) for k, m in index.hits(_CLAUSE_CUES, clause.start, clause.end)]
                assert got == expected


def test_group_may_match_is_any_of_its_patterns(shared) -> None:
    from sidelined.events.context import _EXCLUDING_BEFORE

    rng = random.Random(3)
    for text in _real_texts(shared)[:20]:
        index = CueIndex(text)
        for _ in range(200):
            start = rng.randrange(len(text))
            end = start + rng.randint(0, 120)
            assert index.may_match_any(_EXCLUDING_BEFORE, start, end) == \
                any(index.may_match(p, start, end) for p in _EXCLUDING_BEFORE.patterns)
    assert CueGroup(re.compile(r"\s+and")).patterns  # a group with an unreadable pattern may match anywhere
    assert CueIndex("x").may_match_any(CueGroup(re.compile(r"\s+and")), 0, 1)


def test_negation_before_an_available_cue_is_read_in_the_stretch_it_can_span() -> None:
    from sidelined.events.status import _NEGATED, _negated

    rng = random.Random(5)
    words = ["not", "n't", "no longer", "never", "if", "he", "is", "fully", "fit", "now", ".", "really", "quite"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        for cue in range(len(text) + 1):
            start = rng.randint(0, cue)
            assert _negated(text, start, cue) == (_NEGATED.search(text, start, cue) is not None), (text, start, cue)


def test_fill_body_reads_each_vocabulary_as_its_own_scan_does(shared) -> None:
    from sidelined.events import details
    from sidelined.events.text import clauses, sentences
    from sidelined.models import InjuryReport
    from sidelined.textcase import lowered

    def plain_first(vocabulary, text, segs, skip_muscle=False):  # type: ignore[no-untyped-def]
        for seg in segs:
            for value, m in vocabulary.finditer(text, seg.start, seg.end):
                if not (skip_muscle and value == "muscle") and details._said_plainly(lowered(text), seg, m):
                    return value, m.span()
        return None

    checked = 0
    for text in _real_texts(shared):
        for sentence in sentences(text):
            segs = clauses(text, sentence)[::-1] + [sentence]
            report = InjuryReport(player="x")
            details.fill_body(report, text, segs)
            body = plain_first(details.BODY_VOCABULARY, text, segs, True) or \
                plain_first(details.BODY_VOCABULARY, text, segs)
            diagnosis = plain_first(details.DECISIVE_DIAGNOSIS_VOCABULARY, text, segs) or \
                plain_first(details.DIAGNOSIS_VOCABULARY, text, segs)
            assert report.body_part == (body[0] if body else None)
            assert report.diagnosis == (diagnosis[0] if diagnosis else None)
            spans = {(e.field, e.start, e.end) for e in report.evidence}
            assert body is None or ("body_part", *body[1]) in spans
            checked += diagnosis is not None
    assert checked


def _plain_source(text: str, segs: list) -> str | None:  # type: ignore[type-arg]
    from sidelined.events import details

    for seg in segs:
        m = details._SOURCE_AFTER.search(text[seg.start : seg.end])
        if m:
            return details._clean_source(m.group("src"))
    return None


def test_source_search_skips_only_clauses_it_cannot_match(shared) -> None:
    from sidelined.events.details import find_source
    from sidelined.events.text import clauses, sentences

    words = ["according to", "According To", "ACCORDING TO", "reports from", "Report by", "REPORTS IN", "via", "Via",
             "VIA", "told", "Told", "reported by", "per", "Per", "keeper", "the", "The Sun", "BBC", "Sky Sports", "de",
             "of", "he", "is", "out", ",", ", but", ";", ".", "vıa", "reportſ from", "İ", "K", "\n"]
    rng = random.Random(9)
    texts = _real_texts(shared) + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    found = 0
    for text in texts:
        for sentence in sentences(text):
            segs = [*clauses(text, sentence), sentence]
            for seg in segs:
                assert find_source(text, [seg], []) == _plain_source(text, [seg]), text[seg.start : seg.end]
            found += _plain_source(text, segs) is not None
    assert found > 100
