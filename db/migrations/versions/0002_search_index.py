"""Full-text search index: search_key, search_term, search_main, search_title.

The first layout of the index (the db.search package describes the current one). The
DDL is written out here, as a migration must be. These tables are created
empty: migration 0003 replaces them and fills the new ones, so an archive
that had notices at 0001 comes out searchable at head. (Archives that reached
0002 with an earlier Bảng Tin had these tables filled; 0003 drops them all
the same.) SQLite only: on PostgreSQL this revision does nothing.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 12:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

SCHEMA = (
    "CREATE TABLE search_key ("
    "rowid INTEGER PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT)",
    "CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE VIRTUAL TABLE search_main USING fts5("
    "title, number, body, meta, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE search_title USING fts5("
    "title, number, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
)


def upgrade() -> None:
    # FTS5 is SQLite's: a PostgreSQL archive has no such tables (its search
    # index is its own, added by a later revision).
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in SCHEMA:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS search_title")
    op.execute("DROP TABLE IF EXISTS search_main")
    op.execute("DROP TABLE IF EXISTS search_term")
    op.execute("DROP TABLE IF EXISTS search_key")
