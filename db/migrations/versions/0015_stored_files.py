"""Attachments' content in the archive's database: the shared archive's file store.

One table, ``stored_file``: a file's sha256, its size, and its bytes (bytea
on PostgreSQL, a BLOB on SQLite). On a PostgreSQL archive every PC opens a
notice's attachments from it, and an import writes them in its own
transaction. A SQLite archive keeps its files in its data folder and
leaves the table empty.

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-07 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stored_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_stored_file"),
    )


def downgrade() -> None:
    op.drop_table("stored_file")
