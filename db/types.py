"""Column types the archive needs beyond SQLAlchemy's own."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.types import BigInteger, Integer, String, TypeDecorator, TypeEngine

from db.common import VN_TZ, aware, from_seconds, whole_seconds

__all__ = ["VN_TZ", "AwareDateTime", "IsoDate", "aware", "from_seconds", "whole_seconds"]


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
