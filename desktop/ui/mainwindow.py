"""The reader window: categories, the notice list, the article and its panels.

All database work goes through one worker (desktop/tasks.py); this module
only shows what comes back. Every answer carries a generation number, so an
answer to a request the user has since replaced is dropped.

Searching: the box above the list searches as the user types (after
SEARCH_DELAY_MS without a key, on the worker); the results replace the list
until Esc, which brings back the category that was chosen. A notice opened
from the results shows its matches highlighted.

Printing (desktop/ui/printactions.py) is installed once the menus exist; the
list selects many rows, and its context menu prints the selection, or every
result of a search.

Signals (for tests and `screenshot`): `overview_ready()` when counts, panels
and the status bar are filled; `list_ready()` when a list's first page is
shown; `search_ready(count)` when a search's first results are shown;
`article_ready(notice_id)` when an opened notice is shown, or was found
missing; `archive_ready()` when an archive was opened.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import BUNDLE_SUFFIX
from desktop.render import dates
from desktop.tasks import DbWorker, Worker
from desktop.ui import dialogs, i18n, icons, jobs, printactions
from desktop.ui import settings as prefs
from desktop.ui.article import ATTACHMENT_SCHEME, NOTICE_SCHEME, ArticlePane
from desktop.ui.categorytree import ALL, CategoryTreeView, Key, TreeCounts
from desktop.ui.importing import ImportController
from desktop.ui.noticelist import NoticeListModel, NoticeListView, NoticeRowsModel, query_for_sort
from desktop.ui.panels import NoticePanel
from desktop.ui.searchpane import SearchBar, SearchResultsModel
from desktop.ui.usbwatch import Volume, VolumeWatcher
from desktop.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import NoticeDetail

log = logging.getLogger(__name__)

WELCOME_PAGE, READER_PAGE = 0, 1
SAVE_ACTIONS = ("save", "download")
# Quiet time after the last key before the box searches (tests call `search_now`).
SEARCH_DELAY_MS = 250
# A shown window opens the archive after its first paint, or after this long
# if it is never painted (started minimized).
START_FALLBACK_MS = 500


def bundle_paths(urls: list[QUrl]) -> list[Path]:
    """The local bundle files among dropped URLs."""
    return [
        Path(u.toLocalFile())
        for u in urls
        if u.isLocalFile() and u.toLocalFile().lower().endswith(BUNDLE_SUFFIX)
    ]


def ask_damaged_archive(
    parent: QWidget | None, lang: str, explain: str, backup_name: str | None
) -> str:
    """The archive is damaged: "restore" the newest backup, start a "new" one, or "later".

    A module function, so that tests replace it instead of clicking the box.
    Its words come from desktop.messages, in the window's language.
    """
    from PySide6.QtWidgets import QMessageBox

    from desktop.messages import text

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(text("damaged_title", lang))
    box.setText(explain)
    if backup_name:
        box.setInformativeText(text("damaged_backup_note", lang, name=backup_name))
    else:
        box.setInformativeText(text("damaged_no_backup_note", lang))
    restore = None
    if backup_name:
        restore = box.addButton(text("damaged_restore", lang), QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton(text("damaged_new", lang), QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(text("damaged_later", lang), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or later)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return "restore"
    return "new" if clicked is new else "later"


def recover_archive(data_dir: Path, choice: str) -> tuple[str, str]:
    """On the worker: restore the newest backup or put the damaged file aside.

    Returns (the backup's name or "", where the damaged file went).
    """
    from db import backup

    if choice == "restore":
        done = backup.restore(data_dir)
        return done.source.name, str(done.set_aside or "")
    aside = backup.start_new(data_dir)
    return "", str(aside or "")


def recover_open_archive(archive: Archive, choice: str) -> tuple[str, str]:
    """On the worker, for an archive found damaged while it was open: close it, then recover."""
    archive.close()
    return recover_archive(archive.data_dir, choice)


class MainWindow(QMainWindow):
    """The main window; owns the database worker, the import controller and the USB watch."""

    overview_ready = Signal()
    list_ready = Signal()
    search_ready = Signal(int)
    article_ready = Signal(str)
    archive_ready = Signal()
    archive_failed = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        *,
        worker: Worker | None = None,
        settings: QSettings | None = None,
        lang: str = "vi",
        watch_volumes: bool = True,
        remember: bool = True,
        interactive: bool = True,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.data_dir = Path(data_dir)
        self.archive_dir: Path | None = None
        self.settings = settings if settings is not None else prefs.settings_for(self.data_dir)
        self.lang = prefs.normalize_lang(lang)
        self.worker: Worker = worker if worker is not None else DbWorker(self)
        self._remember = remember
        self._interactive = interactive
        # One recovery dialog per opened archive, however many reads fail.
        self._recovery_offered = False
        self._list_generation = 0
        self._article_generation = 0
        self._overview_generation = 0
        self._query = jobs.ListQuery()
        self._search: jobs.SearchQuery | None = None
        self._search_generation = 0
        self._search_return: Key | None = None
        self._highlighted = False
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search_now)
        self._syncing_list = False
        self.current: NoticeDetail | None = None
        self._history: list[str] = []
        self._history_pos = -1
        self._pending_select: str | None = None
        self._temp_dir: Path | None = None
        self._closed = False
        self._painted = False
        self._pending_start: Path | None = None
        self.is_demo = False

        self.setWindowIcon(icons.icon("app"))
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self.print_actions = printactions.install_print_actions(
            self, selected_ids=self.list_view.selected_ids
        )
        self._install_result_printing()
        self._restore_settings()
        self.importer = ImportController(self, lambda: self.worker, lambda: self.lang)
        self.importer.imported.connect(self._after_import)
        self.volume_watcher = VolumeWatcher(self)
        self.volume_watcher.volume_added.connect(self._on_volume_added)
        if watch_volumes:
            self.volume_watcher.start()
        self.retranslate()

    # -- building ---------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.tree = CategoryTreeView(self)
        self.tree.filter_chosen.connect(self._on_filter_chosen)
        self.list_view = NoticeListView(self)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._on_list_menu)
        self.search_bar = SearchBar(self)
        self.search_bar.text_edited.connect(self._on_search_edited)
        self.search_bar.filter_toggled.connect(self._on_search_filter)
        self.search_bar.box.returnPressed.connect(self.search_now)
        self.search_bar.box.escape_pressed.connect(self.leave_search)
        self.search_bar.box.down_pressed.connect(self._focus_results)
        self.list_pane = QWidget(self)
        self.list_pane.setObjectName("listPane")
        list_layout = QVBoxLayout(self.list_pane)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addWidget(self.search_bar)
        list_layout.addWidget(self.list_view)
        self.article = ArticlePane(self)
        self.browser = self.article.browser
        self.browser.link_activated.connect(self._on_link)
        self.article.zoom_bar.zoom_changed.connect(self._on_zoom_changed)
        self.related_panel = NoticePanel("related", self)
        self.latest_panel = NoticePanel("latest", self)
        self.related_panel.notice_chosen.connect(self.open_notice)
        self.latest_panel.notice_chosen.connect(self.open_notice)

        panels = QWidget(self)
        panels_layout = QHBoxLayout(panels)
        panels_layout.setContentsMargins(0, 0, 0, 0)
        panels_layout.addWidget(self.related_panel)
        panels_layout.addWidget(self.latest_panel)

        self.article_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.article_splitter.setObjectName("articleSplitter")
        self.article_splitter.addWidget(self.article)
        self.article_splitter.addWidget(panels)
        self.article_splitter.setStretchFactor(0, 4)
        self.article_splitter.setStretchFactor(1, 1)
        self.article_splitter.setChildrenCollapsible(False)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.tree)
        self.main_splitter.addWidget(self.list_pane)
        self.main_splitter.addWidget(self.article_splitter)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setStretchFactor(2, 4)
        self.main_splitter.setSizes([220, 480, 580])

        self.welcome = WelcomePage(self)
        self.welcome.import_requested.connect(self.choose_and_import)
        self.welcome.demo_requested.connect(self.open_demo)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.main_splitter)
        self.pages.setCurrentIndex(READER_PAGE)
        self.setCentralWidget(self.pages)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.update_label = QLabel(self)
        self.update_label.setObjectName("updateLabel")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.update_label)

        # Tab walks the panes in reading order; F6 jumps between them.
        self.setTabOrder(self.tree, self.search_bar.box)
        self.setTabOrder(self.search_bar.box, self.search_bar.in_category)
        self.setTabOrder(self.search_bar.in_category, self.list_view)
        self.setTabOrder(self.list_view, self.article.zoom_bar.smaller)
        self.setTabOrder(self.article.zoom_bar.smaller, self.article.zoom_bar.larger)
        self.setTabOrder(self.article.zoom_bar.larger, self.browser)
        self.setTabOrder(self.browser, self.related_panel.view)
        self.setTabOrder(self.related_panel.view, self.latest_panel.view)

    def _action(
        self,
        name: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str = "",
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(icons.icon(icon))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action("importAction", QKeySequence.StandardKey.Open, "import")
        self.import_action.triggered.connect(self.choose_and_import)
        self.demo_action = self._action("demoAction")
        self.demo_action.triggered.connect(self.open_demo)
        self.quit_action = self._action("quitAction", "Ctrl+Q")
        self.quit_action.triggered.connect(self.close)

        self.back_action = self._action("backAction", "Alt+Left", "back")
        self.back_action.triggered.connect(self.go_back)
        self.forward_action = self._action("forwardAction", "Alt+Right", "forward")
        self.forward_action.triggered.connect(self.go_forward)
        self.zoom_in_action = self._action("zoomInAction", "Ctrl+=", "zoom-in")
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_in_action.triggered.connect(self.article.zoom_bar.zoom_in)
        self.zoom_out_action = self._action("zoomOutAction", "Ctrl+-", "zoom-out")
        self.zoom_out_action.triggered.connect(self.article.zoom_bar.zoom_out)
        self.zoom_reset_action = self._action("zoomResetAction", "Ctrl+0")
        self.zoom_reset_action.triggered.connect(self.article.zoom_bar.reset)
        self.next_pane_action = self._action("nextPaneAction", "F6")
        self.next_pane_action.triggered.connect(lambda: self.cycle_pane(1))
        self.prev_pane_action = self._action("prevPaneAction", "Shift+F6")
        self.prev_pane_action.triggered.connect(lambda: self.cycle_pane(-1))
        self.refresh_action = self._action("refreshAction", QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)

        self.bookmark_action = self._action("bookmarkAction", "Ctrl+D", "bookmark")
        self.bookmark_action.setCheckable(True)
        self.bookmark_action.triggered.connect(self.toggle_bookmark)
        self.mark_read_action = self._action("markAllReadAction", "Ctrl+Shift+R", "mark-read")
        self.mark_read_action.triggered.connect(self.mark_all_read)
        self.search_action = self._action("searchAction", "Ctrl+F", "")
        self.search_action.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
        self.search_action.triggered.connect(self.focus_search)
        # Esc is taken only while there is a search to leave, so it still closes menus
        # and dialogs the rest of the time.
        self.leave_search_action = self._action("leaveSearchAction", "Esc")
        self.leave_search_action.triggered.connect(self.leave_search)
        self.leave_search_action.setEnabled(False)
        self.print_results_action = self._action("printResultsAction")
        self.print_results_action.triggered.connect(self.print_search_results)
        self.pdf_results_action = self._action("exportResultsPdfAction")
        self.pdf_results_action.triggered.connect(self.export_search_results)
        self.print_results_index_action = self._action("printResultsIndexAction")
        self.print_results_index_action.triggered.connect(self.print_search_index)
        self._update_result_actions()

        self.language_group = QActionGroup(self)
        self.vi_action = self._action("languageViAction")
        self.en_action = self._action("languageEnAction")
        for action, lang in ((self.vi_action, "vi"), (self.en_action, "en")):
            action.setCheckable(True)
            action.setData(lang)
            self.language_group.addAction(action)
            action.triggered.connect(lambda _checked=False, lang=lang: self.set_language(lang))
        self._update_nav_actions()
        self.bookmark_action.setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.notice_menu = bar.addMenu("")
        self.notice_menu.addAction(self.search_action)
        self.notice_menu.addSeparator()
        self.notice_menu.addAction(self.bookmark_action)
        self.notice_menu.addAction(self.mark_read_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.back_action)
        self.view_menu.addAction(self.forward_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.zoom_in_action)
        self.view_menu.addAction(self.zoom_out_action)
        self.view_menu.addAction(self.zoom_reset_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.next_pane_action)
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self.language_menu.addAction(self.vi_action)
        self.language_menu.addAction(self.en_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.back_action, self.forward_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.import_action)
        self.toolbar.addAction(self.bookmark_action)
        self.toolbar.addAction(self.mark_read_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def retranslate(self) -> None:
        self._update_title()
        self.file_menu.setTitle(self.tr("&Tệp"))
        self.notice_menu.setTitle(self.tr("&Văn bản"))
        self.view_menu.setTitle(self.tr("&Xem"))
        self.language_menu.setTitle(self.tr("&Ngôn ngữ"))
        self.import_action.setText(self.tr("Nhập gói dữ liệu…"))
        self.import_action.setToolTip(self.tr("Nhập gói dữ liệu (.bangtin) từ tệp (Ctrl+O)"))
        self.demo_action.setText(self.tr("Mở kho dữ liệu mẫu"))
        self.quit_action.setText(self.tr("Thoát"))
        self.back_action.setText(self.tr("Quay lại"))
        self.back_action.setToolTip(self.tr("Quay lại văn bản trước (Alt+←)"))
        self.forward_action.setText(self.tr("Tiến tới"))
        self.forward_action.setToolTip(self.tr("Tiến tới văn bản sau (Alt+→)"))
        self.zoom_in_action.setText(self.tr("Phóng to chữ"))
        self.zoom_out_action.setText(self.tr("Thu nhỏ chữ"))
        self.zoom_reset_action.setText(self.tr("Cỡ chữ mặc định"))
        self.next_pane_action.setText(self.tr("Chuyển sang khung kế tiếp"))
        self.prev_pane_action.setText(self.tr("Chuyển sang khung trước"))
        self.refresh_action.setText(self.tr("Làm mới"))
        self.bookmark_action.setText(self.tr("Đánh dấu"))
        self.bookmark_action.setToolTip(self.tr("Đánh dấu hoặc bỏ đánh dấu văn bản này (Ctrl+D)"))
        self.mark_read_action.setText(self.tr("Đánh dấu đã đọc tất cả"))
        self.search_action.setText(self.tr("Tìm kiếm…"))
        self.search_action.setToolTip(self.tr("Tìm văn bản trong kho dữ liệu (Ctrl+F)"))
        self.leave_search_action.setText(self.tr("Thoát tìm kiếm"))
        self.print_results_action.setText(self.tr("In tất cả kết quả tìm kiếm…"))
        self.pdf_results_action.setText(self.tr("Xuất PDF tất cả kết quả tìm kiếm…"))
        self.print_results_index_action.setText(self.tr("In danh mục kết quả tìm kiếm…"))
        self.list_pane.setAccessibleName(self.tr("Danh sách và tìm kiếm"))
        self.vi_action.setText("Tiếng Việt")
        self.en_action.setText("English")
        self.toolbar.setWindowTitle(self.tr("Thanh công cụ"))
        self.main_splitter.setAccessibleName(self.tr("Khung đọc văn bản"))
        self.pages.setAccessibleName(self.tr("Bảng Tin"))
        self.counts_label.setAccessibleName(self.tr("Số văn bản"))
        self.update_label.setAccessibleName(self.tr("Cập nhật lần cuối"))
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        title = self.tr("Bảng Tin")
        if self.is_demo:
            title = self.tr("{app} — kho dữ liệu mẫu").format(app=title)
        self.setWindowTitle(title)

    # -- settings ---------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = prefs.blob(self.settings, prefs.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for key, splitter in (
            (prefs.MAIN_SPLITTER, self.main_splitter),
            (prefs.ARTICLE_SPLITTER, self.article_splitter),
        ):
            state = prefs.blob(self.settings, key)
            if state is not None:
                splitter.restoreState(state)
        self.article.set_zoom(prefs.zoom(self.settings))
        self.vi_action.setChecked(self.lang == "vi")
        self.en_action.setChecked(self.lang == "en")

    def save_settings(self) -> None:
        if not self._remember:
            return
        self.settings.setValue(prefs.GEOMETRY, self.saveGeometry())
        self.settings.setValue(prefs.MAIN_SPLITTER, self.main_splitter.saveState())
        self.settings.setValue(prefs.ARTICLE_SPLITTER, self.article_splitter.saveState())
        self.settings.setValue(prefs.ZOOM, self.article.zoom_bar.value())
        self.settings.setValue(prefs.LANGUAGE, self.lang)
        self.settings.sync()

    def _on_zoom_changed(self, value: int) -> None:
        if self._remember:
            self.settings.setValue(prefs.ZOOM, value)
            self.settings.sync()
        self.show_status(self.tr("Cỡ chữ: {value}%").format(value=value))

    # -- opening the archive ----------------------------------------------------------------

    def start(self, data_dir: Path | None = None) -> None:
        """Open the archive (on the worker) and load everything.

        A window that is shown but not yet painted opens it right after its
        first paint: opening loads SQLAlchemy on the worker thread, and that
        thread would otherwise hold the interpreter while the window draws
        itself. (A synchronous worker has no thread to compete with.)
        """
        target = Path(data_dir) if data_dir is not None else self.data_dir
        if self.worker.background and self.isVisible() and not self._painted:
            self._pending_start = target
            QTimer.singleShot(START_FALLBACK_MS, self._start_pending)
            return
        self._pending_start = None
        self._open_archive(target)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._pending_start is not None:
                QTimer.singleShot(0, self._start_pending)

    def _start_pending(self) -> None:
        target, self._pending_start = self._pending_start, None
        if target is not None and not self._closed:
            self._open_archive(target)

    def _open_archive(self, target: Path) -> None:
        # Usually a blink; the first start after an update that rebuilds the
        # search index can take a while on a large archive. A message already
        # there (a backup restored) says more, and stays.
        if not self.statusBar().currentMessage():
            self.show_status(self._opening_text(), 0)

        def opened(_archive: object) -> None:
            self._on_archive_opened(target)

        def failed(exc: BaseException) -> None:
            self._on_archive_failed(exc, target)

        self.worker.open(target, success=opened, failure=failed)

    def _opening_text(self) -> str:
        return self.tr("Đang mở kho dữ liệu…")

    def _on_archive_opened(self, data_dir: Path) -> None:
        if not shiboken6.isValid(self) or self._closed:
            return
        self.archive_dir = data_dir
        self._recovery_offered = False
        if self.statusBar().currentMessage() == self._opening_text():
            self.statusBar().clearMessage()
        self._history.clear()
        self._history_pos = -1
        self._update_nav_actions()
        self.current = None
        self.browser.show_message("")
        self.related_panel.set_rows([])
        self._update_title()
        self.archive_ready.emit()
        self.refresh()

    def _on_archive_failed(self, exc: BaseException, data_dir: Path | None = None) -> None:
        if not shiboken6.isValid(self) or self._closed:
            return
        from db.archive import ArchiveError

        code = exc.code if isinstance(exc, ArchiveError) else ""
        if code == "busy":
            text = self.tr("Kho dữ liệu đang được một chương trình khác sử dụng.")
        elif code == "newer":
            text = self.tr(
                "Kho dữ liệu được tạo bởi phiên bản Bảng Tin mới hơn; hãy cập nhật Bảng Tin."
            )
        elif code == "damaged":
            text = self.tr("Kho dữ liệu bị hỏng hoặc không phải kho dữ liệu Bảng Tin.")
        elif code == "wal_missing":
            # Not damage: the program holding the archive writes its journal back.
            from desktop.messages import text as message

            db_file = (data_dir or self.data_dir) / "archive.sqlite3"
            text = message("archive_wal_missing", self.lang, path=str(db_file))
        else:
            text = self.tr("Không mở được kho dữ liệu.")
        self.archive_failed.emit(exc)
        self.show_status(text, 0)
        if self._interactive and code == "damaged":
            self._offer_recovery(exc, data_dir or self.data_dir)
        elif self._interactive:
            dialogs.show_error(self, self.tr("Không mở được kho dữ liệu"), text, str(exc))

    def offer_recovery(self, exc: BaseException) -> None:
        """The open archive's pages fail (a read or an import found it): offer the ways out.

        Once per opened archive, and only in an interactive window.
        """
        if self._recovery_offered or not self._interactive or self.archive_dir is None:
            return
        self._recovery_offered = True
        self._offer_recovery(exc, self.archive_dir, opened=True)

    def _offer_recovery(self, exc: BaseException, data_dir: Path, *, opened: bool = False) -> None:
        """Say what is wrong with the archive file and offer the two ways out."""
        from db import backup
        from desktop.messages import text

        detail = str(getattr(exc, "detail", "") or exc)
        if "not a SQLite" in detail or "not a database" in detail:
            reason = text("damaged_not_sqlite", self.lang)
        elif "not a Bảng Tin archive" in detail:
            reason = text("damaged_foreign", self.lang)
        else:
            reason = text("damaged_broken", self.lang)
        explain = text("damaged_explain", self.lang, path=str(data_dir), reason=reason)
        newest = backup.latest_backup(data_dir)
        choice = ask_damaged_archive(self, self.lang, explain, newest.name if newest else None)
        if choice not in ("restore", "new"):
            return

        def recovered(result: tuple[str, str]) -> None:
            if not shiboken6.isValid(self) or self._closed:
                return
            name, aside = result
            if name:
                self.show_status(text("damaged_restored", self.lang, name=name, aside=aside), 0)
            else:
                self.show_status(text("damaged_started_new", self.lang, aside=aside), 0)
            self.start(data_dir)

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self) or self._closed:
                return
            message = text("damaged_recovery_failed", self.lang, detail=str(error))
            self.show_status(message, 0)
            dialogs.show_error(self, text("damaged_title", self.lang), message)

        if opened:
            self.worker.run(recover_open_archive, choice, success=recovered, failure=failed)
        else:
            self.worker.call(recover_archive, data_dir, choice, success=recovered, failure=failed)

    def open_demo(self) -> None:
        """Build the demo archive if needed, then show it in this window."""
        from desktop.paths import demo_data_dir

        demo_dir = demo_data_dir()
        self.show_status(self.tr("Đang chuẩn bị kho dữ liệu mẫu…"))

        def prepare(target: Path) -> Path:
            from desktop.demo import ensure_demo_archive

            ensure_demo_archive(target)
            return target

        def opened(target: Path) -> None:
            self.is_demo = True
            self.start(target)

        def failed(exc: BaseException) -> None:
            log.error("demo archive failed", exc_info=exc)
            if shiboken6.isValid(self):
                dialogs.show_error(
                    self,
                    self.tr("Không mở được kho dữ liệu mẫu"),
                    self.tr("Không tạo được kho dữ liệu mẫu."),
                    str(exc),
                )

        self.worker.call(prepare, demo_dir, success=opened, failure=failed)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload counts, panels, the status bar and the list."""
        self.reload_overview()
        self.reload_list()

    def reload_overview(self) -> None:
        self._overview_generation += 1
        generation = self._overview_generation
        self.worker.run(
            jobs.load_overview,
            success=lambda ov: self._on_overview(generation, ov),
            failure=self._on_load_failed,
        )

    def _on_overview(self, generation: int, overview: jobs.Overview) -> None:
        if not shiboken6.isValid(self) or generation != self._overview_generation:
            return
        self.overview = overview
        self.tree.set_counts(
            TreeCounts(overview.categories, overview.total, overview.unread, overview.bookmarked)
        )
        self.latest_panel.set_rows(overview.latest)
        self.pages.setCurrentIndex(WELCOME_PAGE if overview.total == 0 else READER_PAGE)
        self.mark_read_action.setEnabled(overview.unread > 0)
        self._show_counts()
        self.overview_ready.emit()

    def _show_counts(self) -> None:
        overview: jobs.Overview | None = getattr(self, "overview", None)
        if overview is None:
            self.counts_label.setText("")
            self.update_label.setText("")
            return
        self.counts_label.setText(
            self.tr("{total} văn bản, {unread} chưa đọc").format(
                total=overview.total, unread=overview.unread
            )
        )
        last = overview.last_import
        if last is None:
            self.update_label.setText(self.tr("Chưa nhập gói dữ liệu nào"))
        else:
            self.update_label.setText(
                self.tr("Cập nhật lần cuối: {when} từ {publisher}").format(
                    when=dates.date_time(last.imported_at, self.lang),
                    publisher=overview.publisher_name or last.publisher_id,
                )
            )

    def reload_list(self, select: str | None = None) -> None:
        """Load the chosen category's list again (while searching: search again)."""
        self._list_generation += 1
        generation = self._list_generation
        self._pending_select = select or (self.current.id if self.current else None)
        if self._search is not None:
            self._start_search(self._search)
            return
        self.worker.run(
            jobs.load_page,
            self._query,
            0,
            success=lambda page: self._on_first_page(generation, page),
            failure=self._on_load_failed,
        )

    def _on_first_page(self, generation: int, page: jobs.ListPage) -> None:
        if not shiboken6.isValid(self) or generation != self._list_generation:
            return
        if self._search is not None:
            return  # the user started searching while this list was on its way
        model = NoticeListModel(page, self.worker, self.list_view, lang=self.lang)
        model.sort_requested.connect(self._on_sort_requested)
        self._show_model(model)
        if self._pending_select:
            self._select_in_list(self._pending_select)
        self.list_ready.emit()

    def _show_model(self, model: NoticeRowsModel) -> None:
        self.list_view.set_list_model(model)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_row_changed)

    def _on_load_failed(self, exc: BaseException) -> None:
        log.error("loading from the archive failed", exc_info=exc)
        if shiboken6.isValid(self):
            self.show_status(self.tr("Không đọc được kho dữ liệu: {error}").format(error=exc))
            from db.archive import archive_error_from

            found = archive_error_from(exc)
            if found is not None and found.code == "damaged":
                self.offer_recovery(found)

    def _on_filter_chosen(self, category: str | None, show: str) -> None:
        if self._search is not None:
            if self.search_bar.in_category.isChecked():
                self._start_search(jobs.SearchQuery(self._search.text, category))
                return
            # Choosing a category ends the search; that category is where we go.
            self._end_search()
        self._query = jobs.ListQuery(
            category=category,
            show=show,  # type: ignore[arg-type]
            order=self._query.order,
            descending=self._query.descending,
        )
        self.reload_list()

    def _on_sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        self._query = query_for_sort(self._query, column, order)
        self.reload_list()

    def current_filter(self) -> Key:
        return self.tree.current_key()

    def list_model(self) -> NoticeRowsModel | None:
        """The list shown: a category's notices, or search results."""
        return self.list_view.list_model()

    def _select_in_list(self, notice_id: str) -> None:
        model = self.list_model()
        selection = self.list_view.selectionModel()
        if model is None or selection is None:
            return
        row = model.row_of(notice_id)
        self._syncing_list = True
        try:
            if row is None:
                self.list_view.clearSelection()
            elif selection.currentIndex().row() != row:
                index = model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.list_view.scrollTo(index)
            # else: the user moved there (perhaps Ctrl+click): keep the rows chosen.
        finally:
            self._syncing_list = False

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_list or not current.isValid():
            return
        model = self.list_model()
        if model is None:
            return
        notice_id = model.notice_id(current.row())
        if self.current is None or self.current.id != notice_id:
            self.open_notice(notice_id)

    # -- searching ---------------------------------------------------------------------------

    def searching(self) -> bool:
        return self._search is not None

    def focus_search(self) -> None:
        """Ctrl+F / Ctrl+K: put the cursor in the search box, its text selected."""
        if self.pages.currentIndex() != READER_PAGE:
            return
        box = self.search_bar.box
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

    def search_for(self, text: str) -> None:
        """Put *text* in the box and search at once (for `screenshot` and scripts)."""
        self.search_bar.box.setText(text)
        self.search_now()

    def _on_search_edited(self, text: str) -> None:
        self.leave_search_action.setEnabled(bool(text) or self._search is not None)
        # Restarting the timer on every key: only a pause in typing searches.
        self.search_timer.start()

    def _on_search_filter(self, _checked: bool) -> None:
        if self._search is not None:
            self.search_now()

    def search_now(self) -> None:
        """Search for what the box holds (an empty box goes back to the category)."""
        self.search_timer.stop()
        text = self.search_bar.text()
        if not text:
            if self._search is not None:
                self.leave_search()
            return
        category = self.tree.current_key()[0] if self.search_bar.in_category.isChecked() else None
        self._start_search(jobs.SearchQuery(text, category))

    def _start_search(self, query: jobs.SearchQuery) -> None:
        if self._search is None:
            self._search_return = self.tree.current_key()
            # A category list still on its way must not replace the results.
            self._list_generation += 1
        self._search = query
        self._search_generation += 1
        generation = self._search_generation
        self.leave_search_action.setEnabled(True)
        self.search_bar.show_count(None)
        self._update_result_actions()
        self.worker.run(
            jobs.search_page,
            query,
            0,
            success=lambda page: self._on_search_page(generation, page),
            failure=lambda exc: self._on_search_failed(generation, exc),
        )

    def _on_search_page(self, generation: int, page: jobs.SearchPage) -> None:
        # Only the answer to the newest query counts: typing on made the others stale.
        if not shiboken6.isValid(self) or generation != self._search_generation:
            return
        if self._search is None:
            return
        model = SearchResultsModel(page, self.worker, self.list_view, lang=self.lang)
        self._show_model(model)
        self.search_bar.show_count(model.found())
        self._update_result_actions()
        if self.current is not None and model.row_of(self.current.id) is not None:
            self._select_in_list(self.current.id)
        self.search_ready.emit(model.rowCount())

    def _on_search_failed(self, generation: int, exc: BaseException) -> None:
        if shiboken6.isValid(self) and generation == self._search_generation:
            self.search_bar.count_label.clear()
            self._on_load_failed(exc)

    def _end_search(self) -> None:
        """Forget the search (box, results, timer) without loading a list."""
        self.search_timer.stop()
        self._search = None
        self._search_return = None
        self._search_generation += 1
        self.search_bar.clear()
        self.leave_search_action.setEnabled(False)
        self._update_result_actions()

    def leave_search(self) -> None:
        """Esc: empty the box and show the category chosen before the search."""
        was_searching = self._search is not None
        back_to = self._search_return or ALL
        self._end_search()
        if not was_searching:
            return
        before = self.tree.current_key()
        if back_to != before:
            self.tree.select_key(back_to)  # loads that category's list
        if self.tree.current_key() == before:
            self.reload_list()
        if self._highlighted:
            self._rerender_current()  # the marks belonged to the search

    def _focus_results(self) -> None:
        """Down in the box: go to the list, on its first row if none is current."""
        model = self.list_model()
        self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if model is not None and model.rowCount() and not self.list_view.currentIndex().isValid():
            self.list_view.setCurrentIndex(model.index(0, 0))

    # -- printing the list -----------------------------------------------------------------

    def _install_result_printing(self) -> None:
        menu = self.print_actions.many_menu
        if menu is not None:
            menu.addSeparator()
            for action in self._result_actions():
                menu.addAction(action)

    def _result_actions(self) -> list[QAction]:
        return [
            self.print_results_action,
            self.pdf_results_action,
            self.print_results_index_action,
        ]

    def _update_result_actions(self) -> None:
        for action in self._result_actions():
            action.setEnabled(self._search is not None)

    def list_menu(self) -> QMenu:
        """The notice list's context menu: print the selection, or every search result."""
        menu = QMenu(self)
        menu.setObjectName("listMenu")
        for action in self.print_actions.selection_actions():
            menu.addAction(action)
        if self._search is not None:
            menu.addSeparator()
            for action in self._result_actions():
                menu.addAction(action)
        return menu

    def _on_list_menu(self, pos: QPoint) -> None:
        menu = self.list_menu()
        try:
            printactions.show_menu(menu, self.list_view.viewport().mapToGlobal(pos))
        finally:
            menu.deleteLater()

    def _with_result_ids(self, then: Any) -> None:
        """Ask the worker for every result of the search shown (up to SEARCH_MAX)."""
        query = self._search
        if query is None:
            return

        def found(ids: list[str]) -> None:
            if shiboken6.isValid(self) and ids:
                then(ids)

        self.worker.run(jobs.search_ids, query, success=found, failure=self._on_load_failed)

    def print_search_results(self) -> None:
        self._with_result_ids(self.print_actions.print_notices)

    def export_search_results(self) -> None:
        self._with_result_ids(
            lambda ids: self.print_actions.export_pdf(ids, suggested="ket-qua-tim-kiem.pdf")
        )

    def print_search_index(self) -> None:
        self._with_result_ids(lambda ids: self.print_actions.print_notices(ids, index=True))

    # -- the article -------------------------------------------------------------------------

    def open_notice(self, notice_id: str, *, record: bool = True, count_view: bool = True) -> None:
        """Open a notice: count the view, render it, fill the related panel.

        A notice among the search results shows the searched words highlighted.
        """
        self._article_generation += 1
        generation = self._article_generation
        search_text = self._search_text_for(notice_id)
        self.worker.run(
            jobs.open_notice,
            notice_id,
            self.lang,
            count_view,
            search_text,
            success=lambda opened: self._on_notice(generation, opened, record, bool(search_text)),
            failure=self._on_load_failed,
        )

    def _search_text_for(self, notice_id: str) -> str:
        model = self.list_model()
        if (
            self._search is not None
            and isinstance(model, SearchResultsModel)
            and model.row_of(notice_id) is not None
        ):
            return model.query.text
        return ""

    def _on_notice(
        self, generation: int, opened: jobs.OpenedNotice, record: bool, highlighted: bool = False
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._article_generation:
            return
        self.latest_panel.set_rows(opened.latest)
        detail = opened.detail
        if detail is None:
            # A link to a notice this archive does not hold: stay where we are.
            self.show_status(self.tr("Không tìm thấy văn bản này trong kho dữ liệu."))
            self.article_ready.emit(opened.requested_id)
            return
        was_unread = self._was_unread(detail)
        self.current = detail
        self._highlighted = highlighted
        self.browser.show_article(opened.html, opened.images)
        self.related_panel.set_rows(opened.related)
        self.bookmark_action.setEnabled(True)
        self.bookmark_action.setChecked(detail.bookmarked)
        if record:
            self._push_history(detail.id)
        model = self.list_model()
        if model is not None:
            model.update_row(detail.id, read=True)
        self._select_in_list(detail.id)
        if detail.withdrawn:
            self.show_status(self.tr("Văn bản này đã bị thu hồi"))
        else:
            self.statusBar().clearMessage()
        if was_unread:
            self.reload_overview()
        self.article_ready.emit(detail.id)

    def _was_unread(self, detail: NoticeDetail) -> bool:
        model = self.list_model()
        row = model.row_of(detail.id) if model is not None else None
        if row is not None and model is not None:
            return not model.summary(row).read
        return detail.views <= 1

    def _push_history(self, notice_id: str) -> None:
        if 0 <= self._history_pos < len(self._history) and (
            self._history[self._history_pos] == notice_id
        ):
            return
        del self._history[self._history_pos + 1 :]
        self._history.append(notice_id)
        self._history_pos = len(self._history) - 1
        self._update_nav_actions()

    def _update_nav_actions(self) -> None:
        self.back_action.setEnabled(self._history_pos > 0)
        self.forward_action.setEnabled(0 <= self._history_pos < len(self._history) - 1)

    def go_back(self) -> None:
        if self._history_pos > 0:
            self._history_pos -= 1
            self._update_nav_actions()
            self.open_notice(self._history[self._history_pos], record=False)

    def go_forward(self) -> None:
        if self._history_pos < len(self._history) - 1:
            self._history_pos += 1
            self._update_nav_actions()
            self.open_notice(self._history[self._history_pos], record=False)

    def history(self) -> tuple[list[str], int]:
        return list(self._history), self._history_pos

    def _rerender_current(self) -> None:
        if self.current is not None:
            self.open_notice(self.current.id, record=False, count_view=False)

    def _on_link(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == NOTICE_SCHEME:
            target = url.path()
            if target:
                self.open_notice(target)
        elif scheme == ATTACHMENT_SCHEME:
            sha = url.path()
            action = url.query() or url.fragment()
            if action in SAVE_ACTIONS:
                self.save_attachment(sha)
            else:
                self.open_attachment(sha)
        elif scheme in ("http", "https", "mailto"):
            # The user clicked: the system browser goes online, never this program.
            dialogs.open_url(url)

    def _attachment_name(self, sha: str) -> str:
        if self.current is not None:
            for att in self.current.attachments:
                if att.sha256 == sha:
                    return att.name
        return sha[:16]

    def temp_dir(self) -> Path:
        if self._temp_dir is None:
            self._temp_dir = Path(tempfile.mkdtemp(prefix="bangtin-"))
        return self._temp_dir

    def open_attachment(self, sha: str) -> None:
        """Open a temporary copy of an attachment in the system's viewer."""
        name = self._attachment_name(sha)

        def opened(path: Path) -> None:
            if not dialogs.open_url(QUrl.fromLocalFile(str(path))):
                self.show_status(
                    self.tr("Không có chương trình nào mở được {name}.").format(name=name)
                )

        self.worker.run(
            jobs.copy_attachment,
            sha,
            name,
            self.temp_dir(),
            success=opened,
            failure=self._on_attachment_failed,
        )

    def save_attachment(self, sha: str) -> None:
        """ "Lưu…": save a copy of an attachment where the user chooses."""
        name = self._attachment_name(sha)
        target = dialogs.choose_save_path(self, name)
        if target is None:
            return
        self.worker.run(
            jobs.save_attachment,
            sha,
            target,
            success=lambda p: self.show_status(self.tr("Đã lưu {path}").format(path=p)),
            failure=self._on_attachment_failed,
        )

    def _on_attachment_failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            dialogs.show_error(
                self,
                self.tr("Tệp đính kèm"),
                self.tr("Không mở hoặc lưu được tệp đính kèm."),
                str(exc),
            )

    # -- reading state -----------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        detail = self.current
        if detail is None:
            self.bookmark_action.setChecked(False)
            return
        wanted = not detail.bookmarked

        def done(value: bool) -> None:
            if not shiboken6.isValid(self):
                return
            if self.current is not None and self.current.id == detail.id:
                from dataclasses import replace

                self.current = replace(self.current, bookmarked=value)
                self.bookmark_action.setChecked(value)
            model = self.list_model()
            if model is not None:
                model.update_row(detail.id, bookmarked=value)
            self.show_status(
                self.tr("Đã đánh dấu văn bản") if value else self.tr("Đã bỏ đánh dấu văn bản")
            )
            self.reload_overview()

        self.worker.run(jobs.set_bookmark, detail.id, wanted, success=done)

    def mark_all_read(self) -> None:
        """ "Đánh dấu đã đọc tất cả": in the chosen category, or everywhere."""
        category, _show = self.tree.current_key()

        def done(count: int) -> None:
            if not shiboken6.isValid(self):
                return
            model = self.list_model()
            if isinstance(model, SearchResultsModel):
                self.reload_list()  # results from other categories stay as they were
            elif model is not None:
                model.mark_all_read()
            self.show_status(self.tr("Đã đánh dấu đã đọc {count} văn bản").format(count=count))
            self.reload_overview()

        self.worker.run(jobs.mark_all_read, category, success=done)

    # -- importing --------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        path = dialogs.choose_bundle_file(self)
        if path is not None:
            self.import_files([path])

    def import_files(self, paths: list[Path]) -> None:
        if paths:
            self.importer.import_files(paths)

    def _after_import(self, _result: Any) -> None:
        if shiboken6.isValid(self):
            self.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and bundle_paths(mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and bundle_paths(mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = bundle_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths)

    def _on_volume_added(self, volume: Volume) -> None:
        def found(paths: list[Path]) -> None:
            if not paths or not shiboken6.isValid(self):
                return
            chosen = dialogs.offer_bundles(self, volume.name, paths)
            self.import_files(chosen)

        self.worker.call(jobs.find_bundles, volume.root, success=found)

    # -- language, panes, status ------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        lang = prefs.normalize_lang(lang)
        self.vi_action.setChecked(lang == "vi")
        self.en_action.setChecked(lang == "en")
        if lang == self.lang:
            return
        self.lang = lang
        i18n.install_language(lang)
        if self._remember:
            self.settings.setValue(prefs.LANGUAGE, lang)
            self.settings.sync()
        model = self.list_model()
        if model is not None:
            model.set_lang(lang)
        self.related_panel.model.set_lang(lang)
        self.latest_panel.model.set_lang(lang)
        self._show_counts()
        self._rerender_current()

    def panes(self) -> list[QWidget]:
        if self.pages.currentIndex() == WELCOME_PAGE:
            return [self.welcome.import_button]
        return [
            self.tree,
            self.list_view,
            self.browser,
            self.related_panel.view,
            self.latest_panel.view,
        ]

    def cycle_pane(self, step: int = 1) -> None:
        """F6: move the focus to the next pane (Shift+F6: the previous one)."""
        panes = self.panes()
        focused = QApplication.focusWidget()
        current = -1
        for i, pane in enumerate(panes):
            if focused is not None and (focused is pane or pane.isAncestorOf(focused)):
                current = i
                break
        target = panes[(current + step) % len(panes)]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_status(self, text: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # -- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save settings, stop the worker and remove temporary copies (once)."""
        if self._closed:
            return
        self._closed = True
        self.save_settings()
        self.volume_watcher.stop()
        self.importer.cancel()
        self.worker.shutdown()
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None
