"""What an office must do with a document: validity, relations, the incoming register.

Adds bundle format v2's fields to `notice` (effective, expires, the signer,
the field, urgency, deadline, recipients), the table `notice_relation` (one
row per relation a notice states, whether or not the archive holds its
target) and the table `register_entry` (Sổ đăng ký văn bản đến: the incoming
number and day of each document, and the clerk's columns).

Notices already in the archive get no incoming number: the register starts
with the first import after the update, as a paper register would.

Batch mode, so that SQLite rebuilds `notice` where it cannot alter it. The
revision imports nothing of the program (tests/unit/test_migrations_frozen.py).

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-06 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

NOTICE_COLUMNS = (
    ("effective", sa.String(length=10)),
    ("expires", sa.String(length=10)),
    ("signer_authority", sa.Text()),
    ("signer_title", sa.Text()),
    ("signer_name", sa.Text()),
    ("sector", sa.Text()),
    ("urgency", sa.String(length=20)),
    ("deadline", sa.String(length=10)),
    ("recipients", sa.JSON()),
)


def upgrade() -> None:
    with op.batch_alter_table("notice", schema=None) as batch_op:
        for name, kind in NOTICE_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
        batch_op.create_index("ix_notice_deadline", ["deadline"], unique=False)

    op.create_table(
        "notice_relation",
        sa.Column("notice_id", sa.String(length=120), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notice.id"],
            name="fk_notice_relation_notice_id_notice",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "notice_id", "relation", "target_id", name="pk_notice_relation"
        ),
    )
    with op.batch_alter_table("notice_relation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notice_relation_target", ["target_id", "relation"], unique=False
        )

    op.create_table(
        "register_entry",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.String(length=120), nullable=False),
        sa.Column("received_at", sa.Integer(), nullable=False),
        sa.Column("assigned_to", sa.Text(), nullable=True),
        sa.Column("handed_over", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name="fk_register_entry_notice_id_notice"
        ),
        sa.PrimaryKeyConstraint("year", "number", name="pk_register_entry"),
        sa.UniqueConstraint("notice_id", name="uq_register_entry_notice_id"),
    )
    with op.batch_alter_table("register_entry", schema=None) as batch_op:
        batch_op.create_index("ix_register_entry_status", ["status"], unique=False)


def downgrade() -> None:
    op.drop_table("register_entry")
    op.drop_table("notice_relation")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index("ix_notice_deadline")
        for name, _kind in reversed(NOTICE_COLUMNS):
            batch_op.drop_column(name)
