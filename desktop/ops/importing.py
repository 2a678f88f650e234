"""Importing one bundle file into the open archive, as a write operation.

Progress and cancellation go through any object with `set_progress` and
`is_cancelled` (the window's throttled `desktop.tasks.TaskState`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop.ops.changes import NO_CHANGES, Changes, Written

if TYPE_CHECKING:
    from db.archive import Archive
    from desktop.bundles.importer import ImportResult


class Progress(Protocol):
    """Where a long operation reports how far it got, and learns it was cancelled."""

    def set_progress(self, stage: str, done: int, total: int) -> None: ...

    def is_cancelled(self) -> bool: ...


def import_file(archive: Archive, path: Path, progress: Progress) -> Written[ImportResult]:
    """Import the bundle at *path*; a bundle applied before changes nothing.

    The demo archive takes no bundle (BundleError DEMO_ARCHIVE).
    """
    from desktop.bundles.importer import import_bundle
    from desktop.demo import refuse_in_demo

    refuse_in_demo(archive)

    result = import_bundle(
        archive, path, progress=progress.set_progress, cancel=progress.is_cancelled
    )
    changes = Changes(notices=True) if result.status == "imported" else NO_CHANGES
    return Written(result, changes)
