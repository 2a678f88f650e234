"""A throwaway PostgreSQL cluster for the tests, and a database of its own for each test.

Either `BANGTIN_TEST_DATABASE_URL` names a server the run may use (`.ci/run`
starts one and sets it: a URL to its maintenance database, as a user who
may create databases), or the session starts a cluster itself: `initdb` in
a temporary folder, as an unprivileged user when the tests run as root
(initdb refuses root), listening only on a Unix socket in that folder, and
stopped at the end of the session.

- `pg_server`: the server's admin URL (session);
- `pg_template`: the name of a database migrated to head, made once per
  session (per pytest-xdist worker);
- `pg_url`: a fresh database copied from that template (`CREATE DATABASE …
  TEMPLATE`, about 0.1 s), dropped after the test.

Run as a program, it starts and stops a cluster for `.ci/run`:

    python -m tests.helpers.postgres start FOLDER   # prints the URL
    python -m tests.helpers.postgres stop FOLDER
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

URL_ENV = "BANGTIN_TEST_DATABASE_URL"
#: The cluster's superuser, whoever runs it.
SUPERUSER = "bangtin"
#: The user a cluster is run as when the tests run as root.
UNPRIVILEGED_USER = "nobody"

#: Hosts (socket folders, or host:port) the socket guard lets the tests reach.
ALLOWED_HOSTS: set[str] = set()


class PostgresMissing(RuntimeError):
    """PostgreSQL's server programs are not installed here."""


def server_program(name: str) -> str:
    """The path of PostgreSQL's *name* (initdb, pg_ctl): on PATH, or Debian's newest."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if candidates:
        return candidates[-1]
    raise PostgresMissing(
        f"PostgreSQL's {name} was not found: install the Debian package postgresql "
        "(./dev.sh setup does), or set BANGTIN_TEST_DATABASE_URL to a server the tests may use"
    )


def _as_owner(folder: Path) -> dict[str, object]:
    """subprocess arguments that run a program as the cluster's owner."""
    if os.geteuid() != 0:
        return {}
    owner = pwd.getpwnam(UNPRIVILEGED_USER)
    os.chown(folder, owner.pw_uid, owner.pw_gid)
    return {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}


def _env() -> dict[str, str]:
    # The server needs no HOME, and must not read the caller's PG* settings.
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}


def url_for(folder: Path, database: str = "postgres") -> str:
    """The URL of *database* on the cluster whose socket is in *folder*."""
    return f"postgresql://{SUPERUSER}@/{database}?host={folder}"


def start_cluster(folder: Path) -> str:
    """initdb and start a cluster in *folder* (made if missing); returns its admin URL.

    It listens on a Unix socket in *folder* only. Durability is switched off
    (fsync, full-page writes): the cluster is thrown away after the run.
    """
    folder.mkdir(parents=True, exist_ok=True)
    # Readable by all, so that a test that lowers root's rights still reaches
    # the socket; the data folder itself is 0700, as PostgreSQL requires.
    folder.chmod(0o755)
    owner = _as_owner(folder)
    data = folder / "data"
    run = {"env": _env(), "check": True, "stdin": subprocess.DEVNULL, **owner}
    subprocess.run(
        [
            server_program("initdb"),
            "--pgdata",
            str(data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
            "--no-instructions",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **run,  # type: ignore[arg-type]
    )
    options = (
        "-c listen_addresses='' "
        f"-c unix_socket_directories='{folder}' "
        "-c fsync=off -c full_page_writes=off -c synchronous_commit=off "
        "-c max_connections=100"
    )
    subprocess.run(
        [
            server_program("pg_ctl"),
            "--pgdata",
            str(data),
            "--log",
            str(folder / "server.log"),
            "--options",
            options,
            "--wait",
            "start",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **run,  # type: ignore[arg-type]
    )
    return url_for(folder)


def stop_cluster(folder: Path) -> None:
    """Stop the cluster in *folder* at once and remove the folder."""
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(
            [server_program("pg_ctl"), "--pgdata", str(data), "--mode", "immediate", "stop"],
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            **_as_owner(folder),  # type: ignore[arg-type]
        )
    shutil.rmtree(folder, ignore_errors=True)


def allowed_host(url: str) -> str:
    """The host (socket folder, or host:port) a URL reaches, as the socket guard compares it."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    host = parsed.query.get("host") or parsed.host or ""
    if isinstance(host, tuple):
        host = host[0]
    if host.startswith("/"):
        return str(Path(host))
    return f"{host}:{parsed.port or 5432}"


def psql_url(url: str) -> str:
    """*url* in the form SQLAlchemy opens with psycopg 3."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(False)


def admin_execute(admin_url: str, *statements: str) -> None:
    """Run *statements* outside a transaction (CREATE/DROP DATABASE) on the admin database."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(admin_url)
    params: dict[str, object] = {"dbname": parsed.database or "postgres", "autocommit": True}
    if parsed.username:
        params["user"] = parsed.username
    if parsed.password:
        params["password"] = parsed.password
    host = parsed.query.get("host") or parsed.host
    if host:
        params["host"] = host if isinstance(host, str) else host[0]
    if parsed.port:
        params["port"] = parsed.port
    with psycopg.connect(**params) as conn:  # type: ignore[arg-type]
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


def database_url(admin_url: str, name: str) -> str:
    """The URL of database *name* on the server of *admin_url*."""
    from sqlalchemy.engine import make_url

    return make_url(admin_url).set(database=name).render_as_string(False)


def unique_name(prefix: str, worker: str) -> str:
    """A database name no other test or pytest-xdist worker uses."""
    return f"{prefix}_{worker}_{uuid.uuid4().hex[:12]}".lower()


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The admin URL of a PostgreSQL server the tests may use (see the module)."""
    given = os.environ.get(URL_ENV)
    if given:
        ALLOWED_HOSTS.add(allowed_host(given))
        yield given
        return
    # Not under tmp_path_factory: pytest makes that 0700 for root, and the
    # cluster runs as another user. A short path, too: a socket's path has
    # at most 107 bytes.
    folder = Path(tempfile.mkdtemp(prefix="bangtin-pg-"))
    try:
        url = start_cluster(folder)
    except subprocess.CalledProcessError as exc:
        stop_cluster(folder)
        detail = (exc.stderr or b"").decode(errors="replace")
        pytest.fail(f"the test PostgreSQL cluster did not start: {detail}", pytrace=False)
    except PostgresMissing as exc:
        stop_cluster(folder)
        pytest.fail(str(exc), pytrace=False)
    ALLOWED_HOSTS.add(allowed_host(url))
    try:
        yield url
    finally:
        ALLOWED_HOSTS.discard(allowed_host(url))
        stop_cluster(folder)


@pytest.fixture(scope="session")
def pg_template(
    pg_server: str, pg_worker: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database migrated to head, which each test's database copies."""
    from db.archive import open_archive

    name = unique_name("bangtin_template", pg_worker)
    admin_execute(pg_server, f'CREATE DATABASE "{name}"')
    url = psql_url(database_url(pg_server, name))
    open_archive(tmp_path_factory.mktemp("pg-template"), url=url).close()
    try:
        yield name
    finally:
        admin_execute(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server: str, pg_template: str, pg_worker: str) -> Iterator[str]:
    """The URL of a database of this test's own, migrated to head and empty."""
    name = unique_name("bangtin_test", pg_worker)
    admin_execute(pg_server, f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    try:
        yield psql_url(database_url(pg_server, name))
    finally:
        admin_execute(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_empty_url(pg_server: str, pg_worker: str) -> Iterator[str]:
    """The URL of an empty database of this test's own (no tables at all)."""
    name = unique_name("bangtin_empty", pg_worker)
    admin_execute(pg_server, f'CREATE DATABASE "{name}"')
    try:
        yield psql_url(database_url(pg_server, name))
    finally:
        admin_execute(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_worker(request: pytest.FixtureRequest) -> str:
    """pytest-xdist's worker name ("gw0"…), or "main" without it."""
    config = request.config
    worker = getattr(config, "workerinput", {}).get("workerid")
    return str(worker) if worker else "main"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python -m tests.helpers.postgres start|stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "stop":
        stop_cluster(folder)
        return 0
    try:
        print(start_cluster(folder))
    except PostgresMissing as exc:
        print(exc, file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        sys.stderr.write((exc.stderr or b"").decode(errors="replace"))
        stop_cluster(folder)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
