"""The filters above the notice list: days of publication, document type, issuer.

They narrow whatever the list shows, a category or a search, the way the
command line's `--from/--to/--type` do. The header row ("Lọc ▸", what is
filtered, "Bỏ lọc") is always there; the fields fold out under it. The
document types and issuers offered are the archive's own, loaded through
the task runner and again whenever notices come or go.

Changes are gathered for a moment (FILTER_DELAY_MS) before the list is asked
again, so typing a date does not load the list at every digit; tests call
`apply_now` instead of waiting.

Signals: `filters_changed(NoticeFilter)`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.common import NO_FILTER, NoticeFilter
from desktop.ops import reading
from desktop.ops.changes import Changes
from desktop.render import dates
from desktop.tasks import Runner

if TYPE_CHECKING:
    from db.records import FilterChoices

FILTER_DELAY_MS = 300


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """ "Lọc" above the list; see the module docstring for what it holds and emits."""

    filters_changed = Signal(object)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._runner = runner
        #: The archive's document types and issuers, once read (`reading.filter_choices`).
        self._choices: FilterChoices | None = None
        self.filters: NoticeFilter = NO_FILTER

        self.toggle = QToolButton(self)
        self.toggle.setObjectName("filterToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("filterSummary")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("filterClear")
        self.clear_button.setAutoRaise(True)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.toggle)
        header.addWidget(self.summary, 1)
        header.addWidget(self.clear_button)

        self.fields = QWidget(self)
        self.fields.setObjectName("filterFields")
        self.from_check = QCheckBox(self.fields)
        self.from_edit = self._date_edit("filterFrom")
        self.to_check = QCheckBox(self.fields)
        self.to_edit = self._date_edit("filterTo")
        self.type_label = QLabel(self.fields)
        self.type_box = QComboBox(self.fields)
        self.type_box.setObjectName("filterType")
        self.issuer_label = QLabel(self.fields)
        self.issuer_box = QComboBox(self.fields)
        self.issuer_box.setObjectName("filterIssuer")
        for box in (self.type_box, self.issuer_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.type_label.setBuddy(self.type_box)
        self.issuer_label.setBuddy(self.issuer_box)
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(4, 0, 4, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.from_check, 0, 0)
        grid.addWidget(self.from_edit, 0, 1)
        grid.addWidget(self.to_check, 0, 2)
        grid.addWidget(self.to_edit, 0, 3)
        grid.addWidget(self.type_label, 1, 0)
        grid.addWidget(self.type_box, 1, 1, 1, 3)
        grid.addWidget(self.issuer_label, 2, 0)
        grid.addWidget(self.issuer_box, 2, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.fields.hide()

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 2)
        column.setSpacing(0)
        column.addLayout(header)
        column.addWidget(self.fields)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FILTER_DELAY_MS)
        self.timer.timeout.connect(self.apply_now)
        self.toggle.toggled.connect(self.set_expanded)
        self.clear_button.clicked.connect(self.clear)
        for check in (self.from_check, self.to_check):
            check.toggled.connect(self._edited)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._edited)
        for box in (self.type_box, self.issuer_box):
            box.currentIndexChanged.connect(self._edited)
        self._fill_boxes()
        self.retranslate()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self.fields)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)
        return edit

    def focus_chain(self) -> list[QWidget]:
        """The bar's fields in Tab order, for the window's chain."""
        return [
            self.toggle,
            self.clear_button,
            self.from_check,
            self.from_edit,
            self.to_check,
            self.to_edit,
            self.type_box,
            self.issuer_box,
        ]

    # -- what the clerk chose ---------------------------------------------------------------

    def current(self) -> NoticeFilter:
        """The filter the fields show now (applied or not yet)."""
        type_value = self.type_box.currentData()
        issuer_value = self.issuer_box.currentData()
        return NoticeFilter(
            date_from=_day(self.from_edit.date()) if self.from_check.isChecked() else None,
            date_to=_day(self.to_edit.date()) if self.to_check.isChecked() else None,
            doc_type=type_value if isinstance(type_value, str) else None,
            issuer=issuer_value if isinstance(issuer_value, str) else None,
        )

    def set_filters(self, filters: NoticeFilter) -> None:
        """Show *filters* in the fields and apply them at once."""
        widgets = (
            self.from_check,
            self.to_check,
            self.from_edit,
            self.to_edit,
            self.type_box,
            self.issuer_box,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for check, edit, day in (
                (self.from_check, self.from_edit, filters.date_from),
                (self.to_check, self.to_edit, filters.date_to),
            ):
                check.setChecked(day is not None)
                edit.setEnabled(day is not None)
                if day is not None:
                    edit.setDate(_qdate(day))
            self._choose(self.type_box, filters.doc_type)
            self._choose(self.issuer_box, filters.issuer)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.apply_now()

    def clear(self) -> None:
        """ "Bỏ lọc": show every notice again."""
        self.set_filters(NO_FILTER)

    def apply_now(self) -> None:
        """Apply what the fields show (the pause after a change ends here too)."""
        self.timer.stop()
        wanted = self.current()
        self._show_summary(wanted)
        if wanted != self.filters:
            self.filters = wanted
            self.filters_changed.emit(wanted)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(expanded)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.fields.setVisible(expanded)
        if expanded:
            self.from_check.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edited(self) -> None:
        self.from_edit.setEnabled(self.from_check.isChecked())
        self.to_edit.setEnabled(self.to_check.isChecked())
        if self.from_check.isChecked():
            # "Đến ngày" never before "Từ ngày": the calendar offers no empty range.
            self.to_edit.setMinimumDate(self.from_edit.date())
        else:
            self.to_edit.clearMinimumDate()
        self.timer.start()

    # -- the archive's choices --------------------------------------------------------------

    def reload(self) -> None:
        self._runner.query(
            self, reading.filter_choices, key="filter-choices", success=self._on_choices
        )

    def apply_changes(self, changes: Changes) -> None:
        if changes.lists:
            self.reload()

    def _on_choices(self, choices: FilterChoices) -> None:
        self._choices = choices
        for box in (self.type_box, self.issuer_box):
            box.blockSignals(True)
        try:
            self._fill_boxes()
        finally:
            for box in (self.type_box, self.issuer_box):
                box.blockSignals(False)

    def _fill_boxes(self) -> None:
        choices = self._choices
        for box, values, chosen in (
            (self.type_box, choices.doc_types if choices else (), self.filters.doc_type),
            (self.issuer_box, choices.issuers if choices else (), self.filters.issuer),
        ):
            box.clear()
            box.addItem("", None)
            for value in values:
                box.addItem(value, value)
            self._choose(box, chosen)
        self._retranslate_boxes()

    @staticmethod
    def _choose(box: QComboBox, value: str | None) -> None:
        if value is None:
            box.setCurrentIndex(0)
            return
        index = box.findData(value)
        if index < 0:
            # A value the archive no longer has stays chosen, so the list still says why.
            box.addItem(value, value)
            index = box.count() - 1
        box.setCurrentIndex(index)

    # -- words ------------------------------------------------------------------------------

    def _show_summary(self, filters: NoticeFilter) -> None:
        parts: list[str] = []
        first, last = filters.date_from, filters.date_to
        if first and last:
            parts.append(f"{dates.short_date(first)} – {dates.short_date(last)}")
        elif first:
            parts.append(self.tr("từ {day}").format(day=dates.short_date(first)))
        elif last:
            parts.append(self.tr("đến {day}").format(day=dates.short_date(last)))
        parts.extend(value for value in (filters.doc_type, filters.issuer) if value)
        text = " · ".join(parts)
        self.summary.setText(text)
        self.summary.setToolTip(text)
        self.clear_button.setVisible(bool(filters))

    def _retranslate_boxes(self) -> None:
        self.type_box.setItemText(0, self.tr("Mọi loại văn bản"))
        self.issuer_box.setItemText(0, self.tr("Mọi cơ quan ban hành"))

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("Lọc"))
        self.toggle.setToolTip(
            self.tr("Lọc danh sách theo ngày đăng, loại văn bản, cơ quan ban hành")
        )
        self.toggle.setAccessibleName(self.tr("Bộ lọc"))
        self.clear_button.setText(self.tr("Bỏ lọc"))
        self.clear_button.setToolTip(self.tr("Hiện lại mọi văn bản"))
        self.from_check.setText(self.tr("Từ ngày"))
        self.to_check.setText(self.tr("Đến ngày"))
        self.from_edit.setAccessibleName(self.tr("Từ ngày"))
        self.to_edit.setAccessibleName(self.tr("Đến ngày"))
        self.type_label.setText(self.tr("&Loại:"))
        self.type_box.setAccessibleName(self.tr("Loại văn bản"))
        self.issuer_label.setText(self.tr("&Cơ quan:"))
        self.issuer_box.setAccessibleName(self.tr("Cơ quan ban hành"))
        self._retranslate_boxes()
        self._show_summary(self.filters)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
