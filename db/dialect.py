"""The few statements SQLite and PostgreSQL spell differently, chosen by the session's engine.

Both engines take INSERT … ON CONFLICT with the same SQLAlchemy API, but each
from its own dialect; SQLite's two-argument max() is PostgreSQL's greatest().
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def engine_name(session: Session) -> str:
    """The engine *session* is bound to: "sqlite" or "postgresql"."""
    return session.get_bind().dialect.name


def insert(session: Session, table: Any) -> Any:
    """INSERT into *table* with `on_conflict_do_nothing` / `on_conflict_do_update`."""
    if engine_name(session) == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def greater(session: Session, a: Any, b: Any) -> ColumnElement[Any]:
    """The greater of two values in one row (SQL's scalar max)."""
    if engine_name(session) == "postgresql":
        return func.greatest(a, b)
    return func.max(a, b)
