"""Why a PostgreSQL server refused a connection, found without reading its message.

A connection the server refuses (a wrong password, a missing database)
gives no SQLSTATE: the refusal comes before there is a result to carry it,
and libpq only keeps the server's message, in the server's own language.
So a failed connection attempt (psycopg's OperationalError, with the
attempt's PGconn) is sorted by what libpq itself knows, and by asking the
server again:

- libpq says the server wanted a password and none was given
  (PQconnectionNeedsPassword): the login;
- libpq makes no attempt at all, the parameters being wrong (a bad sslmode,
  which it checks only when connecting): the address;
- the server does not answer a ping (PQping): it is not reached;
- the same user and password get into a database every server has
  ("postgres", else "template1"), and that database's catalogue has no
  database of the name asked for: the database is missing;
- otherwise the login: the user, the password, or a pg_hba.conf or a
  CONNECT privilege that does not let them into that database (which
  exists: the catalogue says so).

Only for a connection being opened: a failure on a connection in use has
its SQLSTATE (db/errors.py). Imports psycopg; called where it is loaded.
"""

from __future__ import annotations

from typing import Any

from db.errors import ErrorCode

#: The databases every PostgreSQL server has, asked for in this order.
_EVERY_SERVER = ("postgres", "template1")
#: How long each question may take (seconds).
_ASK_TIMEOUT_S = 10


def failed_attempt(exc: BaseException) -> Any | None:
    """The PGconn of the failed connection attempt behind *exc* (raw or wrapped), or None."""
    from psycopg import OperationalError, pq

    for candidate in (exc, getattr(exc, "orig", None)):
        if not isinstance(candidate, OperationalError):
            continue
        pgconn = candidate.pgconn
        if pgconn is not None and pgconn.status == pq.ConnStatus.BAD:
            return pgconn
    return None


def _params(pgconn: Any) -> dict[str, str]:
    """The parameters the attempt used (host, port, user, password, dbname…)."""
    return {
        option.keyword.decode(): option.val.decode()
        for option in pgconn.info
        if option.val is not None
    }


def _has_database(params: dict[str, str], name: str) -> bool | None:
    """Whether the server has a database *name*, asked through the database *params*
    name with the same login; None when that login does not get in there either."""
    import psycopg

    try:
        conn = psycopg.connect(**params)  # type: ignore[arg-type]
    except psycopg.OperationalError:
        return None
    try:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    except psycopg.Error:
        return None
    finally:
        conn.close()
    return found is not None


def refusal(exc: BaseException) -> ErrorCode | None:
    """What the failed connection attempt behind *exc* means (see the module); None if none."""
    from psycopg import pq
    from psycopg.conninfo import make_conninfo

    pgconn = failed_attempt(exc)
    if pgconn is None:
        return None
    if pgconn.needs_password:
        return ErrorCode.SERVER_LOGIN
    params = _params(pgconn)
    params["connect_timeout"] = str(_ASK_TIMEOUT_S)
    answer = pq.PGconn.ping(make_conninfo(**params).encode())
    if answer == pq.Ping.NO_ATTEMPT:
        # libpq refused the parameters themselves (a bad sslmode…) before any
        # attempt: the address is wrong, not the server.
        return ErrorCode.SERVER_URL
    if answer != pq.Ping.OK:
        return ErrorCode.SERVER_UNREACHABLE
    wanted = params.get("dbname") or params.get("user", "")
    for other in _EVERY_SERVER:
        if other == wanted:
            continue
        found = _has_database({**params, "dbname": other}, wanted)
        if found is not None:
            # In there, the catalogue confirms it: missing, or there and refused.
            return ErrorCode.SERVER_LOGIN if found else ErrorCode.SERVER_NO_DATABASE
    return ErrorCode.SERVER_LOGIN
