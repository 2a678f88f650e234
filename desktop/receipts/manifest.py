"""Receipt format v1: entry names, the manifest, and its validation.

A receipt is a zip held to a bundle's rules (desktop/bundles/limits.py):
`manifest.json`, `manifest.sig` and report files named `files/<sha256>`.
Everything that crosses the USB stick is checked here field by field; any
surprise is a refusal, never a crash. docs/receipt-format.md is the prose
version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from db.folding import clean_field
from db.officelog import OPENED, REGISTERED, STATUS_CODES, BundleRow, EventRow, ReportRow
from desktop.bundles.manifest import (
    BUNDLE_ID_RE,
    HEX64,
    ID_RE,
    KEY_ID_RE,
    MAX_SEQUENCE,
    MAX_YEAR,
    MIN_YEAR,
    PUBLISHER_ID_RE,
    EntryRef,
    ManifestError,
    time_in_range,
)

FORMAT_NAME = "bangtin-receipt"
FORMAT_VERSION = 1
#: Names the signature scheme; a bundle's prefix is "bangtin-bundle-v1\n", so
#: no signature over one is valid for the other, even under the same key.
SIGNATURE_PREFIX = b"bangtin-receipt-v1\n"
SUFFIX = ".bangtin-receipt"
#: The only entries beside manifest.json and manifest.sig: report files.
ENTRY_RE = re.compile(r"^files/[0-9a-f]{64}\Z")
RECEIPT_ID_RE = re.compile(r"^[0-9a-f]{32}\Z")
#: An agency identifier (mã định danh), such as 000.00.12.H56.
OFFICE_CODE_RE = re.compile(r"^[0-9A-Z][0-9A-Z.-]{0,39}\Z")

#: What a receipt may carry at most.
MAX_EVENTS = 1_000_000
MAX_BUNDLES = 100_000
MAX_REPORTS = 10_000
#: Each report file: at most 20 MB.
MAX_REPORT = 20 * 1024 * 1024
MAX_NAME = 300
MAX_FILE_NAME = 255

#: The report files an office may attach, by extension.
REPORT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
}


def signed_bytes(manifest_bytes: bytes) -> bytes:
    return SIGNATURE_PREFIX + manifest_bytes


def report_entry(sha256: str) -> str:
    return f"files/{sha256}"


@dataclass(frozen=True)
class ReceiptManifest:
    """A receipt's manifest, validated. `digest` is set by the reader."""

    office_code: str
    office_name: str
    key_id: str
    receipt_id: str
    sequence: int
    acknowledged: int
    created: datetime
    bundles: tuple[BundleRow, ...]
    events: tuple[EventRow, ...]
    reports: tuple[ReportRow, ...]
    entries: tuple[EntryRef, ...]
    version: int = FORMAT_VERSION
    digest: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": self.version,
            "office": {"code": self.office_code, "name": self.office_name},
            "key_id": self.key_id,
            "receipt_id": self.receipt_id,
            "sequence": self.sequence,
            "acknowledged": self.acknowledged,
            "created": self.created.isoformat(),
            "bundles": [
                {
                    "publisher": b.publisher_id,
                    "sequence": b.sequence,
                    "bundle_id": b.bundle_id,
                    "manifest_sha256": b.manifest_sha256 or None,
                    "imported": b.imported_at.isoformat(),
                }
                for b in self.bundles
            ],
            "events": [_event_json(e) for e in self.events if e.code != OPENED],
            "opened": [
                {"notice": e.notice_id, "at": e.at.isoformat()}
                for e in self.events
                if e.code == OPENED
            ],
            "reports": [
                {
                    "notice": r.notice_id,
                    "name": r.name,
                    "media_type": r.media_type,
                    "size": r.size,
                    "sha256": r.sha256,
                    "attached": r.attached_at.isoformat(),
                }
                for r in self.reports
            ],
            "entries": [{"name": e.name, "size": e.size, "sha256": e.sha256} for e in self.entries],
        }


def _event_json(event: EventRow) -> dict[str, Any]:
    incoming = (
        {"year": event.incoming_year, "number": event.incoming_number}
        if event.code == REGISTERED
        else None
    )
    return {
        "notice": event.notice_id,
        "status": event.code,
        "at": event.at.isoformat(),
        "person": event.person,
        "incoming": incoming,
    }


# -- validation ------------------------------------------------------------------------------


def _want(cond: bool, code: str, **params: Any) -> None:
    if not cond:
        raise ManifestError(code, **params)


def _only(obj: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = set(obj) - allowed
    names = ", ".join(sorted(str(name)[:40] for name in extra)[:5])
    _want(not extra, "detail_unknown_fields", where=where, fields=names)


def _object(value: Any, field: str) -> dict[str, Any]:
    _want(isinstance(value, dict), "detail_not_object", field=field)
    assert isinstance(value, dict)
    return value


def _list(obj: dict[str, Any], key: str, limit: int) -> list[Any]:
    value = obj.get(key)
    _want(isinstance(value, list) and len(value) <= limit, "detail_not_list", field=key)
    assert isinstance(value, list)
    return value


def _int(obj: dict[str, Any], key: str, minimum: int = 0, maximum: int = MAX_SEQUENCE) -> int:
    value = obj.get(key)
    _want(isinstance(value, int) and not isinstance(value, bool), "detail_not_integer", field=key)
    assert isinstance(value, int)
    _want(minimum <= value <= maximum, "detail_number_range", field=key)
    return value


def _match(obj: dict[str, Any], key: str, pattern: re.Pattern[str], code: str) -> str:
    value = obj.get(key)
    _want(isinstance(value, str) and bool(pattern.match(value)), code, field=key)
    assert isinstance(value, str)
    return value


def _notice(obj: dict[str, Any]) -> str:
    return _match(obj, "notice", ID_RE, "detail_bad_id")


def _time(obj: dict[str, Any], key: str) -> datetime:
    value = obj.get(key)
    _want(isinstance(value, str) and len(value) <= 40, "detail_not_time", field=key)
    assert isinstance(value, str)
    try:
        result = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ManifestError("detail_not_time", field=key) from exc
    _want(result.tzinfo is not None, "detail_no_offset", field=key)
    _want(time_in_range(result), "detail_date_range", field=key, first=MIN_YEAR, last=MAX_YEAR)
    return result


def _line(obj: dict[str, Any], key: str, *, required: bool, limit: int = MAX_NAME) -> str | None:
    """One line of text: no NUL, no line break, bidi controls removed, trimmed."""
    value = obj.get(key)
    if value is None:
        _want(not required, "detail_missing", field=key)
        return None
    _want(isinstance(value, str), "detail_not_text", field=key)
    assert isinstance(value, str)
    _want(len(value) <= limit, "detail_too_long", field=key)
    _want("\x00" not in value, "detail_nul", field=key)
    _want("\n" not in value and "\r" not in value, "detail_invalid", field=key)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ManifestError("detail_not_unicode", field=key) from exc
    cleaned = clean_field(value).strip()
    _want(bool(cleaned) or not required, "detail_empty", field=key)
    return cleaned or None


def peek_version(data: Any, name: str = FORMAT_NAME) -> int | None:
    """The version a parsed manifest of format *name* claims, before anything is trusted."""
    if not isinstance(data, dict) or data.get("format") != name:
        return None
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool):
        return version
    return None


MANIFEST_FIELDS = {
    "format",
    "version",
    "office",
    "key_id",
    "receipt_id",
    "sequence",
    "acknowledged",
    "created",
    "bundles",
    "events",
    "opened",
    "reports",
    "entries",
}


def _bundles(data: dict[str, Any]) -> list[BundleRow]:
    rows: list[BundleRow] = []
    seen: set[tuple[str, str]] = set()
    for raw in _list(data, "bundles", MAX_BUNDLES):
        item = _object(raw, "bundles")
        _only(
            item, {"publisher", "sequence", "bundle_id", "manifest_sha256", "imported"}, "bundles"
        )
        publisher = _match(item, "publisher", PUBLISHER_ID_RE, "detail_invalid")
        bundle_id = _match(item, "bundle_id", BUNDLE_ID_RE, "detail_invalid")
        digest = item.get("manifest_sha256")
        _want(
            digest is None or (isinstance(digest, str) and bool(HEX64.match(digest))),
            "detail_bad_hash",
            field="manifest_sha256",
        )
        key = (publisher, f"{bundle_id}/{digest}")
        _want(key not in seen, "detail_listed_twice", name=bundle_id)
        seen.add(key)
        rows.append(
            BundleRow(
                publisher_id=publisher,
                sequence=_int(item, "sequence", minimum=1),
                bundle_id=bundle_id,
                manifest_sha256=digest or "",
                imported_at=_time(item, "imported"),
            )
        )
    return rows


def _events(data: dict[str, Any]) -> list[EventRow]:
    rows: list[EventRow] = []
    for raw in _list(data, "events", MAX_EVENTS):
        item = _object(raw, "events")
        _only(item, {"notice", "status", "at", "person", "incoming"}, "events")
        notice = _notice(item)
        status = item.get("status")
        _want(status in STATUS_CODES, "detail_wrong_value", field="status")
        assert isinstance(status, str)
        incoming = item.get("incoming")
        year = number = None
        if status == REGISTERED:
            line = _object(incoming, "incoming")
            _only(line, {"year", "number"}, "incoming")
            year = _int(line, "year", minimum=MIN_YEAR, maximum=MAX_YEAR)
            number = _int(line, "number", minimum=1)
        else:
            _want(incoming is None, "detail_wrong_value", field="incoming")
        rows.append(
            EventRow(
                notice_id=notice,
                code=status,
                at=_time(item, "at"),
                person=_line(item, "person", required=False),
                incoming_year=year,
                incoming_number=number,
            )
        )
    seen: set[str] = set()
    for raw in _list(data, "opened", MAX_EVENTS):
        item = _object(raw, "opened")
        _only(item, {"notice", "at"}, "opened")
        notice = _notice(item)
        _want(notice not in seen, "detail_listed_twice", name=notice)
        seen.add(notice)
        rows.append(EventRow(notice_id=notice, code=OPENED, at=_time(item, "at")))
    return rows


def report_type_problem(name: str, media_type: str | None = None) -> bool:
    """True when *name* (and *media_type*, when given) is not an allowed report file."""
    lowered = name.lower()
    for extension, kind in REPORT_TYPES.items():
        if lowered.endswith(extension) and len(lowered) > len(extension):
            return media_type is not None and media_type != kind
    return True


def _reports(data: dict[str, Any]) -> list[ReportRow]:
    rows: list[ReportRow] = []
    seen: set[tuple[str, str]] = set()
    for raw in _list(data, "reports", MAX_REPORTS):
        item = _object(raw, "reports")
        _only(item, {"notice", "name", "media_type", "size", "sha256", "attached"}, "reports")
        notice = _notice(item)
        name = _line(item, "name", required=True, limit=MAX_FILE_NAME)
        assert name is not None
        _want("/" not in name and "\\" not in name, "detail_name_path", field="name")
        media_type = item.get("media_type")
        _want(
            isinstance(media_type, str) and not report_type_problem(name, media_type),
            "detail_bad_media_type",
            field="media_type",
        )
        sha = _match(item, "sha256", HEX64, "detail_bad_hash")
        _want((notice, sha) not in seen, "detail_listed_twice", name=f"{notice}/{sha[:12]}")
        seen.add((notice, sha))
        rows.append(
            ReportRow(
                notice_id=notice,
                sha256=sha,
                name=name,
                media_type=str(media_type),
                size=_int(item, "size", minimum=1, maximum=MAX_REPORT),
                attached_at=_time(item, "attached"),
            )
        )
    return rows


def _entries(data: dict[str, Any]) -> list[EntryRef]:
    entries: list[EntryRef] = []
    names: set[str] = set()
    for raw in _list(data, "entries", MAX_REPORTS):
        item = _object(raw, "entries")
        _only(item, {"name", "size", "sha256"}, "entries")
        name = _match(item, "name", ENTRY_RE, "detail_invalid")
        _want(name not in names, "detail_listed_twice", name=name)
        names.add(name)
        sha = _match(item, "sha256", HEX64, "detail_bad_hash")
        _want(name == report_entry(sha), "detail_file_name", name=name)
        entries.append(EntryRef(name=name, size=_int(item, "size", 1, MAX_REPORT), sha256=sha))
    return entries


def manifest_from_json(data: Any) -> ReceiptManifest:
    """Validate a whole receipt manifest; raises ManifestError."""
    data = _object(data, "manifest")
    _only(data, MANIFEST_FIELDS, "manifest")
    _want(data.get("format") == FORMAT_NAME, "detail_wrong_value", field="format")
    _want(peek_version(data) == FORMAT_VERSION, "detail_wrong_value", field="version")
    office = _object(data.get("office"), "office")
    _only(office, {"code", "name"}, "office")
    code = _match(office, "code", OFFICE_CODE_RE, "detail_invalid")
    name = _line(office, "name", required=True)
    key = _match(data, "key_id", KEY_ID_RE, "detail_invalid")
    receipt_id = _match(data, "receipt_id", RECEIPT_ID_RE, "detail_invalid")
    sequence = _int(data, "sequence", minimum=1)
    acknowledged = _int(data, "acknowledged", minimum=0)
    _want(acknowledged < sequence, "detail_base_order", field="acknowledged")
    created = _time(data, "created")
    bundles = _bundles(data)
    events = _events(data)
    reports = _reports(data)
    entries = _entries(data)
    sizes = {e.sha256: e.size for e in entries}
    for report in reports:
        _want(
            sizes.get(report.sha256) == report.size,
            "detail_report_missing",
            name=report.name,
        )
    used = {r.sha256 for r in reports}
    for entry in entries:
        # Nothing rides along that no report names.
        _want(entry.sha256 in used, "detail_entry_unused", name=entry.name)
    assert name is not None
    return ReceiptManifest(
        office_code=code,
        office_name=name,
        key_id=key,
        receipt_id=receipt_id,
        sequence=sequence,
        acknowledged=acknowledged,
        created=created,
        bundles=tuple(bundles),
        events=tuple(events),
        reports=tuple(reports),
        entries=tuple(entries),
    )
