"""The incoming register: numbered by imports, kept by the clerk, exported, and the to-do list."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db import backup, register
from db.archive import Archive
from db.types import VN_TZ
from desktop.bundles.importer import import_bundle
from desktop.ops import register as ops
from desktop.render.registerbook import register_html
from tests.helpers.bundles import (
    KeyPair,
    build,
    make_keys,
    write_notice,
    write_withdrawal,
)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> KeyPair:
    return make_keys(tmp_path_factory.mktemp("keys"))


pytestmark = [pytest.mark.archive(trusting="pair"), pytest.mark.engines]


def numbers(archive: Archive) -> list[tuple[int, int, str]]:
    return [(r.year, r.incoming_number, r.notice_id) for r in ops.list_register(archive)]


def first_source(src: Path) -> None:
    write_notice(src, "qd-2", number="2/QĐ-UBND", published="2024-01-03 08:00")
    write_notice(src, "qd-1", number="1/QĐ-UBND", published="2024-01-02 08:00")
    write_notice(src, "tin-1", published="2024-01-02 09:00")  # news: no number, no line
    write_notice(
        src, "kh-3", number="3/KH-UBND", published="2024-01-04 08:00", deadline="2024-02-01"
    )


def test_an_import_numbers_documents_from_one_in_the_order_applied(
    archive: Archive, pair: KeyPair, tmp_path: Path
) -> None:
    first_source(tmp_path / "src")
    bundle = build(tmp_path / "src", pair, tmp_path / "b1.bangtin", sequence=1).path
    import_bundle(archive, bundle)
    year = datetime.now(VN_TZ).year
    assert numbers(archive) == [(year, 1, "qd-1"), (year, 2, "qd-2"), (year, 3, "kh-3")]
    rows = ops.list_register(archive)
    assert all(r.status == "received" for r in rows)
    assert rows[0].number == "1/QĐ-UBND" and rows[0].received_at.year == year
    # Importing the same bundle again changes nothing.
    assert import_bundle(archive, bundle).status == "already"
    assert numbers(archive) == [(year, 1, "qd-1"), (year, 2, "qd-2"), (year, 3, "kh-3")]


def test_numbers_are_never_reused_and_survive_updates_and_withdrawals(
    archive: Archive, pair: KeyPair, tmp_path: Path
) -> None:
    first_source(tmp_path / "src")
    import_bundle(archive, build(tmp_path / "src", pair, tmp_path / "b1.bangtin", sequence=1).path)
    ops.set_register(
        archive,
        numbers(archive)[0][0],
        1,
        assigned_to="Văn phòng – Thống kê",
        handed_over=ops.today(),  # received today: handed over no earlier
        status="in_progress",
        note="Trình Chủ tịch",
    )
    delta = tmp_path / "delta"
    write_notice(
        delta,
        "qd-1",
        number="1/QĐ-UBND",
        title="Quyết định 1 (sửa)",
        published="2024-01-02 08:00",
        updated="2024-01-10 08:00",
    )
    write_withdrawal(delta, "qd-2", updated="2024-01-11 08:00")
    write_notice(delta, "qd-4", number="4/QĐ-UBND", published="2024-01-12 08:00")
    import_bundle(archive, build(delta, pair, tmp_path / "b2.bangtin", since=1).path)
    rows = {r.notice_id: r for r in ops.list_register(archive)}
    assert [(r.incoming_number, nid) for nid, r in rows.items()] == [
        (1, "qd-1"),
        (2, "qd-2"),
        (3, "kh-3"),
        (4, "qd-4"),
    ]
    # The clerk's columns survive an update of the notice.
    kept = rows["qd-1"]
    assert (kept.title, kept.assigned_to, kept.handed_over, kept.status, kept.note) == (
        "Quyết định 1 (sửa)",
        "Văn phòng – Thống kê",
        ops.today(),
        "in_progress",
        "Trình Chủ tịch",
    )
    # A withdrawn notice keeps its number, with "đã thu hồi" in the note.
    assert rows["qd-2"].withdrawn
    assert ops.row_json(rows["qd-2"])["note"] == "đã thu hồi"
    assert ops.row_json(rows["qd-2"], "en")["note"] == "withdrawn"


def test_each_year_starts_again_from_one(archive: Archive) -> None:
    from tests.helpers.notices import apply, notice

    apply(archive, [notice(f"qd-{i}", number=f"{i}/QĐ") for i in range(4)])
    with archive.writing() as session:
        register.register_incoming(
            session, ["qd-0", "qd-1"], datetime(2023, 12, 31, 23, 0, tzinfo=VN_TZ)
        )
        # 17:30 UTC on 31 December is already New Year's Day in Vietnam.
        register.register_incoming(
            session, ["qd-1", "qd-2", "qd-3"], datetime(2023, 12, 31, 17, 30, tzinfo=UTC)
        )
    assert numbers(archive) == [
        (2023, 1, "qd-0"),
        (2023, 2, "qd-1"),
        (2024, 1, "qd-2"),
        (2024, 2, "qd-3"),
    ]
    assert ops.register_years(archive) == [2024, 2023]
    assert [r.notice_id for r in ops.list_register(archive, year=2024)] == ["qd-2", "qd-3"]


def test_set_register_refuses_what_the_register_cannot_take(archive: Archive) -> None:
    from tests.helpers.notices import apply, notice

    apply(archive, [notice("qd-1", number="1/QĐ")])
    with archive.writing() as session:
        register.register_incoming(session, ["qd-1"], datetime(2024, 1, 2, tzinfo=VN_TZ))
    with pytest.raises(ops.UnknownRegisterLine):
        ops.set_register(archive, 2024, 2, status="done")
    with pytest.raises(ops.BadRegisterValue) as caught:
        ops.set_register(archive, 2024, 1, status="finished")
    assert "«Tình trạng xử lý»" in caught.value.message("vi")
    with pytest.raises(ops.BadRegisterValue) as caught:
        ops.set_register(archive, 2024, 1, note="x" * (ops.MAX_CLERK_TEXT + 1))
    assert "2000" in caught.value.message("vi")
    # The sentence names the column the clerk sees, not the field behind it.
    with pytest.raises(ops.BadRegisterValue) as caught:
        ops.set_register(archive, 2024, 1, assigned_to="x" * (ops.MAX_CLERK_TEXT + 1))
    assert "«Đơn vị hoặc người nhận»" in caught.value.message("vi")
    assert "'Unit or person receiving'" in caught.value.message("en")
    assert "assigned_to" not in caught.value.message("vi")
    # A day handed over that has not come yet is a typo (2099 for 2023).
    with pytest.raises(ops.BadRegisterValue) as caught:
        ops.set_register(archive, 2024, 1, handed_over=ops.today() + timedelta(days=1))
    assert caught.value.message("vi") == (
        f"«Ngày chuyển» không thể là một ngày sau hôm nay ({ops.today():%d/%m/%Y})."
    )
    assert ops.set_register(archive, 2024, 1, handed_over=ops.today()).value.handed_over == (
        ops.today()
    )
    # Nor is a day before the document came (ngày đến 02/01/2024); the line stays as it was.
    with pytest.raises(ops.BadRegisterValue) as caught:
        ops.set_register(archive, 2024, 1, handed_over=date(2024, 1, 1), note="Trình")
    assert caught.value.message("vi") == (
        "«Ngày chuyển» không thể trước «Ngày đến» của văn bản (02/01/2024)."
    )
    assert caught.value.message("en") == (
        "'Handed over' cannot be before 'Received', the day the document came (02/01/2024)."
    )
    (row,) = ops.list_register(archive)
    assert (row.handed_over, row.note) == (ops.today(), None)
    assert ops.set_register(archive, 2024, 1, handed_over=date(2024, 1, 2)).value.handed_over == (
        date(2024, 1, 2)
    )
    ops.set_register(archive, 2024, 1, handed_over=None)
    with pytest.raises(ops.BadRegisterValue):
        ops.list_register(archive, status="finished")
    (row,) = ops.list_register(archive)
    assert (row.status, row.note) == ("received", None)
    # None clears a column; KEEP (the default) leaves it.
    ops.set_register(archive, 2024, 1, note="Lưu hồ sơ", assigned_to="Tư pháp")
    row = ops.set_register(archive, 2024, 1, note=None).value
    assert (row.note, row.assigned_to) == (None, "Tư pháp")


@pytest.mark.sqlite_only("the file's own backups; a server's are pg_dump's")
def test_the_register_is_in_the_backups(archive: Archive, pair: KeyPair, tmp_path: Path) -> None:
    first_source(tmp_path / "src")
    import_bundle(archive, build(tmp_path / "src", pair, tmp_path / "b1.bangtin", sequence=1).path)
    year = numbers(archive)[0][0]
    ops.set_register(archive, year, 2, assigned_to="Công an xã", status="done")
    made = backup.take_backup(archive.data_dir)
    conn = sqlite3.connect(made)
    try:
        rows = conn.execute(
            "SELECT number, notice_id, assigned_to, status FROM register_entry ORDER BY number"
        ).fetchall()
    finally:
        conn.close()
    assert rows == [
        (1, "qd-1", None, "received"),
        (2, "qd-2", "Công an xã", "done"),
        (3, "kh-3", None, "received"),
    ]


def test_todo_lists_what_is_not_done_soonest_first(archive: Archive) -> None:
    from tests.helpers.notices import apply, notice

    apply(
        archive,
        [
            notice("kh-1", number="1/KH", deadline=date(2024, 3, 10)),
            notice("kh-2", number="2/KH", deadline=date(2024, 3, 1), urgency="hoa-toc"),
            notice("kh-3", deadline=date(2024, 3, 4)),  # no number: no line, still to do
            notice("kh-4", number="4/KH", deadline=date(2024, 2, 1)),
            notice("tb-5", number="5/TB"),
        ],
    )
    with archive.writing() as session:
        register.register_incoming(
            session, ["kh-1", "kh-2", "kh-4", "tb-5"], datetime(2024, 1, 2, tzinfo=VN_TZ)
        )
    ops.set_register(archive, 2024, 3, status="done")  # kh-4
    day = date(2024, 3, 3)
    items = ops.todo_list(archive, day)
    assert [(i.notice_id, i.days_left) for i in items] == [("kh-2", -2), ("kh-3", 1), ("kh-1", 7)]
    assert [ops.due_level(i) for i in items] == ["overdue", "soon", "later"]
    assert ops.due_text(items[0]) == "quá hạn 2 ngày"
    assert ops.due_text(items[1], "en") == "1 days left"
    assert ops.todo_count(archive, day) == ops.TodoCount(total=3, overdue=1)
    assert ops.todo_json(items[0])["overdue_days"] == 2


def test_export_and_print_carry_appendix_iv_columns(archive: Archive, tmp_path: Path) -> None:
    from tests.helpers.notices import apply, notice

    apply(
        archive,
        [
            notice(
                "qd-1",
                number="1/QĐ-UBND",
                doc_type="Quyết định",
                issuer="UBND huyện",
                summary="Về việc giao chỉ tiêu",
                issued=date(2024, 1, 1),
            )
        ],
    )
    with archive.writing() as session:
        register.register_incoming(session, ["qd-1"], datetime(2024, 1, 2, 9, 0, tzinfo=VN_TZ))
    ops.set_register(archive, 2024, 1, assigned_to="Kế toán", handed_over=date(2024, 1, 3))
    rows = ops.list_register(archive, 2024)
    out = tmp_path / "so.xlsx"
    assert ops.export_xlsx(rows, out, 2024, "en") == 1
    sheet = load_workbook(out).active
    assert sheet is not None
    assert [c.value for c in sheet[5]][:3] == ["Received", "No.", "Issued by"]
    line = [c.value for c in sheet[6]]
    assert line[1:4] == [1, "UBND huyện", "1/QĐ-UBND"]
    assert line[5] == "Quyết định: Về việc giao chỉ tiêu"
    assert line[6] == "Kế toán"
    assert line[7].date() == date(2024, 1, 3)
    assert not out.with_name(out.name + ".part").exists()
    page = register_html(rows, 2024)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in page and "Năm 2024" in page
    assert "Từ số 1 đến số 1; từ ngày 02/01/2024 đến ngày 02/01/2024" in page
    assert "None" not in page
