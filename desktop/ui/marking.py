"""Read and unread from the window: "Đánh dấu chưa đọc" (Ctrl+U) and "next unread" (N).

`ReadingMarks` works on what the clerk sees: the rows selected in the list,
else the notice shown. The next unread notice is the first unread row after
the current one in the list (wrapping to the top); when the rows loaded so
far hold none, the archive is asked for the first unread notice of the
list shown. Space at the very end of an article goes to it too (the
article pane's `end_reached`). A notice reached this way is read at once:
the clerk asked for it.

Signals: `status(text)` for the status bar; `failed(exc)`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from desktop.ops import marks, reading
from desktop.ops.reading import ListPage
from desktop.tasks import Runner
from desktop.ui.listing import ListController
from desktop.ui.noticelist import NoticeListView, NoticeRowsModel
from desktop.ui.reader import Reader


class ReadingMarks(QObject):
    """Marks notices unread and finds the next unread one; see the module docstring."""

    status = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        runner: Runner,
        listing: ListController,
        view: NoticeListView,
        reader: Reader,
        *,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._listing = listing
        self._view = view
        self._reader = reader

    def targets(self) -> list[str]:
        """The selected rows, else the notice shown."""
        ids = self._view.selected_ids()
        if ids:
            return ids
        return [self._reader.current.id] if self._reader.current is not None else []

    # -- unread -----------------------------------------------------------------------------

    def mark_unread(self) -> None:
        """Ctrl+U: the chosen notices become unread (bold again, counted again)."""
        ids = self.targets()
        if not ids:
            return

        def done(count: int) -> None:
            self.status.emit(self.tr("Đã đánh dấu chưa đọc {count} văn bản").format(count=count))

        self._runner.write(
            self,
            lambda archive: marks.set_read(archive, ids, False),
            success=done,
            failure=self.failed.emit,
        )

    # -- next unread --------------------------------------------------------------------------

    def next_unread(self) -> None:
        """N (or Space at the end of an article): open the next unread notice of the list."""
        model = self._listing.model()
        if model is None:
            return
        found = _next_unread_row(model, self._view.currentIndex().row())
        if found is not None:
            self._go(model.notice_id(found))
            return
        if model.canFetchMore(self._view.rootIndex()) and self._listing.search is None:
            query = replace(self._listing.query, show="unread")
            self._runner.query(
                self,
                lambda archive: reading.list_page(archive, query, 0, 1),
                key="next-unread",
                success=self._on_first_unread,
                failure=self.failed.emit,
            )
            return
        self.status.emit(self.tr("Không còn văn bản chưa đọc trong danh sách này"))

    def _on_first_unread(self, page: ListPage) -> None:
        if page.rows:
            self._go(page.rows[0].id)
        else:
            self.status.emit(self.tr("Không còn văn bản chưa đọc trong danh sách này"))

    def _go(self, notice_id: str) -> None:
        self._listing.select(notice_id)
        self._reader.open(notice_id)


def _next_unread_row(model: NoticeRowsModel, current: int) -> int | None:
    """The first unread row after *current*, wrapping to the top; None if every row is read."""
    rows = model.rowCount()
    start = current + 1 if current >= 0 else 0
    for offset in range(rows):
        row = (start + offset) % rows
        if row != current and not model.summary(row).read:
            return row
    return None
