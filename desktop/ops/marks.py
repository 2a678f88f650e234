"""The reader's marks on notices: bookmarks, and marking a whole category read.

Opening a notice (desktop/ops/reading.py `open_notice`) marks it read too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ops.changes import Changes, Written
from desktop.ops.reading import now

if TYPE_CHECKING:
    from db.archive import Archive


def set_bookmark(archive: Archive, notice_id: str, bookmarked: bool) -> Written[bool]:
    """Set or clear the notice's bookmark; the value is the bookmark as it now is."""
    from db import store

    with archive.writing() as session:
        store.set_bookmark(session, notice_id, bookmarked)
    ids = frozenset({notice_id})
    changes = Changes(bookmarked=ids) if bookmarked else Changes(unbookmarked=ids)
    return Written(bookmarked, changes)


def mark_all_read(archive: Archive, category: str | None) -> Written[int]:
    """Mark every unread notice in *category* (None: everywhere) read; the value is how many."""
    from db import store

    with archive.writing() as session:
        count = store.mark_all_read(session, now(), category)
    return Written(count, Changes(all_read=True, read_category=category))
