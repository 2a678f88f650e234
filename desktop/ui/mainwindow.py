"""The reader window: categories, the notice list, the article and its panels.

All database work goes through one worker (desktop/tasks.py); this module
only shows what comes back. Every answer carries a generation number, so an
answer to a request the user has since replaced is dropped.

Signals (for tests and `screenshot`): `overview_ready()` when counts, panels
and the status bar are filled; `list_ready()` when a list's first page is
shown; `article_ready(notice_id)` when an opened notice is shown, or was found
missing; `archive_ready()` when an archive was opened.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from db.records import NoticeDetail
from desktop.paths import BUNDLE_SUFFIX
from desktop.tasks import DbWorker, Worker
from desktop.ui import dialogs, formatting, i18n, icons, jobs
from desktop.ui import settings as prefs
from desktop.ui.article import ATTACHMENT_SCHEME, NOTICE_SCHEME, ArticlePane
from desktop.ui.categorytree import CategoryTreeView, Key, TreeCounts
from desktop.ui.importing import ImportController
from desktop.ui.noticelist import NoticeListModel, NoticeListView, query_for_sort
from desktop.ui.panels import NoticePanel
from desktop.ui.usbwatch import Volume, VolumeWatcher
from desktop.ui.welcome import WelcomePage

log = logging.getLogger(__name__)

WELCOME_PAGE, READER_PAGE = 0, 1
SAVE_ACTIONS = ("save", "download")


def bundle_paths(urls: list[QUrl]) -> list[Path]:
    """The local bundle files among dropped URLs."""
    return [
        Path(u.toLocalFile())
        for u in urls
        if u.isLocalFile() and u.toLocalFile().lower().endswith(BUNDLE_SUFFIX)
    ]


class MainWindow(QMainWindow):
    """The main window; owns the database worker, the import controller and the USB watch."""

    overview_ready = Signal()
    list_ready = Signal()
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
        self._list_generation = 0
        self._article_generation = 0
        self._overview_generation = 0
        self._query = jobs.ListQuery()
        self._syncing_list = False
        self.current: NoticeDetail | None = None
        self._history: list[str] = []
        self._history_pos = -1
        self._pending_select: str | None = None
        self._temp_dir: Path | None = None
        self._closed = False
        self.is_demo = False

        self.setWindowIcon(icons.icon("app"))
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
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
        self.main_splitter.addWidget(self.list_view)
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
        self.setTabOrder(self.tree, self.list_view)
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
        """Open the archive (on the worker) and load everything."""
        target = Path(data_dir) if data_dir is not None else self.data_dir

        def opened(_archive: object) -> None:
            self._on_archive_opened(target)

        self.worker.open(target, success=opened, failure=self._on_archive_failed)

    def _on_archive_opened(self, data_dir: Path) -> None:
        if not shiboken6.isValid(self) or self._closed:
            return
        self.archive_dir = data_dir
        self._history.clear()
        self._history_pos = -1
        self._update_nav_actions()
        self.current = None
        self.browser.show_message("")
        self.related_panel.set_rows([])
        self._update_title()
        self.archive_ready.emit()
        self.refresh()

    def _on_archive_failed(self, exc: BaseException) -> None:
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
        else:
            text = self.tr("Không mở được kho dữ liệu.")
        self.archive_failed.emit(exc)
        self.show_status(text, 0)
        if self._interactive:
            dialogs.show_error(self, self.tr("Không mở được kho dữ liệu"), text, str(exc))

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
                    when=formatting.date_time(last.imported_at, self.lang),
                    publisher=overview.publisher_name or last.publisher_id,
                )
            )

    def reload_list(self, select: str | None = None) -> None:
        self._list_generation += 1
        generation = self._list_generation
        self._pending_select = select or (self.current.id if self.current else None)
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
        model = NoticeListModel(page, self.worker, self.list_view, lang=self.lang)
        model.sort_requested.connect(self._on_sort_requested)
        self.list_view.set_list_model(model)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_row_changed)
        if self._pending_select:
            self._select_in_list(self._pending_select)
        self.list_ready.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        log.error("loading from the archive failed", exc_info=exc)
        if shiboken6.isValid(self):
            self.show_status(self.tr("Không đọc được kho dữ liệu: {error}").format(error=exc))

    def _on_filter_chosen(self, category: str | None, show: str) -> None:
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

    def list_model(self) -> NoticeListModel | None:
        return self.list_view.list_model()

    def _select_in_list(self, notice_id: str) -> None:
        model = self.list_model()
        if model is None:
            return
        row = model.row_of(notice_id)
        self._syncing_list = True
        try:
            if row is None:
                self.list_view.clearSelection()
            else:
                index = model.index(row, 0)
                self.list_view.setCurrentIndex(index)
                self.list_view.scrollTo(index)
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

    # -- the article -------------------------------------------------------------------------

    def open_notice(self, notice_id: str, *, record: bool = True, count_view: bool = True) -> None:
        """Open a notice: count the view, render it, fill the related panel."""
        self._article_generation += 1
        generation = self._article_generation
        self.worker.run(
            jobs.open_notice,
            notice_id,
            self.lang,
            count_view,
            success=lambda opened: self._on_notice(generation, opened, record),
            failure=self._on_load_failed,
        )

    def _on_notice(self, generation: int, opened: jobs.OpenedNotice, record: bool) -> None:
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
            if model is not None:
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
