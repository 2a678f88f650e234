"""A first import into an empty PostgreSQL index, indexed as its notices are written.

`db.search.pgindex.Filler` makes each chunk's rows while the import writes
the next: its tables must be row for row, keys and tsvectors included, the
ones `update` makes once every notice is written, with chunks of rows that
cut across the import's chunks, notices published in the same second in
different chunks, the same id twice in a bundle and a withdrawal of a
notice the same bundle brings.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DataError, OperationalError

import db.server
from db import search, store
from db.archive import Archive, open_archive
from db.errors import ArchiveError, ErrorCode, classify
from db.records import NoticeRecord, WithdrawalRecord
from db.search import pgindex
from tests.helpers.notices import PUBLISHER, at, notice, withdrawal
from tests.helpers.postgres import connect_params

#: What the fresh tables hold, in key order, tsvectors as text (a category by its
#: path: its id comes from a sequence, which an import rolled back does not give back).
_ROWS = (
    "SELECT d.rank_key, d.notice_id, c.path, d.doc_type_f, d.issuer_f, d.number_head, "
    "d.number_f, d.title_tsv::text, d.number_tsv::text, m.main_tsv::text, f.title_f, f.body_f, "
    "f.meta_f, f.exact, w.words::text, w.category_id = d.category_id, w.doc_type_f, w.issuer_f "
    "FROM search_doc_fill AS d JOIN search_field_fill AS f USING (rank_key) "
    "JOIN search_main_fill AS m USING (rank_key) JOIN search_walk_fill AS w USING (rank_key) "
    "JOIN category AS c ON c.id = d.category_id "
    "ORDER BY d.rank_key"
)


class _Undo(Exception):
    """Raised to roll an import back once its rows are read."""


def _fill(
    archive: Archive,
    chunks: Sequence[Sequence[NoticeRecord]],
    withdrawals: Sequence[WithdrawalRecord],
    *,
    as_written: bool,
) -> tuple[list[Any], list[str]]:
    """The index rows an import of *chunks* makes (before its commit), and its terms; undone."""
    found: tuple[list[Any], list[str]] = ([], [])
    with pytest.raises(_Undo), archive.writing() as session:
        store.ensure_publisher(session, PUBLISHER, "UBND xã Demo")
        categories = store.ensure_categories(session, [n.category for c in chunks for n in c])
        filler = search.start_fill(session) if as_written else None
        counts = store.apply_notice_chunks(
            session,
            PUBLISHER,
            chunks,
            withdrawals,
            categories,
            written=None if filler is None else filler.add,
            # As the importer calls it: the GIN indexes are queued before
            # `finish` learns of an id twice or a withdrawal.
            all_written=None if filler is None else filler.all_written,
        )
        search.update_index(session, counts.changed_ids, counts.removed_ids, filler)
        if filler is not None:
            # Its own connection writes the fresh tables, and commits them once built.
            filler.wait()
        found[0].extend(tuple(r) for r in session.execute(text(_ROWS)))
        found[1].extend(session.scalars(text("SELECT term FROM search_term ORDER BY term")))
        raise _Undo
    return found


@pytest.fixture
def server(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    # Rows made two at a time: chunks of rows cut across the import's chunks.
    monkeypatch.setattr(pgindex, "CHUNK", 2)
    return open_archive(tmp_path / "pc", url=pg_url)


def _same_second(nid: str, **fields: Any) -> NoticeRecord:
    return notice(nid, published=at(3), **fields)


CHUNKS = [
    [notice("a", days=1), _same_second("s3"), notice("b", days=2, number="12/QĐ-UBND")],
    [_same_second("s1"), notice("c", days=5, category="Tin tức")],
    [_same_second("s2"), notice("d", days=0.5, body_markdown="Giấy phép xây dựng nhà ở")],
]


@pytest.mark.parametrize(
    ("chunks", "withdrawals"),
    [
        (CHUNKS, []),
        # The same id in two chunks: the later, newer copy is the one shown.
        ([*CHUNKS, [notice("a", days=1, revision_days=9, title="Lịch tiếp dân mới")]], []),
        # A notice of the bundle withdrawn by the same bundle.
        (CHUNKS, [withdrawal("c", days=30)]),
    ],
    ids=["chunks", "an-id-twice", "withdrawn-by-the-bundle"],
)
def test_rows_made_as_the_notices_are_written_are_the_ones_made_after(
    server: Archive,
    chunks: list[list[NoticeRecord]],
    withdrawals: list[WithdrawalRecord],
) -> None:
    try:
        after = _fill(server, chunks, withdrawals, as_written=False)
        during = _fill(server, chunks, withdrawals, as_written=True)
    finally:
        server.close()
    assert during == after
    ids = [row[1] for row in after[0]]
    assert ids.count("a") == 1
    assert ("c" in ids) is not withdrawals
    # The notices of one second: keys from the top down in the order of their chunks.
    assert [i for i in ids if i.startswith("s")] == ["s2", "s1", "s3"]


def test_a_first_import_is_found_once_it_commits(server: Archive) -> None:
    try:
        with server.writing() as session:
            store.ensure_publisher(session, PUBLISHER, "UBND xã Demo")
            categories = store.ensure_categories(session, [n.category for c in CHUNKS for n in c])
            filler = search.start_fill(session)
            assert filler is not None
            counts = store.apply_notice_chunks(
                session, PUBLISHER, CHUNKS, [], categories, written=filler.add
            )
            search.update_index(session, counts.changed_ids, counts.removed_ids, filler)
        with server.reading() as session:
            assert [hit.id for hit in search.search(session, "giay phep xay dung")] == ["d"]
            # The index holds rows now: the next import writes into it.
            with server.writing() as writing:
                assert search.start_fill(writing) is None
    finally:
        server.close()


#: Tables an import writes its first index into, before they take the live names.
_FRESH_TABLES = (
    "SELECT count(*) FROM pg_class WHERE relname IN "
    "('search_doc_fill', 'search_main_fill', 'search_walk_fill', 'search_field_fill')"
)
#: Connections of this database left in a transaction: a writer not let go.
_LEFT_OPEN = (
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
)


def _import(archive: Archive, chunks: Iterable[Sequence[NoticeRecord]]) -> None:
    """As the importer does: through a `Filler` into an empty index, else `update`."""
    with archive.writing() as session:
        store.ensure_publisher(session, PUBLISHER, "UBND xã Demo")
        categories = store.ensure_categories(session, [n.category for c in CHUNKS for n in c])
        filler = search.start_fill(session)
        counts = store.apply_notice_chunks(
            session,
            PUBLISHER,
            chunks,
            [],
            categories,
            written=None if filler is None else filler.add,
            all_written=None if filler is None else filler.all_written,
        )
        search.update_index(session, counts.changed_ids, counts.removed_ids, filler)


def _state(archive: Archive) -> tuple[int, int, int, int]:
    """Notices, live index rows, fresh tables and connections left in a transaction."""
    with archive.reading() as session:
        return (
            session.execute(text("SELECT count(*) FROM notice")).scalar_one(),
            session.execute(text("SELECT count(*) FROM search_doc")).scalar_one(),
            session.execute(text(_FRESH_TABLES)).scalar_one(),
            session.execute(text(_LEFT_OPEN)).scalar_one(),
        )


def _writers() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "bangtin-index"]


def test_an_import_that_fails_once_its_index_is_written_leaves_the_archive_as_it_was(
    server: Archive,
) -> None:
    try:
        # The writer commits the fresh tables, then the import rolls back:
        # they stay beside the live index, which nothing of theirs reaches.
        _fill(server, CHUNKS, [], as_written=True)
        assert _state(server) == (0, 0, 4, 0)
        with server.reading() as session:
            assert search.search(session, "giay phep xay dung") == []
        # The next first import drops them and makes its own.
        _import(server, CHUNKS)
        assert _state(server) == (7, 7, 0, 0)
        with server.reading() as session:
            assert [hit.id for hit in search.search(session, "giay phep xay dung")] == ["d"]
    finally:
        server.close()
    assert _writers() == []


def test_an_index_that_cannot_be_built_fails_the_import(
    server: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(cur: Any, **_kw: Any) -> None:
        cur.execute("SELECT 1 / 0")

    monkeypatch.setattr(pgindex, "_build", broken)
    try:
        with pytest.raises(DataError, match="division by zero"):
            _import(server, CHUNKS)
        assert _state(server) == (0, 0, 0, 0)
    finally:
        server.close()
    assert _writers() == []


def test_an_import_given_up_half_way_lets_its_writer_go(server: Archive) -> None:
    def chunks() -> Iterator[list[NoticeRecord]]:
        yield from CHUNKS[:2]
        # The first two chunks' rows are with the writer.
        assert _writers() == ["bangtin-index"]
        raise _Undo

    try:
        with pytest.raises(_Undo):
            _import(server, chunks())
        assert _state(server) == (0, 0, 0, 0)
    finally:
        server.close()
    assert _writers() == []


def test_a_word_too_long_for_a_tsvector_is_left_out_as_the_parser_leaves_it(
    server: Archive,
) -> None:
    """PostgreSQL's tsvector holds no word of 2,047 bytes or more: ``to_tsvector``
    skips one, and so must the words with diacritics, which it does not parse."""
    long = "đ" * 1100  # 2,200 bytes
    chunks = [[notice("w", days=1, body_markdown=f"Giấy phép {long} xây dựng")]]
    try:
        _import(server, chunks)
        with server.reading() as session:
            assert [hit.id for hit in search.search(session, "giấy phép xây dựng")] == ["w"]
            words = session.execute(text("SELECT words::text FROM search_walk")).scalar_one()
        assert "giấy" in words and long not in words
    finally:
        server.close()


def test_a_lock_on_what_a_failed_import_left_fails_the_next_one_busy(
    server: Archive, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup reading the tables a failed import left makes the next import
    wait as long as any other lock would, then fail BUSY: never for ever."""
    monkeypatch.setattr(db.server, "LOCK_TIMEOUT", "200ms")
    try:
        _fill(server, CHUNKS, [], as_written=True)
        with psycopg.connect(**connect_params(pg_url)) as backup:  # type: ignore[arg-type]
            backup.autocommit = False
            backup.execute("LOCK TABLE search_doc_fill IN ACCESS SHARE MODE")
            with pytest.raises(ArchiveError) as failed:
                _import(server, CHUNKS)
            assert failed.value.code is ErrorCode.BUSY
        assert _state(server)[:2] == (0, 0)
        _import(server, CHUNKS)
        assert _state(server) == (7, 7, 0, 0)
    finally:
        server.close()
    assert _writers() == []


def test_a_writer_whose_connection_is_lost_fails_the_import_as_a_lost_server(
    server: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lost(cur: Any, **_kw: Any) -> None:
        cur.execute("SELECT pg_terminate_backend(pg_backend_pid())")

    monkeypatch.setattr(pgindex, "_build", lost)
    try:
        with pytest.raises(OperationalError) as failed:
            _import(server, CHUNKS)
        assert classify(failed.value) is ErrorCode.SERVER_LOST
        assert _state(server) == (0, 0, 0, 0)
    finally:
        server.close()
    assert _writers() == []


def test_what_a_failed_import_left_is_never_swapped_into_a_later_one(server: Archive) -> None:
    try:
        _import(server, CHUNKS[:1])
        # Tables by the fresh ones' names, not this transaction's: left.
        with server.writing() as session:
            session.execute(text("CREATE TABLE search_doc_fill (rank_key bigint)"))
            for table in ("search_main_fill", "search_walk_fill", "search_field_fill"):
                session.execute(text(f"CREATE TABLE {table} (rank_key bigint)"))
        _import(server, CHUNKS[1:])
        assert _state(server) == (7, 7, 4, 0)
        with server.reading() as session:
            assert [hit.id for hit in search.search(session, "giay phep xay dung")] == ["d"]
    finally:
        server.close()
