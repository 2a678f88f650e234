"""Writing a receipt at an office: everything since the last acknowledged one, signed.

The receipt is written beside its destination and renamed into place when
whole. Its sequence is one more than the largest the office used, counted
both in the archive and in a small state file beside the office's private
key (recorded, fsynced, before the receipt exists): an archive brought back
from a backup still never reuses a sequence the province has seen.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db import filestore, officelog
from db.archive import Archive
from db.officelog import OfficeInfo, Pending
from db.types import VN_TZ
from desktop.bundles import keys
from desktop.bundles.errors import KeyFileError
from desktop.bundles.limits import check_infos, ratio_too_high
from desktop.bundles.manifest import MANIFEST_NAME, SIGNATURE_NAME, EntryRef, canonical_json
from desktop.receipts.errors import ReceiptCode, ReceiptError
from desktop.receipts.manifest import (
    ENTRY_RE,
    ReceiptManifest,
    report_entry,
    signed_bytes,
)

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
PRIVATE_NAME = "office.key"
PUBLIC_NAME = "office.pub"


@dataclass(frozen=True)
class ReceiptBuildResult:
    path: Path
    sequence: int
    receipt_id: str
    office_code: str
    acknowledged: int
    bundles: int
    events: int
    opened: int
    reports: int
    size: int


def state_path(key_path: Path) -> Path:
    """The file beside the office's private key that records its last receipt sequence."""
    return key_path.with_name(key_path.name + ".state.json")


def _state_sequence(key_path: Path) -> int:
    path = state_path(key_path)
    if not os.path.lexists(path):
        return 0
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("receipt_sequence")
    except (OSError, ValueError, AttributeError) as exc:
        raise ReceiptError(ReceiptCode.SEQUENCE_STATE, path=str(path)) from exc
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ReceiptError(ReceiptCode.SEQUENCE_STATE, path=str(path))
    return value


def _save_sequence(key_path: Path, sequence: int) -> None:
    path = state_path(key_path)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    try:
        with partial.open("w", encoding="utf-8") as fh:
            json.dump({"receipt_sequence": sequence}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ReceiptError(ReceiptCode.SEQUENCE_STATE, path=str(path)) from exc


def _key_for(office: OfficeInfo, key_path: Path | None) -> tuple[Path, Ed25519PrivateKey]:
    chosen = key_path or (Path(office.key_path) if office.key_path else None)
    if chosen is None:
        raise ReceiptError(ReceiptCode.NO_KEY, path=PRIVATE_NAME)
    try:
        private = keys.load_private_key(chosen)
    except KeyFileError as exc:
        if not chosen.exists():
            raise ReceiptError(ReceiptCode.NO_KEY, path=str(chosen)) from exc
        raise
    if keys.public_raw(private) != office.public_key:
        raise ReceiptError(ReceiptCode.KEY_MISMATCH, path=str(chosen), key_id=office.key_id)
    return chosen, private


def _manifest(
    office: OfficeInfo, carried: Pending, sequence: int, receipt_id: str, created: datetime
) -> ReceiptManifest:
    sizes = {r.sha256: r.size for r in carried.reports}
    return ReceiptManifest(
        office_code=office.code,
        office_name=office.name,
        key_id=office.key_id,
        receipt_id=receipt_id,
        sequence=sequence,
        acknowledged=carried.acknowledged,
        created=created,
        bundles=tuple(carried.bundles),
        events=tuple(carried.events),
        reports=tuple(carried.reports),
        entries=tuple(
            EntryRef(name=report_entry(sha), size=size, sha256=sha)
            for sha, size in sorted(sizes.items())
        ),
    )


def _write_zip(tmp: Path, manifest_bytes: bytes, signature: bytes, files: dict[str, Path]) -> None:
    with zipfile.ZipFile(tmp, "w") as zf:
        for sha, source in sorted(files.items()):
            # Reports are PDF or zipped office files: compressed already.
            info = zipfile.ZipInfo(report_entry(sha), ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            with source.open("rb") as src, zf.open(info, "w") as dst:
                while block := src.read(1024 * 1024):
                    dst.write(block)
        method = zipfile.ZIP_DEFLATED
        if ratio_too_high(len(manifest_bytes), len(zlib.compress(manifest_bytes))):
            method = zipfile.ZIP_STORED
        for name, data, kind in (
            (MANIFEST_NAME, manifest_bytes, method),
            (SIGNATURE_NAME, signature, zipfile.ZIP_STORED),
        ):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = kind
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    with zipfile.ZipFile(tmp) as zf:
        # What the office writes, the province reads: the same checks.
        check_infos(zf.infolist(), ENTRY_RE)


def build_receipt(
    archive: Archive, out: Path, *, key_path: Path | None = None
) -> ReceiptBuildResult:
    """Write a signed receipt of everything since the last acknowledged one to *out*.

    Raises ReceiptError (no identity, no key, a key that is not the
    office's, a sequence state that cannot be kept) and KeyFileError.
    """
    out = Path(out)
    with archive.writing() as session:
        office = officelog.identity(session)
        if office is None:
            raise ReceiptError(ReceiptCode.NO_IDENTITY)
        chosen, private = _key_for(office, key_path)
        officelog.sync_openings(session)
        carried = officelog.pending(session)
        sequence = max(officelog.last_sequence(session), _state_sequence(chosen)) + 1
        created = datetime.now(UTC).astimezone(VN_TZ).replace(microsecond=0)
        manifest = _manifest(office, carried, sequence, uuid.uuid4().hex, created)
        files = filestore.local_copies(archive, (r.sha256 for r in carried.reports))
        for report in carried.reports:
            if not files[report.sha256].is_file():
                raise FileNotFoundError(str(files[report.sha256]))
        manifest_bytes = canonical_json(manifest.to_json())
        signature = keys.sign(private, signed_bytes(manifest_bytes))
        tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.part")
        try:
            _write_zip(tmp, manifest_bytes, signature, files)
            _save_sequence(chosen, sequence)
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        officelog.record_written(
            session,
            sequence=sequence,
            receipt_id=manifest.receipt_id,
            manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
            created_at=created,
            carried=carried,
        )
    opened = sum(1 for e in carried.events if e.code == officelog.OPENED)
    return ReceiptBuildResult(
        path=out,
        sequence=sequence,
        receipt_id=manifest.receipt_id,
        office_code=office.code,
        acknowledged=carried.acknowledged,
        bundles=len(carried.bundles),
        events=len(carried.events) - opened,
        opened=opened,
        reports=len(carried.reports),
        size=out.stat().st_size,
    )
