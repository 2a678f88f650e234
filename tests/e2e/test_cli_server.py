"""`bangtin --database postgresql://…`: the command line on an office's shared archive.

Real `bangtin` subprocesses on a database of the test cluster: made an
archive on purpose (`init`), trusted, imported into, listed and read; and
search, which is not on PostgreSQL yet, says so in one sentence.
"""

from __future__ import annotations

from pathlib import Path

from db.server import display_url
from tests.helpers.cli import Cli
from tests.helpers.published import Published, ids_of


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
