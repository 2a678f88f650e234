"""What the window remembers between runs, and its size on first start.

`restore(window)` puts back the size, the panes' splits, the text size and
the language, and, once the archive's counts are in, the category and the
notice the clerk was reading (without counting a view). `save(window)`
writes them to the window's settings (desktop/ui/settings.py).

Without a remembered size the window fits the screen's free room: at most
`FIRST_SIZE`, so that on a 1366×768 laptop with a taskbar it stays whole
on screen, and maximised when the room is smaller than `SMALL_SCREEN`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize

from desktop.ui import settings as prefs

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow

#: The window's first size on a large screen.
FIRST_SIZE = QSize(1280, 800)
#: Room kept free around the first window, for its frame and title bar.
FRAME = QSize(24, 40)
#: Below this much free room the window starts maximised.
SMALL_SCREEN = QSize(1024, 640)

LAST_ARCHIVE = "reading/lastArchive"
LAST_NOTICE = "reading/lastNotice"
LAST_CATEGORY = "reading/lastCategory"
LAST_SHOW = "reading/lastShow"


def first_size(available: QRect) -> tuple[QSize, bool]:
    """The window's size on a screen with *available* room (taskbar excluded), and
    whether to maximise it instead."""
    if available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height():
        return available.size(), True
    size = QSize(
        min(FIRST_SIZE.width(), available.width() - FRAME.width()),
        min(FIRST_SIZE.height(), available.height() - FRAME.height()),
    )
    return size, False


def restore(window: MainWindow) -> None:
    """Put back what `save` wrote; see the module docstring."""
    settings = window.settings
    geometry = prefs.blob(settings, prefs.GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        size, _maximised = first_size(window.screen().availableGeometry())
        window.resize(size)
    for key, splitter in (
        (prefs.MAIN_SPLITTER, window.main_splitter),
        (prefs.ARTICLE_SPLITTER, window.article_splitter),
    ):
        state = prefs.blob(settings, key)
        if state is not None:
            splitter.restoreState(state)
    window.article.set_zoom(prefs.zoom(settings))
    window.action("languageViAction").setChecked(window.lang == "vi")
    window.action("languageEnAction").setChecked(window.lang == "en")


def show(window: MainWindow) -> None:
    """Show the window of `bangtin` itself: maximised on a small screen the first time."""
    if prefs.blob(window.settings, prefs.GEOMETRY) is None:
        _size, maximised = first_size(window.screen().availableGeometry())
        if maximised:
            window.showMaximized()
            return
    window.show()


def save(window: MainWindow) -> None:
    """Remember the window's size, panes, text size, language and place in the archive."""
    settings = window.settings
    settings.setValue(prefs.GEOMETRY, window.saveGeometry())
    settings.setValue(prefs.MAIN_SPLITTER, window.main_splitter.saveState())
    settings.setValue(prefs.ARTICLE_SPLITTER, window.article_splitter.saveState())
    settings.setValue(prefs.ZOOM, window.article.zoom_bar.value())
    settings.setValue(prefs.LANGUAGE, window.lang)
    if window.archive_dir is not None:
        category, show = window.tree.current_key()
        current = window.current
        settings.setValue(LAST_ARCHIVE, str(window.archive_dir))
        settings.setValue(LAST_NOTICE, current.id if current is not None else "")
        settings.setValue(LAST_CATEGORY, category or "")
        settings.setValue(LAST_SHOW, show)
    settings.sync()


def reopen_last_place(window: MainWindow) -> None:
    """Once the archive is open and its counts are in (in either order), go back to the
    category and notice read last."""
    seen: set[str] = set()

    def arrived(what: str) -> None:
        if "done" in seen:
            return
        seen.add(what)
        if {"archive", "overview"} <= seen:
            seen.add("done")
            _go_back(window)

    window.archive_ready.connect(lambda: arrived("archive"))
    window.overview_ready.connect(lambda: arrived("overview"))


def _go_back(window: MainWindow) -> None:
    settings = window.settings
    if str(settings.value(LAST_ARCHIVE, "")) != str(window.archive_dir):
        return  # another archive (the demo, say) was read last
    show = str(settings.value(LAST_SHOW, "all"))
    if show not in ("all", "unread", "bookmarked"):
        show = "all"
    category = str(settings.value(LAST_CATEGORY, "")) or None
    window.tree.select_key((category, show))  # type: ignore[arg-type]
    notice_id = str(settings.value(LAST_NOTICE, ""))
    if notice_id and window.current is None:
        window.reader.open(notice_id, count_view=False)
