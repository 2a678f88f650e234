"""The PostgreSQL index's rows, made a piece of text at a time, hold what `db.search.text` makes.

`db.search.pgrows` folds a body a piece between spaces at a time, looks for
words with diacritics only in pieces beyond ASCII, and gives ``to_tsvector``
the folded text with its other characters made spaces: each value must be
the one the plain functions give (the SQLite index's), and each tsvector
the one of the words joined by single spaces.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import create_engine

from db.folding import nfc
from db.search import pgrows
from db.search.text import (
    WORD,
    body_pieces,
    body_pieces_nfc,
    body_text,
    exact_words,
    fold_text,
    number_column,
    opt_fold,
    plain_text,
)
from tests.helpers.postgres import psql_url

WHEN = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

# id, title, number, summary, body (Markdown), issuer, type, category, published
ROWS: list[tuple[Any, ...]] = [
    (
        "a",
        "Tiêu đề – “Quyết định” số 5/QĐ-UBND ½ ²",
        "54/QĐ-UBND",
        "  Tóm  tắt  ",
        "Nội dung **đậm** — 株式会社 Ωμέγα ﬁ ŉ İstanbul STRASSE straße ǅ\n\n- Điều 1. Đường",
        "UBND  tỉnh",
        "Quyết định",
        1,
        WHEN,
    ),
    ("b", "", None, None, "", None, None, None, WHEN),
    ("c", "A", "", "", "a\u0301 e\u0302\u0301  x\u00a0y \t z_w đường Đường", "", "", None, WHEN),
    ("d", "Thông báo", "12", "tóm", "*\u0301x* [liên](http://a) <b>thẻ</b>", None, "TB", 2, WHEN),
    ("e", "Lịch họp", None, None, "Ngày 5/3 họp ở phòng 2 – tầng 3. Nội: họp", "VP", None, 3, WHEN),
]


def _plain(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """What each row's values are when made by `db.search.text`'s functions directly."""
    out = []
    for _nid, title, number, summary, body, issuer, doc_type, _c, _p in rows:
        text = body_text(summary, body)
        title_f, number_f = fold_text(nfc(title or "")), number_column(number)
        body_f = fold_text(text)
        meta_f = fold_text(nfc(f"{issuer or ''} {doc_type or ''}"))
        exact = exact_words(title, number, text, issuer, doc_type)
        words = [WORD.findall(x) for x in (title_f, number_f, body_f, meta_f)]
        joined = [" ".join(w) for w in words]
        out.append(
            {
                "doc_type": opt_fold(doc_type),
                "issuer": opt_fold(issuer),
                "head": words[1][0] if words[1] else None,
                "folded": [title_f, number_f, body_f, meta_f, exact],
                "title": f"{joined[0]} {exact_words(title)}",
                "number": joined[1],
                "main": " ".join(joined),
                "vocabulary": {w for ws in words for w in ws} | set(exact.split()),
            }
        )
    return out


def _columns() -> tuple[list[list[Any]], set[str]]:
    keys = iter(range(1000, 0, -1))
    return pgrows.columns(ROWS, lambda _ts: next(keys))


def test_each_value_is_the_one_the_plain_functions_make() -> None:
    columns, vocabulary = _columns()
    expected = _plain(ROWS)
    for i, want in enumerate(expected):
        assert columns[1][i] == ROWS[i][0]
        assert [columns[3][i], columns[4][i], columns[5][i]] == [
            want["doc_type"],
            want["issuer"],
            want["head"],
        ]
        assert [columns[c][i] for c in range(6, 11)] == want["folded"]
        # The tsvectors' texts: the same words in the same order.
        assert columns[11][i].split() == want["title"].split()
        assert columns[12][i].split() == want["number"].split()
        assert columns[13][i].split() == want["main"].split()
        # Every word with diacritics fits a tsvector: none left out.
        assert columns[14][i] is None
    assert vocabulary == set().union(*(w["vocabulary"] for w in expected))


def test_a_body_folded_twice_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pieces remembered from one import give the same text in the next, and
    after they were let go."""
    first = _columns()
    monkeypatch.setattr(pgrows, "_PIECES_MAX", 1)
    again = _columns()
    assert again == first


@pytest.mark.parametrize("summary", [None, "", " ", "  Tóm  tắt  ", "x"])
@pytest.mark.parametrize("body", [None, "", "  ", "**", " a ", "# Tiêu đề\n\n- Điều 1.  Đường"])
def test_a_body_cut_in_pieces_is_its_text_cut_at_its_spaces(
    summary: str | None, body: str | None
) -> None:
    assert body_pieces(summary, body) == body_text(summary, body).split(" ")


def test_the_server_makes_the_same_tsvectors(pg_url: str) -> None:
    columns, _ = _columns()
    expected = _plain(ROWS)
    engine = create_engine(psql_url(pg_url))
    with engine.connect() as connection:
        conn: Any = connection.connection.driver_connection
        differ = conn.execute(
            "SELECT count(*) FROM unnest(%s::text[], %s::text[]) AS t(a, b) "
            "WHERE to_tsvector('simple', a) IS DISTINCT FROM to_tsvector('simple', b)",
            (
                [*columns[11], *columns[12], *columns[13]],
                [
                    *(w["title"] for w in expected),
                    *(w["number"] for w in expected),
                    *(w["main"] for w in expected),
                ],
            ),
        ).fetchone()
    engine.dispose()
    assert differ == (0,)


# -- the fast paths against the plain functions, on text made for it ---------------

#: Vietnamese letters, Markdown's syntax, whitespace of every kind, marks that
#: combine with what a removed link leaves beside them, and a few characters
#: folding does not keep to one.
_MARKDOWN = st.text(
    alphabet=st.sampled_from(
        "aăâdđeêioôơuưyAĂĐÔƯ ếẫặỹỰởĩ İßǅ"
        "\u0301\u0302\u0323\u2000\u00a0\u3000\x1c\t\n\r"
        "#*_>`|~\\-+=:.)(][!<>/0123456789“”–…株"
    ),
    max_size=80,
)
_FIELD = st.one_of(st.none(), _MARKDOWN, st.text(max_size=20))


def _plain_by_the_regexes(markdown: str) -> str:
    # The definition, as the regular expressions first wrote it: each run of
    # syntax characters one space, a list marker at the start of any line.
    text = markdown
    text = re.sub(r"^ {0,3}\[[^\]\n]+\]:.*$", " ", text, flags=re.M)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>\n]{1,200}>", " ", text)
    text = re.sub(r"[#*_>`|~\\]+", " ", text)
    text = re.sub(r"^[ \t]*(?:[-+*]|\d+[.)])[ \t]+", " ", text, flags=re.M)
    text = re.sub(r"^[ \t]*[-=:]{3,}[-=: \t]*$", " ", text, flags=re.M)
    return " ".join(text.split())


@given(_MARKDOWN)
@example("- a\n  2) b\n*-* c\n---\n==\n#> d")
@example("**1.**x\n1.**y\n-##z")
def test_plain_text_is_the_one_the_regular_expressions_make(markdown: str) -> None:
    assert plain_text(markdown) == _plain_by_the_regexes(markdown)


@given(_FIELD, _FIELD)
@example("Tóm\u2000tắt", "[e](x)\u0301")
@example(None, "[e](x)\u0301 *\u0302*")
def test_pieces_said_in_nfc_are_a_text_in_nfc(summary: str | None, body: str | None) -> None:
    pieces, known = body_pieces_nfc(summary, body)
    assert pieces == body_pieces(summary, body)
    if known:
        assert unicodedata.is_normalized("NFC", body_text(summary, body))


def test_no_whitespace_character_combines_in_nfc() -> None:
    """What `body_pieces_nfc` rests on: whitespace is in no canonical
    decomposition NFC composes again (those of two characters or more), and
    never moves in NFC. (Two spaces have a decomposition of one character:
    text that holds them is not in NFC, and not said to be.)"""
    spaces = {chr(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isspace()}
    assert all(unicodedata.combining(ch) == 0 for ch in spaces)
    for cp in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) > 1 and not parts[0].startswith("<"):
            assert not spaces & {chr(int(part, 16)) for part in parts}, hex(cp)


_ROW = st.tuples(_FIELD, _FIELD, _FIELD, _FIELD, _FIELD, _FIELD)


@given(st.lists(_ROW, min_size=1, max_size=6))
@example([("Tiêu đề", "5/QĐ", "[e](x)\u0301", "thực hiện Điều 1. *Đường* đường", "UBND", "QĐ")])
def test_each_value_is_the_plain_functions_to_the_byte(
    fields: list[tuple[str | None, ...]],
) -> None:
    rows = [
        (f"n{i}", title, number, summary, body, issuer, doc_type, None, WHEN)
        for i, (title, number, summary, body, issuer, doc_type) in enumerate(fields)
    ]
    keys = iter(range(1000, 0, -1))
    columns, vocabulary = pgrows.columns(rows, lambda _ts: next(keys))
    expected = _plain(rows)
    for i, want in enumerate(expected):
        title_f, number_f, body_f, meta_f, exact = want["folded"]
        title_exact = exact_words(rows[i][1])
        main = pgrows._words(f"{title_f} {number_f} {body_f} {meta_f}")
        assert [columns[c][i] for c in range(3, 14)] == [
            want["doc_type"],
            want["issuer"],
            want["head"],
            *want["folded"],
            f"{pgrows._words(title_f)} {title_exact}",
            pgrows._words(number_f),
            main,
        ]
    assert vocabulary == set().union(*(w["vocabulary"] for w in expected))
