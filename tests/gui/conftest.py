"""Fixtures for the window's tests: archives built with db.store, and windows on them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.tasks import TaskRunner
from desktop.ui import i18n
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import settings_for
from tests.helpers.runner import SyncRunner
from tests.helpers.sample import WindowFactory, index_archive, populate


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns whenever a top-level window gets size
    # constraints (any window with a layout); that is not a problem of ours.
    for item in items:
        if "tests/gui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def vietnamese_again() -> Iterator[None]:
    """A test that switches to English must not leave the next one in English."""
    yield
    if i18n.current_language() != "vi":
        i18n.install_language("vi")


@pytest.fixture
def populated(data_dir: Path) -> Path:
    populate(data_dir)
    return data_dir


@pytest.fixture
def make_window(qtbot: QtBot) -> WindowFactory:
    """Open a window on a data dir; synchronous runner unless `threaded=True`."""

    def make(
        data_dir: Path, *, threaded: bool = False, lang: str = "vi", **kwargs: object
    ) -> MainWindow:
        runner = TaskRunner() if threaded else SyncRunner()
        window = MainWindow(
            data_dir,
            runner=runner,
            settings=settings_for(data_dir),
            lang=lang,
            watch_volumes=bool(kwargs.pop("watch_volumes", False)),
            **kwargs,  # type: ignore[arg-type]
        )
        runner.setParent(window)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        if threaded:
            with qtbot.waitSignals([window.overview_ready, window.list_ready], timeout=10000):
                window.start()
        else:
            window.start()
        return window

    return make


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped demo archive, made once; tests copy it (`demo`), never change it."""
    from desktop.demo import ensure_demo_archive

    path = tmp_path_factory.mktemp("demo-template") / "demo"
    ensure_demo_archive(path)
    return path


@pytest.fixture
def demo(demo_template: Path, data_dir: Path) -> Path:
    """A copy of the demo archive (every office field, its day DEMO_TODAY) in the data dir."""
    shutil.copytree(demo_template, data_dir)
    return data_dir


@pytest.fixture
def indexed(data_dir: Path) -> Path:
    populate(data_dir)
    index_archive(data_dir)
    return data_dir
