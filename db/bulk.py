"""A bulk import's journal: a rollback journal instead of the WAL for one big transaction.

In WAL mode every page a transaction writes goes to the -wal first and is
copied into the file at the checkpoint after the commit: an import that
writes the whole archive needs the archive's size twice on disk (2.1× the
final file at 10,000 and 100,000 notices). A rollback journal holds only
the pages that existed before the transaction and were changed; the new
pages go straight into the file. A first import into an empty archive then
needs almost no disk beside the archive, and the one transaction is still
atomic: a kill leaves a hot journal, which the next connection rolls back
before it reads anything (tests/e2e/test_kill_import.py).

The price is paid by other programs: once the import's dirty pages spill
into the file it holds the file's exclusive lock until it commits, so a
reader elsewhere (a second window, a `bangtin` command) waits its busy
timeout and is told the archive is busy. This program's window reads on
the same database thread as the import, so it waits for the import in
either mode. Hence only for a bulk import (`is_bulk`), and only when no
other program has the archive open: leaving WAL mode needs the file to
itself, and when another program holds it the import keeps the WAL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

__all__ = ["BULK_MIN", "BULK_SHARE", "is_bulk", "rollback_journal"]

#: An import is bulk when it brings at least 1/BULK_SHARE of the notices the
#: archive will hold: then it rewrites the whole search index too
#: (`db.search.indexer`'s 'optimize'), and its WAL would be as big as the archive.
BULK_SHARE = 10
#: ...and at least this many notices: a smaller import's WAL is a few MB
#: whatever the ratio, and switching the journal twice (each an fsync'd
#: header write) would cost a small import more than it saves.
BULK_MIN = 1000


def is_bulk(engine: Engine, incoming: int) -> bool:
    """True when *incoming* notices are a bulk import for the archive behind *engine*."""
    if incoming < BULK_MIN:
        return False
    with engine.connect() as conn:
        held = conn.exec_driver_sql("SELECT count(*) FROM notice").scalar() or 0
    return incoming * BULK_SHARE >= held + incoming


@contextmanager
def rollback_journal(engine: Engine, begin: str) -> Iterator[Connection]:
    """A connection of *engine* whose transactions (BEGIN *begin*) use a rollback journal.

    Falls back to the WAL when another connection holds the archive open.
    Back in WAL mode at the end, committed or not; if that fails (a reader
    came by), the next connection's own pragma turns the WAL on again.
    """
    # This program's idle pooled connections would hold the WAL open.
    engine.dispose()
    with engine.execution_options(bangtin_begin=begin).connect() as conn:
        db = conn.connection.driver_connection
        assert isinstance(db, sqlite3.Connection)
        # SQLAlchemy has begun nothing yet: a pragma on the driver connection
        # runs outside any transaction, as a change of journal mode must.
        _journal(db, "DELETE")
        try:
            yield conn
        finally:
            if conn.in_transaction():
                conn.rollback()
            _journal(db, "WAL")


def _journal(db: sqlite3.Connection, mode: str) -> None:
    (timeout,) = db.execute("PRAGMA busy_timeout").fetchone()
    db.execute("PRAGMA busy_timeout = 0")
    try:
        db.execute(f"PRAGMA journal_mode = {mode}").fetchone()
    except sqlite3.OperationalError:
        pass  # busy: another program has the archive open; the mode stays as it was
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(timeout)}")
