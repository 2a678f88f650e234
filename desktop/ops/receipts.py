"""Receipts as operations, shared by the window and `bangtin office | receipt | receipts`.

At an office: its identity (`init_office`), attaching reports, writing a
receipt and reading the province's acknowledgement. At the province:
enrolling offices, importing receipts, and the report of who received,
registered and answered what (`tracking_report`). Reads return frozen
dataclasses; writes return `Written(value, Changes(receipts=True))`. No Qt.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.common import VN_TZ
from desktop.ops.changes import NO_CHANGES, Changes, Written

if TYPE_CHECKING:
    from db.archive import Archive
    from db.officelog import EventRow, OfficeInfo, ReportRow
    from db.tracking import EnrolledInfo, ReceiptInfo
    from desktop.receipts.ack import AckResult
    from desktop.receipts.builder import ReceiptBuildResult

RECEIPTS_CHANGED = Changes(receipts=True)


class OfficeError(ValueError):
    """A request about the office's identity or enrolment that cannot be met.

    `code` is the catalog key of its sentence, `params` its values.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _now() -> datetime:
    return datetime.now(UTC).astimezone(VN_TZ).replace(microsecond=0)


def today() -> date:
    from db.validity import today as vn_today

    return vn_today()


# -- the office's identity ---------------------------------------------------------------------


def clean_code(code: str) -> str:
    """An agency code as stored: trimmed, upper case; OfficeError when it is not one."""
    from desktop.receipts.manifest import OFFICE_CODE_RE

    value = code.strip().upper()
    if not OFFICE_CODE_RE.match(value):
        raise OfficeError("office_bad_code", agency=code.strip()[:60])
    return value


def clean_office_name(name: str) -> str:
    from desktop.bundles.keys import clean_name

    value = clean_name(name, 300)
    if not value:
        raise OfficeError("office_bad_name")
    return value


def office_info(archive: Archive) -> OfficeInfo | None:
    from db import officelog

    with archive.reading() as session:
        return officelog.identity(session)


def init_office(archive: Archive, name: str, code: str, key_out: Path) -> Written[OfficeInfo]:
    """Make the office's key pair in *key_out* and record its name and code.

    Refuses an archive that has an identity already (its key is the one the
    province enrolled) and a folder that holds an office key already.
    """
    from db import notify, officelog
    from desktop.bundles import keys
    from desktop.receipts.builder import PRIVATE_NAME, PUBLIC_NAME

    clean = clean_code(code)
    office_name = clean_office_name(name)
    existing = office_info(archive)
    if existing is not None:
        raise OfficeError(
            "office_exists", name=existing.name, agency=existing.code, key_id=existing.key_id
        )
    key_out = Path(key_out)
    if (key_out / PRIVATE_NAME).exists():
        raise OfficeError("office_key_exists", path=key_out / PRIVATE_NAME)
    private, _public, kid = keys.generate_keypair(
        key_out,
        f"{clean} {office_name}",
        private_name=PRIVATE_NAME,
        public_name=PUBLIC_NAME,
    )
    raw = keys.public_raw(keys.load_private_key(private))
    with archive.writing() as session:
        officelog.set_identity(
            session,
            code=clean,
            name=office_name,
            key_id=kid,
            public_key=raw,
            key_path=str(private.resolve()),
            at=_now(),
        )
        info = officelog.identity(session)
        notify.announce(session, "receipts")
    assert info is not None
    return Written(info, RECEIPTS_CHANGED)


@dataclass(frozen=True)
class ReceiptStatus:
    """What the office's window shows: its identity, its last receipt, what is not told yet."""

    office: OfficeInfo | None
    last_sequence: int
    last_written: datetime | None
    acknowledged: int
    untold: int


def receipt_status(archive: Archive) -> ReceiptStatus:
    from db import officelog

    with archive.reading() as session:
        office = officelog.identity(session)
        last = officelog.last_written(session)
        acked = officelog.acknowledged(session)
        untold = officelog.untold(session)
    return ReceiptStatus(
        office=office,
        last_sequence=last.sequence if last else 0,
        last_written=last.created_at if last else None,
        acknowledged=acked.sequence if acked else 0,
        untold=untold,
    )


# -- reports and receipts, at the office -------------------------------------------------------


def attach_report(archive: Archive, notice_id: str, source: Path) -> Written[ReportRow]:
    """Attach the report file at *source* to *notice_id*; the bytes go to the file store.

    The file is copied first and the copy is checked, so what is checked is
    what is kept. Raises OfficeError (no such notice), ReceiptError (type,
    size) and OSError.
    """
    from db import filestore, notify, officelog, queries
    from db.archive import fsync_dir, make_private_dir
    from db.officelog import ReportRow
    from desktop.receipts.manifest import MAX_REPORT
    from desktop.receipts.reports import check_report

    source = Path(source)
    with archive.reading() as session:
        if queries.get_notice(session, notice_id) is None:
            raise OfficeError("report_unknown_notice", id=notice_id)
    make_private_dir(archive.staging_dir)
    copy = archive.staging_dir / f"report-{uuid.uuid4().hex}"
    try:
        with source.open("rb") as src, copy.open("wb") as dst:
            os.chmod(copy, 0o600)
            # One byte more than allowed is enough to know it is too large.
            shutil.copyfileobj(_Capped(src, MAX_REPORT + 1), dst)
            dst.flush()
            os.fsync(dst.fileno())
        checked = check_report(copy, source.name)
        row = ReportRow(
            notice_id=notice_id,
            sha256=checked.sha256,
            name=checked.name,
            media_type=checked.media_type,
            size=checked.size,
            attached_at=_now(),
        )
        dest = archive.file_path(checked.sha256)
        if not (dest.exists() and dest.stat().st_size == checked.size):
            make_private_dir(dest.parent)
            os.replace(copy, dest)
            fsync_dir(dest.parent)
        with archive.writing() as session:
            added = officelog.add_report(session, row)
            filestore.keep(session, {checked.sha256: dest})  # every PC's, on a shared archive
            notify.announce(session, "receipts")
    finally:
        copy.unlink(missing_ok=True)
    return Written(row, RECEIPTS_CHANGED if added else NO_CHANGES)


class _Capped:
    """A reader that stops after *limit* bytes."""

    def __init__(self, inner: object, limit: int) -> None:
        self._inner = inner
        self._left = limit

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        want = self._left if size < 0 else min(size, self._left)
        data: bytes = self._inner.read(want)  # type: ignore[attr-defined]
        self._left -= len(data)
        return data


def write_receipt(archive: Archive, out: Path) -> Written[ReceiptBuildResult]:
    """Write a receipt of everything since the last acknowledged one to *out*."""
    from desktop.receipts.builder import build_receipt

    return Written(build_receipt(archive, Path(out)), RECEIPTS_CHANGED)


def receipt_file_name(status: ReceiptStatus) -> str:
    """ "bao-nhan-000.00.12.H56-000004.bangtin-receipt": the next receipt's suggested name."""
    from desktop.receipts.manifest import SUFFIX

    code = status.office.code if status.office else "don-vi"
    return f"bao-nhan-{code}-{status.last_sequence + 1:06d}{SUFFIX}"


def read_ack(archive: Archive, path: Path) -> Written[AckResult]:
    from desktop.receipts.ack import read_ack as read

    result = read(archive, Path(path))
    return Written(result, RECEIPTS_CHANGED if result.status == "acknowledged" else NO_CHANGES)


def read_acks_on(archive: Archive, root: Path) -> Written[list[AckResult]]:
    """Read every acknowledgement on a stick; those that are not sound are passed over."""
    from desktop.receipts.ack import find_acks
    from desktop.receipts.ack import read_ack as read
    from desktop.receipts.errors import ReceiptError

    results = []
    for path in find_acks(Path(root)):
        try:
            results.append(read(archive, path))
        except (ReceiptError, OSError):
            continue
    changed = any(r.status == "acknowledged" for r in results)
    return Written(results, RECEIPTS_CHANGED if changed else NO_CHANGES)


# -- at the province -----------------------------------------------------------------------------


def enrol_office(
    archive: Archive, pub: Path, name: str | None = None, code: str | None = None
) -> Written[tuple[EnrolledInfo, bool]]:
    """Enrol the office whose `office.pub` is at *pub*; returns it and whether it is new.

    The code is *code*, or the first word of the key's comment (`office
    init` writes "CODE NAME" there); the name is *name*, or the rest.
    """
    from db import notify, tracking
    from desktop.bundles import keys

    raw, comment = keys.load_public_key(Path(pub))
    words = comment.split(maxsplit=1)
    given_code = code or (words[0] if words else "")
    if not given_code:
        raise OfficeError("office_pub_no_code", path=pub)
    clean = clean_code(given_code)
    office_name = clean_office_name(name or (words[1] if len(words) > 1 else clean))
    kid = keys.key_id(raw)
    with archive.writing() as session:
        try:
            added = tracking.enroll(session, kid, raw, clean, office_name, _now())
        except tracking.EnrolConflict as exc:
            raise OfficeError("office_key_other", key_id=kid, agency=exc.code) from exc
        info = tracking.enrolled_key(session, kid)
        notify.announce(session, "receipts")
    assert info is not None
    return Written((info, added), RECEIPTS_CHANGED if added else NO_CHANGES)


def enrolled(archive: Archive) -> list[EnrolledInfo]:
    from db import tracking

    with archive.reading() as session:
        return tracking.enrolled_offices(session)


def has_enrolled(archive: Archive) -> bool:
    from db import tracking

    with archive.reading() as session:
        return tracking.has_enrolled(session)


# -- the report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeState:
    """One office's state for one notice."""

    code: str
    name: str
    #: The latest status ("01", "03", "05", "06"), None: not received (nothing heard).
    status: str | None
    at: datetime | None
    person: str | None
    incoming: str | None
    opened: datetime | None
    reports: tuple[ReportRow, ...]
    #: For a notice with a deadline: whether the office answered (06 or a report), and when.
    answered: datetime | None
    #: Days past the deadline: of the answer, or (not answered) of today; 0 when in time.
    days_late: int | None


@dataclass(frozen=True)
class NoticeState:
    notice_id: str
    title: str
    number: str | None
    deadline: date | None
    offices: tuple[OfficeState, ...]
    #: False when only receipts name the notice: this archive does not hold it (a
    #: province that never imported its own bundle), so its number and title are unknown.
    held: bool = True

    @property
    def not_received(self) -> tuple[OfficeState, ...]:
        return tuple(o for o in self.offices if o.status is None)

    @property
    def not_answered(self) -> tuple[OfficeState, ...]:
        if self.deadline is None:
            return ()
        return tuple(o for o in self.offices if o.answered is None)

    @property
    def overdue(self) -> bool:
        return any(o.answered is None and (o.days_late or 0) > 0 for o in self.offices)


@dataclass(frozen=True)
class OfficeSummary:
    code: str
    name: str
    key_id: str
    last_receipt: ReceiptInfo | None
    #: The newest bundle applied, of the publisher it is furthest behind on.
    last_bundle_publisher: str | None
    #: That publisher's name, when this archive knows it (else None: only its id is known).
    last_bundle_publisher_name: str | None
    last_bundle_sequence: int
    last_bundle_at: datetime | None
    #: Bundles behind the newest the province knows, counted by sequence, over publishers.
    behind: int


@dataclass(frozen=True)
class TrackingReport:
    day: date
    offices: tuple[OfficeSummary, ...]
    notices: tuple[NoticeState, ...]

    @property
    def not_held(self) -> int:
        """How many notices offices told of that this archive does not hold."""
        return sum(1 for n in self.notices if not n.held)


def _incoming(event: EventRow) -> str | None:
    if event.incoming_number is None or event.incoming_year is None:
        return None
    return f"{event.incoming_number}/{event.incoming_year}"


def _office_state(
    office: EnrolledInfo,
    events: list[EventRow],
    reports: list[ReportRow],
    deadline: date | None,
    day: date,
) -> OfficeState:
    # db.officelog loads SQLAlchemy: the window imports this module before its first paint.
    from db.officelog import DONE, OPENED, STATUS_CODES

    order = {code: rank for rank, code in enumerate(STATUS_CODES, start=1)}
    statuses = [e for e in events if e.code in order]
    latest = max(statuses, key=lambda e: (e.at, order[e.code]), default=None)
    registered = next((e for e in statuses if e.code == "03"), None)
    opened = min((e.at for e in events if e.code == OPENED), default=None)
    answers = [e.at for e in statuses if e.code == DONE] + [r.attached_at for r in reports]
    answered = min(answers, default=None)
    days_late: int | None = None
    if deadline is not None:
        until = answered.astimezone(VN_TZ).date() if answered is not None else day
        days_late = max(0, (until - deadline).days)
    return OfficeState(
        code=office.code,
        name=office.name,
        status=latest.code if latest else None,
        at=latest.at if latest else None,
        person=latest.person if latest else None,
        incoming=_incoming(registered) if registered else None,
        opened=opened,
        reports=tuple(reports),
        answered=answered if deadline is not None else None,
        days_late=days_late,
    )


def tracking_report(
    archive: Archive,
    *,
    notice_id: str | None = None,
    office_code: str | None = None,
    day: date | None = None,
) -> TrackingReport:
    """Per notice, each enrolled office's latest status; per office, how far it got.

    Raises OfficeError for an office code no office is enrolled under.
    """
    from db import tracking

    day = day or today()
    with archive.reading() as session:
        offices = tracking.enrolled_offices(session)
        if office_code is not None:
            wanted = office_code.strip().upper()
            offices = [o for o in offices if o.code == wanted]
            if not offices:
                raise OfficeError("office_unknown", agency=office_code)
        heads = tracking.notices(session, notice_id)
        events = tracking.events_for(session, [h.id for h in heads] if notice_id else None)
        reports = tracking.reports_for(session)
        receipts = tracking.last_receipts(session)
        bundles = tracking.last_bundles(session)
        newest = tracking.newest_sequences(session)
        publishers = tracking.publisher_names(session)
    notices = tuple(
        NoticeState(
            notice_id=head.id,
            title=head.title,
            number=head.number,
            deadline=head.deadline,
            held=head.held,
            offices=tuple(
                _office_state(
                    office,
                    events.get((head.id, office.code), []),
                    reports.get((head.id, office.code), []),
                    head.deadline,
                    day,
                )
                for office in offices
            ),
        )
        for head in heads
    )
    summaries = []
    for office in offices:
        applied = {b.publisher_id: b for b in bundles.get(office.code, [])}
        gaps = {
            pub: max(0, seq - (applied[pub].sequence if pub in applied else 0))
            for pub, seq in newest.items()
        }
        worst = max(gaps, key=lambda pub: (gaps[pub], pub), default=None)
        shown = applied.get(worst) if worst is not None else None
        summaries.append(
            OfficeSummary(
                code=office.code,
                name=office.name,
                key_id=office.key_id,
                last_receipt=receipts.get(office.code),
                last_bundle_publisher=worst,
                last_bundle_publisher_name=publishers.get(worst) if worst else None,
                last_bundle_sequence=shown.sequence if shown else 0,
                last_bundle_at=shown.imported_at if shown else None,
                behind=sum(gaps.values()),
            )
        )
    return TrackingReport(day=day, offices=tuple(summaries), notices=notices)
