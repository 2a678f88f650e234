"""Every custom item model passes pytest-qt's model tester, and loads lazily."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db import queries
from db.archive import Archive, open_archive
from desktop.ops import reading
from desktop.ops.changes import Changes
from desktop.tasks import TaskRunner
from desktop.ui.categorytree import ALL, BOOKMARKED, UNREAD, CategoryModel, TreeCounts
from desktop.ui.noticelist import DATE, NUMBER, TITLE, NoticeListModel
from desktop.ui.panels import NoticeLinkModel
from tests.helpers.runner import SyncRunner
from tests.helpers.sample import populate


def _open(data_dir: Path) -> tuple[SyncRunner, Archive]:
    runner = SyncRunner().opened(data_dir)
    assert runner.archive is not None
    return runner, runner.archive


def test_notice_list_model_passes_model_tester(qtmodeltester: ModelTester, data_dir: Path) -> None:
    populate(data_dir, extra=45)
    worker, archive = _open(data_dir)
    page = reading.list_page(archive, reading.ListQuery(), 0, limit=20)
    model = NoticeListModel(page, worker, page_size=20)
    assert model.rowCount() == 20 and model.total == 48
    qtmodeltester.check(model)
    # The tester fetched more through canFetchMore/fetchMore; rows stay in order.
    assert model.rowCount() > 20
    dates = [model.summary(i).published for i in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    worker.shutdown()


def test_notice_list_fetches_every_page_then_stops(data_dir: Path) -> None:
    populate(data_dir, extra=45)
    worker, archive = _open(data_dir)
    model = NoticeListModel(
        reading.list_page(archive, reading.ListQuery(), 0, limit=10), worker, page_size=10
    )
    pages = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        pages += 1
        assert pages < 10
    assert model.rowCount() == 48 == pages * 10 + 10 - 2
    ids = [model.notice_id(i) for i in range(model.rowCount())]
    assert len(set(ids)) == 48
    assert "ct-thu-hoi" not in ids  # withdrawn notices are not listed
    worker.shutdown()


def test_notice_list_shows_columns_and_bold_unread(data_dir: Path) -> None:
    populate(data_dir)
    worker, archive = _open(data_dir)
    model = NoticeListModel(reading.list_page(archive, reading.ListQuery(), 0), worker)
    first = model.index(0, TITLE)
    assert first.data() == "Quyết định phê duyệt kế hoạch chuyển đổi số năm 2023"
    assert model.index(0, NUMBER).data() == "118/QĐ-UBND"
    assert model.index(0, DATE).data() == "05/06/2023"
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    model.apply_changes(Changes(read=frozenset({"qd-118-2023"})))
    assert model.index(0, TITLE).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, TITLE).data(Qt.ItemDataRole.FontRole).bold()
    model.apply_changes(Changes(all_read=True, read_category="Văn bản"))
    assert [model.summary(i).read for i in range(3)] == [True, False, True]
    model.apply_changes(Changes(bookmarked=frozenset({"tb-02-2023"})))
    assert model.index(1, TITLE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.headerData(TITLE, Qt.Orientation.Horizontal) == "Tiêu đề"
    assert model.headerData(NUMBER, Qt.Orientation.Horizontal) == "Số ký hiệu"
    worker.shutdown()


def test_sort_asks_for_a_new_query(qtbot: QtBot, data_dir: Path) -> None:
    populate(data_dir)
    worker, archive = _open(data_dir)
    model = NoticeListModel(reading.list_page(archive, reading.ListQuery(), 0), worker)
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(DATE, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert blocker.args == [TITLE, Qt.SortOrder.AscendingOrder]
    worker.shutdown()


def test_list_pages_load_through_the_real_thread(qtbot: QtBot, data_dir: Path) -> None:
    populate(data_dir, extra=30)
    worker = TaskRunner()
    try:
        with qtbot.waitSignal(worker.finished, timeout=10000):
            worker.open(worker, data_dir)
        archive = open_archive(data_dir)
        first = reading.list_page(archive, reading.ListQuery(), 0, limit=10)
        archive.close()
        model = NoticeListModel(first, worker, page_size=10)
        with qtbot.waitSignal(model.page_loaded, timeout=10000):
            model.fetchMore(QModelIndex())
            model.fetchMore(QModelIndex())  # a second request while one runs is ignored
        assert model.rowCount() == 20
    finally:
        worker.shutdown()


def _counts(data_dir: Path) -> TreeCounts:
    archive = open_archive(data_dir)
    with archive.reading() as session:
        counts = TreeCounts(
            tuple(queries.categories(session)),
            queries.count_notices(session),
            queries.count_notices(session, show="unread"),
            queries.count_notices(session, show="bookmarked"),
        )
    archive.close()
    return counts


def test_category_model_passes_model_tester(qtmodeltester: ModelTester, data_dir: Path) -> None:
    populate(data_dir, extra=3)
    model = CategoryModel()
    model.set_counts(_counts(data_dir))
    qtmodeltester.check(model)
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    # Every entry the same way: unread/total.
    assert top == ["Tất cả (6/6)", "Chưa đọc (6/6)", "Đã lưu", "Tin tức (4/4)", "Văn bản (2/2)"]
    news = model.index_of(("Tin tức", "all"))
    assert model.rowCount(news) == 1
    child = model.index(0, 0, news)
    assert child.data() == "Trong tỉnh (3/3)"
    assert model.parent(child) == news
    assert model.index_of(ALL).isValid() and model.index_of(UNREAD).isValid()
    assert model.index_of(BOOKMARKED).row() == 2


def test_category_counts_update_in_place(qtbot: QtBot, data_dir: Path) -> None:
    populate(data_dir)
    model = CategoryModel()
    counts = _counts(data_dir)
    model.set_counts(counts)
    fewer = TreeCounts(counts.categories, counts.total, counts.unread - 1, counts.bookmarked)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_counts(fewer)
    assert model.index(0, 0).data() == "Tất cả (2/3)"


def test_link_model_passes_model_tester(qtmodeltester: ModelTester, data_dir: Path) -> None:
    populate(data_dir)
    archive = open_archive(data_dir)
    with archive.reading() as session:
        rows = queries.latest_notices(session)
    archive.close()
    model = NoticeLinkModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == (
        "Quyết định phê duyệt kế hoạch chuyển đổi số năm 2023 (05/06/2023 7:20 SA)"
    )
    assert model.index(2, 0).data().endswith("(27/03/2023 3:20 CH)")
