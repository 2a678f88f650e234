"""Search index on PostgreSQL: the folded text moves out of ``search_doc`` into ``search_field``.

``search_doc`` held, beside its keys, filters and tsvectors, the folded
title, body, issuer and type and the exact words: about 1.5 KB a row, five
rows to a page. Every match of a candidate query is read from its heap page
(to be checked and ordered), so a common word cost a page a match. Those
columns move to ``search_field`` under the same key, read only for the few
candidates scored and the rows shown; ``search_doc`` keeps its narrow
columns, and is rewritten (CLUSTER, newest first, as the key orders it) so
that its pages hold only them. db/search/pgschema.py describes both tables.

The index is PostgreSQL's: on SQLite this revision does nothing.
Downgrading moves the columns back.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 04:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

MOVED = "title_f, body_f, meta_f, exact"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE search_field ("
        "rank_key BIGINT PRIMARY KEY, "
        "title_f TEXT NOT NULL, "
        "body_f TEXT NOT NULL, "
        "meta_f TEXT NOT NULL, "
        "exact TEXT NOT NULL)"
    )
    op.execute(
        f"INSERT INTO search_field (rank_key, {MOVED}) "
        f"SELECT rank_key, {MOVED} FROM search_doc ORDER BY rank_key"
    )
    op.execute(
        "ALTER TABLE search_doc DROP COLUMN title_f, DROP COLUMN body_f, "
        "DROP COLUMN meta_f, DROP COLUMN exact"
    )
    # Dropping a column leaves its values in the rows until they are
    # written again: the rewrite frees the pages.
    op.execute("CLUSTER search_doc USING search_doc_pkey")
    op.execute("ANALYZE search_doc")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE search_doc ADD COLUMN title_f TEXT, ADD COLUMN body_f TEXT, "
        "ADD COLUMN meta_f TEXT, ADD COLUMN exact TEXT"
    )
    op.execute(
        "UPDATE search_doc AS d SET title_f = f.title_f, body_f = f.body_f, "
        "meta_f = f.meta_f, exact = f.exact FROM search_field AS f WHERE f.rank_key = d.rank_key"
    )
    for column in ("title_f", "body_f", "meta_f", "exact"):
        op.execute(f"ALTER TABLE search_doc ALTER COLUMN {column} SET NOT NULL")
    op.execute("DROP TABLE search_field")
