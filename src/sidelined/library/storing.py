"""`Store`: the library's handle on a sidelined database, for ingesting articles and asking the timeline.

It wraps `sidelined.store.Store` (the database, its migrations and one
transaction per article) and answers with `sidelined.timeline`'s functions,
the same ones behind `sidelined player/team/available/changes` and the REST API.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from types import TracebackType

from sidelined.library.extracting import DayLike, extract, extract_files, parse_day
from sidelined.library.records import Record
from sidelined.models import Extraction
from sidelined.store import IngestResult
from sidelined.store import Store as Database
from sidelined.timeline import AvailabilityAnswer, Change, PlayerHistory, TeamStatus

__all__ = ["Store"]


class Store:
    """A sidelined database: ingest articles, then ask about players and teams.

    `url` is an SQLAlchemy URL (`sqlite:///injuries.db`, `postgresql+psycopg://...`);
    without one, `$SIDELINED_DB` or `sqlite:///sidelined.db` in the working
    folder.  The database is created and migrated when opened.  Use it in a
    `with` block, or call `close()`.

    ```python
    from sidelined import Store

    with Store("sqlite:///saka.db") as store:
        store.ingest("date 2024-12-24\\nArsenal winger Bukayo Saka will miss several weeks with a hamstring injury.")
        history = store.player("Saka", as_of="2025-01-01")
        assert history.player == "Bukayo Saka"
        assert store.available("Bukayo Saka", on="2025-01-01").status == "out"
    ```
    """

    def __init__(self, url: str | None = None) -> None:
        self.database = Database(url)
        self.url = self.database.url

    def ingest(self, source: str | os.PathLike[str] | Extraction | Record,
               published: DayLike | None = None) -> list[IngestResult]:
        """Extract and keep articles; returns one result per article (added, duplicate or near-duplicate).

        `source` is the text of one article (a `str`), a path to a file or
        folder (a `Path`: every article in it, as `sidelined ingest` reads it),
        or an already extracted `Record` or `Extraction`.  An article already
        stored is not stored twice.  An unreadable article raises its
        `InputError`; the articles before it stay stored, each in its own
        transaction.
        """
        if isinstance(source, Record):
            return [self.database.ingest(source.extraction)]
        if isinstance(source, Extraction):
            return [self.database.ingest(source)]
        if isinstance(source, str):
            return [self.database.ingest(extract(source, published=published).extraction)]
        return [self.database.ingest(record.extraction) for record in extract_files([Path(source)],
                                                                                     published=published)]

    def player(self, name: str, as_of: DayLike | None = None) -> PlayerHistory:
        """A player's injury episodes and his status on `as_of` (default today), every fact with its sources.

        Raises `UnknownEntity` for a name neither the store nor the knowledge base knows.
        """
        from sidelined.timeline import player_history

        return player_history(self.database, name, as_of=parse_day(as_of, "as_of"))

    def team(self, name: str, as_of: DayLike | None = None) -> TeamStatus:
        """Who at a team is out or doubtful on `as_of` (default today), since when and until when."""
        from sidelined.timeline import team_status

        return team_status(self.database, name, as_of=parse_day(as_of, "as_of"))

    def available(self, player: str, on: DayLike | None = None, against: str | None = None) -> AvailabilityAnswer:
        """available / doubtful / out / unknown on the day `on` (default today), with the deciding reports.

        With `against`, the day is that of the player's team's next fixture
        against that opponent, on or after `on`; `UnknownEntity` when there is none.
        """
        from sidelined.timeline import availability, availability_for_fixture

        day = parse_day(on, "on")
        if against is not None:
            _fixture, answer = availability_for_fixture(self.database, player, against, on_or_after=day)
            return answer
        return availability(self.database, player, day or date.today())

    def changes(self, since: DayLike, until: DayLike | None = None) -> list[Change]:
        """New injuries, changed estimates, status changes and returns reported between `since` and `until`."""
        from sidelined.timeline import changes

        start = parse_day(since, "since")
        assert start is not None  # parse_day returns None only for None
        return changes(self.database, start, until=parse_day(until, "until"))

    def close(self) -> None:
        """Release the database connections."""
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

