"""Importing bundles from the window: one at a time, on the database worker.

Every way in (the File menu, a drop, a plugged USB stick) ends in
`ImportController.import_files`. Each import shows a progress dialog with
"Hủy"; a cancelled or refused import leaves the archive unchanged (the
importer guarantees it), and the result or the reason is shown in a dialog.

Signals: `imported(ImportResult)` after a bundle was applied (or found
applied already); `finished(object)` after each attempt, with the result or
the exception; `idle()` when the queue is empty.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.tasks import TaskState, Worker
from desktop.ui import dialogs

if TYPE_CHECKING:
    from db.archive import Archive

log = logging.getLogger(__name__)


def run_import(archive: Archive, path: Path, state: TaskState) -> Any:
    """On the worker: import one bundle, reporting through *state*."""
    from desktop.bundles.importer import import_bundle

    return import_bundle(archive, path, progress=state.set_progress, cancel=state.is_cancelled)


class ImportController(QObject):
    """Queues bundle files and imports them one by one through the worker."""

    imported = Signal(object)
    finished = Signal(object)
    idle = Signal()

    def __init__(
        self,
        window: QWidget,
        worker: Callable[[], Worker],
        lang: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._worker = worker
        self._lang = lang
        self._queue: deque[Path] = deque()
        self._state: TaskState | None = None
        self._dialog: QProgressDialog | None = None
        self._current: Path | None = None

    def busy(self) -> bool:
        return self._current is not None

    def import_files(self, paths: list[Path]) -> None:
        self._queue.extend(Path(p) for p in paths)
        if self._current is None:
            self._next()

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
        self._state = TaskState(self)
        title = self.tr("Đang nhập {name}…").format(name=path.name)
        self._dialog = dialogs.make_progress(self._window, title)
        self._dialog.canceled.connect(self._state.cancel)
        self._state.progress_changed.connect(self._on_progress)
        self._worker().run(
            run_import, path, self._state, success=self._on_success, failure=self._on_failure
        )

    def _stage_text(self, stage: str) -> str:
        if stage == "waiting":
            from desktop.messages import text

            return text("stage_waiting", self._lang()) + "…"
        if stage == "staging":
            return self.tr("Đang kiểm tra chữ ký và chép gói dữ liệu…")
        if stage == "applying":
            return self.tr("Đang ghi văn bản vào kho dữ liệu…")
        if stage == "indexing":
            return self.tr("Đang cập nhật chỉ mục tìm kiếm…")
        if stage == "done":
            return self.tr("Sắp xong…")
        return self.tr("Đang nhập gói dữ liệu…")

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        dialog = self._dialog
        if dialog is None or not shiboken6.isValid(dialog):
            return
        dialog.setLabelText(self._stage_text(stage))
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()
        if self._state is not None:
            self._state.deleteLater()
            self._state = None

    def _on_success(self, result: Any) -> None:
        path = self._current
        self._close_dialog()
        self.imported.emit(result)
        if result.status == "already":
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

    def result_details(self, result: Any) -> str:
        return "\n".join(
            [
                self.tr("Văn bản mới: {n}").format(n=result.added),
                self.tr("Văn bản cập nhật: {n}").format(n=result.updated),
                self.tr("Văn bản thu hồi: {n}").format(n=result.withdrawn),
                self.tr("Không thay đổi: {n}").format(n=result.unchanged),
            ]
        )

    def _on_failure(self, exc: BaseException) -> None:
        from db.archive import ArchiveError
        from desktop.bundles.errors import BundleError, ImportCancelled

        path = self._current
        name = path.name if path else ""
        self._close_dialog()
        title = self.tr("Không nhập được gói dữ liệu")
        if isinstance(exc, ImportCancelled):
            self._queue.clear()
            window_status = getattr(self._window, "show_status", None)
            if callable(window_status):
                window_status(self.tr("Đã hủy nhập gói dữ liệu; kho dữ liệu không thay đổi."))
        elif isinstance(exc, BundleError) and exc.code == "import_damaged_archive":
            # The archive's pages fail: the way out is the window's recovery dialog.
            offer = getattr(self._window, "offer_recovery", None)
            if callable(offer):
                offer(exc)
            else:
                dialogs.show_error(self._window, title, exc.message(self._lang()))
        elif isinstance(exc, BundleError):
            dialogs.show_error(
                self._window,
                title,
                exc.message(self._lang()),
                self.tr("Tệp: {name}. Kho dữ liệu không thay đổi.").format(name=name),
            )
        elif isinstance(exc, ArchiveError) and exc.code == "busy":
            dialogs.show_error(
                self._window,
                title,
                self.tr("Kho dữ liệu đang bận (một chương trình khác đang dùng). Hãy thử lại sau."),
            )
        elif isinstance(exc, OSError):
            dialogs.show_error(
                self._window,
                title,
                self.tr("Không đọc được tệp {name}: {reason}").format(
                    name=name, reason=exc.strerror or str(exc)
                ),
                self.tr("Kho dữ liệu không thay đổi."),
            )
        else:
            log.error("import failed", exc_info=exc)
            dialogs.show_error(
                self._window,
                title,
                self.tr("Đã xảy ra lỗi khi nhập {name}.").format(name=name),
                str(exc),
            )
        self.finished.emit(exc)
        self._next()
