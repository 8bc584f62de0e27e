"""Polling many feeds politely: conditional GETs, one request at a time per host, backoff on errors.

`FeedPoller.poll_due` fetches every feed whose turn has come, concurrently
across hosts (httpx.AsyncClient).  A feed answered with 304 Not Modified, or
with the same bytes as last time, is unchanged; a failing feed waits twice as
long after each failure in a row, up to `max_backoff` seconds.  Local files
may be watched too: they are re-read and compared.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import httpx

from sidelined import __version__
from sidelined.ingest.sources import is_url

USER_AGENT = f"sidelined-watch/{__version__}"
PollStatus = Literal["new", "unchanged", "error"]


@dataclass
class FeedState:
    location: str
    etag: str | None = None
    last_modified: str | None = None
    digest: str | None = None
    failures: int = 0
    due: float = 0.0  # time.monotonic() of the next poll


@dataclass(frozen=True)
class Poll:
    location: str
    status: PollStatus
    body: bytes = b""
    error: str | None = None


class FeedPoller:
    def __init__(self, feeds: list[str], every: float, *, host_delay: float = 1.0, timeout: float = 10.0,
                 max_backoff: float = 3600.0, max_bytes: int = 5_000_000) -> None:
        self.feeds = {feed: FeedState(feed) for feed in feeds}
        self.every = every
        self.host_delay = host_delay
        self.timeout = timeout
        self.max_backoff = max(max_backoff, every)
        self.max_bytes = max_bytes
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._host_last: dict[str, float] = {}

    def next_due(self) -> float:
        return min(state.due for state in self.feeds.values())

    async def poll_due(self, client: httpx.AsyncClient) -> list[Poll]:
        """Poll every feed whose turn has come; one result per feed polled."""
        now = time.monotonic()
        due = [state for state in self.feeds.values() if state.due <= now]
        polls = await asyncio.gather(*(self._poll(client, state) for state in due))
        return list(polls)

    async def _poll(self, client: httpx.AsyncClient, state: FeedState) -> Poll:
        try:
            poll = await self._fetch(client, state) if is_url(state.location) else self._read_file(state)
        except (httpx.HTTPError, OSError, ValueError) as error:
            poll = Poll(state.location, "error", error=" ".join(str(error).split())[:200] or type(error).__name__)
        self._schedule(state, failed=poll.status == "error")
        return poll

    def _schedule(self, state: FeedState, failed: bool) -> None:
        state.failures = state.failures + 1 if failed else 0
        wait = min(self.every * 2 ** state.failures, self.max_backoff) if failed else self.every
        state.due = time.monotonic() + wait

    async def _fetch(self, client: httpx.AsyncClient, state: FeedState) -> Poll:
        headers = {"User-Agent": USER_AGENT}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        async with self._polite(urlsplit(state.location).netloc):
            response = await client.get(state.location, headers=headers, timeout=self.timeout,
                                        follow_redirects=True)
        if response.status_code == httpx.codes.NOT_MODIFIED:
            return Poll(state.location, "unchanged")
        if response.status_code >= 400:
            return Poll(state.location, "error", error=f"HTTP {response.status_code}")
        if len(response.content) > self.max_bytes:
            return Poll(state.location, "error", error=f"larger than {self.max_bytes:,} bytes")
        state.etag = response.headers.get("etag") or state.etag
        state.last_modified = response.headers.get("last-modified") or state.last_modified
        return self._compared(state, response.content)

    def _read_file(self, state: FeedState) -> Poll:
        return self._compared(state, Path(state.location).read_bytes())

    @staticmethod
    def _compared(state: FeedState, body: bytes) -> Poll:
        digest = hashlib.sha256(body).hexdigest()
        if digest == state.digest:
            return Poll(state.location, "unchanged")
        state.digest = digest
        return Poll(state.location, "new", body=body)

    @asynccontextmanager
    async def _polite(self, host: str) -> AsyncIterator[None]:
        """One request at a time per host, at least `host_delay` seconds apart."""
        async with self._host_locks.setdefault(host, asyncio.Lock()):
            last = self._host_last.get(host)
            if last is not None:
                await asyncio.sleep(max(0.0, last + self.host_delay - time.monotonic()))
            try:
                yield
            finally:
                self._host_last[host] = time.monotonic()
