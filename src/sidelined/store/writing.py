"""Writing one extraction into the store: articles, entities, facts, provenance.

Every function here runs inside the caller's transaction, so an article is
either stored whole or not at all.  Inserts that may collide use the
dialect's INSERT ... ON CONFLICT DO NOTHING (SQLite and PostgreSQL), never a
check-then-insert.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sidelined.models import Article, Evidence, Extraction, InjuryReport, Match, Transfer
from sidelined.store.schema import (
    ArticleRow,
    EntityRow,
    InjuryReportRow,
    MatchRow,
    ProvenanceRow,
    TransferRow,
)


def insert_ignoring_conflicts(session: Session, table: Table, values: dict[str, Any], keys: list[str]) -> bool:
    """INSERT the row unless it collides on `keys`; True when it was inserted."""
    dialect = session.get_bind().dialect.name
    statement: sqlite.Insert | postgresql.Insert
    if dialect == "postgresql":
        statement = postgresql.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
    elif dialect == "sqlite":
        statement = sqlite.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
    else:
        raise NotImplementedError(f"the store supports SQLite and PostgreSQL, not {dialect}")
    # RETURNING gives a row only when the insert happened (rowcount is not reliable across drivers).
    inserted = session.execute(statement.returning(*(table.c[key] for key in keys))).first()
    return inserted is not None


def free_article_id(session: Session, article: Article) -> str:
    """The article's own id, or that id with a hash suffix when another text already uses it."""
    taken = session.scalar(select(ArticleRow.content_hash).where(ArticleRow.id == article.id))
    if taken is None or taken == article.content_hash:
        return article.id
    return f"{article.id}-{article.content_hash[:10]}"


def insert_article(session: Session, article: Article, article_id: str, near_duplicate_of: str | None) -> bool:
    """Insert the article row; False when an article with the same content is already stored."""
    values = {
        "id": article_id,
        "content_hash": article.content_hash,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "published_source": article.published_source,
        "text": article.text,
        "origin": article.origin,
        "ingested_at": datetime.now(UTC),
        "near_duplicate_of": near_duplicate_of,
    }
    table = ArticleRow.__table__
    assert isinstance(table, Table)
    return insert_ignoring_conflicts(session, table, values, ["content_hash"])


def entity_id(session: Session, kind: str, name: str, kb_id: str | None = None) -> int:
    table = EntityRow.__table__
    assert isinstance(table, Table)
    insert_ignoring_conflicts(session, table, {"kind": kind, "name": name, "kb_id": kb_id}, ["kind", "name"])
    row = session.execute(select(EntityRow).where(EntityRow.kind == kind, EntityRow.name == name)).scalar_one()
    if kb_id is not None and row.kb_id is None:
        row.kb_id = kb_id
    return row.id


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [item.model_dump() for item in items]


def _kb_ids(extraction: Extraction) -> dict[tuple[str, str], str]:
    """Knowledge-base ids the entity stage gave, keyed by (kind, canonical name)."""
    ids: dict[tuple[str, str], str] = {}
    for mention in extraction.mentions:
        if mention.entity_id is None:
            continue
        kind = "player" if mention.kind == "player" else "team"
        ids.setdefault((kind, mention.name), mention.entity_id)
    return ids


def _provenance(
    session: Session, kind: str, fact_id: int, article: Article, article_id: str, source: str | None
) -> None:
    session.add(
        ProvenanceRow(fact_kind=kind, fact_id=fact_id, article_id=article_id, outlet=article.outlet, source=source)
    )


def _injury_row(
    session: Session, report: InjuryReport, position: int, article_id: str, kb_ids: dict[tuple[str, str], str]
) -> InjuryReportRow:
    player = entity_id(session, "player", report.player, report.player_id or kb_ids.get(("player", report.player)))
    team = entity_id(session, "team", report.team, kb_ids.get(("team", report.team))) if report.team else None
    expected = report.expected_return
    return InjuryReportRow(
        article_id=article_id,
        position=position,
        player_id=player,
        team_id=team,
        body_part=report.body_part,
        side=report.side,
        diagnosis=report.diagnosis,
        occurred_on=report.occurred_on,
        status=report.status,
        has_expected_return=expected is not None,
        expected_earliest=expected.earliest if expected else None,
        expected_latest=expected.latest if expected else None,
        missed_fixtures=sorted({day.isoformat() for day in report.missed_fixtures}),
        source=report.source,
        evidence=_evidence(report.evidence),
    )


def _match_row(match: Match, article_id: str) -> MatchRow:
    return MatchRow(
        article_id=article_id,
        date=match.date,
        team1=match.teams[0],
        team2=match.teams[1],
        played=match.played,
        score=dict(match.score) if match.score is not None else None,
        home=match.home,
        competition=match.competition,
        evidence=_evidence(match.evidence),
    )


def _transfer_row(
    session: Session, transfer: Transfer, article_id: str, kb_ids: dict[tuple[str, str], str]
) -> TransferRow:
    return TransferRow(
        article_id=article_id,
        player_id=entity_id(session, "player", transfer.player, kb_ids.get(("player", transfer.player))),
        from_team=transfer.from_team,
        to_team=transfer.to_team,
        fee_eur=transfer.fee_eur,
        status=transfer.status,
        source=transfer.source,
        evidence=_evidence(transfer.evidence),
    )


def write_facts(session: Session, extraction: Extraction, article_id: str) -> list[InjuryReportRow]:
    """Store the article's injuries, matches and transfers with their provenance; return the injury rows."""
    article = extraction.article
    kb_ids = _kb_ids(extraction)
    injuries = [_injury_row(session, r, i, article_id, kb_ids) for i, r in enumerate(extraction.injuries)]
    matches = [_match_row(m, article_id) for m in extraction.matches]
    transfers = [_transfer_row(session, t, article_id, kb_ids) for t in extraction.transfers]
    session.add_all([*injuries, *matches, *transfers])
    session.flush()
    for row in injuries:
        _provenance(session, "injury", row.id, article, article_id, row.source)
    for match_row in matches:
        _provenance(session, "match", match_row.id, article, article_id, None)
    for transfer_row in transfers:
        _provenance(session, "transfer", transfer_row.id, article, article_id, transfer_row.source)
    return injuries


def _injury_key(
    player: str, status: str, part: str | None, side: str | None, diagnosis: str | None, window: tuple[Any, Any]
) -> tuple[Any, ...]:
    return (player, status, part, side, diagnosis, window)


def untold_injuries(session: Session, extraction: Extraction, original_id: str) -> list[InjuryReport]:
    """The copy's injury reports that the original article does not already tell (e.g. an updated estimate)."""
    rows = session.execute(
        select(InjuryReportRow, EntityRow.name)
        .join(EntityRow, EntityRow.id == InjuryReportRow.player_id)
        .where(InjuryReportRow.article_id == original_id)
    ).all()
    told = {
        _injury_key(name, r.status, r.body_part, r.side, r.diagnosis, (r.expected_earliest, r.expected_latest))
        for r, name in rows
    }
    untold = []
    for report in extraction.injuries:
        window = report.expected_return
        bounds = (window.earliest, window.latest) if window else (None, None)
        key = _injury_key(report.player, report.status, report.body_part, report.side, report.diagnosis, bounds)
        if key not in told:
            untold.append(report)
    return untold


def credit_copy(session: Session, original_id: str, article: Article, copy_id: str) -> int:
    """Point the original article's facts at a syndicated copy too; return how many facts were credited."""
    rows = session.scalars(select(ProvenanceRow).where(ProvenanceRow.article_id == original_id)).all()
    for row in rows:
        _provenance(session, row.fact_kind, row.fact_id, article, copy_id, row.source)
    return len(rows)
