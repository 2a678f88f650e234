"""Reading the archive. Every function returns plain dataclasses.

Withdrawn notices, and withdrawals that arrived without a notice, are left
out of lists and counts; `get_notice` still returns a withdrawn notice so
that a link to it can say it was withdrawn (thu hồi).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, type_coerce
from sqlalchemy import Integer as Integer_
from sqlalchemy.orm import Session

from db import validity
from db.common import NO_FILTER, VN_TZ, ListOrder, NoticeFilter, Show
from db.folding import fold, nfc, strip_bidi
from db.models import (
    Attachment,
    Category,
    Notice,
    Publisher,
    ReadingState,
    RelatedLink,
)
from db.people import state_of
from db.records import (
    AttachmentRecord,
    CategoryInfo,
    FilterChoices,
    NoticeDetail,
    NoticeSummary,
    Signer,
)
from db.search.text import opt_fold
from db.types import whole_seconds


def shown(text: str) -> str:
    """Stored text as it may be shown: imports strip bidi controls, but an
    archive written before they did may still hold them ("\u202eFDP.exe")."""
    return strip_bidi(text)


def shown_or_none(text: str | None) -> str | None:
    return None if text is None else strip_bidi(text)


_VISIBLE = and_(Notice.withdrawn.is_(False), Notice.has_content.is_(True))


def in_category(path: str) -> ColumnElement[bool]:
    """A condition on Category: *path* itself or any category below it.

    Compared by prefix with substr, not LIKE: LIKE ignores ASCII case and
    treats "_" and "%" as wildcards.
    """
    prefix = path + "/"
    return or_(Category.path == path, func.substr(Category.path, 1, len(prefix)) == prefix)


def _listing(category: str | None, show: Show) -> Select[str]:
    query = select(Notice.id).where(_VISIBLE)
    if category:
        query = query.join(Category, Category.id == Notice.category_id).where(in_category(category))
    if show != "all":
        query = query.outerjoin(ReadingState, state_of(Notice.id))
        if show == "unread":
            query = query.where(ReadingState.first_opened.is_(None))
        else:
            query = query.where(ReadingState.bookmarked.is_(True))
    return query


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), VN_TZ)


def _spellings(session: Session, column: Any, wanted: str) -> list[str]:
    """The stored values of *column* that fold to what *wanted* folds to."""
    key = opt_fold(wanted)
    values = session.scalars(select(column).where(column.is_not(None)).distinct())
    return [value for value in values if opt_fold(value) == key]


def _narrowed(session: Session, query: Select[str], where: NoticeFilter) -> Select[str]:
    """*query* limited to the days, document type and issuer of *where*."""
    if where.date_from is not None:
        query = query.where(Notice.published >= _day_start(where.date_from))
    if where.date_to is not None and where.date_to < date.max:
        query = query.where(Notice.published < _day_start(where.date_to + timedelta(days=1)))
    if where.doc_type:
        query = query.where(
            Notice.doc_type.in_(_spellings(session, Notice.doc_type, where.doc_type))
        )
    if where.issuer:
        query = query.where(Notice.issuer.in_(_spellings(session, Notice.issuer, where.issuer)))
    return query


def count_notices(
    session: Session,
    category: str | None = None,
    show: Show = "all",
    where: NoticeFilter = NO_FILTER,
    *,
    condition: ColumnElement[bool] | None = None,
) -> int:
    """How many visible notices the list holds; *condition* narrows it further
    (a status filter: validity.status_condition)."""
    query = _narrowed(session, _listing(category, show), where)
    sub = (query if condition is None else query.where(condition)).subquery()
    return int(session.scalar(select(func.count()).select_from(sub)) or 0)


def count_bookmarked_unread(session: Session) -> int:
    """How many of the bookmarked ("Đã lưu") notices are unread."""
    query = _listing(None, "bookmarked").where(ReadingState.first_opened.is_(None))
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def filter_choices(session: Session) -> FilterChoices:
    """The document types and issuers of the visible notices, for the window's filters.

    Spellings that fold alike ("Kế hoạch", "KẾ HOẠCH") are one choice, shown
    as the most common of them; choices are sorted as folded.
    """

    def choices(column: Any) -> tuple[str, ...]:
        counted = session.execute(
            select(column, func.count()).where(_VISIBLE, column.is_not(None)).group_by(column)
        )
        best: dict[str, Counter[str]] = {}
        for value, count in counted:
            shown_value = shown(value).strip()
            key = opt_fold(shown_value)
            if key:
                best.setdefault(key, Counter())[shown_value] += int(count)
        return tuple(best[key].most_common(1)[0][0] for key in sorted(best))

    return FilterChoices(doc_types=choices(Notice.doc_type), issuers=choices(Notice.issuer))


def notice_ids(
    session: Session,
    category: str | None = None,
    show: Show = "all",
    *,
    newest_first: bool = True,
    limit: int | None = None,
    offset: int = 0,
    where: NoticeFilter = NO_FILTER,
    condition: ColumnElement[bool] | None = None,
) -> list[str]:
    """Ids of visible notices in list order (by publication time, then id)."""
    order = (
        (Notice.published.desc(), Notice.id.desc())
        if newest_first
        else (Notice.published.asc(), Notice.id.asc())
    )
    query = _narrowed(session, _listing(category, show), where)
    if condition is not None:
        query = query.where(condition)
    query = query.order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def summaries(
    session: Session,
    ids: Sequence[str],
    as_of: date | None = None,
    *,
    status: str | None = None,
) -> list[NoticeSummary]:
    """The list rows of *ids*, in the order given (unknown ids are skipped).

    Their status is as of *as_of*, today (in Vietnam) when not given; with
    *status*, every one of *ids* is known to have it (a page of a status
    filter), and it is not reckoned again.
    """
    found: dict[str, NoticeSummary] = {}
    day = as_of or validity.today()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(
                Notice.id,
                Notice.title,
                Notice.number,
                Notice.published,
                Category.path,
                Notice.withdrawn,
                ReadingState.first_opened,
                ReadingState.bookmarked,
                Notice.urgency,
                Notice.effective,
                Notice.expires,
                Notice.ended_on,
                Notice.partly_on,
                Notice.legal,
            )
            .join(Category, Category.id == Notice.category_id)
            .outerjoin(ReadingState, state_of(Notice.id))
            .where(Notice.id.in_(chunk), Notice.has_content.is_(True))
        ).all()
        for (
            nid,
            title,
            number,
            published,
            path,
            withdrawn,
            opened,
            bookmarked,
            urgency,
            *held,
        ) in rows:
            assert published is not None  # every notice with content has a date
            effective, expires, ended_on, partly_on, legal = held
            # The badge is the row's own: its standing is stored on it (db.validity).
            found_status = status or validity.stored_status(
                effective, expires, validity.Standing(ended_on, partly_on, bool(legal)), day
            )
            found[nid] = NoticeSummary(
                id=nid,
                title=shown(title),
                number=shown_or_none(number),
                published=published,
                category=path,
                withdrawn=bool(withdrawn),
                read=opened is not None,
                bookmarked=bool(bookmarked),
                status=found_status,
                urgency=urgency,
            )
    return [found[i] for i in ids if i in found]


def list_notices(
    session: Session,
    category: str | None = None,
    show: Show = "all",
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[NoticeSummary]:
    """Visible notices, newest first."""
    return summaries(session, notice_ids(session, category, show, limit=limit, offset=offset))


def get_notice(session: Session, notice_id: str, as_of: date | None = None) -> NoticeDetail | None:
    """One notice with its attachments, related ids, relations and reading state.

    Its validity is as of *as_of*, today (in Vietnam) when not given. Five
    statements (`notice_details`): on a shared archive each is a round trip
    to the server.
    """
    found = notice_details(session, [notice_id], as_of=as_of)
    return found[0] if found else None


def notice_details(
    session: Session, ids: Sequence[str], *, body: bool = True, as_of: date | None = None
) -> list[NoticeDetail]:
    """What get_notice returns for each of *ids*, in that order, in a few statements
    per 500 notices; without *body*, `body_markdown` is left empty and never read."""
    columns = [
        Notice.id,
        Notice.title,
        Category.path,
        Notice.published,
        Notice.updated,
        Notice.number,
        Notice.doc_type,
        Notice.issuer,
        Notice.issued,
        Notice.summary,
        Notice.withdrawn,
        Notice.publisher_id,
        Publisher.name,
        ReadingState.views,
        ReadingState.bookmarked,
        ReadingState.first_opened,
        ReadingState.last_opened,
        Notice.effective,
        Notice.expires,
        Notice.signer_authority,
        Notice.signer_title,
        Notice.signer_name,
        Notice.sector,
        Notice.urgency,
        Notice.deadline,
        Notice.recipients,
    ]
    if body:
        columns.append(Notice.body_markdown)
    found: dict[str, NoticeDetail] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        attachments: dict[str, list[AttachmentRecord]] = {}
        for a in session.scalars(
            select(Attachment)
            .where(Attachment.notice_id.in_(chunk))
            .order_by(Attachment.notice_id, Attachment.position)
        ):
            attachments.setdefault(a.notice_id, []).append(
                AttachmentRecord(name=a.name, media_type=a.media_type, size=a.size, sha256=a.sha256)
            )
        related: dict[str, list[str]] = {}
        for nid, target in session.execute(
            select(RelatedLink.notice_id, RelatedLink.target_id)
            .where(RelatedLink.notice_id.in_(chunk))
            .order_by(RelatedLink.notice_id, RelatedLink.position)
        ):
            related.setdefault(nid, []).append(target)
        office = validity.notices_validity(session, chunk, as_of)
        rows = session.execute(
            select(*columns)
            .outerjoin(Category, Category.id == Notice.category_id)
            .outerjoin(Publisher, Publisher.id == Notice.publisher_id)
            .outerjoin(ReadingState, state_of(Notice.id))
            .where(Notice.id.in_(chunk), Notice.has_content.is_(True))
        )
        for found_row in rows:
            # A column list built at run time: SQLAlchemy cannot type the row.
            row: tuple[Any, ...] = tuple(found_row)
            nid = row[0]
            assert row[3] is not None  # every notice with content has a date
            found[nid] = NoticeDetail(
                id=nid,
                title=shown(row[1]),
                category=row[2] or "",
                published=row[3],
                updated=row[4],
                number=shown_or_none(row[5]),
                doc_type=shown_or_none(row[6]),
                issuer=shown_or_none(row[7]),
                issued=row[8],
                summary=shown_or_none(row[9]),
                body_markdown=row[26] if body else "",
                withdrawn=row[10],
                publisher_id=row[11],
                publisher_name=row[12],
                related=tuple(related.get(nid, ())),
                attachments=tuple(attachments.get(nid, ())),
                views=row[13] or 0,
                bookmarked=bool(row[14]),
                first_opened=row[15],
                last_opened=row[16],
                effective=row[17],
                expires=row[18],
                signer=(
                    Signer(title=row[20], name=row[21], authority=row[19])
                    if row[20] and row[21]
                    else None
                ),
                sector=row[22],
                urgency=row[23],
                deadline=row[24],
                recipients=tuple(row[25] or ()),
                relations=office[nid][1],
                validity=office[nid][0],
            )
    return [found[i] for i in ids if i in found]


def related_notices(session: Session, notice_id: str, limit: int = 5) -> list[NoticeSummary]:
    """ "Tin liên quan": explicit links first (missing or withdrawn skipped),
    then the nearest notices by date in the same category."""
    links = session.scalars(
        select(RelatedLink.target_id)
        .where(RelatedLink.notice_id == notice_id)
        .order_by(RelatedLink.position)
    )
    explicit = [target for target in dict.fromkeys(links) if target != notice_id]
    chosen = [s for s in summaries(session, explicit) if not s.withdrawn][:limit]
    if len(chosen) >= limit:
        return chosen
    base = session.execute(
        select(Notice.category_id, Notice.published).where(Notice.id == notice_id)
    ).first()
    if base is None:
        return chosen
    category_id, published = base
    if category_id is None or published is None:
        return chosen
    skip = {notice_id, *(s.id for s in chosen)}
    wanted = limit - len(chosen)
    # Two walks along the (category, published) index, one each way from
    # the notice's date, then a merge by distance: sorting the whole
    # category by distance costs ~100 ms on a large archive.
    pivot = whole_seconds(published)
    seconds = type_coerce(Notice.published, Integer_)
    near = select(Notice.id, seconds).where(_VISIBLE, Notice.category_id == category_id)
    span = wanted + len(skip)
    earlier = session.execute(
        near.where(seconds <= pivot).order_by(seconds.desc(), Notice.id.desc()).limit(span)
    ).all()
    later = session.execute(
        near.where(seconds >= pivot).order_by(seconds.asc(), Notice.id.asc()).limit(span)
    ).all()
    candidates = {nid: int(when) for nid, when in (*earlier, *later) if nid not in skip}
    ranked = sorted(candidates, reverse=True)  # ties: the larger id first
    ranked.sort(key=lambda nid: (abs(candidates[nid] - pivot), -candidates[nid]))
    neighbours = ranked[:wanted]
    return chosen + summaries(session, neighbours)


def latest_notices(session: Session, limit: int = 5) -> list[NoticeSummary]:
    """ "Tin mới nhất": the newest visible notices in the archive."""
    return list_notices(session, limit=limit)


def matching_categories(session: Session, wanted: str) -> list[str]:
    """The full paths of the categories *wanted* names, as a clerk would type it.

    The exact path first; else the paths equal to it without diacritics or
    case ("ke hoach" for "Kế hoạch"); else the paths whose last levels are it
    ("Kế hoạch" for "Văn bản/Kế hoạch"). Empty when none: the caller names
    the paths that exist.
    """
    wanted = nfc(wanted.strip().strip("/"))
    paths = list(session.scalars(select(Category.path).order_by(Category.path)))
    if wanted in paths:
        return [wanted]
    key = "/".join(fold(level).strip() for level in wanted.split("/"))
    folded = {path: "/".join(fold(level).strip() for level in path.split("/")) for path in paths}
    same = [path for path, f in folded.items() if f == key]
    return same or [path for path, f in folded.items() if f.endswith("/" + key)]


def categories(session: Session) -> list[CategoryInfo]:
    """Every category in tree order, with visible and unread counts (subtrees included),
    counted from the notices themselves (the window reads `db.counts`, kept by triggers)."""
    from db.tree import category_tree

    rows = session.execute(
        select(Category.id, Category.path, Category.name, Category.parent_id, Category.position)
    ).all()
    direct: dict[int, int] = {}
    unread: dict[int, int] = {}
    counted = session.execute(
        select(
            Notice.category_id,
            func.count(),
            func.sum(ReadingState.first_opened.is_(None).cast(Integer_)),
        )
        .outerjoin(ReadingState, state_of(Notice.id))
        .where(_VISIBLE)
        .group_by(Notice.category_id)
    )
    for cid, total, unread_total in counted:
        if cid is not None:
            direct[cid] = int(total)
            unread[cid] = int(unread_total or 0)
    return category_tree(rows, direct, unread)


# -- appended for the reader window (desktop/ui) ---------------------------------------


def ordered_notice_ids(
    session: Session,
    category: str | None = None,
    show: Show = "all",
    *,
    order: ListOrder = "published",
    descending: bool = True,
    limit: int | None = None,
    offset: int = 0,
    where: NoticeFilter = NO_FILTER,
    condition: ColumnElement[bool] | None = None,
) -> list[str]:
    """Ids of visible notices sorted by a list column; ties fall back to date, then id.

    *condition* narrows them further (a status filter: validity.status_condition).
    """
    if order == "published":
        return notice_ids(
            session,
            category,
            show,
            newest_first=descending,
            limit=limit,
            offset=offset,
            where=where,
            condition=condition,
        )
    column = Notice.title if order == "title" else func.coalesce(Notice.number, "")
    key = column.desc() if descending else column.asc()
    query = _narrowed(session, _listing(category, show), where)
    if condition is not None:
        query = query.where(condition)
    query = query.order_by(key, Notice.published.desc(), Notice.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))
