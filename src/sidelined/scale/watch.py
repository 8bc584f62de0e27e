"""Watching feeds: what a poll brings in is extracted and stored, and the timeline changes it causes reported.

A change (new injury, changed estimate, status change, return) is one the
timeline attributes to an article stored by this poll.  Each is handed to
`emit` (the CLI prints it) and, with a notify URL, POSTed there as JSON; a
webhook that fails is reported and does not stop the watch.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import httpx
from sqlalchemy import select

from sidelined.errors import InputError
from sidelined.ingest.decode import decode_bytes
from sidelined.ingest.feeds import read_feed
from sidelined.kb import KnowledgeBase, load_kb
from sidelined.models import Article
from sidelined.pipeline import extract_stream
from sidelined.scale.polling import FeedPoller, Poll
from sidelined.store import Store
from sidelined.store.schema import ArticleRow
from sidelined.timeline import Change, changes

Emit = Callable[[str], None]


@dataclass
class PollReport:
    polled: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


def describe(change: Change) -> str:
    return f"{change.day or '?'}  {change.kind:<11} {change.player}: {change.detail}  [{change.report.article_id}]"


def change_payload(change: Change) -> dict[str, object]:
    return {"kind": change.kind, "player": change.player, "day": change.day.isoformat() if change.day else None,
            "detail": change.detail, "article_id": change.report.article_id, "outlet": change.report.outlet,
            "conflict": change.conflict}


class Watcher:
    def __init__(self, store: Store, poller: FeedPoller, *, kb: KnowledgeBase | None = None,
                 notify: str | None = None, emit: Emit = print) -> None:
        self.store = store
        self.poller = poller
        self.kb = kb if kb is not None else load_kb()
        self.notify = notify
        self.emit = emit

    async def poll_once(self, client: httpx.AsyncClient) -> PollReport:
        """Poll the feeds that are due, store what is new, report and notify the changes."""
        report = PollReport()
        for poll in await self.poller.poll_due(client):
            report.polled += 1
            if poll.status == "unchanged":
                report.unchanged += 1
            elif poll.status == "error":
                report.errors.append(f"{poll.location}: {poll.error}")
                self.emit(f"error  {poll.location}: {poll.error}")
            else:
                report.added.extend(self._ingest(poll))
        report.changes = self._changes_from(report.added)
        for change in report.changes:
            self.emit(describe(change))
            await self._notify(client, change)
        return report

    async def run(self, client: httpx.AsyncClient, once: bool = False) -> None:
        while True:
            await self.poll_once(client)
            if once:
                return
            await asyncio.sleep(max(0.0, self.poller.next_due() - time.monotonic()))

    def _ingest(self, poll: Poll) -> list[str]:
        """Store the feed's articles; the ids of those not stored before."""
        added: list[str] = []
        for item in extract_stream(_feed_articles(poll), kb=self.kb):
            if isinstance(item, InputError):
                self.emit(f"error  {item}")
                continue
            result = self.store.ingest(item)
            if result.status != "duplicate":
                added.append(result.article_id)
        return added

    def _changes_from(self, article_ids: list[str]) -> list[Change]:
        if not article_ids:
            return []
        wanted = set(article_ids)
        days = self._days_of(wanted)
        if not days:
            return []
        found = changes(self.store, since=min(days), until=max(max(days), date.today()))
        return [change for change in found if change.report.article_id in wanted]

    def _days_of(self, article_ids: set[str]) -> list[date]:
        with self.store.session() as session:
            query = select(ArticleRow.published).where(ArticleRow.id.in_(article_ids))
            return [day for day in session.scalars(query) if day is not None]

    async def _notify(self, client: httpx.AsyncClient, change: Change) -> None:
        if not self.notify:
            return
        try:
            response = await client.post(self.notify, json=change_payload(change), timeout=self.poller.timeout)
            response.raise_for_status()
        except httpx.HTTPError as error:
            self.emit(f"error  notify {self.notify}: {' '.join(str(error).split())[:200]}")


def _feed_articles(poll: Poll) -> list[Article | InputError]:
    try:
        text = decode_bytes(poll.body, poll.location)
    except InputError as error:
        return [error]
    return list(read_feed(text, source=poll.location, stem="feed"))
