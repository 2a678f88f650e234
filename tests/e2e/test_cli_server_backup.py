"""`bangtin --database … check | backup | restore`: the shared archive looked after
with PostgreSQL's own tools, by real `bangtin` subprocesses."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import filestore
from db.archive import open_archive
from desktop.cli import main
from desktop.messages import text
from tests.helpers.cli import Cli
from tests.helpers.published import Published


def test_backup_with_pg_dump_then_restore_puts_the_archive_back(
    cli: Cli, published: Published, pg_url: str, data_dir: Path, tmp_path: Path
) -> None:
    db = ("--database", pg_url)
    cli(*db, "trust", "add", published.public_key)
    cli(*db, "import", published.base, "--json")
    before = cli(*db, "list", "--json").json()
    checked = cli(*db, "--lang", "en", "check")
    assert "answers and reads to the end" in checked.stdout
    made = cli(*db, "--lang", "en", "backup")
    assert "pg_dump" in made.stdout
    dumps = sorted((data_dir / "backups").glob("server-*.dump"))
    assert len(dumps) == 1 and dumps[0].name in made.stdout
    cli(*db, "import", published.delta, "--json")
    assert cli(*db, "list", "--json").json() != before
    restored = cli(*db, "restore")
    assert "pg_restore" in restored.stdout
    assert cli(*db, "list", "--json").json() == before
    # The dump carried the attachments' content: a PC with nothing of its own opens them.
    other = open_archive(tmp_path / "other-pc", url=pg_url)
    try:
        with other.reading() as session:
            named = filestore.named_files(session)
            assert named and filestore.stored_count(session) == len(named)
        assert all(filestore.local_copy(other, sha).is_file() for sha in named)
    finally:
        other.close()


def test_backup_without_pg_dump_says_where_to_get_it(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # In process: a PATH without PostgreSQL's programs, and no folder to fall back on.
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("glob.glob", lambda _pattern: [])
    assert main(["--database", pg_url, "backup"]) == 1
    said = capsys.readouterr().err.strip()
    assert said == text("pg_tool_missing", "vi", tool="pg_dump")
    assert "sudo apt install postgresql-client" in said
    assert not (tmp_path / "data" / "backups").exists() or not any(
        (tmp_path / "data" / "backups").iterdir()
    )
