"""The article side of the window: the notice shown, its panels, links, history, bookmark.

`Reader.open` asks the task runner to count a view and render the notice
(`desktop.ops.reading.open_notice`), then shows it with its "related" panel,
highlighting the searched words when the notice is among the results. Links
in the article open notices, attachments (desktop/ui/attachments.py) or, in
the system browser, web pages. Back and Forward walk a `History`.

Signals: `article_ready(notice_id)` when an opened notice is shown, or was
found missing; `shown(notice_id)` when a notice is shown; `navigation_changed(
can_go_back, can_go_forward)`; `bookmark_changed(enabled, checked)`;
`status(text)` for the status bar (empty: clear it); `failed(exc)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

from desktop.ops import marks, reading
from desktop.ops.changes import Changes
from desktop.ops.reading import OpenedNotice
from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui.article import ATTACHMENT_SCHEME, NOTICE_SCHEME, ArticleBrowser
from desktop.ui.attachments import Attachments
from desktop.ui.history import History
from desktop.ui.panels import NoticePanel

if TYPE_CHECKING:
    from db.records import NoticeDetail

# Link queries that save an attachment instead of opening it.
SAVE_ACTIONS = ("save", "download")


class Reader(QObject):
    """Owns the notice shown and the history; see the module docstring for signals."""

    article_ready = Signal(str)
    shown = Signal(str)
    navigation_changed = Signal(bool, bool)
    bookmark_changed = Signal(bool, bool)
    status = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        runner: Runner,
        browser: ArticleBrowser,
        related: NoticePanel,
        latest: NoticePanel,
        attachments: Attachments,
        *,
        lang: Callable[[], str],
        search_text_for: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._browser = browser
        self._related = related
        self._latest = latest
        self._attachments = attachments
        self._lang = lang
        self._search_text_for = search_text_for
        self.current: NoticeDetail | None = None
        self.history = History()
        self._highlighted = False
        browser.link_activated.connect(self.follow_link)
        related.notice_chosen.connect(self.open)
        latest.notice_chosen.connect(self.open)

    # -- opening ---------------------------------------------------------------------------

    def open(self, notice_id: str, *, record: bool = True, count_view: bool = True) -> None:
        """Open a notice: count the view, render it, fill the related panel."""
        lang, search_text = self._lang(), self._search_text_for(notice_id)
        self._runner.write(
            self,
            lambda archive: reading.open_notice(archive, notice_id, lang, count_view, search_text),
            key="article",
            success=lambda opened: self._show(opened, record, bool(search_text)),
            failure=self.failed.emit,
        )

    def show_notice(self, notice_id: str) -> None:
        """Open *notice_id* unless it is the one shown already."""
        if self.current is None or self.current.id != notice_id:
            self.open(notice_id)

    def rerender(self) -> None:
        """Show the current notice again (another language, no highlight); no view is counted."""
        if self.current is not None:
            self.open(self.current.id, record=False, count_view=False)

    def rerender_if_highlighted(self) -> None:
        if self._highlighted:
            self.rerender()

    def _show(self, opened: OpenedNotice, record: bool, highlighted: bool) -> None:
        self._latest.set_rows(opened.latest)
        detail = opened.detail
        if detail is None:
            # A link to a notice this archive does not hold: stay where we are.
            self.status.emit(self.tr("Không tìm thấy văn bản này trong kho dữ liệu."))
            self.article_ready.emit(opened.requested_id)
            return
        self.current = detail
        self._highlighted = highlighted
        self._browser.show_article(opened.html, opened.images, opened.tables)
        self._related.set_rows(opened.related)
        self._attachments.show_notice(
            {att.sha256: att.name for att in detail.attachments}, opened.files
        )
        self.bookmark_changed.emit(True, detail.bookmarked)
        if record:
            self.history.visit(detail.id)
            self._navigation_changed()
        self.shown.emit(detail.id)
        self.status.emit(self.tr("Văn bản này đã bị thu hồi") if detail.withdrawn else "")
        self.article_ready.emit(detail.id)

    # -- history ---------------------------------------------------------------------------

    def go_back(self) -> None:
        target = self.history.back()
        if target is not None:
            self._navigation_changed()
            self.open(target, record=False)

    def go_forward(self) -> None:
        target = self.history.forward()
        if target is not None:
            self._navigation_changed()
            self.open(target, record=False)

    def _navigation_changed(self) -> None:
        self.navigation_changed.emit(self.history.can_go_back(), self.history.can_go_forward())

    # -- links and marks --------------------------------------------------------------------

    def follow_link(self, url: QUrl) -> None:
        """A click in the article: a notice, an attachment (open or save), or a web page."""
        scheme = url.scheme().lower()
        if scheme == NOTICE_SCHEME:
            if url.path():
                self.open(url.path())
        elif scheme == ATTACHMENT_SCHEME:
            if (url.query() or url.fragment()) in SAVE_ACTIONS:
                self._attachments.save(url.path())
            else:
                self._attachments.open(url.path())
        elif scheme in ("http", "https", "mailto"):
            # The user clicked: the system browser goes online, never this program.
            dialogs.open_url(url)

    def toggle_bookmark(self) -> None:
        detail = self.current
        if detail is None:
            self.bookmark_changed.emit(False, False)
            return
        wanted, notice_id = not detail.bookmarked, detail.id

        def done(value: bool) -> None:
            self.status.emit(
                self.tr("Đã đánh dấu văn bản") if value else self.tr("Đã bỏ đánh dấu văn bản")
            )

        self._runner.write(
            self,
            lambda archive: marks.set_bookmark(archive, notice_id, wanted),
            success=done,
            failure=self.failed.emit,
        )

    def apply_changes(self, changes: Changes) -> None:
        """Another archive: start empty. A new bookmark on the notice shown: show it."""
        if changes.archive:
            self.history.clear()
            self._navigation_changed()
            self.current = None
            self._highlighted = False
            self._browser.show_message("")
            self._related.set_rows([])
            self._attachments.show_notice({}, {})
            self.bookmark_changed.emit(False, False)
            return
        if self.current is not None:
            mark = changes.bookmark(self.current.id)
            if mark is not None:
                self.current = replace(self.current, bookmarked=mark)
                self.bookmark_changed.emit(True, mark)
