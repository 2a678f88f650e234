"""`bangtin migrate-to postgresql://…`: an office's SQLite archive moved into an empty database.

Everything the office made comes along: the notices, the register and the
clerk's edits, the reading state (as the mover's), the trusted keys; every
table's rows are counted on both sides. A database that holds anything is
refused with nothing copied.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db import counts, filestore, queries, register, search, store
from db.archive import Archive, open_archive
from db.models import Base, Notice, TrustedKey
from db.people import login_name
from desktop.cli import main
from desktop.messages import text
from tests.helpers.bundles import PDF
from tests.helpers.notices import at

pytestmark = pytest.mark.archive(world=True)


def office_state(archive: Archive) -> dict[str, Any]:
    with archive.reading() as session:
        return {
            "notices": queries.list_notices(session),
            "register": register.register_rows(session),
            # Kept by the server's own triggers as the notices are copied (db.counts).
            "counts": counts.counts(session),
            "keys": sorted(session.scalars(select(TrustedKey.key_id))),
            # The index is built again on the server: the same answers to a search.
            "found": [hit.id for hit in search.search(session, "thong bao")],
            "rows": {
                table.name: session.scalar(select(func.count()).select_from(table))
                for table in Base.metadata.sorted_tables
                if table.name != "stored_file"  # filled from the data folder on the server
            },
        }


def test_the_archive_moves_whole_into_an_empty_database(
    archive: Archive, pg_empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with archive.writing() as session:
        first = register.register_rows(session)[0]
        register.set_register_fields(
            session, first.year, first.incoming_number, assigned_to="Chị Lan", status="done"
        )
        store.record_view(session, first.notice_id, at(0))
        store.set_bookmark(session, "b", True)
    before = office_state(archive)
    archive.close()

    assert (
        main(["--lang", "en", "--data-dir", str(archive.data_dir), "migrate-to", pg_empty_url]) == 0
    )
    said = capsys.readouterr().out
    assert "were counted again on the server and match" in said

    assert "1 attached files" in said
    moved = open_archive(tmp_path / "other-pc", url=pg_empty_url)
    try:
        assert moved.person == login_name()
        assert office_state(moved) == before
        # Another PC opens the attachments: they moved into the server's file store.
        pdf = archive.file_path(hashlib.sha256(PDF).hexdigest())
        assert filestore.local_copy(moved, pdf.name).read_bytes() == PDF
        assert before["rows"]["register_entry"] > 0 and before["rows"]["reading_state"] == 2
        assert before["found"]
    finally:
        moved.close()

    # A second move finds the database in use: refused, nothing copied.
    assert main(["--data-dir", str(archive.data_dir), "migrate-to", pg_empty_url]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(text("migrate_target_not_empty", "vi", where="@@").split("@@")[0])


def test_a_file_the_folder_lost_is_said_and_the_rest_moves(
    archive: Archive, pg_empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive.file_path(hashlib.sha256(PDF).hexdigest()).unlink()
    archive.close()
    argv = ["--lang", "en", "--data-dir", str(archive.data_dir), "migrate-to", pg_empty_url]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "0 attached files" in out
    assert err.strip() == text("migrated_files_missing", "en", missing=1)
    moved = open_archive(tmp_path / "other-pc", url=pg_empty_url)
    try:
        with moved.reading() as session:
            assert filestore.stored_count(session) == 0
            assert session.scalar(select(func.count()).select_from(Notice)) == 3
    finally:
        moved.close()
