"""Rows written by db.dialect.insert_rows, found by db.dialect.among: alike on both engines.

On PostgreSQL insert_rows is a COPY: each value must be bound as SQLAlchemy
binds it for an INSERT (times as whole seconds, dates as text, a JSON None
as JSON null), and a column a row lacks must get its Python default.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from db import dialect, store
from db.archive import Archive
from db.models import Notice, OfficeEvent, RegisterEntry

pytestmark = [pytest.mark.archive(), pytest.mark.engines]

WHEN = datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC)


def _notice(nid: str, **extra: object) -> dict[str, object]:
    return {
        "id": nid,
        "title": f"Thông báo {nid}",
        "body_markdown": "Nội dung",
        "published": WHEN,
        "revision": WHEN,
        **extra,
    }


def test_copied_rows_read_back_as_inserted_ones(archive: Archive) -> None:
    with archive.writing() as session:
        store.ensure_publisher(session, "pub", "Xã A")
        dialect.insert_rows(
            session,
            Notice,
            [
                _notice("a", publisher_id="pub", recipients=["UBND xã", "Công an"]),
                _notice("b", effective=date(2031, 1, 2), recipients=None),
            ],
        )
        dialect.insert_rows(
            session,
            RegisterEntry,
            [{"year": 2031, "number": 1, "notice_id": "a", "received_at": WHEN}],
        )
        dialect.insert_rows(
            session,
            OfficeEvent,
            [
                {"notice_id": "a", "code": "01", "at": WHEN},
                {"notice_id": "a", "code": "03", "at": WHEN, "incoming_year": 2031},
            ],
        )
        dialect.insert_rows(session, OfficeEvent, [])
    with archive.reading() as session:
        a, b = session.scalars(select(Notice).order_by(Notice.id)).all()
        assert (a.publisher_id, a.recipients, a.withdrawn, a.has_content, a.legal) == (
            "pub",
            ["UBND xã", "Công an"],
            False,
            True,
            False,
        )
        assert a.published == WHEN and a.revision == WHEN
        assert (b.effective, b.recipients, b.publisher_id, b.content_hash) == (
            date(2031, 1, 2),
            None,
            None,
            "",
        )
        line = session.scalars(select(RegisterEntry)).one()
        assert (line.status, line.received_at, line.note) == ("received", WHEN, None)
        events = session.execute(
            select(OfficeEvent.id, OfficeEvent.code, OfficeEvent.incoming_year).order_by(
                OfficeEvent.code
            )
        ).all()
        assert [(e.code, e.incoming_year) for e in events] == [("01", None), ("03", 2031)]
        assert len({e.id for e in events}) == 2
        found = session.scalars(
            select(Notice.id).where(dialect.among(session, Notice.id, ["b", "c", "a"]))
        ).all()
        assert sorted(found) == ["a", "b"]
        nothing = select(Notice.id).where(dialect.among(session, Notice.id, []))
        assert session.scalars(nothing).all() == []


def test_updated_rows_read_back_as_updated_ones(archive: Archive) -> None:
    table = Notice.__table__
    with archive.writing() as session:
        dialect.insert_rows(
            session,
            Notice,
            [_notice("a", ended_on=date(2031, 1, 1), legal=True), _notice("b"), _notice("c")],
        )
        dialect.update_rows(
            session.connection(),
            table,  # type: ignore[arg-type]
            "id",
            [
                {"id": "a", "ended_on": None, "partly_on": None, "legal": False},
                {"id": "b", "ended_on": date(2031, 2, 3), "partly_on": None, "legal": True},
            ],
        )
        dialect.update_rows(session.connection(), table, "id", [])  # type: ignore[arg-type]
    with archive.reading() as session:
        rows = session.execute(
            select(Notice.id, Notice.ended_on, Notice.partly_on, Notice.legal).order_by(Notice.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("a", None, None, False),
        ("b", date(2031, 2, 3), None, True),
        ("c", None, None, False),
    ]
