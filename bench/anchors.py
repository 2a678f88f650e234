"""The import's anchors and helpers: a trusted archive, the bundle zipped, and the bare import.

The bare import re-inserts rows with plain sqlite3, in one transaction:
bench/README.md says exactly what it is.
"""

from __future__ import annotations

import gc
import sqlite3
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from db import store
from db.archive import DB_NAME, Archive, open_archive
from desktop.bundles import keys


def zip_folder(src: Path, out: Path) -> None:
    """The anchor of build: every file of the folder deflated into one zip."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(src.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(src).as_posix())


def trusted_archive(folder: Path, public_key: Path) -> Archive:
    archive = open_archive(folder)
    raw, _comment = keys.load_public_key(public_key)
    with archive.writing() as session:
        store.add_trusted_key(session, keys.key_id(raw), raw, "bench", datetime.now(UTC))
    return archive


#: Tables copied by the raw anchor, parents before children; FTS tables are found.
PLAIN_TABLES = (
    "publisher",
    "trusted_key",
    "category",
    "notice",
    "attachment",
    "related_link",
    "import_log",
    "search_key",
    "search_term",
)


def _fts_tables(conn: sqlite3.Connection) -> list[str]:
    return [
        name
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if sql and sql.upper().startswith("CREATE VIRTUAL TABLE") and "fts5" in sql.lower()
    ]


def raw_rows(db_path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every row an import wrote, as INSERT statements with their parameters."""
    conn = sqlite3.connect(db_path)
    try:
        plan: list[tuple[str, list[tuple[object, ...]]]] = []
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        for table in PLAIN_TABLES:
            if table not in existing:
                continue
            cur = conn.execute(f"SELECT * FROM {table}")  # in storage order
            cols = [d[0] for d in cur.description]
            rows = cur.fetchall()
            marks = ",".join("?" * len(cols))
            plan.append((f"INSERT INTO {table} ({','.join(cols)}) VALUES ({marks})", rows))
        for table in _fts_tables(conn):
            cur = conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid")
            cols = [d[0] for d in cur.description][1:]
            rows = cur.fetchall()
            marks = ",".join("?" * (len(cols) + 1))
            plan.append((f"INSERT INTO {table} (rowid,{','.join(cols)}) VALUES ({marks})", rows))
        return plan
    finally:
        conn.close()


def raw_insert(dest_dir: Path, plan: list[tuple[str, list[tuple[object, ...]]]]) -> float:
    """The limit: the same rows into a fresh archive, stdlib sqlite3, one transaction."""
    open_archive(dest_dir).close()  # the schema, exactly as migrations make it
    conn = sqlite3.connect(dest_dir / DB_NAME, isolation_level=None)
    try:
        # The archive's own pragmas (db/archive.py), so both write the same way.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        gc.collect()
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for sql, rows in plan:
            conn.executemany(sql, rows)
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()
