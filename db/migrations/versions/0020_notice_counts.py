"""Counts of the visible notices per category, kept by triggers.

The window showed its tree's counts only after counting every visible
notice of the archive, grouped by category (~150 ms at 100,000 notices,
at every start and after every change). ``notice_count`` holds, for each
category (0 for notices without one), how many visible notices (not
withdrawn, with content) it has directly. Triggers on ``notice`` keep it in
the same transaction as every insert, delete and change of ``withdrawn``,
``has_content`` or ``category_id``, whatever writes them (an import, a
withdrawal, ``bangtin migrate-to``, a restore), so it cannot drift from
the rows. What depends on the person (unread, bookmarked) is counted from
``reading_state``, which holds only the notices someone opened or marked.

The table is filled here from the notices. SQLite keeps it with three
triggers; PostgreSQL with one PL/pgSQL function. Downgrading drops them.

Revision ID: 0020
Revises: 0017
Create Date: 2026-12-07 05:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0020"
down_revision = "0018"
branch_labels = None
depends_on = None

VISIBLE_NEW = "NOT NEW.withdrawn AND NEW.has_content"
VISIBLE_OLD = "NOT OLD.withdrawn AND OLD.has_content"
ADD_NEW = (
    "INSERT INTO notice_count (category_id, visible) "
    "SELECT coalesce(NEW.category_id, 0), 1 WHERE {visible} "
    "ON CONFLICT (category_id) DO UPDATE SET visible = notice_count.visible + 1"
)
TAKE_OLD = (
    "UPDATE notice_count SET visible = visible - 1 "
    "WHERE category_id = coalesce(OLD.category_id, 0) AND {visible}"
)

SQLITE_TRIGGERS = (
    "CREATE TRIGGER notice_count_insert AFTER INSERT ON notice BEGIN "
    f"{ADD_NEW.format(visible=VISIBLE_NEW)}; END",
    "CREATE TRIGGER notice_count_delete AFTER DELETE ON notice BEGIN "
    f"{TAKE_OLD.format(visible=VISIBLE_OLD)}; END",
    "CREATE TRIGGER notice_count_update "
    "AFTER UPDATE OF withdrawn, has_content, category_id ON notice BEGIN "
    f"{TAKE_OLD.format(visible=VISIBLE_OLD)}; {ADD_NEW.format(visible=VISIBLE_NEW)}; END",
)

PG_FUNCTION = f"""
CREATE FUNCTION notice_count_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        {TAKE_OLD.format(visible=VISIBLE_OLD)};
    END IF;
    IF TG_OP <> 'DELETE' THEN
        {ADD_NEW.format(visible=VISIBLE_NEW)};
    END IF;
    RETURN NULL;
END
$$
"""
PG_TRIGGER = (
    "CREATE TRIGGER notice_count_keep "
    "AFTER INSERT OR DELETE OR UPDATE OF withdrawn, has_content, category_id ON notice "
    "FOR EACH ROW EXECUTE FUNCTION notice_count_keep()"
)


def upgrade() -> None:
    conn = op.get_bind()
    conn.exec_driver_sql(
        "CREATE TABLE notice_count ("
        "category_id INTEGER NOT NULL PRIMARY KEY, "
        "visible INTEGER NOT NULL)"
    )
    conn.exec_driver_sql(
        "INSERT INTO notice_count (category_id, visible) "
        "SELECT coalesce(category_id, 0), count(*) FROM notice "
        "WHERE NOT withdrawn AND has_content GROUP BY coalesce(category_id, 0)"
    )
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(PG_FUNCTION)
        conn.exec_driver_sql(PG_TRIGGER)
    else:
        for trigger in SQLITE_TRIGGERS:
            conn.exec_driver_sql(trigger)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP TRIGGER notice_count_keep ON notice")
        conn.exec_driver_sql("DROP FUNCTION notice_count_keep()")
    else:
        for name in ("insert", "delete", "update"):
            conn.exec_driver_sql(f"DROP TRIGGER notice_count_{name}")
    conn.exec_driver_sql("DROP TABLE notice_count")
