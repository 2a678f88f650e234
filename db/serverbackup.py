"""Looking after the shared archive on PostgreSQL: check, backup with pg_dump, restore.

The SQLite archive is one file, copied and checked page by page
(db/backup.py). A server's database is the server's: a backup is what
PostgreSQL's own `pg_dump` writes (its custom format, compressed), kept in
this computer's data folder beside where SQLite's backups go, and a restore
is `pg_restore` of such a file in one transaction, under the import lock so
that no PC imports meanwhile. `check` asks the server what it can: the
database answers, is at this program's revision, and every table reads to
its end (a damaged block is an error there, XX001).
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from db.server import current_revision, engine_url, import_lock, telling_lock_waits

BACKUP_DIR = "backups"
SUFFIX = ".dump"
#: How long a restore waits for an import on another PC to finish.
RESTORE_WAIT_S = 30.0


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
    """*url* as libpq (and so pg_dump) reads a connection string: postgresql://…"""
    return engine_url(url).set(drivername="postgresql").render_as_string(False)


def _run(tool: str, args: list[str]) -> None:
    env = dict(os.environ)
    # Messages as PostgreSQL writes them, whatever this computer's language.
    env["LC_MESSAGES"] = "C"
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


def take_backup(url: str, data_dir: Path, *, now: datetime | None = None) -> Path:
    """Dump the database at *url* with pg_dump into *data_dir*/backups; returns the file.

    Written under a temporary name and renamed when pg_dump has finished, so
    that a half-written dump is never taken for a backup.
    """
    folder = Path(data_dir) / BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"server-{stamp}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    try:
        _run(
            "pg_dump",
            ["--format=custom", "--no-owner", f"--file={partial}", f"--dbname={libpq_url(url)}"],
        )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def newest_backup(data_dir: Path) -> Path | None:
    """The newest dump in *data_dir*/backups, or None."""
    found = sorted((Path(data_dir) / BACKUP_DIR).glob(f"server-*{SUFFIX}"))
    return found[-1] if found else None


def restore(
    url: str, engine: Engine, source: Path, *, waiting: Callable[[str], None] | None = None
) -> None:
    """Put the database at *url* back as the dump *source* holds it, all or nothing.

    Holds the import lock (no PC imports meanwhile); pg_restore drops and
    recreates the archive's tables in one transaction. *waiting* is told
    once of each wait: "import" (another PC's), "sessions" (pg_restore
    behind another session's open transaction).
    """
    if not Path(source).is_file():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(source))

    def told(what: str) -> Callable[[], None]:
        return lambda: waiting(what) if waiting is not None else None

    with (
        import_lock(engine, wait_s=RESTORE_WAIT_S, waiting=told("import")),
        telling_lock_waits(engine, "pg_restore", told("sessions")),
    ):
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
        )


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
