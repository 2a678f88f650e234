"""The log file: the warnings and errors that no sentence of ours shows.

The command says one sentence and the window its status line; what is left
had nowhere to go: psycopg's own warnings (a pipeline closed on a dropped
connection), Python's warnings, an error on a background thread (the
window's database worker, the server's listener), and the traceback behind
"Lỗi không mong đợi". `start` sends them to `bangtin.log` in the user log
folder (`desktop.paths.log_dir`), UTF-8, one line each with the time, the
process and what it was running. Nothing leaves the computer.

The file stays small: at `MAX_BYTES` it is rotated, keeping `BACKUPS` older
parts (`bangtin.log.1`, `.2`). The window and scheduled commands may write
at once, so the file is opened for each record and closed again: no process
holds it open, and rotating it works on Windows too. A log that cannot be
written (a read-only home, a full disk) is skipped in silence: it must never
be why a command fails or what it prints.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType

from desktop import paths

MAX_BYTES = 256 * 1024
BACKUPS = 2
LEVEL = logging.WARNING
FORMAT = "%(asctime)s %(process)d %(what)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("bangtin")


class _LogFile(logging.handlers.RotatingFileHandler):
    """A rotating UTF-8 file opened for each record, that never complains."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        self.what = what
        self.setLevel(LEVEL)
        self.setFormatter(logging.Formatter(FORMAT))

    def _open(self) -> TextIOWrapper:
        # The folder too is made only when there is something to write.
        # The user's own: its lines name folders and servers.
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        record.what = self.what
        try:
            super().emit(record)
        finally:
            # Closed after each record: another process may rotate the file.
            if self.stream is not None:
                stream, self.stream = self.stream, None
                stream.close()

    def handleError(self, record: logging.LogRecord) -> None:
        # Never a "--- Logging error ---" on stderr, never an exception.
        pass


_started: _LogFile | None = None
_previous_hooks: tuple[object, object] | None = None


def start(what: str) -> Path:
    """Send warnings and errors to the log file from now on; returns its path.

    *what* names the process on each line ("window", "cli import"). Calling
    it again replaces the handler (a test's next command, another folder).
    Nothing is made on disk until a record is written.
    """
    global _started, _previous_hooks
    stop()
    path = paths.log_file()
    _started = _LogFile(path, what)
    root = logging.getLogger()
    root.addHandler(_started)
    if root.level > LEVEL or root.level == logging.NOTSET:
        root.setLevel(LEVEL)
    logging.captureWarnings(True)
    _previous_hooks = (threading.excepthook, sys.excepthook)
    threading.excepthook = _thread_failed
    if what == "window":
        # Qt hands an exception raised in a slot to sys.excepthook.
        sys.excepthook = _window_failed
    return path


def stop() -> None:
    """Stop writing the log file (tests; the next `start`)."""
    global _started, _previous_hooks
    if _started is None:
        return
    logging.getLogger().removeHandler(_started)
    _started.close()
    _started = None
    logging.captureWarnings(False)
    if _previous_hooks is not None:
        threading.excepthook, sys.excepthook = _previous_hooks  # type: ignore[assignment]
        _previous_hooks = None


def _thread_failed(args: threading.ExceptHookArgs) -> None:
    name = args.thread.name if args.thread is not None else "?"
    exc = args.exc_value
    if exc is None:
        return
    log.error("thread %s failed", name, exc_info=(args.exc_type, exc, args.exc_traceback))


def _window_failed(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    log.error("unexpected error in the window", exc_info=(kind, exc, tb))
    if _previous_hooks is not None:
        previous = _previous_hooks[1]
        if callable(previous):
            previous(kind, exc, tb)
