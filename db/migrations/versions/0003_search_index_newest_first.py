"""Search index, second layout: rowids newest first, numbers in their own table.

FTS5 walks a doclist forwards about twice as fast as backwards, so the rowids
now grow towards older notices and every tier query reads forwards. The
title table loses the number column (its tokens "ubnd", "kh"… are in nearly
every number and made title queries walk them), and the numbers get a table
of their own, `search_number`. The db.search package describes the tables;
the DDL is written out here, as a migration must be.

The old tables are dropped and the new ones filled by the code below: 2 min
20 s for 100,000 notices here, a second or two for a few thousand, once, at
the first start after the update. It runs in the migration's transaction, so
a crash leaves the archive at 0002.

That code is frozen: a copy of what the index code did when this revision was
written (its folding, Markdown stripping, columns and rowid layout), importing
nothing of the program. The live index code may change; what this revision
does must not. A test checks that an archive migrated from 0002 searches as a
new one does, and another that no revision imports the program.

Downgrading recreates the 0002 tables empty: run `bangtin reindex` with the
older Bảng Tin to fill them. SQLite only: on PostgreSQL this revision does
nothing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 16:00:00
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

from alembic import op
from sqlalchemy import Connection

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

SCHEMA = (
    "CREATE TABLE search_key ("
    "rowid INTEGER PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT)",
    "CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID",
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

DROP = (
    "DROP TABLE IF EXISTS search_number",
    "DROP TABLE IF EXISTS search_title",
    "DROP TABLE IF EXISTS search_main",
    "DROP TABLE IF EXISTS search_term",
    "DROP TABLE IF EXISTS search_key",
)

SCHEMA_0002 = (
    "CREATE TABLE search_key ("
    "rowid INTEGER PRIMARY KEY, "
    "notice_id TEXT NOT NULL UNIQUE, "
    "category_id INTEGER, "
    "doc_type_f TEXT, "
    "issuer_f TEXT)",
    "CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE VIRTUAL TABLE search_main USING fts5("
    "title, number, body, meta, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
    "CREATE VIRTUAL TABLE search_title USING fts5("
    "title, number, exact, "
    "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')",
)


def upgrade() -> None:
    # FTS5 is SQLite's (see 0002): nothing to do on PostgreSQL.
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in (*DROP, *SCHEMA):
        op.execute(statement)
    fill(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in (*DROP, *SCHEMA_0002):
        op.execute(statement)


# -- the index as revision 0003 fills it (frozen) -----------------------------------

FTS_TABLES = ("search_main", "search_title", "search_number")
# Rowids are ((TS_MAX - published seconds) << SHIFT) + n, n counting down from
# the top of each second's block: newest first.
SHIFT = 20
TS_MIN = -62_135_596_800  # 0001-01-01 00:00:00
TS_MAX = 253_402_300_799  # 9999-12-31 23:59:59
CHUNK = 500
VISIBLE_IN = "AND +withdrawn = 0 AND +has_content = 1"
NOTICE_COLUMNS = (
    "id, title, number, summary, body_markdown, issuer, doc_type, category_id, published"
)

D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
WORD = re.compile(r"[^\W_]+")
# Text made only of these folds character by character, through a table.
UNSAFE = re.compile("[^\u0000-\u036f\u1e00-\u1eff]")
MD_IMAGE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_REF = re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.M)
MD_TAG = re.compile(r"<[^>\n]{1,200}>")
MD_LIST = re.compile(r"^[ \t]*(?:[-+*]|\d+[.)])[ \t]+", re.M)
MD_RULE = re.compile(r"^[ \t]*[-=:]{3,}[-=: \t]*$", re.M)
MD_CHARS = re.compile(r"[#*_>`|~\\]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """NFC, then đ/Đ → d, then combining marks removed, then casefold."""
    text = unicodedata.normalize("NFC", text).translate(D_MAP)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    # Built when the migration runs, not each time Alembic loads this file.
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


@lru_cache(maxsize=65536)
def is_marked(word: str) -> bool:
    return fold_text(word) != word


def exact_words(*texts: str | None) -> str:
    words: dict[str, None] = {}
    for text in texts:
        if text:
            for w in WORD.findall(nfc(text).casefold()):
                if w not in words and is_marked(w):
                    words[w] = None
    return " ".join(words)


def body_text(summary: str | None, body_markdown: str | None) -> str:
    plain = plain_text(body_markdown or "")
    return f"{' '.join(summary.split())} {plain}" if summary else plain


def number_column(number: str | None) -> str:
    if not number:
        return ""
    compact = "".join(WORD.findall(fold_text(nfc(number))))
    return f"{fold_text(nfc(number))} {compact}"


def opt_fold(text: str | None) -> str | None:
    return fold_text(nfc(text)).strip() if text else None


def published_ts(value: object) -> int:
    return int(value) if value is not None else 0  # type: ignore[call-overload]


def block(ts: int) -> int:
    return (TS_MAX - min(max(ts, TS_MIN), TS_MAX)) << SHIFT


def chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def marks(n: int) -> str:
    return ",".join("?" * n)


def newest_first(conn: Connection, ids: Sequence[str]) -> list[str]:
    found: list[tuple[int, str]] = []
    for chunk in chunks(ids):
        found.extend(
            (-published_ts(published), nid)
            for nid, published in conn.exec_driver_sql(
                f"SELECT id, published FROM notice WHERE id IN ({marks(len(chunk))}) "
                + VISIBLE_IN,
                tuple(chunk),
            )
        )
    found.sort()
    return [nid for _ts, nid in found]


def fill(conn: Connection) -> int:
    """Index every visible notice into the new, empty tables; returns how many.

    Newest first, so rowids go in ascending order, each chunk's rows sorted.
    """
    ids = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT id FROM notice WHERE withdrawn = 0 AND has_content = 1"
        )
    ]
    # The next free rowid of each second's block (the tables start empty).
    free: dict[int, int] = {}
    added = 0
    for chunk in chunks(newest_first(conn, ids)):
        rows = sorted(
            conn.exec_driver_sql(
                f"SELECT {NOTICE_COLUMNS} FROM notice WHERE id IN ({marks(len(chunk))}) "
                + VISIBLE_IN,
                tuple(chunk),
            ),
            key=lambda r: (-published_ts(r[8]), r[0]),
        )
        keys, mains, titles, numbers = [], [], [], []
        vocabulary: set[str] = set()
        for nid, title, number, summary, body, issuer, doc_type, category_id, published in rows:
            base = block(published_ts(published))
            rowid = free.get(base, base + (1 << SHIFT) - 1)
            if rowid < base:
                raise ValueError(f"more than {1 << SHIFT} notices published in one second")
            free[base] = rowid - 1
            text = body_text(summary, body)
            title_f = fold_text(nfc(title or ""))
            number_c = number_column(number)
            keys.append((rowid, nid, category_id, opt_fold(doc_type), opt_fold(issuer)))
            mains.append(
                (
                    rowid,
                    title_f,
                    number_c,
                    fold_text(text),
                    fold_text(nfc(f"{issuer or ''} {doc_type or ''}")),
                    exact_words(title, number, text, issuer, doc_type),
                )
            )
            titles.append((rowid, title_f, exact_words(title)))
            if number_c:
                numbers.append((rowid, number_c))
            for column in mains[-1][1:]:
                vocabulary.update(WORD.findall(column))
        for table_rows in (keys, mains, titles, numbers):
            table_rows.sort(key=lambda r: r[0])
        if keys:
            conn.exec_driver_sql(
                "INSERT INTO search_key (rowid, notice_id, category_id, doc_type_f, issuer_f) "
                "VALUES (?, ?, ?, ?, ?)",
                keys,
            )
            conn.exec_driver_sql(
                "INSERT INTO search_main (rowid, title, number, body, meta, exact) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                mains,
            )
            conn.exec_driver_sql(
                "INSERT INTO search_title (rowid, title, exact) VALUES (?, ?, ?)", titles
            )
            if numbers:
                conn.exec_driver_sql(
                    "INSERT INTO search_number (rowid, number) VALUES (?, ?)", numbers
                )
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO search_term (term) VALUES (?)",
                [(t,) for t in sorted(vocabulary)],
            )
        added += len(keys)
    # One b-tree per table instead of many segments: fewer seeks per query.
    for table in FTS_TABLES:
        conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    return added
