"""The events stage: injuries, matches and transfers read from one article.

`extract_events` is the stage's interface: it takes the article with its
entity mentions and resolved time expressions and returns the three lists of
the extraction record, each record carrying the evidence spans it came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelined.events.injuries import extract_injuries
from sidelined.events.matches import extract_matches
from sidelined.events.transfers import extract_transfers
from sidelined.models import Article, InjuryReport, Match, Mention, TimeExpression, Transfer

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase

__all__ = ["extract_events"]


def extract_events(
    article: Article,
    mentions: list[Mention],
    timexes: list[TimeExpression],
    kb: KnowledgeBase | None,
) -> tuple[list[InjuryReport], list[Match], list[Transfer]]:
    matches = extract_matches(article, mentions, timexes, kb)
    injuries = extract_injuries(article, mentions, timexes, matches, kb)
    transfers = extract_transfers(article, mentions, kb)
    return injuries, matches, transfers
