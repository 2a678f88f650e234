"""The "Lược đồ" tab beside the article: the notice's relations, grouped as vbpl.vn groups them.

The article ends with the same groups; this tab puts them one click from
the top, as vbpl.vn's "Lược đồ" tab does: "Văn bản căn cứ", "Văn bản bị
thay thế" / "Văn bản thay thế"… Each group lists its notices; a notice the
archive does not hold is shown by its id, greyed, and cannot be opened.
The groups come from the opened `NoticeDetail` (desktop/render/office.py's
words), so showing them costs no query.

`ArticleTabs` (desktop/ui/articletabs.py) holds the article ("Nội dung") and,
once first shown, this view ("Lược đồ (N)").

Signals: `RelationsView.notice_chosen(notice_id)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.articletabs import RELATIONS_TAB as RELATIONS_TAB

if TYPE_CHECKING:
    from db.records import NoticeDetail

ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The grey of a notice the archive lacks, as in the article.
MISSING_COLOR = "#999999"


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the tree's width (QTreeView sizes rows unwrapped)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        depth = 1 if index.parent().isValid() else 0
        width = self._tree.viewport().width() - self._tree.indentation() * (depth + 1) - 8
        if width <= 0:
            return hint
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        flags = int(Qt.TextFlag.TextWordWrap)
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, opt.text)
        return QSize(hint.width(), max(hint.height(), text.height() + 6))


class RelationsView(QWidget):
    """A tree of relation groups and their notices; Enter or a click opens one."""

    notice_chosen = Signal(str)

    def __init__(self, *, lang: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationsView")
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("relationsTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Long titles wrap rather than end in "…": a title is how a clerk knows a plan.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.activated.connect(self._chosen)
        if not self.tree.style().styleHint(
            QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, self.tree
        ):
            self.tree.clicked.connect(self._chosen)
        self.heading = QLabel(self)
        self.heading.setObjectName("relationsHeading")
        self.heading.setWordWrap(True)
        self.empty = QLabel(self)
        self.empty.setObjectName("relationsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        self.setFocusProxy(self.tree)
        self._notice: NoticeDetail | None = None
        self._lang = lang
        self.show_notice(None)
        self.retranslate()

    @property
    def count(self) -> int:
        """How many related notices are shown, in every group."""
        return sum(self.model.item(i).rowCount() for i in range(self.model.rowCount()))

    def show_notice(self, notice: NoticeDetail | None) -> None:
        """Show *notice*'s relation groups (None: nothing open)."""
        from desktop.render.office import link_text, relation_groups

        self._notice = notice
        lang = self._lang()
        self.model.clear()
        bold = QFont()
        bold.setBold(True)
        for group in relation_groups(notice, lang) if notice is not None else []:
            heading = QStandardItem(f"{group.label} ({len(group.links)})")
            heading.setFont(bold)
            heading.setSelectable(False)
            heading.setEditable(False)
            for link in group.links:
                item = QStandardItem(link_text(link, lang))
                item.setEditable(False)
                item.setToolTip(f"{item.text()}\n{link.id}")
                if link.title is not None and not link.withdrawn:
                    item.setData(link.id, ID_ROLE)
                else:
                    item.setForeground(QBrush(QColor(MISSING_COLOR)))
                heading.appendRow(item)
            self.model.appendRow(heading)
        self.tree.expandAll()
        self.tree.setVisible(self.model.rowCount() > 0)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.heading.setText(notice.title if notice is not None else "")
        self.heading.setVisible(notice is not None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped rows change height with the width: lay them out again.
        self.tree.scheduleDelayedItemsLayout()

    def _chosen(self, index: QModelIndex) -> None:
        notice_id = index.data(ID_ROLE)
        if isinstance(notice_id, str):
            self.notice_chosen.emit(notice_id)

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Văn bản này không có văn bản căn cứ, sửa đổi hay thay thế."))
        self.tree.setAccessibleName(self.tr("Lược đồ văn bản"))
        if self._notice is not None:
            self.show_notice(self._notice)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
