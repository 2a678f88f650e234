"""The room an archive takes on disk: its page size, and the pages an index merge frees."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from db import search
from db.archive import PAGE_SIZE, Archive, make_engine, open_archive
from db.folders import DB_NAME
from db.records import NoticeRecord
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ

T0 = datetime(2024, 5, 2, 8, 0, tzinfo=VN_TZ)


def _notices(start: int, count: int) -> list[NoticeRecord]:
    return [
        NoticeRecord(
            id=f"n{i}",
            title=f"Thông báo số {i} về kế hoạch phòng cháy chữa cháy",
            body_markdown=f"Ủy ban nhân dân phường thông báo lần {i}. " * 20,
            category="Tin tức",
            published=T0 + timedelta(hours=i),
        )
        for i in range(start, start + count)
    ]


def _import(archive: Archive, notices: list[NoticeRecord]) -> None:
    with archive.writing() as session:
        ensure_publisher(session, "ubnd", "UBND phường")
        ids = ensure_categories(session, [n.category for n in notices])
        counts = apply_notices(session, "ubnd", notices, [], ids)
        search.update_index(session, counts.changed_ids, counts.removed_ids)


def _pragmas(archive: Archive) -> tuple[int, int, int]:
    with archive.reading() as session:
        return tuple(  # type: ignore[return-value]
            int(session.execute(text(f"PRAGMA {name}")).scalar() or 0)
            for name in ("page_size", "auto_vacuum", "freelist_count")
        )


def test_an_import_that_merges_the_index_gives_its_freed_pages_back(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive")
    try:
        _import(archive, _notices(0, 60))
        # As many again: the index is merged whole ('optimize'), and the old
        # segments' pages are freed.
        _import(archive, _notices(60, 60))
        assert _pragmas(archive) == (PAGE_SIZE, 2, 0)
        with archive.reading() as session:
            hits = search.ranked_ids(session, "thong bao so 100")
        assert hits[0] == "n100"
    finally:
        archive.close()


def test_an_older_archive_keeps_its_pages_and_mode(tmp_path: Path) -> None:
    """An archive made with 8 KB pages and no vacuum mode stays so, and imports as before."""
    folder = tmp_path / "archive"
    folder.mkdir()
    with sqlite3.connect(folder / DB_NAME) as conn:
        conn.execute("PRAGMA page_size = 8192")
        conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    archive = open_archive(folder)
    try:
        _import(archive, _notices(0, 60))
        _import(archive, _notices(60, 60))
        page_size, mode, _free = _pragmas(archive)
        assert (page_size, mode) == (8192, 0)
        with archive.reading() as session:
            assert search.ranked_ids(session, "thong bao so 100")[0] == "n100"
    finally:
        archive.close()


def test_a_connection_opens_beside_a_writer_of_an_existing_archive(tmp_path: Path) -> None:
    """Setting the vacuum mode of an existing file would take the write lock: only a new one is."""
    archive = open_archive(tmp_path / "archive")
    archive.close()
    writer = sqlite3.connect(archive.db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        engine = make_engine(archive.db_path)
        try:
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA auto_vacuum").scalar() == 2
        finally:
            engine.dispose()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
