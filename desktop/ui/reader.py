"""The article side of the window: the notice shown, its panels, links, history, bookmark.

`Reader.open` asks the task runner for the notice rendered
(`desktop.ops.reading.open_article`), highlighting the searched words when
the notice is among the results, and shows it as soon as it comes, the view
it shows already counted. What the clerk does not need to see the text
follows once the article is painted (`flush`): the view counted
(`count_view`, a write that waits for the disk) and the "related" and
"latest" panels (`panels`). They are asked for at the latest when the next
notice is opened or the window closes, so no view is lost. Links
in the article open notices, attachments (desktop/ui/attachments.py) or, in
the system browser, web pages. Back and Forward walk a `History`.

A notice the clerk only passes in the list (the arrow keys) is shown
without being marked read; `read_timer` marks it read once it has stayed on
screen for READ_DELAY_MS, and Enter or a click marks it at once
(`mark_read_now`). Every other way of opening (a link, a panel, Back) marks
it read at once. With nothing open the pane shows a short hint.

Signals: `article_ready(notice_id)` when an opened notice is shown, or was
found missing; `panels_ready(notice_id)` when the panels beside it are
filled; `shown(notice_id)` when a notice is shown; `navigation_changed(
can_go_back, can_go_forward)`; `bookmark_changed(enabled, checked)`;
`status(text)` for the status bar (empty: clear it); `failed(exc)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from desktop.ops import marks, reading
from desktop.ops.changes import Changes, in_category
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
#: How long a notice passed in the list stays on screen before it counts as read.
READ_DELAY_MS = 1500
#: The longest the view count and the panels wait for the article to be painted.
FOLLOW_UP_MS = 250


class Reader(QObject):
    """Owns the notice shown and the history; see the module docstring for signals."""

    article_ready = Signal(str)
    panels_ready = Signal(str)
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
        #: Whether the notice shown is read (False while `read_timer` runs).
        self.current_read = False
        self._read_on_arrival: str | None = None
        self.read_timer = QTimer(self)
        self.read_timer.setSingleShot(True)
        self.read_timer.setInterval(READ_DELAY_MS)
        self.read_timer.timeout.connect(self._mark_current_read)
        #: Asking for the view count and the panels, once the article is painted (`flush`).
        self._follow_up: list[Callable[[], None]] = []
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.timeout.connect(self.flush)
        browser.page_painted.connect(self._painted)
        browser.link_activated.connect(self.follow_link)
        related.notice_chosen.connect(self.open)
        latest.notice_chosen.connect(self.open)

    # -- opening ---------------------------------------------------------------------------

    def open(
        self,
        notice_id: str,
        *,
        record: bool = True,
        count_view: bool = True,
        mark_read: bool = True,
    ) -> None:
        """Open a notice: render it, count the view, fill the panels.

        Without *mark_read* it is marked read only after READ_DELAY_MS on screen.
        """
        self.read_timer.stop()
        # What a notice opened before (and not shown yet) still waits for is asked for first.
        self.flush()
        lang, search_text = self._lang(), self._search_text_for(notice_id)
        read = mark_read and count_view
        counting = reading.now() if count_view else None
        # Queued first: a synchronous runner shows the article before `query` returns.
        if counting is not None:
            at = counting
            self._follow_up.append(
                lambda: self._runner.write(
                    self,
                    lambda archive: reading.count_view(archive, notice_id, at, read),
                    success=self._counted,
                    failure=self.failed.emit,
                )
            )
        self._follow_up.append(
            lambda: self._runner.query(
                self,
                lambda archive: reading.panels(archive, notice_id),
                key="panels",
                success=lambda panels: self._show_panels(notice_id, panels),
                failure=self.failed.emit,
            )
        )
        self._runner.query(
            self,
            lambda archive: reading.open_article(
                archive, notice_id, lang, search_text, counting, read
            ),
            key="article",
            success=lambda opened: self._show(opened, record, bool(search_text), mark_read),
            failure=self._not_shown,
        )

    @property
    def following(self) -> bool:
        """Whether the view count or the panels of the last notice are still to be asked for."""
        return bool(self._follow_up)

    def flush(self) -> None:
        """Ask now for what waits for the article's first paint: the view count, the panels."""
        self._follow_timer.stop()
        pending, self._follow_up = self._follow_up, []
        for ask in pending:
            ask()

    def _painted(self) -> None:
        # Once the paint is done with (and the window's image is on screen).
        if self._follow_up:
            self._follow_timer.start(0)

    def _not_shown(self, exc: BaseException) -> None:
        # A notice that could not be shown is not counted as viewed.
        self._follow_timer.stop()
        self._follow_up = []
        self.failed.emit(exc)

    def show_notice(self, notice_id: str) -> None:
        """The list's current row moved to *notice_id*: show it, read after a moment."""
        if self.current is None or self.current.id != notice_id:
            self.open(notice_id, mark_read=False)

    def mark_read_now(self, notice_id: str) -> None:
        """Enter or a click on *notice_id*'s row: it is read now (or as soon as it is shown)."""
        if self.current is not None and self.current.id == notice_id:
            self._mark_current_read()
        else:
            self._read_on_arrival = notice_id

    def _mark_current_read(self) -> None:
        self.read_timer.stop()
        if self.current is None or self.current_read:
            return
        self.current_read = True
        ids = [self.current.id]
        self._runner.write(
            self, lambda archive: marks.set_read(archive, ids, True), failure=self.failed.emit
        )

    def rerender(self) -> None:
        """Show the current notice again (another language, no highlight); no view is counted.

        With nothing open, show the hint again (in the language now chosen).
        """
        if self.current is not None:
            self.open(self.current.id, record=False, count_view=False)
        else:
            self.show_hint()

    def show_hint(self) -> None:
        """What the empty article pane says: how to start reading."""
        import html  # once an archive is open, not before the first paint

        keys = [
            self.tr("N: văn bản chưa đọc kế tiếp (hoặc phím cách ở cuối văn bản)"),
            self.tr("Ctrl+K: tìm trong kho dữ liệu; Ctrl+F: tìm trong văn bản đang mở"),
            self.tr("Ctrl+D: lưu văn bản để đọc lại; Ctrl+U: đánh dấu chưa đọc"),
            self.tr("F1: hướng dẫn sử dụng"),
        ]
        items = "".join(f"<li>{html.escape(line)}</li>" for line in keys)
        self._browser.show_message(
            '<div style="color: #777777;"><h2>'
            + html.escape(self.tr("Chọn một văn bản trong danh sách để đọc"))
            + "</h2><p>"
            + html.escape(self.tr("Các phím tắt hay dùng:"))
            + f"</p><ul>{items}</ul></div>"
        )

    def rerender_if_highlighted(self) -> None:
        if self._highlighted:
            self.rerender()

    def _show(
        self, opened: OpenedNotice, record: bool, highlighted: bool, mark_read: bool = True
    ) -> None:
        detail = opened.detail
        if detail is None:
            # A link to a notice this archive does not hold: stay where we are.
            self.status.emit(self.tr("Không tìm thấy văn bản này trong kho dữ liệu."))
            self.flush()
            self.article_ready.emit(opened.requested_id)
            return
        self.current = detail
        self.current_read = detail.first_opened is not None
        self._highlighted = highlighted
        self._browser.show_article(opened.html, opened.images, opened.tables)
        self._attachments.show_notice(
            {att.sha256: att.name for att in detail.attachments}, opened.files
        )
        self.bookmark_changed.emit(True, detail.bookmarked)
        if record:
            self.history.visit(detail.id)
            self._navigation_changed()
        self.shown.emit(detail.id)
        self.status.emit(self.tr("Văn bản này đã bị thu hồi") if detail.withdrawn else "")
        if self._read_on_arrival == detail.id:
            self._read_on_arrival = None
            self._mark_current_read()
        elif not mark_read and not self.current_read:
            self.read_timer.start()
        if self._runner.background and self._browser.isVisible():
            # The disk's wait and the panels' queries would compete with the
            # article's layout and paint for this process: they follow it.
            self._follow_timer.start(FOLLOW_UP_MS)
        else:
            self.flush()
        self.article_ready.emit(detail.id)

    def _counted(self, counted: reading.Counted | None) -> None:
        # Another PC may have counted a view of it meanwhile (a shared archive).
        current = self.current
        if counted is not None and current is not None and current.id == counted.notice_id:
            if current.views != counted.views:
                self.current = replace(current, views=counted.views)

    def _show_panels(self, notice_id: str, panels: reading.Panels) -> None:
        self._latest.set_rows(panels.latest)
        # A link to a notice the archive lacks leaves the related panel as it was.
        if self.current is not None and self.current.id == notice_id:
            self._related.set_rows(panels.related)
        self.panels_ready.emit(notice_id)

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
            self.status.emit(self.tr("Đã lưu văn bản") if value else self.tr("Đã bỏ lưu văn bản"))

        self._runner.write(
            self,
            lambda archive: marks.set_bookmark(archive, notice_id, wanted),
            success=done,
            failure=self.failed.emit,
        )

    def apply_changes(self, changes: Changes) -> None:
        """Another archive: start empty. A new bookmark on the notice shown: show it."""
        if changes.archive:
            # Whatever still waited was the other archive's.
            self._follow_timer.stop()
            self._follow_up = []
            self.history.clear()
            self._navigation_changed()
            self.current = None
            self.current_read = False
            self.read_timer.stop()
            self._highlighted = False
            self.show_hint()
            self._related.set_rows([])
            self._attachments.show_notice({}, {})
            self.bookmark_changed.emit(False, False)
            return
        if self.current is not None:
            if self.current.id in changes.unread:
                # Marked unread while shown: it stays unread until opened again.
                self.read_timer.stop()
                self.current_read = False
            elif self.current.id in changes.read or (
                changes.all_read
                and (
                    changes.read_category is None
                    or in_category(self.current.category, changes.read_category)
                )
            ):
                self.current_read = True
                self.read_timer.stop()
            mark = changes.bookmark(self.current.id)
            if mark is not None:
                self.current = replace(self.current, bookmarked=mark)
                self.bookmark_changed.emit(True, mark)
