"""The reader window: it builds the panes and their controllers, and wires them together.

All work goes through one task runner (desktop/tasks.py). The window holds
no state of its own beyond its widgets: each collaborator keeps its own and
refreshes itself when the runner broadcasts `Changes`: `OverviewController`
(overview.py: tree counts, "Tin mới nhất", status labels), `ListController`
(listing.py: the list, or search results), `SearchController` (searching.py),
`Reader` (reader.py: the article, its panels, links, history, bookmark),
`Attachments`, `ArchiveOpener`, `Recovery`, `ImportController`, `PrintActions`,
`TrustController` (trusted keys, freshness), `OfficeViews` (register, to-do,
"Lược đồ"), `ReadingMarks`, `BackupController`, each in its own module; windowstate.py
remembers the window. Built on first use, not for the first paint: the welcome page, the help.

Every action is declared in actions.py; the window only places them.

Signals (for tests and `screenshot`): `overview_ready()` when counts, panels
and the status bar are filled; `list_ready()` when a list's first page is
shown; `search_ready(count)` when a search's first results are shown;
`article_ready(notice_id)` when an opened notice is shown, or was found
missing; `archive_ready()` when an archive was opened; `archive_failed(exc)`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import Runner, TaskRunner
from desktop.ui import actions as actions_table
from desktop.ui import backingup, i18n, icons, panes, printactions, receipting, windowstate
from desktop.ui import settings as prefs
from desktop.ui.actions import RESULT_ACTIONS, WINDOW_ACTIONS, build_actions, place
from desktop.ui.article import ArticlePane
from desktop.ui.articletabs import LaterPage
from desktop.ui.attachments import Attachments
from desktop.ui.banner import ReadOnlyBanner, above
from desktop.ui.categorytree import CategoryTreeView
from desktop.ui.filterbar import FilterBar
from desktop.ui.firstlook import FirstLook
from desktop.ui.importing import ImportController
from desktop.ui.listing import ListController
from desktop.ui.marking import ReadingMarks
from desktop.ui.noticelist import NoticeListView, NoticeRowsModel
from desktop.ui.office import install_office_views
from desktop.ui.opening import ArchiveOpener
from desktop.ui.overview import ElidedLabel, OverviewController
from desktop.ui.panels import NoticePanel
from desktop.ui.reader import Reader
from desktop.ui.searching import SearchController
from desktop.ui.searchpane import SearchBar
from desktop.ui.sharedarchive import SharingController
from desktop.ui.trustdialog import TrustController
from desktop.ui.usbwatch import VolumeWatcher

if TYPE_CHECKING:
    from db.records import NoticeDetail
    from desktop.ui.helpdialogs import HelpController
    from desktop.ui.welcome import WelcomePage

log = logging.getLogger(__name__)

WELCOME_PAGE, READER_PAGE = 0, 1


class MainWindow(QMainWindow):
    """The main window; owns the task runner, the controllers and the USB watch."""

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
        runner: Runner | None = None,
        settings: QSettings | None = None,
        lang: str = "vi",
        watch_volumes: bool = True,
        remember: bool = True,
        interactive: bool = True,
        create: bool = True,
        database_url: str | None = None,
    ) -> None:
        """*runner*: the task runner to use (a `TaskRunner` of the window's own by default);
        *create*: whether *data_dir* may get a new archive without asking (else it asks);
        *database_url*: the shared archive's server, over the settings' (`--database`)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.data_dir = Path(data_dir)
        self.settings = settings if settings is not None else prefs.settings_for(self.data_dir)
        self.lang = prefs.normalize_lang(lang)
        self.runner: Runner = runner if runner is not None else TaskRunner(self)
        shared = database_url is not None or prefs.server_choice(self.settings) is not None
        self.first_look = FirstLook(self.runner, self.data_dir, shared=shared, parent=self)
        self._remember, self._interactive, self._closed = remember, interactive, False
        self._help: HelpController | None = None
        self.setWindowIcon(icons.icon("app"))
        self._build_widgets()
        self._build_controllers(interactive, create, database_url)
        self._actions = build_actions(self, self, WINDOW_ACTIONS)
        self._wire()
        self._build_menus()
        self.print_actions = printactions.install_print_actions(
            self, selected_ids=self.list_view.selected_ids
        )
        self.print_actions.add_search_actions(self._result_actions(), self.search.searching)
        self.office = install_office_views(self)
        marks = [self.action(n) for n in ("markUnreadAction", "bookmarkAction")]
        self.print_actions.add_reading_actions(marks)
        windowstate.restore(self)
        if remember:
            windowstate.reopen_last_place(self)
        self.volume_watcher = VolumeWatcher(self)
        # Before the importer hears of a stick: receipts remember where an import came from.
        self.receipts = receipting.install_receipts(self)
        self.backup = backingup.install_backup(self)
        self.volume_watcher.volume_added.connect(self.importer.offer_volume)
        if watch_volumes:
            self.volume_watcher.start()
        self.retranslate()

    # -- building ---------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.tree = CategoryTreeView(self)
        self.list_view = NoticeListView(self)
        self.search_bar = SearchBar(self)
        self.filter_bar = FilterBar(self.runner, self)
        self.list_pane = QWidget(self)
        self.list_pane.setObjectName("listPane")
        list_layout = QVBoxLayout(self.list_pane)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addWidget(self.search_bar)
        list_layout.addWidget(self.filter_bar)
        list_layout.addWidget(self.list_view)
        self.article = ArticlePane(self)
        self.browser = self.article.browser
        self.related_panel = NoticePanel("related", self)
        self.latest_panel = NoticePanel("latest", self)
        for panel in (self.related_panel, self.latest_panel):
            panel.model.set_lang(self.lang)  # dates in the window's language from the start
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
        for i, (pane, stretch) in enumerate(
            ((self.tree, 1), (self.list_pane, 3), (self.article_splitter, 4))
        ):
            self.main_splitter.addWidget(pane)
            self.main_splitter.setStretchFactor(i, stretch)
        self.main_splitter.setSizes([220, 480, 580])

        self.pages = QStackedWidget(self)
        self._welcome = LaterPage("welcomeHolder", self)  # built when first shown: `welcome`
        self.pages.addWidget(self._welcome)
        self.pages.addWidget(self.main_splitter)
        self.pages.setCurrentIndex(READER_PAGE)
        self.banner = ReadOnlyBanner(self)
        self.setCentralWidget(above(self.banner, self.pages))

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.update_label = ElidedLabel(self)
        self.update_label.setObjectName("updateLabel")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.update_label)

        panes.set_tab_order(self)  # Tab walks the panes in reading order; F6 jumps between them

    def _build_controllers(self, interactive: bool, create: bool, url: str | None) -> None:
        lang = self._language
        self.overview = OverviewController(
            self.runner,
            self.tree,
            self.latest_panel,
            self.counts_label,
            self.update_label,
            lang=lang,
            parent=self,
        )
        self.listing = ListController(
            self.runner, self.list_view, lang=lang, current_id=self._current_id, parent=self
        )
        self.attachments = Attachments(self.runner, self)
        self.reader = Reader(
            self.runner,
            self.browser,
            self.related_panel,
            self.latest_panel,
            self.attachments,
            lang=lang,
            search_text_for=self.listing.search_text_for,
            parent=self,
        )
        self.search = SearchController(
            self.runner,
            self.search_bar,
            self.listing,
            self.tree,
            print_actions=lambda: self.print_actions,
            rerender_highlighted=self.reader.rerender_if_highlighted,
            settings=self.settings if self._remember else None,
            parent=self,
        )
        self.marking = ReadingMarks(
            self.runner, self.listing, self.list_view, self.reader, parent=self
        )
        self.opener = ArchiveOpener(
            self.runner,
            self,
            data_dir=self.data_dir,
            lang=lang,
            interactive=interactive,
            create=create,
            settings=self.settings,
            database_url=url,
            first_look=self.first_look,
        )
        self.sharing = SharingController(self, self.runner, self.opener, self.settings)
        self.banner.follow(self.opener)
        self.importer = ImportController(self, self.runner, lang, lambda: self.opener.where)
        self.trust = TrustController(self, self.runner, self.importer, settings=self.settings)

    def _wire(self) -> None:
        # The article forgets the old archive before the list picks the row to select;
        # the freshness line is read after the counts and the list, the first content.
        for view in (self.reader, self.overview, self.listing, self.filter_bar, self.trust):
            self.runner.changes_made.connect(view.apply_changes)
        self.filter_bar.filters_changed.connect(self.listing.set_filters)
        self.tree.filter_chosen.connect(self.search.choose_filter)
        self.listing.notice_activated.connect(self.reader.show_notice)
        self.listing.notice_opened.connect(self.reader.mark_read_now)
        self.browser.end_reached.connect(self.marking.next_unread)
        self.reader.shown.connect(self.listing.select)
        self.article.zoom_bar.zoom_changed.connect(self._on_zoom_changed)
        self.overview.overview_ready.connect(self._on_overview)
        self.overview.overview_ready.connect(self.overview_ready)
        self.listing.list_ready.connect(self.list_ready)
        self.listing.search_ready.connect(self.search_ready)
        self.reader.article_ready.connect(self.article_ready)
        self.opener.opened.connect(self._on_opened)
        self.opener.failed.connect(self.archive_failed)
        self.first_look.overview.connect(self.overview.show_first)
        self.first_look.page.connect(self.listing.show_first)
        self.opener.opened.connect(lambda _dir: self.opener.recovery.reset())
        self.importer.damaged.connect(self.offer_recovery)
        for source in (self.overview, self.listing, self.reader, self.search, self.marking):
            source.failed.connect(self._on_load_failed)
        for said in (self.reader, self.attachments, self.importer, self.overview, self.marking):
            said.status.connect(self.show_status)
        bookmark, back, forward = (
            self.action(n) for n in ("bookmarkAction", "backAction", "forwardAction")
        )
        self.reader.bookmark_changed.connect(lambda on, checked: bookmark.setEnabled(on))
        self.reader.bookmark_changed.connect(lambda on, checked: bookmark.setChecked(checked))
        self.reader.navigation_changed.connect(lambda can_back, _f: back.setEnabled(can_back))
        self.reader.navigation_changed.connect(lambda _b, can_fwd: forward.setEnabled(can_fwd))
        self.search.leavable_changed.connect(self.action("leaveSearchAction").setEnabled)
        for action in self._result_actions():
            self.search.active_changed.connect(action.setEnabled)

    def _build_menus(self) -> None:
        bar, actions = self.menuBar(), self._actions
        self.file_menu = bar.addMenu("")
        place(self.file_menu, actions_table.FILE_MENU, actions)
        self.notice_menu = bar.addMenu("")
        place(self.notice_menu, actions_table.NOTICE_MENU, actions)
        self.view_menu = bar.addMenu("")
        place(self.view_menu, actions_table.VIEW_MENU, actions)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        place(self.language_menu, actions_table.LANGUAGE_MENU, actions)
        self.help_menu = bar.addMenu("")
        place(self.help_menu, actions_table.HELP_MENU, actions)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        place(self.toolbar, actions_table.TOOLBAR, actions)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def action(self, name: str) -> QAction:
        """The window's action with this object name (see desktop/ui/actions.py)."""
        return self._actions[name]

    def _result_actions(self) -> list[QAction]:
        return [self.action(name) for name in RESULT_ACTIONS]

    def retranslate(self) -> None:
        actions_table.retranslate_actions(self._actions, WINDOW_ACTIONS)
        self._update_title()
        self.file_menu.setTitle(self.tr("&Tệp"))
        self.notice_menu.setTitle(self.tr("&Văn bản"))
        self.view_menu.setTitle(self.tr("&Xem"))
        self.language_menu.setTitle(self.tr("&Ngôn ngữ"))
        self.help_menu.setTitle(self.tr("Trợ &giúp"))
        self.list_pane.setAccessibleName(self.tr("Danh sách và tìm kiếm"))
        self.toolbar.setWindowTitle(self.tr("Thanh công cụ"))
        self.main_splitter.setAccessibleName(self.tr("Khung đọc văn bản"))
        self.pages.setAccessibleName(self.tr("Bảng Tin"))
        self.counts_label.setAccessibleName(self.tr("Số văn bản"))
        self.update_label.setAccessibleName(self.tr("Cập nhật lần cuối"))
        self.overview.show_counts()
        self.trust.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        self.setWindowTitle(self.opener.title())
        self.action("officeAction").setEnabled(self.opener.is_demo)

    # -- settings ---------------------------------------------------------------------------

    def save_settings(self) -> None:
        if self._remember:
            windowstate.save(self)

    def _on_zoom_changed(self, value: int) -> None:
        if self._remember:
            self.settings.setValue(prefs.ZOOM, value)
            self.settings.sync()
        self.show_status(self.tr("Cỡ chữ: {value}%").format(value=value))

    # -- the archive --------------------------------------------------------------------------

    def start(self, data_dir: Path | None = None) -> None:
        """Open the archive (the window's own by default) and load everything."""
        self.opener.start(data_dir)

    @property
    def archive_dir(self) -> Path | None:
        """The folder of the archive shown (None until one was opened)."""
        return self.opener.archive_dir

    def _on_opened(self, _data_dir: Path) -> None:
        self._update_title()
        self.archive_ready.emit()

    def _on_overview(self) -> None:
        overview = self.overview.overview
        if overview is not None:
            if overview.total == 0:
                self.welcome.show()  # built now, if it was not yet
            self.pages.setCurrentIndex(WELCOME_PAGE if overview.total == 0 else READER_PAGE)
            self.action("markAllReadAction").setEnabled(overview.unread > 0)

    def _on_load_failed(self, exc: BaseException) -> None:
        from db.archive import archive_error_from
        from db.errors import ErrorCode
        from desktop.messages import describe

        log.error("loading from the archive failed", exc_info=exc)
        self.show_status(describe(exc, self.lang, archive_dir=self.opener.where), 0)
        found = archive_error_from(exc)
        if found is not None and found.code is ErrorCode.DAMAGED:
            self.offer_recovery(found)

    def offer_recovery(self, exc: BaseException) -> None:
        """A read, an import or a backup found the archive's pages damaged: offer the ways out."""
        if self._interactive and self.archive_dir is not None:
            self.opener.recovery.offer_open(exc, self.archive_dir)

    def refresh(self) -> None:
        """Reload counts, panels, the status bar and the list (or the search)."""
        self.overview.reload()
        self.listing.reload()

    # -- built on first use, not before the first paint --------------------------------------

    @property
    def welcome(self) -> WelcomePage:
        """The page of an empty archive (how to import, the demo)."""
        if self._welcome.view is None:
            from desktop.ui.welcome import WelcomePage

            page = WelcomePage()
            page.import_requested.connect(self.importer.choose_and_import)
            page.demo_requested.connect(self.opener.open_demo)
            self._welcome.fill(page)
        return cast("WelcomePage", self._welcome.view)

    @property
    def help(self) -> HelpController:
        """The guide, the shortcuts and "Giới thiệu"."""
        if self._help is None:
            from desktop.ui.helpdialogs import HelpController

            where = lambda: self.archive_dir  # noqa: E731
            self._help = HelpController(self.runner, self, lang=self._language, archive_dir=where)
        return self._help

    # -- what the collaborators answer, for tests, scripts and `screenshot` -------------------

    @property
    def current(self) -> NoticeDetail | None:
        """The notice the article shows."""
        return self.reader.current

    def _current_id(self) -> str | None:
        return self.reader.current.id if self.reader.current is not None else None

    def _language(self) -> str:
        return self.lang

    def open_notice(self, notice_id: str, *, record: bool = True, count_view: bool = True) -> None:
        self.reader.open(notice_id, record=record, count_view=count_view)

    def list_model(self) -> NoticeRowsModel | None:
        """The list shown: a category's notices, or search results."""
        return self.listing.model()

    def search_for(self, text: str) -> None:
        self.search.search_for(text)

    # -- language, panes, status ------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        lang = prefs.normalize_lang(lang)
        self.action("languageViAction").setChecked(lang == "vi")
        self.action("languageEnAction").setChecked(lang == "en")
        if lang == self.lang:
            return
        self.lang = lang
        i18n.install_language(lang)
        if self._remember:
            self.settings.setValue(prefs.LANGUAGE, lang)
            self.settings.sync()
        self.listing.set_lang(lang)
        self.related_panel.model.set_lang(lang)
        self.latest_panel.model.set_lang(lang)
        self.overview.show_counts()
        self.reader.rerender()

    def panes(self) -> list[QWidget]:
        if self.pages.currentIndex() == WELCOME_PAGE:
            return [self.welcome.import_button]
        if (office_panes := self.office.panes()) is not None:
            return office_panes
        related, latest = self.related_panel.view, self.latest_panel.view
        return [self.tree, self.list_view, self.browser, related, latest]

    def cycle_panes(self, step: int) -> None:
        """F6 (*step* 1) and Shift+F6 (-1): move the focus to the next or previous pane."""
        panes.cycle(self.panes(), step)

    def show_status(self, text: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # -- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save settings, stop the runner and remove temporary copies (once)."""
        if self._closed:
            return
        self._closed = True
        self.save_settings()
        self.volume_watcher.stop()
        self.importer.cancel()
        self.reader.flush()  # a view counted just before closing is written all the same
        self.runner.shutdown()
        self.attachments.cleanup()
