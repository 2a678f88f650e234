"""Receipts in the window: the office's identity, receipts onto the stick, the province's view."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.archive import open_archive
from desktop.receipts.ack import build_ack
from desktop.receipts.importer import import_receipt
from desktop.ui import receiptdialogs, usbwatch
from desktop.ui.receiptdialogs import IdentityAnswer
from desktop.ui.trackingview import COLOURS
from desktop.ui.usbwatch import Volume
from tests.helpers.dialogs import DialogStub
from tests.helpers.receipts import OFFICE_A, ReceiptWorld, make_office, receipt_manifest
from tests.helpers.sample import WindowFactory

RECEIPT_DIALOGS = {"ask_office_identity": None, "offer_receipt": False, "choose_receipt_path": None}


@pytest.fixture
def receipt_dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogStub:
    stub = DialogStub(RECEIPT_DIALOGS)
    stub.install(receiptdialogs, monkeypatch)
    return stub


def test_the_office_identity_from_the_file_menu(
    make_window: WindowFactory,
    receipt_world: ReceiptWorld,
    tmp_path: Path,
    receipt_dialogs: DialogStub,
    dialog_stub: DialogStub,
) -> None:
    data = tmp_path / "office"
    shutil.copytree(receipt_world.world.template, data)
    window = make_window(data)
    controller = window.receipts
    assert controller.label.isHidden()
    assert not controller.actions["trackingAction"].isVisible()
    receipt_dialogs.script(
        "ask_office_identity", IdentityAnswer("UBND xã Hòa Bình", "000.00.40.h56", tmp_path / "k")
    )
    controller.actions["officeInfoAction"].trigger()
    assert (tmp_path / "k" / "office.key").is_file()
    assert dialog_stub.names() == ["show_info"]
    assert controller.state is not None and controller.state.office is not None
    assert controller.state.office.code == "000.00.40.H56"
    # Bundle 1's arrivals and registration are not told yet.
    assert controller.label.text() == "Chưa ghi báo nhận; 4 sự kiện chưa báo"
    assert controller.label.isVisibleTo(window)
    # A second time it shows the identity, and makes none.
    controller.actions["officeInfoAction"].trigger()
    assert receipt_dialogs.names() == ["ask_office_identity"]
    assert dialog_stub.names() == ["show_info", "show_info"]


def test_after_a_stick_import_a_receipt_is_written_onto_it(
    make_window: WindowFactory,
    receipt_world: ReceiptWorld,
    tmp_path: Path,
    receipt_dialogs: DialogStub,
    dialog_stub: DialogStub,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "office"
    make_office(receipt_world.world.template, data, *OFFICE_A, tmp_path / "key")
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copy(receipt_world.world.bundle2, stick / "goi-2.bangtin")
    volumes: list[Volume] = []
    monkeypatch.setattr(usbwatch, "mounted_volumes", lambda: list(volumes))
    window = make_window(data, watch_volumes=True)
    dialog_stub.script("offer_bundles", [stick / "goi-2.bangtin"])
    receipt_dialogs.script("offer_receipt", True)
    volumes.append(Volume(stick, "USB KINGSTON"))
    window.volume_watcher.poll()
    assert receipt_dialogs.calls == [("offer_receipt", (window, "USB KINGSTON"))]
    written = sorted(stick.glob("*.bangtin-receipt"))
    assert [p.name for p in written] == ["bao-nhan-000.00.12.H56-000001.bangtin-receipt"]
    data_json = receipt_manifest(written[0])
    assert [b["sequence"] for b in data_json["bundles"]] == [1, 2]
    assert window.receipts.label.text().startswith("Báo nhận gần nhất: ")
    assert window.receipts.label.text().endswith("; 0 sự kiện chưa báo")


def test_export_and_the_acknowledgement_on_the_next_stick(
    make_window: WindowFactory,
    receipt_world: ReceiptWorld,
    tmp_path: Path,
    receipt_dialogs: DialogStub,
    dialog_stub: DialogStub,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "office"
    make_office(receipt_world.world.template, data, *OFFICE_A, tmp_path / "key")
    window = make_window(data, watch_volumes=True)
    out = tmp_path / "r1.bangtin-receipt"
    receipt_dialogs.script("choose_receipt_path", out)
    window.receipts.actions["exportReceiptAction"].trigger()
    assert out.is_file()
    assert dialog_stub.names() == ["show_info"]
    # The province imports it and acknowledges it on the next stick.
    province = open_archive(tmp_path / "province")
    try:
        from desktop.ops.receipts import enrol_office

        enrol_office(province, tmp_path / "key" / "office.pub")
        import_receipt(province, out)
        stick = tmp_path / "stick"
        stick.mkdir()
        build_ack(
            province, receipt_world.world.keys.private_path, "UBND xã Demo", stick / "a.bangtin-ack"
        )
    finally:
        province.close()
    volumes = [Volume(stick, "USB")]
    monkeypatch.setattr(usbwatch, "mounted_volumes", lambda: list(volumes))
    assert window.receipts.state is not None and window.receipts.state.acknowledged == 0
    window.volume_watcher.volume_added.emit(volumes[0])
    assert window.receipts.state.acknowledged == 1
    assert window.statusBar().currentMessage() == "Tỉnh đã xác nhận báo nhận số 1."
    # Nothing was imported from that stick: no receipt is offered.
    assert receipt_dialogs.names() == ["choose_receipt_path"]


def test_the_tracking_view_colours_notices_by_office(
    make_window: WindowFactory,
    receipt_world: ReceiptWorld,
    tmp_path: Path,
    qtbot: QtBot,
    qtmodeltester: object,
) -> None:
    data = tmp_path / "province"
    shutil.copytree(receipt_world.province_template, data)
    archive = open_archive(data)
    try:
        import_receipt(archive, receipt_world.receipt1)
    finally:
        archive.close()
    window = make_window(data)
    action = window.receipts.actions["trackingAction"]
    assert action.isVisible() and action.isEnabled()
    with qtbot.waitSignal(window.receipts.tracking_ready):
        action.trigger()
    dialog = window.receipts.tracking
    assert dialog is not None
    model = dialog.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Văn bản",
        "UBND xã An Bình",
        "UBND xã Bình Minh",
    ]
    assert model.notice_ids() == ["a", "b", "c"]
    a_row = model.notice_ids().index("a")
    cell = model.index(a_row, 1)
    assert model.data(cell) == "Đang xử lý"
    # This province never imported the bundle it sent: the notices are named by id,
    # and a sentence above the table says why.
    assert model.data(model.index(a_row, 0)) == "Văn bản mã a (chưa rõ số và tên)"
    assert dialog.note.isVisibleTo(dialog)
    assert dialog.note.text().startswith(
        "3 văn bản các đơn vị báo về không có trong kho dữ liệu này: báo nhận chỉ ghi mã văn bản"
    )
    assert model.data(model.index(a_row, 0), Qt.ItemDataRole.ToolTipRole) == dialog.note.text()
    # Each office's name is whole in its column's header.
    header = dialog.table.horizontalHeader()
    for column in (1, 2):
        assert dialog.table.columnWidth(column) >= header.sectionSizeHint(column)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["05"]
    assert model.data(model.index(a_row, 2)) == "Chưa nhận"
    assert (
        model.data(model.index(a_row, 2), Qt.ItemDataRole.BackgroundRole).color().name()
        == COLOURS[None]
    )
    dialog.not_received.setChecked(True)
    assert model.notice_ids() == ["a", "b", "c"]
    dialog.overdue.setChecked(True)
    # No notice here has a deadline: none is overdue.
    assert model.notice_ids() == []
    qtmodeltester.check(model)  # type: ignore[attr-defined]
