"""At an office: its identity, what it did with each notice, and the receipts it wrote.

An import records "01" (arrived) and "03" (registered) in its own
transaction (`record_arrivals`); a change of the register's handling status
records "05" or "06" (`record_status`). A receipt carries every event,
bundle and report after the last receipt the province acknowledged, so a
receipt lost on the way loses nothing: the next one carries it again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db import dialect
from db.folding import nfc
from db.models import (
    ImportLog,
    Notice,
    OfficeEvent,
    OfficeIdentity,
    OfficeReport,
    ReadingState,
    ReceiptWritten,
    RegisterEntry,
)

BATCH = 500
#: Status events, modelled on the national exchange format's status codes.
ARRIVED, REGISTERED, IN_PROGRESS, DONE = "01", "03", "05", "06"
STATUS_CODES = (ARRIVED, REGISTERED, IN_PROGRESS, DONE)
#: Not a status: the first time the notice was opened in this office.
OPENED = "opened"
#: The register's handling status -> the event it makes.
STATUS_EVENTS = {"in_progress": IN_PROGRESS, "done": DONE}


@dataclass(frozen=True)
class OfficeInfo:
    code: str
    name: str
    key_id: str
    public_key: bytes
    key_path: str | None
    created_at: datetime


@dataclass(frozen=True)
class EventRow:
    """One event: a status code or OPENED, when, by whom, with số đến for "03"."""

    notice_id: str
    code: str
    at: datetime
    person: str | None = None
    incoming_year: int | None = None
    incoming_number: int | None = None


@dataclass(frozen=True)
class BundleRow:
    """A bundle the office applied, as its import log has it."""

    publisher_id: str
    sequence: int
    bundle_id: str
    manifest_sha256: str
    imported_at: datetime


@dataclass(frozen=True)
class ReportRow:
    """A report file attached to a notice; the bytes are in the file store."""

    notice_id: str
    sha256: str
    name: str
    media_type: str
    size: int
    attached_at: datetime


@dataclass(frozen=True)
class Pending:
    """What the next receipt carries, and the newest row of each list it reaches."""

    events: list[EventRow]
    bundles: list[BundleRow]
    reports: list[ReportRow]
    last_event_id: int
    last_log_id: int
    last_report_id: int
    acknowledged: int


@dataclass(frozen=True)
class WrittenInfo:
    sequence: int
    receipt_id: str
    manifest_sha256: str
    created_at: datetime
    events: int
    acknowledged_at: datetime | None


def _chunks(items: Sequence[Any], size: int = BATCH) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- identity ------------------------------------------------------------------------------


def identity(session: Session) -> OfficeInfo | None:
    row = session.get(OfficeIdentity, 1)
    if row is None:
        return None
    return OfficeInfo(
        code=row.code,
        name=row.name,
        key_id=row.key_id,
        public_key=row.public_key,
        key_path=row.key_path,
        created_at=row.created_at,
    )


def set_identity(
    session: Session,
    *,
    code: str,
    name: str,
    key_id: str,
    public_key: bytes,
    key_path: str | None,
    at: datetime,
) -> None:
    """Record (or replace) the office's name, code and receipt key."""
    row = session.get(OfficeIdentity, 1)
    if row is None:
        row = OfficeIdentity(id=1)
        session.add(row)
    row.code = code
    row.name = nfc(name)
    row.key_id = key_id
    row.public_key = public_key
    row.key_path = key_path
    row.created_at = at
    session.flush()


# -- events --------------------------------------------------------------------------------


def _have(session: Session, code: str, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(ids, dialect.id_batch(session)):
        found.update(
            session.scalars(
                select(OfficeEvent.notice_id).where(
                    OfficeEvent.code == code, dialect.among(session, OfficeEvent.notice_id, chunk)
                )
            )
        )
    return found


def record_arrivals(session: Session, notice_ids: Sequence[str], at: datetime) -> int:
    """Events "01" and "03" for notices an import wrote; returns how many were added.

    Called in the import's transaction after the register was numbered. A
    notice arrives once: an update of it adds nothing; a withdrawn one
    arrives not at all. A line of the register not yet told becomes "03".
    """
    ids = list(dict.fromkeys(notice_ids))
    added = 0
    # A batch at a time, every "01" before any "03", as one list of rows
    # would have them; no event or set of the whole import is held at once.
    for chunk in _chunks(ids, dialect.id_batch(session)):
        live = set(
            session.scalars(
                select(Notice.id).where(
                    dialect.among(session, Notice.id, chunk), Notice.withdrawn.is_(False)
                )
            )
        )
        arrived = _have(session, ARRIVED, chunk)
        rows: list[dict[str, Any]] = [
            {"notice_id": i, "code": ARRIVED, "at": at}
            for i in chunk
            if i in live and i not in arrived
        ]
        dialect.insert_rows(session, OfficeEvent, rows)
        added += len(rows)
    for chunk in _chunks(ids, dialect.id_batch(session)):
        registered = _have(session, REGISTERED, chunk)
        lines = {
            notice_id: (year, number, received)
            for notice_id, year, number, received in session.execute(
                select(
                    RegisterEntry.notice_id,
                    RegisterEntry.year,
                    RegisterEntry.number,
                    RegisterEntry.received_at,
                ).where(dialect.among(session, RegisterEntry.notice_id, chunk))
            )
        }
        rows = []
        for notice_id in chunk:
            if notice_id in lines and notice_id not in registered:
                year, number, received = lines[notice_id]
                rows.append(
                    {
                        "notice_id": notice_id,
                        "code": REGISTERED,
                        "at": received,
                        "incoming_year": year,
                        "incoming_number": number,
                    }
                )
        dialect.insert_rows(session, OfficeEvent, rows)
        added += len(rows)
    return added


def record_status(
    session: Session, notice_id: str, status: str, at: datetime, person: str | None
) -> bool:
    """Event "05" or "06" for a register line whose status became *status*.

    Going back to "received" tells nothing: the province keeps the latest
    status it heard of. Returns whether an event was added.
    """
    code = STATUS_EVENTS.get(status)
    if code is None:
        return False
    session.add(OfficeEvent(notice_id=notice_id, code=code, at=at, person=person))
    session.flush()
    return True


def sync_openings(session: Session) -> int:
    """Turn first openings not yet told into OPENED events; returns how many."""
    told = select(OfficeEvent.notice_id).where(OfficeEvent.code == OPENED)
    # On a shared archive each person has a first opening: the office's is the earliest.
    first = func.min(ReadingState.first_opened)
    fresh = session.execute(
        select(ReadingState.notice_id, first)
        .where(ReadingState.first_opened.is_not(None), ReadingState.notice_id.not_in(told))
        .group_by(ReadingState.notice_id)
        .order_by(first, ReadingState.notice_id)
    ).all()
    rows = [{"notice_id": nid, "code": OPENED, "at": at} for nid, at in fresh]
    for chunk in _chunks(rows):
        session.execute(insert(OfficeEvent), list(chunk))
    return len(rows)


def untold_openings(session: Session) -> int:
    """First openings that `sync_openings` has not turned into events yet."""
    told = select(OfficeEvent.notice_id).where(OfficeEvent.code == OPENED)
    return int(
        session.scalar(
            select(func.count(ReadingState.notice_id.distinct())).where(
                ReadingState.first_opened.is_not(None), ReadingState.notice_id.not_in(told)
            )
        )
        or 0
    )


# -- reports -------------------------------------------------------------------------------


def add_report(session: Session, report: ReportRow) -> bool:
    """Attach a report to a notice; False when these very bytes are attached already."""
    exists = session.scalar(
        select(OfficeReport.id).where(
            OfficeReport.notice_id == report.notice_id, OfficeReport.sha256 == report.sha256
        )
    )
    if exists is not None:
        return False
    session.add(
        OfficeReport(
            notice_id=report.notice_id,
            sha256=report.sha256,
            name=nfc(report.name),
            media_type=report.media_type,
            size=report.size,
            attached_at=report.attached_at,
        )
    )
    session.flush()
    return True


# -- receipts ------------------------------------------------------------------------------


def acknowledged(session: Session) -> ReceiptWritten | None:
    """The newest receipt the province acknowledged."""
    return session.scalar(
        select(ReceiptWritten)
        .where(ReceiptWritten.acknowledged_at.is_not(None))
        .order_by(ReceiptWritten.sequence.desc())
        .limit(1)
    )


def pending(session: Session) -> Pending:
    """Everything after the last acknowledged receipt (cumulative until then)."""
    acked = acknowledged(session)
    after_event = acked.last_event_id if acked else 0
    after_log = acked.last_log_id if acked else 0
    after_report = acked.last_report_id if acked else 0
    events: list[EventRow] = []
    last_event = after_event
    for row in session.scalars(
        select(OfficeEvent).where(OfficeEvent.id > after_event).order_by(OfficeEvent.id)
    ):
        last_event = row.id
        events.append(
            EventRow(
                notice_id=row.notice_id,
                code=row.code,
                at=row.at,
                person=row.person,
                incoming_year=row.incoming_year,
                incoming_number=row.incoming_number,
            )
        )
    bundles: list[BundleRow] = []
    last_log = after_log
    for log in session.scalars(
        select(ImportLog)
        .where(ImportLog.id > after_log, ImportLog.outcome == "imported")
        .order_by(ImportLog.id)
    ):
        last_log = log.id
        bundles.append(
            BundleRow(
                publisher_id=log.publisher_id,
                sequence=log.sequence,
                bundle_id=log.bundle_id,
                # Logged before schema 0004: no hash was kept.
                manifest_sha256=log.manifest_sha256 or "",
                imported_at=log.imported_at,
            )
        )
    reports: list[ReportRow] = []
    last_report = after_report
    for rep in session.scalars(
        select(OfficeReport).where(OfficeReport.id > after_report).order_by(OfficeReport.id)
    ):
        last_report = rep.id
        reports.append(
            ReportRow(
                notice_id=rep.notice_id,
                sha256=rep.sha256,
                name=rep.name,
                media_type=rep.media_type,
                size=rep.size,
                attached_at=rep.attached_at,
            )
        )
    return Pending(
        events=events,
        bundles=bundles,
        reports=reports,
        last_event_id=last_event,
        last_log_id=last_log,
        last_report_id=last_report,
        acknowledged=acked.sequence if acked else 0,
    )


def last_sequence(session: Session) -> int:
    return int(session.scalar(select(func.max(ReceiptWritten.sequence))) or 0)


def record_written(
    session: Session,
    *,
    sequence: int,
    receipt_id: str,
    manifest_sha256: str,
    created_at: datetime,
    carried: Pending,
) -> None:
    session.add(
        ReceiptWritten(
            sequence=sequence,
            receipt_id=receipt_id,
            manifest_sha256=manifest_sha256,
            created_at=created_at,
            last_event_id=carried.last_event_id,
            last_log_id=carried.last_log_id,
            last_report_id=carried.last_report_id,
            events=len(carried.events),
        )
    )
    session.flush()


def written(session: Session, sequence: int) -> WrittenInfo | None:
    row = session.get(ReceiptWritten, sequence)
    return _written_info(row) if row is not None else None


def last_written(session: Session) -> WrittenInfo | None:
    row = session.scalar(select(ReceiptWritten).order_by(ReceiptWritten.sequence.desc()).limit(1))
    return _written_info(row) if row is not None else None


def _written_info(row: ReceiptWritten) -> WrittenInfo:
    return WrittenInfo(
        sequence=row.sequence,
        receipt_id=row.receipt_id,
        manifest_sha256=row.manifest_sha256,
        created_at=row.created_at,
        events=row.events,
        acknowledged_at=row.acknowledged_at,
    )


def acknowledge(session: Session, sequence: int, at: datetime) -> bool:
    """Mark receipt *sequence* acknowledged; False when it was already."""
    row = session.get(ReceiptWritten, sequence)
    if row is None or row.acknowledged_at is not None:
        return False
    row.acknowledged_at = at
    session.flush()
    return True


def untold(session: Session) -> int:
    """Events no receipt has carried yet (first openings included)."""
    last = session.scalar(select(func.max(ReceiptWritten.last_event_id))) or 0
    newer = session.scalar(
        select(func.count()).select_from(OfficeEvent).where(OfficeEvent.id > last)
    )
    return int(newer or 0) + untold_openings(session)
