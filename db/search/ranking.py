"""Searching: the tiers a hit is ranked by, a page of hits, their ids, and counting.

bm25 has to score every match: ~300 ms when a query of common words
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
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.folding import strip_bidi
from db.search.filters import ANY, Bounds, SearchFilter, match_sql, resolve
from db.search.query import Prefixes, Query, folded_expr, parse, plan
from db.search.schema import TS_MAX, TS_MIN, marks, rowid_ts
from db.search.snippets import highlight_terms_of, make_snippet, render_html
from db.search.text import body_text
from db.types import from_seconds

__all__ = ["SearchHit", "count_matches", "ranked_ids", "search"]


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
    return tier + (rowid_ts(rowid) - TS_MIN) / (TS_MAX - TS_MIN + 1)


def search(
    session: Session,
    query: str,
    where: SearchFilter = ANY,
    *,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Notices matching *query* within *where*, best first (see the module docstring)."""
    q = parse(query)
    conn = session.connection()
    db = _dbapi(conn)
    bounds = resolve(db, where)
    page = _rank(db, q, bounds, limit, offset)
    return _hits(conn, page, q) if page else []


def ranked_ids(
    session: Session,
    query: str,
    where: SearchFilter = ANY,
    *,
    limit: int = 20,
    offset: int = 0,
) -> list[str]:
    """The ids of the notices `search` returns, in the same order, without snippets.

    For when only the order is needed (printing every result): building a
    snippet costs more than finding and ranking the notice.
    """
    q = parse(query)
    db = _dbapi(session.connection())
    bounds = resolve(db, where)
    page = _rank(db, q, bounds, limit, offset)
    if not page:
        return []
    rowids = [r for r, _ in page]
    found = dict(
        db.execute(
            f"SELECT rowid, notice_id FROM search_key WHERE rowid IN ({marks(len(rowids))})",
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
    db: sqlite3.Connection, q: Query, bounds: Bounds | None, limit: int, offset: int
) -> list[tuple[int, int]]:
    """(rowid, tier) of results *offset*… of *q*, best first: the tier queries in turn."""
    if not q.groups or limit <= 0 or bounds is None:
        return []
    offset = max(offset, 0)
    need = offset + limit
    ranked: dict[int, int] = {}
    for tier, table, expr in plan(q, Prefixes(db)):
        sql, params = match_sql(table, bounds)
        rows = db.execute(sql + f" ORDER BY {table}.rowid LIMIT ?", (expr, *params, need))
        for (rowid,) in rows:
            if rowid not in ranked:
                ranked[rowid] = tier
                if len(ranked) >= need:
                    break
        if len(ranked) >= need:
            break
    return list(ranked.items())[offset:need]


def _hits(conn: Connection, page: list[tuple[int, int]], q: Query) -> list[SearchHit]:
    placeholders = marks(len(page))
    rowids = tuple(r for r, _ in page)
    rows = conn.exec_driver_sql(
        "SELECT k.rowid, n.id, n.title, n.published, n.number, c.path, n.summary, "
        "n.body_markdown FROM search_key AS k JOIN notice AS n ON n.id = k.notice_id "
        f"LEFT JOIN category AS c ON c.id = n.category_id WHERE k.rowid IN ({placeholders})",
        rowids,
    ).fetchall()
    # The index already holds each body folded: reuse it instead of folding again.
    folded: dict[int, str] = {
        r[0]: r[1]
        for r in conn.exec_driver_sql(
            f"SELECT rowid, body FROM search_main WHERE rowid IN ({placeholders})", rowids
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
        text = body_text(summary, body)
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
    where: SearchFilter = ANY,
    *,
    cap: int | None = None,
) -> int:
    """How many notices within *where* contain every word of *query*.

    That is every hit `search` can return, except a number typed in pieces
    that only its compact form matches ("5 4" for 54/KH). Counting walks every
    match; give *cap* to stop early, and show e.g. "1000+" when it is reached.
    """
    q = parse(query)
    if not q.groups:
        return 0
    db = _dbapi(session.connection())
    bounds = resolve(db, where)
    if bounds is None:
        return 0
    sql, params = match_sql("search_main", bounds)
    if cap is not None:
        sql += " LIMIT ?"
        params.append(max(cap, 0))
    (count,) = db.execute(
        f"SELECT count(*) FROM ({sql})", (folded_expr(q, Prefixes(db)), *params)
    ).fetchone()
    return int(count or 0)
