"""The gazetteer: every surface form of every player, team and competition in one automaton.

Forms are stored ASCII-folded and matched against the ASCII-folded article
text (same length as the original, so offsets carry over), which makes
"Rüdiger" and "Rudiger" the same form.  Matching keeps case: "Young" the
surname is not "young" the adjective.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

import ahocorasick

from sidelined.entities.shapes import NameVocabulary
from sidelined.kb import KnowledgeBase
from sidelined.kb.names import derived_surname, fold, fold_same_length
from sidelined.models import LinkVia

EntryKind = Literal["player_name", "player_surname", "coach_name", "coach_surname", "team", "competition"]

# National sides whose names are also common first names or words: only taken with support.
AMBIGUOUS_COUNTRY_NAMES = frozenset({"Jordan", "Chad", "Georgia", "Niger", "Israel"})


@dataclass(frozen=True, slots=True)
class Entry:
    kind: EntryKind
    entity_id: str  # player id, team id or canonical competition name
    via: LinkVia  # name, surname or alias
    ambiguous: bool = False


class Hit(NamedTuple):  # a tuple: a few dozen are made per article
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    kinds: frozenset[EntryKind]  # the kinds among the entries, to skip those that cannot matter
    player_ids: tuple[str, ...]  # the players the form may name, each once, in entry order
    teams: tuple[Entry, ...]  # one entry per team the form may name, the most prominent team first


# pyahocorasick finds a node's next letter by scanning the node's letters in the order they were added,
# for every character of the article.  Adding the forms sorted by how common their characters are in
# English text puts the characters met most often first in every node, the root above all.
COMMON_FIRST = " etaoinshrdlcumwfgypbvkjxqz\n.,'-SMCBALTRPDGHJKFWNEOVIYZUQX0123456789"
_RANK_OF_CHARACTER = str.maketrans(
    {chr(code): chr(COMMON_FIRST.index(chr(code)) if chr(code) in COMMON_FIRST else 128 + code) for code in range(128)}
)


def _common_letters_first(form: str) -> str:
    return form.translate(_RANK_OF_CHARACTER)


# What the automaton keeps for a form: its length, then what a hit of it carries besides its place (entries,
# their kinds, the players and the teams).  One flat tuple per form, and the few distinct kind sets shared:
# every object kept here is one more for the garbage collector to walk.
FormFacts = tuple[int, tuple[Entry, ...], frozenset[EntryKind], tuple[str, ...], tuple[Entry, ...]]


def _facts_of(
    form: str, found: list[Entry], kb: KnowledgeBase, kind_sets: dict[frozenset[EntryKind], frozenset[EntryKind]]
) -> FormFacts:
    entries = (found[0],) if len(found) == 1 else tuple(dict.fromkeys(found))  # most forms name one thing
    kinds = frozenset(entry.kind for entry in entries)
    kinds = kind_sets.setdefault(kinds, kinds)
    player_ids = tuple(dict.fromkeys(e.entity_id for e in entries if e.kind in ("player_name", "player_surname")))
    if "team" not in kinds:
        return len(form), entries, kinds, player_ids, ()
    teams: dict[str, Entry] = {}
    for entry in entries:
        # A form can reach a team twice (a name and a less sure nickname): the sure entry speaks for it.
        if entry.kind == "team" and (entry.entity_id not in teams or not entry.ambiguous):
            teams[entry.entity_id] = entry
    by_prominence = sorted(teams.values(), key=lambda entry: -kb.teams[entry.entity_id].prominence)
    return len(form), entries, kinds, player_ids, tuple(by_prominence)


def _variants(form: str) -> set[str]:
    """A form as written plus its sentence-initial capitalised spelling."""
    folded = fold(form).strip()
    if not folded:
        return set()
    found = {folded}
    if folded[0].islower():
        found.add(folded[0].upper() + folded[1:])
    return found


class Gazetteer:
    """One Aho-Corasick automaton over the folded forms of every known name."""

    def __init__(self, kb: KnowledgeBase) -> None:
        entries: dict[str, list[Entry]] = defaultdict(list)
        self._add_players(kb, entries)
        self._add_teams(kb, entries)
        for coach in kb.coaches.values():
            entries[coach.name].append(Entry("coach_name", coach.id, "name"))
            surname = coach.name.split()[-1]
            if surname != coach.name:
                entries[surname].append(Entry("coach_surname", coach.id, "surname"))
        for name in kb.competition_names:
            for spelling in (name, *kb.competition_aliases(name)):
                for form in _variants(spelling):
                    entries[form].append(Entry("competition", name, "name" if spelling == name else "alias"))
        self.vocabulary = NameVocabulary(
            frozenset(token for player in kb.players.values() for token in player.name.split()),
            frozenset(fold(team.stadium) for team in kb.teams.values() if team.stadium),
        )
        seasons = [season for player in kb.players.values() for season, _ in player.club_ids[-1:]]
        newest = max(seasons, default="2025-26")
        self.latest_day = date(int(newest[:4]) + 1, 1, 15)  # for articles without a publication day
        self.automaton = ahocorasick.Automaton()
        kind_sets: dict[frozenset[EntryKind], frozenset[EntryKind]] = {}
        for form in sorted(entries, key=_common_letters_first):
            if len(form) >= 2:
                self.automaton.add_word(form, _facts_of(form, entries[form], kb, kind_sets))
        self.automaton.make_automaton()

    @staticmethod
    def _add_players(kb: KnowledgeBase, entries: dict[str, list[Entry]]) -> None:
        for player in kb.players.values():
            spellings = {player.name, *player.aliases}
            if player.name.endswith(" Junior"):
                # "Vinicius Jr" and "Vinicius Jr." are the same man as "Vinicius Junior".
                spellings |= {player.name[: -len("Junior")] + "Jr", player.name[: -len("Junior")] + "Jr."}
            for spelling in spellings:
                if " " in spelling.strip() or spelling == player.name:
                    entries[fold(spelling)].append(Entry("player_name", player.id, "name"))
            # The short name the sources give ("Saka", "Rodri") and the surname of the full name
            # ("Costa" when the short name is "Diego Costa").
            for known in {player.known_as, derived_surname(player.name)}:
                if known and "." not in known and known != player.name:
                    for form in _variants(known):
                        entries[form].append(Entry("player_surname", player.id, "surname"))

    @staticmethod
    def _add_teams(kb: KnowledgeBase, entries: dict[str, list[Entry]]) -> None:
        for team in kb.teams.values():
            ambiguous = set(team.ambiguous_aliases)
            for spelling in (team.name, *team.aliases):
                if len(spelling) < 3 and spelling.upper() != spelling:
                    continue
                via: LinkVia = "name" if spelling == team.name else "alias"
                flagged = spelling in ambiguous or (
                    team.kind == "national_team" and spelling in AMBIGUOUS_COUNTRY_NAMES
                )
                for form in _variants(spelling):
                    entries[form].append(Entry("team", team.id, via, flagged))
                bare = spelling[4:] if spelling.lower().startswith("the ") else ""
                if bare[:1].isupper():
                    # "Hoops boss ...": a nickname without its article is the same nickname, less sure.
                    entries[fold(bare)].append(Entry("team", team.id, "alias", True))

    def find(self, text: str, folded: str | None = None) -> list[Hit]:
        """Leftmost-longest whole-word matches in the text (`folded` is its fold_same_length, when known)."""
        if folded is None:
            folded = fold_same_length(text)
        # (start, minus the length, facts): sorted, the longest form at each place comes first; two
        # items never tie on place and length (one form per place), so the facts are never compared.
        raw: list[tuple[int, int, FormFacts]] = []
        last = len(folded) - 1
        for end, facts in self.automaton.iter(folded):
            length = facts[0]
            start = end - length + 1
            if (start > 0 and folded[start - 1].isalnum()) or (end < last and folded[end + 1].isalnum()):
                continue
            raw.append((start, -length, facts))
        raw.sort()
        hits: list[Hit] = []
        last_end = -1
        for start, minus_length, facts in raw:
            if start >= last_end:
                last_end = start - minus_length
                _, entries, kinds, player_ids, teams = facts
                hits.append(Hit(start, last_end, text[start:last_end], entries, kinds, player_ids, teams))
        return hits


_CACHE: weakref.WeakKeyDictionary[KnowledgeBase, Gazetteer] = weakref.WeakKeyDictionary()


def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    """The gazetteer of a knowledge base, built on first use."""
    found = _CACHE.get(kb)
    if found is None:
        found = Gazetteer(kb)
        _CACHE[kb] = found
    return found
