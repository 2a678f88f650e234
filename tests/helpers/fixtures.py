"""Fixtures every suite gets: no network, private data dirs, archives to test on.

`archive` is the one archive fixture. It is empty unless the test, its class
or its module (`pytestmark`) carries an `archive` mark:

- `@pytest.mark.archive(world=True)`: a copy of the session `world`'s
  template, which trusts `world.keys` and has bundle1 applied;
- `@pytest.mark.archive(world=True, backups=False)`: the same copy without
  the backup that the template's own import left;
- `@pytest.mark.archive(trusting="pair")`: empty, trusting the key pair
  that the named fixture gives.

A test marked `engines` (or in a module or class so marked) runs twice:
with the archive as the SQLite file, and as a PostgreSQL database of its
own on the test cluster (tests/helpers/postgres.py); `archive_engine` says
which.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from db.archive import Archive, open_archive
from tests.helpers.bundles import KeyPair, World, make_world, open_copy, trust
from tests.helpers.postgres import ALLOWED_HOSTS, PgWorld, pooled_database


class SocketBlocked(AssertionError):
    """Raised when code under test tries to open a network socket."""


_REAL_SOCKET = socket.socket


class _GuardedSocket(_REAL_SOCKET):
    def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
        if family in (socket.AF_INET, socket.AF_INET6):
            raise SocketBlocked("a test opened a network socket")
        super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]


def _blocked(*_args: object, **_kwargs: object) -> None:
    raise SocketBlocked("a test tried to reach the network")


def pg_targets(conninfo: str, **kwargs: Any) -> list[str]:
    """Where libpq would connect for these parameters: socket folders, or host:port.

    libpq opens its sockets in C, past Python's socket module, so the guard
    asks before psycopg connects. No host means libpq's default socket
    folder, which is not the test cluster's.
    """
    params = conninfo_to_dict(conninfo, **kwargs)
    hosts = str(params.get("host") or os.environ.get("PGHOST") or "<default socket>")
    port = str(params.get("port") or os.environ.get("PGPORT") or "5432")
    if params.get("hostaddr"):
        hosts = str(params["hostaddr"])
    return [
        str(Path(host)) if host.startswith("/") else f"{host}:{port.split(',')[0]}"
        for host in hosts.split(",")
    ]


def _guarded_pg(real: Callable[..., Any]) -> Callable[..., Any]:
    def connect(conninfo: str = "", **kwargs: Any) -> Any:
        for target in pg_targets(conninfo, **kwargs):
            if target not in ALLOWED_HOSTS:
                raise SocketBlocked(f"a test reached a database server not its own: {target}")
        return real(conninfo, **kwargs)

    return connect


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "archive(world=False, backups=True, trusting=None): what the `archive` fixture holds",
    )
    config.addinivalue_line(
        "markers", "engines: run the test on the SQLite and the PostgreSQL archive"
    )
    config.addinivalue_line(
        "markers", "sqlite_only(reason): in a module marked `engines`, a test of the file itself"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    node = metafunc.definition
    if (
        "archive_engine" in metafunc.fixturenames
        and node.get_closest_marker("engines")
        and not node.get_closest_marker("sqlite_only")
    ):
        metafunc.parametrize("archive_engine", ENGINES)


#: The engines an archive can be on, as `archive_engine` names them.
ENGINES = ("sqlite", "postgresql")


@pytest.fixture
def archive_engine() -> str:
    """The engine the `archive` fixture is on: SQLite unless the test is marked `engines`."""
    return "sqlite"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test whose code opens an internet socket or resolves a name.

    Unix sockets stay allowed: Qt and D-Bus use them locally. A database
    connection (libpq, in C) is allowed only to the test cluster
    (tests.helpers.postgres).
    """
    monkeypatch.setattr(socket, "socket", _GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)
    guarded = _guarded_pg(psycopg.Connection.connect)
    monkeypatch.setattr(psycopg, "connect", guarded)
    monkeypatch.setattr(psycopg.Connection, "connect", staticmethod(guarded))
    yield


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data dir; the real user folder is never touched."""
    path = tmp_path / "data"
    monkeypatch.setenv("BANGTIN_DATA_DIR", str(path))
    # A shared archive configured on this machine is never the tests'.
    monkeypatch.delenv("BANGTIN_DATABASE_URL", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "home" / "state"))
    # The log file (desktop/logfile.py), of commands run in this process too.
    monkeypatch.setenv("BANGTIN_LOG_DIR", str(tmp_path / "log"))
    return path


@pytest.fixture(autouse=True)
def log_file_stopped() -> Iterator[None]:
    """A command run in the test's own process leaves no log handler to the next test."""
    yield
    from desktop import logfile

    logfile.stop()


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """Keys, two bundles and a template archive, made once; tests copy, never change it."""
    return make_world(tmp_path_factory.mktemp("world"))


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty archive folder made by `open_archive`, once per test process."""
    folder = tmp_path_factory.mktemp("empty") / "archive"
    open_archive(folder).close()
    return folder


@pytest.fixture
def archive(
    request: pytest.FixtureRequest, tmp_path: Path, archive_engine: str
) -> Iterator[Archive]:
    """An open archive in `tmp_path / "archive"`, closed after the test (see the module)."""
    mark = request.node.get_closest_marker("archive")
    options = dict(mark.kwargs) if mark is not None else {}
    unknown = set(options) - {"world", "backups", "trusting"}
    assert not unknown, f"unknown archive mark options: {sorted(unknown)}"
    folder = tmp_path / "archive"
    with ExitStack() as stack:
        if archive_engine == "postgresql":
            opened = _server_archive(request, stack, folder, world=options.get("world", False))
        elif options.get("world", False):
            template: World = request.getfixturevalue("world")
            opened = open_copy(template.template, folder)
            if not options.get("backups", True):
                shutil.rmtree(opened.data_dir / "backups")
        else:
            # A copy of a fresh archive made once: the same files that
            # open_archive makes, without running the migrations per test.
            opened = open_copy(request.getfixturevalue("empty_template"), folder)
        if options.get("trusting") is not None:
            pair: KeyPair = request.getfixturevalue(str(options["trusting"]))
            trust(opened, pair)
        yield opened
        opened.close()


def _server_archive(
    request: pytest.FixtureRequest, stack: ExitStack, folder: Path, *, world: bool
) -> Archive:
    """The `archive` fixture's PostgreSQL archive: a database of the test's own."""
    url = stack.enter_context(pooled_database(request.getfixturevalue("pg_pool")))
    if world:
        source: PgWorld = request.getfixturevalue("pg_world")
        source.load(url)
        # The attachment store stays in the local folder, as on any PC.
        shutil.copytree(source.data_dir, folder)
    return open_archive(folder, url=url)
