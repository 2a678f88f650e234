"""What `screenshot` waits for before it takes its picture: signals, never a clock.

The window is ready to be drawn once its archive is open and described
(the title and the status line's last words), the counts and the list
are loaded, the freshness line says how fresh the archive is, and (when
asked) the search results, the notice with its side panels ("Tin liên quan")
and an office tab are shown.
`ShotReadiness` follows the window's signals, applies the filters and the
search when the list is there, and emits `done(ok)` once: ok is False when
the archive could not be opened or `fail()` was called (the caller's
timeout).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.common import NoticeFilter
from desktop.ui.mainwindow import MainWindow

#: The tabs `screenshot` shows that load their own rows, and are waited for.
VIEWS_LOADED = ("register", "todo")


class ShotReadiness(QObject):
    """Follows *window* until everything the picture shows is there; emits `done(ok)` once."""

    done = Signal(bool)

    def __init__(
        self,
        window: MainWindow,
        *,
        notice_id: str | None = None,
        search: str | None = None,
        view: str = "reader",
        doc_type: str | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._notice_id = notice_id
        self._search = search
        self._doc_type = doc_type
        self._finished = False
        self.failed = False
        self._state = {
            "overview": False,
            # What kind of archive is open: the title and the status line's last words.
            "opened": False,
            # The status line's freshness ("Dữ liệu cập nhật đến ngày …"), read after the list.
            "freshness": False,
            "list": False,
            "search": not search,
            "article": notice_id is None,
            # "Tin liên quan" follows the article's first paint: wait for it too.
            "panels": notice_id is None,
            "office": view not in VIEWS_LOADED,
        }
        window.overview_ready.connect(lambda: self._have("overview"))
        window.opener.opened.connect(lambda _data_dir: self._have("opened"))
        window.trust.freshness_shown.connect(lambda: self._have("freshness"))
        window.list_ready.connect(self._on_list)
        window.search_ready.connect(self._on_search)
        window.article_ready.connect(lambda _shown: self._have("article"))
        window.reader.panels_ready.connect(self._on_panels)
        window.archive_failed.connect(lambda _exc: self.fail())
        if view in VIEWS_LOADED:
            getattr(window.office, view).loaded.connect(lambda: self._have("office"))

    @property
    def ready(self) -> bool:
        return all(self._state.values())

    def missing(self) -> list[str]:
        """What is not there yet (for a test, or a message)."""
        return [name for name, there in self._state.items() if not there]

    def fail(self) -> None:
        """Give up (the archive failed, or the caller waited long enough)."""
        self.failed = True
        self._finish()

    def _have(self, what: str) -> None:
        self._state[what] = True
        if self.ready:
            self._finish()

    def _finish(self) -> None:
        if not self._finished:
            self._finished = True
            self.done.emit(not self.failed)

    def _on_list(self) -> None:
        if not self._state["list"]:
            window = self._window
            if self._doc_type:
                window.filter_bar.set_expanded(True)
                window.filter_bar.set_filters(NoticeFilter(doc_type=self._doc_type))
            if self._search:
                window.search_for(self._search)
            elif self._notice_id is not None:
                window.open_notice(self._notice_id, count_view=False)
        self._have("list")

    def _on_panels(self, shown: str) -> None:
        if shown == self._notice_id:
            self._have("panels")

    def _on_search(self, _count: int) -> None:
        if not self._state["search"]:
            if self._notice_id is not None:
                self._window.open_notice(self._notice_id, count_view=False)
        self._have("search")
