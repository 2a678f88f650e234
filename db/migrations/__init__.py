"""Alembic migrations of the archive, run from code when an archive opens."""
