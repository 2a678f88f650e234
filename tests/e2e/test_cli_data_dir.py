"""Where the archive is: a typo in `--data-dir` never becomes a new, empty archive.

A folder named with `--data-dir` must hold an archive unless the user says
to make one (`init`, `--create`); the configured folder (here
BANGTIN_DATA_DIR) gets its archive when a command first needs it, as on a
fresh install.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.messages import text
from tests.helpers.cli import Cli
from tests.helpers.published import LIBRARY_IDS, Library, Published, ids_of


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["search", "lịch"],
        ["show", "x"],
        ["trust", "list"],
        ["import", "nothing.bangtin"],
        ["backup", "prune"],
        ["check"],
    ],
)
def test_a_mistyped_data_dir_is_said_and_nothing_is_made(
    cli: Cli, library: Library, args: list[str]
) -> None:
    typo = library.data_dir.with_name(library.data_dir.name + "x")
    refused = cli.fails("--data-dir", typo, *args)
    assert refused.err_lines == [text("no_archive_here", "vi", path=str(typo), word=str(typo))]
    assert refused.err_lines[0].startswith("Không có kho dữ liệu ở ")
    assert not typo.exists()


def test_init_and_create_are_the_explicit_ways_to_make_an_archive(cli: Cli, tmp_path: Path) -> None:
    fresh = tmp_path / "office"
    made = cli("--data-dir", fresh, "init")
    assert made.stdout.strip() == text("archive_created", "vi", path=str(fresh))
    assert cli("--data-dir", fresh, "list").stdout.strip() == text("empty_list", "vi")
    again = cli("--data-dir", fresh, "init")
    assert again.stdout.strip() == text("archive_exists", "vi", path=str(fresh))
    other = tmp_path / "other"
    assert cli("--data-dir", other, "--create", "list").stdout.strip() == text("empty_list", "vi")
    assert (other / "archive.sqlite3").is_file()


def test_a_fresh_install_trusts_and_imports_into_its_own_folder(
    cli: Cli, data_dir: Path, published: Published
) -> None:
    assert not data_dir.exists()
    cli("trust", "add", published.public_key)
    cli("import", published.base, published.delta)
    assert ids_of(cli("list", "--json").json()) == LIBRARY_IDS


def test_status_says_what_chose_the_archive_and_where_the_log_file_is(
    cli: Cli, data_dir: Path, tmp_path: Path
) -> None:
    cli("init")
    log = tmp_path / "log" / "bangtin.log"  # BANGTIN_LOG_DIR, as the fixture sets it
    lines = cli("status").stdout.splitlines()
    assert lines[1] == text("status_chosen", "vi", how=text("chosen_data_dir_env", "vi"))
    assert lines[-1] == text("status_log", "vi", path=str(log))
    assert lines[-1].startswith("Tệp nhật ký")
    english = cli("--lang", "en", "--data-dir", data_dir, "status").stdout.splitlines()
    assert english[1] == "Chosen by: the option --data-dir"
    assert english[-1] == f"Log file (warnings and errors): {log}"
    data = cli("status", "--json").json()
    assert (data["chosen_by"], data["log_file"]) == ("data_dir_env", str(log))
