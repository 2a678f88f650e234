"""Getting out of a damaged archive: restore the newest backup, or start a new one.

Runs on the database worker while no archive is open, or closes the open
one first (`recover_open`: its pages were found damaged while in use).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from db.archive import Archive

Choice = Literal["restore", "new"]


@dataclass(frozen=True)
class Recovered:
    """What recovery did: the backup restored ("" when starting anew), and
    where the damaged file was put aside (None when there was none)."""

    backup_name: str
    set_aside: Path | None


def recover(data_dir: Path, choice: Choice) -> Recovered:
    """Restore the newest backup of *data_dir*, or put the damaged file aside."""
    from db import backup

    if choice == "restore":
        done = backup.restore(data_dir)
        return Recovered(done.source.name, done.set_aside)
    return Recovered("", backup.start_new(data_dir))


def recover_open(archive: Archive, choice: Choice) -> Recovered:
    """Close *archive*, whose pages were found damaged while open, then `recover` it."""
    archive.close()
    return recover(archive.data_dir, choice)
