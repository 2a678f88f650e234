"""Saving from the window: attachments ("Mở" / "Lưu tệp đính kèm…") and "Xuất PDF" names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from desktop.ui import printactions
from desktop.ui.mainwindow import MainWindow
from tests.helpers.dialogs import DialogStub


def open_row(window: MainWindow, notice_id: str) -> None:
    model = window.list_model()
    assert model is not None
    row = model.row_of(notice_id)
    assert row is not None
    window.list_view.setCurrentIndex(model.index(row, 0))
    assert window.current is not None and window.current.id == notice_id


def pdf_sha(window: MainWindow) -> str:
    assert window.current is not None
    return next(a.sha256 for a in window.current.attachments if a.name.endswith(".pdf"))


def test_each_attachment_offers_open_and_save_side_by_side(
    make_window: object, populated: Path
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    open_row(window, "qd-118-2023")
    html = window.browser.toHtml()
    sha = pdf_sha(window)
    assert f'href="attachment:{sha}?save"' in html
    assert "Lưu tệp đính kèm…" in window.browser.toPlainText()
    assert "— Mở ·" in window.browser.toPlainText()


def test_saving_an_attachment_proposes_the_last_folder(
    make_window: object, populated: Path, tmp_path: Path, dialog_stub: DialogStub
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    open_row(window, "qd-118-2023")
    sha = pdf_sha(window)
    chosen = tmp_path / "USB" / "van-ban.pdf"
    chosen.parent.mkdir()
    dialog_stub.script("choose_save_path", chosen, None)
    window.browser.link_activated.emit(QUrl(f"attachment:{sha}?save"))
    first = Path(dialog_stub.calls[0][1][1])
    assert first.name == "quyet-dinh.pdf"
    assert first.parent == Path.home()  # no Documents folder in the test's home
    assert chosen.read_bytes().startswith(b"%PDF")
    window.browser.link_activated.emit(QUrl(f"attachment:{sha}?save"))
    assert Path(dialog_stub.calls[1][1][1]).parent == chosen.parent


@pytest.mark.parametrize("accept", [True, False])
def test_no_viewer_offers_to_save_instead(
    make_window: object, populated: Path, tmp_path: Path, dialog_stub: DialogStub, accept: bool
) -> None:
    window = make_window(populated)  # type: ignore[operator]
    open_row(window, "qd-118-2023")
    dialog_stub.script("open_url", False)
    dialog_stub.script("offer_save_instead", accept)
    if accept:
        dialog_stub.script("choose_save_path", tmp_path / "copy.pdf")
    window.browser.link_activated.emit(QUrl(f"attachment:{pdf_sha(window)}"))
    expected = ["open_url", "offer_save_instead"] + (["choose_save_path"] if accept else [])
    assert dialog_stub.names() == expected
    assert (tmp_path / "copy.pdf").exists() is accept
    said = window.statusBar().currentMessage()
    assert said.startswith("Đã lưu") if accept else "Không có chương trình nào mở được" in said


def test_export_pdf_proposes_number_and_title_in_the_last_folder(
    make_window: object,
    populated: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    window = make_window(populated)  # type: ignore[operator]
    open_row(window, "qd-118-2023")
    asked: list[str] = []
    target = tmp_path / "Xuat" / "qd.pdf"
    target.parent.mkdir()

    def choose(_parent: object, suggested: str) -> Path | None:
        asked.append(suggested)
        return target if len(asked) == 1 else None

    monkeypatch.setattr(printactions, "choose_pdf_path", choose)
    with qtbot.waitSignal(window.print_actions.pdf_written, timeout=20000):
        window.print_actions.pdf_action.trigger()
    assert Path(asked[0]) == documents / (
        "118-QD-UBND Quyet dinh phe duyet ke hoach chuyen doi so nam 2023.pdf"
    )
    window.print_actions.pdf_action.trigger()
    assert Path(asked[1]).parent == target.parent  # the folder used last
