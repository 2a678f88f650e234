"""Searching: candidates found cheaply, scored, a page of hits, their ids, and counting.

bm25 has to score every match: ~300 ms when a query of common words
("ủy ban", "năm 2023") matches most of 100,000 notices. We do not use it.
A search with `Sort.RELEVANCE` has two stages:

1. Candidates. A few FTS queries, best first, each ``ORDER BY rowid LIMIT
   POOL`` (rowids run newest first, so each stops after POOL rows however
   many notices match): the notices whose own number is the document the
   query refers to; numbers equal to or starting with the query's; words
   typed with diacritics in the title, then anywhere; the query as a phrase
   in titles; all words in titles; titles holding all words but the first
   or last few, which the issuer or type holds ("Sở Nội vụ" + a topic); all
   words anywhere (POOL/2 rows: bodies' doclists are long); the texts citing
   the referred document by number, when there are more of those; and, only
   when these find few notices, titles with all words but one. They stop
   once POOL notices are gathered: the later queries can only find notices
   of lower tiers. Phrases and column filters over bodies are not used:
   FTS5 checks positions in every row holding the words, ~30 ms for common
   words at 100,000 notices.
2. Scores. `db.search.scoring` gives each candidate a tier and a relevance
   from its short fields and the start of its body; the page is sorted by
   tier, then relevance, then newest first.

So a page costs a few short index walks and POOL scores, whatever the number
of matches. The order is exact between tiers; inside a tier it is the best
of the candidates, which holds the newest POOL matches of each query above.

`Sort.NEWEST` lists every match newest first: the same numbers' and words'
queries, merged by rowid.

A date phrase ("tháng 3 2023", "03/2023", "năm 2023") filters by publication
date, unless the words, taken as text, are in a title or a number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.errors import ArchiveError, ErrorCode
from db.folding import strip_bidi
from db.search import abbreviations, typos
from db.search.filters import (
    ANY,
    Bounds,
    DayKeys,
    SearchFilter,
    Sort,
    day_rowids,
    key_sql,
    match_sql,
    resolve,
)
from db.search.intent import Reference, date_phrase, reference
from db.search.query import (
    Group,
    Prefixes,
    Query,
    compact_query,
    exact_expr,
    folded_expr,
    parse,
    phrase_expr,
    quote,
)
from db.search.schema import TS_MAX, TS_MIN, marks, rowid_ts
from db.search.scoring import BODY_CHARS, Fields, Scorer
from db.search.snippets import highlight_terms_of, make_snippet, render_html
from db.search.text import WORD, inflate
from db.types import from_seconds

__all__ = ["POOL", "SearchHit", "count_matches", "ranked_ids", "search", "suggest"]

#: Candidates scored for a page (more when the page reaches past them).
POOL = 100
#: Own numbers looked at for a reference: every notice numbered "54" of any type.
REF_SCAN = 500
#: Below this many candidates, notices with all words but one are looked for too.
FEW = 10
#: Words dropped one at a time for those, at most.
DROP_MAX = 8
#: Words of an issuer or type typed before or after the rest, at most.
HEADING_WORDS = 4
#: Counting stops here when suggestions are compared.
SUGGEST_CAP = 1000


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


@dataclass(frozen=True)
class _Plan:
    """A query understood against one archive: its words, reference and bounds."""

    q: Query
    ref: Reference | None
    bounds: Bounds
    sort: Sort

    @property
    def dates_only(self) -> bool:
        return not self.q.groups


def _ts_recency(ts: int) -> float:
    # The publication time as a fraction in [0, 1): newer is higher.
    return (ts - TS_MIN) / (TS_MAX - TS_MIN + 1)


def _recency(key: int) -> float:
    # Of a PostgreSQL key, which holds the publication time.
    return _ts_recency(rowid_ts(key))


def _score(tier: int, relevance: float, recency: float) -> float:
    # Relevance steps by 0.01, so the recency fraction only orders equals.
    return tier * 100 + relevance + 0.009 * recency


def plan_search(
    db: Any,
    text: str,
    where: SearchFilter,
    text_matches: Callable[[Any, Query, str, Bounds], bool],
    days: DayKeys,
) -> _Plan | None:
    """What to look for and where (None: nothing can match), on either engine;
    *text_matches* asks its index whether a date phrase's words are text, and
    *days* gives its keys of days (`db.search.filters.resolve`)."""
    bounds = resolve(db, where, days)
    if bounds is None:
        return None
    q = parse(text)
    span = date_phrase(text)
    if span is not None and not text_matches(db, q, span.words, bounds):
        narrowed = bounds.within(span.start, span.end, days)
        if narrowed is None:
            return None
        rest = parse(span.rest)
        return _Plan(rest, reference(rest), narrowed, where.sort)
    if not q.groups:
        return None
    return _Plan(q, reference(q), bounds, where.sort)


def _text_matches(db: sqlite3.Connection, q: Query, words: str, bounds: Bounds) -> bool:
    """Whether *q*, its date words taken as words, is in a title or a number."""
    if _first(db, "search_title", folded_expr(q, Prefixes(db)), bounds):
        return True
    digits = [w for w in WORD.findall(words) if w.isdigit()]
    return len(digits) > 1 and _first(db, "search_number", quote(" ".join(digits)), bounds)


def _first(db: sqlite3.Connection, table: str, expr: str, bounds: Bounds) -> bool:
    sql, params = match_sql(table, bounds)
    return db.execute(sql + " LIMIT 1", (expr, *params)).fetchone() is not None


def search(
    session: Session,
    query: str,
    where: SearchFilter = ANY,
    *,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Notices matching *query* within *where*, in *where.sort*'s order (module docstring)."""
    if _on_server(session):
        from db.search import pgquery

        return pgquery.search(session, query, where, limit=limit, offset=offset)
    db = _dbapi(session.connection())
    plan = plan_search(db, query, where, _text_matches, day_rowids(db))
    if plan is None:
        return []
    page = _rank(db, plan, limit, offset)
    return _hits(db, page, plan) if page else []


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
    if _on_server(session):
        from db.search import pgquery

        return pgquery.ranked_ids(session, query, where, limit=limit, offset=offset)
    db = _dbapi(session.connection())
    plan = plan_search(db, query, where, _text_matches, day_rowids(db))
    if plan is None:
        return []
    page = _rank(db, plan, limit, offset)
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


def _on_server(session: Session) -> bool:
    # A PostgreSQL archive has its own index and queries (`db.search.pgquery`);
    # they import this module, so they are imported when first needed.
    return session.get_bind().dialect.name == "postgresql"


def _dbapi(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under *conn*, in the same transaction.

    Search queries go through it directly: SQLAlchemy's statement handling
    costs ~0.1 ms a query, as much as a whole tier query on 100,000 notices.
    """
    raw = conn.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        # Neither SQLite nor PostgreSQL: no index this module knows.
        raise ArchiveError(ErrorCode.NOT_ON_SERVER, "search")
    return raw


def _rank(db: sqlite3.Connection, plan: _Plan, limit: int, offset: int) -> list[tuple[int, float]]:
    """(rowid, score) of results *offset*… of *plan*, best first.

    The scores lack the publication time's part (`_by_date`), which the
    rowids' order already holds: `_hits` adds it from ``search_key``'s ``ts``
    for the page shown, as PostgreSQL's keys give it."""
    if limit <= 0:
        return []
    offset = max(offset, 0)
    need = offset + limit
    if plan.dates_only:
        sql, params = key_sql(plan.bounds)
        rows = db.execute(sql + " ORDER BY rowid LIMIT ?", (*params, need)).fetchall()
        return [(r, 0.0) for (r,) in rows][offset:need]
    if plan.sort == Sort.NEWEST:
        return _newest(db, plan, need)[offset:need]
    return _relevant(db, plan, need)[offset:need]


def _walk(
    db: sqlite3.Connection, table: str, expr: str, bounds: Bounds, count: int
) -> Iterable[int]:
    """The first *count* rowids (newest first) of *table* matching *expr* within *bounds*."""
    sql, params = match_sql(table, bounds)
    for (rowid,) in db.execute(sql + f" ORDER BY {table}.rowid LIMIT ?", (expr, *params, count)):
        yield rowid


def _referred(db: sqlite3.Connection, ref: Reference, bounds: Bounds, count: int) -> list[int]:
    """The notices, newest first, whose own number is *ref* (type and all)."""
    sql, params = match_sql("search_number", bounds)
    found: list[int] = []
    rows = db.execute(
        sql + " ORDER BY search_number.rowid LIMIT ?", ("^" + quote(ref.number), *params, REF_SCAN)
    )
    numbered = [r for (r,) in rows.fetchall()]
    if not numbered:
        return found
    # The FTS table holds no content: the number as indexed is in search_text.
    keys = {
        r[0]: (r[1], r[2], r[3])
        for r in db.execute(
            "SELECT k.rowid, k.doc_type_f, k.issuer_f, t.number FROM search_key AS k "
            "JOIN search_text AS t ON t.rowid = k.rowid "
            f"WHERE k.rowid IN ({marks(len(numbered))})",
            numbered,
        )
    }
    for rowid in numbered:
        doc_type, issuer, number = keys.get(rowid, (None, None, ""))
        if ref.level(number, doc_type, issuer, ""):
            found.append(rowid)
            if len(found) >= count:
                break
    return found


def _streams(
    db: sqlite3.Connection, plan: _Plan, prefix: Prefixes, size: int, need: int
) -> Iterable[tuple[str, str, int] | tuple[Query, Query]]:
    """The candidate queries of a relevance search, best first.

    Each is (table, expression, limit), or (kept, dropped) for the titles
    holding *kept* whose issuer or type holds *dropped* (`_heading`). The
    queries over bodies, whose doclists are long, take fewer rows: the
    notices they add are of the lower tiers.
    """
    q = plan.q
    body = max(need, size // 2)
    compact = compact_query(q)
    if compact:
        yield "search_number", quote(compact), size
        yield "search_number", quote(compact) + "*", size
    folded = folded_expr(q, prefix)
    if q.marked:
        exact = exact_expr(q, prefix)
        yield "search_title", exact, size
        yield "search_main", exact, body
    phrase = phrase_expr(q, prefix)
    if phrase:
        yield "search_title", phrase, size
    yield "search_title", folded, size
    # The heading: an issuer typed first or last ("ubnd huyen hoa son …",
    # "… so y te"), the rest in the title. Only from an issuer's first word:
    # a title query of the other words rejects row after row otherwise.
    groups = q.groups
    for cut in range(1, min(HEADING_WORDS, len(groups) - 2) + 1):
        if _opens_heading(groups[0]) and _wordy(groups[:cut]):
            yield Query(groups[cut:]), Query(groups[:cut])
        if _opens_heading(groups[-cut]) and _wordy(groups[-cut:]):
            yield Query(groups[:-cut]), Query(groups[-cut:])
    yield "search_main", folded, body
    ref = plan.ref
    if ref is not None and ref.codes and len(ref.number) > 1:
        # Notices citing the document as "54/KH-…", beyond the newest above.
        yield "search_main", " OR ".join(quote(f"{ref.number} {c}") for c in ref.codes), body


#: The words an issuer's name starts with, and the abbreviations of issuers and types.
_HEADING_WORDS = (
    frozenset(
        {w.split()[0] for w in abbreviations.ISSUERS.values()}
        | set(abbreviations.ISSUERS)
        | set(abbreviations.DOC_TYPES)
    )
    - abbreviations.SYLLABLES
)


def _opens_heading(g: Group) -> bool:
    return not g.phrase and g.terms[0].folded in _HEADING_WORDS


def _wordy(groups: tuple[Group, ...]) -> bool:
    # Numbers are in no issuer's name.
    return all(t.folded.isalpha() for g in groups for t in g.terms)


def _heading(
    db: sqlite3.Connection,
    kept: Query,
    dropped: Query,
    bounds: Bounds,
    count: int,
    prefix: Prefixes,
) -> list[int]:
    """Notices whose title holds the words of *kept* and whose issuer or type
    holds those of *dropped* ("Sở Nội vụ" + a topic): a title query, short."""
    sql = (
        "SELECT search_title.rowid FROM search_title "
        "JOIN search_key AS k ON k.rowid = search_title.rowid WHERE search_title MATCH ?"
    )
    params: list[object] = [folded_expr(kept, prefix)]
    heading = "(' ' || coalesce(k.issuer_f, '') || ' ' || coalesce(k.doc_type_f, '') || ' ')"
    for g in dropped.groups:
        words = [" ".join(t.folded for t in g.terms), *g.alts]
        ends = [" " if not g.prefix or i else "" for i in range(len(words))]
        sql += " AND (" + " OR ".join(f"instr({heading}, ?) > 0" for _ in words) + ")"
        params.extend(f" {w}{end}" for w, end in zip(words, ends, strict=True))
    if bounds.lo is not None:
        sql += " AND search_title.rowid >= ?"
        params.append(bounds.lo)
    if bounds.hi is not None:
        sql += " AND search_title.rowid <= ?"
        params.append(bounds.hi)
    if bounds.category_ids is not None:
        sql += f" AND k.category_id IN ({','.join(map(str, bounds.category_ids))})"
    if bounds.doc_type:
        sql += " AND k.doc_type_f = ?"
        params.append(bounds.doc_type)
    if bounds.issuer:
        sql += " AND k.issuer_f = ?"
        params.append(bounds.issuer)
    sql += " ORDER BY search_title.rowid LIMIT ?"
    return [r for (r,) in db.execute(sql, (*params, count))]


def _relevant(db: sqlite3.Connection, plan: _Plan, need: int) -> list[tuple[int, float]]:
    size = max(POOL, need)
    prefix = Prefixes(db)
    pool: dict[int, None] = {}
    if plan.ref is not None:
        pool.update(dict.fromkeys(_referred(db, plan.ref, plan.bounds, size)))
    words = folded_expr(plan.q, prefix)
    short = False  # whether the words' query over bodies found all it could
    folded: list[int] | None = None  # its rows, when read ahead of its turn
    for stream in _streams(db, plan, prefix, size, need):
        if len(pool) >= size:
            break
        if len(stream) == 2:
            kept, dropped = stream
            pool.update(dict.fromkeys(_heading(db, kept, dropped, plan.bounds, size, prefix)))
            continue
        table, expr, limit = stream
        if short and table == "search_main":
            break  # the words' own query found every match; citations hold them too
        if table == "search_main" and expr != words and folded is None and _phrased(plan.q):
            # The words as typed, over bodies, with a phrase: every notice
            # holding them holds their folded forms too. When those are few,
            # the folded query finds them all at once, and the query as typed
            # (as slow: "hội đồng nhân dân", for "HĐND", checked in each
            # notice holding its words) has nothing to add.
            folded = list(_walk(db, table, words, plan.bounds, limit))
            if len(folded) < limit:
                pool.update(dict.fromkeys(folded))
                short = True
                continue
        if table == "search_main" and expr == words and folded is not None:
            found = folded
        else:
            found = list(_walk(db, table, expr, plan.bounds, limit))
        pool.update(dict.fromkeys(found))
        short = short or (table == "search_main" and expr == words and len(found) < limit)
    if len(pool) < FEW:
        pool.update(dict.fromkeys(_all_but_one(db, plan, prefix, need)))
    if not pool:
        return []
    scorer = Scorer(plan.q, plan.ref, compact_query(plan.q))
    scored = scorer.rank(_fields(db, list(pool), plan.q.marked), need)
    return [(rowid, _score(tier, rel, 0.0)) for tier, rel, rowid in scored]


def _phrased(q: Query) -> bool:
    """Whether *q* has words typed with diacritics and a phrase (its own, or an
    abbreviation's words) that FTS5 checks position by position."""
    return q.marked and any(g.phrase or any(" " in a for a in g.alts) for g in q.groups)


def _all_but_one(db: sqlite3.Connection, plan: _Plan, prefix: Prefixes, count: int) -> list[int]:
    """Notices whose title holds all words of the query but one (three words or more).

    Only titles: a body holds two of three common words by chance, a title
    that holds them is about them (and the missing word may be mistyped).
    """
    found: dict[int, None] = {}
    for rest in _all_but_one_groups(plan.q):
        found.update(
            dict.fromkeys(_walk(db, "search_title", folded_expr(rest, prefix), plan.bounds, count))
        )
    return list(found)


def _all_but_one_groups(q: Query) -> list[Query]:
    """*q* without each of its words in turn (three words or more; DROP_MAX at most)."""
    groups = q.groups
    if len(groups) < 3:
        return []
    return [Query(groups[:drop] + groups[drop + 1 :]) for drop in range(min(len(groups), DROP_MAX))]


def _fields(db: sqlite3.Connection, rowids: list[int], marked: bool) -> list[Fields]:
    """What `Scorer` reads of each notice: from ``search_text`` the folded
    columns as indexed (the body's start), and the marked words (``exact``,
    ``title_exact``) only for a query with some, as only it reads them; of
    the notice only the summary's length, which comes before the body in the
    row, so a long body's overflow pages are never read."""
    out: list[Fields] = []
    words, title = ("m.exact", "m.title_exact") if marked else ("NULL", "NULL")
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        rows = db.execute(
            f"SELECT k.rowid, m.title, m.number, substr(m.folded, 1, ?), m.meta, {words}, "
            f"k.doc_type_f, k.issuer_f, {title}, length(n.summary) "
            "FROM search_key AS k JOIN search_text AS m ON m.rowid = k.rowid "
            "JOIN notice AS n ON n.id = k.notice_id "
            f"WHERE k.rowid IN ({marks(len(chunk))})",
            (BODY_CHARS, *chunk),
        )
        for rowid, title_f, number, body, meta, exact, doc_type, issuer, original, summary in rows:
            out.append(
                Fields(
                    rowid=rowid,
                    title=title_f or "",
                    number=number or "",
                    body=body or "",
                    meta=meta or "",
                    exact=exact or "",
                    title_exact=frozenset(original.split()) if original else _NONE,
                    doc_type=doc_type,
                    issuer=issuer,
                    summary_chars=summary or 0,
                )
            )
    return out


_NONE: frozenset[str] = frozenset()


def _newest(db: sqlite3.Connection, plan: _Plan, need: int) -> list[tuple[int, float]]:
    """Every match newest first: referred notices, numbers and words, merged by rowid."""
    found: set[int] = set()
    if plan.ref is not None:
        found.update(_referred(db, plan.ref, plan.bounds, need))
    compact = compact_query(plan.q)
    if compact:
        found.update(_walk(db, "search_number", quote(compact) + "*", plan.bounds, need))
    found.update(_walk(db, "search_main", folded_expr(plan.q, Prefixes(db)), plan.bounds, need))
    return [(r, 0.0) for r in sorted(found)[:need]]


def _by_date(plan: _Plan) -> float:
    """How much of a score the publication time is: all of it when the results
    are in date order, otherwise only enough to order equals (`_score`)."""
    return 1.0 if plan.dates_only or plan.sort == Sort.NEWEST else 0.009


def _hits(db: sqlite3.Connection, page: list[tuple[int, float]], plan: _Plan) -> list[SearchHit]:
    rowids = tuple(r for r, _ in page)
    # The plain text stored at import: no Markdown is stripped here.
    rows = db.execute(
        "SELECT k.rowid, n.id, n.title, n.published, n.number, c.path, t.plain_z, t.folded, k.ts "
        "FROM search_key AS k JOIN notice AS n ON n.id = k.notice_id "
        "JOIN search_text AS t ON t.rowid = k.rowid "
        f"LEFT JOIN category AS c ON c.id = n.category_id WHERE k.rowid IN ({marks(len(page))})",
        rowids,
    ).fetchall()
    stamps = {r[0]: r[8] for r in rows}
    weight = _by_date(plan)
    scored = [(r, score + weight * _ts_recency(stamps.get(r, 0))) for r, score in page]
    return page_hits(scored, ((r[0], *r[1:6], inflate(r[6]), r[7]) for r in rows), plan.q)


#: A shown row as both engines read it: key, id, title, published (seconds),
#: number, category path, plain text, folded text.
PageRow = tuple[Any, str, str | None, int, str | None, str | None, str, str]


def page_hits(page: list[tuple[Any, float]], rows: Iterable[PageRow], q: Query) -> list[SearchHit]:
    """The hits of *page* ((key, score), in order) from its *rows*, each with its snippet."""
    by_key = {r[0]: r for r in rows}
    terms = highlight_terms_of(q)
    prefer = sorted({t.exact for t in q.terms if t.exact}, key=len, reverse=True)
    hits: list[SearchHit] = []
    for key, score in page:
        row = by_key.get(key)
        if row is None:
            continue
        _, nid, title, published, number, path, plain, folded = row
        snippet, spans = make_snippet(plain, terms, prefer=prefer, folded=folded)
        hits.append(
            SearchHit(
                id=nid,
                title=strip_bidi(title or ""),
                published=from_seconds(published),
                number=number,
                category=path or "",
                snippet=snippet,
                spans=spans,
                score=score,
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

    When fewer than FEW do, the titles that hold all words but one are
    counted too, as `search` lists them. That is every hit `search` can
    return, except a number typed in pieces that only its compact form
    matches ("5 4" for 54/KH) and a notice only its own number finds. A date
    phrase filters as it does in `search`; a query that is only a date counts
    the notices of those days. Counting walks every match; give *cap* to stop
    early, and show e.g. "1000+" when it is reached.
    """
    if _on_server(session):
        from db.search import pgquery

        return pgquery.count_matches(session, query, where, cap=cap)
    return _count(_dbapi(session.connection()), query, where, cap, partial=True)


def suggest(session: Session, query: str, where: SearchFilter = ANY) -> str | None:
    """A better spelling of *query* when it finds nothing or very little, or None.

    For "Có phải bạn muốn tìm: …": the query with its unknown words mended
    (`db.search.typos`), offered only when it finds more notices within
    *where* than the query as typed.
    """
    if _on_server(session):
        from db.search import pgquery

        return pgquery.suggest(session, query, where)
    db = _dbapi(session.connection())
    found = _count(db, query, where, typos.FEW, partial=False)
    if found >= typos.FEW:
        return None
    mended = typos.mend(db, query, lambda text: _count(db, text, where, SUGGEST_CAP, False))
    if mended is None or mended[1] <= found:
        return None
    return mended[0]


def _count(
    db: sqlite3.Connection, query: str, where: SearchFilter, cap: int | None, partial: bool
) -> int:
    plan = plan_search(db, query, where, _text_matches, day_rowids(db))
    if plan is None:
        return 0
    prefix = Prefixes(db)
    if plan.dates_only:
        sql, params = key_sql(plan.bounds)
    else:
        sql, params = match_sql("search_main", plan.bounds)
        params.insert(0, folded_expr(plan.q, prefix))
    if cap is not None:
        sql += " LIMIT ?"
        params.append(max(cap, 0))
    (count,) = db.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    count = int(count or 0)
    if partial and count < FEW and not plan.dates_only:
        # `search` then lists titles with all words but one too: count them.
        sql, params = match_sql("search_main", plan.bounds)
        every = {r for (r,) in db.execute(sql, (folded_expr(plan.q, prefix), *params))}
        every.update(_all_but_one(db, plan, prefix, cap if cap is not None else 1 << 30))
        count = min(len(every), cap) if cap is not None else len(every)
    return count
