"""Building and signing a bundle from a publisher's source folder.

The zip is written beside its destination and renamed into place only when
complete, so a failed build never leaves a half bundle behind; a build
killed half way leaves its `.bangtin-build-*` file, which the next build in
that folder removes (a running build holds an OS lock on its own).
Sequences count up per publisher in a small state file beside the private
key, recorded before the bundle is renamed into place: a bundle whose
sequence could not be recorded is never left behind, so no two bundles
share a sequence.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from db.folding import clean_field, fold, nfc
from db.locks import try_lock, unlock
from db.records import NoticeRecord, WithdrawalRecord
from db.types import VN_TZ
from desktop.bundles import keys
from desktop.bundles.limits import check_infos, ratio_too_high
from desktop.bundles.manifest import (
    MANIFEST_NAME,
    NOTICES_PER_CHUNK,
    SIGNATURE_NAME,
    SIGNATURE_PREFIX,
    EntryRef,
    Manifest,
    NoticeRef,
    canonical_json,
    chunk_name,
    content_hash,
    file_entry_name,
    listing_json,
    manifest_bytes,
    notice_to_json,
)
from desktop.bundles.source import read_notice, read_source
from desktop.bundles.trustdocs import TrustFields

Progress = Callable[[str, int, int], None]

# Media types that are compressed already: storing them saves time, not space.
STORED_TYPES = ("application/pdf", "image/", "application/zip", "video/", "audio/")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class SequenceError(ValueError):
    """The requested sequence does not come after the base bundle."""

    def __init__(self, sequence: int, since: int) -> None:
        super().__init__(f"sequence {sequence} must be larger than {since}")
        self.sequence = sequence
        self.since = since


@dataclass(frozen=True)
class BuildResult:
    path: Path
    bundle_id: str
    publisher_id: str
    sequence: int
    kind: str
    base_sequence: int | None
    #: Notices published, not counting those marked withdrawn:
    notices: int
    #: withdrawal records and notices marked withdrawn, as an import counts them.
    withdrawals: int
    attachments: int
    size: int


def publisher_id_for(name: str) -> str:
    """A stable id from a publisher's name: folded, words joined by '-'."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(nfc(name))).strip("-")
    return slug[:120] or "publisher"


class SequenceStateError(Exception):
    """The sequence state file cannot be read (`code` "unreadable") or written
    ("unwritable"); no bundle was written."""

    def __init__(self, code: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{code}: {path}: {detail}")
        self.code = code
        self.path = path
        self.detail = detail


def state_path(key_path: Path) -> Path:
    """The file beside the private key that records each publisher's last sequence."""
    return key_path.with_name(key_path.name + ".state.json")


def _read_state(key_path: Path) -> dict[str, Any]:
    # No file is a publisher's first build; a file that cannot be read must
    # stop the build: starting again at 1 would reuse sequences.
    path = state_path(key_path)
    if not os.path.lexists(path):
        return {"publishers": {}, "bundles": {}}
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SequenceStateError("unreadable", path, str(exc)) from exc
    publishers = state.get("publishers") if isinstance(state, dict) else None
    if not isinstance(publishers, dict):
        raise SequenceStateError("unreadable", path, "no publishers")
    # The bundles built, per publisher and sequence: a delta names its base by them.
    built = state.get("bundles")
    return {
        "publishers": {k: v for k, v in publishers.items() if isinstance(v, int)},
        "bundles": built if isinstance(built, dict) else {},
    }


#: How many built bundles per publisher the state file remembers for naming a delta's base.
REMEMBERED_BUNDLES = 1000


def built_bundle(key_path: Path, publisher_id: str, sequence: int) -> tuple[str, str] | None:
    """(bundle id, manifest SHA-256) of the bundle this key built for *sequence*, if known."""
    found = _read_state(key_path)["bundles"].get(publisher_id, {}).get(str(sequence))
    if isinstance(found, list) and len(found) == 2 and all(isinstance(v, str) for v in found):
        return found[0], found[1]
    return None


def _last_sequence(key_path: Path, publisher_id: str) -> int:
    return int(_read_state(key_path)["publishers"].get(publisher_id, 0))


def _save_sequence(
    key_path: Path, publisher_id: str, sequence: int, built: tuple[str, str] | None = None
) -> None:
    path = state_path(key_path)
    state = _read_state(key_path)
    state["publishers"][publisher_id] = max(sequence, state["publishers"].get(publisher_id, 0))
    if built is not None:
        mine = state["bundles"].setdefault(publisher_id, {})
        mine[str(sequence)] = list(built)
        for old in sorted(mine, key=lambda s: int(s) if s.isdigit() else 0)[:-REMEMBERED_BUNDLES]:
            del mine[old]
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps(state, indent=2, sort_keys=True))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
        raise SequenceStateError("unwritable", path, exc.strerror or str(exc)) from exc


BUILD_PREFIX = ".bangtin-build-"


def clear_stale_builds(folder: Path) -> list[Path]:
    """Remove what killed builds left in *folder*; returns the removed files.

    A running build holds an OS lock on its file, so only files whose
    build is gone are removed.
    """
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(BUILD_PREFIX)]
    except OSError:
        return removed
    for path in candidates:
        if path.is_symlink() or not path.is_file():
            continue
        try:
            with path.open("rb") as fh:
                if not try_lock(fh.fileno()):
                    continue
                unlock(fh.fileno())
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def build_bundle(
    src: Path,
    key_path: Path,
    publisher: str,
    out: Path,
    *,
    since: int | None = None,
    sequence: int | None = None,
    created: datetime | None = None,
    progress: Progress | None = None,
    trust: TrustFields | None = None,
) -> BuildResult:
    """Read *src*, then write a signed bundle to *out*.

    *trust* holds the channel, delegation, revocations and root chain to
    carry (format version 3); a delta names its base when this key built it.
    Raises SourceErrors (with every problem) before writing anything,
    KeyFileError for an unusable key, SequenceError for a bad sequence, and
    BundleError for a bundle an office would refuse (one past the reader's size limits).
    """
    private = keys.load_private_key(key_path)
    raw_public = keys.public_raw(private)
    # Where each notice is, not its text: each is read again as its chunk is
    # written, so a build holds one chunk of notices, not the folder's.
    folder = read_source(src, keep_text=False)
    publisher_name = clean_field(publisher).strip()
    publisher_id = publisher_id_for(publisher_name)
    last = _last_sequence(key_path, publisher_id)
    if sequence is None:
        sequence = max(last, since or 0) + 1
    if since is not None and sequence <= since:
        raise SequenceError(sequence, since)
    created = (created or datetime.now(UTC)).astimezone(VN_TZ).replace(microsecond=0)
    base = built_bundle(key_path, publisher_id, since) if since is not None else None
    if trust is not None or base is not None:
        trust = replace(
            trust or TrustFields(),
            base_bundle_id=base[0] if base else None,
            base_digest=base[1] if base else None,
        )
    withdrawals = list(folder.withdrawals) + [
        WithdrawalRecord(id=ident, revision=created) for ident in folder.undated_withdrawals
    ]
    # A notice marked withdrawn without `updated` is withdrawn as of the build,
    # as a withdrawal-only file is: dated by `published` alone, it would lose
    # to any copy an office has that was updated since (bundle-format §6).
    notices = sorted(folder.notice_files)

    def chunk_notices(start: int) -> list[NoticeRecord]:
        return [
            replace(n, updated=max(created, n.published))
            if n.withdrawn and n.updated is None
            else n
            for n in (
                read_notice(src, path, ident)
                for _when, ident, path in notices[start : start + NOTICES_PER_CHUNK]
            )
        ]

    total = len(notices) + len(folder.attachment_files)
    done = 0
    # A notice published as withdrawn is a withdrawal to the office that
    # imports it (counted "thu hồi" there), so the build counts it so too.
    withdrawn_notices = 0

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    clear_stale_builds(out.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=BUILD_PREFIX, dir=out.parent)
    tmp = Path(tmp_name)
    # Held until the bundle is in place: it tells other builds this file is
    # not a leftover. (Windows needs no lock: it cannot delete an open file,
    # and its byte-range lock would stop the zip writer's own handle.)
    if sys.platform != "win32":
        try_lock(fd)
    bundle_id = uuid.uuid4().hex

    def write(stored: frozenset[str]) -> Manifest:
        """Write the bundle; returns its manifest, whose notices are not kept (empty)."""
        nonlocal done, withdrawn_notices
        done = withdrawn_notices = 0
        entries: list[EntryRef] = []
        uses_v2 = False
        # Each notice's manifest entry, a line of canonical JSON, waits here
        # for the manifest instead of in memory: one line a notice.
        with (
            tempfile.TemporaryFile(prefix=BUILD_PREFIX) as listings,
            zipfile.ZipFile(tmp, "w", allowZip64=True) as zf,
        ):
            for start in range(0, len(notices), NOTICES_PER_CHUNK):
                chunk = chunk_notices(start)
                withdrawn_notices += sum(1 for n in chunk if n.withdrawn)
                uses_v2 = uses_v2 or any(n.uses_v2 for n in chunk)
                name = chunk_name(start // NOTICES_PER_CHUNK + 1)
                docs = [notice_to_json(n) for n in chunk]
                for rec, doc in zip(chunk, docs, strict=True):
                    ref = NoticeRef(
                        id=rec.id, revision=rec.revision, sha256=content_hash(doc), chunk=name
                    )
                    listings.write(listing_json(ref) + b"\n")
                data = canonical_json(docs)
                method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
                _write(zf, name, data, method)
                entries.append(EntryRef(name=name, size=len(data), sha256=_sha(data)))
                done += len(chunk)
                if progress:
                    progress("notices", done, total)
            for sha, att in sorted(folder.attachment_files.items()):
                name = file_entry_name(sha)
                method = (
                    zipfile.ZIP_STORED
                    if att.record.media_type.startswith(STORED_TYPES) or name in stored
                    else zipfile.ZIP_DEFLATED
                )
                info = zipfile.ZipInfo(name, ZIP_TIME)
                info.compress_type = method
                info.external_attr = 0o644 << 16
                with att.path.open("rb") as src_fh, zf.open(info, "w", force_zip64=True) as dst:
                    while block := src_fh.read(1024 * 1024):
                        dst.write(block)
                entries.append(EntryRef(name=name, size=att.record.size, sha256=sha))
                done += 1
                if progress:
                    progress("attachments", done, total)
            manifest = Manifest(
                publisher_id=publisher_id,
                publisher_name=publisher_name,
                key_id=keys.key_id(raw_public),
                bundle_id=bundle_id,
                sequence=sequence,
                kind="delta" if since is not None else "full",
                base_sequence=since,
                created=created,
                categories=tuple(folder.categories),
                notices=(),
                withdrawals=tuple(sorted(withdrawals, key=lambda w: w.id)),
                entries=tuple(entries),
                version=3 if trust else 2 if uses_v2 else 1,
                trust=trust or None,
                digest="",
            )
            listings.seek(0)
            signed = manifest_bytes(manifest, (line.rstrip(b"\n") for line in listings))
            body = memoryview(signed)[len(SIGNATURE_PREFIX) :]
            method = zipfile.ZIP_STORED if MANIFEST_NAME in stored else zipfile.ZIP_DEFLATED
            _write(zf, MANIFEST_NAME, body, method)
            _write(zf, SIGNATURE_NAME, keys.sign(private, signed), zipfile.ZIP_STORED)
            manifest = replace(manifest, digest=hashlib.sha256(body).hexdigest())
            del body, signed
        return manifest

    try:
        manifest = write(frozenset())
        # An office checks the zip with these very limits. Text that repeats
        # itself (a long table, a padded file) deflates past the ratio a
        # reader takes for a zip bomb: such entries are stored instead.
        with zipfile.ZipFile(tmp) as zf:
            infos = zf.infolist()
        too_packed = frozenset(
            i.filename for i in infos if ratio_too_high(i.file_size, i.compress_size)
        )
        if too_packed:
            manifest = write(too_packed)
            with zipfile.ZipFile(tmp) as zf:
                infos = zf.infolist()
        check_infos(infos)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        # mkstemp makes the file private; a bundle is meant to be copied around.
        os.chmod(tmp, 0o644)
        # The sequence is recorded before the bundle exists: a failure here
        # leaves no bundle, and a failure after it only skips a number.
        _save_sequence(key_path, publisher_id, sequence, (bundle_id, manifest.digest))
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if sys.platform != "win32":
            unlock(fd)
        os.close(fd)
    return BuildResult(
        path=out,
        bundle_id=manifest.bundle_id,
        publisher_id=publisher_id,
        sequence=sequence,
        kind=manifest.kind,
        base_sequence=since,
        notices=len(notices) - withdrawn_notices,
        withdrawals=len(withdrawals) + withdrawn_notices,
        attachments=len(folder.attachment_files),
        size=out.stat().st_size,
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(zf: zipfile.ZipFile, name: str, data: bytes | memoryview, method: int) -> None:
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.compress_type = method
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)
