"""Search index, second layout: rowids newest first, numbers in their own table.

FTS5 walks a doclist forwards about twice as fast as backwards, so the rowids
now grow towards older notices and every tier query reads forwards. The
title table loses the number column (its tokens "ubnd", "kh"… are in nearly
every number and made title queries walk them), and the numbers get a table
of their own, `search_number`. db/search.py describes the tables;
the DDL is written out here, as a migration must be, and a test checks that
it matches `db.search.SCHEMA`.

The old tables are dropped and the new ones filled through
`db.search.fill_index`: 2 min 20 s for 100,000 notices here, a second or two
for a few thousand, once, at the first start after the update. It runs in
the migration's transaction, so a crash leaves the archive at 0002.

Downgrading recreates the 0002 tables empty: run `bangtin reindex` with the
older Bảng Tin to fill them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 16:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
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
    "title, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE search_number USING fts5("
    "number, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
)

DROP = (
    "DROP TABLE IF EXISTS search_number",
    "DROP TABLE IF EXISTS search_title",
    "DROP TABLE IF EXISTS search_main",
    "DROP TABLE IF EXISTS search_term",
    "DROP TABLE IF EXISTS search_key",
)

SCHEMA_0002 = (
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

    for statement in (*DROP, *SCHEMA):
        op.execute(statement)
    fill_index(op.get_bind())


def downgrade() -> None:
    for statement in (*DROP, *SCHEMA_0002):
        op.execute(statement)
