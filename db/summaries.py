"""The records of the window's first screen: a row of the list, a category, an import.

Plain frozen dataclasses, as all of db/records.py's (which names these too),
in a module of their own: the first look (db/firstlook.py) reads the first
screen before anything else of the archive is loaded, and the other records
of db/records.py (a dozen more dataclasses) would cost it ~8 ms of imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class NoticeSummary:
    """A row of the notice list."""

    id: str
    title: str
    number: str | None
    published: datetime
    category: str
    withdrawn: bool = False
    read: bool = False
    bookmarked: bool = False
    #: The validity status as of today (db.validity.STATUSES), None for news.
    status: str | None = None
    urgency: str | None = None


@dataclass(frozen=True)
class CategoryInfo:
    """A node of the category tree with its counts (withdrawn notices left out)."""

    path: str
    name: str
    parent: str | None
    position: int
    count: int = 0
    unread: int = 0


@dataclass(frozen=True)
class ImportLogEntry:
    bundle_id: str
    publisher_id: str
    sequence: int
    kind: str
    imported_at: datetime
    added: int
    updated: int
    withdrawn: int
    unchanged: int
    outcome: str
    reason: str | None
    #: SHA-256 of the manifest as signed; None in entries from before schema 0004.
    manifest_sha256: str | None = None
