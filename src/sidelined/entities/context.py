"""What an article says about itself that linking needs: its day, sentences, teams and
whether it is about international duty."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sidelined.kb import KnowledgeBase
from sidelined.kb.names import fold_same_length, season_of

# The gap after a . ! or ? (group 1), or line breaks.  Every match opens with one character class so the
# engine can skip from mark to mark instead of trying each character.
SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])([\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9]))|(?<=\n)\n*)")
# A full stop after a title or an initial does not end the sentence ("Mr. Messi", "St. Pauli", "J. Smith").
ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "vs.")
INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")


def _ends_sentence(text: str, gap_start: int) -> bool:
    if text[gap_start - 1 : gap_start] != ".":
        return True  # every abbreviation and initial ends in a full stop
    head = text[max(0, gap_start - 5) : gap_start]
    return not (head.endswith(ABBREVIATIONS) or INITIAL.search(head))


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for match in SENTENCE_END.finditer(text):
        if _ends_sentence(text, match.start(1) if match.lastindex else match.start()):
            starts.append(match.end())
    return starts


NEARBY_CHARS = 300
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


@dataclass(slots=True)
class TeamSighting:
    start: int
    team_id: str
    kind: str


@dataclass
class ArticleContext:
    text: str
    day: date
    kb: KnowledgeBase
    folded: str = ""  # fold_same_length(text): "Martínez" matched as "Martinez", offsets kept
    sentence_starts: list[int] = field(default_factory=list)
    teams: list[TeamSighting] = field(default_factory=list)
    competitions: list[tuple[int, str]] = field(default_factory=list)
    international: bool = False
    _team_ids: set[str] = field(default_factory=set)
    _team_ids_size: int = -1
    _team_starts: list[int] = field(default_factory=list)
    _team_starts_size: int = -1
    _dominant: str | None = None
    _clubs: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.folded = fold_same_length(self.text)
        self.sentence_starts = _sentence_starts(self.text)

    @property
    def season(self) -> str:
        return season_of(self.day)

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def sentence_span(self, index: int) -> tuple[int, int]:
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def clubs_of(self, player_id: str) -> list[str]:
        """His clubs on the article's day, the likelier first (looked up once per article)."""
        found = self._clubs.get(player_id)
        if found is None:
            found = self._clubs[player_id] = self.kb.club_ids_on(player_id, self.day)
        return found

    @property
    def team_ids(self) -> set[str]:
        if self._team_ids_size != len(self.teams):
            self._team_ids = {t.team_id for t in self.teams}
            self._team_ids_size = len(self.teams)
        return self._team_ids

    def dominant_club(self) -> str | None:
        if self._dominant is None:
            counts = Counter(t.team_id for t in self.teams if t.kind == "club")
            self._dominant = counts.most_common(1)[0][0] if counts else ""
        return self._dominant or None

    def teams_between(self, start: int, end: int) -> list[TeamSighting]:
        """Teams named from start (included) to end (excluded), in text order."""
        if self._team_starts_size != len(self.teams):
            self._team_starts = [t.start for t in self.teams]
            self._team_starts_size = len(self.teams)
        low = bisect.bisect_left(self._team_starts, start)
        high = bisect.bisect_left(self._team_starts, end)
        return self.teams[low:high]

    def nearest_team(self, offset: int, kind: str | None = None, window: int = 400) -> str | None:
        """The team named nearest before the offset (or just after it, in the same sentence)."""
        sentence_end = self.sentence_span(self.sentence_of(offset))[1]
        best: tuple[int, str] | None = None
        for sighting in self.teams_between(offset - window, min(sentence_end, offset + window // 2 + 1)):
            if kind and sighting.kind != kind:
                continue
            distance = offset - sighting.start
            cost = distance if distance >= 0 else 2 * -distance
            if cost <= window and (best is None or cost < best[0]):
                best = (cost, sighting.team_id)
        return best[1] if best else None

    def decide_international(self) -> None:
        """About international duty when national sides and their competitions outweigh clubs and
        theirs, counting the first sentence three times."""
        first_end = self.sentence_span(1 if self.text.lstrip().startswith("date ") else 0)[1]
        national = club = 0
        for start, is_national in self._evidence():
            weight = 3 if start < first_end else 1
            national += weight * is_national
            club += weight * (not is_national)
        self.international = national > club

    def _evidence(self) -> list[tuple[int, bool]]:
        found = [(t.start, t.kind == "national_team") for t in self.teams]
        found += [(start, name in INTERNATIONAL_COMPETITIONS) for start, name in self.competitions]
        return found

    def team_for_unknown(self, offset: int, kind: str) -> str | None:
        """Team of someone the knowledge base does not know: named before him in his sentence,
        else after him in it, else one named shortly before (a section heading), else the article's
        main club."""
        start, end = self.sentence_span(self.sentence_of(offset))
        before = [t for t in self.teams_between(start, offset) if t.kind == kind]
        if before:
            return before[-1].team_id
        after = [t for t in self.teams_between(offset, end) if t.kind == kind]
        if after:
            return after[0].team_id
        nearby = [t for t in self.teams_between(offset - NEARBY_CHARS, offset) if t.kind == kind]
        if nearby:
            return nearby[-1].team_id
        if kind == "club" and self.dominant_club():
            return self.dominant_club()
        return self.nearest_team(offset, kind=kind, window=10_000)
