"""`bangtin register`, `bangtin todo` and `show --as-of` on the demo archive, in subprocesses."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.helpers.cli import Cli
from tests.helpers.pdf import pdf_info, pdf_text

ROW_FIELDS = {
    "incoming_number",
    "received_at",
    "issuer",
    "number",
    "issued",
    "type",
    "title",
    "summary",
    "assigned_to",
    "handed_over",
    "note",
    "status",
    "notice_id",
}


def test_register_lists_every_numbered_demo_notice_from_one(cli: Cli) -> None:
    rows = cli("--demo", "register", "list", "--json").json()
    assert ROW_FIELDS <= set(rows[0])
    assert [r["incoming_number"] for r in rows] == list(range(1, len(rows) + 1))
    assert {r["year"] for r in rows} == {2023}
    listed = cli("--demo", "list", "--json").json()
    assert {r["notice_id"] for r in rows} == {n["id"] for n in listed if n["number"]}
    # Numbered in the order the bundle applied them: oldest first.
    assert rows[0]["notice_id"] == "kh-05-2023"
    busy = cli("--demo", "register", "list", "--status", "in_progress", "--json").json()
    assert [r["notice_id"] for r in busy] == ["cv-3105-2023"]


def test_register_set_keeps_the_clerks_columns(cli: Cli) -> None:
    rows = cli("--demo", "register", "list", "--json").json()
    line = next(r for r in rows if r["notice_id"] == "qd-118-2023")
    number = str(line["incoming_number"])
    done = cli(
        "--demo",
        "register",
        "set",
        number,
        "--year",
        "2023",
        "--assigned-to",
        "Công chức Địa chính – Xây dựng",
        "--handed-over",
        "28/12/2023",
        "--status",
        "done",
        "--note",
        "Đã lưu hồ sơ",
    )
    assert done.stdout.strip() == f"Đã ghi vào sổ văn bản đến: số đến {number}/2023."
    again = cli("--demo", "register", "list", "--json").json()
    changed = next(r for r in again if r["notice_id"] == "qd-118-2023")
    assert changed["assigned_to"] == "Công chức Địa chính – Xây dựng"
    assert (changed["handed_over"], changed["status"], changed["note"]) == (
        "2023-12-28",
        "done",
        "Đã lưu hồ sơ",
    )
    # The list shows every column the clerk wrote, Ngày chuyển too; the status is
    # asked for in the words the list shows.
    shown = cli("--demo", "register", "list", "--status", "hoan thanh").stdout.splitlines()
    at = next(i for i, line in enumerate(shown) if "[118/QĐ-UBND]" in line)
    assert shown[at + 1].strip().split(" — ") == [
        "Công chức Địa chính – Xây dựng",
        "Ngày chuyển 28/12/2023",
        "Đã lưu hồ sơ",
    ]
    # Nothing else moved.
    assert [r["incoming_number"] for r in again] == [r["incoming_number"] for r in rows]


def test_register_set_refuses_with_one_sentence(cli: Cli) -> None:
    unknown = cli.fails("--demo", "register", "set", "999", "--year", "2023", "--status", "done")
    assert unknown.stderr.strip() == "Sổ văn bản đến năm 2023 không có số đến 999."
    nothing = cli.fails("--demo", "--lang", "en", "register", "set", "1", "--year", "2023")
    assert nothing.stderr.strip().startswith("Say at least one thing to record")
    # The demo is reckoned on its own day: 01/01/2024 has not come yet there.
    later = cli.fails(
        "--demo", "register", "set", "1", "--year", "2023", "--handed-over", "1/1/2024"
    )
    assert later.stderr.strip() == "«Ngày chuyển» không thể là một ngày sau hôm nay (28/12/2023)."
    # Nor before the document came: every demo document came on 28/12/2023.
    before = cli("--demo", "register", "list", "--json").json()
    earlier = cli.fails(
        "--demo", "register", "set", "1", "--year", "2023", "--handed-over", "27/12/2023",
        "--note", "Trình Chủ tịch",
    )  # fmt: skip
    assert earlier.err_lines == [
        "«Ngày chuyển» không thể trước «Ngày đến» của văn bản (28/12/2023)."
    ]
    english = cli.fails(
        "--demo", "--lang", "en", "register", "set", "1", "--year", "2023",
        "--handed-over", "2023-12-01",
    )  # fmt: skip
    assert english.err_lines == [
        "'Handed over' cannot be before 'Received', the day the document came (28/12/2023)."
    ]
    assert cli("--demo", "register", "list", "--json").json() == before
    bad = cli.fails("--demo", "register", "set", "1", "--status", "finished", code=2)
    assert "bangtin register set --help" in bad.stderr


def test_register_export_is_a_workbook_with_vietnamese_headers(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "so-den.xlsx"
    result = cli("--demo", "register", "export", "--year", "2023", "--xlsx", out)
    assert result.stdout.strip().endswith(f"vào {out}.")
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
    headers = [cell.value for cell in sheet[5]]
    assert headers[:10] == [
        "Ngày đến",
        "Số đến",
        "Tác giả",
        "Số, ký hiệu",
        "Ngày tháng",
        "Tên loại và trích yếu nội dung",
        "Đơn vị hoặc người nhận",
        "Ngày chuyển",
        "Ký nhận",
        "Ghi chú",
    ]
    assert sheet.cell(row=6, column=2).value == 1
    assert sheet.cell(row=6, column=4).value == "05/KH-UBND"
    assert sheet.page_setup.orientation == "landscape"


def test_print_and_export_take_this_years_book_as_list_does(cli: Cli, tmp_path: Path) -> None:
    # The demo's "today" is in 2023: without --year each command takes that year.
    listed = cli("--demo", "register", "list", "--json").json()
    assert listed and {line["year"] for line in listed} == {2023}
    said = cli("--demo", "register", "export", "--xlsx", tmp_path / "so.xlsx").stdout
    assert "2023" in said
    cli("--demo", "register", "print", "--pdf", tmp_path / "so.pdf")
    assert "Năm 2023" in " ".join(pdf_text(tmp_path / "so.pdf").split())


def test_a_year_without_lines_is_said_and_no_file_is_written(cli: Cli, tmp_path: Path) -> None:
    # A mistyped --year wrote an empty book and said it had: the window says why not.
    kept = tmp_path / "so.pdf"
    kept.write_bytes(b"%PDF- the book printed yesterday")
    for command, option, out in (("print", "--pdf", kept), ("export", "--xlsx", tmp_path / "x")):
        said = cli.fails("--demo", "register", command, "--year", "1999", option, out)
        assert said.err_lines == [
            "Sổ văn bản đến năm 1999 chưa có văn bản nào; không có gì để ghi."
        ]
    assert kept.read_bytes() == b"%PDF- the book printed yesterday"
    assert not (tmp_path / "x").exists()


def test_register_print_is_landscape_a4(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "so-den.pdf"
    cli("--demo", "register", "print", "--year", "2023", "--pdf", out)
    assert pdf_info(out)["Page size"].startswith("842 x 595 pts")
    flat = " ".join(pdf_text(out).split())
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in flat and "Năm 2023" in flat
    assert "Đơn vị hoặc người nhận" in flat and "Ký nhận" in flat
    assert "05/KH-UBND" in flat
    # A document number is kept whole on its line, never cut at its hyphen.
    laid_out = pdf_text(out)
    assert "118/QĐ-UBND" in laid_out and "312/UBND-VX" in laid_out


def test_todo_lists_deadlines_soonest_first_with_the_overdue_ones(cli: Cli) -> None:
    items = cli("--demo", "todo", "--json").json()
    assert [i["notice_id"] for i in items] == ["cv-3105-2023", "kh-281-2023", "ct-12-2023"]
    overdue = items[0]
    assert (overdue["overdue_days"], overdue["level"], overdue["urgency"]) == (3, "overdue", "khan")
    assert overdue["due"] == "quá hạn 3 ngày"
    assert items[1]["level"] == "soon"
    # Done work leaves the list.
    number = str(items[1]["incoming_number"])
    cli("--demo", "register", "set", number, "--year", "2023", "--status", "done")
    left = cli("--demo", "todo", "--json").json()
    assert [i["notice_id"] for i in left] == ["cv-3105-2023", "ct-12-2023"]
    text = cli("--demo", "--lang", "en", "todo").stdout
    assert "3 days overdue" in text and "URGENT" in text
    # A column per thing: the ids line up whether or not a line has a stamp.
    lines = cli("--demo", "todo").stdout.splitlines()
    assert "KHẨN" in lines[0] and "KHẨN" not in lines[1]
    assert lines[0].index("cv-3105-2023") == lines[1].index("ct-12-2023")


def test_show_json_has_validity_and_relations(cli: Cli) -> None:
    old = cli("--demo", "show", "kh-412-2023", "--json").json()
    assert old["validity"] == {
        "status": "expired",
        "label": "Hết hiệu lực toàn bộ",
        "since": "2023-04-10",
        "because": [{"relation": "replaced_by", "id": "kh-468-2023"}],
    }
    assert old["relations"] == [
        {
            "relation": "replaces",
            "id": "kh-468-2023",
            "title": "Kế hoạch tuyển sinh vào lớp 10 trung học phổ thông năm học 2023–2024"
            " (thay thế Kế hoạch số 412/KH-SGDĐT)",
            "direction": "in",
        }
    ]
    # Before the new plan took effect the old one was in force.
    early = cli("--demo", "show", "kh-412-2023", "--json", "--as-of", "2023-04-05").json()
    assert early["validity"]["status"] == "in_force"
    partly = cli("--demo", "--lang", "en", "show", "qd-642-2023", "--json").json()
    assert (partly["validity"]["status"], partly["validity"]["label"]) == (
        "partly_expired",
        "Partly expired",
    )
    later = cli("--demo", "show", "kh-281-2023", "--json").json()
    assert later["validity"]["status"] == "not_yet"
    assert (
        cli("--demo", "show", "kh-281-2023", "--json", "--as-of", "01/02/2024").json()["validity"][
            "status"
        ]
        == "in_force"
    )
    # A relation to a notice the archive lacks: by its id, no title.
    decision = cli("--demo", "show", "qd-1587-2023", "--json").json()
    assert {"relation": "based_on", "id": "nd-63-2010", "title": None, "direction": "out"} in (
        decision["relations"]
    )
    news = cli("--demo", "show", "tin-tiem-chung-2023", "--json").json()
    assert news["validity"] == {"status": None, "label": None, "since": None, "because": []}


def test_an_expired_notice_prints_its_banner_and_signing_block(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "kh.pdf"
    cli("--demo", "print", "kh-412-2023", "cv-2487-2023", "--pdf", out)
    flat = " ".join(pdf_text(out).split())
    banner = "Văn bản này đã hết hiệu lực từ ngày 10/04/2023 — bị thay thế bởi Kế hoạch số 468/KH"
    assert banner in flat
    assert "HỎA TỐC" in flat
    assert "Nơi nhận:" in flat and "Hoàng Minh Tuấn" in flat and "PHÓ CHỦ TỊCH" in flat
