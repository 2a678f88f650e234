"""The database worker: jobs run off the GUI thread, answers come back on it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from db import queries
from db.archive import Archive
from desktop.tasks import DbWorker, SyncWorker, TaskState
from tests.gui.conftest import populate


def test_real_worker_runs_jobs_on_its_own_thread(qtbot: QtBot, data_dir: Path) -> None:
    populate(data_dir)
    worker = DbWorker()
    seen: dict[str, object] = {}
    gui_thread = threading.get_ident()

    def count(archive: Archive) -> int:
        seen["job_thread"] = threading.get_ident()
        with archive.reading() as session:
            return queries.count_notices(session)

    def success(value: int) -> None:
        seen["value"] = value
        seen["callback_thread"] = threading.get_ident()
        seen["callback_is_gui"] = QThread.currentThread() is qtbot_app_thread()

    def qtbot_app_thread() -> QThread:
        from PySide6.QtWidgets import QApplication

        return QApplication.instance().thread()

    try:
        with qtbot.waitSignal(worker.finished, timeout=10000):
            worker.open(data_dir)
        with qtbot.waitSignal(worker.idle, timeout=10000):
            worker.run(count, success=success)
    finally:
        worker.shutdown()
    assert seen["value"] == 3
    assert seen["job_thread"] != gui_thread
    assert seen["callback_thread"] == gui_thread
    assert seen["callback_is_gui"] is True


def test_real_worker_reports_failures_on_the_gui_thread(qtbot: QtBot, data_dir: Path) -> None:
    worker = DbWorker()
    errors: list[BaseException] = []

    def boom(_archive: Archive) -> None:
        raise ValueError("no")

    try:
        with qtbot.waitSignal(worker.finished, timeout=10000):
            worker.open(data_dir)
        with qtbot.waitSignal(worker.finished, timeout=10000):
            worker.run(boom, failure=errors.append)
    finally:
        worker.shutdown()
    assert len(errors) == 1 and isinstance(errors[0], ValueError)


def test_jobs_need_an_open_archive(data_dir: Path) -> None:
    worker = SyncWorker()
    errors: list[BaseException] = []
    worker.run(lambda archive: archive, failure=errors.append)
    assert isinstance(errors[0], RuntimeError)
    worker.call(lambda: 42, success=errors.append)
    assert errors[1] == 42


def test_sync_worker_answers_at_once(data_dir: Path) -> None:
    populate(data_dir)
    worker = SyncWorker()
    got: list[int] = []
    worker.open(data_dir)
    worker.run(lambda a, x: x * 2, 21, success=got.append)
    assert got == [42]
    worker.shutdown()


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


def test_shutdown_refuses_new_jobs(data_dir: Path) -> None:
    worker = DbWorker()
    worker.shutdown()
    with pytest.raises(RuntimeError):
        worker.run(lambda a: None)
