"""The "Việc cần làm" view: deadlines not yet done, soonest first, overdue ones in red.

`TodoModel` holds plain `TodoItem`s (desktop.ops.register.todo_list):
deadline, how long is left ("quá hạn 3 ngày", "còn 2 ngày"), urgency,
number, title and the register's handling status. Overdue rows are red,
those due within SOON_DAYS days orange (`desktop.ops.register.due_level`).
Days are counted from the archive's own day (today, or the demo's day).

`TodoView` loads the list whenever the register or the notices change, and
tells the window how many there are (for the status bar). It reads the
first PAGE items and their count; the model asks for the next PAGE when the
table scrolls to its end (`more_wanted`), as the notice list does. "Hoàn thành"
marks the chosen one done in the register, which takes it off the list.

Signals: `TodoView.loaded()`; `count_changed(total, overdue)`;
`notice_chosen(notice_id)`; `status(text)`; `failed(exc)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.records import TodoItem
from desktop.ops import register
from desktop.ops.changes import Changes
from desktop.render.dates import short_date
from desktop.tasks import Runner

if TYPE_CHECKING:
    from db.archive import Archive

Index = QModelIndex | QPersistentModelIndex

DEADLINE, DUE, URGENCY, NUMBER, TITLE, STATUS = range(6)
#: Colours of overdue and soon-due rows (the same red as the urgency stamp).
LEVEL_COLORS = {"overdue": "#c00000", "soon": "#d35400"}


#: Items read at a time.
PAGE = 200


@dataclass(frozen=True)
class TodoPage:
    """The to-do list as of `day`: how many items (`total`, `overdue` of them)
    and the first of them, soonest first."""

    day: date
    items: tuple[TodoItem, ...]
    total: int = 0
    overdue: int = 0


def load_todo(archive: Archive) -> TodoPage:
    """The to-do list, counted from the archive's day (the demo's own, or today)."""
    day = archive.as_of or register.today()
    counted = register.todo_count(archive, day)
    items = tuple(register.todo_list(archive, day, limit=PAGE))
    return TodoPage(day, items, counted.total, counted.overdue)


def load_more(archive: Archive, day: date, offset: int) -> tuple[TodoItem, ...]:
    """The next PAGE items from *offset* on."""
    return tuple(register.todo_list(archive, day, limit=PAGE, offset=offset))


class TodoModel(QAbstractTableModel):
    """Read-only rows of `TodoItem`s, coloured by how near their deadline is."""

    more_wanted = Signal(int)

    def __init__(self, parent: QObject | None = None, *, lang: str = "vi") -> None:
        super().__init__(parent)
        self._items: list[TodoItem] = []
        self._lang = lang
        self._bold = QFont()
        self._bold.setBold(True)
        self._total = 0
        self._key: object = None
        self._asked = False

    @property
    def key(self) -> object:
        return self._key

    def set_items(
        self, items: Sequence[TodoItem], total: int | None = None, key: object = None
    ) -> None:
        """Show *items*, the first of *total* (all of them when not given)."""
        self.beginResetModel()
        self._items = list(items)
        self._total = len(self._items) if total is None else total
        self._key = key
        self._asked = False
        self.endResetModel()

    def add_items(self, offset: int, items: Sequence[TodoItem], key: object) -> None:
        """Items *offset*… read for *key*, as `more_wanted` asked."""
        self._asked = False
        if key != self._key or offset != len(self._items) or not items:
            return  # read for a list no longer shown
        self.beginInsertRows(QModelIndex(), offset, offset + len(items) - 1)
        self._items.extend(items)
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._items) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and not self._asked:
            self._asked = True
            self.more_wanted.emit(len(self._items))

    def item(self, row: int) -> TodoItem:
        return self._items[row]

    def set_lang(self, lang: str) -> None:
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, STATUS)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, STATUS))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else STATUS + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def text(self, item: TodoItem, column: int) -> str:
        from desktop.render.registerbook import status_label
        from desktop.render.statuswords import urgency_label

        cells: tuple[Callable[[], str], ...] = (
            lambda: short_date(item.deadline),
            lambda: register.due_text(item, self._lang),
            lambda: urgency_label(item.urgency, self._lang),
            lambda: item.number or "",
            lambda: item.title,
            lambda: status_label(item.status, self._lang),
        )
        return cells[column]()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        if not 0 <= column <= STATUS:
            return None
        level = register.due_level(item)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(item, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(t for t in (self.text(item, c) for c in range(STATUS + 1)) if t)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == URGENCY:
                return QColor(LEVEL_COLORS["overdue"])
            if level in LEVEL_COLORS:
                return QColor(LEVEL_COLORS[level])
            return None
        if role == Qt.ItemDataRole.FontRole and (column in (DUE, URGENCY) or level == "overdue"):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DEADLINE, URGENCY):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headings = (
            self.tr("Hạn xử lý"),
            self.tr("Thời hạn"),
            self.tr("Độ khẩn"),
            self.tr("Số, ký hiệu"),
            self.tr("Văn bản"),
            self.tr("Tình trạng xử lý"),
        )
        return headings[section] if 0 <= section < len(headings) else None


class TodoView(QWidget):
    """The to-do tab; see the module docstring for its signals."""

    loaded = Signal()
    count_changed = Signal(int, int)
    notice_chosen = Signal(str)
    status = Signal(str)
    failed = Signal(object)

    def __init__(
        self, runner: Runner, *, lang: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todoView")
        self._runner = runner
        self._lang = lang
        self.page: TodoPage | None = None
        self.model = TodoModel(self, lang=lang())
        self.model.more_wanted.connect(self._read_more, Qt.ConnectionType.QueuedConnection)
        self.heading = QLabel(self)
        self.heading.setObjectName("todoHeading")
        self.done_button = QToolButton(self)
        self.done_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.done_button)
        self.table = QTableView(self)
        self.table.setObjectName("todoTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(
            lambda index: self.notice_chosen.emit(self.model.item(index.row()).notice_id)
        )
        self.empty = QLabel(self)
        self.empty.setObjectName("todoEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.retranslate()

    def reload(self) -> None:
        self._runner.query(
            self, load_todo, key="todo", success=self._show, failure=self.failed.emit
        )

    def apply_changes(self, changes: Changes) -> None:
        # A register line done, or a notice with a deadline come or gone.
        if changes.register or changes.lists:
            self.reload()

    def _read_more(self, offset: int) -> None:
        key, page = self.model.key, self.page
        if page is None:
            return
        day = page.day
        self._runner.query(
            self,
            lambda archive: load_more(archive, day, offset),
            key="todo-more",
            success=lambda items: self.model.add_items(offset, items, key),
            failure=self.failed.emit,
        )

    def _show(self, page: TodoPage) -> None:
        self.page = page
        self.model.set_items(page.items, page.total, (page.day, page.total, page.overdue))
        self._show_heading()
        self.table.setVisible(bool(page.items))
        self.empty.setVisible(not page.items)
        self.count_changed.emit(page.total, page.overdue)
        self.loaded.emit()

    def _show_heading(self) -> None:
        page = self.page
        if page is None:
            self.heading.clear()
            return
        self.heading.setText(
            self.tr("Văn bản có hạn xử lý chưa hoàn thành, tính đến ngày {day}").format(
                day=short_date(page.day)
            )
        )

    def chosen(self) -> TodoItem | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def mark_done(self) -> None:
        """ "Hoàn thành": set the chosen item's register line to done."""
        item = self.chosen()
        if item is None:
            return
        if item.year is None or item.incoming_number is None:
            self.status.emit(self.tr("Văn bản này chưa có trong sổ văn bản đến."))
            return
        year, number = item.year, item.incoming_number
        self._runner.write(
            self,
            lambda archive: register.set_register(archive, year, number, status="done"),
            success=lambda _row: self.status.emit(
                self.tr("Đã ghi hoàn thành: {title}").format(title=item.title)
            ),
            failure=self.failed.emit,
        )

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Không có việc nào cần làm."))
        self.table.setAccessibleName(self.tr("Việc cần làm"))
        self.model.set_lang(self._lang())
        self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
