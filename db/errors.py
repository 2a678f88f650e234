"""Why the archive could not be used: error codes, and SQLite's failures sorted by them.

Codes are a StrEnum, so `exc.code == "busy"` and JSON output keep working.
`classify` reads the code SQLite itself reported (`sqlite_errorcode`, on the
sqlite3 exception or on SQLAlchemy's wrapper as `.orig`), never the English
message text, which SQLite may change and a translated build may not have.

Imports only the standard library: the command line and the window ask
these questions before SQLAlchemy has loaded.
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
    """The archive error a SQLite failure means, by SQLite's own result code.

    BUSY and LOCKED mean busy; FULL a full disk; READONLY, CANTOPEN and PERM
    a file that may not be written (a permission or a read-only medium);
    IOERR a failing disk; CORRUPT and NOTADB damage. Anything else (a
    constraint, a bug in our SQL) is None: the caller lets it through.
    """
    code = sqlite_code(exc)
    return None if code is None else _BY_SQLITE_CODE.get(code)


def damage_of(exc: BaseException) -> Damage:
    """What kind of damage a DAMAGED failure shows."""
    if sqlite_code(exc) == sqlite3.SQLITE_NOTADB:
        return Damage.NOT_SQLITE
    return Damage.BROKEN
