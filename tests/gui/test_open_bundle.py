"""`bangtin FILE.bangtin`: the window imports the bundle once its archive is open."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db import queries, store
from db.archive import open_archive
from desktop import paths
from desktop.bundles import keys
from desktop.ui import dialogs
from desktop.ui.app import import_when_open
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import settings_for
from tests.helpers.runner import SyncRunner


def trust_demo_key(data_dir: Path) -> None:
    raw, _comment = keys.load_public_key(paths.demo_public_key_path())
    archive = open_archive(data_dir)
    try:
        with archive.writing() as session:
            store.add_trusted_key(session, keys.key_id(raw), raw, "demo", datetime.now(UTC))
    finally:
        archive.close()


def notice_count(data_dir: Path) -> int:
    archive = open_archive(data_dir)
    try:
        with archive.reading() as session:
            return queries.count_notices(session)
    finally:
        archive.close()


def test_bundle_given_on_the_command_line_is_imported_once(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trust_demo_key(data_dir)
    infos: list[str] = []
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda p, t, x, d="": infos.append(x))
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, x, d="": errors.append(x))
    runner = SyncRunner()
    window = MainWindow(
        data_dir, runner=runner, settings=settings_for(data_dir), watch_volumes=False
    )
    runner.setParent(window)
    qtbot.addWidget(window)
    import_when_open(window, paths.demo_bundle_path())
    assert notice_count(data_dir) == 0
    window.show()
    window.start()
    qtbot.waitUntil(lambda: bool(infos or errors))
    assert errors == []
    assert len(infos) == 1 and "Sơn Hà" in infos[0]
    assert notice_count(data_dir) > 40
    # Reopening the archive (a recovery, the demo) does not import it again.
    with qtbot.waitSignal(window.archive_ready):
        window.start()
    assert len(infos) == 1
    window.shutdown()
