"""Reading what to print from the archive: the one database step of printing.

Runs on the database worker (the window) or in the command's own thread
(`bangtin print`); what it returns is plain data for the painter,
`desktop/pagepainter.py`. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from db.common import VN_TZ
from desktop.render.printtemplate import PrintSource, PrintStyle, index_source, notice_source

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import NoticeDetail

#: Images larger than this are left out of print (they still print as a name).
MAX_PRINT_IMAGE = 8 * 1024 * 1024


class UnknownNotice(LookupError):
    """A notice id the archive does not hold."""

    def __init__(self, notice_id: str) -> None:
        super().__init__(notice_id)
        self.notice_id = notice_id


def collect(
    archive: Archive,
    notice_ids: Iterable[str],
    lang: str = "vi",
    printed_at: datetime | None = None,
    *,
    index: bool = False,
    style: PrintStyle | None = None,
) -> list[PrintSource]:
    """What to print for *notice_ids*: each notice, or (with *index*) one index table.

    Runs on the database worker. Raises `UnknownNotice` for an id the archive
    does not hold; nothing is printed then.
    """
    from db import filestore, queries

    ids = list(dict.fromkeys(notice_ids))
    when = printed_at or datetime.now(VN_TZ)
    with archive.reading() as session:
        details: list[NoticeDetail] = []
        for notice_id in ids:
            detail = queries.get_notice(session, notice_id, as_of=archive.as_of)
            if detail is None:
                raise UnknownNotice(notice_id)
            details.append(detail)
        rows = queries.summaries(session, ids, archive.as_of) if index else []
    if index:
        publishers = {d.publisher_name for d in details if d.publisher_name}
        publisher = publishers.pop() if len(publishers) == 1 else None
        return [index_source(rows, when, lang, publisher, style)]
    sources: list[PrintSource] = []
    for detail in details:
        images: dict[str, bytes] = {}
        for att in detail.attachments:
            if att.media_type.startswith("image/") and att.size <= MAX_PRINT_IMAGE:
                path = filestore.local_copy(archive, att.sha256)
                if path.is_file():
                    images[att.sha256] = path.read_bytes()
        sources.append(notice_source(detail, when, lang, images, style))
    return sources
