"""Reading the archive for the command line: lists, one notice, categories, a search.

The window reads through desktop.ops.reading and desktop.ops.searching (pages,
panels, view counts); a script wants whole answers at once. Both go through
the same queries and the same search core, so the two never disagree. Each
function takes the open Archive first and returns frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import CategoryInfo, NoticeDetail, NoticeSummary
    from db.search import SearchFilter, SearchHit


class UnknownCategory(LookupError):
    """No category, or more than one, answers to the name asked for; `paths` are the candidates."""

    def __init__(self, wanted: str, paths: list[str], *, ambiguous: bool) -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.paths = paths
        self.ambiguous = ambiguous


def category_path(archive: Archive, wanted: str | None) -> str | None:
    """The one category *wanted* names: its full path, the name without diacritics, or
    its last level (`db.queries.matching_categories`). Raises UnknownCategory."""
    from db import queries

    if not wanted:
        return None
    with archive.reading() as session:
        found = queries.matching_categories(session, wanted)
        if len(found) == 1:
            return found[0]
        if found:
            raise UnknownCategory(wanted, list(found), ambiguous=True)
        every = [c.path for c in queries.categories(session)]
    raise UnknownCategory(wanted, every, ambiguous=False)


def list_rows(archive: Archive, category: str | None, limit: int | None) -> list[NoticeSummary]:
    """The newest notices (of *category* and below), as list rows."""
    from db import queries

    with archive.reading() as session:
        return queries.summaries(session, queries.notice_ids(session, category, limit=limit))


def list_details(
    archive: Archive, category: str | None, limit: int | None, as_of: date | None
) -> list[NoticeDetail]:
    """The same notices with every field but the body, validity as of *as_of*."""
    from db import queries

    with archive.reading() as session:
        ids = queries.notice_ids(session, category, limit=limit)
        return queries.notice_details(session, ids, body=False, as_of=as_of)


def notice(archive: Archive, notice_id: str, as_of: date | None) -> NoticeDetail | None:
    """One notice, whole, without counting a view (scripts do not read)."""
    from db import queries

    with archive.reading() as session:
        return queries.get_notice(session, notice_id, as_of=as_of)


def categories(archive: Archive) -> list[CategoryInfo]:
    from db import queries

    with archive.reading() as session:
        return queries.categories(session)


@dataclass(frozen=True)
class Found:
    """A search's best hits, and a better spelling when the query found little."""

    hits: tuple[SearchHit, ...]
    suggestion: str | None


def find(archive: Archive, text: str, where: SearchFilter, limit: int) -> Found:
    """The best *limit* hits of *text* within *where*, as the window's search ranks them."""
    from db import search

    with archive.reading() as session:
        hits = search.search(session, text, where, limit=limit)
        suggestion = search.suggest(session, text, where)
    return Found(tuple(hits), suggestion)
