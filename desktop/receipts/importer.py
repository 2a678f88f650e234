"""Importing an office's receipt at the province, all or nothing.

As with a bundle: verify and stage (reader), then one SQLite transaction
that re-checks whether the receipt applies, writes what it tells, and moves
its report files into the content-addressed store before it commits. The
archive's write lock is held throughout, so the same receipt imported twice
at once is applied once, and a kill at any point leaves the archive as it
was or as it is after.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.exc import DBAPIError as SADBAPIError
from sqlalchemy.orm import Session

from db import filestore, notify, tracking
from db.archive import WRITE_WAIT_S, Archive, fsync_dir, make_private_dir
from db.errors import ArchiveError, ErrorCode, classify
from db.tracking import EnrolledInfo
from db.types import VN_TZ
from desktop.bundles.errors import ImportCancelled
from desktop.receipts.errors import ReceiptCode, ReceiptError
from desktop.receipts.manifest import ReceiptManifest
from desktop.receipts.reader import Cancel, Progress, StagedReceipt, stage_receipt

#: As for bundles: no office writes that many receipts between two imports.
MAX_SEQUENCE_STEP = 100_000


@dataclass(frozen=True)
class ReceiptImportResult:
    """What a receipt import did. `status` is "imported" or "already"."""

    status: Literal["imported", "already"]
    office_code: str
    office_name: str
    sequence: int
    receipt_id: str
    bundles: int = 0
    events: int = 0
    reports: int = 0

    def to_json(self, reason: str | None = None) -> dict[str, Any]:
        return {
            "status": self.status,
            "office": self.office_code,
            "office_name": self.office_name,
            "sequence": self.sequence,
            "receipt_id": self.receipt_id,
            "bundles": self.bundles,
            "events": self.events,
            "reports": self.reports,
            "reason": reason,
            "code": None,
        }


class _Already(Exception):
    def __init__(self, manifest: ReceiptManifest, office: EnrolledInfo) -> None:
        super().__init__(manifest.receipt_id)
        self.manifest = manifest
        self.office = office


def applicability(session: Session, manifest: ReceiptManifest) -> Literal["apply", "already"]:
    """Whether the receipt applies now; raises ReceiptError for an older or far-off one."""
    code = manifest.office_code
    if tracking.receipt_applied(session, code, manifest.receipt_id, manifest.digest):
        return "already"
    last = tracking.last_receipt(session, code)
    last_sequence = last.sequence if last else 0
    if manifest.sequence <= last_sequence:
        raise ReceiptError(
            ReceiptCode.ROLLBACK, sequence=manifest.sequence, office=code, last=last_sequence
        )
    if manifest.sequence > last_sequence + MAX_SEQUENCE_STEP:
        raise ReceiptError(
            ReceiptCode.SEQUENCE_JUMP,
            sequence=manifest.sequence,
            office=code,
            last=last_sequence,
            limit=last_sequence + MAX_SEQUENCE_STEP,
        )
    return "apply"


def _result(
    staged_manifest: ReceiptManifest,
    office: EnrolledInfo,
    status: Literal["imported", "already"],
    counts: tracking.ReceiptCounts | None = None,
) -> ReceiptImportResult:
    counts = counts or tracking.ReceiptCounts()
    return ReceiptImportResult(
        status=status,
        office_code=office.code,
        office_name=office.name,
        sequence=staged_manifest.sequence,
        receipt_id=staged_manifest.receipt_id,
        bundles=counts.bundles,
        events=counts.events,
        reports=counts.reports,
    )


def _stage(
    archive: Archive,
    path: Path,
    staging_root: Path,
    progress: Progress | None,
    cancel: Cancel | None,
) -> StagedReceipt:
    with archive.reading() as session:

        def lookup(key_id: str) -> EnrolledInfo | None:
            return tracking.enrolled_key(session, key_id)

        def before(manifest: ReceiptManifest, office: EnrolledInfo) -> None:
            if applicability(session, manifest) == "already":
                raise _Already(manifest, office)

        return stage_receipt(
            path, staging_root, lookup, progress=progress, cancel=cancel, before_staging=before
        )


def import_receipt(
    archive: Archive,
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    wait_s: float = WRITE_WAIT_S,
) -> ReceiptImportResult:
    """Verify, stage and apply the receipt at *path* in one transaction.

    Raises ReceiptError when refused and ImportCancelled when *cancel* said
    so; in both cases the archive is unchanged.
    """

    def waiting() -> None:
        if progress is not None:
            progress("waiting", 0, 1)

    try:
        with archive.write_lock(wait_s=wait_s, waiting=waiting, cancel=cancel):
            if archive.replaced():
                raise ReceiptError(ReceiptCode.ARCHIVE_REPLACED)
            return _import_locked(archive, Path(path), progress, cancel)
    except ArchiveError as exc:
        if exc.code is ErrorCode.CANCELLED:
            raise ImportCancelled() from exc
        if exc.code is ErrorCode.BUSY:
            raise ReceiptError(ReceiptCode.BUSY) from exc
        raise


def _import_locked(
    archive: Archive, path: Path, progress: Progress | None, cancel: Cancel | None
) -> ReceiptImportResult:
    try:
        staged = _stage(archive, path, archive.staging_dir, progress, cancel)
    except _Already as done:
        return _result(done.manifest, done.office, "already")
    try:
        return _apply(archive, staged, progress, cancel)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ReceiptError(ReceiptCode.DISK_FULL) from exc
        raise
    except (sqlite3.Error, SADBAPIError) as exc:
        code = classify(exc)
        if code is ErrorCode.DISK_FULL:
            raise ReceiptError(ReceiptCode.DISK_FULL) from exc
        if code is ErrorCode.BUSY:
            raise ReceiptError(ReceiptCode.BUSY) from exc
        raise
    finally:
        staged.discard()


def _move_files(archive: Archive, staged: StagedReceipt) -> None:
    for sha, src in staged.files.items():
        dest = archive.file_path(sha)
        if dest.exists() and dest.stat().st_size == src.stat().st_size:
            continue
        make_private_dir(dest.parent)
        os.replace(src, dest)
        fsync_dir(dest.parent)


def _apply(
    archive: Archive, staged: StagedReceipt, progress: Progress | None, cancel: Cancel | None
) -> ReceiptImportResult:
    manifest, office = staged.manifest, staged.office
    now = datetime.now(UTC).astimezone(VN_TZ)

    def applied(done: int, total: int) -> None:
        if progress is not None:
            progress("applying", done, total)
        if cancel is not None and cancel():
            raise ImportCancelled()

    with archive.writing() as session:
        if applicability(session, manifest) == "already":
            return _result(manifest, office, "already")
        applied(0, len(manifest.events))
        counts = tracking.apply_receipt(
            session,
            code=office.code,
            key_id=office.key_id,
            sequence=manifest.sequence,
            receipt_id=manifest.receipt_id,
            digest=manifest.digest,
            created_at=manifest.created,
            acknowledged=manifest.acknowledged,
            bundles=manifest.bundles,
            events=manifest.events,
            reports=manifest.reports,
            at=now,
            progress=applied,
        )
        # The other PCs on a shared archive hear of it once this commits.
        notify.announce(session, "receipts")
        if cancel is not None and cancel():
            raise ImportCancelled()
        filestore.keep(session, staged.files)  # every PC's, on a shared archive
        _move_files(archive, staged)
    if progress is not None:
        progress("done", 1, 1)
    return _result(manifest, office, "imported", counts)
