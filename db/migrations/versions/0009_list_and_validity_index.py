"""Indexes the office views read instead of the notices' rows.

- `ix_notice_visible` (withdrawn, has_content, published, id, effective,
  expires, issued): the list pages, counts and filters by status without
  reading a notice's row. Its body sits before those columns, and at
  100,000 notices reading past it was most of the time of a count or a
  status filter.
- `ix_notice_todo` (deadline, id, withdrawn, has_content, urgency, number,
  title), partial, for the notices with a deadline: the to-do list (Việc
  cần làm) and its count, soonest first, from the index alone.

The revision imports nothing of the program (tests/unit/test_migrations_frozen.py).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

VISIBLE = ["withdrawn", "has_content", "published", "id", "effective", "expires", "issued"]
TODO = ["deadline", "id", "withdrawn", "has_content", "urgency", "number", "title"]


def upgrade() -> None:
    op.create_index("ix_notice_visible", "notice", VISIBLE, unique=False)
    op.create_index(
        "ix_notice_todo",
        "notice",
        TODO,
        unique=False,
        sqlite_where=sa.text("deadline IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_notice_todo", table_name="notice")
    op.drop_index("ix_notice_visible", table_name="notice")
