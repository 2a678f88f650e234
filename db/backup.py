"""Backups of the archive database, checking it, and the ways out of a damaged one.

A backup is a consistent copy of `archive.sqlite3` made with SQLite's online
backup API, so it can be taken while other programs read the archive. One is
taken before every import that will apply; the newest `KEEP` are kept in
`DATA/backups/archive-YYYYmmdd-HHMMSS.sqlite3`. A copy is written in a
claimed folder under `staging/` first (which an open clears once its owner
is gone) and renamed into place only once it is complete and on disk, so a
crash never leaves half a backup.

Backups cover the database only. The attachment store `files/` is
content-addressed and append-only: no import deletes or rewrites a file in
it, so every file a backup refers to is still there after a restore.

A damaged file is never deleted: restoring a backup or starting a new
archive first renames it (with its -wal and -shm) to
`archive.damaged-YYYYmmdd-HHMMSS.sqlite3`. No Qt here.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.archive import (
    DB_NAME,
    SQLITE_MAGIC,
    STAGING_DIR,
    StagingClaim,
    fsync_dir,
    head_revision,
)
from db.errors import BackupError as BackupError  # where callers have always found it
from db.errors import ErrorCode

BACKUP_DIR = "backups"
KEEP = 5
STAMP = "%Y%m%d-%H%M%S"
SIDE_FILES = ("-wal", "-shm", "-journal")
_BACKUP_RE = re.compile(r"^archive-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3$")


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup it used and where the old file went."""

    source: Path
    set_aside: Path | None


@dataclass(frozen=True)
class CheckReport:
    """What `check_archive` found. `problem` is empty when the archive is sound."""

    ok: bool
    problem: str = ""
    detail: str = ""
    revision: str | None = None


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def _sort_key(path: Path) -> tuple[str, int]:
    match = _BACKUP_RE.match(path.name)
    assert match is not None
    return match.group(1), int(match.group(2) or 1)


def list_backups(data_dir: Path) -> list[Path]:
    """The automatic and manual backups, newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and _BACKUP_RE.match(p.name)]
    return sorted(found, key=_sort_key, reverse=True)


def latest_backup(data_dir: Path) -> Path | None:
    found = list_backups(data_dir)
    return found[0] if found else None


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _free_name(folder: Path, stem: str, stamp: str, suffix: str) -> Path:
    # Two backups in one second (two imports in a row) must not overwrite each
    # other; the counter sorts after the plain name in `_sort_key`.
    path = folder / f"{stem}{stamp}{suffix}"
    counter = 2
    while path.exists():
        path = folder / f"{stem}{stamp}-{counter}{suffix}"
        counter += 1
    return path


def take_backup(data_dir: Path, *, keep: int = KEEP, now: datetime | None = None) -> Path:
    """Copy the archive database into `backups/` and keep the newest *keep*.

    Raises BackupError(MISSING) when there is no archive file, and lets
    OSError (a full disk among them) and sqlite3.Error through.
    """
    data_dir = Path(data_dir)
    source = data_dir / DB_NAME
    if not source.is_file():
        raise BackupError(ErrorCode.MISSING, str(source))
    with _claimed_folder(data_dir) as work:
        final = _copy_into_backups(source, work / "backup.sqlite3", data_dir, now)
    prune(data_dir, keep)
    return final


@contextmanager
def _claimed_folder(data_dir: Path) -> Iterator[Path]:
    """A fresh folder under staging/, held against other programs' clean-up."""
    folder = Path(data_dir) / STAGING_DIR / uuid.uuid4().hex
    folder.mkdir(parents=True)
    claim = StagingClaim(folder)
    try:
        yield folder
    finally:
        claim.release()
        shutil.rmtree(folder, ignore_errors=True)


def _copy_into_backups(source: Path, partial: Path, data_dir: Path, now: datetime | None) -> Path:
    try:
        src = sqlite3.connect(source, timeout=30)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # A backup is one self-contained file, not a WAL database that
                # needs its -wal beside it to be whole.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _fsync_file(partial)
        folder = backups_dir(data_dir)
        folder.mkdir(exist_ok=True)
        stamp = (now or datetime.now()).strftime(STAMP)
        final = _free_name(folder, "archive-", stamp, ".sqlite3")
        os.replace(partial, final)
        fsync_dir(folder)
    finally:
        for leftover in (partial, *(Path(f"{partial}{s}") for s in SIDE_FILES)):
            leftover.unlink(missing_ok=True)
    return final


def prune(data_dir: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest *keep* backups; returns the deleted ones."""
    old = list_backups(data_dir)[keep:]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def set_aside(data_dir: Path, label: str = "damaged", now: datetime | None = None) -> Path | None:
    """Rename the archive file (with its -wal/-shm) to `archive.<label>-STAMP.sqlite3`.

    Returns the new name, or None when there was no file.
    """
    data_dir = Path(data_dir)
    current = data_dir / DB_NAME
    if not current.exists():
        return None
    stamp = (now or datetime.now()).strftime(STAMP)
    target = _free_name(data_dir, f"archive.{label}-", stamp, ".sqlite3")
    # Side files first: a -wal renamed after its database could be replayed
    # into whatever file takes the old name in between.
    for suffix in SIDE_FILES:
        side = Path(f"{current}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))
    os.replace(current, target)
    fsync_dir(data_dir)
    return target


def start_new(data_dir: Path) -> Path | None:
    """Put the damaged file aside so that the next open makes a new, empty archive."""
    return set_aside(data_dir, "damaged")


def restore(data_dir: Path, source: Path | None = None, *, label: str = "damaged") -> Restored:
    """Replace the archive file with *source* (the newest backup by default).

    The current file, if any, is first renamed aside with *label*. Raises
    BackupError(NO_BACKUP) when there is none, (BAD_BACKUP) when the
    chosen file is not a sound archive; the current file is then untouched.
    """
    data_dir = Path(data_dir)
    chosen = Path(source) if source is not None else latest_backup(data_dir)
    if chosen is None:
        raise BackupError(ErrorCode.NO_BACKUP, str(backups_dir(data_dir)))
    if not chosen.is_file():
        raise BackupError(ErrorCode.NO_BACKUP, str(chosen))
    report = check_file(chosen)
    if not report.ok:
        raise BackupError(ErrorCode.BAD_BACKUP, str(chosen))
    with _claimed_folder(data_dir) as work:
        partial = work / "restore.sqlite3"
        shutil.copyfile(chosen, partial)
        _fsync_file(partial)
        aside = set_aside(data_dir, label)
        os.replace(partial, data_dir / DB_NAME)
        fsync_dir(data_dir)
    return Restored(source=chosen, set_aside=aside)


def check_archive(data_dir: Path) -> CheckReport:
    """Check the archive in *data_dir* without changing it."""
    path = Path(data_dir) / DB_NAME
    if not path.is_file():
        return CheckReport(ok=False, problem="missing", detail=str(path))
    return check_file(path)


def check_file(path: Path) -> CheckReport:
    """integrity_check, foreign_key_check and the migration revision of *path*."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return CheckReport(ok=False, problem="unreadable", detail=str(exc))
    if len(header) < 100 or header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        return CheckReport(ok=False, problem="not_sqlite", detail="not a SQLite database")
    try:
        conn = sqlite3.connect(path, timeout=30)
    except sqlite3.Error as exc:
        return CheckReport(ok=False, problem="unreadable", detail=str(exc))
    try:
        conn.execute("PRAGMA query_only = ON")
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            return CheckReport(ok=False, problem="integrity", detail="; ".join(rows[:3]))
        bad_keys = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad_keys:
            table = bad_keys[0][0]
            return CheckReport(
                ok=False, problem="foreign_keys", detail=f"{len(bad_keys)} rows in {table}"
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return CheckReport(ok=False, problem="schema", detail="not a Bảng Tin archive")
        found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error as exc:
        return CheckReport(ok=False, problem="integrity", detail=str(exc))
    finally:
        conn.close()
    revision = found[0][0] if len(found) == 1 else None
    if revision is None:
        return CheckReport(ok=False, problem="schema", detail="no migration revision")
    if not _known_revision(revision):
        return CheckReport(ok=False, problem="newer", detail=revision, revision=revision)
    return CheckReport(ok=True, revision=revision)


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    from db.archive import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config(None))
    return revision == head_revision() or any(
        rev.revision == revision for rev in script.walk_revisions()
    )
