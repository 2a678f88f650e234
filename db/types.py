"""Column types the archive needs beyond SQLAlchemy's own."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.types import BigInteger, Integer, String, TypeDecorator, TypeEngine

from db.common import VN_TZ

__all__ = ["VN_TZ", "AwareDateTime", "IsoDate", "aware", "from_seconds", "whole_seconds"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# The first and last second a datetime can hold in +07:00.
_FIRST = datetime(1, 1, 1, tzinfo=VN_TZ)
_LAST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=VN_TZ)


def aware(value: datetime) -> datetime:
    """*value* with a timezone: a time given without one is Vietnam's (+07:00)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=VN_TZ)


def whole_seconds(value: datetime) -> int:
    """The stored form of *value*: what the archive compares revisions by."""
    # Exact floor division: float timestamps can round a time into the next second.
    return (aware(value) - _EPOCH) // timedelta(seconds=1)


_FIRST_SECONDS = whole_seconds(_FIRST)
_LAST_SECONDS = whole_seconds(_LAST)


def from_seconds(value: Any) -> datetime:
    """A stored time in +07:00, for any value the column holds.

    Imports only store years 1900–2200, but an archive written before that
    check may hold year 1 or 9999 (which is year 0 or 10000 in UTC), and
    SQLite lets a column hold any value. One such row must not break every
    list: out-of-range values are clamped to the first or last second
    Python can show, and a value that is no number at all reads as the epoch.
    """
    try:
        seconds = int(value)
    except (TypeError, ValueError, OverflowError):
        seconds = 0
    seconds = min(max(seconds, _FIRST_SECONDS), _LAST_SECONDS)
    return _FIRST + timedelta(seconds=seconds - _FIRST_SECONDS)


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
