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
#: The orders a clerk may choose: "Phù hợp nhất", "Mới nhất" (db.search.Sort's values).
SORTS = ("relevance", "newest")
#: Fewer results than this on the first page: look for a better spelling.
SUGGEST_BELOW = 10


@dataclass(frozen=True)
class SearchQuery:
    """What the search box asks: the words, the category to stay in (None: all), and the
    filters set above the list.

    `sort` is one of SORTS; `status` keeps only the results with that
    validity status (desktop.ops.validity.STATUSES), as the list's filter does.
    """

    text: str
    category: str | None = None
    sort: str = "relevance"
    status: str | None = None
    filters: NoticeFilter = NO_FILTER


def search_filter(query: SearchQuery) -> SearchFilter:
    """What the search core is asked to stay within, and in what order, for *query*."""
    from db import search

    where = query.filters
    sort = search.Sort(query.sort) if query.sort in SORTS else search.Sort.RELEVANCE
    return search.SearchFilter(
        category=query.category,
        date_from=where.date_from,
        date_to=where.date_to,
        doc_type=where.doc_type,
        issuer=where.issuer,
        sort=sort,
    )


@dataclass(frozen=True)
class SearchRow:
    """One result: the hit (snippet) and the notice's list row (read, bookmarked)."""

    hit: SearchHit
    summary: NoticeSummary


@dataclass(frozen=True)
class SearchPage:
    """One page of results; *found* (first page only) counts matches up to SEARCH_MAX + 1.

    `suggestion` (first page only): "Có phải bạn muốn tìm: …", when the query
    finds nothing or very little and a better spelling finds more.
    """

    query: SearchQuery
    offset: int
    rows: tuple[SearchRow, ...]
    complete: bool
    found: int | None = None
    suggestion: str | None = None


def search_page(
    archive: Archive, query: SearchQuery, offset: int, limit: int = SEARCH_PAGE
) -> SearchPage:
    """Results *offset*… of *query*, best first, never past SEARCH_MAX."""
    from db import queries, search, validity

    limit = max(0, min(limit, SEARCH_MAX - offset))
    with archive.reading() as session:
        where = search_filter(query)
        found = None
        if query.status is not None:
            # Rank every result and keep those with the status (read from its index).
            wanted = validity.ids_with_status(session, query.status, archive.as_of)
            every = search.search(session, query.text, where, limit=SEARCH_MAX)
            kept = [h for h in every if h.id in wanted]
            hits = kept[offset : offset + limit]
            found = len(kept) if offset == 0 else None
            complete = offset + limit >= len(kept)
        else:
            hits = search.search(session, query.text, where, limit=limit, offset=offset)
            if offset == 0:
                found = search.count_matches(session, query.text, where, cap=SEARCH_MAX + 1)
            complete = len(hits) < limit or offset + len(hits) >= SEARCH_MAX
        suggestion = None
        if found is not None and found < SUGGEST_BELOW:
            suggestion = search.suggest(session, query.text, where)
        ids = [h.id for h in hits]
        summaries = {s.id: s for s in queries.summaries(session, ids, archive.as_of)}
    rows = tuple(SearchRow(h, summaries[h.id]) for h in hits if h.id in summaries)
    return SearchPage(
        query=query,
        offset=offset,
        rows=rows,
        complete=complete,
        found=found,
        suggestion=suggestion,
    )


def search_ids(archive: Archive, query: SearchQuery, limit: int = SEARCH_MAX) -> list[str]:
    """The ids of every result of *query* (up to *limit*), best first: for printing them all."""
    from db import search, validity

    with archive.reading() as session:
        where = search_filter(query)
        if query.status is None:
            return search.ranked_ids(session, query.text, where, limit=limit)
        wanted = validity.ids_with_status(session, query.status, archive.as_of)
        ranked = search.ranked_ids(session, query.text, where, limit=SEARCH_MAX)
        return [nid for nid in ranked if nid in wanted][:limit]
