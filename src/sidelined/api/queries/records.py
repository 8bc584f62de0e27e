"""Articles, matches and transfers as stored, search across them, and ingesting a posted article."""

from __future__ import annotations

from datetime import date
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from sidelined.api import rows
from sidelined.api.links import article_url, player_url, team_url
from sidelined.api.queries.loading import page
from sidelined.api.queries.people import list_players
from sidelined.api.schemas import ArticleDetail, ArticleIn, ArticleRef, ArticleSummary, IngestResponse, Page, SearchHit
from sidelined.errors import ExtractionFailed, InputError
from sidelined.models import Match, Transfer
from sidelined.store import Store
from sidelined.store.schema import ArticleRow, EntityRow, EpisodeRow, InjuryReportRow, MatchRow, TransferRow

CLOSE_SPELLING = 85  # rapidfuzz ratio (0-100) from which a word counts as a close spelling


def _fact_counts(session: Session, model: Any, ids: list[str]) -> dict[str, int]:
    statement = select(model.article_id, func.count()).where(model.article_id.in_(ids)).group_by(model.article_id)
    return {article_id: count for article_id, count in session.execute(statement)}


def list_articles(
    store: Store,
    q: str | None,
    outlet: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
) -> Page[ArticleSummary]:
    statement = select(*rows.ARTICLE_REF_COLUMNS).order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id)
    if q:
        needle = q.lower()
        statement = statement.where(
            or_(
                func.lower(ArticleRow.title).contains(needle, autoescape=True),
                func.lower(ArticleRow.id).contains(needle, autoescape=True),
            )
        )
    if outlet:
        statement = statement.where(func.lower(ArticleRow.outlet) == outlet.lower())
    if since:
        statement = statement.where(ArticleRow.published >= since)
    if until:
        statement = statement.where(ArticleRow.published <= until)
    with store.session() as session:
        found, total = page(session, statement, limit, offset)
        ids = [row.id for row in found]
        counts = {
            kind: _fact_counts(session, model, ids)
            for kind, model in (
                ("injuries", InjuryReportRow),
                ("matches", MatchRow),
                ("transfers", TransferRow),
            )
        }
    items = [
        ArticleSummary(
            **rows.article_ref(row).model_dump(),
            injuries=counts["injuries"].get(row.id, 0),
            matches=counts["matches"].get(row.id, 0),
            transfers=counts["transfers"].get(row.id, 0),
        )
        for row in found
    ]
    return Page[ArticleSummary](items=items, total=total, limit=limit, offset=offset)


def article_detail(store: Store, article_id: str) -> ArticleDetail | None:
    team = aliased(EntityRow)
    player = aliased(EntityRow)
    with store.session() as session:
        article = session.get(ArticleRow, article_id)
        if article is None:
            return None
        injuries = session.execute(
            select(InjuryReportRow, player.name, team.name)
            .join(player, player.id == InjuryReportRow.player_id)
            .outerjoin(team, team.id == InjuryReportRow.team_id)
            .where(InjuryReportRow.article_id == article_id)
            .order_by(InjuryReportRow.position)
        ).all()
        matches = session.scalars(select(MatchRow).where(MatchRow.article_id == article_id).order_by(MatchRow.id))
        transfers = session.execute(
            select(TransferRow, player.name)
            .join(player, player.id == TransferRow.player_id)
            .where(TransferRow.article_id == article_id)
            .order_by(TransferRow.id)
        ).all()
        return ArticleDetail(
            article=rows.article_ref(article),
            text=article.text,
            injuries=[rows.injury(row, name, team_name) for row, name, team_name in injuries],
            matches=[rows.match(row) for row in matches],
            transfers=[rows.transfer(row, name) for row, name in transfers],
            copy_of=_original(session, article),
        )


def _original(session: Session, article: ArticleRow) -> ArticleRef | None:
    if article.near_duplicate_of is None:
        return None
    original = session.get(ArticleRow, article.near_duplicate_of)
    return rows.article_ref(original) if original is not None else None


def list_matches(
    store: Store, team: str | None, since: date | None, until: date | None, played: bool | None
) -> list[Match]:
    statement = select(MatchRow)
    if team:
        name = team.lower()
        statement = statement.where(or_(func.lower(MatchRow.team1) == name, func.lower(MatchRow.team2) == name))
    if since:
        statement = statement.where(MatchRow.date >= since)
    if until:
        statement = statement.where(MatchRow.date <= until)
    if played is not None:
        statement = statement.where(MatchRow.played.is_(played))
    with store.session() as session:
        return rows.dedupe_matches([rows.match(row) for row in session.scalars(statement)])


def list_transfers(
    store: Store, player: str | None, team: str | None, status: str | None, limit: int, offset: int
) -> Page[Transfer]:
    player_entity = aliased(EntityRow)
    statement = (
        select(TransferRow, player_entity.name)
        .join(player_entity, player_entity.id == TransferRow.player_id)
        .join(ArticleRow, ArticleRow.id == TransferRow.article_id)
        .order_by(ArticleRow.published.desc().nulls_last(), TransferRow.id)
    )
    if player:
        statement = statement.where(func.lower(player_entity.name) == player.lower())
    if team:
        name = team.lower()
        statement = statement.where(
            or_(func.lower(TransferRow.from_team) == name, func.lower(TransferRow.to_team) == name)
        )
    if status:
        statement = statement.where(TransferRow.status == status)
    with store.session() as session:
        found, total = page(session, statement, limit, offset)
    items = [rows.transfer(row, name) for row, name in found]
    return Page[Transfer](items=items, total=total, limit=limit, offset=offset)


def _closeness(q: str, name: str) -> float:
    """How close `q` is to the whole name or to one of its words ("odegard" ~ "Martin Odegaard")."""
    wanted = default_process(q)
    return max(fuzz.ratio(wanted, default_process(part)) for part in [name, *name.split()])


def _close_players(store: Store, q: str, limit: int) -> list[SearchHit]:
    """Players whose name is spelled close to `q`, for when no name contains it."""
    with store.session() as session:
        names = session.scalars(select(EntityRow.name).where(EntityRow.id.in_(select(InjuryReportRow.player_id))))
        scored = sorted(((_closeness(q, name), name) for name in names), reverse=True)
    return [
        SearchHit(kind="player", label=name, detail="close spelling", url=player_url(name))
        for score, name in scored[:limit]
        if score >= CLOSE_SPELLING
    ]


def search(store: Store, q: str, limit: int) -> list[SearchHit]:
    """Players, teams and articles whose name or title contains `q`; close spellings of players if none does."""
    players = list_players(store, q, None, limit, 0).items
    with store.session() as session:
        teams = session.scalars(
            select(EntityRow.name)
            .where(EntityRow.kind == "team", func.lower(EntityRow.name).contains(q.lower(), autoescape=True))
            .order_by(EntityRow.name)
            .limit(limit)
        ).all()
    articles = list_articles(store, q, None, None, None, limit, 0).items
    hits = [SearchHit(kind="player", label=p.name, detail=p.team, url=player_url(p.name)) for p in players]
    hits += [SearchHit(kind="team", label=t, url=team_url(t)) for t in teams]
    hits += [SearchHit(kind="article", label=a.title or a.id, detail=a.outlet, url=article_url(a.id)) for a in articles]
    return hits or _close_players(store, q, limit)


def counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {
            "articles": session.scalar(select(func.count()).select_from(ArticleRow)) or 0,
            "players": session.scalar(select(func.count(func.distinct(InjuryReportRow.player_id)))) or 0,
            "episodes": session.scalar(select(func.count()).select_from(EpisodeRow)) or 0,
        }


def newest_article_day(store: Store) -> date | None:
    with store.session() as session:
        return session.scalar(select(func.max(ArticleRow.published)))


def ingest_article(store: Store, payload: ArticleIn, article_id: str) -> IngestResponse:
    """Extract one posted article and keep it; InputError subclasses propagate for a 4xx."""
    from sidelined.ingest import read_article_text
    from sidelined.pipeline import extract_article

    article = read_article_text(payload.text, id=article_id, origin="api")
    updates = {k: v for k, v in (("title", payload.title), ("url", payload.url), ("outlet", payload.outlet)) if v}
    if updates:
        article = article.model_copy(update=updates)
    try:
        extraction = extract_article(article, published=payload.published)
    except InputError:
        raise
    except Exception as error:  # a bug in a stage fails this article with a 422, as in a batch, not the server
        raise ExtractionFailed(article.id, f"extraction failed: {type(error).__name__}: {error}") from error
    result = store.ingest(extraction)
    return IngestResponse(
        article_id=result.article_id,
        created=result.status != "duplicate",
        injuries=result.injuries,
        matches=result.matches,
        transfers=result.transfers,
        url=article_url(result.article_id),
    )
