"""At the province: the offices it enrolled, and what their receipts told it.

Writes run inside the caller's transaction (a receipt import is one); reads
return plain dataclasses. Receipts are cumulative until acknowledged, so the
same event, bundle or report often arrives twice: each is kept once, by
what it is (office, notice, status, time), never by its place in a receipt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import dialect
from db.folding import nfc
from db.models import (
    EnrolledOffice,
    Notice,
    Publisher,
    ReceiptBundle,
    ReceiptEvent,
    ReceiptImported,
    ReceiptReport,
)
from db.officelog import BundleRow, EventRow, ReportRow

BATCH = 500


@dataclass(frozen=True)
class EnrolledInfo:
    key_id: str
    public_key: bytes
    code: str
    name: str
    added_at: datetime


@dataclass(frozen=True)
class ReceiptInfo:
    """A receipt the province applied."""

    office_code: str
    key_id: str
    sequence: int
    receipt_id: str
    manifest_sha256: str
    created_at: datetime
    imported_at: datetime


@dataclass(frozen=True)
class ReceiptCounts:
    """What one receipt added that the province did not have yet."""

    bundles: int = 0
    events: int = 0
    reports: int = 0


class EnrolConflict(Exception):
    """The key speaks for another office already; `code` is that office's code."""

    def __init__(self, key_id: str, code: str) -> None:
        super().__init__(f"{key_id} speaks for {code}")
        self.key_id = key_id
        self.code = code


def _chunks(items: Sequence[Any], size: int = BATCH) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _info(row: EnrolledOffice) -> EnrolledInfo:
    return EnrolledInfo(
        key_id=row.key_id,
        public_key=row.public_key,
        code=row.code,
        name=row.name,
        added_at=row.added_at,
    )


# -- enrolment -----------------------------------------------------------------------------


def enroll(
    session: Session, key_id: str, public_key: bytes, code: str, name: str, at: datetime
) -> bool:
    """Enrol an office's key for *code*; False when it is enrolled already, unchanged.

    A key enrolled before for another code is refused (EnrolConflict): a key
    speaks for one office, so that no office can report about another.
    """
    row = session.get(EnrolledOffice, key_id)
    if row is not None and row.code != code:
        raise EnrolConflict(key_id, row.code)
    if row is not None and row.removed_at is None:
        if name and row.name != nfc(name):
            row.name = nfc(name)
            session.flush()
        return False
    if row is None:
        session.add(
            EnrolledOffice(
                key_id=key_id, public_key=public_key, code=code, name=nfc(name), added_at=at
            )
        )
    else:
        row.removed_at = None
        row.name = nfc(name) or row.name
        row.added_at = at
    session.flush()
    return True


def unenroll(session: Session, key_id: str, at: datetime) -> bool:
    row = session.get(EnrolledOffice, key_id)
    if row is None or row.removed_at is not None:
        return False
    row.removed_at = at
    session.flush()
    return True


def enrolled_key(session: Session, key_id: str) -> EnrolledInfo | None:
    """The enrolled office whose key this is, if the key is enrolled now."""
    row = session.get(EnrolledOffice, key_id)
    if row is None or row.removed_at is not None:
        return None
    return _info(row)


def enrolled_offices(session: Session) -> list[EnrolledInfo]:
    """Every office enrolled now, by code; an office with two keys is listed once."""
    seen: dict[str, EnrolledInfo] = {}
    for row in session.scalars(
        select(EnrolledOffice)
        .where(EnrolledOffice.removed_at.is_(None))
        .order_by(EnrolledOffice.code, EnrolledOffice.added_at.desc())
    ):
        seen.setdefault(row.code, _info(row))
    return list(seen.values())


def has_enrolled(session: Session) -> bool:
    return (
        session.scalar(
            select(EnrolledOffice.key_id).where(EnrolledOffice.removed_at.is_(None)).limit(1)
        )
        is not None
    )


# -- receipts ------------------------------------------------------------------------------


def _receipt_info(row: ReceiptImported) -> ReceiptInfo:
    return ReceiptInfo(
        office_code=row.office_code,
        key_id=row.key_id,
        sequence=row.sequence,
        receipt_id=row.receipt_id,
        manifest_sha256=row.manifest_sha256,
        created_at=row.created_at,
        imported_at=row.imported_at,
    )


def last_receipt(session: Session, code: str) -> ReceiptInfo | None:
    row = session.scalar(
        select(ReceiptImported)
        .where(ReceiptImported.office_code == code)
        .order_by(ReceiptImported.sequence.desc())
        .limit(1)
    )
    return _receipt_info(row) if row is not None else None


def receipt_applied(session: Session, code: str, receipt_id: str, digest: str) -> bool:
    """Whether this very receipt was applied: same office, receipt id and manifest."""
    return (
        session.scalar(
            select(ReceiptImported.id)
            .where(
                ReceiptImported.office_code == code,
                ReceiptImported.receipt_id == receipt_id,
                ReceiptImported.manifest_sha256 == digest,
            )
            .limit(1)
        )
        is not None
    )


def _insert_new(session: Session, table: Any, code: str, rows: list[dict[str, Any]]) -> int:
    """Insert *rows* of office *code*, keeping rows already there; returns how many were new."""

    def count() -> int:
        return int(
            session.scalar(select(func.count()).select_from(table).where(table.office_code == code))
            or 0
        )

    before = count()
    for chunk in _chunks(rows):
        session.execute(dialect.insert(session, table).on_conflict_do_nothing(), list(chunk))
    return count() - before


def apply_receipt(
    session: Session,
    *,
    code: str,
    key_id: str,
    sequence: int,
    receipt_id: str,
    digest: str,
    created_at: datetime,
    acknowledged: int,
    bundles: Sequence[BundleRow],
    events: Sequence[EventRow],
    reports: Sequence[ReportRow],
    at: datetime,
    progress: Any = None,
) -> ReceiptCounts:
    """Write what a receipt says; rows the province has already are kept as they are."""
    new_bundles = _insert_new(
        session,
        ReceiptBundle,
        code,
        [
            {
                "office_code": code,
                "publisher_id": b.publisher_id,
                "bundle_id": b.bundle_id,
                "manifest_sha256": b.manifest_sha256,
                "sequence": b.sequence,
                "imported_at": b.imported_at,
            }
            for b in bundles
        ],
    )
    new_events = 0
    rows = [
        {
            "office_code": code,
            "notice_id": e.notice_id,
            "code": e.code,
            "at": e.at,
            "person": e.person,
            "incoming_year": e.incoming_year,
            "incoming_number": e.incoming_number,
        }
        for e in events
    ]
    for done, chunk in enumerate(_chunks(rows, 5000), start=1):
        new_events += _insert_new(session, ReceiptEvent, code, list(chunk))
        if progress is not None:
            progress(min(done * 5000, len(rows)), len(rows))
    new_reports = _insert_new(
        session,
        ReceiptReport,
        code,
        [
            {
                "office_code": code,
                "notice_id": r.notice_id,
                "sha256": r.sha256,
                "name": nfc(r.name),
                "media_type": r.media_type,
                "size": r.size,
                "attached_at": r.attached_at,
            }
            for r in reports
        ],
    )
    counts = ReceiptCounts(bundles=new_bundles, events=new_events, reports=new_reports)
    session.add(
        ReceiptImported(
            office_code=code,
            key_id=key_id,
            sequence=sequence,
            receipt_id=receipt_id,
            manifest_sha256=digest,
            created_at=created_at,
            imported_at=at,
            acknowledged=acknowledged,
            bundles=counts.bundles,
            events=counts.events,
            reports=counts.reports,
        )
    )
    session.flush()
    return counts


# -- what the report reads ------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeHead:
    """A notice as the report names it."""

    id: str
    title: str
    number: str | None
    deadline: Any
    published: datetime | None
    #: False for an id only receipts name: the archive does not hold the notice.
    held: bool = True


def notices(session: Session, notice_id: str | None = None) -> list[NoticeHead]:
    """The notices offices are expected to receive: live ones, newest first,
    and ids that receipts name but the archive does not hold (with no title)."""
    query = select(Notice.id, Notice.title, Notice.number, Notice.deadline, Notice.published).where(
        Notice.withdrawn.is_(False), Notice.has_content.is_(True)
    )
    if notice_id is not None:
        query = query.where(Notice.id == notice_id)
    heads = [
        NoticeHead(id=i, title=t, number=n, deadline=d, published=p)
        for i, t, n, d, p in session.execute(query.order_by(Notice.published.desc(), Notice.id))
    ]
    known = {h.id for h in heads}
    told = select(ReceiptEvent.notice_id).group_by(ReceiptEvent.notice_id)
    if notice_id is not None:
        told = told.where(ReceiptEvent.notice_id == notice_id)
    withdrawn = set(session.scalars(select(Notice.id).where(Notice.withdrawn.is_(True))))
    for (nid,) in session.execute(told.order_by(ReceiptEvent.notice_id)):
        if nid not in known and nid not in withdrawn:
            heads.append(
                NoticeHead(id=nid, title="", number=None, deadline=None, published=None, held=False)
            )
    return heads


def events_for(
    session: Session, notice_ids: Sequence[str] | None = None
) -> dict[tuple[str, str], list[EventRow]]:
    """(notice, office code) -> its events in time order (status events and first openings)."""
    query = select(ReceiptEvent).order_by(ReceiptEvent.at, ReceiptEvent.code)
    found: dict[tuple[str, str], list[EventRow]] = {}
    batches: Iterable[Sequence[str] | None] = (
        [None] if notice_ids is None else _chunks(list(notice_ids))
    )
    for chunk in batches:
        q = query if chunk is None else query.where(ReceiptEvent.notice_id.in_(chunk))
        for row in session.scalars(q):
            found.setdefault((row.notice_id, row.office_code), []).append(
                EventRow(
                    notice_id=row.notice_id,
                    code=row.code,
                    at=row.at,
                    person=row.person,
                    incoming_year=row.incoming_year,
                    incoming_number=row.incoming_number,
                )
            )
    return found


def reports_for(session: Session) -> dict[tuple[str, str], list[ReportRow]]:
    """(notice, office code) -> the reports it sent, oldest first."""
    found: dict[tuple[str, str], list[ReportRow]] = {}
    for row in session.scalars(select(ReceiptReport).order_by(ReceiptReport.attached_at)):
        found.setdefault((row.notice_id, row.office_code), []).append(
            ReportRow(
                notice_id=row.notice_id,
                sha256=row.sha256,
                name=row.name,
                media_type=row.media_type,
                size=row.size,
                attached_at=row.attached_at,
            )
        )
    return found


def last_bundles(session: Session) -> dict[str, list[BundleRow]]:
    """Office code -> per publisher, the newest bundle it applied."""
    found: dict[str, dict[str, BundleRow]] = {}
    for row in session.scalars(select(ReceiptBundle).order_by(ReceiptBundle.sequence)):
        found.setdefault(row.office_code, {})[row.publisher_id] = BundleRow(
            publisher_id=row.publisher_id,
            sequence=row.sequence,
            bundle_id=row.bundle_id,
            manifest_sha256=row.manifest_sha256,
            imported_at=row.imported_at,
        )
    return {code: list(by_publisher.values()) for code, by_publisher in found.items()}


def publisher_names(session: Session) -> dict[str, str]:
    """Publisher id -> its name, for the publishers this archive knows."""
    return {pid: name for pid, name in session.execute(select(Publisher.id, Publisher.name))}


def newest_sequences(session: Session) -> dict[str, int]:
    """Per publisher any office applied, the newest sequence known here: the
    province's own import of it, or the newest an office reported."""
    newest: dict[str, int] = {
        pub: int(seq or 0)
        for pub, seq in session.execute(
            select(ReceiptBundle.publisher_id, func.max(ReceiptBundle.sequence)).group_by(
                ReceiptBundle.publisher_id
            )
        )
    }
    for pub, seq in session.execute(
        select(Publisher.id, Publisher.last_sequence).where(Publisher.id.in_(list(newest)))
    ):
        newest[pub] = max(newest[pub], int(seq or 0))
    return newest


def last_receipts(session: Session) -> dict[str, ReceiptInfo]:
    """Office code -> the newest receipt applied from it."""
    found: dict[str, ReceiptInfo] = {}
    for row in session.scalars(select(ReceiptImported).order_by(ReceiptImported.sequence)):
        found[row.office_code] = _receipt_info(row)
    return found
