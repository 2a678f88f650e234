"""Finding words in the open article (Ctrl+F), as Kiwix and Calibre do.

The bar sits under the article, hidden until Ctrl+F. Typing finds as you go;
Enter or F3 finds the next match, Shift+Enter or Shift+F3 the one before,
wrapping at either end; Esc closes the bar. Matching ignores case and
Vietnamese diacritics ("ke hoach" finds "Kế hoạch"), like the archive's
search; every match is tinted and the current one selected.

Signals: `FindBar.closed()`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

MATCH_COLOR = QColor("#fff176")
#: Matches tinted at most; a one-letter search in a long decree finds thousands.
MAX_TINTED = 1000


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character folded, always one character long, so positions stay put."""
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0]
    lowered = base.lower()
    return lowered if len(lowered) == 1 else char


def fold(text: str) -> str:
    """*text* without case or diacritics, as long as *text*."""
    return "".join(_fold_char(char) for char in text)


def find_all(haystack: str, needle: str) -> list[int]:
    """Where *needle* starts in *haystack*, both folded; no overlaps."""
    wanted = fold(needle.strip())
    if not wanted:
        return []
    folded = fold(haystack)
    found: list[int] = []
    start = folded.find(wanted)
    while start != -1:
        found.append(start)
        start = folded.find(wanted, start + len(wanted))
    return found


class FindBox(QLineEdit):
    """The bar's field: Enter finds on, Shift+Enter back, Esc closes."""

    next_requested = Signal()
    previous_requested = Signal()
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Finds in one QTextEdit; see the module docstring."""

    closed = Signal()

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._editor = editor
        self._starts: list[int] = []
        self._current = -1
        self._length = 0
        self.caption = QLabel(self)
        self.box = FindBox(self)
        self.box.setObjectName("findBox")
        self.box.setClearButtonEnabled(True)
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("findPrevious")
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("findNext")
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(self.close_button)
        self.box.textChanged.connect(self._search)
        self.box.next_requested.connect(self.find_next)
        self.box.previous_requested.connect(self.find_previous)
        self.box.escape_pressed.connect(self.close_bar)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()
        self.retranslate()

    # -- entry points ---------------------------------------------------------------------

    def open(self) -> None:
        """Ctrl+F: show the bar, its words selected, and find them again."""
        self.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        self._search(self.box.text())

    def close_bar(self) -> None:
        """Esc: hide the bar and its tints; the focus goes back to the article."""
        self.hide()
        self._editor.setExtraSelections([])
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def matches(self) -> int:
        return len(self._starts)

    def current_match(self) -> int:
        """The match selected, counted from 0 (-1: none)."""
        return self._current

    # -- finding ----------------------------------------------------------------------------

    def page_changed(self) -> None:
        """Another page is shown whole (another notice, or the same re-themed): find there."""
        if self.isVisible():
            self._search(self.box.text())
        else:
            self._starts, self._current = [], -1

    def _search(self, text: str) -> None:
        document = self._editor.document()
        # The document's own characters: toRawText keeps each position where it is.
        self._starts = find_all(document.toRawText(), text)
        self._length = len(text.strip())
        self._current = -1
        self._tint()
        if self._starts:
            # Begin at the first match below where the reader is.
            top = self._editor.cursorForPosition(self._editor.viewport().rect().topLeft())
            after = [i for i, start in enumerate(self._starts) if start >= top.position()]
            self._select(after[0] if after else 0)
        else:
            cursor = self._editor.textCursor()
            cursor.clearSelection()
            self._editor.setTextCursor(cursor)
        self._show_count(text)

    def _step(self, step: int) -> None:
        if not self.isVisible():
            self.open()
            return
        if self._starts:
            self._select((self._current + step) % len(self._starts))
            self._show_count(self.box.text())

    def _cursor(self, index: int) -> QTextCursor:
        cursor = QTextCursor(self._editor.document())
        cursor.setPosition(self._starts[index])
        cursor.setPosition(self._starts[index] + self._length, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _select(self, index: int) -> None:
        self._current = index
        self._editor.setTextCursor(self._cursor(index))
        self._editor.ensureCursorVisible()

    def _tint(self) -> None:
        tint = QTextCharFormat()
        tint.setBackground(MATCH_COLOR)
        tint.setForeground(QColor("#000000"))
        selections = []
        for index in range(min(len(self._starts), MAX_TINTED)):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(index)
            selection.format = tint
            selections.append(selection)
        self._editor.setExtraSelections(selections)

    def _show_count(self, text: str) -> None:
        if not text.strip():
            self.count_label.clear()
        elif not self._starts:
            self.count_label.setText(self.tr("Không thấy"))
        else:
            self.count_label.setText(f"{self._current + 1}/{len(self._starts)}")
        self.box.setProperty("notFound", bool(text.strip()) and not self._starts)

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Tìm trong văn bản:"))
        self.box.setPlaceholderText(self.tr("Chữ cần tìm, có dấu hoặc không dấu"))
        self.box.setAccessibleName(self.tr("Tìm trong văn bản"))
        self.previous_button.setToolTip(self.tr("Chỗ trước (Shift+F3)"))
        self.previous_button.setAccessibleName(self.tr("Chỗ trước"))
        self.next_button.setToolTip(self.tr("Chỗ sau (F3)"))
        self.next_button.setAccessibleName(self.tr("Chỗ sau"))
        self.close_button.setToolTip(self.tr("Đóng (Esc)"))
        self.close_button.setAccessibleName(self.tr("Đóng thanh tìm kiếm"))
        self._show_count(self.box.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
