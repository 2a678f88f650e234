"""`bangtin --demo`: the shipped demo notices, in a folder of their own."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli import Cli


def test_demo_lists_the_demo_notices_and_leaves_the_office_archive_alone(
    cli: Cli, data_dir: Path
) -> None:
    notices = cli("--demo", "list", "--json").json()
    assert len(notices) >= 40
    assert all(n["withdrawn"] is False for n in notices)
    published = [n["published"] for n in notices]
    assert published == sorted(published, reverse=True)
    assert all(p.endswith("+07:00") for p in published)
    # The office's data dir (BANGTIN_DATA_DIR) is never created by the demo.
    assert not data_dir.exists()
    assert (data_dir.with_name(data_dir.name + "-demo") / "archive.sqlite3").is_file()
