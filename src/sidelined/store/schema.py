"""The store's tables, as SQLAlchemy 2 declarative models.

Portable types only (no SQLite- or PostgreSQL-specific column types), so the
same models and migrations run on any SQLAlchemy backend.  Dates are stored as
`Date`, flexible lists as `JSON`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    published_source: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    near_duplicate_of: Mapped[str | None] = mapped_column(ForeignKey("articles.id"))


class EntityRow(Base):
    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_entities_kind_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))  # "player" or "team"
    name: Mapped[str] = mapped_column(String(200), index=True)
    kb_id: Mapped[str | None] = mapped_column(String(100))


class InjuryReportRow(Base):
    __tablename__ = "injury_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order within the article
    player_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    body_part: Mapped[str | None] = mapped_column(String(30))
    side: Mapped[str | None] = mapped_column(String(10))
    diagnosis: Mapped[str | None] = mapped_column(String(30))
    occurred_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    has_expected_return: Mapped[bool] = mapped_column(Boolean, default=False)
    expected_earliest: Mapped[date | None] = mapped_column(Date)
    expected_latest: Mapped[date | None] = mapped_column(Date)
    missed_fixtures: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str | None] = mapped_column(String(200))
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class MatchRow(Base):
    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    team1: Mapped[str] = mapped_column(String(200))
    team2: Mapped[str] = mapped_column(String(200))
    played: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[dict[str, int] | None] = mapped_column(JSON)
    home: Mapped[str | None] = mapped_column(String(200))
    competition: Mapped[str | None] = mapped_column(String(200))
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class TransferRow(Base):
    __tablename__ = "transfers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    from_team: Mapped[str | None] = mapped_column(String(200))
    to_team: Mapped[str | None] = mapped_column(String(200))
    fee_eur: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(200))
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class EpisodeRow(Base):
    __tablename__ = "episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    team: Mapped[str | None] = mapped_column(String(200))
    body_part: Mapped[str | None] = mapped_column(String(30))
    side: Mapped[str | None] = mapped_column(String(10))
    diagnosis: Mapped[str | None] = mapped_column(String(30))
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))


class EpisodeReportRow(Base):
    __tablename__ = "episode_reports"

    episode_id: Mapped[int] = mapped_column(ForeignKey("episodes.id", ondelete="CASCADE"), primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("injury_reports.id"), primary_key=True)


class ProvenanceRow(Base):
    """Which article (and outlet and source) a stored fact came from.

    A syndicated near-duplicate adds rows pointing the original's facts at the
    copy, so the copy's outlet is credited without duplicating the facts.
    """

    __tablename__ = "provenance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fact_kind: Mapped[str] = mapped_column(String(20))  # "injury", "match" or "transfer"
    fact_id: Mapped[int] = mapped_column(Integer, index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    outlet: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(200))
