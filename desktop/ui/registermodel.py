"""The incoming register's lines as a table model, and the editors of the clerk's columns.

`RegisterModel` holds one year's lines (plain `RegisterRow`s) with Appendix
IV's columns, in the words the printed book uses. A year may hold tens of
thousands of lines: the view reads its last PAGE lines (the book opens at
its end) and the model asks for the others, BLOCK at a time, when they are
first shown (`rows_wanted`), keeping lines read before on screen until they
are read again. The clerk's columns
("Đơn vị hoặc người nhận", "Ngày chuyển", "Ghi chú", "Tình trạng xử lý") are
editable: the model checks the value, shows it, and asks for the write
(`edit_requested`); a value the register cannot take is refused in one
sentence (`rejected`). `RegisterDelegate` edits the status with a list of
its three values. `load_page` is what the register view asks the worker for.

Signals: `RegisterModel.edit_requested(year, number, column, value)`,
`RegisterModel.rejected(message)`, `RegisterModel.rows_wanted(offset)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from db.records import REGISTER_STATUSES, RegisterRow
from desktop.ops import register
from desktop.render.dates import short_date

if TYPE_CHECKING:
    from db.archive import Archive

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


#: Lines read when a year is shown: its last ones, where the view opens.
PAGE = 200
#: Lines read at a time when the clerk scrolls to lines not read yet.
BLOCK = 200


@dataclass(frozen=True)
class RegisterPage:
    """What the view shows: the years the register has, the year shown, how many
    lines it has (`total`) and its lines from `offset` on (the last PAGE)."""

    years: tuple[int, ...]
    year: int | None
    rows: tuple[RegisterRow, ...]
    total: int = 0
    offset: int = 0
    status: str | None = None


def load_page(archive: Archive, year: int | None, status: str | None) -> RegisterPage:
    """The last lines of *year* (by default the archive's current year, else the newest)."""
    years = tuple(register.register_years(archive))
    if year not in years:
        current = (archive.as_of or register.today()).year
        year = current if current in years else (years[0] if years else None)
    if year is None:
        return RegisterPage(years, None, (), status=status)
    total, rows = register.register_page(archive, year, status, -PAGE, PAGE)
    return RegisterPage(years, year, tuple(rows), total, max(0, total - PAGE), status)


def load_lines(
    archive: Archive, year: int, status: str | None, offset: int
) -> tuple[RegisterRow, ...]:
    """BLOCK lines of *year* from *offset* on: the ones the view asked for."""
    return tuple(register.register_page(archive, year, status, offset, BLOCK)[1])


class RegisterModel(QAbstractTableModel):
    """One year's register lines; the clerk's four columns are editable.

    An accepted edit shows at once and is sent on as `edit_requested`; a
    value the register cannot take is refused with `rejected(message)`.
    """

    edit_requested = Signal(int, int, str, object)
    rejected = Signal(str)
    rows_wanted = Signal(int)

    def __init__(self, parent: QObject | None = None, *, lang: str = "vi") -> None:
        super().__init__(parent)
        #: Every line of the year; None where it has not been read yet.
        self._rows: list[RegisterRow | None] = []
        self._lang = lang
        #: What the lines are of (year, status): lines read for another are dropped.
        self._key: object = None
        #: Blocks asked for and not answered yet; blocks shown but to be read again.
        self._asked: set[int] = set()
        self._stale: set[int] = set()

    @property
    def key(self) -> object:
        return self._key

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        """Show *rows*, every line of what is shown."""
        self.set_window(len(rows), 0, rows, self._key)

    def set_window(
        self, total: int, offset: int, rows: Sequence[RegisterRow], key: object = None
    ) -> None:
        """Show *total* lines of *key*, *rows* from *offset* on; the others are asked
        for (`rows_wanted`) when first shown.

        The same lines again (same key and count) change in place: lines read
        before stay on screen, to be read again when shown.
        """
        keys = [(r.year, r.incoming_number) for r in rows]
        same = (
            key == self._key
            and total == len(self._rows)
            and keys
            == [(r.year, r.incoming_number) for r in self._rows[offset : offset + len(rows)] if r]
        )
        if not same:
            self.beginResetModel()
            self._key = key
            self._rows = [None] * total
            self._rows[offset : offset + len(rows)] = list(rows)
            self._asked.clear()
            self._stale.clear()
            self.endResetModel()
            return
        self._asked.clear()
        window = {i // BLOCK for i in range(offset, offset + len(rows))}
        self._stale = {i // BLOCK for i, r in enumerate(self._rows) if r is not None} - window
        self._replace(offset, rows)

    def fill(self, offset: int, rows: Sequence[RegisterRow], key: object) -> None:
        """Lines *offset*… read for *key*, as `rows_wanted` asked."""
        self._asked.discard(offset // BLOCK)
        if key != self._key or offset + len(rows) > len(self._rows):
            return  # read for lines no longer shown
        self._stale -= {i // BLOCK for i in range(offset, offset + len(rows))}
        self._replace(offset, rows)

    def _replace(self, offset: int, rows: Sequence[RegisterRow]) -> None:
        changed = [offset + i for i, new in enumerate(rows) if self._rows[offset + i] != new]
        self._rows[offset : offset + len(rows)] = list(rows)
        if changed:
            self.dataChanged.emit(
                self.index(changed[0], 0), self.index(changed[-1], len(HEADINGS) - 1)
            )

    def _wanted(self, row: int) -> RegisterRow | None:
        """Line *row*, asking for its block when it has not been read (or is stale)."""
        line = self._rows[row]
        block = row // BLOCK
        if (line is None or block in self._stale) and block not in self._asked:
            self._asked.add(block)
            self.rows_wanted.emit(block * BLOCK)
        return line

    def line(self, row: int) -> RegisterRow | None:
        """Line *row*, None while it has not been read."""
        return self._rows[row]

    def lines(self) -> list[RegisterRow]:
        """The lines read so far, in order."""
        return [r for r in self._rows if r is not None]

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
        if index.column() in EDITABLE and self._rows[index.row()] is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _text(self, row: RegisterRow, column: int) -> str:
        return cell_text(row, column, self._lang)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._wanted(index.row()), index.column()
        if row is None or not 0 <= column < len(HEADINGS):
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
            or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
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
        if row is None:
            return False
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
