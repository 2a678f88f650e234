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

import errno
import heapq
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import DBAPIError as SADBAPIError
from sqlalchemy.orm import Session

from db import backup, dialect, filestore, notify, officelog, provenance, register, search, store
from db.archive import (
    WRITE_WAIT_S,
    Archive,
    archive_error_from,
    fsync_dir,
    make_private_dir,
)
from db.bulk import is_bulk
from db.errors import ArchiveError, ErrorCode, classify
from db.models import StoredFile
from db.records import ImportCounts, ImportLogEntry, NoticeRecord
from db.types import VN_TZ
from desktop.bundles import trustcheck
from desktop.bundles.errors import BundleCode, BundleError, Detail, ImportCancelled
from desktop.bundles.manifest import Manifest
from desktop.bundles.reader import Cancel, Progress, StagedBundle, TrustLookup, stage_bundle
from desktop.bundles.refindex import RefIndex


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
    #: What the office should know though the bundle applied (a delegation
    #: the local clock says has expired).
    warnings: tuple[Detail, ...] = ()
    #: "already": attachments of the bundle the archive had lost, put back.
    restored_files: int = 0

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
            "restored_files": self.restored_files,
            "reason": reason,
        }


def _trust_from(session: Session) -> TrustLookup:
    def lookup(key_id: str) -> tuple[bytes, str | None] | None:
        return provenance.trusted_public_key(session, key_id)

    return lookup


#: How far beyond the last applied sequence a bundle may go. A publisher
#: makes a few bundles a day; a larger jump is a mistake or an attempt to
#: make every later real bundle look old (docs/bundle-format.md, section 5).
MAX_SEQUENCE_STEP = 100_000


def applicability(session: Session, manifest: Manifest) -> Literal["apply", "already"]:
    """Decide whether *manifest*'s bundle applies to the archive now.

    Raises BundleError for a key that would take over a publisher bound to
    another key, an older bundle (rollback protection), a sequence too far
    ahead, a delta whose base the archive does not have, and a bundle that
    touches another publisher's notices.
    """
    if provenance.applied_before(
        session, manifest.publisher_id, manifest.bundle_id, manifest.digest
    ):
        return "already"
    current = provenance.publisher(session, manifest.publisher_id)
    last = current.last_sequence if current else 0
    name = current.name if current else manifest.publisher_name
    # Root delegations, revocations, time, channel and the delta's base.
    verdict = trustcheck.check(session, manifest)
    bound = provenance.keys_bound_to(session, manifest.publisher_id)
    # A key a trusted root delegated for this publisher is the province's explicit act.
    if bound and manifest.key_id not in bound and verdict.root is None:
        raise BundleError(
            BundleCode.PUBLISHER_KEY_BOUND, publisher=name, key_id=manifest.key_id, bound=bound[-1]
        )
    if manifest.sequence <= last:
        raise BundleError(
            BundleCode.ROLLBACK, sequence=manifest.sequence, publisher=name, last=last
        )
    if manifest.sequence > last + MAX_SEQUENCE_STEP:
        raise BundleError(
            BundleCode.SEQUENCE_JUMP,
            sequence=manifest.sequence,
            publisher=name,
            last=last,
            limit=last + MAX_SEQUENCE_STEP,
        )
    if manifest.kind == "delta":
        assert manifest.base_sequence is not None
        if manifest.base_sequence > last:
            raise BundleError(
                BundleCode.DELTA_NEEDS_BASE,
                sequence=manifest.sequence,
                publisher=name,
                base=manifest.base_sequence,
                last=last,
            )
    # In id order, without a list of the whole bundle's ids.
    ids = heapq.merge(_sorted_ids(manifest), sorted(w.id for w in manifest.withdrawals))
    owned = provenance.foreign_notice(session, manifest.publisher_id, ids)
    if owned is not None:
        notice_id, _owner_id, owner_name = owned
        raise BundleError(BundleCode.NOTICE_OWNED, id=notice_id, owner=owner_name, publisher=name)
    return "apply"


def _sorted_ids(manifest: Manifest) -> Iterator[str]:
    """The ids of the notices *manifest* lists, in order, from its index when it has one."""
    if isinstance(manifest.notices, RefIndex):
        return manifest.notices.sorted_ids()
    return iter(sorted(ref.id for ref in manifest.notices))


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


def lost_files(archive: Archive, session: Session, manifest: Manifest) -> list[str]:
    """The attachments of *manifest* this archive does not hold (sha256s).

    On a PC's own archive: a file missing from the data folder, or whose
    content is not its sha256 (each of the bundle's attachments is read: a
    bundle imported again is not the common case, and a damaged file is
    only told by its hash). On a server: a file missing from
    ``stored_file``, which every PC fetches from.
    """
    sizes = {e.sha256: e.size for e in manifest.entries if e.name.startswith("files/")}
    if not sizes:
        return []
    if archive.on_server:
        present = set(
            session.scalars(select(StoredFile.sha256).where(StoredFile.sha256.in_(list(sizes))))
        )
        return [sha for sha in sizes if sha not in present]
    lost = []
    for sha, size in sizes.items():
        path = archive.file_path(sha)
        if not path.is_file() or path.stat().st_size != size or not filestore.holds(path, sha):
            lost.append(sha)
    return lost


def _stage(
    archive: Archive,
    path: Path,
    staging_root: Path,
    progress: Progress | None,
    cancel: Cancel | None,
    *,
    repair: list[str] | None = None,
) -> StagedBundle:
    """Verify and stage the bundle. One applied before raises _AlreadyApplied,
    unless *repair* is given and the archive has lost some of its attachments:
    then it is staged all the same and *repair* gets their sha256s."""
    with archive.reading() as session:
        trust = _trust_from(session)

        def before(manifest: Manifest) -> None:
            if applicability(session, manifest) == "already":
                lost = lost_files(archive, session, manifest) if repair is not None else []
                if not lost:
                    raise _AlreadyApplied(manifest)
                repair.extend(lost)  # type: ignore[union-attr]

        return stage_bundle(
            path,
            staging_root,
            trust,
            progress=progress,
            cancel=cancel,
            before_staging=before,
            resolve=trustcheck.resolver(session),
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
        try:
            for _chunk in staged.notice_chunks():  # checked, then let go
                pass
        finally:
            staged.discard()
        return _result(staged.manifest, "imported")


def _put_back(archive: Archive, staged: StagedBundle, lost: list[str]) -> ImportResult:
    """An applied bundle imported again: put back the attachments the archive lost
    (checked against the signed manifest as every staged file is); nothing else."""
    files = {sha: staged.files[sha] for sha in lost if sha in staged.files}
    if archive.on_server:
        with archive.writing() as session:
            restored = filestore.keep(session, files)
    else:
        for sha, src in files.items():
            dest = archive.file_path(sha)
            make_private_dir(dest.parent)
            os.replace(src, dest)
            fsync_dir(dest.parent)
        restored = len(files)
    return replace(_already(staged.manifest), restored_files=restored)


def _move_files(archive: Archive, staged: StagedBundle) -> None:
    for sha, src in staged.files.items():
        dest = archive.file_path(sha)
        if dest.exists() and dest.stat().st_size == src.stat().st_size:
            continue
        make_private_dir(dest.parent)
        os.replace(src, dest)
        fsync_dir(dest.parent)


def import_bundle(
    archive: Archive,
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    wait_s: float = WRITE_WAIT_S,
) -> ImportResult:
    """Verify, stage and apply the bundle at *path* in one transaction.

    Holds the archive's write lock throughout, waiting up to *wait_s* for
    another program's import (reported as the stage "waiting"), so that the
    same bundle imported twice at once is applied once and found applied the
    second time, and no restore replaces the file under the import.

    Raises BundleError when refused and ImportCancelled when *cancel* said
    so; in both cases the archive is unchanged. A read-only archive is
    refused (ArchiveError READ_ONLY) before anything is read or written.
    """
    if archive.read_only:
        raise ArchiveError(ErrorCode.READ_ONLY, "opened read-only", path=str(archive.data_dir))

    def waiting() -> None:
        if progress is not None:
            # On a server the lock is held by another PC's import.
            progress("waiting_server" if archive.on_server else "waiting", 0, 1)

    try:
        with archive.write_lock(wait_s=wait_s, waiting=waiting, cancel=cancel):
            if archive.replaced():
                raise BundleError(BundleCode.ARCHIVE_REPLACED)
            return _import_locked(archive, Path(path), progress, cancel)
    except ArchiveError as exc:
        if exc.code is ErrorCode.CANCELLED:
            raise ImportCancelled() from exc
        if exc.code is ErrorCode.BUSY:
            raise BundleError(BundleCode.BUSY) from exc
        if exc.code is ErrorCode.DAMAGED:
            raise BundleError(BundleCode.IMPORT_DAMAGED_ARCHIVE) from exc
        raise
    except (sqlite3.DatabaseError, SADatabaseError) as exc:
        found = archive_error_from(exc)
        if found is None:
            raise
        if found.code is ErrorCode.DAMAGED:
            raise BundleError(BundleCode.IMPORT_DAMAGED_ARCHIVE) from exc
        if found.code is ErrorCode.BUSY:
            raise BundleError(BundleCode.BUSY) from exc
        if archive.on_server:
            found.path = archive.where  # the sentence names the server, not this PC's folder
        raise found from exc


def _import_locked(
    archive: Archive, path: Path, progress: Progress | None, cancel: Cancel | None
) -> ImportResult:
    repair: list[str] = []
    try:
        staged = _stage(archive, path, archive.staging_dir, progress, cancel, repair=repair)
    except _AlreadyApplied as done:
        return _already(done.manifest)
    if repair:
        try:
            return _put_back(archive, staged, repair)
        finally:
            staged.discard()
    try:
        # The bundle will apply: keep a copy of the archive as it is now, so
        # that an office whose disk later damages the file can go back to it.
        # The copy must pass quick_check: an archive whose pages fail it
        # stops here, before anything is written or any good backup pruned.
        # On a server the office backs up the database with pg_dump (bangtin
        # backup); there is no file here to copy.
        if not archive.on_server:
            if progress is not None:
                progress("backup", 0, 1)
            backup.take_backup(archive.data_dir)
        return _apply(archive, staged, progress, cancel)
    except backup.BackupError as exc:
        if exc.code is ErrorCode.DAMAGED:
            raise ArchiveError(ErrorCode.DAMAGED, exc.detail) from exc
        if exc.code is ErrorCode.NO_SPACE:
            raise BundleError(BundleCode.DISK_FULL) from exc
        raise
    except store.NoticeOwned as exc:
        # applicability() refuses this first; the store guards it as well.
        manifest = staged.manifest
        raise BundleError(
            BundleCode.NOTICE_OWNED,
            id=exc.notice_id,
            owner=exc.owner_id,
            publisher=manifest.publisher_name,
        ) from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise BundleError(BundleCode.DISK_FULL) from exc
        raise
    except (sqlite3.Error, SADBAPIError) as exc:
        # SQLITE_FULL: the disk filled up while writing; the transaction was
        # rolled back, so the refusal is as clean as any other.
        code = classify(exc)
        if code is ErrorCode.DISK_FULL:
            raise BundleError(BundleCode.DISK_FULL) from exc
        if code is ErrorCode.BUSY:
            raise BundleError(BundleCode.BUSY) from exc
        raise
    finally:
        staged.discard()


class _Ahead(Iterator[list[NoticeRecord]]):
    """The bundle's notice chunks, the next of which may be read before it is asked for."""

    def __init__(self, chunks: Iterator[list[NoticeRecord]]) -> None:
        self._chunks = chunks
        self._next: list[list[NoticeRecord] | None] = []

    def read_ahead(self) -> None:
        if not self._next:
            self._next.append(next(self._chunks, None))

    def __next__(self) -> list[NoticeRecord]:
        chunk = self._next.pop() if self._next else next(self._chunks)
        if chunk is None:
            raise StopIteration
        return chunk


def _apply(
    archive: Archive,
    staged: StagedBundle,
    progress: Progress | None,
    cancel: Cancel | None,
) -> ImportResult:
    manifest = staged.manifest
    now = datetime.now(UTC).astimezone(VN_TZ)
    total = staged.notice_count

    def applied(done: int) -> None:
        if progress is not None:
            progress("applying", done, total)
        if cancel is not None and cancel():
            raise ImportCancelled()

    # A first import of a province's archive writes it whole: a rollback
    # journal instead of the WAL keeps the disk it needs near the archive's size.
    bulk = not archive.on_server and is_bulk(archive.engine, total)
    with archive.writing(bulk=bulk) as session:
        # Re-check inside the write lock: another program may have
        # imported something since the bundle was staged.
        if applicability(session, manifest) == "already":
            return _already(manifest)
        dialect.plan_with_values(session)
        verdict = trustcheck.check(session, manifest)
        store.ensure_publisher(session, manifest.publisher_id, manifest.publisher_name)
        store.bind_key(session, manifest.key_id, manifest.publisher_id)
        category_ids = store.ensure_categories(session, manifest.categories)
        # Into an empty index on a server, the notices are indexed as they are
        # written, each chunk's rows made while the next chunk is read.
        filler = search.start_fill(session)
        chunks = _Ahead(staged.notice_chunks())
        # One chunk of notices in memory at a time (and the next, read ahead),
        # all in this transaction.
        counts = store.apply_notice_chunks(
            session,
            manifest.publisher_id,
            chunks,
            manifest.withdrawals,
            category_ids,
            progress=applied,
            written=None if filler is None else lambda ids: filler.add(ids, chunks.read_ahead),
            # Its GIN indexes are built while the rest of the import is written.
            all_written=None if filler is None else filler.all_written,
        )
        # Sổ đăng ký văn bản đến: numbered in this transaction, so a crash
        # leaves no gap and no number twice.
        register.register_incoming(session, counts.changed_ids, now)
        # What the office tells the province in its next receipt (01, 03).
        officelog.record_arrivals(session, counts.changed_ids, now)
        # Applied: the index, written next, may take the chunks' room on disk.
        staged.drop_notices()
        if progress is not None:
            progress("indexing", 0, 1)
        search.update_index(session, counts.changed_ids, counts.removed_ids, filler)
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
                manifest_sha256=manifest.digest,
            ),
        )
        trustcheck.record(session, manifest, verdict, now)
        # The other PCs on a shared archive hear of it once this commits.
        notify.announce(session, "notices", "register", "receipts")
        if cancel is not None and cancel():
            raise ImportCancelled()
        # On a shared archive the files go into the database too, in this
        # transaction, so that every PC can open them (db/filestore.py).
        filestore.keep(session, staged.files)
        _move_files(archive, staged)
        # Everything is written; only the commit is left (the kill tests stop here too).
        if progress is not None:
            progress("saving", 0, 1)
    if progress is not None:
        progress("done", total, total)
    return replace(_result(manifest, "imported", counts), warnings=verdict.warnings)
