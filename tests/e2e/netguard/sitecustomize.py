"""Network guard for the e2e tests' child processes (loaded from PYTHONPATH).

When BANGTIN_NETGUARD_LOG names a file, opening an internet socket, connecting
or resolving a name writes one line there and raises, so the parent test can
see that a subprocess tried the network even if the child swallowed the error.
Unix sockets stay allowed: Qt and D-Bus use them locally. This file shadows
any other sitecustomize, so it does nothing else.
"""

from __future__ import annotations

import os
import socket
import traceback

_LOG_VAR = "BANGTIN_NETGUARD_LOG"


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
