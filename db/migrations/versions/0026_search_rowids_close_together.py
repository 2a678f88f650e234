"""Search index: rowids close together, and each notice's publication time beside its rowid.

A notice's rowid was its publication second shifted by 20 bits, so that the
rowids ran newest first and a date range was a rowid range. FTS5 stores a
doclist as the differences between its rowids: at notices minutes apart
each difference took five bytes, where the words themselves take one or
two. ``search_main`` of 100,000 notices was 330 MB.

The rowids keep their order (newest first; of one second, the notice indexed
later first) and become START, START + GAP, START + 2 GAP, … ``search_key``
gets ``ts``, the publication second each rowid stood for, and an index on
it: a date range is now looked up there (`db.search.filters.day_rowids`).
``search_text`` takes the new rowids, and the three FTS tables, which cannot
change a row's rowid, are emptied and filled again from it (it holds each row
exactly as it was indexed), then merged into one b-tree each.

The index is SQLite's: on PostgreSQL this revision does nothing, as its keys
are stored whole. Downgrading gives back the old rowids, in the same order.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 23:50:00
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

GAP = 1 << 10
START = 1 << 40
SHIFT = 20
TS_MAX = 253_402_300_799  # 9999-12-31 23:59:59
BATCH = 1000

OLD_KEY = (
    "CREATE TABLE search_key ("
    "rowid INTEGER PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT)"
)
NEW_KEY = (
    "CREATE TABLE search_key ("
    "rowid INTEGER PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT, "
    "ts INTEGER NOT NULL)"
)
TS_INDEX = "CREATE INDEX ix_search_key_ts ON search_key (ts)"
TEXT_COLUMNS = "title, title_exact, number, meta, exact, plain_z, folded"


def _renumber(conn: Connection, key_ddl: str, new_rowid: str, extra: tuple[str, ...]) -> None:
    """Make search_key again by *key_ddl*, each row's rowid *new_rowid* (SQL over
    the old row's columns, ``old`` its rowid), and move the rest of the index along."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.search_key_old")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE search_key_old AS SELECT rowid AS old, * FROM search_key"
    )
    conn.exec_driver_sql(
        "CREATE TEMP TABLE search_key_map (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)"
    )
    conn.exec_driver_sql(
        f"INSERT INTO temp.search_key_map (old, new) SELECT old, {new_rowid} "
        "FROM temp.search_key_old"
    )
    conn.exec_driver_sql("DROP TABLE search_key")
    conn.exec_driver_sql(key_ddl)
    for stmt in extra:
        conn.exec_driver_sql(stmt)
    columns = "notice_id, category_id, doc_type_f, issuer_f"
    ts = ", ts" if "ts INTEGER" in key_ddl else ""
    conn.exec_driver_sql(
        f"INSERT INTO search_key (rowid, {columns}{ts}) "
        f"SELECT m.new, {', '.join('o.' + c for c in columns.split(', '))}"
        + (f", {TS_MAX} - (o.old >> {SHIFT})" if ts else "")
        + " FROM temp.search_key_old AS o JOIN temp.search_key_map AS m ON m.old = o.old "
        "ORDER BY m.new"
    )
    # Written again in the new order, not moved row by row: moved, the rows
    # left their pages half empty (search_text of 100,000 notices went from
    # 420 to 835 MB). A text without its key was never found; it is left out.
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE search_text_moved AS SELECT m.new AS new, {TEXT_COLUMNS} "
        "FROM search_text AS t JOIN temp.search_key_map AS m ON m.old = t.rowid"
    )
    conn.exec_driver_sql("DELETE FROM search_text")
    conn.exec_driver_sql(
        f"INSERT INTO search_text (rowid, {TEXT_COLUMNS}) "
        f"SELECT new, {TEXT_COLUMNS} FROM temp.search_text_moved ORDER BY new"
    )
    for table in ("search_text_moved", "search_key_old", "search_key_map"):
        conn.exec_driver_sql(f"DROP TABLE temp.{table}")
    _refill(conn)
    # The pages the old tables held go back to the file system, as after a
    # first import (only an archive made with incremental vacuum can).
    # Each step of the pragma frees one page, and Python's sqlite3 takes a
    # single step of a statement that returns no columns.
    if conn.exec_driver_sql("PRAGMA auto_vacuum").scalar() == 2:
        for _ in range(conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0):
            conn.exec_driver_sql("PRAGMA incremental_vacuum")


def _refill(conn: Connection) -> None:
    for table in ("search_main", "search_title", "search_number"):
        conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
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
        numbers = [(r[0], r[2]) for r in batch if r[2]]
        if numbers:
            conn.exec_driver_sql(
                "INSERT INTO search_number (rowid, number) VALUES (?, ?)", numbers
            )
    for table in ("search_main", "search_title", "search_number"):
        conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    # The old order is the rowids' own: numbered from START, GAP apart.
    _renumber(
        conn,
        NEW_KEY,
        f"{START} + {GAP} * (row_number() OVER (ORDER BY old) - 1)",
        (TS_INDEX,),
    )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    # Each second's block again, its notices at its top, in the same order.
    _renumber(
        conn,
        OLD_KEY,
        f"(({TS_MAX} - ts) << {SHIFT}) + {1 << SHIFT} "
        "- count(*) OVER (PARTITION BY ts) + row_number() OVER (PARTITION BY ts ORDER BY old) - 1",
        (),
    )
