"""Column types the archive needs beyond SQLAlchemy's own."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.types import Integer, String, TypeDecorator

from db.common import VN_TZ

__all__ = ["VN_TZ", "AwareDateTime", "IsoDate", "aware", "whole_seconds"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def aware(value: datetime) -> datetime:
    """*value* with a timezone: a time given without one is Vietnam's (+07:00)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=VN_TZ)


def whole_seconds(value: datetime) -> int:
    """The stored form of *value*: what the archive compares revisions by."""
    # Exact floor division: float timestamps can round a time into the next second.
    return (aware(value) - _EPOCH) // timedelta(seconds=1)


class AwareDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as whole UTC seconds.

    Integers sort and index cheaply; values come back in +07:00. A time
    without a timezone is taken as Vietnam's, as the portal writes them.
    """

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return whole_seconds(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromtimestamp(int(value), UTC).astimezone(VN_TZ)


class IsoDate(TypeDecorator[date]):
    """A calendar date stored as 'YYYY-MM-DD' text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(str(value))
