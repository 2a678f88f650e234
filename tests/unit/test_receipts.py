"""Receipts at an office and at the province: identity, events, cumulative receipts, acks."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db import officelog, tracking
from db.archive import Archive, open_archive
from desktop.bundles.importer import import_bundle
from desktop.ops.receipts import (
    OfficeError,
    attach_report,
    enrol_office,
    init_office,
    read_ack,
    receipt_status,
    write_receipt,
)
from desktop.ops.register import set_register
from desktop.receipts.ack import build_ack
from desktop.receipts.errors import ReceiptError
from desktop.receipts.importer import import_receipt
from desktop.receipts.manifest import MAX_REPORT
from tests.helpers.bundles import World, make_keys, sha256, snapshot
from tests.helpers.receipts import REPORT_PDF, ReceiptWorld, receipt_manifest

# The tests on the `archive` fixture run on both engines; those on the
# receipt world's office and province archives on SQLite.
pytestmark = pytest.mark.engines


def events_of(archive: Archive) -> list[tuple[str, str, str | None]]:
    with archive.reading() as session:
        pending = officelog.pending(session)
    return [(e.notice_id, e.code, e.person) for e in pending.events]


def line_of(archive: Archive, notice_id: str) -> tuple[int, int]:
    from db import register

    with archive.reading() as session:
        rows = [r for r in register.register_rows(session) if r.notice_id == notice_id]
    return rows[0].year, rows[0].incoming_number


# -- identity ------------------------------------------------------------------------------------


@pytest.mark.archive(world=True)
def test_office_init_writes_a_private_key_and_records_the_office(
    archive: Archive, tmp_path: Path
) -> None:
    info = init_office(archive, " UBND xã Tân Lập ", "000.00.20.h56", tmp_path / "k").value
    assert (info.code, info.name) == ("000.00.20.H56", "UBND xã Tân Lập")
    private = tmp_path / "k" / "office.key"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    line = (tmp_path / "k" / "office.pub").read_text("utf-8")
    assert line.split()[2:4] == ["000.00.20.H56", "UBND"]
    again = open_archive(archive.data_dir, url=archive.url)
    try:
        assert receipt_status(again).office == info
    finally:
        again.close()
    with pytest.raises(OfficeError) as caught:
        init_office(archive, "Khác", "000.00.21.H56", tmp_path / "k2")
    assert caught.value.code == "office_exists"
    assert not (tmp_path / "k2").exists()


@pytest.mark.parametrize("code", ["", "000 00", "ab/cd", "x" * 41, "-000"])
def test_office_init_refuses_a_bad_code(archive: Archive, tmp_path: Path, code: str) -> None:
    with pytest.raises(OfficeError) as caught:
        init_office(archive, "UBND xã", code, tmp_path / "k")
    assert caught.value.code == "office_bad_code"
    assert not (tmp_path / "k").exists()
    assert receipt_status(archive).office is None


def test_office_init_never_overwrites_a_key(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "k").mkdir()
    (tmp_path / "k" / "office.key").write_text("giữ nguyên")
    with pytest.raises(OfficeError) as caught:
        init_office(archive, "UBND xã", "000.00.20.H56", tmp_path / "k")
    assert caught.value.code == "office_key_exists"
    assert (tmp_path / "k" / "office.key").read_text() == "giữ nguyên"


# -- events --------------------------------------------------------------------------------------


@pytest.mark.archive(world=True)
def test_an_import_records_arrival_and_registration(archive: Archive) -> None:
    """Bundle 1 brought a (numbered: it has a register line), b and c."""
    found = events_of(archive)
    assert [e for e in found if e[1] == "01"] == [
        ("a", "01", None),
        ("b", "01", None),
        ("c", "01", None),
    ]
    assert [e for e in found if e[1] == "03"] == [("a", "03", None)]
    with archive.reading() as session:
        registered = [e for e in officelog.pending(session).events if e.code == "03"]
    assert (registered[0].incoming_year, registered[0].incoming_number) == line_of(archive, "a")


@pytest.mark.archive(world=True)
def test_updates_and_withdrawals_add_no_arrival(archive: Archive, world: World) -> None:
    import_bundle(archive, world.bundle2)
    after = events_of(archive)
    arrivals = [e[0] for e in after if e[1] == "01"]
    # b was updated (no second arrival), d arrived, c was withdrawn.
    assert arrivals == ["a", "b", "c", "d"]


@pytest.mark.archive(world=True)
def test_the_clerks_status_becomes_events_with_the_persons_name(archive: Archive) -> None:
    year, number = line_of(archive, "a")
    set_register(archive, year, number, status="in_progress", assigned_to="Anh Minh")
    set_register(archive, year, number, note="không đổi tình trạng")
    set_register(archive, year, number, status="done")
    set_register(archive, year, number, status="received")
    told = [e for e in events_of(archive) if e[1] in ("05", "06")]
    assert told == [("a", "05", "Anh Minh"), ("a", "06", "Anh Minh")]


# -- receipts, cumulative until acknowledged ----------------------------------------------------


def test_a_receipt_is_cumulative_until_the_province_acknowledges_it(
    receipt_world: ReceiptWorld, office: Archive, province: Archive, tmp_path: Path
) -> None:
    first = receipt_manifest(receipt_world.receipt1)
    assert first["sequence"] == 1 and first["acknowledged"] == 0
    # Receipt 1 was lost; a notice is opened and marked done since.
    from db import store

    with office.writing() as session:
        store.record_view(session, "b", datetime.now(UTC))
    year, number = line_of(office, "a")
    set_register(office, year, number, status="done")
    second = write_receipt(office, tmp_path / "r2.bangtin-receipt").value
    data = receipt_manifest(second.path)
    assert data["sequence"] == 2 and data["acknowledged"] == 0
    # Everything the first carried is carried again, and what happened since.
    assert data["bundles"] == first["bundles"]
    assert data["events"][: len(first["events"])] == first["events"]
    assert [e["status"] for e in data["events"][len(first["events"]) :]] == ["06"]
    assert [o["notice"] for o in data["opened"]] == ["b"]
    assert data["reports"] == first["reports"]

    imported = import_receipt(province, second.path)
    assert (imported.bundles, imported.events, imported.reports) == (1, 7, 1)
    pair = make_keys(tmp_path / "prov", "Sở")
    with office.writing() as session:
        from db import store as office_store

        office_store.add_trusted_key(session, pair.key_id, pair.raw_public, "Sở", datetime.now(UTC))
    ack = build_ack(province, pair.private_path, "Sở Thông tin", tmp_path / "a.bangtin-ack")
    assert ack.offices == 1
    assert read_ack(office, ack.path).value.status == "acknowledged"
    assert read_ack(office, ack.path).value.status == "already"
    assert receipt_status(office).acknowledged == 2
    third = write_receipt(office, tmp_path / "r3.bangtin-receipt").value
    data = receipt_manifest(third.path)
    assert (data["acknowledged"], data["bundles"], data["events"], data["opened"]) == (
        2,
        [],
        [],
        [],
    )
    assert data["reports"] == [] and third.sequence == 3


def test_an_ack_from_an_untrusted_key_or_for_an_unknown_receipt_is_refused(
    receipt_world: ReceiptWorld, office: Archive, province: Archive, tmp_path: Path
) -> None:
    import_receipt(province, receipt_world.receipt1)
    pair = make_keys(tmp_path / "prov", "Sở")
    ack = build_ack(province, pair.private_path, "Sở", tmp_path / "a.bangtin-ack").path
    before = snapshot(office)
    with pytest.raises(ReceiptError) as caught:
        read_ack(office, ack)
    assert caught.value.code == "ack_untrusted"
    with office.writing() as session:
        from db import store

        store.add_trusted_key(session, pair.key_id, pair.raw_public, "Sở", datetime.now(UTC))
    # The office's archive went back to before its first receipt (a restore):
    # the acknowledgement names a receipt it no longer knows.
    from sqlalchemy import delete

    from db.models import ReceiptWritten

    with office.writing() as session:
        session.execute(delete(ReceiptWritten))
    before = snapshot(office)
    with pytest.raises(ReceiptError) as caught:
        read_ack(office, ack)
    assert caught.value.code == "ack_unknown"
    assert snapshot(office) == before
    # And the next receipt still never reuses a sequence: the key's state file remembers.
    again = write_receipt(office, tmp_path / "r.bangtin-receipt").value
    assert again.sequence == 2


def test_an_ack_for_other_offices_changes_nothing(
    receipt_world: ReceiptWorld, office: Archive, tmp_path: Path
) -> None:
    from db.archive import open_archive as open_

    empty = open_(tmp_path / "province")
    try:
        pair = make_keys(tmp_path / "prov", "Sở")
        ack = build_ack(empty, pair.private_path, "Sở", tmp_path / "a.bangtin-ack").path
    finally:
        empty.close()
    with office.writing() as session:
        from db import store

        store.add_trusted_key(session, pair.key_id, pair.raw_public, "Sở", datetime.now(UTC))
    assert read_ack(office, ack).value.status == "none"
    assert receipt_status(office).acknowledged == 0


# -- reports ---------------------------------------------------------------------------------


def docx_bytes(part: str = "word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(part, "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("bao-cao.exe", b"MZ\x90\x00", "report_type"),
        ("bao-cao.pdf", b"MZ\x90\x00", "report_type"),
        ("bao-cao.docx", docx_bytes("xl/workbook.xml"), "report_type"),
        ("bao-cao.xlsx", docx_bytes(), "report_type"),
        ("bao-cao.odt", docx_bytes("mimetype"), "report_type"),
        ("bao-cao.pdf", b"", "report_type"),
    ],
)
def test_only_real_pdf_docx_xlsx_odt_are_attached(
    receipt_world: ReceiptWorld, office: Archive, tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(office)
    with pytest.raises(ReceiptError) as caught:
        attach_report(office, "a", path)
    assert caught.value.code == code
    assert snapshot(office) == before
    assert [p for p in office.staging_dir.iterdir() if p.name.startswith("report-")] == []


def test_a_report_over_20_mb_is_refused(office: Archive, tmp_path: Path) -> None:
    path = tmp_path / "lon.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(MAX_REPORT + 1)
    with pytest.raises(ReceiptError) as caught:
        attach_report(office, "a", path)
    assert caught.value.code == "report_too_large"
    assert caught.value.params["limit"] == 20


def test_a_report_for_a_notice_the_archive_lacks_is_refused(
    office: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(REPORT_PDF)
    with pytest.raises(OfficeError) as caught:
        attach_report(office, "khong-co", path)
    assert caught.value.code == "report_unknown_notice"


def test_a_report_is_carried_once_however_many_notices_it_answers(
    office: Archive, tmp_path: Path
) -> None:
    docx = tmp_path / "bao-cao.docx"
    docx.write_bytes(docx_bytes())
    attach_report(office, "a", docx)
    attach_report(office, "b", docx)
    assert not attach_report(office, "b", docx).changes
    built = write_receipt(office, tmp_path / "r.bangtin-receipt").value
    data = receipt_manifest(built.path)
    shas = [r["sha256"] for r in data["reports"]]
    assert shas.count(sha256(docx.read_bytes())) == 2
    assert len(data["entries"]) == len(set(shas)) == 2
    with zipfile.ZipFile(built.path) as zf:
        assert sorted(zf.namelist()) == sorted(
            ["manifest.json", "manifest.sig", *(e["name"] for e in data["entries"])]
        )


# -- at the province --------------------------------------------------------------------------


def test_an_office_key_speaks_for_one_office(
    receipt_world: ReceiptWorld, province: Archive
) -> None:
    with pytest.raises(OfficeError) as caught:
        enrol_office(province, receipt_world.office_a.public_path, code="000.00.99.H56")
    assert caught.value.code == "office_key_other"
    info, added = enrol_office(province, receipt_world.office_a.public_path).value
    assert (info.code, added) == ("000.00.12.H56", False)


def test_a_key_file_without_a_code_needs_one(province: Archive, tmp_path: Path) -> None:
    pair = make_keys(tmp_path / "k", "")
    with pytest.raises(OfficeError) as caught:
        enrol_office(province, pair.public_path)
    assert caught.value.code == "office_pub_no_code"
    info, added = enrol_office(province, pair.public_path, "UBND xã", "000.00.30.H56").value
    assert added and info.name == "UBND xã"


def test_a_receipt_imported_twice_adds_nothing_twice(
    receipt_world: ReceiptWorld, province: Archive
) -> None:
    first = import_receipt(province, receipt_world.receipt1)
    assert first.status == "imported"
    before = snapshot(province)
    assert import_receipt(province, receipt_world.receipt1).status == "already"
    assert snapshot(province) == before
    with province.reading() as session:
        last = tracking.last_receipt(session, "000.00.12.H56")
    assert last is not None and last.sequence == 1


def test_the_sequence_state_file_is_private_to_the_key(
    receipt_world: ReceiptWorld, office: Archive, tmp_path: Path
) -> None:
    from desktop.receipts.builder import state_path

    info = receipt_status(office).office
    assert info is not None and info.key_path is not None
    state = state_path(Path(info.key_path))
    assert state.is_file() and os.path.dirname(state) == os.path.dirname(info.key_path)
    state.write_text("không phải JSON")
    before = snapshot(office)
    with pytest.raises(ReceiptError) as caught:
        write_receipt(office, tmp_path / "r.bangtin-receipt")
    assert caught.value.code == "sequence_state"
    assert snapshot(office) == before
    assert not (tmp_path / "r.bangtin-receipt").exists()


# -- the migration ---------------------------------------------------------------------------


@pytest.mark.sqlite_only("drives the file's migrations by hand")
@pytest.mark.archive(world=True)
def test_migration_0008_tells_the_register_kept_before_it(archive: Archive) -> None:
    """Down to 0005 and up again: the register's lines become "01" and "03" at ngày đến,
    a line in progress "05" at the time of the upgrade; downgrading drops the tables."""
    import sqlite3

    from alembic import command

    import db.archive
    from db.archive import DB_NAME, make_engine

    year, number = line_of(archive, "a")
    data_dir = archive.data_dir
    archive.close()
    engine = make_engine(data_dir / DB_NAME)
    try:
        with engine.begin() as connection:
            command.downgrade(db.archive._alembic_config(connection), "0005")
    finally:
        engine.dispose()
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        with conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            assert "office_event" not in tables and "receipt_event" not in tables
            conn.execute(
                "UPDATE register_entry SET status = 'in_progress', assigned_to = 'Chị Lan'"
                " WHERE year = ? AND number = ?",
                (year, number),
            )
            (received,) = conn.execute(
                "SELECT received_at FROM register_entry WHERE notice_id = 'a'"
            ).fetchone()
    finally:
        conn.close()
    upgraded = open_archive(data_dir)
    try:
        with upgraded.reading() as session:
            events = officelog.pending(session).events
    finally:
        upgraded.close()
    assert [(e.notice_id, e.code) for e in events] == [("a", "01"), ("a", "03"), ("a", "05")]
    assert int(events[0].at.timestamp()) == received == int(events[1].at.timestamp())
    assert (events[1].incoming_year, events[1].incoming_number) == (year, number)
    assert events[2].person == "Chị Lan" and events[2].at.timestamp() >= received


def test_a_province_without_the_bundle_says_why_it_names_notices_by_id(
    receipt_world: ReceiptWorld, province: Archive
) -> None:
    from desktop.ops.receipts import tracking_report
    from desktop.render.receiptreport import (
        not_held_note,
        notice_label,
        report_table,
        summary_cells,
    )
    from tests.helpers.bundles import PUBLISHER, PUBLISHER_ID, trust

    # The province built and sent the bundle but never imported it: a receipt names
    # the notices by id only, and the publisher by its id.
    import_receipt(province, receipt_world.receipt1)
    report = tracking_report(province)
    assert [(n.notice_id, n.held) for n in report.notices] == [
        ("a", False),
        ("b", False),
        ("c", False),
    ]
    assert [notice_label(n) for n in report.notices][0] == "Văn bản mã a (chưa rõ số và tên)"
    assert notice_label(report.notices[0], "en") == "Document a (number and title not known)"
    note = not_held_note(report)
    assert note is not None and note.startswith(
        "3 văn bản các đơn vị báo về không có trong kho dữ liệu này: báo nhận chỉ ghi mã văn bản"
    )
    html = report_table(report).html(report_table(report).units)
    assert note in html and "Văn bản mã a (chưa rõ số và tên)" in html
    office_a = next(o for o in report.offices if o.code == "000.00.12.H56")
    assert summary_cells(office_a)[2].startswith(
        f"gói số 1 của đơn vị ban hành mã «{PUBLISHER_ID}», nhập ngày"
    )
    # Once it imports what it sent, the report has the numbers, titles and names.
    trust(province, receipt_world.world.keys)
    import_bundle(province, receipt_world.world.bundle1)
    report = tracking_report(province)
    assert all(n.held for n in report.notices) and not_held_note(report) is None
    labels = {n.notice_id: notice_label(n) for n in report.notices}
    assert labels["a"] == "01/QĐ-UBND: Quyết định số 1"
    office_a = next(o for o in report.offices if o.code == "000.00.12.H56")
    assert summary_cells(office_a)[2].startswith(f"gói số 1 của {PUBLISHER}, nhập ngày")
