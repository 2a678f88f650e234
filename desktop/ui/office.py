"""What the office does with a document, in the window: register, deadlines, validity, relations.

`install_office_views(window)` gives the window, once its reader is built:

- tabs over the reader: "Văn bản" (the reader as it was), "Sổ văn bản đến"
  (desktop/ui/registerview.py) and "Việc cần làm (N)" (desktop/ui/todoview.py);
- "Nội dung" / "Lược đồ (N)" tabs over the article (desktop/ui/relationsview.py):
  the relation groups one click from the top, as on vbpl.vn, where a clerk
  has seen them; the article still ends with the same groups;
- a "Hiệu lực" filter above the notice list ("Còn hiệu lực", "Hết hiệu lực
  toàn bộ"…), which filters a category's list and a search alike;
- the number of things to do in the status bar ("Việc cần làm: 3 (1 quá
  hạn)"), a link to the to-do tab;
- its actions (OFFICE_ACTIONS in desktop/ui/actions.py) in the "Xem" menu.

Each view connects itself to the runner's `changes_made` and reloads what
it shows; none calls another. Validity badges and urgency stamps in the
list are the list's own (desktop/ui/badges.py).

`OfficeViews` owns these; it emits `failed(exc)` when a view could not
read the archive and `status(text)` for the status bar.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QWidget

from desktop.ops.changes import Changes
from desktop.ops.validity import STATUSES
from desktop.ui.actions import (
    OFFICE_ACTIONS,
    OFFICE_VIEW_MENU,
    build_actions,
    retranslate_actions,
)
from desktop.ui.registerview import RegisterView
from desktop.ui.relationsview import ArticleTabs, RelationsView
from desktop.ui.todoview import TodoView

log = logging.getLogger(__name__)

READER_TAB, REGISTER_TAB, TODO_TAB = range(3)
_VIEW_ACTIONS = ("readerViewAction", "registerViewAction", "todoViewAction")


class StatusFilter(QWidget):
    """ "Hiệu lực: [Tất cả ▾]" above the notice list; `status_chosen(status or "")`."""

    status_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusFilter")
        self.label = QLabel(self)
        self.box = QComboBox(self)
        self.box.setObjectName("statusFilterBox")
        self.label.setBuddy(self.box)
        self.box.addItem("", "")
        for status in STATUSES:
            self.box.addItem("", status)
        self.box.currentIndexChanged.connect(
            lambda _i: self.status_chosen.emit(str(self.box.currentData() or ""))
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.box, 1)

    def choose(self, status: str | None) -> None:
        self.box.setCurrentIndex(max(0, self.box.findData(status or "")))

    def retranslate(self, lang: str) -> None:
        from desktop.render.office import status_label

        self.label.setText(self.tr("Hiệu lực:"))
        self.box.setItemText(0, self.tr("Tất cả văn bản"))
        for i, status in enumerate(STATUSES, start=1):
            self.box.setItemText(i, status_label(status, lang))
        self.box.setAccessibleName(self.tr("Lọc theo tình trạng hiệu lực"))


class OfficeViews(QObject):
    """Owns the register, to-do and "Lược đồ" views of one window, and their actions."""

    failed = Signal(object)
    status = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        runner = window.runner
        lang = self._lang
        self.register = RegisterView(
            runner, lang=lang, print_sources=lambda s: window.print_actions.print_sources(s)
        )
        self.todo = TodoView(runner, lang=lang)
        self.relations = RelationsView(lang=lang)
        self.status_filter = StatusFilter()
        self.todo_label = QLabel()
        self.todo_label.setObjectName("todoLabel")
        self.todo_label.setTextFormat(Qt.TextFormat.RichText)
        self.todo_label.linkActivated.connect(lambda _link: self.show_todo())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("officeTabs")
        self.tabs.setDocumentMode(True)
        self.article_tabs: ArticleTabs | None = None
        self._todo = (0, 0)
        self._actions = build_actions(self, window, OFFICE_ACTIONS)
        self.register.print_button.setDefaultAction(self._actions["printRegisterAction"])
        self.register.export_button.setDefaultAction(self._actions["exportRegisterAction"])
        self.todo.done_button.setDefaultAction(self._actions["todoDoneAction"])
        for view in (self.register, self.todo):
            runner.changes_made.connect(view.apply_changes)
            view.notice_chosen.connect(self.open_notice)
            view.status.connect(self.status)
            view.failed.connect(self._on_failed)
        runner.changes_made.connect(self._on_changes)
        self.relations.notice_chosen.connect(window.open_notice)
        self.todo.count_changed.connect(self._show_todo_count)
        self.status_filter.status_chosen.connect(
            lambda status: window.listing.set_status(status or None)
        )
        self.tabs.currentChanged.connect(self._on_tab)
        window.installEventFilter(self)

    def _lang(self) -> str:
        return str(self.window.lang)

    def _on_failed(self, exc: BaseException) -> None:
        from desktop.messages import describe

        log.error("an office view could not read the archive", exc_info=exc)
        self.status.emit(describe(exc, self._lang()))
        self.failed.emit(exc)

    def action(self, name: str) -> Any:
        return self._actions[name]

    # -- switching views -------------------------------------------------------------------

    def show_reader(self) -> None:
        self.tabs.setCurrentIndex(READER_TAB)

    def show_register(self) -> None:
        self.tabs.setCurrentIndex(REGISTER_TAB)
        self.register.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_todo(self) -> None:
        self.tabs.setCurrentIndex(TODO_TAB)
        self.todo.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_relations(self) -> None:
        """The "Lược đồ" tab of the notice shown."""
        self.show_reader()
        if self.article_tabs is not None:
            self.article_tabs.setCurrentIndex(self.article_tabs.indexOf(self.relations))
            self.relations.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_notice(self, notice_id: str) -> None:
        """A notice chosen in the register or the to-do list: read it."""
        self.show_reader()
        if self.article_tabs is not None:
            self.article_tabs.setCurrentIndex(0)
        self.window.open_notice(notice_id)

    def panes(self) -> list[QWidget] | None:
        """The panes F6 walks when a tab other than the reader is shown (None: the reader's)."""
        if self.tabs.currentIndex() == REGISTER_TAB:
            return [self.register.year_box, self.register.status_box, self.register.table]
        if self.tabs.currentIndex() == TODO_TAB:
            return [self.todo.table]
        return None

    def _on_tab(self, index: int) -> None:
        if 0 <= index < len(_VIEW_ACTIONS):
            self._actions[_VIEW_ACTIONS[index]].setChecked(True)

    # -- staying up to date ----------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if changes.archive:
            self.show_article(None)

    def show_article(self, _notice_id: object = None) -> None:
        """Show the relations of the notice the article shows (none after another archive)."""
        self.relations.show_notice(self.window.current)
        if self.article_tabs is not None:
            self.article_tabs.update_count()

    def _show_todo_count(self, total: int, overdue: int) -> None:
        self._todo = (total, overdue)
        label = self.tr("Việc cần làm")
        self.tabs.setTabText(TODO_TAB, f"{label} ({total})" if total else label)
        if not total:
            self.todo_label.setText(self.tr("Không có việc cần làm"))
            return
        text = self.tr("Việc cần làm: {count}").format(count=total)
        late = ""
        if overdue:
            late = self.tr("{count} quá hạn").format(count=overdue)
            late = f' <span style="color:#c00000; font-weight:bold">({late})</span>'
        self.todo_label.setText(f'<a href="todo">{text}</a>{late}')
        self.todo_label.setToolTip(self.tr("Mở danh sách việc cần làm (Ctrl+3)"))

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        retranslate_actions(self._actions, OFFICE_ACTIONS)
        self.tabs.setTabText(READER_TAB, self.tr("Văn bản"))
        self.tabs.setTabText(REGISTER_TAB, self.tr("Sổ văn bản đến"))
        self._show_todo_count(*self._todo)
        self.todo_label.setAccessibleName(self.tr("Số việc cần làm"))
        self.status_filter.retranslate(self._lang())
        self.show_article()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def install_office_views(window: Any) -> OfficeViews:
    """Put the office views into *window* (see the module docstring); returns their owner.

    The window needs `runner`, `lang`, `pages` with `main_splitter` in it,
    `article_splitter` with `article` in it, `list_pane`, `listing`,
    `reader`, `current`, `open_notice`, `print_actions`, `view_menu`,
    `language_menu`, `statusBar()` and `show_status`.
    """
    office = OfficeViews(window)
    # The reader goes into the first tab, where the stack had it.
    pages, splitter = window.pages, window.main_splitter
    shown = pages.currentIndex()
    at = pages.indexOf(splitter)
    pages.removeWidget(splitter)
    office.tabs.addTab(splitter, "")
    office.tabs.addTab(office.register, "")
    office.tabs.addTab(office.todo, "")
    pages.insertWidget(at, office.tabs)
    pages.setCurrentIndex(shown)
    # The article and its "Lược đồ", in the article's place in its splitter.
    article_at = window.article_splitter.indexOf(window.article)
    office.article_tabs = ArticleTabs(window.article, office.relations)
    window.article_splitter.insertWidget(article_at, office.article_tabs)
    window.list_pane.layout().insertWidget(1, office.status_filter)
    window.statusBar().insertPermanentWidget(0, office.todo_label)
    window.view_menu.insertActions(
        window.language_menu.menuAction(), [_separator_or(office, n) for n in OFFICE_VIEW_MENU]
    )
    window.reader.article_ready.connect(office.show_article)
    office.status.connect(window.show_status)
    office.action("readerViewAction").setChecked(True)
    office.retranslate()
    return office


def _separator_or(office: OfficeViews, name: str) -> Any:
    if name != "-":
        return office.action(name)
    from PySide6.QtGui import QAction

    separator = QAction(office.window)
    separator.setSeparator(True)
    return separator
