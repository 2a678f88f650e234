"""Search index: the FTS5 word tables lose their prefix indexes.

``search_main`` and ``search_title`` were made with ``prefix = '2 3'``: FTS5
kept, beside each term's doclist, one for every two- and three-letter prefix,
so that the word being typed could be looked up as ``"ab"*``. Those copies
were more than half the index (41 of 75 MB of ``search_main`` at 10,000
notices) and two thirds of its import time. The search now writes the word
being typed as the terms it starts, from ``search_term``, at every length.

The two tables are dropped and made again without the option, and filled
from ``search_text``, which holds each row exactly as it was indexed (the
tables are contentless). Then each is merged into one b-tree, as a new
archive's is. Both keep up to 16 MB of pending terms in memory before they
write a segment (``hashsize``; FTS5's default is 1 MB), so that a big import
writes and merges fewer segments. ``search_number`` never had a prefix index. The index is
SQLite's: on PostgreSQL this revision does nothing. Downgrading makes the
tables again with their prefix indexes, filled the same way.

Revision ID: 0022
Revises: 0020
Create Date: 2026-12-07 08:30:00
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection

revision = "0022"
down_revision = "0020"
branch_labels = None
depends_on = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"
#: Pending terms kept in memory before a segment is written (FTS5: 1 MB).
HASH_BYTES = 16 << 20
BATCH = 1000


def _remake(conn: Connection, options: str) -> None:
    conn.exec_driver_sql("DROP TABLE search_main")
    conn.exec_driver_sql("DROP TABLE search_title")
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE search_main USING fts5("
        f"title, number, body, meta, exact, content = '', {TOKENIZE}{options})"
    )
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE search_title USING fts5(title, exact, content = '', {TOKENIZE}{options})"
    )
    for table in ("search_main", "search_title"):
        conn.exec_driver_sql(
            f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', {HASH_BYTES})"
        )
    # In rowid order: FTS5 takes ascending rowids without flushing a segment each.
    rows = conn.exec_driver_sql(
        "SELECT rowid, title, number, folded, meta, exact, title_exact "
        "FROM search_text ORDER BY rowid"
    )
    while batch := rows.fetchmany(BATCH):
        conn.exec_driver_sql(
            "INSERT INTO search_main (rowid, title, number, body, meta, exact) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [tuple(r[:6]) for r in batch],
        )
        conn.exec_driver_sql(
            "INSERT INTO search_title (rowid, title, exact) VALUES (?, ?, ?)",
            [(r[0], r[1], r[6]) for r in batch],
        )
    for table in ("search_main", "search_title"):
        conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _remake(conn, "")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _remake(conn, ", prefix = '2 3'")
