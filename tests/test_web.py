"""Web page tests: rendering over the written story, escaping, errors, and the chart and highlight layouts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from sidelined.api import create_app
from sidelined.models import EstimateChange, Match
from sidelined.timeline import EpisodeView, SourcedReport
from sidelined.web.chart import build_chart
from sidelined.web.highlight import Fact, facts_of, segment_text
from test_api_story import JESUS, SAKA, SAKA_EPISODES, fill, hostile, story

AFTER_STORY = date(2025, 5, 12)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}"
    fill(url, [*story(), hostile()])
    with TestClient(create_app(url, today=lambda: AFTER_STORY)) as test_client:
        yield test_client


def page(client: TestClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_dashboard_groups_unavailable_players_by_team(client: TestClient) -> None:
    html = page(client, "/")
    arsenal = html[html.index('id="teams-today"') :]
    assert SAKA in arsenal and JESUS in arsenal
    assert "Recent changes" in html and "story-4-knock" in html


def test_dashboard_on_an_earlier_day(client: TestClient) -> None:
    html = page(client, "/?on=2025-01-05")
    assert SAKA in html[html.index('id="teams-today"') :]
    assert JESUS not in html[html.index('id="teams-today"') : html.index("Recent changes")]


def test_player_page_draws_one_bar_per_episode(client: TestClient) -> None:
    html = page(client, f"/players/{quote(SAKA)}")
    assert html.count('class="episode-bar') == SAKA_EPISODES
    assert html.count('<circle class="report') == 4
    assert html.count('id="history"') == 1
    ics_link = re.search(r'href="([^"]*/api/export/ics\?[^"]*)"', html)
    assert ics_link is not None
    calendar = client.get(ics_link.group(1).replace("&amp;", "&"))
    assert calendar.status_code == 200 and calendar.text.count("BEGIN:VEVENT") == 1
    assert "/articles/story-2-setback" in html
    estimates = html[html.index('id="estimates"') : html.index('id="history"')]
    assert estimates.index("20 Feb 2025 – 6 Mar 2025") < estimates.index("1 Apr 2025 – 10 Apr 2025")


def test_team_and_article_pages(client: TestClient) -> None:
    team = page(client, "/teams/Arsenal?on=2025-01-20")
    table = team[team.index('id="unavailable"') : team.index('id="fixtures"')]
    assert SAKA in table and JESUS in table
    article = page(client, "/articles/story-1-surgery")
    assert re.search(r'<mark class="fact injury"[^>]*><a href="#injury-0">seven to nine weeks</a></mark>', article)
    assert 'id="injury-0"' in article and 'id="match-0"' in article


def test_lists_and_search(client: TestClient) -> None:
    assert SAKA in page(client, "/players")
    filtered = page(client, "/players?q=jesus")
    assert JESUS in filtered and f'href="/players/{quote(SAKA)}"' not in filtered
    assert "Arsenal" in page(client, "/teams")
    assert "story-5-jesus" in page(client, "/articles")
    found = page(client, "/search?q=jesus")
    assert f'href="/players/{quote(JESUS)}"' in found
    assert "Nothing found" in page(client, "/search?q=zzzz")


def test_every_extracted_string_is_escaped(client: TestClient) -> None:
    hostile_player = hostile().injuries[0].player
    for path in ("/", "/articles/story-hostile", f"/players/{quote(hostile_player, safe='')}", "/players", "/teams"):
        html = page(client, path)
        assert "<script>window" not in html, path
        assert "<b>FC</b>" not in html, path
        assert "<img" not in html, path
    article = page(client, "/articles/story-hostile")
    assert "&lt;script&gt;window.__sidelinedInjected" in article


def test_only_web_addresses_become_links(tmp_path_factory: pytest.TempPathFactory) -> None:
    extraction = story()[4]
    sneaky = extraction.article.model_copy(update={"url": "javascript:window.__sidelinedInjected=1"})
    url = f"sqlite:///{tmp_path_factory.mktemp('links') / 'store.db'}"
    fill(url, [extraction.model_copy(update={"article": sneaky})])
    with TestClient(create_app(url, today=lambda: AFTER_STORY)) as client:
        assert 'href="javascript' not in page(client, f"/articles/{sneaky.id}")
        refused = client.post("/api/articles", json={"text": "Some news.", "url": "javascript:alert(1)"})
        assert refused.status_code == 422


def test_pages_forbid_inline_scripts(client: TestClient) -> None:
    for path in ("/", "/articles/story-hostile", "/api/players", "/no/such/page"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"


def test_bad_page_requests_are_clear_html_errors(client: TestClient) -> None:
    missing = client.get("/players/No%20Such%20Player")
    assert missing.status_code == 404 and "unknown player" in missing.text
    bad_day = client.get("/teams/Arsenal?on=31-12-2025")
    assert bad_day.status_code == 400 and "YYYY-MM-DD" in bad_day.text
    assert client.get("/no/such/page").status_code == 404


def test_static_files_are_served(client: TestClient) -> None:
    assert "svg.timeline" in client.get("/static/style.css").text
    assert "addEventListener" in client.get("/static/app.js").text


# -- the chart, without a browser ------------------------------------------------------------------------


def _report(report_id: int, day: date, status: str = "out") -> SourcedReport:
    return SourcedReport(report_id=report_id, article_id=f"a{report_id}", reported_on=day, player="P", status=status)


def _episode(episode_id: int, start: date, end: date | None, reports: list[SourcedReport], **kw: object) -> EpisodeView:
    return EpisodeView(
        id=episode_id,
        player="P",
        injury="Knee injury",
        started_on=start,
        ended_on=end,
        until=end or start,
        status="available" if end else "out",
        reports=reports,
        **kw,  # type: ignore[arg-type]
    )


def test_chart_lays_out_bars_windows_points_and_ticks() -> None:
    estimates = [
        EstimateChange(
            reported_on=date(2025, 1, 2),
            earliest=date(2025, 2, 1),
            latest=date(2025, 2, 10),
            source="A",
            article_id="a1",
        ),
        EstimateChange(
            reported_on=date(2025, 1, 20),
            earliest=date(2025, 3, 1),
            latest=date(2025, 3, 5),
            source="B",
            article_id="a2",
        ),
    ]
    first = _episode(
        1,
        date(2025, 1, 1),
        date(2025, 3, 3),
        [_report(1, date(2025, 1, 2)), _report(2, date(2025, 1, 20))],
        estimates=estimates,
    )
    second = _episode(2, date(2025, 5, 1), None, [_report(3, date(2025, 5, 2), "doubtful")])
    fixtures = [
        Match(date=date(2025, 1, 15), teams=("X", "Y"), played=True),
        Match(date=date(2025, 4, 15), teams=("X", "Z"), played=True),
    ]
    chart = build_chart([second, first], fixtures, today=date(2025, 5, 10))
    assert [b.episode_id for b in chart.bars] == [1, 2]  # oldest first whatever the order given
    assert chart.bars[0].x < chart.bars[1].x and chart.bars[1].open_ended
    assert len(chart.windows) == 2
    older, newer = chart.windows
    assert older.y < newer.y and older.opacity < newer.opacity and newer.latest
    assert newer.x > older.x  # the estimate moved later
    assert [p.article_id for p in chart.points] == ["a1", "a2", "a3"]
    assert all(chart.bars[0].y <= p.y <= chart.bars[0].y + 16 for p in chart.points[:2])
    assert len(chart.ticks) == 2 and chart.today_x is not None
    assert all(b.x >= 0 and b.x + b.width <= chart.width for b in chart.bars)


def test_chart_marks_missed_fixtures() -> None:
    from sidelined.timeline.views import FixtureRef

    missed_day = date(2025, 1, 15)
    ep = _episode(
        1,
        date(2025, 1, 1),
        date(2025, 2, 1),
        [_report(1, date(2025, 1, 2))],
        fixtures_missed=[FixtureRef(date=missed_day, home="X", away="Y")],
    )
    chart = build_chart([ep], [Match(date=missed_day, teams=("X", "Y"), played=True)], today=date(2025, 3, 1))
    assert [t.missed for t in chart.ticks] == [True]


# -- article highlighting ---------------------------------------------------------------------------------


def test_overlapping_facts_share_a_segment() -> None:
    text = "Bukayo Saka is out"
    facts = [Fact("injury-0", "injury", "player", 0, 11), Fact("transfer-0", "transfer", "player", 7, 11)]
    segments = segment_text(text, facts)
    assert [s.text for s in segments] == ["Bukayo ", "Saka", " is out"]
    assert {f.anchor for f in segments[1].facts} == {"injury-0", "transfer-0"}
    assert segments[1].primary is not None and segments[1].primary.anchor == "transfer-0"


def test_spans_outside_the_text_are_ignored() -> None:
    segments = segment_text("short", [Fact("injury-0", "injury", "player", 3, 99), Fact("x-0", "x", "f", 4, 2)])
    assert segments == [segments[0]] and segments[0].text == "short" and not segments[0].facts


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8),
)
def test_segments_always_rebuild_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    facts = [Fact(f"injury-{i}", "injury", "player", a, b) for i, (a, b) in enumerate(spans)]
    segments = segment_text(text, facts)
    assert "".join(s.text for s in segments) == text
    for segment in segments:
        assert all(f.start < f.end for f in segment.facts)


def test_facts_are_anchored_per_record() -> None:
    from sidelined.models import Evidence

    facts = facts_of("match", [[Evidence(field="date", start=0, end=2)], [Evidence(field="score", start=3, end=4)]])
    assert [(f.anchor, f.field) for f in facts] == [("match-0", "date"), ("match-1", "score")]


def test_a_syndicated_copy_points_to_its_original(tmp_path_factory: pytest.TempPathFactory) -> None:
    original = story()[0]
    copy_article = original.article.model_copy(
        update={"id": "story-1-copy", "text": original.article.text + "\n\nThis story first appeared elsewhere."}
    )
    url = f"sqlite:///{tmp_path_factory.mktemp('copy') / 'store.db'}"
    fill(url, [original, original.model_copy(update={"article": copy_article})])
    with TestClient(create_app(url, today=lambda: AFTER_STORY)) as client:
        detail = client.get("/api/articles/story-1-copy").json()
        assert detail["copy_of"]["id"] == "story-1-surgery"
        assert detail["injuries"] == []
        html = page(client, "/articles/story-1-copy")
        assert 'id="copy-of"' in html and 'href="/articles/story-1-surgery"' in html
        assert client.get("/api/articles/story-1-surgery").json()["copy_of"] is None


days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def episodes(draw: st.DrawFn) -> EpisodeView:
    reports = [
        _report(i, draw(days), draw(st.sampled_from(["out", "doubtful", "available"])))
        for i in range(draw(st.integers(1, 4)))
    ]
    estimates = [
        EstimateChange(
            reported_on=draw(days),
            earliest=draw(st.none() | days),
            latest=draw(st.none() | days),
            source=None,
            article_id="a",
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    start = draw(st.none() | days)
    end = draw(st.none() | days)
    return EpisodeView(
        id=draw(st.integers(1, 99)),
        player="P",
        injury="Injury",
        started_on=start,
        ended_on=end,
        until=end or start,
        status="out",
        reports=reports,
        estimates=estimates,
    )


@given(st.lists(episodes(), max_size=4), days)
def test_chart_always_stays_inside_its_frame(drawn: list[EpisodeView], today: date) -> None:
    from sidelined.web.chart import LABEL_WIDTH

    chart = build_chart(drawn, [], today)
    assert len(chart.bars) == len(drawn)
    marks = [(b.x, b.width) for b in chart.bars] + [(w.x, w.width) for w in chart.windows]
    for x, width in marks:
        assert width > 0
        assert LABEL_WIDTH <= x <= chart.width
    assert all(LABEL_WIDTH <= p.x <= chart.width for p in chart.points)
    assert chart.height > chart.axis_y > 0


def test_long_lists_are_paged(tmp_path_factory: pytest.TempPathFactory) -> None:
    from sidelined.models import Article, Extraction
    from sidelined.web.pages import PAGE_SIZE

    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'store.db'}"
    notes = [
        Extraction(article=Article(id=f"note-{i:03d}", text=f"Club note number {i}.", published=date(2025, 1, 1)))
        for i in range(PAGE_SIZE + 2)
    ]
    fill(url, notes)
    with TestClient(create_app(url, today=lambda: AFTER_STORY)) as client:
        first = page(client, "/articles")
        assert first.count('href="/articles/note-') == PAGE_SIZE and "next →" in first and "← previous" not in first
        last = page(client, f"/articles?offset={PAGE_SIZE}")
        assert last.count('href="/articles/note-') == 2 and "← previous" in last and "next →" not in last
