"""What the window asks the database worker to do.

Each function takes the open Archive first and runs on the worker thread
(desktop/tasks.py); it returns frozen dataclasses the GUI thread only shows.
No widgets here.

The window imports this module on its GUI thread before its first paint, so
the database modules (and SQLAlchemy under them) are imported inside the jobs,
on the worker thread, not here.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.common import ListOrder, Show
from desktop.paths import BUNDLE_SUFFIX

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import CategoryInfo, ImportLogEntry, NoticeDetail, NoticeSummary
    from db.search import SearchHit
    from desktop.render.markdown import TableData

# Rows fetched per page of the notice list.
PAGE_SIZE = 200
# Table cells one article lays out: Qt builds and lays out the page's tables
# on the GUI thread at about 0.3 ms a cell with the article's stylesheet, so
# 200 keep setHtml near 65 ms; bigger tables are cut, each with a link to
# all of it in a table view.
ARTICLE_TABLE_CELLS = 200
# Images larger than this are not shown inline (they still open as attachments).
MAX_INLINE_IMAGE = 8 * 1024 * 1024
PANEL_SIZE = 5
# Search results fetched per page, and the most one search lists (and prints).
SEARCH_PAGE = 100
SEARCH_MAX = 500


@dataclass(frozen=True)
class ListQuery:
    """Which notices the list shows, and in what order."""

    category: str | None = None
    show: Show = "all"
    order: ListOrder = "published"
    descending: bool = True


@dataclass(frozen=True)
class ListPage:
    query: ListQuery
    total: int
    offset: int
    rows: tuple[NoticeSummary, ...]


@dataclass(frozen=True)
class Overview:
    """Everything around the list: tree counts, panels, status bar."""

    categories: tuple[CategoryInfo, ...]
    total: int
    unread: int
    bookmarked: int
    latest: tuple[NoticeSummary, ...]
    last_import: ImportLogEntry | None
    publisher_name: str | None


@dataclass(frozen=True)
class OpenedNotice:
    requested_id: str
    detail: NoticeDetail | None
    html: str
    related: tuple[NoticeSummary, ...]
    latest: tuple[NoticeSummary, ...]
    images: Mapping[str, bytes] = field(default_factory=dict)
    #: The whole content of each table the page cuts short ("table:N" links).
    tables: tuple[TableData, ...] = ()


@dataclass(frozen=True)
class SearchQuery:
    """What the search box asks: the words, and the category to stay in (None: all)."""

    text: str
    category: str | None = None


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


def now() -> datetime:
    return datetime.now(UTC)


def load_page(archive: Archive, query: ListQuery, offset: int, limit: int = PAGE_SIZE) -> ListPage:
    from db import queries

    with archive.reading() as session:
        total = queries.count_notices(session, query.category, query.show)
        ids = queries.ordered_notice_ids(
            session,
            query.category,
            query.show,
            order=query.order,
            descending=query.descending,
            limit=limit,
            offset=offset,
        )
        rows = queries.summaries(session, ids)
    return ListPage(query=query, total=total, offset=offset, rows=tuple(rows))


def load_overview(archive: Archive) -> Overview:
    from db import queries

    with archive.reading() as session:
        cats = queries.categories(session)
        total = queries.count_notices(session)
        unread = queries.count_notices(session, show="unread")
        bookmarked = queries.count_notices(session, show="bookmarked")
        latest = queries.latest_notices(session, PANEL_SIZE)
        last = queries.last_import(session)
        publisher = queries.publisher(session, last.publisher_id) if last else None
    return Overview(
        categories=tuple(cats),
        total=total,
        unread=unread,
        bookmarked=bookmarked,
        latest=tuple(latest),
        last_import=last,
        publisher_name=publisher.name if publisher else None,
    )


def search_page(
    archive: Archive, query: SearchQuery, offset: int, limit: int = SEARCH_PAGE
) -> SearchPage:
    """Results *offset*… of *query*, best first, never past SEARCH_MAX."""
    from db import queries, search

    limit = max(0, min(limit, SEARCH_MAX - offset))
    with archive.reading() as session:
        hits = search.search(
            session, query.text, category=query.category, limit=limit, offset=offset
        )
        found = None
        if offset == 0:
            found = search.count_matches(
                session, query.text, category=query.category, cap=SEARCH_MAX + 1
            )
        summaries = {s.id: s for s in queries.summaries(session, [h.id for h in hits])}
    rows = tuple(SearchRow(h, summaries[h.id]) for h in hits if h.id in summaries)
    complete = len(hits) < limit or offset + len(hits) >= SEARCH_MAX
    return SearchPage(query=query, offset=offset, rows=rows, complete=complete, found=found)


def search_ids(archive: Archive, query: SearchQuery, limit: int = SEARCH_MAX) -> list[str]:
    """The ids of every result of *query* (up to *limit*), best first: for printing them all."""
    from db import search

    with archive.reading() as session:
        return search.ranked_ids(session, query.text, category=query.category, limit=limit)


def open_notice(
    archive: Archive,
    notice_id: str,
    lang: str,
    count_view: bool = True,
    search_text: str = "",
) -> OpenedNotice:
    """Count one view (when asked), then load and render the notice.

    With *search_text* the words it matches are highlighted in the article.
    """
    # The renderer pulls in Markdown; loading it here keeps it off the GUI thread.
    from db import queries, search, store
    from desktop.render.article import article_page

    with archive.reading() as session:
        detail = queries.get_notice(session, notice_id)
        latest = tuple(queries.latest_notices(session, PANEL_SIZE))
        if detail is None:
            return OpenedNotice(notice_id, None, "", (), latest)
        related = tuple(queries.related_notices(session, notice_id, PANEL_SIZE))
    if count_view:
        at = now()
        with archive.writing() as session:
            views = store.record_view(session, notice_id, at)
        detail = replace(
            detail, views=views, first_opened=detail.first_opened or at, last_opened=at
        )
    terms = search.highlight_terms(search_text) if search_text else ()
    page = article_page(detail, lang=lang, highlight_terms=terms, table_cells=ARTICLE_TABLE_CELLS)
    html = page.html
    images: dict[str, bytes] = {}
    for att in detail.attachments:
        if (
            att.media_type.startswith("image/")
            and att.size <= MAX_INLINE_IMAGE
            and att.sha256 in html
        ):
            path = archive.file_path(att.sha256)
            if path.is_file():
                images[att.sha256] = path.read_bytes()
    return OpenedNotice(notice_id, detail, html, related, latest, images, page.tables)


def set_bookmark(archive: Archive, notice_id: str, bookmarked: bool) -> bool:
    from db import store

    with archive.writing() as session:
        store.set_bookmark(session, notice_id, bookmarked)
    return bookmarked


def mark_all_read(archive: Archive, category: str | None) -> int:
    from db import store

    with archive.writing() as session:
        return store.mark_all_read(session, now(), category)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(name: str, fallback: str) -> str:
    """A file name that is safe on Windows and Linux alike."""
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    return cleaned or fallback


def copy_attachment(archive: Archive, sha256: str, name: str, temp_dir: Path) -> Path:
    """Copy an attachment out of the store so a viewer can open it.

    The viewer gets a copy, never the store's file, so nothing can alter the archive.
    """
    source = archive.file_path(sha256)
    if not source.is_file():
        raise FileNotFoundError(str(source))
    folder = temp_dir / sha256[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_file_name(name, sha256[:16])
    shutil.copyfile(source, target)
    os.chmod(target, 0o444)
    return target


def save_attachment(archive: Archive, sha256: str, target: Path) -> Path:
    source = archive.file_path(sha256)
    if not source.is_file():
        raise FileNotFoundError(str(source))
    shutil.copyfile(source, target)
    return target


def find_bundles(root: Path) -> list[Path]:
    """Bundle files at the top of *root* and one folder down, sorted by name."""
    found: list[Path] = []
    try:
        top = sorted(root.iterdir())
    except OSError:
        return found
    for entry in top:
        try:
            if entry.is_file() and entry.suffix.lower() == BUNDLE_SUFFIX:
                found.append(entry)
            elif entry.is_dir() and not entry.name.startswith("."):
                for inner in sorted(entry.iterdir()):
                    if inner.is_file() and inner.suffix.lower() == BUNDLE_SUFFIX:
                        found.append(inner)
        except OSError:
            continue  # an unreadable folder on a stick is not an error
    return found
