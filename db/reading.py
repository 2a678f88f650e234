"""The office's own reading state: views, read marks and bookmarks.

Each function runs in the caller's session and transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from db.models import Category, Notice, ReadingState
from db.people import mine, person, state_of
from db.queries import in_category

BATCH = 500


def _chunks(items: Sequence[str], size: int = BATCH) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def record_view(session: Session, notice_id: str, at: datetime, *, read: bool = True) -> int:
    """Count one opening of a notice (marking it read unless *read* is False); returns
    the new view count."""
    row = session.get(ReadingState, (notice_id, person()))
    if row is None:
        row = ReadingState(notice_id=notice_id, person=person(), views=0, bookmarked=False)
        session.add(row)
    if read and row.first_opened is None:  # a bookmark may have made the row first
        row.first_opened = at
    row.views += 1
    row.last_opened = at
    session.flush()
    return row.views


def record_opening(
    session: Session, notice_id: str, at: datetime, *, read: bool = True
) -> tuple[int, bool] | None:
    """Count one opening of a notice the archive shows (`record_view`).

    Returns the new view count and whether this opening made it read; None,
    with nothing written, when the archive holds no such notice.
    """
    if not session.scalar(select(Notice.has_content).where(Notice.id == notice_id)):
        return None
    row = session.get(ReadingState, (notice_id, person()))
    was_read = row is not None and row.first_opened is not None
    return record_view(session, notice_id, at, read=read), read and not was_read


def set_bookmark(session: Session, notice_id: str, bookmarked: bool) -> None:
    row = session.get(ReadingState, (notice_id, person()))
    if row is None:
        row = ReadingState(notice_id=notice_id, person=person(), views=0, bookmarked=bookmarked)
        session.add(row)
    row.bookmarked = bookmarked
    session.flush()


def mark_all_read(session: Session, at: datetime, category: str | None = None) -> int:
    """Mark every unread notice (in *category* and below) as read; returns how many.

    Marking read does not count a view: "Lượt xem" counts openings only.
    """
    query = select(Notice.id).where(
        Notice.withdrawn.is_(False),
        Notice.has_content.is_(True),
        ~select(ReadingState.notice_id)
        .where(state_of(Notice.id), ReadingState.first_opened.is_not(None))
        .exists(),
    )
    if category:
        query = query.join(Category, Category.id == Notice.category_id).where(in_category(category))
    ids = list(session.scalars(query))
    existing: set[str] = set()
    for chunk in _chunks(ids):
        existing.update(
            session.scalars(
                select(ReadingState.notice_id).where(ReadingState.notice_id.in_(chunk), mine())
            )
        )
    fresh = [i for i in ids if i not in existing]
    for chunk in _chunks(fresh):
        session.execute(
            insert(ReadingState),
            [
                {
                    "notice_id": i,
                    "person": person(),
                    "views": 0,
                    "first_opened": at,
                    "last_opened": at,
                    "bookmarked": False,
                }
                for i in chunk
            ],
        )
    seen = [i for i in ids if i in existing]
    for chunk in _chunks(seen):
        session.execute(
            update(ReadingState)
            .where(ReadingState.notice_id.in_(chunk), mine(), ReadingState.first_opened.is_(None))
            .values(first_opened=at)
        )
    return len(ids)
