"""The search index of a PostgreSQL archive: folded text, tsvectors with GIN indexes, pg_trgm.

Two tables (described in db/search/pgschema.py, whose DDL this revision
writes out, frozen): ``search_doc``, one row per visible notice under the same
newest-first key as SQLite's index, with its folded columns and three
tsvectors (title, number, everything), each with a GIN index, and a b-tree on
the number's first word; ``search_term``, the words indexed, with a trigram
index for spelling suggestions when the server has pg_trgm (without it they
fall back to a scan of the words).

The tables are created empty: no PostgreSQL archive held notices before this
revision outside development; `bangtin reindex` fills the index of one that
does. SQLite only has its FTS5 index (0003): on SQLite this revision does
nothing.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 00:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SCHEMA = (
    "CREATE TABLE search_doc ("
    "rank_key BIGINT PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT, "
    "number_head TEXT, "
    "title_f TEXT NOT NULL, "
    "number_f TEXT NOT NULL, "
    "body_f TEXT NOT NULL, "
    "meta_f TEXT NOT NULL, "
    "exact TEXT NOT NULL, "
    "title_tsv TSVECTOR NOT NULL, "
    "number_tsv TSVECTOR NOT NULL, "
    "main_tsv TSVECTOR NOT NULL)",
    "CREATE INDEX search_doc_title ON search_doc USING gin (title_tsv)",
    "CREATE INDEX search_doc_number ON search_doc USING gin (number_tsv)",
    "CREATE INDEX search_doc_main ON search_doc USING gin (main_tsv)",
    "CREATE INDEX search_doc_number_head ON search_doc (number_head, rank_key)",
    'CREATE TABLE search_term (term TEXT COLLATE "C" PRIMARY KEY)',
)
TRIGRAMS = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX search_term_trigram ON search_term USING gist (term gist_trgm_ops)",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in SCHEMA:
        op.execute(statement)
    available = bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    ).first()
    if available is not None:
        for statement in TRIGRAMS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # The extension stays: other databases' objects may use it.
    op.execute("DROP TABLE IF EXISTS search_term")
    op.execute("DROP TABLE IF EXISTS search_doc")
