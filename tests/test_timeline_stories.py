"""Episodes and answers on the written stories: a setback, conflicting reports, a syndicated copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidelined.models import Article, ExpectedReturn, Extraction, InjuryReport
from sidelined.store import Store
from sidelined.timeline import availability, changes, player_history, team_status

STORIES = Path(__file__).resolve().parents[1] / "src" / "sidelined" / "examples" / "stories"
D = date.fromisoformat


def story_extraction(story: str, stem: str, injuries: list[InjuryReport], outlet: str | None = None) -> Extraction:
    """A story article read from examples/stories, with the facts a perfect extractor would give."""
    path = STORIES / story / f"{stem}.txt"
    text = path.read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    assert first_line.startswith("date "), path
    article = Article(
        id=f"{story}/{stem}",
        text=text,
        outlet=outlet,
        published=D(first_line.split()[1]),
        published_source="line",
        origin=str(path),
    )
    return Extraction(article=article, injuries=injuries)


def window(earliest: str, latest: str) -> ExpectedReturn:
    return ExpectedReturn(earliest=D(earliest), latest=D(latest))


def odegaard(**facts: object) -> InjuryReport:
    return InjuryReport(player="Martin Odegaard", team="Arsenal", **facts)  # type: ignore[arg-type]


def odegaard_story() -> list[Extraction]:
    story = "odegaard-ankle-setback"
    ankle = {"body_part": "ankle", "side": "right"}
    return [
        story_extraction(
            story, "01-forced-off", [odegaard(**ankle, occurred_on=D("2025-09-13"), source="Mikel Arteta")]
        ),
        story_extraction(
            story,
            "02-scan",
            [
                odegaard(
                    **ankle,
                    diagnosis="sprain",
                    expected_return=window("2025-10-01", "2025-10-08"),
                    source="Arsenal",
                )
            ],
        ),
        story_extraction(
            story,
            "03-setback",
            [
                odegaard(
                    **ankle,
                    diagnosis="sprain",
                    occurred_on=D("2025-09-13"),
                    expected_return=window("2025-10-18", "2025-10-25"),
                    source="The Athletic",
                )
            ],
        ),
        story_extraction(
            story,
            "04-back-in-training",
            [odegaard(body_part="ankle", status="doubtful", source="Mikel Arteta")],
        ),
        story_extraction(story, "05-returns", [odegaard(body_part="ankle", status="available")]),
        story_extraction(story, "06-illness", [odegaard(diagnosis="illness", status="doubtful", source="Arsenal")]),
    ]


def pedri(**facts: object) -> InjuryReport:
    return InjuryReport(player="Pedri", team="Barcelona", body_part="thigh", **facts)  # type: ignore[arg-type]


def pedri_story() -> list[Extraction]:
    story = "pedri-conflicting-reports"
    return [
        story_extraction(
            story,
            "01-thigh-discomfort",
            [
                pedri(
                    side="left",
                    occurred_on=D("2026-01-18"),
                    expected_return=window("2026-02-10", "2026-02-10"),
                    source="Mundo Deportivo",
                )
            ],
            outlet="Mundo Deportivo",
        ),
        story_extraction(story, "02-sport-available", [pedri(status="available", source="Sport")], outlet="Sport"),
        story_extraction(
            story,
            "03-marca-still-out",
            [pedri(side="left", expected_return=window("2026-02-15", "2026-02-15"), source="Marca")],
            outlet="Marca",
        ),
        story_extraction(story, "04-plays", [pedri(status="available")]),
    ]


def mbappe(**facts: object) -> InjuryReport:
    return InjuryReport(player="Kylian Mbappe", team="Real Madrid", body_part="knee", side="left", **facts)  # type: ignore[arg-type]


def mbappe_story() -> list[Extraction]:
    story = "mbappe-syndicated-knee"
    wire = [
        mbappe(
            diagnosis="sprain",
            occurred_on=D("2026-03-31"),
            expected_return=window("2026-04-16", "2026-04-16"),
            source="Real Madrid",
        )
    ]
    return [
        story_extraction(story, "01-wire", wire, outlet="Wire"),
        story_extraction(story, "02-wire-copy", wire, outlet="Daily Sport"),
        story_extraction(story, "03-back-in-training", [mbappe(status="available")]),
    ]


def rodri(**facts: object) -> InjuryReport:
    return InjuryReport(player="Rodri", team="Manchester City", body_part="knee", **facts)  # type: ignore[arg-type]


def rodri_story() -> list[Extraction]:
    story = "rodri-long-layoff"
    season_end = window("2026-05-31", "2026-05-31")
    return [
        story_extraction(
            story,
            "01-knee-ligament",
            [
                rodri(
                    side="right",
                    diagnosis="ligament",
                    occurred_on=D("2025-09-21"),
                    expected_return=season_end,
                    source="Manchester City",
                )
            ],
        ),
        story_extraction(
            story,
            "02-ahead-of-schedule",
            [rodri(expected_return=window("2026-04-01", "2026-04-30"), source="Pep Guardiola")],
        ),
        story_extraction(story, "03-back-in-training", [rodri(status="doubtful", source="Pep Guardiola")]),
        story_extraction(story, "04-comeback", [rodri(side="right", diagnosis="ligament", status="available")]),
    ]


def all_stories() -> list[Extraction]:
    return odegaard_story() + pedri_story() + mbappe_story() + rodri_story()


@pytest.fixture
def store() -> Store:
    opened = Store("sqlite://")
    for extraction in all_stories():
        opened.ingest(extraction)
    yield opened  # type: ignore[misc]
    opened.close()


def test_every_story_article_starts_with_a_date_line() -> None:
    files = sorted(STORIES.glob("*/*.txt"))
    assert len(files) >= 15
    for path in files:
        assert D(path.read_text(encoding="utf-8").splitlines()[0].removeprefix("date "))


def test_setback_stays_in_one_episode_and_a_new_problem_opens_another(store: Store) -> None:
    history = player_history(store, "Martin Odegaard", as_of=D("2025-12-05"))
    ankle, illness = history.episodes
    assert (ankle.started_on, ankle.ended_on, ankle.days_out) == (D("2025-09-13"), D("2025-10-19"), 36)
    assert ankle.injury == "Right ankle sprain" and ankle.until_kind == "return"
    assert [(e.reported_on, e.earliest, e.latest, e.source) for e in ankle.estimates] == [
        (D("2025-09-17"), D("2025-10-01"), D("2025-10-08"), "Arsenal"),
        (D("2025-10-02"), D("2025-10-18"), D("2025-10-25"), "The Athletic"),
    ]
    assert len(ankle.reports) == 5
    assert illness.diagnosis == "illness" and illness.ended_on is None and illness.status == "doubtful"
    assert history.current.status == "doubtful"


def test_history_as_of_a_past_day_sees_only_what_was_published(store: Store) -> None:
    history = player_history(store, "Odegaard", as_of=D("2025-09-20"))
    (only,) = history.episodes
    assert only.ended_on is None and only.until_kind == "ongoing" and only.until == D("2025-09-20")
    assert [e.latest for e in only.estimates] == [D("2025-10-08")]
    assert history.current.status == "out"


@pytest.mark.parametrize(
    ("day", "status"),
    [("2025-09-20", "out"), ("2025-10-10", "out"), ("2025-10-17", "doubtful"), ("2025-10-20", "available")],
)
def test_availability_follows_the_story(store: Store, day: str, status: str) -> None:
    answer = availability(store, "Martin Odegaard", D(day))
    assert answer.status == status
    assert answer.deciding and all(r.reported_on and r.reported_on <= D(day) for r in answer.deciding)
    assert answer.age_days == (D(day) - answer.deciding[0].reported_on).days  # type: ignore[operator]


def test_estimate_window_projects_out_then_doubtful_then_unknown(store: Store) -> None:
    assert availability(store, "Martin Odegaard", D("2025-10-05")).status == "out"
    inside = availability(store, "Mbappe", D("2026-04-03"))
    assert inside.status == "out" and inside.expected_latest == D("2026-04-16")


def test_changes_list_new_injury_estimates_status_and_return(store: Store) -> None:
    found = [c for c in changes(store, D("2025-09-01"), until=D("2025-12-31")) if c.player == "Martin Odegaard"]
    assert [(c.day, c.kind) for c in found] == [
        (D("2025-09-14"), "new injury"),
        (D("2025-09-17"), "estimate"),
        (D("2025-10-02"), "estimate"),
        (D("2025-10-16"), "status"),
        (D("2025-10-19"), "return"),
        (D("2025-12-03"), "new injury"),
    ]
    assert found[2].report.source == "The Athletic" and "2025-10-18" in found[2].detail
    assert found[2].detail.endswith("(pushed back)")


def test_conflicting_sources_on_one_day_are_both_shown_and_flagged(store: Store) -> None:
    answer = availability(store, "Pedri", D("2026-02-06"))
    assert answer.conflict and answer.status == "doubtful"
    assert {r.outlet for r in answer.deciding} == {"Sport", "Marca"}
    later = availability(store, "Pedri", D("2026-02-10"))
    assert later.status == "available" and not later.conflict
    (episode,) = player_history(store, "Pedri", as_of=D("2026-02-10")).episodes
    assert episode.started_on == D("2026-01-18") and episode.ended_on == D("2026-02-05")
    assert episode.conflict_days == [D("2026-02-05")]
    flagged = [c for c in changes(store, D("2026-02-01"), until=D("2026-02-28")) if c.player == "Pedri" and c.conflict]
    assert flagged


def test_team_status_lists_who_is_out_with_since_and_expected_back(store: Store) -> None:
    early = team_status(store, "barcelona", as_of=D("2026-01-25"))
    (entry,) = early.players
    assert (entry.player, entry.status, entry.since) == ("Pedri", "out", D("2026-01-18"))
    assert (entry.expected_earliest, entry.expected_latest) == (D("2026-02-10"), D("2026-02-10"))
    assert entry.sources[0].outlet == "Mundo Deportivo" and not entry.stale
    assert team_status(store, "Barcelona", as_of=D("2026-02-20")).players == []


def test_stale_status_is_marked(store: Store) -> None:
    old = availability(store, "Pedri", D("2026-01-20").replace(day=31), stale_after=5)
    assert old.status == "out" and old.stale and old.age_days == 11


def test_syndicated_copy_is_credited_but_not_counted_twice(store: Store) -> None:
    (episode,) = player_history(store, "Kylian Mbappe", as_of=D("2026-04-20")).episodes
    assert len(episode.reports) == 2
    assert episode.reports[0].copies == ["mbappe-syndicated-knee/02-wire-copy"]
    assert (episode.started_on, episode.ended_on) == (D("2026-03-31"), D("2026-04-14"))


def test_a_long_layoff_stays_one_episode_through_months_of_silence(store: Store) -> None:
    (episode,) = player_history(store, "Rodri", as_of=D("2026-05-01")).episodes
    assert (episode.started_on, episode.ended_on, episode.days_out) == (D("2025-09-21"), D("2026-04-20"), 211)
    assert episode.injury == "Right knee ligament injury" and len(episode.reports) == 4
    moved = [c for c in changes(store, D("2026-01-01"), until=D("2026-01-31")) if c.player == "Rodri"]
    assert [(c.kind, c.report.source) for c in moved] == [("estimate", "Pep Guardiola")]
    assert "2026-05-31" in moved[0].detail and "2026-04-01" in moved[0].detail
    assert moved[0].detail.endswith("(brought forward)")


def test_old_news_is_marked_stale_but_the_estimate_still_reasons(store: Store) -> None:
    winter = availability(store, "Rodri", D("2025-12-01"))
    assert (winter.status, winter.stale, winter.age_days) == ("out", True, 68)
    assert winter.expected_latest == D("2026-05-31")
    city = team_status(store, "Manchester City", as_of=D("2025-12-01"))
    assert [(p.player, p.status, p.stale) for p in city.players] == [("Rodri", "out", True)]
    spring = availability(store, "Rodri", D("2026-04-05"))
    assert (spring.status, spring.stale) == ("doubtful", True)


def _picture(store: Store) -> list[tuple[str, date | None, date | None, int]]:
    players = ("Martin Odegaard", "Pedri", "Kylian Mbappe", "Rodri")
    return [
        (e.player, e.started_on, e.ended_on, len(e.reports))
        for name in players
        for e in player_history(store, name, as_of=D("2026-06-01")).episodes
    ]


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(17)))
def test_episodes_do_not_depend_on_ingestion_order(order: list[int], store: Store) -> None:
    extractions = all_stories()
    with Store("sqlite://") as shuffled:
        for index in order:
            shuffled.ingest(extractions[index])
        assert _picture(shuffled) == _picture(store)
