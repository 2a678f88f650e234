"""The page shown while the archive is empty: how to bring notices in.

Signals: `import_requested()`, `demo_requested()`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui import icons


class WelcomePage(QWidget):
    """Explains the three ways to import a bundle, and offers the demo archive."""

    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.logo = QLabel(self)
        self.logo.setPixmap(icons.icon("app").pixmap(96, 96))
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel(self)
        self.heading.setObjectName("welcomeHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setObjectName("welcomeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setMaximumWidth(640)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("welcomeImport")
        self.import_button.setIcon(icons.icon("import"))
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("welcomeDemo")
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.logo)
        column.addWidget(self.heading)
        column.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(2)
        self.setTabOrder(self.import_button, self.demo_button)
        self.retranslate()

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
        super().changeEvent(event)
