"""The panels under the article: "Tin liên quan" and "Tin mới nhất".

Each item reads "Title (05/06/2023 7:20 SA)" ("7:20 AM" in English),
wrapped on at most MAX_LINES lines, the last one cut with "…" (the whole
text is in the tooltip); clicking it, or pressing Enter on it, opens that
notice.

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
    QPointF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QListView,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop.render import dates

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem  # named when rows are painted: badges.py

    from db.records import NoticeSummary

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The roles an item answers, and its flags, made once: Qt asks data() for a dozen roles
#: of each item it paints, and each `Qt.ItemDataRole.X` looked up runs Python code.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ROLES = frozenset(
    {DISPLAY, int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.AccessibleTextRole), ID_ROLE}
)
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
#: Lines an item takes at most: a very long title must not fill the whole panel.
MAX_LINES = 3
#: Room around an item's text.
_PAD = 4


def wrapped_lines(text: str, font: QFont, width: float, most: int = MAX_LINES) -> list[str]:
    """*text* wrapped to *width*, at most *most* lines, the last one ending in "…" if cut."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start : start + length].rstrip() for start, length in spans]
    if len(lines) <= most:
        return lines
    rest = text[spans[most - 1][0] :].replace("\n", " ")
    metrics = QFontMetricsF(font)
    return [*lines[: most - 1], metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


class WrappedItemDelegate(QStyledItemDelegate):
    """Paints an item's text on at most MAX_LINES lines (see `wrapped_lines`)."""

    def _width(self, option: QStyleOptionViewItem) -> float:
        view = option.widget
        if isinstance(view, QListView):
            return float(view.viewport().width() - 2 * view.spacing() - 2 * _PAD)
        return float(max(option.rect.width() - 2 * _PAD, 1))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        from PySide6.QtWidgets import QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        lines = wrapped_lines(opt.text, opt.font, self._width(opt))
        height = QFontMetricsF(opt.font).lineSpacing() * max(len(lines), 1) + 2 * _PAD
        return QSize(int(self._width(opt)), int(height + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        metrics = QFontMetricsF(opt.font)
        width = float(opt.rect.width() - 2 * _PAD)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        y = opt.rect.top() + _PAD + metrics.ascent()
        for line in wrapped_lines(text, opt.font, width):
            painter.drawText(QPointF(opt.rect.left() + _PAD, y), line)
            y += metrics.lineSpacing()
        painter.restore()


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
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role != ID_ROLE:
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
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setItemDelegate(WrappedItemDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        # `activated` covers Enter and, where the style says so, a single click;
        # elsewhere a click must open the notice too, without opening it twice.
        self.view.activated.connect(self._chosen)
        self.view.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        self.retranslate()

    def set_rows(self, rows: Sequence[NoticeSummary]) -> None:
        self.model.set_rows(rows)

    def _clicked(self, index: QModelIndex) -> None:
        from PySide6.QtWidgets import QStyle  # asked at the click, not at the first paint

        if not self.view.style().styleHint(
            QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, self.view
        ):
            self._chosen(index)

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
