"""The office views read indexes, not the notices' rows, whatever the archive's size.

A notice's body sits before the columns a list, a status filter or the
to-do list needs, so a statement that reads the rows of every notice costs
seconds at 100,000 notices (bench/office.py measures it). These tests read
SQLite's own plan for each statement the operations run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import event

from db.archive import Archive
from desktop.ops import reading
from desktop.ops import register as reg_ops
from tests.helpers.notices import apply, notice

DAY = date(2024, 6, 1)


@contextmanager
def plans(archive: Archive) -> Iterator[list[tuple[str, str]]]:
    """(statement, plan) of every SELECT run inside the block."""
    found: list[tuple[str, str]] = []

    def explain(_conn: Any, cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            rows = cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, params)
            found.append((statement, " | ".join(str(r[3]) for r in rows)))

    event.listen(archive.engine, "before_cursor_execute", explain)
    try:
        yield found
    finally:
        event.remove(archive.engine, "before_cursor_execute", explain)


def seed(archive: Archive) -> None:
    apply(
        archive,
        [
            notice("kh-1", effective=date(2023, 1, 1), deadline=date(2024, 7, 1), number="1/KH"),
            notice("kh-2", effective=date(2024, 1, 1), relations=(("replaces", "kh-1"),)),
            notice("qd-3", effective=date(2025, 1, 1), expires=date(2026, 1, 1)),
            notice("tin-4", category="Tin hoạt động"),
        ],
    )


def plan_of(found: list[tuple[str, str]], picks: Callable[[str], bool]) -> str:
    chosen = [plan for statement, plan in found if picks(statement)]
    assert chosen, [s for s, _p in found]
    return chosen[0]


def test_the_list_is_paged_and_counted_from_its_index(archive: Archive) -> None:
    seed(archive)
    archive.as_of = DAY
    with plans(archive) as found:
        page = reading.list_page(archive, reading.ListQuery(), 0)
    assert [r.id for r in page.rows][:1] and page.total == 4
    count = plan_of(found, lambda s: "count(*)" in s)
    ids = plan_of(found, lambda s: s.lstrip().startswith("SELECT notice.id \nFROM notice"))
    assert "COVERING INDEX ix_notice_visible" in count
    assert "COVERING INDEX ix_notice_visible" in ids and "TEMP B-TREE" not in ids
    # The badges come from the rows the page reads: no relation is read.
    assert not [s for s, _p in found if "notice_relation" in s]


def test_a_status_filter_pages_and_counts_from_the_status_index(archive: Archive) -> None:
    seed(archive)
    archive.as_of = DAY
    with plans(archive) as found:
        page = reading.list_page(archive, reading.ListQuery(status="expired"), 0)
    assert [r.id for r in page.rows] == ["kh-1"] and page.total == 1
    # A status is a condition on the row's own columns (db.validity.Standing):
    # its page, in list order, and its count read only the legal notices'
    # entries of ix_notice_status, never a row or a relation.
    count = plan_of(found, lambda s: "count(*)" in s)
    ids = plan_of(found, lambda s: s.lstrip().startswith("SELECT notice.id \nFROM notice"))
    assert "COVERING INDEX ix_notice_status" in count
    assert "COVERING INDEX ix_notice_status" in ids and "TEMP B-TREE" not in ids
    assert not [s for s, _p in found if "notice_relation" in s]


def test_the_todo_list_and_its_count_read_only_the_notices_with_a_deadline(
    archive: Archive,
) -> None:
    seed(archive)
    with plans(archive) as found:
        items = reg_ops.todo_list(archive, DAY)
        counted = reg_ops.todo_count(archive, DAY)
    assert [i.notice_id for i in items] == ["kh-1"] and counted.total == 1
    todo = [plan for statement, plan in found if "deadline" in statement]
    assert len(todo) == 2
    assert all("COVERING INDEX ix_notice_todo" in plan for plan in todo), todo
