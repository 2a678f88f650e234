"""Full-text search index: search_key, search_term, search_main, search_title.

The tables are described in db/search.py. The DDL is written out here, as a
migration must be, and a test checks that it matches `db.search.SCHEMA`.
Filling goes through `db.search.fill_index`, so an archive that had notices at
0001 comes out searchable at 0002 with exactly the text the code indexes. A
later migration that changes these tables must drop and refill them itself.

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
    from db.search import fill_index

    for statement in SCHEMA:
        op.execute(statement)
    fill_index(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_title")
    op.execute("DROP TABLE IF EXISTS search_main")
    op.execute("DROP TABLE IF EXISTS search_term")
    op.execute("DROP TABLE IF EXISTS search_key")
