"""The office around a notice in the window: badges and stamps in the list, the status filter,
"Lược đồ", "Việc cần làm" with its count, and the demo's own day."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db import store
from db.records import NoticeRecord
from db.types import VN_TZ
from desktop.demoday import DEMO_TODAY
from desktop.ui.badges import BADGES_ROLE, STAMP_COLOR, STATUS_COLORS, Badges
from desktop.ui.mainwindow import MainWindow
from desktop.ui.noticelist import TITLE
from desktop.ui.office import READER_TAB, TODO_TAB
from desktop.ui.relationsview import ID_ROLE, MISSING_COLOR, RELATIONS_TAB
from desktop.ui.todoview import DUE, LEVEL_COLORS
from desktop.ui.todoview import TITLE as TODO_TITLE
from tests.helpers.runner import SyncRunner
from tests.helpers.sample import PUBLISHER_ID, WindowFactory, populate


def listed(window: MainWindow) -> list[str]:
    model = window.list_model()
    assert model is not None
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return model.notice_ids()


def badges_of(window: MainWindow, notice_id: str) -> Badges | None:
    model = window.list_model()
    assert model is not None
    row = model.row_of(notice_id)
    assert row is not None, notice_id
    value = model.index(row, TITLE).data(BADGES_ROLE)
    assert value is None or isinstance(value, Badges)
    return value


# -- the list: badges and stamps ----------------------------------------------------------


def test_list_rows_carry_their_status_badge_and_urgency_stamp(
    make_window: WindowFactory, demo: Path
) -> None:
    window = make_window(demo)
    listed(window)
    assert badges_of(window, "kh-412-2023") == Badges(
        "", "expired", "Hết hiệu lực toàn bộ", "Hết hiệu lực"
    )
    assert badges_of(window, "qd-642-2023") == Badges(
        "", "partly_expired", "Hết hiệu lực một phần", "Hết một phần"
    )
    assert badges_of(window, "cv-2487-2023") == Badges("HỎA TỐC", None, "")
    assert badges_of(window, "cv-3105-2023") == Badges("KHẨN", None, "")
    assert badges_of(window, "tin-ky-thi-lop-10-2023") is None  # news: neither
    model = window.list_model()
    assert model is not None
    row = model.row_of("kh-412-2023")
    assert row is not None
    spoken = model.index(row, TITLE).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "412/KH-SGDĐT, 31/03/2023, Hết hiệu lực toàn bộ" in spoken
    urgent = model.row_of("cv-2487-2023")
    assert urgent is not None
    assert (
        model.index(urgent, TITLE).data(Qt.ItemDataRole.AccessibleTextRole).startswith("HỎA TỐC, ")
    )


def painted_cell(window: MainWindow, notice_id: str, width: int = 420) -> QImage:
    """The title cell of *notice_id* as the list's delegate paints it."""
    view = window.list_view
    model = window.list_model()
    assert model is not None
    row = model.row_of(notice_id)
    assert row is not None
    index = model.index(row, TITLE)
    image = QImage(width, view.rowHeight(row), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, image.width(), image.height())
    painter = QPainter(image)
    view.itemDelegateForColumn(TITLE).paint(painter, option, index)
    painter.end()
    return image


def has_color(image: QImage, color: str, columns: range) -> bool:
    wanted = QColor(color).rgb()
    return any(image.pixel(x, y) == wanted for x in columns for y in range(image.height()))


def test_the_stamp_is_painted_red_at_the_left_and_the_badge_at_the_right(
    make_window: WindowFactory, demo: Path
) -> None:
    window = make_window(demo)
    listed(window)
    urgent = painted_cell(window, "cv-2487-2023")
    assert has_color(urgent, STAMP_COLOR, range(0, 60))
    assert not has_color(urgent, STAMP_COLOR, range(300, 420))
    expired = painted_cell(window, "kh-412-2023")
    fill = STATUS_COLORS["expired"][1]
    assert has_color(expired, fill, range(300, 420))
    assert not has_color(expired, fill, range(0, 200))
    assert not has_color(painted_cell(window, "tin-ky-thi-lop-10-2023"), fill, range(0, 420))


def test_in_a_narrow_list_the_badge_gives_way_to_the_title_and_the_stamp_stays(
    make_window: WindowFactory, demo: Path
) -> None:
    window = make_window(demo)
    listed(window)
    # About the title column of a 1024-pixel-wide window: "Còn hiệu lực" gives way to the title.
    in_force = painted_cell(window, "kh-468-2023", width=140)
    assert not has_color(in_force, STATUS_COLORS["in_force"][1], range(0, 140))
    urgent = painted_cell(window, "cv-2487-2023", width=140)
    assert has_color(urgent, STAMP_COLOR, range(0, 60))


def test_in_a_narrow_list_a_warning_badge_takes_its_short_form_and_stays(
    make_window: WindowFactory, demo: Path
) -> None:
    window = make_window(demo)
    listed(window)
    fill = STATUS_COLORS["expired"][1]
    # Roomy: the full words; narrow: still a badge (its short form), painted at the right.
    assert has_color(painted_cell(window, "kh-412-2023", width=420), fill, range(300, 420))
    for width in (200, 140, 100):
        expired = painted_cell(window, "kh-412-2023", width=width)
        assert has_color(expired, fill, range(width // 2, width)), width
    partly = painted_cell(window, "qd-642-2023", width=140)
    assert has_color(partly, STATUS_COLORS["partly_expired"][1], range(70, 140))


def test_search_results_carry_badges_too(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    with qtbot.waitSignal(window.search_ready):
        window.search_for("tuyen sinh lop 10")
    assert badges_of(window, "kh-412-2023") == Badges(
        "", "expired", "Hết hiệu lực toàn bộ", "Hết hiệu lực"
    )
    assert badges_of(window, "kh-468-2023") == Badges(
        "", "in_force", "Còn hiệu lực", "Còn hiệu lực"
    )


# -- the status filter ---------------------------------------------------------------------


def choose_status(window: MainWindow, qtbot: QtBot, status: str | None) -> None:
    box = window.office.status_filter.box
    signal = window.search_ready if window.search.searching() else window.list_ready
    with qtbot.waitSignal(signal):
        box.setCurrentIndex(box.findData(status or ""))


def test_the_status_filter_keeps_only_notices_with_that_status(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    everything = listed(window)
    box = window.office.status_filter.box
    assert [box.itemText(i) for i in range(box.count())] == [
        "Tất cả văn bản",
        "Còn hiệu lực",
        "Hết hiệu lực một phần",
        "Hết hiệu lực toàn bộ",
        "Chưa có hiệu lực",
    ]
    choose_status(window, qtbot, "expired")
    assert sorted(listed(window)) == ["kh-05-2023", "kh-412-2023"]
    # Choosing a category keeps the filter.
    with qtbot.waitSignal(window.list_ready):
        window.tree.select_key(("Văn bản/Kế hoạch", "all"))
    assert listed(window) == ["kh-412-2023", "kh-05-2023"]
    choose_status(window, qtbot, "in_force")
    assert "kh-468-2023" in listed(window) and "kh-412-2023" not in listed(window)
    with qtbot.waitSignal(window.list_ready):
        window.tree.select_key((None, "all"))
    choose_status(window, qtbot, None)
    assert listed(window) == everything


def test_the_status_filter_applies_to_a_search(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    with qtbot.waitSignal(window.search_ready):
        window.search_for("tuyen sinh lop 10")
    assert {"kh-412-2023", "kh-468-2023"} <= set(listed(window))
    choose_status(window, qtbot, "in_force")
    found = listed(window)
    assert found[0] == "kh-468-2023" and "kh-412-2023" not in found
    model = window.list_model()
    assert model is not None
    assert {model.summary(i).status for i in range(model.rowCount())} == {"in_force"}
    assert window.search_bar.count_label.text() == f"Tìm thấy {len(found)} văn bản"


# -- Lược đồ -------------------------------------------------------------------------------


def test_lược_đồ_shows_the_relation_groups_one_click_away_and_opens_them(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    tabs = window.office.article_tabs
    assert tabs is not None
    with qtbot.waitSignal(window.article_ready):
        window.open_notice("kh-412-2023")
    assert tabs.tabText(RELATIONS_TAB) == "Lược đồ (1)"
    window.office.action("relationsViewAction").trigger()
    assert tabs.currentIndex() == RELATIONS_TAB
    view = window.office.relations
    group = view.model.item(0)
    assert group.text() == "Văn bản thay thế (1)"
    link = group.child(0)
    assert link.text().startswith("468/KH-SGDĐT — ") and "10/04/2023" in link.text()
    with qtbot.waitSignal(window.article_ready):
        view.tree.activated.emit(link.index())
    assert window.current is not None and window.current.id == "kh-468-2023"
    assert tabs.currentIndex() == 0  # the clerk reads the notice chosen
    assert tabs.tabText(RELATIONS_TAB) == "Lược đồ (1)"
    assert view.model.item(0).text() == "Văn bản bị thay thế (1)"


def test_a_notice_without_relations_says_so(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    with qtbot.waitSignal(window.article_ready):
        window.open_notice("tin-ky-thi-lop-10-2023")
    assert window.office.article_tabs is not None
    assert window.office.article_tabs.tabText(RELATIONS_TAB) == "Lược đồ"
    window.office.show_relations()
    assert window.office.relations.model.rowCount() == 0
    assert window.office.relations.empty.isVisibleTo(window)


def test_a_relation_to_a_notice_the_archive_lacks_is_greyed_and_not_opened(
    make_window: WindowFactory, data_dir: Path, qtmodeltester: ModelTester
) -> None:
    populate(data_dir)
    from db.archive import open_archive

    archive = open_archive(data_dir)
    try:
        with archive.writing() as session:
            ids = store.ensure_categories(session, ["Văn bản"])
            record = NoticeRecord(
                id="qd-moi",
                title="Quyết định sửa đổi quy chế",
                category="Văn bản",
                published=datetime(2023, 7, 1, 8, 0, tzinfo=VN_TZ),
                number="700/QĐ-UBND",
                body_markdown="Sửa đổi.",
                relations=(("amends", "qd-642-2023"), ("based_on", "luat-khong-co")),
            )
            store.apply_notices(session, PUBLISHER_ID, [record], [], ids)
    finally:
        archive.close()
    window = make_window(data_dir)
    window.open_notice("qd-moi")
    view = window.office.relations
    qtmodeltester.check(view.model)
    texts = {
        view.model.item(g).text(): [
            view.model.item(g).child(i) for i in range(view.model.item(g).rowCount())
        ]
        for g in range(view.model.rowCount())
    }
    (missing,) = texts["Văn bản căn cứ (1)"]
    assert "luat-khong-co" in missing.text()
    assert missing.foreground().color() == QColor(MISSING_COLOR)
    assert missing.data(ID_ROLE) is None
    (held,) = texts["Văn bản được sửa đổi (1)"]
    assert held.data(ID_ROLE) == "qd-642-2023"


# -- Việc cần làm --------------------------------------------------------------------------


def test_the_todo_list_is_soonest_first_overdue_red_soon_orange(
    make_window: WindowFactory, demo: Path, qtmodeltester: ModelTester
) -> None:
    window = make_window(demo)
    view = window.office.todo
    model = view.model
    qtmodeltester.check(model)
    rows = [(model.item(i).notice_id, model.index(i, DUE).data()) for i in range(3)]
    assert rows == [
        ("cv-3105-2023", "quá hạn 3 ngày"),
        ("kh-281-2023", "còn 2 ngày"),
        ("ct-12-2023", "còn 18 ngày"),
    ]
    colors = [model.index(i, TODO_TITLE).data(Qt.ItemDataRole.ForegroundRole) for i in range(3)]
    assert colors == [QColor(LEVEL_COLORS["overdue"]), QColor(LEVEL_COLORS["soon"]), None]
    assert view.heading.text().endswith("28/12/2023")


def test_the_status_bar_counts_the_todo_and_leads_to_it(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    label = window.office.todo_label
    assert "Việc cần làm: 3" in label.text() and "(1 quá hạn)" in label.text()
    assert window.office.tabs.tabText(TODO_TAB) == "Việc cần làm (3)"
    label.linkActivated.emit("todo")
    assert window.office.tabs.currentIndex() == TODO_TAB
    assert window.office.action("todoViewAction").isChecked()
    view = window.office.todo
    view.table.setCurrentIndex(view.model.index(0, 0))
    with qtbot.waitSignal(view.loaded):
        window.office.action("todoDoneAction").trigger()
    assert [view.model.item(i).notice_id for i in range(view.model.rowCount())] == [
        "kh-281-2023",
        "ct-12-2023",
    ]
    assert "Việc cần làm: 2" in label.text() and "quá hạn" not in label.text()
    # The register shows the line done: it reloaded itself from the same change.
    register = window.office.register
    done = [r for r in register.model.lines() if r.notice_id == "cv-3105-2023"]
    assert done and done[0].status == "done"
    with qtbot.waitSignal(window.article_ready):
        view.table.activated.emit(view.model.index(0, 0))
    assert window.office.tabs.currentIndex() == READER_TAB
    assert window.current is not None and window.current.id == "kh-281-2023"


# -- the demo's day --------------------------------------------------------------------------


def test_the_demo_is_reckoned_on_its_own_day_and_an_office_on_today(
    make_window: WindowFactory, demo: Path, tmp_path: Path
) -> None:
    window = make_window(demo)
    assert isinstance(window.runner, SyncRunner) and window.runner.archive is not None
    assert window.runner.archive.as_of == DEMO_TODAY
    listed(window)
    # Not in force until 01/01/2024: so on the demo's day, whatever the clock says.
    assert badges_of(window, "kh-281-2023") == Badges(
        "", "not_yet", "Chưa có hiệu lực", "Chưa hiệu lực"
    )
    office = tmp_path / "office"
    populate(office)
    other = make_window(office)
    assert isinstance(other.runner, SyncRunner) and other.runner.archive is not None
    assert other.runner.archive.as_of is None


def test_the_demos_freshness_line_is_reckoned_on_its_own_day(
    make_window: WindowFactory, demo: Path
) -> None:
    # The demo bundle is signed when the demo is made, years after the demo's day; the
    # line speaks of the demo's day as the to-do list does, not of the clock's.
    window = make_window(demo)
    day = DEMO_TODAY.strftime("%d/%m/%Y")
    assert window.trust.freshness_label.text() == f"Dữ liệu cập nhật đến ngày {day} (hôm nay)"
    # And its bundle was imported that morning, not on the clock's day.
    assert window.update_label.text() == (
        f"Cập nhật lần cuối: {day} 8:00 SA từ Cổng thông tin điện tử tỉnh Sơn Hà (dữ liệu mẫu)"
    )


def test_a_message_in_the_status_bar_has_the_room_of_the_long_labels(
    make_window: WindowFactory, demo: Path
) -> None:
    # "Đã xuất 1 trang ra …pdf" was cut after a few words by the four labels on the right.
    window = make_window(demo)
    bar = window.statusBar()
    long_labels = [window.update_label, window.trust.freshness_label]
    assert not any(label.isHidden() for label in long_labels)
    window.show_status("Đã xuất 1 trang ra /home/van-thu/Tài liệu/12-KH-UBND Kế hoạch.pdf")
    assert all(label.isHidden() for label in long_labels)
    assert not window.office.todo_label.isHidden()  # the to-do count stays in sight
    bar.clearMessage()
    assert not any(label.isHidden() for label in long_labels)


def test_the_office_views_speak_english(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    with qtbot.waitSignal(window.article_ready):
        window.open_notice("kh-412-2023")
    window.set_language("en")
    office = window.office
    assert [office.tabs.tabText(i) for i in range(3)] == [
        "Notices",
        "Incoming register",
        "To do (3)",
    ]
    assert office.action("registerViewAction").text() == "Incoming register"
    assert office.action("exportRegisterAction").text() == "Export to Excel…"
    assert "To do: 3" in office.todo_label.text() and "1 overdue" in office.todo_label.text()
    assert office.todo.model.index(0, DUE).data() == "3 days overdue"
    assert office.register.model.headerData(0, Qt.Orientation.Horizontal) == "Received"
    assert office.status_filter.box.itemText(3) == "Expired"
    assert office.article_tabs is not None
    assert office.article_tabs.tabText(RELATIONS_TAB) == "Relations (1)"
    assert office.relations.model.item(0).text() == "Replaced by (1)"
    assert badges_of(window, "kh-412-2023") == Badges("", "expired", "Expired", "Expired")
    assert window.search_bar.sort_box.itemText(0) == "Best match"


def test_a_long_todo_list_shows_its_count_and_reads_more_as_it_scrolls(
    make_window: WindowFactory, data_dir: Path, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    from datetime import date, timedelta

    from db.archive import open_archive
    from desktop.ui.todoview import PAGE
    from tests.helpers.notices import apply, notice

    count = PAGE + 30
    first = date(2024, 1, 1)
    archive = open_archive(data_dir)
    try:
        apply(
            archive,
            [notice(f"cv-{i:04d}", deadline=first + timedelta(days=i)) for i in range(count)],
        )
    finally:
        archive.close()
    window = make_window(data_dir)
    model = window.office.todo.model
    # The status bar counts them all; the list holds the first page, soonest first.
    assert f"Việc cần làm: {count}" in window.office.todo_label.text()
    assert model.rowCount() == PAGE and model.canFetchMore()
    assert model.item(0).notice_id == "cv-0000"
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore()
    assert model.rowCount() == count and not model.canFetchMore()
    assert [model.item(i).notice_id for i in (PAGE, count - 1)] == [
        "cv-0200",
        f"cv-{count - 1:04d}",
    ]
    qtmodeltester.check(model)
