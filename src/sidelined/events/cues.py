"""Every match of a cue pattern in an article, found once and looked up by place.

Clauses of a roundup are read again for each player they name; scanning the
whole text once per pattern and answering "which matches fall in this clause"
by bisection keeps that cheap.  The scan itself only tries the places where
one of the pattern's possible openings occurs (found for all of them at once
with Aho-Corasick), which gives the same matches as trying every place.
Patterns always read together over one stretch form a group, answered by
one lookup in their merged matches.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from bisect import bisect_left
from functools import lru_cache
from operator import itemgetter
from threading import Lock
from typing import Any

import ahocorasick

from sidelined.textcase import lowered


def cue_pattern(source: str) -> re.Pattern[str]:
    """A case-insensitive cue pattern compiled for lower-cased text: several times faster than
    re.IGNORECASE on the long alternations the cue tables are made of."""
    if re.search(r"\\[A-Z]", source):
        raise ValueError(f"cue pattern with an upper-case escape cannot be lower-cased: {source[:40]}")
    source = source.lower().replace("(?p<", "(?P<")
    if source.startswith("\\b"):
        # Tell the engine at once that a cue starts at a letter or digit; it then skips most places cheaply.
        source = "\\b(?=[a-z0-9])" + source[2:]
    return re.compile(source)


# Openings are read up to this many characters; a longer one rarely rules out more places.
_OPENING_LENGTH = 5
# Past this many openings (optional parts multiply them) a pattern is scanned everywhere instead.
_MAX_OPENINGS = 3000
# A character class of at most this many characters is spelled out as openings.
_MAX_CLASS = 12

_Paths = set[tuple[str, bool]]  # (text read so far, whether the part read so far may be followed by more)


class _Unreadable(Exception):
    """The pattern uses something whose openings are not worked out; it is scanned everywhere."""


def _class_letters(items: list[tuple[Any, Any]]) -> list[str] | None:
    letters: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            letters.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            letters.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return letters if len(letters) <= _MAX_CLASS else None


def _item_paths(op: Any, av: Any, room: int) -> _Paths:
    """The ways one parsed item can begin, at most `room` characters each."""
    if op is sre.LITERAL:
        return {(chr(av), True)}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", True)}  # zero-width: leaving its condition out only lets more places through
    if op is sre.IN:
        letters = _class_letters(av)
        return {(c, True) for c in letters} if letters is not None else {("", False)}
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, inner = av
        if add_flags & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_VERBOSE):
            raise _Unreadable
        return _sequence_paths(inner, room)
    if op is sre.ATOMIC_GROUP:
        return _sequence_paths(av, room)
    if op is sre.BRANCH:
        return set().union(*(_sequence_paths(branch, room) for branch in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, most, inner = av
        once = _sequence_paths(inner, room)
        if most != 1:
            once = {(read, False) for read, _ in once}  # the count is unknown: stop reading after one
        return once | {("", True)} if least == 0 else once
    if op in (sre.ANY, sre.NOT_LITERAL, sre.CATEGORY, sre.GROUPREF, sre.GROUPREF_EXISTS):
        return {("", False)}
    raise _Unreadable


def _sequence_paths(items: Any, room: int) -> _Paths:
    paths: _Paths = {("", True)}
    for op, av in items:
        if not any(more and len(read) < room for read, more in paths):
            break
        grown: _Paths = set()
        for read, more in paths:
            if not more or len(read) >= room:
                grown.add((read, False))
                continue
            grown.update((read + extra, goes_on) for extra, goes_on in _item_paths(op, av, room - len(read)))
        if len(grown) > _MAX_OPENINGS:
            raise _Unreadable
        paths = grown
    return paths


def openings(pattern: re.Pattern[str]) -> set[str] | None:
    """Strings one of which every match of the pattern starts with, or None when the pattern may match
    starting with anything (or is not understood)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        paths = _sequence_paths(sre_parse.parse(pattern.pattern, pattern.flags), _OPENING_LENGTH)
    except (_Unreadable, RecursionError):
        return None
    starts = {read for read, _ in paths}
    if "" in starts:
        return None
    # An opening that begins with a shorter one adds no place to try.
    return {s for s in starts if not any(s[:n] in starts for n in range(1, len(s)))}


class _Openings:
    """One Aho-Corasick automaton over the openings of every pattern the indexes have been asked about, so
    that one pass over a text finds the places each of them can match."""

    def __init__(self) -> None:
        self.slots: dict[int, int | None] = {}  # id(pattern) -> its slot, None when it is scanned everywhere
        self._patterns: list[re.Pattern[str]] = []  # kept so that no id above is reused by another pattern
        self._words: dict[str, list[int]] = {}  # opening -> slots of the patterns it opens
        self._automaton: tuple[Any, int] = (None, 0)  # with the number of slots it knows
        self._lock = Lock()

    def add(self, pattern: re.Pattern[str]) -> None:
        with self._lock:
            if id(pattern) in self.slots:
                return
            starts = openings(pattern)
            self._patterns.append(pattern)
            if starts is None:
                self.slots[id(pattern)] = None
                return
            slot = len(self._patterns) - 1
            for opening in starts:
                self._words.setdefault(opening, []).append(slot)
            automaton = ahocorasick.Automaton()
            for word, owners in self._words.items():
                automaton.add_word(word, (len(word) - 1, tuple(owners)))
            automaton.make_automaton()
            # Published before the slot, so that whoever sees the slot finds it in the automaton.
            self._automaton = (automaton, slot + 1)
            self.slots[id(pattern)] = slot

    def places(self, text: str) -> list[list[int]]:
        """Per slot, the places where one of its openings occurs in `text`, not in order.  No place comes twice:
        two openings of one pattern that start at the same place would be one the beginning of the other."""
        automaton, count = self._automaton
        found: list[list[int]] = [[] for _ in range(count)]
        if automaton is not None:
            for last, (extent, owners) in automaton.iter(text):
                for slot in owners:
                    found[slot].append(last - extent)
        return found


_OPENINGS = _Openings()


def matches_at(pattern: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """The matches `pattern.finditer(text)` gives when every place it can match at is among `places` (sorted)."""
    found: list[re.Match[str]] = []
    resume = 0
    for place in places:
        if place < resume:
            continue
        m = pattern.match(text, place)
        if m is not None:
            found.append(m)
            resume = m.end()
    return found


_UNREAD: list[int] = []  # marks a pattern whose places an index has not read yet
_START_AND_PATTERN = itemgetter(0, 1)  # orders a group's (start, pattern's place, match) hits


class CueGroup:
    """Patterns always looked up together over the same stretch (a clause's injury and status cues): one
    lookup answers for all of them instead of one per pattern."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        self.patterns = patterns


class CueIndex:
    """Matches of cue patterns over the lower-cased text, computed on first use of each pattern."""

    def __init__(self, text: str) -> None:
        self.text = lowered(text)
        self._found: dict[int, tuple[list[int], list[re.Match[str]]]] = {}
        self._places: list[list[int]] | None = None
        self._sorted_places: dict[int, list[int] | None] = {}
        self._group_matches: dict[int, tuple[list[int], list[tuple[int, re.Match[str]]]]] = {}
        self._group_places: dict[int, list[int] | None] = {}

    # Lookups are keyed by identity (hashing a compiled pattern hashes its whole source) and written out in
    # each method: they are made a few hundred times per article.

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of the pattern in the lower-cased text, as `finditer` gives them."""
        return (self._found.get(id(pattern)) or self._scan(pattern))[1]

    def may_match(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """False only when no match of the pattern can lie inside text[start:end], however that stretch is
        searched (sliced or not): none of the pattern's openings starts in it."""
        places = self._sorted_places.get(id(pattern), _UNREAD)
        if places is _UNREAD:
            places = self._read_places(pattern)
        if places is None:
            return True
        i = bisect_left(places, start)
        return i < len(places) and places[i] < end

    def within(self, pattern: re.Pattern[str], start: int, end: int) -> list[re.Match[str]]:
        """Matches that start in text[start:end] and end by `end`, in order."""
        starts, matches = self._found.get(id(pattern)) or self._scan(pattern)
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, first)
        return [m for m in matches[first:last] if m.end() <= end] if last > first else []

    def first(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        starts, matches = self._found.get(id(pattern)) or self._scan(pattern)
        i, count = bisect_left(starts, start), len(starts)
        while i < count and starts[i] < end:
            if matches[i].end() <= end:
                return matches[i]
            i += 1
        return None

    def hits(self, group: CueGroup, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
        """What `within` gives for each pattern of the group, as (the pattern's place in the group, match),
        ordered by start and, at one start, by the group's order."""
        starts, found = self._group_matches.get(id(group)) or self._merge(group)
        out: list[tuple[int, re.Match[str]]] = []
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            if found[i][1].end() <= end:
                out.append(found[i])
        return out

    def may_match_any(self, group: CueGroup, start: int, end: int) -> bool:
        """False only when `may_match` is False for every pattern of the group."""
        places = self._group_places.get(id(group), _UNREAD)
        if places is _UNREAD:
            places = self._group_places[id(group)] = self._merged_places(group)
        if places is None:
            return True
        i = bisect_left(places, start)
        return i < len(places) and places[i] < end

    def _merge(self, group: CueGroup) -> tuple[list[int], list[tuple[int, re.Match[str]]]]:
        found = sorted(((m.start(), k, m) for k, pattern in enumerate(group.patterns) for m in self.matches(pattern)),
                       key=_START_AND_PATTERN)
        merged = self._group_matches[id(group)] = ([start for start, _, _ in found], [(k, m) for _, k, m in found])
        return merged

    def _merged_places(self, group: CueGroup) -> list[int] | None:
        merged: list[int] = []
        for pattern in group.patterns:
            places = self._sorted_places.get(id(pattern), _UNREAD)
            if places is _UNREAD:
                places = self._read_places(pattern)
            if places is None:
                return None
            merged += places
        return sorted(merged)

    def _scan(self, pattern: re.Pattern[str]) -> tuple[list[int], list[re.Match[str]]]:
        places = self._sorted_places.get(id(pattern), _UNREAD)
        if places is _UNREAD:
            places = self._read_places(pattern)
        matches = list(pattern.finditer(self.text)) if places is None else matches_at(pattern, self.text, places)
        found = self._found[id(pattern)] = ([m.start() for m in matches], matches)
        return found

    def _read_places(self, pattern: re.Pattern[str]) -> list[int] | None:
        """Where the pattern's openings occur, in order; None when it has no openings to look for."""
        if id(pattern) not in _OPENINGS.slots:
            _OPENINGS.add(pattern)
        slot = _OPENINGS.slots[id(pattern)]
        places: list[int] | None = None
        if slot is not None:
            if self._places is None or slot >= len(self._places):
                self._places = _OPENINGS.places(self.text)  # read again when a pattern new to all indexes came
            places = sorted(self._places[slot])
        self._sorted_places[id(pattern)] = places
        return places


@lru_cache(maxsize=8)
def index_of(text: str) -> CueIndex:
    """The cue index of a text; the last few texts' indexes are kept, so every stage of one article shares it."""
    return CueIndex(text)
