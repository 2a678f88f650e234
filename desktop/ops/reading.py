"""Reading the archive: a page of the notice list, the overview, one opened notice.

Each operation takes the open Archive first and runs on the database
worker; it returns frozen dataclasses that the window and the command line
only show. The window imports this module on its GUI thread before its first
paint, so the database modules (and SQLAlchemy under them) are imported
inside the operations, on the worker thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.common import NO_FILTER, ListOrder, NoticeFilter, Show
from desktop.ops.changes import NO_CHANGES, Changes, Written

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import (
        CategoryInfo,
        FilterChoices,
        ImportLogEntry,
        NoticeDetail,
        NoticeSummary,
    )
    from desktop.render.tables import TableData

#: Rows fetched per page of the notice list.
PAGE_SIZE = 200
#: Table cells one article lays out: Qt builds and lays out the page's tables
#: on the GUI thread at about 0.3 ms a cell with the article's stylesheet, so
#: 200 keep setHtml near 65 ms; bigger tables are cut, each with a link to
#: all of it in a table view.
ARTICLE_TABLE_CELLS = 200
#: Images larger than this are not shown inline (they still open as attachments).
MAX_INLINE_IMAGE = 8 * 1024 * 1024
#: Notices in the "related" and "latest" panels.
PANEL_SIZE = 5


@dataclass(frozen=True)
class ListQuery:
    """Which notices the list shows, and in what order; *filters* narrow any category.

    `status` keeps only the notices with that validity status
    (desktop.ops.validity.STATUSES), as of the archive's day; None keeps all.
    """

    category: str | None = None
    show: Show = "all"
    order: ListOrder = "published"
    descending: bool = True
    status: str | None = None
    filters: NoticeFilter = NO_FILTER


@dataclass(frozen=True)
class ListPage:
    """Rows *offset*… of a list query, and how many the query holds in all."""

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
    bookmarked_unread: int = 0


@dataclass(frozen=True)
class OpenedNotice:
    """A notice rendered for the article pane; *detail* is None when the archive lacks it.

    `images` holds the inline images' bytes; `files` where each attachment
    lives in the archive's store (for copying it out, off the database thread);
    `tables` the whole content of each table the page cuts short ("table:N" links).
    """

    requested_id: str
    detail: NoticeDetail | None
    html: str
    images: Mapping[str, bytes] = field(default_factory=dict)
    files: Mapping[str, Path] = field(default_factory=dict)
    tables: tuple[TableData, ...] = ()


@dataclass(frozen=True)
class Panels:
    """What the panels beside an opened notice show: "Tin liên quan" and "Tin mới nhất"."""

    related: tuple[NoticeSummary, ...]
    latest: tuple[NoticeSummary, ...]


@dataclass(frozen=True)
class Counted:
    """One opening counted (`count_view`): the notice's views now, and when."""

    notice_id: str
    views: int
    at: datetime


def now() -> datetime:
    return datetime.now(UTC)


def list_page(archive: Archive, query: ListQuery, offset: int, limit: int = PAGE_SIZE) -> ListPage:
    """Rows *offset*… of *query* (at most *limit*), with the query's total."""
    from db import queries, validity

    with archive.reading() as session:
        condition = None
        if query.status is not None:
            # A status is stored on each notice's row as far as it depends on
            # others (db.validity.Standing): the filter is a condition on the
            # row that the database pages and counts from one index.
            condition = validity.status_condition(query.status, archive.as_of or validity.today())
        total = queries.count_notices(
            session, query.category, query.show, query.filters, condition=condition
        )
        ids = queries.ordered_notice_ids(
            session,
            query.category,
            query.show,
            order=query.order,
            descending=query.descending,
            limit=limit,
            offset=offset,
            where=query.filters,
            condition=condition,
        )
        rows = queries.summaries(session, ids, archive.as_of, status=query.status)
    return ListPage(query=query, total=total, offset=offset, rows=tuple(rows))


def first_look(data_dir: Path) -> tuple[Overview, ListPage] | None:
    """The first screen of the file archive in *data_dir*, read before it is opened.

    `overview`, and `list_page` of the whole list newest first (`ListQuery()`),
    read through `sqlite3` alone (db/firstlook.py): the window shows them
    while the archive is opened the usual way. None when only opening the
    archive can tell what it holds.
    """
    from db.firstlook import first_look as look
    from desktop.demoday import folder_day

    seen = look(data_dir, as_of=folder_day(data_dir), latest=PANEL_SIZE, page=PAGE_SIZE)
    if seen is None:
        return None
    counted = seen.counts
    overview = Overview(
        categories=counted.categories,
        total=counted.total,
        unread=counted.unread,
        bookmarked=counted.bookmarked,
        latest=seen.latest,
        last_import=seen.last_import,
        publisher_name=seen.publisher_name,
        bookmarked_unread=counted.bookmarked_unread,
    )
    return overview, ListPage(query=ListQuery(), total=seen.total, offset=0, rows=seen.rows)


def filter_choices(archive: Archive) -> FilterChoices:
    """The document types and issuers the window's filters offer."""
    from db import queries

    with archive.reading() as session:
        return queries.filter_choices(session)


def overview(archive: Archive) -> Overview:
    """The counts, the latest notices and the last import."""
    from db import counts, provenance, queries

    with archive.reading() as session:
        counted = counts.counts(session)
        latest = queries.latest_notices(session, PANEL_SIZE)
        last = provenance.last_import(session)
        publisher = provenance.publisher(session, last.publisher_id) if last else None
    return Overview(
        categories=counted.categories,
        total=counted.total,
        unread=counted.unread,
        bookmarked=counted.bookmarked,
        latest=tuple(latest),
        last_import=last,
        publisher_name=publisher.name if publisher else None,
        bookmarked_unread=counted.bookmarked_unread,
    )


def open_article(
    archive: Archive,
    notice_id: str,
    lang: str,
    search_text: str = "",
    counting: datetime | None = None,
    mark_read: bool = True,
) -> OpenedNotice:
    """Load and render a notice for the article pane; nothing is written.

    With *counting*, the time of the view `count_view` records next, the
    page shows the notice as that view leaves it (its views one more, read
    unless *mark_read* is False), so the article can be shown before the
    view is written; a read-only archive counts no view and shows none.
    With *search_text* the words it matches are highlighted in the article.
    """
    # The renderer pulls in Markdown; loading it here keeps it off the GUI thread.
    from db import filestore, queries, search
    from desktop.render.article import article_page

    with archive.reading() as session:
        detail = queries.get_notice(session, notice_id, as_of=archive.as_of)
    if detail is None:
        return OpenedNotice(notice_id, None, "")
    if counting is not None and not archive.read_only:
        # What db.reading.record_view makes of the row.
        first = detail.first_opened or (counting if mark_read else None)
        detail = replace(detail, views=detail.views + 1, first_opened=first, last_opened=counting)
    terms = search.highlight_terms(search_text) if search_text else ()
    page = article_page(detail, lang=lang, highlight_terms=terms, table_cells=ARTICLE_TABLE_CELLS)
    html = page.html
    images: dict[str, bytes] = {}
    # On a shared archive, fetched from its database the first time this PC needs them.
    files = filestore.local_copies(archive, (att.sha256 for att in detail.attachments))
    for att in detail.attachments:
        if (
            att.media_type.startswith("image/")
            and att.size <= MAX_INLINE_IMAGE
            and att.sha256 in html
        ):
            path = files[att.sha256]
            if path.is_file():
                images[att.sha256] = path.read_bytes()
    return OpenedNotice(notice_id, detail, html, images, files, page.tables)


def count_view(
    archive: Archive, notice_id: str, at: datetime, mark_read: bool = True
) -> Written[Counted | None]:
    """Count one view of a notice at *at*; a first opening makes it read, unless
    *mark_read* is False (the window marks it later, with `marks.set_read`):
    the changes say so. None, with nothing written, when the archive is
    read-only or holds no such notice.
    """
    if archive.read_only:
        return Written(None)
    from db import store

    with archive.writing() as session:
        counted = store.record_opening(session, notice_id, at, read=mark_read)
    if counted is None:
        return Written(None)
    views, made_read = counted
    changes = Changes(read=frozenset({notice_id})) if made_read else NO_CHANGES
    return Written(Counted(notice_id, views, at), changes)


def panels(archive: Archive, notice_id: str) -> Panels:
    """The related notices of *notice_id* and the newest ones, for the panels beside it."""
    from db import queries

    with archive.reading() as session:
        related = tuple(queries.related_notices(session, notice_id, PANEL_SIZE))
        latest = tuple(queries.latest_notices(session, PANEL_SIZE))
    return Panels(related, latest)
