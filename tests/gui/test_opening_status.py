"""What the status bar says while the window opens an archive, and that it ends.

`bangtin --demo` shows the window, then has the demo archive prepared on the
database thread and opened: "Đang chuẩn bị kho dữ liệu mẫu…", then "Đang mở
kho dữ liệu…", and nothing once the demo's notices are listed (the last
import and the freshness lines are shown again). A demo that cannot be
prepared says its one sentence instead. A change of language while an
archive opens says the step in the new language, and still ends it. The
demo asked for from the welcome page, as the office's archive is still being
described, keeps its message until the demo itself is open.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.messages import text
from desktop.paths import demo_data_dir
from desktop.tasks import Request
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import settings_for
from tests.helpers.dialogs import DialogStub
from tests.helpers.runner import SyncRunner
from tests.helpers.sample import shown_window

WAIT_MS = 30_000
PREPARING = {"vi": "Đang chuẩn bị kho dữ liệu mẫu…", "en": "Preparing the demo archive…"}
OPENING = {"vi": "Đang mở kho dữ liệu…", "en": "Opening the archive…"}
CANNOT_OPEN_DEMO = {"vi": "Không mở được kho dữ liệu mẫu", "en": "Cannot open the demo archive"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_demo_message_ends_once_the_demo_is_listed(
    qtbot: QtBot, data_dir: Path, demo_template: Path, lang: str
) -> None:
    demo = demo_data_dir(data_dir)
    shutil.copytree(demo_template, demo)  # `bangtin --demo` makes it before the window opens
    window = shown_window(qtbot, data_dir)
    window.set_language(lang)
    bar = window.statusBar()
    said: list[str] = []
    bar.messageChanged.connect(said.append)
    with qtbot.waitSignal(window.archive_ready, timeout=WAIT_MS):
        window.opener.open_demo()
        assert bar.currentMessage() == PREPARING[lang]
    assert window.archive_dir == demo
    model = window.list_model()
    assert model is not None and model.rowCount() > 0  # the demo's notices are listed
    assert bar.currentMessage() == ""
    assert said == [PREPARING[lang], OPENING[lang], ""]
    assert not window.update_label.isHidden()  # the last import, hidden behind a message
    window.shutdown()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_demo_that_cannot_be_prepared_says_why_instead(
    qtbot: QtBot, data_dir: Path, dialog_stub: DialogStub, lang: str
) -> None:
    demo = demo_data_dir(data_dir)
    demo.write_text("not a folder\n", encoding="utf-8")
    window = shown_window(qtbot, data_dir, interactive=True)
    window.set_language(lang)
    window.opener.open_demo()
    qtbot.waitUntil(lambda: dialog_stub.names() == ["show_error"], timeout=WAIT_MS)
    sentence = text("archive_not_a_folder", lang, path=demo)
    assert window.statusBar().currentMessage() == sentence
    ((_name, (_parent, title, said)),) = dialog_stub.calls
    assert (title, said) == (CANNOT_OPEN_DEMO[lang], sentence)
    assert window.archive_dir is None
    assert demo.read_text(encoding="utf-8") == "not a folder\n"
    window.shutdown()


def test_a_change_of_language_while_opening_says_the_step_anew_and_still_ends_it(
    qtbot: QtBot, populated: Path
) -> None:
    runner = SyncRunner()
    window = MainWindow(
        populated, runner=runner, settings=settings_for(populated), watch_volumes=False
    )
    runner.setParent(window)
    qtbot.addWidget(window)
    window.show()
    runner.holding = True  # the archive is being opened, as long as the test says
    window.start()
    bar = window.statusBar()
    assert bar.currentMessage() == OPENING["vi"]
    window.set_language("en")
    qtbot.waitUntil(lambda: bar.currentMessage() == OPENING["en"], timeout=WAIT_MS)
    runner.holding = False
    while runner.held:
        runner.release(runner.held[0])
    assert window.archive_dir == populated
    assert bar.currentMessage() == ""


def test_the_demo_asked_for_from_the_welcome_page_keeps_its_message_until_it_is_open(
    qtbot: QtBot, data_dir: Path, demo_template: Path
) -> None:
    shutil.copytree(demo_template, demo_data_dir(data_dir))
    runner = SyncRunner()
    window = MainWindow(data_dir, runner=runner, settings=settings_for(data_dir))
    runner.setParent(window)
    qtbot.addWidget(window)
    window.show()
    runner.holding = True
    window.start()  # the first start: an empty archive, and the welcome page

    def release_all_but(kept: Callable[[Request], bool]) -> None:
        while ready := [r for r in runner.held if not kept(r)]:
            runner.release(ready[0])

    def described(request: Request) -> bool:  # what kind of archive is open: asked last
        return request.slot is not None and request.slot[1] == "info"

    release_all_but(described)  # the empty archive is shown, not yet described
    assert window.welcome.isVisible() and [r for r in runner.held if described(r)]
    bar = window.statusBar()
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert bar.currentMessage() == PREPARING["vi"]
    prepare = runner.held[-1]
    release_all_but(lambda r: r is prepare)  # the office's archive described, the demo's not
    assert window.archive_dir == data_dir and bar.currentMessage() == PREPARING["vi"]
    runner.holding = False
    runner.release(prepare)
    assert window.archive_dir == demo_data_dir(data_dir)
    assert bar.currentMessage() == ""
