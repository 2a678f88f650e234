"""The trust chain: roots, delegated and revoked signing keys, channels, signed time.

Adds the tables `trusted_root` (a province's root: its keys, threshold, the
root it followed by rotation), `key_delegation` (the newest delegation seen
of each signing key), `key_revocation` (signing keys a root revoked, never
forgotten), `trusted_channel` (the provinces whose bundles the office
takes) and `publisher_trust` (per publisher: the newest `created` of its
bundles applied here, and the root line it is bound to). A table of its
own, not columns of `publisher`: adding those in batch mode would rebuild
a table that others refer to.

Existing archives keep every trusted key, binding and log entry: nothing
here changes a row that exists. The revision imports nothing of the
program (tests/unit/test_migrations_frozen.py). It follows 0005; the
branch that adds 0006 is relinked when the two meet.

Revision ID: 0007
Revises: 0005
Create Date: 2027-01-10 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publisher_trust",
        sa.Column("publisher_id", sa.String(length=120), nullable=False),
        sa.Column("last_signed_at", sa.Integer(), nullable=True),
        sa.Column("root_fingerprint", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["publisher.id"], name="fk_publisher_trust_publisher_id_publisher"
        ),
        sa.PrimaryKeyConstraint("publisher_id", name="pk_publisher_trust"),
    )

    op.create_table(
        "trusted_root",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("public_keys", sa.JSON(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("added_at", sa.Integer(), nullable=False),
        sa.Column("previous", sa.String(length=64), nullable=True),
        sa.Column("superseded_at", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("fingerprint", name="pk_trusted_root"),
    )
    op.create_table(
        "key_delegation",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("publisher_id", sa.String(length=120), nullable=False),
        sa.Column("root_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("until", sa.String(length=10), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name="pk_key_delegation"),
    )
    op.create_table(
        "key_revocation",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("root_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name="pk_key_revocation"),
    )
    op.create_table(
        "trusted_channel",
        sa.Column("channel", sa.String(length=120), nullable=False),
        sa.Column("added_at", sa.Integer(), nullable=False),
        sa.Column("explicit", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("channel", name="pk_trusted_channel"),
    )


def downgrade() -> None:
    op.drop_table("trusted_channel")
    op.drop_table("key_revocation")
    op.drop_table("key_delegation")
    op.drop_table("trusted_root")
    op.drop_table("publisher_trust")
