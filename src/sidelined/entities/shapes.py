"""People the knowledge base does not know: name-shaped words in a player or a staff context.

A run of two or three capitalised words ("Sam Kerr", "Salman Al-Faraj") that
no gazetteer form covers is a person.  Role words just before it or right
after it ("England boss Thomas Tuchel", "manager X said", "X, the Southampton
manager") make him staff (kind "person"); otherwise, in a sentence that talks
about injuries, fitness or playing positions, he is a provisional player.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import attrgetter

from sidelined.entities.scanning import STAFF_ROLE_WORDS, cue_word_starts, matches_at, stands_alone
from sidelined.entities.words import NOT_NAME_WORDS, STAFF_ROLES
from sidelined.kb.names import fold_same_length

NAME_WORD = r"(?:[A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)*|[A-Z]'[A-Z][a-z]+|Al-[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+)"
PARTICLE = r"(?:de|da|van|von|der|den|di|dos|del|le|la|ter)"
# NAME_WORD at a word start, the boundary tested after the capital so the engine can skip from capital to
# capital (the Al- branch, its capital already read, checks it was an A).
FIRST_NAME_WORD = (
    r"[A-Z](?<!\w[A-Z])(?:[a-z]+(?:['’\-][A-Z]?[a-z]+)*|'[A-Z][a-z]+|(?<=A)l-[A-Z][a-z]+|[a-z]*[A-Z][a-z]+)"
)
SHAPE = re.compile(rf"{FIRST_NAME_WORD}(?:[ \u00a0]+(?:{PARTICLE} +)?{NAME_WORD}){{1,2}}\b")


def staff_before(text: str, start: int) -> bool:
    """A staff role word right before this offset ("England boss ", "head coach ")."""
    return text[max(0, start - 20) : start].rstrip().lower().endswith(STAFF_ROLES)


STAFF_AFTER = re.compile(
    r"^,?\s*(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}(?:boss|manager|coach|head coach|chairman|president|director|"
    r"pundit|referee)\b"
)


def play_word_offsets(text: str) -> list[int]:
    """Offsets of the words that make a sentence about playing, injuries or fitness (a word being
    a run of ASCII letters, whatever their case)."""
    return cue_word_starts(text)["play"]


def talks_about_playing(text: str, start: int, end: int) -> bool:
    offsets = play_word_offsets(text)
    index = bisect.bisect_left(offsets, start)
    return index < len(offsets) and offsets[index] < end


POSITION_WORDS = (
    r"(?:[Ff]orwards?|[Ss]trikers?|[Ww]ingers?|[Mm]idfielders?|[Dd]efenders?|[Gg]oalkeepers?|[Kk]eepers?|"
    r"(?:[Ff]ull|[Rr]ight|[Ll]eft|[Cc]entre|[Cc]enter|[Ww]ing)-backs?|[Cc]aptain|[Ss]kipper|[Yy]oungster|"
    r"[Tt]eenager|[Vv]eteran|[Pp]laymaker)"
)
SINGLE_WORD = r"[A-Z][a-z][\w'’\-]*"
AFTER_POSITION = re.compile(rf"\b{POSITION_WORDS}\s+({SINGLE_WORD})\b(?!\s+[A-Z])")
LIST_NEXT = re.compile(rf"^(?:,\s*|\s+and\s+)({SINGLE_WORD})\b(?=\s*(?:,|and\b|\.|are\b|is\b|have\b|all\b|were\b))")
LIST_PREVIOUS = re.compile(rf"(?:^|[,:]\s*|\.\s+)({SINGLE_WORD})(?:,\s*|\s+and\s+)$")


@dataclass(frozen=True, slots=True)
class ShapeName:
    start: int
    end: int
    text: str
    staff: bool
    player_context: bool


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the name's sentence to the end of the sentence after it."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = end
    for _ in range(2):
        found = [i for i in (text.find(". ", right + 1), text.find("\n", right + 1)) if i != -1]
        right = min(found) if found else len(text)
    return left + 1, right


LONGEST_SPAN = 120  # no linked span is longer, so overlaps need only look this far back
STAFF_NAMED = re.compile(rf"\b(?:{'|'.join(STAFF_ROLE_WORDS)})\s+(?:[A-Z][\w'’-]+\s+)?([A-Z][\w'’-]+)")
STAFF_SAYS = re.compile(r"([A-Z](?<!\w[A-Z])[\w'’-]+),\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}(?:boss|manager|coach)\b")


def staff_surnames(text: str) -> set[str]:
    """Surnames the article gives a staff role ("manager Ronald Koeman", "Koeman, the Saints boss")."""
    roles = cue_word_starts(text)["staff role"]
    if not roles:
        return set()  # both patterns need a role word
    named = matches_at(STAFF_NAMED, text, roles)
    return {m.group(1) for m in named} | {m.group(1) for m in STAFF_SAYS.finditer(text)}


class Coverage:
    """Spans already linked, for a quick overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.ends = [end for _, end in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        low = bisect.bisect_left(self.starts, start - LONGEST_SPAN)
        high = bisect.bisect_left(self.starts, end)
        return high > low and max(self.ends[low:high]) > start

    def covers(self, start: int, end: int) -> bool:
        """The last span starting by `start` holds the whole of start to end and is no longer than
        LONGEST_SPAN (so `overlaps` is true of every part of it)."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0:
            return False
        span_start, span_end = self.spans[index]
        return end <= span_end <= span_start + LONGEST_SPAN


@dataclass(frozen=True)
class NameVocabulary:
    """Words known to be parts of people's names, and names known not to be people (stadiums)."""

    name_tokens: frozenset[str] = frozenset()
    not_people: frozenset[str] = frozenset()


def _used_in_small_letters(text: str, word: str) -> bool:
    """The text has this word in small ASCII letters, as a whole word."""
    small = word.lower()
    return small.isascii() and small.isalpha() and stands_alone(text, small)


def _looks_like_words(text: str, words: list[str], vocabulary: NameVocabulary) -> bool:
    """A capitalised word the article also uses in lower case ("Injured", "Confirms") is a word, not a
    name, unless some player is called that."""
    return any(w not in vocabulary.name_tokens and _used_in_small_letters(text, w) for w in words)


def find_shapes(
    text: str, taken: list[tuple[int, int]], vocabulary: NameVocabulary | None = None, folded: str | None = None
) -> list[ShapeName]:
    """Person-shaped names outside the spans already linked (`folded` is fold_same_length(text), when known)."""
    vocabulary = vocabulary or NameVocabulary()
    covered = Coverage(taken)
    found: list[ShapeName] = []
    context_of: dict[tuple[int, int], bool] = {}
    if folded is None:
        folded = fold_same_length(text)  # "Martínez" is name-shaped too
    last = len(text.rstrip())
    for match in SHAPE.finditer(folded):
        if covered.covers(match.start(), match.end()):
            continue  # a name already linked: whatever part of it is a name overlaps that link
        words = match.group(0).split()
        while words and (words[0] in NOT_NAME_WORDS or words[0].endswith(("'s", "’s"))):
            words.pop(0)  # "Arsenal's Emily Fox": the possessor is not part of the name
        while words and words[-1] in NOT_NAME_WORDS:
            words.pop()
        if len(words) < 2 or any(w in NOT_NAME_WORDS for w in words):
            continue
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        name = " ".join(words)
        start = match.start() + match.group(0).index(words[0])
        end = start + len(name) if name in match.group(0) else match.end()
        if covered.overlaps(start, end) or name in vocabulary.not_people:
            continue
        if text[start - 1 : start] == "/" or (end == last and text[end - 1].isalpha()):
            continue  # a photo credit ("REUTERS/Axel Schmidt") or a name cut off where the copy ends
        if _looks_like_words(text, words, vocabulary):
            continue
        after = text[end : end + 60]
        staff = staff_before(text, start) or bool(STAFF_AFTER.match(after))
        bounds = _sentence_bounds(text, start, end)
        if bounds not in context_of:
            context_of[bounds] = talks_about_playing(text, *bounds)
        context = context_of[bounds]
        found.append(ShapeName(start, end, text[start:end], staff, context))
    return found


def find_single_names(text: str, taken: list[tuple[int, int]], players: list[tuple[int, int]]) -> list[ShapeName]:
    """One-word names the gazetteer could not settle, where only a player fits: right after a
    position word ("full-back Juankar") or in a list with named players ("Koné, Harper and Juanpi")."""
    found: dict[int, ShapeName] = {}
    covered = Coverage(taken)

    def keep(start: int, end: int) -> None:
        word = text[start:end]
        if word not in NOT_NAME_WORDS and not covered.overlaps(start, end) and start not in found:
            found[start] = ShapeName(start, end, word, staff=False, player_context=True)

    for match in matches_at(AFTER_POSITION, text, cue_word_starts(text)["position"]):
        keep(match.start(1), match.end(1))
    for start, end in players:
        cursor = end
        while text.startswith((",", " and "), cursor):
            following = LIST_NEXT.match(text[cursor : cursor + 60])
            if not following:
                break
            keep(cursor + following.start(1), cursor + following.end(1))
            cursor += following.end(1)
        if not text[max(0, start - 6) : start].endswith((", ", " and ")):
            continue
        preceding = LIST_PREVIOUS.search(text[max(0, start - 40) : start])
        if preceding:
            offset = max(0, start - 40)
            keep(offset + preceding.start(1), offset + preceding.end(1))
    return sorted(found.values(), key=attrgetter("start"))
