"""Bulk writes: many extractions per transaction, for loading backfills.

`bulk_ingest` stores a batch with a handful of multi-row statements instead
of one transaction per article: articles, entities and facts are inserted
with INSERT ... ON CONFLICT DO NOTHING, so a batch loaded twice (or by two
loaders at once) stores each article once.  Episodes are not touched here:
call `relink(store, players)` once the batches are in.  Near-duplicate
(syndicated copy) detection is left to `Store.ingest`; only exact copies
(same content hash) are recognised in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sidelined.models import Extraction
from sidelined.store.episodes import relink_players
from sidelined.store.schema import ArticleRow, EntityRow, InjuryReportRow, MatchRow, ProvenanceRow, TransferRow
from sidelined.store.store import Store

RELINK_CHUNK = 200


@dataclass
class BulkResult:
    added: int = 0
    duplicates: int = 0
    players: set[int] = field(default_factory=set)


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert(session: Session, model: Any) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(_table(model))
    if dialect == "sqlite":
        return sqlite.insert(_table(model))
    raise NotImplementedError(f"the store supports SQLite and PostgreSQL, not {dialect}")


def bulk_ingest(store: Store, extractions: Sequence[Extraction]) -> BulkResult:
    """Store the batch in one transaction; which articles were new and which players need relinking."""
    with store.sessions() as session, session.begin():
        added = _insert_articles(session, _unique_by_content(extractions))
        entities = _entity_ids(session, [extraction for extraction, _ in added])
        players = _insert_facts(session, added, entities)
    return BulkResult(added=len(added), duplicates=len(extractions) - len(added), players=players)


def relink(store: Store, players: Iterable[int]) -> None:
    """Rebuild the episodes of these players, a chunk of players per transaction."""
    ordered = sorted(set(players))
    for start in range(0, len(ordered), RELINK_CHUNK):
        with store.sessions() as session, session.begin():
            relink_players(session, ordered[start:start + RELINK_CHUNK])


def _unique_by_content(extractions: Sequence[Extraction]) -> list[Extraction]:
    seen: dict[str, Extraction] = {}
    for extraction in extractions:
        seen.setdefault(extraction.article.content_hash, extraction)
    return list(seen.values())


def _insert_articles(session: Session, extractions: list[Extraction]) -> list[tuple[Extraction, str]]:
    """Insert the articles not stored yet; each new one with the id it was stored under."""
    wanted = {x.article.id for x in extractions}
    stored = select(ArticleRow.id, ArticleRow.content_hash).where(ArticleRow.id.in_(wanted))
    owners = {article_id: content for article_id, content in session.execute(stored)}
    now = datetime.now(UTC)
    rows, ids = [], {}
    for extraction in extractions:
        article = extraction.article
        article_id = article.id
        if owners.setdefault(article_id, article.content_hash) != article.content_hash:
            article_id = f"{article.id}-{article.content_hash[:10]}"  # as Store.ingest names a clash
        ids[article.content_hash] = article_id
        rows.append({"id": article_id, "content_hash": article.content_hash, "title": article.title,
                     "url": article.url, "outlet": article.outlet, "author": article.author,
                     "published": article.published, "published_source": article.published_source,
                     "text": article.text, "origin": article.origin, "ingested_at": now, "near_duplicate_of": None})
    if not rows:
        return []
    statement = _insert(session, ArticleRow).on_conflict_do_nothing().returning(_table(ArticleRow).c.content_hash)
    inserted = set(session.scalars(statement, rows))
    return [(x, ids[x.article.content_hash]) for x in extractions if x.article.content_hash in inserted]


def _kb_ids(extraction: Extraction) -> dict[tuple[str, str], str]:
    ids: dict[tuple[str, str], str] = {}
    for mention in extraction.mentions:
        if mention.entity_id is not None:
            ids.setdefault(("player" if mention.kind == "player" else "team", mention.name), mention.entity_id)
    return ids


def _wanted_entities(extractions: list[Extraction]) -> dict[tuple[str, str], str | None]:
    wanted: dict[tuple[str, str], str | None] = {}
    for extraction in extractions:
        kb_ids = _kb_ids(extraction)
        for report in extraction.injuries:
            key = ("player", report.player)
            wanted[key] = wanted.get(key) or report.player_id or kb_ids.get(key)
            if report.team:
                wanted[("team", report.team)] = wanted.get(("team", report.team)) or kb_ids.get(("team", report.team))
        for transfer in extraction.transfers:
            key = ("player", transfer.player)
            wanted[key] = wanted.get(key) or kb_ids.get(key)
    return wanted


def _entity_ids(session: Session, extractions: list[Extraction]) -> dict[tuple[str, str], int]:
    wanted = _wanted_entities(extractions)
    if not wanted:
        return {}
    rows = [{"kind": kind, "name": name, "kb_id": kb_id} for (kind, name), kb_id in sorted(wanted.items())]
    session.execute(_insert(session, EntityRow).on_conflict_do_nothing(), rows)
    known = [{"k": row["kind"], "n": row["name"], "kb": row["kb_id"]} for row in rows if row["kb_id"] is not None]
    if known:  # an entity first stored without its knowledge-base id gets it now, as Store.ingest does
        entity = _table(EntityRow)
        fill = update(entity).where(entity.c.kind == bindparam("k"), entity.c.name == bindparam("n"),
                                    entity.c.kb_id.is_(None)).values(kb_id=bindparam("kb"))
        session.connection().execute(fill, known)
    names = {name for _, name in wanted}
    found = session.execute(select(EntityRow.kind, EntityRow.name, EntityRow.id).where(EntityRow.name.in_(names)))
    return {(kind, name): entity_id for kind, name, entity_id in found}


def _evidence(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [item.model_dump() for item in items]


def _insert_facts(
    session: Session, added: list[tuple[Extraction, str]], entities: dict[tuple[str, str], int]
) -> set[int]:
    injuries: list[dict[str, Any]] = []
    matches: list[dict[str, Any]] = []
    transfers: list[dict[str, Any]] = []
    outlets: dict[str, str | None] = {}
    for extraction, article_id in added:
        outlets[article_id] = extraction.article.outlet
        injuries.extend(_injury_values(extraction, article_id, entities))
        matches.extend(_match_values(extraction, article_id))
        transfers.extend(_transfer_values(extraction, article_id, entities))
    provenance = [
        *_inserted_with_provenance(session, InjuryReportRow, "injury", injuries, outlets),
        *_inserted_with_provenance(session, MatchRow, "match", matches, outlets),
        *_inserted_with_provenance(session, TransferRow, "transfer", transfers, outlets),
    ]
    if provenance:
        session.execute(_insert(session, ProvenanceRow), provenance)
    return {row["player_id"] for row in injuries}


def _inserted_with_provenance(
    session: Session, model: Any, kind: str, rows: list[dict[str, Any]], outlets: dict[str, str | None]
) -> list[dict[str, Any]]:
    if not rows:
        return []
    statement = _insert(session, model).returning(_table(model).c.id, sort_by_parameter_order=True)
    ids = list(session.scalars(statement, rows))
    return [{"fact_kind": kind, "fact_id": fact_id, "article_id": row["article_id"],
             "outlet": outlets[row["article_id"]], "source": row.get("source")}
            for fact_id, row in zip(ids, rows, strict=True)]


def _injury_values(
    extraction: Extraction, article_id: str, entities: dict[tuple[str, str], int]
) -> list[dict[str, Any]]:
    values = []
    for position, report in enumerate(extraction.injuries):
        expected = report.expected_return
        values.append({
            "article_id": article_id, "position": position, "player_id": entities[("player", report.player)],
            "team_id": entities[("team", report.team)] if report.team else None,
            "body_part": report.body_part, "side": report.side, "diagnosis": report.diagnosis,
            "occurred_on": report.occurred_on, "status": report.status,
            "has_expected_return": expected is not None,
            "expected_earliest": expected.earliest if expected else None,
            "expected_latest": expected.latest if expected else None,
            "missed_fixtures": sorted({day.isoformat() for day in report.missed_fixtures}),
            "source": report.source, "evidence": _evidence(report.evidence),
        })
    return values


def _match_values(extraction: Extraction, article_id: str) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "date": match.date, "team1": match.teams[0], "team2": match.teams[1],
             "played": match.played, "score": dict(match.score) if match.score is not None else None,
             "home": match.home, "competition": match.competition, "evidence": _evidence(match.evidence)}
            for match in extraction.matches]


def _transfer_values(
    extraction: Extraction, article_id: str, entities: dict[tuple[str, str], int]
) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "player_id": entities[("player", transfer.player)],
             "from_team": transfer.from_team, "to_team": transfer.to_team, "fee_eur": transfer.fee_eur,
             "status": transfer.status, "source": transfer.source, "evidence": _evidence(transfer.evidence)}
            for transfer in extraction.transfers]
