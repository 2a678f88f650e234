"""The receipt dialogs, as small functions that tests replace (as desktop/ui/dialogs.py).

`ask_office_identity` asks for the office's name, code and key folder;
`offer_receipt` asks, after an import from a USB stick, whether to write a
receipt onto it; `choose_receipt_path` asks where to write one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)


@dataclass(frozen=True)
class IdentityAnswer:
    name: str
    code: str
    key_folder: Path


class IdentityDialog(QDialog):
    """Tệp → Thông tin đơn vị…: the office's name, its code and where its key goes."""

    def __init__(self, parent: QWidget | None, default_folder: Path) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(QCoreApplication.translate("ReceiptDialogs", "Thông tin đơn vị"))
        self.name = QLineEdit(self)
        self.name.setObjectName("officeName")
        self.name.setPlaceholderText(
            QCoreApplication.translate("ReceiptDialogs", "Ví dụ: UBND xã An Bình")
        )
        self.code = QLineEdit(self)
        self.code.setObjectName("officeCode")
        self.code.setPlaceholderText("000.00.12.H56")
        self.folder = QLineEdit(str(default_folder), self)
        self.folder.setObjectName("keyFolder")
        browse = QPushButton(QCoreApplication.translate("ReceiptDialogs", "Chọn…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("ReceiptDialogs", "Tên đơn vị"), self.name)
        form.addRow(QCoreApplication.translate("ReceiptDialogs", "Mã định danh"), self.code)
        form.addRow(QCoreApplication.translate("ReceiptDialogs", "Thư mục lưu khóa"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("ReceiptDialogs", "Thư mục lưu khóa"),
            self.folder.text(),
        )
        if chosen:
            self.folder.setText(chosen)

    def answer(self) -> IdentityAnswer:
        return IdentityAnswer(
            name=self.name.text(), code=self.code.text(), key_folder=Path(self.folder.text())
        )


def ask_office_identity(parent: QWidget | None, default_folder: Path) -> IdentityAnswer | None:
    """Ask for the office's name, code and key folder; None when cancelled."""
    dialog = IdentityDialog(parent, default_folder)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()


def offer_receipt(parent: QWidget | None, volume: str) -> bool:
    """After an import from a stick: write a receipt onto the same stick?"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ReceiptDialogs", "Báo nhận"))
    box.setText(
        QCoreApplication.translate(
            "ReceiptDialogs", "Ghi báo nhận vào ổ đĩa «{volume}» để gửi lại cho tỉnh?"
        ).format(volume=volume)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ReceiptDialogs",
            "Báo nhận cho tỉnh biết đơn vị đã nhận, vào sổ và xử lý những văn bản nào.",
        )
    )
    yes = box.addButton(
        QCoreApplication.translate("ReceiptDialogs", "Ghi báo nhận"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    no = box.addButton(
        QCoreApplication.translate("ReceiptDialogs", "Để sau"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(yes)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def choose_receipt_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to write a receipt (Tệp → Xuất báo nhận…)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReceiptDialogs", "Xuất báo nhận"),
        str(suggested),
        QCoreApplication.translate("ReceiptDialogs", "Báo nhận Bảng Tin (*.bangtin-receipt)"),
    )
    return Path(name) if name else None
