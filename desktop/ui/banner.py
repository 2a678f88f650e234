"""The band across the top of the window that says the archive may only be read.

`ReadOnlyBanner` follows the window's `ArchiveOpener`: shown while the
open archive is read-only (a read-only folder, file or medium), hidden
otherwise. It says what still works and what is not kept, so that a
refused bookmark is no surprise.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.opening import ArchiveOpener


class ReadOnlyBanner(QFrame):
    """Shown while the archive the window shows may only be read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._opener: ArchiveOpener | None = None
        self.label = QLabel(self)
        self.label.setObjectName("readOnlyBannerText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self.setVisible(False)

    def follow(self, opener: ArchiveOpener) -> None:
        """Show or hide the banner whenever *opener* opens an archive."""
        self._opener = opener
        opener.opened.connect(self._on_opened)
        opener.failed.connect(lambda _exc: self.setVisible(False))

    def _on_opened(self, _data_dir: Path) -> None:
        self._retranslate()
        self.setVisible(self._opener is not None and self._opener.read_only)

    def _retranslate(self) -> None:
        self.label.setText(
            self.tr(
                "Kho dữ liệu này chỉ đọc được (thư mục hoặc tệp không cho ghi, hoặc ổ đĩa chỉ "
                "đọc); kho dữ liệu không bị hỏng. Bạn vẫn đọc, tìm và in văn bản được, nhưng "
                "lượt xem, đánh dấu và gói dữ liệu mới không được lưu."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def above(banner: QWidget, content: QWidget) -> QWidget:
    """A widget holding *banner* across the top of *content* (the window's central widget)."""
    holder = QWidget(content.parentWidget())
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(banner)
    column.addWidget(content)
    return holder
