"""`bangtin --database postgresql://…`: the command line on an office's shared archive.

Real `bangtin` subprocesses on a database of the test cluster: made an
archive on purpose (`init`), trusted, imported into, listed and read; and
search, which is not on PostgreSQL yet, says so in one sentence.
"""

from __future__ import annotations

from pathlib import Path

from db.server import display_url
from desktop.messages import text
from tests.helpers.cli import Cli
from tests.helpers.published import Library, Published, ids_of


def test_the_command_line_on_the_shared_archive(
    cli: Cli, published: Published, pg_empty_url: str, data_dir: Path
) -> None:
    db = ("--database", pg_empty_url)
    # A database that holds no archive is not made one by a typo.
    refused = cli.fails(*db, "list")
    assert "init" in refused.stderr
    made = cli(*db, "--lang", "en", "init")
    # The address as given (its socket folder too), less any password: pasteable.
    assert display_url(pg_empty_url) in made.stdout
    cli(*db, "trust", "add", published.public_key)
    first = cli(*db, "import", published.base, "--json").json_lines()
    assert [line["status"] for line in first] == ["imported"]
    again = cli(*db, "import", published.base, "--json").json_lines()
    assert [line["status"] for line in again] == ["already"]
    notices = cli(*db, "list", "--json").json()
    assert len(notices) == first[0]["added"]
    shown = cli(*db, "show", ids_of(notices)[0], "--json").json()
    assert shown["id"] == ids_of(notices)[0]
    # The local data folder holds no SQLite archive: the notices are on the server,
    # and another PC (another data folder) lists the same.
    assert not (data_dir / "archive.sqlite3").exists()
    other_pc = ("--data-dir", data_dir.with_name("other-pc"))
    assert cli(*other_pc, *db, "list", "--json").json() == notices


NOT_POSTGRESQL = [
    "mysql://vanthu@may-chu/bangtin",
    "/var/lib/bangtin/archive.sqlite3",
    "postgres:/bad",
    "postgresql://?garbage",
    "postgresql://@@@/",
    "postgresql://vanthu@may-chu:abc/bangtin",
]


def test_a_database_that_is_not_a_postgresql_url_is_refused_in_one_sentence(
    cli: Cli, data_dir: Path
) -> None:
    for url in NOT_POSTGRESQL:
        refused = cli.fails("--database", url, "list")
        assert "không phải địa chỉ máy chủ PostgreSQL" in refused.stderr, url
        assert "Không kết nối được" not in refused.stderr
    # From the environment too, in English when asked, and with no password shown.
    cli.env["BANGTIN_DATABASE_URL"] = "mysql://vanthu:bí-mật@may-chu/bangtin"
    said = cli.fails("--lang", "en", "backup").stderr
    assert "is not a PostgreSQL server's address" in said and "bí-mật" not in said
    assert not list(data_dir.glob("*.sqlite3"))


def test_a_typed_data_dir_beats_the_environments_server(
    cli: Cli, library: Library, library_copy: Path, pg_empty_url: str
) -> None:
    # This PC is set up for the shared archive (still empty: no archive made there).
    cli.env["BANGTIN_DATABASE_URL"] = pg_empty_url
    typed = ("--data-dir", library.data_dir)
    assert cli(*typed, "list", "--json").json() == library.notices
    said = cli(*typed, "status").stdout.splitlines()
    assert said[0].startswith(f"Kho dữ liệu: {library.data_dir} (")
    how = text("chosen_data_dir_option", "vi")
    assert said[1:3] == [text("status_chosen", "vi", how=how), text("status_env_unused", "vi")]
    data = cli(*typed, "status", "--json").json()
    assert (data["chosen_by"], data["database_env_unused"]) == ("data_dir_option", True)
    # Without a typed folder the environment chooses, and status says so.
    refused = cli.fails("--lang", "en", "status")
    assert "init" in refused.stderr and display_url(pg_empty_url) in refused.stderr
    # migrate-to moves this PC's own archive (the configured folder's), variable or not.
    cli("migrate-to", pg_empty_url)
    assert cli("list", "--json").json() == library.notices
    on_server = cli("--lang", "en", "status", "--json").json()
    assert (on_server["chosen_by"], on_server["database_env_unused"]) == ("database_env", False)
    assert on_server["path"] == display_url(pg_empty_url)
    # --database still refuses: its source would be ambiguous.
    refused = cli.fails("--database", pg_empty_url, "migrate-to", pg_empty_url)
    assert refused.err_lines == [text("migrate_from_server", "vi")]
