"""Entity linking: every player, club, national team, competition and person in an article.

`link(article, kb)` returns the article's mentions sorted by position, each
with the canonical common English name and, for players, the team he plays
for on the publication day.
"""

from __future__ import annotations

from sidelined.entities.assemble import link

__all__ = ["link"]
