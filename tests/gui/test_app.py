"""The entry points: `screenshot` renders the real window; the demo archive opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from db import queries
from db.archive import open_archive
from desktop.tasks import TaskRunner
from desktop.ui.app import screenshot
from desktop.ui.mainwindow import READER_PAGE, WELCOME_PAGE, MainWindow
from desktop.ui.settings import settings_for
from tests.helpers.sample import WindowFactory, populate


def _views(data_dir: Path, notice_id: str) -> int:
    archive = open_archive(data_dir)
    with archive.reading() as session:
        detail = queries.get_notice(session, notice_id)
    archive.close()
    assert detail is not None
    return detail.views


def test_screenshot_renders_the_window_with_the_notice(
    qapp: object, populated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "shots" / "qd.png"
    code = screenshot(populated, out, notice_id="qd-118-2023", size=(1024, 700))
    assert code == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1024, 700)
    # Not a blank window: the list and the article put many colours on it.
    colours = {image.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 700, 16)}
    assert len(colours) > 5
    assert _views(populated, "qd-118-2023") == 0  # a screenshot is not a reading
    assert not (populated / "settings.ini").exists() or "geometry" not in (
        populated / "settings.ini"
    ).read_text(encoding="utf-8")


def test_screenshot_waits_for_the_related_notices(
    qapp: object, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Tin liên quan" is asked for after the article's first paint; the picture
    # must not be taken before it is filled.
    related: list[int] = []
    grab = MainWindow.grab

    def counting_grab(window: MainWindow, *args: Any) -> Any:
        related.append(window.related_panel.model.rowCount())
        return grab(window, *args)

    monkeypatch.setattr(MainWindow, "grab", counting_grab)
    out = tmp_path / "kh.png"
    assert screenshot(demo, out, notice_id="kh-54-2023", size=(1024, 700)) == 0
    assert len(related) == 1 and related[0] > 0


def test_screenshot_of_a_missing_notice_fails(
    qapp: object, populated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "none.png"
    assert screenshot(populated, out, notice_id="khong-co", size=(800, 600)) == 1
    assert not out.exists()


def test_screenshot_in_english(qapp: object, populated: Path, tmp_path: Path) -> None:
    out = tmp_path / "en.png"
    assert screenshot(populated, out, size=(800, 600), lang="en") == 0
    assert QImage(str(out)).width() == 800


def test_welcome_page_opens_the_demo_archive(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop.demo
    import desktop.paths

    demo_dir = tmp_path / "demo-data"
    monkeypatch.setattr(desktop.paths, "demo_data_dir", lambda *a: demo_dir)
    monkeypatch.setattr(desktop.demo, "ensure_demo_archive", lambda target: populate(target))
    window = make_window(data_dir)
    assert window.pages.currentIndex() == WELCOME_PAGE
    window.welcome.demo_button.click()
    assert window.pages.currentIndex() == READER_PAGE
    assert window.archive_dir == demo_dir
    assert window.opener.is_demo and "mẫu" in window.windowTitle()
    model = window.list_model()
    assert model is not None and model.rowCount() == 3
    # The office's own archive was not touched.
    archive = open_archive(data_dir)
    with archive.reading() as session:
        assert queries.count_notices(session) == 0
    archive.close()


def test_a_shown_window_paints_before_its_worker_opens_the_archive(
    qtbot: QtBot, populated: Path
) -> None:
    """Opening loads SQLAlchemy on the worker thread; the first paint comes first."""
    painted: list[bool] = []
    painted_at_open: list[bool] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    class RecordingRunner(TaskRunner):
        def open(self, owner: QObject, data_dir: Path, **kwargs: Any) -> None:
            painted_at_open.append(bool(painted))
            super().open(owner, data_dir, **kwargs)

    runner = RecordingRunner()
    window = MainWindow(
        populated, runner=runner, settings=settings_for(populated), watch_volumes=False
    )
    runner.setParent(window)
    qtbot.addWidget(window)
    watch = PaintWatch(window)
    window.installEventFilter(watch)
    window.show()
    window.start()
    assert painted_at_open == []  # not yet: the window has not painted
    qtbot.waitSignals([window.overview_ready, window.list_ready], timeout=10000).wait()
    assert painted_at_open == [True]
    assert window.archive_dir == populated
    window.shutdown()


def test_a_hidden_window_opens_the_archive_at_once(qtbot: QtBot, populated: Path) -> None:
    runner = TaskRunner()
    window = MainWindow(
        populated, runner=runner, settings=settings_for(populated), watch_volumes=False
    )
    runner.setParent(window)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.archive_ready, timeout=10000):
        window.start()
        # Said while the worker opens it (a rebuild of the index can take a while).
        assert window.statusBar().currentMessage() == "Đang mở kho dữ liệu…"
    assert window.archive_dir == populated
    assert window.statusBar().currentMessage() == ""
    window.shutdown()


class HeldFreshness(TaskRunner):
    """A real runner that keeps the freshness line's query back until `release`."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[QObject, Any, dict[str, Any]]] = []

    def query(self, owner: QObject, op: Any, **kwargs: Any) -> None:
        if kwargs.get("key") == "freshness":
            self.held.append((owner, op, kwargs))
            return
        super().query(owner, op, **kwargs)

    def release(self) -> None:
        held, self.held = self.held, []
        for owner, op, kwargs in held:
            super().query(owner, op, **kwargs)


def test_the_screenshot_waits_for_the_freshness_line(qtbot: QtBot, populated: Path) -> None:
    from desktop.ui.shotready import ShotReadiness

    runner = HeldFreshness()
    window = MainWindow(
        populated,
        runner=runner,
        settings=settings_for(populated),
        watch_volumes=False,
        remember=False,
        interactive=False,
    )
    runner.setParent(window)
    qtbot.addWidget(window)
    readiness = ShotReadiness(window)
    finished: list[bool] = []
    readiness.done.connect(finished.append)
    window.show()
    with qtbot.waitSignals(
        [window.overview_ready, window.list_ready, window.opener.opened], timeout=10000
    ):
        window.start()
    # Everything else is there; the status line does not yet say how fresh the archive is.
    assert runner.held and window.trust.freshness_label.text() == ""
    assert finished == [] and readiness.missing() == ["freshness"]
    with qtbot.waitSignal(readiness.done, timeout=10000) as done:
        runner.release()
    assert done.args == [True] and finished == [True]
    assert window.trust.freshness_label.text()  # in the picture taken now
    window.shutdown()
