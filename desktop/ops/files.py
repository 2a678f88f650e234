"""File work that does not touch the archive's database: attachment copies, USB scans.

These run on the task runner's second executor (desktop/tasks.py), so a slow
USB stick never queues in front of a search.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from desktop.paths import BUNDLE_SUFFIX

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(name: str, fallback: str) -> str:
    """A file name that is safe on Windows and Linux alike."""
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    return cleaned or fallback


def copy_attachment(source: Path, name: str, temp_dir: Path) -> Path:
    """Copy an attachment out of the store so a viewer can open it.

    The viewer gets a read-only copy, never the store's file, so nothing can
    alter the archive.
    """
    if not source.is_file():
        raise FileNotFoundError(str(source))
    folder = temp_dir / source.name[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_file_name(name, source.name[:16])
    shutil.copyfile(source, target)
    os.chmod(target, 0o444)
    return target


def save_attachment(source: Path, target: Path) -> Path:
    """Save a copy of an attachment where the user chose."""
    if not source.is_file():
        raise FileNotFoundError(str(source))
    shutil.copyfile(source, target)
    return target


def find_bundles(root: Path) -> list[Path]:
    """Bundle files at the top of *root* and one folder down, sorted by name."""
    found: list[Path] = []
    try:
        top = sorted(root.iterdir())
    except OSError:
        return found
    for entry in top:
        try:
            if entry.is_file() and entry.suffix.lower() == BUNDLE_SUFFIX:
                found.append(entry)
            elif entry.is_dir() and not entry.name.startswith("."):
                for inner in sorted(entry.iterdir()):
                    if inner.is_file() and inner.suffix.lower() == BUNDLE_SUFFIX:
                        found.append(inner)
        except OSError:
            continue  # an unreadable folder on a stick is not an error
    return found
