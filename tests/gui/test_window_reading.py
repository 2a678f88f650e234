"""Reading as in a feed reader: read after a moment, unread again, next unread, the last place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from desktop.ops import marks
from desktop.ui.categorytree import ALL, BOOKMARKED, UNREAD
from desktop.ui.mainwindow import MainWindow
from desktop.ui.panels import MAX_LINES, wrapped_lines
from desktop.ui.reader import READ_DELAY_MS
from tests.helpers.dialogs import DialogStub
from tests.helpers.sample import populate, stored_notice

QD118, QD642, TB02 = "qd-118-2023", "qd-642-2023", "tb-02-2023"


def move_to(window: MainWindow, notice_id: str) -> None:
    """Put the list's current row on *notice_id*, as the arrow keys do."""
    model = window.list_model()
    assert model is not None
    row = model.row_of(notice_id)
    assert row is not None
    window.list_view.setCurrentIndex(model.index(row, 0))


def read_in_list(window: MainWindow) -> dict[str, bool]:
    model = window.list_model()
    assert model is not None
    return {model.summary(i).id: model.summary(i).read for i in range(model.rowCount())}


def read_in_archive(data_dir: Path, notice_id: str) -> bool:
    return stored_notice(data_dir, notice_id).first_opened is not None


def test_passing_a_row_reads_it_only_after_a_moment(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    assert window.reader.read_timer.interval() == READ_DELAY_MS
    move_to(window, QD118)
    move_to(window, TB02)  # the arrow keys pass qd-118 on their way
    assert window.current is not None and window.current.id == TB02
    assert read_in_list(window) == {QD118: False, TB02: False, QD642: False}
    assert window.reader.read_timer.isActive()
    window.reader.read_timer.timeout.emit()  # the notice stayed on screen
    assert read_in_list(window) == {QD118: False, TB02: True, QD642: False}
    assert read_in_archive(populated, TB02) and not read_in_archive(populated, QD118)
    assert window.counts_label.text() == "3 văn bản, 2 chưa đọc"


def test_enter_or_a_click_reads_at_once(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    move_to(window, QD642)
    index = window.list_view.currentIndex()
    window.list_view.activated.emit(index)  # Enter
    assert read_in_list(window)[QD642]
    assert not window.reader.read_timer.isActive()


def test_mark_unread_from_the_menu_and_the_key(
    qtbot: QtBot, make_window: object, populated: Path
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    move_to(window, QD118)
    window.list_view.clicked.emit(window.list_view.currentIndex())
    assert read_in_list(window)[QD118]
    action = window.action("markUnreadAction")
    assert action.shortcut().toString() == "Ctrl+U"
    assert action in window.notice_menu.actions()
    menu = window.print_actions.list_menu()
    try:
        assert action in menu.actions()
    finally:
        menu.deleteLater()
    article_menu = window.print_actions.article_menu(window.browser, QPoint(2, 2))
    try:
        assert action in article_menu.actions()
    finally:
        article_menu.deleteLater()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert not read_in_list(window)[QD118]
    assert not read_in_archive(populated, QD118)
    model = window.list_model()
    assert model is not None
    font = model.index(model.row_of(QD118) or 0, 0).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert window.statusBar().currentMessage() == "Đã đánh dấu chưa đọc 1 văn bản"
    # It stays unread while shown: the timer does not mark it again.
    assert not window.reader.read_timer.isActive()
    assert window.tree.category_model.index_of(UNREAD).data() == "Chưa đọc (3/3)"


def test_n_and_space_at_the_end_open_the_next_unread(
    qtbot: QtBot, make_window: object, populated: Path
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    move_to(window, QD118)
    window.list_view.clicked.emit(window.list_view.currentIndex())
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_N)
    assert window.current is not None and window.current.id == TB02
    assert read_in_list(window)[TB02]  # asked for: read at once
    assert window.list_view.currentIndex().row() == 1
    window.browser.setFocus()
    bar = window.browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.keyClick(window.browser, Qt.Key.Key_Space)
    assert window.current is not None and window.current.id == QD642
    qtbot.keyClick(window.browser, Qt.Key.Key_N)
    assert window.statusBar().currentMessage() == ("Không còn văn bản chưa đọc trong danh sách này")


def test_next_unread_asks_the_archive_past_the_rows_loaded(
    make_window: object, data_dir: Path
) -> None:
    populate(data_dir, extra=450)  # more rows than one page
    window = make_window(data_dir)  # type: ignore[operator]
    model = window.list_model()
    assert model is not None and model.canFetchMore(window.list_view.rootIndex())
    loaded = [model.notice_id(row) for row in range(model.rowCount())]
    window.runner.write(window, lambda archive: marks.set_read(archive, loaded, True))
    window.marking.next_unread()
    assert window.current is not None and window.current.id not in loaded


def test_mark_all_read_asks_with_the_count(
    make_window: object, populated: Path, dialog_stub: DialogStub
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    window.tree.select_key(("Văn bản", "all"))
    dialog_stub.script("confirm", True)
    window.action("markAllReadAction").trigger()
    (_parent, title, text, accept) = dialog_stub.calls[0][1]
    assert title == "Đánh dấu đã đọc tất cả" and accept == "Đánh dấu đã đọc"
    assert text == "Đánh dấu đã đọc 2 văn bản chưa đọc trong «Văn bản»?"
    assert window.tree.category_model.index_of(("Văn bản", "all")).data() == "Văn bản (0/2)"
    assert window.tree.category_model.index_of(ALL).data() == "Tất cả (1/3)"


def test_bookmarks_say_save_not_mark(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    action = window.action("bookmarkAction")
    assert action.text() == "Lưu"
    assert "Đánh dấu" not in action.toolTip()
    assert window.tree.category_model.index_of(BOOKMARKED).data() == "Đã lưu"
    move_to(window, QD642)
    action.trigger()
    assert action.text() == "Bỏ lưu"
    assert window.statusBar().currentMessage() == "Đã lưu văn bản"
    window.set_language("en")
    assert action.text() == "Unsave"
    window.set_language("vi")
    action.trigger()
    assert action.text() == "Lưu"


def test_counts_read_unread_of_total_with_a_tooltip(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    tree = window.tree.category_model
    assert tree.index_of(ALL).data() == "Tất cả (3/3)"
    assert tree.index_of(("Tin tức", "all")).data() == "Tin tức (1/1)"
    assert tree.index_of(ALL).data(Qt.ItemDataRole.ToolTipRole) == (
        "Tất cả: 3 chưa đọc trên tổng số 3 văn bản"
    )


def test_the_last_notice_and_category_reopen(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    window.tree.select_key(("Văn bản/Quyết định", "all"))
    move_to(window, QD642)
    window.close()
    again = make_window(populated)  # type: ignore[operator]
    assert again.tree.current_key() == ("Văn bản/Quyết định", "all")
    assert again.current is not None and again.current.id == QD642
    assert again.list_view.currentIndex().row() == 1
    assert not read_in_archive(populated, QD642)  # coming back is not reading


def test_the_empty_article_pane_shows_a_hint(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    text = window.browser.toPlainText()
    assert "Chọn một văn bản trong danh sách để đọc" in text
    assert "Ctrl+K" in text
    window.set_language("en")
    assert "Choose a notice in the list to read it" in window.browser.toPlainText()


def test_panel_items_take_at_most_three_lines(qapp: object) -> None:
    font = QFont()
    long_title = "Quyết định về việc phê duyệt kế hoạch " * 20
    lines = wrapped_lines(long_title, font, 200.0)
    assert len(lines) == MAX_LINES
    assert lines[-1].endswith("…")
    assert wrapped_lines("Ngắn", font, 200.0) == ["Ngắn"]


def test_panel_rows_are_no_taller_than_three_lines(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    view = window.latest_panel.view
    model = window.latest_panel.model
    rows = model.rows()
    model.set_rows([rows[0].__class__(**{**rows[0].__dict__, "title": "Rất dài " * 200})])
    height = view.sizeHintForRow(0)
    line = view.fontMetrics().lineSpacing()
    assert line * 2 < height <= line * MAX_LINES + 10


def test_english_panels_say_am_and_pm(make_window: object, populated: Path) -> None:
    window = make_window(populated, lang="en")  # type: ignore[operator]
    move_to(window, QD118)
    texts = [
        panel.model.text(row)
        for panel in (window.latest_panel, window.related_panel)
        for row in range(panel.model.rowCount())
    ]
    assert texts and all(text.endswith(("AM)", "PM)")) for text in texts)
    assert not any(" SA)" in text or " CH)" in text for text in texts)
    assert "AM" in window.update_label.text() or "PM" in window.update_label.text()


def test_a_click_on_a_panel_opens_its_notice_once(
    make_window: object, populated: Path, qtbot: QtBot
) -> None:
    """The click asks the style whether it already activates the item (then `activated`
    opens it), at the click: not while the window is built before its first paint."""
    window = make_window(populated)  # type: ignore[operator]
    view = window.latest_panel.view
    chosen: list[str] = []
    window.latest_panel.notice_chosen.connect(chosen.append)
    first = window.latest_panel.model.rows()[0].id
    where = view.visualRect(window.latest_panel.model.index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert chosen == [first]
