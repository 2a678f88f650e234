"""The "Sổ văn bản đến" view: the incoming register, filtered by year and status, edited in place.

`RegisterModel` holds one year's lines (plain `RegisterRow`s) with Appendix
IV's columns, in the words the printed book uses. The clerk's columns
("Đơn vị hoặc người nhận", "Ngày chuyển", "Ghi chú", "Tình trạng xử lý") are
editable: the model checks the value and asks for the write
(`edit_requested`); `RegisterView` runs `desktop.ops.register.set_register`
on the task runner, which broadcasts `Changes(register=True)`, and every
view (this one too) reloads itself from that. "Ký nhận" is a signature on
paper, not kept in the archive, so the window does not show it.

"In sổ…" prints the whole year's book (landscape, through the window's print
preview); "Xuất Excel…" writes it as a workbook on the runner's file thread.

Signals: `RegisterModel.edit_requested(year, number, column, value)`,
`RegisterModel.rejected(message)`; `RegisterView.loaded()` after lines are
shown, `notice_chosen(notice_id)`, `exported(path, rows)`, `status(text)`,
`failed(exc)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.common import VN_TZ
from db.records import REGISTER_STATUSES, RegisterRow
from desktop.ops import register
from desktop.ops.changes import Changes
from desktop.render.dates import short_date
from desktop.tasks import Runner
from desktop.ui import dialogs

if TYPE_CHECKING:
    from db.archive import Archive
    from desktop.render.printtemplate import PrintSource

Index = QModelIndex | QPersistentModelIndex

# The columns the window shows: (catalog key of the heading, what the clerk may edit).
RECEIVED, NUMBER, ISSUER, DOC_NUMBER, ISSUED, CONTENT, ASSIGNED, HANDED, NOTE, STATUS = range(10)
HEADINGS = (
    "reg_col_received",
    "reg_col_number",
    "reg_col_issuer",
    "reg_col_doc_number",
    "reg_col_issued",
    "reg_col_title",
    "reg_col_assigned",
    "reg_col_handed",
    "reg_col_note",
    "reg_col_status",
)
#: The clerk's columns and the name `set_register` gives each.
EDITABLE = {ASSIGNED: "assigned_to", HANDED: "handed_over", NOTE: "note", STATUS: "status"}
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_day(text: str) -> date | None:
    """ "12/12/2023" (or 12-12-2023, 2023-12-12) as a date; None when it is not a day."""
    found = _DATE.match(text)
    try:
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        found = _ISO.match(text)
        if found:
            return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None
    return None


def cell_text(row: RegisterRow, column: int, lang: str) -> str:
    """What one cell of the register shows, in the printed book's words."""
    from desktop.render.registerbook import content_text, note_text, status_label

    cells: tuple[Callable[[], object], ...] = (
        lambda: short_date(row.received_at),
        lambda: row.incoming_number,
        lambda: row.issuer or "",
        lambda: row.number or "",
        lambda: short_date(row.issued) if row.issued else "",
        lambda: content_text(row),
        lambda: row.assigned_to or "",
        lambda: short_date(row.handed_over) if row.handed_over else "",
        lambda: note_text(row, lang),
        lambda: status_label(row.status, lang),
    )
    return str(cells[column]())


@dataclass(frozen=True)
class RegisterPage:
    """What the view shows: the years the register has, the year shown and its lines."""

    years: tuple[int, ...]
    year: int | None
    rows: tuple[RegisterRow, ...]


def load_page(archive: Archive, year: int | None, status: str | None) -> RegisterPage:
    """The lines of *year* (by default the archive's current year, else the newest)."""
    years = tuple(register.register_years(archive))
    if year not in years:
        current = (archive.as_of or register.today()).year
        year = current if current in years else (years[0] if years else None)
    rows = tuple(register.list_register(archive, year, status)) if year is not None else ()
    return RegisterPage(years, year, rows)


class RegisterModel(QAbstractTableModel):
    """One year's register lines; the clerk's four columns are editable.

    An accepted edit shows at once and is sent on as `edit_requested`; a
    value the register cannot take is refused with `rejected(message)`.
    """

    edit_requested = Signal(int, int, str, object)
    rejected = Signal(str)

    def __init__(self, parent: QObject | None = None, *, lang: str = "vi") -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self._lang = lang

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        """Show *rows*: changed cells in place when they are the same lines, else anew."""
        rows = list(rows)
        key = [(r.year, r.incoming_number) for r in rows]
        if key == [(r.year, r.incoming_number) for r in self._rows]:
            changed = [
                i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new
            ]
            self._rows = rows
            if changed:
                self.dataChanged.emit(
                    self.index(changed[0], 0), self.index(changed[-1], len(HEADINGS) - 1)
                )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def line(self, row: int) -> RegisterRow:
        return self._rows[row]

    def lines(self) -> list[RegisterRow]:
        return list(self._rows)

    def set_lang(self, lang: str) -> None:
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADINGS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, STATUS))

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _text(self, row: RegisterRow, column: int) -> str:
        return cell_text(row, column, self._lang)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if not 0 <= column < len(HEADINGS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == NOTE:
                return row.note or ""
            if column == STATUS:
                return row.status
            return self._text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            from desktop.messages import text

            return f"{text(HEADINGS[column], self._lang)}: {self._text(row, column)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RECEIVED, NUMBER, ISSUED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.withdrawn:
            return QColor("#888888")
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= section < len(HEADINGS)
        ):
            return None
        from desktop.messages import text

        return text(HEADINGS[section], self._lang)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() not in EDITABLE
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        row, column = self._rows[index.row()], index.column()
        field = EDITABLE[column]
        wanted = self._value(column, value)
        if wanted is _REFUSED:
            return False
        if getattr(row, field) == wanted:
            return False
        self._rows[index.row()] = replace(row, **{field: wanted})
        self.dataChanged.emit(index, index)
        self.edit_requested.emit(row.year, row.incoming_number, field, wanted)
        return True

    def _value(self, column: int, value: Any) -> Any:
        """The column's new value from what the editor gave, or _REFUSED (and say why)."""
        typed = "" if value is None else str(value).strip()
        if column == STATUS:
            if typed in REGISTER_STATUSES:
                return typed
            self.rejected.emit(
                QCoreApplication.translate("RegisterModel", "Tình trạng xử lý không hợp lệ.")
            )
            return _REFUSED
        if column == HANDED:
            if not typed:
                return None
            day = parse_day(typed)
            if day is None:
                self.rejected.emit(
                    QCoreApplication.translate(
                        "RegisterModel",
                        "Ngày chuyển phải có dạng ngày/tháng/năm, ví dụ 12/12/2023.",
                    )
                )
                return _REFUSED
            return day
        if len(typed) > register.MAX_CLERK_TEXT or "\x00" in typed:
            self.rejected.emit(
                QCoreApplication.translate(
                    "RegisterModel", "Nội dung dài quá {limit} ký tự."
                ).format(limit=register.MAX_CLERK_TEXT)
            )
            return _REFUSED
        return typed or None


_REFUSED = object()


class RegisterDelegate(QStyledItemDelegate):
    """Edits "Tình trạng xử lý" with a list of the three statuses, the rest as text."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        from desktop.render.registerbook import status_label

        lang = str(getattr(index.model(), "_lang", "vi"))
        if index.column() == STATUS:
            box = QComboBox(parent)
            box.setObjectName("registerStatusEditor")
            for status in REGISTER_STATUSES:
                box.addItem(status_label(status, lang), status)
            return box
        editor = QLineEdit(parent)
        editor.setObjectName("registerTextEditor")
        if index.column() == HANDED:
            editor.setPlaceholderText(QCoreApplication.translate("RegisterModel", "ngày/tháng/năm"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: Index) -> None:  # type: ignore[override]
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


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
        self.table.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.year_box.currentIndexChanged.connect(self._on_filter)
        self.status_box.currentIndexChanged.connect(self._on_filter)
        self.retranslate()

    def _size_columns(self) -> None:
        """Wide enough for a date, a heading or a short name; the content takes the rest."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        samples = {
            RECEIVED: "00/00/0000",
            NUMBER: "0000",
            ISSUER: "Ủy ban nhân dân tỉnh",
            DOC_NUMBER: "0000/QĐ-UBND",
            ISSUED: "00/00/0000",
            ASSIGNED: "Công chức Văn phòng",
            HANDED: "00/00/0000",
            NOTE: "Trình lãnh đạo",
            STATUS: "Đã tiếp nhận",
        }
        for column, sample in samples.items():
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(heading))
            header.resizeSection(column, width + 24)

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
        self.model.set_rows(page.rows)
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
        if index.isValid() and index.column() not in EDITABLE:
            self.notice_chosen.emit(self.model.line(index.row()).notice_id)

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

        self._runner.write(
            self,
            lambda archive: register.set_register(archive, year, number, **{field: value}),
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
        if self.model.rowCount() or self._year is not None:
            self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
