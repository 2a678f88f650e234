"""Finding in the article (Ctrl+F), the Help menu, and the window's size on first start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from pytestqt.qtbot import QtBot

from desktop.ui import windowstate
from desktop.ui.findbar import find_all, fold
from desktop.ui.mainwindow import MainWindow

QD118 = "qd-118-2023"


def open_qd118(window: MainWindow) -> None:
    model = window.list_model()
    assert model is not None
    window.list_view.setCurrentIndex(model.index(model.row_of(QD118) or 0, 0))
    assert window.current is not None and window.current.id == QD118


def test_folding_keeps_every_position() -> None:
    text = "Kế hoạch ĐẦU TƯ, Ưu tiên"
    assert fold(text) == "ke hoach dau tu, uu tien"
    assert len(fold(text)) == len(text)
    assert find_all(text, "dau tu") == [9]
    assert find_all("aaaa", "aa") == [0, 2]
    assert find_all(text, "   ") == []


def test_ctrl_f_finds_in_the_article_without_diacritics(
    qtbot: QtBot, make_window: object, populated: Path
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    open_qd118(window)
    bar = window.article.find_bar
    assert not bar.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.box.hasFocus()
    qtbot.keyClicks(bar.box, "quyet dinh")
    assert bar.matches() >= 2  # the title and the body
    assert window.browser.textCursor().selectedText().lower() == "quyết định"
    assert bar.count_label.text() == f"1/{bar.matches()}"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.current_match() == 1
    qtbot.keyClick(bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_match() == 0
    qtbot.keyClick(bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_match() == bar.matches() - 1  # wraps to the last
    window.action("findNextAction").trigger()  # F3
    assert bar.current_match() == 0
    assert len(window.browser.extraSelections()) == bar.matches()
    bar.box.setText("không có chữ này")
    assert bar.matches() == 0 and bar.count_label.text() == "Không thấy"
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.browser.extraSelections() == []


def test_the_find_bar_follows_the_next_notice(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    open_qd118(window)
    bar = window.article.find_bar
    bar.open()
    bar.box.setText("quy chế")
    assert bar.matches() == 0
    window.open_notice("qd-642-2023")
    assert bar.matches() >= 1


def test_the_find_bar_searches_a_page_only_once_it_is_whole(
    make_window: object, populated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Searching inside QTextDocument.clear() (the document's textChanged) put
    # cursors into a half-cleared document, which corrupted Qt's heap.
    window: MainWindow = make_window(populated)  # type: ignore[operator]
    open_qd118(window)
    bar = window.article.find_bar
    bar.open()
    bar.box.setText("quyết định")
    seen: list[str] = []
    search = bar._search
    page = window.browser.toPlainText
    monkeypatch.setattr(bar, "_search", lambda text: (seen.append(page()), search(text)))
    window.open_notice("qd-642-2023")
    assert seen == [page()] and "642" in seen[0]


def test_help_menu_opens_the_guide_the_shortcuts_and_about(
    make_window: object, populated: Path
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    titles = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert titles == ["Hướng dẫn sử dụng", "Phím tắt", "Giới thiệu Bảng Tin"]
    assert window.action("guideAction").shortcut().toString() == "F1"
    window.action("guideAction").trigger()
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    assert "Nhập gói dữ liệu" in text and "Tìm trong văn bản đang mở" in text
    window.action("shortcutsAction").trigger()
    shortcuts = window.help.shortcuts
    assert shortcuts is not None
    listed = shortcuts.browser.toPlainText()
    for line in ("Đánh dấu chưa đọc", "Ctrl+U", "Ctrl+K", "Ctrl+F", "Phím cách"):
        assert line in listed
    window.action("aboutAction").trigger()
    about = window.help.about
    assert about is not None
    shown = about.browser.toPlainText()
    assert str(populated) in shown
    assert "đang tính" not in shown  # the size and the keys arrived (synchronous runner)
    assert "Chưa tin cậy khóa nào." in shown
    assert " KB" in shown or " MB" in shown
    # Where warnings and errors are written (BANGTIN_LOG_DIR, as the fixture sets it).
    assert f"Tệp nhật ký (cảnh báo và lỗi): {populated.parent / 'log' / 'bangtin.log'}" in shown


def test_the_guide_speaks_english_in_english(make_window: object, populated: Path) -> None:
    window = make_window(populated, lang="en")  # type: ignore[operator]
    window.help.show_guide()
    assert window.help.guide is not None
    assert "Bảng Tin user guide" in window.help.guide.browser.toPlainText()


def test_first_size_fits_a_laptop_with_a_taskbar() -> None:
    # 1366×768 with a 40-pixel taskbar.
    size, maximised = windowstate.first_size(QRect(0, 0, 1366, 728))
    assert not maximised
    assert size.width() <= 1340 and size.height() <= 700
    big, maximised = windowstate.first_size(QRect(0, 0, 1920, 1040))
    assert big == QSize(1280, 800) and not maximised
    small, maximised = windowstate.first_size(QRect(0, 0, 1024, 560))
    assert maximised and small == QSize(1024, 560)


def test_the_window_can_be_as_small_as_a_laptop(make_window: object, populated: Path) -> None:
    window = make_window(populated)  # type: ignore[operator]
    least = window.minimumSizeHint()
    assert least.width() <= 1340 and least.height() <= 700
