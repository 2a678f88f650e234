"""SQLite's failures are sorted by the result code SQLite reports, on real files."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

import db.archive
from db.archive import DB_NAME, open_archive
from db.errors import ArchiveError, BackupError, Damage, ErrorCode, classify, sqlite_code


def failure(action: Callable[[], object]) -> BaseException:
    """The exception *action* raises; the test fails if it raises none."""
    with pytest.raises(Exception) as caught:
        action()
    return caught.value


def make_db(path: Path, rows: int = 0) -> Path:
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 200,) for _ in range(rows)])
        conn.commit()
    finally:
        conn.close()
    return path


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return make_db(tmp_path / "a.sqlite3")


@pytest.fixture
def writer(db_file: Path) -> Iterator[sqlite3.Connection]:
    """A second program holding the write lock on *db_file*."""
    conn = sqlite3.connect(db_file, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO t VALUES ('held')")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


def test_a_write_lock_held_elsewhere_is_busy(db_file: Path, writer: sqlite3.Connection) -> None:
    conn = sqlite3.connect(db_file, timeout=0, isolation_level=None)
    try:
        error = failure(lambda: conn.execute("BEGIN IMMEDIATE"))
    finally:
        conn.close()
    assert classify(error) is ErrorCode.BUSY


def test_sqlalchemy_s_wrapper_is_looked_through(db_file: Path, writer: sqlite3.Connection) -> None:
    engine = create_engine(f"sqlite:///{db_file}", connect_args={"timeout": 0})
    try:
        with engine.connect() as conn:
            error = failure(lambda: conn.execute(text("INSERT INTO t VALUES ('mine')")))
    finally:
        engine.dispose()
    assert isinstance(error, DBAPIError)
    assert classify(error) is ErrorCode.BUSY


def test_a_table_locked_by_the_same_connection_is_busy(db_file: Path) -> None:
    conn = sqlite3.connect(db_file, isolation_level=None)
    try:
        conn.executemany("INSERT INTO t VALUES (?)", [("a",), ("b",)])
        pending = conn.execute("SELECT x FROM t")
        pending.fetchone()
        error = failure(lambda: conn.execute("DROP TABLE t"))
        assert sqlite_code(error) == sqlite3.SQLITE_LOCKED
    finally:
        conn.close()
    assert classify(error) is ErrorCode.BUSY


def test_a_database_that_may_not_grow_is_a_full_disk(db_file: Path) -> None:
    conn = sqlite3.connect(db_file)
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        error = failure(lambda: conn.executemany("INSERT INTO t VALUES (?)", [("y" * 1000,)] * 50))
    finally:
        conn.close()
    assert classify(error) is ErrorCode.DISK_FULL


def test_a_file_opened_read_only_is_not_damage(db_file: Path) -> None:
    conn = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        error = failure(lambda: conn.execute("INSERT INTO t VALUES ('no')"))
    finally:
        conn.close()
    assert classify(error) is ErrorCode.READ_ONLY


def test_a_query_only_connection_is_read_only(db_file: Path) -> None:
    conn = sqlite3.connect(db_file)
    try:
        conn.execute("PRAGMA query_only = ON")
        error = failure(lambda: conn.execute("INSERT INTO t VALUES ('no')"))
    finally:
        conn.close()
    assert classify(error) is ErrorCode.READ_ONLY


def test_a_file_that_cannot_be_opened_is_not_damage(tmp_path: Path) -> None:
    error = failure(lambda: sqlite3.connect(tmp_path / "no-such-folder" / "a.sqlite3"))
    assert sqlite_code(error) == sqlite3.SQLITE_CANTOPEN
    assert classify(error) is ErrorCode.READ_ONLY


def test_a_disk_error_is_not_damage(db_file: Path) -> None:
    # Where the rollback journal must go stands a folder: SQLite reports an I/O error.
    Path(f"{db_file}-journal").mkdir()
    conn = sqlite3.connect(db_file)
    try:
        error = failure(lambda: conn.execute("INSERT INTO t VALUES ('no')"))
    finally:
        conn.close()
    assert sqlite_code(error) == sqlite3.SQLITE_IOERR
    assert classify(error) is ErrorCode.IO_ERROR


def test_permission_denied_by_sqlite_is_read_only() -> None:
    # SQLITE_PERM comes from platforms and VFSs we cannot reproduce here; the
    # error below is what the sqlite3 module raises for it.
    error = sqlite3.OperationalError("access permission denied")
    error.sqlite_errorcode = sqlite3.SQLITE_PERM
    error.sqlite_errorname = "SQLITE_PERM"
    assert classify(error) is ErrorCode.READ_ONLY


def test_damaged_pages_are_damage(tmp_path: Path) -> None:
    path = make_db(tmp_path / "broken.sqlite3", rows=2000)
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = bytes(range(256)) * 64
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    try:
        error = failure(lambda: conn.execute("SELECT count(*), max(x) FROM t").fetchall())
    finally:
        conn.close()
    assert classify(error) is ErrorCode.DAMAGED


def test_garbage_bytes_are_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"\x17" * 8192)
    conn = sqlite3.connect(path)
    try:
        error = failure(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    finally:
        conn.close()
    assert sqlite_code(error) == sqlite3.SQLITE_NOTADB
    assert classify(error) is ErrorCode.DAMAGED


def test_other_failures_are_left_to_the_caller(db_file: Path) -> None:
    conn = sqlite3.connect(db_file)
    try:
        error = failure(lambda: conn.execute("SELECT * FROM no_such_table"))
    finally:
        conn.close()
    assert classify(error) is None
    assert classify(OSError("not SQLite")) is None
    # The message alone says nothing: an error without SQLite's code is not sorted.
    assert classify(sqlite3.OperationalError("database is locked")) is None


# -- at open -----------------------------------------------------------------------------


def test_an_archive_whose_wal_cannot_be_opened_is_not_called_damaged(tmp_path: Path) -> None:
    open_archive(tmp_path).close()
    Path(f"{tmp_path / DB_NAME}-wal").mkdir()
    with pytest.raises(ArchiveError) as caught:
        open_archive(tmp_path)
    assert caught.value.code is ErrorCode.READ_ONLY
    assert caught.value.damage is None
    assert caught.value.path == str(tmp_path)


def test_an_archive_busy_in_another_program_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The writer waits this long for the lock before it gives up.
    monkeypatch.setattr(db.archive, "BUSY_TIMEOUT_MS", 50)
    archive = open_archive(tmp_path)
    archive.close()
    conn = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        archive = open_archive(tmp_path)
        try:
            with pytest.raises(ArchiveError) as caught, archive.writing() as session:
                session.execute(text("DELETE FROM notice"))
        finally:
            archive.close()
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    assert caught.value.code is ErrorCode.BUSY


def test_a_database_header_over_garbage_is_not_sqlite(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\x17" * 8176)
    with pytest.raises(ArchiveError) as caught:
        open_archive(tmp_path)
    assert caught.value.code is ErrorCode.DAMAGED
    assert caught.value.damage is Damage.NOT_SQLITE


def test_codes_compare_and_print_as_their_strings() -> None:
    error = ArchiveError("busy")
    assert error.code == "busy" and error.code is ErrorCode.BUSY
    assert str(error) == "busy"
    assert str(BackupError(ErrorCode.NO_BACKUP, "x")) == "no_backup: x"
    assert ArchiveError("damaged").damage is Damage.BROKEN
    with pytest.raises(ValueError):
        ArchiveError("no such code")
