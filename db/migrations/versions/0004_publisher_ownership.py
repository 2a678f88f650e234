"""Publisher ownership: advance withdrawals per publisher, remembered keys, manifest hashes.

- `early_withdrawal` holds a publisher's withdrawal of a notice id the
  archive did not hold. Until now such a withdrawal was a row in `notice`
  without content, which blocked every publisher's notice with that id.
  The rows move here. The archive never recorded who sent them: with one
  publisher in the archive they are that publisher's; with several, each is
  kept for every publisher, so that no publisher's own withdrawal is lost.
- Notices whose publisher is unknown go to the archive's only publisher,
  when it has just one.
- `trusted_key.removed_at`: removing a key keeps its row and its binding.
- `import_log.manifest_sha256`: "imported before" is decided by publisher,
  bundle id and manifest hash. Rows written before have none, and match by
  publisher and bundle id.

Downgrading puts the advance withdrawals back as rows in `notice` and
forgets the removed keys (the older Bảng Tin would trust them again).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'early_withdrawal',
        sa.Column('publisher_id', sa.String(length=120), nullable=False),
        sa.Column('notice_id', sa.String(length=120), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['publisher_id'],
            ['publisher.id'],
            name=op.f('fk_early_withdrawal_publisher_id_publisher'),
        ),
        sa.PrimaryKeyConstraint('publisher_id', 'notice_id', name=op.f('pk_early_withdrawal')),
    )
    with op.batch_alter_table('trusted_key', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removed_at', sa.Integer(), nullable=True))
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('manifest_sha256', sa.String(length=64), nullable=True))

    # SQLite keeps booleans as 0 and 1; PostgreSQL compares them only with
    # its own false and true.
    false = "0" if op.get_bind().dialect.name == "sqlite" else "false"
    # A notice without a publisher goes to the only publisher there is.
    op.execute(
        "UPDATE notice SET publisher_id = (SELECT id FROM publisher) "
        "WHERE publisher_id IS NULL AND (SELECT count(*) FROM publisher) = 1"
    )
    # Withdrawals that arrived without their notice, to their publisher, or
    # (when it is unknown) to every publisher.
    op.execute(
        "INSERT INTO early_withdrawal (publisher_id, notice_id, revision) "
        "SELECT p.id, n.id, n.revision FROM notice AS n JOIN publisher AS p "
        "ON n.publisher_id = p.id OR n.publisher_id IS NULL "
        f"WHERE n.has_content = {false}"
    )
    for table in ('reading_state', 'related_link', 'attachment'):
        op.execute(
            f"DELETE FROM {table} WHERE notice_id IN "
            f"(SELECT id FROM notice WHERE has_content = {false})"
        )
    op.execute(f"DELETE FROM notice WHERE has_content = {false}")


def downgrade() -> None:
    flags = "1, 0" if op.get_bind().dialect.name == "sqlite" else "true, false"
    op.execute(
        "INSERT INTO notice (id, publisher_id, title, body_markdown, revision, "
        "withdrawn, has_content, content_hash) "
        "SELECT notice_id, CASE WHEN count(*) = 1 THEN max(publisher_id) END, '', '', "
        f"max(revision), {flags}, '' FROM early_withdrawal "
        "WHERE notice_id NOT IN (SELECT id FROM notice) GROUP BY notice_id"
    )
    op.drop_table('early_withdrawal')
    op.execute("DELETE FROM trusted_key WHERE removed_at IS NOT NULL")
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.drop_column('manifest_sha256')
    with op.batch_alter_table('trusted_key', schema=None) as batch_op:
        batch_op.drop_column('removed_at')
