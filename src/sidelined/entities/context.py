"""What an article says about itself that linking needs: its day, sentences, teams and
whether it is about international duty."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sidelined.kb import KnowledgeBase
from sidelined.kb.names import season_of

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
INTERNATIONAL_COMPETITIONS = frozenset(
    {
        "friendly",
        "World Cup",
        "World Cup qualifier",
        "European Championship",
        "European Championship qualifier",
        "Nations League",
        "Copa America",
        "Africa Cup of Nations",
        "Africa Cup of Nations qualifier",
        "Asian Cup",
        "Gold Cup",
        "CONCACAF Nations League",
        "Confederations Cup",
    }
)
LEAD_CHARS = 400


@dataclass
class TeamSighting:
    start: int
    team_id: str
    kind: str


@dataclass
class ArticleContext:
    text: str
    day: date
    kb: KnowledgeBase
    sentence_starts: list[int] = field(default_factory=list)
    teams: list[TeamSighting] = field(default_factory=list)
    competitions: list[tuple[int, str]] = field(default_factory=list)
    international: bool = False
    _team_ids: set[str] = field(default_factory=set)
    _team_ids_size: int = -1

    def __post_init__(self) -> None:
        self.sentence_starts = [0] + [m.end() for m in SENTENCE_END.finditer(self.text)]

    @property
    def season(self) -> str:
        return season_of(self.day)

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def sentence_span(self, index: int) -> tuple[int, int]:
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    @property
    def team_ids(self) -> set[str]:
        if self._team_ids_size != len(self.teams):
            self._team_ids = {t.team_id for t in self.teams}
            self._team_ids_size = len(self.teams)
        return self._team_ids

    def dominant_club(self) -> str | None:
        counts = Counter(t.team_id for t in self.teams if t.kind == "club")
        return counts.most_common(1)[0][0] if counts else None

    def nearest_team(self, offset: int, kind: str | None = None, window: int = 400) -> str | None:
        """The team named nearest before the offset (or just after it, in the same sentence)."""
        sentence = self.sentence_of(offset)
        best: tuple[int, str] | None = None
        for sighting in self.teams:
            if kind and sighting.kind != kind:
                continue
            distance = offset - sighting.start
            same_sentence = self.sentence_of(sighting.start) == sentence
            if distance < 0 and not same_sentence:
                continue
            cost = distance if distance >= 0 else 2 * -distance
            if cost <= window and (best is None or cost < best[0]):
                best = (cost, sighting.team_id)
        return best[1] if best else None

    def decide_international(self) -> None:
        """About international duty when national sides and their competitions lead the article."""

        def tally(limit: int | None) -> tuple[int, int]:
            national = club = 0
            for sighting in self.teams:
                if limit is None or sighting.start < limit:
                    national += sighting.kind == "national_team"
                    club += sighting.kind == "club"
            for start, name in self.competitions:
                if limit is None or start < limit:
                    if name in INTERNATIONAL_COMPETITIONS:
                        national += 1
                    else:
                        club += 1
            return national, club

        national, club = tally(LEAD_CHARS)
        if national == club:
            national, club = tally(None)
        self.international = national > club
