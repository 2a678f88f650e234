"""Searching from the window: the box's state, its pause before searching, Esc, printing results.

The box above the list searches as the user types (after SEARCH_DELAY_MS
without a key) or at Enter; the results replace the list until Esc, which
brings back the category chosen before. With "only in the chosen category"
checked, choosing another category searches there; otherwise it ends the
search. `ListController` (desktop/ui/listing.py) loads and shows the results.
The order chosen ("Sắp xếp") is remembered in the settings; a search that
finds little offers a better spelling, and a click searches for it.

Signals: `active_changed(bool)` when a search starts or ends (the "print all
results" actions follow it); `leavable_changed(bool)` when there comes to be,
or no longer is, something for Esc to leave (a search, or words in the box);
`failed(exc)` when the results to print could not be read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal

from desktop.ops import searching
from desktop.ops.searching import SORTS, SearchQuery
from desktop.tasks import Runner
from desktop.ui.categorytree import ALL, CategoryTreeView, Key
from desktop.ui.listing import ListController
from desktop.ui.searchpane import SearchBar, SearchResultsModel

if TYPE_CHECKING:
    from desktop.ui.printactions import PrintActions

# Quiet time after the last key before the box searches (tests fire the timer instead).
SEARCH_DELAY_MS = 250
#: The settings key of the order chosen for results.
SORT_KEY = "search/sort"


class SearchController(QObject):
    """What is searched for, and where Esc goes back to; see the module docstring."""

    active_changed = Signal(bool)
    leavable_changed = Signal(bool)
    failed = Signal(object)

    def __init__(
        self,
        runner: Runner,
        bar: SearchBar,
        listing: ListController,
        tree: CategoryTreeView,
        *,
        print_actions: Callable[[], PrintActions],
        rerender_highlighted: Callable[[], None],
        settings: QSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        """*settings*: where the order chosen is remembered (None: nowhere)."""
        super().__init__(parent)
        self._runner = runner
        self.bar = bar
        self._listing = listing
        self._tree = tree
        self._print_actions = print_actions
        self._rerender_highlighted = rerender_highlighted
        self._return_to: Key | None = None
        self._settings = settings
        if settings is not None and str(settings.value(SORT_KEY, "")) in SORTS:
            bar.set_sort(str(settings.value(SORT_KEY)))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_now)
        bar.text_edited.connect(self._on_edited)
        bar.filter_toggled.connect(self._on_filter_toggled)
        bar.box.returnPressed.connect(self.search_now)
        bar.box.escape_pressed.connect(self.leave)
        bar.box.down_pressed.connect(listing.focus_first)
        bar.sort_changed.connect(self._on_sort_changed)
        bar.suggestion_chosen.connect(self.search_for)
        listing.search_started.connect(lambda: bar.show_count(None))
        listing.search_started.connect(lambda: bar.show_suggestion(None))
        listing.search_ready.connect(self._on_ready)
        listing.search_failed.connect(bar.count_label.clear)

    @property
    def query(self) -> SearchQuery | None:
        """The search shown, or None."""
        return self._listing.search

    def searching(self) -> bool:
        return self.query is not None

    def focus(self) -> None:
        """Ctrl+K: put the cursor in the box, its text selected.

        Not on the welcome page, where the box is hidden.
        """
        box = self.bar.box
        if box.isVisible():
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def search_for(self, text: str) -> None:
        """Put *text* in the box and search at once (for `screenshot` and scripts)."""
        self.bar.box.setText(text)
        self.search_now()

    def search_now(self) -> None:
        """Search for what the box holds (an empty box goes back to the category)."""
        self.timer.stop()
        text = self.bar.text()
        if not text:
            if self.searching():
                self.leave()
            return
        category = self._tree.current_key()[0] if self.bar.in_category.isChecked() else None
        self._start(SearchQuery(text, category, sort=self.bar.sort()))

    def leave(self) -> None:
        """Esc: empty the box and show the category chosen before the search."""
        if not self.searching():
            self._end()
            return
        back_to = self._return_to or ALL
        self._end()
        before = self._tree.current_key()
        if back_to != before:
            self._tree.select_key(back_to)  # shows that category's list (`choose_filter`)
        if self._tree.current_key() == before:
            self._listing.show_list(*before)
        self._rerender_highlighted()  # the marks belonged to the search

    def choose_filter(self, category: str | None, show: str) -> None:
        """A category was chosen in the tree: search in it, or end the search and show it."""
        query = self.query
        if query is not None and self.bar.in_category.isChecked():
            self._start(SearchQuery(query.text, category, sort=query.sort))
            return
        if query is not None:
            self._end()
        self._listing.show_list(category, show)

    # -- the search's life ------------------------------------------------------------------

    def _start(self, query: SearchQuery) -> None:
        if not self.searching():
            self._return_to = self._tree.current_key()
        self._listing.show_search(query)
        self.active_changed.emit(True)
        self.leavable_changed.emit(True)

    def _end(self) -> None:
        """Forget the search (box, timer, where to go back) without loading a list."""
        self.timer.stop()
        self._listing.end_search()
        self._return_to = None
        self.bar.clear()
        self.active_changed.emit(False)
        self.leavable_changed.emit(False)

    def _on_edited(self, text: str) -> None:
        self.leavable_changed.emit(bool(text) or self.searching())
        # Restarting the timer on every key: only a pause in typing searches.
        self.timer.start()

    def _on_filter_toggled(self, _checked: bool) -> None:
        if self.searching():
            self.search_now()

    def _on_sort_changed(self, sort: str) -> None:
        if self._settings is not None:
            self._settings.setValue(SORT_KEY, sort)
            self._settings.sync()
        if self.searching():
            self.search_now()

    def _on_ready(self, _count: int) -> None:
        model = self._listing.model()
        if isinstance(model, SearchResultsModel):
            self.bar.show_count(model.found())
            self.bar.show_suggestion(model.suggestion)
        else:
            self.bar.show_count(0)

    # -- printing every result ------------------------------------------------------------

    def _with_result_ids(self, then: Callable[[Sequence[str]], None]) -> None:
        """Ask for every result of the search shown (up to SEARCH_MAX), then *then* them."""
        query = self.query
        if query is None:
            return

        def found(ids: list[str]) -> None:
            if ids:
                then(ids)

        self._runner.query(
            self,
            lambda archive: searching.search_ids(archive, query),
            success=found,
            failure=self.failed.emit,
        )

    def print_results(self) -> None:
        self._with_result_ids(self._print_actions().print_notices)

    def export_results(self) -> None:
        self._with_result_ids(
            lambda ids: self._print_actions().export_pdf(ids, suggested="ket-qua-tim-kiem.pdf")
        )

    def print_results_index(self) -> None:
        self._with_result_ids(lambda ids: self._print_actions().print_notices(ids, index=True))
