"""Entry points the command line calls: `run` opens the window, `screenshot`
renders it offscreen to a PNG once the list (and the notice) are loaded."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui import i18n, icons, theme, windowstate
from desktop.ui import settings as prefs
from desktop.ui.mainwindow import MainWindow

# How long `screenshot` waits for the archive before giving up (not a sleep:
# the loop ends as soon as the window says it is ready: desktop/ui/shotready.py).
SCREENSHOT_TIMEOUT_MS = 60_000


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
    *database_url* (`--database`, else BANGTIN_DATABASE_URL when no `--data-dir`
    was typed: `desktop.paths.database_url`) opens the shared
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
    the freshness line set, the *search* results, then the notice shown)
    rather than on a clock: desktop/ui/shotready.py.
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
    from desktop.ui.shotready import ShotReadiness

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
    readiness = ShotReadiness(
        window, notice_id=notice_id, search=search, view=view, doc_type=doc_type
    )
    readiness.done.connect(lambda _ok: loop.quit())
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(readiness.fail)
    timer.start(SCREENSHOT_TIMEOUT_MS)
    window.show()
    window.start()
    loop.exec()
    timer.stop()
    code = 1
    shown = window.current.id if window.current is not None else None
    if not readiness.failed and (notice_id is None or shown == notice_id):
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
