"""Every problem in a source folder is a sentence in Vietnamese and English.

`bangtin bundle build` prints each in the user's language: none may be
English text under a Vietnamese summary, and each names its file and line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from types import ModuleType

import pytest

import desktop.bundles.officefields
import desktop.bundles.source
from desktop.bundles.source import SourceError, SourceErrors, read_notice, read_source
from desktop.messages import CATALOG
from desktop.messages import source as source_words
from tests.helpers.bundles import PDF, write_notice, write_raw

MODULES = (desktop.bundles.source, desktop.bundles.officefields)

#: Each file of `_every_problem` and the sentence it must produce.
BAD_FILES: dict[str, tuple[str | bytes, str]] = {
    "no-front.md": ("no front matter\n", "src_no_front_matter"),
    "unclosed.md": ("---\nid: a\n", "src_unclosed_front_matter"),
    "yaml.md": ("---\nid: y\ntitle: [x, y\ncategory: C\n---\n", "src_bad_yaml"),
    "list.md": ("---\n- a\n---\n", "src_not_a_mapping"),
    "utf8.md": (b"---\nid: u\ntitle: T\xc3\x28\n---\n", "src_invalid_utf8"),
}


def _every_problem(src: Path) -> list[SourceError]:
    """A folder with every problem a source file can have, and its errors."""
    for name, (content, _code) in BAD_FILES.items():
        write_raw(src, name, content)
    write_raw(src, "files/ok.pdf", PDF)
    write_raw(src, "files/doc.pdf", PDF)
    try:
        (src / "files" / "link.pdf").symlink_to(src / "files" / "doc.pdf")
    except OSError:  # Windows without the privilege: the test says so
        pass
    write_notice(src, "f1", colour="x", withdrawn="maybe", title=[1], category="a//b")
    write_notice(src, "f2", id=None, published=None, title="  ", summary="a\x00b")
    write_notice(src, "f3", id="a b", published="hôm qua", updated="x", issued="sớm")
    write_notice(src, "f4", published="1000-01-01", issued="3000-01-01", related="x")
    write_notice(src, "f5", published="2023-03-27", updated="2023-03-26", attachments={"a": 1})
    write_notice(src, "f6", updated="3000-01-01 08:00", category="/".join("abcdefghij"))
    write_notice(src, "f7", category="x" * 300, number="n" * 3000, body="a\x00b")
    write_notice(src, "f8", related=[f"r{i}" for i in range(1001)], body="x" * (4 * 2**20 + 1))
    write_notice(src, "f9", attachments=[f"a{i}" for i in range(1001)])
    write_notice(src, "f10", attachments=["../x.pdf", "files/none.pdf", "files/link.pdf"])
    write_notice(src, "f1", name="again.md")
    write_raw(src, "categories.yaml", "[unclosed\n")
    with pytest.raises(SourceErrors) as caught:
        read_source(src)
    return caught.value.errors


def _tree(module: ModuleType) -> ast.Module:
    assert module.__file__ is not None
    return ast.parse(Path(module.__file__).read_text(encoding="utf-8"))


def test_no_source_error_is_made_without_a_code() -> None:
    """Made only through `SourceError.coded`: a bare `SourceError(...)` is plain English."""
    for module in MODULES:
        bare = [
            call.lineno
            for call in ast.walk(_tree(module))
            if isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "SourceError"
        ]
        assert bare == [], f"{module.__name__} makes SourceError without a code at {bare}"


def test_every_code_in_the_source_code_has_its_sentence() -> None:
    for module in MODULES:
        codes = {
            node.value
            for node in ast.walk(_tree(module))
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"src_[a-z0-9_]+", node.value)
        }
        assert codes, module.__name__
        assert codes <= CATALOG.keys(), sorted(codes - CATALOG.keys())


def test_every_problem_is_a_sentence_in_both_languages(tmp_path: Path) -> None:
    errors = _every_problem(tmp_path)
    found = {e.code for e in errors}
    # Reached in the tests below; too deep a YAML meets libyaml's own limit first.
    elsewhere = {
        "src_no_folder",
        "src_not_a_folder",
        "src_changed",
        "src_category_order_not_list",
        "src_yaml_too_deep",
    }
    if not (tmp_path / "files" / "link.pdf").is_symlink():
        elsewhere.add("src_attachment_symlink")
    assert found == set(source_words.WORDS) - elsewhere | {"src_bad_date", "src_too_many"}
    for error in errors:
        vi, en = error.localized("vi"), error.localized("en")
        assert vi.startswith(f"Tệp {error.file}, dòng {error.line}: "), vi
        assert en.startswith(f"File {error.file}, line {error.line}: "), en
        assert str(error) == error.message == en
        assert "{" not in vi + en and vi != en
        assert error.line >= 1


def test_the_files_say_which_problem_they_have(tmp_path: Path) -> None:
    errors = _every_problem(tmp_path)
    by_file: dict[str, set[str]] = {}
    for error in errors:
        by_file.setdefault(error.file, set()).add(error.code)
    for name, (_content, code) in BAD_FILES.items():
        assert by_file[name] == {code}, name
    assert by_file["categories.yaml"] == {"src_bad_category_order"}


def test_yaml_keeps_its_own_words_as_a_quoted_detail(tmp_path: Path) -> None:
    write_raw(tmp_path, "a.md", "---\nid: a\ntitle: [x, y\ncategory: C\n---\n")
    with pytest.raises(SourceErrors) as caught:
        read_source(tmp_path)
    (error,) = caught.value.errors
    assert error.localized("vi") == (
        "Tệp a.md, dòng 4: phần đầu YAML không đọc được: «did not find expected ',' or ']'»."
    )


@pytest.mark.parametrize("file", [False, True], ids=["missing", "a-file"])
def test_a_missing_folder_is_one_sentence_without_a_line(tmp_path: Path, file: bool) -> None:
    where = tmp_path / "thong-bao-typo"
    if file:
        where.write_text("x", encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        read_source(where)
    (error,) = caught.value.errors
    assert error.code == ("src_not_a_folder" if file else "src_no_folder")
    vi = error.localized("vi")
    assert vi == (
        f"{where} là một tệp, không phải thư mục nguồn."
        if file
        else f"Không tìm thấy thư mục nguồn {where}."
    )
    assert ":0" not in vi and ":0" not in str(error)


def test_a_category_order_that_is_no_list(tmp_path: Path) -> None:
    write_notice(tmp_path, "a")
    write_raw(tmp_path, "categories.yaml", "a: b\n")
    with pytest.raises(SourceErrors) as caught:
        read_source(tmp_path)
    (error,) = caught.value.errors
    assert (error.file, error.line, error.code) == (
        "categories.yaml",
        1,
        "src_category_order_not_list",
    )


def test_a_file_that_changed_into_another_notice(tmp_path: Path) -> None:
    path = write_notice(tmp_path, "b")
    with pytest.raises(SourceErrors) as caught:
        read_notice(tmp_path, path, "a")
    (error,) = caught.value.errors
    assert error.localized("vi").startswith("Tệp b.md, dòng 1: tệp đã bị sửa")
    assert "«a»" in error.localized("vi")
