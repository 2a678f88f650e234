"""Damage as a disk leaves it, for the tests of what finds it and what gets out of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def flip_page_header(db_file: Path, table: str) -> None:
    """Overwrite the b-tree page type of *table*'s root page, as a bad sector would.

    The file keeps its length, so only a full check (or reading that page)
    sees it.
    """
    conn = sqlite3.connect(db_file)
    try:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with db_file.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x00")
