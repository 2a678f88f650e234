"""Faults injected into an import: the stick pulled out, the disk full, a failed commit.

Every case must end in a clean refusal (BundleError with one sentence) and an
archive whose rows are exactly as before. The store `files/` may keep a file
moved in before a commit failed: it is content-addressed, so an unused file
there changes nothing (docs/reliability.md).
"""

from __future__ import annotations

import errno
import io
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from db import backup
from db.archive import Archive, open_archive
from desktop.bundles import importer, reader
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from tests.helpers.bundles import (
    World,
    build,
    open_copy,
    snapshot,
    staging_contents,
    write_notice,
    write_raw,
)

pytestmark = pytest.mark.archive(world=True)

Rows = dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def wordy(world: World) -> Path:
    """A delta of 300 notices of distinct words: it needs many new database pages."""
    src = world.root / "src-wordy"
    if not src.exists():
        for i in range(300):
            body = " ".join(f"từ{i * 1000 + j}" for j in range(300))
            write_notice(src, f"n{i:03d}", body=body, published="2023-04-05 08:00")
    return build(src, world.keys, world.root / "wordy.bangtin", since=1, sequence=3).path


@pytest.fixture(scope="module")
def heavy(world: World) -> Path:
    """A delta whose three 300 KB attachments are far larger than any read buffer."""
    import random

    src = world.root / "src-heavy"
    if not src.exists():
        rng = random.Random(7)
        names = []
        for i in range(3):
            name = f"files/phu-luc-{i}.pdf"
            write_raw(src, name, b"%PDF-1.4\n" + rng.randbytes(300_000))
            names.append(name)
        write_notice(src, "e", published="2023-04-06 08:00", attachments=names)
    return build(src, world.keys, world.root / "heavy.bangtin", since=1, sequence=4).path


def rows(archive: Archive) -> Rows:
    return {k: v for k, v in snapshot(archive).items() if k != "files/"}


def integrity(archive: Archive) -> str:
    conn = sqlite3.connect(archive.db_path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def disk_full_error() -> sqlite3.OperationalError:
    """The error SQLite raises on a full disk, with the result code it carries."""
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    error.sqlite_errorname = "SQLITE_FULL"
    return error


def refused_cleanly(archive: Archive, bundle: Path, codes: tuple[str, ...], **kwargs: Any) -> None:
    """Import must refuse with one of *codes*, leaving every row as it was."""
    before = rows(archive)
    files_before = set(snapshot(archive)["files/"])
    backups_before = backup.list_backups(archive.data_dir)
    with pytest.raises(BundleError) as caught:
        import_bundle(archive, bundle, **kwargs)
    assert caught.value.code in codes, caught.value
    if "disk_full" in codes or "no_space" in codes:
        assert caught.value.message("vi").startswith("Không đủ dung lượng")
        assert "{" not in caught.value.message("en")
    assert rows(archive) == before
    assert files_before <= set(snapshot(archive)["files/"])
    assert staging_contents(archive) == []
    assert integrity(archive) == "ok"
    # What the archive holds is what a fresh open sees: nothing is pending.
    archive.close()
    again = open_archive(archive.data_dir)
    try:
        assert rows(again) == before
    finally:
        again.close()
    # A refused import leaves no half backup behind (a whole one is fine).
    for made in backup.list_backups(archive.data_dir):
        assert made in backups_before or backup.check_file(made).ok


def applies(archive: Archive, bundle: Path) -> None:
    """After the fault is gone, the same bundle imports: nothing was left half done."""
    fresh = open_archive(archive.data_dir)
    try:
        assert import_bundle(fresh, bundle).status == "imported"
    finally:
        fresh.close()


# -- the USB stick pulled out --------------------------------------------------------------


def _pull(bundle: Path, how: str) -> None:
    if how == "truncate_half":
        with bundle.open("r+b") as fh:
            fh.truncate(bundle.stat().st_size // 2)
    elif how == "truncate_all":
        with bundle.open("r+b") as fh:
            fh.truncate(0)
    else:  # "remove": the contents vanish with the stick, then the name
        with bundle.open("r+b") as fh:
            fh.truncate(0)
        bundle.unlink()


@pytest.mark.parametrize("how", ["truncate_half", "truncate_all", "remove"])
def test_stick_pulled_out_while_staging(
    heavy: Path, archive: Archive, tmp_path: Path, how: str
) -> None:
    stick = tmp_path / "stick" / "heavy.bangtin"
    stick.parent.mkdir()
    shutil.copyfile(heavy, stick)
    pulled: list[int] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "staging" and not pulled:
            assert done < total, "the bundle must still have entries to read"
            pulled.append(done)
            _pull(stick, how)

    refused_cleanly(archive, stick, ("unreadable",), progress=progress)
    assert pulled
    applies(archive, heavy)


class _EjectedFile(io.FileIO):
    """A file whose reads fail with EIO once the stick is gone, as a real drive's do."""

    gone = False

    def read(self, size: int = -1) -> bytes:
        if _EjectedFile.gone:
            raise OSError(errno.EIO, "Input/output error")
        return super().read(size)

    def readinto(self, buffer: Any) -> int:
        if _EjectedFile.gone:
            raise OSError(errno.EIO, "Input/output error")
        return super().readinto(buffer)

    def readall(self) -> bytes:
        if _EjectedFile.gone:
            raise OSError(errno.EIO, "Input/output error")
        return super().readall()


def test_stick_pulled_out_reads_fail_with_eio(
    world: World, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "b2.bangtin"
    shutil.copyfile(world.bundle2, stick)
    real_open = io.open

    def open_on_stick(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if Path(str(file)) == stick and mode == "rb":
            return _EjectedFile(str(file), "r")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(reader.zipfile.io, "open", open_on_stick)
    monkeypatch.setattr(_EjectedFile, "gone", False)

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "staging":
            _EjectedFile.gone = True

    refused_cleanly(archive, stick, ("unreadable",), progress=progress)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_truncated_copies_are_refused(
    world: World, archive: Archive, tmp_path: Path, keep: float
) -> None:
    data = world.bundle2.read_bytes()
    cut = tmp_path / "cut.bangtin"
    cut.write_bytes(data[: int(len(data) * keep)])
    refused_cleanly(archive, cut, ("unreadable", "not_bundle"))


# -- a full disk ---------------------------------------------------------------------------


def test_free_space_is_checked_before_staging(
    world: World, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []

    def tiny_disk(folder: Any) -> Any:
        seen.append(Path(folder))
        return shutil._ntuple_diskusage(10**9, 10**9 - 1024, 1024)  # type: ignore[attr-defined]

    monkeypatch.setattr(reader.shutil, "disk_usage", tiny_disk)
    copied: list[int] = []
    refused_cleanly(
        archive, world.bundle2, ("no_space",), progress=lambda s, d, t: copied.append(d)
    )
    assert seen and copied == []
    with pytest.raises(BundleError) as caught:
        reader.check_space(seen[0], 10**6)
    assert caught.value.message("vi").startswith("Không đủ dung lượng")


def test_check_space_lets_enough_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        reader.shutil,
        "disk_usage",
        lambda _f: shutil._ntuple_diskusage(10**10, 0, 10**9),  # type: ignore[attr-defined]
    )
    reader.check_space(tmp_path, 10**9)
    with pytest.raises(BundleError) as caught:
        reader.check_space(tmp_path, 10**9 + 1)
    assert caught.value.code == "no_space"
    assert "{" not in caught.value.message("vi")


class _FillingFile:
    """A file opened for writing on a disk with *budget* bytes left."""

    def __init__(self, inner: Any, budget: list[int]) -> None:
        self._inner = inner
        self._budget = budget

    def write(self, data: bytes) -> int:
        if len(data) > self._budget[0]:
            self._budget[0] = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self._budget[0] -= len(data)
        return int(self._inner.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __enter__(self) -> _FillingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.close()


@pytest.mark.parametrize("budget", [0, 100, 3000])
def test_disk_fills_up_while_staging(
    world: World, archive: Archive, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    left = [budget]
    real_open = Path.open
    staging = archive.staging_dir

    def open_on_full_disk(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, mode, *args, **kwargs)
        if "w" in mode and staging in self.parents:
            return _FillingFile(handle, left)
        return handle

    monkeypatch.setattr(Path, "open", open_on_full_disk)
    refused_cleanly(archive, world.bundle2, ("disk_full",))
    monkeypatch.undo()
    applies(archive, world.bundle2)


def test_disk_fills_up_while_writing_the_database(world: World, wordy: Path) -> None:
    # A real SQLITE_FULL: the database may not grow past the pages it has now.
    archive = open_copy(world.template, world.root / "full-db" / "archive")
    try:
        with archive.engine.connect() as conn:
            pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())

        def cap(dbapi: sqlite3.Connection, _record: Any) -> None:
            dbapi.execute(f"PRAGMA max_page_count = {pages}")

        event.listen(archive.engine, "connect", cap)
        archive.engine.dispose()
        refused_cleanly(archive, wordy, ("disk_full",))
        event.remove(archive.engine, "connect", cap)
        applies(archive, wordy)
    finally:
        archive.close()


def test_commit_fails_with_a_full_disk(
    world: World, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialect = archive.engine.dialect
    real_commit = dialect.do_commit
    failed: list[bool] = []

    def full_commit(dbapi_connection: Any) -> None:
        failed.append(True)
        raise disk_full_error()

    monkeypatch.setattr(dialect, "do_commit", full_commit)
    refused_cleanly(archive, world.bundle2, ("disk_full",))
    assert failed
    monkeypatch.setattr(dialect, "do_commit", real_commit)
    applies(archive, world.bundle2)


def test_the_pool_keeps_no_half_transaction_after_a_failed_commit(
    world: World, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same archive object goes on working: its next writer commits only its own work."""
    dialect = archive.engine.dialect
    real_commit = dialect.do_commit
    calls = [0]

    def fail_once(dbapi_connection: Any) -> None:
        calls[0] += 1
        if calls[0] == 1:
            raise disk_full_error()
        real_commit(dbapi_connection)

    monkeypatch.setattr(dialect, "do_commit", fail_once)
    before = rows(archive)
    with pytest.raises(BundleError):
        import_bundle(archive, world.bundle2)
    from db import store

    with archive.writing() as session:
        store.set_bookmark(session, "a", True)
    after = rows(archive)
    assert after["notice"] == before["notice"]
    assert after["import_log"] == before["import_log"]
    assert len(after["reading_state"]) == len(before["reading_state"]) + 1
    assert import_bundle(archive, world.bundle2).status == "imported"


def test_disk_fills_up_while_moving_attachments(
    world: World, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_room(src: Any, dst: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(importer.os, "replace", no_room)
    refused_cleanly(archive, world.bundle2, ("disk_full",))


def test_disk_fills_up_while_taking_the_backup(
    world: World, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    real: Callable[[Path], None] = backup._fsync_file

    def full(path: Path) -> None:
        if archive.staging_dir in path.parents:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path)

    monkeypatch.setattr(backup, "_fsync_file", full)
    made_before = backup.list_backups(archive.data_dir)
    refused_cleanly(archive, world.bundle2, ("disk_full",))
    assert backup.list_backups(archive.data_dir) == made_before
