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
from sqlalchemy.engine import make_url

from db import counts, filestore, queries, register, search, store
from db.archive import Archive, open_archive
from db.errors import ArchiveError, ErrorCode
from db.models import Base, Notice, TrustedKey
from db.people import login_name
from db.server import display_url
from desktop.cli import main
from desktop.cli.output import shell_word
from desktop.messages import describe, text
from tests.helpers.bundles import PDF, World
from tests.helpers.notices import at
from tests.helpers.postgres import ALLOWED_HOSTS, psql_url

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
    archive: Archive,
    world: World,
    pg_empty_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
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

    # As the sentence advises: the bundle imported again puts the file back.
    again = ["--lang", "en", "--database", pg_empty_url, "import", str(world.bundle1)]
    assert main(again) == 0
    assert text("already_files_restored", "en", files=1) in capsys.readouterr().out
    moved = open_archive(tmp_path / "third-pc", url=pg_empty_url)
    try:
        with moved.reading() as session:
            assert filestore.stored_count(session) == 1
        pdf = filestore.local_copy(moved, hashlib.sha256(PDF).hexdigest())
        assert pdf.read_bytes() == PDF
    finally:
        moved.close()


@pytest.mark.parametrize("url", ["mysql://a@b/c", "postgres:/bad", "postgresql://", "kho.db"])
def test_an_address_that_is_no_postgresql_url_is_refused_before_anything(
    archive: Archive, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = office_state(archive)
    archive.close()
    assert main(["--data-dir", str(archive.data_dir), "migrate-to", url]) == 1
    assert capsys.readouterr().err.strip() == text("migrate_not_postgresql", "vi", url=url)
    again = open_archive(archive.data_dir)
    try:
        assert office_state(again) == before
    finally:
        again.close()


def test_a_pc_without_an_archive_moves_nothing_and_makes_nothing(
    pg_empty_url: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The configured folder of a fresh install (BANGTIN_DATA_DIR), which other
    # commands would give its first archive.
    assert main(["migrate-to", pg_empty_url]) == 1
    word = shell_word(pg_empty_url)
    said = text("migrate_no_archive", "vi", path=str(data_dir), word=word)
    assert capsys.readouterr().err.strip() == said
    assert not data_dir.exists()
    with pytest.raises(ArchiveError) as still_empty:
        open_archive(data_dir.with_name("probe"), url=pg_empty_url, create=False)
    assert still_empty.value.code is ErrorCode.MISSING


def test_a_server_that_is_not_there_is_named_not_this_pcs_folder(
    archive: Archive, pg_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A socket folder where no server listens, as an office whose server is off.
    nowhere = tmp_path / "no-server"
    nowhere.mkdir()
    url = make_url(psql_url(pg_server)).update_query_dict({"host": str(nowhere)})
    target = url.render_as_string(False)
    archive.close()
    ALLOWED_HOSTS.add(str(nowhere))
    try:
        argv = ["--lang", "en", "--data-dir", str(archive.data_dir), "migrate-to", target]
        assert main(argv) == 1
    finally:
        ALLOWED_HOSTS.discard(str(nowhere))
    err = capsys.readouterr().err.strip()
    assert err == describe(
        ArchiveError(ErrorCode.SERVER_UNREACHABLE, path=display_url(target)), "en"
    )
    assert str(archive.data_dir) not in err


def test_a_move_that_was_interrupted_can_be_run_again(
    archive: Archive, pg_empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = office_state(archive)
    archive.close()
    # What a move stopped mid-way leaves: the archive's tables made, its rows
    # rolled back (the same as `bangtin --database URL init`).
    open_archive(tmp_path / "stopped", url=pg_empty_url, create=True).close()
    assert main(["--data-dir", str(archive.data_dir), "migrate-to", pg_empty_url]) == 0, (
        capsys.readouterr().err
    )
    moved = open_archive(tmp_path / "other-pc", url=pg_empty_url)
    try:
        assert office_state(moved) == before
    finally:
        moved.close()
