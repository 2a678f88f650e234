"""The page shown while the archive is empty: how to bring notices in.

The text must show whole at any font size (a clerk may set 200%): the
wrapped label sits in a row without alignment flags, so the layout asks it
how tall it is for its width (a label placed with AlignHCenter gets only its
one-line height and loses its last lines), each label keeps room above and
below its text for the stacked marks of Vietnamese capitals ("Ệ", "Ỗ"),
which many fonts draw above their own ascent, and the page scrolls when the
window is smaller than the text.

Signals: `import_requested()`, `demo_requested()`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import icons


class WelcomePage(QWidget):
    """Explains the three ways to import a bundle, and offers the demo archive."""

    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.content = QWidget(self)
        self.content.setObjectName("welcomeContent")
        self.logo = QLabel(self.content)
        self.logo.setPixmap(icons.icon("app").pixmap(96, 96))
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel(self.content)
        self.heading.setObjectName("welcomeHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.text = QLabel(self.content)
        self.text.setObjectName("welcomeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setMaximumWidth(640)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.import_button = QPushButton(self.content)
        self.import_button.setObjectName("welcomeImport")
        self.import_button.setIcon(icons.icon("import"))
        self.demo_button = QPushButton(self.content)
        self.demo_button.setObjectName("welcomeDemo")
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.text, 100)
        text_row.addStretch(1)
        column = QVBoxLayout(self.content)
        column.addStretch(1)
        column.addWidget(self.logo)
        column.addWidget(self.heading)
        column.addLayout(text_row)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(2)
        self.scroller = QScrollArea(self)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        self.setTabOrder(self.import_button, self.demo_button)
        self._keep_room_for_marks()
        self.retranslate()

    def _keep_room_for_marks(self) -> None:
        # A fifth of a line above and below; the heading (h2) is half as large again.
        room = max(2, self.fontMetrics().height() // 5)
        self.heading.setContentsMargins(0, room * 3 // 2, 0, room * 3 // 2)
        self.text.setContentsMargins(0, room, 0, room)

    def retranslate(self) -> None:
        self.heading.setText("<h2>" + self.tr("Chào mừng đến với Bảng Tin") + "</h2>")
        self.text.setText(
            "<p>"
            + self.tr("Kho dữ liệu chưa có văn bản nào. Hãy nhập một gói dữ liệu (tệp .bangtin):")
            + "</p><ul><li>"
            + self.tr(
                "Cắm thẻ nhớ USB có gói dữ liệu vào máy: Bảng Tin sẽ tự tìm và hỏi bạn có "
                "muốn nhập không."
            )
            + "</li><li>"
            + self.tr("Hoặc chọn Tệp → Nhập gói dữ liệu… (Ctrl+O).")
            + "</li><li>"
            + self.tr("Hoặc kéo tệp gói dữ liệu thả vào cửa sổ này.")
            + "</li></ul><p>"
            + self.tr("Muốn xem thử trước? Hãy mở kho dữ liệu mẫu.")
            + "</p>"
        )
        self.import_button.setText(self.tr("Nhập gói dữ liệu…"))
        self.demo_button.setText(self.tr("Mở kho dữ liệu mẫu"))
        self.setAccessibleName(self.tr("Trang chào mừng"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._keep_room_for_marks()
        super().changeEvent(event)
