"""A notice's body is kept compressed in SQLite, as text on PostgreSQL, and
read back the same on both (`db.types.DeflatedText`, migration 0027)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from db import queries, search
from db.archive import (
    DB_NAME,
    VACUUM_PENDING,
    Archive,
    _alembic_config,
    make_engine,
    open_archive,
)
from db.records import NoticeRecord
from tests.helpers.notices import apply, notice

pytestmark = pytest.mark.archive()

BODY = (
    "# Kế hoạch\n\nỦy ban nhân dân phường **thông báo** lịch tiếp công dân "
    "tháng 6 tại bộ phận một cửa.\n\n" + "- Tuyến đường Nguyễn Trãi, phường Dương Nội\n" * 40
)
OTHER = "Thông báo *đã sửa*: lịch tiếp công dân chuyển sang thứ Năm.\n" * 30


def _stored(archive: Archive, nid: str) -> tuple[str, int]:
    with archive.reading() as session:
        row = session.execute(
            text("SELECT typeof(body_markdown), length(body_markdown) FROM notice WHERE id = :i")
            if archive.engine.dialect.name == "sqlite"
            else text("SELECT 'text', octet_length(body_markdown) FROM notice WHERE id = :i"),
            {"i": nid},
        ).one()
    return str(row[0]), int(row[1])


def _import(archive: Archive, notices: list[NoticeRecord]) -> None:
    counts = apply(archive, notices)
    with archive.writing() as session:
        search.update_index(session, counts.changed_ids, counts.removed_ids)


@pytest.mark.engines
def test_a_body_is_read_back_as_it_was_written_and_updated(archive: Archive) -> None:
    _import(archive, [notice("ke-hoach", body_markdown=BODY), notice("trong", body_markdown="")])
    _import(archive, [notice("ke-hoach", body_markdown=OTHER, revision_days=1)])
    with archive.reading() as session:
        changed = queries.get_notice(session, "ke-hoach")
        empty = queries.get_notice(session, "trong")
        hits = search.ranked_ids(session, "chuyển sang thứ Năm")
    assert changed is not None and changed.body_markdown == OTHER
    assert empty is not None and empty.body_markdown == ""
    assert hits == ["ke-hoach"]
    kind, size = _stored(archive, "ke-hoach")
    if archive.engine.dialect.name == "sqlite":
        # Written by the import's update, compressed as by its insert.
        assert kind == "blob" and size < len(OTHER.encode()) // 4
    else:
        assert kind == "text" and size == len(OTHER.encode())


BODIES = {f"n{i}": f"Thông báo số {i} của Ủy ban nhân dân phường.\n" * 200 for i in range(40)}
#: What the bodies took as text: a vacuum gives back most of it.
TEXT_BYTES = sum(len(body.encode()) for body in BODIES.values())


def _at_0026(folder: Path) -> int:
    """An archive holding BODIES as text, at 0026 (before 0027): its file size."""
    archive = open_archive(folder)
    try:
        apply(archive, [notice(nid, body_markdown=body) for nid, body in BODIES.items()])
        with archive.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0026")
            back = dict(conn.exec_driver_sql("SELECT id, body_markdown FROM notice").all())
        assert back == BODIES
    finally:
        archive.close()
    return (folder / DB_NAME).stat().st_size


def _bodies_read(folder: Path) -> dict[str, str]:
    archive = open_archive(folder)
    try:
        assert {_stored(archive, nid)[0] for nid in BODIES} == {"blob"}
        with archive.reading() as session:
            details = queries.notice_details(session, sorted(BODIES))
        return {d.id: d.body_markdown for d in details}
    finally:
        archive.close()


def test_0027_compresses_the_bodies_and_going_back_gives_the_text(tmp_path: Path) -> None:
    """An archive whose bodies are text (0026) is upgraded to compressed bodies
    and vacuumed smaller; going back to 0026 gives the very text again."""
    folder = tmp_path / "archive"
    before = _at_0026(folder)
    assert _bodies_read(folder) == BODIES
    # Vacuumed once after the upgrade: the pages the text took were given back.
    assert before - (folder / DB_NAME).stat().st_size > TEXT_BYTES // 2
    assert not (folder / VACUUM_PENDING).exists()
    wal = folder / f"{DB_NAME}-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_vacuum_a_crash_put_off_is_done_at_the_next_open(tmp_path: Path) -> None:
    """The migrations committed, the program died before the vacuum: the
    next open finds the archive at head and still vacuums it."""
    folder = tmp_path / "archive"
    before = _at_0026(folder)
    (folder / VACUUM_PENDING).touch()  # as upgrade() leaves it before migrating
    engine = make_engine(folder / DB_NAME)
    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
    finally:
        engine.dispose()
    assert (folder / DB_NAME).stat().st_size >= before
    assert _bodies_read(folder) == BODIES
    assert before - (folder / DB_NAME).stat().st_size > TEXT_BYTES // 2
    assert not (folder / VACUUM_PENDING).exists()


def test_without_the_disk_a_vacuum_needs_it_waits_for_a_later_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "archive"
    before = _at_0026(folder)
    real = shutil.disk_usage
    monkeypatch.setattr(
        "db.archive.shutil.disk_usage", lambda path: real(path)._replace(free=TEXT_BYTES)
    )
    # Upgraded and read as ever, only not vacuumed yet.
    assert _bodies_read(folder) == BODIES
    assert (folder / DB_NAME).stat().st_size >= before
    assert (folder / VACUUM_PENDING).exists()
    monkeypatch.setattr("db.archive.shutil.disk_usage", real)
    assert _bodies_read(folder) == BODIES
    assert before - (folder / DB_NAME).stat().st_size > TEXT_BYTES // 2
    assert not (folder / VACUUM_PENDING).exists()
