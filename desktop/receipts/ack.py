"""The province's acknowledgement: which receipts it applied, signed with its publisher key.

A receipt is cumulative until the province acknowledges it. The province
writes one acknowledgement file (`*.bangtin-ack`) for every enrolled office
and puts it on the sticks beside its next bundle; an office that reads it
(`bangtin receipt ack FILE`, or the window when the stick is plugged in)
starts its next receipt after the acknowledged one. The file is a zip held
to a bundle's rules with only `manifest.json` and `manifest.sig`, signed
over its own prefix with a key the office already trusts for bundles.
"""

from __future__ import annotations

import os
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from db import officelog, provenance, tracking
from db.archive import Archive
from db.types import VN_TZ
from desktop.bundles import keys
from desktop.bundles import reader as bundle_reader
from desktop.bundles.builder import publisher_id_for
from desktop.bundles.errors import BundleError
from desktop.bundles.limits import check_infos
from desktop.bundles.manifest import (
    HEX64,
    KEY_ID_RE,
    MANIFEST_NAME,
    MAX_SEQUENCE,
    PUBLISHER_ID_RE,
    SIGNATURE_NAME,
    ManifestError,
    canonical_json,
    parse_json_bytes,
)
from desktop.receipts import manifest as rm
from desktop.receipts.errors import ReceiptCode, ReceiptError

FORMAT_NAME = "bangtin-receipt-ack"
FORMAT_VERSION = 1
SIGNATURE_PREFIX = b"bangtin-receipt-ack-v1\n"
SUFFIX = ".bangtin-ack"
#: An acknowledgement has no entries beside its manifest and signature.
NO_ENTRIES = re.compile(r"(?!)")
MAX_ACK_MANIFEST = 16 * 1024 * 1024
MAX_OFFICES = 100_000
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class AckLine:
    office_code: str
    key_id: str
    sequence: int
    receipt_id: str
    manifest_sha256: str


@dataclass(frozen=True)
class AckBuildResult:
    path: Path
    publisher_id: str
    offices: int


@dataclass(frozen=True)
class AckResult:
    """What reading an acknowledgement did: "acknowledged", "already" or "none" (not ours)."""

    status: Literal["acknowledged", "already", "none"]
    publisher_name: str
    sequence: int = 0


def build_ack(archive: Archive, key_path: Path, publisher: str, out: Path) -> AckBuildResult:
    """Acknowledge, for every enrolled office, the newest receipt applied from it."""
    private = keys.load_private_key(key_path)
    raw = keys.public_raw(private)
    lines: list[AckLine] = []
    with archive.reading() as session:
        for code, receipt in sorted(tracking.last_receipts(session).items()):
            lines.append(
                AckLine(
                    office_code=code,
                    key_id=receipt.key_id,
                    sequence=receipt.sequence,
                    receipt_id=receipt.receipt_id,
                    manifest_sha256=receipt.manifest_sha256,
                )
            )
    publisher_id = publisher_id_for(publisher)
    data = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "publisher": {"id": publisher_id, "name": publisher},
        "key_id": keys.key_id(raw),
        "created": datetime.now(UTC).astimezone(VN_TZ).replace(microsecond=0).isoformat(),
        "receipts": [
            {
                "office": line.office_code,
                "key_id": line.key_id,
                "sequence": line.sequence,
                "receipt_id": line.receipt_id,
                "manifest_sha256": line.manifest_sha256,
            }
            for line in lines
        ],
    }
    body = canonical_json(data)
    signature = keys.sign(private, SIGNATURE_PREFIX + body)
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.part")
    try:
        with zipfile.ZipFile(tmp, "w") as zf:
            for name, content, method in (
                (MANIFEST_NAME, body, zipfile.ZIP_DEFLATED),
                (SIGNATURE_NAME, signature, zipfile.ZIP_STORED),
            ):
                info = zipfile.ZipInfo(name, ZIP_TIME)
                info.compress_type = method
                info.external_attr = 0o644 << 16
                zf.writestr(info, content)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return AckBuildResult(path=out, publisher_id=publisher_id, offices=len(lines))


# -- reading, at the office --------------------------------------------------------------------


def _want(cond: bool, code: str, **params: Any) -> None:
    if not cond:
        raise ManifestError(code, **params)


def _lines(data: Any) -> tuple[str, str, str, list[AckLine]]:
    """(publisher id, publisher name, key id, lines) of a parsed acknowledgement."""
    _want(isinstance(data, dict), "detail_not_object", field="manifest")
    assert isinstance(data, dict)
    allowed = {"format", "version", "publisher", "key_id", "created", "receipts"}
    _want(not (set(data) - allowed), "detail_unknown_fields", where="manifest", fields="")
    publisher = data.get("publisher")
    _want(isinstance(publisher, dict), "detail_not_object", field="publisher")
    assert isinstance(publisher, dict)
    pub_id, pub_name = publisher.get("id"), publisher.get("name")
    _want(
        isinstance(pub_id, str) and bool(PUBLISHER_ID_RE.match(pub_id)),
        "detail_invalid",
        field="publisher.id",
    )
    _want(isinstance(pub_name, str) and 0 < len(pub_name) <= 300, "detail_invalid", field="name")
    key = data.get("key_id")
    _want(isinstance(key, str) and bool(KEY_ID_RE.match(key)), "detail_invalid", field="key_id")
    receipts = data.get("receipts")
    _want(
        isinstance(receipts, list) and len(receipts) <= MAX_OFFICES,
        "detail_not_list",
        field="receipts",
    )
    assert isinstance(receipts, list)
    lines: list[AckLine] = []
    for item in receipts:
        _want(isinstance(item, dict), "detail_not_object", field="receipts")
        assert isinstance(item, dict)
        office, kid, seq = item.get("office"), item.get("key_id"), item.get("sequence")
        rid, digest = item.get("receipt_id"), item.get("manifest_sha256")
        _want(
            isinstance(office, str) and bool(rm.OFFICE_CODE_RE.match(office)),
            "detail_invalid",
            field="office",
        )
        _want(isinstance(kid, str) and bool(KEY_ID_RE.match(kid)), "detail_invalid", field="key_id")
        _want(
            isinstance(seq, int) and not isinstance(seq, bool) and 1 <= seq <= MAX_SEQUENCE,
            "detail_number_range",
            field="sequence",
        )
        _want(
            isinstance(rid, str) and bool(rm.RECEIPT_ID_RE.match(rid)),
            "detail_invalid",
            field="receipt_id",
        )
        _want(
            isinstance(digest, str) and bool(HEX64.match(digest)),
            "detail_bad_hash",
            field="manifest_sha256",
        )
        assert isinstance(office, str) and isinstance(kid, str) and isinstance(seq, int)
        lines.append(AckLine(office, kid, seq, str(rid), str(digest)))
    return str(pub_id), str(pub_name), str(key), lines


def read_ack(archive: Archive, path: Path) -> AckResult:
    """Check the acknowledgement at *path* and mark this office's receipt it names.

    Raises ReceiptError for anything but a sound acknowledgement signed by
    a key this office trusts, naming a receipt this office wrote.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            check_infos(zf.infolist(), NO_ENTRIES)
            names = {i.filename: i for i in zf.infolist()}
            if MANIFEST_NAME not in names or SIGNATURE_NAME not in names:
                raise ReceiptError(ReceiptCode.NOT_ACK, path=str(path))
            raw = bundle_reader.read_small(zf, names[MANIFEST_NAME], MAX_ACK_MANIFEST)
            signature = bundle_reader.read_small(zf, names[SIGNATURE_NAME], 64)
    except BundleError as exc:
        raise ReceiptError.from_bundle(exc) from exc
    except (*bundle_reader.READ_ERRORS,) as exc:
        if isinstance(exc, FileNotFoundError | zipfile.BadZipFile):
            raise ReceiptError(ReceiptCode.NOT_ACK, path=str(path)) from exc
        raise ReceiptError(ReceiptCode.UNREADABLE, path=str(path)) from exc
    try:
        data = parse_json_bytes(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ReceiptError(ReceiptCode.BAD_JSON, name=MANIFEST_NAME) from exc
    version = rm.peek_version(data, FORMAT_NAME)
    if version is None:
        raise ReceiptError(ReceiptCode.NOT_ACK, path=str(path))
    if version > FORMAT_VERSION:
        raise ReceiptError(ReceiptCode.NEWER_FORMAT)
    try:
        pub_id, pub_name, key, lines = _lines(data)
    except ManifestError as exc:
        raise ReceiptError(ReceiptCode.BAD_MANIFEST, detail=exc.detail) from exc
    with archive.writing() as session:
        found = provenance.trusted_public_key(session, key)
        if found is None or (found[1] is not None and found[1] != pub_id):
            raise ReceiptError(ReceiptCode.ACK_UNTRUSTED, key_id=key)
        if len(signature) != 64 or not keys.verify(found[0], signature, SIGNATURE_PREFIX + raw):
            raise ReceiptError(ReceiptCode.BAD_SIGNATURE)
        office = officelog.identity(session)
        ours = [
            line
            for line in lines
            if office is not None
            and line.office_code == office.code
            and line.key_id == office.key_id
        ]
        if not ours:
            return AckResult("none", pub_name)
        line = max(ours, key=lambda item: item.sequence)
        written = officelog.written(session, line.sequence)
        if (
            written is None
            or written.receipt_id != line.receipt_id
            or written.manifest_sha256 != line.manifest_sha256
        ):
            raise ReceiptError(ReceiptCode.ACK_UNKNOWN, sequence=line.sequence)
        now = datetime.now(UTC).astimezone(VN_TZ)
        changed = officelog.acknowledge(session, line.sequence, now)
    return AckResult("acknowledged" if changed else "already", pub_name, line.sequence)


def find_acks(root: Path) -> list[Path]:
    """Acknowledgement files at the top of *root* and one folder down, by name."""
    found: list[Path] = []
    try:
        top = sorted(root.iterdir())
    except OSError:
        return found
    for entry in top:
        try:
            if entry.is_file() and entry.name.lower().endswith(SUFFIX):
                found.append(entry)
            elif entry.is_dir() and not entry.name.startswith("."):
                found.extend(
                    inner
                    for inner in sorted(entry.iterdir())
                    if inner.is_file() and inner.name.lower().endswith(SUFFIX)
                )
        except OSError:
            continue
    return found
