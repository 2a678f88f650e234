"""Every outcome is said plainly: JSON errors for scripts, and one sentence per kind of mistake.

With `--json` a failure is `{"error": {"code", "message"}}` on stdout (the
same sentence as on stderr), with the exit codes as before: 1 refused, 2
usage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.messages import text
from tests.helpers.cli import Cli
from tests.helpers.published import Library, Published


def _error(result_json: object) -> dict[str, str]:
    assert isinstance(result_json, dict) and set(result_json) == {"error"}, result_json
    error = result_json["error"]
    assert set(error) == {"code", "message"}
    return dict(error)


@pytest.mark.parametrize(
    ("args", "code", "exit_code"),
    [
        (["show", "khong-co", "--json"], "not_found", 1),
        (["list", "--json", "--limit", "-5"], "usage", 2),
        (["search", "lịch", "--json", "--from", "31-12-2023"], "usage", 2),
        (["categories", "--json", "--bogus"], "usage", 2),
    ],
)
def test_json_failures_are_json_objects(
    cli: Cli, library: Library, args: list[str], code: str, exit_code: int
) -> None:
    result = cli("--data-dir", library.data_dir, *args, expect=exit_code)
    error = _error(result.json())
    assert error["code"] == code
    assert result.err_lines == [error["message"]]


def test_json_failures_of_every_reading_command_on_a_missing_archive(
    cli: Cli, tmp_path: Path
) -> None:
    typo = tmp_path / "nowhere"
    for args in (
        ["list"],
        ["categories"],
        ["search", "lịch"],
        ["show", "x"],
        ["trust", "list"],
        ["register", "list"],
        ["todo"],
    ):
        result = cli("--data-dir", typo, *args, "--json", expect=1)
        error = _error(result.json())
        assert error == {
            "code": "missing",
            "message": text("no_archive_here", "vi", path=str(typo), word=str(typo)),
        }


def test_json_failure_of_a_build_with_a_missing_key(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    missing = tmp_path / "khong-co.key"
    args = ("bundle", "build", published.base_source, "--key", missing, "--publisher", "X")
    result = cli(*args, "--out", tmp_path / "x.bangtin", "--json", expect=1)
    error = _error(result.json())
    assert error["code"] == "key_missing"
    assert error["message"] == text(
        "bad_key", "vi", path=str(missing), detail=text("key_missing", "vi")
    )


def test_a_missing_key_file_is_said_in_the_users_language(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.pub"
    english = cli.fails("--lang", "en", "trust", "add", missing)
    assert english.err_lines == [f"The key {missing} could not be read: there is no such file."]
    vietnamese = cli.fails("trust", "add", missing)
    assert vietnamese.err_lines == [f"Không đọc được khóa {missing}: không có tệp này."]
    folder = cli.fails("--lang", "en", "trust", "add", tmp_path)
    assert folder.err_lines == [
        f"The key {tmp_path} could not be read: it is a folder, not a key file."
    ]


def test_importing_a_folder_gets_its_own_sentence(
    cli: Cli, published: Published, tmp_path: Path
) -> None:
    folder = published.base.parent
    said = cli.fails("import", folder)
    # The sentence names the folder: it is not said twice ("X: X là một thư mục…").
    assert said.err_lines == [text("not_a_file", "vi", path=str(folder))]
    junk = tmp_path / "so-den.xlsx"
    junk.write_bytes(b"not a bundle")
    assert cli.fails("import", junk).err_lines == [
        f"Tệp {junk} không phải là gói dữ liệu Bảng Tin."
    ]
    assert "bị hỏng" not in said.stderr
    as_json = cli("import", folder, "--json", expect=1).json()
    assert (as_json["status"], as_json["code"]) == ("refused", "not_a_file")
    verify = cli.fails("bundle", "verify", folder)
    assert verify.err_lines == [text("not_a_file", "vi", path=str(folder))]
