"""Test setup shared by every suite: offscreen Qt, no network, private data dirs."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never look for a display in tests, and must never be told twice.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


class SocketBlocked(AssertionError):
    """Raised when code under test tries to open a network socket."""


_REAL_SOCKET = socket.socket
_REAL_CREATE_CONNECTION = socket.create_connection
_REAL_GETADDRINFO = socket.getaddrinfo


class _GuardedSocket(_REAL_SOCKET):
    def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
        if family in (socket.AF_INET, socket.AF_INET6):
            raise SocketBlocked("a test opened a network socket")
        super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]


def _blocked(*_args: object, **_kwargs: object) -> None:
    raise SocketBlocked("a test tried to reach the network")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test whose code opens an internet socket or resolves a name.

    Unix sockets stay allowed: Qt and D-Bus use them locally.
    """
    monkeypatch.setattr(socket, "socket", _GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)
    yield


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data dir; the real user folder is never touched."""
    path = tmp_path / "data"
    monkeypatch.setenv("BANGTIN_DATA_DIR", str(path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / "cache"))
    return path
