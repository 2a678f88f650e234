"""Times as 64-bit integers on PostgreSQL.

Every time is stored as whole seconds since 1970 (db/types.py). SQLite's
INTEGER holds 64 bits, but PostgreSQL's is 32: a notice dated after
19 January 2038 (or before 1901), which imports accept for the years
1900–2200, could not be stored on a shared archive. On PostgreSQL every
time column becomes BIGINT; on SQLite this revision does nothing.

The revision imports nothing of the program (tests/unit/test_migrations_frozen.py).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

#: The time columns at this revision, table by table.
TIMES = {
    "early_withdrawal": ("revision",),
    "enrolled_office": ("added_at", "removed_at"),
    "import_log": ("imported_at",),
    "key_delegation": ("created", "seen_at"),
    "key_revocation": ("created", "seen_at"),
    "notice": ("published", "updated", "revision"),
    "office_event": ("at",),
    "office_identity": ("created_at",),
    "office_report": ("attached_at",),
    "publisher": ("last_imported_at",),
    "publisher_trust": ("last_signed_at",),
    "reading_state": ("first_opened", "last_opened"),
    "receipt_bundle": ("imported_at",),
    "receipt_event": ("at",),
    "receipt_imported": ("created_at", "imported_at"),
    "receipt_report": ("attached_at",),
    "receipt_written": ("created_at", "acknowledged_at"),
    "register_entry": ("received_at",),
    "trusted_channel": ("added_at",),
    "trusted_key": ("added_at", "removed_at"),
    "trusted_root": ("added_at", "superseded_at", "removed_at"),
}


def _alter(kind: sa.types.TypeEngine[int]) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in TIMES.items():
        for column in columns:
            op.alter_column(table, column, type_=kind)


def upgrade() -> None:
    _alter(sa.BigInteger())


def downgrade() -> None:
    _alter(sa.Integer())
