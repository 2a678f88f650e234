"""Alembic migrations of the archive, run from code when an archive opens."""

#: The newest revision in versions/. Opening an archive compares against it
#: without loading Alembic; tests/unit/test_archive_open.py keeps it true.
HEAD_REVISION = "0026"
