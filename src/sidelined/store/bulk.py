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

from sqlalchemy import Column, MetaData, Table, bindparam, delete, func, insert, literal, null, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from sidelined.models import Extraction
from sidelined.store.episodes import lock_players
from sidelined.store.schema import (
    ArticleRow,
    EntityRow,
    EpisodeReportRow,
    EpisodeRow,
    InjuryReportRow,
    MatchRow,
    ProvenanceRow,
    TransferRow,
)
from sidelined.store.store import Store
from sidelined.timeline.linking import ReportFacts, link_reports

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
    """Rebuild the episodes of these players (as `relink_players` does), a chunk of players per transaction.

    Set-based: one query reads the chunk's reports and a few multi-row statements replace its episodes.
    """
    ordered = sorted(set(players))
    for start in range(0, len(ordered), RELINK_CHUNK):
        chunk = ordered[start:start + RELINK_CHUNK]
        with store.sessions() as session, session.begin():
            lock_players(session, chunk)
            _replace_episodes(session, chunk)


def _reports_by_player(session: Session, players: list[int]) -> dict[int, list[ReportFacts]]:
    team = aliased(EntityRow)
    rows = session.execute(
        select(InjuryReportRow, ArticleRow.published, team.name)
        .join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
        .outerjoin(team, team.id == InjuryReportRow.team_id)
        .where(InjuryReportRow.player_id.in_(players))
        .order_by(InjuryReportRow.id)
    ).all()
    grouped: dict[int, list[ReportFacts]] = {player: [] for player in players}
    for row, published, team_name in rows:
        grouped[row.player_id].append(ReportFacts(
            report_id=row.id, reported_on=published, article_id=row.article_id, status=row.status,
            body_part=row.body_part, side=row.side, diagnosis=row.diagnosis, occurred_on=row.occurred_on,
            team=team_name, expected_latest=row.expected_latest))
    return grouped


def _replace_episodes(session: Session, players: list[int]) -> None:
    old = select(EpisodeRow.id).where(EpisodeRow.player_id.in_(players))
    session.execute(delete(EpisodeReportRow).where(EpisodeReportRow.episode_id.in_(old)))
    session.execute(delete(EpisodeRow).where(EpisodeRow.player_id.in_(players)))
    episodes: list[dict[str, Any]] = []
    members: list[list[int]] = []
    for player, reports in _reports_by_player(session, players).items():
        for draft in link_reports(reports):
            episodes.append({"player_id": player, "team": draft.team, "body_part": draft.body_part,
                             "side": draft.side, "diagnosis": draft.diagnosis, "started_on": draft.started_on,
                             "ended_on": draft.ended_on, "status": draft.status})
            members.append(draft.report_ids)
    if not episodes:
        return
    statement = _insert(session, EpisodeRow).returning(_table(EpisodeRow).c.id, sort_by_parameter_order=True)
    ids = list(session.scalars(statement, episodes))
    links = [{"episode_id": episode, "report_id": report}
             for episode, reports in zip(ids, members, strict=True) for report in reports]
    if links:
        session.execute(_insert(session, EpisodeReportRow), links)


def _unique_by_content(extractions: Sequence[Extraction]) -> list[tuple[Extraction, str]]:
    """The batch without exact copies, each article with its content hash (computed once: it is not cheap)."""
    seen: dict[str, Extraction] = {}
    for extraction in extractions:
        seen.setdefault(extraction.article.content_hash, extraction)
    return [(extraction, content_hash) for content_hash, extraction in seen.items()]


def _staging_articles(session: Session) -> Table:
    """A temporary table (one per connection) the batch's articles are first copied into.

    Plain multi-row inserts into it are fast on both drivers; from it, one
    INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING moves the new ones in.
    """
    staging = Table(
        "bulk_articles",
        MetaData(),
        *(Column(column.name, column.type) for column in _table(ArticleRow).columns),
        prefixes=["TEMPORARY"],
    )
    staging.create(session.connection(), checkfirst=True)
    session.execute(delete(staging))
    return staging


def _with_free_ids(hashed: list[tuple[Extraction, str]]) -> list[tuple[Extraction, str, str]]:
    """Each article with its hash and own id, or a suffixed id when an earlier article of the batch took it."""
    owners: dict[str, str] = {}
    named = []
    for extraction, content_hash in hashed:
        article_id = extraction.article.id
        if owners.setdefault(article_id, content_hash) != content_hash:
            article_id = _suffixed(article_id, content_hash)
        named.append((extraction, content_hash, article_id))
    return named


def _suffixed(article_id: str, content_hash: str) -> str:
    return f"{article_id}-{content_hash[:10]}"  # as Store.ingest names an id clash


def _insert_articles(session: Session, hashed: list[tuple[Extraction, str]]) -> list[tuple[Extraction, str]]:
    """Insert the articles not stored yet; each new one with the id it was stored under."""
    if not hashed:
        return []
    staging = _staging_articles(session)
    now = datetime.now(UTC)
    named = _with_free_ids(hashed)
    session.execute(insert(staging), [_article_values(x, content_hash, article_id, now)
                                      for x, content_hash, article_id in named])
    stored = _table(ArticleRow)
    clash = select(stored.c.id).where(stored.c.id == staging.c.id, stored.c.content_hash != staging.c.content_hash)
    session.execute(update(staging).where(clash.exists())
                    .values(id=staging.c.id + "-" + func.substr(staging.c.content_hash, 1, 10)))
    columns = [column.name for column in stored.columns]
    # SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT, or it reads ON as a join's.
    moved = select(*(staging.c[name] for name in columns)).where(true())
    move = (_insert(session, ArticleRow).from_select(columns, moved)
            .on_conflict_do_nothing().returning(stored.c.id, stored.c.content_hash))
    inserted = {content_hash: article_id for article_id, content_hash in session.execute(move)}
    return [(x, inserted[content_hash]) for x, content_hash, _ in named if content_hash in inserted]


def _article_values(extraction: Extraction, content_hash: str, article_id: str, now: datetime) -> dict[str, Any]:
    article = extraction.article
    return {"id": article_id, "content_hash": content_hash, "title": article.title, "url": article.url,
            "outlet": article.outlet, "author": article.author, "published": article.published,
            "published_source": article.published_source, "text": article.text, "origin": article.origin,
            "ingested_at": now, "near_duplicate_of": None}


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
    for extraction, article_id in added:
        injuries.extend(_injury_values(extraction, article_id, entities))
        matches.extend(_match_values(extraction, article_id))
        transfers.extend(_transfer_values(extraction, article_id, entities))
    # Plain multi-row inserts (no RETURNING): the driver pipelines them; provenance is then derived in SQL.
    for model, rows in ((InjuryReportRow, injuries), (MatchRow, matches), (TransferRow, transfers)):
        if rows:
            session.execute(_insert(session, model), rows)
    article_ids = [article_id for _, article_id in added]
    _derive_provenance(session, "injury", InjuryReportRow, article_ids)
    _derive_provenance(session, "match", MatchRow, article_ids)
    _derive_provenance(session, "transfer", TransferRow, article_ids)
    return {row["player_id"] for row in injuries}


def _derive_provenance(session: Session, kind: str, model: Any, article_ids: list[str]) -> None:
    """One provenance row per fact of these (new) articles, crediting the article's outlet."""
    facts = _table(model)
    source = facts.c.source if "source" in facts.c else null()
    query = (
        select(literal(kind), facts.c.id, facts.c.article_id, ArticleRow.outlet, source)
        .join(ArticleRow, ArticleRow.id == facts.c.article_id)
        .where(facts.c.article_id.in_(article_ids))
    )
    columns = ["fact_kind", "fact_id", "article_id", "outlet", "source"]
    session.execute(_insert(session, ProvenanceRow).from_select(columns, query))


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
