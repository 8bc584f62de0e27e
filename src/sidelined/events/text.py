"""Sentence and clause segmentation with character offsets into the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A sentence ends at . ! ? (possibly followed by a closing quote) before a
# capital or an opening quote, at a line break, or where a paragraph heading
# was glued on ("a crucial La Liga match.The incident").  Each match opens
# with the stop or the line break (a search for one of those few characters
# is fast); the boundary itself starts after a stop.
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?:[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|(?<=[a-z]{3}\.)(?=[A-Z][a-z]))|(?<=\n)\n*)"
)
_ABBREVIATIONS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|v|No|U\.S|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$"
)

# Clause breaks inside a sentence: the places where a roundup moves from one
# player to the next: ";", ": ", a comma before a conjunction or before a
# name and a verb ("..., Kane is out"), and " while ", " whilst ", " whereas ",
# " but ", " and his/her/their".  Each match opens with a punctuation mark or
# with the first letter of the conjunction (a fast character scan finds those
# few, and each branch opens with its own character, so that only the branch
# of the character found is tried); a break at a conjunction starts one
# character earlier, at the space.
_CLAUSE_BREAK = re.compile(
    r"(?:a(?<=\sa)nd (?=(?:his|her|their)\s)|w(?<=\sw)(?:hile|hilst|hereas)\s|b(?<=\sb)ut\s"
    r"|,(?:\s*(?:while|whilst|whereas|but|although|though|and|with)\s"
    r"|\s(?=(?:[A-Z][\w'’-]+\s){1,2}(?:is|was|has|had|will|could|might|may|faces|remains)\b))"
    r"|;|:\s)"
)


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    index: int  # sentence number in the article

    def text(self, source: str) -> str:
        return source[self.start : self.end]


# An abbreviation ends the text before a boundary: the longest ("Sept.") fits in these last characters with
# the one before it (for the word boundary) and a line break the end of text may still have.
_ABBREVIATION_WINDOW = 8


def sentences(text: str) -> list[Segment]:
    """Split `text` into sentences, keeping offsets; empty stretches are dropped."""
    return list(_sentences(text))


@lru_cache(maxsize=8)  # every stage of one article splits the same text
def _sentences(text: str) -> tuple[Segment, ...]:
    out: list[Segment] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        boundary = m.start() if text[m.start()] == "\n" else m.start() + 1
        # Every abbreviation ends with a stop.
        if boundary > start and text[boundary - 1] == "." and \
                _ABBREVIATIONS.search(text, max(start, boundary - _ABBREVIATION_WINDOW), boundary):
            continue
        _add_stripped(out, text, start, boundary)
        start = m.end()
    _add_stripped(out, text, start, len(text))
    return tuple(out)


def _add_stripped(out: list[Segment], text: str, start: int, end: int) -> None:
    """Append text[start:end] without its surrounding white space as the next sentence, unless nothing is left."""
    body = text[start:end]
    stripped = body.strip()
    if stripped:
        start += len(body) - len(body.lstrip())
        out.append(Segment(start, start + len(stripped), len(out)))


def clauses(text: str, sentence: Segment) -> list[Segment]:
    """Split one sentence into clauses at the breaks a roundup uses."""
    out: list[Segment] = []
    start = sentence.start
    body = text[sentence.start : sentence.end]
    for m in _CLAUSE_BREAK.finditer(body):
        end = sentence.start + (m.start() - 1 if body[m.start()] in "wba" else m.start())
        if end < start:
            continue  # its space ended the break before: read from that space, it is no break
        if end > start:
            out.append(Segment(start, end, sentence.index))
        start = sentence.start + m.end()
    if sentence.end > start:
        out.append(Segment(start, sentence.end, sentence.index))
    return out
