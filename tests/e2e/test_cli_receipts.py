"""Receipts end to end with the real `bangtin`: a province, three offices, bundles and receipts.

The province publishes two bundles. Office A receives the first, registers
it, finishes the notice with a deadline and attaches its report. Office B's
first receipt is lost on the way; its second receipt, after the second
bundle, carries everything the first did. Office C never answers. The
province's report says exactly that, and its acknowledgement lets office A
stop repeating what the province has.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from db.types import VN_TZ
from tests.helpers.bundles import write_notice
from tests.helpers.cli import Cli
from tests.helpers.pdf import pdf_info, pdf_text

PROVINCE = "Sở Thông tin và Truyền thông"
OFFICES = {
    "a": ("UBND xã An Bình", "000.00.12.H56"),
    "b": ("UBND xã Bình Minh", "000.00.13.H56"),
    "c": ("UBND xã Cát Tiên", "000.00.14.H56"),
}
DEADLINE = date(2025, 3, 10)
AS_OF = DEADLINE + timedelta(days=6)


class Place:
    """One archive (the province's or an office's), run through the real command."""

    def __init__(self, cli: Cli, folder: Path) -> None:
        self.cli = cli
        self.folder = folder
        # Each place is an archive made on purpose: a --data-dir is never made by accident.
        cli("--data-dir", folder, "init")

    def __call__(self, *args: str | Path, expect: int | None = 0) -> Any:
        return self.cli("--lang", "en", "--data-dir", self.folder, *args, expect=expect)

    def json(self, *args: str | Path) -> Any:
        return self(*args, "--json").json()


@pytest.fixture
def places(cli: Cli, tmp_path: Path) -> dict[str, Place]:
    return {name: Place(cli, tmp_path / name) for name in ("province", "a", "b", "c")}


def register_line(place: Place, notice_id: str) -> str:
    rows = place.json("register", "list")
    return str(next(r["incoming_number"] for r in rows if r["notice_id"] == notice_id))


def by_code(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["code"]: item for item in items}


# Some fifty commands over four archives: more than the usual limit on a busy machine.
@pytest.mark.timeout(360)
def test_three_offices_a_lost_receipt_and_the_report(
    cli: Cli, places: dict[str, Place], tmp_path: Path
) -> None:
    province = places["province"]
    keys = tmp_path / "keys"
    cli("keygen", "--out", keys, "--name", PROVINCE)
    src1 = tmp_path / "src1"
    write_notice(
        src1, "kh-1", number="01/KH-UBND", deadline=DEADLINE.isoformat(), title="Kế hoạch báo cáo"
    )
    write_notice(src1, "tb-2", title="Thông báo lịch họp", published="2023-03-28 09:00")
    bundle1, bundle2 = tmp_path / "1.bangtin", tmp_path / "2.bangtin"
    build = ("bundle", "build", "--key", keys / "publisher.key", "--publisher", PROVINCE)
    cli(*build[:2], src1, *build[2:], "--out", bundle1)
    province("trust", "add", keys / "publisher.pub")
    province("import", bundle1)

    stick = tmp_path / "stick"
    stick.mkdir()
    for name in ("a", "b", "c"):
        office = places[name]
        office_name, code = OFFICES[name]
        office("trust", "add", keys / "publisher.pub")
        made = office.json(
            "office", "init", "--name", office_name, "--code", code, "--key-out", tmp_path / name
        )
        assert made["code"] == code
        office("import", bundle1)
        province("office", "trust", "add", tmp_path / name / "office.pub")
    enrolled = province.json("office", "trust", "list")
    assert sorted(o["code"] for o in enrolled) == sorted(code for _n, code in OFFICES.values())

    # Office A registers, works on and finishes kh-1, and attaches its report.
    a = places["a"]
    line = register_line(a, "kh-1")
    a("register", "set", line, "--status", "in_progress", "--assigned-to", "Chị Lan")
    a("register", "set", line, "--status", "done")
    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(b"%PDF-1.4\n% bao cao\n" + bytes(200))
    a("receipt", "attach", "kh-1", report)
    built = a.json("receipt", "build", "--out", stick / "a-1.bangtin-receipt")
    assert (built["sequence"], built["bundles"], built["reports"]) == (1, 1, 1)

    # Office B starts on kh-1; its first receipt never reaches the province.
    b = places["b"]
    b("register", "set", register_line(b, "kh-1"), "--status", "in_progress")
    lost = b.json("receipt", "build", "--out", tmp_path / "lost.bangtin-receipt")
    assert lost["sequence"] == 1

    # A second bundle; only B imports it, and finishes kh-1.
    src2 = tmp_path / "src2"
    write_notice(src2, "tb-3", title="Thông báo mới", number="03/TB-UBND")
    cli(*build[:2], src2, *build[2:], "--out", bundle2)
    province("import", bundle2)
    b("import", bundle2)
    b("register", "set", register_line(b, "kh-1"), "--status", "done")
    second = b.json("receipt", "build", "--out", stick / "b-2.bangtin-receipt")
    assert (second["sequence"], second["bundles"]) == (2, 2)

    # Both arrive at the province in one command.
    lines = province(
        "receipt", "import", stick / "a-1.bangtin-receipt", stick / "b-2.bangtin-receipt", "--json"
    ).json_lines()
    assert [(r["status"], r["office"], r["sequence"]) for r in lines] == [
        ("imported", "000.00.12.H56", 1),
        ("imported", "000.00.13.H56", 2),
    ]
    # B's second receipt carried what its lost first one did: 05 as well as 06.
    assert lines[1]["events"] == 3 + 2 + 1 + 1  # 01×3, 03×2, 05, 06

    report_json = province.json("receipts", "report", "--as-of", AS_OF.isoformat())
    notices = {n["id"]: n for n in report_json["notices"]}
    kh1 = notices["kh-1"]
    states = by_code(kh1["offices"])
    assert states["000.00.12.H56"]["status"] == "06"
    assert states["000.00.12.H56"]["incoming"] == f"1/{datetime.now(VN_TZ).year}"
    assert [r["name"] for r in states["000.00.12.H56"]["reports"]] == ["bao-cao.pdf"]
    assert states["000.00.13.H56"]["status"] == "06"
    assert states["000.00.14.H56"]["status"] is None
    assert kh1["not_received"] == ["000.00.14.H56"]
    assert kh1["not_answered"] == [{"code": "000.00.14.H56", "days_late": 6}]
    assert kh1["overdue"] is True
    assert by_code(notices["tb-3"]["offices"])["000.00.13.H56"]["status"] == "03"
    assert notices["tb-3"]["not_received"] == ["000.00.12.H56", "000.00.14.H56"]
    offices = by_code(report_json["offices"])
    assert offices["000.00.12.H56"]["last_receipt"]["sequence"] == 1
    assert offices["000.00.12.H56"]["last_bundle"]["sequence"] == 1
    assert offices["000.00.12.H56"]["behind"] == 1
    assert offices["000.00.13.H56"]["last_bundle"]["sequence"] == 2
    assert offices["000.00.13.H56"]["behind"] == 0
    assert offices["000.00.14.H56"]["last_receipt"] is None
    assert offices["000.00.14.H56"]["behind"] == 2

    one = province.json("receipts", "report", "--notice", "kh-1", "--office", "000.00.13.H56")
    assert [n["id"] for n in one["notices"]] == ["kh-1"]
    assert [o["code"] for o in one["notices"][0]["offices"]] == ["000.00.13.H56"]
    province("receipts", "report", "--office", "999.99.99.X99", expect=1)

    pdf = tmp_path / "report.pdf"
    province("receipts", "report", "--pdf", pdf, "--as-of", AS_OF.isoformat())
    assert pdf_info(pdf)["Page size"].startswith("595")
    words = " ".join(pdf_text(pdf).split())
    assert "UBND xã Cát Tiên" in words and "Not received" in words
    assert "6 days overdue" in words

    # The acknowledgement goes out with the next bundle; A stops repeating itself.
    ack = stick / "so.bangtin-ack"
    province(
        "receipts", "ack", "--key", keys / "publisher.key", "--publisher", PROVINCE, "--out", ack
    )
    assert "acknowledged receipt 1" in a("receipt", "ack", ack).stdout
    shown = a.json("office", "show")
    assert (shown["acknowledged"], shown["untold"]) == (1, 0)
    again = a.json("receipt", "build", "--out", stick / "a-2.bangtin-receipt")
    assert (again["bundles"], again["events"], again["reports"]) == (0, 0, 0)
    assert province.json("receipt", "import", stick / "a-2.bangtin-receipt")["status"] == "imported"

    # The lost receipt, found later, is older than what the province has: refused.
    late = province("receipt", "import", tmp_path / "lost.bangtin-receipt", "--json", expect=1)
    assert late.json()["code"] == "rollback"


def test_receipt_import_refuses_an_unenrolled_office_in_one_sentence(
    cli: Cli, places: dict[str, Place], tmp_path: Path
) -> None:
    office = places["a"]
    office(
        "office",
        "init",
        "--name",
        "UBND xã",
        "--code",
        "000.00.12.H56",
        "--key-out",
        tmp_path / "k",
    )
    receipt = tmp_path / "r.bangtin-receipt"
    office("receipt", "build", "--out", receipt)
    province = places["province"]
    result = province("receipt", "import", receipt, expect=1)
    assert len(result.err_lines) == 1
    assert "not enrolled" in result.stderr
    # Enrolled, then removed: refused the same way; the removal is said once.
    province("office", "trust", "add", tmp_path / "k" / "office.pub")
    assert province.json("office", "trust", "list")[0]["code"] == "000.00.12.H56"
    key_id = province.json("office", "trust", "list")[0]["key_id"]
    assert key_id in province("office", "trust", "remove", key_id).stdout
    assert province.json("office", "trust", "list") == []
    province.cli.fails(
        "--lang", "en", "--data-dir", province.folder, "office", "trust", "remove", key_id
    )
    assert "not enrolled" in province("receipt", "import", receipt, expect=1).stderr
    usage = places["province"]("receipt", "import", expect=2)
    assert usage.stdout == ""
