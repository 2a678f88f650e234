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
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from db.archive import StagingClaim, make_private_dir
from db.records import NoticeRecord
from desktop.bundles import keys
from desktop.bundles.errors import BundleCode, BundleError, Detail, ImportCancelled
from desktop.bundles.limits import (  # noqa: F401 - the reader's limits, re-exported
    MAX_ENTRIES,
    MAX_FILE,
    MAX_MANIFEST,
    MAX_RATIO,
    MAX_TOTAL,
    RATIO_FLOOR,
    check_infos,
)
from desktop.bundles.manifest import (
    FORMAT_VERSION,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    SIGNATURE_PREFIX,
    VERSIONS,
    Manifest,
    ManifestError,
    manifest_from_json,
    notice_from_json,
    parse_json_bytes,
    peek_version,
)
from desktop.bundles.refindex import RefIndex
from desktop.bundles.strictjson import parse_streamed

Progress = Callable[[str, int, int], None]
Cancel = Callable[[], bool]
#: Looks up a trusted key: key id -> (raw public key, bound publisher id) or None.
TrustLookup = Callable[[str], tuple[bytes, str | None] | None]
#: For a key not trusted directly: (key id, unverified manifest object) -> the
#: same answer, from a delegation by a trusted root (desktop/bundles/trustcheck.py).
Resolver = Callable[[str, Any], tuple[bytes, str | None] | None]

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
    """A verified bundle whose entries sit in a staging folder.

    Its notices are read one chunk at a time (`notice_chunks`), so an import
    holds one chunk's notices in memory, not the whole bundle's.
    """

    manifest: Manifest
    staging: Path
    files: dict[str, Path] = field(default_factory=dict)
    claim: StagingClaim | None = None

    @property
    def notice_count(self) -> int:
        """How many notices the signed manifest lists."""
        return len(self.manifest.notices)

    @property
    def refs(self) -> RefIndex:
        """The manifest's notice listings, on disk in the staging folder."""
        assert isinstance(self.manifest.notices, RefIndex)
        return self.manifest.notices

    def notice_chunks(self) -> Iterator[list[NoticeRecord]]:
        """Parse the staged chunks in order, each matched to the signed manifest.

        Raises BundleError at the first notice that does not match, and after
        the last chunk when the manifest lists a notice no chunk held.
        """
        return _notice_chunks(self)

    def drop_notices(self) -> None:
        """Delete the staged notice chunks, once an import has applied them all.

        Nothing reads them again, and the search index the import builds next
        takes their room: beside them a first import of 100,000 notices
        needed 1.30× the disk of the data folder it made, without them 1.06×.
        """
        for chunk in _chunk_names(self):
            (self.staging / chunk.replace("/", "_")).unlink(missing_ok=True)

    def discard(self) -> None:
        if isinstance(self.manifest.notices, RefIndex):
            self.manifest.notices.close()
        if self.claim is not None:
            self.claim.release()
        shutil.rmtree(self.staging, ignore_errors=True)


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise BundleError(BundleCode.TOO_LARGE, name=info.filename)
    return data


def _read_signed(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytearray:
    """SIGNATURE_PREFIX + the manifest's bytes, in one buffer: what the
    signature covers, without a second copy of a manifest of many MB."""
    buf = bytearray(SIGNATURE_PREFIX)
    with zf.open(info) as fh:
        while block := fh.read(COPY_BLOCK):
            buf += block
            if len(buf) - len(SIGNATURE_PREFIX) > MAX_MANIFEST:
                raise BundleError(BundleCode.TOO_LARGE, name=info.filename)
    return buf


#: The name of the manifest's notice index in a staging folder (not an entry name).
REF_INDEX_NAME = "manifest-notices.sqlite"


def read_manifest(
    zf: zipfile.ZipFile, trust: TrustLookup, resolve: Resolver | None, index: Path
) -> Manifest:
    """Verify the signature and validate the manifest of an open bundle.

    The manifest's notice listings are parsed one at a time into a RefIndex
    at *index*, after the signature verified; the rest of it is parsed whole.
    """
    infos = {info.filename: info for info in zf.infolist()}
    if MANIFEST_NAME not in infos or SIGNATURE_NAME not in infos:
        raise BundleError(BundleCode.NOT_BUNDLE, path=zf.filename or "")
    signed = _read_signed(zf, infos[MANIFEST_NAME])
    raw = memoryview(signed)[len(SIGNATURE_PREFIX) :]
    signature = _read_small(zf, infos[SIGNATURE_NAME], 64)
    try:
        data, streamed = parse_streamed(raw, "notices")
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleError(BundleCode.BAD_JSON, name=MANIFEST_NAME) from exc
    version = peek_version(data)
    if version is None:
        raise BundleError(BundleCode.NOT_BUNDLE, path=zf.filename or "")
    if version not in VERSIONS:
        raise (
            BundleError(BundleCode.NEWER_FORMAT)
            if version > FORMAT_VERSION
            else BundleError(BundleCode.BAD_MANIFEST, detail=Detail("detail_unknown_version"))
        )
    key_id = data.get("key_id") if isinstance(data, dict) else None
    found = trust(key_id) if isinstance(key_id, str) and len(key_id) <= 64 else None
    if found is None and resolve is not None and isinstance(key_id, str) and len(key_id) <= 64:
        found = resolve(key_id, data)
    if found is None:
        raise BundleError(BundleCode.UNTRUSTED_KEY, key_id=str(key_id)[:64])
    raw_public, bound = found
    if keys.public_key_problem(raw_public) is not None:
        # Trusted by an older Bảng Tin, perhaps: under such a key a signature
        # proves nothing, so none is checked.
        raise BundleError(BundleCode.WEAK_KEY, key_id=key_id)
    if len(signature) != 64 or not keys.verify(raw_public, signature, signed):
        raise BundleError(BundleCode.BAD_SIGNATURE)
    digest = hashlib.sha256(raw).hexdigest()
    del raw, signed
    refs = RefIndex(index)
    try:
        if streamed is not None and streamed.streamed:
            manifest = manifest_from_json(data, listed=streamed.items(), into=refs)
        else:
            manifest = manifest_from_json(data, into=refs)
    except ManifestError as exc:
        refs.close()
        raise BundleError(BundleCode.BAD_MANIFEST, detail=exc.detail) from exc
    except BaseException:
        refs.close()
        raise
    manifest = replace(manifest, digest=digest)
    if bound is not None and bound != manifest.publisher_id:
        refs.close()
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
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    size: int,
    sha: str,
    dest: Path,
    *,
    durable: bool = True,
) -> None:
    """Copy *info* to *dest*, checking its size and sha256; on disk before it returns
    when *durable* (a file the archive keeps; a notice chunk is read and deleted)."""
    digest = hashlib.sha256()
    written = 0
    with dest.open("wb") as out, zf.open(info) as src:
        # 0600 whatever the umask: the copy ends up in the archive's store.
        # (The staging folder is 0700, so no one else saw it in between.)
        os.chmod(dest, 0o600)
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
        if durable:
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
    resolve: Resolver | None = None,
) -> StagedBundle:
    """Verify *path* and copy its entries under *staging_root*.

    *before_staging* sees the verified manifest first, so that a bundle that
    cannot apply is refused before any copying. Raises BundleError or
    ImportCancelled; on any failure the staging folder is removed.
    """
    make_private_dir(staging_root)
    staging = staging_root / uuid.uuid4().hex
    staged: StagedBundle | None = None
    claim: StagingClaim | None = None
    manifest: Manifest | None = None

    def drop() -> None:
        if manifest is not None and isinstance(manifest.notices, RefIndex):
            manifest.notices.close()
        if claim is not None:
            claim.release()
        shutil.rmtree(staging, ignore_errors=True)

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_infos(infos)
            # The staging folder first: the manifest's notices are indexed in it.
            staging.mkdir(mode=0o700)
            claim = StagingClaim(staging)
            manifest = read_manifest(zf, trust, resolve, staging / REF_INDEX_NAME)
            _check_listing(zf, manifest)
            if before_staging is not None:
                before_staging(manifest)
            check_space(staging_root, needed_space(zf))
            staged = StagedBundle(manifest=manifest, staging=staging, claim=claim)
            by_name = {i.filename: i for i in infos}
            total = len(manifest.entries)
            for done, entry in enumerate(manifest.entries, start=1):
                if cancel is not None and cancel():
                    raise ImportCancelled()
                dest = staging / entry.name.replace("/", "_")
                kept = entry.name.startswith("files/")
                _copy_entry(zf, by_name[entry.name], entry.size, entry.sha256, dest, durable=kept)
                if kept:
                    staged.files[entry.sha256] = dest
                if progress is not None:
                    progress("staging", done, total)
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
        if Path(path).is_dir():  # a folder chosen or dropped instead of a file
            raise BundleError(BundleCode.NOT_A_FILE, path=str(path)) from exc
        raise BundleError(BundleCode.UNREADABLE, path=str(path)) from exc
    except _READ_ERRORS as exc:
        drop()
        if isinstance(exc, zipfile.BadZipFile) and not _looks_like_zip(Path(path)):
            raise BundleError(BundleCode.NOT_BUNDLE, path=str(path)) from exc
        # A zip that breaks on reading is damaged or truncated, not foreign.
        raise BundleError(BundleCode.UNREADABLE, path=str(path)) from exc
    except BaseException:
        # Whatever else stops it (the caller's before_staging, an interrupt):
        # nothing of it stays behind.
        drop()
        raise


def _looks_like_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(ZIP_MAGIC)) == ZIP_MAGIC
    except OSError:
        return False


def _is_no_space(exc: OSError) -> bool:
    import errno

    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def _chunk_names(staged: StagedBundle) -> list[str]:
    """The bundle's notice chunks, listed or present, in order."""
    names = {e.name for e in staged.manifest.entries if e.name.startswith("notices/")}
    return sorted(staged.refs.chunk_names() | names)


def _notice_chunks(staged: StagedBundle) -> Iterator[list[NoticeRecord]]:
    manifest = staged.manifest
    refs = staged.refs
    chunks = _chunk_names(staged)
    files = {e.sha256: e.size for e in manifest.entries if e.name.startswith("files/")}
    # The first listed id (in id order) that no chunk held, if any.
    absent: str | None = None
    for chunk in chunks:
        # The listings of this chunk only: a notice listed in another chunk
        # is not found here, as one listed nowhere is not.
        expected = refs.in_chunk(chunk)
        notices: list[NoticeRecord] = []
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
                raise BundleError(BundleCode.BAD_NOTICE, id=label[:120], detail=exc.detail) from exc
            ref = expected.pop(rec.id, None)
            if ref is None:
                raise BundleError(
                    BundleCode.BAD_NOTICE, id=rec.id, detail=Detail("detail_not_listed")
                )
            if ref.sha256 != rec.content_hash:
                raise BundleError(BundleCode.HASH_MISMATCH, name=f"{chunk}#{rec.id}")
            if ref.revision != rec.revision:
                raise BundleError(
                    BundleCode.BAD_NOTICE, id=rec.id, detail=Detail("detail_revision_differs")
                )
            if rec.category not in manifest.categories:
                raise BundleError(
                    BundleCode.BAD_NOTICE, id=rec.id, detail=Detail("detail_category_unlisted")
                )
            for att in rec.attachments:
                if files.get(att.sha256) != att.size:
                    raise BundleError(
                        BundleCode.BAD_NOTICE,
                        id=rec.id,
                        detail=Detail("detail_attachment_missing", name=att.name),
                    )
            notices.append(rec)
        if expected:
            first = min(expected)
            absent = first if absent is None else min(absent, first)
        del raw, docs, expected
        yield notices
    if absent is not None:
        raise BundleError(BundleCode.BAD_NOTICE, id=absent, detail=Detail("detail_absent"))


# What a receipt's reader (desktop/receipts/reader.py) checks in the same way.
read_small = _read_small
copy_entry = _copy_entry
looks_like_zip = _looks_like_zip
is_no_space = _is_no_space
READ_ERRORS = _READ_ERRORS
