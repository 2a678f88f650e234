"""The command line explains itself in the user's language, and says the form a value needs."""

from __future__ import annotations

import re

import pytest

from desktop.messages import text
from tests.helpers.cli import Cli
from tests.helpers.published import Library, ids_of

#: Letters only Vietnamese uses.
VIETNAMESE = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]"
)
#: Vietnamese words the English help may name: the program, and values as notices write them.
NAMES = ("Bảng Tin", "Kế hoạch")

COMMANDS = [
    [],
    ["list"],
    ["search"],
    ["show"],
    ["import"],
    ["init"],
    ["bundle", "build"],
    ["trust", "add"],
    ["backup", "prune"],
    ["register", "set"],
    ["screenshot"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "bangtin")
def test_help_is_english_with_lang_en_and_vietnamese_without(cli: Cli, command: list[str]) -> None:
    english = cli("--lang", "en", *command, "--help").stdout
    for name in NAMES:
        english = english.replace(name, "")
    assert not VIETNAMESE.search(english), english
    assert "options:" in english and "usage:" in english
    vietnamese = cli(*command, "--help").stdout
    assert "tùy chọn:" in vietnamese and "cách dùng:" in vietnamese
    assert "show this help" not in vietnamese and "options:" not in vietnamese


def test_dates_and_counts_say_their_form(cli: Cli) -> None:
    search = cli("search", "--help").stdout
    assert "--from YYYY-MM-DD" in search and "--to YYYY-MM-DD" in search
    assert "--limit N" in search
    assert "--as-of YYYY-MM-DD" in cli("show", "--help").stdout


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["list", "--limit", "-5"], text("bad_count", "vi", value="-5", least=1)),
        (["list", "--limit", "0"], text("bad_count", "vi", value="0", least=1)),
        (["search", "x", "--limit", "nhiều"], text("bad_count", "vi", value="nhiều", least=1)),
        (["search", "x", "--from", "2023/12/31"], text("bad_day", "vi", value="2023/12/31")),
        (["show", "x", "--as-of", "hôm qua"], text("bad_day", "vi", value="hôm qua")),
        (["screenshot", "--out", "a.png", "--size", "big"], text("bad_size", "vi", value="big")),
        # A blank query is a slip, not a search that found nothing in the archive.
        (["search", "  "], text("bad_query", "vi")),
    ],
)
def test_bad_values_name_the_expected_form(cli: Cli, args: list[str], reason: str) -> None:
    said = cli.fails(*args, code=2)
    (line,) = said.err_lines
    assert reason in line
    assert line.startswith("Lệnh không đúng cú pháp: tham số ")


def test_usage_errors_are_in_one_language(cli: Cli) -> None:
    vietnamese = cli.fails("list", "--json", "--bogus", code=2).err_lines[0]
    assert "không hiểu tham số: --bogus" in vietnamese
    assert "unrecognized" not in vietnamese
    missing = cli.fails("bundle", "build", "src", code=2).err_lines[0]
    assert "thiếu tham số bắt buộc" in missing and "required" not in missing
    english = cli.fails("--lang", "en", "list", "--limit", "-5", code=2).err_lines[0]
    assert english == (
        "Wrong command syntax: argument --limit: '-5' is not a whole number of 1 or more."
        " See 'bangtin list --help'."
    )
    # The sentence points at the help of the command mistyped, where the fix is.
    nested = cli.fails("register", "set", "abc", code=2).err_lines[0]
    assert nested.endswith(" Xem «bangtin register set --help».")
    assert cli.fails("bogus", code=2).err_lines[0].endswith(" Xem «bangtin --help».")


def test_a_category_is_found_by_its_last_level_and_without_diacritics(
    cli: Cli, library: Library
) -> None:
    lib = ("--data-dir", library.data_dir)
    full = ids_of(cli(*lib, "list", "--category", "Văn bản/Quyết định", "--json").json())
    assert full == ["qd-118-2023"]
    for typed in ("Quyết định", "quyet dinh", "VAN BAN/QUYET DINH"):
        assert ids_of(cli(*lib, "list", "--category", typed, "--json").json()) == full, typed
    found = cli(*lib, "search", "118/QĐ-UBND", "--category", "quyet dinh", "--json").json()
    assert ids_of(found["results"]) == full


def test_an_unknown_category_names_the_paths_that_exist(cli: Cli, library: Library) -> None:
    refused = cli.fails("--data-dir", library.data_dir, "list", "--category", "Nghị quyết")
    (line,) = refused.err_lines
    assert line.startswith("Không có chuyên mục «Nghị quyết»; các chuyên mục hiện có: ")
    assert "Văn bản/Quyết định" in line
