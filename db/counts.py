"""The counts the window shows first: per category, unread, bookmarked, from small tables.

`notice_count` (revision 0020) holds how many visible notices each category
has directly (0 stands for notices without one); triggers on `notice` keep
it in every writing transaction. What depends on the person is counted from
their `reading_state` rows, which exist only for notices they opened or
marked: a notice without one is unread. So the tree's counts cost as much
as the categories and the person's reading state, not the whole archive.
`db.queries.categories` and `count_notices` count the same from the notices
themselves (the command line, and the tests that hold these to them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, and_, column, func, select, table
from sqlalchemy.orm import Session

from db.models import Category, Notice, ReadingState
from db.people import mine
from db.tree import Counts as Counts
from db.tree import tally

#: Not a model: `bangtin migrate-to` copies the notices, and the server's
#: triggers count them there (copying this table too would count them twice).
NOTICE_COUNT = table("notice_count", column("category_id", Integer), column("visible", Integer))


def counts(session: Session) -> Counts:
    """The tree's and the status bar's counts for this person."""
    direct = {
        int(cid): int(n)
        for cid, n in session.execute(select(NOTICE_COUNT.c.category_id, NOTICE_COUNT.c.visible))
    }
    not_yet = ReadingState.first_opened.is_(None)
    rows = session.execute(
        select(
            Notice.category_id,
            func.count(ReadingState.first_opened),
            func.sum(ReadingState.bookmarked.cast(Integer)),
            func.sum(and_(ReadingState.bookmarked.is_(True), not_yet).cast(Integer)),
        )
        .join(Notice, Notice.id == ReadingState.notice_id)
        .where(mine(), Notice.withdrawn.is_(False), Notice.has_content.is_(True))
        .group_by(Notice.category_id)
    )
    return tally(direct, rows, _category_rows(session))


def _category_rows(session: Session) -> Sequence[Any]:
    return session.execute(
        select(Category.id, Category.path, Category.name, Category.parent_id, Category.position)
    ).all()
