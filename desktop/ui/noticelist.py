"""The notice list: a lazy table model and its view.

`NoticeRowsModel` is what every list of notices shows (title, số ký hiệu,
date; unread in bold, a star when bookmarked); the window talks to it the
same way whether it holds a category or search results
(`desktop.ui.searchpane.SearchResultsModel`).
`PagedRowsModel` holds only the pages of rows the view has scrolled to;
`canFetchMore`/`fetchMore` ask the task runner for the next page, as in
the PySide6 fetchmore example, so a 100,000-notice archive opens at once.
`NoticeListModel` pages through a category, `SearchResultsModel` through results.
A new filter or sort order builds a new model off the GUI thread (its first
page) and the window swaps it in. The view selects many rows (Ctrl/Shift),
for printing them; the current row is the notice the article shows.

Signals: `NoticeListModel.sort_requested(column, order)` when the user asks
for another order; `NoticeListModel.page_loaded()` after each page arrives.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from db.common import ListOrder
from desktop.ops import reading
from desktop.ops.changes import Changes
from desktop.ops.reading import PAGE_SIZE, ListPage, ListQuery
from desktop.render import dates
from desktop.tasks import Runner
from desktop.ui import icons
from desktop.ui.badges import BADGES_ROLE, Badges, paint_badges

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem  # named when rows are painted: badges.py

    from db.records import NoticeSummary

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

TITLE, NUMBER, DATE = range(3)
_ORDER_OF_COLUMN: dict[int, ListOrder] = {TITLE: "title", NUMBER: "number", DATE: "published"}
_COLUMN_OF_ORDER = {v: k for k, v in _ORDER_OF_COLUMN.items()}

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
# A search result's snippet as HTML, the matched words in <b>; None for plain rows.
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3

# The roles a row answers, as plain ints looked up once. Qt asks data() for a
# dozen roles of every cell it measures or paints (a first page: thousands of
# calls), and each `Qt.ItemDataRole.X` runs Python code (the enum's lookup).
DISPLAY, TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
FONT, DECORATION = int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.DecorationRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ROLES = frozenset(
    {DISPLAY, TOOLTIP, FONT, DECORATION, ACCESSIBLE, ID_ROLE, SUMMARY_ROLE, BADGES_ROLE}
)
#: A row's flags, made once (combining flags makes a new enum value each time).
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


def sort_column(query: ListQuery) -> int:
    return _COLUMN_OF_ORDER[query.order]


def sort_order(query: ListQuery) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder


def query_for_sort(query: ListQuery, column: int, order: Qt.SortOrder) -> ListQuery:
    return replace(
        query,
        order=_ORDER_OF_COLUMN.get(column, "published"),
        descending=order == Qt.SortOrder.DescendingOrder,
    )


class NoticeRowsModel(QAbstractTableModel):
    """Rows of notices: title, số ký hiệu, date; unread rows in bold.

    Subclasses fill `_rows` (and `_row_of`); the window reads and marks rows
    through the methods here, whichever list is shown.
    """

    # Whether clicking a column header sorts (the archive sorts; search keeps its ranking).
    sortable = True
    # Text lines per row: 1 for a plain list, more for a title with a snippet under it.
    row_lines = 1

    def __init__(self, parent: QObject | None = None, *, lang: str = "vi") -> None:
        super().__init__(parent)
        self._rows: list[NoticeSummary] = []
        self._row_of: dict[str, int] = {}
        self._lang = lang
        self._bold = QFont()
        self._bold.setBold(True)
        self._star = icons.icon("bookmark")

    def _set_rows(self, rows: list[NoticeSummary]) -> None:
        self._rows = list(rows)
        self._row_of = {s.id: i for i, s in enumerate(self._rows)}

    # -- what the window asks -------------------------------------------------------

    def loaded(self) -> int:
        return len(self._rows)

    def summary(self, row: int) -> NoticeSummary:
        return self._rows[row]

    def row_of(self, notice_id: str) -> int | None:
        return self._row_of.get(notice_id)

    def notice_id(self, row: int) -> str:
        return self._rows[row].id

    def notice_ids(self) -> list[str]:
        return [s.id for s in self._rows]

    def set_lang(self, lang: str) -> None:
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, DATE)
        if self._rows:
            # The badges' words are in the language too.
            self.dataChanged.emit(self.index(0, TITLE), self.index(len(self._rows) - 1, DATE))

    def apply_changes(self, changes: Changes) -> None:
        """Show new reading marks and bookmarks of the loaded rows in place."""
        changed = [
            i
            for i, s in enumerate(self._rows)
            if (not s.read and changes.made_read(s))
            or (s.read and changes.made_unread(s))
            or changes.bookmark(s.id) is not None
        ]
        for i in changed:
            s = self._rows[i]
            mark = changes.bookmark(s.id)
            self._rows[i] = replace(
                s,
                read=(s.read or changes.made_read(s)) and not changes.made_unread(s),
                bookmarked=s.bookmarked if mark is None else mark,
            )
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], DATE))

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == DISPLAY or role == TOOLTIP:
            if col == TITLE:
                return s.title
            if col == NUMBER:
                return s.number or ""
            if col == DATE:
                return dates.short_date(s.published, self._lang)
            return None
        if role == FONT:
            return self._bold if not s.read else None
        if role == DECORATION and col == TITLE and s.bookmarked:
            return self._star
        if role == ACCESSIBLE:
            marks = self._badges(s)
            parts = [
                marks.urgency,
                s.title,
                s.number or "",
                dates.short_date(s.published, self._lang),
            ]
            parts.append(marks.status_text)
            if not s.read:
                # The words keep the context they always had, for the shipped translations.
                parts.append(QCoreApplication.translate("NoticeListModel", "chưa đọc"))
            if s.bookmarked:
                parts.append(QCoreApplication.translate("NoticeListModel", "đã lưu"))
            return ", ".join(p for p in parts if p)
        if role == ID_ROLE:
            return s.id
        if role == SUMMARY_ROLE:
            return s
        if role == BADGES_ROLE and col == TITLE:
            return self._badges(s) or None
        return None

    def _badges(self, s: NoticeSummary) -> Badges:
        from desktop.render.statuswords import status_label, status_short_label, urgency_label

        return Badges(
            urgency_label(s.urgency, self._lang),
            s.status,
            status_label(s.status, self._lang),
            status_short_label(s.status, self._lang),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == TITLE:
            return QCoreApplication.translate("NoticeListModel", "Tiêu đề")
        if section == NUMBER:
            return QCoreApplication.translate("NoticeListModel", "Số ký hiệu")
        if section == DATE:
            return QCoreApplication.translate("NoticeListModel", "Ngày đăng")
        return None


class PagedRowsModel(NoticeRowsModel):
    """Rows fetched a page at a time through the task runner, as the view scrolls.

    The notice list and the search results share this: `fetchMore` asks for
    the next page (`_fetch_page`), `_append_page` inserts the rows it brings.
    Only one page is on its way at a time. Signals: `page_loaded()` after each page.
    """

    page_loaded = Signal()

    def __init__(
        self, runner: Runner, parent: QObject | None, *, lang: str, page_size: int
    ) -> None:
        super().__init__(parent, lang=lang)
        self._runner = runner
        self._page_size = page_size
        self._fetching = False
        self._complete = False

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._fetching or self._complete:
            return
        self._fetching = True
        self._fetch_page(len(self._rows), self._page_size)

    def _fetch_page(self, offset: int, limit: int) -> None:
        """Ask the runner for rows *offset*…, answering `_on_page`-like methods."""
        raise NotImplementedError

    def _append_page(self, rows: Sequence[NoticeSummary]) -> int:
        """Insert the rows not shown yet; returns how many were new."""
        fresh = [s for s in rows if s.id not in self._row_of]
        # Still "fetching" while rows go in: a view that asks for more from its
        # rowsInserted handler must not get this same page again.
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for s in fresh:
                self._row_of[s.id] = len(self._rows)
                self._rows.append(s)
            self.endInsertRows()
        self._fetching = False
        return len(fresh)

    def _page_failed(self, exc: BaseException) -> None:
        self._fetching = False
        self._complete = True
        log.error("could not load a page of the list", exc_info=exc)


class NoticeListModel(PagedRowsModel):
    """One list query's rows, fetched a page at a time; sorting asks the window.

    Signals: `sort_requested(column, order)`, `page_loaded()`.
    """

    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(
        self,
        first_page: ListPage,
        runner: Runner,
        parent: QObject | None = None,
        *,
        lang: str = "vi",
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(runner, parent, lang=lang, page_size=page_size)
        self._query = first_page.query
        self._total = first_page.total
        self._set_rows(list(first_page.rows))
        self._complete = len(self._rows) >= self._total

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Sorting 100,000 rows is the database's job: ask the window for a new model.
        wanted = query_for_sort(self._query, column, order)
        if wanted != self._query:
            self.sort_requested.emit(column, order)

    def _fetch_page(self, offset: int, limit: int) -> None:
        query = self._query
        self._runner.query(
            self,
            lambda archive: reading.list_page(archive, query, offset, limit),
            key="page",
            success=self._on_page,
            failure=self._page_failed,
        )

    def _on_page(self, page: ListPage) -> None:
        self._append_page(page.rows)
        if not page.rows or page.total < self._total:
            # The archive shrank under us: stop asking for rows that are gone.
            self._total = len(self._rows)
        self._complete = len(self._rows) >= self._total
        self.page_loaded.emit()


class SnippetDelegate(QStyledItemDelegate):
    """Paints a search result's title with its snippet under it, matches in bold.

    Rows without a snippet (SNIPPET_ROLE) are painted as usual. Urgency and
    validity (BADGES_ROLE) go at the title's left and right (badges.py).
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        badges = index.data(BADGES_ROLE)
        if isinstance(badges, Badges):
            option = paint_badges(painter, option, badges)
        snippet = index.data(SNIPPET_ROLE)
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = opt.palette.color(group, role)
        metrics = QFontMetrics(opt.font)
        line = metrics.height()
        painter.save()
        painter.setClipRect(rect)
        painter.setFont(opt.font)
        painter.setPen(color)
        painter.drawText(
            QRect(rect.left(), rect.top() + 2, rect.width(), line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(snippet)
        doc.setTextWidth(rect.width())
        painter.translate(rect.left(), rect.top() + 2 + line)
        # Whole lines only: the rest of a long snippet is in the tooltip.
        room = rect.height() - line - 4
        shown = QRectF(0, 0, rect.width(), _whole_lines_height(doc, room))
        painter.setClipRect(shown, Qt.ClipOperation.IntersectClip)
        context = QAbstractTextDocumentLayout.PaintContext()
        if not selected:
            color.setAlpha(190)  # a shade lighter than the title
        context.palette.setColor(QPalette.ColorRole.Text, color)
        context.clip = shown
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.data(SNIPPET_ROLE):
            hint.setHeight(QFontMetrics(option.font).lineSpacing() * 3 + 10)
        return hint


def _whole_lines_height(doc: QTextDocument, room: float) -> float:
    """The height of the document's first lines that fit in *room* entirely."""
    layout = doc.documentLayout()
    height = 0.0
    block = doc.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for i in range(lines.lineCount()):
            bottom = top + lines.lineAt(i).y() + lines.lineAt(i).height()
            if bottom > room:
                return height
            height = bottom
        block = block.next()
    return height


class NoticeListView(QTableView):
    """The middle pane: one row per notice, sortable by every column.

    Ctrl and Shift select several rows (for printing them); the current row
    is the open notice.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.setItemDelegateForColumn(TITLE, SnippetDelegate(self))
        self.verticalHeader().hide()
        self._set_row_lines(1)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.retranslate()

    def _set_row_lines(self, lines: int) -> None:
        # One line keeps the height it always had; more leave room for bold words.
        height = self.fontMetrics().height() + 8
        if lines > 1:
            height = self.fontMetrics().lineSpacing() * lines + 10
        self.verticalHeader().setDefaultSectionSize(height)

    def set_list_model(self, model: NoticeRowsModel) -> None:
        header = self.horizontalHeader()
        if isinstance(model, NoticeListModel):
            header.blockSignals(True)
            header.setSortIndicator(sort_column(model.query), sort_order(model.query))
            header.blockSignals(False)
        # Turned off before the swap: turning sorting on sorts the model at once.
        self.setSortingEnabled(False)
        header.setSortIndicatorShown(model.sortable)
        self._set_row_lines(model.row_lines)
        old = self.model()
        self.setModel(model)
        if model.sortable:
            self.setSortingEnabled(True)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        if isinstance(old, NoticeRowsModel) and old is not model:
            old.deleteLater()

    def list_model(self) -> NoticeRowsModel | None:
        model = self.model()
        return model if isinstance(model, NoticeRowsModel) else None

    def selected_ids(self) -> list[str]:
        """The selected notices, in list order."""
        model = self.list_model()
        selection = self.selectionModel()
        if model is None or selection is None:
            return []
        return [model.notice_id(i.row()) for i in sorted(selection.selectedRows(), key=_row)]

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Danh sách văn bản"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _row(index: QModelIndex) -> int:
    return index.row()
