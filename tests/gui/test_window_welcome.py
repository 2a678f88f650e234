"""The welcome page shows its text whole, diacritics and all, at every text size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.welcome import WelcomePage


def ink_rows(label: QLabel) -> list[int]:
    """The rows of *label*'s picture that hold any dark pixel (text)."""
    image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rows = []
    for y in range(image.height()):
        if any(QColor(image.pixel(x, y)).lightness() < 110 for x in range(image.width())):
            rows.append(y)
    return rows


@pytest.mark.parametrize("zoom", [100, 125, 150, 175, 200])
def test_every_line_shows_whole(qtbot: QtBot, zoom: int) -> None:
    page = WelcomePage()
    qtbot.addWidget(page)
    font = QFont(page.font())
    font.setPointSizeF(font.pointSizeF() * zoom / 100)
    page.setFont(font)
    page.resize(1000, 640)
    page.show()
    qtbot.waitExposed(page)
    for label in (page.heading, page.text):
        assert label.height() >= label.heightForWidth(label.width()), (zoom, label.objectName())
        rows = ink_rows(label)
        assert rows, label.objectName()
        # Nothing touches the label's edges: no mark above a letter is cut off.
        assert rows[0] > 0 and rows[-1] < label.height() - 1, (zoom, label.objectName())
    assert "Tệp → Nhập gói dữ liệu" in page.text.text()
    # Larger than the window: the page scrolls instead of cutting the text.
    if page.content.sizeHint().height() > page.height():
        assert page.scroller.verticalScrollBar().maximum() > 0
