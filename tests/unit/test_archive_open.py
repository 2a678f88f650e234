"""Opening an archive: folders, pragmas, migrations, and the files it refuses."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

import db.archive
from db import queries
from db.archive import (
    DB_NAME,
    LOCK_NAME,
    UNLOCKED_GRACE_S,
    Archive,
    ArchiveError,
    StagingClaim,
    current_revision,
    head_revision,
    make_engine,
    open_archive,
    upgrade,
)
from db.errors import ErrorCode
from db.models import Base, Notice
from db.queries import get_notice
from db.types import VN_TZ
from tests.helpers.notices import apply, notice


def _refused(data_dir: Path, *, create: bool = True) -> ArchiveError:
    with pytest.raises(ArchiveError) as info:
        open_archive(data_dir, create=create).close()
    return info.value


def _built_archive(data_dir: Path) -> bytes:
    """Make a real archive with a notice in it, close it and return its bytes."""
    arch = open_archive(data_dir)
    apply(arch, [notice(f"n{i}", body_markdown="Nội dung " * 200) for i in range(20)])
    arch.close()
    return (data_dir / DB_NAME).read_bytes()


# -- a fresh archive -------------------------------------------------------------------


def test_open_creates_the_folders_and_the_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "archive"
    arch = open_archive(data_dir)
    try:
        assert arch.data_dir == data_dir
        assert arch.db_path == data_dir / DB_NAME
        assert arch.db_path.is_file()
        assert arch.files_dir.is_dir()
        assert arch.staging_dir.is_dir()
        assert current_revision(arch.engine) == head_revision()
    finally:
        arch.close()


def test_file_path_is_content_addressed(archive: Archive) -> None:
    digest = "ab" + "0" * 62
    assert archive.file_path(digest) == archive.files_dir / "ab" / digest


def test_sessions_run_with_wal_full_sync_and_foreign_keys(archive: Archive) -> None:
    with archive.reading() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with archive.writing() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2


def test_foreign_keys_are_enforced(archive: Archive) -> None:
    from sqlalchemy.exc import IntegrityError

    from db.store import record_view

    with pytest.raises(IntegrityError), archive.writing() as session:
        record_view(session, "no-such-notice", datetime(2023, 1, 1, tzinfo=VN_TZ))


def test_writing_rolls_back_on_error(archive: Archive) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), archive.writing() as session:
        session.add(Notice(id="x", revision=datetime(2023, 1, 1, tzinfo=VN_TZ)))
        session.flush()
        raise Boom
    with archive.reading() as session:
        assert session.scalar(select(Notice.id)) is None


def test_reopen_keeps_data_and_clears_staging(tmp_path: Path) -> None:
    data_dir = tmp_path / "archive"
    arch = open_archive(data_dir)
    apply(arch, [notice("giu-lai")])
    leftover = arch.staging_dir / "half-copied.bangtin"
    leftover.write_bytes(b"partial bundle")
    # A killed import leaves its folder with an unlocked lock file.
    nested = arch.staging_dir / "unpacked" / "notice.md"
    nested.parent.mkdir()
    nested.write_text("dở dang", encoding="utf-8")
    (nested.parent / LOCK_NAME).write_bytes(b"")
    # A folder without a lock file is removed once it is old enough.
    old = arch.staging_dir / "old"
    old.mkdir()
    long_ago = time.time() - 2 * UNLOCKED_GRACE_S
    os.utime(old, (long_ago, long_ago))
    arch.close()

    arch = open_archive(data_dir)
    try:
        assert arch.staging_dir.is_dir()
        assert list(arch.staging_dir.iterdir()) == []
        with arch.reading() as session:
            assert get_notice(session, "giu-lai") is not None
    finally:
        arch.close()


def test_reopen_keeps_the_staging_folder_of_a_running_import(tmp_path: Path) -> None:
    data_dir = tmp_path / "archive"
    open_archive(data_dir).close()
    running = data_dir / "staging" / "running"
    running.mkdir()
    claim = StagingClaim(running)  # held as an import in another program holds it
    fresh = data_dir / "staging" / "just-made"
    fresh.mkdir()  # an import that has not taken its lock yet
    try:
        open_archive(data_dir).close()
        assert running.is_dir()
        assert fresh.is_dir()
    finally:
        claim.release()
    open_archive(data_dir).close()
    assert not running.exists()


def test_two_opens_of_one_archive_share_it(tmp_path: Path) -> None:
    first = open_archive(tmp_path / "archive")
    second = open_archive(tmp_path / "archive")
    try:
        apply(first, [notice("chung")])
        with second.reading() as session:
            assert get_notice(session, "chung") is not None
    finally:
        second.close()
        first.close()


# -- migrations -------------------------------------------------------------------------


def test_fresh_schema_matches_the_models(archive: Archive) -> None:
    with archive.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # Tables no model maps (a search index, the version table), and their
    # indexes, are not drift.
    unmapped = {d[1].name for d in diffs if isinstance(d, tuple) and d[0] == "remove_table"}
    drift = [
        d
        for d in diffs
        if not (isinstance(d, tuple) and d[0] == "remove_table")
        and not (isinstance(d, tuple) and d[0] == "remove_index" and d[1].table.name in unmapped)
    ]
    assert drift == []
    with archive.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_archive_at_previous_revision_is_upgraded_to_head(tmp_path: Path) -> None:
    script = ScriptDirectory.from_config(db.archive._alembic_config(None))
    head = script.get_revision(head_revision())
    assert head is not None
    previous = head.down_revision
    assert previous is None or isinstance(previous, str)
    data_dir = tmp_path / "archive"
    data_dir.mkdir()
    engine = make_engine(data_dir / DB_NAME)
    try:
        if previous is not None:
            upgrade(engine, previous)
        assert current_revision(engine) == previous
    finally:
        engine.dispose()

    told: list[str | None] = []

    def upgrading() -> None:
        look = make_engine(data_dir / DB_NAME)
        try:
            told.append(current_revision(look))
        finally:
            look.dispose()

    arch = open_archive(data_dir, on_upgrade=upgrading)
    try:
        assert current_revision(arch.engine) == head_revision()
        # Told once, before the migration ran (an archive, not a new file).
        assert told == ([previous] if previous is not None else [])
        apply(arch, [notice("sau-nang-cap")])
        with arch.reading() as session:
            assert get_notice(session, "sau-nang-cap") is not None
    finally:
        arch.close()
    # At head, and for a new archive, there is nothing to say.
    again = open_archive(data_dir, on_upgrade=upgrading)
    again.close()
    fresh = open_archive(tmp_path / "new", on_upgrade=upgrading)
    fresh.close()
    assert told == ([previous] if previous is not None else [])


def test_every_revision_is_known_and_linear() -> None:
    script = ScriptDirectory.from_config(db.archive._alembic_config(None))
    assert script.get_heads() == [head_revision()]
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None


def test_upgrade_from_nothing_step_by_step_reaches_head(tmp_path: Path) -> None:
    script = ScriptDirectory.from_config(db.archive._alembic_config(None))
    order = [r.revision for r in reversed(list(script.walk_revisions()))]
    engine = make_engine(tmp_path / DB_NAME)
    try:
        for rev in order:
            upgrade(engine, rev)
            assert current_revision(engine) == rev
        assert order[-1] == head_revision()
    finally:
        engine.dispose()


# -- what open_archive refuses ------------------------------------------------------------


def test_missing_archive_without_create(tmp_path: Path) -> None:
    data_dir = tmp_path / "none"
    err = _refused(data_dir, create=False)
    assert err.code == "missing"
    assert not data_dir.exists()


def test_existing_archive_opens_without_create(tmp_path: Path) -> None:
    _built_archive(tmp_path / "archive")
    open_archive(tmp_path / "archive", create=False).close()


def test_random_bytes_are_refused_and_left_alone(tmp_path: Path) -> None:
    data_dir = tmp_path / "archive"
    data_dir.mkdir()
    junk = os.urandom(16384)
    (data_dir / DB_NAME).write_bytes(junk)
    assert _refused(data_dir).code == "damaged"
    assert (data_dir / DB_NAME).read_bytes() == junk
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]


def test_text_file_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "archive"
    data_dir.mkdir()
    (data_dir / DB_NAME).write_text("Danh sách hộ nghèo\n", encoding="utf-8")
    assert _refused(data_dir).code == "damaged"
    assert (data_dir / DB_NAME).read_text(encoding="utf-8") == "Danh sách hộ nghèo\n"


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_database_of_another_program_is_refused_and_left_alone(
    tmp_path: Path, journal: str
) -> None:
    data_dir = tmp_path / "archive"
    data_dir.mkdir()
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE ho_khau (id INTEGER PRIMARY KEY, chu_ho TEXT)")
    conn.execute("INSERT INTO ho_khau (chu_ho) VALUES ('Nguyễn Văn A')")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    assert _refused(data_dir).code == "damaged"
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT chu_ho FROM ho_khau").fetchall() == [("Nguyễn Văn A",)]
    finally:
        conn.close()


@pytest.mark.parametrize("keep", [0.02, 0.25, 0.5, 0.75, 0.95])
def test_truncated_archive_is_damaged(tmp_path: Path, keep: float) -> None:
    data = _built_archive(tmp_path / "source")
    data_dir = tmp_path / "archive"
    data_dir.mkdir()
    cut = data[: int(len(data) * keep)]
    (data_dir / DB_NAME).write_bytes(cut)
    assert _refused(data_dir).code == "damaged"


def test_archive_from_a_newer_program(tmp_path: Path) -> None:
    data_dir = tmp_path / "archive"
    open_archive(data_dir).close()
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00d-from-the-future'")
    conn.close()
    err = _refused(data_dir)
    assert err.code == "newer"
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("f00d-from-the-future",)
        ]
    conn.close()


def test_archive_error_carries_code_and_detail() -> None:
    err = ArchiveError("damaged", "not a Bảng Tin archive")
    assert err.code == "damaged"
    assert err.detail == "not a Bảng Tin archive"
    assert str(err) == "damaged: not a Bảng Tin archive"
    assert str(ArchiveError("busy")) == "busy"


def test_the_head_constant_matches_the_migration_scripts() -> None:
    assert db.archive.head_revision() == db.archive.script_head_revision()


def test_a_large_truncated_archive_is_refused_without_a_full_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _built_archive(tmp_path / "source")
    data_dir = tmp_path / "archive"
    data_dir.mkdir()
    (data_dir / DB_NAME).write_bytes(data[: len(data) - 4096])
    scans: list[bool] = []
    monkeypatch.setattr(db.archive, "THOROUGH_CHECK_BYTES", 0)
    monkeypatch.setattr(db.archive, "quick_check", lambda engine: scans.append(True))
    assert _refused(data_dir).code == "damaged"
    assert scans == []


def _crashed_copy(tmp_path: Path, notice_id: str) -> Path:
    """A folder holding an archive as a crash leaves it: *notice_id* written,
    its WAL not yet checkpointed into the file."""
    data_dir = tmp_path / "archive"
    archive = open_archive(data_dir)
    apply(archive, [notice(notice_id)])
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in (DB_NAME, DB_NAME + "-wal"):
        (crashed / name).write_bytes((data_dir / name).read_bytes())
    archive.close()
    return crashed


def test_a_large_archive_left_with_a_wal_gets_the_full_check_before_its_first_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = _crashed_copy(tmp_path, "con-trong-wal")
    assert (crashed / (DB_NAME + "-wal")).stat().st_size > 0
    scans: list[bool] = []
    monkeypatch.setattr(db.archive, "THOROUGH_CHECK_BYTES", 0)
    monkeypatch.setattr(db.archive, "quick_check", lambda engine: scans.append(True))
    reopened = open_archive(crashed)
    try:
        # Read first (the window's counts and list), checked before anything is written.
        assert scans == [] and reopened.check_pending
        with reopened.reading() as session:
            assert queries.count_notices(session) == 1
        assert scans == []
        apply(reopened, [notice("sau-khi-kiem-tra")])
        assert scans == [True] and not reopened.check_pending
        apply(reopened, [notice("lan-nua")])
        assert scans == [True]
    finally:
        reopened.close()


def test_a_small_archive_left_with_a_wal_is_checked_at_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = _crashed_copy(tmp_path, "con-trong-wal")
    scans: list[bool] = []
    monkeypatch.setattr(db.archive, "quick_check", lambda engine: scans.append(True))
    reopened = open_archive(crashed)
    assert scans == [True] and not reopened.check_pending
    reopened.close()


def test_damage_found_by_the_put_off_check_refuses_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = _crashed_copy(tmp_path, "a")
    monkeypatch.setattr(db.archive, "THOROUGH_CHECK_BYTES", 0)
    reopened = open_archive(crashed)
    try:

        def damaged(engine: object) -> None:
            raise ArchiveError(ErrorCode.DAMAGED, "*** in database main ***")

        monkeypatch.setattr(db.archive, "quick_check", damaged)
        with pytest.raises(ArchiveError) as refused:
            apply(reopened, [notice("b")])
        assert refused.value.code is ErrorCode.DAMAGED
        assert reopened.check_pending
        with reopened.reading() as session:
            assert [n.id for n in queries.list_notices(session)] == ["a"]
    finally:
        reopened.close()


# -- the folder is the office's, not the computer's --------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_new_archive_is_private_under_umask_000(tmp_path: Path) -> None:
    import stat

    data_dir = tmp_path / "ho-so" / "bangtin"
    old = os.umask(0)
    try:
        arch = open_archive(data_dir)
        try:
            apply(arch, [notice("rieng-tu")])
        finally:
            arch.close()
    finally:
        os.umask(old)
    for folder in (data_dir.parent, data_dir, data_dir / "files", data_dir / "staging"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = sorted(data_dir.glob("archive.sqlite3*"))
    assert files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert not db.archive.writable_by_others(data_dir)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_folder_others_can_write_is_noticed(tmp_path: Path) -> None:
    data_dir = tmp_path / "shared" / "data"
    open_archive(data_dir).close()
    assert not db.archive.writable_by_others(data_dir)
    os.chmod(data_dir, 0o777)
    assert db.archive.writable_by_others(data_dir)
    os.chmod(data_dir, 0o700)
    os.chmod(data_dir / DB_NAME, 0o666)
    assert db.archive.writable_by_others(data_dir)
    os.chmod(data_dir / DB_NAME, 0o600)
    os.chmod(data_dir.parent, 0o777)  # others could move the folder away
    assert db.archive.writable_by_others(data_dir)
    os.chmod(data_dir.parent, 0o1777)  # not with the sticky bit, as on /tmp
    assert not db.archive.writable_by_others(data_dir)
    os.chmod(data_dir.parent, 0o700)
