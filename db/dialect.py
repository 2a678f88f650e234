"""The few statements SQLite and PostgreSQL spell differently, chosen by the session's engine.

Both engines take INSERT … ON CONFLICT with the same SQLAlchemy API, but each
from its own dialect; SQLite's two-argument max() is PostgreSQL's greatest().
A long list of ids is a parameter each in SQLite's ``IN (…)``, so callers ask
a few hundred at a time; PostgreSQL takes the whole list as one array
(`among`, `id_batch`): one query instead of hundreds, each of which the
server planned and walked its tables for, and which the client compiled with
hundreds of parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, any_, bindparam, func, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

#: Ids per ``IN (…)`` on SQLite: far below its limit on host parameters.
SQLITE_BATCH = 500
#: Ids per array on PostgreSQL: a big import's ids in a few queries.
SERVER_BATCH = 50_000


def engine_name(session: Session | Connection) -> str:
    """The engine *session* is bound to: "sqlite" or "postgresql"."""
    if isinstance(session, Connection):
        return session.dialect.name
    return session.get_bind().dialect.name


def id_batch(session: Session | Connection) -> int:
    """How many ids one `among` condition should name on *session*'s engine."""
    return SERVER_BATCH if engine_name(session) == "postgresql" else SQLITE_BATCH


def among(session: Session | Connection, column: Any, ids: Sequence[Any]) -> ColumnElement[bool]:
    """*column* is one of *ids*: ``IN (…)`` on SQLite, ``= ANY(array)`` on PostgreSQL."""
    if engine_name(session) == "postgresql":
        return column == any_(  # type: ignore[no-any-return]
            bindparam(None, list(ids), type_=postgresql.ARRAY(column.type))
        )
    return column.in_(ids)  # type: ignore[no-any-return]


def insert(session: Session, table: Any) -> Any:
    """INSERT into *table* with `on_conflict_do_nothing` / `on_conflict_do_update`."""
    if engine_name(session) == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def compress_fast(session: Session | Connection) -> None:
    """On PostgreSQL, compress the long values this transaction writes with lz4, if the server can.

    pglz, the default, cost the server about as much as making the search
    index's tsvectors, whose rows hold several KB of folded text and
    tsvectors each; lz4 writes them much faster and reads them no slower
    (bench/README.md), and the values stay readable whatever the setting
    later. For this transaction only.
    """
    if engine_name(session) != "postgresql":
        return
    lz4 = session.execute(
        text(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
    ).scalar()
    if lz4:
        session.execute(text("SET LOCAL default_toast_compression = 'lz4'"))


def greater(session: Session, a: Any, b: Any) -> ColumnElement[Any]:
    """The greater of two values in one row (SQL's scalar max)."""
    if engine_name(session) == "postgresql":
        return func.greatest(a, b)
    return func.max(a, b)
