"""Importing a bundle into an archive, all or nothing.

Order of work: verify and stage (reader), then one SQLite transaction that
re-checks which bundles apply, writes notices, withdrawals, categories, the
search index, the publisher's sequence and the import log, and moves the
staged attachments into the content-addressed store before it commits.
A crash at any point leaves the archive as it was before or as it is after:
store files are named by their hash, so one moved in before a failed commit
is just an unused file.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError as SAOperationalError
from sqlalchemy.orm import Session

from db import backup, queries, search, store
from db.archive import Archive, ArchiveError, archive_error_from, fsync_dir, write_lock
from db.records import ImportCounts, ImportLogEntry
from db.types import VN_TZ
from desktop.bundles.errors import BundleError, ImportCancelled
from desktop.bundles.manifest import Manifest
from desktop.bundles.reader import Cancel, Progress, StagedBundle, TrustLookup, stage_bundle


@dataclass(frozen=True)
class ImportResult:
    """What an import did. `status` is "imported" or "already"."""

    status: Literal["imported", "already"]
    publisher_id: str
    publisher_name: str
    sequence: int
    bundle_id: str
    kind: str
    added: int = 0
    updated: int = 0
    withdrawn: int = 0
    unchanged: int = 0

    def to_json(self, reason: str | None = None) -> dict[str, Any]:
        data = asdict(self)
        return {
            "status": self.status,
            "publisher": self.publisher_id,
            "publisher_name": self.publisher_name,
            "sequence": self.sequence,
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "added": data["added"],
            "updated": data["updated"],
            "withdrawn": data["withdrawn"],
            "unchanged": data["unchanged"],
            "reason": reason,
        }


def _trust_from(session: Session) -> TrustLookup:
    def lookup(key_id: str) -> tuple[bytes, str | None] | None:
        return queries.trusted_public_key(session, key_id)

    return lookup


def applicability(session: Session, manifest: Manifest) -> Literal["apply", "already"]:
    """Decide whether *manifest*'s bundle applies to the archive now.

    Raises BundleError for an older bundle (rollback protection) and for a
    delta whose base the archive does not have.
    """
    if queries.bundle_applied(session, manifest.bundle_id):
        return "already"
    current = queries.publisher(session, manifest.publisher_id)
    last = current.last_sequence if current else 0
    name = current.name if current else manifest.publisher_name
    if manifest.sequence <= last:
        raise BundleError("rollback", sequence=manifest.sequence, publisher=name, last=last)
    if manifest.kind == "delta":
        assert manifest.base_sequence is not None
        if manifest.base_sequence > last:
            raise BundleError(
                "delta_needs_base",
                sequence=manifest.sequence,
                publisher=name,
                base=manifest.base_sequence,
                last=last,
            )
    return "apply"


def _result(
    manifest: Manifest,
    status: Literal["imported", "already"],
    counts: ImportCounts | None = None,
) -> ImportResult:
    counts = counts or ImportCounts()
    return ImportResult(
        status=status,
        publisher_id=manifest.publisher_id,
        publisher_name=manifest.publisher_name,
        sequence=manifest.sequence,
        bundle_id=manifest.bundle_id,
        kind=manifest.kind,
        added=counts.added,
        updated=counts.updated,
        withdrawn=counts.withdrawn,
        unchanged=counts.unchanged,
    )


def _already(manifest: Manifest) -> ImportResult:
    return _result(manifest, "already")


class _AlreadyApplied(Exception):
    def __init__(self, manifest: Manifest) -> None:
        super().__init__(manifest.bundle_id)
        self.manifest = manifest


def _stage(
    archive: Archive,
    path: Path,
    staging_root: Path,
    progress: Progress | None,
    cancel: Cancel | None,
) -> StagedBundle:
    with archive.reading() as session:
        trust = _trust_from(session)

        def before(manifest: Manifest) -> None:
            if applicability(session, manifest) == "already":
                raise _AlreadyApplied(manifest)

        return stage_bundle(
            path, staging_root, trust, progress=progress, cancel=cancel, before_staging=before
        )


def verify_bundle(archive: Archive, path: Path) -> ImportResult:
    """Check everything an import checks, in a temporary folder; write nothing.

    Returns what the import would report as its status, with no counts.
    """
    with tempfile.TemporaryDirectory(prefix="bangtin-verify-") as tmp:
        try:
            staged = _stage(archive, Path(path), Path(tmp), None, None)
        except _AlreadyApplied as done:
            return _already(done.manifest)
        staged.discard()
        return _result(staged.manifest, "imported")


def _move_files(archive: Archive, staged: StagedBundle) -> None:
    for sha, src in staged.files.items():
        dest = archive.file_path(sha)
        if dest.exists() and dest.stat().st_size == src.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
        fsync_dir(dest.parent)


#: How long an import waits for another program's import to finish.
IMPORT_WAIT_S = 15 * 60.0


def import_bundle(
    archive: Archive,
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    wait_s: float = IMPORT_WAIT_S,
) -> ImportResult:
    """Verify, stage and apply the bundle at *path* in one transaction.

    Holds the archive's write lock throughout, waiting up to *wait_s* for
    another program's import (reported as the stage "waiting"), so that the
    same bundle imported twice at once is applied once and found applied the
    second time, and no restore replaces the file under the import.

    Raises BundleError when refused and ImportCancelled when *cancel* said
    so; in both cases the archive is unchanged.
    """

    def waiting() -> None:
        if progress is not None:
            progress("waiting", 0, 1)

    try:
        with write_lock(archive.data_dir, wait_s=wait_s, waiting=waiting, cancel=cancel):
            if archive.replaced():
                raise BundleError("archive_replaced")
            return _import_locked(archive, Path(path), progress, cancel)
    except ArchiveError as exc:
        if exc.code == "cancelled":
            raise ImportCancelled() from exc
        if exc.code == "busy":
            raise BundleError("busy") from exc
        if exc.code == "damaged":
            raise BundleError("import_damaged_archive") from exc
        raise
    except (sqlite3.DatabaseError, SADatabaseError) as exc:
        found = archive_error_from(exc)
        if found is None:
            raise
        if found.code == "damaged":
            raise BundleError("import_damaged_archive") from exc
        if found.code == "busy":
            raise BundleError("busy") from exc
        raise found from exc


def _import_locked(
    archive: Archive, path: Path, progress: Progress | None, cancel: Cancel | None
) -> ImportResult:
    try:
        staged = _stage(archive, path, archive.staging_dir, progress, cancel)
    except _AlreadyApplied as done:
        return _already(done.manifest)
    try:
        # The bundle will apply: keep a copy of the archive as it is now, so
        # that an office whose disk later damages the file can go back to it.
        # The copy must pass quick_check: an archive whose pages fail it
        # stops here, before anything is written or any good backup pruned.
        if progress is not None:
            progress("backup", 0, 1)
        backup.take_backup(archive.data_dir)
        return _apply(archive, staged, progress, cancel)
    except backup.BackupError as exc:
        if exc.code == "damaged":
            raise ArchiveError("damaged", exc.detail) from exc
        if exc.code == "no_space":
            raise BundleError("disk_full") from exc
        raise
    except OSError as exc:
        import errno

        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise BundleError("disk_full") from exc
        raise
    except (sqlite3.OperationalError, SAOperationalError) as exc:
        # SQLITE_FULL: the disk filled up while writing; the transaction was
        # rolled back, so the refusal is as clean as any other.
        if "full" in str(exc):
            raise BundleError("disk_full") from exc
        raise
    finally:
        staged.discard()


def _apply(
    archive: Archive,
    staged: StagedBundle,
    progress: Progress | None,
    cancel: Cancel | None,
) -> ImportResult:
    manifest = staged.manifest
    now = datetime.now(UTC).astimezone(VN_TZ)
    total = len(staged.notices)

    def applied(done: int) -> None:
        if progress is not None:
            progress("applying", done, total)
        if cancel is not None and cancel():
            raise ImportCancelled()

    with archive.writing() as session:
        # Re-check inside the write lock: another program may have
        # imported something since the bundle was staged.
        if applicability(session, manifest) == "already":
            return _already(manifest)
        store.ensure_publisher(session, manifest.publisher_id, manifest.publisher_name)
        store.bind_key(session, manifest.key_id, manifest.publisher_id)
        category_ids = store.ensure_categories(session, manifest.categories)
        counts = store.apply_notices(
            session,
            manifest.publisher_id,
            staged.notices,
            manifest.withdrawals,
            category_ids,
            progress=applied,
        )
        if progress is not None:
            progress("indexing", 0, 1)
        search.update_index(session, counts.changed_ids, counts.removed_ids)
        store.advance_publisher(
            session, manifest.publisher_id, manifest.sequence, manifest.bundle_id, now
        )
        store.add_log(
            session,
            ImportLogEntry(
                bundle_id=manifest.bundle_id,
                publisher_id=manifest.publisher_id,
                sequence=manifest.sequence,
                kind=manifest.kind,
                imported_at=now,
                added=counts.added,
                updated=counts.updated,
                withdrawn=counts.withdrawn,
                unchanged=counts.unchanged,
                outcome="imported",
                reason=None,
            ),
        )
        if cancel is not None and cancel():
            raise ImportCancelled()
        _move_files(archive, staged)
    if progress is not None:
        progress("done", total, total)
    return _result(manifest, "imported", counts)
