"""What a write operation changed, so that every view can refresh itself.

A write operation returns `Written(value, changes)`. The task runner
(desktop/tasks.py) hands the value to whoever asked and broadcasts the
`Changes` once; the list, the tree, the article and the status bar each
decide what to reload. Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from db.records import NoticeSummary

T = TypeVar("T")


def in_category(path: str, category: str) -> bool:
    """Whether a notice filed under *path* is in *category* or one of its sub-categories."""
    return path == category or path.startswith(category + "/")


@dataclass(frozen=True)
class Changes:
    """What changed in the archive; falsy when nothing did.

    `archive`: another archive was opened, or this one was opened again.
    `notices`: notices were added, updated or withdrawn (an import).
    `read`: these notices were opened for the first time (or marked read);
    `unread`: these were marked unread again.
    `all_read`: every notice in `read_category` (and below; None: everywhere)
    was marked read. `bookmarked` / `unbookmarked`: bookmarks set or cleared.
    `register`: the clerk changed lines of the incoming register (its
    handling status too, which the to-do list follows).
    `trust`: keys or roots were trusted or removed (the trusted-keys dialog).
    `receipts`: the office's identity, its receipts, the province's enrolled
    offices or the receipts it imported changed.
    """

    archive: bool = False
    notices: bool = False
    read: frozenset[str] = frozenset()
    unread: frozenset[str] = frozenset()
    all_read: bool = False
    read_category: str | None = None
    bookmarked: frozenset[str] = frozenset()
    unbookmarked: frozenset[str] = frozenset()
    register: bool = False
    trust: bool = False
    receipts: bool = False

    def __bool__(self) -> bool:
        return bool(
            self.archive
            or self.notices
            or self.read
            or self.unread
            or self.all_read
            or self.bookmarked
            or self.unbookmarked
            or self.register
            or self.trust
            or self.receipts
        )

    @property
    def lists(self) -> bool:
        """Whether lists must be loaded again (rows may have come or gone)."""
        return self.archive or self.notices

    def made_read(self, row: NoticeSummary) -> bool:
        """Whether *row* (as loaded before this change) is read now."""
        if row.id in self.read:
            return True
        if not self.all_read:
            return False
        return self.read_category is None or in_category(row.category, self.read_category)

    def made_unread(self, row: NoticeSummary) -> bool:
        """Whether *row* (as loaded before this change) is unread now."""
        return row.id in self.unread

    def bookmark(self, notice_id: str) -> bool | None:
        """The notice's new bookmark, or None when this change left it alone."""
        if notice_id in self.bookmarked:
            return True
        if notice_id in self.unbookmarked:
            return False
        return None


#: Nothing changed.
NO_CHANGES = Changes()


@dataclass(frozen=True)
class Written(Generic[T]):
    """A write operation's answer: its value and what it changed."""

    value: T
    changes: Changes = NO_CHANGES
