"""Opening an archive: the SQLite file, its pragmas, migrations and folders.

An archive is a data folder holding `archive.sqlite3`, the attachment store
`files/`, and `staging/`, where an import copies a bundle before applying it.
Staged files left by an interrupted import are removed at the next open.

The folder decides whom the office trusts: whoever can replace the archive
file can trust their own key. So folders are created 0700 and the archive
file 0600, whatever the umask (SQLite gives its -wal and -shm files the
database file's mode), and `writable_by_others` tells a folder made
before, or by hand, that others could change.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import ArchiveError as ArchiveError  # where callers have always found it
from db.errors import Damage, ErrorCode, classify, damage_of
from db.locks import byte_locked_elsewhere, try_lock, unlock
from db.migrations import HEAD_REVISION

DB_NAME = "archive.sqlite3"
FILES_DIR = "files"
STAGING_DIR = "staging"
BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself, so transactions mean what they say.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    # Writers ask for IMMEDIATE so that two writers queue on busy_timeout
    # instead of failing half way through with "database is locked".
    mode = conn.get_execution_options().get("bangtin_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(db_path: Path) -> Engine:
    """An engine on *db_path* with the archive's pragmas and transaction rules."""
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


# Alembic is imported only when an archive needs migrating: it costs ~0.15 s
# of every start, and an archive at head never needs it.


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "db:migrations")
    cfg.attributes["connection"] = connection
    return cfg


def _script() -> Any:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(None))


def head_revision() -> str:
    """The newest migration revision this program knows."""
    return HEAD_REVISION


def script_head_revision() -> str:
    """The head as Alembic reads it from the migration scripts."""
    head = _script().get_current_head()
    assert head is not None
    return str(head)


def current_revision(engine: Engine) -> str | None:
    """The migration revision the archive file is at, or None when empty."""
    with engine.connect() as conn:
        table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if table is None:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run migrations on *engine* up to *revision*."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


@dataclass
class Archive:
    """An open archive: its folder, engine and session factory."""

    data_dir: Path
    engine: Engine
    _sessions: sessionmaker[Session]
    #: The database file's (device, inode) when it was opened: a restore
    #: renames a new file into its place, and this engine would still write
    #: to the old one.
    identity: tuple[int, int] | None = None
    #: The day validity and deadlines are reckoned for; None: today in Vietnam.
    #: The demo archive lives on a day of its own (desktop.demo.DEMO_TODAY).
    as_of: date | None = None

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    def replaced(self) -> bool:
        """True when the file at `db_path` is no longer the one this archive opened."""
        if self.identity is None:
            return False
        return file_identity(self.db_path) != self.identity

    @property
    def files_dir(self) -> Path:
        return self.data_dir / FILES_DIR

    @property
    def staging_dir(self) -> Path:
        return self.data_dir / STAGING_DIR

    def file_path(self, sha256: str) -> Path:
        """Where the attachment with this hash lives in the store."""
        return self.files_dir / sha256[:2] / sha256

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for one unit of reading work."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose one transaction commits at the end or rolls back."""
        engine = self.engine.execution_options(bangtin_begin="IMMEDIATE")
        with Session(engine, expire_on_commit=False) as session:
            try:
                with session.begin():
                    yield session
            except OperationalError as exc:
                # Other failures pass through as they are: the importer and
                # describe() sort them by classify() where they know more.
                if classify(exc) is ErrorCode.BUSY:
                    raise ArchiveError(ErrorCode.BUSY, path=str(self.data_dir)) from exc
                raise

    def close(self) -> None:
        self.engine.dispose()


def make_private_dir(folder: Path) -> None:
    """Create *folder*, and any parents missing, readable and writable by this user only.

    A folder that exists already is left as it is (see `writable_by_others`).
    The mode is a request: Windows ignores it, and the folder's ACL decides.
    """
    missing: list[Path] = []
    here = Path(folder)
    while not here.exists() and here.parent != here:
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            pass


def create_private_file(path: Path) -> None:
    """Create *path* empty with mode 0600 unless it exists.

    When it cannot be created (a read-only folder), SQLite's own attempt
    fails next and is reported as for any archive that cannot be opened.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return
    os.close(fd)


def writable_by_others(data_dir: Path) -> bool:
    """Whether another user of this computer could replace the archive.

    True when the data folder or the archive file is writable by others,
    or the folder sits in a folder others can write without the sticky bit
    (they could rename the data folder away and put their own in its place).
    Always False on Windows, where POSIX modes say nothing.
    """
    if os.name == "nt":
        return False
    data_dir = Path(data_dir)
    for path in (data_dir, data_dir / DB_NAME):
        try:
            if path.stat().st_mode & stat.S_IWOTH:
                return True
        except OSError:
            continue
    try:
        parent = data_dir.resolve().parent.stat().st_mode
    except OSError:
        return False
    return bool(parent & stat.S_IWOTH) and not parent & stat.S_ISVTX


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of *path*, or None when there is no file."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in *folder* durable (a no-op on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; NTFS journals renames itself
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


LOCK_NAME = ".lock"
#: A staging folder with no lock file is left alone this long: its import may
#: have created the folder and not yet its lock.
UNLOCKED_GRACE_S = 3600


class StagingClaim:
    """An import's hold on its staging folder, an OS lock on `<folder>/.lock`.

    While an import holds it, another program opening the archive (the
    window, or `bangtin list`) leaves the folder alone; once its process is
    gone, for whatever reason, the lock is gone too and the folder is stale.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fh = (folder / LOCK_NAME).open("a+b")
        if not try_lock(self._fh.fileno()):  # pragma: no cover - a fresh folder
            self._fh.close()
            raise OSError(f"staging folder {folder} is in use")

    def release(self) -> None:
        if not self._fh.closed:
            unlock(self._fh.fileno())
            self._fh.close()


WRITE_LOCK_NAME = "write.lock"
#: How often a program waiting for the write lock looks again.
_LOCK_POLL_S = 0.05


@contextmanager
def write_lock(
    data_dir: Path,
    *,
    wait_s: float = 0.0,
    waiting: Callable[[], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[None]:
    """Hold the archive's write lock, an OS lock on `DATA/write.lock`, for the block.

    An import holds it from staging to commit, and a restore while it
    replaces the file. SQLite's own lock is not enough for that: a restore
    renames another file into place, and a program waiting for SQLite's lock
    on the old file would then write into the file set aside. The OS drops
    the lock with its process, however that ends.

    Waits up to *wait_s* seconds for another program to let go, calling
    *waiting* once when it has to wait. Raises ArchiveError("busy") when
    the wait ends without the lock, ("cancelled") when *cancel* says so.
    """
    path = Path(data_dir) / WRITE_LOCK_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as fh:
        deadline = time.monotonic() + wait_s
        told = False
        while not try_lock(fh.fileno()):
            if cancel is not None and cancel():
                raise ArchiveError(ErrorCode.CANCELLED)
            if time.monotonic() >= deadline:
                raise ArchiveError(ErrorCode.BUSY, "another program is writing to the archive")
            if not told and waiting is not None:
                told = True
                waiting()
            time.sleep(_LOCK_POLL_S)
        try:
            yield
        finally:
            unlock(fh.fileno())


def _stale(folder: Path) -> bool:
    lock = folder / LOCK_NAME
    if not lock.exists():
        try:
            age = time.time() - folder.stat().st_mtime
        except OSError:
            return False
        return age > UNLOCKED_GRACE_S
    try:
        with lock.open("a+b") as fh:
            if not try_lock(fh.fileno()):
                return False
            unlock(fh.fileno())
    except OSError:
        return False
    return True


def clear_staging(data_dir: Path) -> None:
    """Remove what interrupted imports left in the staging folder.

    Folders of imports still running in another program are kept.
    """
    staging = data_dir / STAGING_DIR
    make_private_dir(staging)
    for child in staging.iterdir():
        if child.is_dir() and not child.is_symlink():
            if _stale(child):
                shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def open_archive(
    data_dir: Path,
    *,
    create: bool = True,
    on_upgrade: Callable[[], None] | None = None,
    thorough_check_bytes: int | None = None,
) -> Archive:
    """Open (and migrate) the archive in *data_dir*.

    *on_upgrade* is called before an existing archive is migrated: a
    migration can rebuild the search index, minutes on a large archive, and
    the caller may want to say so first. Archives up to
    *thorough_check_bytes* (default `THOROUGH_CHECK_BYTES`) get a full
    quick_check at open.

    Raises ArchiveError(MISSING) when there is none and *create* is False,
    (DAMAGED) when the file is not a usable archive, (NEWER) when it was
    written by a newer Bảng Tin, (BUSY) when another program holds it,
    (WAL_MISSING) when another program holds it and its -wal was deleted, and
    (READ_ONLY, IO_ERROR, DISK_FULL) when the file or its disk cannot be
    used, which is not damage: the file must not be set aside for it.
    """
    data_dir = Path(data_dir)
    db_path = data_dir / DB_NAME
    if not db_path.exists() and not create:
        raise ArchiveError(ErrorCode.MISSING, str(db_path), path=str(data_dir))
    if wal_missing(data_dir):
        raise ArchiveError(ErrorCode.WAL_MISSING, str(db_path), path=str(data_dir))
    try:
        engine = _open_checked(data_dir, db_path, on_upgrade, thorough_check_bytes)
    except ArchiveError as exc:
        exc.path = exc.path or str(data_dir)
        raise
    # Only now that the file is known to be ours: a refused file's folder is
    # left as it was.
    make_private_dir(data_dir / FILES_DIR)
    clear_staging(data_dir)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Archive(
        data_dir=data_dir, engine=engine, _sessions=sessions, identity=file_identity(db_path)
    )


def archive_error_from(exc: BaseException) -> ArchiveError | None:
    """*exc*, a SQLite error met while using an archive, as the archive's own error.

    Sorted by SQLite's own code (`db.errors.classify`): damaged pages are
    DAMAGED, locks BUSY, a full disk DISK_FULL, a read-only file or a failing
    disk READ_ONLY / IO_ERROR (not damage). None for anything else.
    """
    code = classify(exc)
    if code is None:
        return None
    damage = damage_of(exc) if code is ErrorCode.DAMAGED else None
    return ArchiveError(code, str(exc), damage=damage)


def _failure(exc: BaseException) -> ArchiveError:
    """What a SQLite failure at open means: damage, unless SQLite's code says otherwise.

    A read-only file, a missing permission or a failing disk is not damage:
    the window must not offer to set such a file aside.
    """
    return archive_error_from(exc) or ArchiveError(
        ErrorCode.DAMAGED, str(exc), damage=damage_of(exc)
    )


def _open_checked(
    data_dir: Path,
    db_path: Path,
    on_upgrade: Callable[[], None] | None,
    thorough_check_bytes: int | None,
) -> Engine:
    """An engine on the archive once it is known to be ours, migrated and sound."""
    _refuse_foreign(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    # A non-empty WAL at open means the last program did not close cleanly.
    unclean = wal.exists() and wal.stat().st_size > 0
    make_private_dir(data_dir)
    # Made here, not by SQLite, so that the file and its -wal and -shm are
    # 0600 under any umask.
    create_private_file(db_path)
    engine = make_engine(db_path)
    try:
        current = current_revision(engine)
        head = head_revision()
        if current is not None and current != head:
            known = {rev.revision for rev in _script().walk_revisions()}
            if current not in known:
                raise ArchiveError(ErrorCode.NEWER, current)
        if current is None:
            _check_empty_or_ours(engine)
        if current != head:
            if current is not None and on_upgrade is not None:
                on_upgrade()
            upgrade(engine)
        _check_at_open(
            engine,
            db_path,
            thorough=unclean or current != head,
            limit=THOROUGH_CHECK_BYTES if thorough_check_bytes is None else thorough_check_bytes,
        )
    except ArchiveError:
        engine.dispose()
        raise
    except DatabaseError as exc:  # OperationalError among them
        engine.dispose()
        raise _failure(exc) from exc
    return engine


#: The byte of the -shm file every SQLite connection holds a read lock on
#: (the "dead man switch", SQLite's os_unix.c: UNIX_SHM_DMS).
_SHM_DMS_BYTE = 128


def wal_missing(data_dir: Path) -> bool:
    """True when another program holds the archive open and its -wal was deleted.

    That program still holds the journal and writes it back into the file
    when it closes, so nothing is lost; until then another program would
    read the file without it (an older state, or "disk I/O error") and a
    write beside it could truly damage the file. Looked at before SQLite
    touches the files: SQLite itself would make a new, empty -wal.
    """
    db_path = Path(data_dir) / DB_NAME
    shm = db_path.with_name(DB_NAME + "-shm")
    wal = db_path.with_name(DB_NAME + "-wal")
    if not shm.exists() or wal.exists():
        return False
    return byte_locked_elsewhere(str(shm), _SHM_DMS_BYTE)


def _refuse_foreign(db_path: Path) -> None:
    # Look before the engine's pragmas run: switching to WAL rewrites the file
    # header, and a file of another program must be left byte for byte as it was.
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    with db_path.open("rb") as fh:
        header = fh.read(100)
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise ArchiveError(ErrorCode.DAMAGED, "not a SQLite database", damage=Damage.NOT_SQLITE)
    if header[18:20] == b"\x02\x02":
        # Already in WAL mode, so the engine's pragmas change nothing, and
        # _check_empty_or_ours refuses it; a read-only look here would leave
        # -wal and -shm files behind.
        return
    try:
        conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = {
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _failure(exc) from exc
    if tables and "alembic_version" not in tables:
        raise ArchiveError(ErrorCode.DAMAGED, "not a Bảng Tin archive", damage=Damage.FOREIGN)


def _check_empty_or_ours(engine: Engine) -> None:
    # A file without our version table must be empty; anything else is a
    # database of another program, which we never write over.
    with engine.connect() as conn:
        tables = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table'"
        ).fetchall()
    if tables:
        raise ArchiveError(ErrorCode.DAMAGED, "not a Bảng Tin archive", damage=Damage.FOREIGN)


#: Archives up to this size get a full quick_check at every open.
THOROUGH_CHECK_BYTES = 64 * 1024 * 1024


def _check_at_open(engine: Engine, db_path: Path, *, thorough: bool, limit: int) -> None:
    """Refuse a damaged archive without reading all of a large one.

    A full `PRAGMA quick_check` reads every page: ~1.1 s for a 1.7 GB
    archive, on every start. It runs when the archive is small, after a
    migration, and when the last program did not close cleanly; otherwise
    the file must at least be as long as its pages say (a truncated copy is
    the common damage). `bangtin check` always runs the full check.
    """
    if thorough or db_path.stat().st_size <= limit:
        quick_check(engine)
        return
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
        page_size = int(conn.exec_driver_sql("PRAGMA page_size").scalar() or 0)
    if db_path.stat().st_size < pages * page_size:
        raise ArchiveError(ErrorCode.DAMAGED, "the archive file is shorter than its pages")


def quick_check(engine: Engine) -> None:
    """SQLite's quick_check over the whole file; raises ArchiveError(DAMAGED)."""
    with engine.connect() as conn:
        result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
    if result != "ok":
        raise ArchiveError(ErrorCode.DAMAGED, str(result))
