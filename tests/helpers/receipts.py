"""Builders for receipt tests: offices with identities, a province that enrolled them, tampering.

The session `receipt_world` is made once: an office archive (the bundle
`world`'s template, with an identity, a register line in progress and a
report attached), its first receipt, a second office's keys, and a
province archive that enrolled both. Tests open copies (`office`,
`province`), never the templates. A tampered receipt is rebuilt entry by
entry and its manifest re-signed, with the receipt prefix, by whatever key
the test names.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db.archive import Archive, open_archive
from desktop.bundles import keys
from desktop.bundles.manifest import MANIFEST_NAME, SIGNATURE_NAME, canonical_json
from desktop.ops.receipts import attach_report, enrol_office, init_office, write_receipt
from desktop.ops.register import set_register
from desktop.receipts.manifest import signed_bytes
from tests.helpers.bundles import Entry, World, declare, entry, read_entries, write_entries

#: A small report: a PDF by its first bytes.
REPORT_PDF = b"%PDF-1.4\n% bao cao ket qua\n" + bytes(range(256)) * 4
OFFICE_A = ("UBND xã An Bình", "000.00.12.H56")
OFFICE_B = ("UBND xã Bình Minh", "000.00.13.H56")


@dataclass(frozen=True)
class OfficeKeys:
    private_path: Path
    public_path: Path
    key_id: str
    private: Ed25519PrivateKey


@dataclass(frozen=True)
class ReceiptWorld:
    """An office with a first receipt, a second office, and a province that enrolled both."""

    root: Path
    world: World
    office_a: OfficeKeys
    office_b: OfficeKeys
    office_template: Path
    province_template: Path
    #: Office A's first receipt (sequence 1): bundle 1, its events, one report.
    receipt1: Path


def _keys(folder: Path) -> OfficeKeys:
    private_path = folder / "office.key"
    private = keys.load_private_key(private_path)
    return OfficeKeys(
        private_path, folder / "office.pub", keys.key_id(keys.public_raw(private)), private
    )


def make_office(template: Path, dest: Path, name: str, code: str, key_out: Path) -> OfficeKeys:
    """A copy of an archive at *dest* with an office identity whose key is in *key_out*."""
    shutil.copytree(template, dest)
    archive = open_archive(dest)
    try:
        init_office(archive, name, code, key_out)
    finally:
        archive.close()
    return _keys(key_out)


def make_receipt_world(root: Path, world: World) -> ReceiptWorld:
    office_dir = root / "office-a"
    a = make_office(world.template, office_dir, *OFFICE_A, root / "key-a")
    b = make_office(world.template, root / "office-b", *OFFICE_B, root / "key-b")
    report = root / "bao-cao.pdf"
    report.write_bytes(REPORT_PDF)
    archive = open_archive(office_dir)
    try:
        from db import register

        with archive.reading() as session:
            (line,) = [r for r in register.register_rows(session) if r.notice_id == "a"]
        set_register(
            archive, line.year, line.incoming_number, status="in_progress", assigned_to="Chị Lan"
        )
        attach_report(archive, "a", report)
        receipt1 = write_receipt(archive, root / "a-1.bangtin-receipt").value.path
    finally:
        archive.close()
    # A copy as it is after its first receipt, for tests to copy in turn.
    template = root / "office-a-template"
    shutil.copytree(office_dir, template)
    province = root / "province"
    archive = open_archive(province)
    try:
        enrol_office(archive, a.public_path)
        enrol_office(archive, b.public_path)
    finally:
        archive.close()
    return ReceiptWorld(
        root=root,
        world=world,
        office_a=a,
        office_b=b,
        office_template=template,
        province_template=province,
        receipt1=receipt1,
    )


@pytest.fixture(scope="session")
def receipt_world(world: World, tmp_path_factory: pytest.TempPathFactory) -> ReceiptWorld:
    """Made once; tests copy its archives, never change them."""
    return make_receipt_world(tmp_path_factory.mktemp("receipts"), world)


def _open_copy(folder: Path, dest: Path) -> Archive:
    shutil.copytree(folder, dest)
    return open_archive(dest)


@pytest.fixture
def province(receipt_world: ReceiptWorld, tmp_path: Path) -> Iterator[Archive]:
    """A copy of the province's archive, with both offices enrolled and no receipt yet."""
    opened = _open_copy(receipt_world.province_template, tmp_path / "province")
    yield opened
    opened.close()


@pytest.fixture
def office(receipt_world: ReceiptWorld, tmp_path: Path) -> Iterator[Archive]:
    """A copy of office A's archive as it was after its first receipt, with its own
    copy of the office's key (and so of its receipt sequence state)."""
    from db import officelog

    key_dir = tmp_path / "office-key"
    shutil.copytree(receipt_world.office_a.private_path.parent, key_dir)
    opened = _open_copy(receipt_world.office_template, tmp_path / "office")
    with opened.writing() as session:
        info = officelog.identity(session)
        assert info is not None
        officelog.set_identity(
            session,
            code=info.code,
            name=info.name,
            key_id=info.key_id,
            public_key=info.public_key,
            key_path=str(key_dir / "office.key"),
            at=info.created_at,
        )
    yield opened
    opened.close()


# -- tampering -----------------------------------------------------------------------------------


@dataclass
class ReceiptTamper:
    """What to change when rewriting a receipt (as tests.helpers.bundles.Tamper)."""

    entries: Callable[[list[Entry]], None] | None = None
    manifest: Callable[[dict[str, Any]], None] | None = None
    manifest_bytes: Callable[[bytes], bytes] | None = None
    redeclare: bool = True
    sign_with: Ed25519PrivateKey | None = None
    signature: Callable[[bytes], bytes] | None = None
    extra: list[Entry] = field(default_factory=list)


def sign_receipt(manifest_bytes: bytes, private: Ed25519PrivateKey) -> bytes:
    return keys.sign(private, signed_bytes(manifest_bytes))


def rewrite_receipt(receipt: Path, out: Path, tamper: ReceiptTamper) -> Path:
    """Write a changed copy of *receipt* to *out* as *tamper* says."""
    entries = read_entries(receipt)
    original_sig = entry(entries, SIGNATURE_NAME).data
    manifest: dict[str, Any] = json.loads(entry(entries, MANIFEST_NAME).data)
    content = [e for e in entries if e.name not in (MANIFEST_NAME, SIGNATURE_NAME)]
    if tamper.entries is not None:
        tamper.entries(content)
    if tamper.redeclare:
        listed = {ent["name"] for ent in manifest["entries"]}
        for item in content:
            if item.name in listed:
                declare(manifest, item.name, item.data)
    if tamper.manifest is not None:
        tamper.manifest(manifest)
    manifest_bytes = canonical_json(manifest)
    if tamper.manifest_bytes is not None:
        manifest_bytes = tamper.manifest_bytes(manifest_bytes)
    signature = sign_receipt(manifest_bytes, tamper.sign_with) if tamper.sign_with else original_sig
    if tamper.signature is not None:
        signature = tamper.signature(signature)
    return write_entries(
        out,
        [
            *content,
            *tamper.extra,
            Entry(MANIFEST_NAME, manifest_bytes),
            Entry(SIGNATURE_NAME, signature, zipfile.ZIP_STORED),
        ],
    )


def receipt_manifest(receipt: Path) -> dict[str, Any]:
    with zipfile.ZipFile(receipt) as zf:
        data: dict[str, Any] = json.loads(zf.read(MANIFEST_NAME))
    return data
