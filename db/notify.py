"""Telling every PC on the shared archive what changed: PostgreSQL's NOTIFY and LISTEN.

A write that other PCs must see (an import, the register, receipts) calls
`announce` inside its own transaction: the server delivers the notice only
if the transaction commits, and at once to every listening connection, so
nobody polls the tables. The payload says what changed ("notices",
"register", "receipts") and which archive sent it, so that a PC does not
refresh twice for its own import.

`Listener` holds a connection of its own on a thread of its own, waits for
notices and hands each to a callback. When the connection breaks (the
server stopped, the network failed) it says so once, tries again every
`RETRY_S`, and says when it is back. A server that answers but refuses it
(a password changed, the user removed: db/refusal.py) is not tried again:
it says so once, and stops. Nothing here imports Qt; the task
runner (desktop/tasks.py) turns the callbacks into signals.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

from db.errors import ArchiveError, ErrorCode

log = logging.getLogger(__name__)

#: The channel every Bảng Tin on a database listens on.
CHANNEL = "bangtin_changes"
#: What an announcement may say changed.
KINDS = frozenset({"notices", "register", "receipts"})
#: Seconds between two attempts to reach a server that went away.
RETRY_S = 1.0
#: How long the listener waits on its socket before it looks whether it must stop.
WAIT_S = 0.5

#: What a server says when it answers but will not let this user into this database.
_REFUSALS = (ErrorCode.SERVER_LOGIN, ErrorCode.SERVER_NO_DATABASE)

_senders: weakref.WeakKeyDictionary[Pool, str] = weakref.WeakKeyDictionary()
_senders_lock = threading.Lock()


def sender(engine: Engine) -> str:
    """A name for the archive behind *engine*, unique on every PC (its announcements carry it).

    Kept by the engine's pool, which the archive's engine shares with the
    engines its writing sessions make (`execution_options`).
    """
    with _senders_lock:
        found = _senders.get(engine.pool)
        if found is None:
            found = _senders[engine.pool] = uuid.uuid4().hex
        return found


def announce(session: Session, *kinds: str) -> None:
    """Tell the other PCs, when this transaction commits, that *kinds* changed.

    Nothing on a SQLite archive: only this PC uses it.
    """
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    unknown = set(kinds) - KINDS
    if unknown:
        raise ValueError(f"unknown change kinds: {sorted(unknown)}")
    engine = bind if isinstance(bind, Engine) else bind.engine
    payload = json.dumps({"from": sender(engine), "kinds": sorted(set(kinds))})
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
    )


def heard_kinds(payload: str, own: str) -> frozenset[str]:
    """What an announcement says changed; nothing for one of our own, or one we cannot read."""
    try:
        data = json.loads(payload)
    except ValueError:
        return frozenset()
    if not isinstance(data, dict) or data.get("from") == own:
        return frozenset()
    kinds = data.get("kinds")
    if not isinstance(kinds, list):
        return frozenset()
    return frozenset(k for k in kinds if k in KINDS)


def _unreachable(exc: BaseException) -> bool:
    """Whether *exc* says the server cannot be reached (psycopg's errors, raw or wrapped)."""
    return isinstance(exc, DBAPIError | OSError) or type(exc).__module__.startswith("psycopg")


class Listener:
    """Listens for the other PCs' announcements on *engine*'s server, on a thread of its own.

    *heard(kinds)* is called for each announcement of another archive;
    *lost()* once when the connection broke, *back()* once when it works
    again; *refused(error)* once when the server refused to let it back in
    (an ArchiveError, SERVER_LOGIN or SERVER_NO_DATABASE), and then it
    stops. All are called on the listener's thread.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        heard: Callable[[frozenset[str]], None],
        lost: Callable[[], None],
        back: Callable[[], None],
        refused: Callable[[ArchiveError], None] | None = None,
        retry_s: float = RETRY_S,
    ) -> None:
        self._engine = engine
        self._own = sender(engine)
        self._heard = heard
        self._lost = lost
        self._back = back
        self._refused = refused
        self._retry_s = retry_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="bangtin-listen", daemon=True)
        self._conn: Any = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop listening; returns once the thread is done (within `WAIT_S`)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()

    def _connect(self) -> Any:
        """A psycopg connection of the listener's own, in autocommit, listening."""
        fairy = self._engine.raw_connection()
        conn = fairy.driver_connection
        fairy.detach()  # never back into the pool: it stays in LISTEN
        if conn is None:
            raise RuntimeError("the engine gave no driver connection")
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - a broken connection may fail to close; it is gone
                log.debug("closing a broken listener connection failed", exc_info=True)

    def _loop(self) -> None:
        broken = False
        refused_before: ErrorCode | None = None
        try:
            while not self._stop.is_set():
                if self._conn is None:
                    try:
                        self._conn = self._connect()
                    except Exception as exc:  # noqa: BLE001 - sorted by _unreachable
                        if not _unreachable(exc):
                            raise
                        log.debug("the listener could not connect: %s", exc)
                        refusal = self._refusal(exc)
                        if refusal is not None and refusal.code is refused_before:
                            # Refused twice running (not a server that came back between
                            # the attempt and the question): trying again would be refused
                            # again, every RETRY_S, for ever.
                            if self._refused is not None:
                                self._refused(refusal)
                                return
                        refused_before = None if refusal is None else refusal.code
                        if not broken:
                            broken = True
                            self._lost()
                        self._stop.wait(self._retry_s)
                        continue
                    refused_before = None
                    if broken:
                        broken = False
                        self._back()
                try:
                    self._wait()
                except Exception as exc:  # noqa: BLE001 - sorted by _unreachable
                    if not _unreachable(exc):
                        raise
                    log.info("the connection to the database server was lost: %s", exc)
                    self._close()
                    if not self._stop.is_set():
                        broken = True
                        self._lost()
        finally:
            self._close()

    def _refusal(self, exc: BaseException) -> ArchiveError | None:
        """*exc* as the server's refusal of this user or database; None for anything else."""
        from db.server import server_error

        url = self._engine.url.render_as_string(hide_password=False)
        found = server_error(exc, url)
        if found is None or found.code not in _REFUSALS:
            return None
        return found

    def _wait(self) -> None:
        for note in self._conn.notifies(timeout=WAIT_S):
            kinds = heard_kinds(note.payload, self._own)
            if kinds and not self._stop.is_set():
                self._heard(kinds)
