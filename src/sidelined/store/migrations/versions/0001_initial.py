"""Initial schema: articles, entities, injury reports, matches, transfers, episodes, provenance.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _evidence() -> sa.Column:
    return sa.Column("evidence", sa.JSON(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("author", sa.String(200)),
        sa.Column("published", sa.Date()),
        sa.Column("published_source", sa.String(20)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text()),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("near_duplicate_of", sa.String(200)),
        sa.ForeignKeyConstraint(["near_duplicate_of"], ["articles.id"], name="fk_articles_near_duplicate_of_articles"),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kb_id", sa.String(100)),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.UniqueConstraint("kind", "name", name="uq_entities_kind_name"),
    )
    op.create_index("ix_entities_name", "entities", ["name"])

    op.create_table(
        "injury_reports",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer()),
        sa.Column("body_part", sa.String(30)),
        sa.Column("side", sa.String(10)),
        sa.Column("diagnosis", sa.String(30)),
        sa.Column("occurred_on", sa.Date()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("has_expected_return", sa.Boolean(), nullable=False),
        sa.Column("expected_earliest", sa.Date()),
        sa.Column("expected_latest", sa.Date()),
        sa.Column("missed_fixtures", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(200)),
        _evidence(),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_injury_reports_article_id_articles"),
        sa.ForeignKeyConstraint(["player_id"], ["entities.id"], name="fk_injury_reports_player_id_entities"),
        sa.ForeignKeyConstraint(["team_id"], ["entities.id"], name="fk_injury_reports_team_id_entities"),
        sa.PrimaryKeyConstraint("id", name="pk_injury_reports"),
    )
    for column in ("article_id", "player_id", "team_id"):
        op.create_index(f"ix_injury_reports_{column}", "injury_reports", [column])

    op.create_table(
        "matches",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("team1", sa.String(200), nullable=False),
        sa.Column("team2", sa.String(200), nullable=False),
        sa.Column("played", sa.Boolean(), nullable=False),
        sa.Column("score", sa.JSON()),
        sa.Column("home", sa.String(200)),
        sa.Column("competition", sa.String(200)),
        _evidence(),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_matches_article_id_articles"),
        sa.PrimaryKeyConstraint("id", name="pk_matches"),
    )
    op.create_index("ix_matches_article_id", "matches", ["article_id"])
    op.create_index("ix_matches_date", "matches", ["date"])

    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("from_team", sa.String(200)),
        sa.Column("to_team", sa.String(200)),
        sa.Column("fee_eur", sa.BigInteger()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("source", sa.String(200)),
        _evidence(),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_transfers_article_id_articles"),
        sa.ForeignKeyConstraint(["player_id"], ["entities.id"], name="fk_transfers_player_id_entities"),
        sa.PrimaryKeyConstraint("id", name="pk_transfers"),
    )
    op.create_index("ix_transfers_article_id", "transfers", ["article_id"])
    op.create_index("ix_transfers_player_id", "transfers", ["player_id"])

    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(200)),
        sa.Column("body_part", sa.String(30)),
        sa.Column("side", sa.String(10)),
        sa.Column("diagnosis", sa.String(30)),
        sa.Column("started_on", sa.Date()),
        sa.Column("ended_on", sa.Date()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(["player_id"], ["entities.id"], name="fk_episodes_player_id_entities"),
        sa.PrimaryKeyConstraint("id", name="pk_episodes"),
    )
    op.create_index("ix_episodes_player_id", "episodes", ["player_id"])

    op.create_table(
        "episode_reports",
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["episode_id"], ["episodes.id"], name="fk_episode_reports_episode_id_episodes", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["injury_reports.id"], name="fk_episode_reports_report_id_injury_reports"
        ),
        sa.PrimaryKeyConstraint("episode_id", "report_id", name="pk_episode_reports"),
    )

    op.create_table(
        "provenance",
        sa.Column("id", sa.Integer(), autoincrement=True),
        sa.Column("fact_kind", sa.String(20), nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("outlet", sa.String(200)),
        sa.Column("source", sa.String(200)),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_provenance_article_id_articles"),
        sa.PrimaryKeyConstraint("id", name="pk_provenance"),
    )
    op.create_index("ix_provenance_fact_id", "provenance", ["fact_id"])
    op.create_index("ix_provenance_article_id", "provenance", ["article_id"])


def downgrade() -> None:
    for table in (
        "provenance",
        "episode_reports",
        "episodes",
        "transfers",
        "matches",
        "injury_reports",
        "entities",
        "articles",
    ):
        op.drop_table(table)
