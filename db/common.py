"""Values the archive and the window share: Vietnam's timezone and the kinds of list.

It imports nothing heavy: the window uses it on its GUI thread before its
first paint, when neither SQLAlchemy nor the records are loaded yet.
"""

from __future__ import annotations

from datetime import timedelta, timezone
from typing import Literal

#: Vietnam's offset; the portal and the offices show every time in it.
VN_TZ = timezone(timedelta(hours=7), "ICT")

#: Which notices a list shows.
Show = Literal["all", "unread", "bookmarked"]
#: What a list is sorted by.
ListOrder = Literal["published", "title", "number"]
