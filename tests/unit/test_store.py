"""Applying bundles to the archive: only newer revisions win, withdrawals stick."""

from __future__ import annotations

import itertools
import unicodedata
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.archive import Archive
from db.models import Category, Notice
from db.provenance import (
    early_withdrawals,
)
from db.queries import (
    categories,
    count_notices,
    get_notice,
    list_notices,
    notice_ids,
)
from db.records import NoticeRecord, WithdrawalRecord
from db.store import (
    BATCH,
    apply_notices,
    category_path,
    ensure_categories,
    ensure_publisher,
    record_view,
    set_bookmark,
)
from db.types import VN_TZ
from tests.helpers.notices import BASE_TIME, PUBLISHER, apply, at, attachment, notice, withdrawal


def _detail(archive: Archive, nid: str):  # type: ignore[no-untyped-def]
    with archive.reading() as session:
        return get_notice(session, nid)


def _visible(archive: Archive) -> list[str]:
    with archive.reading() as session:
        return notice_ids(session)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# -- inserting ---------------------------------------------------------------------------


def test_new_notice_is_added_with_every_field(archive: Archive) -> None:
    rec = notice(
        "qd-1587-2023",
        title="Quyết định về việc công bố thủ tục hành chính",
        summary="Công bố 12 thủ tục mới",
        body_markdown="## Điều 1\n\nBan hành kèm theo...",
        number="1587/QĐ-UBND",
        doc_type="Quyết định",
        issuer="UBND tỉnh",
        issued=date(2023, 3, 20),
        related=("ct-07-2023", "khong-ton-tai"),
        attachments=(attachment("qd-1587.pdf", 2048), attachment("phu-luc.docx", 99)),
        content_hash="c" * 64,
        revision_days=1,
    )
    counts = apply(archive, [rec])
    assert (counts.added, counts.updated, counts.withdrawn, counts.unchanged) == (1, 0, 0, 0)
    assert counts.changed_ids == ["qd-1587-2023"]
    assert counts.removed_ids == []

    got = _detail(archive, "qd-1587-2023")
    assert got is not None
    assert got.title == rec.title
    assert got.summary == rec.summary
    assert got.body_markdown == rec.body_markdown
    assert got.category == "Văn bản/Quyết định"
    assert got.published == rec.published
    assert got.updated == at(1)
    assert got.number == "1587/QĐ-UBND"
    assert got.doc_type == "Quyết định"
    assert got.issuer == "UBND tỉnh"
    assert got.issued == date(2023, 3, 20)
    assert got.withdrawn is False
    assert got.publisher_id == PUBLISHER
    assert got.publisher_name == "UBND xã Demo"
    assert got.related == ("ct-07-2023", "khong-ton-tai")
    assert got.attachments == rec.attachments
    assert (got.views, got.bookmarked, got.first_opened, got.last_opened) == (0, False, None, None)
    with archive.reading() as session:
        stored = session.get(Notice, "qd-1587-2023")
        assert stored is not None
        assert stored.content_hash == "c" * 64
        assert stored.revision == at(1)


def test_times_come_back_aware_in_vietnam_time(archive: Archive) -> None:
    apply(archive, [notice("utc", published=datetime(2023, 6, 5, 0, 20, tzinfo=UTC))])
    got = _detail(archive, "utc")
    assert got is not None
    assert got.published.utcoffset() == timedelta(hours=7)
    assert (got.published.day, got.published.hour, got.published.minute) == (5, 7, 20)


def test_a_time_without_timezone_is_taken_as_plus_seven(archive: Archive) -> None:
    apply(archive, [notice("naive", published=datetime(2023, 6, 5, 7, 20))])
    got = _detail(archive, "naive")
    assert got is not None
    assert got.published == datetime(2023, 6, 5, 7, 20, tzinfo=VN_TZ)
    assert got.published.utcoffset() == timedelta(hours=7)


def test_text_is_stored_nfc(archive: Archive) -> None:
    rec = notice(
        "nfd",
        category=_nfd("Văn bản/Thông báo"),
        title=_nfd("Thông báo lịch tiếp công dân"),
        summary=_nfd("Tóm tắt"),
        body_markdown=_nfd("Nội dung đầy đủ"),
        number=_nfd("12/TB-UBND"),
        doc_type=_nfd("Thông báo"),
        issuer=_nfd("Ủy ban nhân dân xã"),
        attachments=(attachment(_nfd("Phụ lục.pdf")),),
    )
    assert rec.title != unicodedata.normalize("NFC", rec.title)
    apply(archive, [rec])
    got = _detail(archive, "nfd")
    assert got is not None
    texts = [
        got.title,
        got.summary,
        got.body_markdown,
        got.number,
        got.doc_type,
        got.issuer,
        got.category,
        got.attachments[0].name,
    ]
    for value in texts:
        assert value is not None
        assert unicodedata.is_normalized("NFC", value), value
    assert got.title == "Thông báo lịch tiếp công dân"
    assert got.category == "Văn bản/Thông báo"
    with archive.reading() as session:
        paths = [c.path for c in categories(session)]
    assert paths == ["Văn bản", "Văn bản/Thông báo"]


def test_apply_reports_progress(archive: Archive) -> None:
    seen: list[int] = []
    recs = [notice(f"p{i}") for i in range(BATCH * 2 + 3)]
    with archive.writing() as session:
        ensure_publisher(session, PUBLISHER, "UBND xã Demo")
        ids = ensure_categories(session, ["Văn bản/Quyết định"])
        apply_notices(session, PUBLISHER, recs, [], ids, progress=seen.append)
    assert seen == [BATCH, BATCH * 2, len(recs)]


def test_large_bundle_is_written_in_batches(archive: Archive) -> None:
    n = BATCH * 2 + 17
    recs = [notice(f"b{i:04}", days=i / 100, related=(f"b{i - 1:04}",)) for i in range(n)]
    assert apply(archive, recs).added == n
    newer = [
        notice(f"b{i:04}", days=i / 100, revision_days=30, attachments=(attachment(),))
        for i in range(n)
    ]
    counts = apply(archive, newer)
    assert (counts.added, counts.updated, counts.unchanged) == (0, n, 0)
    with archive.reading() as session:
        assert count_notices(session) == n
    last = _detail(archive, f"b{n - 1:04}")
    assert last is not None
    assert last.related == ()
    assert len(last.attachments) == 1


# -- revisions -------------------------------------------------------------------------------


def test_newer_revision_updates(archive: Archive) -> None:
    apply(archive, [notice("a", title="Bản cũ")])
    counts = apply(archive, [notice("a", title="Bản mới", revision_days=2)])
    assert (counts.added, counts.updated, counts.unchanged) == (0, 1, 0)
    assert counts.changed_ids == ["a"]
    got = _detail(archive, "a")
    assert got is not None
    assert got.title == "Bản mới"
    assert got.updated == at(2)


def test_same_revision_is_unchanged(archive: Archive) -> None:
    apply(archive, [notice("a", title="Bản đầu")])
    counts = apply(archive, [notice("a", title="Cùng thời điểm, khác nội dung")])
    assert (counts.added, counts.updated, counts.unchanged) == (0, 0, 1)
    assert counts.changed_ids == []
    got = _detail(archive, "a")
    assert got is not None
    assert got.title == "Bản đầu"


def test_older_revision_is_ignored(archive: Archive) -> None:
    apply(archive, [notice("a", title="Bản mới", revision_days=5)])
    counts = apply(archive, [notice("a", title="Bản cũ", revision_days=3)])
    assert (counts.added, counts.updated, counts.unchanged) == (0, 0, 1)
    got = _detail(archive, "a")
    assert got is not None
    assert got.title == "Bản mới"


def test_reapplying_a_bundle_with_subsecond_times_changes_nothing(archive: Archive) -> None:
    # The archive stores whole seconds; the same bundle twice must not "update".
    recs = [notice("ms", published=BASE_TIME + timedelta(microseconds=750_000))]
    assert apply(archive, recs).added == 1
    counts = apply(archive, recs)
    assert (counts.added, counts.updated, counts.unchanged) == (0, 0, 1)


def test_same_id_twice_in_one_bundle_keeps_the_newest(archive: Archive) -> None:
    recs = [
        notice("dup", title="Giữa", revision_days=2),
        notice("dup", title="Mới nhất", revision_days=3),
        notice("dup", title="Cũ", revision_days=1),
    ]
    counts = apply(archive, recs)
    assert (counts.added, counts.unchanged) == (1, 2)
    got = _detail(archive, "dup")
    assert got is not None
    assert got.title == "Mới nhất"


def test_related_links_and_attachments_are_replaced_on_update(archive: Archive) -> None:
    apply(
        archive,
        [notice("a", related=("x", "y"), attachments=(attachment("1.pdf"), attachment("2.pdf")))],
    )
    apply(archive, [notice("a", revision_days=1, related=("z",), attachments=(attachment("3"),))])
    got = _detail(archive, "a")
    assert got is not None
    assert got.related == ("z",)
    assert [a.name for a in got.attachments] == ["3"]

    apply(archive, [notice("a", revision_days=2)])
    got = _detail(archive, "a")
    assert got is not None
    assert (got.related, got.attachments) == ((), ())


def test_an_ignored_older_copy_leaves_links_and_attachments(archive: Archive) -> None:
    apply(archive, [notice("a", revision_days=2, related=("x",), attachments=(attachment(),))])
    apply(archive, [notice("a", revision_days=1, related=("y",))])
    got = _detail(archive, "a")
    assert got is not None
    assert got.related == ("x",)
    assert len(got.attachments) == 1


def test_reading_state_survives_an_update(archive: Archive) -> None:
    apply(archive, [notice("a")])
    opened = at(1)
    with archive.writing() as session:
        record_view(session, "a", opened)
        record_view(session, "a", at(2))
        set_bookmark(session, "a", True)
    apply(archive, [notice("a", title="Sửa đổi", revision_days=3)])
    got = _detail(archive, "a")
    assert got is not None
    assert got.title == "Sửa đổi"
    assert (got.views, got.bookmarked) == (2, True)
    assert (got.first_opened, got.last_opened) == (opened, at(2))


def test_a_notice_moves_category_on_update(archive: Archive) -> None:
    apply(archive, [notice("a", category="Văn bản/Quyết định")])
    apply(archive, [notice("a", category="Tin tức", revision_days=1)])
    with archive.reading() as session:
        counts = {c.path: c.count for c in categories(session)}
    assert counts == {"Văn bản": 0, "Văn bản/Quyết định": 0, "Tin tức": 1}


# -- withdrawals ------------------------------------------------------------------------------


def test_withdrawal_marks_withdrawn_and_counts(archive: Archive) -> None:
    apply(archive, [notice("a"), notice("b", days=1)])
    with archive.writing() as session:
        record_view(session, "b", at(1))
    counts = apply(archive, withdrawals=[withdrawal("a", 1)])
    assert (counts.withdrawn, counts.unchanged) == (1, 0)
    assert counts.removed_ids == ["a"]

    got = _detail(archive, "a")
    assert got is not None
    assert got.withdrawn is True
    assert got.title == "Thông báo a"
    with archive.reading() as session:
        assert [s.id for s in list_notices(session)] == ["b"]
        assert count_notices(session) == 1
        assert count_notices(session, show="unread") == 0
        assert {c.path: (c.count, c.unread) for c in categories(session)} == {
            "Văn bản": (1, 0),
            "Văn bản/Quyết định": (1, 0),
        }


def test_withdrawing_twice_counts_once(archive: Archive) -> None:
    apply(archive, [notice("a")])
    assert apply(archive, withdrawals=[withdrawal("a", 1)]).withdrawn == 1
    counts = apply(archive, withdrawals=[withdrawal("a", 2)])
    assert (counts.withdrawn, counts.unchanged) == (0, 1)


@pytest.mark.parametrize("revision_days", [0, 1, 2])
def test_older_or_equal_copy_never_brings_a_withdrawn_notice_back(
    archive: Archive, revision_days: int
) -> None:
    apply(archive, [notice("a")])
    apply(archive, withdrawals=[withdrawal("a", 2)])
    counts = apply(archive, [notice("a", title="Bản cũ", revision_days=revision_days)])
    assert (counts.added, counts.updated, counts.unchanged) == (0, 0, 1)
    got = _detail(archive, "a")
    assert got is not None
    assert got.withdrawn is True
    assert _visible(archive) == []


def test_strictly_newer_copy_brings_a_withdrawn_notice_back(archive: Archive) -> None:
    apply(archive, [notice("a")])
    apply(archive, withdrawals=[withdrawal("a", 2)])
    counts = apply(archive, [notice("a", title="Ban hành lại", revision_days=2.5)])
    assert counts.added + counts.updated == 1
    assert counts.changed_ids == ["a"]
    got = _detail(archive, "a")
    assert got is not None
    assert (got.withdrawn, got.title) == (False, "Ban hành lại")
    assert _visible(archive) == ["a"]


def test_withdrawal_older_than_a_republication_is_ignored(archive: Archive) -> None:
    apply(archive, [notice("a", revision_days=5)])
    counts = apply(archive, withdrawals=[withdrawal("a", 3)])
    assert (counts.withdrawn, counts.unchanged) == (0, 1)
    assert _visible(archive) == ["a"]


def test_withdrawal_at_the_same_time_as_the_notice_wins(archive: Archive) -> None:
    apply(archive, [notice("a", revision_days=3)])
    assert apply(archive, withdrawals=[withdrawal("a", 3)]).withdrawn == 1
    assert _visible(archive) == []


def test_withdrawal_of_an_unknown_id_leaves_a_tombstone(archive: Archive) -> None:
    counts = apply(archive, withdrawals=[withdrawal("chua-co", 4)])
    # A withdrawal, though the office never had the notice: not "unchanged".
    assert (counts.added, counts.withdrawn, counts.unchanged) == (0, 1, 0)
    with archive.reading() as session:
        # Remembered for its publisher only, not as a notice.
        assert session.get(Notice, "chua-co") is None
        assert early_withdrawals(session, "chua-co") == {PUBLISHER: at(4)}
        assert get_notice(session, "chua-co") is None
        assert count_notices(session) == 0

    counts = apply(archive, [notice("chua-co", revision_days=4)])
    assert (counts.added, counts.unchanged) == (0, 1)
    assert _detail(archive, "chua-co") is None

    counts = apply(archive, [notice("chua-co", title="Mới", revision_days=5)])
    assert counts.added == 1
    got = _detail(archive, "chua-co")
    assert got is not None
    assert (got.withdrawn, got.title) == (False, "Mới")


def test_notice_and_its_withdrawal_in_one_bundle(archive: Archive) -> None:
    counts = apply(archive, [notice("a", revision_days=1)], [withdrawal("a", 2)])
    assert counts.added == 1
    assert counts.withdrawn == 1
    got = _detail(archive, "a")
    assert got is not None
    assert got.withdrawn is True
    assert _visible(archive) == []


def test_update_and_older_withdrawal_in_one_bundle(archive: Archive) -> None:
    apply(archive, [notice("a")])
    counts = apply(archive, [notice("a", revision_days=5)], [withdrawal("a", 3)])
    assert counts.updated == 1
    assert counts.withdrawn == 0
    assert _visible(archive) == ["a"]


def test_the_same_withdrawal_twice_in_one_bundle(archive: Archive) -> None:
    counts = apply(archive, withdrawals=[withdrawal("x", 1), withdrawal("x", 2)])
    assert (counts.withdrawn, counts.unchanged) == (1, 1)
    with archive.reading() as session:
        assert early_withdrawals(session, "x") == {PUBLISHER: at(2)}


def test_a_withdrawn_copy_at_the_same_revision_withdraws_the_notice(archive: Archive) -> None:
    apply(archive, [notice("a", revision_days=3)])
    counts = apply(archive, [notice("a", revision_days=3, withdrawn=True)])
    assert (counts.withdrawn, counts.unchanged, counts.removed_ids) == (1, 0, ["a"])
    got = _detail(archive, "a")
    assert got is not None and got.withdrawn
    # An older withdrawn copy does not: the notice was published again since.
    apply(archive, [notice("b", revision_days=3)])
    counts = apply(archive, [notice("b", revision_days=2, withdrawn=True)])
    assert (counts.withdrawn, counts.unchanged) == (0, 1)


def test_a_notice_record_may_arrive_withdrawn(archive: Archive) -> None:
    counts = apply(archive, [notice("a", withdrawn=True)])
    assert (counts.added, counts.withdrawn) == (0, 1)
    assert counts.removed_ids == ["a"]
    got = _detail(archive, "a")
    assert got is not None
    assert got.withdrawn is True
    assert _visible(archive) == []

    apply(archive, [notice("b")])
    counts = apply(archive, [notice("b", withdrawn=True, revision_days=1)])
    assert (counts.updated, counts.withdrawn) == (0, 1)
    assert _visible(archive) == []


# -- the property: only newer revisions win, in any order ----------------------------------

_ids = itertools.count()

# One id's history: distinct revision times, each a version or a withdrawal.
_history = st.lists(
    st.tuples(st.integers(min_value=0, max_value=10_000), st.booleans()),
    min_size=1,
    max_size=6,
    unique_by=lambda event: event[0],
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(histories=st.lists(_history, min_size=1, max_size=3), data=st.data())
def test_any_order_of_versions_ends_at_the_newest(
    archive: Archive, histories: list[list[tuple[int, bool]]], data: st.DataObject
) -> None:
    run = next(_ids)
    events: list[NoticeRecord | WithdrawalRecord] = []
    expected: dict[str, tuple[int, bool]] = {}
    for k, history in enumerate(histories):
        nid = f"r{run}-{k}"
        for minutes, is_withdrawal in history:
            when = BASE_TIME + timedelta(minutes=minutes)
            if is_withdrawal:
                events.append(WithdrawalRecord(id=nid, revision=when))
            else:
                events.append(notice(nid, title=f"v{minutes}", published=BASE_TIME, updated=when))
        expected[nid] = max(history)
    order = data.draw(st.permutations(events))
    sizes = data.draw(st.lists(st.integers(1, 3), min_size=len(order), max_size=len(order)))
    start = 0
    for size in sizes:  # split into bundles of one to three records
        chunk = order[start : start + size]
        start += size
        if chunk:
            apply(
                archive,
                [e for e in chunk if isinstance(e, NoticeRecord)],
                [e for e in chunk if isinstance(e, WithdrawalRecord)],
            )
    with archive.reading() as session:
        visible = set(notice_ids(session))
        for nid, (minutes, withdrawn) in expected.items():
            got = get_notice(session, nid)
            if withdrawn:
                assert nid not in visible
                assert got is None or got.withdrawn
            else:
                assert nid in visible
                assert got is not None
                assert (got.title, got.withdrawn) == (f"v{minutes}", False)


# -- categories ----------------------------------------------------------------------------


def _tree(archive: Archive) -> list[tuple[str, int]]:
    with archive.reading() as session:
        return [(c.path, c.position) for c in categories(session)]


def test_ensure_categories_creates_parents_in_order(archive: Archive) -> None:
    with archive.writing() as session:
        ids = ensure_categories(
            session, ["Văn bản/Quyết định", "Tin tức/Hoạt động", "Văn bản/Kế hoạch"]
        )
    assert set(ids) == {
        "Văn bản",
        "Văn bản/Quyết định",
        "Tin tức",
        "Tin tức/Hoạt động",
        "Văn bản/Kế hoạch",
    }
    assert [p for p, _ in _tree(archive)] == [
        "Văn bản",
        "Văn bản/Quyết định",
        "Văn bản/Kế hoạch",
        "Tin tức",
        "Tin tức/Hoạt động",
    ]
    with archive.reading() as session:
        rows = {c.path: (c.name, c.parent_id) for c in session.scalars(select(Category))}
    assert rows["Văn bản/Kế hoạch"] == ("Kế hoạch", ids["Văn bản"])
    assert rows["Văn bản"] == ("Văn bản", None)


def test_ensure_categories_is_idempotent(archive: Archive) -> None:
    paths = ["Văn bản/Quyết định", "Văn bản/Kế hoạch", "Tin tức"]
    with archive.writing() as session:
        first = ensure_categories(session, paths)
    with archive.writing() as session:
        second = ensure_categories(session, paths)
    assert first == second
    assert _tree(archive) == [
        ("Văn bản", 0),
        ("Văn bản/Quyết định", 0),
        ("Văn bản/Kế hoạch", 1),
        ("Tin tức", 1),
    ]


def test_a_partial_list_keeps_sibling_order(archive: Archive) -> None:
    with archive.writing() as session:
        ensure_categories(session, ["A", "B", "C"])
    with archive.writing() as session:
        ensure_categories(session, ["C"])
    assert [p for p, _ in _tree(archive)] == ["A", "B", "C"]
    with archive.writing() as session:
        ensure_categories(session, ["D", "B"])
    assert _tree(archive) == [("A", 0), ("B", 1), ("C", 2), ("D", 3)]


def test_listed_siblings_take_the_order_given(archive: Archive) -> None:
    with archive.writing() as session:
        ensure_categories(session, ["A", "B", "C"])
    with archive.writing() as session:
        ensure_categories(session, ["C", "B", "A"])
    assert _tree(archive) == [("C", 0), ("B", 1), ("A", 2)]
    with archive.writing() as session:
        ensure_categories(session, ["A", "C"])  # swaps the two, B keeps its place
    assert _tree(archive) == [("A", 0), ("B", 1), ("C", 2)]


def test_category_paths_are_trimmed_and_nfc(archive: Archive) -> None:
    assert category_path(" Văn bản / Quyết định/ ") == "Văn bản/Quyết định"
    assert category_path(_nfd("Văn bản//Thông báo")) == "Văn bản/Thông báo"
    apply(archive, [notice("a", category=" Văn bản / Quyết định ")])
    got = _detail(archive, "a")
    assert got is not None
    assert got.category == "Văn bản/Quyết định"
