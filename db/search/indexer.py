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
from db.search.schema import DROP, FTS_TABLES, SCHEMA, SHIFT, block, marks, published_ts
from db.search.text import (
    body_text,
    deflate,
    exact_columns,
    fold_text,
    number_column,
    opt_fold,
    words,
)

__all__ = ["fill_index", "rebuild_index", "update_index"]

CHUNK = 500
#: Least merging work (in 4 KB pages) a small import does on each FTS table.
MERGE_PAGES = 256

_NOTICE_COLUMNS = (
    "id, title, number, summary, body_markdown, issuer, doc_type, category_id, published"
)


class _Allocator:
    """Hands out free rowids inside each publication second's block.

    From the top of the block down: of two notices published in the same
    second, the one indexed later comes first, as if it were newer. The
    lowest rowid already taken in each block is read once per chunk, for
    every second the chunk touches, in one query (`prime`).
    """

    def __init__(self, conn: Connection, fresh: bool) -> None:
        self._db = conn.connection.driver_connection
        self._fresh = fresh
        self._next: dict[int, int] = {}

    def prime(self, stamps: Sequence[int]) -> None:
        """Look up the blocks of the seconds *stamps* not looked up yet.

        The notices come newest first, so the blocks only go up: those below
        this chunk's are done, and are forgotten (one a notice, otherwise,
        held to the end of the import).
        """
        bases = {block(ts) for ts in stamps}
        if bases:
            lowest = min(bases)
            for done in [b for b in self._next if b < lowest]:
                del self._next[done]
        bases -= self._next.keys()
        if not bases:
            return
        for base in bases:
            self._next[base] = base + (1 << SHIFT) - 1
        if self._fresh:
            return
        low, high = min(bases), max(bases) + (1 << SHIFT)
        for base, taken in self._db.execute(  # type: ignore[union-attr]
            f"SELECT rowid >> {SHIFT} << {SHIFT}, min(rowid) FROM search_key "
            f"WHERE rowid >= ? AND rowid < ? GROUP BY rowid >> {SHIFT}",
            (low, high),
        ):
            if base in bases:
                self._next[base] = min(self._next[base], int(taken) - 1)

    def take(self, ts: int) -> int:
        base = block(ts)
        if base not in self._next:
            self.prime([ts])
        nxt = self._next[base]
        if nxt < base:
            raise ValueError(f"more than {1 << SHIFT} notices published in one second")
        self._next[base] = nxt - 1
        return nxt


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
    """The visible notices among *ids*, newest first (ties by id), CHUNK at a time.

    SQLite sorts them, in a temporary table (on disk past its cache): as a
    Python list they were ~180 bytes a notice, held through the whole
    indexing of an import. The caller drops the table (`_ORDER_DROP`).
    """
    db: Any = conn.connection.driver_connection
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_ORDER} (ts INTEGER NOT NULL, id TEXT NOT NULL)")
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
    # The same order as Python's sort of (-ts, id): ids compare by code
    # point, and SQLite's BINARY collation compares UTF-8 bytes, which agree.
    ordered = db.execute(f"SELECT id FROM {_ORDER} ORDER BY ts, id")
    while batch := ordered.fetchmany(CHUNK):
        yield [nid for (nid,) in batch]


def _order_key(published: object) -> int:
    """-published_ts, within SQLite's integers (only a damaged row lies beyond)."""
    return min(max(-published_ts(published), -(2**63)), 2**63 - 1)


_ORDER = "temp.index_order"
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
        rows = sorted(
            conn.exec_driver_sql(
                f"SELECT {_NOTICE_COLUMNS} FROM notice WHERE id IN ({marks(len(chunk))}) "
                + _VISIBLE_IN,
                tuple(chunk),
            ),
            key=lambda r: (-published_ts(r[8]), r[0]),
        )
        alloc.prime([published_ts(r[8]) for r in rows])
        keys, mains, titles, numbers, texts = [], [], [], [], []
        vocabulary: set[str] = set()
        for nid, title, number, summary, body, issuer, doc_type, category_id, published in rows:
            rowid = alloc.take(published_ts(published))
            text = body_text(summary, body)
            title_f = fold_text(nfc(title or ""))
            number_c = number_column(number)
            meta = fold_text(nfc(f"{issuer or ''} {doc_type or ''}"))
            title_exact, exact = exact_columns(title, number, text, issuer, doc_type)
            keys.append((rowid, nid, category_id, opt_fold(doc_type), opt_fold(issuer)))
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
        for table_rows in (keys, mains, titles, numbers, texts):
            table_rows.sort(key=lambda r: r[0])
        if keys:
            conn.exec_driver_sql(
                "INSERT INTO search_key (rowid, notice_id, category_id, doc_type_f, issuer_f) "
                "VALUES (?, ?, ?, ?, ?)",
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
