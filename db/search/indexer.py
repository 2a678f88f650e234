"""Keeping the index up to date: after each import, on a rebuild, and when a migration fills it.

The FTS tables are contentless: deleting a row needs the very values it was
indexed with, and when the importer calls `update_index` the notice row
already holds the new text (contentless_delete needs SQLite 3.43). So
``search_text`` keeps them, once: the short columns as indexed, the body as
plain text (compressed) and folded. The plain text is also what snippets are cut from,
so no search strips Markdown. After an import the
touched FTS tables are merged back into few b-trees (`_tidy`): a query reads
every segment, and the 17 segments a 100,000-notice import leaves make each
query ~2.5× slower.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session, SessionTransaction

from db.folding import nfc
from db.search import pgindex
from db.search.schema import (
    DROP,
    FTS_TABLES,
    GAP,
    SCHEMA,
    START,
    clamp_ts,
    marks,
    published_ts,
)
from db.search.text import (
    body_text,
    deflate,
    exact_columns,
    fold_text,
    number_column,
    opt_fold,
    words,
)
from db.types import inflated

__all__ = ["fill_index", "rebuild_index", "update_index"]

CHUNK = 500
#: Least merging work (in 4 KB pages) a small import does on each FTS table.
MERGE_PAGES = 256

_NOTICE_COLUMNS = (
    "id, title, number, summary, body_markdown, issuer, doc_type, category_id, published"
)


class _Allocator:
    """Places the notices of an import between those already indexed.

    Rowids run newest first, GAP apart when the index is filled. The notices
    come newest first, so each takes a rowid above the one before. A notice
    goes between its neighbours: after the notices published later, and
    before those published earlier or in the same second (of two notices of
    one second, the one indexed later comes first). All the import's notices
    between the same two neighbours share the room evenly, at most GAP
    apart, whichever chunk they come in, so that a later import has room
    there too. When none is left, the whole index is spaced again
    (`_respace`), and the import goes on.
    """

    def __init__(self, conn: Connection, fresh: bool) -> None:
        self._conn = conn
        self._db: Any = conn.connection.driver_connection
        self._fresh = fresh
        self._last: int | None = None  # the rowid given last
        self._last_id: str | None = None  # and its notice
        # Notices still to place before each indexed one, by its publication second.
        self._left: dict[int, int] = {}

    def place(self, stamps: Sequence[int], ids: Sequence[str]) -> list[int]:
        """Rowids, ascending, for a chunk of notices *ids* published at *stamps*
        (newest first, as `_newest_first` gives them)."""
        if self._fresh:
            first = START if self._last is None else self._last + GAP
            rowids = [first + GAP * i for i in range(len(stamps))]
        else:
            placed = self._between(stamps)
            if placed is None:
                # Room before each indexed notice for all of the import's
                # notices still to come there, however many.
                _respace(self._conn, self._room())
                placed = self._between(stamps)
            if placed is None:  # pragma: no cover - `_room` made room for them all
                raise ValueError("no room in the index after spacing it again")
            rowids = placed
        if rowids:
            self._last = rowids[-1]
            self._last_id = ids[-1]
        return rowids

    def _nexts(self, stamps: Iterable[int]) -> dict[int, int | None]:
        """For each publication second, the first notice indexed before this
        import that is older or of the same second, past the notices this
        import placed already (found by id: spacing the index again moves
        them); None past the oldest. Every notice of a first import, which
        come newest first, asks no more than that."""
        db = self._db
        oldest, newest, first = db.execute(
            "SELECT min(ts), max(ts), min(rowid) FROM search_key"
        ).fetchone()
        floor = None
        if self._last_id is not None:
            floor = db.execute(
                "SELECT min(rowid) FROM search_key WHERE rowid > "
                "(SELECT rowid FROM search_key WHERE notice_id = ?)",
                (self._last_id,),
            ).fetchone()[0]
            if floor is None:
                oldest = None  # every notice indexed comes before the rest
        nexts: dict[int, int | None] = {}
        for ts in stamps:
            if ts in nexts:
                continue
            if oldest is None or ts < oldest:
                after = None
            elif ts >= newest:
                after = first
            else:
                after = db.execute(
                    "SELECT min(rowid) FROM search_key "
                    "WHERE ts = (SELECT max(ts) FROM search_key WHERE ts <= ?)",
                    (ts,),
                ).fetchone()[0]
            if after is not None and floor is not None:
                after = max(after, floor)
            nexts[ts] = after
        return nexts

    def _between(self, stamps: Sequence[int]) -> list[int] | None:
        nexts = self._nexts(stamps)
        # What is left to place in each gap, kept only if the whole chunk fits:
        # after spacing the index again the chunk is placed from the start.
        left: dict[int, int] = {}
        rowids: list[int] = []
        start = 0
        while start < len(stamps):
            after = nexts[stamps[start]]
            end = start
            while end < len(stamps) and nexts[stamps[end]] == after:
                end += 1
            run = self._run(end - start, after, rowids[-1] if rowids else None, left)
            if run is None:
                return None
            rowids.extend(run)
            start = end
        self._left.update(left)
        return rowids

    def _run(
        self, count: int, after: int | None, last: int | None, left: dict[int, int]
    ) -> list[int] | None:
        """*count* rowids below *after* (None: the end), above *last* and the
        notices before it; *left* gets what is left to place before *after*."""
        indexed = self._db.execute(
            "SELECT max(rowid) FROM search_key" + (" WHERE rowid < ?" if after is not None else ""),
            () if after is None else (after,),
        ).fetchone()[0]
        before = indexed if last is None else last if indexed is None else max(indexed, last)
        if after is None:
            first = START if before is None else before + GAP
            return [first + GAP * i for i in range(count)]
        ts = self._ts(after)
        still = left.get(ts)
        if still is None:
            still = self._still_to_place(ts, indexed)
        if before is None:
            if after - GAP * still < 1:
                return None  # rowids stay positive
            rowids = [after - GAP * (still - i) for i in range(count)]
        else:
            step = min(GAP, (after - before) // (still + 1))
            if step < 1:
                return None
            rowids = [before + step * (i + 1) for i in range(count)]
        left[ts] = still - count
        return rowids

    def _still_to_place(self, ts: int, before: int | None) -> int:
        """The import's notices between the indexed *before* and the first
        indexed notice of second *ts*, this run's and later chunks'."""
        if ts not in self._left:
            # The first time: the import's notices between them are counted
            # where `_newest_first` sorted them (-ts, as it keeps it).
            sql = f"SELECT count(*) FROM {_ORDER} WHERE ts <= ?"
            params: tuple[int, ...] = (-ts,)
            if before is not None:
                sql += " AND ts > ?"
                params += (-self._ts(before),)
            self._left[ts] = self._db.execute(sql, params).fetchone()[0]
        return int(self._left[ts])

    def _room(self) -> dict[int, int]:
        """Rowid of each indexed notice → how many of the import's notices,
        not placed yet, go just before it."""
        pending = self._db.execute(
            f"SELECT -o.ts, count(*) FROM {_ORDER} AS o WHERE NOT EXISTS "
            "(SELECT 1 FROM search_key AS k WHERE k.notice_id = o.id) GROUP BY o.ts"
        ).fetchall()
        nexts = self._nexts(ts for ts, _n in pending)
        room: dict[int, int] = {}
        for ts, n in pending:
            after = nexts[ts]
            if after is not None:
                room[after] = room.get(after, 0) + n
        return room

    def _ts(self, rowid: int) -> int:
        return int(
            self._db.execute("SELECT ts FROM search_key WHERE rowid = ?", (rowid,)).fetchone()[0]
        )


def _respace(conn: Connection, room: dict[int, int]) -> None:
    """Give every indexed notice its rowid again, in the same order, GAP apart
    from START, and GAP times *room*'s count more before the notices it names.

    The FTS tables cannot change a row's rowid: they are emptied and filled
    again from ``search_text``, which holds each row as it was indexed.
    """
    db: Any = conn.connection.driver_connection
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS search_respace (old INTEGER PRIMARY KEY, new INTEGER)"
    )
    db.execute("DELETE FROM temp.search_respace")
    moved: list[tuple[int, int]] = []
    slot = 0
    for (old,) in db.execute("SELECT rowid FROM search_key ORDER BY rowid").fetchall():
        slot += room.get(old, 0)
        moved.append((old, START + GAP * slot))
        slot += 1
    db.executemany("INSERT INTO temp.search_respace (old, new) VALUES (?, ?)", moved)
    # Written again in the new order, not moved row by row: moved, the rows
    # leave their pages half empty.
    for table, columns in (
        ("search_key", "notice_id, category_id, doc_type_f, issuer_f, ts"),
        ("search_text", "title, title_exact, number, meta, exact, plain_z, folded"),
    ):
        db.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {table}_moved AS SELECT 0 AS new, {columns} "
            f"FROM {table} WHERE 0"
        )
        db.execute(f"DELETE FROM temp.{table}_moved")
        db.execute(
            f"INSERT INTO temp.{table}_moved SELECT m.new, {columns} FROM {table} AS t "
            "JOIN temp.search_respace AS m ON m.old = t.rowid"
        )
        db.execute(f"DELETE FROM {table}")
        db.execute(
            f"INSERT INTO {table} (rowid, {columns}) "
            f"SELECT new, {columns} FROM temp.{table}_moved ORDER BY new"
        )
        # Emptied, not dropped: the import's own temporary table is being read.
        db.execute(f"DELETE FROM temp.{table}_moved")
    db.execute("DELETE FROM temp.search_respace")
    for table in FTS_TABLES:
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    rows = db.execute(
        "SELECT rowid, title, number, folded, meta, exact, title_exact "
        "FROM search_text ORDER BY rowid"
    )
    while batch := rows.fetchmany(CHUNK):
        db.executemany(
            "INSERT INTO search_main (rowid, title, number, body, meta, exact) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [r[:6] for r in batch],
        )
        db.executemany(
            "INSERT INTO search_title (rowid, title, exact) VALUES (?, ?, ?)",
            [(r[0], r[1], r[6]) for r in batch],
        )
        db.executemany(
            "INSERT INTO search_number (rowid, number) VALUES (?, ?)",
            [(r[0], r[2]) for r in batch if r[2]],
        )
    # Filled anew: one b-tree each, as after a first import.
    for table in FTS_TABLES:
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    _give_back(conn)


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _remove(conn: Connection, ids: Sequence[str]) -> None:
    for chunk in _chunks(ids):
        rows = conn.exec_driver_sql(
            "SELECT k.rowid, t.title, t.title_exact, t.number, t.meta, t.exact, t.folded "
            "FROM search_key AS k LEFT JOIN search_text AS t ON t.rowid = k.rowid "
            f"WHERE k.notice_id IN ({marks(len(chunk))})",
            tuple(chunk),
        ).fetchall()
        if not rows:
            continue
        texts = [r for r in rows if r[1] is not None]
        _forget(conn, texts)
        rowids = [(r[0],) for r in rows]
        conn.exec_driver_sql("DELETE FROM search_text WHERE rowid = ?", rowids)
        conn.exec_driver_sql("DELETE FROM search_key WHERE rowid = ?", rowids)


def _forget(conn: Connection, texts: Sequence[Sequence[Any]]) -> None:
    """Take rows out of the contentless FTS tables, given what they were indexed with."""
    if not texts:
        return
    mains = [(r[0], r[1], r[3], r[6], r[4], r[5]) for r in texts]
    conn.exec_driver_sql(
        "INSERT INTO search_main (search_main, rowid, title, number, body, meta, exact) "
        "VALUES ('delete', ?, ?, ?, ?, ?, ?)",
        mains,
    )
    conn.exec_driver_sql(
        "INSERT INTO search_title (search_title, rowid, title, exact) VALUES ('delete', ?, ?, ?)",
        [(r[0], r[1], r[2]) for r in texts],
    )
    numbers = [(r[0], r[3]) for r in texts if r[3]]
    if numbers:
        conn.exec_driver_sql(
            "INSERT INTO search_number (search_number, rowid, number) VALUES ('delete', ?, ?)",
            numbers,
        )


# The unary + keeps SQLite on the primary key: through the listing index it
# walked every visible notice for each chunk (~134 ms per chunk at 100,000
# notices, a third of a full import).
_VISIBLE_IN = "AND +withdrawn = 0 AND +has_content = 1"


def _newest_first(conn: Connection, ids: Sequence[str]) -> Iterator[list[str]]:
    """The visible notices among *ids*, newest first (ties by id, last first), CHUNK at a time.

    SQLite sorts them, in a temporary table (on disk past its cache): as a
    Python list they were ~180 bytes a notice, held through the whole
    indexing of an import. The caller drops the table (`_ORDER_DROP`).
    """
    db: Any = conn.connection.driver_connection
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_ORDER} (ts INTEGER NOT NULL, id TEXT NOT NULL)")
    db.execute(f"CREATE INDEX IF NOT EXISTS {_ORDER}_ts ON {_ORDER_TABLE} (ts)")
    db.execute(f"DELETE FROM {_ORDER}")
    for chunk in _chunks(ids):
        rows = conn.exec_driver_sql(
            f"SELECT id, published FROM notice WHERE id IN ({marks(len(chunk))}) " + _VISIBLE_IN,
            tuple(chunk),
        )
        db.executemany(
            f"INSERT INTO {_ORDER} (ts, id) VALUES (?, ?)",
            [(_order_key(published), nid) for nid, published in rows],
        )
    # The same order as `_in_order`: ids compare by code point, and SQLite's
    # BINARY collation compares UTF-8 bytes, which agree. Of one second, the
    # notice indexed later (the greater id) comes first, as in an index
    # filled one import at a time.
    ordered = db.execute(f"SELECT id FROM {_ORDER} ORDER BY ts, id DESC")
    while batch := ordered.fetchmany(CHUNK):
        yield [nid for (nid,) in batch]


def _order_key(published: object) -> int:
    """-ts as the index keeps it (`clamp_ts`)."""
    return -clamp_ts(published_ts(published))


def _in_order(rows: Iterable[Any]) -> list[Any]:
    """Notice rows (id first, published last) in `_newest_first`'s order."""
    ordered = sorted(rows, key=lambda r: r[0], reverse=True)
    ordered.sort(key=lambda r: _order_key(r[-1]))
    return ordered


_ORDER_TABLE = "index_order"
_ORDER = f"temp.{_ORDER_TABLE}"
_ORDER_DROP = f"DROP TABLE IF EXISTS {_ORDER}"


def _add(conn: Connection, ids: Sequence[str], *, fresh: bool = False) -> int:
    """Index the visible notices among *ids*.

    FTS5 takes rows in ascending rowid order cheaply; a smaller rowid than the
    last one makes it flush its pending terms to a new segment, and a row at a
    time that was a third of a 100,000-notice import. So the notices go in
    newest first (ascending rowids), and each chunk's rows sorted by rowid.
    """
    alloc = _Allocator(conn, fresh)
    added = 0
    for chunk in _newest_first(conn, ids):
        rows = _in_order(
            conn.exec_driver_sql(
                f"SELECT {_NOTICE_COLUMNS} FROM notice WHERE id IN ({marks(len(chunk))}) "
                + _VISIBLE_IN,
                tuple(chunk),
            ).fetchall()
        )
        stamps = [clamp_ts(published_ts(r[8])) for r in rows]
        rowids = alloc.place(stamps, [r[0] for r in rows])
        keys, mains, titles, numbers, texts = [], [], [], [], []
        vocabulary: set[str] = set()
        for rowid, ts, row in zip(rowids, stamps, rows, strict=True):
            nid, title, number, summary, body, issuer, doc_type, category_id, _published = row
            text = body_text(summary, inflated(body))  # stored compressed (db.types)
            title_f = fold_text(nfc(title or ""))
            number_c = number_column(number)
            meta = fold_text(nfc(f"{issuer or ''} {doc_type or ''}"))
            title_exact, exact = exact_columns(title, number, text, issuer, doc_type)
            keys.append((rowid, nid, category_id, opt_fold(doc_type), opt_fold(issuer), ts))
            folded = fold_text(text)
            mains.append((rowid, title_f, number_c, folded, meta, exact))
            titles.append((rowid, title_f, title_exact))
            texts.append(
                (rowid, title_f, title_exact, number_c, meta, exact, deflate(text), folded)
            )
            if number_c:
                numbers.append((rowid, number_c))
            for column in (title_f, number_c, folded, meta):
                vocabulary.update(words(column))
            vocabulary.update(exact.split())  # words joined by spaces
        if keys:
            conn.exec_driver_sql(
                "INSERT INTO search_key (rowid, notice_id, category_id, doc_type_f, issuer_f, ts) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                keys,
            )
            conn.exec_driver_sql(
                "INSERT INTO search_text "
                "(rowid, title, title_exact, number, meta, exact, plain_z, folded) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                texts,
            )
            conn.exec_driver_sql(
                "INSERT INTO search_main (rowid, title, number, body, meta, exact) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                mains,
            )
            conn.exec_driver_sql(
                "INSERT INTO search_title (rowid, title, exact) VALUES (?, ?, ?)", titles
            )
            if numbers:
                conn.exec_driver_sql(
                    "INSERT INTO search_number (rowid, number) VALUES (?, ?)", numbers
                )
            # Terms are never removed: a stale one only adds an OR branch that
            # matches nothing.
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO search_term (term) VALUES (?)",
                [(t,) for t in sorted(vocabulary)],
            )
        added += len(keys)
    conn.connection.driver_connection.execute(_ORDER_DROP)  # type: ignore[union-attr]
    return added


def start_fill(session: Session) -> pgindex.Filler | None:
    """On PostgreSQL, before an import writes its notices into an empty index:
    a `db.search.pgindex.Filler` that indexes them as they are written, to
    hand to `update_index`. None on SQLite, or when the index holds rows."""
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        return None
    filler = pgindex.start_fill(conn)
    if filler is not None:
        # Its connection and thread end with the transaction, whatever ends it.
        def ended(_session: Session, transaction: SessionTransaction) -> None:
            if transaction.parent is None:
                filler.abandon()

        event.listen(session, "after_transaction_end", ended)
    return filler


def update_index(
    session: Session,
    changed_ids: Sequence[str],
    removed_ids: Sequence[str],
    filler: pgindex.Filler | None = None,
) -> None:
    """Bring the index up to date for notices an import just wrote.

    Runs in the caller's transaction, after the notices are written. Changed
    notices are indexed again; removed ones, and any changed one that is
    withdrawn or has no content, leave the index.

    A PostgreSQL archive keeps its own index (`db.search.pgindex`); *filler*
    (`start_fill`) has indexed the notices as they were written.
    """
    session.flush()
    conn = session.connection()
    if filler is not None:
        filler.finish(changed_ids, removed_ids)
        pgindex.swap_at_commit(session, filler)
        return
    if conn.dialect.name == "postgresql":
        if pgindex.update(conn, changed_ids, removed_ids):
            pgindex.swap_at_commit(session)
        return
    changed = list(dict.fromkeys(changed_ids))
    touched = list(dict.fromkeys([*changed, *removed_ids]))
    if not touched:
        return
    _remove(conn, touched)
    _add(conn, changed)
    _tidy(conn, len(touched))


def _tidy(conn: Connection, touched: int) -> None:
    """Merge the FTS tables' segments after an import touched *touched* notices.

    Every query reads every segment of the tables it uses, so the many small
    segments an import leaves slow each search down. When the import changed
    a tenth of the index or more, the whole of each table is merged into one
    b-tree ('optimize': ~9 s for the bodies of 100,000 notices, ~1 s for
    their titles). A smaller import writes at most MERGE_PAGES + *touched*
    pages of merged segments ('merge' with a negative count merges across
    levels), so a delta costs about its size, not the archive's, and the
    tables stay at one or two segments however many small imports come.
    """
    total = conn.exec_driver_sql("SELECT count(*) FROM search_key").scalar() or 0
    for table in FTS_TABLES:
        if touched * 10 >= total:
            conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        else:
            conn.exec_driver_sql(
                f"INSERT INTO {table} ({table}, rank) VALUES ('merge', ?)",
                (-(MERGE_PAGES + touched),),
            )
    if touched * 10 >= total:
        _give_back(conn)


def fill_index(conn: Connection) -> int:
    """Index every visible notice into the empty index tables; returns how many."""
    ids = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT id FROM notice WHERE withdrawn = 0 AND has_content = 1"
        )
    ]
    added = _add(conn, ids, fresh=True)
    # One b-tree per index instead of many segments: fewer seeks per query.
    for table in FTS_TABLES:
        conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    _give_back(conn)
    return added


def _give_back(conn: Connection) -> None:
    """Hand the pages an 'optimize' freed (the old segments) back to the file system.

    They were 4% of a new archive of 10,000 notices, kept empty in the file.
    Only an archive made with incremental vacuum (`db.archive`) can shrink;
    an older one keeps them for its next import to fill. A small import's
    merge frees a few pages, which the next import fills: it gives none back.
    """
    db: Any = conn.connection.driver_connection
    if db.execute("PRAGMA auto_vacuum").fetchone()[0] != _INCREMENTAL:
        return
    # Each step of the pragma frees one page, and Python's sqlite3 takes a
    # single step of a statement that returns no columns.
    for _ in range(db.execute("PRAGMA freelist_count").fetchone()[0]):
        db.execute("PRAGMA incremental_vacuum")


#: ``PRAGMA auto_vacuum``'s answer for incremental vacuum.
_INCREMENTAL = 2


def rebuild_index(session: Session) -> int:
    """Drop and rebuild the whole index (`bangtin reindex`); returns notices indexed."""
    session.flush()
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        count = pgindex.rebuild(conn, swap=False)
        pgindex.swap_at_commit(session)
        return count
    # Dropping is much faster than deleting: an FTS5 delete re-tokenizes the row.
    for stmt in (*DROP, *SCHEMA):
        conn.exec_driver_sql(stmt)
    return fill_index(conn)
