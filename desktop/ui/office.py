"""What the office does with a document, in the window: register, deadlines, validity, relations.

`install_office_views(window)` gives the window, once its reader is built:

- tabs over the reader: "Văn bản" (the reader as it was), "Sổ văn bản đến"
  (desktop/ui/registerview.py) and "Việc cần làm (N)" (desktop/ui/todoview.py);
- "Nội dung" / "Lược đồ (N)" tabs over the article (desktop/ui/articletabs.py,
  desktop/ui/relationsview.py):
  the relation groups one click from the top, as on vbpl.vn, where a clerk
  has seen them; the article still ends with the same groups;
- a "Hiệu lực" filter above the notice list ("Còn hiệu lực", "Hết hiệu lực
  toàn bộ"…), which filters a category's list and a search alike;
- the number of things to do in the status bar ("Việc cần làm: 3 (1 quá
  hạn)"), a link to the to-do tab;
- its actions (OFFICE_ACTIONS in desktop/ui/actions.py) in the "Xem" menu.

None of the views is on the first screen: each is built, and its module
imported, when its tab is first shown (desktop/ui/articletabs.py's
`LaterPage` holds its place until then), so the window paints sooner.
Once built, each view connects itself to the runner's `changes_made` and
reloads what it shows; none calls another. Validity badges and urgency stamps in the
list are the list's own (desktop/ui/badges.py).

`OfficeViews` owns these; it emits `failed(exc)` when a view could not
read the archive and `status(text)` for the status bar.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

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
from desktop.ui.articletabs import CONTENT_TAB, RELATIONS_TAB, ArticleTabs, LaterPage

if TYPE_CHECKING:
    from db.archive import Archive
    from desktop.ui.registerview import RegisterView
    from desktop.ui.relationsview import RelationsView
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
        from desktop.render.statuswords import status_label

        self.label.setText(self.tr("Hiệu lực:"))
        self.box.setItemText(0, self.tr("Tất cả văn bản"))
        for i, status in enumerate(STATUSES, start=1):
            self.box.setItemText(i, status_label(status, lang))
        self.box.setAccessibleName(self.tr("Lọc theo tình trạng hiệu lực"))


class OfficeViews(QObject):
    """Owns the register, to-do and "Lược đồ" views of one window, and their actions.

    Each view is built, and its module imported, when its tab is first shown
    (or the view is first asked for): none is on the first screen. Until the
    to-do view is built this counts the to-do items itself, for its tab and
    the status bar.
    """

    failed = Signal(object)
    status = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._register: RegisterView | None = None
        self._todo_view: TodoView | None = None
        self._relations: RelationsView | None = None
        self.register_page = LaterPage("registerPage")
        self.todo_page = LaterPage("todoPage")
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
        window.runner.changes_made.connect(self._on_changes)
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

    # -- the views, built when first wanted -------------------------------------------------

    @property
    def register(self) -> RegisterView:
        """The register view (built now if it was not yet)."""
        if self._register is None:
            from desktop.ui.registerview import RegisterView

            window = self.window
            view = RegisterView(
                window.runner,
                lang=self._lang,
                print_sources=lambda s: window.print_actions.print_sources(s),
            )
            view.print_button.setDefaultAction(self._actions["printRegisterAction"])
            view.export_button.setDefaultAction(self._actions["exportRegisterAction"])
            self._register = view
            self._connect(view)
            self.register_page.fill(view)
        return self._register

    @property
    def todo(self) -> TodoView:
        """The to-do view (built now if it was not yet)."""
        if self._todo_view is None:
            from desktop.ui.todoview import TodoView

            view = TodoView(self.window.runner, lang=self._lang)
            view.done_button.setDefaultAction(self._actions["todoDoneAction"])
            view.count_changed.connect(self._show_todo_count)
            self._todo_view = view
            self._connect(view)
            self.todo_page.fill(view)
        return self._todo_view

    @property
    def relations(self) -> RelationsView:
        """The "Lược đồ" view of the notice shown (built now if it was not yet)."""
        if self._relations is None:
            from desktop.ui.relationsview import RelationsView

            view = RelationsView(lang=self._lang)
            view.notice_chosen.connect(self.window.open_notice)
            self._relations = view
            # Filled before it is shown, so that it is laid out with its tree shown.
            self.show_article()
            if self.article_tabs is not None:
                tabs = self.article_tabs
                view.notice_chosen.connect(lambda _id: tabs.setCurrentIndex(CONTENT_TAB))
                tabs.relations_page.fill(view)
        return self._relations

    def _connect(self, view: RegisterView | TodoView) -> None:
        """Wire a view built now as if it had been there from the start, and load it."""
        self.window.runner.changes_made.connect(view.apply_changes)
        view.notice_chosen.connect(self.open_notice)
        view.status.connect(self.status)
        view.failed.connect(self._on_failed)
        if self.window.archive_dir is not None:
            view.reload()  # the archive's opening was broadcast before the view was there

    def print_register(self) -> None:
        self.register.print_book()

    def export_register(self) -> None:
        self.register.export_excel()

    def mark_todo_done(self) -> None:
        self.todo.mark_done()

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
            self.article_tabs.setCurrentIndex(RELATIONS_TAB)
            self.relations.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_notice(self, notice_id: str) -> None:
        """A notice chosen in the register or the to-do list: read it."""
        self.show_reader()
        if self.article_tabs is not None:
            self.article_tabs.setCurrentIndex(CONTENT_TAB)
        self.window.open_notice(notice_id)

    def panes(self) -> list[QWidget] | None:
        """The panes F6 walks when a tab other than the reader is shown (None: the reader's)."""
        if self.tabs.currentIndex() == REGISTER_TAB:
            return [self.register.year_box, self.register.status_box, self.register.table]
        if self.tabs.currentIndex() == TODO_TAB:
            return [self.todo.table]
        return None

    def _on_tab(self, index: int) -> None:
        if index == REGISTER_TAB:
            _ = self.register
        elif index == TODO_TAB:
            _ = self.todo
        if 0 <= index < len(_VIEW_ACTIONS):
            self._actions[_VIEW_ACTIONS[index]].setChecked(True)

    def _on_article_tab(self, index: int) -> None:
        if index == RELATIONS_TAB:
            _ = self.relations

    # -- staying up to date ----------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if changes.archive:
            self.show_article(None)
        if self._todo_view is None and (changes.register or changes.lists):
            self.window.runner.query(
                self,
                count_todo,
                key="todo-count",
                success=lambda counted: self._show_todo_count(*counted),
                failure=self._on_failed,
            )

    def show_article(self, _notice_id: object = None) -> None:
        """Show the relations of the notice the article shows (none after another archive)."""
        notice = self.window.current
        if self._relations is not None:
            self._relations.show_notice(notice)
            count = self._relations.count
        elif notice is not None:
            from desktop.render.office import relation_groups

            count = sum(len(group.links) for group in relation_groups(notice, self._lang()))
        else:
            count = 0
        if self.article_tabs is not None:
            self.article_tabs.update_count(count)

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


def count_todo(archive: Archive) -> tuple[int, int]:
    """How many to-do items there are, and how many overdue, as the to-do view counts them."""
    from desktop.ops import register

    counted = register.todo_count(archive, archive.as_of or register.today())
    return counted.total, counted.overdue


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
    office.tabs.addTab(office.register_page, "")
    office.tabs.addTab(office.todo_page, "")
    pages.insertWidget(at, office.tabs)
    pages.setCurrentIndex(shown)
    # The article and its "Lược đồ", in the article's place in its splitter.
    article_at = window.article_splitter.indexOf(window.article)
    office.article_tabs = ArticleTabs(window.article)
    office.article_tabs.currentChanged.connect(office._on_article_tab)
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
