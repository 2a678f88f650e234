"""Alembic migrations of the archive, run from code when an archive opens."""

#: The newest revision in versions/. Opening an archive compares against it
#: without loading Alembic; tests/unit/test_archive_open.py keeps it true.
HEAD_REVISION = "0027"

#: Revisions that leave pages of the file mostly empty (rows rewritten smaller
#: in place): an archive upgraded past one is vacuumed once (`db.archive.vacuum_if_pending`).
VACUUM_AFTER: tuple[str, ...] = ("0027",)
