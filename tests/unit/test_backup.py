"""Backups, restore, check and the ways out of a damaged archive (db/backup.py).

Also the commands `bangtin backup`, `restore` and `check`, called in-process.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from db import backup
from db.archive import DB_NAME, Archive, ArchiveError, open_archive
from desktop import cli
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from tests.helpers.bundles import (
    Tamper,
    World,
    rewrite,
    snapshot,
    staging_contents,
)

# The template's own import left a backup; these tests count from none.
pytestmark = pytest.mark.archive(world=True, backups=False)


def copy_template(world: World, dest: Path) -> Path:
    shutil.copytree(world.template, dest, ignore=shutil.ignore_patterns("backups"))
    return dest


def rows_of(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Notices, the import log and publishers of the database file *db*."""
    conn = sqlite3.connect(db)
    try:
        return {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("notice", "import_log", "publisher", "trusted_key")
        }
    finally:
        conn.close()


def db_part(snap: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    return {k: v for k, v in snap.items() if k != "files/"}


# -- taking backups ------------------------------------------------------------------------


def test_backup_is_a_whole_self_contained_copy(archive: Archive) -> None:
    made = backup.take_backup(archive.data_dir)
    assert made.parent == archive.data_dir / "backups"
    assert made.name.startswith("archive-") and made.name.endswith(".sqlite3")
    assert not Path(f"{made}-wal").exists() and not Path(f"{made}-shm").exists()
    assert backup.check_file(made).ok
    conn = sqlite3.connect(made)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert rows_of(made) == rows_of(archive.db_path)
    assert staging_contents(archive) == []


def test_backup_holds_only_committed_work(archive: Archive) -> None:
    before = rows_of(archive.db_path)
    with archive.writing() as session:
        session.execute(text("UPDATE publisher SET name = 'đang sửa dở'"))
        session.flush()
        # Another program backs up while this transaction is still open.
        made = backup.take_backup(archive.data_dir)
        session.rollback()
    assert rows_of(made) == before


def test_only_the_newest_five_are_kept(archive: Archive) -> None:
    same_second = datetime(2024, 5, 6, 7, 8, 9)
    made = [backup.take_backup(archive.data_dir, now=same_second) for _ in range(3)]
    later = datetime(2024, 5, 6, 7, 8, 10)
    made += [backup.take_backup(archive.data_dir, now=later) for _ in range(4)]
    kept = backup.list_backups(archive.data_dir)
    assert kept == list(reversed(made))[:5]
    assert [p.name for p in kept] == [
        "archive-20240506-070810-4.sqlite3",
        "archive-20240506-070810-3.sqlite3",
        "archive-20240506-070810-2.sqlite3",
        "archive-20240506-070810.sqlite3",
        "archive-20240506-070809-3.sqlite3",
    ]
    assert backup.latest_backup(archive.data_dir) == made[-1]
    assert not made[0].exists() and not made[1].exists()


def test_backup_of_no_archive_is_refused(tmp_path: Path) -> None:
    with pytest.raises(backup.BackupError) as caught:
        backup.take_backup(tmp_path / "nothing")
    assert caught.value.code == "missing"


def test_an_import_that_applies_takes_a_backup_of_the_before_state(
    world: World, archive: Archive
) -> None:
    before = rows_of(archive.db_path)
    stages: list[str] = []
    result = import_bundle(archive, world.bundle2, progress=lambda s, d, t: stages.append(s))
    assert result.status == "imported"
    assert "backup" in stages and stages.index("backup") < stages.index("applying")
    (made,) = backup.list_backups(archive.data_dir)
    assert rows_of(made) == before
    assert rows_of(archive.db_path) != before


def test_no_backup_when_nothing_will_apply(world: World, archive: Archive, tmp_path: Path) -> None:
    assert import_bundle(archive, world.bundle1).status == "already"
    hostile = rewrite(
        world.bundle2,
        tmp_path / "hostile.bangtin",
        Tamper(manifest=lambda m: m.update(publisher_name="Kẻ giả mạo")),
    )
    with pytest.raises(BundleError):
        import_bundle(archive, hostile)
    assert backup.list_backups(archive.data_dir) == []


# -- restoring and starting anew ---------------------------------------------------------


def damage(db: Path, how: str) -> None:
    """Damage *db* the three ways a disk or a person does."""
    if how == "truncated":
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 3])
    elif how == "random":
        db.write_bytes(os.urandom(64 * 1024))
    else:  # another program's database under our name
        db.unlink()
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Nguyễn Văn A')")
        conn.commit()
        conn.close()


DAMAGES = ("truncated", "random", "wrong_schema")


@pytest.mark.parametrize("how", DAMAGES)
def test_each_damage_is_refused_at_open_and_seen_by_check(
    world: World, tmp_path: Path, how: str
) -> None:
    data = copy_template(world, tmp_path / "data")
    damage(data / DB_NAME, how)
    with pytest.raises(ArchiveError) as caught:
        open_archive(data)
    assert caught.value.code == "damaged"
    report = backup.check_archive(data)
    assert not report.ok and report.problem in ("not_sqlite", "integrity", "schema")


@pytest.mark.parametrize("how", DAMAGES)
def test_restore_puts_the_damaged_file_aside_and_brings_the_backup_back(
    world: World, archive: Archive, how: str
) -> None:
    data = archive.data_dir
    made = backup.take_backup(data)
    good = db_part(snapshot(archive))
    archive.close()
    damage(data / DB_NAME, how)
    damaged_bytes = (data / DB_NAME).read_bytes()
    Path(f"{data / DB_NAME}-wal").write_bytes(b"wal of the damaged file")

    done = backup.restore(data)
    assert done.source == made
    assert done.set_aside is not None
    assert done.set_aside.name.startswith("archive.damaged-")
    assert done.set_aside.read_bytes() == damaged_bytes
    assert Path(f"{done.set_aside}-wal").read_bytes() == b"wal of the damaged file"
    assert not Path(f"{data / DB_NAME}-wal").exists()
    reopened = open_archive(data)
    try:
        assert db_part(snapshot(reopened)) == good
    finally:
        reopened.close()


def test_restore_refuses_a_damaged_backup_and_touches_nothing(archive: Archive) -> None:
    made = backup.take_backup(archive.data_dir)
    made.write_bytes(made.read_bytes()[:1000])
    current = archive.db_path.read_bytes()
    with pytest.raises(backup.BackupError) as caught:
        backup.restore(archive.data_dir)
    assert caught.value.code == "bad_backup"
    assert archive.db_path.read_bytes() == current
    assert list(archive.data_dir.glob("archive.damaged-*")) == []


def test_restore_without_a_backup_is_refused(archive: Archive) -> None:
    with pytest.raises(backup.BackupError) as caught:
        backup.restore(archive.data_dir)
    assert caught.value.code == "no_backup"
    assert archive.db_path.exists()


def test_start_new_keeps_the_damaged_file_and_opens_empty(world: World, tmp_path: Path) -> None:
    data = copy_template(world, tmp_path / "data")
    damage(data / DB_NAME, "random")
    aside = backup.start_new(data)
    assert aside is not None and aside.name.startswith("archive.damaged-")
    fresh = open_archive(data)
    try:
        assert db_part(snapshot(fresh))["notice"] == []
    finally:
        fresh.close()
    assert backup.check_file(aside).problem == "not_sqlite"


# -- check ----------------------------------------------------------------------------------


def test_check_reports_a_sound_archive_with_its_revision(archive: Archive) -> None:
    from db.archive import head_revision

    report = backup.check_archive(archive.data_dir)
    assert report.ok and report.revision == head_revision()


def test_check_finds_broken_foreign_keys(archive: Archive) -> None:
    archive.close()
    conn = sqlite3.connect(archive.db_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO related_link (notice_id, position, target_id) VALUES ('x', 0, 'y')")
    conn.commit()
    conn.close()
    report = backup.check_archive(archive.data_dir)
    assert (report.ok, report.problem) == (False, "foreign_keys")


def test_check_knows_a_newer_archive(archive: Archive) -> None:
    archive.close()
    conn = sqlite3.connect(archive.db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    report = backup.check_archive(archive.data_dir)
    assert (report.ok, report.problem) == (False, "newer")


def test_check_writes_nothing(archive: Archive) -> None:
    archive.close()
    before = archive.db_path.read_bytes()
    assert backup.check_archive(archive.data_dir).ok
    assert archive.db_path.read_bytes() == before


# -- the commands ------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_commands_backup_check_restore(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_template(world, tmp_path / "data")
    d = str(data)

    code, out, _ = run(capsys, "--data-dir", d, "check")
    assert code == 0 and "không có lỗi" in out
    code, out, _ = run(capsys, "--data-dir", d, "--lang", "en", "backup")
    assert code == 0 and "backed up" in out
    (made,) = backup.list_backups(data)

    damage(data / DB_NAME, "truncated")
    code, out, err = run(capsys, "--data-dir", d, "check")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "bị hỏng" in err and "bangtin restore" in err

    code, out, _ = run(capsys, "--data-dir", d, "restore")
    assert code == 0 and str(made) in out and "archive.damaged-" in out
    code, _, _ = run(capsys, "--data-dir", d, "check")
    assert code == 0

    # Restoring a named file over a sound archive keeps the sound one aside too.
    code, out, _ = run(capsys, "--data-dir", d, "restore", str(made))
    assert code == 0 and "archive.replaced-" in out


def test_command_restore_without_backup_and_backup_of_damage(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_template(world, tmp_path / "data")
    d = str(data)
    code, _, err = run(capsys, "--data-dir", d, "restore")
    assert code == 1 and "Chưa có bản sao lưu" in err
    damage(data / DB_NAME, "random")
    code, _, err = run(capsys, "--data-dir", d, "backup")
    assert code == 1 and "bị hỏng" in err
    assert backup.list_backups(data) == []
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "none"), "check")
    assert code == 1 and "Không có kho dữ liệu ở" in err and "init" in err


def test_command_restore_of_a_file_that_is_missing_or_no_backup_changes_nothing(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.messages import text

    data = copy_template(world, tmp_path / "data")
    d = str(data)
    before = (data / DB_NAME).read_bytes()
    missing = tmp_path / "khong-co.sqlite3"
    code, _, err = run(capsys, "--data-dir", d, "restore", str(missing))
    assert (code, err.strip()) == (1, text("file_missing", "vi", path=str(missing)))
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("không phải bản sao lưu\n", encoding="utf-8")
    for not_a_backup in (notes, tmp_path):
        code, _, err = run(capsys, "--lang", "en", "--data-dir", d, "restore", str(not_a_backup))
        said = text("restore_not_a_backup", "en", path=str(not_a_backup))
        assert (code, err.strip()) == (1, said)
    assert (data / DB_NAME).read_bytes() == before
    assert not list(data.glob("archive.*-*.sqlite3"))  # nothing set aside
