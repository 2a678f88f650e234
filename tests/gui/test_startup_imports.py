"""The window paints, and shows its first content, before the database and rendering
libraries load.

On an old PC each of SQLAlchemy (~0.2 s), Markdown with nh3 and Alembic
costs the clerk a visibly later first paint. The window's modules import
none of them; the worker thread loads them when it opens the archive, after
it has read the counts and the first page with `sqlite3` alone (the first
look, db/firstlook.py). The office's register, to-do and "Lược đồ" views are
not on the first screen: their modules load when their tab is first shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.ui.articletabs import RELATIONS_TAB
from desktop.ui.office import TODO_TAB
from tests.helpers.sample import WindowFactory, populate

HEAVY = ("sqlalchemy", "alembic", "markdown", "nh3", "yaml", "cryptography", "openpyxl", "psycopg")
#: Our own modules the first screen does not use: loaded when their action is taken.
LATER = (
    "desktop.ops.receipts",
    "desktop.ui.receiptdialogs",
    "desktop.ui.trackingview",
    "desktop.ops.backup",
    "desktop.ui.trustedkeys",
    "desktop.ui.settingsdialog",
)

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
print(json.dumps([seen is not None and seen[1].total, sorted(sys.modules)]))
"""
#: Our own modules the look does without: the other records (db/summaries.py has the
#: first screen's), and the errors' codes (the look gives None, the open says why).
LOOK_WITHOUT = ("db.records", "db.errors")


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
    total, modules = json.loads(done.stdout)
    assert total == 3  # the first look did read the archive
    loaded = {name.split(".")[0] for name in modules}
    assert loaded.isdisjoint(HEAVY), sorted(loaded.intersection(HEAVY))
    assert set(modules).isdisjoint(LOOK_WITHOUT), sorted(set(modules).intersection(LOOK_WITHOUT))


#: The office views (desktop/ui/office.py): imported when their tab is first shown.
OFFICE_VIEWS = (
    "desktop.ui.registerview",
    "desktop.ui.registermodel",
    "desktop.ui.todoview",
    "desktop.ui.relationsview",
)
#: What the first paint does not need, loaded when first used: sockets (checking a
#: server), pathvalidate (saving a file), the trusted keys, "Giới thiệu", what kind
#: of archive is open (after it is opened), the screenshot's readiness, the find bar
#: (Ctrl+F), the help and the welcome page (shown for an empty archive); the first
#: look (asked for after the paint: desktop/ui/firstlook.py), the records it and the
#: archive give (17 dataclasses), the banners and relation groups of an opened notice;
#: `html` (escaping the hint and a search's suggestion) and `importlib.resources`
#: (the resources folder is the package's own: desktop/paths.py).
AFTER_PAINT = (
    "html",
    "importlib.resources",
    "db.firstlook",
    "db.records",
    "desktop.render.office",
    "desktop.ui.findbar",
    "desktop.ui.helpdialogs",
    "desktop.ui.welcome",
    "socket",
    "pathvalidate",
    "desktop.ops.trust",
    "desktop.ops.about",
    "desktop.ops.archiveinfo",
    "desktop.ui.shotready",
)

#: Qt classes the first paint does not name from Python: PySide6 makes a class's
#: Python type, with every enum it has, when it is first named, and QStyle's
#: (hundreds of values) cost more than the rest of a view. The rows' painting names
#: them (desktop/ui/badges.py), and a click on a panel asks the style; message boxes,
#: file and progress dialogs (desktop/ui/dialogs.py) and the settings' and trusted
#: keys' dialogs name theirs when they are opened.
TYPES_AFTER_PAINT = (
    "QStyle",
    "QStyleOptionViewItem",
    "QMessageBox",
    "QFileDialog",
    "QProgressDialog",
    "QDialogButtonBox",
    "QTreeWidget",
    "QFormLayout",
)

PAINT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QEventLoop, QObject
from desktop.ui import app
from desktop.ui.mainwindow import MainWindow

class FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.modules = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.modules is None:
            self.modules = sorted(sys.modules)
            self.types = sorted(vars(sys.modules["PySide6.QtWidgets"]))
            loop.quit()
        return False

qapp = app._application()
loop = QEventLoop()
window = MainWindow(Path(sys.argv[1]), watch_volumes=False, remember=False, interactive=False)
first = FirstPaint()
window.installEventFilter(first)
window.show()
window.start()
if first.modules is None:
    loop.exec()
window.shutdown()
print(json.dumps([first.modules, first.types]))
"""


def test_the_window_paints_before_the_office_views_are_imported(tmp_path: Path) -> None:
    populate(tmp_path / "kho")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("BANGTIN_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", PAINT, str(tmp_path / "kho")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    painted_modules, made_types = json.loads(done.stdout)
    modules = set(painted_modules)
    assert "desktop.ui.office" in modules  # the window with its office tabs was painted
    assert modules.isdisjoint(OFFICE_VIEWS), sorted(modules.intersection(OFFICE_VIEWS))
    assert modules.isdisjoint(AFTER_PAINT), sorted(modules.intersection(AFTER_PAINT))
    types = set(made_types)
    assert "QMainWindow" in types  # PySide6 shows the Qt types it has made
    assert types.isdisjoint(TYPES_AFTER_PAINT), sorted(types.intersection(TYPES_AFTER_PAINT))


def test_the_office_views_are_built_when_first_shown_and_counted_before(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    office = window.office
    tabs = office.article_tabs
    assert tabs is not None
    pages = (office.register_page, office.todo_page, tabs.relations_page)
    assert [page.view for page in pages] == [None, None, None]
    # The counts on the tabs and in the status bar are right before their views exist.
    assert office.tabs.tabText(TODO_TAB) == "Việc cần làm (3)"
    assert "Việc cần làm: 3" in office.todo_label.text()
    with qtbot.waitSignal(window.article_ready):
        window.open_notice("kh-412-2023")
    assert tabs.tabText(RELATIONS_TAB) == "Lược đồ (1)"
    assert tabs.relations_page.view is None
    # Each is built, loaded and shown the first time its tab is.
    office.action("registerViewAction").trigger()
    assert office.register_page.view is office.register
    assert office.register.isVisibleTo(window) and office.register.model.rowCount() > 0
    office.action("todoViewAction").trigger()
    assert office.todo_page.view is office.todo and office.todo.isVisibleTo(window)
    assert office.todo.model.rowCount() == 3
    office.action("relationsViewAction").trigger()
    assert tabs.relations_page.view is office.relations
    assert office.relations.isVisibleTo(window)
    assert office.relations.model.item(0).text() == "Văn bản thay thế (1)"
    assert tabs.tabText(RELATIONS_TAB) == "Lược đồ (1)"
