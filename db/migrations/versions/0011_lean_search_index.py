"""Search index, third layout: contentless FTS5 tables and the plain text stored once.

Each FTS5 table kept its own copy of what it indexed, the bodies included,
and a prefix index for one, two and three characters: 7× the source folder
in all. Now:

- ``search_text`` holds what the index was given for each notice, once: the
  title, number and meta folded, the exact words of the notice and of its
  title, ``plain``, the summary and body as plain text (Markdown stripped
  once, here and at import; searches cut snippets from it), and ``folded``,
  the same folded (what the body index was given);
- ``search_main``, ``search_title`` and ``search_number`` are contentless
  (``content=''``); a row leaves them by a 'delete' given the values it was
  indexed with, from ``search_text``;
- prefix indexes for two and three characters on the word tables only: a
  single letter is never a prefix query, and numbers' prefixes are long.

The existing archive is upgraded in place, in the migration's transaction:
the short columns are copied from the old tables' content, the plain text is
made from each notice, and the new tables are filled from them, in rowid
order. The code that does it is frozen (a copy of the index code's folding
and Markdown stripping as they were when this revision was written),
importing nothing of the program.

The index is SQLite's (FTS5): on another database this revision does nothing.
Downgrading recreates the 0003 tables empty: run `bangtin reindex` with the
older Bảng Tin to fill them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 00:10:00
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from alembic import op
from sqlalchemy import Connection

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TEXT_TABLE = (
    "CREATE TABLE search_text ("
    "rowid INTEGER PRIMARY KEY, "
    "title TEXT NOT NULL, "
    "title_exact TEXT NOT NULL, "
    "number TEXT NOT NULL, "
    "meta TEXT NOT NULL, "
    "exact TEXT NOT NULL, "
    "plain TEXT NOT NULL, "
    "folded TEXT NOT NULL)"
)
NEW_FTS = (
    "CREATE VIRTUAL TABLE search_main USING fts5("
    "title, number, body, meta, exact, content = '', "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')",
    "CREATE VIRTUAL TABLE search_title USING fts5("
    "title, exact, content = '', "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')",
    "CREATE VIRTUAL TABLE search_number USING fts5("
    "number, content = '', "
    "tokenize = 'unicode61 remove_diacritics 0')",
)
FTS_TABLES = ("search_main", "search_title", "search_number")

SCHEMA_0003 = (
    "CREATE VIRTUAL TABLE search_main USING fts5("
    "title, number, body, meta, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE search_title USING fts5("
    "title, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE search_number USING fts5("
    "number, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
)
BATCH = 1000


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(TEXT_TABLE)
    fill_text(conn)
    for table in FTS_TABLES:
        conn.exec_driver_sql(f"DROP TABLE {table}")
    for statement in NEW_FTS:
        conn.exec_driver_sql(statement)
    fill_fts(conn)
    for table in FTS_TABLES:
        conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for table in (*FTS_TABLES, "search_text"):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    conn.exec_driver_sql("DELETE FROM search_key")
    for statement in SCHEMA_0003:
        conn.exec_driver_sql(statement)


# -- the index as revision 0009 fills it (frozen) -----------------------------------

D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
UNSAFE = re.compile("[^\u0000-\u036f\u1e00-\u1eff]")
MD_IMAGE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_REF = re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.M)
MD_TAG = re.compile(r"<[^>\n]{1,200}>")
MD_LIST = re.compile(r"^[ \t]*(?:[-+*]|\d+[.)])[ \t]+", re.M)
MD_RULE = re.compile(r"^[ \t]*[-=:]{3,}[-=: \t]*$", re.M)
MD_CHARS = re.compile(r"[#*_>`|~\\]+")


def fold(text: str) -> str:
    """NFC, then đ/Đ → d, then combining marks removed, then casefold."""
    text = unicodedata.normalize("NFC", text).translate(D_MAP)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in ((0, 0x370), (0x1E00, 0x1F00)):
        for cp in range(lo, hi):
            folded = fold(chr(cp))
            if folded != chr(cp):
                table[cp] = folded
    return table


def fold_text(text: str) -> str:
    if UNSAFE.search(text):
        return fold(text)
    return text.translate(fold_table())


def plain_text(markdown: str) -> str:
    text = markdown
    if "]:" in text:
        text = MD_REF.sub(" ", text)
    if "](" in text:
        text = MD_IMAGE_LINK.sub(r"\1", text)
    if "<" in text:
        text = MD_TAG.sub(" ", text)
    text = MD_LIST.sub(" ", MD_CHARS.sub(" ", text))
    if "--" in text or "==" in text:
        text = MD_RULE.sub(" ", text)
    return " ".join(text.split())


def body_text(summary: str | None, body_markdown: str | None) -> str:
    plain = plain_text(body_markdown or "")
    return f"{' '.join(summary.split())} {plain}" if summary else plain


def fill_text(conn: Connection) -> None:
    """search_text, from the old tables' content and each notice's text."""
    rows = conn.exec_driver_sql(
        "SELECT k.rowid, m.c0, t.c1, m.c1, m.c3, m.c4, n.summary, n.body_markdown "
        "FROM search_key AS k "
        "JOIN search_main_content AS m ON m.id = k.rowid "
        "JOIN search_title_content AS t ON t.id = k.rowid "
        "JOIN notice AS n ON n.id = k.notice_id "
        "ORDER BY k.rowid"
    )
    while batch := rows.fetchmany(BATCH):
        texts = [
            (r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or "", r[5] or "", body_text(r[6], r[7]))
            for r in batch
        ]
        conn.exec_driver_sql(
            "INSERT INTO search_text "
            "(rowid, title, title_exact, number, meta, exact, plain, folded) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*r, fold_text(r[6])) for r in texts],
        )


def fill_fts(conn: Connection) -> None:
    """The contentless tables from search_text, in rowid order (FTS5 appends cheaply)."""
    rows = conn.exec_driver_sql(
        "SELECT rowid, title, title_exact, number, meta, exact, folded "
        "FROM search_text ORDER BY rowid"
    )
    while batch := rows.fetchmany(BATCH):
        conn.exec_driver_sql(
            "INSERT INTO search_main (rowid, title, number, body, meta, exact) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(r[0], r[1], r[3], r[6], r[4], r[5]) for r in batch],
        )
        conn.exec_driver_sql(
            "INSERT INTO search_title (rowid, title, exact) VALUES (?, ?, ?)",
            [(r[0], r[1], r[2]) for r in batch],
        )
        numbers = [(r[0], r[3]) for r in batch if r[3]]
        if numbers:
            conn.exec_driver_sql("INSERT INTO search_number (rowid, number) VALUES (?, ?)", numbers)
