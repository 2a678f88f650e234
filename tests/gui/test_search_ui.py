"""Searching from the window: the box, debounced and off the GUI thread, results with
snippets in the list, stale answers dropped, Esc back to the category, highlighted matches."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db import search
from db.archive import Archive, open_archive
from desktop import cli
from desktop.ops import searching
from desktop.ui.app import screenshot
from desktop.ui.categorytree import ALL
from desktop.ui.mainwindow import MainWindow
from desktop.ui.noticelist import SNIPPET_ROLE, TITLE, NoticeListModel
from desktop.ui.searching import SEARCH_DELAY_MS
from desktop.ui.searchpane import SearchResultsModel
from desktop.ui.settings import settings_for
from tests.helpers.runner import SyncRunner
from tests.helpers.sample import (
    QUYET_DINH,
    WindowFactory,
    ids,
    index_archive,
    populate,
    type_and_search,
)

NEWS: tuple[str | None, str] = ("Tin tức", "all")
# Tier 1 (every word in the title), newest first, then tier 0 (the body of tb-02).
HIGHLIGHT = QColor("#fff176")


def results(window: MainWindow) -> SearchResultsModel:
    model = window.list_model()
    assert isinstance(model, SearchResultsModel)
    return model


def highlighted(doc: QTextDocument) -> list[str]:
    """The runs of text the article paints with the search highlight."""
    found: list[str] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().background().color() == HIGHLIGHT:
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found


def test_typing_searches_after_a_pause_and_fills_the_list_with_snippets(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    assert window.search.timer.isSingleShot() and window.search.timer.interval() == SEARCH_DELAY_MS
    qtbot.keyClicks(window.search_bar.box, "quyet dinh")
    # Nothing is searched while the user is still typing.
    assert window.search.timer.isActive()
    assert not window.search.searching()
    assert isinstance(window.list_model(), NoticeListModel)
    assert window.search_bar.options.isVisible()
    with qtbot.waitSignal(window.search_ready, timeout=10000) as ready:
        window.search.timer.timeout.emit()
    assert ready.args == [3]
    assert window.search.searching()
    assert ids(window) == QUYET_DINH
    model = results(window)
    assert model.index(0, TITLE).data() == "Quyết định phê duyệt kế hoạch chuyển đổi số năm 2023"
    assert model.index(0, 1).data() == "118/QĐ-UBND"
    assert model.index(0, 2).data() == "05/06/2023"
    # The snippet keeps the notice's diacritics; the matched words are bold.
    snippet = model.index(2, TITLE).data(SNIPPET_ROLE)
    assert "<b>quyết</b> <b>định</b>" in snippet
    assert "Lịch tiếp công dân" in snippet
    assert "Lịch tiếp công dân" in model.index(2, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, 1).data(SNIPPET_ROLE) is None
    assert window.search_bar.count_label.text() == "Tìm thấy 3 văn bản"
    # Result rows are tall enough for the title and two lines of snippet.
    assert window.list_view.rowHeight(0) > 2 * window.list_view.fontMetrics().height()
    # Results keep their ranking: the header does not sort them.
    assert not window.list_view.isSortingEnabled()
    window.list_view.grab()  # the snippet delegate paints without error


def test_the_window_searches_an_archive_on_a_server(
    qtbot: QtBot, data_dir: Path, pg_url: str
) -> None:
    populate(data_dir, url=pg_url)
    index_archive(data_dir, url=pg_url)

    def on_server(folder: Path, create: bool = True, url: str | None = None) -> Archive:
        return open_archive(folder, create=create, url=url or pg_url)

    runner = SyncRunner(opener=on_server)
    window = MainWindow(data_dir, runner=runner, settings=settings_for(data_dir), lang="vi")
    runner.setParent(window)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert runner.archive is not None and runner.archive.on_server
    type_and_search(qtbot, window, "quyet dinh")
    # The same tiers and order as the file's (the test above).
    assert ids(window) == QUYET_DINH
    snippet = results(window).index(2, TITLE).data(SNIPPET_ROLE)
    assert "<b>quyết</b> <b>định</b>" in snippet
    assert window.search_bar.count_label.text() == "Tìm thấy 3 văn bản"


def test_search_runs_on_the_database_thread(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = searching.search_page

    def spy(*args: Any, **kwargs: Any) -> searching.SearchPage:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(searching, "search_page", spy)
    window = make_window(indexed, threaded=True)
    type_and_search(qtbot, window, "cong dan")
    assert threads == ["bangtin-db"]
    assert threading.current_thread().name != "bangtin-db"
    assert ids(window) == ["tb-02-2023"]
    assert window.search_bar.count_label.text() == "Tìm thấy 1 văn bản"


def test_an_answer_to_an_older_query_is_dropped(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    runner = window.runner
    assert isinstance(runner, SyncRunner)
    runner.holding = True
    window.search_for("quyet dinh")
    window.search_for("cong dan")
    runner.holding = False
    older, newer = runner.held
    runner.release(newer)
    assert ids(window) == ["tb-02-2023"]
    with qtbot.assertNotEmitted(window.search_ready):
        runner.release(older)  # the older query answers last: ignored
    assert ids(window) == ["tb-02-2023"]
    assert window.search_bar.count_label.text() == "Tìm thấy 1 văn bản"
    # Leaving the search drops an answer still on its way, too.
    runner.holding = True
    window.search_for("quy che")
    runner.holding = False
    (late,) = runner.held
    window.search.leave()
    assert isinstance(window.list_model(), NoticeListModel)
    with qtbot.assertNotEmitted(window.search_ready):
        runner.release(late)
    assert isinstance(window.list_model(), NoticeListModel)
    assert len(ids(window)) == 3


def test_ctrl_k_focuses_the_search_box_and_ctrl_f_finds_in_the_article(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    box = window.search_bar.box
    box.setText("cũ")
    window.list_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.list_view)
    qtbot.keyClick(window.list_view, "k", Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is box
    assert box.selectedText() == "cũ"  # typing replaces the last search
    window.list_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.list_view)
    qtbot.keyClick(window.list_view, "f", Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.article.find_bar.box


def test_esc_returns_to_the_chosen_category(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    window.tree.select_key(NEWS)
    assert ids(window) == ["tb-02-2023"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search_bar.box.setFocus()
    type_and_search(qtbot, window, "quyet dinh")
    assert ids(window) == QUYET_DINH  # the whole archive, not only "Tin tức"
    with qtbot.waitSignal(window.list_ready):
        qtbot.keyClick(window.search_bar.box, Qt.Key.Key_Escape)
    assert not window.search.searching()
    assert window.search_bar.box.text() == ""
    assert not window.search_bar.options.isVisible()
    assert window.tree.current_key() == NEWS
    model = window.list_model()
    assert isinstance(model, NoticeListModel) and model.query.category == "Tin tức"
    assert ids(window) == ["tb-02-2023"]
    assert window.list_view.isSortingEnabled()
    assert not window.action("leaveSearchAction").isEnabled()
    # Esc from the list works as well.
    type_and_search(qtbot, window, "quy che")
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Escape)
    assert not window.search.searching() and ids(window) == ["tb-02-2023"]


def test_searching_in_the_chosen_category_only_and_back(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    type_and_search(qtbot, window, "quyet dinh")
    assert ids(window) == QUYET_DINH
    window.search_bar.in_category.setChecked(True)  # "Tất cả": still everything
    assert ids(window) == QUYET_DINH
    with qtbot.waitSignal(window.search_ready):
        window.tree.select_key(NEWS)
    assert ids(window) == ["tb-02-2023"]
    with qtbot.waitSignal(window.search_ready):
        window.tree.select_key(("Văn bản", "all"))
    assert ids(window) == ["qd-118-2023", "qd-642-2023"]
    window.search.leave()
    assert window.tree.current_key() == ALL
    assert ids(window) == ["qd-118-2023", "tb-02-2023", "qd-642-2023"]
    # Without the filter, choosing a category ends the search and shows it.
    window.search_bar.in_category.setChecked(False)
    type_and_search(qtbot, window, "quyet dinh")
    window.tree.select_key(NEWS)
    assert not window.search.searching() and window.search_bar.box.text() == ""
    assert ids(window) == ["tb-02-2023"]


def test_an_opened_result_shows_its_matches_highlighted(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    window.open_notice("tb-02-2023")
    assert highlighted(window.browser.document()) == []
    type_and_search(qtbot, window, "quyet dinh")
    model = results(window)
    # The open notice is among the results: its row is the current one.
    assert window.list_view.currentIndex().row() == model.row_of("tb-02-2023")
    with qtbot.waitSignal(window.article_ready, timeout=10000):
        window.list_view.setCurrentIndex(model.index(0, 0))
    assert window.current is not None and window.current.id == "qd-118-2023"
    marks = highlighted(window.browser.document())
    article_text = window.browser.toPlainText()
    assert "Quyết định phê duyệt" in article_text
    # Around the original diacritics, in the title and in the body.
    assert marks.count("Quyết") == 1 and marks.count("quyết") == 1
    assert marks.count("định") == 2
    assert set(marks) == {"Quyết", "quyết", "định"}
    # Esc: the article is shown again without the marks.
    window.search.leave()
    assert window.current.id == "qd-118-2023"
    assert highlighted(window.browser.document()) == []


def test_a_notice_outside_the_results_is_not_highlighted(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    type_and_search(qtbot, window, "cong dan")
    window.open_notice("qd-642-2023")
    assert highlighted(window.browser.document()) == []
    window.open_notice("tb-02-2023")
    assert set(highlighted(window.browser.document())) == {"công", "dân"}


def test_down_in_the_box_opens_the_first_result(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search_bar.box.setFocus()
    type_and_search(qtbot, window, "quy")
    qtbot.keyClick(window.search_bar.box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.list_view
    assert window.current is not None and window.current.id == ids(window)[0]


def test_no_results_and_an_empty_box(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    type_and_search(qtbot, window, "khongcotrongkho")
    assert ids(window) == []
    assert window.search_bar.count_label.text() == "Không tìm thấy văn bản nào"
    window.search_bar.box.clear()
    window.search.timer.timeout.emit()
    assert not window.search.searching()
    assert isinstance(window.list_model(), NoticeListModel) and len(ids(window)) == 3


def test_bookmarks_and_reading_marks_show_in_results(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    type_and_search(qtbot, window, "quyet dinh")
    model = results(window)
    assert model.index(0, TITLE).data(Qt.ItemDataRole.FontRole).bold()
    window.list_view.setCurrentIndex(model.index(0, 0))
    window.list_view.clicked.emit(model.index(0, 0))
    assert model.index(0, TITLE).data(Qt.ItemDataRole.FontRole) is None
    window.action("bookmarkAction").trigger()
    assert model.summary(0).bookmarked
    assert model.index(0, TITLE).data(Qt.ItemDataRole.DecorationRole) is not None
    # A refresh (after an import, F5) searches again instead of showing the category.
    with qtbot.waitSignal(window.search_ready):
        window.refresh()
    assert ids(window) == QUYET_DINH and results(window).summary(0).bookmarked


def test_search_box_speaks_english(qtbot: QtBot, make_window: WindowFactory, indexed: Path) -> None:
    window = make_window(indexed)
    type_and_search(qtbot, window, "quyet dinh")
    window.set_language("en")
    assert window.search_bar.box.placeholderText() == "Search notices… (Ctrl+K)"
    assert window.search_bar.in_category.text() == "Only in the selected category"
    assert window.search_bar.count_label.text() == "3 notices found"
    assert window.action("searchAction").text() == "Search the archive…"
    assert results(window).headerData(TITLE, Qt.Orientation.Horizontal) == "Title"


def test_results_model_passes_model_tester(qtmodeltester: ModelTester, data_dir: Path) -> None:
    populate(data_dir, extra=45)
    index_archive(data_dir, extra=45)
    runner = SyncRunner().opened(data_dir)
    assert runner.archive is not None
    query = searching.SearchQuery("tin")
    first = searching.search_page(runner.archive, query, 0, limit=10)
    assert first.found is not None and first.found > 40 and not first.complete
    model = SearchResultsModel(first, runner, page_size=10)
    assert model.rowCount() == 10
    qtmodeltester.check(model)
    # The tester fetched more through canFetchMore/fetchMore, without repeating a row.
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    every = model.notice_ids()
    assert len(every) == len(set(every)) == model.found()
    assert every == [h.id for h in _all_hits(runner, "tin")]
    runner.shutdown()


def _all_hits(runner: SyncRunner, text: str) -> list[search.SearchHit]:
    assert runner.archive is not None
    with runner.archive.reading() as session:
        return search.search(session, text, limit=searching.SEARCH_MAX)


def test_screenshot_can_show_a_search(qapp: object, indexed: Path, tmp_path: Path) -> None:
    out = tmp_path / "search.png"
    code = screenshot(indexed, out, notice_id="qd-118-2023", search="quyet dinh", size=(1000, 700))
    assert code == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    # The same from the command line: `bangtin screenshot --search WORDS`.
    again = tmp_path / "cli.png"
    argv = ["--data-dir", str(indexed), "screenshot", "--out", str(again), "--search", "cong dan"]
    assert cli.main(argv) == 0
    assert again.read_bytes().startswith(b"\x89PNG")
    # A notice that is not among the results is still shown (without marks).
    assert screenshot(indexed, out, notice_id="qd-642-2023", search="cong dan") == 0


def test_the_search_count_and_options_fit_a_small_screen(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    window.resize(1024, 600)
    window.main_splitter.setSizes([180, 400, 444])
    window.grab()  # lays the window out at this size before the search shows its options
    panes = window.main_splitter.sizes()
    type_and_search(qtbot, window, "khong co chu nay dau")
    bar = window.search_bar
    QApplication.processEvents()
    window.grab()
    assert bar.count_label.text() == "Không tìm thấy văn bản nào"
    # The options fit the list's pane: it does not push the tree and the article aside.
    assert window.main_splitter.sizes() == panes
    for widget in (bar.count_label, bar.in_category, bar.sort_box):
        assert widget.isVisible() and widget.width() >= widget.sizeHint().width(), widget
