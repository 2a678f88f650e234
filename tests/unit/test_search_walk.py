"""PostgreSQL's ``search_main`` and ``search_walk`` hold each indexed notice's words.

The walks over the newest keys (`db.search.pgplan`) test ``search_walk``'s
words instead of ``search_main.main_tsv``: a notice missing there, or left
there after it changed or was withdrawn, would be found wrongly. Revision
0024 makes the table from the index an archive already has, and 0025
moves ``main_tsv`` with its GIN index from ``search_doc`` to ``search_main``.
SQLite's archive has no such tables, and the revisions leave it as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, inspect, text

import db.archive
from db import search
from db.archive import Archive, open_archive
from db.records import NoticeRecord, WithdrawalRecord
from db.search.text import WORD, body_text, exact_words, fold_text, number_column
from tests.helpers.notices import apply, notice, withdrawal

#: Rows of one table without their like in the others: none when they agree.
_DIFFER = (
    "SELECT count(*) FROM search_doc AS s FULL JOIN search_main AS d USING (rank_key) "
    "FULL JOIN search_walk AS w USING (rank_key) "
    "WHERE s.rank_key IS NULL OR d.rank_key IS NULL OR w.rank_key IS NULL "
    "OR w.words <> strip(d.main_tsv) "
    "OR (d.category_id, d.doc_type_f, d.issuer_f) IS DISTINCT FROM "
    "(s.category_id, s.doc_type_f, s.issuer_f) "
    "OR (w.category_id, w.doc_type_f, w.issuer_f) IS DISTINCT FROM "
    "(s.category_id, s.doc_type_f, s.issuer_f)"
)
QUERIES = ("kế hoạch", "phòng chống", "ubnd", "tiêm", '"trẻ em"', "huyện")


def _index(
    archive: Archive,
    notices: list[NoticeRecord],
    withdrawals: list[WithdrawalRecord] | None = None,
    categories: list[str] | None = None,
) -> None:
    counts = apply(archive, notices, withdrawals or [], categories=categories or [])
    with archive.writing() as session:
        search.update_index(session, counts.changed_ids, counts.removed_ids)


def _state(archive: Archive) -> tuple[int, int]:
    """How many rows ``search_walk`` has, and how many differ from ``search_main``'s."""
    with archive.reading() as session:
        rows = session.execute(text("SELECT count(*) FROM search_walk")).scalar_one()
        return rows, session.execute(text(_DIFFER)).scalar_one()


def _columns(conn: Connection, tables: set[str]) -> set[str]:
    """The columns of PostgreSQL's ``search_doc``, if the archive has it."""
    if "search_doc" not in tables:
        return set()
    return {c["name"] for c in inspect(conn).get_columns("search_doc")}


def _pages(archive: Archive) -> dict[str, list[str]]:
    with archive.reading() as session:
        return {q: [h.id for h in search.search(session, q, limit=20)] for q in QUERIES}


NOTICES = [
    notice("a", days=1, title="Kế hoạch phòng chống dịch", body_markdown="Tiêm chủng cho trẻ em."),
    notice("b", days=2, title="Thông báo của UBND xã", body_markdown="Kế hoạch tiêm phòng."),
    notice("c", days=3, title="Phòng chống thiên tai", body_markdown="Ủy ban nhân dân huyện."),
]


@pytest.fixture
def server(pg_url: str, tmp_path: Path) -> Iterator[Archive]:
    archive = open_archive(tmp_path / "data", url=pg_url)
    try:
        yield archive
    finally:
        archive.close()


def test_the_words_follow_each_change_and_withdrawal(server: Archive) -> None:
    archive = server
    _index(archive, NOTICES)
    assert _state(archive) == (3, 0)
    changed = notice(
        "b",
        days=2,
        revision_days=5,
        category="Văn bản/Công văn",
        title="Công văn của UBND xã",
        body_markdown="Đường giao thông nông thôn.",
    )
    _index(archive, [changed], [withdrawal("c", 6)], ["Văn bản/Công văn"])
    assert _state(archive) == (2, 0)
    with archive.reading() as session:
        assert [h.id for h in search.search(session, "giao thong")] == ["b"]
        assert search.search(session, "huyện") == []
    with archive.writing() as session:
        assert search.rebuild_index(session) == 2
    assert _state(archive) == (2, 0)


def test_the_words_with_diacritics_join_main_past_the_folded_ones(server: Archive) -> None:
    """A query asks for a word with diacritics alone, never in a phrase: they
    all stand at one position, a word past the last folded one, so that no
    phrase finds them. The folded words keep theirs, as ``to_tsvector`` of
    the words gives them."""
    _index(archive := server, NOTICES[:1])
    a = NOTICES[0]
    text_ = body_text(a.summary, a.body_markdown)
    folded = [fold_text(a.title), number_column(a.number), fold_text(text_)]
    folded.append(fold_text(f"{a.issuer or ''} {a.doc_type or ''}"))
    words = " ".join(w for part in folded for w in WORD.findall(part))
    marked = exact_words(a.title, a.number, text_, a.issuer, a.doc_type).split()
    with archive.reading() as session:
        stored = {
            lexeme: positions
            for lexeme, positions in session.execute(
                text("SELECT lexeme, positions FROM search_main, unnest(main_tsv)")
            )
        }
        made = {
            lexeme: positions
            for lexeme, positions in session.execute(
                text("SELECT lexeme, positions FROM unnest(to_tsvector('simple', :w))"),
                {"w": words},
            )
        }
        assert [h.id for h in search.search(session, "chủng")] == ["a"]
    assert {"kế", "hoạch", "phòng", "chống", "dịch", "chủng", "trẻ"} <= set(marked)
    past = [max(p for positions in made.values() for p in positions) + 2]
    assert stored == made | dict.fromkeys(marked, past)


@pytest.mark.engines
def test_the_revision_makes_the_words_of_the_index_there_is(archive: Archive) -> None:
    _index(archive, NOTICES)
    found = _pages(archive)
    assert found["kế hoạch"] and found['"trẻ em"'] == ["a"]
    with archive.engine.begin() as conn:
        command.downgrade(db.archive._alembic_config(conn), "0023")
    with archive.engine.connect() as conn:
        before = set(inspect(conn).get_table_names())
        wide = _columns(conn, before)
    with archive.engine.begin() as conn:
        command.upgrade(db.archive._alembic_config(conn), "head")
    with archive.engine.connect() as conn:
        after = set(inspect(conn).get_table_names())
        narrow = _columns(conn, after)
    assert _pages(archive) == found
    if archive.on_server:
        assert after - before == {"search_walk", "search_main"}
        assert "main_tsv" in wide and "main_tsv" not in narrow
        assert _state(archive) == (3, 0)
        with archive.reading() as session:
            storage = session.execute(
                text(
                    "SELECT attstorage FROM pg_attribute "
                    "WHERE attrelid = 'search_walk'::regclass AND attname = 'words'"
                )
            ).scalar_one()
        assert storage == "m"  # in the row, compressed if need be: never TOAST first
    else:
        assert after == before
