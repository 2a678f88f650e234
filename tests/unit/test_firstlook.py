"""The first look (db/firstlook.py) shows what the archive opened shows, and reads only
archives that the usual open would read as they are.

The window shows the first look's counts and list page until the archive
opened the usual way answers again: they must be the very records
`reading.overview` and `reading.list_page` give, read marks, bookmarks,
withdrawn notices, statuses and the demo's own day included.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

import db.archive
from db import folders
from db.archive import DB_NAME, Archive, open_archive
from db.people import acting_as
from db.reading import record_view, set_bookmark
from desktop.demoday import DEMO_MARKER
from desktop.ops import reading
from tests.helpers.notices import apply, at, notice, withdrawal


@pytest.fixture
def looked_at(monkeypatch: pytest.MonkeyPatch) -> None:
    """Archives of any size count as large: the test archives are small."""
    monkeypatch.setattr(folders, "THOROUGH_CHECK_BYTES", 0)


def _fill(archive: Archive) -> None:
    notices = [
        notice(f"tb-{i:03d}", days=i / 10, category="Tin tức/Trong tỉnh") for i in range(230)
    ]
    notices += [
        notice("qd-1", days=40, number="1/QĐ-UBND", effective=date(2023, 1, 1)),
        notice("qd-2", days=41, effective=date(2099, 1, 1)),
        notice("qd-3", days=42, expires=date(2020, 1, 1), title="\u202eQuyết định cũ"),
    ]
    apply(archive, notices, [withdrawal("tb-005", days=50)])
    with archive.writing() as session:
        record_view(session, "tb-229", at(60))
        record_view(session, "qd-1", at(60))
        set_bookmark(session, "qd-2", True)
        set_bookmark(session, "tb-228", True)
        with acting_as("someone-else"):
            record_view(session, "tb-227", at(60))


def _archive(tmp_path: Path) -> Path:
    data_dir = tmp_path / "kho"
    archive = open_archive(data_dir)
    try:
        _fill(archive)
    finally:
        archive.close()
    return data_dir


def _opened(data_dir: Path) -> tuple[reading.Overview, reading.ListPage]:
    from desktop.tasks import open_archive as window_open

    archive = window_open(data_dir, False, None)
    try:
        return reading.overview(archive), reading.list_page(archive, reading.ListQuery(), 0)
    finally:
        archive.close()


@pytest.mark.usefixtures("looked_at")
def test_the_first_look_is_what_the_opened_archive_shows(tmp_path: Path) -> None:
    data_dir = _archive(tmp_path)
    seen = reading.first_look(data_dir)
    assert seen is not None
    overview, page = seen
    assert (overview, page) == _opened(data_dir)
    assert page.total == 232 and len(page.rows) == reading.PAGE_SIZE
    assert overview.unread == overview.total - 2 and overview.bookmarked == 2
    assert {row.status for row in page.rows[:4]} >= {"in_force", "not_yet", "expired"}


@pytest.mark.usefixtures("looked_at")
def test_the_demo_is_looked_at_on_its_own_day(tmp_path: Path) -> None:
    data_dir = _archive(tmp_path)
    (data_dir / DEMO_MARKER).write_text("demo", encoding="utf-8")
    seen = reading.first_look(data_dir)
    assert seen is not None
    assert seen == _opened(data_dir)


def test_an_archive_checked_in_full_at_open_is_not_looked_at(tmp_path: Path) -> None:
    assert reading.first_look(_archive(tmp_path)) is None


@pytest.mark.usefixtures("looked_at")
def test_an_archive_to_migrate_is_not_looked_at(tmp_path: Path) -> None:
    data_dir = _archive(tmp_path)
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0018'")
    assert reading.first_look(data_dir) is None


@pytest.mark.usefixtures("looked_at")
def test_an_archive_out_of_wal_mode_is_not_looked_at(tmp_path: Path) -> None:
    data_dir = _archive(tmp_path)
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    assert reading.first_look(data_dir) is None


@pytest.mark.usefixtures("looked_at")
def test_a_truncated_archive_is_not_looked_at(tmp_path: Path) -> None:
    data_dir = _archive(tmp_path)
    path = data_dir / DB_NAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert reading.first_look(data_dir) is None


@pytest.mark.usefixtures("looked_at")
def test_no_archive_is_not_looked_at(tmp_path: Path) -> None:
    assert reading.first_look(tmp_path / "none") is None
    assert not (tmp_path / "none").exists()


@pytest.mark.usefixtures("looked_at")
@pytest.mark.parametrize("with_shm", [True, False])
def test_an_unclean_exit_is_still_seen_by_the_open_after_the_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_shm: bool
) -> None:
    data_dir = _archive(tmp_path)
    archive = open_archive(data_dir)
    apply(archive, [notice("con-trong-wal", days=90)])
    crashed = tmp_path / "crashed"  # as a crash leaves it: the last write only in the -wal
    crashed.mkdir()
    names = [DB_NAME, DB_NAME + "-wal", *([DB_NAME + "-shm"] if with_shm else [])]
    for name in names:
        (crashed / name).write_bytes((data_dir / name).read_bytes())
    archive.close()
    wal = crashed / (DB_NAME + "-wal")
    left = wal.read_bytes()
    assert left
    seen = reading.first_look(crashed)
    if seen is not None:  # (SQLite may not read a -wal without its -shm read-only)
        assert seen[1].rows[0].id == "con-trong-wal"
    assert wal.read_bytes() == left  # not checkpointed into the file
    monkeypatch.setattr(db.archive, "THOROUGH_CHECK_BYTES", 0)
    reopened = open_archive(crashed)
    try:
        assert reopened.check_pending  # checked in full before its first write
    finally:
        reopened.close()
