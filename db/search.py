"""Full-text search: a folded FTS5 index, tiered ranking and highlighted snippets.

Index. Migration 0003 creates five tables (the DDL is `SCHEMA` below):

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
- ``search_term``: every term ever indexed, to expand long prefixes (below).

Both FTS tables keep their own content: deleting a row needs its old tokens,
and when the importer calls `update_index` the notice row already holds the new
text (contentless_delete needs SQLite 3.43). The stored folded body also saves
folding it again for snippets. After an import the touched FTS tables are
merged back into few b-trees (`_tidy`): a query reads every segment, and the
17 segments a 100,000-notice import leaves make each query ~2.5× slower.

Ranking. bm25 has to score every match: ~300 ms when a query of common words
("ủy ban", "năm 2023") matches most of 100,000 notices. We do not use it.
A hit's tier is the first of these FTS queries that returns it:

    5  compact number equals the query's ("54 kh ubnd" → 54khubnd)
    4  compact number starts with it
    3  words typed with diacritics are in the title exactly, the rest folded
    2  the same, anywhere in the notice
    1  every word (folded) in the title
    0  every word (folded) anywhere

Within a tier the newest notice comes first. Each tier query is ``ORDER BY
rowid LIMIT offset+limit``: it stops after that many rows however many
notices match, and tiers run only until the page is full, so a page costs at
most six short index walks. Tiers 3 and 2 run only when the query has
diacritics, 5 and 4 only when it has a digit. The order is exact, not an
estimate over the newest K candidates: every tier returns its own newest
matches. Score = tier + a fraction growing with the publication time.

Prefixes. The last word is a prefix while it is being typed; the words
before it, and a last word followed by a space, match whole words, so "ke
hoach" finds "kế hoạch" and not "kết … hoạch". FTS5 answers ``"a"*`` to ``"abc"*`` from
its prefix indexes (prefix='1 2 3'); a longer prefix would make it merge every
matching term's whole doclist before the first row (~5 ms for a common word
in 100,000 notices), so we look the prefix up in ``search_term`` and write it
as an OR of the few exact terms it stands for, which streams like any term.

Snippets are built for the returned page only, from the stored original text
(Markdown stripped), with matches found in its folded form: folding Vietnamese
and Latin text changes no offsets, other text goes through an offset map. So
the highlighted words keep their original diacritics.

Query syntax: the word being typed is a prefix ("binh da" finds "bình
đẳng"); "quoted words" are a phrase (the last word a prefix while the quote is still open).
Anything else is text: we tokenize it ourselves and quote every term, so no
input can be FTS5 syntax or raise an error. An empty query returns nothing.
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.folding import fold, nfc, strip_bidi
from db.types import VN_TZ, from_seconds

__all__ = [
    "SCHEMA",
    "SearchHit",
    "count_matches",
    "fill_index",
    "fold_text",
    "highlight_terms",
    "match_spans",
    "plain_text",
    "ranked_ids",
    "rebuild_index",
    "render_html",
    "search",
    "update_index",
]

#: DDL of the index; migration 0003 carries the same statements.
SCHEMA: tuple[str, ...] = (
    "CREATE TABLE search_key ("
    "rowid INTEGER PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT)",
    "CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE VIRTUAL TABLE search_main USING fts5("
    "title, number, body, meta, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE search_title USING fts5("
    "title, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE search_number USING fts5("
    "number, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
)
FTS_TABLES = ("search_main", "search_title", "search_number")
DROP: tuple[str, ...] = (
    "DROP TABLE IF EXISTS search_number",
    "DROP TABLE IF EXISTS search_title",
    "DROP TABLE IF EXISTS search_main",
    "DROP TABLE IF EXISTS search_term",
    "DROP TABLE IF EXISTS search_key",
)

#: Rowids are ((TS_MAX - published seconds) << SHIFT) + n: newest first, room
#: for 2**20 notices a second, any time from year 1 to 9999 (UTC) apart, all
#: under 2**59.
SHIFT = 20
TS_MIN = -62_135_596_800  # 0001-01-01 00:00:00
TS_MAX = 253_402_300_799  # 9999-12-31 23:59:59
CHUNK = 500
MAX_TERMS = 16
MAX_EXPANSION = 24
MAX_QUERY_CHARS = 400
SNIPPET_CHARS = 220
SNIPPET_LEAD = 50
#: Matches considered for the window: enough for any snippet, cheap for common words.
SNIPPET_MATCHES = 40
#: Least merging work (in 4 KB pages) a small import does on each FTS table.
MERGE_PAGES = 256


# -- folding -----------------------------------------------------------------------

# Latin, IPA, combining diacriticals and Latin Extended Additional (Vietnamese):
# for text made only of these, folding character by character gives exactly
# fold(text), and a translate table does it at C speed.
_UNSAFE = re.compile("[^\u0000-\u036f\u1e00-\u1eff]")
_TABLE: dict[int, str] = {}
_ODD_CHARS: list[str] = []
for _lo, _hi in ((0, 0x370), (0x1E00, 0x1F00)):
    for _cp in range(_lo, _hi):
        _ch = chr(_cp)
        _f = fold(_ch)
        if _f != _ch:
            _TABLE[_cp] = _f
        if len(_f) != 1:
            _ODD_CHARS.append(_ch)
# Characters whose fold is not one character: offsets shift past them.


def _negated_class(keep: Iterable[int]) -> str:
    ranges: list[list[int]] = []
    for cp in sorted(keep):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[^" + "".join(re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in ranges) + "]"


# Any character that is unsafe or whose fold is not exactly one character.
_ODD = re.compile(
    _negated_class(
        cp
        for lo, hi in ((0, 0x370), (0x1E00, 0x1F00))
        for cp in range(lo, hi)
        if chr(cp) not in set(_ODD_CHARS)
    )
)


def fold_text(text: str) -> str:
    """`db.folding.fold`, faster for Vietnamese and Latin text."""
    if _UNSAFE.search(text):
        return fold(text)
    return text.translate(_TABLE)


def _fold_map(text: str) -> tuple[str, list[int] | None]:
    """Fold *text* and say where each folded character came from.

    Returns (folded, starts): starts[i] is the index in *text* of the character
    that produced folded[i], plus len(text) at the end; None when folding kept
    every offset.
    """
    if not _ODD.search(text):
        return text.translate(_TABLE), None
    parts: list[str] = []
    starts: list[int] = []
    for i, ch in enumerate(text):
        f = _TABLE.get(ord(ch), ch) if not _UNSAFE.match(ch) else fold(ch)
        parts.append(f)
        starts.extend([i] * len(f))
    starts.append(len(text))
    return "".join(parts), starts


# -- text of a notice ------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_WORD_END = re.compile(r"[^\W_]*")
_MD_IMAGE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_REF = re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.M)
_MD_TAG = re.compile(r"<[^>\n]{1,200}>")
_MD_LIST = re.compile(r"^[ \t]*(?:[-+*]|\d+[.)])[ \t]+", re.M)
_MD_RULE = re.compile(r"^[ \t]*[-=:]{3,}[-=: \t]*$", re.M)
_MD_CHARS = re.compile(r"[#*_>`|~\\]+")


def plain_text(markdown: str) -> str:
    """The words of a Markdown text on one line, without its syntax characters."""
    text = markdown
    if "]:" in text:
        text = _MD_REF.sub(" ", text)
    if "](" in text:
        text = _MD_IMAGE_LINK.sub(r"\1", text)
    if "<" in text:
        text = _MD_TAG.sub(" ", text)
    text = _MD_LIST.sub(" ", _MD_CHARS.sub(" ", text))
    if "--" in text or "==" in text:
        text = _MD_RULE.sub(" ", text)
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def _is_marked(word: str) -> bool:
    return fold_text(word) != word


def _exact_words(*texts: str | None) -> str:
    """The distinct casefolded words that carry diacritics, in first-seen order."""
    words: dict[str, None] = {}
    for text in texts:
        if text:
            for w in _WORD.findall(nfc(text).casefold()):
                if w not in words and _is_marked(w):
                    words[w] = None
    return " ".join(words)


def _body_text(summary: str | None, body_markdown: str | None) -> str:
    """The text the index's body column folds, and snippets are cut from."""
    plain = plain_text(body_markdown or "")
    return f"{' '.join(summary.split())} {plain}" if summary else plain


def _compact(text: str) -> str:
    return "".join(_WORD.findall(fold_text(nfc(text))))


def _number_column(number: str | None) -> str:
    if not number:
        return ""
    folded = fold_text(nfc(number))
    return f"{folded} {_compact(number)}"


def _opt_fold(text: str | None) -> str | None:
    return fold_text(nfc(text)).strip() if text else None


# -- maintenance -------------------------------------------------------------------

_NOTICE_COLUMNS = (
    "id, title, number, summary, body_markdown, issuer, doc_type, category_id, published"
)


def _published_ts(value: object) -> int:
    # Any stored value: SQLite lets an INTEGER column hold text.
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError, OverflowError):
        return 0


def _block(ts: int) -> int:
    """The first rowid of the block of notices published in second *ts*."""
    return (TS_MAX - min(max(ts, TS_MIN), TS_MAX)) << SHIFT


def _rowid_ts(rowid: int) -> int:
    """The publication second a rowid was given for."""
    return TS_MAX - (rowid >> SHIFT)


class _Allocator:
    """Hands out free rowids inside each publication second's block.

    From the top of the block down: of two notices published in the same
    second, the one indexed later comes first, as if it were newer.
    """

    def __init__(self, conn: Connection, fresh: bool) -> None:
        self._conn = conn
        self._fresh = fresh
        self._next: dict[int, int] = {}

    def take(self, ts: int) -> int:
        base = _block(ts)
        nxt = self._next.get(base)
        if nxt is None:
            nxt = base + (1 << SHIFT) - 1
            if not self._fresh:
                low = self._conn.exec_driver_sql(
                    "SELECT min(rowid) FROM search_key WHERE rowid >= ? AND rowid < ?",
                    (base, base + (1 << SHIFT)),
                ).scalar()
                if low is not None:
                    nxt = int(low) - 1
        if nxt < base:
            raise ValueError(f"more than {1 << SHIFT} notices published in one second")
        self._next[base] = nxt - 1
        return nxt


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _remove(conn: Connection, ids: Sequence[str]) -> None:
    for chunk in _chunks(ids):
        rowids = [
            (r[0],)
            for r in conn.exec_driver_sql(
                f"SELECT rowid FROM search_key WHERE notice_id IN ({_marks(len(chunk))})",
                tuple(chunk),
            )
        ]
        if not rowids:
            continue
        for table in (*FTS_TABLES, "search_key"):
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE rowid = ?", rowids)


# The unary + keeps SQLite on the primary key: through the listing index it
# walked every visible notice for each chunk (~134 ms per chunk at 100,000
# notices, a third of a full import).
_VISIBLE_IN = "AND +withdrawn = 0 AND +has_content = 1"


def _newest_first(conn: Connection, ids: Sequence[str]) -> list[str]:
    """The visible notices among *ids*, newest first (ties by id)."""
    found: list[tuple[int, str]] = []
    for chunk in _chunks(ids):
        found.extend(
            (-_published_ts(published), nid)
            for nid, published in conn.exec_driver_sql(
                f"SELECT id, published FROM notice WHERE id IN ({_marks(len(chunk))}) "
                + _VISIBLE_IN,
                tuple(chunk),
            )
        )
    found.sort()
    return [nid for _ts, nid in found]


def _add(conn: Connection, ids: Sequence[str], *, fresh: bool = False) -> int:
    """Index the visible notices among *ids*.

    FTS5 takes rows in ascending rowid order cheaply; a smaller rowid than the
    last one makes it flush its pending terms to a new segment, and a row at a
    time that was a third of a 100,000-notice import. So the notices go in
    newest first (ascending rowids), and each chunk's rows sorted by rowid.
    """
    alloc = _Allocator(conn, fresh)
    added = 0
    for chunk in _chunks(_newest_first(conn, ids)):
        rows = sorted(
            conn.exec_driver_sql(
                f"SELECT {_NOTICE_COLUMNS} FROM notice WHERE id IN ({_marks(len(chunk))}) "
                + _VISIBLE_IN,
                tuple(chunk),
            ),
            key=lambda r: (-_published_ts(r[8]), r[0]),
        )
        keys, mains, titles, numbers = [], [], [], []
        vocabulary: set[str] = set()
        for nid, title, number, summary, body, issuer, doc_type, category_id, published in rows:
            rowid = alloc.take(_published_ts(published))
            text = _body_text(summary, body)
            title_f = fold_text(nfc(title or ""))
            number_c = _number_column(number)
            keys.append((rowid, nid, category_id, _opt_fold(doc_type), _opt_fold(issuer)))
            mains.append(
                (
                    rowid,
                    title_f,
                    number_c,
                    fold_text(text),
                    fold_text(nfc(f"{issuer or ''} {doc_type or ''}")),
                    _exact_words(title, number, text, issuer, doc_type),
                )
            )
            titles.append((rowid, title_f, _exact_words(title)))
            if number_c:
                numbers.append((rowid, number_c))
            for column in mains[-1][1:]:
                vocabulary.update(_WORD.findall(column))
        for table_rows in (keys, mains, titles, numbers):
            table_rows.sort(key=lambda r: r[0])
        if keys:
            conn.exec_driver_sql(
                "INSERT INTO search_key (rowid, notice_id, category_id, doc_type_f, issuer_f) "
                "VALUES (?, ?, ?, ?, ?)",
                keys,
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
    return added


def update_index(session: Session, changed_ids: Sequence[str], removed_ids: Sequence[str]) -> None:
    """Bring the index up to date for notices an import just wrote.

    Runs in the caller's transaction, after the notices are written. Changed
    notices are indexed again; removed ones, and any changed one that is
    withdrawn or has no content, leave the index.
    """
    session.flush()
    conn = session.connection()
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
    return added


def rebuild_index(session: Session) -> int:
    """Drop and rebuild the whole index (`bangtin reindex`); returns notices indexed."""
    session.flush()
    conn = session.connection()
    # Dropping is much faster than deleting: an FTS5 delete re-tokenizes the row.
    for stmt in (*DROP, *SCHEMA):
        conn.exec_driver_sql(stmt)
    return fill_index(conn)


# -- queries -----------------------------------------------------------------------

_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'


@dataclass(frozen=True)
class _Term:
    folded: str
    exact: str | None  # the word as typed (casefolded) when it carries diacritics


@dataclass(frozen=True)
class _Group:
    """One word, or the words of a phrase."""

    terms: tuple[_Term, ...]
    phrase: bool
    prefix: bool


@dataclass(frozen=True)
class _Query:
    groups: tuple[_Group, ...]

    @property
    def terms(self) -> list[_Term]:
        return [t for g in self.groups for t in g.terms]

    @property
    def marked(self) -> bool:
        return any(t.exact for t in self.terms)


def _terms(text: str) -> list[_Term]:
    out: list[_Term] = []
    for word in _WORD.findall(text.casefold()):
        folded = fold_text(word)
        for piece in _WORD.findall(folded):
            out.append(_Term(piece, word if word != folded and piece == folded else None))
    return out


def _parse(query: str) -> _Query:
    text = nfc(query[:MAX_QUERY_CHARS])
    groups: list[_Group] = []
    pieces = re.split(f"[{_QUOTES}]", text)
    count = 0
    for i, piece in enumerate(pieces):
        inside = i % 2 == 1
        terms = _terms(piece)
        if not terms:
            continue
        if inside and len(terms) > 1:
            still_open = i == len(pieces) - 1
            groups.append(_Group(tuple(terms[:MAX_TERMS]), phrase=True, prefix=still_open))
            count += len(terms)
        else:
            groups.extend(_Group((t,), phrase=False, prefix=True) for t in terms)
            count += len(terms)
        if count >= MAX_TERMS:
            break
    groups = groups[:MAX_TERMS]
    # Only the word being typed is a prefix: "ke hoach" must not match "kết"
    # and "kém" for its first word. A query ending in a space is finished.
    finished = text[-1:].isspace()
    for index, group in enumerate(groups):
        last = index == len(groups) - 1
        if not group.phrase and group.prefix and (not last or finished):
            groups[index] = _Group(group.terms, phrase=False, prefix=False)
    # A word typed twice ("đ:đ") is one word; it stays a prefix if either is.
    merged: list[_Group] = []
    for group in groups:
        twin = next(
            (
                i
                for i, other in enumerate(merged)
                if not group.phrase and not other.phrase and other.terms == group.terms
            ),
            None,
        )
        if twin is None:
            merged.append(group)
        elif group.prefix:
            merged[twin] = group
    return _Query(tuple(merged))


def _q(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


class _Prefixes:
    """Writes a word prefix as FTS5 terms, expanded through `search_term`.

    FTS5 answers ``"word"*`` from a prefix index when the prefix is 1 to 3
    characters long; a longer one makes it merge every matching term's whole
    doclist before it returns the first row (~5 ms for a common word in
    100,000 notices). A few exact terms joined by OR stream instead, and stop
    at the LIMIT like any other query.
    """

    def __init__(self, db: sqlite3.Connection | None) -> None:
        self._db = db
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        if self._db is None or len(word) <= 3 or ord(word[-1]) >= 0x10FFFF:
            return _q(word) + "*"
        expr = self._cache.get(word)
        if expr is None:
            after = word[:-1] + chr(ord(word[-1]) + 1)
            terms = [
                r[0]
                for r in self._db.execute(
                    "SELECT term FROM search_term WHERE term >= ? AND term < ? LIMIT ?",
                    (word, after, MAX_EXPANSION + 1),
                )
            ]
            if not terms or len(terms) > MAX_EXPANSION:
                expr = _q(word) + "*"
            elif len(terms) == 1:
                expr = _q(terms[0])
            else:
                expr = "(" + " OR ".join(_q(t) for t in terms) + ")"
            self._cache[word] = expr
        return expr


def _group_expr(g: _Group, words: list[str], prefix: _Prefixes) -> str:
    if len(words) == 1 and g.prefix:
        return prefix(words[0])
    return _q(" ".join(words)) + ("*" if g.prefix else "")


def _folded_expr(q: _Query, prefix: _Prefixes | None = None) -> str:
    """All groups, folded, as an FTS5 expression; every term quoted."""
    prefix = prefix or _Prefixes(None)
    return " AND ".join(_group_expr(g, [t.folded for t in g.terms], prefix) for g in q.groups)


def _exact_expr(q: _Query, prefix: _Prefixes | None = None) -> str:
    """Like `_folded_expr`, but words typed with diacritics must match exactly."""
    prefix = prefix or _Prefixes(None)
    parts = []
    for g in q.groups:
        if g.phrase:
            parts.append(_group_expr(g, [t.folded for t in g.terms], prefix))
            last = len(g.terms) - 1
            parts.extend(
                _q(t.exact) + ("*" if g.prefix and i == last else "")
                for i, t in enumerate(g.terms)
                if t.exact
            )
        else:
            t = g.terms[0]
            word = t.exact or t.folded
            parts.append(prefix(word) if g.prefix else _q(word))
    return " AND ".join(parts)


def _compact_query(q: _Query) -> str | None:
    terms = q.terms
    if not any(ch.isdigit() for t in terms for ch in t.folded):
        return None
    return "".join(t.folded for t in terms)


def _plan(q: _Query, prefix: _Prefixes) -> list[tuple[int, str, str]]:
    """The tier queries, best first: (tier, table, MATCH expression)."""
    plan: list[tuple[int, str, str]] = []
    compact = _compact_query(q)
    if compact:
        plan.append((5, "search_number", _q(compact)))
        plan.append((4, "search_number", _q(compact) + "*"))
    folded = _folded_expr(q, prefix)
    if q.marked:
        exact = _exact_expr(q, prefix)
        plan.append((3, "search_title", exact))
        plan.append((2, "search_main", exact))
    plan.append((1, "search_title", folded))
    plan.append((0, "search_main", folded))
    return plan


@dataclass(frozen=True)
class _Filter:
    lo: int | None
    hi: int | None
    category_ids: tuple[int, ...] | None
    doc_type: str | None
    issuer: str | None

    @property
    def needs_key(self) -> bool:
        return self.category_ids is not None or bool(self.doc_type) or bool(self.issuer)


def _day_start(day: date) -> int:
    return int(datetime.combine(day, time(0), VN_TZ).timestamp())


def _make_filter(
    db: sqlite3.Connection,
    category: str | None,
    date_from: date | None,
    date_to: date | None,
    doc_type: str | None,
    issuer: str | None,
) -> _Filter | None:
    """The filter, or None when it can match nothing."""
    category_ids: tuple[int, ...] | None = None
    if category:
        path = nfc(category).strip("/")
        category_ids = tuple(
            int(cid)
            for cid, p in db.execute("SELECT id, path FROM category")
            if p == path or p.startswith(path + "/")
        )
        if not category_ids:
            return None
    # Rowids run newest first: the last day bounds them from below.
    lo = (
        _block(_day_start(date_to + timedelta(days=1)) - 1)
        if date_to and date_to < date.max
        else None
    )
    hi = _block(_day_start(date_from)) + (1 << SHIFT) - 1 if date_from else None
    if lo is not None and hi is not None and lo > hi:
        return None
    return _Filter(lo, hi, category_ids, _opt_fold(doc_type), _opt_fold(issuer))


def _match_sql(table: str, flt: _Filter) -> tuple[str, list[object]]:
    sql = f"SELECT {table}.rowid FROM {table}"
    params: list[object] = []
    if flt.needs_key:
        sql += f" JOIN search_key ON search_key.rowid = {table}.rowid"
    sql += f" WHERE {table} MATCH ?"
    if flt.lo is not None:
        sql += f" AND {table}.rowid >= ?"
        params.append(flt.lo)
    if flt.hi is not None:
        sql += f" AND {table}.rowid <= ?"
        params.append(flt.hi)
    if flt.category_ids is not None:
        sql += f" AND search_key.category_id IN ({','.join(map(str, flt.category_ids))})"
    if flt.doc_type:
        sql += " AND search_key.doc_type_f = ?"
        params.append(flt.doc_type)
    if flt.issuer:
        sql += " AND search_key.issuer_f = ?"
        params.append(flt.issuer)
    return sql, params


@dataclass(frozen=True)
class SearchHit:
    """One search result, with a snippet in the notice's own diacritics."""

    id: str
    title: str
    published: datetime
    number: str | None
    category: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    score: float

    def snippet_html(self) -> str:
        """The snippet as escaped HTML with the matches in <b>…</b>."""
        return render_html(self.snippet, self.spans)


def _score(tier: int, rowid: int) -> float:
    # The publication time as a fraction: newer is higher within a tier.
    return tier + (_rowid_ts(rowid) - TS_MIN) / (TS_MAX - TS_MIN + 1)


def search(
    session: Session,
    query: str,
    *,
    category: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    doc_type: str | None = None,
    issuer: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Notices matching *query*, best first (see the module docstring for the order).

    *category* includes its subcategories; dates are inclusive days in +07:00;
    *doc_type* and *issuer* compare folded, so case and diacritics don't matter.
    """
    q = _parse(query)
    conn = session.connection()
    db = _dbapi(conn)
    flt = _make_filter(db, category, date_from, date_to, doc_type, issuer)
    page = _rank(db, q, flt, limit, offset)
    return _hits(conn, page, q) if page else []


def ranked_ids(
    session: Session,
    query: str,
    *,
    category: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    doc_type: str | None = None,
    issuer: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[str]:
    """The ids of the notices `search` returns, in the same order, without snippets.

    For when only the order is needed (printing every result): building a
    snippet costs more than finding and ranking the notice.
    """
    q = _parse(query)
    db = _dbapi(session.connection())
    flt = _make_filter(db, category, date_from, date_to, doc_type, issuer)
    page = _rank(db, q, flt, limit, offset)
    if not page:
        return []
    rowids = [r for r, _ in page]
    found = dict(
        db.execute(
            f"SELECT rowid, notice_id FROM search_key WHERE rowid IN ({_marks(len(rowids))})",
            rowids,
        ).fetchall()
    )
    return [found[r] for r in rowids if r in found]


def _dbapi(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under *conn*, in the same transaction.

    Search queries go through it directly: SQLAlchemy's statement handling
    costs ~0.1 ms a query, as much as a whole tier query on 100,000 notices.
    """
    raw = conn.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError("the archive is not an sqlite3 connection")
    return raw


def _rank(
    db: sqlite3.Connection, q: _Query, flt: _Filter | None, limit: int, offset: int
) -> list[tuple[int, int]]:
    """(rowid, tier) of results *offset*… of *q*, best first: the tier queries in turn."""
    if not q.groups or limit <= 0 or flt is None:
        return []
    offset = max(offset, 0)
    need = offset + limit
    ranked: dict[int, int] = {}
    for tier, table, expr in _plan(q, _Prefixes(db)):
        sql, params = _match_sql(table, flt)
        rows = db.execute(sql + f" ORDER BY {table}.rowid LIMIT ?", (expr, *params, need))
        for (rowid,) in rows:
            if rowid not in ranked:
                ranked[rowid] = tier
                if len(ranked) >= need:
                    break
        if len(ranked) >= need:
            break
    return list(ranked.items())[offset:need]


def _hits(conn: Connection, page: list[tuple[int, int]], q: _Query) -> list[SearchHit]:
    marks = _marks(len(page))
    rowids = tuple(r for r, _ in page)
    rows = conn.exec_driver_sql(
        "SELECT k.rowid, n.id, n.title, n.published, n.number, c.path, n.summary, "
        "n.body_markdown FROM search_key AS k JOIN notice AS n ON n.id = k.notice_id "
        f"LEFT JOIN category AS c ON c.id = n.category_id WHERE k.rowid IN ({marks})",
        rowids,
    ).fetchall()
    # The index already holds each body folded: reuse it instead of folding again.
    folded: dict[int, str] = {
        r[0]: r[1]
        for r in conn.exec_driver_sql(
            f"SELECT rowid, body FROM search_main WHERE rowid IN ({marks})", rowids
        )
    }
    by_rowid = {r[0]: r for r in rows}
    terms = highlight_terms_of(q)
    prefer = sorted({t.exact for t in q.terms if t.exact}, key=len, reverse=True)
    hits: list[SearchHit] = []
    for rowid, tier in page:
        row = by_rowid.get(rowid)
        if row is None:
            continue
        _, nid, title, published, number, path, summary, body = row
        text = _body_text(summary, body)
        snippet, spans = make_snippet(text, terms, prefer=prefer, folded=folded.get(rowid))
        hits.append(
            SearchHit(
                id=nid,
                title=strip_bidi(title or ""),
                published=from_seconds(published),
                number=number,
                category=path or "",
                snippet=snippet,
                spans=spans,
                score=_score(tier, rowid),
            )
        )
    return hits


def count_matches(
    session: Session,
    query: str,
    *,
    category: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    doc_type: str | None = None,
    issuer: str | None = None,
    cap: int | None = None,
) -> int:
    """How many notices contain every word of *query* (with the same filters).

    That is every hit `search` can return, except a number typed in pieces
    that only its compact form matches ("5 4" for 54/KH). Counting walks every
    match; give *cap* to stop early, and show e.g. "1000+" when it is reached.
    """
    q = _parse(query)
    if not q.groups:
        return 0
    db = _dbapi(session.connection())
    flt = _make_filter(db, category, date_from, date_to, doc_type, issuer)
    if flt is None:
        return 0
    sql, params = _match_sql("search_main", flt)
    if cap is not None:
        sql += " LIMIT ?"
        params.append(max(cap, 0))
    (count,) = db.execute(
        f"SELECT count(*) FROM ({sql})", (_folded_expr(q, _Prefixes(db)), *params)
    ).fetchone()
    return int(count or 0)


# -- highlighting --------------------------------------------------------------------


def highlight_terms_of(q: _Query) -> list[str]:
    terms = dict.fromkeys(t.folded for t in q.terms)
    return sorted(terms, key=lambda t: (-len(t), t))


def highlight_terms(query: str) -> list[str]:
    """The folded word prefixes to highlight for *query*, longest first.

    Pass them to `match_spans` to find the matches in any original text.
    """
    return highlight_terms_of(_parse(query))


def _matches(
    text: str, terms: Sequence[str], folded: str | None = None, limit: int | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of the words of *text* starting with a term.

    Gives the first *limit* only when *limit* is set.
    """
    if not terms or not text:
        return []
    starts: list[int] | None = None
    if _ODD.search(text):
        folded, starts = _fold_map(text)
    elif folded is None or len(folded) != len(text):
        folded = text.translate(_TABLE)
    # str.find per term beats one regex of alternatives scanning every position.
    by_start: dict[int, int] = {}
    cap = len(folded) if limit is None else limit
    for term in terms:
        pos, n = 0, 0
        while n < cap:
            at = folded.find(term, pos)
            if at == -1:
                break
            pos = at + 1
            if at and folded[at - 1].isalnum():
                continue
            end = _WORD_END.match(folded, at + len(term)).end()  # type: ignore[union-attr]
            by_start[at] = max(by_start.get(at, end), end)
            n += 1
    found = []
    for at in sorted(by_start)[:limit]:
        end = by_start[at]
        if starts is None:
            found.append((at, end, folded[at:end]))
        else:
            found.append((starts[at], starts[end], folded[at:end]))
    return found


def match_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the words in *text* that start with one of the folded *terms*."""
    return [(s, e) for s, e, _ in _matches(text, terms)]


def make_snippet(
    text: str,
    terms: Sequence[str],
    size: int = SNIPPET_CHARS,
    *,
    prefer: Sequence[str] = (),
    folded: str | None = None,
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of *text* around its matches, and the matches' spans in it.

    The window holds the most distinct *terms*, then the most words starting
    with one of *prefer* (the words as typed with diacritics). *folded* may
    give fold_text(text) when the caller has it already.
    """
    found = _matches(text, terms, folded, SNIPPET_MATCHES)
    if not found:
        return _cut(text, 0, size, 0)[0], ()
    which = [next((t for t in terms if w.startswith(t)), w) for _s, _e, w in found]
    exact = [
        bool(prefer) and any(text[s:e].casefold().startswith(x) for x in prefer)
        for s, e, _w in found
    ]
    # Slide a window over the matches; j is the first match past its reach.
    best, best_key, j = 0, (0, 0), 0
    for i, (s, _e, _w) in enumerate(found):
        reach = s + size - SNIPPET_LEAD
        j = max(j, i)
        while j < len(found) and found[j][0] < reach:
            j += 1
        key = (len(set(which[i:j])), sum(exact[i:j]))
        if key > best_key:
            best, best_key = i, key
    anchor = found[best][0]
    snippet, start, end, lead = _cut(text, max(anchor - SNIPPET_LEAD, 0), size, anchor)
    shift = lead - start
    spans = tuple((s + shift, min(e, end) + shift) for s, e, _ in found if start <= s < end)
    return snippet, spans


def _cut(text: str, start: int, size: int, anchor: int) -> tuple[str, int, int, int]:
    """A word-aligned window of *text* keeping *anchor*: (snippet, start, end, lead).

    *lead* is the length of the leading "…" the snippet gets when cut.
    """
    if start > 0:
        space = text.find(" ", start, anchor)
        start = space + 1 if space != -1 else anchor
    end = start + size
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > anchor:
            end = space
    else:
        end = len(text)
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    return lead + text[start:end] + tail, start, end, len(lead)


def render_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """*text* as escaped HTML with each span wrapped in <b>…</b>."""
    out: list[str] = []
    pos = 0
    for s, e in sorted(spans):
        if s < pos or e <= s:
            continue
        out.append(html.escape(text[pos:s]))
        out.append("<b>" + html.escape(text[s:e]) + "</b>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)
