"""Entry points the command line calls: `run` opens the window, `screenshot`
renders it offscreen to a PNG once the list (and the notice) are loaded."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from db.common import NoticeFilter
from desktop.ui import i18n, icons, theme, windowstate
from desktop.ui import settings as prefs
from desktop.ui.mainwindow import MainWindow

# How long `screenshot` waits for the archive before giving up (not a sleep:
# the loop ends as soon as the window says it is ready).
SCREENSHOT_TIMEOUT_MS = 60_000
#: The tabs `screenshot` shows that load their own rows, and are waited for.
VIEWS_LOADED = ("register", "todo")


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("bangtin")
    # No display name: Qt would add it after every title, and the window's
    # title already begins with the program's name ("Bảng Tin — <archive>").
    app.setOrganizationName("bangtin")
    app.setWindowIcon(icons.icon("app"))
    return app


def _style(app: QApplication) -> None:
    from desktop.paths import resources_dir

    qss = resources_dir() / "style.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def import_when_open(window: MainWindow, bundle: Path) -> None:
    """Import *bundle* once, as soon as the window has opened its archive."""
    pending = [Path(bundle)]

    def on_ready() -> None:
        if pending:
            window.importer.import_files([pending.pop()])

    window.archive_ready.connect(on_ready)


def run(
    data_dir: Path,
    *,
    lang: str | None = None,
    initial_bundle: Path | None = None,
    create: bool = True,
    demo: bool = False,
    database_url: str | None = None,
) -> int:
    """Show the reader window on the archive in *data_dir* until it is closed.

    With *initial_bundle* (`bangtin FILE.bangtin`, a double-click on a bundle)
    the window imports it once the archive is open. *create*: whether a new
    archive may be made in *data_dir* without asking. With *demo* the window
    shows the demo archive first; *data_dir* stays the office's, to go back to.
    *database_url* (`--database`, BANGTIN_DATABASE_URL) opens the shared
    archive on that server, whatever the settings choose.
    """
    app = _application()
    _style(app)
    theme.current().follow_system()
    settings = prefs.settings_for(Path(data_dir))
    chosen = prefs.normalize_lang(lang or prefs.language(settings) or "vi")
    i18n.install_language(chosen)
    window = MainWindow(
        Path(data_dir), settings=settings, lang=chosen, create=create, database_url=database_url
    )
    if initial_bundle is not None:
        import_when_open(window, initial_bundle)
    windowstate.show(window)
    if demo:
        window.opener.open_demo()
    else:
        window.start()
    code = app.exec()
    window.shutdown()
    return code


def screenshot(
    data_dir: Path,
    out: Path,
    *,
    notice_id: str | None = None,
    size: tuple[int, int] = (1280, 800),
    lang: str | None = None,
    search: str | None = None,
    view: str = "reader",
    dark: bool = False,
    doc_type: str | None = None,
    database_url: str | None = None,
) -> int:
    """Render the real window offscreen to *out* (PNG); 0 on success.

    Waits on the window's signals (archive opened, counts and list loaded,
    the *search* results, then the notice shown) rather than on a clock.
    With *search* the list shows its results, and the notice (if one of
    them) its highlighted matches; with *doc_type* the list is filtered to
    that document type, the filters shown; *dark* draws the dark theme.
    *view* is the tab shown: "reader", "relations" (the notice's "Lược
    đồ"), "register" or "todo". Counts no view and remembers nothing: a
    screenshot leaves the archive and settings as they were. *database_url*:
    the shared archive's server, as `run` takes it.
    """
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    _style(app)
    theme.current().set_dark(dark)
    settings = prefs.settings_for(Path(data_dir))
    chosen = prefs.normalize_lang(lang or prefs.language(settings) or "vi")
    i18n.install_language(chosen)
    window = MainWindow(
        Path(data_dir),
        settings=settings,
        lang=chosen,
        watch_volumes=False,
        remember=False,
        interactive=False,
        database_url=database_url,
    )
    window.resize(*size)
    loop = QEventLoop()
    state = {
        "overview": False,
        # What kind of archive is open: the title and the status line's last words.
        "opened": False,
        "list": False,
        "search": not search,
        "article": notice_id is None,
        # "Tin liên quan" follows the article's first paint: wait for it too.
        "panels": notice_id is None,
        "office": view not in VIEWS_LOADED,
        "failed": False,
    }

    def check() -> None:
        ready = state["overview"] and state["list"] and state["search"] and state["article"]
        ready = ready and state["office"] and state["opened"] and state["panels"]
        if state["failed"] or ready:
            loop.quit()

    def on_overview() -> None:
        state["overview"] = True
        check()

    def on_list() -> None:
        if not state["list"]:
            state["list"] = True
            if doc_type:
                window.filter_bar.set_expanded(True)
                window.filter_bar.set_filters(NoticeFilter(doc_type=doc_type))
            if search:
                window.search_for(search)
            elif notice_id is not None:
                window.open_notice(notice_id, count_view=False)
        check()

    def on_search(_count: int) -> None:
        if not state["search"]:
            state["search"] = True
            if notice_id is not None:
                window.open_notice(notice_id, count_view=False)
        check()

    def on_article(_shown: str) -> None:
        state["article"] = True
        check()

    def on_panels(shown: str) -> None:
        if shown == notice_id:
            state["panels"] = True
            check()

    def on_failed(_exc: object) -> None:
        state["failed"] = True
        check()

    def on_opened(_data_dir: object) -> None:
        state["opened"] = True
        check()

    window.overview_ready.connect(on_overview)
    window.opener.opened.connect(on_opened)
    window.list_ready.connect(on_list)
    window.search_ready.connect(on_search)
    window.article_ready.connect(on_article)
    window.reader.panels_ready.connect(on_panels)
    window.archive_failed.connect(on_failed)
    if view in VIEWS_LOADED:

        def on_office() -> None:
            state["office"] = True
            check()

        getattr(window.office, view).loaded.connect(on_office)
    timer = QTimer()
    timer.setSingleShot(True)

    def on_timeout() -> None:
        state["failed"] = True
        loop.quit()

    timer.timeout.connect(on_timeout)
    timer.start(SCREENSHOT_TIMEOUT_MS)
    window.show()
    window.start()
    loop.exec()
    timer.stop()
    code = 1
    shown = window.current.id if window.current is not None else None
    if not state["failed"] and (notice_id is None or shown == notice_id):
        {
            "register": window.office.show_register,
            "todo": window.office.show_todo,
            "relations": window.office.show_relations,
        }.get(view, window.office.show_reader)()
        app.processEvents()
        image = window.grab()
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        code = 0 if image.save(str(out), "PNG") else 1
    window.shutdown()
    window.close()
    window.deleteLater()
    if dark:
        theme.current().set_dark(False)
    return code
