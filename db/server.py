"""An office's shared archive on a PostgreSQL server: engine, opening, locks.

The same models and the same Alembic history as the SQLite archive; what
is file-specific there has a counterpart here:

- the import write lock (a lock file there) is a session advisory lock,
  `pg_try_advisory_lock`, held by a connection of its own for the whole
  import; a second PC's import waits on it (and says so), or is cancelled;
- every write transaction takes `pg_advisory_xact_lock`, so that writers
  queue as SQLite's BEGIN IMMEDIATE makes them queue, and gives up after
  `LOCK_TIMEOUT` as SQLite's busy_timeout does;
- migrations run under an advisory lock too: two PCs that start a newer
  Bảng Tin at once migrate the database once;
- there is no WAL file, file identity or quick_check: the server keeps its
  own files, and `bangtin check` asks it what it can (db/servercheck.py).

Attachments' content is kept in the database too (db/filestore.py), so
every PC can open them; the local data folder keeps staging, and this PC's
copies of the files it has opened.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker

from db.errors import ArchiveError, Damage, ErrorCode, classify
from db.people import login_name

if TYPE_CHECKING:
    from db.archive import Archive

#: The advisory lock keys (one bigint namespace per database): "bangtin" + 1, 2.
IMPORT_LOCK = 0x62616E6774696E01
WRITE_LOCK = 0x62616E6774696E02
MIGRATE_LOCK = 0x62616E6774696E03
#: How long a write waits for another PC's write transaction: SQLite's busy_timeout.
LOCK_TIMEOUT = "5s"
#: How long a connection attempt may take before the server counts as unreachable.
CONNECT_TIMEOUT_S = 10
_LOCK_POLL_S = 0.1
#: The URL schemes taken for a PostgreSQL server (the settings' URLs name the driver).
_DRIVERS = ("postgresql", "postgresql+psycopg")


def engine_url(url: str) -> URL:
    """*url* with psycopg 3 as its driver (postgres:// and postgresql:// both work).

    Raises ValueError when *url* is not a PostgreSQL URL that names a
    database: another engine's URL, a file's path, or one libpq cannot read
    (a bad port, an unknown parameter, a broken %-escape).
    """
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url.strip().replace("postgres://", "postgresql://", 1))
        port = parsed.port
    except (ArgumentError, ValueError) as exc:
        raise ValueError(f"not a PostgreSQL URL: {url}") from exc
    if parsed.drivername not in _DRIVERS:
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string()}")
    if not parsed.database or (port is not None and not 0 < port < 65536):
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string()}")
    try:
        conninfo_to_dict(_rendered(parsed, password=True))
    except ProgrammingError as exc:
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string()}") from exc
    return parsed.set(drivername="postgresql+psycopg")


def _rendered(parsed: URL, *, password: bool) -> str:
    """*parsed* as a libpq URL, every part escaped again (SQLAlchemy's rendering
    leaves a space in the database's name as it is)."""
    user = quote(parsed.username or "", safe="")
    if password and parsed.password is not None:
        user += ":" + quote(str(parsed.password), safe="")
    host = parsed.host or ""
    if ":" in host and "," not in host:
        host = f"[{host}]"  # an IPv6 address
    port = f":{parsed.port}" if parsed.port else ""
    query = "&".join(
        f"{quote(key, safe='')}={quote(value, safe='/:,')}"
        for key, values in sorted(parsed.query.items())
        for value in ((values,) if isinstance(values, str) else values)
    )
    database = quote(parsed.database or "", safe="")
    return f"postgresql://{user + '@' if user else ''}{host}{port}/{database}" + (
        f"?{query}" if query else ""
    )


def display_url(url: str) -> str:
    """*url* as it may be shown: the same address without its password.

    A valid URL that libpq reads as the user wrote it (a socket folder, a
    port, sslmode and the rest of the query kept), so that a command built
    from it works when pasted; the password is dropped (it comes from
    ~/.pgpass or the keyring), never shown.
    """
    return _rendered(engine_url(url), password=False)


def shown_url(url: str) -> str:
    """*url* as sentences may show it, a PostgreSQL URL or not: never with its password."""
    try:
        return display_url(url)
    except ValueError:
        pass
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL at all (a path, garbage): shown as typed
        return url


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Times as the archive stores them are integers; the server's own
    # time zone never enters a query. Name the program in pg_stat_activity.
    with dbapi_conn.cursor() as cur:
        cur.execute("SET application_name = 'bangtin'")
    dbapi_conn.commit()


def make_server_engine(url: str, *, password: str | None = None) -> Engine:
    """An engine on the PostgreSQL database at *url* (psycopg 3)."""
    parsed = engine_url(url)
    if password is not None and parsed.password is None:
        parsed = parsed.set(password=password)
    engine = create_engine(
        parsed,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def server_error(exc: BaseException, url: str) -> ArchiveError | None:
    """*exc*, met connecting to or using the server at *url*, as one ArchiveError.

    None when it is not about the server or the archive (a bug in our SQL):
    the caller lets it through. A refused connection is told apart from a
    server that is not there by asking the server again (db/refusal.py).
    """
    code = classify(exc)
    if code is None:
        return None
    if code is ErrorCode.SERVER_UNREACHABLE:
        from db.refusal import refusal

        code = refusal(exc) or code
    return ArchiveError(code, str(getattr(exc, "orig", exc)), path=display_url(url))


def current_revision(conn: Connection) -> str | None:
    """The migration revision the database is at, or None when it has no version table."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def prepare(
    engine: Engine,
    *,
    head: str,
    known: Callable[[], set[str]],
    upgrade: Callable[[Connection], None],
    on_upgrade: Callable[[], None] | None,
) -> None:
    """Check the database is ours (or empty) and migrate it to *head*.

    Under an advisory lock, in one transaction: a second PC that opens the
    database meanwhile waits, then finds it at head.
    """
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK})
        current = current_revision(conn)
        if current == head:
            return
        if current is None:
            if inspect(conn).get_table_names():
                raise ArchiveError(
                    ErrorCode.DAMAGED, "not a Bảng Tin archive", damage=Damage.FOREIGN
                )
        elif current not in known():
            raise ArchiveError(ErrorCode.NEWER, current)
        elif on_upgrade is not None:
            on_upgrade()
        upgrade(conn)


def begin_writing(session: Any) -> None:
    """Queue this write transaction behind any other PC's (see the module)."""
    session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


@contextmanager
def import_lock(
    engine: Engine,
    *,
    wait_s: float,
    waiting: Callable[[], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[None]:
    """Hold the database's import lock for the block, as `db.folders.write_lock` does a file's.

    A connection of its own holds it; the server lets go if this program
    dies, however it ends. Waits up to *wait_s* for another PC's import,
    calling *waiting* once when it has to wait. Raises ArchiveError(BUSY)
    when the wait ends without the lock, (CANCELLED) when *cancel* says so.
    """
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        deadline = time.monotonic() + wait_s
        told = False
        while not conn.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": IMPORT_LOCK}
        ).scalar():
            if cancel is not None and cancel():
                raise ArchiveError(ErrorCode.CANCELLED)
            if time.monotonic() >= deadline:
                raise ArchiveError(ErrorCode.BUSY, "another computer is importing")
            if not told and waiting is not None:
                told = True
                waiting()
            time.sleep(_LOCK_POLL_S)
        try:
            yield
        finally:
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": IMPORT_LOCK})
            except DBAPIError:
                # The connection broke: the server has let go of the lock already.
                pass


@contextmanager
def telling_lock_waits(engine: Engine, program: str, waiting: Callable[[], None]) -> Iterator[None]:
    """Call *waiting* once if, during the block, the server connection of *program*
    (its application_name: "pg_restore"…) waits for a lock another session holds.

    A thread of its own asks pg_stat_activity a few times a second; the
    block's own work (a child process) cannot say it waits.
    """
    import threading

    done = threading.Event()

    def watch() -> None:
        try:
            with engine.connect() as conn:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                while not done.wait(_LOCK_POLL_S * 2):
                    if conn.execute(_WAITING_FOR_A_LOCK, {"program": program}).scalar():
                        waiting()
                        return
        except DBAPIError:
            return  # the block meets the same failure and says it

    watcher = threading.Thread(target=watch, name="lock-waits", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


_WAITING_FOR_A_LOCK = text(
    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() "
    "AND application_name = :program AND wait_event_type = 'Lock')"
)


def open_server_archive(
    url: str, data_dir: Path, *, create: bool, on_upgrade: Callable[[], None] | None
) -> Archive:
    """The archive on the PostgreSQL server at *url*, migrated to head.

    An empty database is made an archive only when *create* allows, as an
    empty folder is; one holding tables of another program is refused
    (DAMAGED, FOREIGN); connection failures are the SERVER_* codes.
    """
    from db.archive import (
        FILES_DIR,
        Archive,  # noqa: F811 - imported here: db.archive imports this module
        _alembic_config,
        _script,
        clear_staging,
        head_revision,
        make_private_dir,
    )

    try:
        engine = make_server_engine(url)
    except ValueError as exc:
        raise ArchiveError(ErrorCode.SERVER_URL, path=shown_url(url)) from exc

    def migrate(conn: Any) -> None:
        if not create and current_revision(conn) is None:
            raise ArchiveError(ErrorCode.MISSING, display_url(url))
        from alembic import command

        command.upgrade(_alembic_config(conn), "head")

    try:
        prepare(
            engine,
            head=head_revision(),
            known=lambda: {rev.revision for rev in _script().walk_revisions()},
            upgrade=migrate,
            on_upgrade=on_upgrade,
        )
    except ArchiveError as exc:
        engine.dispose()
        exc.path = exc.path or display_url(url)
        raise
    except DBAPIError as exc:
        engine.dispose()
        found = server_error(exc, url)
        if found is None:
            raise
        raise found from exc
    make_private_dir(data_dir)
    make_private_dir(data_dir / FILES_DIR)
    clear_staging(data_dir)
    return Archive(
        data_dir=data_dir,
        engine=engine,
        _sessions=sessionmaker(engine, expire_on_commit=False),
        url=url,
        person=login_name(),
    )
