"""Times across the whole range an import accepts (1900–2200) are kept on both engines.

PostgreSQL's INTEGER is 32 bits: without migration 0012 a notice dated after
January 2038 could not be stored on a shared archive.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from db import queries
from db.archive import Archive
from db.types import VN_TZ
from tests.helpers.notices import apply, notice

pytestmark = [pytest.mark.archive(), pytest.mark.engines]

EDGES = {
    "dau-1900": datetime(1900, 1, 1, 0, 0, tzinfo=VN_TZ),
    "sau-2038": datetime(2038, 1, 19, 10, 14, 8, tzinfo=VN_TZ),
    "cuoi-2200": datetime(2200, 12, 31, 23, 59, 59, tzinfo=VN_TZ),
}


def test_the_first_and_last_years_an_import_accepts_are_kept(archive: Archive) -> None:
    counts = apply(
        archive,
        [notice(nid, published=when, updated=when) for nid, when in EDGES.items()],
    )
    assert counts.added == len(EDGES)
    with archive.reading() as session:
        for nid, when in EDGES.items():
            detail = queries.get_notice(session, nid)
            assert detail is not None
            assert detail.published == when and detail.updated == when
