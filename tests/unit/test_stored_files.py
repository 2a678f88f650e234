"""The attachments' content in the archive's database (db/filestore.py, revision 0015).

On PostgreSQL an import writes the files a bundle carries into the table
``stored_file``, so a PC with an empty data folder opens, saves and prints
them; a SQLite archive keeps its files in its folder and the table empty.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from db import filestore
from db.archive import Archive, open_archive
from desktop.bundles.importer import import_bundle
from desktop.ops.files import save_attachment
from desktop.ops.reading import open_article
from tests.helpers.bundles import PDF, World, trust

SHA = hashlib.sha256(PDF).hexdigest()


def stored(archive: Archive) -> int:
    with archive.reading() as session:
        return filestore.stored_count(session)


def test_a_sqlite_archive_keeps_its_files_in_its_folder_only(world: World, tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "pc")
    try:
        trust(archive, world.keys)
        import_bundle(archive, world.bundle1)
        assert stored(archive) == 0
        assert archive.file_path(SHA).read_bytes() == PDF
    finally:
        archive.close()


def test_another_pc_reads_the_files_an_import_wrote_into_the_database(
    pg_url: str, world: World, tmp_path: Path
) -> None:
    first = open_archive(tmp_path / "pc1", url=pg_url)
    try:
        trust(first, world.keys)
        import_bundle(first, world.bundle1)
        assert stored(first) == 1
    finally:
        first.close()

    second = open_archive(tmp_path / "pc2", url=pg_url)
    try:
        assert not second.file_path(SHA).exists()
        opened = open_article(second, "a", "vi")
        source = opened.files[SHA]
        assert source.read_bytes() == PDF
        assert save_attachment(source, tmp_path / "saved.pdf").read_bytes() == PDF
        # Fetched once: this PC's copy serves the next time.
        assert filestore.local_copy(second, SHA) == second.file_path(SHA) == source
    finally:
        second.close()


def test_a_stored_file_that_does_not_match_its_hash_is_refused(
    pg_url: str, world: World, tmp_path: Path
) -> None:
    from sqlalchemy import update

    from db.errors import ArchiveError, ErrorCode
    from db.models import StoredFile

    first = open_archive(tmp_path / "pc1", url=pg_url)
    try:
        trust(first, world.keys)
        import_bundle(first, world.bundle1)
        with first.engine.begin() as conn:
            conn.execute(update(StoredFile).values(content=b"not the pdf"))
    finally:
        first.close()
    second = open_archive(tmp_path / "pc2", url=pg_url)
    try:
        with pytest.raises(ArchiveError) as caught:
            filestore.local_copy(second, SHA)
        assert caught.value.code is ErrorCode.DAMAGED
        assert not second.file_path(SHA).exists()
    finally:
        second.close()
