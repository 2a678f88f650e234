"""Core archive schema: publishers, keys, categories, notices, reading state, log.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 01:29:05.825763
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['category.id'], name=op.f('fk_category_parent_id_category')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_category')),
    sa.UniqueConstraint('path', name=op.f('uq_category_path'))
    )
    op.create_table('import_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_id', sa.String(length=64), nullable=False),
    sa.Column('publisher_id', sa.String(length=120), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('imported_at', sa.Integer(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('withdrawn', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_log'))
    )
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_log_bundle_id'), ['bundle_id'], unique=False)

    op.create_table('publisher',
    sa.Column('id', sa.String(length=120), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('last_sequence', sa.Integer(), nullable=False),
    sa.Column('last_bundle_id', sa.String(length=64), nullable=True),
    sa.Column('last_imported_at', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publisher'))
    )
    op.create_table('notice',
    sa.Column('id', sa.String(length=120), nullable=False),
    sa.Column('publisher_id', sa.String(length=120), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('body_markdown', sa.Text(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('published', sa.Integer(), nullable=True),
    sa.Column('updated', sa.Integer(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('number', sa.Text(), nullable=True),
    sa.Column('doc_type', sa.Text(), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('issued', sa.String(length=10), nullable=True),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('has_content', sa.Boolean(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_notice_category_id_category')),
    sa.ForeignKeyConstraint(['publisher_id'], ['publisher.id'], name=op.f('fk_notice_publisher_id_publisher')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice'))
    )
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_index('ix_notice_category_published', ['category_id', 'published'], unique=False)
        batch_op.create_index('ix_notice_listing', ['withdrawn', 'published'], unique=False)

    op.create_table('trusted_key',
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('public_key', sa.LargeBinary(length=32), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('publisher_id', sa.String(length=120), nullable=True),
    sa.Column('added_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['publisher_id'], ['publisher.id'], name=op.f('fk_trusted_key_publisher_id_publisher')),
    sa.PrimaryKeyConstraint('key_id', name=op.f('pk_trusted_key'))
    )
    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('media_type', sa.Text(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_attachment_notice_id_notice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment')),
    sa.UniqueConstraint('notice_id', 'position', name=op.f('uq_attachment_notice_id'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)

    op.create_table('reading_state',
    sa.Column('notice_id', sa.String(length=120), nullable=False),
    sa.Column('views', sa.Integer(), nullable=False),
    sa.Column('first_opened', sa.Integer(), nullable=True),
    sa.Column('last_opened', sa.Integer(), nullable=True),
    sa.Column('bookmarked', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_reading_state_notice_id_notice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('notice_id', name=op.f('pk_reading_state'))
    )
    op.create_table('related_link',
    sa.Column('notice_id', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notice.id'], name=op.f('fk_related_link_notice_id_notice'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('notice_id', 'position', name=op.f('pk_related_link'))
    )


def downgrade() -> None:
    op.drop_table('related_link')
    op.drop_table('reading_state')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))

    op.drop_table('attachment')
    op.drop_table('trusted_key')
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_index('ix_notice_listing')
        batch_op.drop_index('ix_notice_category_published')

    op.drop_table('notice')
    op.drop_table('publisher')
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_log_bundle_id'))

    op.drop_table('import_log')
    op.drop_table('category')
