"""Reading the archive: lists, filters, category counts, related notices, reading state."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.archive import Archive, open_archive
from db.queries import (
    categories,
    count_notices,
    get_notice,
    latest_notices,
    list_notices,
    notice_ids,
    related_notices,
    summaries,
)
from db.records import CategoryInfo, NoticeSummary
from db.store import mark_all_read, record_view, set_bookmark
from tests.helpers.notices import apply, at, notice, withdrawal

# Listing, one notice, marks and bookmarks: the same on both engines.
pytestmark = pytest.mark.engines

QD = "Văn bản/Quyết định"
TB = "Văn bản/Thông báo"
MOI = "Văn bản mới"
TIN = "Tin tức"


@pytest.fixture
def filled(archive: Archive) -> Archive:
    """Eight notices over four categories, one of them a look-alike sibling."""
    apply(
        archive,
        [
            notice("qd1", category=QD, days=1),
            notice("qd2", category=QD, days=5),
            notice("tb1", category=TB, days=3),
            notice("vb0", category="Văn bản", days=2),
            notice("moi1", category=MOI, days=4),
            notice("moi2", category=MOI, days=6),
            notice("tin1", category=TIN, days=7),
            notice("tin2", category=TIN, days=0),
        ],
        categories=["Văn bản/Quyết định", "Văn bản/Thông báo", "Văn bản mới", "Tin tức"],
    )
    return archive


def _ids(rows: list[NoticeSummary]) -> list[str]:
    return [r.id for r in rows]


# -- lists --------------------------------------------------------------------------------


def test_list_is_newest_first(filled: Archive) -> None:
    with filled.reading() as session:
        rows = list_notices(session)
        assert _ids(rows) == ["tin1", "moi2", "qd2", "moi1", "tb1", "vb0", "qd1", "tin2"]
        assert notice_ids(session, newest_first=False) == list(reversed(_ids(rows)))
        assert count_notices(session) == 8
    first = rows[0]
    assert first == NoticeSummary(
        id="tin1",
        title="Thông báo tin1",
        number=None,
        published=at(7),
        category=TIN,
    )


def test_equal_times_are_ordered_by_id_and_pages_are_stable(archive: Archive) -> None:
    apply(archive, [notice(f"same-{i:02}") for i in range(12)])
    with archive.reading() as session:
        everything = notice_ids(session)
        assert everything == [f"same-{i:02}" for i in reversed(range(12))]
        pages = [notice_ids(session, limit=5, offset=o) for o in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 2]
    assert sum(pages, []) == everything


def test_category_filter_includes_subcategories(filled: Archive) -> None:
    with filled.reading() as session:
        assert _ids(list_notices(session, "Văn bản")) == ["qd2", "tb1", "vb0", "qd1"]
        assert count_notices(session, "Văn bản") == 4
        assert _ids(list_notices(session, QD)) == ["qd2", "qd1"]
        assert _ids(list_notices(session, MOI)) == ["moi2", "moi1"]
        assert count_notices(session, "Văn") == 0
        assert count_notices(session, "Không có") == 0


def test_category_filter_is_exact_about_case_and_wildcards(archive: Archive) -> None:
    apply(
        archive,
        [
            notice("a", category="Tin_tuc/A"),
            notice("b", category="TinXtuc/B"),
            notice("c", category="tin_tuc/C"),
        ],
    )
    with archive.reading() as session:
        assert notice_ids(session, "Tin_tuc") == ["a"]
        assert notice_ids(session, "tin_tuc") == ["c"]


def test_unread_and_bookmarked_filters(filled: Archive) -> None:
    with filled.writing() as session:
        record_view(session, "qd2", at(10))
        record_view(session, "tin1", at(10))
        set_bookmark(session, "qd1", True)
        set_bookmark(session, "tin1", True)
        set_bookmark(session, "tb1", True)
        set_bookmark(session, "tb1", False)
    with filled.reading() as session:
        unread = notice_ids(session, show="unread")
        assert unread == ["moi2", "moi1", "tb1", "vb0", "qd1", "tin2"]
        assert count_notices(session, show="unread") == 6
        assert notice_ids(session, show="bookmarked") == ["tin1", "qd1"]
        assert count_notices(session, show="bookmarked") == 2
        assert notice_ids(session, "Văn bản", show="unread") == ["tb1", "vb0", "qd1"]
        assert notice_ids(session, "Văn bản", show="bookmarked") == ["qd1"]
        rows = {r.id: r for r in list_notices(session)}
    assert (rows["qd2"].read, rows["qd2"].bookmarked) == (True, False)
    assert (rows["qd1"].read, rows["qd1"].bookmarked) == (False, True)
    assert (rows["tb1"].read, rows["tb1"].bookmarked) == (False, False)


def test_latest_notices(filled: Archive) -> None:
    with filled.reading() as session:
        assert _ids(latest_notices(session)) == ["tin1", "moi2", "qd2", "moi1", "tb1"]
        assert _ids(latest_notices(session, limit=2)) == ["tin1", "moi2"]
    apply(filled, withdrawals=[withdrawal("tin1", 8)])
    with filled.reading() as session:
        assert _ids(latest_notices(session, limit=2)) == ["moi2", "qd2"]


def test_summaries_keep_the_order_given(filled: Archive) -> None:
    apply(filled, withdrawals=[withdrawal("tb1", 9), withdrawal("chua-co", 9)])
    with filled.reading() as session:
        rows = summaries(session, ["tin2", "khong-co", "qd1", "tb1", "chua-co", "moi2"])
    assert _ids(rows) == ["tin2", "qd1", "tb1", "moi2"]
    assert [r.withdrawn for r in rows] == [False, False, True, False]
    assert rows[1].category == QD


def test_summaries_of_many_ids(archive: Archive) -> None:
    apply(archive, [notice(f"n{i:04}", days=i / 1000) for i in range(1100)])
    wanted = [f"n{i:04}" for i in range(1099, -1, -3)]
    with archive.reading() as session:
        assert _ids(summaries(session, wanted)) == wanted


def test_get_notice_of_an_unknown_id(archive: Archive) -> None:
    with archive.reading() as session:
        assert get_notice(session, "khong-co") is None


# -- categories ----------------------------------------------------------------------------


def test_categories_in_tree_order_with_subtree_counts(filled: Archive) -> None:
    with filled.writing() as session:
        record_view(session, "qd1", at(10))
    with filled.reading() as session:
        tree = categories(session)
    assert tree == [
        CategoryInfo("Văn bản", "Văn bản", None, 0, count=4, unread=3),
        CategoryInfo(QD, "Quyết định", "Văn bản", 0, count=2, unread=1),
        CategoryInfo(TB, "Thông báo", "Văn bản", 1, count=1, unread=1),
        CategoryInfo(MOI, "Văn bản mới", None, 1, count=2, unread=2),
        CategoryInfo(TIN, "Tin tức", None, 2, count=2, unread=2),
    ]


def test_category_counts_leave_out_withdrawn_and_tombstones(filled: Archive) -> None:
    apply(filled, withdrawals=[withdrawal("qd2", 9), withdrawal("khong-co", 9)])
    with filled.reading() as session:
        counts = {c.path: (c.count, c.unread) for c in categories(session)}
    assert counts["Văn bản"] == (3, 3)
    assert counts[QD] == (1, 1)


def test_deep_tree_counts_reach_every_ancestor(archive: Archive) -> None:
    apply(archive, [notice("sau", category="A/B/C/D")])
    with archive.reading() as session:
        tree = [(c.path, c.parent, c.count) for c in categories(session)]
        assert notice_ids(session, "A/B") == ["sau"]
    assert tree == [
        ("A", None, 1),
        ("A/B", "A", 1),
        ("A/B/C", "A/B", 1),
        ("A/B/C/D", "A/B/C", 1),
    ]


def test_empty_archive(archive: Archive) -> None:
    with archive.reading() as session:
        assert categories(session) == []
        assert list_notices(session) == []
        assert count_notices(session, show="unread") == 0
        assert latest_notices(session) == []


# -- related notices -------------------------------------------------------------------------


def test_related_explicit_links_first_then_neighbours(archive: Archive) -> None:
    apply(
        archive,
        [
            notice("goc", category=QD, days=10, related=("mat-tich", "xa", "thu-hoi", "xa2")),
            notice("xa", category=TIN, days=0),
            notice("xa2", category=TB, days=1),
            notice("thu-hoi", category=QD, days=9),
            notice("gan1", category=QD, days=11),
            notice("gan2", category=QD, days=8),
            notice("gan3", category=QD, days=13),
            notice("xa-nhat", category=QD, days=30),
            notice("khac-muc", category=TB, days=10),
        ],
    )
    apply(archive, withdrawals=[withdrawal("thu-hoi", 12)])
    with archive.reading() as session:
        related = related_notices(session, "goc")
        assert _ids(related) == ["xa", "xa2", "gan1", "gan2", "gan3"]
        assert _ids(related_notices(session, "goc", limit=3)) == ["xa", "xa2", "gan1"]
        assert _ids(related_notices(session, "goc", limit=1)) == ["xa"]
        assert _ids(related_notices(session, "gan1")) == ["goc", "gan3", "gan2", "xa-nhat"]


def test_related_skips_itself_and_repeats(archive: Archive) -> None:
    apply(
        archive,
        [notice("a", related=("a", "b", "b")), notice("b", category=TIN)],
    )
    with archive.reading() as session:
        assert _ids(related_notices(session, "a")) == ["b"]


def test_related_of_an_unknown_notice(archive: Archive) -> None:
    with archive.reading() as session:
        assert related_notices(session, "khong-co") == []


def test_related_neighbours_at_equal_distance_are_stable(archive: Archive) -> None:
    apply(
        archive,
        [notice("giua", days=5), notice("truoc", days=4), notice("sau", days=6)],
    )
    with archive.reading() as session:
        assert _ids(related_notices(session, "giua")) == ["sau", "truoc"]


# -- reading state ----------------------------------------------------------------------------


def test_record_view_counts_and_keeps_first_and_last(archive: Archive) -> None:
    apply(archive, [notice("a")])
    with archive.writing() as session:
        assert record_view(session, "a", at(1)) == 1
    with archive.writing() as session:
        assert record_view(session, "a", at(2)) == 2
        assert record_view(session, "a", at(3)) == 3
    with archive.reading() as session:
        got = get_notice(session, "a")
    assert got is not None
    assert (got.views, got.first_opened, got.last_opened) == (3, at(1), at(3))
    assert got.first_opened is not None
    assert got.first_opened.utcoffset() == at(0).utcoffset()


def test_a_bookmark_before_the_first_view(archive: Archive) -> None:
    apply(archive, [notice("a")])
    with archive.writing() as session:
        set_bookmark(session, "a", True)
    with archive.reading() as session:
        got = get_notice(session, "a")
        assert got is not None
        assert (got.bookmarked, got.views, got.first_opened) == (True, 0, None)
        assert notice_ids(session, show="unread") == ["a"]
    with archive.writing() as session:
        record_view(session, "a", at(4))
    with archive.reading() as session:
        got = get_notice(session, "a")
        assert got is not None
        assert (got.bookmarked, got.views, got.first_opened, got.last_opened) == (
            True,
            1,
            at(4),
            at(4),
        )
        assert notice_ids(session, show="unread") == []


def test_mark_all_read(filled: Archive) -> None:
    with filled.writing() as session:
        record_view(session, "qd1", at(10))
        set_bookmark(session, "tb1", True)
    with filled.writing() as session:
        assert mark_all_read(session, at(11), "Văn bản") == 3
    with filled.reading() as session:
        assert notice_ids(session, show="unread") == ["tin1", "moi2", "moi1", "tin2"]
        qd1 = get_notice(session, "qd1")
        tb1 = get_notice(session, "tb1")
    assert qd1 is not None and tb1 is not None
    assert (qd1.views, qd1.first_opened) == (1, at(10))  # already read: untouched
    assert (tb1.views, tb1.first_opened, tb1.bookmarked) == (0, at(11), True)

    with filled.writing() as session:
        assert mark_all_read(session, at(12)) == 4
    with filled.reading() as session:
        assert count_notices(session, show="unread") == 0
        assert all(c.unread == 0 for c in categories(session))
        moi2 = get_notice(session, "moi2")
    assert moi2 is not None
    assert (moi2.views, moi2.first_opened) == (0, at(12))
    with filled.writing() as session:
        assert mark_all_read(session, at(13)) == 0


def test_mark_all_read_skips_withdrawn(filled: Archive) -> None:
    apply(filled, withdrawals=[withdrawal("tin1", 9)])
    with filled.writing() as session:
        assert mark_all_read(session, at(10), TIN) == 1
    with filled.reading() as session:
        tin1 = get_notice(session, "tin1")
    assert tin1 is not None
    assert tin1.first_opened is None


# -- a property: the list is always sorted, filtered and complete ----------------------------


_notice_specs = st.lists(
    st.tuples(st.sampled_from([QD, TB, MOI, TIN, "Văn bản"]), st.integers(0, 20), st.booleans()),
    min_size=0,
    max_size=15,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=_notice_specs)
def test_listing_matches_a_plain_python_model(
    tmp_path_factory: pytest.TempPathFactory, specs: list[tuple[str, int, bool]]
) -> None:
    arch = open_archive(tmp_path_factory.mktemp("prop"))
    try:
        recs = [notice(f"n{i:02}", category=c, days=d) for i, (c, d, _) in enumerate(specs)]
        apply(arch, recs)
        read = [r.id for r, (_, _, opened) in zip(recs, specs, strict=True) if opened]
        with arch.writing() as session:
            for nid in read:
                record_view(session, nid, at(30))
        model = sorted(recs, key=lambda r: (r.published, r.id), reverse=True)
        with arch.reading() as session:
            for category in (None, "Văn bản", QD, MOI):
                expected = [
                    r.id
                    for r in model
                    if category is None
                    or r.category == category
                    or r.category.startswith(category + "/")
                ]
                assert notice_ids(session, category) == expected
                unread = [i for i in expected if i not in read]
                assert notice_ids(session, category, show="unread") == unread
                assert count_notices(session, category, show="unread") == len(unread)
    finally:
        arch.close()


# -- many notices with every field (`bangtin list --json`) ----------------------------------


@pytest.mark.sqlite_only("a cost test of 1,200 notices: the statements are the same on both")
def test_notice_details_in_chunks_equal_one_at_a_time_in_few_statements(archive: Archive) -> None:
    """`list --json` on 20,000 notices took 22-46 s: one get_notice (four queries and
    the whole body) per notice. notice_details reads them in a few statements per
    500 notices, and leaves the bodies out when asked; read one at a time
    (get_notice), each is the same."""
    from sqlalchemy import event

    from db.queries import notice_details
    from tests.helpers.notices import attachment

    recs = [
        notice(
            f"n{i:04}",
            days=i / 100,
            number=f"{i}/TB",
            related=(f"n{(i + 1) % 1200:04}",) if i % 3 == 0 else (),
            attachments=(attachment(f"tep-{i}.pdf"),) if i % 7 == 0 else (),
            body_markdown=f"Nội dung {i}",
        )
        for i in range(1200)
    ]
    apply(archive, recs)
    with archive.writing() as session:
        record_view(session, "n0005", at(30))
        set_bookmark(session, "n0006", True)
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    with archive.reading() as session:
        ids = notice_ids(session)
        expected = [get_notice(session, i) for i in ids]
        event.listen(archive.engine, "before_cursor_execute", count)
        try:
            full = notice_details(session, ids)
            full_statements = len(statements)
            statements.clear()
            light = notice_details(session, ids, body=False)
        finally:
            event.remove(archive.engine, "before_cursor_execute", count)
    assert full == expected
    assert [d.body_markdown for d in light] == [""] * len(ids)
    assert [replace(d, body_markdown="") for d in full] == light
    # Three 500-notice chunks: a handful of statements each (the notices,
    # attachments, links, and the relations both ways for validity), never
    # some per notice.
    assert full_statements <= 3 * 8 and len(statements) <= 3 * 8, statements
    assert not any("body_markdown" in s for s in statements)


def test_one_notice_is_read_in_five_statements(filled: Archive) -> None:
    """On a shared archive each statement is a round trip to the server."""
    from sqlalchemy import event

    statements: list[str] = []

    def seen(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        statements.append(sql)

    with filled.reading() as session:
        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", seen)
        try:
            detail = get_notice(session, "qd1")
        finally:
            event.remove(engine, "before_cursor_execute", seen)
    assert detail is not None and detail.id == "qd1"
    reads = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert len(reads) <= 5, reads
