"""Search index on PostgreSQL: ``search_walk``, the words of each notice without positions, in its row.

A walk over the newest keys (db/search/pgplan.py) tests each row's
tsvector of everything until enough match. ``search_doc.main_tsv`` is
several KB a notice and kept in TOAST: a row tested read about four TOAST
pages more, and the walks were most of a slow search's time. The new table
holds, under the same key, ``strip(main_tsv)`` (about 60 % of the size,
kept in the row: STORAGE MAIN) and the filter columns its queries test.
``search_doc`` keeps ``main_tsv`` and its GIN index for phrases and for
GIN's reads. The rows are copied in key order, so that a walk reads
consecutive pages. db/search/pgschema.py describes the tables.

The index is PostgreSQL's: on SQLite this revision does nothing.
Downgrading drops the table.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE search_walk ("
        "rank_key BIGINT PRIMARY KEY, "
        "category_id INTEGER, "
        "doc_type_f TEXT, "
        "issuer_f TEXT, "
        "words TSVECTOR NOT NULL)"
    )
    op.execute("ALTER TABLE search_walk ALTER COLUMN words SET STORAGE MAIN")
    op.execute(
        "INSERT INTO search_walk (rank_key, category_id, doc_type_f, issuer_f, words) "
        "SELECT rank_key, category_id, doc_type_f, issuer_f, strip(main_tsv) FROM search_doc "
        "ORDER BY rank_key"
    )
    op.execute("ANALYZE search_walk")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE search_walk")
