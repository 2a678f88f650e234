"""A healthy archive that may not be written is read, never called damaged, and never changed.

The archive is a copy of the library in a folder made read-only; each
`bangtin` runs without the rights that let root write past file modes
(tests/helpers/unprivileged.py), as an office clerk's account would.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from desktop.messages import text
from tests.helpers.cli import Cli, archive_state
from tests.helpers.published import LIBRARY_IDS, Library, Published, ids_of
from tests.helpers.unprivileged import read_only

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX modes: Windows folders have no read-only mode"
)


def _copy(library: Library, dest: Path) -> Path:
    shutil.copytree(library.data_dir, dest)
    return dest


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("files_only", [False, True], ids=["folder", "file"])
def test_a_read_only_archive_is_read_and_left_as_it_was(
    cli: Cli, library: Library, tmp_path: Path, files_only: bool
) -> None:
    folder = _copy(library, tmp_path / "office")
    db = ("--data-dir", folder)
    with read_only(folder, files_only=files_only):
        before = archive_state(folder)
        present = _listing(folder)
        listed = cli(*db, "list", "--json", unprivileged=True).json()
        assert ids_of(listed) == LIBRARY_IDS
        found = cli(*db, "search", "nghỉ lễ", "--json", unprivileged=True).json()
        assert "tb-52-2023" in ids_of(found["results"])
        shown = cli(*db, "show", "tb-52-2023", unprivileged=True)
        assert shown.stdout.startswith("Thông báo nghỉ lễ")
        assert cli(*db, "categories", unprivileged=True).stdout
        checked = cli(*db, "check", unprivileged=True)  # sound, though it may not be written
        assert checked.stdout.startswith(f"Kho dữ liệu {folder} không có lỗi")
        assert archive_state(folder) == before
        if not files_only:
            # Nothing made, nothing removed: no -wal, -shm, staging or lock file.
            assert _listing(folder) == present


def test_writes_to_a_read_only_archive_are_refused_in_one_sentence(
    cli: Cli, library: Library, tmp_path: Path, published: Published
) -> None:
    folder = _copy(library, tmp_path / "office")
    db = ("--data-dir", folder)
    said = text("archive_read_only", "vi", path=str(folder))
    with read_only(folder):
        before = archive_state(folder)
        for args in (("import", published.next), ("reindex",), ("backup",), ("restore",)):
            refused = cli.fails(*db, *args, unprivileged=True)
            assert refused.err_lines == [said], refused.describe()
            assert "hỏng" not in said.replace("không bị hỏng", "")
        assert archive_state(folder) == before


def test_no_write_right_is_not_damage_and_a_damaged_file_still_is(
    cli: Cli, library: Library, tmp_path: Path
) -> None:
    folder = _copy(library, tmp_path / "office")
    db = folder / "archive.sqlite3"
    with db.open("r+b") as fh:  # a truncated copy: damage, whatever the modes
        fh.truncate(db.stat().st_size // 2)
    with read_only(folder):
        refused = cli.fails("--data-dir", folder, "list", unprivileged=True)
    assert refused.err_lines == [text("archive_damaged", "vi", path=str(folder))]


def test_an_archive_this_user_may_not_read_is_no_damage(
    cli: Cli, library: Library, tmp_path: Path
) -> None:
    folder = _copy(library, tmp_path / "office")
    db = folder / "archive.sqlite3"
    before = archive_state(folder)
    db.chmod(0)  # another account's archive, or a mode set wrong: not bad pages
    try:
        checked = cli.fails("--data-dir", folder, "check", unprivileged=True)
    finally:
        db.chmod(0o600)
    assert checked.err_lines == [text("os_no_permission", "vi", path=str(db))], checked.describe()
    assert "restore" not in checked.stderr and "hỏng" not in checked.stderr
    assert archive_state(folder) == before
