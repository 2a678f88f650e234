"""Printing from the window: "In…" (Ctrl+P, a print preview) and "Xuất PDF…".

`install_print_actions(window)` adds the actions (declared in
desktop/ui/actions.py, `PRINT_ACTIONS`) to the window (shortcuts), its
toolbar, its "Văn bản" menu and the article's context menu, and returns
the `PrintActions` that owns them. The notices are read on the task
runner's database thread (`desktop.ops.printing.collect`); the preview is
laid out and painted on the GUI thread, and a PDF is written on the
runner's file thread (`desktop.pagepainter`), from the print template alone, so
the article's zoom never changes the printed size.

The window installs these actions before its first paint, so the print
template, the page painter and Qt's print support load only when something
is printed.

Every dialog is a small module-level function (`choose_pdf_path`,
`run_preview`, `show_menu`) that tests replace.

Signals: `PrintActions.pdf_written(path, pages)` after a PDF was written;
`PrintActions.preview_finished(pages)` when a preview dialog was closed
(pages: what its last paint produced); `PrintActions.failed(message)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTextBrowser, QWidget

from desktop.tasks import Runner
from desktop.ui import settings as prefs
from desktop.ui.actions import PRINT_ACTIONS, build_actions, retranslate_actions

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from desktop.render.printtemplate import PrintSource, PrintStyle

log = logging.getLogger(__name__)

MARGIN_KEYS = {
    "top": "print/marginTop",
    "bottom": "print/marginBottom",
    "left": "print/marginLeft",
    "right": "print/marginRight",
}
FONT_SIZE_KEY = "print/fontSize"


# -- remembered settings -----------------------------------------------------------------


def load_style(settings: QSettings) -> PrintStyle:
    """The print style remembered in *settings*; values outside the decree are clamped."""
    from desktop.render.printtemplate import FONT_SIZE_DEFAULT, PageMargins, PrintStyle

    margins = PageMargins.from_mapping(
        {name: settings.value(key) for name, key in MARGIN_KEYS.items()}
    )
    return PrintStyle(margins=margins, font_size=settings.value(FONT_SIZE_KEY, FONT_SIZE_DEFAULT))  # type: ignore[arg-type]


def save_style(settings: QSettings, style: PrintStyle) -> None:
    for name, value in style.margins.as_mapping().items():
        settings.setValue(MARGIN_KEYS[name], value)
    settings.setValue(FONT_SIZE_KEY, style.font_size)
    settings.sync()


# -- dialogs, replaceable in tests --------------------------------------------------------


def choose_pdf_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to write the PDF ("Xuất PDF…")."""
    from PySide6.QtWidgets import QFileDialog

    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "Xuất PDF"),
        suggested_name,
        QCoreApplication.translate("Printing", "Tệp PDF (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def make_preview_dialog(
    parent: QWidget | None, printer: QPrinter, paint: Callable[[QPrinter], None]
) -> QPrintPreviewDialog:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Xem trước khi in"))
    dialog.paintRequested.connect(paint)
    return dialog


def run_preview(
    parent: QWidget | None, printer: QPrinter, paint: Callable[[QPrinter], None]
) -> None:
    """Show the print preview; it paints through *paint* and prints from its own button."""
    dialog = make_preview_dialog(parent, printer, paint)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def show_menu(menu: QMenu, global_pos: QPoint) -> None:
    menu.exec(global_pos)


# -- the actions ---------------------------------------------------------------------------


class PrintActions(QObject):
    """Owns the print and PDF actions of one window; see the module docstring for signals."""

    pdf_written = Signal(str, int)
    preview_finished = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        window: Any,
        *,
        current_id: Callable[[], str | None] | None = None,
        selected_ids: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.runner: Runner = window.runner
        self._current_id = current_id or self._window_current_id
        self._selected_ids = selected_ids or self._window_selected_ids
        self._actions = build_actions(self, window, PRINT_ACTIONS)
        self.print_action = self._actions["printAction"]
        self.pdf_action = self._actions["exportPdfAction"]
        self.print_selection_action = self._actions["printSelectionAction"]
        self.pdf_selection_action = self._actions["exportSelectionPdfAction"]
        self.print_index_action = self._actions["printIndexAction"]
        self.pdf_index_action = self._actions["exportIndexPdfAction"]
        self.last_pages = 0
        self.many_menu: QMenu | None = None
        self._search_actions: list[QAction] = []
        self._reading_actions: list[QAction] = []
        self._searching: Callable[[], bool] = lambda: False
        window.installEventFilter(self)
        self.retranslate()
        self.update_enabled()

    # -- hooks into the window -------------------------------------------------------------

    def _window_current_id(self) -> str | None:
        current = getattr(self.window, "current", None)
        return getattr(current, "id", None)

    def _window_selected_ids(self) -> list[str]:
        view = getattr(self.window, "list_view", None)
        model = view.list_model() if view is not None else None
        if view is None or model is None or view.selectionModel() is None:
            return []
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        return [model.notice_id(row) for row in rows]

    def selection(self) -> list[str]:
        """The selected notices, else the open one."""
        ids = self._selected_ids()
        if ids:
            return ids
        current = self._current_id()
        return [current] if current else []

    def style(self) -> PrintStyle:
        from desktop.render.printtemplate import PrintStyle

        settings = getattr(self.window, "settings", None)
        return load_style(settings) if isinstance(settings, QSettings) else PrintStyle()

    def lang(self) -> str:
        return str(getattr(self.window, "lang", "vi"))

    def actions(self) -> list[QAction]:
        return [self.print_action, self.pdf_action]

    def selection_actions(self) -> list[QAction]:
        """For the notice list's context menu."""
        return [
            self.print_selection_action,
            self.pdf_selection_action,
            self.print_index_action,
            self.pdf_index_action,
        ]

    def update_enabled(self) -> None:
        has_current = self._current_id() is not None
        self.print_action.setEnabled(has_current)
        self.pdf_action.setEnabled(has_current)

    # -- entry points ------------------------------------------------------------------------

    def print_current(self) -> None:
        current = self._current_id()
        if current:
            self.print_notices([current])

    def export_current(self) -> None:
        current = self._current_id()
        if current:
            self.export_pdf([current], suggested=self._file_name(current))

    def _file_name(self, notice_id: str) -> str:
        """ "54-KH-UBND Ke hoach binh dang gioi.pdf" for the notice shown, else its id."""
        from desktop.ops.files import export_file_name, safe_file_name

        current = getattr(self.window, "current", None)
        if current is not None and getattr(current, "id", None) == notice_id:
            return export_file_name(current.number, current.title)
        return safe_file_name(f"{notice_id}.pdf", "van-ban.pdf")

    def _settings(self) -> QSettings | None:
        settings = getattr(self.window, "settings", None)
        return settings if isinstance(settings, QSettings) else None

    def print_selection(self) -> None:
        self.print_notices(self.selection())

    def export_selection(self) -> None:
        self.export_pdf(self.selection(), suggested="van-ban-da-chon.pdf")

    def print_index(self) -> None:
        self.print_notices(self.selection(), index=True)

    def export_index(self) -> None:
        self.export_pdf(self.selection(), index=True, suggested="danh-muc-van-ban.pdf")

    def print_notices(self, ids: Sequence[str], *, index: bool = False) -> None:
        """Read *ids* on the worker, then open the print preview."""
        if ids:
            self._collect(ids, index, self._preview)

    def print_sources(self, sources: list[PrintSource]) -> None:
        """Open the print preview on documents made elsewhere (the register book)."""
        if sources:
            self._preview(sources, self.style())

    def export_pdf(
        self, ids: Sequence[str], *, index: bool = False, suggested: str = "van-ban.pdf"
    ) -> None:
        """Ask for a file name, read *ids* on the worker, then write the PDF."""
        if not ids:
            return
        folder = prefs.save_folder(self._settings())
        target = choose_pdf_path(self.window, str(folder / suggested))
        if target is None:
            return
        prefs.remember_save_folder(self._settings(), target)
        self._collect(ids, index, lambda sources, style: self._write(target, sources, style))

    # -- work ----------------------------------------------------------------------------------

    def _collect(
        self,
        ids: Sequence[str],
        index: bool,
        then: Callable[[list[PrintSource], PrintStyle], None],
    ) -> None:
        from desktop.ops.printing import collect

        style, lang, wanted = self.style(), self.lang(), list(ids)
        self.runner.query(
            self,
            lambda archive: collect(archive, wanted, lang, None, index=index, style=style),
            success=lambda sources: then(sources, style),
            failure=self._fail,
        )

    def _fail(self, exc: BaseException) -> None:
        from desktop.ops.printing import UnknownNotice

        if isinstance(exc, UnknownNotice):
            message = self.tr("Không tìm thấy văn bản {id} trong kho dữ liệu.").format(
                id=exc.notice_id
            )
        else:
            log.error("printing failed", exc_info=exc)
            message = self.tr("Không in được: {error}").format(error=exc)
        self._status(message)
        self.failed.emit(message)

    def _status(self, text: str) -> None:
        show = getattr(self.window, "show_status", None)
        if callable(show):
            show(text)

    def _write(self, target: Path, sources: list[PrintSource], style: PrintStyle) -> None:
        """Write the PDF on the runner's file thread."""
        from desktop import pagepainter

        def failed(exc: BaseException) -> None:
            self._fail(OSError(f"{target}: {exc}") if isinstance(exc, OSError) else exc)

        def written(pages: int) -> None:
            self.last_pages = pages
            self._status(
                self.tr("Đã xuất {pages} trang ra {path}").format(pages=pages, path=target)
            )
            self.pdf_written.emit(str(target), pages)

        self.runner.files(
            self,
            lambda: pagepainter.write_pdf(target, sources, style),
            success=written,
            failure=failed,
        )

    def _preview(self, sources: list[PrintSource], style: PrintStyle) -> None:
        from PySide6.QtPrintSupport import QPrinter

        from desktop import pagepainter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(sources[0].title if len(sources) == 1 else "Bảng Tin")
        printer.setPageLayout(pagepainter.page_layout(style.margins, sources[0].landscape))
        chosen = {"style": style}

        def paint(device: QPrinter) -> None:
            # The page-setup button may have changed the margins: keep them,
            # moved into the decree's ranges.
            current = replace(style, margins=pagepainter.device_margins(device))
            chosen["style"] = current
            self.last_pages = pagepainter.paint(device, sources, current)

        run_preview(self.window, printer, paint)
        if chosen["style"].margins != style.margins:
            settings = getattr(self.window, "settings", None)
            if isinstance(settings, QSettings):
                save_style(settings, chosen["style"])
        self.preview_finished.emit(self.last_pages)

    # -- the list's context menu ------------------------------------------------------------

    def add_search_actions(self, actions: list[QAction], searching: Callable[[], bool]) -> None:
        """Offer *actions* (print every search result) under "In nhiều văn bản", and in the
        list's context menu while *searching*."""
        self._search_actions, self._searching = list(actions), searching
        if self.many_menu is not None:
            self.many_menu.addSeparator()
            self.many_menu.addActions(self._search_actions)

    def add_reading_actions(self, actions: list[QAction]) -> None:
        """Offer *actions* ("Đánh dấu chưa đọc", "Lưu") first in the list's and the
        article's context menus."""
        self._reading_actions = list(actions)

    def install_list_menu(self, view: QAbstractItemView) -> None:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: self._list_menu(view, pos))

    def list_menu(self) -> QMenu:
        """The notice list's context menu: print the selection, or every search result."""
        menu = QMenu(self.window)
        menu.setObjectName("listMenu")
        if self._reading_actions:
            menu.addActions(self._reading_actions)
            menu.addSeparator()
        menu.addActions(self.selection_actions())
        if self._searching():
            menu.addSeparator()
            menu.addActions(self._search_actions)
        return menu

    def _list_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        menu = self.list_menu()
        try:
            show_menu(menu, view.viewport().mapToGlobal(pos))
        finally:
            menu.deleteLater()

    # -- the article's context menu ---------------------------------------------------------

    def install_context_menu(self, browser: QTextBrowser) -> None:
        """Add "In…" and "Xuất PDF…" under the browser's own context menu."""
        browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        browser.customContextMenuRequested.connect(lambda pos: self._article_menu(browser, pos))

    def article_menu(self, browser: QTextBrowser, pos: QPoint) -> QMenu:
        menu = browser.createStandardContextMenu(pos)
        menu.addSeparator()
        for action in self._reading_actions:
            menu.addAction(action)
        for action in self.actions():
            menu.addAction(action)
        return menu

    def _article_menu(self, browser: QTextBrowser, pos: QPoint) -> None:
        menu = self.article_menu(browser, pos)
        try:
            show_menu(menu, browser.viewport().mapToGlobal(pos))
        finally:
            menu.deleteLater()

    # -- language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        retranslate_actions(self._actions, PRINT_ACTIONS)
        if self.many_menu is not None:
            self.many_menu.setTitle(self.tr("In nhiều văn bản"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
        return False


def install_print_actions(
    window: Any,
    *,
    current_id: Callable[[], str | None] | None = None,
    selected_ids: Callable[[], list[str]] | None = None,
) -> PrintActions:
    """Give *window* its print actions: shortcuts, toolbar, "Văn bản" menu, article menu.

    The window needs `runner` (runs `collect` with the archive), and uses when
    present: `current` (the open NoticeDetail), `list_view` (selected rows,
    context menu),
    `settings` (remembered margins), `lang`, `show_status`, `toolbar`,
    `notice_menu`, `browser` and the `article_ready` signal.
    """
    actions = PrintActions(window, current_id=current_id, selected_ids=selected_ids)
    toolbar = getattr(window, "toolbar", None)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(actions.print_action)
        toolbar.addAction(actions.pdf_action)
    menu = getattr(window, "notice_menu", None)
    if menu is not None:
        menu.addSeparator()
        menu.addAction(actions.print_action)
        menu.addAction(actions.pdf_action)
        submenu = menu.addMenu("")
        submenu.setObjectName("printManyMenu")
        actions.many_menu = submenu
        actions.retranslate()
        for action in actions.selection_actions():
            submenu.addAction(action)
    browser = getattr(window, "browser", None)
    if isinstance(browser, QTextBrowser):
        actions.install_context_menu(browser)
    view = getattr(window, "list_view", None)
    if isinstance(view, QAbstractItemView):
        actions.install_list_menu(view)
    ready = getattr(window, "article_ready", None)
    if ready is not None:
        ready.connect(lambda _id: actions.update_enabled())
    return actions
