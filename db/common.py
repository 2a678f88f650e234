"""Values the archive and the window share: Vietnam's timezone, stored times, the kinds
of list, filters.

It imports nothing heavy: the window uses it on its GUI thread before its
first paint, when neither SQLAlchemy nor the records are loaded yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Literal

#: Vietnam's offset; the portal and the offices show every time in it.
VN_TZ = timezone(timedelta(hours=7), "ICT")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# The first and last second a datetime can hold in +07:00.
_FIRST = datetime(1, 1, 1, tzinfo=VN_TZ)
_LAST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=VN_TZ)


def aware(value: datetime) -> datetime:
    """*value* with a timezone: a time given without one is Vietnam's (+07:00)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=VN_TZ)


def whole_seconds(value: datetime) -> int:
    """The stored form of *value*: what the archive compares revisions by."""
    # Exact: float timestamps can round a time into the next second. A
    # timedelta's seconds and microseconds are never negative, so this is its
    # floor division by one second, without making a timedelta for it (an
    # import binds three times a notice).
    since = aware(value) - _EPOCH
    return since.days * 86400 + since.seconds


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


#: Which notices a list shows.
Show = Literal["all", "unread", "bookmarked"]
#: What a list is sorted by.
ListOrder = Literal["published", "title", "number"]


@dataclass(frozen=True)
class NoticeFilter:
    """What the clerk narrows a list or a search to; the default narrows nothing.

    *date_from* and *date_to* are inclusive days of publication in +07:00;
    *doc_type* and *issuer* compare folded (case and diacritics don't
    matter), as `db.search.SearchFilter` compares them.
    """

    date_from: date | None = None
    date_to: date | None = None
    doc_type: str | None = None
    issuer: str | None = None

    def __bool__(self) -> bool:
        return bool(self.date_from or self.date_to or self.doc_type or self.issuer)


#: The filter that lets every notice through.
NO_FILTER = NoticeFilter()
