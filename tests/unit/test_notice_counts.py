"""The counts the window shows first (db.counts, revision 0020's triggers) equal a recount.

Each step changes the archive the way the program does (an import, a
withdrawal, a new version in another category, reading and bookmarking, a
notice deleted, another person's reading state) and the counts read from
`notice_count` and `reading_state` must equal `db.queries`' count of the
notices themselves, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import delete, inspect

import db.archive
from db import counts, queries
from db.archive import Archive
from db.models import Notice
from db.people import acting_as
from db.reading import mark_all_read, record_view, set_bookmark
from tests.helpers.notices import BASE_TIME, apply, notice, withdrawal

pytestmark = pytest.mark.engines

SPORT = "Tin tức/Thể thao"
NEWS = "Tin tức"


def recount(archive: Archive) -> counts.Counts:
    """What the counts must be: counted from the notices."""
    with archive.reading() as session:
        return counts.Counts(
            categories=tuple(queries.categories(session)),
            total=queries.count_notices(session),
            unread=queries.count_notices(session, show="unread"),
            bookmarked=queries.count_notices(session, show="bookmarked"),
            bookmarked_unread=queries.count_bookmarked_unread(session),
        )


def kept(archive: Archive) -> counts.Counts:
    with archive.reading() as session:
        return counts.counts(session)


def test_the_kept_counts_follow_every_change(archive: Archive) -> None:
    apply(
        archive,
        [
            *(notice(f"q{i}", days=i) for i in range(5)),
            *(notice(f"s{i}", category=SPORT, days=i) for i in range(3)),
            notice("n0", category=NEWS),
        ],
        [withdrawal("early", days=1)],  # a withdrawal without its notice: no content
    )
    first = kept(archive)
    assert first == recount(archive)
    assert (first.total, first.unread) == (9, 9)
    assert {c.path: c.count for c in first.categories}[NEWS] == 4  # its subtree included

    at = BASE_TIME + timedelta(days=30)
    with archive.writing() as session:
        record_view(session, "q0", at)
        record_view(session, "s1", at)
        record_view(session, "s2", at, read=False)  # opened, kept unread
        set_bookmark(session, "s1", True)
        set_bookmark(session, "q3", True)  # bookmarked, never opened
    assert kept(archive) == recount(archive)
    assert (kept(archive).unread, kept(archive).bookmarked_unread) == (7, 1)

    apply(archive, [], [withdrawal("s1", days=40), withdrawal("q4", days=40)])
    assert kept(archive) == recount(archive)
    assert kept(archive).total == 7

    # A new version moves a read notice to another category.
    apply(archive, [notice("q0", category=SPORT, revision_days=50)])
    assert kept(archive) == recount(archive)

    with archive.writing() as session:
        mark_all_read(session, at, NEWS)
    assert kept(archive) == recount(archive)

    with archive.writing() as session:
        session.execute(delete(Notice).where(Notice.id.in_(["q1", "n0"])))
    after_delete = kept(archive)
    assert after_delete == recount(archive)
    assert after_delete.total == 5

    # Read marks are each person's own (on a server); the notices' counts are everyone's.
    with acting_as("someone-else"):
        theirs = kept(archive)
        assert theirs == recount(archive)
    assert theirs.total == after_delete.total


def test_an_empty_archive_counts_nothing(archive: Archive) -> None:
    assert kept(archive) == recount(archive) == counts.Counts((), 0, 0, 0, 0)


def test_the_revision_fills_the_counts_and_its_downgrade_drops_them(archive: Archive) -> None:
    apply(
        archive,
        [notice("a"), notice("b", category=SPORT), notice("c", category=SPORT)],
        [withdrawal("gone", days=1)],
    )
    apply(archive, [], [withdrawal("b", days=2)])
    before = kept(archive)
    with archive.engine.begin() as conn:
        command.downgrade(db.archive._alembic_config(conn), "0018")
        assert "notice_count" not in inspect(conn).get_table_names()
    # Written while there are no triggers: the revision counts them when it comes back.
    apply(archive, [notice("d", category=NEWS)])
    with archive.engine.begin() as conn:
        command.upgrade(db.archive._alembic_config(conn), "0020")
    assert kept(archive) == recount(archive)
    assert kept(archive).total == before.total + 1 == 3


def test_notices_added_many_to_a_statement_are_counted_before_and_after_revision_0023(
    archive: Archive,
) -> None:
    # 0023 counts the notices a statement adds (a PostgreSQL import's COPY of
    # a chunk) once for the statement; 0022 counted each as it came.
    many = [
        *(notice(f"m{i}", category=SPORT if i % 3 else NEWS, days=i) for i in range(40)),
        notice("w0", withdrawn=True),
    ]
    with archive.engine.begin() as conn:
        command.downgrade(db.archive._alembic_config(conn), "0022")
    apply(archive, many[:20])
    assert kept(archive) == recount(archive)
    with archive.engine.begin() as conn:
        command.upgrade(db.archive._alembic_config(conn), "head")
    apply(archive, many[20:])
    after = kept(archive)
    assert after == recount(archive)
    assert {c.path: c.count for c in after.categories}[SPORT] == 26
    apply(archive, [], [withdrawal("m1", days=60)])
    assert kept(archive) == recount(archive)
