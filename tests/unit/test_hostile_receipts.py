"""Hostile receipts: each kind is refused, and the province's archive and staging stay as they were.

The cases follow the bundle suite's (tests/unit/test_hostile_bundles.py),
and add what is a receipt's own: an unenrolled office, a bundle signature
offered for a receipt, an office speaking for another, an older sequence.
Every test tampers with office A's first receipt, which would otherwise
apply (test_untampered_copy_applies); a tampered manifest is re-signed with
the office's key whenever the point is to get past the signature check.
"""

from __future__ import annotations

import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from db.archive import Archive
from desktop.bundles import keys
from desktop.bundles.manifest import MANIFEST_NAME, SIGNATURE_NAME
from desktop.bundles.manifest import signed_bytes as bundle_signed_bytes
from desktop.receipts.errors import ReceiptError
from desktop.receipts.importer import import_receipt
from desktop.receipts.manifest import MAX_REPORT
from tests.helpers.bundles import (
    Entry,
    declare,
    entry,
    patch_zip,
    read_entries,
    sha256,
    snapshot,
    staging_contents,
    write_entries,
)
from tests.helpers.receipts import (
    REPORT_PDF,
    ReceiptTamper,
    ReceiptWorld,
    receipt_manifest,
    rewrite_receipt,
)

REPORT = f"files/{sha256(REPORT_PDF)}"


def refused(province: Archive, receipt: Path, code: str) -> ReceiptError:
    """Import *receipt*, expect refusal *code*, and prove nothing changed."""
    before = snapshot(province)
    with pytest.raises(ReceiptError) as caught:
        import_receipt(province, receipt)
    assert caught.value.code == code, caught.value
    assert snapshot(province) == before
    assert staging_contents(province) == []
    for lang in ("vi", "en"):
        assert "{" not in caught.value.message(lang)
    return caught.value


def tampered(rw: ReceiptWorld, tmp_path: Path, **kwargs: Any) -> Path:
    kwargs.setdefault("sign_with", rw.office_a.private)
    return rewrite_receipt(
        rw.receipt1, tmp_path / "hostile.bangtin-receipt", ReceiptTamper(**kwargs)
    )


def test_untampered_copy_applies(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    result = import_receipt(province, tampered(receipt_world, tmp_path))
    assert result.status == "imported"
    assert (result.bundles, result.reports) == (1, 1)
    # Events: "01" for a, b, c; "03" for a (it has a number); "05" for a.
    assert result.events == 5
    assert province.file_path(sha256(REPORT_PDF)).read_bytes() == REPORT_PDF
    assert staging_contents(province) == []


# -- who may speak ----------------------------------------------------------------------------


def test_unenrolled_office(receipt_world: ReceiptWorld, tmp_path: Path) -> None:
    from db.archive import open_archive

    empty = open_archive(tmp_path / "empty")
    try:
        error = refused(empty, receipt_world.receipt1, "unenrolled")
        assert error.params["key_id"] == receipt_world.office_a.key_id
    finally:
        empty.close()


def test_a_removed_office_is_unenrolled(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from db import tracking

    with province.writing() as session:
        assert tracking.unenroll(session, receipt_world.office_a.key_id, datetime.now(UTC))
    refused(province, receipt_world.receipt1, "unenrolled")


def test_an_office_cannot_report_about_another(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    """Office B signs, with its own enrolled key, a receipt that claims to be office A's."""
    receipt = tampered(
        receipt_world,
        tmp_path,
        manifest=lambda m: m.update(key_id=receipt_world.office_b.key_id),
        sign_with=receipt_world.office_b.private,
    )
    error = refused(province, receipt, "other_office")
    assert error.params["claimed"] == "000.00.12.H56"
    assert error.params["office"] == "000.00.13.H56"


def test_a_bundle_signature_is_not_a_receipt_signature(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    """Domain separation: the same key over the same bytes, with the bundle prefix."""
    private = receipt_world.office_a.private
    receipt = tampered(
        receipt_world,
        tmp_path,
        sign_with=None,
        manifest_bytes=lambda data: data,
        signature=lambda _sig: b"",
    )
    raw = entry(read_entries(receipt), MANIFEST_NAME).data
    entries = [e for e in read_entries(receipt) if e.name != SIGNATURE_NAME]
    entries.append(
        Entry(SIGNATURE_NAME, keys.sign(private, bundle_signed_bytes(raw)), zipfile.ZIP_STORED)
    )
    refused(province, write_entries(tmp_path / "x.bangtin-receipt", entries), "bad_signature")


def test_signed_by_another_key_under_the_enrolled_id(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    receipt = tampered(receipt_world, tmp_path, sign_with=receipt_world.office_b.private)
    refused(province, receipt, "bad_signature")


def test_one_flipped_byte_in_the_manifest(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    def flip(data: bytes) -> bytes:
        at = data.index(b'"sequence":1') + len(b'"sequence":')
        return data[:at] + b"2" + data[at + 1 :]

    receipt = tampered(receipt_world, tmp_path, sign_with=None, manifest_bytes=flip)
    refused(province, receipt, "bad_signature")


def test_one_flipped_byte_in_the_signature(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    def flip(sig: bytes) -> bytes:
        return bytes([sig[0] ^ 1]) + sig[1:]

    refused(province, tampered(receipt_world, tmp_path, signature=flip), "bad_signature")


def test_short_signature(receipt_world: ReceiptWorld, province: Archive, tmp_path: Path) -> None:
    receipt = tampered(receipt_world, tmp_path, signature=lambda s: s[:-1])
    refused(province, receipt, "bad_signature")


def test_missing_signature(receipt_world: ReceiptWorld, province: Archive, tmp_path: Path) -> None:
    entries = [e for e in read_entries(receipt_world.receipt1) if e.name != SIGNATURE_NAME]
    refused(province, write_entries(tmp_path / "x.bangtin-receipt", entries), "not_receipt")


def test_signature_is_checked_before_the_content(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    """An unsigned manifest that is also invalid is refused for its signature."""
    receipt = tampered(
        receipt_world, tmp_path, sign_with=None, manifest=lambda m: m.update(events="x")
    )
    refused(province, receipt, "bad_signature")


def test_newer_format_version(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    receipt = tampered(receipt_world, tmp_path, manifest=lambda m: m.update(version=2))
    refused(province, receipt, "newer_format")


# -- which receipts apply ------------------------------------------------------------------------


def test_an_older_sequence_is_refused(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    newer = tampered(
        receipt_world,
        tmp_path,
        manifest=lambda m: m.update(sequence=5, receipt_id="ab" * 16),
    )
    assert import_receipt(province, newer).status == "imported"
    error = refused(province, receipt_world.receipt1, "rollback")
    assert (error.params["sequence"], error.params["last"]) == (1, 5)
    assert import_receipt(province, newer).status == "already"


def test_a_sequence_far_ahead_is_refused(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    receipt = tampered(receipt_world, tmp_path, manifest=lambda m: m.update(sequence=100_001))
    refused(province, receipt, "sequence_jump")


def test_a_changed_receipt_under_a_used_id_is_not_imported_before(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    assert import_receipt(province, receipt_world.receipt1).status == "imported"
    changed = tampered(receipt_world, tmp_path, manifest=lambda m: m["events"].pop())
    refused(province, changed, "rollback")


# -- entries -----------------------------------------------------------------------------------


def test_entry_the_manifest_does_not_list(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    extra = b"%PDF-1.4 not listed"
    receipt = tampered(receipt_world, tmp_path, extra=[Entry(f"files/{sha256(extra)}", extra)])
    refused(province, receipt, "unlisted_entry")


@pytest.mark.parametrize("name", ["readme.txt", "notices/000001.json", "reports/x.pdf"])
def test_entry_with_a_name_outside_the_allow_list(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path, name: str
) -> None:
    """A bundle's chunk name is not a receipt's: the allow-list is the receipt's own."""
    receipt = tampered(receipt_world, tmp_path, extra=[Entry(name, b"[]")])
    error = refused(province, receipt, "bad_entry_name")
    assert error.params["name"] == name


def test_entry_the_manifest_lists_but_the_zip_lacks(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    def drop(entries: list[Entry]) -> None:
        entries[:] = [e for e in entries if not e.name.startswith("files/")]

    refused(province, tampered(receipt_world, tmp_path, entries=drop), "missing_entry")


def test_duplicate_names(receipt_world: ReceiptWorld, province: Archive, tmp_path: Path) -> None:
    def duplicate(entries: list[Entry]) -> None:
        entries.append(Entry(REPORT, b"%PDF-1.4 other bytes"))

    receipt = tampered(receipt_world, tmp_path, entries=duplicate, redeclare=False)
    refused(province, receipt, "duplicate_entry")


def test_symlink_entry(receipt_world: ReceiptWorld, province: Archive, tmp_path: Path) -> None:
    def make_link(entries: list[Entry]) -> None:
        entry(entries, REPORT).external_attr = (stat.S_IFLNK | 0o777) << 16

    refused(province, tampered(receipt_world, tmp_path, entries=make_link), "link_entry")


def test_directory_entry(receipt_world: ReceiptWorld, province: Archive, tmp_path: Path) -> None:
    directory = Entry("files/", b"", external_attr=(stat.S_IFDIR | 0o755) << 16)
    refused(province, tampered(receipt_world, tmp_path, extra=[directory]), "dir_entry")


@pytest.mark.parametrize(
    "name", ["../x", "..\\x", "files/../../x", "files/../../etc/passwd", "files/..\\..\\x"]
)
def test_path_traversal(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path, name: str
) -> None:
    receipt = tampered(
        receipt_world,
        tmp_path,
        entries=lambda entries: entries.append(Entry(name, b"owned")),
        manifest=lambda m: declare(m, name, b"owned"),
    )
    error = refused(province, receipt, "bad_entry_name")
    assert error.params["name"] == name
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("name", ["/etc/x", "C:\\x", "C:/x", "\\\\server\\share\\x", "/files/x"])
def test_absolute_path(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path, name: str
) -> None:
    receipt = tampered(receipt_world, tmp_path, extra=[Entry(name, b"owned")])
    refused(province, receipt, "bad_entry_name")


def test_name_with_trailing_newline(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    data = b"%PDF-1.4 x"
    receipt = tampered(receipt_world, tmp_path, extra=[Entry(f"files/{sha256(data)}\n", data)])
    refused(province, receipt, "bad_entry_name")


def test_name_flagged_utf8_that_is_not_utf8(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    receipt = tampered(receipt_world, tmp_path)
    bad = b"files/\xff" + REPORT.encode()[7:]
    patch_zip(receipt, REPORT, flag_bits_or=0x800, raw_name=bad)
    refused(province, receipt, "unreadable")


def test_encrypted_entry(receipt_world: ReceiptWorld, province: Archive, tmp_path: Path) -> None:
    receipt = tampered(receipt_world, tmp_path)
    patch_zip(receipt, REPORT, flag_bits_or=0x1)
    refused(province, receipt, "encrypted_entry")


def test_unsupported_compression(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    def bzip(entries: list[Entry]) -> None:
        entry(entries, REPORT).compress_type = zipfile.ZIP_BZIP2

    refused(province, tampered(receipt_world, tmp_path, entries=bzip), "unsupported_compression")


# -- sizes, hashes and reports ------------------------------------------------------------------


def test_entry_larger_than_declared(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    def grow(entries: list[Entry]) -> None:
        entry(entries, REPORT).data += b"!"

    receipt = tampered(receipt_world, tmp_path, entries=grow, redeclare=False)
    refused(province, receipt, "size_mismatch")


def test_report_differs_from_its_hash(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    def spoil(entries: list[Entry]) -> None:
        item = entry(entries, REPORT)
        item.data = item.data[:-1] + b"X"

    receipt = tampered(receipt_world, tmp_path, entries=spoil, redeclare=False)
    refused(province, receipt, "hash_mismatch")


def test_a_report_that_is_not_what_it_claims(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    """An executable declared as bao-cao.pdf, listed and signed: its first bytes refuse it."""
    program = b"MZ\x90\x00" + bytes(200)
    name = f"files/{sha256(program)}"

    def swap(manifest: dict[str, Any]) -> None:
        manifest["entries"] = [{"name": name, "size": len(program), "sha256": sha256(program)}]
        manifest["reports"][0].update(size=len(program), sha256=sha256(program))

    def replace(entries: list[Entry]) -> None:
        entries[:] = [Entry(name, program)]

    receipt = tampered(receipt_world, tmp_path, entries=replace, redeclare=False, manifest=swap)
    error = refused(province, receipt, "bad_report")
    assert error.params["name"] == "bao-cao.pdf"


@pytest.mark.parametrize("name", ["bao-cao.exe", "bao-cao.pdf.js", ".pdf", "a/b.pdf"])
def test_a_report_name_that_is_not_allowed(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path, name: str
) -> None:
    receipt = tampered(
        receipt_world, tmp_path, manifest=lambda m: m["reports"][0].update(name=name)
    )
    refused(province, receipt, "bad_manifest")


def test_a_report_over_20_mb_is_refused_by_its_declaration(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    def big(manifest: dict[str, Any]) -> None:
        manifest["entries"][0]["size"] = MAX_REPORT + 1
        manifest["reports"][0]["size"] = MAX_REPORT + 1

    refused(province, tampered(receipt_world, tmp_path, manifest=big), "bad_manifest")


def test_zip_bomb_by_ratio(receipt_world: ReceiptWorld, province: Archive, tmp_path: Path) -> None:
    zeros = b"%PDF-" + bytes(8 * 1024 * 1024)
    name = f"files/{sha256(zeros)}"

    def add(manifest: dict[str, Any]) -> None:
        declare(manifest, name, zeros)
        manifest["reports"].append(
            dict(manifest["reports"][0], size=len(zeros), sha256=sha256(zeros))
        )

    receipt = tampered(
        receipt_world,
        tmp_path,
        entries=lambda entries: entries.append(Entry(name, zeros)),
        manifest=add,
    )
    assert receipt.stat().st_size < 200 * 1024
    error = refused(province, receipt, "bomb")
    assert error.params["name"] == name


def test_size_past_sane_limits(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    receipt = tampered(receipt_world, tmp_path)
    patch_zip(receipt, REPORT, file_size=0xFFFF_FFF0)
    refused(province, receipt, "too_large")


def test_central_directory_size_smaller_than_data(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    receipt = tampered(receipt_world, tmp_path)
    patch_zip(receipt, REPORT, file_size=10)
    refused(province, receipt, "unreadable")


# -- encodings and JSON -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d[:-1],
        lambda d: d + b"}",
        lambda d: b"",
        lambda d: d.replace(b'"sequence":1', b'"sequence":NaN'),
        lambda d: d.replace(b'"sequence":1', b'"sequence":1,"sequence":3'),
        lambda d: b"[" * 100_000,
        lambda d: d.replace(b'"UBND', b'"\\ud800UBND'),
        lambda d: d.replace(b'"UBND', b'"\xff\xfeUBND', 1),
    ],
    ids=["cut", "trailing", "empty", "nan", "duplicate-key", "deep", "lone-surrogate", "utf8"],
)
def test_invalid_json_in_manifest(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path, spoil: Any
) -> None:
    receipt = tampered(receipt_world, tmp_path, manifest_bytes=spoil)
    error = refused(province, receipt, "bad_json")
    assert error.params["name"] == MANIFEST_NAME


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m["office"].update(code="bad code"),
        lambda m: m["events"][0].update(status="04"),
        lambda m: m["events"][0].update(at="9999-12-31T23:00:00-12:00"),
        lambda m: m["events"][0].update(notice="../etc"),
        lambda m: m["events"][0].update(person="a\nb"),
        lambda m: m["events"].append(dict(m["events"][0], status="03", incoming=None)),
        lambda m: m.update(acknowledged=1),
        lambda m: m.update(extra=True),
        lambda m: m["bundles"][0].update(sequence=True),
        lambda m: m["reports"][0].update(media_type="application/x-msdownload"),
    ],
    ids=[
        "office-code",
        "status",
        "time-range",
        "notice-id",
        "two-lines",
        "registered-without-number",
        "acknowledged-not-before",
        "unknown-field",
        "boolean-sequence",
        "media-type",
    ],
)
def test_a_signed_manifest_that_breaks_the_format(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path, change: Any
) -> None:
    refused(province, tampered(receipt_world, tmp_path, manifest=change), "bad_manifest")


# -- not receipts at all -----------------------------------------------------------------------


@pytest.mark.parametrize("keep", [0.5, 0.98])
def test_truncated_receipt(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path, keep: float
) -> None:
    data = receipt_world.receipt1.read_bytes()
    cut = tmp_path / "cut.bangtin-receipt"
    cut.write_bytes(data[: int(len(data) * keep)])
    refused(province, cut, "unreadable")


def test_not_a_zip(province: Archive, tmp_path: Path) -> None:
    path = tmp_path / "notes.bangtin-receipt"
    path.write_bytes("Đây không phải báo nhận.\n".encode() * 100)
    refused(province, path, "not_receipt")


def test_empty_file(province: Archive, tmp_path: Path) -> None:
    path = tmp_path / "empty.bangtin-receipt"
    path.write_bytes(b"")
    refused(province, path, "not_receipt")


def test_a_bundle_is_not_a_receipt(receipt_world: ReceiptWorld, province: Archive) -> None:
    """A bundle's chunks are outside a receipt's allow-list: refused before anything is read."""
    error = refused(province, receipt_world.world.bundle1, "bad_entry_name")
    assert error.params["name"] == "notices/000001.json"


def test_missing_file(province: Archive, tmp_path: Path) -> None:
    refused(province, tmp_path / "gone.bangtin-receipt", "unreadable")


def test_the_manifest_as_written_is_canonical(receipt_world: ReceiptWorld) -> None:
    """What the office wrote is what the format says: keys sorted, no spaces."""
    from desktop.bundles.manifest import canonical_json

    raw = entry(read_entries(receipt_world.receipt1), MANIFEST_NAME).data
    assert raw == canonical_json(receipt_manifest(receipt_world.receipt1))


def test_truncated_entry_data(
    receipt_world: ReceiptWorld, province: Archive, tmp_path: Path
) -> None:
    """The central directory is intact but the report's deflated data is cut short."""
    import zlib

    def deflate(entries: list[Entry]) -> None:
        entry(entries, REPORT).compress_type = zipfile.ZIP_DEFLATED

    receipt = tampered(receipt_world, tmp_path, entries=deflate)
    with zipfile.ZipFile(receipt) as zf:
        info = zf.getinfo(REPORT)
    data = bytearray(receipt.read_bytes())
    start = info.header_offset + 30 + len(REPORT.encode()) + len(info.extra)
    half = info.compress_size // 2
    data[start + half : start + info.compress_size] = bytes(info.compress_size - half)
    receipt.write_bytes(bytes(data))
    with pytest.raises((zlib.error, zipfile.BadZipFile, EOFError)):
        zipfile.ZipFile(receipt).read(REPORT)
    refused(province, receipt, "unreadable")


def test_stage_removes_its_folder_on_refusal(receipt_world: ReceiptWorld, tmp_path: Path) -> None:
    from db.tracking import EnrolledInfo
    from desktop.receipts.reader import stage_receipt

    def spoil(entries: list[Entry]) -> None:
        item = entry(entries, REPORT)
        item.data = item.data[:-1] + b"X"

    receipt = tampered(receipt_world, tmp_path, entries=spoil, redeclare=False)
    office = EnrolledInfo(
        key_id=receipt_world.office_a.key_id,
        public_key=keys.public_raw(receipt_world.office_a.private),
        code="000.00.12.H56",
        name="UBND xã An Bình",
        added_at=datetime.now(UTC),
    )
    root = tmp_path / "staging"
    with pytest.raises(ReceiptError) as caught:
        stage_receipt(receipt, root, lambda kid: office if kid == office.key_id else None)
    assert caught.value.code == "hash_mismatch"
    assert list(root.iterdir()) == []
