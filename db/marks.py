"""The reader's marks written one notice at a time: read and unread.

A notice is read once it has a first opening (`ReadingState.first_opened`);
marking it unread clears that and keeps its views and bookmark. Whole
categories are marked read by `db.store.mark_all_read`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Notice, ReadingState
from db.people import mine, person


def set_read(session: Session, ids: Sequence[str], at: datetime | None) -> list[str]:
    """Mark *ids* read at *at*, or unread when *at* is None; returns the ids that changed.

    Notices the archive does not hold are skipped; a read notice keeps its
    first opening when marked read again.
    """
    wanted = list(dict.fromkeys(ids))
    known = set(session.scalars(select(Notice.id).where(Notice.id.in_(wanted))))
    states = {
        row.notice_id: row
        for row in session.scalars(
            select(ReadingState).where(ReadingState.notice_id.in_(wanted), mine())
        )
    }
    changed: list[str] = []
    for notice_id in wanted:
        if notice_id not in known:
            continue
        row = states.get(notice_id)
        if at is None:
            if row is not None and row.first_opened is not None:
                row.first_opened = None
                changed.append(notice_id)
            continue
        if row is None:
            row = ReadingState(notice_id=notice_id, person=person(), views=0, bookmarked=False)
            session.add(row)
        if row.first_opened is None:
            row.first_opened = at
            changed.append(notice_id)
    session.flush()
    return changed
