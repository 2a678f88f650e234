"""Portable mode: `portable.ini` beside the frozen program keeps the archive beside it.

A frozen build is simulated by setting `sys.frozen` and `sys.executable`,
in-process for desktop.paths, and in a subprocess that runs the real command
(trust, import, list) and the window's settings file. packaging/build.sh runs
the same check on the real PyInstaller build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import paths
from tests.helpers.cli import child_env

EXE_NAME = "bangtin.exe" if sys.platform == "win32" else "bangtin"


@pytest.fixture
def install_dir(tmp_path: Path) -> Path:
    """A folder that looks like the unpacked one-folder build."""
    folder = tmp_path / "Bảng Tin"
    folder.mkdir()
    (folder / EXE_NAME).write_bytes(b"")
    return folder


def frozen(monkeypatch: pytest.MonkeyPatch, install_dir: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(install_dir / EXE_NAME))
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)


def test_marker_beside_the_frozen_program_keeps_the_archive_beside_it(
    monkeypatch: pytest.MonkeyPatch, install_dir: Path
) -> None:
    frozen(monkeypatch, install_dir)
    (install_dir / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_dir() == install_dir.resolve() / "data"
    assert paths.demo_data_dir() == install_dir.resolve() / "data-demo"


def test_frozen_without_marker_uses_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, install_dir: Path, tmp_path: Path
) -> None:
    frozen(monkeypatch, install_dir)
    found = paths.data_dir()
    assert install_dir not in found.parents
    if sys.platform.startswith("linux"):
        # The data_dir fixture points XDG_DATA_HOME into the test's folder.
        assert found == tmp_path / "home" / "share" / paths.APP_NAME


def test_marker_beside_a_plain_python_is_ignored(
    monkeypatch: pytest.MonkeyPatch, install_dir: Path
) -> None:
    # Only a frozen build is portable: a marker beside python3 means nothing.
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    monkeypatch.setattr(sys, "executable", str(install_dir / EXE_NAME))
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    (install_dir / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert install_dir.resolve() not in paths.data_dir().parents


def test_data_dir_option_and_environment_still_win_over_the_marker(
    monkeypatch: pytest.MonkeyPatch, install_dir: Path, tmp_path: Path
) -> None:
    frozen(monkeypatch, install_dir)
    (install_dir / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_dir(tmp_path / "chosen") == tmp_path / "chosen"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"


# The child pretends to be the frozen program, then runs real commands.
CHILD = """
import json, sys
sys.frozen = True
sys.executable = sys.argv[1]
from desktop import cli, paths
codes = [
    cli.main(["trust", "add", str(paths.demo_public_key_path())]),
    cli.main(["import", str(paths.demo_bundle_path())]),
]
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from desktop.ui import settings
store = settings.settings_for(paths.data_dir())
store.setValue(settings.ZOOM, 125)
store.sync()
print(json.dumps({"codes": codes, "data": str(paths.data_dir()),
                  "settings": store.fileName()}))
"""


def test_frozen_program_with_marker_imports_into_its_own_folder(
    install_dir: Path, tmp_path: Path
) -> None:
    (install_dir / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = child_env(dict(os.environ), tmp_path / "netguard.log")
    env.pop(paths.ENV_DATA_DIR)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(install_dir / EXE_NAME)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result["codes"] == [0, 0]
    data = install_dir.resolve() / "data"
    assert Path(result["data"]) == data
    assert (data / "archive.sqlite3").is_file()
    assert Path(result["settings"]) == data / "settings.ini"
    assert "125" in (data / "settings.ini").read_text(encoding="utf-8")
    # Nothing went to the user's folders.
    assert not any(p.is_file() for p in home.rglob("*")), sorted(home.rglob("*"))
    assert not (tmp_path / "netguard.log").exists() or not (tmp_path / "netguard.log").read_text(
        "utf-8"
    )
