"""The window paints before the database and rendering libraries load.

On an old PC each of SQLAlchemy (~0.2 s), Markdown with nh3 and Alembic
costs the clerk a visibly later first paint. The window's modules import
none of them; the worker thread loads them when it opens the archive.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "markdown", "nh3", "yaml", "cryptography")

PROBE = """
import json, sys
import desktop.ui.app
from desktop.ui.mainwindow import MainWindow
loaded = sorted({name.split('.')[0] for name in sys.modules})
print(json.dumps(loaded))
"""


def test_the_window_modules_import_no_database_or_markdown_library() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    loaded = set(json.loads(done.stdout))
    assert "PySide6" in loaded  # the probe did import the window
    assert loaded.isdisjoint(HEAVY), sorted(loaded.intersection(HEAVY))
