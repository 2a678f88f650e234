"""The bare anchors: what plain SQLite and plain Qt do with the same notices.

None of this uses Bảng Tin's code or schema (bench/README.md, "Anchors"):

- the bare import: stdlib sqlite3 `executemany` of (id, title, body, number,
  date) into one table, and of (title, body) into one FTS5 table
  (`unicode61 remove_diacritics 2`), in one transaction, WAL,
  `synchronous=FULL`;
- the bare search: `SELECT rowid FROM bare_fts WHERE bare_fts MATCH ? LIMIT 20`
  on that table, each word of the query as typed, lowercased and quoted;
- the bare open (bench/window_probe.py `bare-open`): a SELECT of one row of a
  table of pages plus `QTextBrowser.setHtml` of it.

The rows are read from the source folder (YAML front matter, then the body)
before the clock starts.
"""

from __future__ import annotations

import gc
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import yaml

BARE_DB = "bare.sqlite3"
PAGE = 20
MATCH_SQL = f"SELECT rowid FROM bare_fts WHERE bare_fts MATCH ? LIMIT {PAGE}"
#: The same, best first by FTS5's own bm25: what ranking every match costs bare.
RANKED_SQL = f"SELECT rowid FROM bare_fts WHERE bare_fts MATCH ? ORDER BY rank LIMIT {PAGE}"
_WORD = re.compile(r"[^\W_]+")

Row = tuple[str, str, str, str | None, str]


def _split(text: str) -> tuple[dict[str, object], str]:
    """A source file's front matter and body (the format bench/generate.py writes)."""
    _, head, body = text.split("---\n", 2)
    meta = yaml.load(head, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return (meta if isinstance(meta, dict) else {}), body


def source_rows(root: Path) -> Iterator[Row]:
    """(id, title, body, number, date) of every notice file under *root*."""
    for path in sorted(root.rglob("*.md")):
        meta, body = _split(path.read_text(encoding="utf-8"))
        number = meta.get("number")
        yield (
            str(meta["id"]),
            str(meta.get("title", "")),
            body,
            None if number is None else str(number),
            str(meta.get("published", "")),
        )


def bare_import(folder: Path, rows: Sequence[Row]) -> float:
    """Insert *rows* into a fresh bare database in *folder*; returns the seconds it took."""
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / BARE_DB, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(
            "CREATE TABLE bare (id TEXT PRIMARY KEY, title TEXT, body TEXT, number TEXT, date TEXT)"
        )
        conn.execute(
            "CREATE VIRTUAL TABLE bare_fts USING fts5(title, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        gc.collect()
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO bare (id, title, body, number, date) VALUES (?,?,?,?,?)", rows
        )
        conn.executemany(
            "INSERT INTO bare_fts (rowid, title, body) VALUES (?,?,?)",
            ((i, r[1], r[2]) for i, r in enumerate(rows, start=1)),
        )
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def bare_expr(query: str) -> str:
    """The query's words as typed, lowercased and quoted: all must match."""
    return " AND ".join('"' + w + '"' for w in _WORD.findall(query.lower()))


def connect(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / BARE_DB)


def bare_search(conn: sqlite3.Connection, expr: str) -> list[int]:
    return [r[0] for r in conn.execute(MATCH_SQL, (expr,))]


def bare_ranked(conn: sqlite3.Connection, expr: str) -> list[int]:
    return [r[0] for r in conn.execute(RANKED_SQL, (expr,))]


def write_pages(path: Path, pages: dict[str, str]) -> None:
    """A table of (id, html) for the bare open: the same HTML the window showed."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE page (id TEXT PRIMARY KEY, html TEXT)")
        conn.executemany("INSERT INTO page VALUES (?, ?)", pages.items())
        conn.commit()
    finally:
        conn.close()
