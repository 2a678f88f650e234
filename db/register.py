"""Reading the incoming register (Sổ đăng ký văn bản đến) and the deadlines (Việc cần làm).

The import numbers the register (db.store.register_incoming); the clerk's
columns are written by db.store.set_register_fields. Everything here
returns plain dataclasses.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from db.models import Notice, RegisterEntry
from db.records import RegisterRow, TodoItem


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


def _todo_where() -> list[ColumnElement[bool]]:
    return [
        Notice.deadline.is_not(None),
        Notice.withdrawn.is_(False),
        Notice.has_content.is_(True),
        # A notice with no line in the register is not done either.
        or_(RegisterEntry.status.is_(None), RegisterEntry.status != "done"),
    ]


def todo(session: Session, day: date, limit: int | None = None) -> list[TodoItem]:
    """Notices with a deadline that are not done (Việc cần làm), soonest first."""
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
    total = session.scalar(select(func.count()).select_from(sub)) or 0
    # Dates are stored as YYYY-MM-DD text, which sorts as the days do.
    overdue = session.scalar(select(func.count()).select_from(sub).where(sub.c.deadline < day))
    return int(total), int(overdue or 0)
