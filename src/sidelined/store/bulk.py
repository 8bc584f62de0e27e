"""Bulk writes: many extractions per transaction, for loading backfills.

`bulk_ingest` stores a batch with a handful of multi-row statements instead
of one transaction per article: articles, entities and facts are inserted
with INSERT ... ON CONFLICT DO NOTHING, so a batch loaded twice (or by two
loaders at once) stores each article once.  Episodes are not touched here:
call `bulk_episodes.relink(store, players)` once the batches are in.  Near-duplicate
(syndicated copy) detection is left to `Store.ingest`; only exact copies
(same content hash) are recognised in bulk.

The rows are built from extractions in their JSON form (`Document`), which is
what a backfill's Parquet output holds: a load parses that JSON and stores it
without building a pydantic model per article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Column,
    MetaData,
    String,
    Table,
    and_,
    func,
    literal,
    null,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from sidelined.models import Extraction
from sidelined.store.bulk_rows import dialect_insert, scratch_table, table_of, write_rows
from sidelined.store.schema import (
    ArticleRow,
    EntityRow,
    InjuryReportRow,
    MatchRow,
    ProvenanceRow,
    TransferRow,
)
from sidelined.store.store import Store

_UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATEs
_RETRYABLE_STATES = {"40P01", "40001"}  # deadlock detected, serialization failure
_WRITE_ATTEMPTS = 5

Document = dict[str, Any]
"""One extraction as JSON values: `Extraction.model_dump(mode="json")`, or its JSON text parsed."""
HashedDocument = tuple[str, Document]
"""A document with its article's content hash (`Article.content_hash`)."""


@dataclass
class BulkResult:
    added: int = 0
    duplicates: int = 0
    players: set[int] = field(default_factory=set)


def bulk_ingest(store: Store, extractions: Sequence[Extraction]) -> BulkResult:
    """Store the batch in one transaction; which articles were new and which players need relinking."""
    return bulk_ingest_documents(store, [as_document(extraction) for extraction in extractions])


def as_document(extraction: Extraction) -> HashedDocument:
    # Time expressions are an intermediate stage; the store never reads them.
    return extraction.article.content_hash, extraction.model_dump(mode="json", exclude={"timexes"})


def bulk_ingest_documents(store: Store, documents: Sequence[HashedDocument]) -> BulkResult:
    """`bulk_ingest` for extractions already in JSON form, each with its content hash.

    Safe beside other writers, bulk or not: a transaction PostgreSQL aborted
    to break a deadlock is run again.
    """
    for attempt in range(1, _WRITE_ATTEMPTS + 1):
        try:
            return _ingest_once(store, documents)
        except Exception as error:
            if attempt == _WRITE_ATTEMPTS or _sqlstate(error) not in _RETRYABLE_STATES:
                raise
    raise AssertionError("unreachable")


def _sqlstate(error: BaseException) -> str | None:
    """The error's SQLSTATE: raised by the driver itself (COPY) or wrapped by SQLAlchemy."""
    return getattr(error, "sqlstate", None) or getattr(getattr(error, "orig", None), "sqlstate", None)


def _ingest_once(store: Store, documents: Sequence[HashedDocument]) -> BulkResult:
    with store.sessions() as session, session.begin():
        added = _insert_articles(session, _unique_by_content(documents))
        entities = _entity_ids(session, [document for document, _ in added])
        players = _insert_facts(session, added, entities)
    return BulkResult(added=len(added), duplicates=len(documents) - len(added), players=players)


def _unique_by_content(documents: Sequence[HashedDocument]) -> list[tuple[Document, str]]:
    """The batch without exact copies, each document with its content hash."""
    seen: dict[str, Document] = {}
    for content_hash, document in documents:
        seen.setdefault(content_hash, document)
    return [(document, content_hash) for content_hash, document in seen.items()]


def _staging_articles(session: Session) -> Table:
    columns = [Column(column.name, column.type) for column in table_of(ArticleRow).columns]
    return scratch_table(session, "bulk_articles", columns)


def _with_free_ids(hashed: list[tuple[Document, str]]) -> list[tuple[Document, str, str]]:
    """Each article with its hash and own id, or a suffixed id when an earlier article of the batch took it."""
    owners: dict[str, str] = {}
    named = []
    for document, content_hash in hashed:
        article_id = document["article"]["id"]
        if owners.setdefault(article_id, content_hash) != content_hash:
            article_id = _suffixed(article_id, content_hash)
        named.append((document, content_hash, article_id))
    return named


def _suffixed(article_id: str, content_hash: str) -> str:
    return f"{article_id}-{content_hash[:10]}"  # as Store.ingest names an id clash


def _insert_articles(session: Session, hashed: list[tuple[Document, str]]) -> list[tuple[Document, str]]:
    """Insert the articles not stored yet; each new one with the id it was stored under."""
    if not hashed:
        return []
    named = _with_free_ids(hashed)
    inserted = _copy_new_articles(session, named) if _is_postgresql(session) else None
    if inserted is None:
        inserted = _insert_staged_articles(session, named)
    new_ids = scratch_table(session, "bulk_new_articles", [Column("id", String(200))])
    write_rows(session, new_ids, [{"id": article_id} for article_id in inserted.values()])
    return [(x, inserted[content_hash]) for x, content_hash, _ in named if content_hash in inserted]


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _copy_new_articles(session: Session, named: list[tuple[Document, str, str]]) -> dict[str, str] | None:
    """PostgreSQL: find the new articles by their keys alone, then COPY them straight into the table.

    Each article's text is written once instead of into a staging table and
    again from there.  None when another writer stored one of them meanwhile
    (the COPY hit a unique key): the caller then takes the staged path.
    """
    keys = scratch_table(session, "bulk_article_keys", [Column("id", String(200)), Column("content_hash", String(64))])
    write_rows(session, keys, [{"id": article_id, "content_hash": content_hash}
                               for _, content_hash, article_id in named])
    _rename_clashing_ids(session, keys)
    stored = table_of(ArticleRow)
    unseen = select(keys.c.content_hash, keys.c.id).where(
        ~select(stored.c.id).where(stored.c.content_hash == keys.c.content_hash).exists())
    fresh: dict[str, str] = {content_hash: article_id for content_hash, article_id in session.execute(unseen)}
    now = datetime.now(UTC)
    rows = [_article_values(x, content_hash, fresh[content_hash], now) for x, content_hash, _ in named
            if content_hash in fresh]
    try:
        with session.begin_nested():
            write_rows(session, stored, rows)
    except Exception as error:  # the driver's own UniqueViolation: COPY bypasses SQLAlchemy
        if _sqlstate(error) != _UNIQUE_VIOLATION:
            raise
        return None
    return fresh


def _insert_staged_articles(session: Session, named: list[tuple[Document, str, str]]) -> dict[str, str]:
    """Stage every article, then INSERT ... SELECT ... ON CONFLICT DO NOTHING; the inserted ones' ids by hash."""
    staging = _staging_articles(session)
    now = datetime.now(UTC)
    write_rows(session, staging, [_article_values(x, content_hash, article_id, now)
                                  for x, content_hash, article_id in named])
    _rename_clashing_ids(session, staging)
    stored = table_of(ArticleRow)
    columns = [column.name for column in stored.columns]
    # SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT, or it reads ON as a join's.
    moved = select(*(staging.c[name] for name in columns)).where(true())
    move = (dialect_insert(session, ArticleRow).from_select(columns, moved)
            .on_conflict_do_nothing().returning(stored.c.id, stored.c.content_hash))
    return {content_hash: article_id for article_id, content_hash in session.execute(move)}


def _rename_clashing_ids(session: Session, staging: Table) -> None:
    """A staged id that a stored article with other content holds gets the hash suffix, as Store.ingest names it."""
    stored = table_of(ArticleRow)
    clash = select(stored.c.id).where(stored.c.id == staging.c.id, stored.c.content_hash != staging.c.content_hash)
    session.execute(update(staging).where(clash.exists())
                    .values(id=staging.c.id + "-" + func.substr(staging.c.content_hash, 1, 10)))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _article_values(document: Document, content_hash: str, article_id: str, now: datetime) -> dict[str, Any]:
    article = document["article"]
    return {"id": article_id, "content_hash": content_hash, "title": article["title"], "url": article["url"],
            "outlet": article["outlet"], "author": article["author"], "published": _day(article["published"]),
            "published_source": article["published_source"], "text": article["text"], "origin": article["origin"],
            "ingested_at": now, "near_duplicate_of": None}


def _kb_ids(document: Document) -> dict[tuple[str, str], str]:
    ids: dict[tuple[str, str], str] = {}
    for mention in document["mentions"]:
        if mention["entity_id"] is not None:
            kind = "player" if mention["kind"] == "player" else "team"
            ids.setdefault((kind, mention["name"]), mention["entity_id"])
    return ids


def _wanted_entities(documents: list[Document]) -> dict[tuple[str, str], str | None]:
    wanted: dict[tuple[str, str], str | None] = {}
    for document in documents:
        kb_ids = _kb_ids(document)
        for report in document["injuries"]:
            key = ("player", report["player"])
            wanted[key] = wanted.get(key) or report["player_id"] or kb_ids.get(key)
            if team := report["team"]:
                wanted[("team", team)] = wanted.get(("team", team)) or kb_ids.get(("team", team))
        for transfer in document["transfers"]:
            key = ("player", transfer["player"])
            wanted[key] = wanted.get(key) or kb_ids.get(key)
    return wanted


def _entity_ids(session: Session, documents: list[Document]) -> dict[tuple[str, str], int]:
    wanted = _wanted_entities(documents)
    if not wanted:
        return {}
    staging = scratch_table(session, "bulk_entities",
                       [Column("kind", String(20)), Column("name", String(200)), Column("kb_id", String(100))])
    rows = [{"kind": kind, "name": name, "kb_id": kb_id} for (kind, name), kb_id in sorted(wanted.items())]
    write_rows(session, staging, rows)
    entity = table_of(EntityRow)
    new = select(staging.c.kind, staging.c.name, staging.c.kb_id).where(true())  # WHERE: see _insert_articles
    session.execute(dialect_insert(session, EntityRow).from_select(["kind", "name", "kb_id"], new)
                    .on_conflict_do_nothing())
    same = and_(staging.c.kind == entity.c.kind, staging.c.name == entity.c.name, staging.c.kb_id.is_not(None))
    # An entity first stored without its knowledge-base id gets it now, as Store.ingest does.
    session.execute(update(entity).where(entity.c.kb_id.is_(None), select(staging.c.kb_id).where(same).exists())
                    .values(kb_id=select(staging.c.kb_id).where(same).limit(1).scalar_subquery()))
    found = select(entity.c.kind, entity.c.name, entity.c.id).join(
        staging, and_(staging.c.kind == entity.c.kind, staging.c.name == entity.c.name))
    return {(kind, name): entity_id for kind, name, entity_id in session.execute(found)}


def _insert_facts(
    session: Session, added: list[tuple[Document, str]], entities: dict[tuple[str, str], int]
) -> set[int]:
    injuries: list[dict[str, Any]] = []
    matches: list[dict[str, Any]] = []
    transfers: list[dict[str, Any]] = []
    for document, article_id in added:
        injuries.extend(_injury_values(document, article_id, entities))
        matches.extend(_match_values(document, article_id))
        transfers.extend(_transfer_values(document, article_id, entities))
    # Plain multi-row inserts (no RETURNING): the driver pipelines them; provenance is then derived in SQL.
    for model, rows in ((InjuryReportRow, injuries), (MatchRow, matches), (TransferRow, transfers)):
        write_rows(session, table_of(model), rows)
    new_ids = Table("bulk_new_articles", MetaData(), Column("id", String(200)), prefixes=["TEMPORARY"])
    for kind, model in (("injury", InjuryReportRow), ("match", MatchRow), ("transfer", TransferRow)):
        _derive_provenance(session, kind, model, new_ids)
    return {row["player_id"] for row in injuries}


def _derive_provenance(session: Session, kind: str, model: Any, new_ids: Table) -> None:
    """One provenance row per fact of the batch's new articles, crediting the article's outlet."""
    facts = table_of(model)
    source = facts.c.source if "source" in facts.c else null()
    query = (
        select(literal(kind), facts.c.id, facts.c.article_id, ArticleRow.outlet, source)
        .join(new_ids, new_ids.c.id == facts.c.article_id)
        .join(ArticleRow, ArticleRow.id == facts.c.article_id)
    )
    columns = ["fact_kind", "fact_id", "article_id", "outlet", "source"]
    session.execute(dialect_insert(session, ProvenanceRow).from_select(columns, query))


def _injury_values(document: Document, article_id: str, entities: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    values = []
    for position, report in enumerate(document["injuries"]):
        expected = report["expected_return"]
        values.append({
            "article_id": article_id, "position": position, "player_id": entities[("player", report["player"])],
            "team_id": entities[("team", report["team"])] if report["team"] else None,
            "body_part": report["body_part"], "side": report["side"], "diagnosis": report["diagnosis"],
            "occurred_on": _day(report["occurred_on"]), "status": report["status"],
            "has_expected_return": expected is not None,
            "expected_earliest": _day(expected["earliest"]) if expected else None,
            "expected_latest": _day(expected["latest"]) if expected else None,
            # ISO days sort as the days do.
            "missed_fixtures": sorted(set(report["missed_fixtures"])),
            "source": report["source"], "evidence": report["evidence"],
        })
    return values


def _match_values(document: Document, article_id: str) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "date": _day(match["date"]), "team1": match["teams"][0],
             "team2": match["teams"][1], "played": match["played"], "score": match["score"], "home": match["home"],
             "competition": match["competition"], "evidence": match["evidence"]}
            for match in document["matches"]]


def _transfer_values(
    document: Document, article_id: str, entities: dict[tuple[str, str], int]
) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "player_id": entities[("player", transfer["player"])],
             "from_team": transfer["from_team"], "to_team": transfer["to_team"], "fee_eur": transfer["fee_eur"],
             "status": transfer["status"], "source": transfer["source"], "evidence": transfer["evidence"]}
            for transfer in document["transfers"]]
