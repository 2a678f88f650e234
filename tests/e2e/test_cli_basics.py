"""The command itself: the network guard works, --version, usage errors exit 2."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.helpers.cli import TIMEOUT, Cli


def test_network_guard_catches_a_child_connecting(cli: Cli, tmp_path: Path) -> None:
    # Without this, "no subprocess tried the network" would be an empty promise.
    code = "import socket; socket.create_connection(('127.0.0.1', 9))"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=cli.env,
        cwd=tmp_path,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert proc.returncode != 0
    lines = cli.netguard_log.read_text("utf-8").splitlines()
    assert len(lines) == 1
    assert "create_connection(('127.0.0.1', 9))" in lines[0]
    with pytest.raises(AssertionError, match="tried the network"):
        cli.assert_no_network()


def test_network_guard_catches_name_lookups_and_raw_sockets(cli: Cli, tmp_path: Path) -> None:
    code = (
        "import socket\n"
        "a, b = socket.socketpair()  # local pairs stay allowed\n"
        "for attempt in (lambda: socket.getaddrinfo('example.org', 443),\n"
        "                lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM)):\n"
        "    try:\n"
        "        attempt()\n"
        "    except OSError:\n"
        "        pass\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=cli.env,
        cwd=tmp_path,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = cli.netguard_log.read_text("utf-8").splitlines()
    assert len(lines) == 2
    assert "getaddrinfo('example.org', 443)" in lines[0]
    assert "AF_INET6" in lines[1]


def test_network_guard_catches_a_database_server_given_by_address(cli: Cli) -> None:
    # libpq connects in C, with no name to look up for an address: the guard
    # checks psycopg's connect itself, in a fresh interpreter and a warm child.
    url = "postgresql://bangtin@127.0.0.1:9/kho"
    for cold in ("1", "0"):
        cli.netguard_log.unlink(missing_ok=True)
        cli.env["BANGTIN_TEST_COLD"] = cold
        with pytest.raises(AssertionError, match="tried the network"):
            cli("--database", url, "list")
        lines = cli.netguard_log.read_text("utf-8").splitlines()
        assert len(lines) == 1
        assert "database server 127.0.0.1:9" in lines[0]


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.stdout.strip() == f"bangtin {version('bangtin')}"


@pytest.mark.parametrize(
    "args",
    [
        ["import"],
        ["list", "--limit", "nhiều"],
        ["search", "lịch", "--from", "không-phải-ngày"],
        ["show", "x", "--json", "--html"],
    ],
)
def test_usage_errors_exit_2_with_one_vietnamese_sentence(
    cli: Cli, data_dir: Path, args: list[str]
) -> None:
    result = cli.fails(*args, code=2)
    assert result.stderr.startswith("Lệnh không đúng cú pháp:")
    if "--json" in args:  # a script asked for JSON: the error comes as JSON too
        assert result.json() == {"error": {"code": "usage", "message": result.err_lines[0]}}
    else:
        assert result.stdout == ""
    assert not data_dir.exists()


def test_usage_errors_in_english(cli: Cli) -> None:
    result = cli.fails("--lang", "en", "bundle", "frobnicate", code=2)
    assert result.stderr.startswith("Wrong command syntax:")
    assert "bangtin bundle --help" in result.stderr


def test_unknown_language_is_a_usage_error(cli: Cli) -> None:
    result = cli.fails("--lang", "fr", "list", code=2)
    assert result.stderr.startswith("Lệnh không đúng cú pháp:")
