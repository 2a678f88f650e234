"""How a PostgreSQL candidate query reaches its newest matches: walking the keys, or through GIN.

``SELECT rank_key … WHERE tsv @@ q ORDER BY rank_key LIMIT k`` has two plans:
walk the primary key newest first and test each row's tsvector until k
match, or read every match through the GIN index and keep the newest k. The
planner prices the test of a row as one cheap operator, but the tsvector of
everything (``main_tsv``, `WIDE`) is several KB read out of TOAST, and its
positions are checked for a phrase. Where the words are each common but
seldom together (``'7' & 'tb' & 'ubnd'``, a document number), the planner
walks, and the walk reads most of the table before it has k rows: 50 ms at
10,000 notices, growing with the archive, where GIN answers in a few.

So for that column the choice is made here, in both directions, from its
statistics (``pg_stats``: the share of rows holding each of its most common
words; a word outside them gets PostgreSQL's own guess, `RARE_SHARE`). The
query's share f is taken between the words' shares multiplied (as if
independent) and the rarest's (as if always together), since words of one
topic come together more often than chance. The walk tests about k / f
rows, the whole table at most; GIN hands over about f times the rows, each a
heap page, merged from posting lists that are long for common words. When
GIN reads fewer (within `GIN_MARGIN`), the query is written so that the
LIMIT cannot reach into the scan (a MATERIALIZED common table expression);
otherwise it is written so that no index can answer the test
(``ts_match_vq``, the function under ``@@``) and the planner walks the keys.
Left to itself, the planner walks wherever the table is narrow enough to
look cheap, testing a TOASTed tsvector a row: 1 s for "300 ubnd vp" at
100,000 notices where GIN answers in 24 ms. Without statistics yet, the
planner decides. A title's or a number's tsvector is short and kept in its
row, and the walk of it is cheap: such a query is read through GIN when the
rarest word's share says GIN surely reads fewer rows, and otherwise tests
the newest rows first (`_narrow`).

A walk of ``main_tsv`` expected to test more than `SAMPLE` rows tests those
first, in the same statement, and goes on by the share of matches it found there: on
walking, or through GIN for the older rows (`_sampled`). The bounds above
are far apart for words each common but seldom together ("kè chắn sóng"
folded: "ke" is in most notices, as in "kế hoạch"), and a walk chosen for a
share near the upper one tested three times the rows GIN reads.

Neither reads ``main_tsv`` itself unless the query has a phrase. A walk
tests ``search_walk``'s words, the same words without their positions,
kept in their rows (`db.search.pgschema`): a third of the time a row out of
TOAST took. GIN is asked for the words only, which it answers without
reading any tsvector. A phrase (``<->``) needs the positions: it is tested
in ``main_tsv`` after its words matched, in the walk, and in the newest of
GIN's matches only until there are enough (`_newest`), where GIN's own
recheck read every match out of TOAST.
"""

from __future__ import annotations

import bisect
import itertools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Statistics", "forget", "ordered", "statistics"]

#: How long the statistics read from the server are used (s): they change
#: only when the table is analysed, and a stale share only moves a choice.
STATS_TTL = 120.0
#: A row the walk tests costs about half of one GIN hands over (a heap page,
#: and the posting lists of common words merged): GIN is taken when it reads
#: no more than this many times the rows the walk is expected to test.
#: Measured over the bench's queries at 100,000 notices: 0.5 read less than
#: 1, 2 or 4 (2 was right when a walk read each tsvector out of TOAST).
GIN_MARGIN = 0.5
#: The columns whose tsvectors are several KB, read out of TOAST to be tested.
WIDE = frozenset({"main_tsv"})
#: A title's row the walk tests costs about a quarter of one GIN hands over
#: (at 100,000 notices 0.4 against 1.4 µs): the other columns are read
#: through GIN only when it reads at most a quarter of the rows the walk
#: would (`_narrow`).
NARROW_GIN_COST = 4.0
#: A prefix shorter than this never bounds a share in `_narrow`: such a query
#: is never taken through GIN without testing the newest rows first.
SHORT_PREFIX = 3
#: The share of rows holding a word that is not among the column's most
#: common ones: PostgreSQL's own guess (``DEFAULT_TS_MATCH_SEL`` in
#: ts_selfuncs.c), or half the least common one's share if that is lower.
RARE_SHARE = 0.005
#: Rows a walk expected to test more than this many tests first, to learn
#: the share of its words (`_sampled`): at 100,000 notices about 1 ms.
SAMPLE = 300
_FOUND = "sample_found"
#: A part of a query (between its ``&``) that at least this share of rows
#: holds is left out of what GIN is asked, and tested in the newest of its
#: matches instead (`_core`): the long posting lists of words in most
#: notices ("ubnd":*, "uy" & "ban" & "nhan" & "dan" in a document number's
#: query) cost GIN more than testing a few rows does.
EVERYWHERE = 0.5
#: The text search of the candidate queries of ``main_tsv`` (`db.search.pgquery`).
_TEST = "main_tsv @@ %s::tsquery"

_TOKEN = re.compile(r"'((?:[^']|'')*)'(:\*)?|<->|[&|()]")


@dataclass(frozen=True)
class _Column:
    shares: dict[str, float]
    #: The share of a word that is not among the most common ones (`RARE_SHARE`).
    rare: float
    #: The words in code-point order, and their shares summed up to each.
    _words: list[str] = field(init=False, repr=False)
    _sums: list[float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        words = sorted(self.shares)
        object.__setattr__(self, "_words", words)
        object.__setattr__(
            self, "_sums", [0.0, *itertools.accumulate(self.shares[w] for w in words)]
        )

    def starting(self, prefix: str) -> float:
        """The shares of the common words that start with *prefix*, summed.

        By halving in the sorted words: a sum over all of them for each
        prefix in a query was most of a plan's time."""
        lo = bisect.bisect_left(self._words, prefix)
        hi = bisect.bisect_left(self._words, prefix + chr(0x10FFFF), lo)
        return self._sums[hi] - self._sums[lo]


@dataclass(frozen=True)
class Statistics:
    """The rows of the index and its tsvector columns' word shares, as last analysed."""

    rows: float
    columns: dict[str, _Column]
    read_at: float


_cache: dict[tuple[str, str, str], Statistics] = {}


def forget() -> None:
    """Read the statistics again at the next search (after an ANALYZE)."""
    _cache.clear()


def statistics(db: Any) -> Statistics:
    """The statistics of *db*'s index, read at most every `STATS_TTL` seconds."""
    info = db.info
    key = (str(info.host), str(info.port), str(info.dbname))
    now = time.monotonic()
    found = _cache.get(key)
    if found is not None and now - found.read_at < STATS_TTL:
        return found
    (rows,) = db.execute(
        "SELECT reltuples FROM pg_class WHERE oid = 'search_doc'::regclass"
    ).fetchone()
    columns: dict[str, _Column] = {}
    for name, elems, freqs in db.execute(
        "SELECT attname, most_common_elems::text::text[], most_common_elem_freqs "
        "FROM pg_stats WHERE schemaname = current_schema() "
        "AND tablename IN ('search_doc', 'search_main') AND most_common_elems IS NOT NULL"
    ):
        # The shares (the words in byte order), then the least and the
        # greatest of them, and perhaps the nulls' share.
        shares = dict(zip(elems, freqs, strict=False))
        least = freqs[len(elems)] if len(freqs) > len(elems) else 0.0
        columns[name] = _Column(shares, min(RARE_SHARE, least / 2))
    found = Statistics(float(rows or 0), columns, now)
    _cache[key] = found
    return found


class _Estimate:
    """A tsquery's share of rows: an upper bound, and the share as if words were independent."""

    def __init__(self, column: _Column, tsq: str) -> None:
        self._column = column
        self._tokens = [m for m in _TOKEN.finditer(tsq)]
        self._at = 0

    def run(self) -> tuple[float, float]:
        found = self._or()
        return min(found[0], 1.0), min(found[1], 1.0)

    def _peek(self) -> str:
        return self._tokens[self._at].group(0) if self._at < len(self._tokens) else ""

    def _or(self) -> tuple[float, float]:
        upper, alone = self._and()
        while self._peek() == "|":
            self._at += 1
            u, a = self._and()
            upper, alone = upper + u, 1 - (1 - alone) * (1 - a)
        return upper, alone

    def _and(self) -> tuple[float, float]:
        upper, alone = self._word()
        while self._peek() in ("&", "<->"):
            self._at += 1
            u, a = self._word()
            upper, alone = min(upper, u), alone * a
        return upper, alone

    def _word(self) -> tuple[float, float]:
        token = self._tokens[self._at] if self._at < len(self._tokens) else None
        self._at += 1
        if token is None:
            return 1.0, 1.0
        if token.group(0) == "(":
            found = self._or()
            self._at += 1  # ")"
            return found
        word = (token.group(1) or "").replace("''", "'").replace("\\\\", "\\")
        column = self._column
        if token.group(2):
            share = column.starting(word) + column.rare
        else:
            share = column.shares.get(word, column.rare)
        return share, share


def _share(column: _Column, tsq: str, rows: float) -> float:
    """*tsq*'s share of rows: between the words' shares multiplied and the rarest's."""
    upper, alone = _Estimate(column, tsq).run()
    share: float = (alone * upper) ** 0.5
    return min(max(share, 1 / rows), 1.0)


def _conjuncts(tsq: str) -> list[str]:
    """*tsq*'s parts joined by ``&`` at its top; itself alone if it has a ``|`` or ``<->`` there."""
    depth, start, parts = 0, 0, []
    for token in _TOKEN.finditer(tsq):
        mark = token.group(0)
        depth += {"(": 1, ")": -1}.get(mark, 0)
        if depth == 0 and mark in ("|", "<->"):
            return [tsq]
        if depth == 0 and mark == "&":
            parts.append(tsq[start : token.start()].strip())
            start = token.end()
    return [*parts, tsq[start:].strip()]


def _core(column: _Column, tsq: str, rows: float) -> str:
    """What GIN is asked for *tsq*: its words (a phrase's words together,
    without their positions), without the parts that most rows hold
    (`EVERYWHERE`), if some part is left."""
    parts = _conjuncts(tsq)
    kept = [part for part in parts if _share(column, part, rows) < EVERYWHERE]
    return _words(" & ".join(kept if kept else parts))


def ordered(
    db: Any, sql: str, params: list[Any], tsq: str, column: str, count: int
) -> tuple[str, list[Any]]:
    """*sql* (``SELECT rank_key FROM table WHERE column @@ tsq …``, with
    *params*) as the newest *count* matches, in the form that reads fewer
    rows: the statement and its parameters."""
    plain = sql + " ORDER BY rank_key LIMIT %s", [*params, count]
    stats = statistics(db)
    found = stats.columns.get(column)
    if found is None or stats.rows <= 0:
        return plain
    if column not in WIDE:
        return _narrow(column, found, sql, params, tsq, count, stats.rows) or plain
    if not sql.startswith(f"SELECT rank_key FROM search_main WHERE {_TEST}") or params[:1] != [tsq]:
        return plain
    share = _share(found, tsq, stats.rows)
    # GIN is asked for its words, without their positions (a phrase's words
    # together), which it answers without reading a row's tsvector, and
    # without the parts most rows hold. The rest is tested in the newest of
    # its matches (`_newest`).
    core = _core(found, tsq, stats.rows)
    if _share(found, core, stats.rows) * stats.rows <= min(stats.rows, count / share) * GIN_MARGIN:
        newest, tested = _newest("m", tsq, core)
        return f"WITH m AS MATERIALIZED ({sql}) {newest}", [core, *params[1:], *tested, count]
    if count / share <= SAMPLE:
        walk, walked = _walk(sql, params, tsq)
        return walk + " ORDER BY rank_key LIMIT %s", [*walked, count]
    # A walk expected to test more rows than the sample tests the sample
    # first, and goes on as the matches found there say (`_sampled`).
    return _sampled(sql, params, tsq, core, count, stats.rows)


def _narrow(
    column: str, stats: _Column, sql: str, params: list[Any], tsq: str, count: int, rows: float
) -> tuple[str, list[Any]] | None:
    """*sql* over a short tsvector kept in its row (a title's, a number's)
    in the form that reads fewer rows; None for a statement not of the form
    ``SELECT rank_key FROM search_doc WHERE column @@ %s::tsquery …``, left
    to the planner.

    The planner prices each row by its own guess of the query's share. A
    word in one title of a hundred was walked over 10,000 rows (6 ms at
    100,000 notices, where GIN took 1.8); three words of one topic, in one
    title of 26, were read through GIN, 3,830 matches in 9–19 ms, where the
    walk needed 2,766 rows and 2.6 ms. So: through GIN when it surely reads
    fewer rows, by the rarest word's share, an upper bound of the query's
    (`NARROW_GIN_COST`); otherwise the newest `SAMPLE` rows are tested
    first (`_narrow_sampled`), since nothing bounds how far a walk goes. A
    prefix of one or two letters is never bounded so: most of the words it
    starts are too rare to be in the statistics.
    """
    head = f"SELECT rank_key FROM search_doc WHERE {column} @@ %s::tsquery"
    if not sql.startswith(head) or params[:1] != [tsq]:
        return None
    upper = max(_Estimate(stats, tsq).run()[0], 1 / rows)
    short = any(len(m.group(1)) < SHORT_PREFIX for m in _TOKEN.finditer(tsq) if m.group(2))
    if not short and upper * rows * NARROW_GIN_COST <= min(rows, count / upper):
        gin = f"WITH m AS MATERIALIZED ({sql}) SELECT rank_key FROM m ORDER BY rank_key LIMIT %s"
        return gin, [*params, count]
    return _narrow_sampled(column, sql, params, count, rows)


def _sample_first(
    hit: str,
    sample: str,
    gin: str,
    walk: str,
    older: Callable[[str], tuple[str, list[Any]]],
    count: int,
    margin: float,
    rows: float,
) -> tuple[str, list[Any]]:
    """One statement for the newest *count* matches: the newest `SAMPLE` rows
    of *sample* (``SELECT rank_key, column …``) tested by *hit*, then, past
    them, the walk on (*walk*, ``SELECT rank_key … WHERE test …``) or the
    older of GIN's matches (*gin*'s rows, as ``g``, read by the statement
    and parameters *older* makes of a condition), as the sample's share says
    is cheaper: a row walked costs *margin* of one GIN hands over. The
    branch not taken is never run (a one-time filter), and the answer is
    the same either way.

    The statement, and *older*'s parameters. The statement's parameters, in
    order: *hit*'s, *sample*'s, `SAMPLE`, *gin*'s, *walk*'s, the count,
    *older*'s, the count of *older*'s LIMIT, the count.
    """
    found = f"(SELECT {{}} FROM {_FOUND})"
    more = f"found < {count} AND seen = {SAMPLE} AND "
    cheaper = f"({count} - found) * {SAMPLE * margin:.2f} <= found * found * {rows / SAMPLE:.3f}"
    newest, later = older(found.format(f"{more}NOT ({cheaper})"))
    statement = (
        f"WITH s AS MATERIALIZED (SELECT rank_key, {hit} AS hit "
        f"FROM ({sample} ORDER BY rank_key LIMIT %s) AS b), "
        f"{_FOUND} AS (SELECT count(*) FILTER (WHERE hit) AS found, count(*) AS seen, "
        "max(rank_key) AS edge FROM s), "
        # (rank_key + 0: a condition on the key would be a range of its
        # index, read whole to be combined with GIN's matches.)
        f"g AS MATERIALIZED ({gin} AND rank_key + 0 > {found.format('edge')}) "
        "SELECT rank_key FROM s WHERE hit "
        f"UNION ALL ({walk} AND rank_key > {found.format('edge')} "
        f"AND {found.format(more + cheaper)} ORDER BY rank_key LIMIT %s) "
        f"UNION ALL ({newest}) "
        "ORDER BY rank_key LIMIT %s"
    )
    return statement, later


def _narrow_sampled(
    column: str, sql: str, params: list[Any], count: int, rows: float
) -> tuple[str, list[Any]]:
    """The newest *count* matches of *sql* (``SELECT rank_key FROM search_doc
    WHERE column @@ %s::tsquery …``) by testing the newest `SAMPLE` rows,
    then walking on, or reading the older matches through GIN, as the
    sample's share of matches says is cheaper (`NARROW_GIN_COST`,
    `_sample_first`)."""
    test = f"{column} @@ %s::tsquery"
    rest = sql[sql.index(test) + len(test) :]
    walk = f"ts_match_vq({column}, %s::tsquery)"
    statement, _none = _sample_first(
        walk,
        f"SELECT rank_key, {column} FROM search_doc WHERE true{rest}",
        sql,
        f"SELECT rank_key FROM search_doc WHERE {walk}{rest}",
        lambda where: (f"SELECT rank_key FROM g WHERE {where} ORDER BY rank_key LIMIT %s", []),
        count,
        1 / NARROW_GIN_COST,
        rows,
    )
    tsq, after = params[0], params[1:]
    values = [tsq, *after, SAMPLE, *params, tsq, *after, count, count, count]
    return statement, values


def _walk(sql: str, params: list[Any], tsq: str) -> tuple[str, list[Any]]:
    """*sql* (``SELECT rank_key FROM search_main WHERE main_tsv @@ %s::tsquery
    …``, with *params*, the first *tsq*) as a walk over ``search_walk``: the
    function under the operator, that no index answers, so that the planner
    walks the newest keys and stops at the count."""
    hit, tested = _hit(tsq, "search_walk")
    return f"SELECT rank_key FROM search_walk WHERE {hit}{_bounds(sql)}", [*tested, *params[1:]]


def _bounds(sql: str) -> str:
    """The conditions of *sql* after its text search (`_TEST`): on columns
    that ``search_main`` and ``search_walk`` both have."""
    return sql[sql.index(_TEST) + len(_TEST) :]


def _words(tsq: str) -> str:
    """*tsq*'s words without their positions: its phrases' words together."""
    return tsq.replace("<->", "&")


def _hit(tsq: str, row: str) -> tuple[str, list[Any]]:
    """Whether a row of ``search_walk`` (named *row*) matches *tsq*: SQL, and its parameters.

    Its words have no positions: a phrase (``<->``) is first tested as its
    words together, and only where they are, in ``main_tsv``.
    """
    hit = "ts_match_vq(words, %s::tsquery)"
    if "<->" not in tsq:
        return hit, [tsq]
    test = f"{hit} AND {_PHRASE.format(row)}"
    return test, [_words(tsq), tsq]


#: Whether the notice under ``{}.rank_key`` holds a query's phrases, in ``main_tsv``.
_PHRASE = (
    "(SELECT ts_match_vq(d.main_tsv, %s::tsquery) FROM search_main AS d "
    "WHERE d.rank_key = {}.rank_key)"
)


#: Whether the notice under ``{}.rank_key`` holds a query's words.
_WORDS = (
    "(SELECT ts_match_vq(w.words, %s::tsquery) FROM search_walk AS w "
    "WHERE w.rank_key = {}.rank_key)"
)


def _newest(rows: str, tsq: str, core: str, where: str = "true") -> tuple[str, list[Any]]:
    """The newest of *rows* (``rank_key``, GIN's matches of *core*) where
    *where* that match *tsq*, up to a count: SQL, and the parameters of its
    tests (the count's is the caller's, last). What *core* left out of
    *tsq*, the parts most rows hold and the positions of its phrases, is
    tested in them newest first, only until there are enough: GIN's own
    recheck tested every match, reading each ``main_tsv`` out of TOAST."""
    tests = [
        *([(_WORDS, _words(tsq))] if core != _words(tsq) else []),
        *([(_PHRASE, tsq)] if "<->" in tsq else []),
    ]
    if not tests:
        return f"SELECT rank_key FROM {rows} WHERE {where} ORDER BY rank_key LIMIT %s", []
    # (In a subquery with OFFSET 0: the tests stay above the sort, where the
    # LIMIT stops them.)
    sql = (
        f"SELECT rank_key FROM (SELECT rank_key FROM {rows} WHERE {where} "
        f"ORDER BY rank_key OFFSET 0) AS o WHERE "
        + " AND ".join(test.format("o") for test, _ in tests)
        + " LIMIT %s"
    )
    return sql, [value for _, value in tests]


def _sampled(
    sql: str, params: list[Any], tsq: str, core: str, count: int, rows: float
) -> tuple[str, list[Any]]:
    """The newest *count* matches of *sql* (``SELECT rank_key FROM search_main
    WHERE main_tsv @@ %s::tsquery …``, with *params*, the first *tsq*), by
    testing the newest `SAMPLE` rows of ``search_walk``, then walking on
    (`_walk`) or reading the older matches of *core* through GIN.

    Where words are each common but seldom together, their share is only
    known between bounds (`_Estimate`), and a walk chosen for a share near
    the upper one can test many times the rows expected. The sample's
    matches give the share: walking on costs about (count - found) / share
    rows at `GIN_MARGIN` each, GIN about share x the remaining rows
    (`_sample_first`).
    """
    hit, tested = _hit(tsq, "b")
    walk = _walk(sql, params, tsq)
    statement, later = _sample_first(
        hit,
        f"SELECT rank_key, words FROM search_walk WHERE true{_bounds(sql)}",
        sql,
        walk[0],
        lambda where: _newest("g", tsq, core, where),
        count,
        GIN_MARGIN,
        rows,
    )
    gin = [core, *params[1:]]
    values = [*tested, *params[1:], SAMPLE, *gin, *walk[1], count, *later, count, count]
    return statement, values
