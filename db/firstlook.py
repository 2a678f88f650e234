"""The window's first screen read with the standard library, before SQLAlchemy is loaded.

Loading SQLAlchemy, the models and their mappers costs a window start far
more than the counts and the first page of the list themselves. So the
window's database thread first reads those through `sqlite3` (`first_look`),
and opens the archive the usual way (`db.archive.open_archive`) only after
they are shown. The statements are the ones `db.counts.counts`,
`db.queries.latest_notices`, `count_notices`, `notice_ids`, `summaries` and
`db.provenance.last_import` send (the read marks joined in the order
written: `_OPENED`), and the rows are made into the same records
(tests/unit/test_firstlook.py holds them to those).

Only an archive that the usual open would read as it is, without a full
check, is looked at: a file archive in WAL mode at the newest revision,
larger than `THOROUGH_CHECK_BYTES` (a smaller one is checked in full at
open) and as long as its header says. Anything else, or any SQLite error,
gives None, and the usual open says what is wrong. The file is opened
read-only: nothing is written, and a -wal left by an unclean exit stays
for the usual open to see.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from db import folders
from db.common import from_seconds
from db.folders import DB_NAME, SQLITE_MAGIC, header_length, may_write, wal_missing
from db.folding import strip_bidi
from db.migrations import HEAD_REVISION
from db.standing import Standing, stored_status, today
from db.summaries import ImportLogEntry, NoticeSummary
from db.tree import Counts, tally

#: The file format bytes of a database in WAL mode (offsets 18 and 19 of its header).
WAL_FORMAT = b"\x02\x02"
#: How long a read waits for a lock (a checkpoint) before the look is given up.
BUSY_TIMEOUT_S = 0.5

_COUNTED = "SELECT notice_count.category_id, notice_count.visible FROM notice_count"
#: `db.counts`' read marks by category, but walked from the person's marks: SQLite
#: starts a plain JOIN from `notice`, a look-up in `reading_state` for each of the
#: 100,000 notices (17 ms, however few were read); CROSS JOIN keeps the order written
#: (about as fast when nearly everything was read, much faster otherwise).
_OPENED = (
    "SELECT notice.category_id, count(reading_state.first_opened),"
    " sum(CAST(reading_state.bookmarked AS INTEGER)),"
    " sum(CAST(reading_state.bookmarked IS 1 AND reading_state.first_opened IS NULL AS INTEGER))"
    " FROM reading_state CROSS JOIN notice ON notice.id = reading_state.notice_id"
    " WHERE reading_state.person = ? AND notice.withdrawn IS 0 AND notice.has_content IS 1"
    " GROUP BY notice.category_id"
)
_CATEGORIES = (
    "SELECT category.id, category.path, category.name, category.parent_id, category.position"
    " FROM category"
)
_VISIBLE_COUNT = (
    "SELECT count(*) FROM (SELECT notice.id AS id FROM notice"
    " WHERE notice.withdrawn IS 0 AND notice.has_content IS 1)"
)
_NEWEST_IDS = (
    "SELECT notice.id FROM notice WHERE notice.withdrawn IS 0 AND notice.has_content IS 1"
    " ORDER BY notice.published DESC, notice.id DESC LIMIT ? OFFSET 0"
)
_SUMMARIES = (
    "SELECT notice.id, notice.title, notice.number, notice.published, category.path,"
    " notice.withdrawn, reading_state.first_opened, reading_state.bookmarked, notice.urgency,"
    " notice.effective, notice.expires, notice.ended_on, notice.partly_on, notice.legal"
    " FROM notice JOIN category ON category.id = notice.category_id"
    " LEFT OUTER JOIN reading_state"
    " ON reading_state.notice_id = notice.id AND reading_state.person = ?"
    " WHERE notice.id IN ({marks}) AND notice.has_content IS 1"
)
_IMPORTS = (
    "SELECT bundle_id, publisher_id, sequence, kind, imported_at, added, updated, withdrawn,"
    " unchanged, outcome, reason, manifest_sha256 FROM import_log ORDER BY id DESC LIMIT 20"
)
_PUBLISHER = "SELECT name FROM publisher WHERE id = ?"


@dataclass(frozen=True)
class FirstLook:
    """The counts, "Tin mới nhất", the last import, and the newest page of the whole list."""

    counts: Counts
    latest: tuple[NoticeSummary, ...]
    last_import: ImportLogEntry | None
    publisher_name: str | None
    #: How many notices the whole list holds, and its first *page* rows, newest first.
    total: int
    rows: tuple[NoticeSummary, ...]


def first_look(
    data_dir: Path, *, as_of: date | None, latest: int, page: int, person: str = ""
) -> FirstLook | None:
    """The first screen of the archive in *data_dir*; or None.

    The list's statuses are as of *as_of* (the archive's day, `Archive.as_of`;
    None: today), "Tin mới nhất"'s as of today, as `db.queries` reckons them.
    *latest*: how many notices "Tin mới nhất" shows; *page*: how many rows of
    the list. None when the archive is not one this may read (module docstring).
    """
    db_path = Path(data_dir) / DB_NAME
    if not _plainly_readable(Path(data_dir), db_path):
        return None
    try:
        # Read-only: a connection that may write checkpoints the -wal into the
        # file when it closes, and the usual open would no longer see that the
        # last program did not close (it checks such an archive in full).
        conn = sqlite3.connect(
            f"{db_path.resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN DEFERRED")
        try:
            return _read(conn, as_of=as_of, latest=latest, page=page, person=person)
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _plainly_readable(data_dir: Path, db_path: Path) -> bool:
    """Whether the usual open would read this file as it is, checking only its length."""
    try:
        size = db_path.stat().st_size
        with db_path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    if (
        size <= folders.THOROUGH_CHECK_BYTES
        or header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC
        or header[18:20] != WAL_FORMAT
    ):
        return False
    if not may_write(data_dir) or wal_missing(data_dir):
        return False
    expected = header_length(db_path)
    return expected is not None and size >= expected


def _read(
    conn: sqlite3.Connection, *, as_of: date | None, latest: int, page: int, person: str
) -> FirstLook | None:
    version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if version != [(HEAD_REVISION,)]:
        return None
    counts = _counts(conn, person)
    newest = [nid for (nid,) in conn.execute(_NEWEST_IDS, (max(latest, page),))]
    # A subset of ids gives the same rows in the same order (`summaries` keeps
    # the ids' order and skips the same ones), so one read serves both.
    now = today()
    rows = _summaries(conn, newest, as_of or now, person)
    shown_page = set(newest[:page])
    if as_of is None or as_of == now:
        shown_latest = set(newest[:latest])
        latest_rows = tuple(row for row in rows if row.id in shown_latest)
    else:
        latest_rows = tuple(_summaries(conn, newest[:latest], now, person))
    (total,) = conn.execute(_VISIBLE_COUNT).fetchone()
    entries = (_import_entry(row) for row in conn.execute(_IMPORTS))
    last = next((entry for entry in entries if entry.outcome == "imported"), None)
    name = None
    if last is not None:
        found = conn.execute(_PUBLISHER, (last.publisher_id,)).fetchone()
        name = found[0] if found is not None else None
    return FirstLook(
        counts=counts,
        latest=latest_rows,
        last_import=last,
        publisher_name=name,
        total=int(total or 0),
        rows=tuple(row for row in rows if row.id in shown_page),
    )


def _counts(conn: sqlite3.Connection, person: str) -> Counts:
    """`db.counts.counts`, read through *conn*."""
    direct = {int(cid): int(n) for cid, n in conn.execute(_COUNTED)}
    return tally(direct, conn.execute(_OPENED, (person,)), conn.execute(_CATEGORIES).fetchall())


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _summaries(
    conn: sqlite3.Connection, ids: list[str], as_of: date, person: str
) -> list[NoticeSummary]:
    """`db.queries.summaries` of *ids*, read through *conn*."""
    found: dict[str, NoticeSummary] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        statement = _SUMMARIES.format(marks=", ".join("?" * len(chunk)))
        for row in conn.execute(statement, (person, *chunk)):
            nid, title, number, published, path, withdrawn, opened, bookmarked, urgency = row[:9]
            effective, expires, ended_on, partly_on, legal = row[9:]
            standing = Standing(_day(ended_on), _day(partly_on), bool(legal))
            found[nid] = NoticeSummary(
                id=nid,
                title=strip_bidi(title),
                number=None if number is None else strip_bidi(number),
                published=from_seconds(published),
                category=path,
                withdrawn=bool(withdrawn),
                read=opened is not None,
                bookmarked=bool(bookmarked),
                status=stored_status(_day(effective), _day(expires), standing, as_of),
                urgency=urgency,
            )
    return [found[i] for i in ids if i in found]


def _import_entry(row: Any) -> ImportLogEntry:
    bundle_id, publisher_id, sequence, kind, imported_at, *rest = row
    added, updated, withdrawn, unchanged, outcome, reason, manifest_sha256 = rest
    return ImportLogEntry(
        bundle_id=bundle_id,
        publisher_id=publisher_id,
        sequence=sequence,
        kind=kind,
        imported_at=from_seconds(imported_at),
        added=added,
        updated=updated,
        withdrawn=withdrawn,
        unchanged=unchanged,
        outcome=outcome,
        reason=reason,
        manifest_sha256=manifest_sha256,
    )
