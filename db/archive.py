"""Opening an archive: the SQLite file, its pragmas, migrations and folders.

An archive is a data folder holding `archive.sqlite3`, the attachment store
`files/`, and `staging/`, where an import copies a bundle before applying it.
Staged files left by an interrupted import are removed at the next open.

The folder decides whom the office trusts: whoever can replace the archive
file can trust their own key. So folders are created 0700 and the archive
file 0600, whatever the umask (SQLite gives its -wal and -shm files the
database file's mode); db/folders.py keeps those rules, the staging
folder and the write lock. An archive this program may only read (a
read-only folder, file or medium) is opened read-only, never set aside.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from db.bulk import rollback_journal
from db.errors import ArchiveError as ArchiveError  # where callers have always found it
from db.errors import Damage, ErrorCode, classify, damage_of
from db.folders import DB_NAME as DB_NAME
from db.folders import FILES_DIR as FILES_DIR
from db.folders import LOCK_NAME as LOCK_NAME
from db.folders import SQLITE_MAGIC as SQLITE_MAGIC
from db.folders import STAGING_DIR as STAGING_DIR
from db.folders import THOROUGH_CHECK_BYTES as THOROUGH_CHECK_BYTES
from db.folders import UNLOCKED_GRACE_S as UNLOCKED_GRACE_S
from db.folders import VACUUM_PENDING as VACUUM_PENDING
from db.folders import WRITE_LOCK_NAME as WRITE_LOCK_NAME
from db.folders import StagingClaim as StagingClaim
from db.folders import clear_staging as clear_staging
from db.folders import create_private_file as create_private_file
from db.folders import file_identity as file_identity
from db.folders import fsync_dir as fsync_dir
from db.folders import header_length
from db.folders import make_private_dir as make_private_dir
from db.folders import may_write as may_write
from db.folders import wal_missing as wal_missing
from db.folders import writable_by_others as writable_by_others
from db.folders import write_lock as write_lock
from db.migrations import HEAD_REVISION, VACUUM_AFTER
from db.people import acting_as

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
#: How long a writer (an import, a backup taken by hand) waits for another
#: program's import to finish.
WRITE_WAIT_S = 15 * 60.0


#: The page size of a new archive. Rows of 2 to 5 KB (a notice, its index
#: text) leave less of a 16 KB page empty than of an 8 KB one: a new archive
#: of 10,000 notices takes 117 MB instead of 122, and searches as fast.
PAGE_SIZE = 16384


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself, so transactions mean what they say.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout = 0")
    # Only a new, empty file takes these (before the WAL is set up); an
    # existing archive keeps its page size and vacuum mode. Bodies of about
    # 2 KB fill a 4 KB page half (one row a page); seven go in 16 KB.
    # Incremental vacuum lets an import give back the pages its index merge
    # freed (`db.search.indexer`), instead of keeping them in the file.
    cur.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    if _new_file(cur):
        # Asked of an existing file, this pragma opens a write transaction.
        cur.execute("PRAGMA auto_vacuum = INCREMENTAL")
    try:
        cur.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as exc:
        # Busy: a bulk import holds the file with a rollback journal (db.bulk)
        # and turns the WAL on again when it ends; meanwhile this connection
        # reads beside it as the file's header says. Asked without waiting.
        if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
            raise
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _new_file(cur: sqlite3.Cursor) -> bool:
    """Whether the connection's own file is new and empty (nothing read from it)."""
    for _seq, name, path in cur.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return not path or not os.path.exists(path) or os.path.getsize(path) == 0
    return False


def _on_begin(conn: Any) -> None:
    # Writers ask for IMMEDIATE so that two writers queue on busy_timeout
    # instead of failing half way through with "database is locked".
    mode = conn.get_execution_options().get("bangtin_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _on_connect_read_only(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # No journal or sync pragmas: a read-only connection may not change them.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA query_only = ON")
    cur.close()


#: How a read-only archive is opened: `mode=ro` takes part in SQLite's locking
#: (another program may write meanwhile); `immutable=1` is for a folder where
#: SQLite cannot even make the -shm file it needs to read a WAL archive.
ReadMode = Literal["ro", "immutable"]


def make_engine(db_path: Path, *, read_only: ReadMode | None = None) -> Engine:
    """An engine on *db_path* with the archive's pragmas and transaction rules.

    With *read_only* the file is opened through SQLite's URI so that SQLite
    itself refuses any write, whatever the account may do.
    """
    if read_only is None:
        engine = create_engine(f"sqlite:///{db_path}", future=True)
        event.listen(engine, "connect", _on_connect)
    else:
        query = "mode=ro" if read_only == "ro" else "immutable=1"
        uri = f"{Path(db_path).resolve().as_uri()}?{query}"
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=QueuePool,
            future=True,
        )
        event.listen(engine, "connect", _on_connect_read_only)
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
    """Run migrations on *engine* up to *revision*. When they pass a revision
    that leaves most of some pages empty, the file is marked for a vacuum,
    which the open does once the archive is checked (`vacuum_if_pending`)."""
    from alembic import command

    before = current_revision(engine)
    target = HEAD_REVISION if revision == "head" else revision
    pending = _vacuum_marker(engine)
    if before is not None and pending is not None and _passes_vacuum(before, target):
        # Written before the migrations commit, so that a crash between
        # their commit and the vacuum leaves the vacuum still to do.
        pending.touch()
        fsync_dir(pending.parent)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def _passes_vacuum(before: str, after: str) -> bool:
    # Revisions are numbered in order ("0001", "0002", …).
    return any(before < rev <= after for rev in VACUUM_AFTER)


def _vacuum_marker(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database).with_name(VACUUM_PENDING)


def vacuum_if_pending(engine: Engine) -> bool:
    """Vacuum the archive if an upgrade asked for it and it is not done yet
    (a crash, or too little free disk, put it off); True once it is done."""
    pending = _vacuum_marker(engine)
    if pending is None or not pending.exists():
        return False
    if not vacuum(engine):
        return False
    pending.unlink(missing_ok=True)
    fsync_dir(pending.parent)
    return True


def vacuum(engine: Engine) -> bool:
    """Write the archive's file anew, every table's pages full (SQLite's VACUUM);
    False when it was left for later.

    VACUUM runs outside a transaction, and a crash part way leaves the file
    as it was. Meanwhile it needs free disk of twice the file: a copy in the
    temporary folder, and every page once more in the WAL. With less, or
    when the archive is not in WAL mode (a page size set for new files
    would then take effect: an existing archive keeps its own), or when
    SQLite cannot (busy, disk full), nothing is changed and it waits for a
    later open."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database:
        return False
    size = os.path.getsize(database)
    folder, temp = Path(database).parent, Path(tempfile.gettempdir())
    try:
        same_disk = os.stat(folder).st_dev == os.stat(temp).st_dev
        enough = shutil.disk_usage(folder).free >= size * (2 if same_disk else 1) and (
            same_disk or shutil.disk_usage(temp).free >= size
        )
    except OSError:
        enough = False
    if not enough:
        log.warning("vacuum put off: less than twice the archive's %d bytes free", size)
        return False
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        if str(raw.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            return False
        try:
            raw.execute("VACUUM")
        except sqlite3.DatabaseError as exc:  # busy, disk full; damage is the checks' to find
            log.warning("vacuum put off: %s", exc)
            return False
        # The WAL now holds the whole file once: give its space back now (a
        # reader elsewhere may hold some of it back until a later checkpoint).
        busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy is not None and busy[0]:
            log.info("the WAL stays until a later checkpoint: a reader holds it")
    return True


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
    #: True when the file or its folder may not be written (a read-only
    #: folder, medium or permission): the archive is read, and every write
    #: is refused with ArchiveError(READ_ONLY) before it starts.
    read_only: bool = False
    #: The PostgreSQL database's URL when the archive is on a server
    #: (db/server.py); None for the SQLite file in `data_dir`. On a server
    #: `data_dir` still holds this computer's attachment store and staging.
    url: str | None = None
    #: Whose reading state (unread marks, bookmarks) the archive's units of
    #: work read and write: '' on one PC, the login name on a server (db.people).
    person: str = ""
    #: The full check an unclean exit calls for, put off at open (`open_archive`).
    check_pending: bool = False

    def finish_check(self) -> None:
        """Run the check put off at open, if any; raises ArchiveError(DAMAGED)."""
        if self.check_pending:
            quick_check(self.engine)
            self.check_pending = False

    @property
    def on_server(self) -> bool:
        """True when the archive is a PostgreSQL database, not the SQLite file."""
        return self.url is not None

    @property
    def where(self) -> str:
        """The archive as a sentence names it: its folder, or the server's database."""
        if self.url is not None:
            from db.server import display_url

            return display_url(self.url)
        return str(self.data_dir)

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
        with acting_as(self.person), self._sessions() as session:
            yield session

    @contextmanager
    def writing(self, *, bulk: bool = False) -> Iterator[Session]:
        """A session whose one transaction commits at the end or rolls back.

        *bulk*: the transaction writes most of the archive; on SQLite it
        keeps a rollback journal instead of the WAL (`db.bulk`).
        """
        if self.read_only:
            raise ArchiveError(ErrorCode.READ_ONLY, "opened read-only", path=str(self.data_dir))
        self.finish_check()
        with ExitStack() as stack:
            bind: Engine | Connection = self.engine.execution_options(bangtin_begin="IMMEDIATE")
            if bulk and self.url is None:
                bind = stack.enter_context(rollback_journal(self.engine, "IMMEDIATE"))
            with self._writing(bind) as session:
                yield session

    @contextmanager
    def _writing(self, bind: Engine | Connection) -> Iterator[Session]:
        with acting_as(self.person), Session(bind, expire_on_commit=False) as session:
            try:
                with session.begin():
                    if self.url is not None:
                        from db.server import begin_writing

                        begin_writing(session)
                    yield session
            except OperationalError as exc:
                # Other failures pass through as they are: the importer and
                # describe() sort them by classify() where they know more.
                if classify(exc) is ErrorCode.BUSY:
                    raise ArchiveError(ErrorCode.BUSY, path=self.where) from exc
                raise

    @contextmanager
    def write_lock(
        self,
        *,
        wait_s: float,
        waiting: Callable[[], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Iterator[None]:
        """The lock an import or restore holds throughout: the folder's lock file,
        or on a server its advisory lock (`db.server.import_lock`)."""
        if self.url is None:
            with write_lock(self.data_dir, wait_s=wait_s, waiting=waiting, cancel=cancel):
                yield
            return
        from db.server import import_lock

        with import_lock(self.engine, wait_s=wait_s, waiting=waiting, cancel=cancel):
            yield

    def close(self) -> None:
        self.engine.dispose()


def open_archive(
    data_dir: Path,
    *,
    create: bool = True,
    on_upgrade: Callable[[], None] | None = None,
    thorough_check_bytes: int | None = None,
    url: str | None = None,
) -> Archive:
    """Open (and migrate) the archive in *data_dir*, or on the server at *url*.

    *on_upgrade* is called before an existing archive is migrated: a
    migration can rebuild the search index, minutes on a large archive, and
    the caller may want to say so first. Archives up to
    *thorough_check_bytes* (default `THOROUGH_CHECK_BYTES`) get a full
    quick_check at open; a larger one left by an unclean exit gets it before
    its first write (`Archive.check_pending`; docs/reliability.md says why).

    A sound archive that may not be written (its file or folder read-only,
    or a read-only medium) is opened for reading: `Archive.read_only`.

    Raises ArchiveError(MISSING) when there is none and *create* is False,
    (DAMAGED) when the file is not a usable archive, (NEWER) when it was
    written by a newer Bảng Tin, (BUSY) when another program holds it,
    (WAL_MISSING) when another program holds it and its -wal was deleted, and
    (READ_ONLY, IO_ERROR, DISK_FULL) when the file or its disk cannot be
    used, which is not damage: the file must not be set aside for it.

    With *url* the archive is the PostgreSQL database there (db/server.py);
    *data_dir* then holds only this computer's attachment store and staging.
    """
    data_dir = Path(data_dir)
    if url is not None:
        from db.server import open_server_archive

        return open_server_archive(url, data_dir, create=create, on_upgrade=on_upgrade)
    if data_dir.exists() and not data_dir.is_dir():
        raise ArchiveError(ErrorCode.NOT_A_FOLDER, str(data_dir), path=str(data_dir))
    db_path = data_dir / DB_NAME
    if not db_path.exists() and not create:
        raise ArchiveError(ErrorCode.MISSING, str(db_path), path=str(data_dir))
    if wal_missing(data_dir):
        raise ArchiveError(ErrorCode.WAL_MISSING, str(db_path), path=str(data_dir))
    try:
        if db_path.exists() and not may_write(data_dir):
            return _open_read_only(data_dir, db_path, thorough_check_bytes)
        try:
            engine, pending = _open_checked(data_dir, db_path, on_upgrade, thorough_check_bytes)
        except ArchiveError as exc:
            # A medium that says "read-only" only when written (a read-only
            # mount, a share): read the archive all the same.
            if exc.code is not ErrorCode.READ_ONLY or not _has_content(db_path):
                raise
            return _open_read_only(data_dir, db_path, thorough_check_bytes)
    except ArchiveError as exc:
        exc.path = exc.path or str(data_dir)
        raise
    # Only now that the file is known to be ours: a refused file's folder is
    # left as it was.
    make_private_dir(data_dir / FILES_DIR)
    clear_staging(data_dir)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Archive(
        data_dir=data_dir,
        engine=engine,
        _sessions=sessions,
        identity=file_identity(db_path),
        check_pending=pending,
    )


def _has_content(db_path: Path) -> bool:
    try:
        return db_path.stat().st_size > 0
    except OSError:
        return False


def _open_read_only(data_dir: Path, db_path: Path, thorough_check_bytes: int | None) -> Archive:
    """The archive in *data_dir*, opened so that nothing in it can change.

    Nothing is created or removed in the folder (no staging, no files
    folder). An archive that needs migrating cannot be read this way, and one
    whose -wal holds writes SQLite cannot read without its -shm is refused:
    reading the file alone would show an older state.
    """
    _refuse_foreign(db_path)
    engine = make_engine(db_path, read_only="ro")
    try:
        try:
            current = current_revision(engine)
        except OperationalError as exc:
            # A WAL archive in a folder where SQLite cannot make the -shm file.
            wal = db_path.with_name(db_path.name + "-wal")
            if classify(exc) is not ErrorCode.READ_ONLY or _has_content(wal):
                raise
            engine.dispose()
            engine = make_engine(db_path, read_only="immutable")
            current = current_revision(engine)
        if current is None:
            raise ArchiveError(ErrorCode.READ_ONLY, "an empty file that may not be written")
        if current != head_revision():
            known = {rev.revision for rev in _script().walk_revisions()}
            if current not in known:
                raise ArchiveError(ErrorCode.NEWER, current)
            raise ArchiveError(ErrorCode.READ_ONLY, f"needs migrating from {current}")
        _check_at_open(
            engine,
            db_path,
            thorough=False,
            limit=THOROUGH_CHECK_BYTES if thorough_check_bytes is None else thorough_check_bytes,
        )
    except ArchiveError:
        engine.dispose()
        raise
    except DatabaseError as exc:
        engine.dispose()
        raise _failure(exc) from exc
    return Archive(
        data_dir=data_dir,
        engine=engine,
        _sessions=sessionmaker(engine, expire_on_commit=False),
        identity=file_identity(db_path),
        read_only=True,
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
) -> tuple[Engine, bool]:
    """An engine on the archive once it is known to be ours, migrated and sound,
    and whether the full check an unclean exit calls for is still to run."""
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
        limit = THOROUGH_CHECK_BYTES if thorough_check_bytes is None else thorough_check_bytes
        _check_at_open(engine, db_path, thorough=current != head, limit=limit)
        # One the upgrade just asked for, or one a crash or a full disk put off.
        vacuum_if_pending(engine)
    except ArchiveError:
        engine.dispose()
        raise
    except DatabaseError as exc:  # OperationalError among them
        engine.dispose()
        raise _failure(exc) from exc
    return engine, unclean and current == head and db_path.stat().st_size > limit


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


def _check_at_open(engine: Engine, db_path: Path, *, thorough: bool, limit: int) -> None:
    """Refuse a damaged archive without reading all of a large one.

    A full `PRAGMA quick_check` reads every page: ~1.1 s for a 1.7 GB archive.
    It runs when the archive is small and after a migration (after an unclean
    exit, before the first write: `Archive.check_pending`); otherwise the file
    must be as long as its pages say (a truncated copy is the common damage).
    `bangtin check` always runs the full check."""
    size = db_path.stat().st_size
    if thorough or size <= limit:
        quick_check(engine)
        return
    # The file's own header, not SQLite's page count: pages a -wal holds
    # beyond the file's end (an unclean exit) are not missing from it.
    expected = header_length(db_path)
    if expected is None and not _has_content(db_path.with_name(db_path.name + "-wal")):
        with engine.connect() as conn:
            pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
            expected = pages * int(conn.exec_driver_sql("PRAGMA page_size").scalar() or 0)
    if expected is not None and size < expected:
        raise ArchiveError(ErrorCode.DAMAGED, "the archive file is shorter than its pages")


def quick_check(engine: Engine) -> None:
    """SQLite's quick_check over the whole file; raises ArchiveError(DAMAGED)."""
    with engine.connect() as conn:
        result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
    if result != "ok":
        raise ArchiveError(ErrorCode.DAMAGED, str(result))
