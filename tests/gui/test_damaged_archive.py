"""A damaged archive at start: the window says what is wrong and offers two ways out.

Three kinds of damage (a truncated file, random bytes, another program's
database) meet the choice dialog; the dialog function is replaced, as
pytest-qt advises, except in the test that clicks the real one.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db import backup
from db.archive import DB_NAME
from desktop.messages import text
from desktop.ui import dialogs, recovery
from desktop.ui import mainwindow as mw
from tests.helpers.sample import WindowFactory, populate

DAMAGES = ("truncated", "random", "wrong_schema")
REASONS = {
    "truncated": "damaged_broken",
    "random": "damaged_not_sqlite",
    "wrong_schema": "damaged_foreign",
}


def damage(db: Path, how: str) -> None:
    if how == "truncated":
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 3])
    elif how == "random":
        db.write_bytes(os.urandom(48 * 1024))
    else:
        db.unlink()
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE hoa_don (id INTEGER PRIMARY KEY, so_tien INTEGER)")
        conn.commit()
        conn.close()


class Asked:
    """Stands in for the dialog: remembers what it was shown, answers *choice*."""

    def __init__(self, choice: str) -> None:
        self.choice = choice
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, parent: Any, lang: str, explain: str, backup_name: str | None) -> str:
        self.calls.append((explain, backup_name))
        return self.choice


@pytest.fixture
def no_error_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, *_a: shown.append(title))
    return shown


def damaged_with_backup(data_dir: Path, how: str) -> Path:
    populate(data_dir)
    made = backup.take_backup(data_dir)
    damage(data_dir / DB_NAME, how)
    return made


def rows_shown(window: mw.MainWindow) -> int:
    model = window.list_model()
    return 0 if model is None else model.rowCount()


@pytest.mark.parametrize("how", DAMAGES)
def test_restore_the_newest_backup(
    make_window: WindowFactory,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_error_boxes: list[str],
    how: str,
) -> None:
    made = damaged_with_backup(data_dir, how)
    damaged_bytes = (data_dir / DB_NAME).read_bytes()
    asked = Asked("restore")
    monkeypatch.setattr(recovery, "ask_damaged_archive", asked)

    window = make_window(data_dir)

    ((explain, offered),) = asked.calls
    assert offered == made.name
    assert text(REASONS[how], "vi") in explain and str(data_dir) in explain
    (aside,) = data_dir.glob("archive.damaged-*.sqlite3")
    assert aside.read_bytes() == damaged_bytes
    assert window.archive_dir == data_dir
    assert rows_shown(window) == 3
    assert "Đã khôi phục bản sao lưu" in window.statusBar().currentMessage()
    assert no_error_boxes == []
    assert backup.check_archive(data_dir).ok


@pytest.mark.parametrize("how", DAMAGES)
def test_start_a_new_archive(
    make_window: WindowFactory,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_error_boxes: list[str],
    how: str,
) -> None:
    damaged_with_backup(data_dir, how)
    damaged_bytes = (data_dir / DB_NAME).read_bytes()
    monkeypatch.setattr(recovery, "ask_damaged_archive", Asked("new"))

    window = make_window(data_dir)

    (aside,) = data_dir.glob("archive.damaged-*.sqlite3")
    assert aside.read_bytes() == damaged_bytes
    assert window.archive_dir == data_dir
    assert rows_shown(window) == 0
    assert "Đã tạo kho dữ liệu mới" in window.statusBar().currentMessage()
    assert backup.check_archive(data_dir).ok
    assert no_error_boxes == []


@pytest.mark.parametrize("how", DAMAGES)
def test_not_now_changes_nothing(
    make_window: WindowFactory,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    damaged_with_backup(data_dir, how)
    damaged_bytes = (data_dir / DB_NAME).read_bytes()
    monkeypatch.setattr(recovery, "ask_damaged_archive", Asked("later"))
    window = make_window(data_dir)

    assert window.archive_dir is None
    assert (data_dir / DB_NAME).read_bytes() == damaged_bytes
    assert list(data_dir.glob("archive.damaged-*")) == []
    assert "bị hỏng" in window.statusBar().currentMessage()


def test_without_a_backup_only_a_new_archive_is_offered(
    make_window: WindowFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(data_dir)
    damage(data_dir / DB_NAME, "random")
    asked = Asked("new")
    monkeypatch.setattr(recovery, "ask_damaged_archive", asked)
    window = make_window(data_dir)
    assert asked.calls[0][1] is None
    assert window.archive_dir == data_dir


def test_a_damaged_backup_is_reported_not_crashed_on(
    make_window: WindowFactory,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_error_boxes: list[str],
) -> None:
    made = damaged_with_backup(data_dir, "random")
    made.write_bytes(b"not a backup any more")
    monkeypatch.setattr(recovery, "ask_damaged_archive", Asked("restore"))
    window = make_window(data_dir)
    assert no_error_boxes == [text("damaged_title", "vi")]
    assert "Không khôi phục được" in window.statusBar().currentMessage()
    assert list(data_dir.glob("archive.damaged-*")) == []


def test_threaded_worker_restores_too(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.tasks import TaskRunner
    from desktop.ui.settings import settings_for

    damaged_with_backup(data_dir, "truncated")
    monkeypatch.setattr(recovery, "ask_damaged_archive", Asked("restore"))
    runner = TaskRunner()
    window = mw.MainWindow(
        data_dir, runner=runner, settings=settings_for(data_dir), watch_volumes=False
    )
    runner.setParent(window)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.list_ready, timeout=10000):
        window.start()
    assert rows_shown(window) == 3
    window.close()
    # Deliver what the worker thread posted before the next test runs a nested
    # event loop (the real dialog's exec): left queued, those events crash
    # PySide6 at interpreter exit (bool_dealloc).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()


@pytest.mark.parametrize(("button", "expected"), [(0, "restore"), (1, "new"), (2, "later")])
def test_the_real_dialog_offers_both_ways_out(qtbot: QtBot, button: int, expected: str) -> None:
    seen: dict[str, Any] = {}

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        seen["info"] = box.informativeText()
        seen["buttons"] = [b.text() for b in box.buttons()]
        wanted = [
            text("damaged_restore", "en"),
            text("damaged_new", "en"),
            text("damaged_later", "en"),
        ]
        target = next(b for b in box.buttons() if b.text() == wanted[button])
        target.click()

    QTimer.singleShot(0, click)
    choice = recovery.ask_damaged_archive(
        None, "en", "The archive X cannot be opened.", "archive-1.sqlite3"
    )
    assert choice == expected
    assert seen["title"] == "The archive is damaged"
    assert seen["text"] == "The archive X cannot be opened."
    assert "archive-1.sqlite3" in seen["info"]
    assert len(seen["buttons"]) == 3


def test_the_real_dialog_without_backup_has_no_restore_button(qtbot: QtBot) -> None:
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.buttons())
        box.escapeButton().click()

    QTimer.singleShot(0, click)
    assert recovery.ask_damaged_archive(None, "vi", "Kho hỏng.", None) == "later"
    assert text("damaged_restore", "vi") not in seen
    assert text("damaged_new", "vi") in seen


def test_the_command_opens_the_window_on_a_damaged_archive(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`bangtin` (no command) must reach the window, which offers the way out."""
    from desktop import cli
    from desktop.ui import app

    populate(data_dir)
    damage(data_dir / DB_NAME, "random")
    started: list[Path] = []

    def run(data: Path, **_options: object) -> int:
        started.append(Path(data))
        return 0

    monkeypatch.setattr(app, "run", run)
    assert cli.main([]) == 0
    assert started == [data_dir]
