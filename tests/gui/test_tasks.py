"""The task runner: work off the GUI thread, answers on it, superseded and orphaned answers
dropped, changes broadcast once; the synchronous runner for tests keeps the same rules."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db import queries
from db.archive import Archive
from desktop.ops.changes import NO_CHANGES, Changes, Written
from desktop.tasks import Runner, TaskRunner, TaskState
from tests.helpers.runner import SyncRunner
from tests.helpers.sample import populate

NOTICES = Changes(notices=True)


def count(archive: Archive) -> int:
    with archive.reading() as session:
        return queries.count_notices(session)


class Held:
    """Keeps a runner's work from running until `release`, on either kind of runner."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.gate = threading.Event()
        if isinstance(runner, SyncRunner):
            runner.holding = True
        else:
            # The database thread waits here; everything queued after it waits too.
            runner.call(runner, lambda: self.gate.wait(10))

    def release(self, qtbot: QtBot) -> None:
        runner = self.runner
        if isinstance(runner, SyncRunner):
            runner.holding = False
            for request in list(runner.held):
                runner.release(request)
            return
        with qtbot.waitSignal(runner.idle, timeout=10000):
            self.gate.set()


@pytest.fixture(params=["threaded", "sync"])
def runner(request: pytest.FixtureRequest, qtbot: QtBot, data_dir: Path) -> Iterator[Runner]:
    populate(data_dir)
    made: Runner = TaskRunner() if request.param == "threaded" else SyncRunner()
    with qtbot.waitSignal(made.idle, timeout=10000):
        made.open(made, data_dir)
    yield made
    made.shutdown()


def answered(qtbot: QtBot, runner: Runner, ask: Callable[[], None]) -> None:
    """Make a request and wait until the runner has nothing left to answer."""
    if isinstance(runner, SyncRunner):
        ask()
        return
    with qtbot.waitSignal(runner.idle, timeout=10000):
        ask()


def test_the_real_runner_works_on_its_threads_and_answers_on_the_gui_thread(
    qtbot: QtBot, data_dir: Path
) -> None:
    populate(data_dir)
    runner = TaskRunner()
    seen: dict[str, object] = {}
    owner = QObject()

    def job(archive: Archive) -> int:
        seen["db_thread"] = threading.current_thread().name
        return count(archive)

    def file_job() -> str:
        return threading.current_thread().name

    def success(value: int) -> None:
        seen["value"] = value
        app = QApplication.instance()
        seen["callback_is_gui"] = app is not None and QThread.currentThread() is app.thread()

    try:
        with qtbot.waitSignal(runner.idle, timeout=10000):
            runner.open(owner, data_dir)
        with qtbot.waitSignal(runner.idle, timeout=10000):
            runner.query(owner, job, success=success)
            runner.files(owner, file_job, success=lambda name: seen.update(files_thread=name))
    finally:
        runner.shutdown()
    assert seen == {
        "db_thread": "bangtin-db",
        "files_thread": "bangtin-files",
        "value": 3,
        "callback_is_gui": True,
    }


def test_file_work_does_not_wait_behind_the_database(qtbot: QtBot, data_dir: Path) -> None:
    """A slow USB scan must never hold up a search, nor a search a scan."""
    runner = TaskRunner()
    owner = QObject()
    gate = threading.Event()
    got: list[str] = []
    try:
        runner.call(owner, lambda: gate.wait(10))  # the database thread is busy
        qtbot.waitUntil(lambda: runner.busy())
        with qtbot.waitSignal(runner.finished, timeout=10000):
            runner.files(owner, lambda: "scanned", success=got.append)
        assert got == ["scanned"] and not gate.is_set()
    finally:
        gate.set()
        runner.shutdown()


def test_failures_are_answered_on_the_gui_thread(qtbot: QtBot, runner: Runner) -> None:
    errors: list[BaseException] = []

    def boom(_archive: Archive) -> None:
        raise ValueError("no")

    answered(qtbot, runner, lambda: runner.query(runner, boom, failure=errors.append))
    assert len(errors) == 1 and isinstance(errors[0], ValueError)


def test_work_on_the_archive_needs_an_open_archive(data_dir: Path) -> None:
    runner = SyncRunner()
    errors: list[object] = []
    runner.query(runner, lambda archive: archive, failure=errors.append)
    assert isinstance(errors[0], RuntimeError)
    runner.call(runner, lambda: 42, success=errors.append)
    assert errors[1] == 42


def test_a_newer_request_with_the_same_key_supersedes_an_older_one(
    qtbot: QtBot, runner: Runner
) -> None:
    owner, other = QObject(), QObject()
    ran: list[str] = []
    got: list[str] = []

    def job(name: str) -> Callable[[Archive], str]:
        def run(_archive: Archive) -> str:
            ran.append(name)
            return name

        return run

    held = Held(runner)
    runner.query(owner, job("first"), key="list", success=got.append)
    runner.query(owner, job("second"), key="list", success=got.append)
    runner.query(other, job("other owner"), key="list", success=got.append)
    runner.query(owner, job("other key"), key="count", success=got.append)
    runner.query(owner, job("no key"), success=got.append)
    held.release(qtbot)
    # The superseded query never ran, and nobody heard of it.
    assert ran == got == ["second", "other owner", "other key", "no key"]


def test_answers_for_an_owner_that_is_gone_are_dropped(qtbot: QtBot, runner: Runner) -> None:
    owner = QObject()
    got: list[int] = []
    errors: list[BaseException] = []
    held = Held(runner)
    runner.query(owner, count, success=got.append)
    runner.query(owner, lambda _a: 1 // 0, failure=errors.append)
    shiboken6.delete(owner)
    held.release(qtbot)
    assert got == [] and errors == []


def test_a_write_broadcasts_its_changes_once_before_answering(qtbot: QtBot, runner: Runner) -> None:
    owner = QObject()
    events: list[object] = []
    runner.changes_made.connect(lambda changes: events.append(changes))

    def write(_archive: Archive) -> Written[str]:
        return Written("done", NOTICES)

    answered(qtbot, runner, lambda: runner.write(owner, write, success=events.append))
    assert events == [NOTICES, "done"]


def test_changes_are_broadcast_even_when_nobody_waits_for_the_answer(
    qtbot: QtBot, runner: Runner
) -> None:
    """The archive changed either way: every view must hear of it."""
    gone, owner = QObject(), QObject()
    broadcast: list[Changes] = []
    answers: list[int] = []
    runner.changes_made.connect(broadcast.append)
    ran: list[int] = []

    def write(n: int) -> Callable[[Archive], Written[int]]:
        def run(_archive: Archive) -> Written[int]:
            ran.append(n)
            return Written(n, Changes(read=frozenset({f"tb-{n}"})))

        return run

    held = Held(runner)
    runner.write(gone, write(1), success=answers.append)
    runner.write(owner, write(2), key="mark", success=answers.append)
    runner.write(owner, write(3), key="mark", success=answers.append)  # supersedes, yet both ran
    shiboken6.delete(gone)
    held.release(qtbot)
    assert ran == [1, 2, 3]
    assert [sorted(c.read) for c in broadcast] == [["tb-1"], ["tb-2"], ["tb-3"]]
    assert answers == [3]


def test_nothing_is_broadcast_when_nothing_changed_or_the_write_failed(
    qtbot: QtBot, runner: Runner
) -> None:
    broadcast: list[Changes] = []
    runner.changes_made.connect(broadcast.append)

    def unchanged(_archive: Archive) -> Written[int]:
        return Written(0, NO_CHANGES)

    def failing(_archive: Archive) -> Written[int]:
        raise OSError("disk full")

    errors: list[BaseException] = []
    answered(qtbot, runner, lambda: runner.write(runner, unchanged))
    answered(qtbot, runner, lambda: runner.write(runner, failing, failure=errors.append))
    assert broadcast == [] and len(errors) == 1


def test_opening_an_archive_is_a_change_for_every_view(qtbot: QtBot, runner: Runner) -> None:
    data_dir = runner.data_dir
    assert data_dir is not None
    broadcast: list[Changes] = []
    runner.changes_made.connect(broadcast.append)
    opened: list[Path] = []
    answered(qtbot, runner, lambda: runner.open(runner, data_dir, success=opened.append))
    assert broadcast == [Changes(archive=True)] and opened == [data_dir]


def test_after_shutdown_requests_are_ignored(qtbot: QtBot, data_dir: Path) -> None:
    for runner in (TaskRunner(), SyncRunner()):
        runner.shutdown()
        got: list[int] = []
        runner.call(runner, lambda: 1, success=got.append)
        assert not runner.busy() and got == []


def test_task_state_throttles_and_cancels(qtbot: QtBot) -> None:
    state = TaskState(interval=3600)
    seen: list[tuple[str, int, int]] = []
    state.progress_changed.connect(lambda s, d, t: seen.append((s, d, t)))
    for done in range(1, 101):
        state.set_progress("applying", done, 100)
    state.set_progress("indexing", 0, 1)
    # The first, the last of a stage, and a new stage get through; the rest are dropped.
    assert seen == [("applying", 1, 100), ("applying", 100, 100), ("indexing", 0, 1)]
    assert not state.is_cancelled()
    state.cancel()
    assert state.is_cancelled()
