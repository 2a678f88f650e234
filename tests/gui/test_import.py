"""Importing from the window: menu, drop, USB stick; refused and cancelled bundles."""

from __future__ import annotations

import json
import sqlite3
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import db.archive
from db import provenance, queries, store
from db.archive import Archive, open_archive
from desktop.bundles import keys
from desktop.bundles.builder import build_bundle
from desktop.bundles.errors import ImportCancelled
from desktop.messages import text
from desktop.ui import dialogs, usbwatch
from desktop.ui.mainwindow import READER_PAGE, WELCOME_PAGE
from desktop.ui.usbwatch import Volume
from tests.helpers.sample import WindowFactory

NOTICE = """---
id: {id}
title: "{title}"
category: "Văn bản mới"
published: 2023-05-0{day} 09:30
number: "{day}/TB-UBND"
---
Nội dung {title}.
"""


class Shown:
    """Records what the replaceable dialog functions were asked to show."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.infos: list[tuple[str, str, str]] = []
        self.errors: list[tuple[str, str, str]] = []
        monkeypatch.setattr(
            dialogs, "show_info", lambda p, t, x, d="": self.infos.append((t, x, d))
        )
        monkeypatch.setattr(
            dialogs, "show_error", lambda p, t, x, d="": self.errors.append((t, x, d))
        )
        # A refusal for an untrusted key is the same box with "Tin cậy khóa này…"; declined.
        monkeypatch.setattr(dialogs, "offer_trust", self._declined_offer)

    def _declined_offer(
        self, parent: object, title: str, text: str, detail: str, offer: str
    ) -> bool:
        self.errors.append((title, text, detail))
        return False


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    return Shown(monkeypatch)


@pytest.fixture
def key_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "keys"
    keys.generate_keypair(folder, "test publisher")
    return folder


def make_bundle(tmp_path: Path, key_dir: Path, name: str = "goi.bangtin", count: int = 2) -> Path:
    src = tmp_path / f"src-{name}"
    src.mkdir()
    for i in range(1, count + 1):
        (src / f"tb-{i}.md").write_text(
            NOTICE.format(id=f"tb-{i}-2023", title=f"Thông báo số {i}", day=i), encoding="utf-8"
        )
    out = tmp_path / "out" / name
    build_bundle(src, key_dir / keys.PRIVATE_NAME, "UBND xã Thử Nghiệm", out)
    return out


def trust(data_dir: Path, key_dir: Path) -> None:
    raw, _comment = keys.load_public_key(key_dir / keys.PUBLIC_NAME)
    archive = open_archive(data_dir)
    with archive.writing() as session:
        store.add_trusted_key(session, keys.key_id(raw), raw, "Thử nghiệm", datetime.now(UTC))
    archive.close()


def snapshot(data_dir: Path) -> tuple[int, int, list[str]]:
    archive = open_archive(data_dir)
    with archive.reading() as session:
        result = (
            queries.count_notices(session),
            len(provenance.import_log(session)),
            sorted(p.name for p in archive.files_dir.rglob("*") if p.is_file()),
        )
    archive.close()
    return result


def test_menu_import_of_a_good_bundle(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    key_dir: Path,
    shown: Shown,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trust(data_dir, key_dir)
    bundle = make_bundle(tmp_path, key_dir)
    monkeypatch.setattr(dialogs, "choose_bundle_file", lambda parent: bundle)
    window = make_window(data_dir)
    assert window.pages.currentIndex() == WELCOME_PAGE
    window.action("importAction").trigger()
    assert shown.errors == []
    assert len(shown.infos) == 1
    _title, text, details = shown.infos[0]
    assert "UBND xã Thử Nghiệm" in text
    assert "Văn bản mới: 2" in details
    assert "Văn bản cập nhật: 0" in details
    assert "Văn bản thu hồi: 0" in details
    assert "Không thay đổi: 0" in details
    assert window.pages.currentIndex() == READER_PAGE
    model = window.list_model()
    assert model is not None and model.rowCount() == 2
    assert window.update_label.text().endswith("từ UBND xã Thử Nghiệm")
    assert snapshot(data_dir)[0] == 2

    # The same bundle again: nothing changes, and the clerk is told so.
    window.action("importAction").trigger()
    assert "đã được nhập trước đây" in shown.infos[1][1]
    assert snapshot(data_dir)[0] == 2


@pytest.mark.parametrize("kind", ["random_manifest", "truncated", "untrusted", "not_a_zip"])
def test_hostile_bundles_are_explained_and_change_nothing(
    kind: str,
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    key_dir: Path,
    shown: Shown,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trust(data_dir, key_dir)
    good = make_bundle(tmp_path, key_dir)
    bad = tmp_path / "xau.bangtin"
    if kind == "random_manifest":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("manifest.json", json.dumps({"hello": [1, 2, 3], "format": "??"}))
            zf.writestr("signature", b"\x00" * 64)
    elif kind == "truncated":
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    elif kind == "untrusted":
        other_keys = tmp_path / "other-keys"
        keys.generate_keypair(other_keys)
        bad = make_bundle(tmp_path, other_keys, "la.bangtin")
    else:
        bad.write_bytes(b"this is not a zip at all")
    before = snapshot(data_dir)
    monkeypatch.setattr(dialogs, "choose_bundle_file", lambda parent: bad)
    window = make_window(data_dir)
    window.action("importAction").trigger()
    assert shown.infos == []
    assert len(shown.errors) == 1
    title, text, details = shown.errors[0]
    assert title == "Không nhập được gói dữ liệu"
    assert text and "Traceback" not in text
    assert any(ch in text for ch in "ạảãáàậẩẫấầặẳẵắằệểễếềịỉĩíìọỏõóòộổỗốồ")  # Vietnamese
    assert "Kho dữ liệu không thay đổi" in details
    assert snapshot(data_dir) == before
    assert window.pages.currentIndex() == WELCOME_PAGE


def test_an_archive_held_by_another_program_is_said_in_one_sentence(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    key_dir: Path,
    shown: Shown,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trust(data_dir, key_dir)
    bundle = make_bundle(tmp_path, key_dir)
    # The window's writer waits this long for the lock before it gives up.
    monkeypatch.setattr(db.archive, "BUSY_TIMEOUT_MS", 50)
    window = make_window(data_dir)
    holder = sqlite3.connect(data_dir / db.archive.DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = snapshot(data_dir)
        window.importer.import_files([bundle])
        assert snapshot(data_dir) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert shown.errors == [
        (
            "Không nhập được gói dữ liệu",
            text("busy", "vi"),
            f"Tệp: {bundle.name}. Kho dữ liệu không thay đổi.",
        )
    ]
    assert shown.infos == []


def test_cancelled_import_leaves_the_archive_unchanged(
    qtbot: QtBot,
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    key_dir: Path,
    shown: Shown,
) -> None:
    trust(data_dir, key_dir)
    bundle = make_bundle(tmp_path, key_dir, count=3)
    before = snapshot(data_dir)
    window = make_window(data_dir, threaded=True)
    gate = threading.Event()

    def hold(_archive: Archive) -> None:
        gate.wait(10)

    # Hold the worker so the cancel lands before the import starts, whatever the timing.
    window.runner.query(window, hold)
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as blocker:
        window.importer.import_files([bundle])
        dialog = window.findChild(QProgressDialog)
        assert dialog is not None
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # "Hủy"
        gate.set()
    assert isinstance(blocker.args[0], ImportCancelled)
    assert shown.errors == [] and shown.infos == []
    assert "Đã hủy" in window.statusBar().currentMessage()
    window.close()
    assert snapshot(data_dir) == before


def test_window_keeps_responding_while_importing(
    qtbot: QtBot,
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    key_dir: Path,
    shown: Shown,
) -> None:
    trust(data_dir, key_dir)
    bundle = make_bundle(tmp_path, key_dir, count=5)
    window = make_window(data_dir, threaded=True)
    gate = threading.Event()
    window.runner.query(window, lambda _archive: gate.wait(10))
    window.importer.import_files([bundle])
    # The import is queued behind a busy worker, yet the GUI thread answers at once.
    window.article.zoom_bar.zoom_in()
    assert window.article.zoom_bar.label.text() == "110%"
    assert window.importer.busy()
    with qtbot.waitSignal(window.importer.idle, timeout=20000):
        gate.set()
    assert len(shown.infos) == 1 and "Văn bản mới: 5" in shown.infos[0][2]
    qtbot.waitUntil(lambda: (m := window.list_model()) is not None and m.rowCount() == 5)


def _drop_event(paths: list[Path]) -> tuple[QMimeData, QDropEvent]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    return mime, event


def test_dropping_a_bundle_imports_it(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    key_dir: Path,
    shown: Shown,
) -> None:
    trust(data_dir, key_dir)
    bundle = make_bundle(tmp_path, key_dir)
    window = make_window(data_dir)
    text_file = tmp_path / "ghi-chu.txt"
    text_file.write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text_file))])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    _mime, drop = _drop_event([bundle])
    enter2 = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        _mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter2)
    assert enter2.isAccepted()
    QApplication.sendEvent(window, drop)
    assert len(shown.infos) == 1
    assert snapshot(data_dir)[0] == 2


def test_a_newly_plugged_stick_offers_its_bundles(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    key_dir: Path,
    shown: Shown,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trust(data_dir, key_dir)
    stick = tmp_path / "stick"
    (stick / "BANGTIN").mkdir(parents=True)
    bundle = make_bundle(tmp_path, key_dir)
    (stick / "BANGTIN" / bundle.name).write_bytes(bundle.read_bytes())
    (stick / "deep" / "deeper").mkdir(parents=True)
    (stick / "deep" / "deeper" / "too-deep.bangtin").write_bytes(b"x")
    volumes: list[Volume] = [Volume(tmp_path / "old-disk", "Ổ cũ")]
    monkeypatch.setattr(usbwatch, "mounted_volumes", lambda: list(volumes))
    offered: list[tuple[str, list[str]]] = []

    def offer(parent: object, volume: str, paths: list[Path]) -> list[Path]:
        offered.append((volume, [p.name for p in paths]))
        return list(paths)

    monkeypatch.setattr(dialogs, "offer_bundles", offer)
    window = make_window(data_dir, watch_volumes=True)
    window.volume_watcher.poll()
    assert offered == []  # drives present at start are not offered
    volumes.append(Volume(stick, "USB KINGSTON"))
    window.volume_watcher.poll()
    assert offered == [("USB KINGSTON", ["goi.bangtin"])]
    assert len(shown.infos) == 1 and shown.errors == []
    assert snapshot(data_dir)[0] == 2
    window.volume_watcher.poll()  # still plugged in: not offered again
    assert len(offered) == 1
    assert window.volume_watcher.timer.interval() == 3000


def test_declining_the_offer_imports_nothing(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    key_dir: Path,
    shown: Shown,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = make_bundle(tmp_path, key_dir)
    (stick / bundle.name).write_bytes(bundle.read_bytes())
    volumes: list[Volume] = []
    monkeypatch.setattr(usbwatch, "mounted_volumes", lambda: list(volumes))
    monkeypatch.setattr(dialogs, "offer_bundles", lambda parent, volume, paths: [])
    window = make_window(data_dir, watch_volumes=True)
    volumes.append(Volume(stick, "USB"))
    window.volume_watcher.poll()
    assert shown.infos == [] and shown.errors == []
    assert snapshot(data_dir)[0] == 0
