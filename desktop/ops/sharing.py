"""The office's shared archive on a PostgreSQL server, as the window's settings choose it.

`ServerChoice` is what the settings keep: host, port, database and user,
never the password. The password is kept in the OS keyring (the `keyring`
library: Windows Credential Manager, the Secret Service on Linux), under
the service `KEYRING_SERVICE` and the choice's `account`; when no keyring
can keep it, libpq still finds one in the user's ~/.pgpass.

`check_server` answers "Kiểm tra kết nối" with one `Verdict`. Nothing here
imports Qt; the dialog (desktop/ui/sharedarchive.py) runs it on the task
runner's thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: The keyring service the passwords are kept under.
KEYRING_SERVICE = "bangtin"
DEFAULT_PORT = 5432
#: How long "Kiểm tra kết nối" waits for a server before it counts as not answering.
CONNECT_TIMEOUT_S = 10


class Verdict(StrEnum):
    """What "Kiểm tra kết nối" found."""

    WORKS = "works"
    LOGIN = "login"  # wrong user name or password
    NO_HOST = "no_host"  # the host name is not known
    NO_DATABASE = "no_database"
    NOT_ANSWERING = "not_answering"  # nothing answers there (down, firewall, wrong port)


class PasswordNotKept(RuntimeError):
    """No OS keyring could keep the password (it is used for this session only)."""


@dataclass(frozen=True)
class ServerChoice:
    """Where the shared archive is: a PostgreSQL server, one database, one user."""

    host: str
    port: int
    database: str
    user: str

    @classmethod
    def from_url(cls, url: str) -> ServerChoice:
        """The server a PostgreSQL *url* names (`--database`, BANGTIN_DATABASE_URL).

        Raises ValueError when *url* is not a PostgreSQL URL.
        """
        from db.server import engine_url

        parsed = engine_url(url)
        host = parsed.host or parsed.query.get("host") or "localhost"
        if isinstance(host, tuple):
            host = host[0]
        return cls(
            host=host,
            port=parsed.port or DEFAULT_PORT,
            database=parsed.database or "",
            user=parsed.username or "",
        )

    @property
    def account(self) -> str:
        """The keyring's name for this user on this server's database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None) -> str:
        """The database's URL (with *password*, when given); a socket folder as host works too."""
        from sqlalchemy.engine import URL

        query = {}
        host: str | None = self.host
        if self.host.startswith("/"):
            query, host = {"host": self.host}, None
        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=password or None,
            host=host,
            port=None if host is None else self.port,
            database=self.database,
            query=query,
        ).render_as_string(hide_password=False)


def login_name() -> str:
    """The person at this PC as the OS knows them: whose read marks a shared archive keeps."""
    from db.people import login_name as os_login_name

    return os_login_name()


def stored_password(choice: ServerChoice) -> str | None:
    """The password the keyring keeps for *choice*, or None (then libpq tries ~/.pgpass)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, choice.account)
    except KeyringError:
        return None


def store_password(choice: ServerChoice, password: str) -> None:
    """Keep *password* for *choice* in the keyring (an empty one forgets it).

    Raises PasswordNotKept when no keyring can keep it: it is never written
    to the settings file instead.
    """
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, choice.account, password)
        else:
            try:
                keyring.delete_password(KEYRING_SERVICE, choice.account)
            except PasswordDeleteError:
                pass  # there was none
    except KeyringError as exc:
        raise PasswordNotKept(str(exc)) from exc


def server_url(choice: ServerChoice, password: str | None = None) -> str:
    """*choice*'s URL with *password*, or else the one the keyring keeps."""
    return choice.url(password if password else stored_password(choice))


def url_with_password(url: str) -> str:
    """*url* as given; with the keyring's password for its server when it names none.

    Without either, libpq still looks in the user's ~/.pgpass.
    """
    from db.server import engine_url

    parsed = engine_url(url)
    if parsed.password is not None:
        return url
    password = stored_password(ServerChoice.from_url(url))
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def resolves(host: str, port: int) -> bool:
    """Whether *host* is a name (or address, or socket folder) that can be reached at all."""
    if host.startswith("/"):
        return True
    # Here, not at the top: the window imports this module before its first paint.
    import ipaddress
    import socket

    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return False
    return True


def _params(choice: ServerChoice, password: str | None, database: str) -> dict[str, object]:
    params: dict[str, object] = {
        "host": choice.host,
        "port": choice.port,
        "dbname": database,
        "connect_timeout": CONNECT_TIMEOUT_S,
    }
    if choice.user:
        params["user"] = choice.user
    if password:
        params["password"] = password
    return params


def check_server(choice: ServerChoice, password: str | None) -> Verdict:
    """Connect to *choice* once, and say how it went (see `Verdict`).

    A refused connection carries no SQLSTATE and its message is in the
    server's language; so the verdict is found by asking, as every refused
    connection is sorted (db/refusal.py): does the name resolve, does libpq
    say a password was wanted, does the server answer a ping, do the same
    user and password get into a database every server has? Only connects:
    an empty database is fine (the window makes the archive there).
    """
    import psycopg

    from db.errors import ErrorCode
    from db.refusal import refusal

    if not resolves(choice.host, choice.port):
        return Verdict.NO_HOST
    if password is None:
        password = stored_password(choice)
    try:
        psycopg.connect(**_params(choice, password, choice.database)).close()  # type: ignore[arg-type]
    except psycopg.OperationalError as exc:
        verdicts = {
            ErrorCode.SERVER_LOGIN: Verdict.LOGIN,
            ErrorCode.SERVER_NO_DATABASE: Verdict.NO_DATABASE,
        }
        return verdicts.get(refusal(exc) or ErrorCode.SERVER_UNREACHABLE, Verdict.NOT_ANSWERING)
    return Verdict.WORKS
