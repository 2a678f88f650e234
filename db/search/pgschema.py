"""The search index of a PostgreSQL archive: its tables, and the text its tsvectors are made of.

The same folded text as SQLite's FTS5 index (`db.search.schema`), in five
tables (migrations 0013, 0018, 0024 and 0025 carry the same DDL, frozen):

- ``search_doc``: one row per visible notice, keyed by ``rank_key``, the
  same newest-first number SQLite's index uses as its rowid
  (`db.search.schema.block`), so that ``ORDER BY rank_key LIMIT k`` gives the
  k newest matches and a date range is a key range. It holds the filter
  columns, the folded number, and two tsvectors with a GIN index each:
  the title and its exact words (``title_tsv``) and the number
  (``number_tsv``). ``number_head``, the number's first word, has a b-tree:
  the notices numbered "54", newest first, without a text search.
- ``search_main``: under the same key, the tsvector of everything
  (``main_tsv``, with its GIN index) and the filter columns. Its rows are
  narrow (the tsvector, several KB, is in TOAST): the rows GIN hands over
  are read from the heap for their keys, about a hundred to a page:
  ``search_doc``'s rows, with the title's tsvector, are five times as
  wide, and GIN queries took about twice as long there.
- ``search_walk``: under the same key, ``main_tsv``'s words without their
  positions (``words``, ``strip(main_tsv)``) and the filter columns, for
  the walks over the newest keys that test each row's words until enough
  match (`db.search.pgplan`). ``main_tsv`` is several KB a notice, kept in
  TOAST: a row tested read about four TOAST pages more. Without positions
  the words are about 60 % of that, and kept in the row (STORAGE MAIN): a
  walk reads a page for two or three rows and tests each three times
  faster. No GIN index: GIN reads ``search_main``, whose narrow rows a
  query's matches share pages of. A phrase, which needs the positions, is
  tested here without them first and then in ``main_tsv``.
- ``search_field``: under the same key, the folded title, body and issuer
  and type, and the words with diacritics (``exact``), which scores and
  snippets read for the few candidates of a query. Kept out of
  ``search_doc`` so that its rows are narrow: a query's matches, each read
  from its heap page to be checked and ordered, share pages (about 1.5 KB
  a row with them, a few hundred bytes without).
- ``search_term``: every word ever indexed (folded, and as written when it has
  diacritics), for the typos' look-ups (`db.search.typos`). Its b-tree
  compares code points (COLLATE "C"), as SQLite does; its trigram index
  (pg_trgm) finds the words nearest a mistyped one.

The tsvectors are ``to_tsvector('simple', …)`` of the words only, cut by the
same pattern as the rest of the search (`db.search.text.WORD`), joined by
spaces: PostgreSQL's own parser would keep "54/kh-ubnd" or "a.b" whole and,
in a database with the C locale, its regular expressions split words with
diacritics. So each lexeme is exactly a token of SQLite's index, whatever the
server's locale. The tsqueries (`db.search.pgquery`) are cast, never parsed.
"""

from __future__ import annotations

from db.search.text import WORD

__all__ = ["DROP", "SCHEMA", "TABLES", "TRIGRAMS", "words"]

SCHEMA: tuple[str, ...] = (
    "CREATE TABLE search_doc ("
    "rank_key BIGINT PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT, "
    "number_head TEXT, "
    "number_f TEXT NOT NULL, "
    "title_tsv TSVECTOR NOT NULL, "
    "number_tsv TSVECTOR NOT NULL)",
    "CREATE INDEX search_doc_title ON search_doc USING gin (title_tsv)",
    "CREATE INDEX search_doc_number ON search_doc USING gin (number_tsv)",
    "CREATE INDEX search_doc_number_head ON search_doc (number_head, rank_key)",
    "CREATE TABLE search_main ("
    "rank_key BIGINT PRIMARY KEY, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT, "
    "main_tsv TSVECTOR NOT NULL)",
    "CREATE INDEX search_main_tsv ON search_main USING gin (main_tsv)",
    "CREATE TABLE search_walk ("
    "rank_key BIGINT PRIMARY KEY, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT, "
    "words TSVECTOR NOT NULL)",
    "ALTER TABLE search_walk ALTER COLUMN words SET STORAGE MAIN",
    "CREATE TABLE search_field ("
    "rank_key BIGINT PRIMARY KEY, "
    "title_f TEXT NOT NULL, "
    "body_f TEXT NOT NULL, "
    "meta_f TEXT NOT NULL, "
    "exact TEXT NOT NULL)",
    'CREATE TABLE search_term (term TEXT COLLATE "C" PRIMARY KEY)',
)
#: Made when the server has pg_trgm (Debian's postgresql does); typos work without it.
TRIGRAMS: tuple[str, ...] = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX search_term_trigram ON search_term USING gist (term gist_trgm_ops)",
)
TABLES = ("search_doc", "search_main", "search_walk", "search_field", "search_term")
DROP: tuple[str, ...] = tuple(f"DROP TABLE IF EXISTS {t}" for t in TABLES)


def words(text: str) -> str:
    """*text*'s words, joined by spaces: what its tsvector is made of."""
    return " ".join(WORD.findall(text))
