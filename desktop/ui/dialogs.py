"""Every dialog and every hand-off to the desktop, as small replaceable functions.

The window calls these through the module (`dialogs.show_error(...)`), so a
test can monkeypatch any of them instead of clicking a modal box
(pytest-qt's advice on dialogs). Opening a URL also lives here: the app
itself never opens a network connection, the system browser does, and only
after the user clicked.

Each function names its Qt classes itself: the window imports this module
before its first paint, and PySide6 makes a class's Python type, with its
enums, when the class is first named.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDir, Qt, QUrl
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog


def choose_bundle_file(parent: QWidget | None) -> Path | None:
    """Ask for a bundle file to import (File → Nhập gói dữ liệu…)."""
    from PySide6.QtWidgets import QFileDialog

    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Nhập gói dữ liệu"),
        "",
        QCoreApplication.translate("Dialogs", "Gói dữ liệu Bảng Tin (*.bangtin)")
        + ";;"
        + QCoreApplication.translate("Dialogs", "Mọi tệp (*)"),
    )
    return Path(name) if name else None


def choose_save_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to save a copy of an attachment ("Lưu…"); *suggested_name* may hold a folder."""
    from PySide6.QtWidgets import QFileDialog

    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Lưu tệp đính kèm"),
        suggested_name,
    )
    return Path(name) if name else None


def choose_xlsx_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to write the register as an Excel workbook ("Xuất Excel…")."""
    from PySide6.QtWidgets import QFileDialog

    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Xuất sổ văn bản đến ra Excel"),
        suggested_name,
        QCoreApplication.translate("Dialogs", "Sổ tính Excel (*.xlsx)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def offer_save_instead(parent: QWidget | None, name: str) -> bool:
    """No program opens the attachment *name*: save a copy instead? True for "Lưu…"."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Tệp đính kèm"))
    box.setText(
        QCoreApplication.translate(
            "Dialogs", "Máy tính này chưa có chương trình nào mở được tệp «{name}»."
        ).format(name=name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Dialogs",
            "Bạn có thể lưu tệp vào máy rồi mở bằng chương trình khác, hoặc chép sang máy khác.",
        )
    )
    save = box.addButton(
        QCoreApplication.translate("Dialogs", "Lưu tệp…"), QMessageBox.ButtonRole.AcceptRole
    )
    close = box.addButton(
        QCoreApplication.translate("Dialogs", "Đóng"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)
    box.setEscapeButton(close)
    box.exec()
    return box.clickedButton() is save


def confirm(parent: QWidget | None, title: str, text: str, accept: str) -> bool:
    """Ask before a change that touches many notices; True when *accept* was clicked."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(
        QCoreApplication.translate("Dialogs", "Hủy"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(yes)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def open_url(url: QUrl) -> bool:
    """Hand a URL to the system: a browser for http(s), a viewer for a file."""
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    ok = box.addButton(
        QCoreApplication.translate("Dialogs", "Đóng"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    return box


def show_info(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox

    _box(parent, QMessageBox.Icon.Information, title, text, detail).exec()


def show_error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox

    _box(parent, QMessageBox.Icon.Warning, title, text, detail).exec()


def offer_bundles(parent: QWidget | None, volume: str, paths: Sequence[Path]) -> list[Path]:
    """A stick with bundles was plugged in: import them? Returns the chosen ones."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Tìm thấy gói dữ liệu"))
    box.setText(
        QCoreApplication.translate(
            "Dialogs", "Ổ đĩa «{volume}» có {count} gói dữ liệu. Nhập vào kho dữ liệu?"
        ).format(volume=volume, count=len(paths))
    )
    box.setInformativeText("\n".join(p.name for p in paths))
    yes = box.addButton(
        QCoreApplication.translate("Dialogs", "Nhập"), QMessageBox.ButtonRole.AcceptRole
    )
    no = box.addButton(
        QCoreApplication.translate("Dialogs", "Để sau"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(yes)
    box.setEscapeButton(no)
    box.exec()
    return list(paths) if box.clickedButton() is yes else []


def make_progress(parent: QWidget | None, title: str) -> QProgressDialog:
    """The import's progress dialog, with "Hủy" (cancel); not modal, so the
    window keeps responding and setValue never spins the event loop."""
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButtonText(QCoreApplication.translate("Dialogs", "Hủy"))
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(300)
    dialog.setRange(0, 0)
    dialog.setValue(0)
    return dialog


# -- trusting keys (desktop/ui/trustdialog.py) ---------------------------------------------


def choose_key_file(parent: QWidget | None) -> Path | None:
    """Ask for a key file to trust: a publisher's `.pub`, a `root.pub` or a root file."""
    from PySide6.QtWidgets import QFileDialog

    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Chọn tệp khóa công khai"),
        "",
        QCoreApplication.translate("Dialogs", "Khóa công khai (*.pub *.root)")
        + ";;"
        + QCoreApplication.translate("Dialogs", "Mọi tệp (*)"),
    )
    return Path(name) if name else None


def _ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    detail: str,
    yes_text: str,
) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    # Selectable, so that a fingerprint can be copied next to the dispatch's.
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(
        QCoreApplication.translate("Dialogs", "Hủy"), QMessageBox.ButtonRole.RejectRole
    )
    # Nothing is trusted by pressing Enter: the safe answer is the default.
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def confirm_trust(parent: QWidget | None, title: str, text: str, detail: str) -> bool:
    """Show a key's fingerprint and the warning to compare it; True only on "Tin cậy"."""
    from PySide6.QtWidgets import QMessageBox

    yes_text = QCoreApplication.translate("Dialogs", "Tin cậy")
    return _ask(parent, QMessageBox.Icon.Warning, title, text, detail, yes_text)


def confirm_untrust(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before no longer trusting a key or root."""
    from PySide6.QtWidgets import QMessageBox

    yes_text = QCoreApplication.translate("Dialogs", "Bỏ tin cậy")
    return _ask(parent, QMessageBox.Icon.Question, title, text, "", yes_text)


def offer_trust(parent: QWidget | None, title: str, text: str, detail: str, offer: str) -> bool:
    """A bundle was refused for an untrusted key or a missed root: offer to trust one."""
    from PySide6.QtWidgets import QMessageBox

    return _ask(parent, QMessageBox.Icon.Warning, title, text, detail, offer)


def ask_create_archive(parent: QWidget | None, folder: Path) -> bool:
    """There is no archive in *folder*: make a new one there? (No, by default: a typo.)"""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Không có kho dữ liệu"))
    box.setText(
        QCoreApplication.translate("Dialogs", "Không có kho dữ liệu ở {path}.").format(
            path=QDir.toNativeSeparators(str(folder))
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Dialogs",
            "Nếu gõ nhầm tên thư mục, hãy chọn «Không» và mở lại đúng thư mục. "
            "Tạo kho dữ liệu mới, trống, ở thư mục này?",
        )
    )
    create = box.addButton(
        QCoreApplication.translate("Dialogs", "Tạo kho dữ liệu mới"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    no = box.addButton(
        QCoreApplication.translate("Dialogs", "Không"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is create
