"""Searching the archive: a page of results with their list rows, and every result's id.

Runs on the database worker; see desktop/ops/reading.py for why the database
modules are imported inside the operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.common import NO_FILTER, NoticeFilter

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import NoticeSummary
    from db.search import SearchFilter, SearchHit

#: Results fetched per page, and the most one search lists (and prints).
SEARCH_PAGE = 100
SEARCH_MAX = 500


@dataclass(frozen=True)
class SearchQuery:
    """What the search box asks: the words, the category to stay in (None: all), and the
    filters set above the list."""

    text: str
    category: str | None = None
    filters: NoticeFilter = NO_FILTER


def search_filter(query: SearchQuery) -> SearchFilter:
    """What the search core is asked to stay within, for *query*."""
    from db import search

    where = query.filters
    return search.SearchFilter(
        category=query.category,
        date_from=where.date_from,
        date_to=where.date_to,
        doc_type=where.doc_type,
        issuer=where.issuer,
    )


@dataclass(frozen=True)
class SearchRow:
    """One result: the hit (snippet) and the notice's list row (read, bookmarked)."""

    hit: SearchHit
    summary: NoticeSummary


@dataclass(frozen=True)
class SearchPage:
    """One page of results; *found* (first page only) counts matches up to SEARCH_MAX + 1."""

    query: SearchQuery
    offset: int
    rows: tuple[SearchRow, ...]
    complete: bool
    found: int | None = None


def search_page(
    archive: Archive, query: SearchQuery, offset: int, limit: int = SEARCH_PAGE
) -> SearchPage:
    """Results *offset*… of *query*, best first, never past SEARCH_MAX."""
    from db import queries, search

    limit = max(0, min(limit, SEARCH_MAX - offset))
    with archive.reading() as session:
        where = search_filter(query)
        hits = search.search(session, query.text, where, limit=limit, offset=offset)
        found = None
        if offset == 0:
            found = search.count_matches(session, query.text, where, cap=SEARCH_MAX + 1)
        summaries = {s.id: s for s in queries.summaries(session, [h.id for h in hits])}
    rows = tuple(SearchRow(h, summaries[h.id]) for h in hits if h.id in summaries)
    complete = len(hits) < limit or offset + len(hits) >= SEARCH_MAX
    return SearchPage(query=query, offset=offset, rows=rows, complete=complete, found=found)


def search_ids(archive: Archive, query: SearchQuery, limit: int = SEARCH_MAX) -> list[str]:
    """The ids of every result of *query* (up to *limit*), best first: for printing them all."""
    from db import search

    with archive.reading() as session:
        where = search_filter(query)
        return search.ranked_ids(session, query.text, where, limit=limit)
