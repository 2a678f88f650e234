"""Each notice's Standing (db.validity), kept on its row in the writer's own transaction.

A notice's Standing depends on the notices that state a relation toward
it. When one is imported, updated or withdrawn, the notices it names (before
and after the change) may change their Standing; a notice that arrives
after notices naming it takes its Standing from the relations already
held. Every writer of notices brings what it touched here: the import
(db.store, on SQLite and PostgreSQL) and `bangtin migrate-to` (db.transfer).
Migration 0014 filled the columns of the archives that existed before.

The Standing is reckoned by `db.validity.standing_of`, the rules' own
function, from the rows as they stand in the transaction; only rows whose
Standing changed are written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, exists, select

from db import dialect
from db.models import Notice, NoticeRelation
from db.validity import Node, Standing, node_of, standing_of

BATCH = 500


def _chunks(ids: Iterable[str], size: int = BATCH) -> Iterable[Sequence[str]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def targets(conn: Connection, ids: Iterable[str]) -> set[str]:
    """The ids that the relations stated by *ids* name (held or not)."""
    found: set[str] = set()
    for chunk in _chunks(ids, dialect.id_batch(conn)):
        found.update(
            conn.scalars(
                select(NoticeRelation.target_id).where(
                    dialect.among(conn, NoticeRelation.notice_id, chunk)
                )
            )
        )
    return found


def refresh(conn: Connection, ids: Iterable[str]) -> int:
    """Reckon the Standing of the notices *ids* (those held) again; returns how many changed.

    Each batch's changes are written before the next is read: a Standing is
    reckoned from the relations and the sources' dates, never from another
    notice's Standing, so the order changes nothing, and the changes of a
    whole archive are never held at once.
    """
    table = cast(Table, Notice.__table__)
    count = 0
    for chunk in _chunks(ids, dialect.id_batch(conn)):
        changed: list[dict[str, Any]] = []
        own = conn.execute(
            select(
                Notice.id,
                Notice.effective,
                Notice.expires,
                Notice.ended_on,
                Notice.partly_on,
                Notice.legal,
                exists().where(NoticeRelation.notice_id == Notice.id).label("relates"),
            ).where(dialect.among(conn, Notice.id, chunk))
        ).all()
        if not own:
            continue
        toward: dict[str, list[tuple[str, Node]]] = {}
        rows = conn.execute(
            select(
                NoticeRelation.target_id,
                NoticeRelation.relation,
                Notice.id,
                Notice.effective,
                Notice.expires,
                Notice.issued,
                Notice.published,
                Notice.withdrawn,
                Notice.has_content,
            )
            .join(Notice, Notice.id == NoticeRelation.notice_id)
            .where(
                dialect.among(conn, NoticeRelation.target_id, chunk),
                NoticeRelation.notice_id != NoticeRelation.target_id,
            )
        )
        for target, relation, sid, effective, expires, issued, posted, gone, held in rows:
            source = node_of(sid, effective, expires, issued, posted, gone, held)
            toward.setdefault(target, []).append((relation, source))
        for nid, effective, expires, ended_on, partly_on, legal, relates in own:
            node = Node(nid, effective=effective, expires=expires, relates=bool(relates))
            standing = standing_of(node, toward.get(nid, ()))
            if standing != Standing(ended_on, partly_on, bool(legal)):
                changed.append(
                    {
                        "id": nid,
                        "ended_on": standing.ended_on,
                        "partly_on": standing.partly_on,
                        "legal": standing.legal,
                    }
                )
        dialect.update_rows(conn, table, "id", changed)
        count += len(changed)
    return count


def refresh_all(conn: Connection) -> int:
    """Reckon every notice's Standing again (a moved archive); returns how many changed."""
    return refresh(conn, conn.scalars(select(Notice.id)))
