"""Revision 0018 moves the folded text out of PostgreSQL's ``search_doc``; SQLite's stays."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

import db.archive
from db import search
from db.archive import Archive
from db.store import apply_notices, ensure_categories, ensure_publisher
from tests.helpers.notices import notice

pytestmark = pytest.mark.engines

QUERIES = ("kế hoạch", "phòng chống", "ubnd", "tiêm")


def _pages(archive: Archive) -> dict[str, list[str]]:
    with archive.reading() as session:
        return {q: [h.id for h in search.search(session, q, limit=20)] for q in QUERIES}


def _columns(archive: Archive) -> set[str]:
    table = "search_doc" if archive.on_server else "search_text"
    with archive.engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


def test_the_revision_keeps_what_a_search_finds(archive: Archive) -> None:
    notices = [
        notice("a", title="Kế hoạch phòng chống dịch", body_markdown="Tiêm chủng cho trẻ em."),
        notice("b", title="Thông báo của UBND xã", body_markdown="Kế hoạch tiêm phòng năm tới."),
        notice("c", title="Phòng chống thiên tai", body_markdown="Ủy ban nhân dân huyện."),
    ]
    with archive.writing() as session:
        ensure_publisher(session, "ubnd", "UBND xã")
        ids = ensure_categories(session, [n.category for n in notices])
        counts = apply_notices(session, "ubnd", notices, (), ids)
        search.update_index(session, counts.changed_ids, counts.removed_ids)
    found = _pages(archive)
    assert found["kế hoạch"]
    narrow = _columns(archive)
    with archive.engine.begin() as conn:
        command.downgrade(db.archive._alembic_config(conn), "0017")
    wide = _columns(archive)
    with archive.engine.begin() as conn:
        command.upgrade(db.archive._alembic_config(conn), "head")
    assert _columns(archive) == narrow
    assert _pages(archive) == found
    with archive.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if archive.on_server:
            count = conn.execute(text("SELECT count(*) FROM search_field")).scalar_one()
    if archive.on_server:
        assert "body_f" in wide - narrow
        assert count == 3
    else:
        assert wide == narrow
        assert "search_field" not in tables
