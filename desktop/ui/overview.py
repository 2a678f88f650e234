"""Everything around the list: the tree's counts, "Tin mới nhất", and the status bar's labels.

`OverviewController` loads the archive's `Overview` through the task runner
and shows it; it loads again whenever the runner says something changed.

"Đánh dấu đã đọc tất cả" (`mark_all_read`) starts here too, as it works on
the category chosen in the tree; it asks first (`dialogs.confirm`), as it
cannot be undone.

`ElidedLabel` is the status bar's "Cập nhật lần cuối" label: on a narrow
screen it gives way first, its end cut with "…" and the whole in its tooltip,
rather than clipping its neighbours mid-word.

Signals: `overview_ready()` when counts, panels and labels are filled;
`failed(exc)` when the archive could not be read; `status(text)`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ops import marks, reading
from desktop.ops.changes import Changes
from desktop.ops.reading import Overview
from desktop.render import dates
from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui.categorytree import CategoryTreeView, TreeCounts
from desktop.ui.panels import NoticePanel

# The narrowest an ElidedLabel becomes, in average characters (a plain comment:
# lupdate would hand "#:" to the translators).
ELIDED_MIN_CHARS = 12


class ElidedLabel(QLabel):
    """A one-line label that may be narrower than its text: it shows the start and "…"."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrowest = self.fontMetrics().averageCharWidth() * ELIDED_MIN_CHARS
        return QSize(min(hint.width(), narrowest), hint.height())

    def shown_text(self) -> str:
        """The text as it fits the label's width now."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.text():
            # Nothing to draw (the freshness line at the first paint): not even
            # the style, whose Python type PySide6 would make now with its enums.
            self.setToolTip("")
            return
        shown = self.shown_text()
        self.setToolTip(self.text() if shown != self.text() else "")
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )


class OverviewController(QObject):
    """Keeps the tree, the latest panel and the two status labels up to date."""

    overview_ready = Signal()
    failed = Signal(object)
    status = Signal(str)

    def __init__(
        self,
        runner: Runner,
        tree: CategoryTreeView,
        latest: NoticePanel,
        counts_label: QLabel,
        update_label: QLabel,
        *,
        lang: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._tree = tree
        self._latest = latest
        self._counts_label = counts_label
        self._update_label = update_label
        self._lang = lang
        self.overview: Overview | None = None

    def reload(self) -> None:
        self._runner.query(
            self, reading.overview, key="overview", success=self._show, failure=self.failed.emit
        )

    def show_first(self, overview: Overview) -> None:
        """Show the first look's overview (desktop/ui/opening.py), unless the archive's is in."""
        if self.overview is None:
            self._show(overview)

    def apply_changes(self, changes: Changes) -> None:
        if changes:
            self.reload()

    def mark_all_read(self) -> None:
        """Mark every notice of the chosen category read (everywhere, for the fixed entries)."""
        category, _show = self._tree.current_key()
        unread, name = self._unread_in(category)
        if unread == 0:
            return
        parent = self.parent()
        if not dialogs.confirm(
            parent if isinstance(parent, QWidget) else None,
            self.tr("Đánh dấu đã đọc tất cả"),
            self.tr("Đánh dấu đã đọc {count} văn bản chưa đọc trong «{name}»?").format(
                count=unread, name=name
            ),
            self.tr("Đánh dấu đã đọc"),
        ):
            return
        self._runner.write(
            self,
            lambda archive: marks.mark_all_read(archive, category),
            success=lambda count: self.status.emit(
                self.tr("Đã đánh dấu đã đọc {count} văn bản").format(count=count)
            ),
            failure=self.failed.emit,
        )

    def _unread_in(self, category: str | None) -> tuple[int, str]:
        """How many notices "Đánh dấu đã đọc tất cả" would mark in *category*, and its name."""
        overview = self.overview
        if overview is None:
            return 0, ""
        if category is None:
            return overview.unread, self.tr("Tất cả chuyên mục")
        for info in overview.categories:
            if info.path == category:
                return info.unread, info.name
        return 0, category

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        self._tree.set_counts(
            TreeCounts(
                overview.categories,
                overview.total,
                overview.unread,
                overview.bookmarked,
                overview.bookmarked_unread,
            )
        )
        self._latest.set_rows(overview.latest)
        self.show_counts()
        self.overview_ready.emit()

    def show_counts(self) -> None:
        """Fill the labels in the language now chosen."""
        overview = self.overview
        if overview is None:
            self._counts_label.setText("")
            self._update_label.setText("")
            return
        self._counts_label.setText(
            self.tr("{total} văn bản, {unread} chưa đọc").format(
                total=overview.total, unread=overview.unread
            )
        )
        last = overview.last_import
        if last is None:
            self._update_label.setText(self.tr("Chưa nhập gói dữ liệu nào"))
        else:
            self._update_label.setText(
                self.tr("Cập nhật lần cuối: {when} từ {publisher}").format(
                    when=dates.date_time(last.imported_at, self._lang()),
                    publisher=overview.publisher_name or last.publisher_id,
                )
            )
