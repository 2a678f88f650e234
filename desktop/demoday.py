"""Which archive is the demo, and the day it is reckoned on: standard library only.

The window's database thread asks this of every archive it opens, before
the first counts are shown; `desktop.demo`, which builds the demo archive,
loads the bundle importer and the whole database layer, so it is not
imported for the question.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.archive import Archive

#: The demo's own today: its notices are from 2023, so validity and deadlines
#: are reckoned as of this day, whatever the clock says.
DEMO_TODAY = date(2023, 12, 28)

#: A file in the demo's folder that says it is the demo: the window's title, and
#: the refusal to import real bundles there, go by it. An office's archive
#: never has it, even one that trusts the demo key to try the demo bundle.
DEMO_MARKER = "demo-archive.txt"


def is_demo_archive(archive: Archive) -> bool:
    """Whether *archive* is a demo archive (made by `desktop.demo.ensure_demo_archive`)."""
    return is_demo_folder(archive.data_dir)


def is_demo_folder(data_dir: Path) -> bool:
    """Whether the archive in *data_dir* is a demo archive."""
    return (Path(data_dir) / DEMO_MARKER).is_file()


def archive_day(archive: Archive) -> date | None:
    """The day *archive* is reckoned on: DEMO_TODAY for the demo archive, else None (today)."""
    return folder_day(archive.data_dir)


def folder_day(data_dir: Path) -> date | None:
    """The day the archive in *data_dir* is reckoned on, as `archive_day` says it."""
    return DEMO_TODAY if is_demo_folder(data_dir) else None
