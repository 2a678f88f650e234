"""What the window's "Giới thiệu Bảng Tin" tells: whom the archive trusts, and its size.

`trusted` reads the database (its worker thread); `folder_size` walks the
archive's folder (the runner's files thread, as it may take a while on a
large archive).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.archive import Archive


@dataclass(frozen=True)
class TrustedPublisher:
    """One key the office trusts: the publisher's name and the key's fingerprint."""

    name: str
    key_id: str


def trusted(archive: Archive) -> tuple[TrustedPublisher, ...]:
    """The keys this office trusts now, oldest first."""
    from db import provenance

    with archive.reading() as session:
        keys = provenance.trusted_keys(session)
    return tuple(TrustedPublisher(name=key.name, key_id=key.key_id) for key in keys)


def folder_size(folder: Path) -> int:
    """The bytes of every file under *folder* (unreadable ones are skipped)."""
    total = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                continue
    return total
