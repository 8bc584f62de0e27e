"""Browser tests: Debian's Chromium driven by Playwright over a live server on 127.0.0.1.

The server runs uvicorn in a thread over a temporary SQLite store filled with
the written story of `test_api_story.py`.  Screenshots of each page go to
`test-artifacts/`.  Skipped, saying why, when /usr/bin/chromium or Playwright
is missing.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: apt-get install -y chromium", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

import uvicorn  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from sidelined.api import create_app  # noqa: E402
from test_api_story import JESUS, SAKA, SAKA_EPISODES, fill, hostile, story  # noqa: E402

TODAY = date(2025, 5, 12)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(url: str, today: date) -> Iterator[str]:
    """A live server over the store at `url`, on a free port of 127.0.0.1, for the duration of the block."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(url, today=lambda: today), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'store.db'}"
    fill(url, [*story(), hostile()])
    with serving(url, TODAY) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    # Console errors include Content-Security-Policy violations: the pages must not need any exception.
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    # Nothing may be fetched from anywhere but the test server.
    context.route(
        lambda url: not url.startswith(base_url),
        lambda route: (errors.append(f"external request {route.request.url}"), route.abort()),
    )
    yield opened
    context.close()
    assert not errors, errors


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_dashboard_to_player_to_article(page: Page) -> None:
    p = page
    p.goto("/")
    teams = p.locator("#teams-today .team-card")
    assert teams.count() >= 1
    assert p.locator("#teams-today").get_by_text(SAKA).count() == 1
    _shot(p, "dashboard")

    p.locator("#teams-today").get_by_role("link", name=SAKA).click()
    p.wait_for_url(f"**/players/{quote(SAKA)}")
    bars = p.locator("svg.timeline .episode-bar")
    assert bars.count() == SAKA_EPISODES
    assert p.locator("svg.timeline circle.report").count() == 4
    assert p.locator("svg.timeline rect.window").count() == 2
    assert p.locator("#history tbody tr").count() == SAKA_EPISODES
    bars.first.hover()
    assert p.locator(".chart-wrap .tip").is_visible()
    p.mouse.move(0, 0)
    p.locator("svg.timeline a.report-link").first.focus()
    assert p.locator(".chart-wrap .tip").is_visible()  # keyboard users get the tip too
    p.locator("body").click(position={"x": 5, "y": 5})
    _shot(p, "player")

    p.locator("svg.timeline a.report-link").first.click()
    p.wait_for_url("**/articles/**")
    marks = p.locator("#article-text mark.fact")
    assert marks.count() >= 1
    marks.first.locator("a").click()
    assert p.evaluate("location.hash").startswith("#")
    p.mouse.move(0, 0)
    _shot(p, "article")


def test_team_page_lists_who_is_out(page: Page) -> None:
    page.goto("/teams/Arsenal?on=2025-01-20")
    rows = page.locator("#unavailable tbody tr")
    assert rows.count() == 2
    assert page.locator("#unavailable").get_by_text(JESUS).count() == 1
    _shot(page, "team")


def test_injected_markup_never_runs(page: Page) -> None:
    page.goto("/articles/story-hostile")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__sidelinedInjected === undefined")
    assert "<script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, #article-text img").count() == 0
    page.locator("#injury-0 a").first.click()
    page.wait_for_load_state("load")
    assert page.evaluate("window.__sidelinedInjected === undefined")
    assert "<script>" in page.locator("h1").inner_text()


def test_posted_article_with_script_is_shown_not_run(page: Page) -> None:
    text = (
        "date 2025-03-03\nInjury news <script>window.__sidelinedInjected = true;</script>\n\n"
        "Arsenal defender William Saliba has been ruled out for two weeks with a thigh injury, "
        'Mikel Arteta said <img src=x onerror="window.__sidelinedInjected = true">.'
    )
    response = page.request.post("/api/articles", data={"text": text})
    assert response.status == 201, response.text()
    page.goto(response.json()["url"])
    page.wait_for_load_state("load")
    assert page.evaluate("window.__sidelinedInjected === undefined")
    assert "<script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, #article-text img").count() == 0
    _shot(page, "posted-article")


DOCS_DB = os.environ.get("SIDELINED_DOCS_DB")
DOCS_PAGES = {
    "dashboard": os.environ.get("SIDELINED_DOCS_DASHBOARD", "/"),
    "player": os.environ.get("SIDELINED_DOCS_PLAYER", f"/players/{quote(SAKA)}"),
}


@pytest.mark.skipif(DOCS_DB is None, reason="set SIDELINED_DOCS_DB to a filled store to refresh docs/img")
def test_refresh_readme_screenshots(browser: Browser) -> None:
    """Opt-in: SIDELINED_DOCS_DB=URL, optionally SIDELINED_DOCS_DASHBOARD=/?on=DAY, SIDELINED_DOCS_PLAYER=/players/X."""
    assert DOCS_DB is not None
    folder = Path(__file__).resolve().parents[1] / "docs" / "img"
    with serving(DOCS_DB, date.today()) as address:
        opened = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in DOCS_PAGES.items():
            assert opened.goto(address + path).ok  # type: ignore[union-attr]
            height = min(1150, opened.evaluate("document.body.scrollHeight"))
            clip = {"x": 0, "y": 0, "width": 1280, "height": height}
            opened.screenshot(path=str(folder / f"{name}.png"), full_page=True, clip=clip)
        opened.close()
