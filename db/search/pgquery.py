"""Searching a PostgreSQL archive: the same tiers, scores and snippets as `db.search.ranking`.

Only the index differs (`db.search.pgschema`): each FTS5 query of the
candidate stage is a tsquery here, over the same tokens, written from the
same parsed query (`db.search.query`):

- a quoted FTS5 string is a phrase, ``'ke' <-> 'hoach'``; a prefix is
  ``'hoa':*``, which GIN answers from its own sorted lexemes (FTS5 needs
  `search_term` to expand a long prefix; GIN does not);
- ``^"54"``, a number's first word, is ``number_head = '54'``;
- the heading's issuer test is `strpos`, as SQLite's is `instr`.

Each candidate query is ``ORDER BY rank_key LIMIT k`` over the same
newest-first keys, so it finds the same notices as SQLite's; the pool is
then scored by `db.search.scoring` and the page gets its snippets from
`db.search.snippets`, as on SQLite. Suggestions are `db.search.typos` over
``search_term``, its two-edit look-up through a trigram index (pg_trgm).

Where the engines may differ: a phrase in ``main_tsv`` may run from the end
of one field into the next (FTS5 keeps columns apart), which only adds a
candidate that scoring puts where it belongs; a body longer than 16,383
words has its later words at position 16,383 (PostgreSQL's limit), so a
phrase there is not found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from sqlalchemy.orm import Session

from db.search import ranking, typos
from db.search.filters import Bounds, SearchFilter, Sort, day_bounds
from db.search.intent import Reference
from db.search.pgplan import ordered
from db.search.query import Group, Query, compact_query, issuer_runs
from db.search.ranking import (
    FEW,
    HEADING_WORDS,
    REF_SCAN,
    SUGGEST_CAP,
    SearchHit,
    _all_but_one_groups,
    _opens_heading,
    _Plan,
    _recency,
    _score,
    _wordy,
)
from db.search.scoring import BODY_CHARS, Fields, Scorer
from db.search.text import WORD, body_text, fold_text

__all__ = ["count_matches", "ranked_ids", "search", "suggest"]

TITLE, NUMBER, MAIN = "title_tsv", "number_tsv", "main_tsv"

# -- tsqueries ---------------------------------------------------------------------


def lexeme(word: str) -> str:
    """*word* as a tsquery lexeme: quoted, never syntax."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def phrase(text: str, prefix: bool = False) -> str:
    """The words of *text* side by side (FTS5's ``"text"``, ``"text"*`` with *prefix*)."""
    parts = [lexeme(w) for w in WORD.findall(text)] or ["''"]
    if prefix:
        parts[-1] += ":*"
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _group(g: Group, words: list[str]) -> str:
    core = phrase(" ".join(words), g.prefix)
    if g.alts:
        return "(" + " | ".join([core, *(phrase(a) for a in g.alts)]) + ")"
    return core


def folded_tsq(q: Query) -> str:
    """`db.search.query.folded_expr` as a tsquery."""
    runs = issuer_runs(q.groups)
    parts: list[str] = []
    index = 0
    while index < len(q.groups):
        if index in runs:
            length, code = runs[index]
            words = " & ".join(
                lexeme(t.folded) for g in q.groups[index : index + length] for t in g.terms
            )
            parts.append(f"(({words}) | {lexeme(code)})")
            index += length
            continue
        g = q.groups[index]
        parts.append(_group(g, [t.folded for t in g.terms]))
        index += 1
    return " & ".join(parts)


def exact_tsq(q: Query) -> str:
    """`db.search.query.exact_expr` as a tsquery."""
    parts = []
    for g in q.groups:
        if g.phrase:
            parts.append(_group(g, [t.folded for t in g.terms]))
            last = len(g.terms) - 1
            parts.extend(
                phrase(t.exact, g.prefix and i == last) for i, t in enumerate(g.terms) if t.exact
            )
        else:
            t = g.terms[0]
            core = phrase(t.exact or t.folded, g.prefix)
            if g.alts:
                core = "(" + " | ".join([core, *(phrase(a) for a in g.alts)]) + ")"
            parts.append(core)
    return " & ".join(parts)


def phrase_tsq(q: Query) -> str | None:
    """`db.search.query.phrase_expr` as a tsquery."""
    if len(q.groups) < 2 or any(g.phrase for g in q.groups):
        return None
    return phrase(" ".join(g.terms[0].folded for g in q.groups), q.groups[-1].prefix)


# -- the index -------------------------------------------------------------------------


def _raw(session: Session) -> Any:
    """The psycopg connection under *session*, in its transaction: SQLAlchemy's
    statement handling costs as much as a short index query."""
    return session.connection().connection.driver_connection


def _within(bounds: Bounds, sql: str, params: list[Any], key: str = "rank_key") -> str:
    if bounds.lo is not None:
        sql += f" AND {key} >= %s"
        params.append(bounds.lo)
    if bounds.hi is not None:
        sql += f" AND {key} <= %s"
        params.append(bounds.hi)
    if bounds.category_ids is not None:
        sql += " AND category_id = ANY(%s)"
        params.append(list(bounds.category_ids))
    if bounds.doc_type:
        sql += " AND doc_type_f = %s"
        params.append(bounds.doc_type)
    if bounds.issuer:
        sql += " AND issuer_f = %s"
        params.append(bounds.issuer)
    return sql


def _match_sql(column: str, tsq: str, bounds: Bounds) -> tuple[str, list[Any]]:
    params: list[Any] = [tsq]
    table = "search_main" if column == MAIN else "search_doc"
    sql = _within(bounds, f"SELECT rank_key FROM {table} WHERE {column} @@ %s::tsquery", params)
    return sql, params


def _walk(db: Any, column: str, tsq: str, bounds: Bounds, count: int) -> list[int]:
    sql, params = _match_sql(column, tsq, bounds)
    statement, values = ordered(db, sql, params, tsq, column, count)
    # Never prepared: a generic plan does not know how many notices hold the words.
    return [r for (r,) in db.execute(statement, values, prepare=False)]


def _keys(db: Any, bounds: Bounds) -> tuple[str, list[Any]]:
    params: list[Any] = []
    return _within(bounds, "SELECT rank_key FROM search_doc WHERE true", params), params


# -- a plan -----------------------------------------------------------------------------


def _text_matches(db: Any, q: Query, words: str, bounds: Bounds) -> bool:
    if q.groups and _walk(db, TITLE, folded_tsq(q), bounds, 1):
        return True
    digits = [w for w in WORD.findall(words) if w.isdigit()]
    return len(digits) > 1 and bool(_walk(db, NUMBER, phrase(" ".join(digits)), bounds, 1))


# -- candidates and scores ------------------------------------------------------------


def _referred_sql(ref: Reference, bounds: Bounds) -> tuple[str, list[Any]]:
    """The notices numbered as *ref*'s document, newest first (`REF_SCAN` at most)."""
    params: list[Any] = [ref.number]
    sql = _within(
        bounds,
        "SELECT rank_key, number_f, doc_type_f, issuer_f FROM search_doc WHERE number_head = %s",
        params,
    )
    return sql + " ORDER BY rank_key LIMIT %s", [*params, REF_SCAN]


def _referred_keys(ref: Reference, rows: Iterable[Any], count: int) -> list[int]:
    """The first *count* of *rows* (`_referred_sql`) that are *ref*'s document."""
    found: list[int] = []
    for key, number, doc_type, issuer in rows:
        if ref.level(number, doc_type, issuer, ""):
            found.append(key)
            if len(found) >= count:
                break
    return found


def _referred(db: Any, ref: Reference, bounds: Bounds, count: int) -> list[int]:
    sql, params = _referred_sql(ref, bounds)
    return _referred_keys(ref, db.execute(sql, params), count)


def _streams(
    plan: _Plan, size: int, need: int
) -> Iterable[tuple[str, str, int] | tuple[Query, Query]]:
    """`db.search.ranking._streams`, as tsqueries."""
    q = plan.q
    body = max(need, size // 2)
    compact = compact_query(q)
    if compact:
        yield NUMBER, lexeme(compact), size
        yield NUMBER, lexeme(compact) + ":*", size
    folded = folded_tsq(q)
    if q.marked:
        exact = exact_tsq(q)
        yield TITLE, exact, size
        yield MAIN, exact, body
    whole = phrase_tsq(q)
    if whole:
        yield TITLE, whole, size
    yield TITLE, folded, size
    groups = q.groups
    for cut in range(1, min(HEADING_WORDS, len(groups) - 2) + 1):
        if _opens_heading(groups[0]) and _wordy(groups[:cut]):
            yield Query(groups[cut:]), Query(groups[:cut])
        if _opens_heading(groups[-cut]) and _wordy(groups[-cut:]):
            yield Query(groups[:-cut]), Query(groups[-cut:])
    yield MAIN, folded, body
    ref = plan.ref
    if ref is not None and ref.codes and len(ref.number) > 1:
        yield MAIN, " | ".join(phrase(f"{ref.number} {c}") for c in ref.codes), body


def _heading_sql(kept: Query, dropped: Query, bounds: Bounds) -> tuple[str, list[Any]]:
    """`db.search.ranking._heading`: the title holds *kept*, the issuer or type *dropped*."""
    params: list[Any] = [folded_tsq(kept)]
    sql = f"SELECT rank_key FROM search_doc WHERE {TITLE} @@ %s::tsquery"
    heading = "(' ' || coalesce(issuer_f, '') || ' ' || coalesce(doc_type_f, '') || ' ')"
    for g in dropped.groups:
        words = [" ".join(t.folded for t in g.terms), *g.alts]
        ends = [" " if not g.prefix or i else "" for i in range(len(words))]
        sql += " AND (" + " OR ".join(f"strpos({heading}, %s) > 0" for _ in words) + ")"
        params.extend(f" {w}{end}" for w, end in zip(words, ends, strict=True))
    return _within(bounds, sql, params), params


def _walks(
    db: Any,
    selects: list[tuple[str, str, str, list[Any], int]],
    head: tuple[str, list[Any]] | None = None,
) -> list[list[Any]]:
    """Each ``SELECT rank_key … WHERE column @@ tsquery`` (column, tsquery, SQL,
    parameters, count), newest first up to its count; before them the rows
    of *head* (a statement and its parameters), when given.

    Sent together in one pipeline: a round trip to the server costs as much
    as a short index walk. Not prepared: a generic plan would not know how
    many notices hold the words; `db.search.pgplan` writes each in the form
    that reads fewer rows.
    """
    statements = [
        ordered(db, sql, params, tsq, column, count) for column, tsq, sql, params, count in selects
    ]
    if head is not None:
        statements.insert(0, head)
    with db.pipeline():
        cursors = [db.cursor().execute(sql, params, prepare=False) for sql, params in statements]
    answers: list[list[Any]] = [cur.fetchall() for cur in cursors]
    first = 1 if head is not None else 0
    return answers[:first] + [[r for (r,) in rows] for rows in answers[first:]]


#: How many candidate queries go to the server in each round trip: the
#: first alone (for common words it fills the pool, and the rest, each
#: reading thousands of matches, are not needed), then two, then the rest.
BATCHES = (1, 2)


def _batches(
    db: Any,
    selects: list[tuple[str, str, str, list[Any], int]],
    done: Callable[[], bool],
    head: tuple[str, list[Any]] | None = None,
) -> Iterator[list[Any]]:
    """The answers of *selects* (see `_walks`), in order, sent `BATCHES` at a
    time; nothing more is sent once *done* says so. *head*'s rows come first,
    sent with the first batch."""
    start = 0
    for index in range(len(BATCHES) + 1):
        end = start + BATCHES[index] if index < len(BATCHES) else len(selects)
        if start >= len(selects) or (start and done()):
            return
        yield from _walks(db, selects[start:end], None if start else head)
        start = end


def _all_but_one(db: Any, plan: _Plan, count: int) -> list[int]:
    selects = []
    for rest in _all_but_one_groups(plan.q):
        tsq = folded_tsq(rest)
        selects.append((TITLE, tsq, *_match_sql(TITLE, tsq, plan.bounds), count))
    found: dict[int, None] = {}
    for keys in _walks(db, selects):
        found.update(dict.fromkeys(keys))
    return list(found)


def _relevant(db: Any, plan: _Plan, need: int) -> list[tuple[int, float]]:
    size = max(ranking.POOL, need)  # read here: a test lowers it
    pool: dict[int, None] = {}
    words = folded_tsq(plan.q)
    # Taken in order as `db.search.ranking._relevant` takes them, stopping
    # where it stops; sent a few at a time (`_batches`).
    streams = list(_streams(plan, size, need))
    selects: list[tuple[str, str, str, list[Any], int]] = []
    for stream in streams:
        if len(stream) == 2:
            heading = _heading_sql(stream[0], stream[1], plan.bounds)
            selects.append((TITLE, heading[1][0], *heading, size))
        else:
            column, tsq, count = stream
            selects.append((column, tsq, *_match_sql(column, tsq, plan.bounds), count))
    short = False
    # The notices numbered as the referred document go first, in the first
    # round trip with the first candidate query (there is always one: the
    # words over titles, and over bodies).
    ref = plan.ref
    head = _referred_sql(ref, plan.bounds) if ref is not None else None
    answers = _batches(db, selects, lambda: len(pool) >= size, head)
    if ref is not None:
        pool.update(dict.fromkeys(_referred_keys(ref, next(answers), size)))
    # Fewer answers than streams once the pool is full: nothing more was sent.
    for stream, found in zip(streams, answers, strict=False):
        if len(pool) >= size:
            break
        if len(stream) == 2:
            pool.update(dict.fromkeys(found))
            continue
        column, tsq, limit = stream
        if short and column == MAIN:
            break
        pool.update(dict.fromkeys(found))
        short = short or (column == MAIN and tsq == words and len(found) < limit)
    if len(pool) < FEW:
        pool.update(dict.fromkeys(_all_but_one(db, plan, need)))
    if not pool:
        return []
    # As on SQLite: the relevance of notices below the page's lowest tier is
    # never worked out; they cannot be on the page.
    scorer = Scorer(plan.q, plan.ref, compact_query(plan.q))
    scored = scorer.rank(_fields(db, list(pool), scorer), need)
    return [(key, _score(tier, rel, _recency(key))) for tier, rel, key in scored]


#: A folded body a score reads up to this size (bytes) is read whole, and
#: cut to its start (`BODY_CHARS` characters) here: ``substr`` counts the
#: characters of a body one by one, which cost more than sending the rest of
#: it up to about 20 KB (at 100,000 notices, 29 against 17 µs a row of 3–6 KB,
#: 46 against 44 at 12–24 KB): a margin below that. ``octet_length`` reads
#: the stored size.
_WHOLE_BYTES = 16_000

_BODY_START = (
    "CASE WHEN octet_length(f.body_f) <= %s THEN f.body_f ELSE substr(f.body_f, 1, %s) END"
)

#: Whether a notice's marked words hold one typed word (`Scorer.typed_needles`).
_TYPED = "strpos(' ' || f.exact || ' ', %s) > 0"


def _fields(db: Any, keys: list[int], scorer: Scorer) -> list[Fields]:
    """What *scorer* reads of each of *keys*. For a query with words typed
    with diacritics, whether each notice holds them, asked of the server
    (a notice's marked words, 1.7 KB on average on the second corpus, were
    sent whole to be searched for a word or two), and the title as
    written, whose marked words are found only for the notices whose
    heading holds every word."""
    needles = scorer.typed_needles()
    typed = f"ARRAY[{', '.join([_TYPED] * len(needles))}]" if needles else "NULL"
    title = "n.title" if needles else "NULL"
    out: list[Fields] = []
    rows = db.execute(
        f"SELECT d.rank_key, f.title_f, d.number_f, {_BODY_START}, f.meta_f, {typed}, "
        f"d.doc_type_f, d.issuer_f, {title}, length(n.summary) "
        "FROM search_doc AS d JOIN search_field AS f ON f.rank_key = d.rank_key "
        "JOIN notice AS n ON n.id = d.notice_id WHERE d.rank_key = ANY(%s)",
        (_WHOLE_BYTES, BODY_CHARS, *needles, keys),
    )
    for key, title_f, number, body, meta, found, doc_type, issuer, written, summary in rows:
        out.append(
            Fields(
                rowid=key,
                title=title_f or "",
                number=number or "",
                body=(body or "")[:BODY_CHARS],
                meta=meta or "",
                exact="",
                title_exact=frozenset(),
                doc_type=doc_type,
                issuer=issuer,
                summary_chars=summary or 0,
                typed=tuple(found) if found is not None else None,
                written_title=written,
            )
        )
    return out


def _newest(db: Any, plan: _Plan, need: int) -> list[tuple[int, float]]:
    found: set[int] = set()
    if plan.ref is not None:
        found.update(_referred(db, plan.ref, plan.bounds, need))
    compact = compact_query(plan.q)
    if compact:
        found.update(_walk(db, NUMBER, lexeme(compact) + ":*", plan.bounds, need))
    found.update(_walk(db, MAIN, folded_tsq(plan.q), plan.bounds, need))
    return [(r, _recency(r)) for r in sorted(found)[:need]]


def _rank(db: Any, plan: _Plan, limit: int, offset: int) -> list[tuple[int, float]]:
    if limit <= 0:
        return []
    offset = max(offset, 0)
    need = offset + limit
    if plan.dates_only:
        sql, params = _keys(db, plan.bounds)
        rows = db.execute(sql + " ORDER BY rank_key LIMIT %s", (*params, need)).fetchall()
        return [(r, _recency(r)) for (r,) in rows][offset:need]
    if plan.sort == Sort.NEWEST:
        return _newest(db, plan, need)[offset:need]
    return _relevant(db, plan, need)[offset:need]


# -- the API (`db.search.ranking` calls these on a PostgreSQL archive) --------------------


def search(
    session: Session, query: str, where: SearchFilter, *, limit: int, offset: int
) -> list[SearchHit]:
    db = _raw(session)
    plan = ranking.plan_search(db, query, where, _text_matches, day_bounds)
    if plan is None:
        return []
    page = _rank(db, plan, limit, offset)
    return _hits(db, page, plan.q) if page else []


def ranked_ids(
    session: Session, query: str, where: SearchFilter, *, limit: int, offset: int
) -> list[str]:
    db = _raw(session)
    plan = ranking.plan_search(db, query, where, _text_matches, day_bounds)
    if plan is None:
        return []
    page = _rank(db, plan, limit, offset)
    if not page:
        return []
    keys = [k for k, _ in page]
    found = dict(
        db.execute(
            "SELECT rank_key, notice_id FROM search_doc WHERE rank_key = ANY(%s)", (keys,)
        ).fetchall()
    )
    return [found[k] for k in keys if k in found]


def _hits(db: Any, page: list[tuple[int, float]], q: Query) -> list[SearchHit]:
    rows = db.execute(
        "SELECT d.rank_key, n.id, n.title, n.published, n.number, c.path, n.summary, "
        "n.body_markdown, f.body_f FROM search_doc AS d "
        "JOIN search_field AS f ON f.rank_key = d.rank_key JOIN notice AS n ON n.id = d.notice_id "
        "LEFT JOIN category AS c ON c.id = n.category_id WHERE d.rank_key = ANY(%s)",
        ([k for k, _ in page],),
    ).fetchall()
    return ranking.page_hits(page, ((r[0], *r[1:6], body_text(r[6], r[7]), r[8]) for r in rows), q)


def count_matches(session: Session, query: str, where: SearchFilter, *, cap: int | None) -> int:
    return _count(_raw(session), query, where, cap, partial=True)


def _count(db: Any, query: str, where: SearchFilter, cap: int | None, partial: bool) -> int:
    plan = ranking.plan_search(db, query, where, _text_matches, day_bounds)
    if plan is None:
        return 0
    if plan.dates_only:
        sql, params = _keys(db, plan.bounds)
    else:
        sql, params = _match_sql(MAIN, folded_tsq(plan.q), plan.bounds)
    if cap is not None:
        sql += " LIMIT %s"
        params.append(max(cap, 0))
    (count,) = db.execute(f"SELECT count(*) FROM ({sql}) AS m", params).fetchone()
    count = int(count or 0)
    if partial and count < FEW and not plan.dates_only:
        sql, params = _match_sql(MAIN, folded_tsq(plan.q), plan.bounds)
        every = {r for (r,) in db.execute(sql, params)}
        every.update(_all_but_one(db, plan, cap if cap is not None else 1 << 30))
        count = min(len(every), cap) if cap is not None else len(every)
    return count


class _Words(typos.Words):
    """The archive's words for `db.search.typos`, in ``search_term`` on the server."""

    def __init__(self, db: Any) -> None:
        super().__init__(cast(Any, db))
        self._pg = db

    def known(self, words: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(words))
        rows = self._pg.execute("SELECT term FROM search_term WHERE term = ANY(%s)", (wanted,))
        return {r[0] for r in rows}

    def starting(self, prefix: str) -> bool:
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        row = self._pg.execute(
            "SELECT 1 FROM search_term WHERE term > %s AND term < %s LIMIT 1", (prefix, after)
        ).fetchone()
        return row is not None

    def phrase(self, pair: tuple[str, str]) -> int:
        tsq = phrase(" ".join(fold_text(w) for w in pair))
        (found,) = self._pg.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM search_main WHERE {MAIN} @@ %s::tsquery "
            "LIMIT %s) AS m",
            (tsq, typos.PHRASE_CAP),
        ).fetchone()
        return int(found)

    def starting_with_letter(self, word: str) -> list[str]:
        """The words that begin as *word* does, nearest first by their trigrams."""
        after = chr(ord(word[0]) + 1)
        # Without pg_trgm on the server (migration 0013), the scan SQLite does.
        trigrams = self._pg.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = 'search_term_trigram'"
        ).fetchone()
        if trigrams is None:
            sql = "SELECT term FROM search_term WHERE term >= %s AND term < %s LIMIT %s"
            return [r[0] for r in self._pg.execute(sql, (word[0], after, typos.SCAN))]
        sql = (
            "SELECT term FROM search_term WHERE term >= %s AND term < %s "
            "ORDER BY term <-> %s LIMIT %s"
        )
        return [r[0] for r in self._pg.execute(sql, (word[0], after, word, TRIGRAM_SCAN))]


#: Words nearest a mistyped one (by trigrams) checked for two edits.
TRIGRAM_SCAN = 500


def suggest(session: Session, query: str, where: SearchFilter) -> str | None:
    db = _raw(session)
    found = _count(db, query, where, typos.FEW, partial=False)
    if found >= typos.FEW:
        return None
    mended = typos.mend(
        db,
        query,
        lambda text: _count(db, text, where, SUGGEST_CAP, False),
        words=_Words(db),
    )
    if mended is None or mended[1] <= found:
        return None
    return mended[0]
