"""File names the program proposes or writes are valid on Windows (desktop/ops/files.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pathvalidate import validate_filename

from desktop.ops.files import MAX_NAME, copy_attachment, export_file_name, safe_file_name


def test_export_name_joins_number_and_title_without_diacritics() -> None:
    assert export_file_name("54/KH-UBND", "Kế hoạch bình đẳng giới") == (
        "54-KH-UBND Ke hoach binh dang gioi.pdf"
    )
    assert export_file_name(None, "Quyết định: về việc “Đ”?") == "Quyet dinh ve viec D.pdf"
    assert export_file_name("", "") == "van-ban.pdf"


def test_a_long_title_is_cut_at_a_word() -> None:
    name = export_file_name("118/QĐ-UBND", "Quyết định phê duyệt kế hoạch chuyển đổi số " * 10)
    assert len(name) <= MAX_NAME
    assert name.startswith("118-QD-UBND Quyet dinh phe duyet")
    assert name.endswith(" so.pdf") or name.endswith(" doi.pdf") or name[-5] != " "
    assert not name[: -len(".pdf")].endswith(" ")
    validate_filename(name, platform="windows")


@pytest.mark.parametrize(
    "name",
    ["CON", "aux.txt", "NUL.pdf", "COM1.pdf", "lpt9", "a:b?.pdf", 'x<y>"z|.doc', "dấu. ", "a\x00b"],
)
def test_reserved_and_forbidden_names_become_valid(name: str) -> None:
    cleaned = safe_file_name(name, "tep")
    validate_filename(cleaned, platform="windows")
    assert cleaned != name


def test_long_names_keep_their_extension() -> None:
    cleaned = safe_file_name("đ" * 400 + ".pdf", "tep")
    assert len(cleaned) <= MAX_NAME
    assert cleaned.endswith(".pdf")
    validate_filename(cleaned, platform="windows")


def test_names_with_nothing_left_get_the_fallback() -> None:
    assert safe_file_name(" . ", "tep") == "tep"
    assert safe_file_name("...", "tep") == "tep"
    assert not safe_file_name(".bashrc", "tep").startswith(".")  # never a hidden file


def test_an_attachment_copy_gets_a_windows_name(tmp_path: Path) -> None:
    source = tmp_path / "store" / ("a" * 64)
    source.parent.mkdir()
    source.write_bytes(b"%PDF-1.4\n")
    copy = copy_attachment(source, "CON.pdf", tmp_path / "copies")
    assert copy.name == "CON_.pdf"
    assert copy.read_bytes() == b"%PDF-1.4\n"
