"""Migration 0004 on real archives: notices get their owners, advance withdrawals
move to their publisher, and the import log and keys keep working."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

import db.archive
from db import provenance
from db.archive import DB_NAME, current_revision, head_revision, make_engine, open_archive
from db.types import VN_TZ, whole_seconds
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from tests.helpers.bundles import (
    PUBLISHER_ID,
    World,
    build,
    open_copy,
    trust,
    write_notice,
)

WITHDRAWN_AT = whole_seconds(datetime(2023, 4, 2, 8, 0, tzinfo=VN_TZ))


def downgrade(data_dir: Path, revision: str) -> None:
    from alembic import command

    engine = make_engine(data_dir / DB_NAME)
    try:
        with engine.begin() as conn:
            command.downgrade(db.archive._alembic_config(conn), revision)
        assert current_revision(engine) == revision
    finally:
        engine.dispose()


def sql(data_dir: Path, statement: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        with conn:
            return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


def tombstone(data_dir: Path, notice_id: str) -> None:
    """A withdrawal without its notice, as schema 0003 stored it: a row with no owner."""
    sql(
        data_dir,
        "INSERT INTO notice (id, publisher_id, title, body_markdown, revision, withdrawn,"
        " has_content, content_hash) VALUES (?, NULL, '', '', ?, 1, 0, '')",
        notice_id,
        WITHDRAWN_AT,
    )


@pytest.fixture
def at_0003(world: World, tmp_path: Path) -> Iterator[Path]:
    """A copy of the world's archive (bundle 1 applied), stepped back to 0003."""
    archive = open_copy(world.template, tmp_path / "archive")
    archive.close()
    data_dir = tmp_path / "archive"
    downgrade(data_dir, "0003")
    tombstone(data_dir, "x")
    sql(data_dir, "UPDATE notice SET publisher_id = NULL WHERE id = 'c'")
    yield data_dir


def test_an_archive_at_0003_migrates_with_owners(
    at_0003: Path, world: World, tmp_path: Path
) -> None:
    archive = open_archive(at_0003)
    try:
        assert current_revision(archive.engine) == head_revision()
        owners = {row[0]: row[1] for row in sql(at_0003, "SELECT id, publisher_id FROM notice")}
        assert owners == {"a": PUBLISHER_ID, "b": PUBLISHER_ID, "c": PUBLISHER_ID}
        with archive.reading() as session:
            (revision,) = provenance.early_withdrawals(session, "x").values()
            assert list(provenance.early_withdrawals(session, "x")) == [PUBLISHER_ID]
            assert whole_seconds(revision) == WITHDRAWN_AT
            [entry] = provenance.import_log(session)
            assert entry.manifest_sha256 is None
            assert provenance.trusted_public_key(session, world.keys.key_id) == (
                world.keys.raw_public,
                PUBLISHER_ID,
            )

        # A log entry from before the migration still says "imported before".
        assert import_bundle(archive, world.bundle1).status == "already"
        # The advance withdrawal still keeps an older copy out, for its publisher.
        src = tmp_path / "src"
        write_notice(src, "x", published="2023-03-01 08:00")
        write_notice(src, "e")
        result = import_bundle(
            archive, build(src, world.keys, tmp_path / "x.bangtin", sequence=2).path
        )
        assert (result.added, result.unchanged) == (1, 1)
        # Another publisher may not touch the migrated notices.
        trust(archive, world.stranger, "UBND xã Khác")
        other = tmp_path / "other"
        write_notice(other, "c", title="Đè lên", updated="2024-01-01 08:00")
        bundle = build(
            other, world.stranger, tmp_path / "o.bangtin", sequence=1, publisher="UBND xã Khác"
        ).path
        with pytest.raises(BundleError) as caught:
            import_bundle(archive, bundle)
        assert caught.value.code == "notice_owned"
    finally:
        archive.close()


def test_advance_withdrawals_of_an_unknown_publisher_stay_with_every_publisher(
    at_0003: Path,
) -> None:
    sql(at_0003, "INSERT INTO publisher (id, name, last_sequence) VALUES ('khac', 'Khác', 1)")
    archive = open_archive(at_0003)
    try:
        with archive.reading() as session:
            assert set(provenance.early_withdrawals(session, "x")) == {PUBLISHER_ID, "khac"}
        # With two publishers, a notice without an owner stays without one.
        assert sql(at_0003, "SELECT publisher_id FROM notice WHERE id = 'c'") == [(None,)]
    finally:
        archive.close()


def test_downgrade_puts_advance_withdrawals_back_and_forgets_removed_keys(
    world: World, tmp_path: Path
) -> None:
    from db import store

    archive = open_copy(world.template, tmp_path / "archive")
    data_dir = archive.data_dir
    try:
        src = tmp_path / "src"
        src.mkdir()
        from tests.helpers.bundles import write_withdrawal

        write_withdrawal(src, "y", "2023-04-02 08:00")
        import_bundle(archive, build(src, world.keys, tmp_path / "w.bangtin", sequence=2).path)
        with archive.writing() as session:
            store.remove_trusted_key(session, world.keys.key_id)
    finally:
        archive.close()
    downgrade(data_dir, "0003")
    assert sql(
        data_dir,
        "SELECT id, publisher_id, revision, withdrawn, has_content FROM notice WHERE id = 'y'",
    ) == [("y", PUBLISHER_ID, WITHDRAWN_AT, 1, 0)]
    assert sql(data_dir, "SELECT count(*) FROM trusted_key") == [(0,)]
    again = open_archive(data_dir)
    try:
        with again.reading() as session:
            assert list(provenance.early_withdrawals(session, "y")) == [PUBLISHER_ID]
    finally:
        again.close()
