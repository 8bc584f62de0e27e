"""The episode linker on its own: same problem, back-references, new problems, returns, silence."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sidelined.timeline.claims import games_claims
from sidelined.timeline.episodes import injury_label, season_of
from sidelined.timeline.linking import ReportFacts, body_parts_compatible, link_reports

D = date.fromisoformat


def report(rid: int, day: str, status: str = "out", **facts: object) -> ReportFacts:
    return ReportFacts(report_id=rid, reported_on=D(day), article_id=f"a{rid}", status=status, **facts)  # type: ignore[arg-type]


def groups(reports: list[ReportFacts]) -> list[list[int]]:
    return [e.report_ids for e in link_reports(reports)]


def test_compatible_reports_join_and_a_return_closes() -> None:
    episodes = link_reports(
        [
            report(1, "2026-01-01", body_part="hamstring", occurred_on=D("2025-12-31")),
            report(2, "2026-01-05", body_part="muscle", expected_latest=D("2026-01-20")),
            report(3, "2026-01-21", status="available"),
        ]
    )
    (episode,) = episodes
    assert episode.report_ids == [1, 2, 3]
    assert (episode.started_on, episode.ended_on, episode.body_part) == (
        D("2025-12-31"),
        D("2026-01-21"),
        "hamstring",
    )


def test_a_later_precise_diagnosis_wins_but_a_treatment_does_not_replace_it() -> None:
    (episode,) = link_reports(
        [
            report(1, "2026-01-01", body_part="knee", diagnosis="knock"),
            report(2, "2026-01-03", body_part="knee", diagnosis="ligament"),
            report(3, "2026-01-06", body_part="knee", diagnosis="surgery"),
        ]
    )
    assert episode.diagnosis == "ligament"


def test_a_different_problem_opens_a_new_episode() -> None:
    assert groups([report(1, "2026-01-01", body_part="knee"), report(2, "2026-01-03", body_part="shoulder")]) == [
        [1],
        [2],
    ]
    assert groups([report(1, "2026-01-01", body_part="knee"), report(2, "2026-01-03", diagnosis="illness")]) == [
        [1],
        [2],
    ]
    assert groups([report(1, "2026-01-01", side="left"), report(2, "2026-01-03", side="right")]) == [[1], [2]]


def test_out_after_a_return_is_a_new_episode_unless_it_refers_back() -> None:
    base = [
        report(1, "2026-01-01", body_part="calf", occurred_on=D("2025-12-30")),
        report(2, "2026-01-20", "available"),
    ]
    assert groups([*base, report(3, "2026-02-10", body_part="calf")]) == [[1, 2], [3]]
    back = report(3, "2026-01-25", body_part="calf", occurred_on=D("2025-12-30"))
    episodes = link_reports([*base, back])
    assert [e.report_ids for e in episodes] == [[1, 2, 3]] and episodes[0].ended_on is None


def test_long_silence_or_a_fresh_incident_starts_over() -> None:
    first = report(1, "2025-05-02", "doubtful", body_part="muscle")
    assert groups([first, report(2, "2026-02-01", body_part="hamstring")]) == [[1], [2]]
    fresh = report(2, "2025-06-20", body_part="muscle", occurred_on=D("2025-06-19"))
    assert groups([report(1, "2025-05-02", body_part="muscle"), fresh]) == [[1], [2]]


def test_a_setback_during_recovery_stays_in_the_episode() -> None:
    setback = report(2, "2026-01-20", body_part="ankle", occurred_on=D("2026-01-18"), expected_latest=D("2026-02-20"))
    episodes = link_reports([report(1, "2026-01-02", body_part="ankle", occurred_on=D("2026-01-01")), setback])
    assert [e.report_ids for e in episodes] == [[1, 2]] and episodes[0].started_on == D("2026-01-01")
    # Five weeks on, still out with no return reported: a later injury day is read as an aggravation.
    later = report(2, "2026-03-07", body_part="hamstring", occurred_on=D("2026-03-04"))
    assert groups([report(1, "2026-02-01", body_part="hamstring", occurred_on=D("2026-02-01")), later]) == [[1, 2]]
    # Well past the expected window he was presumably back, so it is a new incident.
    estimated = report(1, "2026-02-01", body_part="hamstring", expected_latest=D("2026-02-10"))
    assert groups([estimated, later]) == [[1], [2]]
    # A week past it, the recovery has merely overrun.
    overrun = report(2, "2026-02-18", "doubtful", body_part="hamstring", occurred_on=D("2026-02-17"))
    assert groups([estimated, overrun]) == [[1, 2]]


@given(st.permutations(range(6)))
def test_linking_does_not_depend_on_input_order(order: list[int]) -> None:
    start = D("2026-01-01")
    reports = [
        report(i, (start + timedelta(days=7 * i)).isoformat(), status, body_part=part)
        for i, (status, part) in enumerate(
            [
                ("out", "knee"),
                ("out", None),
                ("available", None),
                ("out", "ankle"),
                ("doubtful", "ankle"),
                ("available", None),
            ]
        )
    ]
    assert groups([reports[i] for i in order]) == [[0, 1, 2], [3, 4, 5]]


def test_body_part_compatibility_is_symmetric() -> None:
    parts = ["muscle", "hamstring", "calf", "thigh", "knee", "ankle", "foot", None]
    for a in parts:
        for b in parts:
            assert body_parts_compatible(a, b) == body_parts_compatible(b, a)
    assert body_parts_compatible("muscle", "hamstring") and not body_parts_compatible("knee", "hamstring")


def test_labels_and_seasons() -> None:
    assert injury_label("hamstring", "left", None) == "Left hamstring injury"
    assert injury_label("muscle", None, "muscular") == "Muscular problem"
    assert injury_label("knee", None, "ligament") == "Knee ligament injury"
    assert injury_label(None, None, "illness") == "Illness"
    assert season_of(D("2025-08-01")) == "25/26" and season_of(D("2026-05-30")) == "25/26"


def test_games_claims_read_counts_near_the_players_name() -> None:
    text = (
        "It was the club's seventh consecutive game without Bellingham's services. "
        "Another player has missed three matches. Smith sat out the last 4 games."
    )
    assert [c.games for c in games_claims(text, "Jude Bellingham", "x", None)] == [7]
    assert [c.games for c in games_claims(text, "Adam Smith", "x", None)] == [4]
    kept = "Mbappe is back, twelve days after the sprain that kept him out of three matches."
    assert [c.games for c in games_claims(kept, "Kylian Mbappe", "x", None)] == [3]
