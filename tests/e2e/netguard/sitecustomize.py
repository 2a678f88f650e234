"""Network guard for the e2e tests' child processes (loaded from PYTHONPATH).

When BANGTIN_NETGUARD_LOG names a file, opening an internet socket, connecting
or resolving a name writes one line there and raises, so the parent test can
see that a subprocess tried the network even if the child swallowed the error.
Unix sockets stay allowed: Qt and D-Bus use them locally. This file shadows
any other sitecustomize, so it does nothing else.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import socket
import sys
import traceback
import types
from collections.abc import Sequence
from typing import Any

_LOG_VAR = "BANGTIN_NETGUARD_LOG"
#: The database servers a child may reach (the test cluster's socket folders
#: or host:port), separated by os.pathsep; read when a connection is made.
_PG_VAR = "BANGTIN_NETGUARD_PG"


class NetworkBlocked(OSError):
    """A child of the e2e tests tried to reach the network."""


def _record(what: str) -> NetworkBlocked:
    where = " <- ".join(
        f"{frame.filename}:{frame.lineno}" for frame in reversed(traceback.extract_stack()[:-2])
    )
    # Read when it is written, not at start: a child forked from a warm
    # process (tests/helpers/forkserver.py) has its own test's log.
    with open(os.environ[_LOG_VAR], "a", encoding="utf-8") as log:
        log.write(f"pid {os.getpid()}: {what} at {where}\n")
    return NetworkBlocked(f"network access blocked in tests: {what}")


if os.environ.get(_LOG_VAR):
    _INET = (socket.AF_INET, socket.AF_INET6)

    class _GuardedSocket(socket.socket):
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            fileno = kwargs.get("fileno", args[2] if len(args) > 2 else None)
            # family -1 without a file descriptor means the default, AF_INET.
            if family in _INET or (family == -1 and fileno is None):
                raise _record(f"socket({family!r})")
            super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]

    def _create_connection(address: object, *args: object, **kwargs: object) -> None:
        raise _record(f"create_connection({address!r})")

    def _getaddrinfo(host: object, port: object, *args: object, **kwargs: object) -> None:
        raise _record(f"getaddrinfo({host!r}, {port!r})")

    socket.socket = _GuardedSocket  # type: ignore[misc]
    socket.create_connection = _create_connection  # type: ignore[assignment]
    socket.getaddrinfo = _getaddrinfo  # type: ignore[assignment]


# libpq opens its sockets in C, past the socket module, and a server given by
# address needs no name lookup: psycopg's connect is checked itself, once
# psycopg is imported (after this file runs).


def _pg_targets(conninfo: str, kwargs: dict[str, Any]) -> list[str]:
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(conninfo, **kwargs)
    hosts = str(params.get("host") or os.environ.get("PGHOST") or "<default socket>")
    port = str(params.get("port") or os.environ.get("PGPORT") or "5432")
    if params.get("hostaddr"):
        hosts = str(params["hostaddr"])
    return [
        os.path.normpath(host) if host.startswith("/") else f"{host}:{port.split(',')[0]}"
        for host in hosts.split(",")
    ]


def _guard_psycopg(module: Any) -> None:
    real = module.Connection.connect

    def connect(conninfo: str = "", **kwargs: Any) -> Any:
        allowed = os.environ.get(_PG_VAR, "").split(os.pathsep)
        for target in _pg_targets(conninfo, kwargs):
            if target not in allowed:
                raise _record(f"database server {target}")
        return real(conninfo, **kwargs)

    module.connect = connect
    module.Connection.connect = staticmethod(connect)


class _AfterPsycopg(importlib.abc.MetaPathFinder):
    """Guards psycopg's connect as soon as psycopg is imported."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != "psycopg":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        load = loader.exec_module

        def exec_module(module: types.ModuleType) -> None:
            load(module)
            _guard_psycopg(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if os.environ.get(_LOG_VAR):
    sys.meta_path.insert(0, _AfterPsycopg())
