"""A PostgreSQL cluster of one test module's own, which its tests may stop and start again.

The session's cluster (tests/helpers/postgres.py) is shared by every test
and must never go away; a test of a lost server uses this one. It also
asks for a password: the user `bangtin` (the superuser) still logs in
without one over its socket, `CLERK` only with `CLERK_PASSWORD`.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import postgres

CLERK = "vanthu"
CLERK_PASSWORD = "mật-khẩu-đúng"
DATABASE = "bangtin_office"

# Who may log in how: the superuser as before, every other user by password.
_HBA = "local all bangtin trust\nlocal all all scram-sha-256\n"


@dataclass
class OwnCluster:
    """A cluster in *folder*, listening on a socket there; `stop` and `start` it at will."""

    folder: Path

    @property
    def admin_url(self) -> str:
        return postgres.url_for(self.folder)

    @property
    def url(self) -> str:
        """The office database's URL, as the superuser (no password)."""
        return postgres.psql_url(postgres.database_url(self.admin_url, DATABASE))

    def new_database(self) -> str:
        """A new, empty database of the caller's own; returns its URL (as the superuser)."""
        name = postgres.unique_name("bangtin_own", "main")
        postgres.admin_execute(self.admin_url, f'CREATE DATABASE "{name}"')
        return postgres.psql_url(postgres.database_url(self.admin_url, name))

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [postgres.server_program("pg_ctl"), "--pgdata", str(self.folder / "data"), *args],
            env=postgres._env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=True,
            **postgres._as_owner(self.folder),  # type: ignore[arg-type]
        )

    def stop(self) -> None:
        """Stop the server as an administrator would: `pg_ctl stop` (fast: sessions are ended)."""
        self._pg_ctl("--mode", "fast", "--wait", "stop")

    def start(self) -> None:
        """Start the stopped server again, as it was."""
        options = (
            "-c listen_addresses='' "
            f"-c unix_socket_directories='{self.folder}' "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        self._pg_ctl(
            "--log", str(self.folder / "server.log"), "--options", options, "--wait", "start"
        )


@pytest.fixture(scope="module")
def own_cluster() -> Iterator[OwnCluster]:
    """A cluster of this module's own with an empty database `DATABASE` and the user `CLERK`."""
    folder = Path(tempfile.mkdtemp(prefix="bangtin-own-"))
    try:
        postgres.start_cluster(folder)
    except (subprocess.CalledProcessError, postgres.PostgresMissing) as exc:
        postgres.stop_cluster(folder)
        pytest.fail(f"a PostgreSQL cluster of the test's own did not start: {exc}", pytrace=False)
    cluster = OwnCluster(folder)
    postgres.admin_execute(
        cluster.admin_url,
        f"CREATE ROLE {CLERK} LOGIN PASSWORD '{CLERK_PASSWORD}'",
        f"CREATE DATABASE {DATABASE} OWNER {CLERK}",
    )
    # Restarted rather than reloaded: a reload takes effect some time later.
    (folder / "data" / "pg_hba.conf").write_text(_HBA, encoding="utf-8")
    cluster.stop()
    cluster.start()
    host = postgres.allowed_host(cluster.admin_url)
    postgres.ALLOWED_HOSTS.add(host)
    try:
        yield cluster
    finally:
        postgres.ALLOWED_HOSTS.discard(host)
        postgres.stop_cluster(folder)
