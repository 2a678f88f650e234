"""Cài đặt → Khóa tin cậy…: the dialog listing what the office trusts.

Owned and filled by `TrustController` (desktop/ui/trustdialog.py), which
imports this module when the dialog is first opened: its Qt classes (a tree
widget, a button box) are not on the window's first screen, and PySide6
makes each one's Python type, with its enums, when it is first named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.trustdialog import IDENT_ROLE, grouped

if TYPE_CHECKING:
    from desktop.ops import trust as trustops
    from desktop.ui.trustdialog import TrustController


class TrustedKeysDialog(QDialog):
    """Lists what the office trusts; "Thêm từ tệp…" and "Bỏ tin cậy" ask the controller."""

    def __init__(self, controller: TrustController, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("trustedKeysDialog")
        self._controller = controller
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("trustTree")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("trustAddButton")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("trustRemoveButton")
        self.remove_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(lambda: controller.add_from_file())
        self.remove_button.clicked.connect(self._remove_current)
        self.tree.currentItemChanged.connect(
            lambda item, _old: self.remove_button.setEnabled(
                item is not None and item.data(0, IDENT_ROLE) is not None
            )
        )
        self.resize(760, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Khóa tin cậy"))
        self.tree.setHeaderLabels([self.tr("Khóa"), self.tr("Đơn vị"), self.tr("Hạn, tình trạng")])
        self.note.setText(
            self.tr(
                "Văn phòng chỉ nhận gói dữ liệu được ký bằng các khóa dưới đây. Khóa gốc của "
                "tỉnh ủy quyền cho các khóa ký; khóa bị thu hồi không còn được nhận."
            )
        )
        self.add_button.setText(self.tr("Thêm từ tệp…"))
        self.remove_button.setText(self.tr("Bỏ tin cậy"))

    def show_overview(self, overview: trustops.TrustOverview) -> None:
        self.tree.clear()
        for root in overview.roots:
            label = self.tr("Khóa gốc {name}") if root.current else self.tr("Khóa gốc cũ {name}")
            item = QTreeWidgetItem(
                [
                    label.format(name=root.name or root.fingerprint[:16]),
                    "",
                    self.tr("{k} trên {n} khóa").format(k=root.threshold, n=root.key_count)
                    if root.key_count > 1
                    else (self.tr("đang dùng") if root.current else self.tr("đã thay")),
                ]
            )
            item.setToolTip(0, grouped(root.fingerprint))
            if root.current:
                item.setData(0, IDENT_ROLE, root.fingerprint)
            for key in root.signing:
                state = (
                    self.tr("ĐÃ THU HỒI: {reason}").format(reason=key.revoked)
                    if key.revoked
                    else self.tr("hạn đến {day}").format(day=key.until.strftime("%d/%m/%Y"))
                )
                item.addChild(QTreeWidgetItem([key.key_id, key.publisher_id, state]))
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        if overview.keys:
            direct = QTreeWidgetItem([self.tr("Khóa tin cậy trực tiếp"), "", ""])
            for trusted in overview.keys:
                child = QTreeWidgetItem(
                    [f"{trusted.key_id}  {trusted.name}", trusted.publisher_id or "", ""]
                )
                child.setData(0, IDENT_ROLE, trusted.key_id)
                direct.addChild(child)
            self.tree.addTopLevelItem(direct)
            direct.setExpanded(True)
        if overview.revocations:
            revoked = QTreeWidgetItem([self.tr("Khóa bị thu hồi"), "", ""])
            for found in overview.revocations:
                revoked.addChild(QTreeWidgetItem([found.key_id, "", found.reason]))
            self.tree.addTopLevelItem(revoked)
            revoked.setExpanded(True)
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def _remove_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        ident = item.data(0, IDENT_ROLE)
        if isinstance(ident, str):
            self._controller.remove(ident, item.text(0))
