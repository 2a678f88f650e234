"""The "Sổ văn bản đến" view: the incoming register, filtered by year and status, edited in place.

The table shows a `RegisterModel` (desktop/ui/registermodel.py). An edit the
model accepts is written by `desktop.ops.register.set_register` on the task
runner, which broadcasts `Changes(register=True)`, and every view (this one
too) reloads itself from that. "Ký nhận" is a signature on paper, not kept
in the archive, so the window does not show it.

"In sổ…" prints the whole year's book (landscape, through the window's print
preview); "Xuất Excel…" writes it as a workbook on the runner's file thread.

Signals: `RegisterView.loaded()` after lines are shown, `notice_chosen(notice_id)`,
`exported(path, rows)`, `status(text)`, `failed(exc)`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.common import VN_TZ
from db.records import REGISTER_STATUSES, RegisterRow
from desktop.ops import register
from desktop.ops.changes import Changes
from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui.registermodel import (
    ASSIGNED,
    CONTENT,
    DOC_NUMBER,
    EDITABLE,
    HANDED,
    ISSUED,
    ISSUER,
    NOTE,
    NUMBER,
    RECEIVED,
    STATUS,
    RegisterDelegate,
    RegisterModel,
    RegisterPage,
    load_lines,
    load_page,
)

if TYPE_CHECKING:
    from desktop.render.printtemplate import PrintSource


class RegisterView(QWidget):
    """The register tab: year and status filters, the table, "In sổ…" and "Xuất Excel…".

    It loads itself when the register or the notices change (`apply_changes`),
    never because another view asked. See the module docstring for signals.
    """

    loaded = Signal()
    notice_chosen = Signal(str)
    exported = Signal(str, int)
    status = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        runner: Runner,
        *,
        lang: Callable[[], str],
        print_sources: Callable[[list[PrintSource]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registerView")
        self._runner = runner
        self._lang = lang
        self._print_sources = print_sources
        self._year: int | None = None
        self._shown_year: int | None = None
        self.model = RegisterModel(self, lang=lang())
        self.model.edit_requested.connect(self._write)
        self.model.rejected.connect(self.status)
        # Queued: the model asks while the table paints; the answer comes later.
        self.model.rows_wanted.connect(self._read_lines, Qt.ConnectionType.QueuedConnection)
        self.year_label = QLabel(self)
        self.year_box = QComboBox(self)
        self.year_box.setObjectName("registerYear")
        self.year_label.setBuddy(self.year_box)
        self.status_label = QLabel(self)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("registerStatus")
        self.status_label.setBuddy(self.status_box)
        self.status_box.addItem("", None)
        for status in REGISTER_STATUSES:
            self.status_box.addItem("", status)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("registerCount")
        self.print_button = QToolButton(self)
        self.export_button = QToolButton(self)
        for button in (self.print_button, self.export_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        for widget in (self.year_label, self.year_box, self.status_label, self.status_box):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)
        self.table = QTableView(self)
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(RegisterDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Fixed heights: nothing is measured line by line, however long the year.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CONTENT, QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        self.table.viewport().installEventFilter(self)
        self.table.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.year_box.currentIndexChanged.connect(self._on_filter)
        self.status_box.currentIndexChanged.connect(self._on_filter)
        self.retranslate()

    def _size_columns(self) -> None:
        """Each narrow column as wide as its heading or sample, shrunk toward its least (a date,
        a number, a few letters) when the table is narrow; the content takes the rest."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        # (sample, least): the least is what a column keeps in a narrow window.
        samples = {
            RECEIVED: ("00/00/0000", "00/00/0000"),
            NUMBER: ("0000", "0000"),
            ISSUER: ("Ủy ban nhân dân tỉnh", "UBND tỉnh"),
            DOC_NUMBER: ("0000/QĐ-UBND", "0000/QĐ-UBND"),
            ISSUED: ("00/00/0000", "00/00/0000"),
            ASSIGNED: ("Công chức Văn phòng", "Văn phòng"),
            HANDED: ("00/00/0000", "00/00/0000"),
            NOTE: ("Trình lãnh đạo", "Ghi chú"),
            STATUS: ("Đã tiếp nhận", "Đã tiếp nhận"),
        }
        wide: dict[int, int] = {}
        least: dict[int, int] = {}
        for column, (sample, short) in samples.items():
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            wide[column] = (
                max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(heading)) + 24
            )
            least[column] = min(wide[column], metrics.horizontalAdvance(short) + 12)
        # The summary keeps a quarter of the table, or room for its heading if that is
        # more, up to a third: the text a clerk reads first.
        room = self.table.viewport().width()
        title = str(self.model.headerData(CONTENT, Qt.Orientation.Horizontal))
        content = min(max(metrics.horizontalAdvance(title) + 24, room // 4), room // 3)
        spare = room - content - sum(least.values())
        extra = sum(wide[c] - least[c] for c in wide)
        share = 1.0 if extra <= 0 else max(0.0, min(1.0, spare / extra))
        for column in wide:
            width = least[column] + int((wide[column] - least[column]) * share)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._size_columns()
        return super().eventFilter(watched, event)

    # -- loading ---------------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        """The year shown."""
        return self._year

    def chosen_status(self) -> str | None:
        value = self.status_box.currentData()
        return value if isinstance(value, str) else None

    def reload(self) -> None:
        year, status = self._year, self.chosen_status()
        self._runner.query(
            self,
            lambda archive: load_page(archive, year, status),
            key="register",
            success=self._show,
            failure=self.failed.emit,
        )

    def _read_lines(self, offset: int) -> None:
        key = self.model.key
        if not isinstance(key, tuple):
            return
        year, status = key

        def show(rows: tuple[RegisterRow, ...]) -> None:
            self.model.fill(offset, rows, key)

        self._runner.query(
            self,
            lambda archive: load_lines(archive, year, status, offset),
            key=f"register-lines-{offset}",
            success=show,
            failure=self.failed.emit,
        )

    def apply_changes(self, changes: Changes) -> None:
        if changes.archive:
            self._year = self._shown_year = None
        if changes.register or changes.lists:
            self.reload()

    def _show(self, page: RegisterPage) -> None:
        # A year shown anew opens at its last lines, where the new documents are.
        fresh = page.year != self._shown_year
        self._year = self._shown_year = page.year
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in page.years:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(page.year)))
        self.year_box.blockSignals(False)
        self.model.set_window(page.total, page.offset, page.rows, (page.year, page.status))
        if fresh:
            self.table.scrollToBottom()
        self._show_count()
        self.loaded.emit()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{count} văn bản").format(count=self.model.rowCount()))

    def _on_filter(self, _index: int) -> None:
        value = self.year_box.currentData()
        self._year = value if isinstance(value, int) else None
        self.reload()

    def _on_activated(self, index: QModelIndex) -> None:
        # The clerk's columns open their editor; the others open the notice.
        line = self.model.line(index.row()) if index.isValid() else None
        if line is not None and index.column() not in EDITABLE:
            self.notice_chosen.emit(line.notice_id)

    # -- writing ---------------------------------------------------------------------------

    def _write(self, year: int, number: int, field: str, value: object) -> None:
        def done(row: RegisterRow) -> None:
            self.status.emit(
                self.tr("Đã ghi vào sổ: số đến {number}/{year}").format(
                    number=row.incoming_number, year=row.year
                )
            )

        def refused(exc: BaseException) -> None:
            from desktop.messages import describe

            if isinstance(exc, register.BadRegisterValue):
                self.status.emit(exc.message(self._lang()))
            else:
                self.status.emit(describe(exc, self._lang()))
            self.reload()  # the cell shows what the archive holds

        column: dict[str, Any] = {field: value}  # one of the clerk's columns, by name
        self._runner.write(
            self,
            lambda archive: register.set_register(archive, year, number, **column),
            success=done,
            failure=refused,
        )

    # -- the book --------------------------------------------------------------------------

    def _with_book(self, then: Callable[[int, list[RegisterRow]], None]) -> None:
        """Read the whole year shown (every status: a register book is complete), then *then*."""
        year = self._year
        if year is None:
            self.status.emit(self.tr("Sổ văn bản đến chưa có văn bản nào."))
            return
        self._runner.query(
            self,
            lambda archive: register.list_register(archive, year),
            success=lambda rows: then(year, rows),
            failure=self.failed.emit,
        )

    def print_book(self) -> None:
        """ "In sổ…": the year's book in the print preview, landscape A4."""

        def preview(year: int, rows: list[RegisterRow]) -> None:
            from desktop.render.registerbook import register_source

            when = datetime.now(VN_TZ)
            self._print_sources([register_source(rows, year, when, self._lang())])

        self._with_book(preview)

    def export_excel(self) -> None:
        """ "Xuất Excel…": ask where, read the year, write the workbook on the file thread."""
        year = self._year
        if year is None:
            self.status.emit(self.tr("Sổ văn bản đến chưa có văn bản nào."))
            return
        target = dialogs.choose_xlsx_path(self, f"so-van-ban-den-{year}.xlsx")
        if target is None:
            return
        lang = self._lang()

        def write(year: int, rows: list[RegisterRow]) -> None:
            self._runner.files(
                self,
                lambda: register.export_xlsx(rows, target, year, lang),
                success=lambda count: self._exported(target, count),
                failure=lambda exc: self._export_failed(target, exc),
            )

        self._with_book(write)

    def _exported(self, target: Path, count: int) -> None:
        self.status.emit(
            self.tr("Đã xuất {count} dòng của sổ ra {path}").format(count=count, path=target)
        )
        self.exported.emit(str(target), count)

    def _export_failed(self, target: Path, exc: BaseException) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.status.emit(
            self.tr("Không xuất được {path}: {reason}").format(path=target, reason=reason)
        )

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Năm:"))
        self.status_label.setText(self.tr("Tình trạng:"))
        self.status_box.setItemText(0, self.tr("Tất cả"))
        from desktop.render.registerbook import status_label

        for i, status in enumerate(REGISTER_STATUSES, start=1):
            self.status_box.setItemText(i, status_label(status, self._lang()))
        self.year_box.setAccessibleName(self.tr("Năm của sổ"))
        self.status_box.setAccessibleName(self.tr("Lọc theo tình trạng xử lý"))
        self.table.setAccessibleName(self.tr("Sổ văn bản đến"))
        self.model.set_lang(self._lang())
        self._size_columns()
        if self.model.rowCount() or self._year is not None:
            self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
