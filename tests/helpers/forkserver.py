"""`bangtin` in a real child process, forked from a warm one: the e2e tests' runner.

A `bangtin` command spends most of its start importing SQLAlchemy, Alembic,
cryptography and the archive's models: about 0.4 s of CPU, every time, while
the command itself often takes a tenth of that. The e2e suites run hundreds
of commands, so the imports were most of the suite's time.

So each test process starts one server (`python -m tests.helpers.forkserver`)
that imports those modules once, with no archive open, no engine, no thread
and no Qt. For each command it forks: the child takes the test's stdin,
stdout and stderr (passed over a Unix socket pair), its environment, folder
and arguments, installs the network guard (tests/e2e/netguard) with the
test's log, and then runs `desktop.cli.main` and exits exactly as the
installed `bangtin` script does: `sys.exit(main())`, with the interpreter's
own shutdown. The child is a separate process with its own pid, exit status
and files; `kill -9` of it is the kill of a command.

What a warm child skips is only the interpreter's start and those imports.
The tests of that start itself run the installed script in a fresh
interpreter: tests/e2e/test_cli_basics.py (`--version`, the network guard),
test_install_cli.py, the kill tests, and every test that starts `bangtin`
with `subprocess` directly. `BANGTIN_TEST_COLD=1` runs every command that
way, for a run that trusts nothing warm.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import pickle
import signal
import socket
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
_LENGTH = struct.Struct("!I")

#: Imported by the server before it forks: what most commands import first.
#: None of them may import Qt, start a thread or open a file of an archive.
WARM = (
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "alembic.command",
    "alembic.runtime.migration",
    "alembic.script",
    "psycopg",
    "cryptography.hazmat.primitives.asymmetric.ed25519",
    "yaml",
    "markdown",
    "nh3",
    "desktop.cli",
    "desktop.cli.parser",
    "db.archive",
    "db.models",
    "db.provenance",
    "db.queries",
    "db.register",
    "db.search",
    "desktop.bundles.importer",
    "desktop.receipts",
    "tests.helpers.unprivileged",
)


def _send(sock: socket.socket, value: Any, fds: list[int] | None = None) -> None:
    data = pickle.dumps(value)
    head = _LENGTH.pack(len(data))
    if fds:
        # The descriptors ride with the few bytes of the length, which one
        # sendmsg always sends whole; the rest may take several sends.
        socket.send_fds(sock, [head], fds)
        sock.sendall(data)
    else:
        sock.sendall(head + data)


def _recv_exactly(sock: socket.socket, size: int, first: bytes = b"") -> bytes:
    data = first
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _recv(sock: socket.socket, *, with_fds: bool = False) -> tuple[Any, list[int]]:
    fds: list[int] = []
    if with_fds:
        first, fds, _flags, _addr = socket.recv_fds(sock, _LENGTH.size, 3)
        if not first:
            raise EOFError
    else:
        first = b""
    head = _recv_exactly(sock, _LENGTH.size, first[: _LENGTH.size])
    (size,) = _LENGTH.unpack(head)
    body = _recv_exactly(sock, size, first[_LENGTH.size :])
    return pickle.loads(body), fds


# -- the server ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    argv: tuple[str, ...]
    env: dict[str, str]
    cwd: str
    unprivileged: bool


def _serve(sock: socket.socket) -> Request | None:
    """Answer requests until the test process goes; in a child, return its request."""
    for name in WARM:
        importlib.import_module(name)
    assert not any(m.startswith("PySide6") for m in sys.modules), "the server must not load Qt"
    gc.collect()
    gc.freeze()  # the children share the warm modules' pages instead of copying them
    while True:
        try:
            request, fds = _recv(sock, with_fds=True)
        except EOFError:
            return None
        pid = os.fork()
        if pid == 0:
            sock.close()
            for target, fd in enumerate(fds):
                os.dup2(fd, target)
                os.close(fd)
            assert isinstance(request, Request)
            return request
        for fd in fds:
            os.close(fd)
        _send(sock, pid)
        _pid, status = os.waitpid(pid, 0)
        _send(sock, os.waitstatus_to_exitcode(status))


def _become(request: Request) -> None:
    """In the child: take on the command's folder, environment and guard."""
    os.chdir(request.cwd)
    os.environ.clear()
    os.environ.update(request.env)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if request.unprivileged:
        from tests.helpers.unprivileged import drop_for_good

        drop_for_good()
    # The network guard (tests/e2e/netguard) was installed when the server
    # started, before any import; it writes to the log its environment names.
    sys.path = [p for p in sys.path if p != str(ROOT)]
    sys.argv = ["bangtin", *request.argv]


# -- the client ------------------------------------------------------------------------------


class Server:
    """This test process's fork server, started on first use and stopped at exit."""

    def __init__(self, env: dict[str, str]) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock = ours
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.forkserver", str(theirs.fileno())],
            pass_fds=[theirs.fileno()],
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        theirs.close()
        atexit.register(self.stop)

    def stop(self) -> None:
        self.sock.close()
        self.proc.wait(timeout=30)

    def run(self, request: Request, timeout: float) -> tuple[int, bytes, bytes]:
        """Run *request* in a fresh child; its exit code, stdout and stderr."""
        with (
            open(os.devnull, "rb") as stdin,
            tempfile.TemporaryFile() as out,
            tempfile.TemporaryFile() as err,
        ):
            _send(self.sock, request, [stdin.fileno(), out.fileno(), err.fileno()])
            self.sock.settimeout(None)
            pid, _ = _recv(self.sock)
            self.sock.settimeout(timeout)
            try:
                code, _ = _recv(self.sock)
            except TimeoutError:
                os.kill(pid, signal.SIGKILL)
                self.sock.settimeout(None)
                _recv(self.sock)
                raise subprocess.TimeoutExpired(["bangtin", *request.argv], timeout) from None
            finally:
                self.sock.settimeout(None)
            out.seek(0)
            err.seek(0)
            return int(code), out.read(), err.read()


_server: Server | None = None


def server(env: dict[str, str]) -> Server:
    """The fork server, started with *env* (PYTHONPATH, locale) on first use."""
    global _server
    if _server is None or _server.proc.poll() is not None:
        _server = Server(env)
    return _server


def cold() -> bool:
    """Whether every command must start a fresh interpreter (`BANGTIN_TEST_COLD=1`)."""
    return os.environ.get("BANGTIN_TEST_COLD", "") not in ("", "0")


def main(fd: int) -> None:
    """The server's life; in a child, the command's, ended as the `bangtin` script ends."""
    child = _serve(socket.socket(fileno=fd))
    if child is None:
        sys.exit(0)
    _become(child)
    from desktop.cli import main as bangtin

    sys.exit(bangtin())


if __name__ == "__main__":
    # Through the module's own name, so that pickled requests are its classes.
    from tests.helpers import forkserver

    forkserver.main(int(sys.argv[1]))
