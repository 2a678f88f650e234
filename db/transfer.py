"""Moving an office's SQLite archive into an empty PostgreSQL database (`bangtin migrate-to`).

Every table the models map is copied row by row, in the order their
foreign keys need, in one transaction on the server: the notices and their
attachments' records, the register and its edits, the office's events and
receipts, trusted keys and roots, and the reading state. The reading state
of the one PC (the person '') becomes the person's who moves the archive
(their login name), as it was theirs. Serial ids go on from the highest
copied. Then every table's rows are counted on both sides, still inside the
transaction: a count that differs rolls it all back.

The search index is not copied but built again on the server, in the same
transaction, from the notices just copied (PostgreSQL's index is its own,
db/search/pgindex.py). The attachments' files, which a SQLite archive keeps
in its data folder, are copied into the server's file store (db/filestore.py)
so that every PC can open them; each is checked against its sha256 first,
and the store's rows are counted like every table's. A file the folder has
lost is left out, and counted as missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, func, inspect, select, text

from db import filestore, validitystore
from db.models import Base, ReadingState, StoredFile
from db.search import pgindex

CHUNK = 1000


class CountMismatch(Exception):
    """A table's rows counted on the server differ from those read: nothing was kept."""

    def __init__(self, table: str, read: int, written: int) -> None:
        super().__init__(f"{table}: {read} rows read, {written} written")
        self.table = table
        self.read = read
        self.written = written


class TargetNotEmpty(Exception):
    """The server's database holds data already: the archive is moved only into an empty one."""


@dataclass(frozen=True)
class Moved:
    """What was copied: rows per table, each counted the same on both sides."""

    rows: dict[str, int]
    #: Files the rows name that the data folder did not have (or had damaged).
    missing_files: int = 0

    @property
    def notices(self) -> int:
        return self.rows.get("notice", 0)

    @property
    def files(self) -> int:
        return self.rows.get(StoredFile.__tablename__, 0)


def ensure_empty(conn: Connection) -> None:
    """Refuse a database that holds anything (TargetNotEmpty).

    Empty is a database without tables, or an archive of this program that
    holds no rows: one made by `bangtin init`, or left by a move that was
    interrupted (the tables are made before the copy's transaction, which
    rolled back). So a move that failed can be run again as it was.
    """
    tables = set(inspect(conn).get_table_names())
    if not tables:
        return
    ours = {table.name for table in Base.metadata.sorted_tables}
    if "alembic_version" not in tables or not ours <= tables:
        raise TargetNotEmpty()
    for table in Base.metadata.sorted_tables:
        if conn.execute(select(table).limit(1)).first() is not None:
            raise TargetNotEmpty()


def _chunks(rows: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def copy_archive(
    source: Connection,
    target: Connection,
    *,
    person: str,
    file_path: Callable[[str], Path] | None = None,
) -> Moved:
    """Copy every mapped table from *source* (SQLite) to *target* (PostgreSQL, at head, empty).

    With *file_path* (the source archive's `Archive.file_path`), the files its
    rows name go into the server's file store too. Runs in *target*'s
    transaction; raises CountMismatch when a count differs afterwards, so
    that the caller's rollback leaves the database empty.
    """
    rows: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        found = [dict(r._mapping) for r in source.execute(select(table))]
        if table.name == ReadingState.__tablename__:
            for row in found:
                if row["person"] == "":
                    row["person"] = person
        for chunk in _chunks(found):
            target.execute(table.insert(), list(chunk))
        rows[table.name] = len(found)
        _continue_serial(target, table)
    missing = 0
    if file_path is not None:
        files, missing = _sound_files(filestore.named_files(source), file_path)
        filestore.keep(target, files)
        rows[StoredFile.__tablename__] += len(files)
    for table in Base.metadata.sorted_tables:
        there = int(target.execute(select(func.count()).select_from(table)).scalar() or 0)
        if there != rows[table.name]:
            raise CountMismatch(table.name, rows[table.name], there)
    # Each notice's Standing is copied with it; reckoned again here, as every
    # writer of notices does, so the server holds what its own rows say.
    validitystore.refresh_all(target)
    pgindex.rebuild(target)
    return Moved(rows, missing)


def _sound_files(shas: set[str], file_path: Callable[[str], Path]) -> tuple[dict[str, Path], int]:
    """The files of *shas* the folder has whole (sha256 → path), and how many it has not."""
    sound = {sha: file_path(sha) for sha in sorted(shas) if filestore.holds(file_path(sha), sha)}
    return sound, len(shas) - len(sound)


def _continue_serial(target: Connection, table: Any) -> None:
    """Let the table's serial id go on from the highest one copied."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or not isinstance(keys[0].type, Integer) or keys[0].autoincrement is False:
        return
    sequence = target.execute(
        text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": keys[0].name}
    ).scalar()
    if sequence is None:
        return
    highest = target.execute(select(func.max(keys[0]))).scalar()
    if highest is not None:
        target.execute(text("SELECT setval(:s, :v)"), {"s": sequence, "v": int(highest)})
