"""Watching feeds served by a local HTTP server whose feed changes between polls."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from sidelined.scale.polling import FeedPoller
from sidelined.scale.watch import Watcher
from sidelined.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sidelined" / "examples"


def example_entry(name: str) -> str:
    """An RSS item carrying a bundled example article, dated by its `date YYYY-MM-DD` line."""
    dated, body = (EXAMPLES / name).read_text(encoding="utf-8").split("\n", 1)
    day = datetime.fromisoformat(dated.split()[1]).replace(hour=12, tzinfo=UTC)
    title, text = body.strip().split("\n", 1)
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    return (f"<item><title>{escape(title)}</title><link>https://news.example/{name}</link>"
            f"<guid>https://news.example/{name}</guid><pubDate>{format_datetime(day)}</pubDate>"
            f"<description>{escape(paragraphs)}</description></item>")


def feed(*names: str) -> bytes:
    items = "".join(example_entry(name) for name in names)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Sport</title>{items}'
            "</channel></rss>").encode()


@dataclass
class FeedSite:
    """What the local server serves and what it was asked."""

    body: bytes = b""
    requests: list[tuple[str, str | None, int]] = field(default_factory=list)  # path, If-None-Match, status
    hooks: list[dict[str, object]] = field(default_factory=list)
    url: str = ""

    @property
    def etag(self) -> str:
        return f'"{hash(self.body) & 0xFFFFFFFF:x}"'


@pytest.fixture
def site() -> Iterator[FeedSite]:
    state = FeedSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            asked = self.headers.get("If-None-Match")
            served = self.path.startswith("/feed.xml") and state.body
            status = 304 if served and asked == state.etag else 200 if served else 404
            state.requests.append((self.path, asked, status))
            self.send_response(status)
            self.send_header("ETag", state.etag)
            body = state.body if status == 200 else b""
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", "0"))
            state.hooks.append(json.loads(self.rfile.read(length)))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


OUT = "2024-12-24-saka-out-several-weeks.txt"
BACK = "2025-04-02-saka-returns-against-fulham.txt"


async def three_polls(site: FeedSite, store: Store, lines: list[str]) -> list[list[tuple[str, str]]]:
    poller = FeedPoller([f"{site.url}/feed.xml"], every=0, host_delay=0)
    watcher = Watcher(store, poller, notify=f"{site.url}/hook", emit=lines.append)
    seen = []
    async with httpx.AsyncClient() as client:
        site.body = feed(OUT)
        seen.append(await watcher.poll_once(client))
        seen.append(await watcher.poll_once(client))  # nothing changed on the server
        site.body = feed(OUT, BACK)
        seen.append(await watcher.poll_once(client))
    return [[(c.kind, c.player) for c in report.changes] for report in seen]


def test_polls_ingest_new_entries_and_report_timeline_changes(site: FeedSite, tmp_path: Path) -> None:
    lines: list[str] = []
    with Store(f"sqlite:///{tmp_path / 'watch.db'}") as store:
        first, second, third = asyncio.run(three_polls(site, store, lines))
    assert first == [("new injury", "Bukayo Saka")]
    assert second == []
    assert third == [("return", "Bukayo Saka")]
    statuses = [(asked is not None, status) for path, asked, status in site.requests if path == "/feed.xml"]
    assert statuses == [(False, 200), (True, 304), (True, 200)]
    assert [(hook["kind"], hook["player"]) for hook in site.hooks] == [*first, *third]
    assert site.hooks[1]["day"] == "2025-04-02"
    assert any("return" in line and "Bukayo Saka" in line for line in lines)


def test_a_failing_feed_backs_off_exponentially_and_recovers(site: FeedSite) -> None:
    poller = FeedPoller([f"{site.url}/feed.xml"], every=10, host_delay=0, max_backoff=35)

    async def poll_four_times() -> list[tuple[str, int, float]]:
        seen = []
        async with httpx.AsyncClient() as client:
            for attempt in range(4):
                if attempt == 3:
                    site.body = feed(OUT)  # the server is back
                state = poller.feeds[f"{site.url}/feed.xml"]
                state.due = 0
                (poll,) = await poller.poll_due(client)
                seen.append((poll.status, state.failures, state.due - asyncio.get_running_loop().time()))
        return seen

    seen = asyncio.run(poll_four_times())
    assert [(status, failures) for status, failures, _ in seen] == [("error", 1), ("error", 2), ("error", 3),
                                                                     ("new", 0)]
    # 10 s doubled per failure in a row, capped at 35 s; back to every 10 s once the feed answers
    assert [round(wait) for _, _, wait in seen] == [20, 35, 35, 10]


def test_one_host_is_asked_one_request_at_a_time(site: FeedSite) -> None:
    site.body = feed(OUT)
    feeds = [f"{site.url}/feed.xml?copy={n}" for n in range(3)]
    poller = FeedPoller(feeds, every=60, host_delay=0.2)

    async def poll() -> float:
        async with httpx.AsyncClient() as client:
            started = asyncio.get_running_loop().time()
            polls = await poller.poll_due(client)
            assert [p.status for p in polls] == ["new"] * 3
            return asyncio.get_running_loop().time() - started

    assert asyncio.run(poll()) >= 0.4  # three requests to one host, 0.2 s apart


def test_watch_command_once(site: FeedSite, tmp_path: Path) -> None:
    from sidelined.cli import app
    from sidelined.cli import scale as scale_cli

    if not any(command.name == "watch" for command in app.registered_commands):
        scale_cli.register(app)
    site.body = feed(OUT)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(app, ["watch", f"{site.url}/feed.xml", "--db", db, "--once",
                                      "--notify", f"{site.url}/hook"])
    assert result.exit_code == 0, result.output
    assert "new injury" in result.output and "Bukayo Saka" in result.output
    assert [hook["kind"] for hook in site.hooks] == ["new injury"]
