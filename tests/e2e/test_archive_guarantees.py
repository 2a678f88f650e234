"""Issue 13's data-loss cases, with the real `bangtin` command in subprocesses.

- a damaged archive too large for the check at open: `list` and `import`
  say so in one sentence, and no backup is lost;
- `restore` while an import is writing refuses, and the import's notices
  land in the archive, not in a file set aside;
- the same bundle imported twice at once: one imports, the other waits and
  finds it applied;
- a `-wal` deleted while another program holds the archive is not damage;
- `bangtin backup prune`.

An import is held inside its write transaction with tests/helpers/held.py.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from db.archive import DB_NAME, open_archive
from desktop.messages import text
from tests.helpers.cli import TIMEOUT, Cli, Result, import_log_rows
from tests.helpers.damage import flip_page_header
from tests.helpers.held import start_held
from tests.helpers.published import LIBRARY_IDS, Published, ids_of, trust_and_import

#: `bangtin` with the check at open lowered to nothing, as for an archive over 64 MB.
LARGE = (
    "import sys, db.archive\n"
    "db.archive.THOROUGH_CHECK_BYTES = 0\n"
    "from desktop.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def as_large(cli: Cli, *args: str | Path) -> Result:
    """Run `bangtin ARGS` as if the archive were too large for the check at open."""
    argv = tuple(str(a) for a in args)
    proc = subprocess.run(
        [sys.executable, "-c", LARGE, *argv],
        env=cli.env,
        cwd=cli.cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    result = Result(argv, proc.returncode, proc.stdout.decode(), proc.stderr.decode())
    cli.assert_no_network()
    assert "Traceback" not in result.stderr, result.describe()
    return result


def integrity(data_dir: Path) -> str:
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def backups_of(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((data_dir / "backups").glob("*.sqlite3"))}


# -- 1. a damaged large archive ---------------------------------------------------------------


def test_a_damaged_large_archive_is_named_as_such_and_keeps_its_backups(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    trust_and_import(cli, published, published.base, published.delta)
    cli("backup")
    kept = backups_of(data_dir)
    flip_page_header(data_dir / DB_NAME, "notice")

    listed = as_large(cli, "list")
    assert listed.returncode == 1 and listed.stdout == "", listed.describe()
    assert listed.err_lines == [text("archive_pages_damaged", "vi", path=str(data_dir))], (
        listed.describe()
    )

    for _ in range(2):
        imported = as_large(cli, "import", published.next, "--json")
        assert imported.returncode == 1, imported.describe()
        (line,) = imported.json_lines()
        assert line["status"] == "refused" and line["code"] == "import_damaged_archive"
    assert backups_of(data_dir) == kept

    # `bangtin check` and `restore` are the way out, as the sentence says.
    assert "bangtin restore" in cli.fails("check").stderr
    cli("restore")
    assert ids_of(cli("list", "--json").json()) == LIBRARY_IDS


# -- 3. restore while an import writes -----------------------------------------------------------


def test_restore_refuses_while_an_import_is_writing(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    trust_and_import(cli, published, published.base)
    cli("backup")
    importing = start_held(cli, ["import", published.delta, "--json"], stage="indexing")
    try:
        assert importing.reached(), importing.finish().describe()
        refused = cli.fails("restore")
        assert refused.err_lines == [text("restore_busy", "vi", path=str(data_dir))]
    finally:
        done = importing.finish()
    assert done.returncode == 0, done.describe()
    assert done.json()["status"] == "imported"
    # The import's work is in the archive, and nothing was set aside.
    assert [row[2] for row in import_log_rows(data_dir)] == [5, 6]
    assert list(data_dir.glob("archive.replaced-*")) == []
    assert integrity(data_dir) == "ok"
    # Once the import is done, restore works.
    assert "archive.replaced-" in cli("restore").stdout


# -- the same bundle twice at once ---------------------------------------------------------------


def test_the_same_bundle_imported_twice_at_once_is_applied_once(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    trust_and_import(cli, published, published.base)
    first = start_held(cli, ["import", published.delta, "--json"], stage="indexing")
    second = None
    try:
        assert first.reached(), first.finish().describe()
        # The second one must wait for the first, however long it writes.
        second = start_held(cli, ["import", published.delta, "--json"], stage="waiting", hold=False)
        assert second.reached(), second.finish().describe()
    finally:
        one = first.finish()
        two = second.finish() if second is not None else None
    assert one.returncode == 0, one.describe()
    assert one.json()["status"] == "imported"
    assert two is not None and two.returncode == 0, two and two.describe()
    assert two.json()["status"] == "already"
    assert [row[2] for row in import_log_rows(data_dir)] == [5, 6]
    assert integrity(data_dir) == "ok"


# -- a deleted -wal --------------------------------------------------------------------------------


def test_a_wal_deleted_under_another_program_is_not_called_damage(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    trust_and_import(cli, published, published.base)
    holder = open_archive(data_dir)  # the window, say
    try:
        with holder.writing() as session:
            session.connection().exec_driver_sql("UPDATE publisher SET name = name || ' (mới)'")
        wal = data_dir / (DB_NAME + "-wal")
        assert wal.stat().st_size > 0
        wal.unlink()
        expected = text("archive_wal_missing", "vi", path=str(data_dir / DB_NAME))
        assert cli.fails("list").err_lines == [expected]
        assert cli.fails("check").err_lines == [expected]
        assert list(data_dir.glob("archive.damaged-*")) == []
    finally:
        holder.close()
    # The program that held it wrote its journal back: nothing was lost.
    cli("check")
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        assert conn.execute("SELECT name FROM publisher").fetchone()[0].endswith(" (mới)")
    finally:
        conn.close()


# -- 5. the prune command --------------------------------------------------------------------------


def test_backup_prune_keeps_the_newest(cli: Cli, published: Published, data_dir: Path) -> None:
    trust_and_import(cli, published, published.base, published.delta)
    for _ in range(3):
        cli("backup")
    before = sorted((data_dir / "backups").glob("*.sqlite3"))
    assert len(before) == 5  # two before the imports, three by hand
    taken = cli("--lang", "en", "backup").stdout.splitlines()
    assert taken[1].startswith("Removed the 1 oldest backups")
    newest = taken[0].split(" to ")[1].rstrip(".")

    out = cli("backup", "prune", "--keep", "2", "--json").json()
    assert len(out["removed"]) == 3 and len(out["kept"]) == 2
    assert out["kept"][0] == newest
    assert sorted(str(p) for p in (data_dir / "backups").glob("*.sqlite3")) == sorted(out["kept"])
    assert out["kept_bytes"] == sum(Path(p).stat().st_size for p in out["kept"])

    plain = cli("backup", "prune", "--keep", "1")
    assert plain.stdout.startswith("Đã xóa 1 bản sao lưu cũ; còn giữ 1 bản")
    assert cli.fails("backup", "prune", "--keep", "0", code=2).err_lines[0].startswith("Lệnh")
    cli("restore")
    assert [row[2] for row in import_log_rows(data_dir)] == [5, 6]


def test_check_finds_lost_attachments_and_importing_again_puts_them_back(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    trust_and_import(cli, published, published.base)
    (stored,) = [p for p in (data_dir / "files").rglob("*") if p.is_file()]
    content = stored.read_bytes()
    stored.write_bytes(b"x" * len(content))  # damaged, same size: only its hash tells
    checked = cli.fails("check")
    # The database is sound: no restore; the files come back from their bundle.
    assert checked.err_lines == [text("check_files_lost", "vi", count=1)], checked.describe()
    assert "restore" not in checked.stderr
    cli("import", published.base)
    assert stored.read_bytes() == content
    assert cli("check").returncode == 0


def test_a_data_folder_that_is_a_file_is_said_so_and_left_alone(cli: Cli, tmp_path: Path) -> None:
    afile = tmp_path / "kho"
    afile.write_bytes(b"not a folder")
    said = text("archive_not_a_folder", "vi", path=str(afile))
    for args in (("list",), ("init",), ("check",)):
        refused = cli.fails("--data-dir", afile, *args)
        assert refused.err_lines == [said], refused.describe()
    assert afile.read_bytes() == b"not a folder"


def test_backup_waits_for_an_import_in_another_program(
    cli: Cli, published: Published, data_dir: Path
) -> None:
    from db.folders import write_lock
    from tests.helpers.cli import bangtin_command

    trust_and_import(cli, published, published.base)
    before = set((data_dir / "backups").glob("*.sqlite3"))
    with write_lock(data_dir):  # as an import in another program holds it
        proc = subprocess.Popen(
            [*bangtin_command(), "backup"],
            env=cli.env,
            cwd=cli.cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stderr is not None
        said = proc.stderr.readline().decode().strip()  # the wait, told once
        # Nothing taken while the import holds the archive.
        assert set((data_dir / "backups").glob("*.sqlite3")) == before
    out, err = proc.communicate(timeout=TIMEOUT)
    cli.assert_no_network()
    assert said == text("backup_waiting", "vi")
    assert proc.returncode == 0, err.decode()
    made = set((data_dir / "backups").glob("*.sqlite3")) - before
    assert len(made) == 1
    assert out.decode().startswith(text("backup_taken", "vi", path=made.pop()))
