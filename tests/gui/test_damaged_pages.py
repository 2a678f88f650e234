"""An archive too large for the check at open, with a damaged page: the window offers its way out.

The damage is one page's header byte, as a bad sector leaves it; the file
keeps its length, so only reading that page finds it. The recovery dialog
function is replaced, as in test_damaged_archive.py.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import db.archive
from db import backup, store
from db.archive import DB_NAME, open_archive
from desktop.bundles import keys
from desktop.bundles.builder import build_bundle
from desktop.bundles.importer import import_bundle
from desktop.ui import dialogs, recovery
from tests.helpers.damage import flip_page_header
from tests.helpers.sample import WindowFactory, populate

NOTICE = """---
id: {id}
title: "Thông báo {id}"
category: "Văn bản mới"
published: 2023-05-0{day} 09:30
---
Nội dung.
"""


class Asked:
    """Stands in for the recovery dialog: remembers each call, answers *choice*."""

    def __init__(self, choice: str) -> None:
        self.choice = choice
        self.calls: list[str | None] = []

    def __call__(self, parent: Any, lang: str, explain: str, backup_name: str | None) -> str:
        self.calls.append(backup_name)
        return self.choice


def bundle(tmp_path: Path, key_dir: Path, day: int) -> Path:
    src = tmp_path / f"src-{day}"
    src.mkdir()
    (src / f"tb-{day}.md").write_text(NOTICE.format(id=f"tb-{day}", day=day), encoding="utf-8")
    out = tmp_path / "out" / f"goi-{day}.bangtin"
    build_bundle(src, key_dir / keys.PRIVATE_NAME, "UBND xã Thử Nghiệm", out)
    return out


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Titles of the error boxes shown; an info box ("imported") is recorded as one too."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, *_a: shown.append(title))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, *_a: shown.append(f"info: {title}"))
    return shown


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every archive counts as too large for the full check at open."""
    monkeypatch.setattr(db.archive, "THOROUGH_CHECK_BYTES", 0)


def _trusting_archive_with_one_bundle(data_dir: Path, tmp_path: Path) -> Path:
    """An archive in *data_dir* that trusts a new key and holds its bundle 1;
    returns the key's folder, to sign more bundles."""
    key_dir = tmp_path / "keys"
    keys.generate_keypair(key_dir, "thử nghiệm")
    raw, _ = keys.load_public_key(key_dir / keys.PUBLIC_NAME)
    archive = open_archive(data_dir)
    with archive.writing() as session:
        store.add_trusted_key(session, keys.key_id(raw), raw, "Thử nghiệm", datetime.now(UTC))
    import_bundle(archive, bundle(tmp_path, key_dir, 1))
    archive.close()
    return key_dir


@pytest.mark.usefixtures("large")
def test_an_import_into_damaged_pages_offers_the_recovery_dialog(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    key_dir = _trusting_archive_with_one_bundle(data_dir, tmp_path)
    good = backup.take_backup(data_dir)
    # A table the window's lists and the import's checks never read.
    flip_page_header(data_dir / DB_NAME, "related_link")
    asked = Asked("restore")
    monkeypatch.setattr(recovery, "ask_damaged_archive", asked)
    window = make_window(data_dir)
    assert asked.calls == [] and errors == []

    window.importer.import_files([bundle(tmp_path, key_dir, 2)])

    assert asked.calls == [good.name]
    assert errors == []
    assert all(backup.check_file(p).ok for p in backup.list_backups(data_dir))
    assert good in backup.list_backups(data_dir)
    # The choice was carried out: the good backup is back, the damaged file aside.
    assert backup.check_archive(data_dir).ok
    assert len(list(data_dir.glob("archive.damaged-*.sqlite3"))) == 1
    assert window.archive_dir == data_dir


@pytest.mark.usefixtures("large")
def test_reads_that_find_damaged_pages_offer_the_dialog_once(
    make_window: WindowFactory,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    populate(data_dir)
    good = backup.take_backup(data_dir)
    flip_page_header(data_dir / DB_NAME, "notice")
    asked = Asked("later")
    monkeypatch.setattr(recovery, "ask_damaged_archive", asked)
    window = make_window(data_dir)
    window.refresh()
    assert asked.calls == [good.name]
    assert errors == []
    assert list(data_dir.glob("archive.damaged-*")) == []


@pytest.mark.usefixtures("large")
def test_damage_left_by_an_unclean_exit_is_found_after_the_first_content(
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    _trusting_archive_with_one_bundle(data_dir, tmp_path)
    good = backup.take_backup(data_dir)
    flip_page_header(data_dir / DB_NAME, "related_link")
    # The files as a killed program leaves them: a write still in the -wal.
    crashed = tmp_path / "crashed"
    shutil.copytree(data_dir / backup.BACKUP_DIR, crashed / backup.BACKUP_DIR)
    archive = open_archive(data_dir)
    try:
        with archive.writing() as session:
            store.record_view(session, "tb-1", datetime.now(UTC))
        for name in (DB_NAME, DB_NAME + "-wal"):
            shutil.copyfile(data_dir / name, crashed / name)
    finally:
        archive.close()
    assert (crashed / (DB_NAME + "-wal")).stat().st_size > 0
    asked = Asked("restore")
    monkeypatch.setattr(recovery, "ask_damaged_archive", asked)

    make_window(crashed)

    # Opening checks only the file's length now; the full check the window
    # runs behind its first reads found the page no read touches.
    assert asked.calls == [good.name]
    assert errors == []
    assert backup.check_archive(crashed).ok
    assert len(list(crashed.glob("archive.damaged-*.sqlite3"))) == 1
