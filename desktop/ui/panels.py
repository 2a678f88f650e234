"""The panels under the article: "Tin liên quan" and "Tin mới nhất".

Each item reads "Title (05/06/2023 7:20 SA)"; clicking it, or pressing
Enter on it, opens that notice.

Signals: `NoticePanel.notice_chosen(notice_id)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QListView,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.render import dates

if TYPE_CHECKING:
    from db.records import NoticeSummary

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class NoticeLinkModel(QAbstractListModel):
    """A short list of notices shown as links."""

    def __init__(self, parent: QObject | None = None, *, lang: str = "vi") -> None:
        super().__init__(parent)
        self._rows: list[NoticeSummary] = []
        self._lang = lang

    def set_rows(self, rows: Sequence[NoticeSummary]) -> None:
        rows = list(rows)
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[NoticeSummary]:
        return list(self._rows)

    def set_lang(self, lang: str) -> None:
        self._lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def text(self, row: int) -> str:
        s = self._rows[row]
        return f"{s.title} ({dates.date_time(s.published, self._lang)})"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.text(index.row())
        if role == ID_ROLE:
            return self._rows[index.row()].id
        return None


class NoticePanel(QGroupBox):
    """A titled list of notice links."""

    notice_chosen = Signal(str)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"{kind}Panel")
        self.model = NoticeLinkModel(self)
        self.view = QListView(self)
        self.view.setObjectName(f"{kind}List")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        # `activated` covers Enter and, where the style says so, a single click;
        # elsewhere a click must open the notice too, without opening it twice.
        self.view.activated.connect(self._chosen)
        if not self.view.style().styleHint(
            QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, self.view
        ):
            self.view.clicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        self.retranslate()

    def set_rows(self, rows: Sequence[NoticeSummary]) -> None:
        self.model.set_rows(rows)

    def _chosen(self, index: QModelIndex) -> None:
        notice_id = self.model.data(index, ID_ROLE)
        if isinstance(notice_id, str):
            self.notice_chosen.emit(notice_id)

    def retranslate(self) -> None:
        title = self.tr("Tin liên quan") if self.kind == "related" else self.tr("Tin mới nhất")
        self.setTitle(title)
        self.view.setAccessibleName(title)
        self.setAccessibleName(title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
