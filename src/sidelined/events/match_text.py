"""Match vocabulary: scorelines, result words, match nouns, competitions and derbies.

Everything here reads plain text; the match extractor combines it with the
article's team mentions and time expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_LOSING = re.compile(r"\b(?:defeat|loss|lost|lose|losing|reverse|beaten|were\s+beaten|was\s+beaten)\b", re.I)
_DRAWING = re.compile(r"\b(?:draw|drew|drawing|stalemate)\b", re.I)

# Words after a scoreline that make it a final result: "2-1 victory", "4-3 league win".
_FINAL_AFTER = re.compile(
    rf"^\s*(?:[A-Za-z][\w'’.-]*\s+){{0,3}}?{RESULT_NOUN}\b|^\s*(?:home|away)?\s*(?:win|victory|defeat|loss|draw)\b",
    re.I,
)
# Words before it that do the same: "beat Valencia 1-0", "won 3-1", "edged a tenacious Austria side 1-0".
_FINAL_BEFORE = re.compile(rf"\b{RESULT_VERB}\b(?:\s+[\w'’.-]+){{0,5}}?\s*$", re.I)
# A score during play, never a final one: "made it 1-0", "leading 1-0", "tied at 0-0".
_PARTIAL_BEFORE = re.compile(
    r"\b(?:made|make|making|makes)\s+it\s*$|\b(?:leading|led|lead|leads|trailing|trailed|trail|tied|level|"
    r"levelled|went|go|going|were|was|at\s+half[- ]time|at\s+the\s+break|restore\w*)\s+(?:at\s+|by\s+)?$",
    re.I,
)
_AGGREGATE_AFTER = re.compile(r"^\s*(?:on\s+aggregate|agg)\b", re.I)


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
    for m in SCORELINE.finditer(text, start, end):
        a, b = int(m.group(1)), int(m.group(2))
        before = text[max(start, m.start() - 60) : m.start()]
        after = text[m.end() : min(end, m.end() + 40)]
        if _PARTIAL_BEFORE.search(before) or _AGGREGATE_AFTER.search(after):
            continue
        after_hit = _FINAL_AFTER.search(after)
        before_hit = _FINAL_BEFORE.search(before)
        if not (after_hit or before_hit):
            continue
        cue = after_hit.group(0) if after_hit else before_hit.group(0) if before_hit else ""
        out.append(FinalScore(m.start(), m.end(), max(a, b), min(a, b), _outcome(cue, a, b)))
    return out


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
MATCH_NOUN_PLURAL_RE = re.compile(
    r"\b(?:matches|games|fixtures|ties|friendlies|qualifiers|clashes|meetings)\b", re.I
)

# Verbs that report news rather than play: a day after them is the day of the
# report ("... said on Wednesday"), not of the match.
REPORTING = re.compile(
    r"\b(?:said|says|announced|confirmed|revealed|told|reported|insisted|added|explained|stated|"
    r"admitted|claimed|tweeted|wrote|posted|named|released|issued|found|ruled)\b",
    re.I,
)

# Words that put a match in the past or the future, judged near the match phrase.
PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|suffered|sustained|picked\s+up|injured|hurt|limped|forced\s+off|carried\s+off|"
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


# Competitions named in text, most specific first, with the record's form.
COMPETITIONS: list[tuple[str, str]] = [
    (r"AFC Champions League", "AFC Champions League"),
    (r"(?:UEFA |Women's )?Champions League|UCL", "Champions League"),
    (r"Europa Conference League|Conference League", "Conference League"),
    (r"Europa League", "Europa League"),
    (r"World Cup qualif\w+|World Cup qualification", "World Cup qualifier"),
    (r"European Championship qualif\w+|Euro(?: \d{4})? qualif\w+", "European Championship qualifier"),
    (r"Euro \d{4}", "EURO"),
    (r"(?:FIFA )?Club World Cup", "Club World Cup"),
    (r"(?:FIFA )?World Cup", "World Cup"),
    (r"Nations League", "Nations League"),
    (r"Africa(?:n)? Cup of Nations|AFCON", "Africa Cup of Nations"),
    (r"Copa Am[eé]rica", "Copa America"),
    (r"Leagues Cup", "Leagues Cup"),
    (r"(?:US|U\.S\.) Open Cup", "US Open Cup"),
    (r"(?:Barclays )?Women's Super League|WSL", "Women's Super League"),
    (r"Premier League", "Premier League"),
    (r"La ?Liga", "La Liga"),
    (r"Serie A", "Serie A"),
    (r"Bundesliga", "Bundesliga"),
    (r"Ligue 1", "Ligue 1"),
    (r"Saudi Pro League|SPL", "Saudi Pro League"),
    (r"MLS", "MLS"),
    (r"NWSL", "NWSL"),
    (r"FA Cup", "FA Cup"),
    (r"EFL Cup|Carabao Cup|Carling Cup|Capital One Cup", "EFL Cup"),
    (r"League Cup|Coupe de la Ligue", "League Cup"),
    (r"Copa del Rey", "Copa del Rey"),
    (r"Coppa Italia", "Coppa Italia"),
    (r"DFB[- ]Pokal", "DFB Pokal"),
    (r"Coupe de France|French Cup", "Coupe de France"),
    (r"Scottish Cup", "Scottish Cup"),
    (r"Scottish Premiership", "Scottish Premiership"),
    (r"Eredivisie", "Eredivisie"),
    (r"Championship", "Championship"),
    (r"friendl(?:y|ies)", "friendly"),
]
COMPETITION_RE = re.compile(
    "|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(COMPETITIONS)), re.I
)


def competitions_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Competitions named between `start` and `end`, as (start, end, record form)."""
    out = []
    for m in COMPETITION_RE.finditer(text, start, end):
        index = int(next(k for k, v in m.groupdict().items() if v)[1:])
        name = COMPETITIONS[index][1]
        if name == "EURO":  # keep the year: "Euro 2024"
            name = "Euro " + m.group(0)[-4:]
        out.append((m.start(), m.end(), name))
    return out


# Named derbies stand for their two teams.
DERBIES: list[tuple[str, tuple[str, str]]] = [
    (r"El Cl[aá]s(?:s)?ico", ("Real Madrid", "Barcelona")),
    (r"Der Klassiker", ("Bayern Munich", "Borussia Dortmund")),
    (r"Old Firm", ("Celtic", "Rangers")),
    (r"Madrid derby", ("Real Madrid", "Atletico Madrid")),
    (r"Manchester derby", ("Manchester City", "Manchester United")),
    (r"[Nn]orth London derby", ("Arsenal", "Tottenham Hotspur")),
    (r"Merseyside derby", ("Liverpool", "Everton")),
    (r"Derby della Madonnina|Milan derby", ("Inter Milan", "AC Milan")),
    (r"Derby d'Italia", ("Juventus", "Inter Milan")),
    (r"Le Classique", ("Paris Saint-Germain", "Marseille")),
    (r"Revierderby", ("Borussia Dortmund", "Schalke 04")),
    (r"Tyne-Wear derby", ("Newcastle United", "Sunderland")),
    (r"Seville derby", ("Sevilla", "Real Betis")),
    (r"Derby della Capitale|Rome derby", ("Roma", "Lazio")),
]
DERBY_RE = re.compile("|".join(f"(?P<d{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(DERBIES)), re.I)


def derbies_in(text: str, start: int, end: int) -> list[tuple[int, int, tuple[str, str]]]:
    out = []
    for m in DERBY_RE.finditer(text, start, end):
        index = int(next(k for k, v in m.groupdict().items() if v)[1:])
        out.append((m.start(), m.end(), DERBIES[index][1]))
    return out
