"""Reading state per person: who opened, read and bookmarked a notice.

On an office's shared archive (PostgreSQL) several people read the same
notices, each with their own unread marks and bookmarks. `reading_state`
gets the column `person` (the OS login name by default) and its key becomes
(notice_id, person). The rows already there become the person '' (an
archive on one PC, where the reading state was everyone's); the SQLite
archive keeps using '' only.

Batch mode, so that SQLite rebuilds the table to change its key. The
revision imports nothing of the program (tests/unit/test_migrations_frozen.py).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reading_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person", sa.Text(), nullable=False, server_default=""))
        batch_op.drop_constraint("pk_reading_state", type_="primary")
        batch_op.create_primary_key("pk_reading_state", ["notice_id", "person"])


def downgrade() -> None:
    # Only the person '' is kept: the older key has room for one state per notice.
    op.execute("DELETE FROM reading_state WHERE person <> ''")
    with op.batch_alter_table("reading_state", schema=None) as batch_op:
        batch_op.drop_constraint("pk_reading_state", type_="primary")
        batch_op.drop_column("person")
        batch_op.create_primary_key("pk_reading_state", ["notice_id"])
