"""The index's tables and the layout of its rowids.

Six tables (migration 0011 writes out the same DDL, frozen):

- ``search_key(rowid INTEGER PRIMARY KEY, notice_id UNIQUE, category_id,
  doc_type_f, issuer_f)`` maps index rowids to notice ids and holds the filter
  columns. We do not borrow notice's implicit rowid: VACUUM and Alembic's batch
  table copies renumber the implicit rowids of a table without an INTEGER
  PRIMARY KEY, and the index would silently point at other notices. The rowid
  we choose encodes the publication time newest first,
  ``((TS_MAX - published seconds) << 20) + n``: FTS5 walks its doclists in
  ascending rowid order, so ``LIMIT k`` returns the k newest matches, and a
  date range is a rowid range. (Walking backwards, ``ORDER BY rowid DESC``,
  costs FTS5 about twice as much.)
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
    "SCHEMA",
    "SHIFT",
    "TS_MAX",
    "TS_MIN",
    "block",
    "marks",
    "published_ts",
    "rowid_ts",
]

#: Pending terms an FTS table keeps in memory before it writes a segment
#: (FTS5's default is 1 MB): a big import writes fewer segments, and merges
#: them less often.
HASH_BYTES = 16 << 20

#: DDL of the index; migration 0022 carries the same statements.
SCHEMA: tuple[str, ...] = (
    "CREATE TABLE search_key ("
    "rowid INTEGER PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT)",
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

#: Rowids are ((TS_MAX - published seconds) << SHIFT) + n: newest first, room
#: for 2**20 notices a second, any time from year 1 to 9999 (UTC) apart, all
#: under 2**59.
SHIFT = 20
TS_MIN = -62_135_596_800  # 0001-01-01 00:00:00
TS_MAX = 253_402_300_799  # 9999-12-31 23:59:59


def block(ts: int) -> int:
    """The first rowid of the block of notices published in second *ts*."""
    return (TS_MAX - min(max(ts, TS_MIN), TS_MAX)) << SHIFT


def rowid_ts(rowid: int) -> int:
    """The publication second a rowid was given for."""
    return TS_MAX - (rowid >> SHIFT)


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
