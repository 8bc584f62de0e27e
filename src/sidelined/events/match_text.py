"""Match vocabulary: scorelines, result words, match nouns, competitions and derbies.

Everything here reads plain text; the match extractor combines it with the
article's team mentions and time expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import ahocorasick

from sidelined.events.cues import cue_pattern
from sidelined.spans import first_and_longest
from sidelined.textcase import lowered

# A scoreline "2-1" / "2–1", not a season ("2024-25"), a record ("1-0-0"),
# a formation ("4-3-3") or a range of ages or minutes.
SCORELINE = re.compile(
    r"(?<![\d\-–—/.:])(\d{1,2})\s?[-–—]\s?(\d{1,2})(?![\d\-–—/]|[.:]\d|\s?(?:year|yard|min|man)|th\b)"
)

RESULT_NOUN = (
    r"(?:win|wins|victory|victories|defeat|loss|draw|triumph|success|thrashing|rout|drubbing|hammering|"
    r"reverse|stalemate)"
)
RESULT_VERB = (
    r"(?:win|won|beat|beats|beating|lost|lose|losing|drew|draw|drawing|edged|edge|defeated|thrashed|"
    r"hammered|routed|overcame|downed|swept|cruised?\s+to\s+an?|ran\s+out|going\s+on\s+to\s+win|went\s+on\s+to\s+win|"
    r"beaten)"
)
# The scoreline's context is read lower-cased (cues.lowered), with the text's own offsets.
_LOSING = cue_pattern(r"\b(?:defeat|loss|lost|lose|losing|reverse|beaten|were\s+beaten|was\s+beaten)\b")
_DRAWING = cue_pattern(r"\b(?:draw|drew|drawing|stalemate)\b")

# Words after a scoreline that make it a final result: "2-1 victory", "4-3 league win".
_FINAL_AFTER = cue_pattern(
    rf"^\s*(?:[a-z][\w'’.-]*\s+){{0,3}}?{RESULT_NOUN}\b|^\s*(?:home|away)?\s*(?:win|victory|defeat|loss|draw)\b"
)
# Words before it that do the same: "beat Valencia 1-0", "won 3-1", "edged a tenacious Austria side 1-0".
_FINAL_BEFORE = cue_pattern(rf"\b{RESULT_VERB}\b(?:\s+[\w'’.-]+){{0,5}}?\s*$")
# A score during play, never a final one: "made it 1-0", "leading 1-0", "tied at 0-0".
_PARTIAL_BEFORE = cue_pattern(
    r"\b(?:made|make|making|makes)\s+it\s*$|\b(?:leading|led|lead|leads|trailing|trailed|trail|tied|level|"
    r"levelled|went|go|going|were|was|at\s+half[- ]time|at\s+the\s+break|restore\w*)\s+(?:at\s+|by\s+)?$"
)
# Not the match's own score: "4-2 on penalties", "3-1 on aggregate".
_AGGREGATE_AFTER = cue_pattern(
    r"^\s*(?:on\s+aggregate|agg|on\s+penalties|on\s+pens|in\s+the\s+(?:penalty\s+)?shoot-?out)\b"
)


@dataclass(frozen=True)
class FinalScore:
    start: int
    end: int
    high: int
    low: int
    # how the team whose result it is fared: "win", "loss" or "draw"
    outcome: str


def final_scores(text: str, start: int, end: int) -> list[FinalScore]:
    """The final scorelines stated between `start` and `end` of `text`."""
    out: list[FinalScore] = []
    if not may_hold_score(text, start, end):
        return out
    low = lowered(text)
    for m in SCORELINE.finditer(text, start, end):
        a, b = int(m.group(1)), int(m.group(2))
        before = low[max(start, m.start() - 60) : m.start()]
        after = low[m.end() : min(end, m.end() + 40)]
        if _PARTIAL_BEFORE.search(before) or _AGGREGATE_AFTER.search(after):
            continue
        after_hit = _FINAL_AFTER.search(after)
        before_hit = _FINAL_BEFORE.search(before) if after_hit is None else None
        if not (after_hit or before_hit):
            continue
        cue = after_hit.group(0) if after_hit else before_hit.group(0) if before_hit else ""
        outcome = _outcome(cue, a, b)
        if after_hit and outcome == "loss" and _DEFEAT_OF.match(after, after_hit.end()):
            outcome = "win"  # "Arsenal's 2-1 defeat of Chelsea": the defeat is Chelsea's
        out.append(FinalScore(m.start(), m.end(), max(a, b), min(a, b), outcome))
    return out


# The last digit before a dash and a digit: every scoreline holds one.  The article is scanned for them once, far
# faster than SCORELINE (whose lookbehind comes first) scans each sentence.
_SCORE_MARK = re.compile(r"\d(?=\s?[-–—]\s?\d)")


@lru_cache(maxsize=4)
def _score_marks(text: str) -> list[int]:
    return [m.start() for m in _SCORE_MARK.finditer(text)]


def may_hold_score(text: str, start: int, end: int) -> bool:
    """False when text[start:end] holds no scoreline (no digit before a dash and a digit)."""
    marks = _score_marks(text)
    first = bisect_left(marks, start)
    return first < len(marks) and marks[first] < end


_DEFEAT_OF = cue_pattern(r"\s+of\b")


def _outcome(cue: str, a: int, b: int) -> str:
    if a == b or _DRAWING.search(cue):
        return "draw"
    if _LOSING.search(cue):
        return "loss"
    return "win"


# Nouns naming one match.  Plurals are kept apart: "the games against Wales
# and England" names no single dated game.
MATCH_NOUN = (
    r"(?:match|game|clash|fixture|tie|leg|final|semi-?final|quarter-?final|derby|meeting|opener|encounter|"
    r"showdown|six-pointer|contest|friendly|qualifier|match-up|outing|trip|visit|battle|decider|affair)"
)
MATCH_NOUN_RE = re.compile(rf"\b{MATCH_NOUN}\b", re.I)
MATCH_NOUN_LOW = cue_pattern(MATCH_NOUN_RE.pattern)  # the same, for lower-cased text
_MATCH_NOUN_PLURALS = r"\b(?:matches|games|fixtures|ties|friendlies|qualifiers|clashes|meetings)\b"
MATCH_NOUN_PLURAL_LOW = cue_pattern(_MATCH_NOUN_PLURALS)  # for lower-cased text

# Verbs that report news rather than play: a day after them is the day of the
# report ("... said on Wednesday"), not of the match.
_REPORTING_WORDS = (
    r"\b(?:said|says|announced|confirmed|revealed|told|reported|insisted|added|explained|stated|"
    r"admitted|claimed|tweeted|wrote|posted|named|released|issued|found|ruled)\b"
)
REPORTING = re.compile(_REPORTING_WORDS, re.I)
REPORTING_LOW = cue_pattern(_REPORTING_WORDS)  # the same, for lower-cased text

# Words that put a match in the past or the future, judged near the match phrase.
PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|suffered|sustained|picked\s+up|injured|hurt|limp\w*|forced\s+off|carried\s+off|"
    r"stretchered|substituted|replaced|occurred|scoring|scored|won|lost|drew|beat|edged|exited|left|tore|"
    r"twisted|helped\s+off|clinched|pulled\s+up|came\s+off|went\s+off|during|last|omission|"
    r"absent|missed|ended|finished|hurt|broke|played)\b|" + RESULT_NOUN,
    re.I,
)
FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|set\s+to|expected|ahead\s+of|upcoming|next|tomorrow|tonight|could|can|would|"
    r"hope|hopes|hoping|hopeful|face|faces|facing|host|hosts|hosting|take\s+on|takes\s+on|taking\s+on|"
    r"prepare|preparing|miss|misses|likely|in\s+line|contention|available|return\w*\s+to\s+action|going\s+to|"
    r"is\s+to|are\s+to|scheduled|take\s+place|kick\s+off|clear\w*\s+to\s+play|to\s+play|visit|trip|"
    r"doubt|coming|this|remain|realistic|may|might|plans?|awaits?)\b",
    re.I,
)


class PhraseFinder:
    """Literal phrases of several tables found whole-word and case-blind in one pass (Aho-Corasick).

    Each table's finds are its own: where two phrases of one table overlap, the one starting first (and of
    those the longest) is kept.
    """

    def __init__(self, *tables: Sequence[tuple[str, object]], anywhere: Sequence[Sequence[str]] = ()) -> None:
        """`anywhere`: lists of lower-case words whose every start is wanted, inside words too (find_all)."""
        self._tables = len(tables)
        self._anywhere = len(anywhere)
        entries: dict[str, list[tuple[int, int, object]]] = {}
        for index, phrases in enumerate(tables):
            spellings = {phrase.lower(): (len(phrase), value) for phrase, value in phrases}  # the last spelling wins
            for spelling, (length, value) in spellings.items():
                entries.setdefault(spelling, []).append((index, length, value))
        for index, words in enumerate(anywhere, start=len(tables)):
            for word in words:
                entries.setdefault(word, []).append((index, len(word), None))
        self._automaton = ahocorasick.Automaton()
        for spelling, found in entries.items():
            self._automaton.add_word(spelling, tuple(found))
        self._automaton.make_automaton()

    def find(self, text: str) -> list[list[tuple[int, int, object]]]:
        """Per table, its phrases in `text` as (start, end, value), in text order."""
        return self.find_all(text)[0]

    def find_all(self, text: str) -> tuple[list[list[tuple[int, int, object]]], list[list[int]]]:
        """What `find` gives, and per `anywhere` list where its words start in the lower-cased text (in order,
        each place once), from the same pass."""
        folded = lowered(text)  # same offsets as `text`, unlike str.lower() on a letter such as "İ"
        hits: list[list[tuple[int, int, object]]] = [[] for _ in range(self._tables)]
        places: list[list[int]] = [[] for _ in range(self._anywhere)]
        tables = self._tables
        for end_index, found in self._automaton.iter(folded):
            end = end_index + 1
            for index, length, value in found:
                start = end - length
                if index >= tables:
                    places[index - tables].append(start)
                elif not ((start > 0 and folded[start - 1].isalnum()) or (end < len(folded) and folded[end].isalnum())):
                    hits[index].append((start, end, value))
        return [first_and_longest(table_hits) for table_hits in hits], [sorted(set(p)) for p in places]


def _spellings(*forms: str) -> list[str]:
    return list(forms)


# Competitions as written, with the record's form.
COMPETITIONS: list[tuple[str, str]] = [
    *((p, "AFC Champions League") for p in _spellings("AFC Champions League")),
    *((p, "Champions League") for p in _spellings("Champions League", "UEFA Champions League", "UCL")),
    *((p, "Conference League") for p in _spellings("Europa Conference League", "Conference League")),
    ("Europa League", "Europa League"),
    *((p, "World Cup qualifier") for p in _spellings("World Cup qualifier", "World Cup qualifiers",
                                                      "World Cup qualifying", "World Cup qualification")),
    *((p, "European Championship qualifier") for p in _spellings(
        "European Championship qualifier", "European Championship qualifiers", "Euro qualifier",
        "Euro qualifiers", "European Championship qualifying")),
    *((f"Euro {year}", f"Euro {year}") for year in range(1996, 2033, 4)),
    *((p, "Club World Cup") for p in _spellings("Club World Cup", "FIFA Club World Cup")),
    *((p, "World Cup") for p in _spellings("World Cup", "FIFA World Cup")),
    ("Nations League", "Nations League"),
    *((p, "Africa Cup of Nations") for p in _spellings("Africa Cup of Nations", "African Cup of Nations", "AFCON")),
    *((p, "Copa America") for p in _spellings("Copa America", "Copa América")),
    ("Leagues Cup", "Leagues Cup"),
    *((p, "US Open Cup") for p in _spellings("US Open Cup", "U.S. Open Cup")),
    *((p, "Women's Super League") for p in _spellings("Women's Super League", "Women’s Super League",
                                                       "Barclays Women's Super League", "WSL")),
    ("Premier League", "Premier League"),
    *((p, "La Liga") for p in _spellings("La Liga", "LaLiga")),
    ("Serie A", "Serie A"),
    ("Bundesliga", "Bundesliga"),
    ("Ligue 1", "Ligue 1"),
    *((p, "Saudi Pro League") for p in _spellings("Saudi Pro League", "SPL")),
    ("MLS", "MLS"),
    ("NWSL", "NWSL"),
    ("FA Cup", "FA Cup"),
    *((p, "EFL Cup") for p in _spellings("EFL Cup", "Carabao Cup", "Carling Cup", "Capital One Cup")),
    *((p, "League Cup") for p in _spellings("League Cup", "Coupe de la Ligue")),
    ("Copa del Rey", "Copa del Rey"),
    ("Coppa Italia", "Coppa Italia"),
    *((p, "DFB Pokal") for p in _spellings("DFB Pokal", "DFB-Pokal")),
    *((p, "Coupe de France") for p in _spellings("Coupe de France", "French Cup")),
    ("Scottish Cup", "Scottish Cup"),
    ("Scottish Premiership", "Scottish Premiership"),
    ("Eredivisie", "Eredivisie"),
    ("Championship", "Championship"),
    *((p, "friendly") for p in _spellings("friendly", "friendlies")),
]
# Named derbies stand for their two teams.
_DERBY_TEAMS: list[tuple[tuple[str, ...], tuple[str, str]]] = [
    (("El Clasico", "El Clásico", "El Classico", "Clasico", "Clásico"), ("Real Madrid", "Barcelona")),
    (("Der Klassiker",), ("Bayern Munich", "Borussia Dortmund")),
    (("Old Firm",), ("Celtic", "Rangers")),
    (("Madrid derby",), ("Real Madrid", "Atletico Madrid")),
    (("Manchester derby",), ("Manchester City", "Manchester United")),
    (("north London derby",), ("Arsenal", "Tottenham Hotspur")),
    (("Merseyside derby",), ("Liverpool", "Everton")),
    (("Derby della Madonnina", "Milan derby"), ("Inter Milan", "AC Milan")),
    (("Derby d'Italia",), ("Juventus", "Inter Milan")),
    (("Le Classique",), ("Paris Saint-Germain", "Marseille")),
    (("Revierderby",), ("Borussia Dortmund", "Schalke 04")),
    (("Tyne-Wear derby",), ("Newcastle United", "Sunderland")),
    (("Seville derby",), ("Sevilla", "Real Betis")),
    (("Derby della Capitale", "Rome derby"), ("Roma", "Lazio")),
]
# How the cues of match_teams' cued-name pattern begin ("v" for "v", "vs", "versus" and "visit of"), looked for in
# the same pass as the phrases.
TEAM_CUE_OPENINGS = ("against", "v", "with", "to", "over", "at", "host", "fac", "beat", "edged", "by", "take")
_PHRASES = PhraseFinder(COMPETITIONS, [(name, teams) for names, teams in _DERBY_TEAMS for name in names],
                        anywhere=[TEAM_CUE_OPENINGS])
_Competitions = tuple[tuple[int, int, str], ...]
_Derbies = tuple[tuple[int, int, tuple[str, str]], ...]


@lru_cache(maxsize=4)  # one scan per article, however many sentences and matches ask
def _phrases(text: str) -> tuple[_Competitions, _Derbies, list[int]]:
    (competitions, derbies), (cue_places,) = _PHRASES.find_all(text)
    return cast(_Competitions, tuple(competitions)), cast(_Derbies, tuple(derbies)), cue_places


def team_cue_places(text: str) -> list[int]:
    """Where a word of TEAM_CUE_OPENINGS starts in the lower-cased text, in order (inside words too).  The list
    is shared: not to be changed."""
    return _phrases(text)[2]


def competitions_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Competitions named between `start` and `end`, as (start, end, record form)."""
    return [c for c in _phrases(text)[0] if c[0] >= start and c[1] <= end]


def derbies_in(text: str, start: int, end: int) -> list[tuple[int, int, tuple[str, str]]]:
    """Named derbies between `start` and `end`, with the two teams each stands for."""
    return [d for d in _phrases(text)[1] if d[0] >= start and d[1] <= end]
