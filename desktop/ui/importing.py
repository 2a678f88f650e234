"""Importing bundles from the window: one at a time, on the database worker.

Every way in (the File menu, a drop on the window, a plugged USB stick,
`bangtin FILE.bangtin`) ends in `ImportController.import_files`. Each
import shows a progress dialog with
"Hủy"; a cancelled or refused import leaves the archive unchanged (the
importer guarantees it), and the result or the reason is shown in a dialog.

Each import is a write operation (`desktop.ops.importing.import_file`): once
a bundle is applied the task runner broadcasts what changed, and every view
refreshes itself.

Signals: `imported(ImportResult)` after a bundle was applied (or found
applied already); `finished(object)` after each attempt, with the result or
the exception; `idle()` when the queue is empty; `status(text)` for the
status bar; `damaged(exc)` when an import found the archive's own pages
damaged (the window then offers its recovery dialog).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QUrl, Signal
from PySide6.QtWidgets import QWidget

from desktop.ops import files, importing
from desktop.paths import BUNDLE_SUFFIX
from desktop.tasks import Runner, TaskState
from desktop.ui import dialogs
from desktop.ui.usbwatch import Volume

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from desktop.bundles.errors import BundleError
    from desktop.bundles.importer import ImportResult

log = logging.getLogger(__name__)


def bundle_paths(urls: list[QUrl]) -> list[Path]:
    """The local bundle files among dropped URLs."""
    return [
        Path(u.toLocalFile())
        for u in urls
        if u.isLocalFile() and u.toLocalFile().lower().endswith(BUNDLE_SUFFIX)
    ]


_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


class ImportController(QObject):
    """Queues bundle files and imports them one by one through the worker."""

    imported = Signal(object)
    finished = Signal(object)
    idle = Signal()
    status = Signal(str)
    damaged = Signal(object)

    def __init__(
        self,
        window: QWidget,
        runner: Runner,
        lang: Callable[[], str],
        archive_dir: Callable[[], Path | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._lang = lang
        self._archive_dir = archive_dir
        self._queue: deque[Path] = deque()
        self._state: TaskState | None = None
        self._dialog: QProgressDialog | None = None
        self._current: Path | None = None
        # Answers a refusal first when set (the trust controller offers to
        # trust the key); returns True when it did, so no error box follows.
        self.trust_offer: Callable[[BundleError, Path], bool] | None = None
        # Bundles dropped anywhere on the window are imported.
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def busy(self) -> bool:
        return self._current is not None

    def import_files(self, paths: list[Path]) -> None:
        self._queue.extend(Path(p) for p in paths)
        if self._current is None and self._queue:
            self._next()

    def choose_and_import(self) -> None:
        """File → "Nhập gói dữ liệu…": ask for a bundle file, then import it."""
        path = dialogs.choose_bundle_file(self._window)
        if path is not None:
            self.import_files([path])

    def offer_volume(self, volume: Volume) -> None:
        """A stick was plugged in: look for bundles on it (off the GUI thread), offer them."""

        def found(paths: list[Path]) -> None:
            if paths:
                self.import_files(dialogs.offer_bundles(self._window, volume.name, paths))

        self._runner.files(self, lambda: files.find_bundles(volume.root), success=found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is not self._window or kind not in _DRAG_EVENTS:
            return False
        from PySide6.QtGui import QDragMoveEvent, QDropEvent  # named at a drag, not at start

        assert isinstance(event, QDragMoveEvent | QDropEvent)
        mime = event.mimeData()
        paths = bundle_paths(mime.urls()) if mime.hasUrls() else []
        if not paths:
            event.ignore()
            return True
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self.import_files(paths)
        return True

    def cancel(self) -> None:
        """Cancel the running import and forget the queued ones."""
        self._queue.clear()
        if self._state is not None:
            self._state.cancel()

    # -- one import -----------------------------------------------------------------------

    def _next(self) -> None:
        if not self._queue:
            self._current = None
            self.idle.emit()
            return
        path = self._queue.popleft()
        self._current = path
        state = self._state = TaskState(self)
        title = self.tr("Đang nhập {name}…").format(name=path.name)
        self._dialog = dialogs.make_progress(self._window, title)
        self._dialog.canceled.connect(state.cancel)
        state.progress_changed.connect(self._on_progress)
        self._runner.write(
            self,
            lambda archive: importing.import_file(archive, path, state),
            success=self._on_success,
            failure=self._on_failure,
        )

    def _stage_text(self, stage: str) -> str:
        if stage in ("waiting", "waiting_server"):
            from desktop.messages import text

            # On a server it is another PC's import: "Máy khác đang nhập gói dữ liệu…".
            return text(f"stage_{stage}", self._lang()) + "…"
        if stage == "staging":
            return self.tr("Đang kiểm tra chữ ký và chép gói dữ liệu…")
        if stage == "applying":
            return self.tr("Đang ghi văn bản vào kho dữ liệu…")
        if stage == "indexing":
            return self.tr("Đang cập nhật chỉ mục tìm kiếm…")
        if stage in ("saving", "done"):
            return self.tr("Sắp xong…")
        return self.tr("Đang nhập gói dữ liệu…")

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        dialog.setLabelText(self._stage_text(stage))
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        if self._state is not None:
            self._state.deleteLater()
            self._state = None

    def _on_success(self, result: ImportResult) -> None:
        path = self._current
        self._close_dialog()
        self.imported.emit(result)
        if result.status == "already" and result.restored_files:
            dialogs.show_info(
                self._window,
                self.tr("Nhập gói dữ liệu"),
                self.tr(
                    "Gói dữ liệu {name} đã được nhập trước đây; đã lấy lại từ gói "
                    "{files} tệp đính kèm mà kho dữ liệu bị mất."
                ).format(name=path.name if path else "", files=result.restored_files),
            )
        elif result.status == "already":
            dialogs.show_info(
                self._window,
                self.tr("Nhập gói dữ liệu"),
                self.tr(
                    "Gói dữ liệu {name} đã được nhập trước đây; kho dữ liệu không thay đổi."
                ).format(name=path.name if path else ""),
            )
        else:
            dialogs.show_info(
                self._window,
                self.tr("Nhập gói dữ liệu"),
                self.tr("Đã nhập gói dữ liệu số {sequence} của {publisher}.").format(
                    sequence=result.sequence, publisher=result.publisher_name
                ),
                self.result_details(result),
            )
        self.finished.emit(result)
        self._next()

    def result_details(self, result: ImportResult) -> str:
        return "\n".join(
            [
                self.tr("Văn bản mới: {n}").format(n=result.added),
                self.tr("Văn bản cập nhật: {n}").format(n=result.updated),
                self.tr("Văn bản thu hồi: {n}").format(n=result.withdrawn),
                self.tr("Không thay đổi: {n}").format(n=result.unchanged),
            ]
        )

    def _on_failure(self, exc: BaseException) -> None:
        from db.errors import ArchiveError
        from desktop.bundles.errors import BundleCode, BundleError, ImportCancelled
        from desktop.messages import describe

        path = self._current
        name = path.name if path else ""
        self._close_dialog()
        if isinstance(exc, ImportCancelled):
            self._queue.clear()
            self.status.emit(self.tr("Đã hủy nhập gói dữ liệu; kho dữ liệu không thay đổi."))
        elif isinstance(exc, BundleError) and exc.code is BundleCode.IMPORT_DAMAGED_ARCHIVE:
            # The archive's pages fail: the way out is the window's recovery dialog.
            self.damaged.emit(exc)
        elif (
            isinstance(exc, BundleError)
            and path is not None
            and self.trust_offer is not None
            and self.trust_offer(exc, path)
        ):
            pass
        else:
            if not isinstance(exc, BundleError | ArchiveError | OSError):
                log.error("import failed", exc_info=exc)
            archive_dir = self._archive_dir()
            dialogs.show_error(
                self._window,
                self.tr("Không nhập được gói dữ liệu"),
                describe(exc, self._lang(), archive_dir=archive_dir),
                self.tr("Tệp: {name}. Kho dữ liệu không thay đổi.").format(name=name),
            )
        self.finished.emit(exc)
        self._next()
