"""Revision 0014 fills each notice's standing as the imports keep it, on both engines."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import text

import db.archive
from db.archive import Archive
from tests.helpers.notices import apply, notice, withdrawal

pytestmark = pytest.mark.engines

STANDING = "SELECT id, ended_on, partly_on, legal FROM notice ORDER BY id"


def test_the_revision_fills_what_the_imports_keep(archive: Archive) -> None:
    apply(
        archive,
        [
            notice("a", effective=date(2023, 1, 1)),
            notice("b", issued=date(2023, 6, 1), relations=(("replaces", "a"),)),
            notice("c", days=30, relations=(("partly_repeals", "a"), ("repeals", "c"))),
            notice("d", effective=date(2024, 2, 1), relations=(("repeals", "a"),)),
            notice("m", relations=(("guides", "n"),)),
            notice("n"),
            notice("w", effective=date(2022, 1, 1), relations=(("replaces", "a"),)),
            notice("x", relations=(("amends", "missing"),)),
        ],
    )
    apply(archive, withdrawals=[withdrawal("m", 99), withdrawal("w", 99)])
    with archive.engine.connect() as conn:
        kept = [tuple(r) for r in conn.execute(text(STANDING))]
    with archive.engine.begin() as conn:
        command.downgrade(db.archive._alembic_config(conn), "0013")
    with archive.engine.begin() as conn:
        command.upgrade(db.archive._alembic_config(conn), "0014")
        filled = [tuple(r) for r in conn.execute(text(STANDING))]
    assert filled == kept
    # The withdrawn "w" (2022) ends nothing; the withdrawn "m" makes no news legal.
    by_id = {nid: (ended, partly, bool(legal)) for nid, ended, partly, legal in kept}
    assert by_id["a"] == ("2023-06-01", "2023-04-26", True)
    assert by_id["n"] == (None, None, False)
    assert by_id["c"] == (None, None, True)  # its relation to itself ends nothing
