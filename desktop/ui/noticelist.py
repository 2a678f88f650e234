"""The notice list: a lazy table model and its view.

`NoticeListModel` holds only the pages of rows the view has scrolled to;
`canFetchMore`/`fetchMore` ask the database worker for the next page, as in
the PySide6 fetchmore example, so a 100,000-notice archive opens at once.
A new filter or sort order builds a new model off the GUI thread (its first
page) and the window swaps it in.

Signals: `NoticeListModel.sort_requested(column, order)` when the user asks
for another order; `NoticeListModel.page_loaded()` after each page arrives.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from db.queries import ListOrder
from db.records import NoticeSummary
from desktop.tasks import Worker
from desktop.ui import formatting, icons
from desktop.ui.jobs import PAGE_SIZE, ListPage, ListQuery, load_page

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

TITLE, NUMBER, DATE = range(3)
_ORDER_OF_COLUMN: dict[int, ListOrder] = {TITLE: "title", NUMBER: "number", DATE: "published"}
_COLUMN_OF_ORDER = {v: k for k, v in _ORDER_OF_COLUMN.items()}

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2


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


class NoticeListModel(QAbstractTableModel):
    """Rows of one list query: title, số ký hiệu, date; unread rows in bold."""

    sort_requested = Signal(int, Qt.SortOrder)
    page_loaded = Signal()

    def __init__(
        self,
        first_page: ListPage,
        worker: Worker,
        parent: QObject | None = None,
        *,
        lang: str = "vi",
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._query = first_page.query
        self._total = first_page.total
        self._rows: list[NoticeSummary] = list(first_page.rows)
        self._row_of = {s.id: i for i, s in enumerate(self._rows)}
        self._fetching = False
        self._page_size = page_size
        self._lang = lang
        self._bold = QFont()
        self._bold.setBold(True)
        self._star = icons.icon("bookmark")

    # -- what the window asks -------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def loaded(self) -> int:
        return len(self._rows)

    def summary(self, row: int) -> NoticeSummary:
        return self._rows[row]

    def row_of(self, notice_id: str) -> int | None:
        return self._row_of.get(notice_id)

    def notice_id(self, row: int) -> str:
        return self._rows[row].id

    def set_lang(self, lang: str) -> None:
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, DATE)
        if self._rows:
            self.dataChanged.emit(self.index(0, DATE), self.index(len(self._rows) - 1, DATE))

    def update_row(
        self, notice_id: str, *, read: bool | None = None, bookmarked: bool | None = None
    ) -> None:
        """Change the read or bookmark mark of a loaded row in place."""
        row = self._row_of.get(notice_id)
        if row is None:
            return
        old = self._rows[row]
        new = replace(
            old,
            read=old.read if read is None else read,
            bookmarked=old.bookmarked if bookmarked is None else bookmarked,
        )
        if new != old:
            self._rows[row] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, DATE))

    def mark_all_read(self) -> None:
        changed = False
        for i, s in enumerate(self._rows):
            if not s.read:
                self._rows[i] = replace(s, read=True)
                changed = True
        if changed:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, DATE))

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

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
        s = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == TITLE:
                return s.title
            if col == NUMBER:
                return s.number or ""
            if col == DATE:
                return formatting.short_date(s.published, self._lang)
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if not s.read else None
        if role == Qt.ItemDataRole.DecorationRole and col == TITLE and s.bookmarked:
            return self._star
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [s.title, s.number or "", formatting.short_date(s.published, self._lang)]
            if not s.read:
                parts.append(self.tr("chưa đọc"))
            if s.bookmarked:
                parts.append(self.tr("đã đánh dấu"))
            return ", ".join(p for p in parts if p)
        if role == ID_ROLE:
            return s.id
        if role == SUMMARY_ROLE:
            return s
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == TITLE:
            return self.tr("Tiêu đề")
        if section == NUMBER:
            return self.tr("Số ký hiệu")
        if section == DATE:
            return self.tr("Ngày đăng")
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._fetching or len(self._rows) >= self._total:
            return
        self._fetching = True
        self._worker.run(
            load_page,
            self._query,
            len(self._rows),
            self._page_size,
            success=self._on_page,
            failure=self._on_failure,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Sorting 100,000 rows is the database's job: ask the window for a new model.
        wanted = query_for_sort(self._query, column, order)
        if wanted != self._query:
            self.sort_requested.emit(column, order)

    # -- worker callbacks -------------------------------------------------------------

    def _on_page(self, page: ListPage) -> None:
        if not shiboken6.isValid(self):
            return
        self._fetching = False
        if page.offset != len(self._rows):
            return  # an answer to an older request
        fresh = [s for s in page.rows if s.id not in self._row_of]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for s in fresh:
                self._row_of[s.id] = len(self._rows)
                self._rows.append(s)
            self.endInsertRows()
        if not page.rows or page.total < self._total:
            # The archive shrank under us: stop asking for rows that are gone.
            self._total = len(self._rows)
        self.page_loaded.emit()

    def _on_failure(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self._fetching = False
            self._total = len(self._rows)
        log.error("could not load a page of the notice list", exc_info=exc)


class NoticeListView(QTableView):
    """The middle pane: one row per notice, sortable by every column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.retranslate()

    def set_list_model(self, model: NoticeListModel) -> None:
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(sort_column(model.query), sort_order(model.query))
        header.blockSignals(False)
        old = self.model()
        self.setModel(model)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        if old is not None and old is not model and shiboken6.isValid(old):
            old.deleteLater()

    def list_model(self) -> NoticeListModel | None:
        model = self.model()
        return model if isinstance(model, NoticeListModel) else None

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Danh sách văn bản"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
