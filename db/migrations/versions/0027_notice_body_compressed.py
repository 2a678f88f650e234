"""A notice's body is stored compressed in SQLite.

``notice.body_markdown`` held each body as text: 215 MB of a 100,000-notice
archive's 998. Compressed with zlib (`db.types.DeflatedText`) it takes 90 MB.
The column stays TEXT; SQLite keeps the compressed body in it as a BLOB.

Compressed in place, the rows keep their pages, each then mostly empty; the
program vacuums the archive once after this revision (`db.archive.vacuum_if_pending`),
which writes every table anew: the file of 100,000 notices went from 998 to
849 MB.

PostgreSQL compresses long values itself and searches the text: there the
body stays text, and this revision does nothing. Downgrading gives the text
back.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-08 02:00:00
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from alembic import op
from sqlalchemy import Connection

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

BATCH = 1000


def _deflate(value: object) -> object:
    return zlib.compress(value.encode("utf-8")) if isinstance(value, str) else value


def _inflate(value: object) -> object:
    if isinstance(value, bytes):
        return zlib.decompress(value).decode("utf-8")
    return value


def _rewrite(conn: Connection, stored_as: str, convert: Callable[[object], object]) -> None:
    """Give each body stored as *stored_as* ('text' or 'blob') the value *convert* makes."""
    last = -1
    while True:
        rows = conn.exec_driver_sql(
            "SELECT rowid, body_markdown FROM notice "
            "WHERE rowid > ? AND typeof(body_markdown) = ? ORDER BY rowid LIMIT ?",
            (last, stored_as, BATCH),
        ).all()
        if not rows:
            return
        conn.exec_driver_sql(
            "UPDATE notice SET body_markdown = ? WHERE rowid = ?",
            [(convert(body), rowid) for rowid, body in rows],
        )
        last = rows[-1][0]


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _rewrite(conn, "text", _deflate)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _rewrite(conn, "blob", _inflate)
