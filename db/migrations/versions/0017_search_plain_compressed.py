"""Search index: the stored plain text compressed (zlib), in a table that packs its pages.

``search_text.plain`` held each notice's summary and body as plain text, for
snippets: 2.2 KB a notice, read whole for the twenty rows on screen only. It
becomes ``plain_z``, the same text in UTF-8 compressed with zlib (about 2.4×
smaller). The row shrinks from ~5 KB, one to an 8 KB page with the rest of
the page empty, to ~3.5 KB, two to a page: the table is about half its size.
The folded text and the exact words stay as they are: scoring reads them
for every candidate of a query, and inflating them each time would cost
more than the pages they take.

The table is rebuilt in this transaction, the rows copied in rowid order
with their plain text compressed; the FTS5 tables are not touched. The index
is SQLite's: on PostgreSQL this revision does nothing. Downgrading
inflates the text back into ``plain``.

Revision ID: 0017
Revises: 0013
Create Date: 2026-12-07 03:00:00
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

from alembic import op
from sqlalchemy import Connection

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None

SHORT = "rowid, title, title_exact, number, meta, exact"
BATCH = 1000


def _table(name: str, plain: str) -> str:
    return (
        f"CREATE TABLE {name} ("
        "rowid INTEGER PRIMARY KEY, "
        "title TEXT NOT NULL, "
        "title_exact TEXT NOT NULL, "
        "number TEXT NOT NULL, "
        "meta TEXT NOT NULL, "
        "exact TEXT NOT NULL, "
        f"{plain} NOT NULL, "
        "folded TEXT NOT NULL)"
    )


def _copy(conn: Connection, plain_in: str, plain_out: str, convert: Callable[[Any], Any]) -> None:
    # The new table is made under its own name, so that its DDL reads as a new
    # archive's does (a renamed table's DDL gets the name quoted).
    conn.exec_driver_sql("ALTER TABLE search_text RENAME TO search_text_old")
    conn.exec_driver_sql(_table("search_text", plain_out))
    out = plain_out.split()[0]
    rows = conn.exec_driver_sql(
        f"SELECT {SHORT}, {plain_in}, folded FROM search_text_old ORDER BY rowid"
    )
    while batch := rows.fetchmany(BATCH):
        conn.exec_driver_sql(
            f"INSERT INTO search_text ({SHORT}, {out}, folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*r[:6], convert(r[6]), r[7]) for r in batch],
        )
    conn.exec_driver_sql("DROP TABLE search_text_old")


def _deflate(text: str | None) -> bytes:
    return zlib.compress((text or "").encode("utf-8"))


def _inflate(data: bytes | None) -> str:
    return zlib.decompress(data).decode("utf-8") if data else ""


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _copy(conn, "plain", "plain_z BLOB", _deflate)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _copy(conn, "plain_z", "plain TEXT", _inflate)
