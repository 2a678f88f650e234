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
- `pg_url`: a database of the test's own, at head and empty: copied from
  that template once, emptied after each test and used again (`DatabasePool`);
- `pg_world`: the session `world`'s template archive on PostgreSQL, which
  the `archive` fixture copies for tests marked `engines`
  (tests/helpers/fixtures.py).

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
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.helpers.bundles import World

URL_ENV = "BANGTIN_TEST_DATABASE_URL"
#: The cluster's superuser, whoever runs it.
SUPERUSER = "bangtin"
#: The user a cluster is run as when the tests run as root.
UNPRIVILEGED_USER = "nobody"
#: A role that must give its password (every other one is trusted on the
#: socket): the tests of a wrong password log in as it.
PASSWORD_USER = "bangtin_password"
PASSWORD = "mat-khau-dung"
#: pg_hba.conf of the test cluster: first match wins.
_HBA = f"local all {PASSWORD_USER} scram-sha-256\nlocal all all trust\n"

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
    hba = data / "pg_hba.conf"
    hba.write_text(_HBA, encoding="utf-8")
    if owner:
        os.chown(hba, int(owner["user"]), int(owner["group"]))  # type: ignore[call-overload]
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
    url = url_for(folder)
    admin_execute(url, f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")
    return url


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


def connect_params(url: str) -> dict[str, object]:
    """psycopg's connection parameters for *url*."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
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
    return params


def admin_execute(admin_url: str, *statements: str) -> None:
    """Run *statements* outside a transaction (CREATE/DROP DATABASE) on the admin database."""
    import psycopg

    with psycopg.connect(**connect_params(admin_url)) as conn:  # type: ignore[arg-type]
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
    # Allowed first: the socket guard may be in place already (this fixture
    # can be asked for from inside a test), and starting makes a role.
    ALLOWED_HOSTS.add(allowed_host(url_for(folder)))
    try:
        url = start_cluster(folder)
    except subprocess.CalledProcessError as exc:
        stop_cluster(folder)
        detail = (exc.stderr or b"").decode(errors="replace")
        pytest.fail(f"the test PostgreSQL cluster did not start: {detail}", pytrace=False)
    except PostgresMissing as exc:
        stop_cluster(folder)
        pytest.fail(str(exc), pytrace=False)
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


#: Every sequence of the database back to its start (a serial id's next value is 1).
_RESET_SEQUENCES = """
DO $$ DECLARE s record; BEGIN
  FOR s IN SELECT schemaname, sequencename FROM pg_sequences LOOP
    PERFORM setval(format('%I.%I', s.schemaname, s.sequencename), 1, false);
  END LOOP;
END $$
"""


class DatabasePool:
    """Databases migrated to head, each used by one test at a time and emptied after it.

    `CREATE DATABASE … TEMPLATE` takes most of a second on a busy machine;
    emptying a database's few rows (DELETE, the sequences reset) takes a few
    milliseconds. A database that cannot be emptied is dropped instead.
    """

    def __init__(self, admin_url: str, template: str, worker: str) -> None:
        self.admin_url = admin_url
        self.template = template
        self.worker = worker
        self.free: list[str] = []
        self.made: list[str] = []

    def take(self) -> str:
        """The name of an empty database at head that no test is using."""
        if self.free:
            return self.free.pop()
        name = unique_name("bangtin_test", self.worker)
        admin_execute(self.admin_url, f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self.made.append(name)
        return name

    def give_back(self, name: str) -> None:
        """Empty *name* and keep it for the next test (or drop it when that fails)."""
        import psycopg

        from db.models import Base

        # Connections a test left open would hold locks.
        admin_execute(
            self.admin_url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()",
        )
        from db.search.pgschema import TABLES as SEARCH_TABLES

        # The search index's tables are not models: emptied by name.
        deletes = [f'DELETE FROM "{t.name}"' for t in reversed(Base.metadata.sorted_tables)]
        deletes += [f'DELETE FROM "{name}"' for name in SEARCH_TABLES]
        try:
            with psycopg.connect(**connect_params(database_url(self.admin_url, name))) as conn:  # type: ignore[arg-type]
                conn.execute("SET lock_timeout = '5s'")
                for statement in (*deletes, _RESET_SEQUENCES):
                    conn.execute(statement)  # type: ignore[arg-type]
        except psycopg.Error:
            self.made.remove(name)
            admin_execute(self.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        self.free.append(name)

    def close(self) -> None:
        for name in self.made:
            admin_execute(self.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_pool(pg_server: str, pg_template: str, pg_worker: str) -> Iterator[DatabasePool]:
    """This session's (this worker's) pool of test databases."""
    pool = DatabasePool(pg_server, pg_template, pg_worker)
    try:
        yield pool
    finally:
        pool.close()


@contextmanager
def pooled_database(pool: DatabasePool) -> Iterator[str]:
    """An empty database at head for the block; yields its URL."""
    name = pool.take()
    try:
        yield psql_url(database_url(pool.admin_url, name))
    finally:
        pool.give_back(name)


@pytest.fixture
def pg_url(pg_pool: DatabasePool) -> Iterator[str]:
    """The URL of a database of this test's own, migrated to head and empty."""
    with pooled_database(pg_pool) as url:
        yield url


@dataclass(frozen=True)
class PgWorld:
    """The session `world`'s template archive on PostgreSQL: its rows and its local folder."""

    rows: dict[str, list[dict[str, Any]]]
    sequences: dict[str, int | None]
    data_dir: Path

    def load(self, url: str) -> None:
        """Put the world's rows into the empty database at *url*."""
        from sqlalchemy import create_engine, text

        from db.models import Base
        from db.search import pgindex

        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                for table in Base.metadata.sorted_tables:
                    if self.rows[table.name]:
                        conn.execute(table.insert(), self.rows[table.name])
                for name, value in self.sequences.items():
                    if value is not None:
                        conn.execute(text("SELECT setval(:s, :v)"), {"s": name, "v": value})
                # The search index is not a model's table: made again from the notices.
                pgindex.fill(conn)
        finally:
            engine.dispose()


@pytest.fixture(scope="session")
def pg_world(
    world: World, pg_pool: DatabasePool, tmp_path_factory: pytest.TempPathFactory
) -> PgWorld:
    """`world`'s template on PostgreSQL: trusts `world.keys`, has bundle1 applied."""
    from sqlalchemy import text

    from db.archive import open_archive
    from db.models import Base
    from desktop.bundles.importer import import_bundle
    from tests.helpers.bundles import trust

    folder = tmp_path_factory.mktemp("pg-world")
    with pooled_database(pg_pool) as url:
        archive = open_archive(folder, url=url)
        try:
            trust(archive, world.keys)
            import_bundle(archive, world.bundle1)
            with archive.engine.connect() as conn:
                rows = {
                    table.name: [dict(r._mapping) for r in conn.execute(table.select())]
                    for table in Base.metadata.sorted_tables
                }
                sequences = {
                    str(name): None if value is None else int(value)
                    for name, value in conn.execute(
                        text("SELECT sequencename, last_value FROM pg_sequences")
                    )
                }
        finally:
            archive.close()
    return PgWorld(rows, sequences, folder)


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
