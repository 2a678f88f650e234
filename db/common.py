"""Values the archive and the window share: Vietnam's timezone, the kinds of list, filters.

It imports nothing heavy: the window uses it on its GUI thread before its
first paint, when neither SQLAlchemy nor the records are loaded yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta, timezone
from typing import Literal

#: Vietnam's offset; the portal and the offices show every time in it.
VN_TZ = timezone(timedelta(hours=7), "ICT")

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
