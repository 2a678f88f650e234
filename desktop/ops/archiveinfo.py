"""What kind of archive is open: the office's own or the demo, writable or read-only.

The window asks once an archive is open, for its title, its read-only
banner and the way back from the demo (Tệp → Mở kho dữ liệu của đơn vị).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.archive import Archive


@dataclass(frozen=True)
class ArchiveInfo:
    """The open archive's folder; whether it may only be read; whether it is the demo."""

    data_dir: Path
    read_only: bool
    demo: bool


def archive_info(archive: Archive) -> ArchiveInfo:
    """What the window says about *archive* (see the module docstring)."""
    from desktop.demoday import is_demo_archive

    return ArchiveInfo(archive.data_dir, archive.read_only, is_demo_archive(archive))
