"""Sentence splitting gives what the plain boundary rules give: a boundary right after a stop, at line
breaks, at a glued-on heading, never after an abbreviation."""

from __future__ import annotations

import random
import re

from sidelined.events.text import Segment, _sentences, clauses

_PLAIN_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])"
    r"|\n+"
    r"|(?<=[a-z]{3}\.)(?=[A-Z][a-z])"
)
_PLAIN_CLAUSE_BREAK = re.compile(
    r";|:\s|,\s*(?:while|whilst|whereas|but|although|though|and|with)\s|\s(?:while|whilst|whereas|but)\s"
    r"|\sand (?=(?:his|her|their)\s)"
    r"|,\s(?=(?:[A-Z][\w'’-]+\s){1,2}(?:is|was|has|had|will|could|might|may|faces|remains)\b)"
)
_PLAIN_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|v|No|U\.S|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$"
)


def _plain_sentences(text: str) -> list[Segment]:
    """The rules read literally: every boundary match, the text before it checked for an abbreviation."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PLAIN_BOUNDARY.finditer(text):
        if m.start() > start and _PLAIN_ABBREVIATION.search(text[start : m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out: list[Segment] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Segment(s, e, len(out)))
    return out


def test_sentences_agree_with_the_plain_rules_on_the_real_articles(shared) -> None:
    texts = [path.read_text() for path in sorted(shared.glob("*/**/*.txt"))]
    assert texts
    for text in texts:
        assert list(_sentences.__wrapped__(text)) == _plain_sentences(text)


def test_sentences_agree_with_the_plain_rules_on_punctuation_soup() -> None:
    pieces = ["Mr.", "Sept.", "U.S.", "No.", "abc.", "word", "Word", "He", "9", ".", "!", "?", "...", " ", "  ", "\n",
              "\n\n", "\"", "”", "’", "'", "(", "“", "‘", "é", "ab", "sat.", "Smith.Then", "club.\n"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert list(_sentences.__wrapped__(text)) == _plain_sentences(text), repr(text)


def test_no_sentence_or_clause_starts_right_after_a_word_character(shared) -> None:
    """when.py searches clauses in place (not sliced), which reads a first word's boundary the same way only
    because of this."""
    from sidelined.events.context import _merged_clauses
    from sidelined.events.text import clauses, sentences

    pieces = ["a;b", "x:y", "one, while two", "He is out; she is fit", "Kane, Son and Rice"]
    texts = [path.read_text() for path in sorted(shared.glob("*/**/*.txt"))] + pieces
    for text in texts:
        for sentence in sentences(text):
            for seg in [sentence, *clauses(text, sentence), *_merged_clauses(text, sentence)]:
                assert seg.start == 0 or not (text[seg.start - 1].isalnum() or text[seg.start - 1] == "_"), \
                    (text[seg.start - 5 : seg.start + 5])


def _plain_clauses(text: str, sentence: Segment) -> list[Segment]:
    out: list[Segment] = []
    start = sentence.start
    for m in _PLAIN_CLAUSE_BREAK.finditer(text[sentence.start : sentence.end]):
        if sentence.start + m.start() > start:
            out.append(Segment(start, sentence.start + m.start(), sentence.index))
        start = sentence.start + m.end()
    if sentence.end > start:
        out.append(Segment(start, sentence.end, sentence.index))
    return out


def test_clauses_agree_with_the_plain_breaks_on_the_real_articles(shared) -> None:
    for text in (path.read_text() for path in sorted(shared.glob("*/**/*.txt"))):
        for sentence in _sentences.__wrapped__(text):
            assert clauses(text, sentence) == _plain_clauses(text, sentence)


def test_clauses_agree_with_the_plain_breaks_on_conjunction_soup() -> None:
    pieces = ["while", "whilst", "whereas", "but", "and", "although", "though", "with", "his", "her", "their", "Kane",
              "Son Heung-min", "is", "was", "faces", "out", "a", "w", "b", "hile", "ut", "nd", ",", ";", ":", " ", "  ",
              "\n", ", ", "; ", ": "]
    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", ","]) for _ in range(rng.randint(1, 25)))
        whole = Segment(0, len(text), 0)
        assert clauses(text, whole) == _plain_clauses(text, whole), repr(text)
