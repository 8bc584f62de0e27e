"""Fast whole-article scans for the linking passes.

Python's regex engine tries a long alternation, or a pattern opening with
`\\b`, at every single character.  Instead one Aho-Corasick pass over the
lower-cased article finds where the cue words of linking start (play words,
position words, staff roles), and the exact patterns are tried only there.
Whole-word string searches stand in for the patterns that would otherwise be
compiled afresh for each article's names.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from sidelined.entities.words import PLAY_PREFIXES, PLAY_WORDS
from sidelined.textcase import lowered

KELVIN_SIGN = "\u212a"  # the only non-ASCII character whose lower case is an ASCII letter

POSITION_WORDS = (
    "forward striker winger midfielder defender goalkeeper keeper full-back right-back left-back centre-back "
    "center-back wing-back captain skipper youngster teenager veteran playmaker"
)
STAFF_ROLE_WORDS = ("boss", "manager", "coach", "head coach", "gaffer", "chairman", "president", "director")
# The word lists found in one pass: (list name, words, whether a word must end where the letters end).
WORD_LISTS: tuple[tuple[str, frozenset[str], bool], ...] = (
    ("play", PLAY_WORDS, True),
    ("play", frozenset(PLAY_PREFIXES), False),  # "injur" in "injured", "injuries"
    ("position", frozenset(POSITION_WORDS.split()), False),
    ("staff role", frozenset(STAFF_ROLE_WORDS), False),
)


def _automaton() -> ahocorasick.Automaton:
    lists_of: dict[str, list[tuple[str, bool]]] = {}
    for list_name, words, whole in WORD_LISTS:
        for word in words:
            lists_of.setdefault(word, []).append((list_name, whole))
    automaton = ahocorasick.Automaton()
    for word, lists in lists_of.items():
        automaton.add_word(word, (len(word), tuple(lists)))
    automaton.make_automaton()
    return automaton


CUE_WORDS = _automaton()


def ascii_lowered(text: str) -> str:
    """The text with ASCII capitals lower-cased and every offset kept: an ASCII letter in the result
    is exactly an ASCII letter in the text."""
    low = lowered(text)
    if KELVIN_SIGN in text:
        low = "".join(original if original == KELVIN_SIGN else char for original, char in zip(text, low, strict=True))
    return low


@lru_cache(maxsize=2)
def cue_word_starts(text: str) -> dict[str, list[int]]:
    """For each word list, the sorted offsets where one of its words starts a run of ASCII letters
    (any case), and for whole words also ends it."""
    low = ascii_lowered(text)
    size = len(low)
    found: dict[str, set[int]] = {list_name: set() for list_name, _, _ in WORD_LISTS}
    for end, (length, lists) in CUE_WORDS.iter(low):
        start = end - length + 1
        if start > 0 and "a" <= low[start - 1] <= "z":
            continue  # inside a word
        ends_word = end + 1 == size or not "a" <= low[end + 1] <= "z"
        for list_name, whole in lists:
            if ends_word or not whole:
                found[list_name].add(start)
    return {name: sorted(starts) for name, starts in found.items()}


def is_word_character(char: str) -> bool:
    """What `\\w` matches."""
    return char.isalnum() or char == "_"


def at_word_boundary(text: str, offset: int) -> bool:
    """What `\\b` tests at this offset."""
    before = offset > 0 and is_word_character(text[offset - 1])
    return before != (offset < len(text) and is_word_character(text[offset]))


def stands_alone(text: str, word: str) -> bool:
    """`re.search(r"\\b" + re.escape(word) + r"\\b", text)`, without compiling a pattern per word."""
    at = text.find(word)
    while at != -1:
        if at_word_boundary(text, at) and at_word_boundary(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def whole_word_matches(text: str, words: list[str]) -> list[tuple[int, str]]:
    """(offset, word) of each match of `re.finditer(r"\\b(?:" + "|".join(map(re.escape, words)) + r")\\b", text)`
    for non-empty words, found by string search instead of a pattern compiled for these words."""
    places = []
    for order, word in enumerate(words):
        at = text.find(word)
        while at != -1:
            if at_word_boundary(text, at) and at_word_boundary(text, at + len(word)):
                places.append((at, order, word))
            at = text.find(word, at + 1)
    places.sort()  # at one offset the pattern takes the first word that fits
    found = []
    searched_from = 0
    for at, _, word in places:
        if at >= searched_from:
            found.append((at, word))
            searched_from = at + len(word)
    return found


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """Exactly `pattern.finditer(text)` when every match of the pattern starts at one of the sorted
    `starts` (and none is empty), trying the pattern only there."""
    found = []
    position = 0
    for start in starts:
        if start >= position and (match := pattern.match(text, start)):
            found.append(match)
            position = match.end()
    return found
