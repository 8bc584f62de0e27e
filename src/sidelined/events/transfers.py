"""Transfers: reported moves and approaches for players (work in progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelined.models import Article, Mention, Transfer

if TYPE_CHECKING:
    from sidelined.kb import KnowledgeBase


def extract_transfers(article: Article, mentions: list[Mention], kb: KnowledgeBase | None) -> list[Transfer]:
    return []
