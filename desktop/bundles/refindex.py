"""The notices a bundle's manifest lists, kept on disk while it is imported.

A manifest lists every notice of its bundle (id, revision, hash, chunk):
300,000 of them are about 50 MB of JSON and several times that as Python
objects. The reader checks each listing as it parses it and writes it here,
a small SQLite file in the bundle's staging folder, so that an import holds
the listings of one chunk at a time (`in_chunk`), whatever the bundle's size.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from desktop.bundles.manifest import NoticeRef

#: Listings written per transaction of the index.
_BATCH = 5000


class RefIndex:
    """A manifest's notice listings, in their order, unique by id."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Used by the thread that stages the bundle and then by the one that
        # applies it (the same one, but not promised by every caller).
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        # A scratch file in a private folder, removed with it: no journal.
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute(
            "CREATE TABLE ref (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
            "revision TEXT NOT NULL, sha256 TEXT NOT NULL, chunk TEXT NOT NULL)"
        )
        self._db.execute("CREATE INDEX ref_chunk ON ref (chunk)")
        self._count = 0
        self._pending = 0
        self._db.execute("BEGIN")

    def add(self, ref: NoticeRef) -> bool:
        """Keep *ref*; False when its id is listed already."""
        cur = self._db.execute(
            "INSERT OR IGNORE INTO ref (id, revision, sha256, chunk) VALUES (?, ?, ?, ?)",
            (ref.id, ref.revision.isoformat(), ref.sha256, ref.chunk),
        )
        if cur.rowcount != 1:
            return False
        self._count += 1
        self._pending += 1
        if self._pending >= _BATCH:
            self._db.execute("COMMIT")
            self._db.execute("BEGIN")
            self._pending = 0
        return True

    def finish(self) -> RefIndex:
        """Every listing is in: later readers see them all."""
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        return self

    def __contains__(self, ident: object) -> bool:
        row = self._db.execute("SELECT 1 FROM ref WHERE id = ?", (ident,)).fetchone()
        return row is not None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[NoticeRef]:
        for row in self._db.execute("SELECT id, revision, sha256, chunk FROM ref ORDER BY pos"):
            yield _ref(row)

    def in_chunk(self, chunk: str) -> dict[str, NoticeRef]:
        """The listings of the notices in *chunk*, by id."""
        rows = self._db.execute(
            "SELECT id, revision, sha256, chunk FROM ref WHERE chunk = ?", (chunk,)
        )
        return {row[0]: _ref(row) for row in rows}

    def chunk_names(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT DISTINCT chunk FROM ref")}

    def sorted_ids(self) -> Iterator[str]:
        for (ident,) in self._db.execute("SELECT id FROM ref ORDER BY id"):
            yield ident

    def close(self) -> None:
        self._db.close()


def _ref(row: tuple[str, str, str, str]) -> NoticeRef:
    return NoticeRef(
        id=row[0], revision=datetime.fromisoformat(row[1]), sha256=row[2], chunk=row[3]
    )
