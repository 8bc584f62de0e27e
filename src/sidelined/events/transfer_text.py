"""Transfer vocabulary: words for moves and approaches, their status, fees in euros, sources.

Status words are ranked: a completed move ("has completed the signing",
"moved to") outranks an agreed one ("agreed to pay", "reached an
agreement"), which outranks a rumour ("linked with", "ready to offer",
"interest from").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import ahocorasick

from sidelined.events.cues import cue_pattern, openings
from sidelined.models import TransferStatus
from sidelined.textcase import lowered

# The cue patterns read lower-cased text (cues.lowered keeps the text's offsets).

COMPLETED = cue_pattern(
    r"\b(?:complet(?:ed|es|ing)\s+(?:[^\s]+\s+){0,2}?(?:signing|move|transfer|deal|switch)|"
    r"(?:has|have|had)\s+(?:officially\s+)?signed\b|signed\s+for|"
    r"(?:has|have)\s+joined|joined|moved\s+to|left\s+(?:[\w'’.-]+\s+){1,3}to\s+join|sealed\s+(?:a|his|her)\s+move|unveil(?:ed|s)?|"
    r"confirmed\s+the\s+signing|broke\s+(?:their|the\s+club's)\s+transfer\s+record\s+to\s+sign|"
    r"arrival\s+(?:at|from)|new\s+signing|on\s+loan\s+from|loan\s+move\s+to)\b")
AGREED = cue_pattern(
    r"\b(?:agreed\s+(?:to\s+pay|a\s+fee|a\s+deal|terms|personal\s+terms)|reached\s+an?\s+agreement|"
    r"agreement\s+(?:with|between)|deal\s+(?:has\s+been\s+|is\s+)?agreed|here\s+we\s+go|"
    r"set\s+to\s+(?:join|sign|complete)|clos(?:e|ing)\s+(?:in\s+)?(?:to|on)\s+(?:joining|signing|completing|"
    r"(?:a|an|the)\s+(?:deal|agreement|signing|move))|"
    r"undergo(?:ing)?\s+(?:a\s+)?medical|medical\s+examinations?)\b")
RUMOUR = cue_pattern(
    r"\b(?:offer(?:s|ed|ing)?|bids?|bidding|interest(?:ed)?|linked|links?|targets?|targeted|targeting|"
    r"pursuits?|pursue|pursuing|chase|chasing|eye(?:s|ing|ed)?|keen\s+on\s+(?:signing|a\s+move|bringing|landing)|wants?\s+to\s+sign|wanted\s+by|"
    r"monitor(?:s|ing|ed)?|scouting|consider(?:ing|s)?\s+a\s+move|approach(?:ed)?|enquir(?:y|ies|ed)|"
    r"talks|move\s+(?:for|to)|to\s+join|swoop|in\s+the\s+race\s+(?:for\s+(?:his|her|the)\s+signature|to\s+sign)|admirers|suitors|return\s+to(?=\s+[A-Z])|"
    r"on\s+(?:the|their)\s+(?:radar|shortlist)|ready\s+to\s+(?:offer|bid|pay|make)|prepared\s+to\s+(?:bid|offer|pay)|"
    r"transfer\s+request|(?:mentioned|touted)\s+as\s+(?:a\s+)?target|acquir(?:e|ing)|sign(?:ing)?\s+of|"
    r"to\s+sign|switch\s+to|reject(?:ed|s)?\s+(?:an?\s+)?(?:[\w€£$.]+\s+){0,4}?(?:bid|offer))\b")
# Staying put is no transfer: "signing a new deal with the club", "contract extension".
MOVE_WORDS = cue_pattern(r"\b(?:join\w*|move\w*|transfer\w*|switch\w*|from|leave|leaving|bid|offer\w*)\b")
RENEWAL = cue_pattern(r"\b(?:new\s+(?:deal|contract)|extension|extend(?:ed|s)?\s+(?:his|her)\s+contract|renew\w*)\b")
NEGATED = cue_pattern(r"\b(?:not|never|no|denied|deny|ruled\s+out)\b")

# Words before "from X" that make X the buyer: "a bid from Manchester United".
BUYER_FROM = cue_pattern(
    r"\b(?:bid|bids|offer|offers|interest|approach|enquiry|proposal|advances|pursuit|swoop)"
    r"(?:\s+[\w€£$.,-]+){0,3}?\s+from\s*(?:the\s+)?$")
SELLER_BEFORE = cue_pattern(
    r"\b(?:leave|leaving|left|away\s+from|exit|depart\w*|sell|from|pay|paid|paying|(?<!arrival\s)(?<!arrive\s)at)"
    r"\s+(?:the\s+)?$")

_STATUS_RANK: dict[TransferStatus, int] = {"rumour": 0, "agreed": 1, "completed": 2}


_TRIGGERS = (
    "offer", "bid", "interest", "link", "target", "pursu", "chase", "chasing", "eye", "keen", "want", "monitor",
    "scout", "consider", "approach", "enquir", "talks", "move", "swoop", "race", "admirer", "suitor", "return",
    "radar", "shortlist", "ready", "prepared", "transfer", "touted", "mentioned", "acquir", "acquisition", "sign",
    "switch", "reject", "agree", "deal", "here we go", "set to", "close to", "medical", "complet", "join", "moved",
    "sealed", "unveil", "arrival", "loan",
)
_STATUS_CUES = (COMPLETED, AGREED, RUMOUR)


# Characters from the most to the least frequent in English news text.  pyahocorasick finds a node's next letter by
# a scan of its children in the order they were added, so keys added in this order are walked faster.
_BY_FREQUENCY = {c: rank for rank, c in enumerate(" etaoinsrhldcumfgpwybvkjxqz")}


def _frequency_order(word: str) -> list[int]:
    return [_BY_FREQUENCY.get(c, len(_BY_FREQUENCY) + ord(c)) for c in word]


def _word_finder() -> ahocorasick.Automaton:
    """One automaton for the trigger stems (list 0) and the openings of each status cue (list 1 + its place in
    _STATUS_CUES), so one pass over an article finds both.  A key's value: its length less one, its lists."""
    lists: dict[str, list[int]] = {stem: [0] for stem in _TRIGGERS}
    for k, cue in enumerate(_STATUS_CUES, start=1):
        for opening in openings(cue) or ():
            lists.setdefault(opening, []).append(k)
    finder = ahocorasick.Automaton()
    for word in sorted(lists, key=_frequency_order):
        finder.add_word(word, (len(word) - 1, tuple(lists[word])))
    finder.make_automaton()
    return finder


_WORD_FINDER = _word_finder()
# Whether a cue opens with \b before a letter or digit (as cue_pattern makes it): then none starts inside a word.
_OPENS_A_WORD = tuple(cue.pattern.startswith("\\b(?=[a-z0-9])") for cue in _STATUS_CUES)
# A cue whose openings are not known is scanned everywhere (None instead of its places).
_CUE_OPENINGS_KNOWN = tuple(openings(cue) is not None for cue in _STATUS_CUES)


@lru_cache(maxsize=4)  # one pass per article, however many sentences and clauses are read
def _places(low: str) -> tuple[list[int], tuple[list[int] | None, ...]]:
    """Where trigger stems start in the lower-cased text, and where each status cue's openings do, in order."""
    found: tuple[list[int], ...] = tuple([] for _ in range(len(_STATUS_CUES) + 1))
    for last, (extent, owners) in _WORD_FINDER.iter(low):
        start = last - extent
        for owner in owners:
            found[owner].append(start)
    for places in found:
        places.sort()
    triggers, *cue_places = found
    return triggers, tuple(p if known else None for p, known in zip(cue_places, _CUE_OPENINGS_KNOWN, strict=True))


def trigger_positions(text: str) -> list[int]:
    """Where transfer word stems start in `text`: sentences without one need no closer reading."""
    return _places(lowered(text))[0]


def _cue_matches(k: int, low: str, start: int, end: int) -> list[re.Match[str]]:
    """What _STATUS_CUES[k].finditer(low, start, end) gives, trying only where one of the cue's openings starts."""
    cue = _STATUS_CUES[k]
    places = _places(low)[1][k]
    if places is None:
        return list(cue.finditer(low, start, end))
    found: list[re.Match[str]] = []
    resume = start
    opens_a_word = _OPENS_A_WORD[k]
    for place in places[bisect_left(places, start) :]:
        if place >= end:
            break
        if place < resume or (opens_a_word and place and (low[place - 1].isalnum() or low[place - 1] == "_")):
            continue  # inside a word, where the cue's opening \b cannot hold: no match to try for
        m = cue.match(low, place, end)
        if m is not None:
            found.append(m)
            resume = m.end()
    return found


_CONDITIONAL = cue_pattern(r"\b(?:could|would|set to|close to|if)\b")


def status_of(clause: str) -> TransferStatus | None:
    """The status a lower-cased clause gives a move, or None when it names no move."""
    if COMPLETED.search(clause) and not _CONDITIONAL.search(clause):
        return "completed"
    if AGREED.search(clause):
        return "agreed"
    if RUMOUR.search(clause):
        return "rumour"
    return None


def cue_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the transfer words of text[start:end] are."""
    low = lowered(text)
    return sorted((m.start(), m.end()) for cue in (COMPLETED, AGREED, RUMOUR) for m in cue.finditer(low, start, end))


def read_cues(text: str, start: int, end: int) -> tuple[TransferStatus | None, list[tuple[int, int]]]:
    """What text[start:end] says of a move: its status (status_of) and where its transfer words are (cue_spans),
    from one pass of each cue pattern."""
    low = lowered(text)
    if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_"):  # a \b at `start` would see that word
        return status_of(low[start:end]), cue_spans(text, start, end)
    found = [_cue_matches(k, low, start, end) for k in range(len(_STATUS_CUES))]
    spans = sorted((m.start(), m.end()) for matches in found for m in matches)
    completed, agreed, rumour = found
    if completed and not _CONDITIONAL.search(low, start, end):
        return "completed", spans
    if agreed:
        return "agreed", spans
    return ("rumour" if rumour else None), spans


def stronger(a: TransferStatus, b: TransferStatus) -> TransferStatus:
    return a if _STATUS_RANK[a] >= _STATUS_RANK[b] else b


_EURO_AMOUNT = cue_pattern(
    r"(?:€\s?(?P<a>\d+(?:[.,]\d+)?)\s?(?P<au>m\b|mn\b|mln\b|million\b|bn\b|billion\b|k\b)?"
    r"|(?P<b>\d+(?:[.,]\d+)?)\s?(?P<bu>m|million|bn|billion)?\s?(?:euros?|EUR)\b)")
_RANGE_AFTER = cue_pattern(r"^\s?(?:m|million)?\s?(?:-|–|—|to)\s?€?\s?\d")
_RANGE_BEFORE = cue_pattern(r"(?:between|from)\s+$|\d\s?(?:m|million)?\s?(?:-|–|—|to)\s?$")
_NOT_A_FEE = cue_pattern(r"^\s*(?:a|per)\s+(?:year|season|week|month)|^\s*(?:salary|wages?|bonus)")


def euro_fee(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The first fee in euros between start and end: (amount, span start, span end); a range gives none."""
    low = lowered(text)
    if low.find("€", start, end) < 0 and low.find("eur", start, end) < 0:  # every amount holds one
        return None
    for m in _EURO_AMOUNT.finditer(low, start, end):
        after = low[m.end() : m.end() + 20]
        before = low[max(start, m.start() - 12) : m.start()]
        if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before) or _NOT_A_FEE.match(after):
            return None
        number = (m.group("a") or m.group("b")).replace(",", ".")
        unit = m.group("au") or m.group("bu") or ""
        scale = {"m": 10**6, "mn": 10**6, "mln": 10**6, "million": 10**6, "bn": 10**9, "billion": 10**9,
                 "k": 10**3}.get(unit, 1)
        amount = int(round(float(number) * scale))
        if amount < 100_000:  # a bare "€30" is no transfer fee
            continue
        return amount, m.start(), m.end()
    return None


_NAME = r"((?:[A-Z][\w.'’-]*)(?:\s+(?:de\s+|da\s+)?[A-Z][\w.'’-]*){0,3})"
SOURCE_PATTERNS = [
    re.compile(
        r"\b[Aa]ccording\s+to\s+(?:(?:a|the)\s+)?(?:(?:report|reports|story)\s+(?:in|by|from)\s+)?"
        r"(?:(?:[\w-]+\s+){0,4}(?:outlet|expert|journalist|reporter|newspaper|paper|insider|site|"
        r"publication|daily),?\s+)?" + _NAME
    ),
    re.compile(r"\(via\s+" + _NAME + r"\)"),
    re.compile(_NAME + r"\s+(?:reported|reports|reporting|claimed|claims|claiming|revealed|reveals|understands)\b"),
    re.compile(r"\b(?:reported|revealed)\s+by\s+" + _NAME),
    re.compile(r",\s*(?:reports|reported|claims|claimed|writes|wrote|says|said)\s+" + _NAME),
]
# Per pattern, words one of which every match of it holds: a sentence without them is not searched.
_SOURCE_WORDS = [
    ("ccording",), ("(via",), ("report", "claim", "reveal", "understands"), ("reported", "revealed"),
    ("report", "claim", "writes", "wrote", "says", "said"),
]
_NOT_SOURCES = {"The", "A", "An"}
_NOT_FIRST_WORDS = {"It", "He", "She", "They", "This", "That", "Reports", "Sources"}


def source_in(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """Who a report is attributed to, from "according to X", "(via X)", "X reported"."""
    for pattern, words in zip(SOURCE_PATTERNS, _SOURCE_WORDS, strict=True):
        if all(text.find(word, start, end) < 0 for word in words):
            continue
        m = pattern.search(text, start, end)
        if m is None:
            continue
        name = m.group(1).rstrip(".,'’")
        if name in _NOT_SOURCES or name.split()[0] in _NOT_FIRST_WORDS:
            continue
        return name, m.start(1), m.start(1) + len(name)
    return None
