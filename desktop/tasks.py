"""The task runner: one thread for the archive, one for other file work, answers on the GUI thread.

The GUI thread never runs SQL or hashes files. It hands operations
(desktop/ops) to a `TaskRunner`:

- `query(owner, op)` runs `op(archive)` on the database thread;
- `write(owner, op)` does the same for an op that returns `Written(value, changes)`;
  once it succeeds the runner emits `changes_made(changes)` (once), and each
  view refreshes itself;
- `call(owner, fn)` runs `fn()` on the database thread without the archive
  (opening one, recovering a damaged one);
- `files(owner, fn)` runs `fn()` on the second thread, for work that never
  touches the archive (USB scans, attachment copies, PDF writing), so a slow
  stick never queues in front of a search;
- `open(owner, data_dir)` closes the archive and opens another (`changes_made`
  then says `archive=True`); with *url*, the shared archive on a PostgreSQL
  server, whose other PCs' writes are then heard (db/notify.py) and
  broadcast as `changes_made` too, and whose lost connection is told by
  `connection_changed(False)`, then `(True)` once it is back; a server
  that does not answer when it is opened is told the same way, and until
  it is opened every request fails as one on a lost connection does.

Every request has an *owner* (a QObject) and may have a *key*. A newer
request with the same (owner, key) supersedes an older one: a superseded
query that has not started is skipped, and no superseded answer is
delivered. Answers for owners that are gone are dropped too. (A superseded
write still runs, since the user asked for it; its changes are still
broadcast.) Views therefore keep no generation counters and never check
whether they are still alive: the runner does.

Long operations (imports) report progress and watch for cancellation through
one `TaskState`, whose signal is throttled so a fast loop cannot flood the
event queue. The synchronous runner for tests (tests/helpers/runner.py)
shares all of this through `Runner` and only runs requests at once.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.ops.changes import Changes, Written

if TYPE_CHECKING:
    from db.archive import Archive
    from db.errors import ArchiveError
    from db.notify import Listener

log = logging.getLogger(__name__)

R = TypeVar("R")
Success = Callable[[R], object]
Failure = Callable[[BaseException], object]
#: Opens the archive in a folder (on the server at the URL, when given); the
#: flag says whether it may be created there.
Opener = Callable[[Path, bool, str | None], "Archive"]
Lane = Literal["db", "files"]

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


def open_archive(data_dir: Path, create: bool = True, url: str | None = None) -> Archive:
    """`db.archive.open_archive`, imported when first called.

    The window makes its runner before its first paint; the archive module
    (and SQLAlchemy under it) then loads on the worker thread instead. The
    demo archive is given its own day (`Archive.as_of`), as the command line
    gives it, so its deadlines and validity read as the demo means.
    """
    from db.archive import open_archive as open_db
    from desktop.demoday import archive_day

    archive = open_db(data_dir, create=create, url=url)
    try:
        archive.as_of = archive_day(archive)
    except BaseException:
        archive.close()
        raise
    return archive


#: After the connection came back: whatever the other PCs did meanwhile.
CAUGHT_UP = Changes(notices=True, register=True, receipts=True)


def heard_changes(kinds: frozenset[str]) -> Changes:
    """The `Changes` another PC's announcement of *kinds* (db/notify.py) stands for."""
    return Changes(
        notices="notices" in kinds, register="register" in kinds, receipts="receipts" in kinds
    )


class _ArchiveHolder:
    """The archive the runner owns; touched only by the thread that runs database work.

    A shared archive on a server is listened to (*listen*) while it is open.
    """

    def __init__(self, opener: Opener, listen: Callable[[Archive], Listener]) -> None:
        self.opener = opener
        self.listen = listen
        self.archive: Archive | None = None
        self.listener: Listener | None = None
        self.data_dir: Path | None = None
        #: Why the shared archive could not be opened yet: its server did not answer.
        self.unreachable: ArchiveError | None = None

    def open(
        self, data_dir: Path, create: bool = True, url: str | None = None, reader: str = ""
    ) -> Written[Path]:
        self.close()
        self.archive = self.opener(Path(data_dir), create, url)
        self.data_dir = Path(data_dir)
        if self.archive.on_server:
            # Read marks and bookmarks are each person's own there (db/people.py):
            # the login name, unless the settings name someone else.
            if reader:
                self.archive.person = reader
            self.listener = self.listen(self.archive)
            self.listener.start()
        return Written(Path(data_dir), Changes(archive=True))

    def require(self) -> Archive:
        if self.archive is None and self.unreachable is not None:
            # Nothing is read or written until the server answers (it is tried again).
            lost = self.unreachable
            raise type(lost)(lost.code, lost.detail, path=lost.path)
        if self.archive is None:
            raise RuntimeError("no archive is open")
        return self.archive

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self.archive is not None:
            self.archive.close()
            self.archive = None


@dataclass(eq=False)
class Request:
    """One unit of work and where its answer goes."""

    owner: QObject
    slot: tuple[int, Hashable] | None
    ticket: int
    lane: Lane
    work: Callable[[], Any]
    success: Callable[[Any], object] | None
    failure: Callable[[BaseException], object] | None
    writes: bool


@dataclass(frozen=True)
class Outcome:
    """What became of a request: its value or exception, or `skipped` when superseded."""

    request: Request
    ok: bool
    value: Any = None
    skipped: bool = False


def _log_failure(exc: BaseException) -> None:
    log.error("a background task failed", exc_info=exc)


class Runner(QObject):
    """What the window needs from a task runner; subclasses say when work runs.

    Signals: `changes_made(Changes)` after a write succeeded, or another PC
    wrote to the shared archive; `connection_changed(bool)` when the
    connection to its server was lost (False) and when it is back (True);
    `server_left()` when a server lost is no longer waited for, another
    archive (a file) opened in its place;
    `refused(ArchiveError)` when the server, reached again, refused the
    user or the database (it is not tried again);
    `finished()` after each request was answered (or dropped); `idle()`
    when none is left.
    """

    changes_made = Signal(object)
    connection_changed = Signal(bool)
    server_left = Signal()
    refused = Signal(object)
    finished = Signal()
    idle = Signal()
    # From the listener's thread to the GUI thread (queued).
    _heard = Signal(object)
    _connection = Signal(bool)
    _left = Signal()
    _refusal = Signal(object)
    #: True when work runs on other threads (and competes with the GUI thread).
    background = False

    def __init__(self, parent: QObject | None = None, *, opener: Opener = open_archive) -> None:
        super().__init__(parent)
        self._holder = _ArchiveHolder(opener, self._listen)
        self._heard.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)
        self._connection.connect(self._on_connection, Qt.ConnectionType.QueuedConnection)
        self._left.connect(self._on_left, Qt.ConnectionType.QueuedConnection)
        self._refusal.connect(self._on_refusal, Qt.ConnectionType.QueuedConnection)
        #: Whether the shared archive's server is reachable (True for a file).
        self.connected = True
        self._tickets = itertools.count(1)
        self._newest: dict[tuple[int, Hashable], int] = {}
        self._lock = threading.Lock()
        self._pending = 0
        self._stopped = False

    # -- asking ----------------------------------------------------------------------------

    def query(
        self,
        owner: QObject,
        op: Callable[[Archive], R],
        *,
        key: Hashable | None = None,
        success: Success[R] | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Run `op(archive)` on the database thread; answer *owner* on the GUI thread."""
        holder = self._holder
        self._submit(owner, key, "db", lambda: op(holder.require()), success, failure, False)

    def write(
        self,
        owner: QObject,
        op: Callable[[Archive], Written[R]],
        *,
        key: Hashable | None = None,
        success: Success[R] | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Run a write op on the database thread, then broadcast its changes."""
        holder = self._holder
        self._submit(owner, key, "db", lambda: op(holder.require()), success, failure, True)

    def call(
        self,
        owner: QObject,
        fn: Callable[[], R],
        *,
        key: Hashable | None = None,
        success: Success[R] | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Run `fn()` on the database thread, with no archive (it may open or repair one)."""
        self._submit(owner, key, "db", fn, success, failure, False)

    def files(
        self,
        owner: QObject,
        fn: Callable[[], R],
        *,
        key: Hashable | None = None,
        success: Success[R] | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Run `fn()` on the second thread: file work that never touches the archive."""
        self._submit(owner, key, "files", fn, success, failure, False)

    def open(
        self,
        owner: QObject,
        data_dir: Path,
        *,
        create: bool = True,
        url: Callable[[], str | None] | None = None,
        reader: str = "",
        success: Success[Path] | None = None,
        failure: Failure | None = None,
    ) -> None:
        """Close the current archive (if any) and open the one in *data_dir*.

        *url*, called on the database thread (it may ask the keyring), names
        the shared archive on a server; *data_dir* then holds this PC's
        attachments, and *reader* (when given) is whose read marks and
        bookmarks the window shows. Without *create*, a folder (or an empty database) with
        no archive fails with ArchiveError(MISSING).
        """
        holder, target = self._holder, Path(data_dir)

        def work() -> Written[Path]:
            from db.errors import ArchiveError, ErrorCode

            holder.unreachable = None
            try:
                address = None if url is None else url()
                opened = holder.open(target, create, address, reader)
            except ArchiveError as exc:
                if exc.code in (ErrorCode.SERVER_UNREACHABLE, ErrorCode.SERVER_LOST):
                    # Off, or not started yet: the same state as a server lost mid-session.
                    holder.unreachable = ArchiveError(
                        ErrorCode.SERVER_LOST, exc.detail, path=exc.path
                    )
                    self._connection.emit(False)
                raise
            # A lost server is no longer the window's concern once another
            # archive opened: reached again if it is the server's, else left.
            if address is not None:
                self._connection.emit(True)
            else:
                self._left.emit()
            return opened

        self._submit(owner, None, "db", work, success, failure, True)

    # -- the other PCs -------------------------------------------------------------------

    def _listen(self, archive: Archive) -> Listener:
        from db.notify import Listener

        return Listener(
            archive.engine,
            heard=self._heard.emit,
            lost=lambda: self._connection.emit(False),
            back=lambda: self._connection.emit(True),
            refused=self._refusal.emit,
        )

    @Slot(object)
    def _on_heard(self, kinds: frozenset[str]) -> None:
        if not self._stopped:
            self.changes_made.emit(heard_changes(kinds))

    @Slot(bool)
    def _on_connection(self, up: bool) -> None:
        if self._stopped or up == self.connected:
            return
        self.connected = up
        self.connection_changed.emit(up)
        if up:
            self.changes_made.emit(CAUGHT_UP)

    @Slot()
    def _on_left(self) -> None:
        if self._stopped or self.connected:
            return
        self.connected = True
        self.server_left.emit()

    @Slot(object)
    def _on_refusal(self, exc: ArchiveError) -> None:
        if self._stopped:
            return
        # Refused, not lost: no longer waited for (the listener has stopped trying).
        self.connected = True
        self.refused.emit(exc)

    @property
    def waiting_for_server(self) -> bool:
        """Whether the last archive asked for is on a server that did not answer (yet)."""
        return self._holder.unreachable is not None

    @property
    def data_dir(self) -> Path | None:
        """The folder of the archive opened last (None before the first open)."""
        return self._holder.data_dir

    def busy(self) -> bool:
        with self._lock:
            return self._pending > 0

    def shutdown(self) -> None:
        """Stop: answers still on their way are dropped, and the archive is closed."""
        self._stopped = True
        self._holder.close()

    # -- the shared machinery ------------------------------------------------------------

    def _submit(
        self,
        owner: QObject,
        key: Hashable | None,
        lane: Lane,
        work: Callable[[], Any],
        success: Callable[[Any], object] | None,
        failure: Callable[[BaseException], object] | None,
        writes: bool,
    ) -> None:
        if self._stopped:
            # A timer or a late click after the window closed: nobody waits for it.
            log.debug("a request after shutdown was ignored")
            return
        ticket = next(self._tickets)
        slot = None if key is None else (id(owner), key)
        with self._lock:
            self._pending += 1
            if slot is not None:
                self._newest[slot] = ticket
        self._dispatch(Request(owner, slot, ticket, lane, work, success, failure, writes))

    def _dispatch(self, request: Request) -> None:
        """Have *request* executed (`_execute`), then its outcome delivered (`_deliver`)."""
        raise NotImplementedError

    def _superseded(self, request: Request) -> bool:
        if request.slot is None:
            return False
        with self._lock:
            return self._newest.get(request.slot) != request.ticket

    def _execute(self, request: Request) -> Outcome:
        """Run the work (on whichever thread calls this); never raises."""
        if not request.writes and self._superseded(request):
            return Outcome(request, False, skipped=True)
        try:
            return Outcome(request, True, request.work())
        except Exception as exc:
            return Outcome(request, False, exc)

    def _deliver(self, outcome: Outcome) -> None:
        """On the GUI thread: broadcast changes, then answer the owner if it still wants it."""
        request = outcome.request
        stale = False
        with self._lock:
            self._pending -= 1
            now_idle = self._pending == 0
            if request.slot is not None:
                stale = self._newest.get(request.slot) != request.ticket
                if not stale:
                    del self._newest[request.slot]
        try:
            if self._stopped or outcome.skipped:
                return
            value = outcome.value
            if outcome.ok and request.writes:
                assert isinstance(value, Written)
                value, changes = value.value, value.changes
                if changes:
                    self.changes_made.emit(changes)
            if stale or not shiboken6.isValid(request.owner):
                return
            if outcome.ok:
                if request.success is not None:
                    request.success(value)
            else:
                (request.failure or _log_failure)(value)
        finally:
            self.finished.emit()
            if now_idle:
                self.idle.emit()


class _Lane:
    """One thread that runs requests in order and posts each outcome back."""

    def __init__(self, name: str, run: Callable[[Request], None]) -> None:
        self._queue: queue.Queue[Request | None] = queue.Queue()
        self._run = run
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def put(self, request: Request) -> None:
        self._queue.put(request)

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join()

    def _loop(self) -> None:
        while (request := self._queue.get()) is not None:
            self._run(request)


class TaskRunner(Runner):
    """The real runner: a database thread (`bangtin-db`) and a file thread (`bangtin-files`).

    Work on each thread runs in order; outcomes come back through a queued
    signal, so callbacks and `changes_made` run on the GUI thread.
    """

    _outcome = Signal(object)
    background = True

    def __init__(self, parent: QObject | None = None, *, opener: Opener = open_archive) -> None:
        super().__init__(parent, opener=opener)
        self._outcome.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)
        self._lanes: dict[Lane, _Lane] = {
            "db": _Lane("bangtin-db", self._run),
            "files": _Lane("bangtin-files", self._run),
        }

    def shutdown(self) -> None:
        """Finish the work already queued, close the archive and stop both threads (once)."""
        if self._stopped:
            return
        self._stopped = True
        for lane in self._lanes.values():
            lane.stop()
        self._holder.close()  # on the GUI thread, now that the database thread is gone

    def _dispatch(self, request: Request) -> None:
        self._lanes[request.lane].put(request)

    def _run(self, request: Request) -> None:
        self._outcome.emit(self._execute(request))

    @Slot(object)
    def _on_outcome(self, outcome: Outcome) -> None:
        self._deliver(outcome)
