"""Where the index puts a notice: rowids newest first, close together, spaced again when crowded.

FTS5 stores rowids as differences, so the index keeps them GAP apart
(`db.search.schema`); a notice indexed later goes between its neighbours.
These tests import notices into the gaps the way offices do (older notices
after newer ones, several publishers' notices interleaved) and check the
order, the searches by date, and FTS5's own integrity check.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from db import search
from db.archive import Archive, open_archive
from db.records import NoticeRecord
from db.search.schema import GAP, START
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ

T0 = datetime(2024, 5, 6, 8, 0, tzinfo=VN_TZ)


def notice(nid: str, seconds: int) -> NoticeRecord:
    return NoticeRecord(
        id=nid,
        title=f"Thông báo lịch họp {nid}",
        body_markdown="Họp tổ dân phố.",
        category="Tin tức",
        published=T0 + timedelta(seconds=seconds),
    )


def add(archive: Archive, notices: Sequence[NoticeRecord]) -> None:
    with archive.writing() as session:
        ensure_publisher(session, "ubnd", "UBND phường")
        ids = ensure_categories(session, ["Tin tức"])
        counts = apply_notices(session, "ubnd", notices, [], ids)
        search.update_index(session, counts.changed_ids, counts.removed_ids)


def keys(archive: Archive) -> list[tuple[int, str]]:
    with archive.reading() as session:
        return [
            (r, n)
            for r, n in session.execute(
                text("SELECT rowid, notice_id FROM search_key ORDER BY rowid")
            )
        ]


def check_fts(archive: Archive) -> None:
    with archive.reading() as session:
        for table in ("search_main", "search_title", "search_number"):
            session.execute(
                text(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")
            )
        assert session.execute(text("SELECT count(*) FROM search_main")).scalar() == len(
            keys(archive)
        )


def test_a_first_import_is_numbered_gap_apart_newest_first(archive: Archive) -> None:
    add(archive, [notice("a", 0), notice("b", 60), notice("c", 120), notice("d", 60)])
    assert keys(archive) == [
        (START, "c"),
        # Of one second, the notice indexed later first: the greater id.
        (START + GAP, "d"),
        (START + 2 * GAP, "b"),
        (START + 3 * GAP, "a"),
    ]


def test_older_and_newer_imports_go_around_and_between(archive: Archive) -> None:
    add(archive, [notice("m1", 100), notice("m2", 200)])
    add(archive, [notice("new", 300)])
    add(archive, [notice("old", 0)])
    add(archive, [notice("mid", 150), notice("mid2", 199)])
    order = [n for _r, n in keys(archive)]
    assert order == ["new", "m2", "mid2", "mid", "m1", "old"]
    rowids = [r for r, _n in keys(archive)]
    assert rowids[0] == START - GAP and rowids[-1] == START + 2 * GAP
    check_fts(archive)


def test_an_import_of_many_newer_notices_shares_the_room_across_its_chunks(
    archive: Archive,
) -> None:
    """1,200 notices newer than the archive come in three chunks; each still
    lies GAP from the next, and the notice already there keeps its rowid."""
    add(archive, [notice("first", 0)])
    add(archive, [notice(f"n{i:04}", 10 + i // 3) for i in range(1200)])
    rowids = [r for r, _n in keys(archive)]
    assert rowids[-1] == START and keys(archive)[-1][1] == "first"
    assert {b - a for a, b in zip(rowids, rowids[1:], strict=False)} == {GAP}
    check_fts(archive)


def test_a_crowded_gap_spaces_the_whole_index_again(archive: Archive) -> None:
    """Each import puts a notice just above the oldest: the room there halves
    each time, until there is none and the index is numbered again."""
    add(archive, [notice("top", 10_000), notice("bottom", 0)])
    for i in range(14):
        add(archive, [notice(f"n{i:02}", 1000 - i)])
    order = [n for _r, n in keys(archive)]
    assert order == ["top", *(f"n{i:02}" for i in range(14)), "bottom"]
    rowids = [r for r, _n in keys(archive)]
    # Spaced again at least once: the first rowids are GAP apart from START.
    assert rowids[:3] == [START, START + GAP, START + 2 * GAP]
    assert all(b > a for a, b in zip(rowids, rowids[1:], strict=False))
    check_fts(archive)
    with archive.reading() as session:
        found = search.ranked_ids(session, "lich hop", limit=50)
    assert found == order


def test_a_respace_in_the_middle_of_a_chunk_places_the_whole_chunk_again(
    archive: Archive,
) -> None:
    """The newest notice of the chunk finds room; the next does not, and the
    index is spaced again: the first must not be counted as placed twice."""
    add(archive, [notice("a", 10), notice("b", 0)])
    # Each goes first among those of its second: the room above a halves,
    # until the last sits one above it.
    for i in range(10):
        add(archive, [notice(f"f{i:02}", 5)])
    assert keys(archive)[:2] == [(START, "a"), (START + 1, "f09")]
    add(archive, [notice("x", 20), notice("y", 5)])
    order = [n for _r, n in keys(archive)]
    assert order == ["x", "a", "y", *(f"f{i:02}" for i in reversed(range(10))), "b"]
    rowids = [r for r, _n in keys(archive)]
    assert len(set(rowids)) == len(rowids)
    check_fts(archive)


def test_more_notices_than_a_gap_holds_get_room_made_for_them(archive: Archive) -> None:
    """1,100 notices of February between January's and March's (a gap holds
    GAP - 1): the index is spaced with room for all of them, in one import."""
    add(archive, [notice("jan", 0), notice("mar", 100_000)])
    add(archive, [notice(f"feb{i:04}", 1000 + i) for i in range(1100)])
    order = [n for _r, n in keys(archive)]
    assert order == ["mar", *(f"feb{i:04}" for i in reversed(range(1100))), "jan"]
    rowids = [r for r, _n in keys(archive)]
    assert rowids[0] == START and all(b > a for a, b in zip(rowids, rowids[1:], strict=False))
    check_fts(archive)
    add(archive, [notice("feb-late", 1500)])
    # Of one second, the notice indexed later first.
    assert [n for _r, n in keys(archive)][599:602] == ["feb0501", "feb-late", "feb0500"]


def test_dates_are_looked_up_by_publication_time(archive: Archive) -> None:
    day = 86_400
    add(archive, [notice(f"d{i}", i * day) for i in range(5)])
    add(archive, [notice("d2b", 2 * day + 60)])
    first = T0.date()

    def between(date_from: date | None, date_to: date | None) -> list[str]:
        where = search.SearchFilter(date_from=date_from, date_to=date_to)
        with archive.reading() as session:
            return search.ranked_ids(session, "lich hop", where, limit=50)

    assert between(first + timedelta(days=1), first + timedelta(days=2)) == ["d2b", "d2", "d1"]
    assert between(first + timedelta(days=4), None) == ["d4"]
    assert between(None, first) == ["d0"]
    assert between(first + timedelta(days=5), None) == []
    assert between(None, first - timedelta(days=1)) == []
    with archive.reading() as session:
        assert (
            search.count_matches(
                session, "lich hop", search.SearchFilter(date_from=first + timedelta(days=2))
            )
            == 4
        )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    imports=st.lists(
        st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=6),
        min_size=1,
        max_size=5,
    )
)
def test_any_order_of_imports_keeps_the_index_newest_first(tmp_path_factory, imports) -> None:  # type: ignore[no-untyped-def]
    """Newest first; of one second, a later import first, and in one import the greater id."""
    archive = open_archive(tmp_path_factory.mktemp("rowids"))
    try:
        expected: list[tuple[int, int, str]] = []
        for n, stamps in enumerate(imports):
            batch = [notice(f"i{n}-{k}", s) for k, s in enumerate(stamps)]
            add(archive, batch)
            expected.extend((-s, -n, f"i{n}-{k}") for k, s in enumerate(stamps))
        want = [nid for *_order, nid in sorted(expected, key=lambda e: (e[0], e[1], _desc(e[2])))]
        assert [n for _r, n in keys(archive)] == want
        check_fts(archive)
    finally:
        archive.close()


def _desc(nid: str) -> list[int]:
    return [-ord(c) for c in nid] + [1]
