"""Looking after the shared archive on PostgreSQL: check, backup with pg_dump, restore.

The SQLite archive is one file, copied and checked page by page
(db/backup.py). A server's database is the server's: a backup is what
PostgreSQL's own `pg_dump` writes (its custom format, compressed), kept in
this computer's data folder beside where SQLite's backups go, and a restore
is `pg_restore` of such a file in one transaction, under the import lock so
that no PC imports meanwhile.

A dump's name says whose it is and where it comes in the order dumps were
taken: ``server-<server and database>-<time>-g<generation>.dump``
(`dump_label`), so that a restore without a file name takes the newest dump
of *this* database, never one of another database this PC also backed up,
and pruning keeps each database's own newest dumps. The generation is one
more than the highest among that database's dumps in the folder, as
SQLite's backups are numbered (db/backup.py): the time is for people, and a
clock set wrong never decides which dump is newest. Dumps named before
dumps were numbered count as generation 0, after every numbered one, in
the order of their times. Before a restore
replaces the database, its state is dumped to ``replaced-…`` beside them,
as SQLite's restore keeps the file it replaces. The password never goes
on a command line, where any user of the computer could read it: the tools
get it in their environment (PGPASSWORD), as libpq reads it.

`check` asks the server what it can: the database answers, is at this
program's revision, and every table reads to its end (a damaged block is
an error there, XX001).
"""

from __future__ import annotations

import errno
import glob
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pathvalidate import sanitize_filename
from sqlalchemy import Engine, inspect, text

from db.server import (
    current_revision,
    display_url,
    engine_url,
    import_lock,
    telling_lock_waits,
)

BACKUP_DIR = "backups"
SUFFIX = ".dump"
#: How long a restore waits for an import on another PC to finish.
RESTORE_WAIT_S = 30.0
#: Dumps `backup` keeps of each database (older ones are deleted), as SQLite's backups.
KEEP = 5
STAMP = "%Y%m%d-%H%M%S"


class ToolMissing(Exception):
    """PostgreSQL's *tool* (pg_dump, pg_restore) is not installed here."""

    def __init__(self, tool: str) -> None:
        super().__init__(tool)
        self.tool = tool


class ToolFailed(Exception):
    """PostgreSQL's *tool* ran and failed; *reason* is the last line it wrote."""

    def __init__(self, tool: str, reason: str) -> None:
        super().__init__(f"{tool}: {reason}")
        self.tool = tool
        self.reason = reason


def find_tool(name: str) -> str:
    """The path of PostgreSQL's *name* (pg_dump, pg_restore): on PATH, or where
    Debian and the Windows installer put it (the newest version)."""
    found = shutil.which(name)
    if found:
        return found
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        roots = [os.environ.get("ProgramFiles", r"C:\Program Files")]
        patterns = [str(Path(root) / "PostgreSQL" / "*" / "bin" / f"{name}.exe") for root in roots]
    else:
        patterns = [f"/usr/lib/postgresql/*/bin/{name}"]
    candidates = [p for pattern in patterns for p in glob.glob(pattern)]

    def version(path: str) -> int:
        part = Path(path).parent.parent.name
        return int(part) if part.isdigit() else 0

    if candidates:
        return max(candidates, key=version)
    raise ToolMissing(name)


def libpq_url(url: str) -> str:
    """*url* as libpq (and so pg_dump) reads a connection string, without its
    password (`_run` passes that in the environment): `db.server.display_url`."""
    return display_url(url)


def dump_label(url: str) -> str:
    """The server and database of *url* as part of a file name: host (or socket
    folder), port and database, in characters every file system takes."""
    parsed = engine_url(url)
    host = parsed.host or str(parsed.query.get("host") or "") or "local"
    port = parsed.port or parsed.query.get("port") or ""
    raw = "_".join(str(part) for part in (host, port, parsed.database or "") if part)
    label = sanitize_filename(raw.replace("/", "_").replace("\\", "_"), replacement_text="_")
    return label.strip("_ .") or "server"


def _dump_pattern(url: str) -> re.Pattern[str]:
    # <time>, then -g<generation> (none before dumps were numbered), then -<n>
    # when two dumps would have had one name (`_unused`).
    label = re.escape(dump_label(url))
    return re.compile(
        rf"^server-{label}-(\d{{8}}-\d{{6}})(?:-g(\d+))?(?:-(\d+))?{re.escape(SUFFIX)}$"
    )


def _ordered(data_dir: Path, url: str) -> list[tuple[tuple[int, str, int], Path]]:
    """The dumps of the database at *url*, each with its place in the order, newest first."""
    folder = Path(data_dir) / BACKUP_DIR
    if not folder.is_dir():
        return []
    pattern = _dump_pattern(url)
    found = [
        # The generation first: the time comes from a clock that may have been
        # wrong, and only orders the dumps from before they were numbered.
        ((int(m.group(2) or 0), m.group(1), int(m.group(3) or 1)), p)
        for p in folder.iterdir()
        if (m := pattern.match(p.name)) and p.is_file()
    ]
    return sorted(found, reverse=True)


def list_dumps(data_dir: Path, url: str) -> list[Path]:
    """The dumps `backup` took of the database at *url*, newest first (see the module)."""
    return [p for _key, p in _ordered(data_dir, url)]


def generation(path: Path, url: str) -> int:
    """The place of the dump at *path* of the database at *url* in the order dumps were
    taken; 0 for one from before dumps were numbered (or not one of its dumps)."""
    found = _dump_pattern(url).match(Path(path).name)
    return int(found.group(2) or 0) if found else 0


def prune(data_dir: Path, url: str, keep: int = KEEP) -> list[Path]:
    """Delete the dumps of the database at *url* older than its newest *keep*; the deleted ones.

    The newest dump is never deleted, even with *keep* 0, as the newest
    verified SQLite backup is not: a dump is kept only once pg_dump finished.
    """
    removed = list_dumps(data_dir, url)[max(keep, 1) :]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _run(tool: str, args: list[str], url: str) -> None:
    env = dict(os.environ)
    # Messages as PostgreSQL writes them, whatever this computer's language.
    env["LC_MESSAGES"] = "C"
    password = engine_url(url).password
    if password is not None:
        env["PGPASSWORD"] = str(password)
    proc = subprocess.run(
        [find_tool(tool), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ToolFailed(tool, lines[-1] if lines else f"exit {proc.returncode}")


def _dump(url: str, target: Path) -> Path:
    """pg_dump of the database at *url* to *target*, written under a temporary
    name and renamed when pg_dump has finished: a half-written dump is never
    taken for a backup."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(target.name + ".partial")
    try:
        _run(
            "pg_dump",
            ["--format=custom", "--no-owner", f"--file={partial}", f"--dbname={libpq_url(url)}"],
            url,
        )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _unused(folder: Path, stem: str) -> Path:
    """*folder*/*stem*.dump, or *stem*-2.dump, -3… when taken: two dumps in one
    second never overwrite each other (a restore from the file just set aside)."""
    target = folder / f"{stem}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{SUFFIX}"
    return target


def take_backup(url: str, data_dir: Path, *, now: datetime | None = None) -> Path:
    """Dump the database at *url* with pg_dump into *data_dir*/backups; returns the file.

    *now* only names the file; its generation, one more than the highest of
    that database's dumps, orders it.
    """
    stamp = (now or datetime.now()).strftime(STAMP)
    folder = Path(data_dir) / BACKUP_DIR
    number = max((key[0] for key, _p in _ordered(data_dir, url)), default=0) + 1
    return _dump(url, _unused(folder, f"server-{dump_label(url)}-{stamp}-g{number}"))


def newest_backup(data_dir: Path, url: str) -> Path | None:
    """The newest dump of the database at *url* in *data_dir*/backups, or None."""
    found = list_dumps(data_dir, url)
    return found[0] if found else None


@dataclass(frozen=True)
class Restored:
    """What `restore` did: *replaced*, the dump of the state it replaced (None
    when the database could not be dumped: then it was damaged)."""

    replaced: Path | None
    replaced_failure: str | None = None


def restore(
    url: str,
    engine: Engine,
    source: Path,
    data_dir: Path,
    *,
    now: datetime | None = None,
    waiting: Callable[[str], None] | None = None,
) -> Restored:
    """Put the database at *url* back as the dump *source* holds it, all or nothing.

    Holds the import lock (no PC imports meanwhile). First dumps the state
    it replaces to ``replaced-<database>-<time>.dump`` in *data_dir*/backups;
    then pg_restore drops and recreates the archive's tables in one
    transaction. *waiting* is told once of each wait: "import" (another
    PC's), "sessions" (pg_restore behind another session's open transaction).
    """
    if not Path(source).is_file():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(source))

    def told(what: str) -> Callable[[], None]:
        return lambda: waiting(what) if waiting is not None else None

    stamp = (now or datetime.now()).strftime(STAMP)
    aside = _unused(Path(data_dir) / BACKUP_DIR, f"replaced-{dump_label(url)}-{stamp}")
    with import_lock(engine, wait_s=RESTORE_WAIT_S, waiting=told("import")):
        try:
            done = Restored(_dump(url, aside))
        except ToolFailed as exc:
            # A database pg_dump cannot read through is what a restore is for.
            done = Restored(None, exc.reason)
        with telling_lock_waits(engine, "pg_restore", told("sessions")):
            _run(
                "pg_restore",
                [
                    "--clean",
                    "--if-exists",
                    "--single-transaction",
                    "--no-owner",
                    f"--dbname={libpq_url(url)}",
                    str(source),
                ],
                url,
            )
    return done


@dataclass(frozen=True)
class ServerCheck:
    """What `check` found: the revision, and the rows read from every table."""

    revision: str | None
    rows: int


def check(engine: Engine) -> ServerCheck:
    """Read every table of the archive to its end; raises ArchiveError on damage."""
    total = 0
    with engine.connect() as conn:
        revision = current_revision(conn)
        for table in sorted(inspect(conn).get_table_names()):
            quoted = conn.dialect.identifier_preparer.quote(table)
            total += int(conn.execute(text(f"SELECT count(*) FROM {quoted}")).scalar() or 0)
    return ServerCheck(revision, total)
