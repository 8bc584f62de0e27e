"""The knowledge base as the timeline uses it: real fixture lists and team aliases, when it loads."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def knowledge_base() -> Any | None:
    """The loaded knowledge base, or None when it cannot be loaded (articles' own matches are used then)."""
    try:
        from sidelined.kb import load_kb
    except ImportError:
        return None
    try:
        return load_kb()
    except Exception:  # a missing or broken KB must not break the timeline
        return None


def team_spellings(name: str) -> list[str]:
    """Canonical names of the teams `name` may stand for ("Spurs" -> "Tottenham Hotspur")."""
    kb = knowledge_base()
    if kb is None or not hasattr(kb, "teams_named"):
        return []
    return [team.name for team in kb.teams_named(name)]
