"""The reader's marks on notices: bookmarks, read and unread, a whole category read.

Opening a notice (desktop/ops/reading.py `open_notice`) marks it read too,
unless the window asks it not to (a row passed with the arrow keys).
"""

from __future__ import annotations

from collections.abc import Sequence
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


def set_read(archive: Archive, ids: Sequence[str], read: bool) -> Written[int]:
    """Mark *ids* read (or unread); the value is how many changed."""
    from db import marks

    with archive.writing() as session:
        changed = frozenset(marks.set_read(session, ids, now() if read else None))
    changes = Changes(read=changed) if read else Changes(unread=changed)
    return Written(len(changed), changes)
