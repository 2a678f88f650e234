"""Running the real `bangtin` command in subprocesses, with the network guarded.

Each command runs in a child process of its own, forked from a warm server
that has imported the heavy modules once (tests/helpers/forkserver.py says
what that skips, and which tests start a fresh interpreter instead).

Every child gets the test's private data dir (BANGTIN_DATA_DIR, set by the
autouse `data_dir` fixture), a private HOME, offscreen Qt, and
tests/e2e/netguard/sitecustomize.py on PYTHONPATH, which logs and refuses any
attempt to reach the network. After each command the log must be empty and
stderr must hold no traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import forkserver
from tests.helpers.postgres import ALLOWED_HOSTS
from tests.helpers.unprivileged import drop_for_child

NETGUARD_DIR = Path(__file__).resolve().parents[1] / "e2e" / "netguard"
TIMEOUT = 60.0


def bangtin_command() -> list[str]:
    """The installed console script beside this Python, else the module."""
    name = "bangtin.exe" if sys.platform == "win32" else "bangtin"
    script = Path(sys.executable).parent / name
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "desktop.cli"]


def child_env(base: dict[str, str], netguard_log: Path) -> dict[str, str]:
    """*base* plus what every child needs: offscreen Qt and the network guard."""
    env = dict(base)
    env.pop("BANGTIN_DEBUG", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BANGTIN_NETGUARD_LOG"] = str(netguard_log)
    env["BANGTIN_NETGUARD_PG"] = os.pathsep.join(sorted(ALLOWED_HOSTS))
    old = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(NETGUARD_DIR) + (os.pathsep + old if old else "")
    return env


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def json_lines(self) -> list[Any]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def describe(self) -> str:
        return (
            f"bangtin {' '.join(self.args)} -> {self.returncode}\n"
            f"--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"
        )


class Cli:
    """Runs `bangtin` as a subprocess and checks what every command promises."""

    def __init__(self, env: dict[str, str], cwd: Path, netguard_log: Path) -> None:
        self.env = env
        self.cwd = cwd
        self.netguard_log = netguard_log

    def __call__(
        self,
        *args: str | os.PathLike[str],
        expect: int | None = 0,
        timeout: float = TIMEOUT,
        unprivileged: bool = False,
    ) -> Result:
        """Run `bangtin ARGS`; assert the exit code when *expect* is not None.

        *unprivileged*: the child honours file modes even when the tests run
        as root (tests/helpers/unprivileged.py), so a read-only folder binds it.
        """
        argv = tuple(str(a) for a in args)
        # The test cluster is the one server a child may reach, whenever it started.
        env = dict(self.env, BANGTIN_NETGUARD_PG=os.pathsep.join(sorted(ALLOWED_HOSTS)))
        warm = forkserver.run(argv, env, str(self.cwd), unprivileged=unprivileged, timeout=timeout)
        if warm is None:
            proc = subprocess.run(
                [*bangtin_command(), *argv],
                env=env,
                cwd=self.cwd,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                check=False,
                preexec_fn=drop_for_child if unprivileged else None,
            )
            code, out, err = proc.returncode, proc.stdout, proc.stderr
        else:
            code, out, err = warm
        result = Result(
            args=argv,
            returncode=code,
            stdout=out.decode("utf-8"),
            stderr=err.decode("utf-8"),
        )
        self.assert_no_network()
        assert "Traceback" not in result.stderr, result.describe()
        assert "Warning" not in result.stderr, result.describe()
        if expect is not None:
            assert result.returncode == expect, result.describe()
        return result

    def fails(
        self, *args: str | os.PathLike[str], code: int = 1, unprivileged: bool = False
    ) -> Result:
        """Run a command that must fail with one sentence on stderr."""
        result = self(*args, expect=code, unprivileged=unprivileged)
        assert len(result.err_lines) == 1, result.describe()
        return result

    def assert_no_network(self) -> None:
        tried = self.netguard_log.read_text("utf-8") if self.netguard_log.exists() else ""
        assert tried == "", f"a bangtin subprocess tried the network:\n{tried}"


@pytest.fixture
def cli(tmp_path: Path, data_dir: Path) -> Cli:
    """`bangtin` in a subprocess, on this test's data dir (`data_dir`)."""
    (tmp_path / "home").mkdir(exist_ok=True)
    log = tmp_path / "netguard.log"
    return Cli(child_env(dict(os.environ), log), tmp_path, log)


def session_cli(root: Path) -> Cli:
    """A runner for session fixtures, with its own data dir and HOME under *root*."""
    env = dict(os.environ)
    env["BANGTIN_DATA_DIR"] = str(root / "data")
    env["HOME"] = str(root / "home")
    for var, sub in (
        ("XDG_DATA_HOME", "share"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        env[var] = str(root / "home" / sub)
    log = root / "netguard.log"
    return Cli(child_env(env, log), root, log)


# -- the archive, read without writing a byte ------------------------------------------------


def import_log_rows(data_dir: Path) -> list[tuple[Any, ...]]:
    """Every import log row, read with sqlite3 without writing a byte."""
    import sqlite3

    db = data_dir / "archive.sqlite3"
    conn = sqlite3.connect(db.resolve().as_uri() + "?immutable=1", uri=True)
    try:
        return conn.execute(
            "SELECT bundle_id, publisher_id, sequence, kind, added, updated, withdrawn,"
            " unchanged, outcome FROM import_log ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def archive_state(data_dir: Path) -> tuple[int, int, str]:
    """The archive file's mtime, size and hash: what "writes nothing" keeps."""
    db = data_dir / "archive.sqlite3"
    st = db.stat()
    return st.st_mtime_ns, st.st_size, hashlib.sha256(db.read_bytes()).hexdigest()
