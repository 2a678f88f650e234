"""Tệp → Cài đặt…: the dialog choosing this PC's archive or a shared one on a server.

Opened, checked and saved by `SharingController` (desktop/ui/sharedarchive.py),
which imports this module when the dialog is first opened: its Qt classes are
not on the window's first screen, and PySide6 makes each one's Python type,
with its enums, when it is first named.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ops.sharing import DEFAULT_PORT, ServerChoice, login_name
from desktop.ui import settings as prefs


class SettingsDialog(QDialog):
    """The settings; "Kiểm tra kết nối" emits `check_requested(choice, password)`."""

    check_requested = Signal(object, str)

    def __init__(
        self, settings: QSettings, parent: QWidget | None, named_server: str | None = None
    ) -> None:
        """*named_server*: the server the command line or the environment names, over these."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._named_server = named_server
        self.named_note = QLabel(self)
        self.named_note.setObjectName("namedServerNote")
        self.named_note.setWordWrap(True)
        self.named_note.setVisible(named_server is not None)
        self.shared_box = QGroupBox(self)
        self.local_choice = QRadioButton(self.shared_box)
        self.local_choice.setObjectName("localArchiveChoice")
        self.server_choice = QRadioButton(self.shared_box)
        self.server_choice.setObjectName("serverArchiveChoice")
        self.host = QLineEdit(self.shared_box)
        self.host.setObjectName("serverHost")
        self.port = QSpinBox(self.shared_box)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.database = QLineEdit(self.shared_box)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(self.shared_box)
        self.user.setObjectName("serverUser")
        self.password = QLineEdit(self.shared_box)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.check_button = QPushButton(self.shared_box)
        self.check_button.setObjectName("checkConnectionButton")
        self.verdict = QLabel(self.shared_box)
        self.verdict.setObjectName("connectionVerdict")
        self.verdict.setWordWrap(True)
        self.password_note = QLabel(self.shared_box)
        self.password_note.setWordWrap(True)

        self.form = QFormLayout()
        self._labels = [QLabel(self.shared_box) for _ in range(5)]
        fields = (self.host, self.port, self.database, self.user, self.password)
        for label, field in zip(self._labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.verdict, 1)
        shared = QVBoxLayout(self.shared_box)
        shared.addWidget(self.local_choice)
        shared.addWidget(self.server_choice)
        shared.addLayout(self.form)
        shared.addWidget(self.password_note)
        shared.addLayout(check_row)

        self.person_box = QGroupBox(self)
        self.person_box.setObjectName("personBox")
        self.reader = QLineEdit(self.person_box)
        self.reader.setObjectName("readerName")
        self.reader_label = QLabel(self.person_box)
        self.reader_label.setBuddy(self.reader)
        self.reader_note = QLabel(self.person_box)
        self.reader_note.setWordWrap(True)
        person = QFormLayout(self.person_box)
        person.addRow(self.reader_label, self.reader)
        person.addRow(self.reader_note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.named_note)
        layout.addWidget(self.shared_box)
        layout.addWidget(self.person_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        kept = prefs.server_fields(settings)
        self.host.setText(kept.host)
        self.port.setValue(kept.port or DEFAULT_PORT)
        self.database.setText(kept.database)
        self.user.setText(kept.user)
        self.reader.setText(str(settings.value(prefs.READER, "") or ""))
        self.reader.setPlaceholderText(login_name())
        on_server = prefs.server_choice(settings) is not None
        (self.server_choice if on_server else self.local_choice).setChecked(True)
        self.server_choice.toggled.connect(self._enable)
        self.check_button.clicked.connect(self._check)
        self._enable()
        self.retranslate()
        self.resize(520, 0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cài đặt"))
        self.shared_box.setTitle(self.tr("Kho dữ liệu dùng chung"))
        self.local_choice.setText(self.tr("Kho dữ liệu riêng của máy này"))
        self.server_choice.setText(self.tr("Kho dữ liệu chung trên máy chủ PostgreSQL"))
        texts = (
            self.tr("Máy chủ:"),
            self.tr("Cổng:"),
            self.tr("Cơ sở dữ liệu:"),
            self.tr("Tên đăng nhập:"),
            self.tr("Mật khẩu:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.password.setPlaceholderText(self.tr("(giữ mật khẩu đã lưu)"))
        self.password_note.setText(
            self.tr(
                "Mật khẩu được giữ trong kho mật khẩu của hệ điều hành, "
                "không bao giờ ghi vào tệp cài đặt."
            )
        )
        self.check_button.setText(self.tr("Kiểm tra kết nối"))
        self.named_note.setText(
            self.tr(
                "Cửa sổ này mở kho dữ liệu chung trên {server} theo dòng lệnh (--database) "
                "hoặc biến môi trường BANGTIN_DATABASE_URL; lựa chọn dưới đây chỉ dùng khi "
                "không có chúng."
            ).format(server=self._named_server or "")
        )
        self.person_box.setTitle(self.tr("Người dùng"))
        self.reader_label.setText(self.tr("Tên người dùng:"))
        self.reader_note.setText(
            self.tr(
                "Dấu đã đọc và văn bản đã lưu là của riêng từng người; sổ đăng ký, "
                "tình trạng xử lý và phiếu báo nhận là chung."
            )
        )

    def choice(self) -> ServerChoice:
        """The server as the fields say now."""
        return ServerChoice(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )

    def shared(self) -> bool:
        return self.server_choice.isChecked()

    def complete(self) -> bool:
        """Whether the server fields say enough to connect (a host and a database)."""
        choice = self.choice()
        return bool(choice.host and choice.database)

    def show_verdict(self, text: str) -> None:
        self.verdict.setText(text)
        self.check_button.setEnabled(self.shared())

    def _enable(self) -> None:
        on = self.shared()
        for widget in (self.host, self.port, self.database, self.user, self.password):
            widget.setEnabled(on)
        self.check_button.setEnabled(on)
        # Whose read marks: only a shared archive has more than one reader.
        self.person_box.setEnabled(on)
        self.verdict.clear()

    def _check(self) -> None:
        if not self.complete():
            self.verdict.setText(self.tr("Hãy nhập tên máy chủ và tên cơ sở dữ liệu."))
            return
        self.check_button.setEnabled(False)
        self.verdict.setText(self.tr("Đang kiểm tra kết nối…"))
        self.check_requested.emit(self.choice(), self.password.text())
