"""Injury reports: one per player whose current fitness the article reports.

A player's *context* is the list of clauses that are about him: the clauses
naming him (by name, descriptor or pronoun mention), plus a following
sentence that opens with a pronoun.  Every field is read from that context,
nearest clause first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sidelined.events import details, when
from sidelined.events.status import judge_status
from sidelined.events.text import Segment, clauses, sentences
from sidelined.events.vocab import INJURY_CUES, REPLACEMENT_CUES
from sidelined.models import Article, Evidence, InjuryReport, Match, Mention, TimeExpression

_PRONOUN_START = re.compile(r"^[\"“]?(?:He|His|Him|She|Her|The (?:player|forward|striker|midfielder|defender|"
                            r"winger|goalkeeper|full-back|centre-back))\b")
_HISTORY = re.compile(r"\b(earlier|previous|last season|in the past|history of|former)\b", re.IGNORECASE)


@dataclass
class PlayerContext:
    name: str
    team: str | None
    entity_id: str | None
    first: int
    mentions: list[Mention] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Segment] = field(default_factory=list)


def _segment_of(segs: Sequence[Segment], pos: int) -> Segment | None:
    for s in segs:
        if s.start <= pos < s.end:
            return s
    return None


def _is_replacement(text: str, mention: Mention, clause: Segment) -> bool:
    """True when the mention is the man who came on or filled in, not the injured one."""
    cues = list(REPLACEMENT_CUES.finditer(text[clause.start : mention.start]))
    return bool(cues) and mention.start - (clause.start + cues[-1].end()) < 25


def _collect_contexts(text: str, mentions: list[Mention]) -> list[PlayerContext]:
    sents = sentences(text)
    clause_list = [c for s in sents for c in clauses(text, s)]
    contexts: dict[str, PlayerContext] = {}
    for m in mentions:
        if m.kind != "player":
            continue
        clause = _segment_of(clause_list, m.start)
        if clause is None or _is_replacement(text, m, clause):
            continue
        ctx = contexts.setdefault(m.name, PlayerContext(m.name, m.team, m.entity_id, m.start))
        ctx.mentions.append(m)
        ctx.team = ctx.team or m.team
        if clause not in ctx.segments:
            ctx.segments.append(clause)
        sentence = sents[clause.index]
        if sentence not in ctx.sentences:
            ctx.sentences.append(sentence)
        nxt = sents[clause.index + 1] if clause.index + 1 < len(sents) else None
        if nxt is not None and _PRONOUN_START.match(text[nxt.start : nxt.end]):
            named_there = any(o.kind == "player" and nxt.start <= o.start < nxt.end for o in mentions)
            if not named_there and sum(1 for o in mentions if o.kind == "player"
                                       and sentence.start <= o.start < sentence.end) == 1:
                for c in clauses(text, nxt):
                    if c not in ctx.segments:
                        ctx.segments.append(c)
    return sorted(contexts.values(), key=lambda c: c.first)


def _reports_fitness(text: str, ctx: PlayerContext) -> bool:
    for seg in ctx.segments:
        clause = text[seg.start : seg.end]
        if INJURY_CUES.search(clause) and not (_HISTORY.search(clause) and "surgery" in clause.lower()
                                                and not re.search(r"undergo|undergone|after", clause)):
            return True
    return False


def extract_injuries(
    article: Article,
    mentions: list[Mention],
    timexes: list[TimeExpression],
    matches: list[Match],
) -> list[InjuryReport]:
    text = article.text
    reports: list[InjuryReport] = []
    for ctx in _collect_contexts(text, mentions):
        if not _reports_fitness(text, ctx):
            continue
        ordered = sorted(ctx.segments, key=lambda s: s.start)
        texts = [text[s.start : s.end] for s in ordered]
        evidence = [Evidence(field="player", start=m.start, end=m.end) for m in ctx.mentions]
        report = InjuryReport(player=ctx.name, player_id=ctx.entity_id, team=ctx.team, evidence=evidence)
        details.fill_body(report, text, ordered)
        report.status = judge_status(texts)
        when.fill_dates(report, text, ordered, mentions, timexes, matches, article.published)
        report.source = details.find_source(text, ordered + sorted(ctx.sentences, key=lambda s: s.start), mentions)
        reports.append(report)
    return reports
