"""Which notices a search may return: `SearchFilter`, and the SQL it becomes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from db.folding import nfc
from db.search.schema import SHIFT, block, clamp_ts
from db.search.text import opt_fold
from db.types import VN_TZ

__all__ = [
    "ANY",
    "Bounds",
    "SearchFilter",
    "Sort",
    "day_bounds",
    "day_rowids",
    "key_sql",
    "match_sql",
    "resolve",
]


class Sort(StrEnum):
    """The order of a search's results: "Phù hợp nhất" or "Mới nhất"."""

    #: The document meant first: its own number, then the best match of the
    #: words (title before summary before body, words close together, more of
    #: the query), newest first among equals.
    RELEVANCE = "relevance"
    #: Every match, newest first.
    NEWEST = "newest"


@dataclass(frozen=True)
class SearchFilter:
    """Limits on the notices a search returns, and their order; the default limits nothing.

    *category* is a path ("Tin tức/Địa phương") and includes its
    subcategories; *date_from* and *date_to* are inclusive days in +07:00;
    *doc_type* and *issuer* compare folded, so case and diacritics don't matter.
    *sort* is the order (`Sort`; counting ignores it).
    """

    category: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    doc_type: str | None = None
    issuer: str | None = None
    sort: Sort = Sort.RELEVANCE


#: The filter that lets every notice through.
ANY = SearchFilter()


#: The key range of the notices published from one day to another, inclusive
#: (None: none of them), for one engine's keys.
DayKeys = Callable[[date | None, date | None], tuple[int | None, int | None] | None]


@dataclass(frozen=True)
class Bounds:
    """A `SearchFilter` resolved against one archive: rowid range and key columns."""

    lo: int | None
    hi: int | None
    category_ids: tuple[int, ...] | None
    doc_type: str | None
    issuer: str | None

    @property
    def needs_key(self) -> bool:
        return self.category_ids is not None or bool(self.doc_type) or bool(self.issuer)

    def within(self, first: date, last: date, days: DayKeys) -> Bounds | None:
        """These bounds narrowed to the days *first*…*last*; None when nothing is left.

        *days* gives the engine's key range of days (`day_bounds`, `day_rowids`)."""
        span = days(first, last)
        if span is None:
            return None
        lo, hi = span
        if self.lo is not None:
            lo = max(lo, self.lo) if lo is not None else self.lo
        if self.hi is not None:
            hi = min(hi, self.hi) if hi is not None else self.hi
        if lo is not None and hi is not None and lo > hi:
            return None
        return replace(self, lo=lo, hi=hi)


def _day_start(day: date) -> int:
    return int(datetime.combine(day, time(0), VN_TZ).timestamp())


def resolve(db: sqlite3.Connection, where: SearchFilter, days: DayKeys) -> Bounds | None:
    """The bounds of *where* in this archive, or None when it can match nothing.

    *days* gives the engine's key range of days (`day_bounds`, `day_rowids`)."""
    category_ids: tuple[int, ...] | None = None
    if where.category:
        path = nfc(where.category).strip("/")
        category_ids = tuple(
            int(cid)
            for cid, p in db.execute("SELECT id, path FROM category")
            if p == path or p.startswith(path + "/")
        )
        if not category_ids:
            return None
    span = days(where.date_from, where.date_to)
    if span is None:
        return None
    lo, hi = span
    if lo is not None and hi is not None and lo > hi:
        return None
    return Bounds(lo, hi, category_ids, opt_fold(where.doc_type), opt_fold(where.issuer))


def day_bounds(date_from: date | None, date_to: date | None) -> tuple[int | None, int | None]:
    """PostgreSQL's key range of the notices published from *date_from* to *date_to*, inclusive."""
    # Rowids run newest first: the last day bounds them from below.
    lo = (
        block(_day_start(date_to + timedelta(days=1)) - 1)
        if date_to and date_to < date.max
        else None
    )
    hi = block(_day_start(date_from)) + (1 << SHIFT) - 1 if date_from else None
    return lo, hi


def day_rowids(db: sqlite3.Connection) -> DayKeys:
    """SQLite's `DayKeys`: the rowids of the newest and the oldest notice of
    the days, looked up in ``search_key``'s index of publication times."""

    def rowids(
        date_from: date | None, date_to: date | None
    ) -> tuple[int | None, int | None] | None:
        lo = hi = None
        if date_to and date_to < date.max:
            last = clamp_ts(_day_start(date_to + timedelta(days=1)) - 1)
            lo = db.execute(
                "SELECT min(rowid) FROM search_key "
                "WHERE ts = (SELECT max(ts) FROM search_key WHERE ts <= ?)",
                (last,),
            ).fetchone()[0]
            if lo is None:
                return None  # every notice is newer
        if date_from:
            first = clamp_ts(_day_start(date_from))
            hi = db.execute(
                "SELECT max(rowid) FROM search_key "
                "WHERE ts = (SELECT min(ts) FROM search_key WHERE ts >= ?)",
                (first,),
            ).fetchone()[0]
            if hi is None:
                return None  # every notice is older
        return lo, hi

    return rowids


def match_sql(table: str, bounds: Bounds) -> tuple[str, list[object]]:
    """``SELECT rowid … WHERE table MATCH ?`` within *bounds*, and its other parameters."""
    sql = f"SELECT {table}.rowid FROM {table}"
    params: list[object] = []
    if bounds.needs_key:
        sql += f" JOIN search_key ON search_key.rowid = {table}.rowid"
    sql += f" WHERE {table} MATCH ?"
    if bounds.lo is not None:
        sql += f" AND {table}.rowid >= ?"
        params.append(bounds.lo)
    if bounds.hi is not None:
        sql += f" AND {table}.rowid <= ?"
        params.append(bounds.hi)
    if bounds.category_ids is not None:
        sql += f" AND search_key.category_id IN ({','.join(map(str, bounds.category_ids))})"
    if bounds.doc_type:
        sql += " AND search_key.doc_type_f = ?"
        params.append(bounds.doc_type)
    if bounds.issuer:
        sql += " AND search_key.issuer_f = ?"
        params.append(bounds.issuer)
    return sql, params


def key_sql(bounds: Bounds) -> tuple[str, list[object]]:
    """``SELECT rowid FROM search_key`` within *bounds*: every notice, no words."""
    sql = "SELECT rowid FROM search_key WHERE 1"
    params: list[object] = []
    if bounds.lo is not None:
        sql += " AND rowid >= ?"
        params.append(bounds.lo)
    if bounds.hi is not None:
        sql += " AND rowid <= ?"
        params.append(bounds.hi)
    if bounds.category_ids is not None:
        sql += f" AND category_id IN ({','.join(map(str, bounds.category_ids))})"
    if bounds.doc_type:
        sql += " AND doc_type_f = ?"
        params.append(bounds.doc_type)
    if bounds.issuer:
        sql += " AND issuer_f = ?"
        params.append(bounds.issuer)
    return sql, params
