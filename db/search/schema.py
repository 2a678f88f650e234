"""The index's tables and the layout of its rowids.

Six tables (migration 0011 writes out the same DDL, frozen):

- ``search_key(rowid INTEGER PRIMARY KEY, notice_id UNIQUE, category_id,
  doc_type_f, issuer_f, ts)`` maps index rowids to notice ids and holds the
  filter columns and ``ts``, the publication time in seconds. We do not
  borrow notice's implicit rowid: VACUUM and Alembic's batch table copies
  renumber the implicit rowids of a table without an INTEGER PRIMARY KEY,
  and the index would silently point at other notices. Rowids run newest
  first: FTS5 walks its doclists in ascending rowid order, so ``LIMIT k``
  returns the k newest matches, and a date range is a rowid range, looked
  up in ``ts``'s index (`db.search.filters`). (Walking backwards, ``ORDER BY
  rowid DESC``, costs FTS5 about twice as much.) Of two notices published in
  the same second, the one indexed later comes first. The rowids are close
  together, GAP apart (`db.search.indexer` places a new notice between its
  neighbours, and spaces the whole index again when there is no room): FTS5
  stores each doclist as the differences between rowids, and at one per
  second of publication, shifted by 20 bits, each took five bytes where a
  small gap takes one or two. ``search_main`` of 100,000 notices was 330 MB
  that way and is about 236 MB this way.
- ``search_text``: what the index was given for each notice, once: the title,
  number and meta folded, the exact words (of the whole notice and of the
  title alone), ``plain_z``, the summary and body as plain text (Markdown
  stripped at import, never again) compressed with zlib (`db.search.text.deflate`:
  read whole for the twenty rows on screen only, 2.4× smaller, and a row of
  ~3.5 KB packs two to an 8 KB page where ~5 KB took one), and ``folded``,
  the same folded, not compressed: scoring reads it for every candidate.
  Snippets are cut from the plain text, matches found in ``folded``; scoring reads
  the start of ``folded`` (folding 3,000 characters of Vietnamese in Python
  costs ~0.15 ms, and a query scores dozens of candidates). The FTS5 tables
  below are contentless (``content=''``): they hold the index and nothing
  else, and a notice leaves them by a 'delete' given the very values it was
  indexed with, which this table keeps.
- ``search_main`` (FTS5): title, number, body (summary + Markdown stripped to
  text), meta (issuer, doc_type), all folded with `db.folding.fold`; the number
  also as one compact token ("54/KH-UBND" → "54/kh-ubnd 54khubnd", which
  unicode61 splits into 54, kh, ubnd, 54khubnd); and ``exact``: the distinct
  words of the notice that carry diacritics, casefolded but not folded. The
  tokenizer is unicode61 with remove_diacritics 0 because ``exact`` must keep
  its marks; the folded columns have none. So a query word with diacritics can
  only match ``exact``, one without only the folded columns: no column filters.
- ``search_title`` (FTS5): the title and its exact words only. Its doclists are
  short, so a title-only query never walks the bodies' postings. Numbers are
  kept out of it: "ubnd" and "kh" are in nearly every number, and they would
  make each title query walk them.
- ``search_number`` (FTS5): the number, folded and compact, for the number tiers.

Each word table keeps up to 16 MB of pending terms (``hashsize``; FTS5's
default is 1 MB) before it writes a segment: with fewer segments written
there is less to merge, and filling ``search_main`` with 10,000 notices took
1.25 s instead of 1.97 s.

No prefix indexes (migration 0022 dropped them): ``prefix='2 3'`` made
``search_main`` 2.2 times its size (75 MB instead of 34 at 10,000 notices)
and its import three times as slow. The word being typed is expanded through
``search_term`` into the terms it starts (`db.search.query.Prefixes`).
- ``search_term``: every term ever indexed, to expand prefixes (`db.search.query`).
"""

from __future__ import annotations

__all__ = [
    "DROP",
    "FTS_TABLES",
    "GAP",
    "SCHEMA",
    "SHIFT",
    "START",
    "TS_MAX",
    "TS_MIN",
    "block",
    "clamp_ts",
    "marks",
    "published_ts",
    "rowid_ts",
]

#: Pending terms an FTS table keeps in memory before it writes a segment
#: (FTS5's default is 1 MB): a big import writes fewer segments, and merges
#: them less often.
HASH_BYTES = 16 << 20

#: DDL of the index; migrations 0022 and 0026 carry the same statements.
SCHEMA: tuple[str, ...] = (
    "CREATE TABLE search_key ("
    "rowid INTEGER PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT, "
    "ts INTEGER NOT NULL)",
    "CREATE INDEX ix_search_key_ts ON search_key (ts)",
    "CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE search_text ("
    "rowid INTEGER PRIMARY KEY, "
    "title TEXT NOT NULL, "
    "title_exact TEXT NOT NULL, "
    "number TEXT NOT NULL, "
    "meta TEXT NOT NULL, "
    "exact TEXT NOT NULL, "
    "plain_z BLOB NOT NULL, "
    "folded TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE search_main USING fts5("
    "title, number, body, meta, exact, content = '', "
    "tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE search_title USING fts5("
    "title, exact, content = '', "
    "tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE search_number USING fts5("
    "number, content = '', "
    "tokenize = 'unicode61 remove_diacritics 0')",
    *(
        f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', {HASH_BYTES})"
        for table in ("search_main", "search_title")
    ),
)
FTS_TABLES = ("search_main", "search_title", "search_number")
DROP: tuple[str, ...] = (
    "DROP TABLE IF EXISTS search_number",
    "DROP TABLE IF EXISTS search_title",
    "DROP TABLE IF EXISTS search_main",
    "DROP TABLE IF EXISTS search_text",
    "DROP TABLE IF EXISTS search_term",
    "DROP TABLE IF EXISTS search_key",
)

#: The room left between two notices' rowids when the index is filled or spaced again.
GAP = 1 << 10
#: The rowid of the newest notice of an index filled or spaced again: newer
#: notices indexed later take the rowids below it.
START = 1 << 40

#: PostgreSQL's keys (`db.search.pgindex`), where nothing is stored as
#: differences, are ((TS_MAX - published seconds) << SHIFT) + n: newest first,
#: room for 2**20 notices a second, any time from year 1 to 9999 (UTC) apart,
#: all under 2**59.
SHIFT = 20
TS_MIN = -62_135_596_800  # 0001-01-01 00:00:00
TS_MAX = 253_402_300_799  # 9999-12-31 23:59:59


def block(ts: int) -> int:
    """The first PostgreSQL key of the block of notices published in second *ts*."""
    return (TS_MAX - min(max(ts, TS_MIN), TS_MAX)) << SHIFT


def rowid_ts(rowid: int) -> int:
    """The publication second a PostgreSQL key was given for."""
    return TS_MAX - (rowid >> SHIFT)


def clamp_ts(ts: int) -> int:
    """*ts* within the years 1 to 9999, as the index keeps it."""
    return min(max(ts, TS_MIN), TS_MAX)


def published_ts(value: object) -> int:
    """A notice's stored `published` column as seconds (0 when it has none, or garbage)."""
    # Any stored value: SQLite lets an INTEGER column hold text.
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError, OverflowError):
        return 0


def marks(n: int) -> str:
    """*n* SQL placeholders: ``?,?,?``."""
    return ",".join("?" * n)
