"""Small builders for archive tests: notice records and a one-call import."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from db.archive import Archive
from db.records import AttachmentRecord, ImportCounts, NoticeRecord, WithdrawalRecord
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ

PUBLISHER = "ubnd-xa-demo"
BASE_TIME = datetime(2023, 3, 27, 7, 20, tzinfo=VN_TZ)


def at(days: float = 0, **delta: float) -> datetime:
    """A time *days* (and any other timedelta parts) after BASE_TIME."""
    return BASE_TIME + timedelta(days=days, **delta)


def notice(
    nid: str,
    *,
    category: str = "Văn bản/Quyết định",
    published: datetime | None = None,
    days: float = 0,
    revision_days: float | None = None,
    **fields: Any,
) -> NoticeRecord:
    """A notice record; `revision_days` sets `updated` that many days after BASE_TIME."""
    fields.setdefault("title", f"Thông báo {nid}")
    if revision_days is not None:
        fields["updated"] = at(revision_days)
    return NoticeRecord(
        id=nid,
        category=category,
        published=published if published is not None else at(days),
        **fields,
    )


def attachment(name: str = "quyet-dinh.pdf", size: int = 1234) -> AttachmentRecord:
    digest = hashlib.sha256(name.encode()).hexdigest()
    return AttachmentRecord(name=name, media_type="application/pdf", size=size, sha256=digest)


def withdrawal(nid: str, days: float) -> WithdrawalRecord:
    return WithdrawalRecord(id=nid, revision=at(days))


def apply(
    archive: Archive,
    notices: Sequence[NoticeRecord] = (),
    withdrawals: Sequence[WithdrawalRecord] = (),
    *,
    publisher: str = PUBLISHER,
    categories: Sequence[str] = (),
) -> ImportCounts:
    """Apply one bundle's worth of records in one transaction, as an import does."""
    with archive.writing() as session:
        ensure_publisher(session, publisher, "UBND xã Demo")
        ids = ensure_categories(session, [*categories, *(n.category for n in notices)])
        return apply_notices(session, publisher, notices, withdrawals, ids)
