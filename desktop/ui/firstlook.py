"""The window's own archive looked at while the window is built, shown as it is opened.

Loading SQLAlchemy, the models and their mappers costs a window start far
more than the counts and the first page of the list. So when a window with
a runner on threads opens its own folder's archive (`ArchiveOpener`, right
after the first paint), it first asks its database thread for the first
screen of that archive read with `sqlite3` alone (`reading.first_look`,
db/firstlook.py), gives it to the views, and only then has the archive
opened the usual way; the views load again from the archive opened, as
after any open (the list keeps its rows, and where the clerk scrolled,
when they are the same).

The look is not asked for while the window is built: its imports and the
Python around its statements would hold the interpreter in turns with
the window's own building, and the first paint would wait for both.
After the paint the GUI thread is idle, and the look is mostly SQLite's
work, off the interpreter.

Nothing is looked at for a shared archive on a server, nor with a
synchronous runner (tests: it has no thread to do it beside the window).
The look is shown only for the first archive the window opens, and only
when it is of the folder looked at (not the demo); an archive the look
cannot read plainly (db/firstlook.py) is only opened.

Signals (once at most): `overview(Overview)` and `page(ListPage)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.ops.reading import ListPage, Overview, first_look
from desktop.tasks import Runner

log = logging.getLogger(__name__)


class FirstLook(QObject):
    """The first look at one folder's archive; see the module docstring for its signals."""

    overview = Signal(object)
    page = Signal(object)

    def __init__(
        self, runner: Runner, data_dir: Path, *, shared: bool, parent: QObject | None = None
    ) -> None:
        """*shared*: whether the window shows the shared archive on a server instead."""
        super().__init__(parent)
        self._runner = runner
        self._data_dir = Path(data_dir)
        self._found: tuple[Overview, ListPage] | None = None
        self._asked = False
        #: What the window does once the look is shown or will never be (`started`).
        self._then: Callable[[bool], None] | None = None
        #: Shown, or never to be.
        self._done = shared or not runner.background

    def started(self, target: Path, then: Callable[[bool], None]) -> None:
        """The window opens the archive in *target*: show the look if it is of that folder.

        *then(shown)* is called once, when the look was given to the views
        (True) or will never be (False): at once, or when the look asked for
        now arrives. The window opens the archive only then: loading
        SQLAlchemy holds the interpreter, and the look's paint would wait for
        it (the look is read on the database thread, ahead of the open).
        """
        if self._done or Path(target) != self._data_dir:
            self._done = True  # another archive first (the demo): this one is not shown
            then(False)
            return
        self._then = then
        if self._asked:
            return
        self._asked = True
        folder = self._data_dir
        self._runner.call(
            self, lambda: first_look(folder), success=self._arrived, failure=self._failed
        )

    def _arrived(self, found: tuple[Overview, ListPage] | None) -> None:
        self._found = found
        if found is None:
            self._finish(False)  # the usual open says what the archive holds
        self._show()

    def _failed(self, exc: BaseException) -> None:
        log.warning("the first look at the archive failed", exc_info=exc)
        self._finish(False)

    def _show(self) -> None:
        if self._done or self._found is None:
            return
        overview, page = self._found
        self.overview.emit(overview)
        self.page.emit(page)
        self._finish(True)

    def _finish(self, shown: bool) -> None:
        self._done = True
        then, self._then = self._then, None
        if then is not None:
            then(shown)
