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
only for the swap, an instant before the import commits. An import of a
bundle (`Filler`) has a connection of its own write them (`_Writer`), so
that a second server process makes their tsvectors and GIN indexes while
the import's own writes the notices.
"""

from __future__ import annotations

import contextlib
import queue
import re
import select
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.exc import DBAPIError
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
    "%b::text[], %b::text[], %b::text[], %b::text[]) "
    "AS r(k, i, c, d, s, h, t, n, b, m, e, tw, nw, mw, held)), "
    "f AS (INSERT INTO search_field (rank_key, title_f, body_f, meta_f, exact) "
    "SELECT k, t, b, m, e FROM r), "
    "o AS (INSERT INTO search_doc (rank_key, notice_id, category_id, doc_type_f, issuer_f, "
    "number_head, number_f, title_tsv, number_tsv) "
    "SELECT k, i, c, d, s, h, n, to_tsvector('simple', tw), to_tsvector('simple', nw) FROM r), "
    "v AS (INSERT INTO search_main (rank_key, category_id, doc_type_f, issuer_f, main_tsv) "
    "SELECT k, c, d, s, to_tsvector('simple', mw) || CASE WHEN coalesce(held, e) = '' "
    "THEN ''::tsvector ELSE (replace(coalesce(held, e), ' ', ':2 ') || ':2')::tsvector END "
    "FROM r RETURNING *) "
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
        filling = _ours(cur)
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

    Takes the lock `update` takes for the fresh tables; the Filler's own
    connection makes them.
    """
    with _raw(conn).cursor() as cur:
        if _ours(cur) or not _claim_empty(cur):
            return None
    return Filler(conn)


#: Index rows' INSERTs a `_Writer` may hold waiting, a chunk each.
_QUEUED = 2


class _Writer:
    """A connection of its own that fills the fresh tables (`FRESH`) beside the import's.

    Making the rows' tsvectors was most of the import's server work, done by
    the one process that also wrote the notices: it set the pace, while the
    second core waited. Here another server process makes them, fed from a
    thread (which waits on the server, not on Python), and builds the GIN
    indexes while the import writes the rest. `wait` commits the tables,
    just before the import's transaction puts them in the live ones' place
    (`_swap`) and commits. Should the import fail in between, the tables
    are left beside the live index, which nothing reads, and the next fill
    drops them (`_drop_left`).
    """

    def __init__(self, conn: Connection) -> None:
        # As long as the import's own connection waits for a lock (a backup
        # reading a table, say), then the import fails BUSY as it would.
        waits = str(conn.exec_driver_sql("SELECT current_setting('lock_timeout')").scalar())
        self._proxy = conn.engine.raw_connection()
        self._conn: Any = self._proxy.driver_connection
        self._jobs: queue.Queue[Callable[[Any], object] | None] = queue.Queue(_QUEUED)
        self._failed: BaseException | None = None
        self._done = False
        self._abandoned = False
        self._thread = threading.Thread(target=self._run, name="bangtin-index", daemon=True)
        self._thread.start()
        self.put(lambda cur: _start_fresh(cur, waits))

    def _run(self) -> None:
        with self._conn.cursor() as cur:
            while (job := self._jobs.get()) is not None:
                if self._failed is None:
                    try:
                        job(cur)
                    except BaseException as exc:  # handed to the import by `wait`
                        if self._failed is None:
                            self._failed = exc
        if self._abandoned:
            # Here rather than in `abandon`, which may not wait for a server
            # that stopped answering.
            self._close()

    def put(self, job: Callable[[Any], object]) -> None:
        """Run *job* with the connection's cursor after those put before.

        Raises what failed before, at once: the import stops there.
        """
        self._raise()
        self._jobs.put(job)

    @property
    def going(self) -> bool:
        """Whether nothing failed, nor was the writer given up."""
        return self._failed is None

    def _raise(self) -> None:
        if self._failed is not None:
            raise _as_sqlalchemy(self._failed, self._conn.broken)

    def wait(self) -> None:
        """Wait for every job; raise what failed. The connection is then let go."""
        if not self._done:
            self._done = True
            self._jobs.put(None)
            self._thread.join()
            try:
                if self._failed is None:
                    self._conn.commit()
            except Exception as exc:  # the server lost at the last moment, say
                self._failed = exc
            finally:
                self._close()
        self._raise()

    def abandon(self) -> None:
        """Stop, rolling back what the connection wrote: the fresh tables are not made.

        The import is failing already: a server that stopped answering is
        waited for a few seconds at most, and the thread lets the connection
        go once its call returns.
        """
        if self._done:
            return
        self._done = self._abandoned = True
        if self._failed is None:
            self._failed = _Abandoned()
        with contextlib.suppress(queue.Empty):
            while True:  # the rows not yet sent are not wanted
                self._jobs.get_nowait()
        self._jobs.put(None)
        # A chunk's rows or a GIN index may be on their way: not waited for.
        with contextlib.suppress(Exception):
            self._conn.cancel_safe(timeout=_GIVE_UP_S)
        self._thread.join(_GIVE_UP_S)

    def _close(self) -> None:
        try:
            self._conn.rollback()
        except Exception:  # a lost server rolled it back itself
            self._proxy.invalidate()
        finally:
            self._proxy.close()


#: Seconds an import that is failing waits for its `_Writer` to stop.
_GIVE_UP_S = 5.0


def _as_sqlalchemy(exc: BaseException, broken: bool) -> BaseException:
    """*exc* wrapped as SQLAlchemy wraps what the import's own connection raises,
    so that the import and the archive sort it the same (`db.errors.classify`):
    *broken*, the connection was lost."""
    import psycopg  # noqa: PLC0415  (loaded: this is a server's archive)

    if isinstance(exc, psycopg.Error):
        return DBAPIError.instance(None, None, exc, psycopg.Error, connection_invalidated=broken)
    return exc


class _Abandoned(Exception):
    """The fresh tables were given up: the import ended without them."""


def _start_fresh(cur: Any, lock_timeout: str) -> None:
    """Drop what an import that failed left (`_ours`), at once, then make the fresh tables.

    Dropped in a transaction of its own, which frees their room before the
    new ones take theirs.
    """
    timeout = "SELECT set_config('lock_timeout', %s, true)"
    cur.execute(timeout, (lock_timeout,))
    _drop_left(cur)
    cur.connection.commit()
    cur.execute(timeout, (lock_timeout,))
    dialect.compress_fast_raw(cur)
    _make_fresh(cur)


def _drop_left(cur: Any) -> None:
    """Drop fresh tables this transaction did not make: what an import that failed left."""
    if _made_here(cur) is False:
        cur.execute(f"DROP TABLE IF EXISTS {', '.join(FRESH.values())}")


def _ours(cur: Any) -> bool:
    """Whether this transaction made fresh tables (`FRESH`): they are its index until the swap.

    Others are what an import left that failed after its `_Writer`
    committed them; nothing reads them, and the next fill drops them
    (`_drop_left`).
    """
    return _made_here(cur) is True


def _made_here(cur: Any) -> bool | None:
    """Whether this transaction made the fresh tables; None when there are none."""
    cur.execute(
        "SELECT xmin = pg_current_xact_id()::xid FROM pg_class WHERE oid = to_regclass(%s)",
        (FRESH["search_doc"],),
    )
    row = cur.fetchone()
    return None if row is None else bool(row[0])


def _insert_fresh(cur: Any, columns: list[list[Any]]) -> None:
    cur.execute(_fresh(_INSERT), columns)


class Filler:
    """The first import's index, written into the fresh tables while its notices are.

    `update` indexes a first import once all its notices are written: the
    server made the tsvectors (most of its work) while the client had
    nothing left to do but wait. The importer hands the ids of each chunk's
    notices here once they are written (`add`); their rows are read back as
    `update` reads them, folded here, and written by a connection of its
    own (`_Writer`) while the importer reads and writes its next chunk
    (*meanwhile*). The rows and their keys are the ones `update` would
    make: the same ids in the same order, cut in the same chunks. A notice
    written again (the same id twice in a bundle) gives up the writer at
    once, and `finish` indexes the import again as `update` does, in the
    import's transaction; so it does when a notice indexed was withdrawn by
    the same bundle. The words for prefixes (``search_term``) are written by
    `finish`, in the import's transaction, so that such a notice leaves none
    of its first copy's.
    """

    def __init__(self, conn: Connection) -> None:
        self._cur = _raw(conn).cursor()
        self._alloc = _Allocator(self._cur, empty=True)
        self._ids: list[str] = []
        self._read = 0
        self._terms: set[str] = set()
        self._seen: set[str] = set()
        self._all = False
        self._writer: _Writer | None = _Writer(conn)

    @property
    def wrote(self) -> bool:
        """Whether the writer filled the fresh tables (not given up for `finish`'s way)."""
        return self._writer is not None

    def add(self, ids: Sequence[str], meanwhile: Callable[[], object] | None = None) -> None:
        """Index the notices *ids* just written, the import's next in order of writing."""
        self._ids.extend(ids)
        if not self._seen.isdisjoint(ids):
            # Written again: its first row is in the fresh tables already.
            self.abandon()
        self._seen.update(ids)
        self._index(whole=True)
        if meanwhile is not None:
            meanwhile()

    def _index(self, *, whole: bool) -> None:
        while self._writer is not None and len(self._ids) - self._read >= (CHUNK if whole else 1):
            ids = self._ids[self._read : self._read + CHUNK]
            self._read += len(ids)
            rows = _visible(self._cur, ids, self._alloc)
            if rows:
                columns, vocabulary = pgrows.columns(rows, self._alloc.take)
                self._terms |= vocabulary
                self._write(partial(_insert_fresh, columns=columns))

    def _write(self, job: Callable[[Any], object]) -> None:
        if self._writer is not None:
            self._writer.put(job)

    def all_written(self) -> None:
        """The import's last notices are written: index the rest and build the GIN indexes.

        Its own connection builds them while the import writes the rest
        (standings, the register); `finish` then only checks.
        """
        if not self._all and self._writer is not None:
            self._all = True
            self._index(whole=False)
            writer = self._writer

            def build(cur: Any) -> None:
                _build(cur, fresh=True, going=lambda: writer.going)

            self._write(build)

    def finish(self, changed_ids: Sequence[str], removed_ids: Sequence[str]) -> None:
        """Index the rest, unless `all_written` did; the swap at commit waits for GIN."""
        changed = list(dict.fromkeys(changed_ids))
        cur = self._cur
        if (
            self._writer is None
            or changed != self._ids
            or len(changed) != len(changed_ids)
            or set(removed_ids) & set(changed)
        ):
            # A notice written again, or withdrawn, after its row was made.
            self.abandon()
            _fill_fresh(cur, changed)
        else:
            self.all_written()
            _insert_terms(cur, self._terms)
        cur.close()

    def wait(self) -> None:
        """Wait for the fresh tables to be written and their indexes built; raise what failed.

        Nothing to wait for once `finish` indexed the import in its own transaction.
        """
        if self._writer is not None:
            self._writer.wait()

    def abandon(self) -> None:
        """Give up the writer's fresh tables: the import ends without them, or
        indexes itself in its own transaction (`finish`)."""
        if self._writer is not None:
            self._writer.abandon()
            self._writer = None


def swap_at_commit(session: Session, filler: Filler | None = None) -> None:
    """Put the fresh tables `update` (or *filler*) filled in the live ones'
    place just before *session* commits.

    Dropping the live tables takes the lock a search waits for: held from
    the swap to the commit, an instant, and not while the rest of the import
    (its files, say) is written. A *filler*'s connection is waited for
    first: it builds the GIN indexes meanwhile.
    """

    def swap(committing: Session) -> None:
        if committing.in_nested_transaction():
            return
        if filler is not None:
            filler.wait()
        with _raw(committing.connection()).cursor() as cur:
            if filler is not None and filler.wrote:
                # Made and committed by the writer's connection: not looked
                # up by name first, which may still find them missing (a
                # look-up without a lock may miss what another transaction
                # made since this one last took a lock). `_swap` locks them.
                _swap(cur)
                return
            # Gone once swapped, or with a transaction rolled back; what an
            # import that failed left is never swapped in.
            if _ours(cur):
                _swap(cur)

    event.listen(session, "before_commit", swap)


def _swap(cur: Any) -> None:
    """Drop the live tables and give the fresh ones (and their indexes and keys) the live names."""
    # The fresh ones first: an autovacuum that started on them is waited
    # for before the live ones are locked, which searches would wait for.
    cur.execute(f"LOCK TABLE {', '.join(FRESH.values())} IN ACCESS EXCLUSIVE MODE")
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


def _build(cur: Any, *, fresh: bool = False, going: Callable[[], bool] = lambda: True) -> None:
    """Make the GIN indexes (`GIN_INDEXES`) that were left out for a bulk insert,
    while *going* says to (a cancel reaches a statement, not the gap between two)."""
    # Memory for the sort of each index's entries, for this transaction only.
    cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for statement in SCHEMA:
        if any(f"INDEX {name} " in statement for name in GIN_INDEXES) and going():
            cur.execute(_fresh(statement) if fresh else statement)


def fill(conn: Connection) -> int:
    """Index every visible notice into the empty index; returns how many."""
    with _raw(conn).cursor() as cur:
        _drop_left(cur)
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
