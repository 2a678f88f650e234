"""The left pane: fixed entries and the archive's category tree with unread counts.

"Tất cả", "Chưa đọc" and "Đã lưu" come first, then the nested categories.
Every entry shows its counts the same way, "(unread/total)": "Tất cả
(42/50)" is 42 unread of 50 notices, "Chưa đọc (42/50)" the same 42, "Đã lưu
(1/3)" one unread of three saved; the tooltip says it in words. Counts are
refreshed in place when the tree's shape is the same, so selection and
expansion survive a view being counted.

Signals: `CategoryTreeView.filter_chosen(category, show)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from db.common import Show

if TYPE_CHECKING:
    from db.records import CategoryInfo

Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
# The roles a node answers, and its flags, made once: Qt asks data() for a dozen roles
# of each node it paints, and each `Qt.ItemDataRole.X` looked up runs Python code.
_DISPLAY, _FONT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.FontRole)
_TIPS = (int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.AccessibleTextRole))
_ROLES = frozenset({_DISPLAY, _FONT, KEY_ROLE, *_TIPS})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# (category path or None, show)
Key = tuple[str | None, Show]

ALL: Key = (None, "all")
UNREAD: Key = (None, "unread")
BOOKMARKED: Key = (None, "bookmarked")
FIXED = (ALL, UNREAD, BOOKMARKED)


@dataclass(eq=False)
class Node:
    key: Key
    name: str
    badge: int = 0
    count: int = 0
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0


@dataclass(frozen=True)
class TreeCounts:
    """What the tree needs from the archive."""

    categories: tuple[CategoryInfo, ...]
    total: int
    unread: int
    bookmarked: int
    bookmarked_unread: int = 0


def build_nodes(counts: TreeCounts) -> list[Node]:
    """Top-level nodes: the fixed entries, then the category roots."""
    top = [
        Node(ALL, "", badge=counts.unread, count=counts.total),
        Node(UNREAD, "", badge=counts.unread, count=counts.total),
        Node(BOOKMARKED, "", badge=counts.bookmarked_unread, count=counts.bookmarked),
    ]
    by_path: dict[str, Node] = {}
    for info in counts.categories:
        node = Node((info.path, "all"), info.name, badge=info.unread, count=info.count)
        parent = by_path.get(info.parent) if info.parent else None
        siblings = parent.children if parent is not None else top
        node.parent = parent
        node.row = len(siblings)
        siblings.append(node)
        by_path[info.path] = node
    for i, node in enumerate(top):
        node.row = i
    return top


def _walk(nodes: Sequence[Node]) -> list[Node]:
    """Every node in tree order, with an explicit stack: an archive may hold a
    category hundreds of levels deep, past Python's recursion limit."""
    out: list[Node] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out


class CategoryModel(QAbstractItemModel):
    """A read-only tree of `Node`s; one column, "Name (unread)"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._top: list[Node] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_counts(self, counts: TreeCounts) -> None:
        """Show new counts: in place when the shape is unchanged, else reset."""
        fresh = build_nodes(counts)
        old_nodes = _walk(self._top)
        new_nodes = _walk(fresh)
        same_shape = [(n.key, n.row, n.parent.key if n.parent else None) for n in old_nodes] == [
            (n.key, n.row, n.parent.key if n.parent else None) for n in new_nodes
        ]
        if same_shape and old_nodes:
            for old, new in zip(old_nodes, new_nodes, strict=True):
                if (old.badge, old.count, old.name) != (new.badge, new.count, new.name):
                    old.badge, old.count, old.name = new.badge, new.count, new.name
                    idx = self.createIndex(old.row, 0, old)
                    self.dataChanged.emit(idx, idx)
            return
        self.beginResetModel()
        self._top = fresh
        self.endResetModel()

    def index_of(self, key: Key) -> QModelIndex:
        for node in _walk(self._top):
            if node.key == key:
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, Node) else None

    def retranslate(self) -> None:
        if self._top:
            self.dataChanged.emit(self.index(0, 0), self.index(len(FIXED) - 1, 0))

    def fixed_name(self, key: Key) -> str:
        if key == ALL:
            return self.tr("Tất cả")
        if key == UNREAD:
            return self.tr("Chưa đọc")
        return self.tr("Đã lưu")

    # -- Qt model interface -------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._children(parent)
        if siblings is None or row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        siblings = self._children(parent)
        return 0 if siblings is None else len(siblings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        node = self.node(index) if role in _ROLES else None
        if node is None:
            return None
        if role == _FONT:
            return self._bold if node.badge else None
        if role == KEY_ROLE:
            return node.key
        name = self.fixed_name(node.key) if node.key in FIXED else node.name
        if role == _DISPLAY:
            return f"{name} ({node.badge}/{node.count})" if node.count else name
        return self.tr("{name}: {unread} chưa đọc trên tổng số {count} văn bản").format(
            name=name, count=node.count, unread=node.badge
        )

    def _children(self, parent: Index) -> list[Node] | None:
        if not parent.isValid():
            return self._top
        node = self.node(parent)
        return None if node is None else node.children


class CategoryTreeView(QTreeView):
    """Shows a `CategoryModel`; emits `filter_chosen(category, show)` on selection."""

    filter_chosen = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoryTree")
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.category_model = CategoryModel(self)
        self.setModel(self.category_model)
        self.selectionModel().selectionChanged.connect(self._on_selection)
        self.category_model.modelReset.connect(self._after_reset)
        self._current: Key = ALL
        self.retranslate()

    def set_counts(self, counts: TreeCounts) -> None:
        self.category_model.set_counts(counts)

    def current_key(self) -> Key:
        return self._current

    def select_key(self, key: Key) -> None:
        index = self.category_model.index_of(key)
        if index.isValid():
            self.setCurrentIndex(index)

    def _after_reset(self) -> None:
        self.expandToDepth(0)
        index = self.category_model.index_of(self._current)
        if not index.isValid():
            index = self.category_model.index_of(ALL)
        self.selectionModel().blockSignals(True)
        self.setCurrentIndex(index)
        self.selectionModel().blockSignals(False)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        node = self.category_model.node(indexes[0])
        if node is None or node.key == self._current:
            return
        key = node.key
        self._current = key
        self.filter_chosen.emit(key[0], key[1])

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Chuyên mục"))
        self.category_model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
