"""Keeping a PostgreSQL archive's search index up to date (`db.search.pgschema`).

The same text as SQLite's index (`db.search.indexer`), folded by the same
functions, in the import's own transaction: the notices a bundle changes or
withdraws leave ``search_doc`` (and the other tables under its keys)
and the visible ones come back in, under the
same newest-first keys. Rows go in a chunk at a time through ``unnest`` of
arrays, one statement for each chunk; the server makes the tsvectors. GIN
keeps its own pending list for fast inserts (``fastupdate``), merged by
autovacuum or when it fills: nothing to tidy as FTS5's segments are.

The first import into an empty index fills fresh tables beside the live
(empty) ones, builds their GIN indexes at once at the end, and swaps them in
by name: another PC's search reads the empty tables meanwhile, and waits
only for the swap, an instant before the import commits.
"""

from __future__ import annotations

import re
import select
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session

from db import dialect
from db.search import pgrows
from db.search.pgschema import DROP, SCHEMA, TRIGRAMS
from db.search.schema import SHIFT, block, published_ts

__all__ = ["Filler", "fill", "rebuild", "start_fill", "swap_at_commit", "update"]

CHUNK = 1000
#: The GIN indexes of `db.search.pgschema.SCHEMA`, built again after a bulk insert.
GIN_INDEXES = ("search_doc_title", "search_doc_number", "search_main_tsv")

#: Where an import into an empty index writes, before `_swap` gives them the live names.
FRESH = {
    "search_doc": "search_doc_fill",
    "search_main": "search_main_fill",
    "search_walk": "search_walk_fill",
    "search_field": "search_field_fill",
}
_LIVE = re.compile(r"\b(search_doc|search_main|search_walk|search_field)")
#: No other writer may add rows to the tables being replaced; readers go on
#: (SHARE blocks only writers).
_LOCK = f"LOCK TABLE {', '.join(FRESH)} IN SHARE MODE"

# One statement for the four tables: the rows' arrays are sent once, and
# each tsvector of everything is made once; ``search_walk`` takes it without
# its positions from the rows ``search_main`` returns. The words with
# diacritics join ``main_tsv`` all at one position, a word past the last
# folded one: a query only ever asks for one alone
# (`db.search.pgquery.exact_tsq`), never in a phrase, and parsing them was a
# fifth of the server's work on the tsvectors. (Without positions, a
# phrase's last word as a prefix, "kế hoạch so…", would find "soát" anywhere:
# PostgreSQL takes a word without positions as next to any other. Past a
# gap, none is next to a folded word, nor to another.)
_INSERT = (
    "WITH r AS (SELECT * FROM unnest(%b::bigint[], %b::text[], %b::int[], %b::text[], "
    "%b::text[], %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], "
    "%b::text[], %b::text[], %b::text[]) AS r(k, i, c, d, s, h, t, n, b, m, e, tw, nw, mw)), "
    "f AS (INSERT INTO search_field (rank_key, title_f, body_f, meta_f, exact) "
    "SELECT k, t, b, m, e FROM r), "
    "o AS (INSERT INTO search_doc (rank_key, notice_id, category_id, doc_type_f, issuer_f, "
    "number_head, number_f, title_tsv, number_tsv) "
    "SELECT k, i, c, d, s, h, n, to_tsvector('simple', tw), to_tsvector('simple', nw) FROM r), "
    "v AS (INSERT INTO search_main (rank_key, category_id, doc_type_f, issuer_f, main_tsv) "
    "SELECT k, c, d, s, to_tsvector('simple', mw) || CASE WHEN e = '' THEN ''::tsvector "
    "ELSE (replace(e, ' ', ':2 ') || ':2')::tsvector END FROM r RETURNING *) "
    "INSERT INTO search_walk (rank_key, category_id, doc_type_f, issuer_f, words) "
    "SELECT rank_key, category_id, doc_type_f, issuer_f, strip(main_tsv) FROM v"
)


def _fresh(sql: str) -> str:
    """*sql* about the live tables (and their indexes) made about the fresh ones."""
    return _LIVE.sub(lambda m: FRESH[m[1]], sql)


_DELETE = (
    "WITH gone AS (DELETE FROM search_doc WHERE notice_id = ANY(%s) RETURNING rank_key), "
    "m AS (DELETE FROM search_main WHERE rank_key IN (SELECT rank_key FROM gone)), "
    "w AS (DELETE FROM search_walk WHERE rank_key IN (SELECT rank_key FROM gone)) "
    "DELETE FROM search_field WHERE rank_key IN (SELECT rank_key FROM gone)"
)


def _raw(conn: Connection) -> Any:
    """The psycopg connection under *conn*, in its transaction."""
    return conn.connection.driver_connection


class _Allocator:
    """Free keys inside each publication second's block, from the top down
    (as `db.search.indexer` hands out SQLite's rowids).

    The lowest key each block already holds is asked for a chunk at a time
    (`prepare`): one query a row was a round trip each, most of an import.
    """

    def __init__(self, cur: Any, empty: bool, filling: bool = False) -> None:
        self._cur = cur
        self._empty = empty
        self._filling = filling
        self._next: dict[int, int] = {}

    def prepare(self, stamps: Iterable[int]) -> None:
        # Not a set of every block seen: that grew with the import, each chunk.
        bases = sorted({b for b in map(block, stamps) if b not in self._next})
        if not bases:
            return
        lows: dict[int, Any] = {}
        if not self._empty:
            sql = (
                "SELECT b, (SELECT min(rank_key) FROM search_doc "
                "WHERE rank_key >= b AND rank_key < b + %s) FROM unnest(%s::bigint[]) AS b"
            )
            self._cur.execute(_fresh(sql) if self._filling else sql, (1 << SHIFT, bases))
            lows = dict(self._cur.fetchall())
        for base in bases:
            low = lows.get(base)
            self._next[base] = base + (1 << SHIFT) - 1 if low is None else int(low) - 1

    def take(self, ts: int) -> int:
        base = block(ts)
        nxt = self._next[base]
        if nxt < base:
            raise ValueError(f"more than {1 << SHIFT} notices published in one second")
        self._next[base] = nxt - 1
        return nxt


def _visible(cur: Any, ids: Sequence[str], alloc: _Allocator) -> list[tuple[Any, ...]]:
    """The visible notices among *ids*, newest first (ties by id), their keys' blocks prepared.

    Their columns as `db.search.pgrows.columns` takes them.
    """
    cur.execute(
        "SELECT id, title, number, summary, body_markdown, issuer, doc_type, category_id, "
        "published FROM notice WHERE id = ANY(%s) AND NOT withdrawn AND has_content",
        (list(ids),),
    )
    rows: list[tuple[Any, ...]] = cur.fetchall()
    rows.sort(key=lambda r: (-published_ts(r[8]), r[0]))
    alloc.prepare(published_ts(r[8]) for r in rows)
    return rows


def _add(cur: Any, ids: Sequence[str], *, empty: bool = False, filling: bool = False) -> int:
    """Index the visible notices among *ids*, a chunk at a time.

    In a pipeline: each chunk's INSERT goes to the server without waiting
    (`_send`), and the next chunk is folded while the server makes its
    tsvectors. (Its notices are read first: reading waits for what was sent
    before.) *empty*: the index is, every key is free. *filling*: into the
    tables `_fill_fresh` made.
    """
    alloc = _Allocator(cur, empty, filling)
    chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
    insert = _fresh(_INSERT) if filling else _INSERT
    added = 0
    with cur.connection.pipeline():
        following = _visible(cur, chunks[0], alloc) if chunks else []
        for index in range(len(chunks)):
            rows = following
            columns, vocabulary = pgrows.columns(rows, alloc.take)
            following = _visible(cur, chunks[index + 1], alloc) if index + 1 < len(chunks) else []
            if rows:
                cur.execute(insert, columns)
                _insert_terms(cur, vocabulary)
                _send(cur.connection)
            added += len(rows)
    return added


def _insert_terms(cur: Any, vocabulary: set[str]) -> None:
    # Terms are never removed: a stale one only offers a spelling that
    # finds nothing, which is never suggested.
    cur.execute(
        "INSERT INTO search_term (term) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
        (sorted(vocabulary),),
    )


def _send(conn: Any) -> None:
    """Send all that the pipeline has queued, without waiting for its results.

    psycopg flushes once after queuing a statement: of an INSERT of several
    MB most stayed in libpq's buffer until the next statement, so the server
    made a chunk's tsvectors only when the next chunk's notices were asked
    for, and Python and the server never overlapped. As libpq asks of a
    non-blocking connection, input is read while the output waits.
    """
    pgconn = conn.pgconn
    while pgconn.flush():
        readable, _writable, _ = select.select([pgconn.socket], [pgconn.socket], [])
        if readable:
            pgconn.consume_input()


def update(conn: Connection, changed_ids: Sequence[str], removed_ids: Sequence[str]) -> bool:
    """`db.search.update_index` on PostgreSQL: in the caller's transaction.

    The first import into an empty index fills fresh tables and builds their
    GIN indexes at once (`_fill_fresh`): a GIN index built at once takes a
    fraction of the time of as many inserts. Returns True then: the caller
    swaps them in at its commit (`swap_at_commit`). Any other import, whose
    readers have something to find meanwhile (a whole archive sent again
    included), inserts into the live tables and their indexes.
    """
    changed = list(dict.fromkeys(changed_ids))
    touched = list(dict.fromkeys([*changed, *removed_ids]))
    if not touched:
        return False
    dialect.compress_fast(conn)
    with _raw(conn).cursor() as cur:
        # Fresh tables made earlier in this transaction are its index until the swap.
        cur.execute("SELECT to_regclass(%s)", (FRESH["search_doc"],))
        filling = cur.fetchone()[0] is not None
        if not filling and _claim_empty(cur):
            _fill_fresh(cur, changed)
            return True
        cur.execute(_fresh(_DELETE) if filling else _DELETE, (touched,))
        _add(cur, changed, filling=filling)
        return False


def _empty(cur: Any) -> bool:
    cur.execute("SELECT EXISTS (SELECT 1 FROM search_doc)")
    return not cur.fetchone()[0]


def _claim_empty(cur: Any) -> bool:
    """Whether the live index is empty, for this transaction to fill into fresh tables.

    Then no other writer may add rows to the tables being replaced: the
    lock is held to the commit. Readers go on (SHARE blocks only writers).
    """
    if not _empty(cur):
        return False
    cur.execute(_LOCK)
    return _empty(cur)


def _make_fresh(cur: Any) -> None:
    """Make the fresh tables (`FRESH`), without their GIN indexes."""
    # They never outlive the transaction (swapped in at its commit, or gone
    # with its rollback): dropped in case, all the same.
    for table in FRESH.values():
        cur.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in SCHEMA:
        if any(f"INDEX {name} " in statement for name in GIN_INDEXES):
            continue
        if "search_term" not in statement:
            cur.execute(_fresh(statement))


def _fill_fresh(cur: Any, ids: Sequence[str]) -> int:
    """Index *ids* into fresh tables (`FRESH`) and build their indexes.

    Meanwhile the live tables are only read, by other PCs' searches, which
    never wait for them.
    """
    _make_fresh(cur)
    added = _add(cur, ids, empty=True, filling=True)
    _build(cur, fresh=True)
    return added


def start_fill(conn: Connection) -> Filler | None:
    """A `Filler` for an import into an empty index, before its notices are written; else None.

    Takes the lock `update` takes for the fresh tables, and makes them.
    """
    with _raw(conn).cursor() as cur:
        cur.execute("SELECT to_regclass(%s)", (FRESH["search_doc"],))
        if cur.fetchone()[0] is not None or not _claim_empty(cur):
            return None
        _make_fresh(cur)
    return Filler(conn)


class Filler:
    """The first import's index, written into the fresh tables while its notices are.

    `update` indexes a first import once all its notices are written: the
    server made the tsvectors (most of its work) while the client had
    nothing left to do but wait. The importer hands the ids of each chunk's
    notices here once they are written (`add`); their rows are read back as
    `update` reads them, folded while the server makes the previous rows'
    tsvectors, and sent without waiting while the importer reads its next
    chunk (*meanwhile*). The rows and their keys are the ones `update`
    would make: the same ids in the same order, cut in the same chunks.
    `finish` checks that no notice was written again or withdrawn after it
    was indexed (the same id twice in a bundle); if one was, it indexes
    the import again as `update` does. The words for prefixes
    (``search_term``) are written by `finish`, so that such a notice leaves
    none of its first copy's.
    """

    def __init__(self, conn: Connection) -> None:
        self._cur = _raw(conn).cursor()
        self._alloc = _Allocator(self._cur, empty=True, filling=True)
        self._ids: list[str] = []
        self._read = 0
        self._rows: list[list[tuple[Any, ...]]] = []
        self._pending: list[tuple[list[list[Any]], set[str]]] = []
        self._terms: set[str] = set()

    def add(self, ids: Sequence[str], meanwhile: Callable[[], object] | None = None) -> None:
        """Index the notices *ids* just written, the import's next in order of writing."""
        self._ids.extend(ids)
        self._read_rows(whole=True)
        with self._cur.connection.pipeline():
            self._send_pending()
            self._fold()
            if meanwhile is not None:
                meanwhile()

    def _read_rows(self, *, whole: bool) -> None:
        while len(self._ids) - self._read >= (CHUNK if whole else 1):
            ids = self._ids[self._read : self._read + CHUNK]
            self._read += len(ids)
            self._rows.append(_visible(self._cur, ids, self._alloc))

    def _fold(self) -> None:
        self._pending += [pgrows.columns(rows, self._alloc.take) for rows in self._rows if rows]
        self._rows = []

    def _send_pending(self) -> None:
        for columns, vocabulary in self._pending:
            self._cur.execute(_fresh(_INSERT), columns)
            _send(self._cur.connection)
            # Sent at the end: a notice indexed again leaves no stale words.
            self._terms |= vocabulary
        self._pending = []

    def finish(self, changed_ids: Sequence[str], removed_ids: Sequence[str]) -> None:
        """Index the rest and build the GIN indexes; the caller swaps them in at its commit."""
        changed = list(dict.fromkeys(changed_ids))
        cur = self._cur
        if (
            changed != self._ids
            or len(changed) != len(changed_ids)
            or set(removed_ids) & set(changed)
        ):
            # A notice written again, or withdrawn, after its row was made.
            _fill_fresh(cur, changed)
        else:
            self._read_rows(whole=False)
            self._fold()
            with cur.connection.pipeline():
                self._send_pending()
                _insert_terms(cur, self._terms)
            _build(cur, fresh=True)
        cur.close()


def swap_at_commit(session: Session) -> None:
    """Put the fresh tables `update` filled in the live ones' place just before *session* commits.

    Dropping the live tables takes the lock a search waits for: held from
    the swap to the commit, an instant, and not while the rest of the import
    (its files, say) is written.
    """

    def swap(committing: Session) -> None:
        if committing.in_nested_transaction():
            return
        with _raw(committing.connection()).cursor() as cur:
            # Gone once swapped, or with a transaction rolled back.
            cur.execute("SELECT to_regclass(%s)", (FRESH["search_doc"],))
            if cur.fetchone()[0] is not None:
                _swap(cur)

    event.listen(session, "before_commit", swap)


def _swap(cur: Any) -> None:
    """Drop the live tables and give the fresh ones (and their indexes and keys) the live names."""
    cur.execute(f"DROP TABLE {', '.join(FRESH)}")
    for live, fresh in FRESH.items():
        cur.execute(f"ALTER TABLE {fresh} RENAME TO {live}")
        cur.execute(
            "SELECT c.relname FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass",
            (live,),
        )
        for (name,) in cur.fetchall():
            # An index that holds a key renames its constraint with it.
            cur.execute(f"ALTER INDEX {name} RENAME TO {name.replace(fresh, live, 1)}")


def _build(cur: Any, *, fresh: bool = False) -> None:
    """Make the GIN indexes (`GIN_INDEXES`) that were left out for a bulk insert."""
    # Memory for the sort of each index's entries, for this transaction only.
    cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for statement in SCHEMA:
        if any(f"INDEX {name} " in statement for name in GIN_INDEXES):
            cur.execute(_fresh(statement) if fresh else statement)


def fill(conn: Connection) -> int:
    """Index every visible notice into the empty index; returns how many."""
    with _raw(conn).cursor() as cur:
        cur.execute("SELECT id FROM notice WHERE NOT withdrawn AND has_content")
        ids = [r[0] for r in cur.fetchall()]
        for name in GIN_INDEXES:
            cur.execute(f"DROP INDEX IF EXISTS {name}")
        added = _add(cur, ids, empty=True)
        _build(cur)
        return added


def rebuild(conn: Connection, *, swap: bool = True) -> int:
    """Make the whole index again (`bangtin reindex`), into fresh tables.

    As the first import does (`_fill_fresh`): other PCs' searches read the
    old index meanwhile. With *swap* the fresh tables take the live names at
    once; without it the caller swaps them at its commit (`swap_at_commit`),
    so that searches wait only for that instant. Imports wait (SHARE blocks
    writers) so that none writes into the tables being replaced. The words
    for prefixes (``search_term``) only ever grow: the fill adds what is
    missing.
    """
    dialect.compress_fast(conn)
    with _raw(conn).cursor() as cur:
        cur.execute(
            "SELECT to_regclass('search_doc') IS NULL OR to_regclass('search_main') IS NULL "
            "OR to_regclass('search_walk') IS NULL OR to_regclass('search_field') IS NULL "
            "OR to_regclass('search_term') IS NULL"
        )
        if cur.fetchone()[0]:
            # A table gone: nothing for readers to read meanwhile. All made anew.
            trigrams = cur.execute(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'search_term_trigram'"
            ).fetchone()
            for statement in (*DROP, *SCHEMA, *(TRIGRAMS if trigrams else ())):
                cur.execute(statement)
            return fill(conn)
        cur.execute(_LOCK)
        cur.execute("SELECT id FROM notice WHERE NOT withdrawn AND has_content")
        ids = [r[0] for r in cur.fetchall()]
        added = _fill_fresh(cur, ids)
        if swap:
            _swap(cur)
        return added
