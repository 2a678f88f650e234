"""Why the archive could not be used: error codes, and SQLite's failures sorted by them.

Codes are a StrEnum, so `exc.code == "busy"` and JSON output keep working.
`classify` reads the code SQLite itself reported (`sqlite_errorcode`, on the
sqlite3 exception or on SQLAlchemy's wrapper as `.orig`), never the English
message text, which SQLite may change and a translated build may not have.

Imports only the standard library (psycopg only to sort a failure of its
own, when it is loaded already): the command line and the window ask these
questions before SQLAlchemy has loaded.
"""

from __future__ import annotations

import sqlite3
from enum import StrEnum


class ErrorCode(StrEnum):
    """What went wrong with the archive or one of its backups."""

    #: There is no archive file yet.
    MISSING = "missing"
    #: The file is damaged or is not a Bảng Tin archive.
    DAMAGED = "damaged"
    #: The archive was written by a newer Bảng Tin.
    NEWER = "newer"
    #: Another program holds the archive's write lock.
    BUSY = "busy"
    #: The disk filled up while writing.
    DISK_FULL = "disk_full"
    #: The file or its folder cannot be written (read-only, no permission): not damage.
    READ_ONLY = "read_only"
    #: The disk reported a read or write error: the media, not the file's contents.
    IO_ERROR = "io_error"
    #: Another program holds the archive and its -wal was deleted: nothing is
    #: lost while that program runs, but nothing else may touch the file.
    WAL_MISSING = "wal_missing"
    #: The user cancelled while waiting for the archive.
    CANCELLED = "cancelled"
    #: Not enough free space on the disk for a backup.
    NO_SPACE = "no_space"
    #: There is no backup to restore.
    NO_BACKUP = "no_backup"
    #: The chosen backup is not a sound archive.
    BAD_BACKUP = "bad_backup"
    #: The archive's database server cannot be reached (wrong host, server down).
    SERVER_UNREACHABLE = "server_unreachable"
    #: The server refused the login: user name, password, or the right to that database.
    SERVER_LOGIN = "server_login"
    #: The server has no database of that name.
    SERVER_NO_DATABASE = "server_no_database"
    #: What names the server (`--database`, BANGTIN_DATABASE_URL) is not a PostgreSQL URL.
    SERVER_URL = "server_url"
    #: The connection to the server was lost while it was in use.
    SERVER_LOST = "server_lost"
    #: What was asked is not done on a PostgreSQL archive yet.
    NOT_ON_SERVER = "not_on_server"
    #: The data folder named is a file (or something else that is not a folder).
    NOT_A_FOLDER = "not_a_folder"


class Damage(StrEnum):
    """What kind of damage an archive file has, so the window can say it plainly."""

    #: The file is not a SQLite database at all (perhaps overwritten).
    NOT_SQLITE = "not_sqlite"
    #: A database of another program.
    FOREIGN = "foreign"
    #: A SQLite database whose pages are damaged or missing.
    BROKEN = "broken"


class ArchiveError(Exception):
    """The archive cannot be opened or used; `code` says why.

    `path` is the archive's folder when known; `damage` says what kind of
    damage a DAMAGED archive has (BROKEN unless told), and is None otherwise.
    """

    def __init__(
        self,
        code: ErrorCode | str,
        detail: str = "",
        *,
        path: str | None = None,
        damage: Damage | None = None,
    ) -> None:
        code = ErrorCode(code)
        super().__init__(f"{code}: {detail}" if detail else str(code))
        self.code = code
        self.detail = detail
        self.path = path
        self.damage: Damage | None = None
        if code is ErrorCode.DAMAGED:
            self.damage = damage or Damage.BROKEN


class BackupError(Exception):
    """A backup or restore could not be done; `code` says why.

    For NO_SPACE found before copying, *needed* and *free* are in MB.
    """

    def __init__(
        self,
        code: ErrorCode | str,
        detail: str = "",
        *,
        needed: int | None = None,
        free: int | None = None,
    ) -> None:
        code = ErrorCode(code)
        super().__init__(f"{code}: {detail}" if detail else str(code))
        self.code = code
        self.detail = detail
        self.needed = needed
        self.free = free


# SQLite's primary result codes (the low byte of an extended code).
_BY_SQLITE_CODE: dict[int, ErrorCode] = {
    sqlite3.SQLITE_BUSY: ErrorCode.BUSY,
    sqlite3.SQLITE_LOCKED: ErrorCode.BUSY,
    sqlite3.SQLITE_FULL: ErrorCode.DISK_FULL,
    sqlite3.SQLITE_READONLY: ErrorCode.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: ErrorCode.READ_ONLY,
    sqlite3.SQLITE_PERM: ErrorCode.READ_ONLY,
    sqlite3.SQLITE_IOERR: ErrorCode.IO_ERROR,
    sqlite3.SQLITE_CORRUPT: ErrorCode.DAMAGED,
    sqlite3.SQLITE_NOTADB: ErrorCode.DAMAGED,
}


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind *exc*, or None when it is not a SQLite failure.

    Looks through SQLAlchemy's wrapper (`.orig`) without importing SQLAlchemy.
    """
    for candidate in (exc, getattr(exc, "orig", None)):
        if isinstance(candidate, sqlite3.Error):
            code = getattr(candidate, "sqlite_errorcode", None)
            if isinstance(code, int):
                return code & 0xFF
    return None


def classify(exc: BaseException) -> ErrorCode | None:
    """The archive error a SQLite or PostgreSQL failure means, by the engine's own code.

    BUSY and LOCKED mean busy; FULL a full disk; READONLY, CANTOPEN and PERM
    a file that may not be written (a permission or a read-only medium);
    IOERR a failing disk; CORRUPT and NOTADB damage. PostgreSQL's failures
    are sorted by their SQLSTATE (`server_code`). Anything else (a
    constraint, a bug in our SQL) is None: the caller lets it through.
    """
    code = sqlite_code(exc)
    if code is not None:
        return _BY_SQLITE_CODE.get(code)
    return server_code(exc)


# PostgreSQL's SQLSTATEs (Appendix A of its manual), whole or by class.
_BY_SQLSTATE: dict[str, ErrorCode] = {
    "55P03": ErrorCode.BUSY,  # lock_not_available (lock_timeout)
    "40P01": ErrorCode.BUSY,  # deadlock_detected
    "40001": ErrorCode.BUSY,  # serialization_failure
    "53100": ErrorCode.DISK_FULL,
    "25006": ErrorCode.READ_ONLY,  # read_only_sql_transaction (a standby)
    "42501": ErrorCode.READ_ONLY,  # insufficient_privilege
    "28P01": ErrorCode.SERVER_LOGIN,  # invalid_password
    "28000": ErrorCode.SERVER_LOGIN,  # invalid_authorization_specification
    "3D000": ErrorCode.SERVER_NO_DATABASE,  # invalid_catalog_name
    "57P01": ErrorCode.SERVER_LOST,  # admin_shutdown
    "57P02": ErrorCode.SERVER_LOST,  # crash_shutdown
    "57P03": ErrorCode.SERVER_UNREACHABLE,  # cannot_connect_now (starting up)
    "XX001": ErrorCode.DAMAGED,  # data_corrupted
    "XX002": ErrorCode.DAMAGED,  # index_corrupted
}


def server_code(exc: BaseException) -> ErrorCode | None:
    """The archive error a PostgreSQL failure means, by its SQLSTATE and psycopg's classes.

    Looks through SQLAlchemy's wrapper, and asks psycopg only when the
    failure is one of its own (so it is loaded). Never reads the message,
    which is in the server's language. A connection that failed without an
    answer carrying a SQLSTATE is an OperationalError: SERVER_LOST when an
    open connection broke; when it was being opened, SERVER_LOGIN if libpq
    says the server wanted a password that was not given, else
    SERVER_UNREACHABLE. Telling a refused login and a missing database from
    a server that is off needs the server asked again (db/refusal.py,
    `db.server.server_error`).
    """
    for candidate in (exc, getattr(exc, "orig", None)):
        if candidate is None or not type(candidate).__module__.startswith("psycopg"):
            continue
        import psycopg

        if not isinstance(candidate, psycopg.Error):
            continue
        state = candidate.sqlstate
        if state:
            found = _BY_SQLSTATE.get(state)
            if found is not None:
                return found
            if state.startswith("08"):
                return ErrorCode.SERVER_LOST
            return None
        if isinstance(candidate, psycopg.OperationalError):
            if getattr(exc, "connection_invalidated", False):
                return ErrorCode.SERVER_LOST
            pgconn = candidate.pgconn
            if pgconn is not None and pgconn.needs_password:
                return ErrorCode.SERVER_LOGIN
            return ErrorCode.SERVER_UNREACHABLE
    return None


def damage_of(exc: BaseException) -> Damage:
    """What kind of damage a DAMAGED failure shows."""
    if sqlite_code(exc) == sqlite3.SQLITE_NOTADB:
        return Damage.NOT_SQLITE
    return Damage.BROKEN
