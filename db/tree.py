"""The category tree in order with its counts, from rows already read.

Standard library only: the window's first counts (db/firstlook.py) are put
in tree order before SQLAlchemy is loaded; `db.counts` and `db.queries`
read the rows through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from db.summaries import CategoryInfo

#: The key of the notices without a category.
NO_CATEGORY = 0


@dataclass(frozen=True)
class Counts:
    """Every category in tree order with its counts, and the archive's totals."""

    categories: tuple[CategoryInfo, ...]
    total: int
    unread: int
    bookmarked: int
    bookmarked_unread: int


def tally(
    direct: Mapping[int, int], opened_rows: Iterable[Sequence[Any]], category_rows: Sequence[Any]
) -> Counts:
    """The counts from rows already read: *direct*, each category's visible
    notices (`NO_CATEGORY`: none); *opened_rows*, per category (None: none) this
    person's opened, bookmarked, and bookmarked-but-unopened notices;
    *category_rows*, as `category_tree` takes them."""
    opened = {cid: 0 for cid in direct}
    bookmarked = bookmarked_unread = 0
    for cid, seen, marked, marked_unread in opened_rows:
        key = NO_CATEGORY if cid is None else int(cid)
        opened[key] = opened.get(key, 0) + int(seen or 0)
        bookmarked += int(marked or 0)
        bookmarked_unread += int(marked_unread or 0)
    unread = {cid: direct.get(cid, 0) - seen for cid, seen in opened.items()}
    total = sum(direct.values())
    return Counts(
        categories=tuple(category_tree(category_rows, direct, unread)),
        total=total,
        unread=total - sum(opened.values()),
        bookmarked=bookmarked,
        bookmarked_unread=bookmarked_unread,
    )


def category_tree(
    rows: Sequence[Any], direct: Mapping[int, int], unread: Mapping[int, int]
) -> list[CategoryInfo]:
    """The categories of *rows* (id, path, name, parent id, position) in tree order.

    *direct* and *unread* count each category's own notices; a category's
    counts include its subtree's.
    """
    by_id = {cid: (path, name, parent, pos) for cid, path, name, parent, pos in rows}
    total_count = {cid: direct.get(cid, 0) for cid in by_id}
    total_unread = {cid: unread.get(cid, 0) for cid in by_id}
    for cid in by_id:
        parent = by_id[cid][2]
        # Bounded: a damaged archive could hold a loop of parents.
        for _ in range(len(by_id)):
            if parent is None or parent not in by_id:
                break
            total_count[parent] += direct.get(cid, 0)
            total_unread[parent] += unread.get(cid, 0)
            parent = by_id[parent][2]

    children: dict[int | None, list[int]] = {}
    for cid, (_path, _name, parent, _pos) in by_id.items():
        children.setdefault(parent, []).append(cid)
    out: list[CategoryInfo] = []

    def ordered(parent: int | None) -> list[int]:
        return sorted(children.get(parent, []), key=lambda c: (by_id[c][3], by_id[c][1]))

    # Depth first with an explicit stack, not recursion: an archive may hold a
    # category hundreds of levels deep (imported before depth was limited).
    stack = list(reversed(ordered(None)))
    while stack:
        cid = stack.pop()
        path, name, parent_id, pos = by_id[cid]
        out.append(
            CategoryInfo(
                path=path,
                name=name,
                parent=by_id[parent_id][0] if parent_id is not None else None,
                position=pos,
                count=total_count[cid],
                unread=total_unread[cid],
            )
        )
        stack.extend(reversed(ordered(cid)))
    return out
