"""The e2e tests' fork server (tests/helpers/forkserver.py) keeps each command's answer its own."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from tests.helpers import forkserver
from tests.helpers.cli import Cli


@pytest.fixture
def server(cli: Cli) -> Iterator[forkserver.Server]:
    started = forkserver.Server(cli.env)
    yield started
    started.stop()


def request(cli: Cli, *argv: str, timeout: float = 60.0) -> forkserver.Request:
    return forkserver.Request(argv, dict(cli.env), str(cli.cwd), False, timeout)


def test_a_command_past_its_time_is_killed_and_the_next_one_gets_its_own_answer(
    cli: Cli, server: forkserver.Server
) -> None:
    with pytest.raises(subprocess.TimeoutExpired):
        server.run(request(cli, "--version", timeout=1e-6))
    code, out, err = server.run(request(cli, "--lang", "en", "list", "--limit", "x"))
    assert code == 2
    assert out == b""
    assert b"--limit" in err
    code, out, _err = server.run(request(cli, "--version"))
    assert (code, out.decode().split()[0]) == (0, "bangtin")


def test_an_interrupted_wait_stops_the_server_so_no_answer_goes_astray(
    cli: Cli, server: forkserver.Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(forkserver, "_recv", interrupted)
    with pytest.raises(KeyboardInterrupt):
        server.run(request(cli, "--version"))
    assert server.proc.poll() is not None


def test_an_environment_read_at_start_gets_a_fresh_interpreter(cli: Cli) -> None:
    cli("--version")  # the server is started, with the tests' own environment
    same = forkserver.run(("--version",), cli.env, str(cli.cwd), unprivileged=False, timeout=60)
    assert same is not None or forkserver.cold(cli.env)
    other = dict(cli.env, PYTHONHASHSEED="1", LC_ALL="C.UTF-8")
    answer = forkserver.run(("--version",), other, str(cli.cwd), unprivileged=False, timeout=60)
    assert answer is None
