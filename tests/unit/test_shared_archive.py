"""The shared archive on PostgreSQL: "Kiểm tra kết nối", the keyring, and NOTIFY between PCs.

Two archives opened on one database stand for two PCs; a cluster of the
module's own (tests/helpers/pgcluster.py) is stopped and started again to
lose the server.
"""

from __future__ import annotations

import queue
import socket
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from db.archive import open_archive
from db.notify import Listener, heard_kinds
from desktop.bundles.importer import import_bundle
from desktop.ops import sharing
from desktop.ops.sharing import ServerChoice, Verdict, check_server
from tests.helpers.bundles import World, trust
from tests.helpers.keyrings import FolderKeyring
from tests.helpers.pgcluster import CLERK, CLERK_PASSWORD, DATABASE, OwnCluster

WAIT_S = 30  # the longest a test waits for the server's answer; never slept


def clerk_choice(cluster: OwnCluster, database: str = DATABASE) -> ServerChoice:
    return ServerChoice(host=str(cluster.folder), port=5432, database=database, user=CLERK)


# -- Kiểm tra kết nối ------------------------------------------------------------------------


def test_the_right_password_works(own_cluster: OwnCluster) -> None:
    assert check_server(clerk_choice(own_cluster), CLERK_PASSWORD) is Verdict.WORKS


def test_a_wrong_password_is_told_as_such(own_cluster: OwnCluster) -> None:
    assert check_server(clerk_choice(own_cluster), "sai-mật-khẩu") is Verdict.LOGIN


def test_a_database_the_server_does_not_have_is_told_as_such(own_cluster: OwnCluster) -> None:
    choice = clerk_choice(own_cluster, database="khong_co")
    assert check_server(choice, CLERK_PASSWORD) is Verdict.NO_DATABASE


def test_a_host_name_nobody_knows_is_told_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown(*_args: object, **_kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    # The office's name service, answering as it does for a mistyped name.
    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    choice = ServerChoice(host="may-chu-khong-co", port=5432, database=DATABASE, user=CLERK)
    assert check_server(choice, CLERK_PASSWORD) is Verdict.NO_HOST


def test_a_server_that_is_down_is_not_answering(own_cluster: OwnCluster) -> None:
    own_cluster.stop()
    try:
        assert check_server(clerk_choice(own_cluster), CLERK_PASSWORD) is Verdict.NOT_ANSWERING
    finally:
        own_cluster.start()
    assert check_server(clerk_choice(own_cluster), CLERK_PASSWORD) is Verdict.WORKS


def test_the_password_is_kept_in_the_keyring_and_used_from_there(
    own_cluster: OwnCluster, test_keyring: FolderKeyring
) -> None:
    choice = clerk_choice(own_cluster)
    sharing.store_password(choice, CLERK_PASSWORD)
    assert test_keyring.get_password(sharing.KEYRING_SERVICE, choice.account) == CLERK_PASSWORD
    # No password typed: the keyring's is used.
    assert check_server(choice, None) is Verdict.WORKS
    sharing.store_password(choice, "")
    assert sharing.stored_password(choice) is None
    assert check_server(choice, None) is Verdict.LOGIN


# -- NOTIFY: another PC hears an import ------------------------------------------------------


def test_an_announcement_of_our_own_or_unreadable_is_not_heard() -> None:
    assert heard_kinds('{"from": "a", "kinds": ["notices", "bogus"]}', "b") == {"notices"}
    assert heard_kinds('{"from": "a", "kinds": ["notices"]}', "a") == frozenset()
    assert heard_kinds("not json", "a") == frozenset()


def test_another_pc_hears_an_import_when_it_commits(
    pg_url: str, world: World, tmp_path: Path
) -> None:
    importer = open_archive(tmp_path / "pc1", url=pg_url)
    reader = open_archive(tmp_path / "pc2", url=pg_url)
    heard_there: queue.Queue[frozenset[str]] = queue.Queue()
    heard_here: queue.Queue[frozenset[str]] = queue.Queue()
    listeners = [
        Listener(reader.engine, heard=heard_there.put, lost=lambda: None, back=lambda: None),
        Listener(importer.engine, heard=heard_here.put, lost=lambda: None, back=lambda: None),
    ]
    try:
        for listener in listeners:
            listener.start()
        trust(importer, world.keys)
        import_bundle(importer, world.bundle1)
        assert heard_there.get(timeout=WAIT_S) == {"notices", "register", "receipts"}
        # The importing PC's own listener stays quiet: its window was told already.
        import_bundle(importer, world.bundle2)
        assert heard_there.get(timeout=WAIT_S) == {"notices", "register", "receipts"}
        assert heard_here.empty()
    finally:
        for listener in listeners:
            listener.stop()
        importer.close()
        reader.close()


def test_the_listener_says_when_the_server_is_lost_and_when_it_is_back(
    own_cluster: OwnCluster, tmp_path: Path
) -> None:
    archive = open_archive(tmp_path / "pc", url=own_cluster.url)
    events: queue.Queue[str] = queue.Queue()
    listener = Listener(
        archive.engine,
        heard=lambda kinds: events.put("heard"),
        lost=lambda: events.put("lost"),
        back=lambda: events.put("back"),
        retry_s=0.2,
    )
    try:
        listener.start()
        own_cluster.stop()
        assert events.get(timeout=WAIT_S) == "lost"
        own_cluster.start()
        assert events.get(timeout=WAIT_S) == "back"
        # And it listens again: another PC's register change is heard.
        other = open_archive(tmp_path / "other", url=own_cluster.url)
        try:
            from db import notify

            with other.writing() as session:
                notify.announce(session, "register")
        finally:
            other.close()
        assert events.get(timeout=WAIT_S) == "heard"
    finally:
        listener.stop()
        archive.close()


def test_a_reader_never_waits_for_an_import(pg_url: str, world: World, tmp_path: Path) -> None:
    from db.queries import count_notices

    importer = open_archive(tmp_path / "pc1", url=pg_url)
    reader = open_archive(tmp_path / "pc2", url=pg_url)
    inside, go_on = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def progress(stage: str, _done: int, _total: int) -> None:
        if stage == "indexing" and not inside.is_set():
            inside.set()  # every notice written, the transaction still open
            assert go_on.wait(WAIT_S)

    def run() -> None:
        try:
            import_bundle(importer, world.bundle1, progress=progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            failures.append(exc)

    trust(importer, world.keys)
    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert inside.wait(WAIT_S)
        # The import holds its locks; a read answers at once, from before it.
        with reader.reading() as session:
            # Were it to wait, it fails here instead of hanging the test.
            session.execute(text("SET LOCAL statement_timeout = '20s'"))
            assert count_notices(session) == 0
    finally:
        go_on.set()
        worker.join()
    assert failures == []
    with reader.reading() as session:
        assert count_notices(session) == 3
    importer.close()
    reader.close()
