"""Tệp → "Sao lưu kho dữ liệu": a clerk backs the archive up without a terminal.

The backup runs on the window's worker and is the one `bangtin backup`
takes: a verified copy `db.backup.list_backups` lists, the oldest pruned,
the status bar naming the file in the command's words. It is not offered
for a read-only archive, and a failure (a backups folder that may not be
written, an import holding the write lock, no pg_dump for a shared archive)
is one sentence in a message box, with no partial file and the archive as
it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import db.archive
from db import backup, serverbackup
from db.archive import DB_NAME, STAGING_DIR
from db.folders import write_lock
from desktop.messages import text
from desktop.ui import recovery
from desktop.ui.mainwindow import MainWindow
from tests.helpers.cli import archive_state
from tests.helpers.damage import flip_page_header
from tests.helpers.dialogs import DialogStub
from tests.helpers.sample import WindowFactory, populate
from tests.helpers.unprivileged import read_only, unprivileged

WAIT_MS = 30_000


def _opened(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """*window* once it knows what archive it opened (the first look shows content sooner)."""
    if window.opener.info is None:
        with qtbot.waitSignal(window.archive_ready, timeout=WAIT_MS):
            pass
    return window


def _trigger_and_wait(qtbot: QtBot, window: MainWindow, *, fails: bool = False) -> list[object]:
    """Take the action and wait for its answer; returns the signal's arguments."""
    controller = window.backup
    signal = controller.backup_failed if fails else controller.backed_up
    with qtbot.waitSignal(signal, timeout=WAIT_MS) as blocker:
        controller.action.trigger()
    return list(blocker.args or [])


def _leftovers(data_dir: Path) -> list[Path]:
    """Whatever a backup left half-written: in staging/ or beside the backups."""
    staging = data_dir / STAGING_DIR
    found = list(staging.rglob("*")) if staging.is_dir() else []
    folder = backup.backups_dir(data_dir)
    if folder.is_dir():
        found += [p for p in folder.iterdir() if p not in backup.list_backups(data_dir)]
    return found


def test_the_file_menu_backs_up_the_archive_on_the_worker(
    make_window: WindowFactory, populated: Path, qtbot: QtBot, dialog_stub: DialogStub
) -> None:
    window = _opened(qtbot, make_window(populated, threaded=True))
    action = window.backup.action
    assert action in window.file_menu.actions()
    assert action.text() == "Sao lưu kho dữ liệu"
    assert action.isEnabled()
    before = archive_state(populated)
    controller = window.backup
    with qtbot.waitSignal(controller.backed_up, timeout=WAIT_MS) as blocker:
        action.trigger()
        # Said at once, and not offered twice while the worker copies.
        assert window.statusBar().currentMessage() == "Đang sao lưu kho dữ liệu…"
        assert not action.isEnabled()
    done = blocker.args[0]
    assert backup.list_backups(populated) == [done.path]
    assert backup.check_file(done.path).ok
    assert done.pruned == 0
    assert window.statusBar().currentMessage() == text("backup_taken", "vi", path=done.path)
    assert "Đã sao lưu kho dữ liệu vào" in window.statusBar().currentMessage()
    assert action.isEnabled()
    assert archive_state(populated) == before
    assert dialog_stub.names() == []


def test_a_backup_beyond_the_kept_number_says_how_many_old_ones_went(
    make_window: WindowFactory, populated: Path, qtbot: QtBot
) -> None:
    for _ in range(backup.KEEP):
        backup.take_backup(populated)
    oldest = backup.list_backups(populated)[-1]
    window = _opened(qtbot, make_window(populated, threaded=True))
    (done,) = _trigger_and_wait(qtbot, window)
    found = backup.list_backups(populated)
    assert found[0] == done.path and len(found) == backup.KEEP
    assert oldest not in found
    assert window.statusBar().currentMessage() == (
        text("backup_taken", "vi", path=done.path)
        + " "
        + text("backup_pruned", "vi", count=1, keep=backup.KEEP)
    )


def test_the_status_bar_says_it_in_english_too(
    make_window: WindowFactory, populated: Path, qtbot: QtBot
) -> None:
    window = make_window(populated)
    window.set_language("en")
    assert window.backup.action.text() == "Back up the archive"
    (done,) = _trigger_and_wait(qtbot, window)
    assert window.statusBar().currentMessage() == f"The archive was backed up to {done.path}."


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes: Windows folders have none")
def test_a_read_only_archive_offers_no_backup(make_window: WindowFactory, populated: Path) -> None:
    with read_only(populated), unprivileged():
        window = make_window(populated)
        assert window.banner.isVisible()
        assert not window.backup.action.isEnabled()
        window.backup.action.trigger()  # a shortcut or script cannot start one either
        assert not backup.backups_dir(populated).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes: Windows folders have none")
def test_a_backups_folder_that_may_not_be_written_is_one_sentence_and_no_file(
    make_window: WindowFactory, populated: Path, qtbot: QtBot, dialog_stub: DialogStub
) -> None:
    folder = backup.backups_dir(populated)
    folder.mkdir()
    before = archive_state(populated)
    with read_only(folder), unprivileged():
        window = make_window(populated)
        (sentence,) = _trigger_and_wait(qtbot, window, fails=True)
    assert dialog_stub.names() == ["show_error"]
    _parent, _title, shown = dialog_stub.calls[0][1][:3]
    assert shown == sentence
    assert sentence == text("os_no_permission", "vi", path=folder)
    assert "\n" not in sentence
    assert list(folder.iterdir()) == [] and _leftovers(populated) == []
    assert archive_state(populated) == before
    assert window.backup.action.isEnabled()  # the clerk may try again once it is set right


def test_an_import_holding_the_write_lock_makes_it_busy(
    make_window: WindowFactory, populated: Path, qtbot: QtBot, dialog_stub: DialogStub
) -> None:
    window = make_window(populated)
    before = archive_state(populated)
    with write_lock(populated):  # as an import in another program holds it
        (sentence,) = _trigger_and_wait(qtbot, window, fails=True)
    assert sentence == text("busy", "vi")
    assert dialog_stub.names() == ["show_error"]
    assert backup.list_backups(populated) == [] and _leftovers(populated) == []
    assert archive_state(populated) == before
    # Once the import is done, it works.
    (done,) = _trigger_and_wait(qtbot, window)
    assert backup.list_backups(populated) == [done.path]


def test_a_damaged_page_keeps_the_good_backups_and_offers_the_way_out(
    make_window: WindowFactory,
    data_dir: Path,
    qtbot: QtBot,
    dialog_stub: DialogStub,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Too large for the full check at open: only the backup's check meets the page.
    monkeypatch.setattr(db.archive, "THOROUGH_CHECK_BYTES", 0)
    populate(data_dir)
    good = backup.take_backup(data_dir)
    flip_page_header(data_dir / DB_NAME, "related_link")  # a table no list reads
    asked: list[str | None] = []
    monkeypatch.setattr(
        recovery, "ask_damaged_archive", lambda _p, _l, _e, name: asked.append(name) or "later"
    )
    window = make_window(data_dir)
    (sentence,) = _trigger_and_wait(qtbot, window, fails=True)
    assert sentence == text("backup_damaged_window", "vi", path=data_dir)
    assert dialog_stub.names() == ["show_error"]
    # The sentence says to click "Khôi phục bản sao lưu" when asked: it is asked.
    assert asked == [good.name]
    assert backup.list_backups(data_dir) == [good] and _leftovers(data_dir) == []


def test_a_shared_archive_is_backed_up_with_pg_dump(
    make_window: WindowFactory, data_dir: Path, pg_url: str, qtbot: QtBot
) -> None:
    populate(data_dir, url=pg_url)
    window = _opened(qtbot, make_window(data_dir, threaded=True, database_url=pg_url))
    (done,) = _trigger_and_wait(qtbot, window)
    assert done.on_server
    assert serverbackup.list_dumps(data_dir, pg_url) == [done.path]
    assert backup.backup_kind(done.path) == "pg_dump"
    assert window.statusBar().currentMessage() == text(
        "server_backup_taken", "vi", where=done.where, path=done.path
    )


def test_a_shared_archive_without_pg_dump_says_where_to_get_it(
    make_window: WindowFactory,
    data_dir: Path,
    pg_url: str,
    qtbot: QtBot,
    dialog_stub: DialogStub,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    populate(data_dir, url=pg_url)
    window = make_window(data_dir, database_url=pg_url)
    # A PATH without PostgreSQL's programs, and no folder to fall back on.
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    monkeypatch.setattr("glob.glob", lambda _pattern: [])
    (sentence,) = _trigger_and_wait(qtbot, window, fails=True)
    assert sentence == text("pg_tool_missing", "vi", tool="pg_dump")
    assert dialog_stub.names() == ["show_error"]
    assert serverbackup.list_dumps(data_dir, pg_url) == []
