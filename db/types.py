"""Column types the archive needs beyond SQLAlchemy's own."""

from __future__ import annotations

import zlib
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.types import BigInteger, Integer, String, Text, TypeDecorator, TypeEngine

from db.common import VN_TZ, aware, from_seconds, whole_seconds

__all__ = [
    "VN_TZ",
    "AwareDateTime",
    "DeflatedText",
    "IsoDate",
    "aware",
    "from_seconds",
    "deflated",
    "inflated",
    "whole_seconds",
]


class AwareDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as whole UTC seconds.

    Integers sort and index cheaply; values come back in +07:00. A time
    without a timezone is taken as Vietnam's, as the portal writes them.
    """

    impl = Integer
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        # SQLite's INTEGER has 64 bits; PostgreSQL's has 32, too few for the
        # years 1900–2200 that imports accept (migration 0012).
        if dialect.name == "postgresql":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Integer())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return whole_seconds(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return from_seconds(value)


class IsoDate(TypeDecorator[date]):
    """A calendar date stored as 'YYYY-MM-DD' text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(str(value))


def deflated(value: str) -> bytes:
    """*value* as `DeflatedText` stores it in SQLite: UTF-8, zlib."""
    return zlib.compress(value.encode("utf-8"))


def inflated(value: Any) -> str:
    """A stored `DeflatedText` value read back: text as it is, bytes inflated."""
    if isinstance(value, bytes | bytearray | memoryview):
        return zlib.decompress(value).decode("utf-8") if value else ""
    return "" if value is None else str(value)


class DeflatedText(TypeDecorator[str]):
    """Text that SQLite keeps compressed with zlib (a notice's body).

    A body of ~2 KB of Vietnamese Markdown takes ~0.9 KB so: 100,000 notices'
    bodies went from 215 to 90 MB. PostgreSQL compresses long values itself
    (TOAST) and its search reads the text, so there it stays text. The
    column is TEXT on both; SQLite keeps a BLOB in it as it is given. A value
    still stored as text is read as it is. Code that reads the column with
    plain SQL on SQLite inflates it with `inflated`.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        if value is None or dialect.name != "sqlite":
            return value
        return deflated(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else inflated(value)
