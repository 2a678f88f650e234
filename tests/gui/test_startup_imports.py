"""The window paints, and shows its first content, before the database and rendering
libraries load.

On an old PC each of SQLAlchemy (~0.2 s), Markdown with nh3 and Alembic
costs the clerk a visibly later first paint. The window's modules import
none of them; the worker thread loads them when it opens the archive, after
it has read the counts and the first page with `sqlite3` alone (the first
look, db/firstlook.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.sample import populate

HEAVY = ("sqlalchemy", "alembic", "markdown", "nh3", "yaml", "cryptography", "openpyxl", "psycopg")
#: Our own modules the first screen does not use: loaded when their action is taken.
LATER = ("desktop.ops.receipts", "desktop.ui.receiptdialogs", "desktop.ui.trackingview")

PROBE = """
import json, sys
import desktop.ui.app
from desktop.ui.mainwindow import MainWindow
print(json.dumps(sorted(sys.modules)))
"""


def test_the_window_modules_import_no_database_or_markdown_library() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    modules = set(json.loads(done.stdout))
    loaded = {name.split(".")[0] for name in modules}
    assert "PySide6" in loaded  # the probe did import the window
    assert loaded.isdisjoint(HEAVY), sorted(loaded.intersection(HEAVY))
    assert modules.isdisjoint(LATER), sorted(modules.intersection(LATER))


LOOK = """
import json, sys
from pathlib import Path
import desktop.ui.app
from db import folders
from desktop.ops import reading
folders.THOROUGH_CHECK_BYTES = 0  # the sample archive is small
seen = reading.first_look(Path(sys.argv[1]))
loaded = sorted({name.split('.')[0] for name in sys.modules})
print(json.dumps([seen is not None and seen[1].total, loaded]))
"""


def test_the_first_look_loads_no_database_or_markdown_library(tmp_path: Path) -> None:
    populate(tmp_path / "kho")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", LOOK, str(tmp_path / "kho")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    total, loaded = json.loads(done.stdout)
    assert total == 3  # the first look did read the archive
    assert set(loaded).isdisjoint(HEAVY), sorted(set(loaded).intersection(HEAVY))
