"""The knowledge base: teams, competitions, players and fixtures built from real reference data.

`load_kb()` gives the shipped knowledge base (loaded once); `sidelined kb build`
rebuilds its file from `../shared/data`.
"""

from sidelined.kb.model import Coach, Fixture, Player, Team
from sidelined.kb.store import KnowledgeBase, load_kb, read_kb

__all__ = ["Coach", "Fixture", "KnowledgeBase", "Player", "Team", "load_kb", "read_kb"]
