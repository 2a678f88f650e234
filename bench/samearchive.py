"""Are two archives the same, table by table and row by row?

    python bench/samearchive.py A/archive.sqlite3 B/archive.sqlite3

For a change that must not change what an import stores: import the same
bundle into a fresh archive with each version of the code, then compare.
Every table is read in rowid order (in the order of all its columns when it
has no rowid), the FTS5 shadow tables included, so the index's b-trees must
be the same bytes. The columns that hold the clock at import time are left
out (`CLOCK`), and ``search_text.plain_z`` and ``notice.body_markdown`` are
compared inflated (a body stored as text, before 0027, as it is), so that a
change of zlib level shows as a note, not a difference. Exits 1 on any
difference.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

from db.types import inflated

#: (table, column) holding the time of the import itself.
CLOCK = {
    ("import_log", "imported_at"),
    ("office_event", "at"),
    ("publisher", "last_imported_at"),
    ("register_entry", "received_at"),
    ("trusted_key", "added_at"),
}


def _connect(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))


def _rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    names = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    try:
        return ["rowid", *names], conn.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid')
    except sqlite3.OperationalError:  # WITHOUT ROWID, or a virtual table without one
        order = ", ".join(f'"{n}"' for n in names)
        return names, conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')


def compare(path_a: str, path_b: str) -> bool:
    """Print what differs between the archives at *path_a* and *path_b*; True when nothing."""
    a, b = _connect(path_a), _connect(path_b)
    same = True
    tables_a, tables_b = _tables(a), _tables(b)
    if tables_a != tables_b:
        print("tables in one only:", sorted(set(tables_a) ^ set(tables_b)))
        same = False
    total = 0
    for table in (t for t in tables_a if t in tables_b):
        names_a, rows_a = _rows(a, table)
        names_b, rows_b = _rows(b, table)
        if names_a != names_b:
            print(f"{table}: columns differ")
            same = False
            continue
        listed_a, listed_b = list(rows_a), list(rows_b)
        differ: Counter[str] = Counter()
        recompressed = 0
        if len(listed_a) != len(listed_b):
            print(f"{table}: {len(listed_a)} rows against {len(listed_b)}")
            same = False
        for row_a, row_b in zip(listed_a, listed_b, strict=False):
            if row_a == row_b:
                continue
            for name, x, y in zip(names_a, row_a, row_b, strict=True):
                if x == y or (table, name) in CLOCK:
                    continue
                if name in ("plain_z", "body_markdown") and inflated(x) == inflated(y):
                    recompressed += 1
                    continue
                differ[name] += 1
        total += len(listed_a)
        note = (
            f" (compressed bytes differ in {recompressed}, inflated the same)"
            if recompressed
            else ""
        )
        if differ:
            print(f"{table}: {len(listed_a)} rows, differ in {dict(differ)}{note}")
            same = False
        else:
            print(f"{table}: {len(listed_a)} rows, the same{note}")
    print(("the same" if same else "DIFFERENT") + f": {total} rows compared")
    return same


if __name__ == "__main__":
    sys.exit(0 if compare(sys.argv[1], sys.argv[2]) else 1)
