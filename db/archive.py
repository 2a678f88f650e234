"""Opening an archive: the SQLite file, its pragmas, migrations and folders.

An archive is a data folder holding `archive.sqlite3`, the attachment store
`files/`, and `staging/`, where an import copies a bundle before applying it.
Staged files left by an interrupted import are removed at the next open.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.locks import byte_locked_elsewhere, try_lock, unlock
from db.migrations import HEAD_REVISION

DB_NAME = "archive.sqlite3"
FILES_DIR = "files"
STAGING_DIR = "staging"
BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


class ArchiveError(Exception):
    """The archive cannot be opened or used; `code` says why."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


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
                if "locked" in str(exc) or "busy" in str(exc):
                    raise ArchiveError("busy") from exc
                raise

    def close(self) -> None:
        self.engine.dispose()


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
                raise ArchiveError("cancelled")
            if time.monotonic() >= deadline:
                raise ArchiveError("busy", "another program is writing to the archive")
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
    staging.mkdir(parents=True, exist_ok=True)
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

    Raises ArchiveError("missing") when there is none and *create* is False,
    ("damaged") when the file is not a usable archive, ("newer") when it was
    written by a newer Bảng Tin, ("busy") when another program holds it, and
    ("wal_missing") when another program holds it and its -wal was deleted.
    """
    data_dir = Path(data_dir)
    db_path = data_dir / DB_NAME
    if not db_path.exists() and not create:
        raise ArchiveError("missing", str(db_path))
    if wal_missing(data_dir):
        raise ArchiveError("wal_missing", str(db_path))
    _refuse_foreign(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    # A non-empty WAL at open means the last program did not close cleanly.
    unclean = wal.exists() and wal.stat().st_size > 0
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_path)
    try:
        current = current_revision(engine)
        head = head_revision()
        if current is not None and current != head:
            known = {rev.revision for rev in _script().walk_revisions()}
            if current not in known:
                raise ArchiveError("newer", current)
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
    except DatabaseError as exc:
        engine.dispose()
        raise archive_error_from(exc) or ArchiveError("damaged", str(exc)) from exc
    # Only now that the file is known to be ours: a refused file's folder is
    # left as it was.
    (data_dir / FILES_DIR).mkdir(exist_ok=True)
    clear_staging(data_dir)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Archive(
        data_dir=data_dir, engine=engine, _sessions=sessions, identity=file_identity(db_path)
    )


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


def archive_error_from(exc: BaseException) -> ArchiveError | None:
    """*exc*, a SQLite error met while using an archive, as the archive's own error.

    Damaged pages ("malformed", "not a database", "disk I/O error") are
    "damaged", locks are "busy". Returns None for anything else.
    """
    orig = getattr(exc, "orig", None)
    error = orig if isinstance(orig, sqlite3.Error) else exc
    if not isinstance(error, sqlite3.Error):
        return None
    message = str(error)
    if "locked" in message or "busy" in message:
        return ArchiveError("busy", message)
    if any(sign in message for sign in ("malformed", "not a database", "disk I/O error")):
        return ArchiveError("damaged", message)
    return None


def _refuse_foreign(db_path: Path) -> None:
    # Look before the engine's pragmas run: switching to WAL rewrites the file
    # header, and a file of another program must be left byte for byte as it was.
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    with db_path.open("rb") as fh:
        header = fh.read(100)
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise ArchiveError("damaged", "not a SQLite database")
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
        if "locked" in str(exc) or "busy" in str(exc):
            raise ArchiveError("busy", str(exc)) from exc
        raise ArchiveError("damaged", str(exc)) from exc
    if tables and "alembic_version" not in tables:
        raise ArchiveError("damaged", "not a Bảng Tin archive")


def _check_empty_or_ours(engine: Engine) -> None:
    # A file without our version table must be empty; anything else is a
    # database of another program, which we never write over.
    with engine.connect() as conn:
        tables = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table'"
        ).fetchall()
    if tables:
        raise ArchiveError("damaged", "not a Bảng Tin archive")


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
        raise ArchiveError("damaged", "the archive file is shorter than its pages")


def quick_check(engine: Engine) -> None:
    """SQLite's quick_check over the whole file; raises ArchiveError("damaged")."""
    with engine.connect() as conn:
        result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
    if result != "ok":
        raise ArchiveError("damaged", str(result))
