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

What a warm child skips is the interpreter's start and those imports, and
with them what an interpreter settles as it starts: the children of one
server share its hash seed, and a command whose environment differs from
the server's in locale, time zone or Python's own variables starts fresh.
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
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import warnings
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
    timeout: float


#: What the interpreter reads once as it starts (locale, encodings, hash seed,
#: Python's own switches): a command whose environment differs in these from
#: the server's own starts a fresh interpreter instead.
_AT_START = ("PYTHON", "LC_", "LANG", "LANGUAGE", "TZ", "PSYCOPG")


def _at_start(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(_AT_START)}


def _warm() -> None:
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        for name in WARM:
            importlib.import_module(name)
    # A warning here would reach no test's stderr: let the first command fail on it.
    assert not said, [str(w.message) for w in said]
    assert not any(m.startswith("PySide6") for m in sys.modules), "the server must not load Qt"
    assert threading.active_count() == 1, "the server must not start threads"
    gc.collect()
    gc.freeze()  # the children share the warm modules' pages instead of copying them


def _serve(sock: socket.socket) -> Request | None:
    """Answer requests until the test process goes; in a child, return its request.

    The server waits on the child and on the socket at once: a command past
    its time is killed by the server, which alone can still be sure the pid
    is its child's (not yet reaped), and a command still running when the
    test process goes is killed with the server.
    """
    _warm()
    while True:
        try:
            request, fds = _recv(sock, with_fds=True)
        except EOFError:
            return None
        sys.stdout.flush()
        sys.stderr.flush()
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
        pidfd = os.pidfd_open(pid)
        try:
            ready, _w, _x = select.select([sock.fileno(), pidfd], [], [], request.timeout)
        finally:
            os.close(pidfd)
        if pidfd not in ready:
            os.kill(pid, signal.SIGKILL)
        _pid, status = os.waitpid(pid, 0)
        if sock.fileno() in ready:  # the test process is gone: nobody asks any more
            return None
        _send(sock, os.waitstatus_to_exitcode(status) if pidfd in ready else None)


def _become(request: Request) -> None:
    """In the child: take on the command's folder, environment and guard."""
    os.chdir(request.cwd)
    os.environ.clear()
    os.environ.update(request.env)
    time.tzset()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if request.unprivileged:
        from tests.helpers.unprivileged import drop_for_good

        drop_for_good()
    # The network guard (tests/e2e/netguard) was installed when the server
    # started, before any import; it reads its log and allowed servers from
    # the environment when it has something to say.
    sys.path = [p for p in sys.path if p != str(ROOT)]
    sys.argv = ["bangtin", *request.argv]


# -- the client ------------------------------------------------------------------------------


class ServerStopped(RuntimeError):
    """The fork server ended while a command was asked of it."""


class Server:
    """This test process's fork server, started on first use and stopped at exit."""

    def __init__(self, env: dict[str, str]) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock = ours
        self.at_start = _at_start(env)
        # Its own errors (a failed warm import) have a file to be read from.
        self.errors = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.forkserver", str(theirs.fileno())],
            pass_fds=[theirs.fileno()],
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.errors,
        )
        theirs.close()
        atexit.register(self.stop)

    def stop(self) -> None:
        self.sock.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.errors.close()

    def run(self, request: Request) -> tuple[int, bytes, bytes]:
        """Run *request* in a fresh child; its exit code, stdout and stderr.

        Anything unexpected on the way (the server gone, a signal in this
        process) stops the server, so no later command can read an answer
        meant for this one; the next command starts a new server.
        """
        with (
            open(os.devnull, "rb") as stdin,
            tempfile.TemporaryFile() as out,
            tempfile.TemporaryFile() as err,
        ):
            try:
                _send(self.sock, request, [stdin.fileno(), out.fileno(), err.fileno()])
                # The server keeps the command's time; this is only in case it hangs.
                self.sock.settimeout(request.timeout + 30)
                code, _ = _recv(self.sock)
            except BaseException as exc:
                self.proc.kill()
                said = self.said()
                self.stop()
                if isinstance(exc, EOFError | TimeoutError):
                    raise ServerStopped(said) from exc
                raise
            out.seek(0)
            err.seek(0)
            if code is None:
                raise subprocess.TimeoutExpired(
                    ["bangtin", *request.argv], request.timeout, out.read(), err.read()
                )
            return int(code), out.read(), err.read()

    def said(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode("utf-8", "replace")


_server: Server | None = None


def run(
    argv: tuple[str, ...], env: dict[str, str], cwd: str, *, unprivileged: bool, timeout: float
) -> tuple[int, bytes, bytes] | None:
    """`bangtin ARGV` in a child of the fork server: exit code, stdout, stderr.

    None when the command must start a fresh interpreter instead: with
    `BANGTIN_TEST_COLD=1`, or when *env* differs from the server's in what an
    interpreter reads as it starts.
    """
    global _server
    if cold(env):
        return None
    if _server is None or _server.proc.poll() is not None:
        _server = Server(env)
    if _at_start(env) != _server.at_start:
        return None
    server, request = _server, Request(argv, dict(env), cwd, unprivileged, timeout)
    try:
        return server.run(request)
    finally:
        if server.proc.poll() is not None:
            _server = None


def cold(env: dict[str, str]) -> bool:
    """Whether every command must start a fresh interpreter (`BANGTIN_TEST_COLD=1`)."""
    return env.get("BANGTIN_TEST_COLD", "") not in ("", "0")


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
