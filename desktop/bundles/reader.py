"""Reading a bundle: check the zip, verify the signature, stage every entry.

Nothing is trusted until the manifest's signature verifies against a key
the office trusts; nothing is applied until every entry has been copied to
the local staging folder and matched its declared size and hash. After
staging, pulling the USB stick out changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db.archive import StagingClaim
from db.records import NoticeRecord
from desktop.bundles import keys
from desktop.bundles.errors import BundleCode, BundleError, ImportCancelled
from desktop.bundles.manifest import (
    ENTRY_RE,
    FORMAT_VERSION,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    VERSIONS,
    Manifest,
    ManifestError,
    manifest_from_json,
    notice_from_json,
    parse_json_bytes,
    peek_version,
    signed_bytes,
)

Progress = Callable[[str, int, int], None]
Cancel = Callable[[], bool]
#: Looks up a trusted key: key id -> (raw public key, bound publisher id) or None.
TrustLookup = Callable[[str], tuple[bytes, str | None] | None]

MAX_MANIFEST = 256 * 1024 * 1024
MAX_CHUNK = 128 * 1024 * 1024
MAX_FILE = 1024 * 1024 * 1024
MAX_TOTAL = 16 * 1024 * 1024 * 1024
MAX_ENTRIES = 1_000_000
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
COPY_BLOCK = 1024 * 1024
#: Free space kept beyond what an import needs, for SQLite's journal and WAL.
SPACE_MARGIN = 64 * 1024 * 1024

#: UnicodeDecodeError: zipfile decodes a name flagged UTF-8 that is not UTF-8.
_READ_ERRORS = (
    OSError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    UnicodeDecodeError,
)
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class StagedBundle:
    """A verified bundle whose entries sit in a staging folder."""

    manifest: Manifest
    staging: Path
    notices: list[NoticeRecord] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    claim: StagingClaim | None = None

    def discard(self) -> None:
        if self.claim is not None:
            self.claim.release()
        shutil.rmtree(self.staging, ignore_errors=True)


def _check_infos(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise BundleError(BundleCode.TOO_LARGE, name="(zip)")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise BundleError(BundleCode.DUPLICATE_ENTRY, name=name)
        seen.add(name)
        if info.is_dir() or name.endswith("/"):
            raise BundleError(BundleCode.DIR_ENTRY, name=name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise BundleError(BundleCode.LINK_ENTRY, name=name)
        if info.flag_bits & 0x1:
            raise BundleError(BundleCode.ENCRYPTED_ENTRY, name=name)
        if name not in (MANIFEST_NAME, SIGNATURE_NAME) and not ENTRY_RE.match(name):
            raise BundleError(BundleCode.BAD_ENTRY_NAME, name=name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(BundleCode.UNSUPPORTED_COMPRESSION, name=name)
        limit = MAX_MANIFEST if name == MANIFEST_NAME else MAX_FILE
        if info.file_size > limit:
            raise BundleError(BundleCode.TOO_LARGE, name=name)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BundleError(BundleCode.BOMB, name=name)
        total += info.file_size
        if total > MAX_TOTAL:
            raise BundleError(BundleCode.TOO_LARGE, name=name)


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise BundleError(BundleCode.TOO_LARGE, name=info.filename)
    return data


def read_manifest(zf: zipfile.ZipFile, trust: TrustLookup) -> Manifest:
    """Verify the signature and validate the manifest of an open bundle."""
    infos = {info.filename: info for info in zf.infolist()}
    if MANIFEST_NAME not in infos or SIGNATURE_NAME not in infos:
        raise BundleError(BundleCode.NOT_BUNDLE, path=zf.filename or "")
    raw = _read_small(zf, infos[MANIFEST_NAME], MAX_MANIFEST)
    signature = _read_small(zf, infos[SIGNATURE_NAME], 64)
    try:
        data = parse_json_bytes(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleError(BundleCode.BAD_JSON, name=MANIFEST_NAME) from exc
    version = peek_version(data)
    if version is None:
        raise BundleError(BundleCode.NOT_BUNDLE, path=zf.filename or "")
    if version not in VERSIONS:
        raise (
            BundleError(BundleCode.NEWER_FORMAT)
            if version > FORMAT_VERSION
            else BundleError(BundleCode.BAD_MANIFEST, detail="unknown format version")
        )
    key_id = data.get("key_id") if isinstance(data, dict) else None
    found = trust(key_id) if isinstance(key_id, str) and len(key_id) <= 64 else None
    if found is None:
        raise BundleError(BundleCode.UNTRUSTED_KEY, key_id=str(key_id)[:64])
    raw_public, bound = found
    if len(signature) != 64 or not keys.verify(raw_public, signature, signed_bytes(raw)):
        raise BundleError(BundleCode.BAD_SIGNATURE)
    try:
        manifest = manifest_from_json(data)
    except ManifestError as exc:
        raise BundleError(BundleCode.BAD_MANIFEST, detail=str(exc)) from exc
    if bound is not None and bound != manifest.publisher_id:
        raise BundleError(
            BundleCode.KEY_PUBLISHER_MISMATCH,
            key_id=manifest.key_id,
            bound=bound,
            claimed=manifest.publisher_id,
        )
    return manifest


def _check_listing(zf: zipfile.ZipFile, manifest: Manifest) -> None:
    listed = {e.name for e in manifest.entries}
    present = {i.filename for i in zf.infolist()} - {MANIFEST_NAME, SIGNATURE_NAME}
    for name in sorted(present - listed):
        raise BundleError(BundleCode.UNLISTED_ENTRY, name=name)
    for name in sorted(listed - present):
        raise BundleError(BundleCode.MISSING_ENTRY, name=name)


def needed_space(zf: zipfile.ZipFile) -> int:
    return sum(i.file_size for i in zf.infolist()) * 2 + SPACE_MARGIN


def check_space(folder: Path, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise BundleError(BundleCode.NO_SPACE, needed=needed // (1024 * 1024) + 1)


def _copy_entry(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int, sha: str, dest: Path
) -> None:
    digest = hashlib.sha256()
    written = 0
    with zf.open(info) as src, dest.open("wb") as out:
        while True:
            block = src.read(COPY_BLOCK)
            if not block:
                break
            written += len(block)
            if written > size:
                raise BundleError(BundleCode.SIZE_MISMATCH, name=info.filename)
            digest.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if written != size:
        raise BundleError(BundleCode.SIZE_MISMATCH, name=info.filename)
    if digest.hexdigest() != sha:
        raise BundleError(BundleCode.HASH_MISMATCH, name=info.filename)


def stage_bundle(
    path: Path,
    staging_root: Path,
    trust: TrustLookup,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    before_staging: Callable[[Manifest], None] | None = None,
) -> StagedBundle:
    """Verify *path* and copy its entries under *staging_root*.

    *before_staging* sees the verified manifest first, so that a bundle that
    cannot apply is refused before any copying. Raises BundleError or
    ImportCancelled; on any failure the staging folder is removed.
    """
    staging_root.mkdir(parents=True, exist_ok=True)
    staging = staging_root / uuid.uuid4().hex
    staged: StagedBundle | None = None
    claim: StagingClaim | None = None

    def drop() -> None:
        if claim is not None:
            claim.release()
        shutil.rmtree(staging, ignore_errors=True)

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_infos(infos)
            manifest = read_manifest(zf, trust)
            _check_listing(zf, manifest)
            if before_staging is not None:
                before_staging(manifest)
            check_space(staging_root, needed_space(zf))
            staging.mkdir()
            claim = StagingClaim(staging)
            staged = StagedBundle(manifest=manifest, staging=staging, claim=claim)
            by_name = {i.filename: i for i in infos}
            total = len(manifest.entries)
            for done, entry in enumerate(manifest.entries, start=1):
                if cancel is not None and cancel():
                    raise ImportCancelled()
                dest = staging / entry.name.replace("/", "_")
                _copy_entry(zf, by_name[entry.name], entry.size, entry.sha256, dest)
                if entry.name.startswith("files/"):
                    staged.files[entry.sha256] = dest
                if progress is not None:
                    progress("staging", done, total)
        staged.notices = _load_notices(staged)
        return staged
    except BundleError:
        drop()
        raise
    except ImportCancelled:
        drop()
        raise
    except FileNotFoundError as exc:
        drop()
        if not Path(path).exists():
            raise BundleError(BundleCode.UNREADABLE, path=str(path)) from exc
        raise
    except OSError as exc:
        drop()
        if _is_no_space(exc):
            raise BundleError(BundleCode.DISK_FULL) from exc
        raise BundleError(BundleCode.UNREADABLE, path=str(path)) from exc
    except _READ_ERRORS as exc:
        drop()
        if isinstance(exc, zipfile.BadZipFile) and not _looks_like_zip(Path(path)):
            raise BundleError(BundleCode.NOT_BUNDLE, path=str(path)) from exc
        # A zip that breaks on reading is damaged or truncated, not foreign.
        raise BundleError(BundleCode.UNREADABLE, path=str(path)) from exc


def _looks_like_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(ZIP_MAGIC)) == ZIP_MAGIC
    except OSError:
        return False


def _is_no_space(exc: OSError) -> bool:
    import errno

    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def _load_notices(staged: StagedBundle) -> list[NoticeRecord]:
    """Parse the staged chunks and match every notice to the signed manifest."""
    manifest = staged.manifest
    expected = {ref.id: ref for ref in manifest.notices}
    chunks = sorted(
        {ref.chunk for ref in manifest.notices}
        | {e.name for e in manifest.entries if e.name.startswith("notices/")}
    )
    files = {e.sha256: e.size for e in manifest.entries if e.name.startswith("files/")}
    notices: list[NoticeRecord] = []
    for chunk in chunks:
        raw = (staged.staging / chunk.replace("/", "_")).read_bytes()
        try:
            docs = parse_json_bytes(raw)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise BundleError(BundleCode.BAD_JSON, name=chunk) from exc
        if not isinstance(docs, list):
            raise BundleError(BundleCode.BAD_JSON, name=chunk)
        for doc in docs:
            ident = doc.get("id") if isinstance(doc, dict) else None
            label = ident if isinstance(ident, str) else "?"
            try:
                rec = notice_from_json(doc, manifest.version)
            except ManifestError as exc:
                raise BundleError(BundleCode.BAD_NOTICE, id=label[:120], detail=str(exc)) from exc
            ref = expected.pop(rec.id, None)
            if ref is None or ref.chunk != chunk:
                raise BundleError(
                    BundleCode.BAD_NOTICE, id=rec.id, detail="not listed in the manifest"
                )
            if ref.sha256 != rec.content_hash:
                raise BundleError(BundleCode.HASH_MISMATCH, name=f"{chunk}#{rec.id}")
            if ref.revision != rec.revision:
                raise BundleError(
                    BundleCode.BAD_NOTICE, id=rec.id, detail="revision differs from manifest"
                )
            if rec.category not in manifest.categories:
                raise BundleError(
                    BundleCode.BAD_NOTICE, id=rec.id, detail="category not in the manifest"
                )
            for att in rec.attachments:
                if files.get(att.sha256) != att.size:
                    raise BundleError(
                        BundleCode.BAD_NOTICE,
                        id=rec.id,
                        detail=f"attachment {att.name} is not in the bundle",
                    )
            notices.append(rec)
    if expected:
        missing = sorted(expected)[0]
        raise BundleError(
            BundleCode.BAD_NOTICE, id=missing, detail="listed in the manifest but absent"
        )
    return notices
