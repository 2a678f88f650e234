"""The build's anchor (the folder zipped) and a trusted archive to import into.

The import's anchor, the bare import, is in bench/bare.py.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

from db import store
from db.archive import Archive, open_archive
from desktop.bundles import keys


def zip_folder(src: Path, out: Path) -> None:
    """The anchor of build: every file of the folder deflated into one zip."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(src.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(src).as_posix())


def trusted_archive(folder: Path, public_key: Path) -> Archive:
    archive = open_archive(folder)
    raw, _comment = keys.load_public_key(public_key)
    with archive.writing() as session:
        store.add_trusted_key(session, keys.key_id(raw), raw, "bench", datetime.now(UTC))
    return archive
