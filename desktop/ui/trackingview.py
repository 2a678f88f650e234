"""At the province: "Tình hình tiếp nhận", notices × enrolled offices, coloured by status.

`TrackingModel` shows a `TrackingReport` (built on the worker): one row per
notice, a first column with the notice, then one column per office. Two
filters keep only overdue notices or notices some office has not received.
`TrackingDialog` holds the table and the filters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ops.receipts import NoticeState, OfficeState, TrackingReport
from desktop.render.receiptreport import not_held_note, notice_label, office_cell, status_label

#: Cell colours by status: nothing heard, arrived, registered, in progress, done.
COLOURS = {
    None: "#f4c7c3",
    "01": "#fce8b2",
    "03": "#cfe2f3",
    "05": "#ffe0b2",
    "06": "#b7e1cd",
}
OVERDUE_TEXT = "#a50e0e"

Index = QModelIndex | QPersistentModelIndex


class TrackingModel(QAbstractTableModel):
    """Notices (rows) × offices (columns after the first); filters by overdue and not received."""

    def __init__(self, lang: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._report: TrackingReport | None = None
        self._rows: list[NoticeState] = []
        self.only_overdue = False
        self.only_not_received = False

    def set_report(self, report: TrackingReport) -> None:
        self.beginResetModel()
        self._report = report
        self._rows = self._visible()
        self.endResetModel()

    def set_filters(self, *, overdue: bool, not_received: bool) -> None:
        self.beginResetModel()
        self.only_overdue, self.only_not_received = overdue, not_received
        self._rows = self._visible()
        self.endResetModel()

    def _visible(self) -> list[NoticeState]:
        if self._report is None:
            return []
        return [
            n
            for n in self._report.notices
            if (not self.only_overdue or n.overdue)
            and (not self.only_not_received or bool(n.not_received))
        ]

    def notice_ids(self) -> list[str]:
        return [n.notice_id for n in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        if parent.isValid() or self._report is None:
            return 0
        return 1 + len(self._report.offices)

    def _state(self, index: Index) -> OfficeState | None:
        if index.column() == 0:
            return None
        return self._rows[index.row()].offices[index.column() - 1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        notice = self._rows[index.row()]
        state = self._state(index)
        lang = self._lang()
        if role == Qt.ItemDataRole.DisplayRole:
            if state is None:
                return notice_label(notice, lang)
            return status_label(state.status, lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            if state is None and not notice.held and self._report is not None:
                return not_held_note(self._report, lang)
            return notice.notice_id if state is None else office_cell(state, lang)
        if role == Qt.ItemDataRole.BackgroundRole and state is not None:
            return QBrush(QColor(COLOURS.get(state.status, COLOURS[None])))
        if role == Qt.ItemDataRole.ForegroundRole and state is not None:
            if state.answered is None and (state.days_late or 0) > 0:
                return QBrush(QColor(OVERDUE_TEXT))
        if role == Qt.ItemDataRole.UserRole:
            return notice.notice_id if state is None else state.status
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self._report is None:
            return None
        if not 0 <= section <= len(self._report.offices):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Văn bản")
            return self._report.offices[section - 1].name
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self._report.offices[section - 1].code
        return None


class TrackingDialog(QDialog):
    """The table of notices × offices and its two filters."""

    def __init__(self, lang: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setObjectName("trackingDialog")
        self.setWindowTitle(self.tr("Tình hình tiếp nhận"))
        self.model = TrackingModel(lang, self)
        self.table = QTableView(self)
        self.table.setObjectName("trackingTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.overdue = QCheckBox(self.tr("Chỉ văn bản quá hạn"), self)
        self.overdue.setObjectName("onlyOverdue")
        self.not_received = QCheckBox(self.tr("Chỉ văn bản có đơn vị chưa nhận"), self)
        self.not_received.setObjectName("onlyNotReceived")
        for box in (self.overdue, self.not_received):
            box.toggled.connect(self._filter)
        filters = QHBoxLayout()
        filters.addWidget(self.overdue)
        filters.addWidget(self.not_received)
        filters.addStretch(1)
        # Why some notices are named by their id only (a province that never imported
        # the bundles it sent): said once, above the table.
        self.note = QLabel(self)
        self.note.setObjectName("trackingNote")
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.resize(1000, 600)

    def _filter(self) -> None:
        self.model.set_filters(
            overdue=self.overdue.isChecked(), not_received=self.not_received.isChecked()
        )

    def show_report(self, report: TrackingReport) -> None:
        self.model.set_report(report)
        note = not_held_note(report, self._lang())
        self.note.setText(note or "")
        self.note.setVisible(note is not None)
        # Every column as wide as its header too: an office's name was cut ("JBND xã An Bìn").
        self.table.resizeColumnsToContents()
