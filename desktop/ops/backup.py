"""A backup the clerk asks for (Tệp → "Sao lưu kho dữ liệu"), on either engine.

The same backup `bangtin backup` takes: a verified copy of the SQLite file
(db/backup.py), or pg_dump of the shared archive (db/serverbackup.py), then
the oldest pruned. It holds the archive's write lock while it works, so it
never races an import (which takes and prunes backups of its own): an
import running in another program makes it fail at once as busy. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.archive import Archive


@dataclass(frozen=True)
class BackedUp:
    """What a backup made: the file, how many old ones it removed, and the most kept.

    `on_server`: a pg_dump of the shared archive `where` (else a SQLite copy).
    """

    path: Path
    pruned: int
    keep: int
    on_server: bool
    where: str


def back_up(
    archive: Archive, *, wait_s: float = 0.0, waiting: Callable[[], None] | None = None
) -> BackedUp:
    """Back up *archive* into its data folder's `backups/` and prune the oldest.

    While another program imports, waits up to *wait_s* seconds for it
    (telling *waiting* once), as an import waits for another.
    Raises ArchiveError(READ_ONLY) for an archive that may only be read,
    (BUSY) when the import did not end in time; BackupError, OSError,
    serverbackup.ToolMissing/ToolFailed as the engine's backup does. A
    failure leaves the archive and the backups as they were.
    """
    from db.errors import ArchiveError, ErrorCode

    if archive.read_only:
        raise ArchiveError(ErrorCode.READ_ONLY, path=archive.where)
    with archive.write_lock(wait_s=wait_s, waiting=waiting):
        if archive.url is not None:
            return _server_backup(archive, archive.url)
        return _file_backup(archive)


def _file_backup(archive: Archive) -> BackedUp:
    from db import backup

    before = set(backup.list_backups(archive.data_dir))
    made = backup.take_backup(archive.data_dir)
    pruned = len(before - set(backup.list_backups(archive.data_dir)))
    return BackedUp(made, pruned, backup.KEEP, False, archive.where)


def _server_backup(archive: Archive, url: str) -> BackedUp:
    from db import serverbackup

    made = serverbackup.take_backup(url, archive.data_dir)
    pruned = serverbackup.prune(archive.data_dir, url)
    return BackedUp(made, len(pruned), serverbackup.KEEP, True, archive.where)
