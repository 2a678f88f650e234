"""The window on the shared archive: its settings, other PCs' imports, a server that goes away.

Two windows on one PostgreSQL database stand for two PCs in the office. The
tests that lose the server use a cluster of the module's own
(tests/helpers/pgcluster.py) and stop it with pg_ctl.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from db.archive import Archive, open_archive
from db.models import Notice
from desktop.ops.importing import import_file
from desktop.ops.sharing import KEYRING_SERVICE, ServerChoice
from desktop.tasks import TaskState
from desktop.ui import settings as prefs
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import settings_for
from tests.gui.conftest import WindowFactory
from tests.helpers.bundles import World, trust
from tests.helpers.keyrings import FolderKeyring
from tests.helpers.pgcluster import CLERK, CLERK_PASSWORD, DATABASE, OwnCluster

WAIT_MS = 30_000
LOST_VI = "Mất kết nối tới máy chủ dữ liệu"


def choice_for(url: str) -> ServerChoice:
    """The settings' fields for the database at *url* (a socket folder as its host)."""
    parsed = make_url(url)
    host = parsed.query["host"]
    assert isinstance(host, str)
    return ServerChoice(host=host, port=5432, database=str(parsed.database), user="bangtin")


def on_server(data_dir: Path, choice: ServerChoice, reader: str = "") -> Path:
    """*data_dir*'s settings choose the shared archive at *choice*, as a PC set up so."""
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = settings_for(data_dir)
    prefs.save_server_choice(settings, choice, shared=True)
    if reader:
        settings.setValue(prefs.READER, reader)
        settings.sync()
    return data_dir


def notice_count(url: str, tmp_path: Path) -> int:
    archive = open_archive(tmp_path / "count", url=url)
    try:
        with archive.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(Notice)).scalar_one())
    finally:
        archive.close()


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_the_settings_choose_the_shared_archive_and_keep_its_password_out_of_the_file(
    make_window: WindowFactory,
    data_dir: Path,
    own_cluster: OwnCluster,
    test_keyring: FolderKeyring,
    qtbot: QtBot,
) -> None:
    window = make_window(data_dir)
    window.action("settingsAction").trigger()
    dialog = window.sharing.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.host.isEnabled()  # this PC's own archive, until the server is chosen
    dialog.server_choice.setChecked(True)
    dialog.host.setText(str(own_cluster.folder))
    dialog.database.setText(DATABASE)
    dialog.user.setText(CLERK)
    dialog.password.setText("sai-mật-khẩu")
    with qtbot.waitSignal(window.sharing.checked, timeout=WAIT_MS):
        dialog.check_button.click()
    assert dialog.verdict.text().startswith("Máy chủ không cho đăng nhập")
    dialog.password.setText(CLERK_PASSWORD)
    with qtbot.waitSignal(window.sharing.checked, timeout=WAIT_MS):
        dialog.check_button.click()
    assert dialog.verdict.text().startswith("Kết nối được")

    with qtbot.waitSignal(window.archive_ready, timeout=WAIT_MS):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "Kho dữ liệu chung bangtin_office" in window.windowTitle()
    written = (data_dir / prefs.FILE_NAME).read_text(encoding="utf-8")
    assert DATABASE in written and CLERK in written
    assert CLERK_PASSWORD not in written
    account = ServerChoice(str(own_cluster.folder), 5432, DATABASE, CLERK).account
    assert test_keyring.get_password(KEYRING_SERVICE, account) == CLERK_PASSWORD


def test_without_a_keyring_the_password_is_used_this_session_and_never_written(
    make_window: WindowFactory, data_dir: Path, own_cluster: OwnCluster, qtbot: QtBot
) -> None:
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())  # a PC with no keyring at all
    window = make_window(data_dir)
    window.action("settingsAction").trigger()
    dialog = window.sharing.dialog
    assert dialog is not None
    dialog.server_choice.setChecked(True)
    dialog.host.setText(str(own_cluster.folder))
    dialog.database.setText(DATABASE)
    dialog.user.setText(CLERK)
    dialog.password.setText(CLERK_PASSWORD)
    with qtbot.waitSignal(window.archive_ready, timeout=WAIT_MS):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "Kho dữ liệu chung" in window.windowTitle()
    assert CLERK_PASSWORD not in (data_dir / prefs.FILE_NAME).read_text(encoding="utf-8")


def test_a_window_sees_another_pcs_import_within_moments(
    make_window: WindowFactory, pg_url: str, world: World, tmp_path: Path, qtbot: QtBot
) -> None:
    setup = open_archive(tmp_path / "setup", url=pg_url)
    try:
        trust(setup, world.keys)
    finally:
        setup.close()
    choice = choice_for(pg_url)
    importing = make_window(on_server(tmp_path / "pc1", choice, "an"), threaded=True)
    reading = make_window(on_server(tmp_path / "pc2", choice, "bình"), threaded=True)
    assert reading.overview.overview is not None and reading.overview.overview.total == 0

    # The clerk at the first PC imports; the second PC's window only listens.
    with qtbot.waitSignals([reading.overview_ready, reading.list_ready], timeout=WAIT_MS):
        importing.runner.write(
            importing, lambda archive: import_file(archive, world.bundle1, TaskState())
        )
    assert reading.overview.overview is not None and reading.overview.overview.total == 3


def unread(window: MainWindow, qtbot: QtBot) -> int:
    with qtbot.waitSignal(window.overview_ready, timeout=WAIT_MS):
        window.refresh()
    assert window.overview.overview is not None
    return window.overview.overview.unread


def test_what_one_person_reads_stays_unread_for_another(
    make_window: WindowFactory, pg_url: str, world: World, tmp_path: Path, qtbot: QtBot
) -> None:
    setup = open_archive(tmp_path / "setup", url=pg_url)
    try:
        trust(setup, world.keys)
        from desktop.bundles.importer import import_bundle

        import_bundle(setup, world.bundle1)
    finally:
        setup.close()
    choice = choice_for(pg_url)
    an = make_window(on_server(tmp_path / "pc1", choice, "an"), threaded=True)
    binh = make_window(on_server(tmp_path / "pc2", choice, "bình"), threaded=True)
    assert unread(an, qtbot) == unread(binh, qtbot) == 3
    with qtbot.waitSignal(an.article_ready, timeout=WAIT_MS):
        an.open_notice("a")
    # The view, and with it the read mark, is written once the article is painted.
    qtbot.waitUntil(lambda: not an.reader.following and not an.runner.busy(), timeout=WAIT_MS)
    assert unread(an, qtbot) == 2
    assert unread(binh, qtbot) == 3


class Held:
    """A point in a worker's task where it waits until the test lets it go on."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.go_on = threading.Event()

    def hold(self) -> None:
        self.reached.set()
        assert self.go_on.wait(WAIT_MS / 1000)


class HeldImport(TaskState):
    """An import's progress that holds the import once, inside its transaction."""

    def __init__(self, held: Held) -> None:
        super().__init__()
        self._held: Held | None = held

    def set_progress(self, stage: str, done: int, total: int) -> None:
        if stage == "applying" and self._held is not None:
            held, self._held = self._held, None
            held.hold()
        super().set_progress(stage, done, total)


@pytest.fixture
def own_url(own_cluster: OwnCluster) -> str:
    """A database of the test's own on the module's own cluster."""
    return own_cluster.new_database()


@pytest.fixture
def server_window(
    make_window: WindowFactory, own_url: str, world: World, tmp_path: Path
) -> MainWindow:
    """A window on `own_url`'s database, which trusts `world`'s key and holds bundle1."""
    setup = open_archive(tmp_path / "setup", url=own_url)
    try:
        trust(setup, world.keys)
        from desktop.bundles.importer import import_bundle

        import_bundle(setup, world.bundle1)
    finally:
        setup.close()
    return make_window(on_server(tmp_path / "pc", choice_for(own_url)), threaded=True)


def _lose_and_get_back(
    window: MainWindow, own_cluster: OwnCluster, held: Held, qtbot: QtBot
) -> list[BaseException]:
    """Stop the server while a task is held, let the task fail, start the server again."""
    failures: list[BaseException] = []
    assert held.reached.wait(WAIT_MS / 1000)
    with qtbot.waitSignal(window.runner.connection_changed, timeout=WAIT_MS) as lost:
        own_cluster.stop()
    assert lost.args == [False]
    with qtbot.waitSignal(window.runner.idle, timeout=WAIT_MS):
        held.go_on.set()
    assert LOST_VI in status(window)
    with qtbot.waitSignals(
        [window.runner.connection_changed, window.overview_ready], timeout=WAIT_MS
    ):
        own_cluster.start()
    assert window.runner.connected
    assert "Đã kết nối lại" in status(window)
    return failures


def test_a_read_when_the_server_goes_away_is_told_and_the_window_reconnects(
    server_window: MainWindow, own_cluster: OwnCluster, qtbot: QtBot
) -> None:
    window, held = server_window, Held()
    failed: list[BaseException] = []

    def read(archive: Archive) -> int:
        with archive.engine.connect() as conn:
            conn.execute(select(func.count()).select_from(Notice))
            held.hold()
            return int(conn.execute(select(func.count()).select_from(Notice)).scalar_one())

    window.runner.query(window, read, failure=failed.append)
    _lose_and_get_back(window, own_cluster, held, qtbot)
    assert len(failed) == 1
    from desktop.messages import describe

    assert describe(failed[0], "vi").startswith(LOST_VI)
    assert describe(failed[0], "en").startswith("Lost the connection to the database server")
    # Back: the window reads again, and shows what the archive holds.
    assert window.overview.overview is not None and window.overview.overview.total == 3


def test_an_import_cut_off_by_the_server_is_before_or_after_and_can_be_tried_again(
    server_window: MainWindow,
    own_cluster: OwnCluster,
    own_url: str,
    world: World,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    window, held = server_window, Held()
    failed: list[BaseException] = []
    window.runner.write(
        window,
        lambda archive: import_file(archive, world.bundle2, HeldImport(held)),
        failure=failed.append,
    )
    _lose_and_get_back(window, own_cluster, held, qtbot)
    assert len(failed) == 1
    # Before: bundle1 as it was, nothing of bundle2 (it adds d and withdraws c).
    assert notice_count(own_url, tmp_path) == 3
    done: list[object] = []
    with qtbot.waitSignal(window.runner.idle, timeout=WAIT_MS):
        window.runner.write(
            window,
            lambda archive: import_file(archive, world.bundle2, TaskState()),
            success=done.append,
            failure=failed.append,
        )
    assert len(failed) == 1 and len(done) == 1
    assert notice_count(own_url, tmp_path) == 4


def test_opening_another_archive_after_losing_the_server_leaves_the_loss_behind(
    server_window: MainWindow, own_cluster: OwnCluster, tmp_path: Path, qtbot: QtBot
) -> None:
    window = server_window
    try:
        with qtbot.waitSignal(window.runner.connection_changed, timeout=WAIT_MS):
            own_cluster.stop()
        assert not window.runner.connected
        with qtbot.waitSignals([window.archive_ready, window.runner.server_left], timeout=WAIT_MS):
            window.opener.start(tmp_path / "local", create=True)
        assert window.runner.connected
        assert LOST_VI not in status(window)
        # Not reached again: another archive took its place.
        assert "Đã kết nối lại" not in status(window)
    finally:
        own_cluster.start()


def test_an_attachment_imported_on_one_pc_opens_and_saves_on_another(
    make_window: WindowFactory,
    pg_url: str,
    world: World,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hashlib

    from PySide6.QtCore import QUrl

    from desktop.bundles.importer import import_bundle
    from desktop.ui import dialogs
    from tests.helpers.bundles import PDF

    sha = hashlib.sha256(PDF).hexdigest()
    importing = open_archive(tmp_path / "pc1", url=pg_url)
    try:
        trust(importing, world.keys)
        import_bundle(importing, world.bundle1)
        assert importing.file_path(sha).read_bytes() == PDF
    finally:
        importing.close()

    opened: list[QUrl] = []
    monkeypatch.setattr(dialogs, "open_url", lambda url: opened.append(url) or True)
    target = tmp_path / "saved" / "qd-1.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "choose_save_path", lambda parent, name: target)
    pc2 = on_server(tmp_path / "pc2", choice_for(pg_url))
    window = make_window(pc2, threaded=True)
    assert not list((pc2 / "files").rglob("*.*"))  # nothing of the first PC's folder here
    with qtbot.waitSignal(window.article_ready, timeout=WAIT_MS):
        window.open_notice("a")
    with qtbot.waitSignal(window.runner.idle, timeout=WAIT_MS):
        window.browser.link_activated.emit(QUrl(f"attachment:{sha}"))
    assert len(opened) == 1 and Path(opened[0].toLocalFile()).read_bytes() == PDF
    with qtbot.waitSignal(window.runner.idle, timeout=WAIT_MS):
        window.browser.link_activated.emit(QUrl(f"attachment:{sha}?save"))
    assert target.read_bytes() == PDF
