"""Descriptor and pronoun coreference inside one article.

"the 22-year-old", "the Englishman", "the former Borussia Dortmund man",
"the midfielder", "the England international" each stand for the nearest
player named before them whose facts fit (age on the publication day,
nationality, club history, position).  "the Real Madrid boss" is a coach,
never a player.  A pronoun in the sentence after a named mention stands for
the nearest person named before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from sidelined.entities.context import ArticleContext
from sidelined.entities.linker import PlayerLink
from sidelined.entities.scanning import matches_at
from sidelined.kb import KnowledgeBase, Player

DEMONYMS = {
    "Englishman": "England",
    "Frenchman": "France",
    "Spaniard": "Spain",
    "German": "Germany",
    "Argentine": "Argentina",
    "Argentinian": "Argentina",
    "Argentinean": "Argentina",
    "Brazilian": "Brazil",
    "Dutchman": "Netherlands",
    "Portuguese": "Portugal",
    "Belgian": "Belgium",
    "Croatian": "Croatia",
    "Croat": "Croatia",
    "Uruguayan": "Uruguay",
    "Italian": "Italy",
    "Norwegian": "Norway",
    "Welshman": "Wales",
    "Scot": "Scotland",
    "Scotsman": "Scotland",
    "Irishman": "Republic of Ireland",
    "Egyptian": "Egypt",
    "Senegalese": "Senegal",
    "Nigerian": "Nigeria",
    "Ivorian": "Ivory Coast",
    "Colombian": "Colombia",
    "Moroccan": "Morocco",
    "Algerian": "Algeria",
    "Swede": "Sweden",
    "Dane": "Denmark",
    "Pole": "Poland",
    "Austrian": "Austria",
    "Swiss": "Switzerland",
    "Serbian": "Serbia",
    "Serb": "Serbia",
    "Japanese": "Japan",
    "Korean": "South Korea",
    "South Korean": "South Korea",
    "American": "United States",
    "Mexican": "Mexico",
    "Ghanaian": "Ghana",
    "Cameroonian": "Cameroon",
    "Turk": "Turkey",
    "Ukrainian": "Ukraine",
    "Chilean": "Chile",
    "Ecuadorian": "Ecuador",
    "Paraguayan": "Paraguay",
    "Peruvian": "Peru",
    "Canadian": "Canada",
    "Australian": "Australia",
    "Czech": "Czech Republic",
    "Slovak": "Slovakia",
    "Slovenian": "Slovenia",
    "Hungarian": "Hungary",
    "Greek": "Greece",
    "Russian": "Russia",
    "Georgian": "Georgia",
    "Malian": "Mali",
    "Guinean": "Guinea",
    "Tunisian": "Tunisia",
    "Jamaican": "Jamaica",
    "Icelander": "Iceland",
    "Finn": "Finland",
    "Bosnian": "Bosnia and Herzegovina",
    "Albanian": "Albania",
    "Kosovan": "Kosovo",
    "Venezuelan": "Venezuela",
    "Gabonese": "Gabon",
}
POSITIONS = {
    "goalkeeper": "GK",
    "keeper": "GK",
    "stopper": "GK",
    "defender": "DF",
    "centre-back": "DF",
    "center-back": "DF",
    "full-back": "DF",
    "fullback": "DF",
    "left-back": "DF",
    "right-back": "DF",
    "wing-back": "DF",
    "midfielder": "MF",
    "playmaker": "MF",
    "forward": "FW",
    "striker": "FW",
    "winger": "FW",
    "attacker": "FW",
    "frontman": "FW",
    "centre-forward": "FW",
}
ROLE_NOUNS = (
    r"(?:man|player|star|ace|midfielder|defender|striker|forward|winger|goalkeeper|keeper|captain|"
    r"youngster|veteran|international|full-back|centre-back|playmaker|attacker|talisman)"
)
STAFF_NOUNS = r"(?:boss|manager|coach|head coach|head-coach|gaffer|chairman|president|sporting director)"

AGE = re.compile(r"\b[Tt]he (\d{2})-year-old\b")
NATIONALITY = re.compile(
    r"\b[Tt]he (" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\b(?!\s+(?:FA|"
    r"Football|federation|national|side|team|club|league|champions|giants))"
)
TEAM_WORDS = r"((?:[A-Z0-9][\w'’.&-]*\s+){1,4}?)"  # "Borussia Dortmund ", "PSG ", "Man Utd "
FORMER = re.compile(r"\b[Tt]he (?:former|ex-|ex) ?" + TEAM_WORDS + ROLE_NOUNS + r"\b")
POSITION = re.compile(r"\b[Tt]he (" + "|".join(sorted(POSITIONS, key=len, reverse=True)) + r")\b")
INTERNATIONAL = re.compile(r"\b[Tt]he " + TEAM_WORDS + r"international\b")
TEAM_ROLE = re.compile(
    r"\b[Tt]he " + TEAM_WORDS + r"(" + "|".join(sorted(POSITIONS, key=len, reverse=True)) + r"|star|ace|man|captain|"
    r"skipper|youngster|teenager|talisman)\b"
)
# A leading \b makes the engine try every character; testing the boundary after the first letter lets it
# skip to the letters that can start a match.
STAFF = re.compile(r"[Tt](?<!\w[Tt])he " + TEAM_WORDS + STAFF_NOUNS + r"\b")
PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])(?:e|is|im)|(?<=[Ss])he|(?<=[Hh])er)\b")  # he his him she her


@dataclass(slots=True)
class Constraint:
    age: int | None = None
    nationality: str | None = None
    former_team: str | None = None
    position: str | None = None
    current_team: str | None = None


def _team_inside(ctx: ArticleContext, start: int, end: int) -> str | None:
    inside = ctx.teams_between(start, end)
    return inside[0].team_id if inside else None


def _fits(player: Player, need: Constraint, ctx: ArticleContext) -> bool:
    if need.age is not None:
        ages = player.age_on(ctx.day)
        if ages is None or not ages[0] <= need.age <= ages[1]:
            return False
    if need.nationality is not None and player.nationality != need.nationality:
        return False
    if need.position is not None and player.position != need.position:
        return False
    if need.current_team is not None and need.current_team not in ctx.clubs_of(player.id):
        return False
    if need.former_team is not None:
        current = ctx.clubs_of(player.id)
        if need.former_team in current[:1] or need.former_team not in {t for _, t in player.club_ids}:
            return False
    return True


def _antecedent(
    kb: KnowledgeBase, links: list[PlayerLink], offset: int, need: Constraint, ctx: ArticleContext
) -> PlayerLink | None:
    for link in reversed(links):  # links come sorted by start
        if link.end > offset or link.kind != "player" or link.player_id is None:
            continue
        if _fits(kb.players[link.player_id], need, ctx):
            return link
    return None


# r"\b[Tt]he " found through its literal tail: the engine searches for "he " at once and only then
# looks behind for the "t" (a match starts one character before "he ").
THE_TAIL = re.compile(r"he (?<=[Tt]he )(?<!\w[Tt]he )")


def _age_need(match: re.Match[str], ctx: ArticleContext, kb: KnowledgeBase) -> tuple[int, Constraint] | None:
    need = Constraint(age=int(match.group(1)))
    tail = re.match(r"\s+(\w[\w-]*)", ctx.text[match.end() : match.end() + 30])
    if tail and tail.group(1).lower() in POSITIONS:
        need.position = POSITIONS[tail.group(1).lower()]
        return match.end() + tail.end(), need
    return match.end(), need


def _nationality_need(match: re.Match[str], ctx: ArticleContext, kb: KnowledgeBase) -> tuple[int, Constraint] | None:
    return match.end(), Constraint(nationality=DEMONYMS[match.group(1)])


def _former_need(match: re.Match[str], ctx: ArticleContext, kb: KnowledgeBase) -> tuple[int, Constraint] | None:
    team = _team_inside(ctx, match.start(1), match.end(1))
    return (match.end(), Constraint(former_team=team)) if team else None


def _position_need(match: re.Match[str], ctx: ArticleContext, kb: KnowledgeBase) -> tuple[int, Constraint] | None:
    return match.end(), Constraint(position=POSITIONS[match.group(1).lower()])


def _international_need(match: re.Match[str], ctx: ArticleContext, kb: KnowledgeBase) -> tuple[int, Constraint] | None:
    team = _team_inside(ctx, match.start(1), match.end(1))
    if team and kb.teams[team].kind == "national_team":
        return match.end(), Constraint(nationality=kb.teams[team].name)
    return None


def _team_role_need(match: re.Match[str], ctx: ArticleContext, kb: KnowledgeBase) -> tuple[int, Constraint] | None:
    team = _team_inside(ctx, match.start(1), match.end(1))
    if team is None:
        return None
    need = Constraint(position=POSITIONS.get(match.group(2).lower()))
    if kb.teams[team].kind == "national_team":
        need.nationality = kb.teams[team].name
    else:
        need.current_team = team
    return match.end(), need


Need = tuple[int, Constraint]  # where the descriptor ends, what its man must fit
Descriptor = tuple[re.Pattern[str], Callable[[re.Match[str], ArticleContext, KnowledgeBase], Need | None]]

# The descriptor kinds, in the order they are tried, by what follows "the ": an ASCII digit ("the 22-year-old",
# "the 1860 Munich man"), an ASCII capital ("the Englishman", "the England international"), a small letter
# that can start "former", "ex" or a position ("the midfielder"), another small letter (none), or anything
# else (an age in other digits).
AFTER_DIGIT: tuple[Descriptor, ...] = (
    (AGE, _age_need),
    (INTERNATIONAL, _international_need),
    (TEAM_ROLE, _team_role_need),
)
AFTER_CAPITAL: tuple[Descriptor, ...] = (
    (NATIONALITY, _nationality_need),
    (INTERNATIONAL, _international_need),
    (TEAM_ROLE, _team_role_need),
)
AFTER_SMALL_LETTER: tuple[Descriptor, ...] = ((FORMER, _former_need), (POSITION, _position_need))
SMALL_LETTERS_OPENING = frozenset("fe" + "".join(position[0] for position in POSITIONS))
AFTER_OTHER: tuple[Descriptor, ...] = ((AGE, _age_need),)


def _descriptors_after(char: str) -> tuple[Descriptor, ...]:
    if "0" <= char <= "9":
        return AFTER_DIGIT
    if "A" <= char <= "Z":
        return AFTER_CAPITAL
    if "a" <= char <= "z":
        return AFTER_SMALL_LETTER if char in SMALL_LETTERS_OPENING else ()
    return AFTER_OTHER


@lru_cache(maxsize=2)
def _the_starts(text: str) -> list[int]:
    """Where a "the " starts: every descriptor and staff descriptor does."""
    return [match.start() - 1 for match in THE_TAIL.finditer(text)]


def _descriptor_needs(ctx: ArticleContext, kb: KnowledgeBase) -> list[tuple[int, int, Constraint]]:
    """Every descriptor opens with "the": try the kinds that fit only where a "the" stands."""
    text = ctx.text
    found: list[tuple[int, int, Constraint]] = []
    for start in _the_starts(text):
        for pattern, need_of in _descriptors_after(text[start + 4 : start + 5]):
            match = pattern.match(text, start)
            if match:
                result = need_of(match, ctx, kb)
                if result:
                    found.append((match.start(), result[0], result[1]))
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int, Constraint]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def staff_mentions(ctx: ArticleContext, kb: KnowledgeBase) -> list[PlayerLink]:
    """'the Real Madrid boss': a coach of that team (kind person)."""
    found = []
    for match in matches_at(STAFF, ctx.text, _the_starts(ctx.text)):
        team = _team_inside(ctx, match.start(1), match.end(1))
        if team:
            label = match.group(0)
            found.append(
                PlayerLink(
                    match.start(),
                    match.end(),
                    label,
                    None,
                    label[4:] if label[:4].lower() == "the " else label,
                    "descriptor",
                    kind="person",
                )
            )
    return found


def descriptor_mentions(
    kb: KnowledgeBase, links: list[PlayerLink], ctx: ArticleContext, blocked: list[tuple[int, int]]
) -> list[PlayerLink]:
    found = []
    links = sorted(links, key=attrgetter("start"))
    for start, end, need in _descriptor_needs(ctx, kb):
        if any(start < b_end and b_start < end for b_start, b_end in blocked):
            continue
        antecedent = _antecedent(kb, links, start, need, ctx)
        if antecedent:
            found.append(
                PlayerLink(
                    start,
                    end,
                    ctx.text[start:end],
                    antecedent.player_id,
                    antecedent.name,
                    "descriptor",
                    score=0.8,
                )
            )
    return found


def pronoun_mentions(links: list[PlayerLink], ctx: ArticleContext, blocked: list[tuple[int, int]]) -> list[PlayerLink]:
    """Pronouns in the sentence right after a sentence naming someone (or later in that same sentence)."""
    named = sorted(
        (lk for lk in links if lk.via not in ("pronoun", "descriptor") and lk.kind in ("player", "person")),
        key=attrgetter("end"),
    )
    if not named:
        return []
    ends = [lk.end for lk in named]
    sentences_with_names = {ctx.sentence_of(lk.start) for lk in named}
    found = []
    for match in PRONOUN.finditer(ctx.text):
        start = match.start()
        if blocked and any(b_start <= start < b_end for b_start, b_end in blocked):
            continue
        sentence = ctx.sentence_of(start)
        if sentence not in sentences_with_names and sentence - 1 not in sentences_with_names:
            continue
        window_start = ctx.sentence_starts[sentence - 1] if sentence > 0 else 0
        last = bisect.bisect_right(ends, start)  # names ending before the pronoun
        if last == 0 or named[last - 1].start < window_start:
            continue
        antecedent = named[last - 1]
        found.append(
            PlayerLink(
                start,
                match.end(),
                match.group(0),
                antecedent.player_id,
                antecedent.name,
                "pronoun",
                kind=antecedent.kind,
                score=0.6,
            )
        )
    return found
