"""The reader window on a real archive: tree, list, article, panels, state."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db import queries
from db.archive import open_archive
from desktop.ui import dialogs
from desktop.ui.categorytree import ALL, BOOKMARKED, UNREAD
from desktop.ui.mainwindow import READER_PAGE, WELCOME_PAGE, MainWindow
from desktop.ui.noticelist import TITLE
from tests.helpers.dialogs import DialogStub
from tests.helpers.sample import PDF_BYTES, PDF_SHA, PNG_SHA, WindowFactory, populate

QD118 = "Quyết định phê duyệt kế hoạch chuyển đổi số năm 2023"


def list_titles(window: MainWindow) -> list[str]:
    model = window.list_model()
    assert model is not None
    return [model.summary(i).title for i in range(model.rowCount())]


def select_row(window: MainWindow, notice_id: str) -> None:
    """Click the notice's row: it is shown and read at once."""
    model = window.list_model()
    assert model is not None
    row = model.row_of(notice_id)
    assert row is not None
    window.list_view.setCurrentIndex(model.index(row, 0))
    window.list_view.clicked.emit(model.index(row, 0))


def article_text(window: MainWindow) -> str:
    return window.browser.toPlainText()


def views_in_archive(data_dir: Path, notice_id: str) -> int:
    archive = open_archive(data_dir)
    with archive.reading() as session:
        detail = queries.get_notice(session, notice_id)
    archive.close()
    assert detail is not None
    return detail.views


def test_window_lists_every_visible_notice_newest_first(
    make_window: WindowFactory, populated: Path
) -> None:
    window = make_window(populated)
    assert window.pages.currentIndex() == READER_PAGE
    assert list_titles(window) == [
        QD118,
        "Thông báo lịch tiếp công dân tháng 4",
        "Quyết định về quy chế làm việc",
    ]
    assert window.counts_label.text() == "3 văn bản, 3 chưa đọc"
    assert window.update_label.text() == (
        "Cập nhật lần cuối: 05/06/2023 3:20 CH từ UBND tỉnh Sơn Hà"
    )


def test_selecting_a_category_fills_the_list(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    window.tree.select_key(("Văn bản/Quyết định", "all"))
    assert list_titles(window) == [QD118, "Quyết định về quy chế làm việc"]
    window.tree.select_key(("Tin tức", "all"))
    assert list_titles(window) == ["Thông báo lịch tiếp công dân tháng 4"]
    window.tree.select_key(("Văn bản", "all"))  # a parent shows its sub-categories too
    assert len(list_titles(window)) == 2
    window.tree.select_key(BOOKMARKED)
    assert list_titles(window) == []
    window.tree.select_key(ALL)
    assert len(list_titles(window)) == 3


def test_selecting_a_notice_shows_article_and_panels(
    make_window: WindowFactory, populated: Path
) -> None:
    window = make_window(populated)
    select_row(window, "qd-118-2023")
    text = article_text(window)
    assert QD118 in text
    assert "Đăng ngày 05 - 06 - 2023" in text
    assert "Lượt xem: 1" in text
    related = window.related_panel.model
    # Explicit links first (the missing and the withdrawn one skipped), then neighbours.
    assert [related.text(i) for i in range(related.rowCount())] == [
        "Thông báo lịch tiếp công dân tháng 4 (01/04/2023 8:00 SA)",
        "Quyết định về quy chế làm việc (27/03/2023 3:20 CH)",
    ]
    latest = window.latest_panel.model
    assert latest.rowCount() == 3
    assert latest.text(0) == f"{QD118} (05/06/2023 7:20 SA)"
    assert views_in_archive(populated, "qd-118-2023") == 1


def test_each_opening_counts_one_view(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    select_row(window, "qd-118-2023")
    select_row(window, "qd-642-2023")
    select_row(window, "qd-118-2023")
    assert "Lượt xem: 2" in article_text(window)
    assert views_in_archive(populated, "qd-118-2023") == 2
    # Changing the text size re-renders nothing and counts nothing.
    window.article.zoom_bar.zoom_in()
    assert views_in_archive(populated, "qd-118-2023") == 2


def test_panel_click_opens_that_notice(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    select_row(window, "qd-118-2023")
    panel = window.related_panel
    with_signal = panel.model.index(0, 0)
    panel.view.activated.emit(with_signal)
    assert window.current is not None and window.current.id == "tb-02-2023"
    assert "Thông báo lịch tiếp công dân tháng 4" in article_text(window)


def test_read_state_is_bold_and_remembered(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    model = window.list_model()
    assert model is not None
    assert all(not model.summary(i).read for i in range(model.rowCount()))
    select_row(window, "tb-02-2023")
    assert model.summary(model.row_of("tb-02-2023") or 0).read
    assert window.counts_label.text() == "3 văn bản, 2 chưa đọc"
    unread_index = window.tree.category_model.index_of(UNREAD)
    assert unread_index.data() == "Chưa đọc (2/3)"
    window.close()

    again = make_window(populated)
    model2 = again.list_model()
    assert model2 is not None
    read = {model2.summary(i).id: model2.summary(i).read for i in range(model2.rowCount())}
    assert read == {"qd-118-2023": False, "tb-02-2023": True, "qd-642-2023": False}
    again.tree.select_key(UNREAD)
    assert len(list_titles(again)) == 2


def test_mark_all_read(
    make_window: WindowFactory, populated: Path, dialog_stub: DialogStub
) -> None:
    window = make_window(populated)
    dialog_stub.script("confirm", False)  # the clerk thinks again: nothing changes
    window.action("markAllReadAction").trigger()
    assert window.counts_label.text() == "3 văn bản, 3 chưa đọc"
    assert "Đánh dấu đã đọc 3 văn bản chưa đọc" in dialog_stub.calls[0][1][2]
    window.action("markAllReadAction").trigger()
    model = window.list_model()
    assert model is not None
    assert all(model.summary(i).read for i in range(model.rowCount()))
    assert window.counts_label.text() == "3 văn bản, 0 chưa đọc"
    assert window.tree.category_model.index_of(ALL).data() == "Tất cả (0/3)"
    assert not window.action("markAllReadAction").isEnabled()


def test_bookmark_toggle(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    assert not window.action("bookmarkAction").isEnabled()
    select_row(window, "qd-642-2023")
    window.action("bookmarkAction").trigger()
    assert window.action("bookmarkAction").isChecked()
    assert window.tree.category_model.index_of(BOOKMARKED).data() == "Đã lưu (0/1)"
    assert window.action("bookmarkAction").text() == "Bỏ lưu"
    window.tree.select_key(BOOKMARKED)
    assert list_titles(window) == ["Quyết định về quy chế làm việc"]
    model = window.list_model()
    assert model is not None and model.summary(0).bookmarked
    window.action("bookmarkAction").trigger()
    assert not window.action("bookmarkAction").isChecked()
    assert window.tree.category_model.index_of(BOOKMARKED).data() == "Đã lưu"
    assert window.action("bookmarkAction").text() == "Lưu"
    window.action("bookmarkAction").trigger()
    window.close()
    archive = open_archive(populated)
    with archive.reading() as session:
        assert [s.id for s in queries.list_notices(session, show="bookmarked")] == ["qd-642-2023"]
    archive.close()


def test_links_withdrawn_missing_and_history(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    select_row(window, "qd-118-2023")
    window.browser.link_activated.emit(QUrl("notice:tb-02-2023"))
    assert window.current is not None and window.current.id == "tb-02-2023"
    window.browser.link_activated.emit(QUrl("notice:ct-thu-hoi"))
    assert window.current is not None and window.current.id == "ct-thu-hoi"
    assert window.current.withdrawn
    assert window.statusBar().currentMessage() == "Văn bản này đã bị thu hồi"
    assert "thu hồi" in article_text(window)
    window.browser.link_activated.emit(QUrl("notice:khong-co-trong-kho"))
    assert window.current.id == "ct-thu-hoi"  # a missing notice changes nothing
    assert "Không tìm thấy" in window.statusBar().currentMessage()

    assert window.reader.history.entries() == (["qd-118-2023", "tb-02-2023", "ct-thu-hoi"], 2)
    back, forward = window.action("backAction"), window.action("forwardAction")
    assert back.isEnabled() and not forward.isEnabled()
    window.action("backAction").trigger()
    assert window.current.id == "tb-02-2023"
    window.action("backAction").trigger()
    assert window.current.id == "qd-118-2023"
    assert not window.action("backAction").isEnabled()
    window.action("forwardAction").trigger()
    assert window.current.id == "tb-02-2023"
    # Opening something new drops the forward history.
    window.browser.link_activated.emit(QUrl("notice:qd-642-2023"))
    assert window.reader.history.entries() == (["qd-118-2023", "tb-02-2023", "qd-642-2023"], 2)


def test_keyboard_shortcuts(qtbot: QtBot, make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    select_row(window, "qd-118-2023")
    select_row(window, "qd-642-2023")
    qtbot.keyClick(window.list_view, "-", Qt.KeyboardModifier.ControlModifier)
    assert window.article.zoom_bar.label.text() == "90%"
    qtbot.keyClick(window.list_view, "=", Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.list_view, "=", Qt.KeyboardModifier.ControlModifier)
    assert window.article.zoom_bar.label.text() == "110%"
    qtbot.keyClick(window.list_view, "0", Qt.KeyboardModifier.ControlModifier)
    assert window.article.zoom_bar.label.text() == "100%"
    qtbot.keyClick(window.list_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current is not None and window.current.id == "qd-118-2023"
    qtbot.keyClick(window.list_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current.id == "qd-642-2023"
    qtbot.keyClick(window.list_view, "d", Qt.KeyboardModifier.ControlModifier)
    assert window.current.bookmarked
    # F6 walks the panes: list → article → related → latest → tree.
    window.list_view.setFocus()
    for expected in (
        window.browser,
        window.related_panel.view,
        window.latest_panel.view,
        window.tree,
        window.list_view,
    ):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        assert QApplication.focusWidget() is expected


def test_zoom_is_clamped_and_remembered(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    bar = window.article.zoom_bar
    assert bar.label.text() == "100%"
    for _ in range(20):
        bar.zoom_in()
    assert bar.label.text() == "200%" and not bar.larger.isEnabled()
    for _ in range(30):
        bar.zoom_out()
    assert bar.label.text() == "50%" and not bar.smaller.isEnabled()
    bar.larger.click()
    bar.larger.click()
    assert window.browser.zoom == 70
    window.close()
    again = make_window(populated)
    assert again.article.zoom_bar.label.text() == "70%"
    assert again.browser.zoom == 70
    base = again.browser.font().pointSizeF()
    assert again.browser.document().defaultFont().pointSizeF() == pytest.approx(base * 0.7)
    assert (populated / "settings.ini").is_file()


def test_splitters_and_geometry_are_remembered(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    window.main_splitter.setSizes([300, 400, 500])
    sizes = window.main_splitter.sizes()
    window.close()
    again = make_window(populated)
    assert again.main_splitter.sizes() == sizes


def test_sorting_by_title_asks_the_archive(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    window.list_view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert list_titles(window) == [
        QD118,
        "Quyết định về quy chế làm việc",
        "Thông báo lịch tiếp công dân tháng 4",
    ]
    window.list_view.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    assert list_titles(window)[0] == "Thông báo lịch tiếp công dân tháng 4"


def test_attachments_open_from_a_copy_and_save(
    make_window: WindowFactory,
    populated: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(dialogs, "open_url", lambda url: opened.append(url) or True)
    target = tmp_path / "saved" / "quyet-dinh.pdf"
    target.parent.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "choose_save_path", lambda parent, name: asked.append(name) or target
    )
    window = make_window(populated)
    select_row(window, "qd-118-2023")
    window.browser.link_activated.emit(QUrl(f"attachment:{PDF_SHA}"))
    assert len(opened) == 1
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "quyet-dinh.pdf"
    assert copy.read_bytes() == PDF_BYTES
    store_file = open_archive(populated).file_path(PDF_SHA)
    assert copy != store_file  # the viewer never gets the store's own file
    window.browser.link_activated.emit(QUrl(f"attachment:{PDF_SHA}?save"))
    assert [Path(name).name for name in asked] == ["quyet-dinh.pdf"]
    assert target.read_bytes() == PDF_BYTES
    window.close()
    assert not copy.exists()  # temporary copies go away with the window


def test_inline_images_come_from_the_archive(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    select_row(window, "qd-118-2023")
    image = window.browser.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(f"attachment:{PNG_SHA}")
    )
    assert image is not None and not image.isNull()
    remote = window.browser.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("https://example.org/x.png")
    )
    assert remote is None


def test_web_links_go_to_the_system_browser_only_when_clicked(
    make_window: WindowFactory, populated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(dialogs, "open_url", lambda url: opened.append(url.toString()) or True)
    window = make_window(populated)
    select_row(window, "qd-118-2023")
    assert opened == []
    window.browser.link_activated.emit(QUrl("https://sonha.gov.vn/van-ban"))
    assert opened == ["https://sonha.gov.vn/van-ban"]
    window.browser.link_activated.emit(QUrl("javascript:alert(1)"))
    assert opened == ["https://sonha.gov.vn/van-ban"]


def test_empty_archive_shows_the_welcome_page(make_window: WindowFactory, data_dir: Path) -> None:
    window = make_window(data_dir)
    assert window.pages.currentIndex() == WELCOME_PAGE
    assert "Nhập gói dữ liệu" in window.welcome.text.text()
    assert window.welcome.demo_button.text() == "Mở kho dữ liệu mẫu"
    assert window.update_label.text() == "Chưa nhập gói dữ liệu nào"


def test_threaded_window_opens_a_notice(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    populate(data_dir, extra=500)
    window = make_window(data_dir, threaded=True)
    model = window.list_model()
    assert model is not None and model.rowCount() == 200 and model.total == 503
    with qtbot.waitSignal(window.article_ready, timeout=10000) as blocker:
        select_row(window, "tin-00003")
    assert blocker.args == ["tin-00003"]
    assert "Tin số 3" in article_text(window)
    with qtbot.waitSignal(model.page_loaded, timeout=10000):
        window.list_view.scrollToBottom()
        model.fetchMore(window.list_view.rootIndex())
    assert model.rowCount() == 400


def test_the_window_never_opens_a_network_socket(
    qtbot: QtBot, make_window: WindowFactory, populated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[tuple[object, ...]] = []
    guarded = socket.socket

    class Recording(guarded):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            attempts.append((family, *args))
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", Recording)
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: attempts.append(("getaddrinfo", *a)) or []
    )
    window = make_window(populated, threaded=True)
    for notice_id in ("qd-118-2023", "tb-02-2023", "qd-642-2023"):
        with qtbot.waitSignal(window.article_ready, timeout=10000):
            select_row(window, notice_id)
    with qtbot.waitSignal(window.article_ready, timeout=10000):
        window.browser.link_activated.emit(QUrl("notice:ct-thu-hoi"))
    window.close()
    internet = [a for a in attempts if a[0] in (socket.AF_INET, socket.AF_INET6, "getaddrinfo")]
    assert internet == []


def test_panes_have_accessible_names(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    names = [pane.accessibleName() for pane in window.panes()]
    assert names == [
        "Chuyên mục",
        "Danh sách văn bản",
        "Nội dung văn bản",
        "Tin liên quan",
        "Tin mới nhất",
    ]
    for name in ("importAction", "bookmarkAction", "backAction"):
        action = window.action(name)
        assert action.text() and not action.shortcut().isEmpty()
    assert window.action("importAction").shortcut().toString() == "Ctrl+O"


def test_a_narrow_window_shortens_the_update_label_not_its_neighbours(
    make_window: WindowFactory, demo: Path
) -> None:
    # At 1024 px the status bar's labels did not fit: Qt clipped the update
    # label mid-word ("… từ Cổng thông tin đi"), with no way to read the rest.
    window = make_window(demo)
    window.resize(1024, 600)
    QApplication.processEvents()
    window.grab()  # lays out and paints the status bar
    full = window.update_label.text()
    assert full.startswith("Cập nhật lần cuối: ")
    freshness = window.findChild(QLabel, "freshnessLabel")
    assert freshness is not None and freshness.text()
    for label in (window.counts_label, freshness):
        assert label.width() >= label.sizeHint().width(), label.text()
    assert window.update_label.geometry().right() < freshness.geometry().left()
    assert window.update_label.toolTip() == full
    shown = window.update_label.shown_text()
    assert shown.endswith("…") and full.startswith(shown[:-1])
