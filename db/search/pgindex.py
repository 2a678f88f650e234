"""Keeping a PostgreSQL archive's search index up to date (`db.search.pgschema`).

The same text as SQLite's index (`db.search.indexer`), folded by the same
functions, in the import's own transaction: the notices a bundle changes or
withdraws leave ``search_doc`` and the visible ones come back in, under the
same newest-first keys. Rows go in a chunk at a time through ``unnest`` of
arrays, one statement for each chunk; the server makes the tsvectors. GIN
keeps its own pending list for fast inserts (``fastupdate``), merged by
autovacuum or when it fills: nothing to tidy as FTS5's segments are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from db import dialect
from db.folding import nfc
from db.search.pgschema import DROP, SCHEMA, TRIGRAMS, words
from db.search.schema import SHIFT, block, published_ts
from db.search.text import body_text, exact_words, fold_text, number_column, opt_fold

__all__ = ["fill", "rebuild", "update"]

CHUNK = 1000
#: The GIN indexes of `db.search.pgschema.SCHEMA`, built again after a bulk insert.
GIN_INDEXES = ("search_doc_title", "search_doc_number", "search_doc_main")

# One statement for both tables: the rows' arrays are sent once.
_INSERT = (
    "WITH r AS (SELECT * FROM unnest(%b::bigint[], %b::text[], %b::int[], %b::text[], "
    "%b::text[], %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], "
    "%b::text[], %b::text[], %b::text[]) AS r(k, i, c, d, s, h, t, n, b, m, e, tw, nw, mw)), "
    "f AS (INSERT INTO search_field (rank_key, title_f, body_f, meta_f, exact) "
    "SELECT k, t, b, m, e FROM r) "
    "INSERT INTO search_doc (rank_key, notice_id, category_id, doc_type_f, issuer_f, "
    "number_head, number_f, title_tsv, number_tsv, main_tsv) "
    "SELECT k, i, c, d, s, h, n, to_tsvector('simple', tw), "
    "to_tsvector('simple', nw), to_tsvector('simple', mw) FROM r"
)
_DELETE = (
    "WITH gone AS (DELETE FROM search_doc WHERE notice_id = ANY(%s) RETURNING rank_key) "
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

    def __init__(self, cur: Any, fresh: bool) -> None:
        self._cur = cur
        self._fresh = fresh
        self._next: dict[int, int] = {}

    def prepare(self, stamps: Iterable[int]) -> None:
        bases = sorted({block(ts) for ts in stamps} - set(self._next))
        if not bases:
            return
        lows: dict[int, Any] = {}
        if not self._fresh:
            self._cur.execute(
                "SELECT b, (SELECT min(rank_key) FROM search_doc "
                "WHERE rank_key >= b AND rank_key < b + %s) FROM unnest(%s::bigint[]) AS b",
                (1 << SHIFT, bases),
            )
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


def _visible(cur: Any, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """The visible notices among *ids*, newest first (ties by id)."""
    cur.execute(
        "SELECT id, title, number, summary, body_markdown, issuer, doc_type, category_id, "
        "published FROM notice WHERE id = ANY(%s) AND NOT withdrawn AND has_content",
        (list(ids),),
    )
    rows: list[tuple[Any, ...]] = cur.fetchall()
    rows.sort(key=lambda r: (-published_ts(r[8]), r[0]))
    return rows


def _columns(rows: list[tuple[Any, ...]], alloc: _Allocator) -> tuple[list[list[Any]], set[str]]:
    """The INSERT's arrays for *rows* (see `_INSERT`), and the words they hold."""
    alloc.prepare(published_ts(r[8]) for r in rows)
    columns: list[list[Any]] = [[] for _ in range(14)]
    vocabulary: set[str] = set()
    for nid, title, number, summary, body, issuer, doc_type, category_id, published in rows:
        text = body_text(summary, body)
        title_f = fold_text(nfc(title or ""))
        number_f = number_column(number)
        body_f = fold_text(text)
        meta_f = fold_text(nfc(f"{issuer or ''} {doc_type or ''}"))
        exact = exact_words(title, number, text, issuer, doc_type)
        number_w = words(number_f)
        main_w = f"{words(title_f)} {number_w} {words(body_f)} {words(meta_f)} {exact}"
        values = (
            alloc.take(published_ts(published)),
            nid,
            category_id,
            opt_fold(doc_type),
            opt_fold(issuer),
            number_w.split(" ", 1)[0] if number_w else None,
            title_f,
            number_f,
            body_f,
            meta_f,
            exact,
            f"{words(title_f)} {exact_words(title)}",
            number_w,
            main_w,
        )
        for column, value in zip(columns, values, strict=True):
            column.append(value)
        vocabulary.update(main_w.split())
    return columns, vocabulary


def _add(cur: Any, ids: Sequence[str], *, fresh: bool = False) -> int:
    """Index the visible notices among *ids*, a chunk at a time.

    In a pipeline: each chunk's INSERT goes to the server without waiting,
    and the next chunk is folded while the server makes its tsvectors. (Its
    notices are read first: reading waits for what was sent before.)
    """
    alloc = _Allocator(cur, fresh)
    chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
    if not chunks:
        return 0
    added = 0
    with cur.connection.pipeline():
        rows = _visible(cur, chunks[0])
        columns, vocabulary = _columns(rows, alloc)
        for index in range(len(chunks)):
            following = _visible(cur, chunks[index + 1]) if index + 1 < len(chunks) else []
            if rows:
                cur.execute(_INSERT, columns)
                # Terms are never removed: a stale one only offers a spelling
                # that finds nothing, which is never suggested.
                cur.execute(
                    "INSERT INTO search_term (term) SELECT unnest(%s::text[]) "
                    "ON CONFLICT DO NOTHING",
                    (sorted(vocabulary),),
                )
            added += len(rows)
            rows = following
            columns, vocabulary = _columns(rows, alloc)
    return added


def update(conn: Connection, changed_ids: Sequence[str], removed_ids: Sequence[str]) -> None:
    """`db.search.update_index` on PostgreSQL: in the caller's transaction.

    The first import into an empty index drops the GIN indexes and builds
    them again once its rows are in: a GIN index built at once takes a
    fraction of the time of as many inserts. Dropping them locks the table
    until the import commits, so only then, when there is nothing to find
    yet: any other import, whose readers must not wait for it (a whole
    archive sent again included), inserts into them.
    """
    changed = list(dict.fromkeys(changed_ids))
    touched = list(dict.fromkeys([*changed, *removed_ids]))
    if not touched:
        return
    dialect.compress_fast(conn)
    with _raw(conn).cursor() as cur:
        cur.execute("SELECT EXISTS (SELECT 1 FROM search_doc)")
        empty = not cur.fetchone()[0]
        if not empty:
            cur.execute(_DELETE, (touched,))
            _add(cur, changed)
            return
        for name in GIN_INDEXES:
            cur.execute(f"DROP INDEX {name}")
        _add(cur, changed, fresh=True)
        _build(cur)


def _build(cur: Any) -> None:
    """Make the GIN indexes (`GIN_INDEXES`) that were dropped for a bulk insert."""
    # Memory for the sort of each index's entries, for this transaction only.
    cur.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for statement in SCHEMA:
        if any(f"INDEX {name} " in statement for name in GIN_INDEXES):
            cur.execute(statement)


def fill(conn: Connection) -> int:
    """Index every visible notice into the empty index; returns how many."""
    with _raw(conn).cursor() as cur:
        cur.execute("SELECT id FROM notice WHERE NOT withdrawn AND has_content")
        ids = [r[0] for r in cur.fetchall()]
        for name in GIN_INDEXES:
            cur.execute(f"DROP INDEX IF EXISTS {name}")
        added = _add(cur, ids, fresh=True)
        _build(cur)
        return added


def rebuild(conn: Connection) -> int:
    """Drop, make again and fill the whole index (`bangtin reindex`)."""
    with _raw(conn).cursor() as cur:
        trigrams = cur.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = 'search_term_trigram'"
        ).fetchone()
        for statement in (*DROP, *SCHEMA, *(TRIGRAMS if trigrams else ())):
            cur.execute(statement)
    return fill(conn)
