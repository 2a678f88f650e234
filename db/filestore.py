"""Attachments' content in the shared archive's database, so that every PC can open them.

A SQLite archive keeps each attachment as a file in its data folder, named
by its sha256 (`Archive.file_path`). A PostgreSQL archive is used by every
PC of the office, and a file kept only in the importing PC's folder could
not be opened anywhere else. There the content also goes into the table
``stored_file`` (db/models.py), written by `keep` in the same transaction
as the rows that name it: an import killed halfway leaves neither.

The data folder's store is then this PC's copy: `local_copy` fetches a file
from the database into it the first time this PC needs it (to show, open,
save or print), checked against its sha256. On SQLite both do nothing more
than the file store does.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from db.errors import ArchiveError, ErrorCode
from db.folders import fsync_dir, make_private_dir
from db.models import Attachment, OfficeReport, ReceiptReport, StoredFile

if TYPE_CHECKING:
    from db.archive import Archive


def _on_server(conn: Session | Connection) -> bool:
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    return bind.dialect.name == "postgresql"


def keep(session: Session | Connection, files: Mapping[str, Path]) -> int:
    """Write the *files* (sha256 → a file with that content) the database lacks.

    In the caller's transaction; on a SQLite archive nothing. Returns how
    many were written. One file is read into memory at a time.
    """
    if not files or not _on_server(session):
        return 0
    present = set(
        session.execute(select(StoredFile.sha256).where(StoredFile.sha256.in_(list(files))))
        .scalars()
        .all()
    )
    written = 0
    for sha, path in files.items():
        if sha in present:
            continue
        content = Path(path).read_bytes()
        session.execute(
            pg_insert(StoredFile)
            .values(sha256=sha, size=len(content), content=content)
            .on_conflict_do_nothing(index_elements=["sha256"])
        )
        written += 1
    return written


def named_files(conn: Session | Connection) -> set[str]:
    """The sha256 of every file the archive's rows name: attachments, and reports."""
    found: set[str] = set()
    for column in (Attachment.sha256, OfficeReport.sha256, ReceiptReport.sha256):
        found.update(conn.execute(select(column).distinct()).scalars())
    return found


def stored_count(conn: Session | Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(StoredFile)).scalar() or 0)


def _fetch(archive: Archive, sha: str) -> bytes | None:
    with archive.reading() as session:
        return session.execute(
            select(StoredFile.content).where(StoredFile.sha256 == sha)
        ).scalar_one_or_none()


def local_copy(archive: Archive, sha: str) -> Path:
    """The attachment *sha* as a file on this PC (see the module).

    The store's own file; on a shared archive, fetched from the database
    first when this PC does not have it yet. A file neither has is not
    there, as in a store that lost it: the caller finds no file.
    """
    path = archive.file_path(sha)
    if path.is_file() or not archive.on_server:
        return path
    content = _fetch(archive, sha)
    if content is None:
        return path
    if hashlib.sha256(content).hexdigest() != sha:
        raise ArchiveError(ErrorCode.DAMAGED, f"stored file {sha} does not match its sha256")
    make_private_dir(path.parent)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".fetch-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    return path


def local_copies(archive: Archive, shas: Iterable[str]) -> dict[str, Path]:
    """`local_copy` of each of *shas*, by sha256."""
    return {sha: local_copy(archive, sha) for sha in shas}


#: The tables whose rows name files of the store (by sha256), and that column.
_NAMING = (("attachment", "sha256"), ("office_report", "sha256"), ("receipt_report", "sha256"))


def lost_in_folder(data_dir: Path, db_path: Path) -> list[str]:
    """The files a PC's archive names that its store lacks or holds damaged, sorted.

    Reads the SQLite file at *db_path* read-only (no migration, nothing
    written) and every named file in *data_dir*'s store whole, checking its
    sha256: what `bangtin check` adds to the database's own check.
    """
    import sqlite3

    from db.archive import FILES_DIR

    uri = Path(db_path).resolve().as_uri()
    named: set[str] = set()
    # As `db.backup.check_file` reads it: a folder that may not be written
    # cannot hold the -shm that mode=ro needs, and is read as immutable.
    for query in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{query}", uri=True, timeout=30)
            try:
                found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
                for table, column in _NAMING:
                    if table in found:
                        rows = conn.execute(f"SELECT DISTINCT {column} FROM {table}")
                        named.update(r[0] for r in rows)
            finally:
                conn.close()
            break
        except sqlite3.OperationalError:
            if query == "immutable=1":
                raise
    return [
        sha
        for sha in sorted(s for s in named if isinstance(s, str))
        if not holds(Path(data_dir) / FILES_DIR / sha[:2] / sha, sha)
    ]


def holds(path: Path, sha: str) -> bool:
    """Whether the file at *path* is there, readable, and its content has the sha256 *sha*."""
    try:
        with Path(path).open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest() == sha
    except OSError:
        return False
