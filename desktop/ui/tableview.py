"""A notice's whole table in a model/view table, for tables too big for the article.

The article lays out only a budget of table cells (Qt lays a QTextDocument
table out on the GUI thread, ~0.1 ms a cell: 3,000 rows × 30 columns took
15 s). A table cut short there links here: its cells were read on the
database worker, and a QTableView asks only for the rows it shows, fetched
in pages as it scrolls (like the PySide6 example itemviews/fetchmore).

`TableDialog` owns one `TableModel`; it emits nothing of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QTableView, QVBoxLayout, QWidget

from desktop.render.tables import TableData

Index = QModelIndex | QPersistentModelIndex

#: Rows added to the model per fetch.
PAGE_ROWS = 200


class TableModel(QAbstractTableModel):
    """Read-only cells of one `TableData`, its rows fetched PAGE_ROWS at a time."""

    def __init__(self, data: TableData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = data
        self._shown = min(PAGE_ROWS, len(data.rows))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.header)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._table.rows)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(PAGE_ROWS, len(self._table.rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._table.rows[index.row()]
            column = index.column()
            return row[column] if 0 <= column < len(row) else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            header = self._table.header
            return header[section] if 0 <= section < len(header) else None
        return section + 1


class TableDialog(QDialog):
    """A window showing one whole table; closing it deletes it."""

    def __init__(self, data: TableData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tableDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The caption comes from the renderer, already in the reader's language.
        self.setWindowTitle(data.caption)
        self.view = QTableView(self)
        self.view.setObjectName("wholeTable")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        # Fixed row heights: nothing is measured row by row, however long the table.
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setModel(TableModel(data, self.view))
        self.view.setAccessibleName(data.caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.resize(900, 600)
