"""Opening a notice in a window whose database work runs on its own thread.

The article comes first, already showing the view it is about to count;
the view is written and the panels are filled once it is painted, and a
view is never lost, nor counted twice, however fast notices are opened or
the window is closed.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.ui.mainwindow import MainWindow
from tests.helpers.sample import WindowFactory, stored_notice

QD118 = "qd-118-2023"


def views_in_archive(data_dir: Path, notice_id: str) -> int:
    return stored_notice(data_dir, notice_id).views


def settled(window: MainWindow) -> bool:
    """The panels of the notice shown are filled and the worker has nothing left."""
    return window.related_panel.model.rowCount() > 0 and not window.runner.busy()


def test_the_article_comes_first_and_the_view_and_panels_follow(
    make_window: WindowFactory, populated: Path, qtbot: QtBot
) -> None:
    window = make_window(populated, threaded=True)
    when_shown: dict[str, object] = {}

    def shown(notice_id: str) -> None:
        when_shown["text"] = window.browser.toPlainText()
        when_shown["views"] = views_in_archive(populated, notice_id)
        when_shown["related"] = window.related_panel.model.rowCount()

    window.article_ready.connect(shown)
    with qtbot.waitSignal(window.browser.page_painted, timeout=10000):
        window.open_notice(QD118)
    assert "Lượt xem: 1" in str(when_shown["text"])
    assert when_shown["views"] == 0  # not written yet: it waits for the paint
    assert when_shown["related"] == 0
    qtbot.waitUntil(lambda: settled(window), timeout=10000)
    assert views_in_archive(populated, QD118) == 1
    related = window.related_panel.model
    assert [related.text(i) for i in range(related.rowCount())] == [
        "Thông báo lịch tiếp công dân tháng 4 (01/04/2023 8:00 SA)",
        "Quyết định về quy chế làm việc (27/03/2023 3:20 CH)",
    ]
    assert window.latest_panel.model.rowCount() == 3
    model = window.list_model()
    assert model is not None
    assert model.summary(model.row_of(QD118) or 0).read
    assert window.counts_label.text() == "3 văn bản, 2 chưa đọc"


def test_each_opening_is_counted_once_however_fast(
    make_window: WindowFactory, populated: Path, qtbot: QtBot
) -> None:
    window = make_window(populated, threaded=True)
    for notice_id in (QD118, "qd-642-2023", QD118):
        window.open_notice(notice_id)
    qtbot.waitUntil(lambda: settled(window), timeout=10000)
    assert window.current is not None and window.current.id == QD118
    assert views_in_archive(populated, QD118) == 2
    assert views_in_archive(populated, "qd-642-2023") == 1
    # The page shows the views the archive holds.
    assert "Lượt xem: 2" in window.browser.toPlainText()


def test_a_view_is_counted_when_the_window_closes_at_once(
    make_window: WindowFactory, populated: Path
) -> None:
    window = make_window(populated, threaded=True)
    window.open_notice(QD118)
    window.shutdown()
    assert views_in_archive(populated, QD118) == 1
