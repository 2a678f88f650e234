"""Printing from the window: the actions in the toolbar and menus, Ctrl+P, the list's
multi-selection and context menu, and printing every result of a search.

The preview dialog and the menus are replaced (printactions.run_preview and
show_menu); which notices are printed is read from `collect`, which the print
actions run on the database worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop.ops import printing as print_operation
from desktop.ui import printactions
from desktop.ui.mainwindow import MainWindow
from tests.helpers.sample import QUYET_DINH, WindowFactory, ids, type_and_search

QD118_TITLE = "Quyết định phê duyệt kế hoạch chuyển đổi số năm 2023"


class PrintSpy:
    """Records what was printed: the ids read for it, and each preview opened."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.collected: list[tuple[list[str], bool]] = []
        self.previews: list[str] = []
        real = print_operation.collect

        def collect(archive: Any, notice_ids: list[str], *args: Any, **kwargs: Any) -> Any:
            self.collected.append((list(notice_ids), bool(kwargs.get("index"))))
            return real(archive, notice_ids, *args, **kwargs)

        def preview(_parent: object, printer: QPrinter, _paint: object) -> None:
            self.previews.append(printer.docName())

        monkeypatch.setattr(print_operation, "collect", collect)
        monkeypatch.setattr(printactions, "run_preview", preview)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> PrintSpy:
    return PrintSpy(monkeypatch)


def menu_actions(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if not a.isSeparator()]


def click_row(qtbot: QtBot, window: MainWindow, notice_id: str, modifier: Any = None) -> None:
    model = window.list_model()
    assert model is not None
    row = model.row_of(notice_id)
    assert row is not None
    rect = window.list_view.visualRect(model.index(row, 1))
    qtbot.mouseClick(
        window.list_view.viewport(),
        Qt.MouseButton.LeftButton,
        modifier or Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )


def test_print_actions_are_in_the_toolbar_menus_and_context_menus(
    make_window: WindowFactory, indexed: Path
) -> None:
    window = make_window(indexed)
    actions = window.print_actions
    assert actions.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    toolbar = window.toolbar.actions()
    assert actions.print_action in toolbar and actions.pdf_action in toolbar
    notice_menu = window.notice_menu.actions()
    assert actions.print_action in notice_menu and actions.pdf_action in notice_menu
    assert window.action("searchAction") in notice_menu
    many = actions.many_menu
    assert many is not None and many.title() == "In nhiều văn bản"
    for action in actions.selection_actions():
        assert action in many.actions()
    results = [
        window.action("printResultsAction"),
        window.action("exportResultsPdfAction"),
        window.action("printResultsIndexAction"),
    ]
    for action in results:
        assert action in many.actions()
        assert not action.isEnabled()  # no search yet
    # Nothing open yet: nothing to print.
    assert not actions.print_action.isEnabled()
    window.open_notice("qd-118-2023")
    assert actions.print_action.isEnabled() and actions.pdf_action.isEnabled()
    article_menu = actions.article_menu(window.browser, QPoint(2, 2))
    try:
        assert actions.print_action in article_menu.actions()
    finally:
        article_menu.deleteLater()
    # The list's context menu: the selection, and every result while searching.
    menu = window.print_actions.list_menu()
    try:
        reading = [window.action("markUnreadAction"), window.action("bookmarkAction")]
        assert menu_actions(menu) == reading + actions.selection_actions()
    finally:
        menu.deleteLater()
    window.search_for("quyet dinh")
    menu = window.print_actions.list_menu()
    try:
        assert menu_actions(menu) == reading + actions.selection_actions() + results
        assert all(a.isEnabled() for a in results)
        assert window.action("printResultsAction").text() == "In tất cả kết quả tìm kiếm…"
    finally:
        menu.deleteLater()
    window.search.leave()
    assert not any(a.isEnabled() for a in results)


def test_right_click_on_the_list_shows_its_menu(
    make_window: WindowFactory, indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(indexed)
    shown: list[list[QAction]] = []
    monkeypatch.setattr(printactions, "show_menu", lambda menu, _pos: shown.append(menu.actions()))
    window.list_view.customContextMenuRequested.emit(QPoint(5, 5))
    assert shown and window.print_actions.print_selection_action in shown[0]


def test_ctrl_p_previews_the_open_notice(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path, spy: PrintSpy
) -> None:
    window = make_window(indexed)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    click_row(qtbot, window, "qd-118-2023")
    assert window.current is not None and window.current.id == "qd-118-2023"
    with qtbot.waitSignal(window.print_actions.preview_finished, timeout=20000):
        qtbot.keyClick(window.list_view, "p", Qt.KeyboardModifier.ControlModifier)
    assert spy.collected == [(["qd-118-2023"], False)]
    assert spy.previews == [QD118_TITLE]


def test_ctrl_click_selects_several_and_prints_them(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path, spy: PrintSpy
) -> None:
    window = make_window(indexed)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert ids(window) == ["qd-118-2023", "tb-02-2023", "qd-642-2023"]
    click_row(qtbot, window, "qd-118-2023")
    click_row(qtbot, window, "qd-642-2023", Qt.KeyboardModifier.ControlModifier)
    # The article shows the row the user moved to; both rows stay selected.
    assert window.current is not None and window.current.id == "qd-642-2023"
    assert window.list_view.selected_ids() == ["qd-118-2023", "qd-642-2023"]
    assert window.print_actions.selection() == ["qd-118-2023", "qd-642-2023"]
    with qtbot.waitSignal(window.print_actions.preview_finished, timeout=20000):
        window.print_actions.print_selection_action.trigger()
    assert spy.collected == [(["qd-118-2023", "qd-642-2023"], False)]
    assert spy.previews == ["Bảng Tin"]  # several notices: one document
    with qtbot.waitSignal(window.print_actions.preview_finished, timeout=20000):
        window.print_actions.print_index_action.trigger()
    assert spy.collected[-1] == (["qd-118-2023", "qd-642-2023"], True)
    # Shift+Up from the current row extends the selection over the row between.
    qtbot.keyClick(window.list_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert window.current.id == "tb-02-2023"
    assert set(window.list_view.selected_ids()) >= {"tb-02-2023", "qd-642-2023"}
    # A plain click (or a notice opened elsewhere) chooses that row alone again.
    click_row(qtbot, window, "qd-118-2023")
    assert window.list_view.selected_ids() == ["qd-118-2023"]
    window.open_notice("tb-02-2023")
    assert window.list_view.selected_ids() == ["tb-02-2023"]


def test_an_empty_selection_prints_the_open_notice(
    qtbot: QtBot, make_window: WindowFactory, indexed: Path, spy: PrintSpy
) -> None:
    window = make_window(indexed)
    window.open_notice("tb-02-2023")
    window.list_view.selectionModel().select(
        window.list_view.currentIndex(),
        QItemSelectionModel.SelectionFlag.Deselect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert window.list_view.selected_ids() == []
    with qtbot.waitSignal(window.print_actions.preview_finished, timeout=20000):
        window.print_actions.print_selection_action.trigger()
    assert spy.collected == [(["tb-02-2023"], False)]


def test_every_search_result_prints_and_exports(
    qtbot: QtBot,
    make_window: WindowFactory,
    indexed: Path,
    spy: PrintSpy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(indexed)
    type_and_search(qtbot, window, "quyet dinh")
    # One result chosen; "all results" still means all of them, in their ranking.
    window.list_view.setCurrentIndex(window.list_view.model().index(1, 0))
    assert window.list_view.selected_ids() == [QUYET_DINH[1]]
    with qtbot.waitSignal(window.print_actions.preview_finished, timeout=20000):
        window.action("printResultsAction").trigger()
    assert spy.collected == [(QUYET_DINH, False)]
    with qtbot.waitSignal(window.print_actions.preview_finished, timeout=20000):
        window.action("printResultsIndexAction").trigger()
    assert spy.collected[-1] == (QUYET_DINH, True)
    target = tmp_path / "ket-qua.pdf"
    asked: list[str] = []

    def choose(_parent: object, suggested: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(printactions, "choose_pdf_path", choose)
    with qtbot.waitSignal(window.print_actions.pdf_written, timeout=20000) as written:
        window.action("exportResultsPdfAction").trigger()
    assert [Path(name).name for name in asked] == ["ket-qua-tim-kiem.pdf"]
    assert spy.collected[-1] == (QUYET_DINH, False)
    assert written.args[0] == str(target) and written.args[1] >= 3  # each on a new page
    assert target.read_bytes().startswith(b"%PDF")


def test_print_actions_speak_english(make_window: WindowFactory, indexed: Path) -> None:
    window = make_window(indexed)
    window.set_language("en")
    assert window.print_actions.print_action.text() == "Print…"
    assert window.print_actions.pdf_action.text() == "Export PDF…"
    assert window.print_actions.many_menu is not None
    assert window.print_actions.many_menu.title() == "Print several notices"
    assert window.action("printResultsAction").text() == "Print all search results…"
    assert QApplication.translate("Printing", "Xem trước khi in") == "Print preview"
