"""One Alembic history on both engines.

The revisions guard what is SQLite's own (FTS5 tables, its 0/1 booleans,
strftime) by dialect. On SQLite they must still make, byte for byte, the
schema they always made: `sqlite_schema_0008.sql` was written by the
revisions as they were before PostgreSQL came. On PostgreSQL they make the
models' schema.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from db.archive import ArchiveError, head_revision, make_engine, open_archive, upgrade
from db.counts import NOTICE_COUNT
from db.errors import Damage, ErrorCode
from db.models import Base
from db.search.pgschema import TABLES as SEARCH_TABLES
from db.server import current_revision, make_server_engine

SNAPSHOT = Path(__file__).with_name("sqlite_schema_0008.sql")


def sqlite_schema(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()
    return "".join(f"-- {kind} {name}\n{sql};\n" for kind, name, sql in rows)


def test_the_frozen_revisions_make_the_sqlite_schema_they_always_made(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    engine = make_engine(path)
    try:
        upgrade(engine, "0008")
    finally:
        engine.dispose()
    assert sqlite_schema(path) == SNAPSHOT.read_text(encoding="utf-8")


def test_the_postgresql_search_revision_leaves_sqlite_as_it_was(tmp_path: Path) -> None:
    # 0013 makes PostgreSQL's search index (and 0012 widens its times); a
    # SQLite archive keeps what 0011 made.
    path = tmp_path / "archive.sqlite3"
    engine = make_engine(path)
    try:
        upgrade(engine, "0011")
        before = sqlite_schema(path)
        upgrade(engine, "0013")
    finally:
        engine.dispose()
    assert sqlite_schema(path) == before


def test_an_empty_postgresql_database_is_migrated_to_the_models(
    pg_empty_url: str, tmp_path: Path
) -> None:
    archive = open_archive(tmp_path / "local", url=pg_empty_url)
    try:
        with archive.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            tables = set(inspect(conn).get_table_names())
    finally:
        archive.close()
    # The search index is no model (db.search.pgschema): its tables and indexes
    # are the only ones the models do not have.
    drift = [
        d for d in diffs if not (isinstance(d, tuple) and d[0] in ("remove_table", "remove_index"))
    ]
    assert drift == []
    removed = {d[1].name for d in diffs if isinstance(d, tuple) and d[0] == "remove_index"}
    assert removed == {
        "search_doc_number",
        "search_doc_number_head",
        "search_doc_title",
        "search_main_tsv",
        "search_term_trigram",
    }
    # SQLite's search tables are not made on PostgreSQL; its own are, and the
    # counts the triggers keep (db.counts).
    expected = {"alembic_version", *SEARCH_TABLES, NOTICE_COUNT.name}
    assert set(Base.metadata.tables) | expected == tables


def test_a_database_of_another_program_is_refused_and_left_alone(
    pg_empty_url: str, tmp_path: Path
) -> None:
    engine = make_server_engine(pg_empty_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY)"))
        with pytest.raises(ArchiveError) as caught:
            open_archive(tmp_path / "local", url=pg_empty_url)
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert caught.value.code is ErrorCode.DAMAGED
    assert caught.value.damage is Damage.FOREIGN
    assert tables == {"invoices"}


def test_an_empty_database_is_not_made_an_archive_unless_asked(
    pg_empty_url: str, tmp_path: Path
) -> None:
    with pytest.raises(ArchiveError) as caught:
        open_archive(tmp_path / "local", url=pg_empty_url, create=False)
    assert caught.value.code is ErrorCode.MISSING


def test_0010_keeps_the_reading_state_as_the_one_pc_reader(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    engine = make_engine(path)
    try:
        upgrade(engine, "0008")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO notice (id, title, body_markdown, revision, withdrawn, "
                    "has_content, content_hash) VALUES ('a', 'A', '', 1, 0, 1, '')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO reading_state (notice_id, views, first_opened, bookmarked) "
                    "VALUES ('a', 3, 100, 1)"
                )
            )
        upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT * FROM reading_state")).mappings().all()
            key = inspect(conn).get_pk_constraint("reading_state")["constrained_columns"]
    finally:
        engine.dispose()
    assert [dict(r) for r in rows] == [
        {
            "notice_id": "a",
            "person": "",
            "views": 3,
            "first_opened": 100,
            "last_opened": None,
            "bookmarked": 1,
        }
    ]
    assert key == ["notice_id", "person"]
