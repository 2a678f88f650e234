"""The window on a server it must not wait for: a URL that names none, a server that refuses.

Only a server that does not answer is waited for (tests/gui/test_window_server_start.py).
A `--database` that is not a PostgreSQL URL, and a server that answers but
refuses the login (tests/helpers/pgcluster.py asks `CLERK` for a password),
are each said once, in one sentence, with the settings offered; nothing is
tried again and this PC's own file is never opened instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from db.archive import open_archive
from db.errors import ArchiveError, ErrorCode
from desktop.ui import dialogs
from desktop.ui.mainwindow import MainWindow
from tests.helpers import postgres
from tests.helpers.pgcluster import CLERK, CLERK_PASSWORD, DATABASE, OwnCluster
from tests.helpers.sample import shown_window

WAIT_MS = 30_000


def clerk_url(cluster: OwnCluster, password: str) -> str:
    """The office database's URL as `CLERK`, with *password*."""
    return (
        make_url(cluster.url)
        .set(username=CLERK, password=password, database=DATABASE)
        .render_as_string(hide_password=False)
    )


def refused_once(window: MainWindow, qtbot: QtBot) -> ArchiveError:
    """Start *window*; the error it was refused with, once the runner has nothing left to do."""
    with qtbot.waitSignal(window.archive_failed, timeout=WAIT_MS) as failed:
        window.start()
    if window.runner.busy():
        with qtbot.waitSignal(window.runner.idle, timeout=WAIT_MS):
            pass
    exc = failed.args[0]
    assert isinstance(exc, ArchiveError)
    # Not waited for: no retry is due, and no lost connection is being waited out.
    assert not window.opener._retry.isActive()
    assert not window.runner.waiting_for_server
    assert window.archive_dir is None
    return exc


@pytest.mark.parametrize(
    "url", ["mysql://vanthu:bí-mật@may-chu/bangtin", "/srv/archive.sqlite3", "postgres:/bad"]
)
def test_a_database_that_is_not_a_postgresql_url_is_said_once_and_not_tried(
    url: str, tmp_path: Path, qtbot: QtBot
) -> None:
    data_dir = tmp_path / "pc"
    data_dir.mkdir()
    window = shown_window(qtbot, data_dir, database_url=url)
    exc = refused_once(window, qtbot)
    assert exc.code is ErrorCode.SERVER_URL
    said = window.statusBar().currentMessage()
    assert "không phải địa chỉ máy chủ PostgreSQL" in said and "bí-mật" not in said
    assert not (data_dir / "archive.sqlite3").exists()  # never this PC's file instead


def test_a_server_that_refuses_the_password_is_said_once_with_the_settings_offered(
    own_cluster: OwnCluster, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, _accept: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    wrong = clerk_url(own_cluster, "mật-khẩu-sai")
    data_dir = tmp_path / "pc"
    data_dir.mkdir()
    window = shown_window(qtbot, data_dir, database_url=wrong, interactive=True)
    exc = refused_once(window, qtbot)
    assert exc.code is ErrorCode.SERVER_LOGIN
    said = window.statusBar().currentMessage()
    assert "không cho đăng nhập" in said
    assert "Mất kết nối" not in said
    assert asked == [said]  # said once, and the settings offered with it
    assert window.sharing.dialog is not None and window.sharing.dialog.isVisible()
    window.sharing.dialog.reject()


def test_a_password_changed_mid_session_is_said_once_and_not_tried_again(
    own_cluster: OwnCluster, tmp_path: Path, qtbot: QtBot
) -> None:
    url = clerk_url(own_cluster, CLERK_PASSWORD)
    open_archive(tmp_path / "setup", url=url).close()
    data_dir = tmp_path / "pc"
    data_dir.mkdir()
    window = shown_window(qtbot, data_dir, database_url=url)
    with qtbot.waitSignal(window.archive_ready, timeout=WAIT_MS):
        window.start()
    listener = window.runner._holder.listener
    assert listener is not None
    # The administrator changes the clerk's password and ends the clerk's sessions.
    try:
        with qtbot.waitSignal(window.runner.refused, timeout=WAIT_MS) as refused:
            postgres.admin_execute(
                own_cluster.admin_url,
                f"ALTER ROLE {CLERK} PASSWORD 'mật-khẩu-mới'",
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{CLERK}'",
            )
        listener._thread.join()  # it stopped trying: no loop left to burn the CPU
    finally:
        postgres.admin_execute(
            own_cluster.admin_url, f"ALTER ROLE {CLERK} PASSWORD '{CLERK_PASSWORD}'"
        )
    exc = refused.args[0]
    assert isinstance(exc, ArchiveError) and exc.code is ErrorCode.SERVER_LOGIN
    said = window.statusBar().currentMessage()
    assert "không cho đăng nhập" in said
    assert window.runner.connected  # refused is not "lost": nothing is waited for
