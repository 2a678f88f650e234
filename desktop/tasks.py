"""One worker thread for all database work, plus progress and cancel state.

The GUI thread never runs SQL or hashes files: it hands small operations to
`DbWorker.run(fn, *args, success=..., failure=...)`. `fn(archive, *args)`
runs on the worker thread; `success(result)` or `failure(exc)` runs on the
GUI thread, delivered through a queued signal. Long operations (imports)
report progress and watch for cancellation through one `TaskState`, whose
signal is throttled so a fast loop cannot flood the event queue.

`SyncWorker` has the same interface and runs everything at once on the
calling thread, for unit tests (as Picard's FakeThreadPool does).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from db.archive import Archive

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]
Opener = Callable[[Path], "Archive"]

#: Shortest gap between two progress signals (seconds), except for the last one.
PROGRESS_INTERVAL = 0.05


class TaskState(QObject):
    """Progress and cancellation of one long operation.

    The worker calls `set_progress` and `is_cancelled`; the GUI connects to
    `progress_changed(stage, done, total)` and calls `cancel()`. Signals are
    throttled and, being emitted from the worker thread to an object living
    on the GUI thread, are queued.
    """

    progress_changed = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None, *, interval: float = PROGRESS_INTERVAL):
        super().__init__(parent)
        self._cancelled = threading.Event()
        self._interval = interval
        self._last_emit = 0.0
        self._last_stage = ""

    def set_progress(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        final = total > 0 and done >= total
        if stage == self._last_stage and not final and now - self._last_emit < self._interval:
            return
        self._last_stage = stage
        self._last_emit = now
        self.progress_changed.emit(stage, int(done), int(total))

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()


@dataclass
class _Job:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    success: Success | None
    failure: Failure | None
    needs_archive: bool = True


class Worker(Protocol):
    """What the window needs from a task runner (real thread or synchronous)."""

    #: True when jobs run on another thread (and compete with the GUI thread).
    background: bool

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        success: Success | None = None,
        failure: Failure | None = None,
    ) -> None: ...

    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        success: Success | None = None,
        failure: Failure | None = None,
    ) -> None: ...

    def open(
        self,
        data_dir: Path,
        *,
        success: Success | None = None,
        failure: Failure | None = None,
    ) -> None: ...

    def busy(self) -> bool: ...

    def shutdown(self) -> None: ...

    @property
    def data_dir(self) -> Path | None: ...


def open_archive(data_dir: Path) -> Archive:
    """`db.archive.open_archive`, imported when first called.

    The window makes its worker before its first paint; the archive module
    (and SQLAlchemy under it) then loads on the worker thread instead.
    """
    from db.archive import open_archive as open_db

    return open_db(data_dir)


def _default_failure(exc: BaseException) -> None:
    log.error("database task failed", exc_info=exc)


class _ArchiveHolder:
    """The archive the worker owns; touched only by the thread that runs jobs."""

    def __init__(self, opener: Opener) -> None:
        self.opener = opener
        self.archive: Archive | None = None
        self.data_dir: Path | None = None

    def open(self, data_dir: Path) -> Archive:
        if self.archive is not None:
            self.archive.close()
            self.archive = None
        self.archive = self.opener(Path(data_dir))
        self.data_dir = Path(data_dir)
        return self.archive

    def require(self) -> Archive:
        if self.archive is None:
            raise RuntimeError("no archive is open")
        return self.archive

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None


class _Submits:
    """run/call/open for a worker that queues or runs `_Job`s through `_submit`."""

    _holder: _ArchiveHolder

    def _submit(self, job: _Job) -> None:
        raise NotImplementedError

    @property
    def data_dir(self) -> Path | None:
        return self._holder.data_dir

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        success: Success | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Queue `fn(archive, *args)`; call back on the GUI thread when done."""
        self._submit(_Job(fn, args, success, failure))

    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        success: Success | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Queue `fn(*args)`, which needs no archive (file work, opening one)."""
        self._submit(_Job(fn, args, success, failure, False))

    def open(
        self,
        data_dir: Path,
        *,
        success: Success | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Close the current archive (if any) and open the one in *data_dir*."""
        self._submit(_Job(self._holder.open, (Path(data_dir),), success, failure, False))


class DbWorker(_Submits, QObject):
    """The one database thread. Jobs run in order; results come back queued.

    Signals: `finished()` after each job's callback has run on the GUI
    thread, and `idle()` when no job is waiting any more.
    """

    _deliver = Signal(object)
    finished = Signal()
    idle = Signal()
    background = True

    def __init__(self, parent: QObject | None = None, *, opener: Opener = open_archive):
        super().__init__(parent)
        self._holder = _ArchiveHolder(opener)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._pending = 0
        self._lock = threading.Lock()
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        self._stopped = False
        self._thread = threading.Thread(target=self._loop, name="bangtin-db", daemon=True)
        self._thread.start()

    def busy(self) -> bool:
        with self._lock:
            return self._pending > 0

    def shutdown(self) -> None:
        """Finish queued jobs, close the archive and stop the thread."""
        if self._stopped:
            return
        self._stopped = True
        self._jobs.put(None)
        self._thread.join()

    def _submit(self, job: _Job) -> None:
        if self._stopped:
            raise RuntimeError("the database worker has stopped")
        with self._lock:
            self._pending += 1
        self._jobs.put(job)

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                self._holder.close()
                return
            try:
                if job.needs_archive:
                    value = job.fn(self._holder.require(), *job.args)
                else:
                    value = job.fn(*job.args)
            except Exception as exc:
                self._deliver.emit((job, False, exc))
            else:
                self._deliver.emit((job, True, value))

    @Slot(object)
    def _on_deliver(self, payload: tuple[_Job, bool, Any]) -> None:
        job, ok, value = payload
        with self._lock:
            self._pending -= 1
            now_idle = self._pending == 0
        try:
            if ok:
                if job.success is not None:
                    job.success(value)
            else:
                (job.failure or _default_failure)(value)
        finally:
            self.finished.emit()
            if now_idle:
                self.idle.emit()


class SyncWorker(_Submits, QObject):
    """Runs each job at once on the calling thread; for unit tests."""

    finished = Signal()
    idle = Signal()
    background = False

    def __init__(self, parent: QObject | None = None, *, opener: Opener = open_archive):
        super().__init__(parent)
        self._holder = _ArchiveHolder(opener)

    @property
    def archive(self) -> Archive | None:
        return self._holder.archive

    def busy(self) -> bool:
        return False

    def shutdown(self) -> None:
        self._holder.close()

    def _submit(self, job: _Job) -> None:
        try:
            if job.needs_archive:
                value = job.fn(self._holder.require(), *job.args)
            else:
                value = job.fn(*job.args)
        except Exception as exc:
            (job.failure or _default_failure)(exc)
        else:
            if job.success is not None:
                job.success(value)
        self.finished.emit()
        self.idle.emit()
