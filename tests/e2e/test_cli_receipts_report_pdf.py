"""`receipts report`: every row of a long PDF once under a header; a province without the bundle.

One QTextDocument holding the whole table took Qt longer per row the longer
the table (a thousand notices ran for minutes); the painter now cuts the
table into page-sized tables (the same report ran past the test's time
limit before). This checks what the cut must keep: each
notice's row printed once and whole, the table's header and the page
number on every page after the first, the offices' table at the end.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.helpers.bundles import PUBLISHER_ID, write_notice
from tests.helpers.cli import Cli
from tests.helpers.pdf import pdf_info, pdf_text
from tests.helpers.receipts import ReceiptWorld

PROVINCE = "Sở Thông tin và Truyền thông"
NOTICES = 600


def test_a_long_report_prints_each_row_once_under_a_header_on_every_page(
    cli: Cli, tmp_path: Path
) -> None:
    keys, src, province = tmp_path / "keys", tmp_path / "src", tmp_path / "province"
    cli("keygen", "--out", keys, "--name", PROVINCE)
    for i in range(NOTICES):
        # Titles of one to five lines: rows of different heights meet the page foot.
        title = " ".join([f"Kế hoạch triển khai nhiệm vụ năm 2025 phần {i}"] * (1 + i % 5))
        write_notice(src, f"kh-{i}", number=f"{i}/KH-UBND", title=title)
    bundle = tmp_path / "1.bangtin"
    key = keys / "publisher.key"
    cli("bundle", "build", src, "--key", key, "--publisher", PROVINCE, "--out", bundle)
    cli("--data-dir", province, "init")
    cli("--data-dir", province, "trust", "add", keys / "publisher.pub")
    cli("--data-dir", province, "import", bundle)
    office = tmp_path / "office"
    cli("--data-dir", office, "init")
    cli(
        "--data-dir", office, "office", "init", "--name", "UBND xã An Bình",
        "--code", "000.00.12.H56", "--key-out", tmp_path / "a",
    )  # fmt: skip
    cli("--data-dir", province, "office", "trust", "add", tmp_path / "a" / "office.pub")

    pdf = tmp_path / "report.pdf"
    cli("--data-dir", province, "receipts", "report", "--pdf", pdf, "--as-of", "2025-03-10")
    pages = pdf_text(pdf).split("\f")[:-1]
    assert int(pdf_info(pdf)["Pages"]) == len(pages) > NOTICES // 20
    numbers = re.findall(r"\b(\d+)/KH-UBND", " ".join(pages))
    assert sorted(int(n) for n in numbers) == list(range(NOTICES))
    assert "TÌNH HÌNH TIẾP NHẬN VĂN BẢN" in pages[0]
    for index, page in enumerate(pages):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert "Văn bản" in lines and "Tình trạng" in lines, index
        if index:
            assert lines[0] == str(index + 1)
    assert "Các đơn vị" in " ".join(pages[-2:])
    assert "UBND xã An Bình (000.00.12.H56)" in pages[-1]


def test_a_report_with_no_office_enrolled_says_so_and_writes_no_pdf(
    cli: Cli, tmp_path: Path
) -> None:
    province = tmp_path / "province"
    cli("--data-dir", province, "init")
    pdf = tmp_path / "report.pdf"
    result = cli.fails("--data-dir", province, "receipts", "report", "--pdf", pdf)
    assert result.err_lines == ["Chưa đăng ký đơn vị nào."]
    assert not pdf.exists()


def test_a_province_that_holds_no_bundle_says_why_it_names_notices_by_id(
    cli: Cli, receipt_world: ReceiptWorld, tmp_path: Path
) -> None:
    # The province built and sent the bundle, and imported only the receipts: they name
    # each notice by its id. The report says so once, and which ids, in Vietnamese.
    province = tmp_path / "province"
    shutil.copytree(receipt_world.province_template, province)
    cli("--data-dir", province, "receipt", "import", receipt_world.receipt1)
    lines = cli("--data-dir", province, "receipts", "report").stdout.splitlines()
    assert lines[0].startswith("3 văn bản các đơn vị báo về không có trong kho dữ liệu này")
    assert "Văn bản mã a (chưa rõ số và tên)" in lines
    assert any(f"gói số 1 của đơn vị ban hành mã «{PUBLISHER_ID}»" in line for line in lines)
    pdf = tmp_path / "report.pdf"
    cli("--data-dir", province, "receipts", "report", "--pdf", pdf)
    words = " ".join(pdf_text(pdf).split())
    assert "báo nhận chỉ ghi mã văn bản" in words and "Văn bản mã a (chưa rõ số và tên)" in words
    data = cli("--data-dir", province, "receipts", "report", "--json").json()
    assert [(n["id"], n["held"], n["title"]) for n in data["notices"]][0] == ("a", False, None)
