"""Backups that cannot rot (issue 13): verified, ordered without the clock, within a budget.

Real archives in tmp_path. Damage is done to the file the way a failing disk
does it (one page's header byte flipped); the clock is a value handed to
`take_backup`; the disk's free space is a function handed to it.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

import db.archive
from db import backup
from db.archive import DB_NAME, Archive, open_archive
from desktop import cli, messages
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from tests.helpers.bundles import World
from tests.helpers.damage import flip_page_header

pytestmark = pytest.mark.archive(world=True, backups=False)


def label_archive(archive: Archive, label: str) -> None:
    """Make the archive tell its state apart: the publisher's name carries *label*."""
    with archive.writing() as session:
        session.execute(text("UPDATE publisher SET name = :label"), {"label": label})


def label_of(db_file: Path) -> str:
    conn = sqlite3.connect(db_file)
    try:
        return str(conn.execute("SELECT name FROM publisher").fetchone()[0])
    finally:
        conn.close()


# -- 1. a damaged archive never replaces the good backups --------------------------------


def test_a_damaged_large_archive_keeps_its_good_backups_and_refuses_imports(
    world: World, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = archive.data_dir
    good = backup.take_backup(data)
    archive.close()
    # A page the import never reads: imports would go on "succeeding".
    flip_page_header(data / DB_NAME, "reading_state")
    # Large archives skip the full check at open; make this one count as large.
    monkeypatch.setattr(db.archive, "THOROUGH_CHECK_BYTES", 0)
    damaged = open_archive(data)
    try:
        with pytest.raises(BundleError) as caught:
            import_bundle(damaged, world.bundle2)
        assert caught.value.code == "import_damaged_archive"
        assert "bangtin restore" in caught.value.message("en")
        for _ in range(backup.KEEP + 1):
            with pytest.raises(backup.BackupError) as refused:
                backup.take_backup(data)
            assert refused.value.code == "damaged"
    finally:
        damaged.close()
    assert backup.list_backups(data) == [good]
    assert backup.check_file(good).ok
    assert list((data / "staging").rglob("*.sqlite3")) == []
    # and the way out still works
    assert backup.restore(data).source == good


def test_the_thorough_check_threshold_is_a_parameter(archive: Archive) -> None:
    data = archive.data_dir
    archive.close()
    flip_page_header(data / DB_NAME, "reading_state")
    with pytest.raises(db.archive.ArchiveError) as caught:
        open_archive(data)
    assert caught.value.code == "damaged"
    open_archive(data, thorough_check_bytes=0).close()


def test_pruning_never_removes_the_last_verified_backup(archive: Archive) -> None:
    data = archive.data_dir
    verified = backup.take_backup(data)
    # Backups from before they were verified (no generation in the header),
    # stamped later by a clock that ran ahead.
    for i in range(backup.KEEP + 2):
        legacy = data / "backups" / f"archive-2099010{i}-000000.sqlite3"
        shutil.copyfile(verified, legacy)
        conn = sqlite3.connect(legacy)
        conn.execute("PRAGMA user_version = 0")
        conn.close()
    backup.prune(data, keep=2)
    kept = backup.list_backups(data)
    assert verified in kept
    assert backup.last_good(kept) == verified


# -- 2. the order of backups does not come from the clock ----------------------------------


def test_a_clock_set_back_does_not_prune_the_newest_backups(archive: Archive) -> None:
    data = archive.data_dir
    ahead = datetime(2025, 6, 1, 9, 0, 0)  # the clock ran a year ahead...
    corrected = datetime(2024, 6, 1, 9, 0, 0)  # ...and was then put right
    made: list[Path] = []
    for i, now in enumerate([ahead] * 3 + [corrected] * 3):
        label_archive(archive, f"trạng thái {i}")
        made.append(backup.take_backup(data, now=now))
    assert backup.list_backups(data) == list(reversed(made))[: backup.KEEP]
    assert backup.latest_backup(data) == made[-1]
    archive.close()
    done = backup.restore(data)
    assert done.source == made[-1]
    assert label_of(data / DB_NAME) == "trạng thái 5"


def test_a_clock_set_ahead_and_back_again_still_restores_the_newest(
    world: World, archive: Archive
) -> None:
    data = archive.data_dir
    label_archive(archive, "trước khi nhập")
    # The clock before the import says 2030; the one after says 2024.
    backup.take_backup(data, now=datetime(2030, 1, 1))
    label_archive(archive, "sau khi nhập")
    newest = backup.take_backup(data, now=datetime(2024, 1, 1))
    assert backup.latest_backup(data) == newest
    assert backup.generation(newest) == backup.generation(backup.list_backups(data)[1]) + 1
    archive.close()
    backup.restore(data)
    assert label_of(data / DB_NAME) == "sau khi nhập"
    # the restored archive carries no generation of its own
    assert backup.generation(data / DB_NAME) == 0


# -- 5. backups fit a small disk -------------------------------------------------------------


def virtual_disk(data: Path, capacity: int) -> Callable[[Path], int]:
    """Free space of a disk of *capacity* bytes that holds only the data folder."""

    def free(_path: Path) -> int:
        used = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
        return max(capacity - used, 0)

    return free


def test_backups_stay_within_a_share_of_a_small_disk(archive: Archive) -> None:
    data = archive.data_dir
    size = (data / DB_NAME).stat().st_size
    # Room for the reserve an import needs, and a few backups more.
    free = virtual_disk(data, backup.RESERVE_BYTES + 8 * size)
    newest: Path | None = None
    for i in range(8):
        label_archive(archive, f"lần {i}")
        newest = backup.take_backup(data, free_space=free)
        found = backup.list_backups(data)
        total = sum(p.stat().st_size for p in found)
        assert found[0] == newest
        assert len(found) <= backup.KEEP
        assert total <= backup.BUDGET_SHARE * (free(data) + total) or len(found) == 1
        assert free(data) >= backup.RESERVE_BYTES
    assert newest is not None and backup.check_file(newest).ok


def test_a_disk_with_no_room_refuses_the_backup_and_keeps_the_newest(archive: Archive) -> None:
    data = archive.data_dir
    first = backup.take_backup(data)
    second = backup.take_backup(data)
    size = (data / DB_NAME).stat().st_size
    tight = virtual_disk(data, sum(p.stat().st_size for p in data.rglob("*") if p.is_file()))
    with pytest.raises(backup.BackupError) as caught:
        backup.take_backup(data, free_space=tight)
    assert caught.value.code == "no_space"
    assert caught.value.needed is not None and caught.value.needed * 2**20 >= size
    # The older one went to make room; the newest verified one never does.
    assert backup.list_backups(data) == [second]
    assert not first.exists()


def test_an_import_with_no_room_for_a_backup_is_refused_cleanly(
    world: World, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "disk_free", lambda _path: 0)
    with pytest.raises(BundleError) as caught:
        import_bundle(archive, world.bundle2)
    assert caught.value.code == "disk_full"
    assert backup.list_backups(archive.data_dir) == []


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def copy_template(world: World, dest: Path) -> Path:
    shutil.copytree(world.template, dest, ignore=shutil.ignore_patterns("backups"))
    return dest


def test_command_backup_on_a_disk_that_fills_up_says_so(
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = copy_template(world, tmp_path / "data")
    real: Callable[[Path], None] = backup._fsync_file

    def full(path: Path) -> None:
        if data / "staging" in path.parents:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path)

    monkeypatch.setattr(backup, "_fsync_file", full)
    code, out, err = run(capsys, "--data-dir", str(data), "--lang", "en", "backup")
    assert code == 1 and out == ""
    assert err.strip() == messages.text("backup_disk_full", "en")
    assert backup.list_backups(data) == []
    assert list((data / "staging").iterdir()) == []


def test_command_backup_without_room_says_how_much_is_needed(
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = copy_template(world, tmp_path / "data")
    monkeypatch.setattr(backup, "disk_free", lambda _path: 10 * 2**20)
    code, out, err = run(capsys, "--data-dir", str(data), "backup")
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Không đủ dung lượng" in lines[0] and "10 MB" in lines[0]
    assert "Lỗi không mong đợi" not in err
