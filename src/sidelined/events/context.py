"""Which clauses are about which player, and whether they report his fitness.

A clause may name several players.  Each injury cue in it belongs to the
nearest group of coordinated player mentions ("Alaba, Rudiger and Mendy are
all out" gives the cue to all three; "Despite Vardy's injury there is no
recall for Rooney" gives it to Vardy only).  Mentions of the man who made the
tackle, came on as a replacement or manages the side are not fitness subjects.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from sidelined.events.cues import CueGroup, CueIndex, cue_pattern, index_of
from sidelined.events.status import STATUS_CUES, Tier, tiers_of
from sidelined.events.text import Segment, clauses, sentences
from sidelined.events.vocab import INJURY_CUES, REPLACEMENT_CUES
from sidelined.models import Mention

_CAUSER_BEFORE = cue_pattern(
    r"\b(?:tackl\w*|challenge|collision|clash(?:ing)?|foul\w*|shot|kick\w*|knee|elbow|block\w*|stamp\w*|"
    r"caught)\b[^.;]{0,40}\b(?:from|by|with|on)\s+(?:[\w'’.-]+\s+){0,4}$",
)
_MANAGER_BEFORE = cue_pattern(r"\b(?:manager|boss|coach|head coach|coached by|assistant|chairman|president|"
                             r"director|pundit|referee)\s+$")
_MANAGER_AFTER = cue_pattern(r"^(?:['’]s?\s+(?:side|team|men|squad|charges|set-up|selection|options|striking options|"
                            r"plans|thinking|arrival|appointment)\b|\s+(?:took over|took charge|was appointed))")
_LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\(\w+\)\s*,?\s*)(?:[a-z-]+\s+){0,2}$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
# A clause that goes on about the players of the clause before it.
_CARRIED = cue_pattern(r"(?:they|he|she|both|the (?:pair|duo|trio|latter|former)|each|all)\b")
# A leading subordinate clause belongs with the main clause after it.
_SUBORDINATE = re.compile(r"(?:After|Following|Having|Despite|Since|Before|While|When|Although|Though|If|As)\b")
# Cues whose injured player comes after them ("without X", "missing X").
_OBJECT_CUE = cue_pattern(r"(?:.*\bwithout|with the exception of|miss(?:ing|es)?\s)$")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{1,60})\)")
# Everything that can exclude a mention from what comes before it, looked for at once.
_EXCLUDING_BEFORE = CueGroup(REPLACEMENT_CUES, _CAUSER_BEFORE, _MANAGER_BEFORE)
# A clause's injury cues (pattern 0) and status cues (the rest, in the order of STATUS_CUES).
_CLAUSE_CUES = CueGroup(INJURY_CUES, *STATUS_CUES)


@dataclass
class PlayerContext:
    name: str
    team: str | None
    entity_id: str | None
    first: int
    mentions: list[Mention] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    details: list[Segment] = field(default_factory=list)  # "(calf, Feb)" written right after his name
    sentences: list[Segment] = field(default_factory=list)
    cues: int = 0
    tiers: set[Tier] = field(default_factory=set)


def _names_only(clause: str) -> bool:
    """A clause with at most one lower-case word: a list of names, or a name and a verb."""
    words = _LOWER_WORD.finditer(clause)
    return next(words, None) is None or next(words, None) is None


def _merged_clauses(text: str, sentence: Segment) -> list[Segment]:
    """Clauses of a sentence, a clause that is only a list of names joined to the next one."""
    out: list[Segment] = []
    pending: Segment | None = None
    for c in clauses(text, sentence):
        if pending is not None:
            c = Segment(pending.start, c.end, c.index)
            pending = None
        if _names_only(text[c.start : c.end]) or _SUBORDINATE.match(text, c.start):
            pending = c
            continue
        out.append(c)
    if pending is not None:
        out.append(pending)
    return out


def _excluded(index: CueIndex, m: Mention, clause: Segment) -> bool:
    """Whether the mention is of the replacement, the man who made the tackle or the manager: read in the
    clause up to the mention (the last 90 and 30 characters of it for the last two) and just after it."""
    if not index.may_match_any(_EXCLUDING_BEFORE, clause.start, m.start):
        return bool(_MANAGER_AFTER.match(index.text[m.end : m.end + 30]))
    low = index.text
    if index.may_match(REPLACEMENT_CUES, clause.start, m.start):
        cues = list(REPLACEMENT_CUES.finditer(low[clause.start : m.start]))
        if cues and m.start - (clause.start + cues[-1].end()) < 25:
            return True
    causer_from, manager_from = max(clause.start, m.start - 90), max(clause.start, m.start - 30)
    if index.may_match(_CAUSER_BEFORE, causer_from, m.start) and _CAUSER_BEFORE.search(low[causer_from : m.start]) \
            or index.may_match(_MANAGER_BEFORE, manager_from, m.start) and \
            _MANAGER_BEFORE.search(low[manager_from : m.start]):
        return True
    return bool(_MANAGER_AFTER.match(low[m.end : m.end + 30]))


def _groups(text: str, ms: list[Mention]) -> list[list[Mention]]:
    """Player mentions joined only by commas and 'and' form one group."""
    groups: list[list[Mention]] = []
    for m in sorted(ms, key=lambda x: x.start):
        if groups and _LIST_GLUE.match(text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _owner(groups: list[list[Mention]], start: int, end: int, cue: str) -> list[Mention]:
    """The group of players a cue at text[start:end] is about: the nearest one, a group after the cue
    winning ties, and only groups after it for a cue like "without"."""
    if len(groups) == 1:
        return groups[0]
    def distance(g: list[Mention]) -> tuple[int, int]:
        if g[0].start <= start < g[-1].end:
            return (0, 0)
        if start >= g[-1].end:
            return (start - g[-1].end, 1)
        return (g[0].start - end, 0)
    eligible = [g for g in groups if g[0].start >= end] if _OBJECT_CUE.match(cue) else groups
    return min(eligible or groups, key=distance)


def _attribute(text: str, index: CueIndex, clause: Segment,
               ms: list[Mention]) -> tuple[dict[str, int], dict[str, set[Tier]]]:
    """Per player name: how many injury cues of the clause are his, and which status tiers."""
    hits = index.hits(_CLAUSE_CUES, clause.start, clause.end)
    cues: dict[str, int] = {}
    tiers: dict[str, set[Tier]] = {}
    if not hits:
        return cues, tiers
    groups = _groups(text, ms)
    for _, cue in (hit for hit in hits if hit[0] == 0):
        for m in _owner(groups, cue.start(), cue.end(), cue.group(0)):
            cues[m.name] = cues.get(m.name, 0) + 1
    status_hits = [(k - 1, cue) for k, cue in hits if k]
    for tier, start, end in tiers_of(text, clause.start, status_hits):
        for m in _owner(groups, start, end, index.text[start:end]):
            tiers.setdefault(m.name, set()).add(tier)
    return cues, tiers


def _players_by_sentence(split: list[Segment], mentions: list[Mention]) -> list[tuple[Segment, list[Mention]]]:
    """The sentences that name a player, each with its player mentions in the order given.  A clause is only
    about players it names, or that the clause before it in the same sentence named: other sentences add nothing."""
    starts = [s.start for s in split]
    named: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind != "player":
            continue
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < split[i].end:
            named.setdefault(i, []).append(m)
    return [(split[i], named[i]) for i in sorted(named)]


def player_contexts(text: str, mentions: list[Mention]) -> list[PlayerContext]:
    """One context per player named in the text, in order of first mention."""
    contexts: dict[str, PlayerContext] = {}
    index = index_of(text)
    for sentence, named in _players_by_sentence(sentences(text), mentions):
        previous: list[Mention] = []
        for clause in _merged_clauses(text, sentence):
            here = [m for m in named if clause.start <= m.start < clause.end and not _excluded(index, m, clause)]
            if not here and previous and _CARRIED.match(index.text, clause.start):
                here = previous
            previous = here
            if not here:
                continue
            cues, tiers = _attribute(text, index, clause, here)
            for m in here:
                ctx = contexts.get(m.name)
                if ctx is None:
                    ctx = contexts[m.name] = PlayerContext(m.name, m.team, m.entity_id, m.start)
                ctx.mentions.append(m)
                ctx.team = ctx.team or m.team
                paren = _PAREN_AFTER.match(text, m.end)
                if paren and not any(d.start == paren.start(1) for d in ctx.details):
                    ctx.details.append(Segment(paren.start(1), paren.end(1), clause.index))
                # Clauses and sentences come in order and never overlap: one already taken is the last one.
                if not ctx.segments or ctx.segments[-1] is not clause:
                    ctx.segments.append(clause)
                    ctx.cues += cues.get(m.name, 0)
                    ctx.tiers |= tiers.get(m.name, set())
                if not ctx.sentences or ctx.sentences[-1] is not sentence:
                    ctx.sentences.append(sentence)
    return sorted(contexts.values(), key=lambda c: c.first)
