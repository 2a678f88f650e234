"""Which archive the window shows, and what it may do with it.

A read-only archive opens with a banner and is never offered a restore; a
folder with no archive is made only after asking; the title names the
archive, the demo has a way back, and the demo takes no real bundle.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from db import queries
from db.archive import open_archive
from desktop.messages import text
from desktop.ui import recovery
from desktop.ui.mainwindow import MainWindow
from tests.helpers.bundles import World
from tests.helpers.cli import archive_state
from tests.helpers.dialogs import DialogStub
from tests.helpers.unprivileged import read_only, unprivileged

#: The `make_window` fixture of tests/gui: a window opened on a data dir.
WindowFactory = Callable[..., MainWindow]


def _rows(window: MainWindow) -> int:
    model = window.list_model()
    return 0 if model is None else model.rowCount()


def _count(folder: Path) -> int:
    archive = open_archive(folder)
    try:
        with archive.reading() as session:
            return queries.count_notices(session)
    finally:
        archive.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes: Windows folders have none")
def test_a_read_only_archive_is_read_with_a_banner_and_never_offered_a_restore(
    make_window: WindowFactory,
    populated: Path,
    dialog_stub: DialogStub,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = populated
    offered: list[str] = []
    monkeypatch.setattr(recovery, "ask_damaged_archive", lambda *a: offered.append("asked"))
    with read_only(folder), unprivileged():
        before = archive_state(folder)
        window = make_window(folder)
        assert window.archive_dir == folder
        assert window.banner.isVisible()
        assert "chỉ đọc" in window.banner.label.text()
        assert window.windowTitle() == f"Bảng Tin — {folder} (chỉ đọc)"
        assert _rows(window) == 3
        # Reading works; the view is simply not counted.
        window.open_notice("qd-118-2023")
        assert window.current is not None and window.current.id == "qd-118-2023"
        # A bookmark is refused in one sentence; nothing is damaged.
        window.action("bookmarkAction").trigger()
        assert window.statusBar().currentMessage() == text(
            "archive_read_only", "vi", path=str(folder)
        )
        assert archive_state(folder) == before
    assert offered == []
    assert "show_error" not in dialog_stub.names()


def test_a_writable_archive_has_no_banner_and_its_folder_in_the_title(
    make_window: WindowFactory, populated: Path
) -> None:
    window = make_window(populated)
    assert not window.banner.isVisible()
    assert window.windowTitle() == f"Bảng Tin — {populated}"
    assert not window.action("officeAction").isEnabled()


def test_a_missing_archive_is_made_only_when_the_user_says_so(
    make_window: WindowFactory, tmp_path: Path, dialog_stub: DialogStub
) -> None:
    typo = tmp_path / "ofice"
    window = make_window(typo, create=False)
    assert dialog_stub.names() == ["ask_create_archive", "show_error"]
    assert not typo.exists()
    assert window.archive_dir is None

    dialog_stub.script("ask_create_archive", True)
    window.start()
    assert window.archive_dir == typo
    assert (typo / "archive.sqlite3").is_file()


def test_the_first_start_on_the_default_folder_makes_the_archive_without_asking(
    make_window: WindowFactory, data_dir: Path, dialog_stub: DialogStub
) -> None:
    window = make_window(data_dir)
    assert window.archive_dir == data_dir
    assert dialog_stub.names() == []


def test_the_demo_is_named_has_a_way_back_and_takes_no_real_bundle(
    make_window: WindowFactory, populated: Path, world: World, dialog_stub: DialogStub
) -> None:
    window = make_window(populated)
    window.opener.open_demo()
    demo = populated.with_name(populated.name + "-demo")
    assert window.archive_dir == demo
    assert window.windowTitle() == "Bảng Tin — Kho dữ liệu mẫu"
    office = window.action("officeAction")
    assert office.isEnabled() and office in window.file_menu.actions()

    shown = _count(demo)
    window.importer.import_files([world.bundle1])
    ((name, args),) = [call for call in dialog_stub.calls if call[0] == "show_error"]
    assert args[2] == text("demo_archive", "vi")
    assert _count(demo) == shown

    office.trigger()
    assert window.archive_dir == populated
    assert window.windowTitle() == f"Bảng Tin — {populated}"
    assert not office.isEnabled()
    assert _rows(window) == 3


def test_the_title_follows_the_language(make_window: WindowFactory, populated: Path) -> None:
    window = make_window(populated)
    window.opener.open_demo()
    window.set_language("en")
    assert window.windowTitle() == "Bảng Tin — Demo archive"
