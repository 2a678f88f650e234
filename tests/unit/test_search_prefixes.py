"""The word being typed, at every length, without FTS5 prefix indexes (db.search.query.Prefixes)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from db import search
from db.archive import Archive
from db.records import NoticeRecord
from db.search import query
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ

T0 = datetime(2023, 3, 27, 8, 0, tzinfo=VN_TZ)


def notice(nid: str, title: str, body: str = "", *, days: int = 0) -> NoticeRecord:
    return NoticeRecord(
        id=nid,
        title=title,
        body_markdown=body,
        category="Tin tức",
        published=T0 + timedelta(days=days),
    )


def add(archive: Archive, *notices: NoticeRecord) -> None:
    with archive.writing() as session:
        ensure_publisher(session, "ubnd", "UBND phường")
        cats = ensure_categories(session, [n.category for n in notices])
        counts = apply_notices(session, "ubnd", notices, (), cats)
        search.update_index(session, counts.changed_ids, counts.removed_ids)


def ids(archive: Archive, q: str) -> list[str]:
    with archive.reading() as session:
        return [h.id for h in search.search(session, q, limit=20)]


CORPUS = (
    notice("tuyen", "Tuyên truyền bình đẳng giới", days=3),
    notice("tuyendung", "Thông báo tuyển dụng viên chức", days=2),
    notice("tuyet", "Tuyệt đối không đốt pháo", days=1),
    notice("tu", "Tư pháp hộ tịch", "Hướng dẫn **tu** sửa đê"),
)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("tu", ["tuyen", "tuyendung", "tuyet", "tu"]),
        ("tuy", ["tuyen", "tuyendung", "tuyet"]),
        ("dung tu", ["tuyendung"]),
        ('"binh da', ["tuyen"]),
        ('"bình đẳ', ["tuyen"]),
        ('"binh do', []),
    ],
)
def test_a_prefix_of_two_or_three_letters_finds_the_words_it_starts(
    archive: Archive, typed: str, found: list[str]
) -> None:
    add(archive, *CORPUS)
    assert sorted(ids(archive, typed)) == sorted(found)


def test_a_prefix_typed_with_diacritics_ranks_its_own_words_first(archive: Archive) -> None:
    add(archive, *CORPUS)
    assert ids(archive, "tuyê")[0] == "tuyen"
    assert ids(archive, "tuyể")[0] == "tuyendung"
    assert ids(archive, "tư")[0] == "tu"


def _prefixes(archive: Archive) -> query.Prefixes:
    with archive.reading() as session:
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # The terms are read at once: the connection goes back to the pool.
        found = query.Prefixes(raw)
        for word in ("tu", "tuy", "tư", "tuyê", "zz"):
            found.terms(word)
    return found


def test_a_prefix_typed_without_diacritics_stands_for_the_unmarked_terms(
    archive: Archive,
) -> None:
    add(archive, *CORPUS)
    prefixes = _prefixes(archive)
    # The marked words are in the same notices as their folded forms.
    assert prefixes.terms("tuy") == ["tuyen", "tuyet"]
    assert prefixes.terms("tu") == ["tu", "tuyen", "tuyet"]
    assert prefixes.terms("tư") == ["tư"]
    assert prefixes.terms("tuyê") == ["tuyên"]
    assert prefixes("tuy") == '("tuyen" OR "tuyet")'
    assert prefixes.phrase(["binh", "tuy"]) == '("binh tuyen" OR "binh tuyet")'
    # No term: FTS5's own prefix query, which matches nothing either.
    assert prefixes.terms("zz") == []
    assert prefixes("zz") == '"zz"*'


def test_a_prefix_of_too_many_terms_is_left_to_fts5(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(archive, *CORPUS)
    monkeypatch.setattr(query, "MAX_EXPANSION", 1)
    prefixes = _prefixes(archive)
    assert prefixes.terms("tuy") is None
    assert prefixes("tuy") == '"tuy"*'
    assert sorted(ids(archive, "tuy")) == ["tuyen", "tuyendung", "tuyet"]
    assert ids(archive, '"binh da') == ["tuyen"]


def _tables(archive: Archive) -> tuple[str, list[int]]:
    with archive.reading() as session:
        ddl = session.execute(
            text(
                "SELECT group_concat(sql, ' ') FROM (SELECT sql FROM sqlite_master "
                "WHERE name LIKE 'search%' ORDER BY name)"
            )
        ).scalar_one()
        sizes = [
            session.execute(text(f"SELECT v FROM {t}_config WHERE k = 'hashsize'")).scalar_one()
            for t in ("search_main", "search_title")
        ]
    return ddl, sizes


def test_the_word_tables_keep_no_prefix_index_and_a_big_pending_hash(archive: Archive) -> None:
    """As a new archive makes them (migration 0022), and as a rebuild does."""
    made, sizes = _tables(archive)
    assert "fts5" in made and "prefix" not in made
    assert sizes == [16 << 20] * 2
    add(archive, *CORPUS)
    with archive.writing() as session:
        assert search.rebuild_index(session) == len(CORPUS)
    assert _tables(archive) == (made, sizes)
