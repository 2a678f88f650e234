"""The window on a server named on the command line, and on a server that is off as it starts.

`--database`, then BANGTIN_DATABASE_URL (unless `--data-dir` is typed), then
the settings' "Kho dữ liệu dùng chung": the window follows the same order as
every command. A window
whose server does not answer yet shows itself, says "Mất kết nối tới máy chủ
dữ liệu" as a window that lost its server does, writes nothing, and opens the
archive once the server is started (tests/helpers/pgcluster.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from db.archive import open_archive
from db.server import display_url
from desktop.bundles.importer import import_bundle
from desktop.ops.importing import import_file
from desktop.ops.sharing import ServerChoice
from desktop.tasks import TaskState
from desktop.ui import settings as prefs
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import settings_for
from tests.helpers.bundles import World, trust
from tests.helpers.pgcluster import OwnCluster
from tests.helpers.sample import shown_window

WAIT_MS = 30_000
LOST_VI = "Mất kết nối tới máy chủ dữ liệu"


def holding_bundle1(url: str, world: World, tmp_path: Path) -> str:
    """The archive at *url*, made to trust `world`'s key and hold bundle1 (a, b, c)."""
    setup = open_archive(tmp_path / "setup", url=url)
    try:
        trust(setup, world.keys)
        import_bundle(setup, world.bundle1)
    finally:
        setup.close()
    return url


def test_a_database_url_opens_the_window_on_that_server_over_the_settings_choice(
    pg_url: str, world: World, tmp_path: Path, qtbot: QtBot
) -> None:
    holding_bundle1(pg_url, world, tmp_path)
    data_dir = tmp_path / "pc"
    data_dir.mkdir()
    assert prefs.server_choice(settings_for(data_dir)) is None  # the settings: this PC's own
    window = shown_window(qtbot, data_dir, database_url=pg_url)
    with qtbot.waitSignals([window.archive_ready, window.overview_ready], timeout=WAIT_MS):
        window.start()
    assert window.overview.overview is not None and window.overview.overview.total == 3
    assert "Kho dữ liệu chung" in window.windowTitle()
    assert not (data_dir / "archive.sqlite3").exists()
    # The settings say which server the window follows, and why.
    window.action("settingsAction").trigger()
    dialog = window.sharing.dialog
    assert dialog is not None and dialog.named_note.isVisible()
    assert display_url(pg_url) in dialog.named_note.text()
    dialog.reject()


def run_window(argv: list[str]) -> tuple[int, dict[str, object]]:
    """`bangtin ARGV` in this process until its window has shown its archive, then closed."""
    from desktop.cli import main

    seen: dict[str, object] = {}
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def find_window() -> None:
        found = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(found) == 1
        window = found[0]

        def ready() -> None:
            overview = window.overview.overview
            seen["total"] = None if overview is None else overview.total
            seen["title"] = window.windowTitle()
            if seen.keys() >= {"opened", "overview"}:
                window.close()

        window.archive_ready.connect(lambda: (seen.update(opened=True), ready()))
        window.overview_ready.connect(lambda: (seen.update(overview=True), ready()))
        window.archive_failed.connect(lambda exc: (seen.update(failed=exc), window.close()))

    QTimer.singleShot(0, find_window)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(app.quit)  # a window that never got ready must not hang the run
    guard.start(WAIT_MS)
    try:
        code = main(argv)
    finally:
        guard.stop()
    return code, seen


@pytest.fixture
def quits_on_close(qapp: QApplication) -> Iterator[None]:
    app = qapp
    before = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(True)
    yield
    app.setQuitOnLastWindowClosed(before)


@pytest.mark.usefixtures("quits_on_close")
def test_bangtin_database_and_the_environment_open_the_window_on_the_server(
    pg_url: str, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    holding_bundle1(pg_url, world, tmp_path)
    code, seen = run_window(["--database", pg_url])
    assert code == 0 and seen.get("total") == 3, seen
    assert "Kho dữ liệu chung" in str(seen["title"])

    monkeypatch.setenv("BANGTIN_DATABASE_URL", pg_url)
    code, seen = run_window([])
    assert code == 0 and seen.get("total") == 3, seen

    # The command line wins over the environment: a PC's own archive is not the server's.
    monkeypatch.setenv("BANGTIN_DATABASE_URL", "postgresql://nobody@/missing?host=/nowhere")
    code, seen = run_window(["--database", pg_url])
    assert code == 0 and seen.get("total") == 3, seen

    # So does a typed folder: its own archive, whatever the environment names.
    folder = tmp_path / "pc-archive"
    own = open_archive(folder, create=True)
    try:
        trust(own, world.keys)
        import_bundle(own, world.bundle1)
    finally:
        own.close()
    code, seen = run_window(["--data-dir", str(folder)])
    assert code == 0 and seen.get("total") == 3, seen
    assert "Kho dữ liệu chung" not in str(seen["title"]) and str(folder) in str(seen["title"])


class Restarting:
    """Starts the stopped cluster again once, in the test or else after it."""

    def __init__(self, cluster: OwnCluster) -> None:
        self.cluster = cluster
        self.running = True

    def stop(self) -> None:
        self.cluster.stop()
        self.running = False

    def start(self) -> None:
        if not self.running:
            self.cluster.start()
            self.running = True


@pytest.fixture
def server(own_cluster: OwnCluster) -> Iterator[Restarting]:
    """The module's cluster, which the test may stop; it runs again after the test."""
    restarting = Restarting(own_cluster)
    try:
        yield restarting
    finally:
        restarting.start()


def wait_until_lost(window: MainWindow, qtbot: QtBot) -> None:
    """Start *window*, whose server is off, and wait until it says the connection is lost."""
    with qtbot.waitSignal(window.runner.connection_changed, timeout=WAIT_MS) as lost:
        window.start()
    assert lost.args == [False]
    assert window.isVisible()
    assert window.statusBar().currentMessage().startswith(LOST_VI)
    assert window.runner.waiting_for_server


def test_a_window_whose_server_is_off_waits_for_it_writes_nothing_and_then_opens(
    server: Restarting, world: World, tmp_path: Path, qtbot: QtBot
) -> None:
    url = holding_bundle1(server.cluster.new_database(), world, tmp_path)
    server.stop()
    window = shown_window(qtbot, tmp_path / "pc", database_url=url)
    wait_until_lost(window, qtbot)

    # An import asked for meanwhile is refused with the lost connection's sentence.
    failed: list[BaseException] = []
    with qtbot.waitSignal(window.runner.idle, timeout=WAIT_MS):
        window.runner.write(
            window,
            lambda archive: import_file(archive, world.bundle2, TaskState()),
            failure=failed.append,
        )
    from desktop.messages import describe

    assert len(failed) == 1 and describe(failed[0], "vi").startswith(LOST_VI)
    assert describe(failed[0], "en").startswith("Lost the connection")

    with qtbot.waitSignals(
        [window.runner.connection_changed, window.archive_ready, window.overview_ready],
        timeout=WAIT_MS,
    ):
        server.start()
    assert window.runner.connected and not window.runner.waiting_for_server
    assert "Đã kết nối lại" in window.statusBar().currentMessage()
    assert "Kho dữ liệu chung" in window.windowTitle()
    # Nothing of bundle2 (d) was written while the server was off.
    assert window.overview.overview is not None and window.overview.overview.total == 3


def test_the_settings_server_off_at_start_is_waited_for_too(
    server: Restarting, tmp_path: Path, qtbot: QtBot
) -> None:
    url = make_url(server.cluster.new_database())
    socket_folder = url.query["host"]
    assert isinstance(socket_folder, str)
    choice = ServerChoice(
        host=socket_folder, port=5432, database=str(url.database), user=str(url.username)
    )
    data_dir = tmp_path / "pc"
    data_dir.mkdir()
    prefs.save_server_choice(settings_for(data_dir), choice, shared=True)
    server.stop()
    window = shown_window(qtbot, data_dir)
    wait_until_lost(window, qtbot)
    with qtbot.waitSignals([window.archive_ready, window.overview_ready], timeout=WAIT_MS):
        server.start()
    assert "Kho dữ liệu chung" in window.windowTitle()
