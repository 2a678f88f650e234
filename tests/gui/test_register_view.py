"""The "Sổ văn bản đến" tab: the demo's register by year and status, edited in place through
`set_register`, printed landscape and exported to Excel on the file thread."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.archive import open_archive
from db.records import RegisterRow
from db.types import VN_TZ
from desktop.demoday import DEMO_TODAY
from desktop.ops import register
from desktop.ops.changes import Changes
from desktop.ui import printactions
from desktop.ui.mainwindow import MainWindow
from desktop.ui.office import REGISTER_TAB
from desktop.ui.registermodel import (
    ASSIGNED,
    BLOCK,
    CONTENT,
    HANDED,
    NOTE,
    PAGE,
    STATUS,
    RegisterModel,
    parse_day,
)
from desktop.ui.registerview import RegisterView
from tests.helpers.dialogs import DialogStub
from tests.helpers.pdf import pdf_text
from tests.helpers.runner import SyncRunner
from tests.helpers.sample import WindowFactory

YEAR = DEMO_TODAY.year


def lines(data_dir: Path) -> dict[str, RegisterRow]:
    """The register as the archive holds it, by notice id."""
    archive = open_archive(data_dir)
    try:
        return {row.notice_id: row for row in register.list_register(archive, YEAR)}
    finally:
        archive.close()


def view_of(window: MainWindow) -> RegisterView:
    window.office.action("registerViewAction").trigger()
    assert window.office.tabs.currentIndex() == REGISTER_TAB
    return window.office.register


def row_of(view: RegisterView, notice_id: str) -> int:
    found = [i for i, r in enumerate(view.model.lines()) if r.notice_id == notice_id]
    assert found, notice_id
    return found[0]


def test_register_model_passes_the_model_tester(qtmodeltester: ModelTester, demo: Path) -> None:
    model = RegisterModel()
    model.set_rows(list(lines(demo).values()))
    assert model.rowCount() > 30
    qtmodeltester.check(model)


def test_the_register_opens_on_the_demo_year_at_its_newest_lines(
    make_window: WindowFactory, demo: Path
) -> None:
    window = make_window(demo)
    view = view_of(window)
    assert view.year == YEAR
    assert [view.year_box.itemData(i) for i in range(view.year_box.count())] == [YEAR]
    rows = view.model.lines()
    assert [r.incoming_number for r in rows] == list(range(1, len(rows) + 1))
    assert view.count_label.text() == f"{len(rows)} văn bản"
    header = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in (ASSIGNED, HANDED)]
    assert header == ["Đơn vị hoặc người nhận", "Ngày chuyển"]
    done = rows[row_of(view, "kh-468-2023")]
    cells = [view.model.index(row_of(view, "kh-468-2023"), c).data() for c in (HANDED, STATUS)]
    assert cells == ["28/12/2023", "Hoàn thành"] and done.status == "done"
    # The last line is in sight: new documents are at the end of the book.
    last = view.table.visualRect(view.model.index(len(rows) - 1, 0))
    assert view.table.viewport().rect().intersects(last)


def test_the_status_filter_keeps_only_lines_in_that_state(
    make_window: WindowFactory, demo: Path
) -> None:
    view = view_of(make_window(demo))
    everything = view.model.rowCount()
    view.status_box.setCurrentIndex(view.status_box.findData("in_progress"))
    assert [r.notice_id for r in view.model.lines()] == ["cv-3105-2023"]
    view.status_box.setCurrentIndex(view.status_box.findData("done"))
    assert [r.notice_id for r in view.model.lines()] == ["kh-468-2023"]
    view.status_box.setCurrentIndex(0)
    assert view.model.rowCount() == everything


def edit_text(qtbot: QtBot, view: RegisterView, row: int, column: int, typed: str) -> None:
    """Double-click-style editing: open the cell's editor, type, press Enter."""
    index = view.model.index(row, column)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    # A closed editor lingers until deleteLater runs: take the open one.
    (editor,) = [
        e for e in view.table.findChildren(QLineEdit, "registerTextEditor") if e.isVisible()
    ]
    # QTest types only ASCII: Vietnamese goes in as the input method would put it.
    editor.selectAll()
    editor.insert(typed)
    # The delegate commits and closes on Enter a moment later (a queued call).
    with qtbot.waitSignal(view.table.itemDelegate().closeEditor):
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_typing_in_the_clerks_columns_writes_them_into_the_archive(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    view = view_of(window)
    row = row_of(view, "kh-54-2023")
    with qtbot.waitSignal(window.runner.changes_made) as changed:
        edit_text(qtbot, view, row, ASSIGNED, "Công chức Tư pháp – Hộ tịch")
    assert changed.args[0].register
    # Every demo document came on 28/12/2023: a day before it is refused, nothing written.
    with qtbot.waitSignal(view.status):
        edit_text(qtbot, view, row, HANDED, "5/12/2023")
    assert window.statusBar().currentMessage() == (
        "«Ngày chuyển» không thể trước «Ngày đến» của văn bản (28/12/2023)."
    )
    assert lines(demo)["kh-54-2023"].handed_over is None
    assert view.model.index(row_of(view, "kh-54-2023"), HANDED).data() == ""
    with qtbot.waitSignal(window.runner.changes_made):
        edit_text(qtbot, view, row, HANDED, "28/12/2023")
    with qtbot.waitSignal(window.runner.changes_made):
        edit_text(qtbot, view, row, NOTE, "Trình Chủ tịch xã")
    kept = lines(demo)["kh-54-2023"]
    assert (kept.assigned_to, kept.handed_over, kept.note) == (
        "Công chức Tư pháp – Hộ tịch",
        date(2023, 12, 28),
        "Trình Chủ tịch xã",
    )
    assert view.model.index(row, HANDED).data() == "28/12/2023"
    assert "Đã ghi vào sổ" in window.statusBar().currentMessage()
    # The demo archive's today is 28/12/2023: a later day is refused, the cell restored.
    with qtbot.waitSignal(view.status):
        edit_text(qtbot, view, row, HANDED, "5/1/2024")
    assert window.statusBar().currentMessage() == (
        "«Ngày chuyển» không thể là một ngày sau hôm nay (28/12/2023)."
    )
    assert lines(demo)["kh-54-2023"].handed_over == date(2023, 12, 28)
    assert view.model.index(row_of(view, "kh-54-2023"), HANDED).data() == "28/12/2023"
    # Emptying a column clears it.
    with qtbot.waitSignal(window.runner.changes_made):
        edit_text(qtbot, view, row, HANDED, "")
    assert lines(demo)["kh-54-2023"].handed_over is None


def test_the_status_is_chosen_from_its_three_values_and_the_todo_list_follows(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    view = view_of(window)
    assert window.office.todo.model.rowCount() == 3
    index = view.model.index(row_of(view, "cv-3105-2023"), STATUS)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = view.table.findChild(QComboBox, "registerStatusEditor")
    assert editor is not None
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Đã tiếp nhận",
        "Đang xử lý",
        "Hoàn thành",
    ]
    editor.setCurrentIndex(editor.findData("done"))
    with qtbot.waitSignal(window.office.todo.loaded):
        view.table.commitData(editor)
    assert lines(demo)["cv-3105-2023"].status == "done"
    # The to-do list and the status bar reloaded themselves from the broadcast change.
    ids = [window.office.todo.model.item(i).notice_id for i in range(2)]
    assert window.office.todo.model.rowCount() == 2 and "cv-3105-2023" not in ids
    assert "Việc cần làm: 2" in window.office.todo_label.text()
    assert "quá hạn" not in window.office.todo_label.text()


@pytest.mark.parametrize("typed", ["32/12/2023", "hôm qua", "12/2023"])
def test_a_day_that_is_not_a_day_is_refused_with_one_sentence(
    make_window: WindowFactory, demo: Path, qtbot: QtBot, typed: str
) -> None:
    window = make_window(demo)
    view = view_of(window)
    row = row_of(view, "kh-54-2023")
    before = lines(demo)["kh-54-2023"]
    with qtbot.assertNotEmitted(window.runner.changes_made):
        edit_text(qtbot, view, row, HANDED, typed)
    assert window.statusBar().currentMessage() == (
        "Ngày chuyển phải có dạng ngày/tháng/năm, ví dụ 12/12/2023."
    )
    assert lines(demo)["kh-54-2023"] == before
    assert view.model.index(row, HANDED).data() == ""


def test_too_long_a_text_is_refused_and_changes_nothing(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    view = view_of(window)
    index = view.model.index(row_of(view, "kh-54-2023"), NOTE)
    with qtbot.assertNotEmitted(window.runner.changes_made):
        assert not view.model.setData(index, "x" * (register.MAX_CLERK_TEXT + 1))
    assert "2000" in window.statusBar().currentMessage()
    assert lines(demo)["kh-54-2023"].note is None


def test_parse_day_reads_the_forms_a_clerk_types() -> None:
    assert parse_day("5/1/2024") == parse_day("05-01-2024") == date(2024, 1, 5)
    assert parse_day("2024-01-05") == date(2024, 1, 5)
    assert parse_day("31/2/2024") is None and parse_day("") is None


def test_activating_a_line_opens_its_notice_in_the_reader(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    view = view_of(window)
    index = view.model.index(row_of(view, "kh-412-2023"), CONTENT)
    with qtbot.waitSignal(window.article_ready):
        view.table.activated.emit(index)
    assert window.office.tabs.currentIndex() == 0
    assert window.current is not None and window.current.id == "kh-412-2023"


def test_in_so_previews_the_whole_year_landscape(
    make_window: WindowFactory, demo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[Any] = []
    book = tmp_path / "so.pdf"

    def preview(_parent: object, printer: QPrinter, paint: Any) -> None:
        shown.append(printer.pageLayout().orientation())
        # What the preview's print button does, into a file instead of a printer.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(book))
        paint(printer)

    monkeypatch.setattr(printactions, "run_preview", preview)
    window = make_window(demo)
    view = view_of(window)
    view.status_box.setCurrentIndex(view.status_box.findData("done"))  # a view, not the book
    window.office.action("printRegisterAction").trigger()
    assert shown == [QPageLayout.Orientation.Landscape]
    # Every line of the year, whatever the view's filter: the book is complete.
    assert window.print_actions.last_pages >= 2
    printed = pdf_text(book)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in printed and "468/KH-SGDĐT" in printed
    # Not only the line the view shows ("Hoàn thành"): from the first number to the last.
    assert f"Từ số 1 đến số {len(lines(demo))};" in printed
    assert window.office.action("printRegisterAction").text() == "In sổ…"


def test_xuat_excel_writes_the_workbook_on_the_file_thread(
    make_window: WindowFactory,
    demo: Path,
    dialog_stub: DialogStub,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    threads: list[str] = []
    real = register.export_xlsx

    def export(*args: Any, **kwargs: Any) -> int:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(register, "export_xlsx", export)
    window = make_window(demo, threaded=True)
    view = window.office.register
    if view.year is None:
        with qtbot.waitSignal(view.loaded, timeout=10000):
            pass
    target = tmp_path / "so-den"
    dialog_stub.script("choose_xlsx_path", target.with_suffix(".xlsx"))
    with qtbot.waitSignal(view.exported, timeout=20000) as done:
        window.office.action("exportRegisterAction").trigger()
    assert done.args == [str(target.with_suffix(".xlsx")), len(lines(demo))]
    assert threads and threads[0] != threading.main_thread().name
    sheet = load_workbook(target.with_suffix(".xlsx")).active
    assert sheet is not None
    headings = [cell.value for cell in sheet[5]]
    assert headings[:2] == ["Ngày đến", "Số đến"] and "Đơn vị hoặc người nhận" in headings
    assert "Đã xuất" in window.statusBar().currentMessage()


def test_xuat_excel_cancelled_writes_nothing(
    make_window: WindowFactory, demo: Path, dialog_stub: DialogStub, tmp_path: Path
) -> None:
    window = make_window(demo)
    view_of(window)
    window.office.action("exportRegisterAction").trigger()
    assert dialog_stub.names() == ["choose_xlsx_path"]
    assert not list(tmp_path.glob("*.xlsx"))


def test_an_empty_archive_has_an_empty_register(
    make_window: WindowFactory, populated: Path
) -> None:
    window = make_window(populated)
    view = view_of(window)
    assert isinstance(window.runner, SyncRunner)
    assert view.year is None and view.model.rowCount() == 0
    window.office.action("printRegisterAction").trigger()
    assert window.statusBar().currentMessage() == "Sổ văn bản đến chưa có văn bản nào."


def test_screenshot_draws_the_register_tab(demo: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from desktop.ui.app import screenshot

    out = tmp_path / "so.png"
    assert screenshot(demo, out, size=(1100, 700), view="register") == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1100, 700)


# -- a long year ----------------------------------------------------------------------------


def long_register(data_dir: Path, count: int) -> int:
    """An archive whose register holds *count* lines in one year; returns the year."""
    from db import register as db_register
    from tests.helpers.notices import apply, notice

    when = datetime(2024, 3, 1, 9, 0, tzinfo=VN_TZ)
    archive = open_archive(data_dir)
    try:
        ids = [f"cv-{i:04d}" for i in range(1, count + 1)]
        apply(archive, [notice(nid, number=f"{i}/UBND-VP") for i, nid in enumerate(ids, 1)])
        with archive.writing() as session:
            db_register.register_incoming(session, ids, when)
    finally:
        archive.close()
    return when.year


def test_a_long_year_opens_at_its_end_and_reads_the_rest_as_it_is_shown(
    make_window: WindowFactory, data_dir: Path, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    year = long_register(data_dir, PAGE + BLOCK + 50)
    window = make_window(data_dir)
    view = view_of(window)
    model = view.model
    assert view.year == year and model.rowCount() == PAGE + BLOCK + 50
    assert view.count_label.text() == f"{PAGE + BLOCK + 50} văn bản"
    # Only the last lines were read, and they are in sight.
    assert [r.incoming_number for r in model.lines()] == list(range(BLOCK + 51, PAGE + BLOCK + 51))
    last = view.table.visualRect(model.index(model.rowCount() - 1, 0))
    assert view.table.viewport().rect().intersects(last)
    assert model.line(0) is None and not model.flags(model.index(0, NOTE)) & (
        Qt.ItemFlag.ItemIsEditable
    )
    # Showing the first line asks for its block, read on the worker and filled in.
    with qtbot.waitSignal(model.dataChanged):
        assert model.index(0, CONTENT).data() is None
    first = model.line(0)
    assert first is not None and first.incoming_number == 1
    assert model.index(0, CONTENT).data() == "Thông báo cv-0001"
    assert len(model.lines()) == PAGE + BLOCK
    qtmodeltester.check(model)


def test_lines_read_before_stay_shown_and_are_read_again_after_a_change(
    make_window: WindowFactory, data_dir: Path, qtbot: QtBot
) -> None:
    year = long_register(data_dir, PAGE + BLOCK)
    window = make_window(data_dir)
    model = view_of(window).model
    with qtbot.waitSignal(model.dataChanged):
        model.index(0, NOTE).data()
    archive = open_archive(data_dir)
    try:  # another window writes line 1
        register.set_register(archive, year, 1, note="Trình Chủ tịch xã")
    finally:
        archive.close()
    window.office.register.apply_changes(Changes(register=True))
    # Still shown while it is read again, then shown as the archive holds it.
    kept = model.line(0)
    assert kept is not None and kept.note is None
    with qtbot.waitSignal(model.dataChanged):
        model.index(0, NOTE).data()
    assert model.index(0, NOTE).data() == "Trình Chủ tịch xã"


def test_at_1024_pixels_every_column_is_in_sight_and_the_summary_takes_the_room(
    make_window: WindowFactory, demo: Path, qtbot: QtBot
) -> None:
    window = make_window(demo)
    view = view_of(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    header = view.table.horizontalHeader()
    room = view.table.viewport().width()
    assert 0 < room <= 1024
    assert header.length() <= room  # no horizontal scroll: "Tình trạng xử lý" in sight
    metrics = header.fontMetrics()
    title = str(view.model.headerData(CONTENT, Qt.Orientation.Horizontal))
    assert header.sectionSize(CONTENT) >= max(metrics.horizontalAdvance(title), room // 4)
    # The mostly empty columns give way before the summary does.
    for column in (ASSIGNED, NOTE):
        assert header.sectionSize(column) < header.sectionSize(CONTENT)
    # Wide again: each heading whole.
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: view.table.viewport().width() > 1400)
    for column in (ASSIGNED, STATUS):
        heading = str(view.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(heading)
