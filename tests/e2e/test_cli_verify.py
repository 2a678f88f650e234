"""`bangtin bundle verify`: the answers of an import, and not a byte written."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli import Cli, archive_state, import_log_rows
from tests.helpers.published import (
    BASE_SEQUENCE,
    DELTA_SEQUENCE,
    OLD_SEQUENCE,
    PUBLISHER,
    Library,
    Published,
    tamper,
)


def test_verify_without_an_archive_creates_none(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    refused = cli.fails("bundle", "verify", published.base)
    assert published.key_id in refused.stderr
    assert "chưa được tin cậy" in refused.stderr
    assert not data_dir.exists()


def test_verify_checks_like_an_import_and_writes_nothing(
    cli: Cli, published: Published, data_dir: Path, tmp_path: Path
) -> None:
    cli("trust", "add", published.public_key)
    before = archive_state(data_dir)

    ok = cli("bundle", "verify", published.base)
    assert ok.stdout.strip() == (
        f"Gói dữ liệu số {BASE_SEQUENCE} của {PUBLISHER} hợp lệ và có thể nhập."
    )
    damaged = cli.fails("bundle", "verify", tamper(published.base, tmp_path / "t.bangtin"))
    assert "không mong đợi" not in damaged.stderr
    early = cli.fails("--lang", "en", "bundle", "verify", published.delta)
    assert f"needs bundle {BASE_SEQUENCE} first" in early.stderr

    assert archive_state(data_dir) == before
    assert import_log_rows(data_dir) == []
    assert sorted(p.name for p in (data_dir / "files").iterdir()) == []


def test_verify_against_an_archive_that_has_the_bundles(
    cli: Cli, published: Published, library: Library
) -> None:
    before = archive_state(library.data_dir)
    lib = ("--data-dir", library.data_dir)
    already = cli(*lib, "bundle", "verify", published.delta)
    assert "đã nhập trước đó" in already.stdout
    assert str(DELTA_SEQUENCE) in already.stdout
    rollback = cli.fails(*lib, "bundle", "verify", published.old)
    assert f"Gói dữ liệu số {OLD_SEQUENCE}" in rollback.stderr
    assert archive_state(library.data_dir) == before
