"""Plain frozen dataclasses that cross the archive's boundary.

Queries return these, never ORM objects, so callers on other threads (the
window) hold no session state. Imports hand `NoticeRecord`s in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class AttachmentRecord:
    name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class NoticeRecord:
    """One notice as a bundle carries it."""

    id: str
    title: str
    category: str
    published: datetime
    body_markdown: str = ""
    updated: datetime | None = None
    number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    issued: date | None = None
    summary: str | None = None
    withdrawn: bool = False
    related: tuple[str, ...] = ()
    attachments: tuple[AttachmentRecord, ...] = ()
    content_hash: str = ""

    @property
    def revision(self) -> datetime:
        """The time of this version: a later one replaces an earlier one."""
        return self.updated or self.published


@dataclass(frozen=True)
class WithdrawalRecord:
    """A withdrawal (thu hồi) of a notice id, effective from `revision`."""

    id: str
    revision: datetime


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


@dataclass(frozen=True)
class NoticeDetail:
    """Everything shown about one notice."""

    id: str
    title: str
    category: str
    published: datetime
    updated: datetime | None
    number: str | None
    doc_type: str | None
    issuer: str | None
    issued: date | None
    summary: str | None
    body_markdown: str
    withdrawn: bool
    publisher_id: str | None
    publisher_name: str | None
    related: tuple[str, ...] = ()
    attachments: tuple[AttachmentRecord, ...] = ()
    views: int = 0
    bookmarked: bool = False
    first_opened: datetime | None = None
    last_opened: datetime | None = None


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
class TrustedKeyInfo:
    key_id: str
    name: str
    publisher_id: str | None
    added_at: datetime


@dataclass(frozen=True)
class PublisherInfo:
    id: str
    name: str
    last_sequence: int
    last_bundle_id: str | None
    last_imported_at: datetime | None


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


@dataclass
class ImportCounts:
    """What applying a bundle did; filled in while it applies."""

    added: int = 0
    updated: int = 0
    withdrawn: int = 0
    unchanged: int = 0
    changed_ids: list[str] = field(default_factory=list)
    removed_ids: list[str] = field(default_factory=list)
