"""Receipts: an office's identity and what it did, and what the province heard back.

At an office:

- `office_identity` (one row): the office's name, code (mã định danh) and
  receipt key;
- `office_event`: what the office did with each notice, in the order it
  happened: "01" arrived, "03" registered (with số đến), "05" in progress,
  "06" done, "opened" first opened;
- `office_report`: report files attached to notices;
- `receipt_written`: each receipt written, and how far it reached.

At the province:

- `enrolled_office`: the offices' receipt keys and the code each speaks for;
- `receipt_imported`, `receipt_bundle`, `receipt_event`, `receipt_report`:
  what the offices' receipts said.

Lines of the register written before this revision become events "01" and
"03" at their ngày đến; a line already in progress or done gets its "05" or
"06" at the time of the upgrade (the register kept no earlier time). A first
opening is read from the reading state when a receipt is written.

The revision imports nothing of the program (tests/unit/test_migrations_frozen.py).

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-07 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("key_path", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_office_identity"),
    )
    op.create_table(
        "office_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.String(length=120), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("at", sa.Integer(), nullable=False),
        sa.Column("person", sa.Text(), nullable=True),
        sa.Column("incoming_year", sa.Integer(), nullable=True),
        sa.Column("incoming_number", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_office_event"),
    )
    with op.batch_alter_table("office_event", schema=None) as batch_op:
        batch_op.create_index("ix_office_event_notice_id", ["notice_id"], unique=False)
    op.create_table(
        "office_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.String(length=120), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("attached_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_office_report"),
        sa.UniqueConstraint("notice_id", "sha256", name="uq_office_report_notice_id"),
    )
    op.create_table(
        "receipt_written",
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.String(length=32), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.Column("last_log_id", sa.Integer(), nullable=False),
        sa.Column("last_report_id", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("sequence", name="pk_receipt_written"),
    )
    op.create_table(
        "enrolled_office",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("added_at", sa.Integer(), nullable=False),
        sa.Column("removed_at", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name="pk_enrolled_office"),
    )
    with op.batch_alter_table("enrolled_office", schema=None) as batch_op:
        batch_op.create_index("ix_enrolled_office_code", ["code"], unique=False)
    op.create_table(
        "receipt_imported",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.String(length=32), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.Integer(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.Column("bundles", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_receipt_imported"),
        sa.UniqueConstraint("office_code", "sequence", name="uq_receipt_imported_office_code"),
    )
    op.create_table(
        "receipt_bundle",
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("publisher_id", sa.String(length=120), nullable=False),
        sa.Column("bundle_id", sa.String(length=64), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "office_code", "publisher_id", "bundle_id", "manifest_sha256", name="pk_receipt_bundle"
        ),
    )
    op.create_table(
        "receipt_event",
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("notice_id", sa.String(length=120), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("at", sa.Integer(), nullable=False),
        sa.Column("person", sa.Text(), nullable=True),
        sa.Column("incoming_year", sa.Integer(), nullable=True),
        sa.Column("incoming_number", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("office_code", "notice_id", "code", "at", name="pk_receipt_event"),
    )
    with op.batch_alter_table("receipt_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_receipt_event_notice", ["notice_id", "office_code"], unique=False
        )
    op.create_table(
        "receipt_report",
        sa.Column("office_code", sa.String(length=40), nullable=False),
        sa.Column("notice_id", sa.String(length=120), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("attached_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_code", "notice_id", "sha256", name="pk_receipt_report"),
    )

    # The register's lines so far, as the events an office tells: arrived and
    # registered at ngày đến, in number order.
    op.execute(
        "INSERT INTO office_event (notice_id, code, at, incoming_year, incoming_number) "
        "SELECT notice_id, '01', received_at, NULL, NULL FROM register_entry "
        "ORDER BY year, number"
    )
    op.execute(
        "INSERT INTO office_event (notice_id, code, at, incoming_year, incoming_number) "
        "SELECT notice_id, '03', received_at, year, number FROM register_entry "
        "ORDER BY year, number"
    )
    now = (
        "CAST(strftime('%s', 'now') AS INTEGER)"
        if op.get_bind().dialect.name == "sqlite"
        else "CAST(extract(epoch FROM now()) AS INTEGER)"
    )
    op.execute(
        "INSERT INTO office_event (notice_id, code, at, person) "
        "SELECT notice_id, CASE status WHEN 'done' THEN '06' ELSE '05' END, "
        f"{now}, assigned_to FROM register_entry "
        "WHERE status IN ('in_progress', 'done') ORDER BY year, number"
    )


def downgrade() -> None:
    for table in (
        "receipt_report",
        "receipt_event",
        "receipt_bundle",
        "receipt_imported",
        "enrolled_office",
        "receipt_written",
        "office_report",
        "office_event",
        "office_identity",
    ):
        op.drop_table(table)
