"""Backups of the archive database, checking it, and the ways out of a damaged one.

A backup is a consistent copy of `archive.sqlite3` made with SQLite's online
backup API, so it can be taken while other programs read the archive. One is
taken before every import that will apply, into
`DATA/backups/archive-YYYYmmdd-HHMMSS.sqlite3`. A copy is written in a
claimed folder under `staging/` first (which an open clears once its owner
is gone), passes `quick_check`, and is renamed into place only once it is
complete and on disk, so a crash never leaves half a backup and a damaged
archive never yields a backup that counts.

Backups are ordered by their *generation*, a number kept in the copy's own
SQLite header (`user_version`): one more than the highest in the folder.
The date in the name is for people; a clock set wrong never decides which
backup is newest. At most `KEEP` are kept, together within a share of the
disk (see `prune`), and the newest verified one is never pruned.

Backups cover the database only. The attachment store `files/` is
content-addressed and append-only: no import deletes or rewrites a file in
it, so every file a backup refers to is still there after a restore.

A damaged file is never deleted: restoring a backup or starting a new
archive first renames it (with its -wal and -shm) to
`archive.damaged-YYYYmmdd-HHMMSS.sqlite3`. No Qt here.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from db.archive import (
    DB_NAME,
    SQLITE_MAGIC,
    STAGING_DIR,
    ArchiveError,
    StagingClaim,
    fsync_dir,
    head_revision,
    wal_missing,
    write_lock,
)
from db.errors import BackupError as BackupError  # where callers have always found it
from db.errors import ErrorCode, classify

BACKUP_DIR = "backups"
KEEP = 5
STAMP = "%Y%m%d-%H%M%S"
SIDE_FILES = ("-wal", "-shm", "-journal")
_BACKUP_RE = re.compile(r"^archive-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3$")
#: Where SQLite keeps `user_version` in a database file's header.
_GENERATION_AT = 60
#: A backup is never written if it would leave less free space than this:
#: an import needs room to stage and apply (reader.check_space asks twice
#: the bundle plus this much).
RESERVE_BYTES = 64 * 1024 * 1024
#: Backups together take at most this share of the space they and the free
#: space make up; the newest verified one is kept even beyond it.
BUDGET_SHARE = 0.5
MB = 1024 * 1024

FreeSpace = Callable[[Path], int]


def disk_free(path: Path) -> int:
    """Bytes free on the disk that holds *path*."""
    return shutil.disk_usage(path).free


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


def generation(path: Path) -> int:
    """The backup's place in the order backups were taken, read from its header.

    0 for a backup from before backups were numbered, or one whose header
    cannot be read: those sort before every numbered one.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return 0
    if len(header) < 100 or header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        return 0
    value = int.from_bytes(header[_GENERATION_AT : _GENERATION_AT + 4], "big", signed=True)
    return max(value, 0)


def _sort_key(path: Path) -> tuple[int, str, int]:
    # The generation first: the stamp in the name comes from a clock that
    # may have been wrong, and only breaks ties among unnumbered backups.
    match = _BACKUP_RE.match(path.name)
    assert match is not None
    return generation(path), match.group(1), int(match.group(2) or 1)


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


def take_backup(
    data_dir: Path,
    *,
    keep: int = KEEP,
    now: datetime | None = None,
    free_space: FreeSpace | None = None,
) -> Path:
    """Copy the archive database into `backups/`, verify it, then prune (see `prune`).

    *now* only names the file; *free_space* (bytes free on the disk of a
    path) is `disk_free` unless a test gives its own. Older backups are
    pruned first when the copy would not leave `RESERVE_BYTES` free.

    Raises BackupError(MISSING) when there is no archive file, (DAMAGED)
    when the copy fails quick_check (the archive's own pages are damaged;
    nothing new is kept), and (NO_SPACE) when the disk has no room for it,
    even after pruning; lets other OSError and sqlite3.Error through.
    """
    data_dir = Path(data_dir)
    free_space = free_space or disk_free
    source = data_dir / DB_NAME
    if not source.is_file():
        raise BackupError(ErrorCode.MISSING, str(source))
    _make_room(data_dir, _size_of(source), free_space)
    try:
        with _claimed_folder(data_dir) as work:
            final = _copy_into_backups(source, work / "backup.sqlite3", data_dir, now)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise BackupError(ErrorCode.NO_SPACE, str(exc)) from exc
        raise
    except sqlite3.Error as exc:
        code = classify(exc)
        if code is ErrorCode.DISK_FULL:
            raise BackupError(ErrorCode.NO_SPACE, str(exc)) from exc
        if code is ErrorCode.DAMAGED:
            raise BackupError(ErrorCode.DAMAGED, str(exc)) from exc
        raise
    prune(data_dir, keep, free_space=free_space)
    return final


def _size_of(db: Path) -> int:
    """What a copy of *db* will take: the file and its -wal."""
    total = 0
    for path in (db, Path(f"{db}-wal")):
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total


def _make_room(data_dir: Path, size: int, free_space: FreeSpace) -> None:
    """Prune older backups (never the newest verified) until *size* fits beside the reserve."""
    if free_space(data_dir) - size >= RESERVE_BYTES:
        return
    found = list_backups(data_dir)
    protected = last_good(found)
    for old in reversed(found):
        if old == protected:
            continue
        old.unlink(missing_ok=True)
        if free_space(data_dir) - size >= RESERVE_BYTES:
            return
    needed, free = -(-(size + RESERVE_BYTES) // MB), free_space(data_dir) // MB
    raise BackupError(
        ErrorCode.NO_SPACE, f"{needed} MB needed, {free} MB free", needed=needed, free=free
    )


def last_good(found: list[Path]) -> Path | None:
    """The newest backup known to be good among *found* (newest first).

    Every numbered backup passed quick_check before it was kept; with none
    numbered (all from before that), the newest.
    """
    for path in found:
        if generation(path) > 0:
            return path
    return found[0] if found else None


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
    folder = backups_dir(data_dir)
    number = max((generation(p) for p in list_backups(data_dir)), default=0) + 1
    try:
        src = sqlite3.connect(source, timeout=30)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # A backup is one self-contained file, not a WAL database that
                # needs its -wal beside it to be whole.
                dst.execute("PRAGMA journal_mode = DELETE")
                dst.execute(f"PRAGMA user_version = {int(number)}")
                # The copy has the archive's pages as they are: a damaged page
                # is copied as it is. Only a copy that passes counts.
                found = [row[0] for row in dst.execute("PRAGMA quick_check")]
                if found != ["ok"]:
                    raise BackupError(ErrorCode.DAMAGED, "; ".join(str(f) for f in found[:3]))
            finally:
                dst.close()
        finally:
            src.close()
        _fsync_file(partial)
        folder.mkdir(exist_ok=True)
        stamp = (now or datetime.now()).strftime(STAMP)
        final = _free_name(folder, "archive-", stamp, ".sqlite3")
        try:
            os.replace(partial, final)
        except OSError as exc:
            # Said of the backups folder, which the user can set right, not
            # of the copy in staging/ that is removed below.
            raise OSError(exc.errno, exc.strerror, str(folder)) from exc
        fsync_dir(folder)
    finally:
        for leftover in (partial, *(Path(f"{partial}{s}") for s in SIDE_FILES)):
            leftover.unlink(missing_ok=True)
    return final


def prune(data_dir: Path, keep: int = KEEP, *, free_space: FreeSpace | None = None) -> list[Path]:
    """Delete old backups; returns the deleted ones.

    Keeps the newest *keep*, then deletes the oldest while all of them
    together take more than `BUDGET_SHARE` of the space they and the free
    space make up. The newest verified backup (`last_good`) is never deleted.
    """
    free_space = free_space or disk_free
    found = list_backups(data_dir)
    protected = last_good(found)
    kept = [p for i, p in enumerate(found) if i < keep or p == protected]
    removed = [p for p in found if p not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    sizes = {p: _file_size(p) for p in kept}
    total = sum(sizes.values())
    budget = BUDGET_SHARE * (free_space(data_dir) + total)
    for path in reversed(list(kept)):
        if total <= budget:
            break
        if path == protected:
            continue
        path.unlink(missing_ok=True)
        total -= sizes[path]
        kept.remove(path)
        removed.append(path)
    return removed


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


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
    """Put the damaged file aside so that the next open makes a new, empty archive.

    Raises BackupError(BUSY) while an import is writing.
    """
    with _holding_write_lock(data_dir, 0.0):
        return set_aside(data_dir, "damaged")


@contextmanager
def _holding_write_lock(data_dir: Path, wait_s: float) -> Iterator[None]:
    try:
        with write_lock(data_dir, wait_s=wait_s):
            yield
    except ArchiveError as exc:
        if exc.code == "busy":
            raise BackupError(ErrorCode.BUSY, str(Path(data_dir))) from exc
        raise


def restore(
    data_dir: Path,
    source: Path | None = None,
    *,
    label: str = "damaged",
    wait_s: float = 0.0,
) -> Restored:
    """Replace the archive file with *source* (the newest backup by default).

    Holds the archive's write lock while it works, so that no import writes
    into the file it puts aside: waits *wait_s* seconds for an import to
    finish, then raises BackupError(BUSY). The current file, if any, is
    first renamed aside with *label*. Raises BackupError(NO_BACKUP) when
    there is none, (BAD_BACKUP) when the chosen file is not a sound
    archive; the current file is then untouched.
    """
    data_dir = Path(data_dir)
    with _holding_write_lock(data_dir, wait_s):
        return _restore(data_dir, source, label)


def _restore(data_dir: Path, source: Path | None, label: str) -> Restored:
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
        # The generation numbers backups, not archives.
        conn = sqlite3.connect(partial)
        try:
            conn.execute("PRAGMA user_version = 0")
        finally:
            conn.close()
        _fsync_file(partial)
        aside = set_aside(data_dir, label)
        os.replace(partial, data_dir / DB_NAME)
        fsync_dir(data_dir)
    return Restored(source=chosen, set_aside=aside)


#: The first bytes of a dump in pg_dump's custom format (a shared archive's backup).
PG_DUMP_MAGIC = b"PGDMP"


def backup_kind(path: Path) -> str | None:
    """What kind of backup the file at *path* starts like: "sqlite" (a PC's
    archive or its backup), "pg_dump" (a shared archive's), or None."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return None
    if head == SQLITE_MAGIC:
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "pg_dump"
    return None


def check_archive(data_dir: Path) -> CheckReport:
    """Check the archive in *data_dir* without changing it."""
    path = Path(data_dir) / DB_NAME
    if Path(data_dir).exists() and not Path(data_dir).is_dir():
        return CheckReport(ok=False, problem="not_a_folder", detail=str(data_dir))
    if not path.is_file():
        return CheckReport(ok=False, problem="missing", detail=str(path))
    if wal_missing(Path(data_dir)):
        return CheckReport(ok=False, problem="wal_missing", detail=f"{path}-wal")
    return check_file(path)


def check_file(path: Path) -> CheckReport:
    """integrity_check, foreign_key_check and the migration revision of *path*."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError as exc:
        # Not damage: this user may not read it (the file's mode, another
        # account's archive). Nothing here says its pages are bad.
        return CheckReport(ok=False, problem="no_access", detail=str(exc))
    except OSError as exc:
        return CheckReport(ok=False, problem="unreadable", detail=str(exc))
    if len(header) < 100 or header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        return CheckReport(ok=False, problem="not_sqlite", detail="not a SQLite database")
    uri = path.resolve().as_uri()
    wal = path.with_name(path.name + "-wal")
    found = _read_checks(lambda: sqlite3.connect(path, timeout=30))
    # A file or folder that may not be written is read the way open_archive
    # reads it (mode=ro, or immutable where SQLite cannot make its -shm): a
    # read-only archive is not a damaged one.
    for query in ("mode=ro", "immutable=1"):
        if not (isinstance(found, CheckReport) and found.problem == "read_only"):
            break
        if query == "immutable=1" and wal.exists() and wal.stat().st_size > 0:
            break
        found = _read_checks(partial(sqlite3.connect, f"{uri}?{query}", uri=True, timeout=30))
    if isinstance(found, CheckReport):
        return found
    revision = found
    if revision is None:
        return CheckReport(ok=False, problem="schema", detail="no migration revision")
    if not _known_revision(revision):
        return CheckReport(ok=False, problem="newer", detail=revision, revision=revision)
    return CheckReport(ok=True, revision=revision)


def _read_checks(connect: Callable[[], sqlite3.Connection]) -> CheckReport | str | None:
    """The checks of `check_file` on one connection: a report of what is wrong,
    else the archive's migration revision (None when it has none)."""
    try:
        conn = connect()
    except sqlite3.Error as exc:
        return CheckReport(ok=False, problem=_problem(exc, "unreadable"), detail=str(exc))
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
        return CheckReport(ok=False, problem=_problem(exc, "integrity"), detail=str(exc))
    finally:
        conn.close()
    return str(found[0][0]) if len(found) == 1 else None


def _problem(exc: sqlite3.Error, otherwise: str) -> str:
    """ "read_only" when SQLite says the file may not be written: not damage."""
    return "read_only" if classify(exc) is ErrorCode.READ_ONLY else otherwise


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    from db.archive import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config(None))
    return revision == head_revision() or any(
        rev.revision == revision for rev in script.walk_revisions()
    )
