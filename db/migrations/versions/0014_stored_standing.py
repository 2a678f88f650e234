"""Each notice's standing: what of its validity depends on other notices, on its row.

Three columns of `notice`, kept by every import from now on:

- `ended_on`: the first day a present notice that replaces or repeals it
  takes effect;
- `partly_on`: the same for a present notice that partly repeals it;
- `legal`: it has `effective` or `expires`, states a relation, or a present
  notice states one toward it.

A notice *takes effect* on its `effective` day, else its issue day, else
the day (in +07:00) it was posted; *present* is held with content and not
withdrawn; a relation of a notice to itself does not count toward it. A
status on any day is then a pure expression over the row, and the index
`ix_notice_status` (legal, withdrawn, has_content, published, id,
effective, expires, ended_on, partly_on) pages and counts a status filter;
legal comes first so that the whole list's count keeps `ix_notice_visible`.

This revision fills the columns from the rows and relations held, in
Python, the same on both engines. It imports nothing of the program
(tests/unit/test_migrations_frozen.py).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 03:00:00
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

STATUS = [
    "legal",
    "withdrawn",
    "has_content",
    "published",
    "id",
    "effective",
    "expires",
    "ended_on",
    "partly_on",
]
ENDING = ("replaces", "repeals")
PARTIAL = ("partly_repeals",)
EPOCH = date(1970, 1, 1)
VN_OFFSET = 7 * 3600
CHUNK = 1000


def _posted(seconds: object) -> str | None:
    """The day in +07:00 of a stored time (whole UTC seconds), as 'YYYY-MM-DD'."""
    if seconds is None:
        return None
    try:
        value = int(str(seconds))
    except ValueError:
        value = 0
    try:
        return (EPOCH + timedelta(days=(value + VN_OFFSET) // 86400)).isoformat()
    except OverflowError:
        return None


def _fill(bind: sa.Connection) -> None:
    notice = sa.table(
        "notice",
        sa.column("id", sa.String),
        sa.column("effective", sa.String),
        sa.column("expires", sa.String),
        sa.column("issued", sa.String),
        sa.column("published", sa.BigInteger),
        sa.column("withdrawn", sa.Boolean),
        sa.column("has_content", sa.Boolean),
        sa.column("ended_on", sa.String),
        sa.column("partly_on", sa.String),
        sa.column("legal", sa.Boolean),
    )
    relation = sa.table(
        "notice_relation",
        sa.column("notice_id", sa.String),
        sa.column("relation", sa.String),
        sa.column("target_id", sa.String),
    )
    # id → (start day or None, present)
    starts: dict[str, tuple[str | None, bool]] = {}
    own_legal: set[str] = set()
    rows = bind.execute(
        sa.select(
            notice.c.id,
            notice.c.effective,
            notice.c.expires,
            notice.c.issued,
            notice.c.published,
            notice.c.withdrawn,
            notice.c.has_content,
        )
    )
    for nid, effective, expires, issued, published, withdrawn, has_content in rows:
        starts[nid] = (
            effective or issued or _posted(published),
            bool(has_content) and not withdrawn,
        )
        if effective is not None or expires is not None:
            own_legal.add(nid)
    ended: dict[str, str] = {}
    partly: dict[str, str] = {}
    legal = set(own_legal)
    for source, kind, target in bind.execute(
        sa.select(relation.c.notice_id, relation.c.relation, relation.c.target_id)
    ):
        legal.add(source)
        if source == target or target not in starts or source not in starts:
            continue
        start, present = starts[source]
        if not present:
            continue
        legal.add(target)
        if start is None:
            continue
        if kind in ENDING:
            ended[target] = min(ended.get(target, start), start)
        elif kind in PARTIAL:
            partly[target] = min(partly.get(target, start), start)
    values = [
        {"b_id": nid, "b_ended": ended.get(nid), "b_partly": partly.get(nid), "b_legal": True}
        for nid in sorted(legal & starts.keys())
    ]
    stmt = (
        notice.update()
        .where(notice.c.id == sa.bindparam("b_id"))
        .values(
            ended_on=sa.bindparam("b_ended"),
            partly_on=sa.bindparam("b_partly"),
            legal=sa.bindparam("b_legal"),
        )
    )
    for start_at in range(0, len(values), CHUNK):
        bind.execute(stmt, values[start_at : start_at + CHUNK])


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both engines: a batch copy of the table
    # on SQLite would drop it, and the reading state with it (ON DELETE CASCADE).
    op.add_column("notice", sa.Column("ended_on", sa.String(length=10), nullable=True))
    op.add_column("notice", sa.Column("partly_on", sa.String(length=10), nullable=True))
    op.add_column(
        "notice", sa.Column("legal", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    _fill(op.get_bind())
    op.create_index("ix_notice_status", "notice", STATUS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_notice_status", table_name="notice")
    for column in ("legal", "partly_on", "ended_on"):
        op.drop_column("notice", column)
