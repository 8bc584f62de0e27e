"""Turn a player's reports into episode views: estimates, days out, fixtures missed, claimed games."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from sidelined.models import EstimateChange
from sidelined.store.schema import ArticleRow, InjuryReportRow
from sidelined.timeline.claims import games_claims
from sidelined.timeline.conflicts import conflict_days
from sidelined.timeline.fixtures import ArticleMatches, FixtureOrigin, fixtures_between
from sidelined.timeline.linking import EpisodeDraft, link_reports
from sidelined.timeline.reading import PlayerFilter, as_facts, reports_by_player, stored_episode_groups
from sidelined.timeline.views import EpisodeView, FixtureRef, GamesClaim, SourcedReport, UntilKind

DEFAULT_STALE_DAYS = 14

DIAGNOSIS_WORDS = {
    "ligament": "ligament injury",
    "tendon": "tendon injury",
    "muscular": "muscular problem",
    "personal": "personal reasons",
}


def injury_label(body_part: str | None, side: str | None, diagnosis: str | None) -> str:
    """A Transfermarkt-style name for the problem: "left hamstring injury", "muscular problem"."""
    words = [side] if side and body_part else []
    if body_part and not (body_part == "muscle" and diagnosis):
        words.append(body_part)
    words.append(DIAGNOSIS_WORDS.get(diagnosis, diagnosis) if diagnosis else "injury")
    label = " ".join(w for w in words if w)
    return label[0].upper() + label[1:]


def season_of(day: date | None) -> str | None:
    if day is None:
        return None
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first % 100:02d}/{(first + 1) % 100:02d}"


def estimates_of(reports: list[SourcedReport]) -> list[EstimateChange]:
    return [
        EstimateChange(
            reported_on=r.reported_on,
            earliest=r.expected_earliest,
            latest=r.expected_latest,
            source=r.source or r.outlet,
            article_id=r.article_id,
        )
        for r in reports
        # A report of fitness closes the question; a window it carries is not an estimate of a return.
        if r.has_expected_return and r.reported_on is not None and r.status != "available"
    ]


def _until(
    draft: EpisodeDraft, reports: list[SourcedReport], as_of: date, stale_after: int
) -> tuple[date | None, UntilKind]:
    """Where the episode's span ends: the return, today while news is fresh, else the estimate or last news."""
    if draft.ended_on is not None:
        return draft.ended_on, "return"
    last_day = max((r.reported_on for r in reports if r.reported_on), default=None)
    if last_day is None:
        return None, "unknown"
    if (as_of - last_day).days <= stale_after:
        return as_of, "ongoing"
    expected = [e.latest or e.earliest for e in estimates_of(reports) if e.latest or e.earliest]
    if expected and expected[-1] is not None:
        return (expected[-1], "expected") if expected[-1] <= as_of else (as_of, "ongoing")
    return last_day, "last report"


@dataclass
class EpisodeSources:
    """What an episode's details (fixtures missed, the articles' own counts) are read from, for many players at once."""

    texts: dict[str, str]
    matches: ArticleMatches

    @classmethod
    def load(
        cls, session: Session, articles: Select[str] | Sequence[str], reports: list[SourcedReport], as_of: date
    ) -> EpisodeSources:
        """The texts of the articles (one query) and the reports' teams' matches up to `as_of` (one, if needed)."""
        rows = session.execute(
            select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(articles), ArticleRow.published <= as_of)
        )
        texts = {article_id: text for article_id, text in rows}
        days = [d for r in reports for d in (r.reported_on, r.occurred_on) if d is not None]
        matches = ArticleMatches(session, {r.team for r in reports}, min(days, default=as_of), as_of)
        return cls(texts=texts, matches=matches)

    def claims(self, player: str, reports: list[SourcedReport]) -> list[GamesClaim]:
        """The counts of games the player has missed that the reports' articles give, article by article."""
        ids = sorted({r.article_id for r in reports})
        days = {r.article_id: r.reported_on for r in reports}
        return [claim for i in ids for claim in games_claims(self.texts.get(i, ""), player, i, days[i])]


def build_episode(
    draft: EpisodeDraft,
    reports: list[SourcedReport],
    as_of: date,
    stale_after: int = DEFAULT_STALE_DAYS,
    episode_id: int | None = None,
    sources: EpisodeSources | None = None,
) -> EpisodeView:
    """The episode's view; without `sources` the fixture count and the articles' claims are skipped (for lists)."""
    until, until_kind = _until(draft, reports, as_of, stale_after)
    start = draft.started_on
    view = EpisodeView(
        id=episode_id,
        player=reports[0].player,
        team=draft.team,
        injury=injury_label(draft.body_part, draft.side, draft.diagnosis),
        body_part=draft.body_part,
        side=draft.side,
        diagnosis=draft.diagnosis,
        season=season_of(start or draft.first_day),
        started_on=start,
        ended_on=draft.ended_on,
        until=until,
        until_kind=until_kind,
        days_out=(until - start).days if start is not None and until is not None else None,
        status=draft.status,
        estimates=estimates_of(reports),
        conflict_days=conflict_days(reports),
        reports=reports,
    )
    return with_sources(view, sources) if sources is not None else view


def with_sources(episode: EpisodeView, sources: EpisodeSources) -> EpisodeView:
    """The episode with its details: the team's fixtures over its span, and its articles' counts of games missed."""
    fixtures: list[FixtureRef] = []
    origin: FixtureOrigin = "none"
    start, until = episode.started_on, episode.until
    if start is not None and until is not None:
        before = until + timedelta(days=1) if episode.until_kind == "ongoing" else until
        fixtures, origin = fixtures_between(sources.matches, episode.team, start, before)
    claims = sources.claims(episode.player, episode.reports)
    return episode.model_copy(update={"fixtures_missed": fixtures, "fixtures_from": origin, "games_claimed": claims})


def with_details(session: Session, episodes: list[EpisodeView], as_of: date) -> list[EpisodeView]:
    """Episodes built without details (as known on `as_of`), with them: for one page of a long list."""
    reports = [r for episode in episodes for r in episode.reports]
    sources = EpisodeSources.load(session, sorted({r.article_id for r in reports}), reports, as_of)
    return [with_sources(episode, sources) for episode in episodes]


def _views(
    reports: list[SourcedReport],
    stored: list[tuple[int, list[int]]],
    as_of: date,
    stale_after: int,
    sources: EpisodeSources | None,
) -> list[EpisodeView]:
    """One player's episodes from his reports; each keeps the id of the stored episode with the same reports."""
    by_id = {r.report_id: r for r in reports}
    stored_ids = {frozenset(ids): episode_id for episode_id, ids in stored}
    return [
        build_episode(
            draft,
            [by_id[i] for i in draft.report_ids],
            as_of,
            stale_after,
            stored_ids.get(frozenset(draft.report_ids)),
            sources,
        )
        for draft in link_reports([as_facts(r) for r in reports])
    ]


def episodes_by_player(
    session: Session,
    as_of: date,
    players: PlayerFilter = None,
    stale_after: int = DEFAULT_STALE_DAYS,
    details: bool = True,
) -> dict[int, list[EpisodeView]]:
    """Each player's episodes as known on `as_of` (reports published later are not seen), by player id.

    A few queries whatever the number of players; a player with no report by then is left out.
    `details=False` skips the fixture counts and the articles' claims (for lists that show neither).
    """
    reports = reports_by_player(session, players, as_of=as_of)
    if not reports:
        return {}
    stored = stored_episode_groups(session, players)
    everyone = [r for group in reports.values() for r in group]
    sources = EpisodeSources.load(session, _articles_of(players), everyone, as_of) if details else None
    return {
        player_id: _views(group, stored.get(player_id, []), as_of, stale_after, sources)
        for player_id, group in reports.items()
    }


def _articles_of(players: PlayerFilter) -> Select[str]:
    articles = select(InjuryReportRow.article_id)
    return articles if players is None else articles.where(InjuryReportRow.player_id.in_(players))


def player_episodes(
    session: Session, player_id: int, as_of: date, stale_after: int = DEFAULT_STALE_DAYS, details: bool = True
) -> list[EpisodeView]:
    """The player's episodes as known on `as_of` (reports published later are not seen)."""
    return episodes_by_player(session, as_of, [player_id], stale_after, details).get(player_id, [])
