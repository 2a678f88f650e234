"""SQLAlchemy models of the archive.

Imports write publishers, categories, notices, attachments, related links,
relations, the import log, and each new document's line in the incoming
register. Reading state (views, bookmarks) and the clerk's columns of the
register are local to the office and no import ever changes them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.types import AwareDateTime, DeflatedText, IsoDate

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Publisher(Base):
    """A body that signs bundles, with the last sequence this archive applied."""

    __tablename__ = "publisher"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_bundle_id: Mapped[str | None] = mapped_column(String(64))
    last_imported_at: Mapped[datetime | None] = mapped_column(AwareDateTime())

    keys: Mapped[list[TrustedKey]] = relationship(back_populates="publisher")


class TrustedKey(Base):
    """An Ed25519 public key this office trusts, or trusted once, to sign bundles.

    A key is bound to the first publisher it signs for; a bundle that claims
    another publisher with the same key is refused. A publisher bound to a
    key takes another key only by an explicit replacement. Removing a key
    sets `removed_at` and keeps the row, so that trusting the key again
    restores its binding instead of leaving it free to sign for anyone.
    """

    __tablename__ = "trusted_key"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    name: Mapped[str] = mapped_column(Text)
    publisher_id: Mapped[str | None] = mapped_column(ForeignKey("publisher.id"))
    added_at: Mapped[datetime] = mapped_column(AwareDateTime())
    removed_at: Mapped[datetime | None] = mapped_column(AwareDateTime())

    publisher: Mapped[Publisher | None] = relationship(back_populates="keys")


class Category(Base):
    """One level of the category tree; `path` is the full "A/B" path."""

    __tablename__ = "category"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Notice(Base):
    """One notice. `revision` is the time of its latest version or withdrawal."""

    __tablename__ = "notice"
    __table_args__ = (
        Index("ix_notice_listing", "withdrawn", "published"),
        Index("ix_notice_category_published", "category_id", "published"),
        # The list in its order with what validity needs: pages, counts and
        # status filters read this index, never the rows (revision 0009).
        Index(
            "ix_notice_visible",
            "withdrawn",
            "has_content",
            "published",
            "id",
            "effective",
            "expires",
            "issued",
        ),
        # The status filters: every status is of a legal notice; its pages in
        # list order and its counts read this index, never the rows (revision 0014).
        # Legal first, so that the whole list's count keeps its narrower index.
        Index(
            "ix_notice_status",
            "legal",
            "withdrawn",
            "has_content",
            "published",
            "id",
            "effective",
            "expires",
            "ended_on",
            "partly_on",
        ),
        # Việc cần làm, soonest first, read from the index alone (revision 0009).
        Index(
            "ix_notice_todo",
            "deadline",
            "id",
            "withdrawn",
            "has_content",
            "urgency",
            "number",
            "title",
            sqlite_where=text("deadline IS NOT NULL"),
        ),
    )

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    publisher_id: Mapped[str | None] = mapped_column(ForeignKey("publisher.id"))
    title: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str | None] = mapped_column(Text)
    body_markdown: Mapped[str] = mapped_column(DeflatedText(), default="")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    published: Mapped[datetime | None] = mapped_column(AwareDateTime())
    updated: Mapped[datetime | None] = mapped_column(AwareDateTime())
    revision: Mapped[datetime] = mapped_column(AwareDateTime())
    number: Mapped[str | None] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(Text)
    issued: Mapped[date | None] = mapped_column(IsoDate())
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Always True since schema 0004: a withdrawal that arrives before (or
    #: without) its notice is an EarlyWithdrawal, kept per publisher.
    has_content: Mapped[bool] = mapped_column(Boolean, default=True)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    # Bundle format v2 (revision 0005).
    effective: Mapped[date | None] = mapped_column(IsoDate())
    expires: Mapped[date | None] = mapped_column(IsoDate())
    signer_authority: Mapped[str | None] = mapped_column(Text)
    signer_title: Mapped[str | None] = mapped_column(Text)
    signer_name: Mapped[str | None] = mapped_column(Text)
    #: Lĩnh vực (`field` in a bundle).
    sector: Mapped[str | None] = mapped_column(Text)
    urgency: Mapped[str | None] = mapped_column(String(20))
    deadline: Mapped[date | None] = mapped_column(IsoDate(), index=True)
    #: Nơi nhận, a JSON list of strings (NULL: none).
    recipients: Mapped[list[str] | None] = mapped_column(JSON)
    # What of its validity depends on other notices (db.validity.Standing),
    # kept by every import (db/validitystore.py; revision 0014).
    ended_on: Mapped[date | None] = mapped_column(IsoDate())
    partly_on: Mapped[date | None] = mapped_column(IsoDate())
    legal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    category: Mapped[Category | None] = relationship()
    attachments: Mapped[list[Attachment]] = relationship(
        order_by="Attachment.position", cascade="all, delete-orphan"
    )
    related: Mapped[list[RelatedLink]] = relationship(
        order_by="RelatedLink.position", cascade="all, delete-orphan"
    )


class EarlyWithdrawal(Base):
    """A publisher's withdrawal of a notice id the archive did not hold.

    It keeps an older copy of that notice from the same publisher out later.
    It binds no other publisher: their notice with the same id was never
    this publisher's to withdraw.
    """

    __tablename__ = "early_withdrawal"

    publisher_id: Mapped[str] = mapped_column(ForeignKey("publisher.id"), primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    revision: Mapped[datetime] = mapped_column(AwareDateTime())


class Attachment(Base):
    """A file attached to a notice; the bytes live in the content-addressed store."""

    __tablename__ = "attachment"
    __table_args__ = (UniqueConstraint("notice_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)


class RelatedLink(Base):
    """A link from a notice to another notice id, which may be missing."""

    __tablename__ = "related_link"

    notice_id: Mapped[str] = mapped_column(
        ForeignKey("notice.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    target_id: Mapped[str] = mapped_column(String(120))


class NoticeRelation(Base):
    """A relation a notice states toward another notice id, which may be missing.

    `relation` is one of db.records.RELATIONS. The index on `target_id`
    answers the other direction: who replaces, amends, repeals this notice.
    """

    __tablename__ = "notice_relation"
    __table_args__ = (Index("ix_notice_relation_target", "target_id", "relation"),)

    notice_id: Mapped[str] = mapped_column(
        ForeignKey("notice.id", ondelete="CASCADE"), primary_key=True
    )
    relation: Mapped[str] = mapped_column(String(20), primary_key=True)
    target_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class RegisterEntry(Base):
    """One line of the incoming register (Sổ đăng ký văn bản đến).

    The import writes `year`, `number` (số đến), `notice_id` and
    `received_at` (ngày đến) in its own transaction; the clerk writes the
    rest. No line is ever deleted, so a number is never given twice.
    """

    __tablename__ = "register_entry"
    __table_args__ = (Index("ix_register_entry_status", "status"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(ForeignKey("notice.id"), unique=True)
    received_at: Mapped[datetime] = mapped_column(AwareDateTime())
    assigned_to: Mapped[str | None] = mapped_column(Text)
    handed_over: Mapped[date | None] = mapped_column(IsoDate())
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="received")


class ReadingState(Base):
    """What a person of this office did with a notice: views, opening times, bookmark."""

    __tablename__ = "reading_state"

    notice_id: Mapped[str] = mapped_column(
        ForeignKey("notice.id", ondelete="CASCADE"), primary_key=True
    )
    #: Whose state: the login name on a shared archive, '' on one PC (db.people).
    person: Mapped[str] = mapped_column(Text, primary_key=True, default="", server_default="")
    views: Mapped[int] = mapped_column(Integer, default=0)
    first_opened: Mapped[datetime | None] = mapped_column(AwareDateTime())
    last_opened: Mapped[datetime | None] = mapped_column(AwareDateTime())
    bookmarked: Mapped[bool] = mapped_column(Boolean, default=False)


class ImportLog(Base):
    """One applied bundle. Refused bundles and ones found already applied
    change nothing, so they are not logged here either."""

    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(64), index=True)
    publisher_id: Mapped[str] = mapped_column(String(120))
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime())
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    withdrawn: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    #: SHA-256 of the bundle's manifest.json as signed; None before schema 0004.
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))


class PublisherTrust(Base):
    """What the trust chain knows of a publisher: the newest `created` of its
    bundles applied here, and the root line it is bound to once a root
    delegated a key for it. (A table of its own: SQLite would rebuild
    `publisher`, which other tables refer to, to add columns with batch mode.)"""

    __tablename__ = "publisher_trust"

    publisher_id: Mapped[str] = mapped_column(ForeignKey("publisher.id"), primary_key=True)
    last_signed_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    root_fingerprint: Mapped[str | None] = mapped_column(String(64))


class TrustedRoot(Base):
    """A province's root this office trusts: its keys and how many must sign.

    A rotation the office followed sets `superseded_at` on the old root and
    adds the new one with `previous` naming it; `trust remove` sets
    `removed_at`. Only a root with neither is trusted now.
    """

    __tablename__ = "trusted_root"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: The root's public keys, base64, sorted.
    public_keys: Mapped[list[str]] = mapped_column(JSON)
    threshold: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(AwareDateTime())
    previous: Mapped[str | None] = mapped_column(String(64))
    superseded_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    removed_at: Mapped[datetime | None] = mapped_column(AwareDateTime())


class KeyDelegation(Base):
    """The newest delegation seen of a signing key: by which root, for whom, until when."""

    __tablename__ = "key_delegation"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    publisher_id: Mapped[str] = mapped_column(String(120))
    root_fingerprint: Mapped[str] = mapped_column(String(64))
    until: Mapped[date] = mapped_column(IsoDate())
    created: Mapped[datetime] = mapped_column(AwareDateTime())
    seen_at: Mapped[datetime] = mapped_column(AwareDateTime())


class KeyRevocation(Base):
    """A signing key a root revoked. Once seen, never forgotten: every bundle
    signed by the key is refused, older ones included."""

    __tablename__ = "key_revocation"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    root_fingerprint: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(AwareDateTime())
    seen_at: Mapped[datetime] = mapped_column(AwareDateTime())
    bundle_id: Mapped[str | None] = mapped_column(String(64))


class TrustedChannel(Base):
    """A province (channel) whose bundles this office takes.

    The first bundle that names a channel sets the office's own
    (`explicit` false); any other is added only by `bangtin trust
    add-channel`.
    """

    __tablename__ = "trusted_channel"

    channel: Mapped[str] = mapped_column(String(120), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(AwareDateTime())
    explicit: Mapped[bool] = mapped_column(Boolean, default=False)


# -- receipts (revision 0008): what an office tells the province, and what the province heard --


class OfficeIdentity(Base):
    """This archive's office: its name, its code (mã định danh) and its receipt key.

    One row at most (`id` is always 1). `key_path` is where `office init`
    wrote the private key, so that a receipt can be signed without asking.
    """

    __tablename__ = "office_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(32))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    key_path: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())


class OfficeEvent(Base):
    """Something this office did with a notice, to be told in a receipt.

    `code` is a status of the national exchange format ("01" arrived, "03"
    registered, "05" in progress, "06" done) or "opened" (the first
    opening). Rows are only added; `id` orders them, and a receipt carries
    those after the last acknowledged one.
    """

    __tablename__ = "office_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(120), index=True)
    code: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(AwareDateTime())
    person: Mapped[str | None] = mapped_column(Text)
    incoming_year: Mapped[int | None] = mapped_column(Integer)
    incoming_number: Mapped[int | None] = mapped_column(Integer)


class OfficeReport(Base):
    """A report file the office attached to a notice (báo cáo), kept in the file store."""

    __tablename__ = "office_report"
    __table_args__ = (UniqueConstraint("notice_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(120))
    sha256: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    attached_at: Mapped[datetime] = mapped_column(AwareDateTime())


class ReceiptWritten(Base):
    """A receipt this office wrote, and how far it reached in each list.

    `last_event_id`, `last_log_id` and `last_report_id` are the newest rows
    it carried; once the province acknowledges it (`acknowledged_at`), the
    next receipt starts after them.
    """

    __tablename__ = "receipt_written"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_id: Mapped[str] = mapped_column(String(32))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    last_log_id: Mapped[int] = mapped_column(Integer, default=0)
    last_report_id: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)
    acknowledged_at: Mapped[datetime | None] = mapped_column(AwareDateTime())


class EnrolledOffice(Base):
    """At the province: an office's receipt key, and the office it speaks for.

    A key speaks for one office code only; a receipt that claims another is
    refused. Removing a key keeps its row (`removed_at`).
    """

    __tablename__ = "enrolled_office"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    code: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(AwareDateTime())
    removed_at: Mapped[datetime | None] = mapped_column(AwareDateTime())


class ReceiptImported(Base):
    """At the province: one applied receipt."""

    __tablename__ = "receipt_imported"
    __table_args__ = (UniqueConstraint("office_code", "sequence"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_code: Mapped[str] = mapped_column(String(40))
    key_id: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    receipt_id: Mapped[str] = mapped_column(String(32))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime())
    acknowledged: Mapped[int] = mapped_column(Integer, default=0)
    bundles: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)
    reports: Mapped[int] = mapped_column(Integer, default=0)


class ReceiptBundle(Base):
    """At the province: a bundle an office says it applied."""

    __tablename__ = "receipt_bundle"

    office_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    publisher_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime())


class ReceiptEvent(Base):
    """At the province: a status event (or first opening) an office reported."""

    __tablename__ = "receipt_event"
    __table_args__ = (Index("ix_receipt_event_notice", "notice_id", "office_code"),)

    office_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime(), primary_key=True)
    person: Mapped[str | None] = mapped_column(Text)
    incoming_year: Mapped[int | None] = mapped_column(Integer)
    incoming_number: Mapped[int | None] = mapped_column(Integer)


class ReceiptReport(Base):
    """At the province: a report file an office sent, kept in the file store."""

    __tablename__ = "receipt_report"

    office_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    attached_at: Mapped[datetime] = mapped_column(AwareDateTime())


class StoredFile(Base):
    """An attachment's content, by its sha256: the shared archive's file store.

    Written in the import's own transaction on a PostgreSQL archive, so that
    every PC can open the files a bundle carried (db/filestore.py). A SQLite
    archive keeps its files in its data folder and leaves this table empty.
    """

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    content: Mapped[bytes] = mapped_column(LargeBinary)
