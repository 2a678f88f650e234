"""The incoming register (Sổ đăng ký văn bản đến) and the deadlines (Việc cần làm).

The import numbers the register (`register_incoming`, in its own
transaction); the clerk's columns are written by `set_register_fields`.
The reads return plain dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, ColumnElement, case, func, or_, select, update
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from db import dialect, officelog
from db.folding import nfc
from db.models import Notice, RegisterEntry
from db.records import RegisterRow, TodoItem
from db.types import VN_TZ, aware

#: Ids per IN (...) list: far below SQLite's limit on host parameters.
BATCH = 500


def _chunks(items: Sequence[Any], size: int = BATCH) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _rows(session: Session, *conditions: ColumnElement[bool]) -> list[RegisterRow]:
    query = (
        select(
            RegisterEntry.year,
            RegisterEntry.number,
            RegisterEntry.received_at,
            RegisterEntry.notice_id,
            Notice.issuer,
            Notice.number,
            Notice.issued,
            Notice.doc_type,
            Notice.title,
            Notice.summary,
            RegisterEntry.assigned_to,
            RegisterEntry.handed_over,
            RegisterEntry.note,
            RegisterEntry.status,
            Notice.withdrawn,
            Notice.deadline,
            Notice.urgency,
        )
        .join(Notice, Notice.id == RegisterEntry.notice_id)
        .where(*conditions)
        .order_by(RegisterEntry.year, RegisterEntry.number)
    )
    return [
        RegisterRow(
            year=year,
            incoming_number=number,
            received_at=received_at,
            notice_id=notice_id,
            issuer=issuer,
            number=doc_number,
            issued=issued,
            doc_type=doc_type,
            title=title,
            summary=summary,
            assigned_to=assigned_to,
            handed_over=handed_over,
            note=note,
            status=status,
            withdrawn=bool(withdrawn),
            deadline=deadline,
            urgency=urgency,
        )
        for (
            year,
            number,
            received_at,
            notice_id,
            issuer,
            doc_number,
            issued,
            doc_type,
            title,
            summary,
            assigned_to,
            handed_over,
            note,
            status,
            withdrawn,
            deadline,
            urgency,
        ) in session.execute(query)
    ]


def register_rows(
    session: Session, year: int | None = None, status: str | None = None
) -> list[RegisterRow]:
    """The register's lines in number order, of one *year* and *status* when given."""
    conditions: list[ColumnElement[bool]] = []
    if year is not None:
        conditions.append(RegisterEntry.year == year)
    if status is not None:
        conditions.append(RegisterEntry.status == status)
    return _rows(session, *conditions)


def _where(year: int, status: str | None) -> list[ColumnElement[bool]]:
    conditions = [RegisterEntry.year == year]
    if status is not None:
        conditions.append(RegisterEntry.status == status)
    return conditions


def register_count(session: Session, year: int, status: str | None = None) -> int:
    """How many lines *year* has (in *status*, when given)."""
    query = select(func.count()).select_from(RegisterEntry).where(*_where(year, status))
    return int(session.scalar(query) or 0)


def register_page(
    session: Session, year: int, status: str | None, offset: int, limit: int
) -> list[RegisterRow]:
    """Lines *offset*… of *year* (in *status*, when given), in number order, at most *limit*."""
    # The numbers first, from the register's own index: an OFFSET over the
    # joined rows would read the notice of every line it skips.
    numbers = list(
        session.scalars(
            select(RegisterEntry.number)
            .where(*_where(year, status))
            .order_by(RegisterEntry.number)
            .offset(offset)
            .limit(limit)
        )
    )
    if not numbers:
        return []
    return _rows(session, RegisterEntry.year == year, RegisterEntry.number.in_(numbers))


def register_row(session: Session, year: int, number: int) -> RegisterRow | None:
    found = _rows(session, RegisterEntry.year == year, RegisterEntry.number == number)
    return found[0] if found else None


def register_years(session: Session) -> list[int]:
    """The years the register has lines for, newest first."""
    return list(
        session.scalars(
            select(RegisterEntry.year)
            .group_by(RegisterEntry.year)
            .order_by(RegisterEntry.year.desc())
        )
    )


class _Unindexed(FunctionElement[bool]):
    """A boolean column that SQLite must not pick an index for: "+column" there
    (its documented way), the plain column on PostgreSQL, whose planner needs no hint."""

    type = Boolean()
    name = "unindexed"
    inherit_cache = True


@compiles(_Unindexed)
def _plain(element: _Unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_Unindexed, "sqlite")
def _behind_plus(element: _Unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


def _unindexed(column: Any) -> ColumnElement[bool]:
    return _Unindexed(column)


def _todo_where() -> list[ColumnElement[bool]]:
    return [
        Notice.deadline.is_not(None),
        # So that SQLite reads ix_notice_todo (the notices with a deadline),
        # not every visible notice through the list's index.
        _unindexed(Notice.withdrawn).is_(False),
        _unindexed(Notice.has_content).is_(True),
        # A notice with no line in the register is not done either.
        or_(RegisterEntry.status.is_(None), RegisterEntry.status != "done"),
    ]


def todo(session: Session, day: date, limit: int | None = None, offset: int = 0) -> list[TodoItem]:
    """Notices with a deadline that are not done (Việc cần làm), soonest first;
    items *offset*… of them, at most *limit*."""
    query = (
        select(
            Notice.id,
            Notice.title,
            Notice.number,
            Notice.deadline,
            Notice.urgency,
            RegisterEntry.status,
            RegisterEntry.year,
            RegisterEntry.number,
        )
        .outerjoin(RegisterEntry, RegisterEntry.notice_id == Notice.id)
        .where(*_todo_where())
        .order_by(Notice.deadline, Notice.id)
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    items: list[TodoItem] = []
    for nid, title, number, deadline, urgency, status, year, incoming in session.execute(query):
        assert deadline is not None  # the query asks for notices with one
        items.append(
            TodoItem(
                notice_id=nid,
                title=title,
                number=number,
                deadline=deadline,
                days_left=(deadline - day).days,
                urgency=urgency,
                status=status,
                year=year,
                incoming_number=incoming,
            )
        )
    return items


def todo_count(session: Session, day: date) -> tuple[int, int]:
    """How many things are to do, and how many of them are overdue on *day*."""
    sub = (
        select(Notice.deadline)
        .outerjoin(RegisterEntry, RegisterEntry.notice_id == Notice.id)
        .where(*_todo_where())
        .subquery()
    )
    # One pass for both. Dates are stored as YYYY-MM-DD text, which sorts as the days do.
    total, overdue = session.execute(
        select(func.count(), func.sum(case((sub.c.deadline < day, 1), else_=0))).select_from(sub)
    ).one()
    return int(total or 0), int(overdue or 0)


# -- writing the register -------------------------------------------------------------


def register_incoming(session: Session, notice_ids: Sequence[str], at: datetime) -> int:
    """Give each of *notice_ids* that has a document number and no line yet its incoming number.

    Called by an import, in its transaction, with the notices it wrote (not
    withdrawn) in the order it applied them; *at* is ngày đến. Numbers run
    from 1 each calendar year (Vietnam's), one after the other; a notice
    that has its line keeps it, so importing again changes no number.
    Returns how many lines were added.
    """
    received = aware(at).astimezone(VN_TZ)
    year = received.year
    start: int | None = None
    added = 0
    # A batch of ids at a time, in order: the numbers run on from one batch
    # to the next, and an id met again finds the line its first copy got.
    for chunk in _chunks(notice_ids, dialect.id_batch(session)):
        ids = list(dict.fromkeys(chunk))
        numbered = set(
            session.scalars(
                select(Notice.id).where(
                    dialect.among(session, Notice.id, ids),
                    Notice.number.is_not(None),
                    Notice.number != "",
                    Notice.withdrawn.is_(False),
                )
            )
        )
        registered = set(
            session.scalars(
                select(RegisterEntry.notice_id).where(
                    dialect.among(session, RegisterEntry.notice_id, ids)
                )
            )
        )
        fresh = [i for i in ids if i in numbered and i not in registered]
        if not fresh:
            continue
        if start is None:
            last = session.scalar(
                select(func.max(RegisterEntry.number)).where(RegisterEntry.year == year)
            )
            start = int(last or 0) + 1
        rows = [
            {
                "year": year,
                "number": start + added + offset,
                "notice_id": notice_id,
                "received_at": received,
                "status": "received",
            }
            for offset, notice_id in enumerate(fresh)
        ]
        dialect.insert_rows(session, RegisterEntry, rows)
        added += len(rows)
    return added


#: Marks a clerk's column that `set_register_fields` leaves as it is.
KEEP: Any = object()


def set_register_fields(
    session: Session,
    year: int,
    number: int,
    *,
    assigned_to: Any = KEEP,
    handed_over: Any = KEEP,
    note: Any = KEEP,
    status: Any = KEEP,
) -> bool:
    """Write the clerk's columns of one register line; returns False when there is no such line.

    Pass None to clear a column, KEEP (the default) to leave it.
    """
    values = {
        key: value
        for key, value in (
            ("assigned_to", assigned_to),
            ("handed_over", handed_over),
            ("note", note),
            ("status", status),
        )
        if value is not KEEP
    }
    for key in ("assigned_to", "note"):
        if isinstance(values.get(key), str):
            values[key] = nfc(values[key]).strip() or None
    line = session.get(RegisterEntry, (year, number))
    if line is None:
        return False
    before = line.status
    if values:
        session.execute(
            update(RegisterEntry)
            .where(RegisterEntry.year == year, RegisterEntry.number == number)
            .values(values)
        )
    if "status" in values and values["status"] != before:
        # What the office tells the province in its next receipt (05, 06).
        session.refresh(line)
        officelog.record_status(
            session, line.notice_id, line.status, datetime.now(VN_TZ), line.assigned_to
        )
    return True
