"""Searching from the window: the search box above the list, and the results model.

`SearchBar` holds the box (Ctrl+K), the "only in the chosen category"
filter, the order ("Sắp xếp: Phù hợp nhất / Mới nhất"), the count of results
and, when a search finds little, "Có phải bạn muốn tìm: …". `SearchResultsModel` shows
results in the notice list like any other list (`PagedRowsModel`), with
each result's snippet under its title (SNIPPET_ROLE, painted by the list's
`SnippetDelegate`), and fetches more results a page at a time, up to
`SEARCH_MAX`. The searches themselves are run by desktop/ui/searching.py.

Signals: `SearchBox.escape_pressed()`, `SearchBox.down_pressed()`;
`SearchBar.text_edited(text)`, `SearchBar.filter_toggled(bool)`,
`SearchBar.sort_changed(sort)`, `SearchBar.suggestion_chosen(text)`;
`SearchResultsModel.page_loaded()` after each further page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ops import searching
from desktop.ops.searching import SEARCH_MAX, SEARCH_PAGE, SORTS, SearchPage, SearchQuery
from desktop.tasks import Runner
from desktop.ui.noticelist import SNIPPET_ROLE, TITLE, Index, PagedRowsModel

if TYPE_CHECKING:
    from db.search import SearchHit


class SearchResultsModel(PagedRowsModel):
    """The results of one search, best first, each with its snippet."""

    sortable = False
    row_lines = 3

    def __init__(
        self,
        first_page: SearchPage,
        runner: Runner,
        parent: QObject | None = None,
        *,
        lang: str = "vi",
        page_size: int = SEARCH_PAGE,
    ) -> None:
        super().__init__(runner, parent, lang=lang, page_size=page_size)
        self._query = first_page.query
        self._hits: dict[str, SearchHit] = {}
        self._keep_hits(first_page)
        self._set_rows([r.summary for r in first_page.rows])
        self._complete = first_page.complete
        self._found = first_page.found
        #: A better spelling of the query ("Có phải bạn muốn tìm: …"), or None.
        self.suggestion = first_page.suggestion

    @property
    def query(self) -> SearchQuery:
        return self._query

    def found(self) -> int:
        """How many notices match, as far as counted (at most SEARCH_MAX + 1)."""
        return max(self._found or 0, len(self._rows))

    def hit(self, row: int) -> SearchHit:
        return self._hits[self._rows[row].id]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self.hit(index.row())
        if index.column() == TITLE:
            if role == SNIPPET_ROLE:
                return hit.snippet_html() if hit.snippet else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{hit.title}\n{hit.snippet}" if hit.snippet else hit.title
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return hit.snippet
        return super().data(index, role)

    def _keep_hits(self, page: SearchPage) -> None:
        for r in page.rows:
            self._hits.setdefault(r.summary.id, r.hit)

    def _fetch_page(self, offset: int, limit: int) -> None:
        query = self._query
        self._runner.query(
            self,
            lambda archive: searching.search_page(archive, query, offset, limit),
            key="page",
            success=self._on_page,
            failure=self._page_failed,
        )

    def _on_page(self, page: SearchPage) -> None:
        self._keep_hits(page)
        fresh = self._append_page([r.summary for r in page.rows])
        # An import between two pages can shift results: stop rather than loop.
        self._complete = page.complete or not fresh or len(self._rows) >= SEARCH_MAX
        self.page_loaded.emit()


class SearchBox(QLineEdit):
    """The search field; Esc and Down are handed to the window."""

    escape_pressed = Signal()
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    """The box, the category filter (shown while searching) and the count of results."""

    text_edited = Signal(str)
    filter_toggled = Signal(bool)
    sort_changed = Signal(str)
    suggestion_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        self.box = SearchBox(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self._on_text)
        self.in_category = QCheckBox(self)
        self.in_category.setObjectName("searchInCategory")
        self.in_category.toggled.connect(self.filter_toggled)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("searchCount")
        self.sort_label = QLabel(self)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("searchSort")
        self.sort_label.setBuddy(self.sort_box)
        for sort in SORTS:
            self.sort_box.addItem("", sort)
        self.sort_box.currentIndexChanged.connect(lambda _i: self.sort_changed.emit(self.sort()))
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("searchSuggestion")
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.linkActivated.connect(lambda _link: self._choose_suggestion())
        self.suggestion.hide()
        self._suggested: str | None = None
        self.options = QWidget(self)
        # The count has a line of its own: beside the check box and the order it
        # was cut to "Không tìm thấy văn bản nà" even at 1366 px.
        options = QVBoxLayout(self.options)
        options.setContentsMargins(0, 0, 0, 0)
        options.setSpacing(2)
        choices = QHBoxLayout()
        choices.addWidget(self.in_category)
        choices.addStretch(1)
        choices.addWidget(self.sort_label)
        choices.addWidget(self.sort_box)
        options.addLayout(choices)
        options.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.box)
        layout.addWidget(self.options)
        layout.addWidget(self.suggestion)
        self.options.hide()
        self._found: int | None = None
        self.retranslate()

    def text(self) -> str:
        return self.box.text().strip()

    def clear(self) -> None:
        """Empty the box without asking for a search."""
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        self.count_label.clear()
        self._found = None
        self.options.hide()
        self.show_suggestion(None)

    def sort(self) -> str:
        """The order chosen: "relevance" or "newest" (desktop.ops.searching.SORTS)."""
        return str(self.sort_box.currentData() or SORTS[0])

    def set_sort(self, sort: str) -> None:
        """Choose the order without asking for a search."""
        index = self.sort_box.findData(sort)
        self.sort_box.blockSignals(True)
        self.sort_box.setCurrentIndex(max(0, index))
        self.sort_box.blockSignals(False)

    def show_suggestion(self, text: str | None) -> None:
        """ "Có phải bạn muốn tìm: …" as a link that searches for *text*; None hides it."""
        self._suggested = text
        if not text:
            self.suggestion.hide()
            self.suggestion.clear()
            return
        import html  # a search's, not the first paint's: its entities are a large table

        self.suggestion.setText(
            self.tr("Có phải bạn muốn tìm: {words}").format(
                words=f'<a href="suggestion"><b><i>{html.escape(text)}</i></b></a>'
            )
        )
        self.suggestion.show()

    def _choose_suggestion(self) -> None:
        if self._suggested:
            self.suggestion_chosen.emit(self._suggested)

    def show_count(self, found: int | None) -> None:
        """ "Tìm thấy 12 văn bản"; None: searching."""
        self._found = found
        if found is None:
            text = self.tr("Đang tìm…")
        elif found == 0:
            text = self.tr("Không tìm thấy văn bản nào")
        elif found > SEARCH_MAX:
            text = self.tr("Hơn {count} văn bản").format(count=SEARCH_MAX)
        else:
            text = self.tr("Tìm thấy {count} văn bản").format(count=found)
        self.count_label.setText(text)

    def _on_text(self, text: str) -> None:
        self.options.setVisible(bool(text.strip()))
        self.text_edited.emit(text)

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Tìm văn bản… (Ctrl+K)"))
        self.box.setAccessibleName(self.tr("Tìm kiếm văn bản"))
        self.box.setToolTip(
            self.tr("Gõ từ cần tìm, có dấu hoặc không dấu; Esc để quay lại chuyên mục")
        )
        self.in_category.setText(self.tr("Chỉ trong chuyên mục đang chọn"))
        self.sort_label.setText(self.tr("Sắp xếp:"))
        self.sort_box.setItemText(0, self.tr("Phù hợp nhất"))
        self.sort_box.setItemText(1, self.tr("Mới nhất"))
        self.sort_box.setAccessibleName(self.tr("Sắp xếp kết quả tìm kiếm"))
        self.show_suggestion(self._suggested)
        if self.count_label.text():
            self.show_count(self._found)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
