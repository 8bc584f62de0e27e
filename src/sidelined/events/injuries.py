"""Injury reports: one per player whose current fitness the article reports.

A player's context (see `context.py`) is the list of clauses about him; a
report is made when an injury cue in those clauses belongs to him, and every
field is read from that context, nearest clause first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelined.events import details, when
from sidelined.events.context import PlayerContext, player_contexts
from sidelined.events.cues import cue_pattern, index_of
from sidelined.events.status import decide
from sidelined.models import Article, InjuryReport, Match, Mention, TimeExpression

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase

# A clause that tells an old injury as history ("earlier shoulder surgery").
_HISTORY = cue_pattern(r"\b(?:earlier|previous|prior|past|old)\s+(?:[\w-]+\s+){0,2}?(?:surgery|injur\w*|operation)")


def _reports_fitness(text: str, ctx: PlayerContext) -> bool:
    if ctx.cues == 0:
        return False
    index = index_of(text)
    return not all(index.may_match(_HISTORY, s.start, s.end) and _HISTORY.search(index.text[s.start : s.end])
                   for s in ctx.segments)


def extract_injuries(
    article: Article,
    mentions: list[Mention],
    timexes: list[TimeExpression],
    matches: list[Match],
    kb: KnowledgeBase | None = None,
) -> list[InjuryReport]:
    text = article.text
    reports: list[InjuryReport] = []
    # The dates read only team mentions and the source only persons: each report is handed just those.
    teams = [m for m in mentions if m.kind in ("club", "national_team")]
    persons = [m for m in mentions if m.kind == "person"]
    for ctx in player_contexts(text, mentions):
        if not _reports_fitness(text, ctx):
            continue
        ordered = ctx.details + sorted(ctx.segments, key=lambda s: s.start)
        # Validated from plain data in one call: building each Evidence first costs twice as much.
        report = InjuryReport.model_validate({
            "player": ctx.name, "player_id": ctx.entity_id, "team": ctx.team,
            "evidence": [{"field": "player", "start": m.start, "end": m.end} for m in ctx.mentions]})
        details.fill_body(report, text, ordered)
        tier = decide(ctx.tiers)
        report.status = "out" if tier == "firm_out" else tier
        when.fill_dates(report, text, ordered, teams, timexes, matches, article.published,
                        ruled_out=tier in ("firm_out", "out"), kb=kb)
        around = ordered + sorted(ctx.sentences, key=lambda s: s.start)
        report.source = details.find_source(text, around, persons)
        reports.append(report)
    return reports
