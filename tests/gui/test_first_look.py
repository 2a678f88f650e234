"""The window's first archive is shown from the first look, then from the archive opened.

On a large archive the window's database thread reads the counts and the
first page with `sqlite3` alone (db/firstlook.py) before it loads
SQLAlchemy to open the archive; the views show that first, then the same
from the archive opened. A window that may not look (a synchronous runner,
as in most tests) only opens.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from db import folders
from desktop.ops.reading import ListPage
from desktop.tasks import TaskRunner
from desktop.ui import firstlook
from tests.helpers.sample import ids, populate, shown_window

WAIT_MS = 30_000


def test_the_first_look_is_shown_before_the_archive_opens_and_stays(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folders, "THOROUGH_CHECK_BYTES", 0)  # the sample archive is small
    data_dir = tmp_path / "kho"
    populate(data_dir, extra=30)
    window = shown_window(qtbot, data_dir)
    looked: list[tuple[ListPage, Path | None]] = []
    window.first_look.page.connect(lambda page: looked.append((page, window.archive_dir)))
    shown: list[tuple[list[str], str]] = []
    models: list[object] = []
    window.list_ready.connect(lambda: shown.append((ids(window), window.counts_label.text())))
    window.list_ready.connect(lambda: models.append(window.list_model()))
    with qtbot.waitSignal(window.archive_ready, timeout=WAIT_MS):
        window.start()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=WAIT_MS)
    assert len(looked) == 1
    page, opened_then = looked[0]
    assert opened_then is None  # shown before the archive was opened
    first, then = shown
    assert first == then
    assert first[0] == [row.id for row in page.rows] and len(first[0]) == 33
    assert first[1] == "33 văn bản, 33 chưa đọc"
    # The archive opened gave the same page: the rows shown stay (and where one scrolled).
    assert models[0] is models[1]


def test_a_small_archive_is_only_opened(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "kho"
    populate(data_dir)
    window = shown_window(qtbot, data_dir)
    looked: list[object] = []
    window.first_look.page.connect(looked.append)
    with qtbot.waitSignals([window.archive_ready, window.list_ready], timeout=WAIT_MS):
        window.start()
    assert looked == []
    assert len(ids(window)) == 3


def test_a_look_still_on_its_way_is_shown_before_the_archive_is_opened(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The open waits for a look that arrives after the window began to open:
    loading SQLAlchemy would hold the interpreter, and the look's paint with it."""
    monkeypatch.setattr(folders, "THOROUGH_CHECK_BYTES", 0)
    data_dir = tmp_path / "kho"
    populate(data_dir, extra=5)
    release = threading.Event()
    real_look = firstlook.first_look

    def held_look(folder: Path) -> object:
        assert release.wait(WAIT_MS / 1000)
        return real_look(folder)

    monkeypatch.setattr(firstlook, "first_look", held_look)
    real_started = firstlook.FirstLook.started

    def started(self: firstlook.FirstLook, target: Path, then: Callable[[bool], None]) -> None:
        real_started(self, target, then)
        release.set()  # the look arrives only now, after the window began to open

    monkeypatch.setattr(firstlook.FirstLook, "started", started)
    window = shown_window(qtbot, data_dir)
    events: list[str] = []
    real_open = window.runner.open

    def opening(*args: Any, **kwargs: Any) -> None:
        events.append("open")
        real_open(*args, **kwargs)

    monkeypatch.setattr(window.runner, "open", opening)
    window.first_look.page.connect(lambda _page: events.append("look"))
    with qtbot.waitSignal(window.archive_ready, timeout=WAIT_MS):
        window.start()
    assert release.is_set()
    assert events == ["look", "open"]


class _Painted(QObject):
    """Notes the window's first paint."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def test_the_look_is_asked_for_only_after_the_first_paint(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The look's imports and Python would take turns with the window's building
    for the interpreter, and delay the first paint: the database thread gets
    it once the window has painted and begins to open its archive."""
    monkeypatch.setattr(folders, "THOROUGH_CHECK_BYTES", 0)
    data_dir = tmp_path / "kho"
    populate(data_dir, extra=5)
    watch = _Painted()
    asked: list[bool] = []  # for each request to the database thread: painted by then?
    real_call = TaskRunner.call

    def call(self: TaskRunner, *args: Any, **kwargs: Any) -> None:
        asked.append(watch.painted)
        real_call(self, *args, **kwargs)

    monkeypatch.setattr(TaskRunner, "call", call)
    looked: list[object] = []
    window = shown_window(qtbot, data_dir)
    assert asked == []  # building and showing the window asked nothing
    window.installEventFilter(watch)
    window.first_look.page.connect(looked.append)
    with qtbot.waitSignals([window.archive_ready, window.list_ready], timeout=WAIT_MS):
        window.start()
    assert looked and asked and all(asked)  # the look was shown, asked for after the paint
