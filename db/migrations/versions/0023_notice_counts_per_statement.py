"""Notice counts on PostgreSQL: the notices a statement adds are counted once for the statement.

Revision 0020 keeps ``notice_count`` with a row trigger: each notice added
ran an ``INSERT … ON CONFLICT DO UPDATE`` of its category's row, so a
first import of 20,000 notices rewrote about a dozen rows 20,000 times in
one transaction, each new version of a row found through all the older
ones (half the server's time for writing the notices). The notices added
are now counted by a statement trigger over the statement's new rows (a
``COPY`` of a chunk of 1,000 included), one upsert per category a
statement; deletes and changes keep the row trigger. The counts are the
same. SQLite's triggers stay as they are: on SQLite this revision does
nothing. Downgrading puts the row trigger back for inserts.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 13:45:00
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

PG_ADDED = """
CREATE FUNCTION notice_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notice_count (category_id, visible)
    SELECT coalesce(category_id, 0), count(*) FROM added
    WHERE NOT withdrawn AND has_content GROUP BY coalesce(category_id, 0)
    ON CONFLICT (category_id) DO UPDATE SET visible = notice_count.visible + excluded.visible;
    RETURN NULL;
END
$$
"""
ROW_TRIGGER = (
    "CREATE TRIGGER notice_count_keep AFTER {events} ON notice "
    "FOR EACH ROW EXECUTE FUNCTION notice_count_keep()"
)
CHANGES = "DELETE OR UPDATE OF withdrawn, has_content, category_id"


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(PG_ADDED)
    conn.exec_driver_sql("DROP TRIGGER notice_count_keep ON notice")
    conn.exec_driver_sql(ROW_TRIGGER.format(events=CHANGES))
    conn.exec_driver_sql(
        "CREATE TRIGGER notice_count_add AFTER INSERT ON notice "
        "REFERENCING NEW TABLE AS added "
        "FOR EACH STATEMENT EXECUTE FUNCTION notice_count_added()"
    )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("DROP TRIGGER notice_count_add ON notice")
    conn.exec_driver_sql("DROP FUNCTION notice_count_added()")
    conn.exec_driver_sql("DROP TRIGGER notice_count_keep ON notice")
    conn.exec_driver_sql(ROW_TRIGGER.format(events=f"INSERT OR {CHANGES}"))
