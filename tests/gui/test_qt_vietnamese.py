"""Qt's own dialogs and menus speak Vietnamese in the Vietnamese window (qtbase_vi.ts).

Each test opens one of the dialogs or menus the program can show, reads every
word on it (labels, buttons, tooltips, menu items, list headers) and fails on
any English source of Qt's that our catalog translates but that still shows.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui import i18n

CATALOG = i18n.translations_dir() / "qtbase_vi.ts"


def _plain(text: str) -> str:
    """*text* as read: no mnemonic "&", no shortcut after a tab."""
    return text.split("\t")[0].replace("&", "").strip()


def english_words() -> set[str]:
    """Qt's English sources that our catalog says differently in Vietnamese."""
    words: set[str] = set()
    for message in ET.parse(CATALOG).getroot().iter("message"):
        source = _plain(message.findtext("source") or "")
        translation = _plain(message.findtext("translation") or "")
        if source and source != translation:
            words.add(source)
    return words


def shown_words(root: QWidget) -> set[str]:
    """Every word a person can read on *root*: texts, tooltips, items, headers, actions."""
    found: set[str] = set()
    widgets = [root, *root.findChildren(QWidget)]
    actions = root.findChildren(QAction)
    for widget in widgets:
        found.add(widget.toolTip())
        found.add(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            found.add(widget.text())
        if isinstance(widget, QLineEdit):
            found.add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            found.update(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            found.update(
                str(model.headerData(i, widget.orientation())) for i in range(widget.count())
            )
        actions.extend(widget.actions())
    for action in actions:
        found.add(action.text())
        found.add(action.toolTip())
    return {_plain(word) for word in found if _plain(word)}


@pytest.fixture
def vietnamese(qapp: object) -> Iterator[None]:
    assert i18n.install_language("vi")
    yield


def untranslated(root: QWidget) -> list[str]:
    return sorted(shown_words(root) & english_words())


def test_the_catalog_is_complete_and_compiled() -> None:
    messages = list(ET.parse(CATALOG).getroot().iter("message"))
    assert len(messages) > 400
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None
        source = message.findtext("source") or ""
        for marker in ("%1", "%2", "%3"):
            assert (marker in source) == (marker in (translation.text or "")), source
    assert i18n.qt_qm_path("vi").is_file()
    assert not i18n.qt_qm_path("en").is_file()  # English is Qt's own


@pytest.mark.usefixtures("vietnamese")
def test_message_box_buttons(qtbot: QtBot) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Close
    )
    texts = {_plain(button.text()) for button in box.buttons()}
    assert {"Đồng ý", "Hủy", "Có", "Không", "Lưu", "Đóng"} <= texts
    assert untranslated(box) == []


@pytest.mark.usefixtures("vietnamese")
def test_text_context_menus(qtbot: QtBot) -> None:
    field = QLineEdit("chữ")
    qtbot.addWidget(field)
    field.selectAll()
    menu = field.createStandardContextMenu()
    texts = {_plain(a.text()) for a in menu.actions()}
    assert {"Sao chép", "Chọn tất cả", "Dán", "Cắt", "Hoàn tác"} <= texts
    assert untranslated(menu) == []
    menu.deleteLater()
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml('<p>Văn bản <a href="notice:a">liên kết</a></p>')
    browser.selectAll()
    article_menu: QMenu = browser.createStandardContextMenu(QPoint(2, 2))
    texts = {_plain(a.text()) for a in article_menu.actions()}
    assert {"Sao chép", "Chọn tất cả"} <= texts
    assert not texts & {"Copy", "Select All"}
    article_menu.deleteLater()


@pytest.mark.usefixtures("vietnamese")
def test_print_preview_and_its_tooltips(qtbot: QtBot) -> None:
    printer = QPrinter()
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    words = shown_words(preview)
    assert {"Trang sau", "Phóng to", "Khổ dọc", "Thiết lập trang", "In"} <= words
    assert untranslated(preview) == []


@pytest.mark.usefixtures("vietnamese")
def test_print_dialog(qtbot: QtBot) -> None:
    # (QPageSetupDialog needs a system printer, which a test machine may not have;
    # its widget's words are the print dialog's "Thuộc tính" page.)
    dialog = QPrintDialog(QPrinter())
    qtbot.addWidget(dialog)
    words = shown_words(dialog)
    assert {"In", "Máy in", "Số bản:"} & words
    assert untranslated(dialog) == []


@pytest.mark.usefixtures("vietnamese")
def test_qt_file_dialog(qtbot: QtBot, tmp_path: object) -> None:
    dialog = QFileDialog(None, "Lưu", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    words = shown_words(dialog)
    assert {"Tên tệp:", "Loại tệp:", "Tên", "Kích thước"} <= words
    assert untranslated(dialog) == []


def test_english_window_keeps_qt_in_english(qapp: object, qtbot: QtBot) -> None:
    i18n.install_language("en")
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    assert "Select All" in {_plain(a.text()) for a in menu.actions()}
    menu.deleteLater()
