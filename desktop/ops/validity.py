"""Validity as operations for the window: the status filter and one notice's relations.

The notice list's rows already carry their status and urgency
(NoticeSummary.status, .urgency) and an opened notice its validity and
relations (NoticeDetail.validity, .relations); these are the rest. The
words (labels, banner, "Lược đồ" groups) are desktop/render/office.py's.
No Qt.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import RelationLink, Validity

#: The values of the status filter, in the order vbpl.vn lists them.
STATUSES = ("in_force", "partly_expired", "expired", "not_yet")


def notices_with_status(archive: Archive, status: str, day: date | None = None) -> set[str]:
    """Ids of the visible notices whose status on *day* (the archive's day) is *status*."""
    from db import validity

    if status not in STATUSES:
        raise ValueError(status)
    with archive.reading() as session:
        return validity.ids_with_status(session, status, day or archive.as_of)


def notice_validity(
    archive: Archive, notice_id: str, day: date | None = None
) -> tuple[Validity | None, tuple[RelationLink, ...]]:
    """One notice's validity on *day* (the archive's day) and its relations, both directions."""
    from db import validity

    with archive.reading() as session:
        return validity.notice_validity(session, notice_id, day or archive.as_of)
