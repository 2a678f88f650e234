"""`bangtin --database … check | backup | restore`: the shared archive looked after
with PostgreSQL's own tools, by real `bangtin` subprocesses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from db import filestore
from db.archive import open_archive
from db.serverbackup import dump_label, find_tool, libpq_url
from desktop.cli import main
from desktop.messages import text
from tests.helpers.cli import Cli
from tests.helpers.postgres import PASSWORD, PASSWORD_USER, admin_execute
from tests.helpers.published import Published


def test_backup_with_pg_dump_then_restore_puts_the_archive_back(
    cli: Cli, published: Published, pg_url: str, data_dir: Path, tmp_path: Path
) -> None:
    db = ("--database", pg_url)
    cli(*db, "trust", "add", published.public_key)
    cli(*db, "import", published.base, "--json")
    before = cli(*db, "list", "--json").json()
    checked = cli(*db, "--lang", "en", "check")
    assert "answers and reads to the end (rows read: " in checked.stdout  # never "1 rows"
    made = cli(*db, "--lang", "en", "backup")
    assert "pg_dump" in made.stdout
    dumps = sorted((data_dir / "backups").glob("server-*.dump"))
    assert len(dumps) == 1 and dumps[0].name in made.stdout
    assert dump_label(pg_url) in dumps[0].name
    cli(*db, "import", published.delta, "--json")
    after = cli(*db, "list", "--json").json()
    assert after != before
    restored = cli(*db, "--lang", "en", "restore")
    assert "pg_restore" in restored.stdout
    assert cli(*db, "list", "--json").json() == before
    # What the restore replaced is kept, and puts that state back in turn.
    (aside,) = (data_dir / "backups").glob("replaced-*.dump")
    assert text("server_restored_aside", "en", aside=aside) in restored.stdout
    cli(*db, "restore", str(aside))
    assert cli(*db, "list", "--json").json() == after
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


def test_restore_takes_this_databases_own_dump_never_anothers(
    cli: Cli, published: Published, pg_url: str, pg_empty_url: str, data_dir: Path
) -> None:
    mine, other = ("--database", pg_url), ("--database", pg_empty_url)
    cli(*mine, "trust", "add", published.public_key)
    cli(*mine, "import", published.base, "--json")
    cli(*mine, "backup")
    before = cli(*mine, "list", "--json").json()
    # Another database this PC looks after, backed up later: its dumps are the newest.
    cli(*other, "init")
    cli(*other, "backup")
    cli(*other, "backup")
    cli(*mine, "import", published.delta, "--json")
    cli(*mine, "restore")
    assert cli(*mine, "list", "--json").json() == before

    # Pruning keeps each database's own newest dumps.
    cli(*other, "backup", "prune", "--keep", "1")
    backups = data_dir / "backups"
    assert len(list(backups.glob(f"server-{dump_label(pg_url)}-*.dump"))) == 1
    assert len(list(backups.glob(f"server-{dump_label(pg_empty_url)}-*.dump"))) == 1


def test_the_password_never_goes_on_pg_dumps_command_line(
    pg_server: str,
    pg_empty_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = make_url(pg_empty_url).database
    admin_execute(pg_server, f'ALTER DATABASE "{name}" OWNER TO {PASSWORD_USER}')
    url = make_url(pg_empty_url).set(username=PASSWORD_USER, password=PASSWORD)
    with_password = url.render_as_string(False)
    assert PASSWORD not in libpq_url(with_password)
    # The real pg_dump, behind a script that writes down the command line it was given.
    real = find_tool("pg_dump")
    tools = tmp_path / "tools"
    tools.mkdir()
    seen = tmp_path / "argv.txt"
    wrapper = tools / "pg_dump"
    wrapper.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{seen}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    argv = ["--data-dir", str(tmp_path / "data"), "--database", with_password]
    assert main([*argv, "init"]) == 0, capsys.readouterr().err
    assert main([*argv, "backup"]) == 0, capsys.readouterr().err
    given = seen.read_text(encoding="utf-8")
    assert "--dbname=" in given and PASSWORD not in given


def test_a_backup_of_the_other_kind_is_named_for_what_it_is(
    cli: Cli, published: Published, pg_url: str, data_dir: Path
) -> None:
    db = ("--database", pg_url)
    cli(*db, "trust", "add", published.public_key)
    cli(*db, "import", published.base, "--json")
    cli(*db, "backup")
    (dump,) = (data_dir / "backups").glob("server-*.dump")
    server_before = cli(*db, "list", "--json").json()
    # This PC's own archive, with a backup of its own.
    cli("init")
    cli("backup")
    (pc_backup,) = (data_dir / "backups").glob("archive-*.sqlite3")
    refused = cli.fails("restore", dump)
    assert refused.err_lines == [text("restore_dump_to_pc", "vi", path=str(dump))]
    refused = cli.fails(*db, "restore", pc_backup)
    assert refused.err_lines == [text("restore_sqlite_to_server", "vi", path=str(pc_backup))]
    assert cli(*db, "list", "--json").json() == server_before
    assert "hỏng" not in refused.stderr


def test_two_dumps_in_one_second_never_overwrite_each_other(pg_url: str, tmp_path: Path) -> None:
    from datetime import datetime

    from db.serverbackup import list_dumps, take_backup

    now = datetime(2026, 12, 7, 6, 43, 4)
    first = take_backup(pg_url, tmp_path, now=now)
    second = take_backup(pg_url, tmp_path, now=now)
    assert first != second and first.is_file() and second.is_file()
    assert list_dumps(tmp_path, pg_url) == [second, first]  # newest first


def test_a_clock_set_back_never_makes_an_older_dump_the_newest(
    cli: Cli, published: Published, pg_url: str, data_dir: Path
) -> None:
    from datetime import datetime

    from db.serverbackup import KEEP, list_dumps, take_backup

    db = ("--database", pg_url)
    cli(*db, "trust", "add", published.public_key)
    cli(*db, "import", published.base, "--json")
    before = cli(*db, "list", "--json").json()
    # Taken while the PC's clock ran years ahead; it was put right since.
    ahead = [take_backup(pg_url, data_dir, now=datetime(2099, 1, 1, 9, 0, i)) for i in range(3)]
    cli(*db, "import", published.delta, "--json")
    after = cli(*db, "list", "--json").json()
    assert after != before
    for _ in range(3):
        cli(*db, "backup")  # the keep-5 pruning deletes the oldest, not the newest
    kept = list_dumps(data_dir, pg_url)
    assert len(kept) == KEEP and ahead[0] not in kept and kept[-1] == ahead[1]
    cli(*db, "import", published.next, "--json")
    cli(*db, "restore")
    assert cli(*db, "list", "--json").json() == after


def test_restoring_a_file_that_is_no_dump_is_refused_before_anything_is_done(
    cli: Cli, pg_url: str, data_dir: Path, tmp_path: Path
) -> None:
    db = ("--database", pg_url)
    cli(*db, "init")
    before = cli(*db, "list", "--json").json()
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("không phải bản sao lưu\n", encoding="utf-8")
    refused = cli.fails(*db, "restore", notes)
    assert refused.err_lines == [text("restore_not_a_dump", "vi", path=str(notes))]
    missing = tmp_path / "khong-co.dump"
    refused = cli.fails(*db, "--lang", "en", "restore", missing)
    assert refused.err_lines == [text("file_missing", "en", path=str(missing))]
    # Not even the state it would replace was dumped aside; the archive is as it was.
    assert not list((data_dir / "backups").glob("replaced-*.dump"))
    assert cli(*db, "list", "--json").json() == before
