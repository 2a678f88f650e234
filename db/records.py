"""Plain frozen dataclasses that cross the archive's boundary.

Queries return these, never ORM objects, so callers on other threads (the
window) hold no session state. Imports hand `NoticeRecord`s in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# The first screen's records, kept apart so that it can be read without the rest.
from db.summaries import CategoryInfo as CategoryInfo
from db.summaries import ImportLogEntry as ImportLogEntry
from db.summaries import NoticeSummary as NoticeSummary


@dataclass(frozen=True)
class AttachmentRecord:
    name: str
    media_type: str
    size: int
    sha256: str


#: Relations a notice may state toward other notices (bundle format v2), in display order.
RELATIONS = (
    "based_on",
    "amends",
    "replaces",
    "repeals",
    "partly_repeals",
    "guides",
    "corrects",
)
#: Urgency marks (độ khẩn) a notice may carry, from least to most urgent.
URGENCIES = ("khan", "thuong-khan", "hoa-toc")
#: What the incoming register tracks: Đã tiếp nhận, Đang xử lý, Hoàn thành.
REGISTER_STATUSES = ("received", "in_progress", "done")


@dataclass(frozen=True)
class Signer:
    """The signing block of a document: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / name"."""

    title: str
    name: str
    authority: str | None = None


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
    # Bundle format v2: what an office needs to act on a document.
    effective: date | None = None
    expires: date | None = None
    signer: Signer | None = None
    #: Lĩnh vực; `field` in the bundle (a name dataclasses already use).
    sector: str | None = None
    urgency: str | None = None
    deadline: date | None = None
    recipients: tuple[str, ...] = ()
    #: (relation, target id) pairs, relation one of RELATIONS, in source order.
    relations: tuple[tuple[str, str], ...] = ()

    @property
    def uses_v2(self) -> bool:
        """Whether this notice carries a field that only bundle format v2 has."""
        return bool(
            self.effective
            or self.expires
            or self.signer
            or self.sector
            or self.urgency
            or self.deadline
            or self.recipients
            or self.relations
        )

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
class Because:
    """One reason for a validity status: *id* (present or not) did *relation* to the notice."""

    relation: str
    id: str


@dataclass(frozen=True)
class Validity:
    """A notice's validity as of a day: status, since when, and why.

    `status` is "not_yet", "in_force", "partly_expired" or "expired".
    `because` lists the replacing, repealing or partly repealing notices
    that made the status, with the relation seen from the notice
    ("replaced_by", "repealed_by", "partly_repealed_by").
    """

    status: str
    since: date | None = None
    because: tuple[Because, ...] = ()
    as_of: date | None = None


@dataclass(frozen=True)
class RelationLink:
    """A relation of a notice, in either direction.

    `direction` "out": this notice states `relation` toward `id`; "in": `id`
    states it toward this notice. `title` is None when the archive does not
    hold `id` (or holds only its withdrawal); `starts` is the day `id` takes
    effect, when known.
    """

    relation: str
    id: str
    direction: str
    title: str | None = None
    number: str | None = None
    doc_type: str | None = None
    starts: date | None = None
    withdrawn: bool = False


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
    effective: date | None = None
    expires: date | None = None
    signer: Signer | None = None
    sector: str | None = None
    urgency: str | None = None
    deadline: date | None = None
    recipients: tuple[str, ...] = ()
    #: Both directions, grouped by relation; see db.validity.
    relations: tuple[RelationLink, ...] = ()
    #: As of the day `get_notice` was asked about; None for news.
    validity: Validity | None = None


@dataclass(frozen=True)
class FilterChoices:
    """The document types and issuers the visible notices have, one spelling each, sorted."""

    doc_types: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()


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


@dataclass
class ImportCounts:
    """What applying a bundle did; filled in while it applies."""

    added: int = 0
    updated: int = 0
    withdrawn: int = 0
    unchanged: int = 0
    changed_ids: list[str] = field(default_factory=list)
    removed_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RegisterRow:
    """One line of the incoming register (Sổ đăng ký văn bản đến, Decree 30/2020, Appendix IV).

    `incoming_number` (số đến) runs from 1 each calendar `year`; `received_at`
    is ngày đến. `assigned_to`, `handed_over`, `note` and `status` are the
    clerk's; `withdrawn` says the notice was withdrawn after it was received.
    """

    year: int
    incoming_number: int
    received_at: datetime
    notice_id: str
    issuer: str | None
    number: str | None
    issued: date | None
    doc_type: str | None
    title: str
    summary: str | None
    assigned_to: str | None
    handed_over: date | None
    note: str | None
    status: str
    withdrawn: bool = False
    deadline: date | None = None
    urgency: str | None = None


@dataclass(frozen=True)
class TodoItem:
    """A notice with a deadline that is not done yet (Việc cần làm).

    `days_left` is negative when overdue (quá hạn).
    """

    notice_id: str
    title: str
    number: str | None
    deadline: date
    days_left: int
    urgency: str | None
    status: str | None
    year: int | None
    incoming_number: int | None
