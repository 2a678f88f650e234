"""Reading a receipt at the province: check the zip, verify the signature, stage the reports.

The zip is held to a bundle's rules by the bundle reader's own checks
(desktop/bundles/limits.py and reader.py): the allow-list, no links,
directories, encryption or duplicates, sizes, ratios, and entries copied
while counting and hashing. Nothing is trusted until the manifest's
signature verifies under an enrolled office's key, and an office's key
speaks only for that office.
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from db.archive import StagingClaim, make_private_dir
from db.tracking import EnrolledInfo
from desktop.bundles import keys
from desktop.bundles import reader as bundle_reader
from desktop.bundles.errors import BundleError, Detail, ImportCancelled
from desktop.bundles.limits import MAX_MANIFEST, check_infos
from desktop.bundles.manifest import MANIFEST_NAME, SIGNATURE_NAME, ManifestError, parse_json_bytes
from desktop.receipts.errors import ReceiptCode, ReceiptError
from desktop.receipts.manifest import (
    ENTRY_RE,
    FORMAT_VERSION,
    ReceiptManifest,
    manifest_from_json,
    peek_version,
    signed_bytes,
)
from desktop.receipts.reports import head_matches

Progress = Callable[[str, int, int], None]
Cancel = Callable[[], bool]
#: Looks up an enrolled office by its key id.
OfficeLookup = Callable[[str], EnrolledInfo | None]


@dataclass
class StagedReceipt:
    """A verified receipt whose report files sit in a staging folder."""

    manifest: ReceiptManifest
    office: EnrolledInfo
    staging: Path
    files: dict[str, Path] = field(default_factory=dict)
    claim: StagingClaim | None = None

    def discard(self) -> None:
        if self.claim is not None:
            self.claim.release()
        shutil.rmtree(self.staging, ignore_errors=True)


def read_manifest(
    zf: zipfile.ZipFile, lookup: OfficeLookup
) -> tuple[ReceiptManifest, EnrolledInfo]:
    """Verify the signature and validate the manifest of an open receipt."""
    infos = {info.filename: info for info in zf.infolist()}
    if MANIFEST_NAME not in infos or SIGNATURE_NAME not in infos:
        raise ReceiptError(ReceiptCode.NOT_RECEIPT, path=zf.filename or "")
    raw = bundle_reader.read_small(zf, infos[MANIFEST_NAME], MAX_MANIFEST)
    signature = bundle_reader.read_small(zf, infos[SIGNATURE_NAME], 64)
    try:
        data = parse_json_bytes(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ReceiptError(ReceiptCode.BAD_JSON, name=MANIFEST_NAME) from exc
    version = peek_version(data)
    if version is None:
        raise ReceiptError(ReceiptCode.NOT_RECEIPT, path=zf.filename or "")
    if version > FORMAT_VERSION:
        raise ReceiptError(ReceiptCode.NEWER_FORMAT)
    if version < FORMAT_VERSION:
        raise ReceiptError(ReceiptCode.BAD_MANIFEST, detail=Detail("detail_unknown_version"))
    key_id = data.get("key_id") if isinstance(data, dict) else None
    office = lookup(key_id) if isinstance(key_id, str) and len(key_id) <= 64 else None
    if office is None:
        raise ReceiptError(ReceiptCode.UNENROLLED, key_id=str(key_id)[:64])
    if keys.public_key_problem(office.public_key) is not None:
        raise ReceiptError(ReceiptCode.WEAK_KEY, key_id=office.key_id)
    if len(signature) != 64 or not keys.verify(office.public_key, signature, signed_bytes(raw)):
        raise ReceiptError(ReceiptCode.BAD_SIGNATURE)
    try:
        manifest = manifest_from_json(data)
    except ManifestError as exc:
        raise ReceiptError(ReceiptCode.BAD_MANIFEST, detail=exc.detail) from exc
    if manifest.office_code != office.code:
        # A key speaks for its own office only.
        raise ReceiptError(
            ReceiptCode.OTHER_OFFICE,
            key_id=office.key_id,
            office=office.code,
            claimed=manifest.office_code,
        )
    return replace(manifest, digest=hashlib.sha256(raw).hexdigest()), office


def _check_listing(zf: zipfile.ZipFile, manifest: ReceiptManifest) -> None:
    listed = {e.name for e in manifest.entries}
    present = {i.filename for i in zf.infolist()} - {MANIFEST_NAME, SIGNATURE_NAME}
    for name in sorted(present - listed):
        raise ReceiptError(ReceiptCode.UNLISTED_ENTRY, name=name)
    for name in sorted(listed - present):
        raise ReceiptError(ReceiptCode.MISSING_ENTRY, name=name)


def _check_report_heads(staged: StagedReceipt) -> None:
    kinds = {r.sha256: r for r in staged.manifest.reports}
    for sha, path in staged.files.items():
        with path.open("rb") as fh:
            head = fh.read(8)
        report = kinds[sha]
        if not head_matches(head, report.media_type):
            raise ReceiptError(ReceiptCode.BAD_REPORT, name=report.name)


def stage_receipt(
    path: Path,
    staging_root: Path,
    lookup: OfficeLookup,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    before_staging: Callable[[ReceiptManifest, EnrolledInfo], None] | None = None,
) -> StagedReceipt:
    """Verify *path* and copy its report files under *staging_root*.

    *before_staging* sees the verified manifest first, so that a receipt
    that cannot apply is refused before any copying. Raises ReceiptError or
    ImportCancelled; on any failure the staging folder is removed.
    """
    make_private_dir(staging_root)
    staging = staging_root / uuid.uuid4().hex
    claim: StagingClaim | None = None

    def drop() -> None:
        if claim is not None:
            claim.release()
        shutil.rmtree(staging, ignore_errors=True)

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_infos(infos, ENTRY_RE)
            manifest, office = read_manifest(zf, lookup)
            _check_listing(zf, manifest)
            if before_staging is not None:
                before_staging(manifest, office)
            bundle_reader.check_space(staging_root, bundle_reader.needed_space(zf))
            staging.mkdir(mode=0o700)
            claim = StagingClaim(staging)
            staged = StagedReceipt(manifest=manifest, office=office, staging=staging, claim=claim)
            by_name = {i.filename: i for i in infos}
            total = len(manifest.entries)
            for done, entry in enumerate(manifest.entries, start=1):
                if cancel is not None and cancel():
                    raise ImportCancelled()
                dest = staging / entry.name.replace("/", "_")
                bundle_reader.copy_entry(zf, by_name[entry.name], entry.size, entry.sha256, dest)
                staged.files[entry.sha256] = dest
                if progress is not None:
                    progress("staging", done, total)
        _check_report_heads(staged)
        return staged
    except (ReceiptError, ImportCancelled):
        drop()
        raise
    except BundleError as exc:
        drop()
        raise ReceiptError.from_bundle(exc) from exc
    except FileNotFoundError as exc:
        drop()
        if not Path(path).exists():
            raise ReceiptError(ReceiptCode.UNREADABLE, path=str(path)) from exc
        raise
    except OSError as exc:
        drop()
        if bundle_reader.is_no_space(exc):
            raise ReceiptError(ReceiptCode.DISK_FULL) from exc
        raise ReceiptError(ReceiptCode.UNREADABLE, path=str(path)) from exc
    except bundle_reader.READ_ERRORS as exc:
        drop()
        if isinstance(exc, zipfile.BadZipFile) and not bundle_reader.looks_like_zip(Path(path)):
            raise ReceiptError(ReceiptCode.NOT_RECEIPT, path=str(path)) from exc
        raise ReceiptError(ReceiptCode.UNREADABLE, path=str(path)) from exc
