"""A bulk import writes with a rollback journal, not the WAL, and leaves the archive in WAL mode."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import bulk
from db.archive import DB_NAME, Archive
from db.bulk import is_bulk
from desktop.bundles.importer import import_bundle
from tests.helpers.bundles import KeyPair, build, make_keys, write_notice

pytestmark = pytest.mark.archive(trusting="pair")


@pytest.fixture(autouse=True)
def small_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thirty notices count as a bulk import here (1,000 in the program)."""
    monkeypatch.setattr(bulk, "BULK_MIN", 30)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> KeyPair:
    return make_keys(tmp_path_factory.mktemp("keys"))


def _bundle(tmp_path: Path, pair: KeyPair, ids: range, sequence: int) -> Path:
    src = tmp_path / f"src-{sequence}"
    for i in ids:
        write_notice(src, f"n{i:03}", body=f"Nội dung văn bản số {i}.", title=f"Thông báo {i}")
    return build(src, pair, tmp_path / f"b{sequence}.bangtin", sequence=sequence).path


def _journal_files(archive: Archive) -> set[str]:
    """The journals beside the file that hold something, and "wal mode" when its header says so."""
    found = {"wal mode"} if _wal_in_header(archive) else set()
    for suffix in ("-wal", "-journal"):
        path = archive.data_dir / (DB_NAME + suffix)
        if path.exists() and path.stat().st_size > 0:
            found.add(suffix)
    return found


def _wal_in_header(archive: Archive) -> bool:
    # Bytes 18 and 19 of the header are 2 in WAL mode, 1 with a rollback journal.
    with (archive.data_dir / DB_NAME).open("rb") as fh:
        return fh.read(20)[18:20] == b"\x02\x02"


def _import_watching(archive: Archive, bundle: Path) -> list[set[str]]:
    seen: list[set[str]] = []

    def progress(stage: str, _done: int, _total: int) -> None:
        if stage in ("applying", "indexing"):
            seen.append(_journal_files(archive))

    assert import_bundle(archive, bundle, progress=progress).status == "imported"
    return seen


def test_a_bulk_import_keeps_no_wal_and_leaves_wal_mode(
    archive: Archive, pair: KeyPair, tmp_path: Path
) -> None:
    seen = _import_watching(archive, _bundle(tmp_path, pair, range(30), 1))
    assert seen and all(not files & {"-wal", "wal mode"} for files in seen)
    assert _wal_in_header(archive)
    # Another program reads it in WAL mode again, beside this one.
    other = sqlite3.connect(archive.data_dir / DB_NAME)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert other.execute("SELECT count(*) FROM notice").fetchone() == (30,)
    finally:
        other.close()


def test_a_small_import_keeps_the_wal(archive: Archive, pair: KeyPair, tmp_path: Path) -> None:
    _import_watching(archive, _bundle(tmp_path, pair, range(30), 1))
    seen = _import_watching(archive, _bundle(tmp_path, pair, range(30, 32), 2))
    assert seen and all("wal mode" in files for files in seen)
    assert "-wal" in _journal_files(archive)  # written at the commit


def test_a_bulk_import_keeps_the_wal_when_another_program_has_the_archive_open(
    archive: Archive, pair: KeyPair, tmp_path: Path
) -> None:
    other = sqlite3.connect(archive.data_dir / DB_NAME)
    try:
        assert other.execute("SELECT count(*) FROM notice").fetchone() == (0,)
        seen = _import_watching(archive, _bundle(tmp_path, pair, range(30), 1))
        assert seen and all("wal mode" in files for files in seen)
        assert other.execute("SELECT count(*) FROM notice").fetchone() == (30,)
    finally:
        other.close()
    assert _wal_in_header(archive)


def test_bulk_means_a_tenth_of_the_archive_or_more(
    archive: Archive, pair: KeyPair, tmp_path: Path
) -> None:
    assert not is_bulk(archive.engine, 0)
    assert not is_bulk(archive.engine, 29)  # too few to matter
    assert is_bulk(archive.engine, 30)
    import_bundle(archive, _bundle(tmp_path, pair, range(300), 1))
    assert is_bulk(archive.engine, 34)  # 34 of 334
    assert not is_bulk(archive.engine, 33)
