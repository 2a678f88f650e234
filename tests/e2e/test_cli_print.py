"""`bangtin print ID... --pdf OUT [--index]`: the print layout, headless, from the command line."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tests.helpers.cli import Cli
from tests.helpers.pdf import pdf_info, pdf_text

LONG_ID = "kh-54-2023"
LONG_TITLE = "KẾ HOẠCH THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI NĂM 2023"


def test_print_writes_an_a4_pdf_of_real_vietnamese_text(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "kh.pdf"
    result = cli("--demo", "print", LONG_ID, "--pdf", out)
    info = pdf_info(out)
    assert info["Page size"].startswith("595 x 842 pts")
    pages = int(info["Pages"])
    assert 6 <= pages <= 10
    assert result.stdout.strip() == f"Đã ghi {pages} trang vào {out}."
    text = pdf_text(out)
    assert unicodedata.is_normalized("NFC", text)
    flat = " ".join(text.split())
    assert LONG_TITLE in flat
    assert "Số: 54/KH-UBND" in flat
    assert "Đăng ngày 27/03/2023" in flat
    assert len(re.findall(r"In ngày \d{2}/\d{2}/\d{4} \d{1,2}:\d{2} (SA|CH)", flat)) == pages
    assert not out.with_name(out.name + ".part").exists()


def test_print_index_is_one_page(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "index.pdf"
    cli("--demo", "--lang", "en", "print", LONG_ID, "qd-2145-2023", "--index", "--pdf", out)
    assert pdf_info(out)["Pages"] == "1"
    flat = " ".join(pdf_text(out).split())
    assert "LIST OF NOTICES" in flat
    assert "54/KH-UBND" in flat and "2145/QĐ-UBND" in flat
    assert re.search(r"Printed on \d{2}/\d{2}/\d{4} \d{1,2}:\d{2} (AM|PM)", flat)


def test_an_unknown_id_fails_with_one_sentence_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = cli.fails("--demo", "print", LONG_ID, "khong-co-2023", "--pdf", out)
    assert result.stderr.strip() == "Không có văn bản mã «khong-co-2023» trong kho dữ liệu."
    assert not out.exists()


def test_a_missing_folder_fails_with_one_sentence(cli: Cli, tmp_path: Path) -> None:
    result = cli.fails("--demo", "print", LONG_ID, "--pdf", tmp_path / "no" / "x.pdf")
    assert "thư mục không tồn tại" in result.stderr


def test_print_needs_a_pdf_path(cli: Cli) -> None:
    cli.fails("--demo", "print", LONG_ID, code=2)


def test_a_departments_header_puts_its_governing_body_on_its_own_line(
    cli: Cli, tmp_path: Path
) -> None:
    # Decree 30/2020: "UBND TỈNH SƠN HÀ" above "SỞ GIÁO DỤC VÀ ĐÀO TẠO", neither cut.
    out = tmp_path / "kh.pdf"
    cli("--demo", "print", "kh-412-2023", "qd-118-2023", "--pdf", out)
    lines = [line.strip() for line in pdf_text(out).splitlines() if line.strip()]
    first = lines.index("UBND TỈNH SƠN HÀ")
    assert lines[first + 1] == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ" in lines  # a committee heads its own documents
