"""What the notice list shows: a category's notices, or the results of a search.

`ListController` builds the list's model off the GUI thread (its first page,
through the task runner) and swaps it into the `NoticeListView`. A list and
a search ask under the same key, so whichever was asked last wins and an
answer still on its way for the other is dropped by the runner. It keeps the
list's current row on the notice the article shows, and refreshes itself
from the runner's `Changes`. A validity status chosen (`set_status`) filters
whatever is shown, a category's list or a search.
The first look's page (`show_first`, desktop/ui/firstlook.py) stays shown
when the archive opened then gives the same first page.

Signals: `list_ready()` when a list's first page is shown; `search_ready(count)`
when a search's first results are shown; `search_started()` when a search is
asked for; `search_failed()`; `notice_activated(notice_id)` when the user
moves to a row; `notice_opened(notice_id)` when the user opens a row on
purpose (Enter, a click); `failed(exc)` when the archive could not be read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import cast

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, Signal

from db.common import NO_FILTER, NoticeFilter, Show
from desktop.ops import reading, searching
from desktop.ops.changes import Changes
from desktop.ops.reading import ListPage, ListQuery
from desktop.ops.searching import SearchPage, SearchQuery
from desktop.tasks import Runner
from desktop.ui.noticelist import NoticeListModel, NoticeListView, NoticeRowsModel, query_for_sort
from desktop.ui.searchpane import SearchResultsModel

# The runner key of a list's (or a search's) first page.
FIRST_PAGE = "first-page"


class ListController(QObject):
    """Loads and shows the notice list; see the module docstring for its signals."""

    list_ready = Signal()
    search_ready = Signal(int)
    search_started = Signal()
    search_failed = Signal()
    notice_activated = Signal(str)
    notice_opened = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        runner: Runner,
        view: NoticeListView,
        *,
        lang: Callable[[], str],
        current_id: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._view = view
        self._lang = lang
        self._current_id = current_id
        self.query = ListQuery()
        # The search whose results are shown (or on their way); None for a category list.
        self.search: SearchQuery | None = None
        #: The validity status the list is filtered by (None: every notice).
        self.status: str | None = None
        self._select_after: str | None = None
        #: Whether the list shown is the first look's (desktop/ui/firstlook.py).
        self._looked = False
        self._syncing = False
        view.activated.connect(self._on_opened)
        view.clicked.connect(self._on_opened)
        #: The filters above the list (desktop/ui/filterbar.py): they narrow lists and searches.
        self.filters: NoticeFilter = NO_FILTER

    def model(self) -> NoticeRowsModel | None:
        return self._view.list_model()

    # -- what to show ------------------------------------------------------------------------

    def show_list(self, category: str | None, show: str) -> None:
        """Show a category's notices (in the order chosen last), ending any search."""
        self.search = None
        self.query = ListQuery(
            category,
            cast(Show, show),
            self.query.order,
            self.query.descending,
            filters=self.filters,
        )
        self.reload()

    def show_search(self, query: SearchQuery) -> None:
        self.search = replace(query, filters=self.filters)
        self.reload()

    def set_filters(self, filters: NoticeFilter) -> None:
        """Narrow what is shown, a category's list or a search, to *filters*."""
        self.filters = filters
        self.query = replace(self.query, filters=filters)
        if self.search is not None:
            self.search = replace(self.search, filters=filters)
        self.reload()

    def set_status(self, status: str | None) -> None:
        """Keep only notices with this validity status (None: all), in a list or a search."""
        if status != self.status:
            self.status = status
            self.reload()

    def end_search(self) -> None:
        """Forget the search; the caller shows a category's list next."""
        self.search = None

    def reload(self, select: str | None = None) -> None:
        """Load what is shown again: the list from its first page, or the search."""
        self._select_after = select or self._current_id()
        if self.search is not None:
            query = replace(self.search, status=self.status)
            self.search_started.emit()
            self._runner.query(
                self,
                lambda archive: searching.search_page(archive, query, 0),
                key=FIRST_PAGE,
                success=self._on_search_page,
                failure=self._on_search_failed,
            )
            return
        list_query = replace(self.query, status=self.status)
        self._runner.query(
            self,
            lambda archive: reading.list_page(archive, list_query, 0),
            key=FIRST_PAGE,
            success=self._on_list_page,
            failure=self.failed.emit,
        )

    def show_first(self, page: ListPage) -> None:
        """Show the first look's page (desktop/ui/opening.py) if it is what the list shows.

        Not once a list is shown, nor when another list or a search was asked for meanwhile.
        """
        wanted = replace(self.query, status=self.status)
        if self.model() is None and self.search is None and wanted == page.query:
            self._on_list_page(page)
            self._looked = True

    def search_text_for(self, notice_id: str) -> str:
        """The searched words, when *notice_id* is among the results shown; else ""."""
        model = self.model()
        if isinstance(model, SearchResultsModel) and model.row_of(notice_id) is not None:
            return model.query.text
        return ""

    # -- answers ------------------------------------------------------------------------------

    def _on_list_page(self, page: ListPage) -> None:
        looked, self._looked = self._looked, False
        if looked and _begins_with(self.model(), page):
            # The archive opened says what the first look said: the rows stay,
            # scrolled and chosen as the clerk left them.
            self.list_ready.emit()
            return
        model = NoticeListModel(page, self._runner, self._view, lang=self._lang())
        model.sort_requested.connect(self._on_sort_requested)
        self._show_model(model)
        if self._select_after:
            self.select(self._select_after)
        self.list_ready.emit()

    def _on_search_page(self, page: SearchPage) -> None:
        model = SearchResultsModel(page, self._runner, self._view, lang=self._lang())
        self._show_model(model)
        current = self._current_id()
        if current is not None and model.row_of(current) is not None:
            self.select(current)
        self.search_ready.emit(model.rowCount())

    def _on_search_failed(self, exc: BaseException) -> None:
        self.search_failed.emit()
        self.failed.emit(exc)

    def _show_model(self, model: NoticeRowsModel) -> None:
        self._view.set_list_model(model)
        self._view.selectionModel().currentRowChanged.connect(self._on_row_changed)

    def _on_sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        self.query = query_for_sort(self.query, column, order)
        self.reload()

    # -- the current row -----------------------------------------------------------------

    def select(self, notice_id: str) -> None:
        """Make *notice_id*'s row the current one (or clear the selection if not listed)."""
        model = self.model()
        selection = self._view.selectionModel()
        if model is None or selection is None:
            return
        row = model.row_of(notice_id)
        self._syncing = True
        try:
            if row is None:
                self._view.clearSelection()
            elif selection.currentIndex().row() != row:
                index = model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self._view.scrollTo(index)
            # else: the user moved there (perhaps Ctrl+click): keep the rows chosen.
        finally:
            self._syncing = False

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = self.model()
        if self._syncing or not current.isValid() or model is None:
            return
        self.notice_activated.emit(model.notice_id(current.row()))

    def _on_opened(self, index: QModelIndex) -> None:
        model = self.model()
        if model is not None and index.isValid():
            self.notice_opened.emit(model.notice_id(index.row()))

    def focus_first(self) -> None:
        """Put the focus in the list, on its first row if none is current."""
        model = self.model()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        if model is not None and model.rowCount() and not self._view.currentIndex().isValid():
            self._view.setCurrentIndex(model.index(0, 0))

    # -- staying up to date ------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Rows came or went: load again; marks changed: show them in place."""
        if changes.lists:
            self.reload()
            return
        model = self.model()
        if model is not None:
            model.apply_changes(changes)

    def set_lang(self, lang: str) -> None:
        model = self.model()
        if model is not None:
            model.set_lang(lang)


def _begins_with(model: NoticeRowsModel | None, page: ListPage) -> bool:
    """Whether *model* lists *page*'s query, total and first rows."""
    if not isinstance(model, NoticeListModel) or model.query != page.query:
        return False
    if model.total != page.total or model.rowCount() < len(page.rows):
        return False
    return all(model.summary(i) == row for i, row in enumerate(page.rows))
