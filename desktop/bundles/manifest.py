"""Bundle format v1 and v2: entry names, the manifest, and notices as JSON.

Everything that crosses a USB stick is validated here before use: the
manifest and every notice are checked field by field, and any surprise is a
refusal, never a crash. docs/bundle-format.md is the prose version.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from db.common import VN_TZ
from db.folding import clean_field
from db.records import AttachmentRecord, NoticeRecord, WithdrawalRecord
from db.types import whole_seconds
from desktop.bundles import officefields
from desktop.bundles.errors import Detail
from desktop.bundles.strictjson import parse_json_bytes as parse_json_bytes

if TYPE_CHECKING:
    from desktop.bundles.trustdocs import TrustFields

FORMAT_NAME = "bangtin-bundle"
#: The newest version this program reads. It writes the oldest version that
#: holds the bundle (2: office fields; 3: trust fields), so that offices not
#: yet updated still import every bundle that needs nothing more.
FORMAT_VERSION = 3
BASE_VERSION = 1
VERSIONS = (1, 2, 3)
# The prefix names the signature scheme, which version 2 did not change.
SIGNATURE_PREFIX = b"bangtin-bundle-v1\n"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
NOTICES_PER_CHUNK = 1000

# Every pattern ends in \Z, not $: "$" also matches before a final newline,
# so "files/<hash>\n" would pass the allow-list.
ENTRY_RE = re.compile(r"^(?:notices/[0-9]{6}\.json|files/[0-9a-f]{64})\Z")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}\Z")
PUBLISHER_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}\Z")
HEX64 = re.compile(r"^[0-9a-f]{64}\Z")
KEY_ID_RE = re.compile(r"^[0-9a-f]{16}\Z")
BUNDLE_ID_RE = re.compile(r"^[0-9a-f]{32}\Z")
MEDIA_TYPE_RE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\Z")

MAX_TEXT = 2000
MAX_BODY = 4 * 1024 * 1024
MAX_SEQUENCE = 2**53
MAX_LIST = 1000
#: The most notices, withdrawals or entries one manifest lists.
MAX_LISTED = 2_000_000
#: A category path has at most this many levels, each at most this long.
MAX_CATEGORY_DEPTH = 6
MAX_CATEGORY_LEVEL = 200
#: Every date a bundle carries lies in these years, in Vietnam's time (UTC+7):
#: outside them a time cannot always be shown (year 0 or 10000 after a
#: conversion), and no real notice is dated there.
MIN_YEAR = 1900
MAX_YEAR = 2200
_FIRST_SECOND = whole_seconds(datetime(MIN_YEAR, 1, 1, tzinfo=VN_TZ))
_END_SECOND = whole_seconds(datetime(MAX_YEAR + 1, 1, 1, tzinfo=VN_TZ))


def time_in_range(value: datetime) -> bool:
    """True when *value* falls in the years MIN_YEAR–MAX_YEAR in Vietnam."""
    return _FIRST_SECOND <= whole_seconds(value) < _END_SECOND


def day_in_range(value: date) -> bool:
    return MIN_YEAR <= value.year <= MAX_YEAR


def category_problem(path: str) -> Detail | None:
    """Why a category path ("A/B/C") breaks the format, or None."""
    parts = path.split("/")
    if any(not part.strip() for part in parts):
        return Detail("detail_empty_level", field="category")
    if len(parts) > MAX_CATEGORY_DEPTH:
        return Detail("detail_category_depth", field="category", levels=MAX_CATEGORY_DEPTH)
    if any(len(part.strip()) > MAX_CATEGORY_LEVEL for part in parts):
        return Detail("detail_category_level", field="category", chars=MAX_CATEGORY_LEVEL)
    return None


class ManifestError(ValueError):
    """The manifest or a notice breaks the format; `detail` says where, in both languages."""

    def __init__(self, code: str, **params: Any) -> None:
        self.detail = Detail(code, **params)
        super().__init__(self.detail.render("en"))


def canonical_json(value: Any) -> bytes:
    """The one byte form of *value* that hashes and signatures cover."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def manifest_bytes(manifest: Manifest, listings: Iterable[bytes]) -> bytearray:
    """SIGNATURE_PREFIX + the canonical JSON of *manifest*, whose notices are *listings*.

    Each listing is the canonical JSON of one notice's entry (`listing_json`),
    in order; *manifest*'s own `notices` are not read. The bytes after the
    prefix are exactly ``canonical_json(manifest.to_json())`` with those
    notices, but no notice is held as a dict and the manifest exists once:
    what the signature covers and what the zip stores.
    """
    members = manifest.to_json()
    out = bytearray(SIGNATURE_PREFIX)
    out += b"{"
    for index, key in enumerate(sorted(members)):
        if index:
            out += b","
        out += canonical_json(key) + b":"
        if key != "notices":
            out += canonical_json(members[key])
            continue
        out += b"["
        for count, listing in enumerate(listings):
            if count:
                out += b","
            out += listing
        out += b"]"
    out += b"}"
    return out


def listing_json(ref: NoticeRef) -> bytes:
    """One notice's entry in the manifest, as `Manifest.to_json` writes it, in canonical JSON."""
    return canonical_json(
        {
            "id": ref.id,
            "revision": ref.revision.isoformat(),
            "sha256": ref.sha256,
            "chunk": ref.chunk,
        }
    )


def chunk_name(index: int) -> str:
    return f"notices/{index:06d}.json"


def file_entry_name(sha256: str) -> str:
    return f"files/{sha256}"


def signed_bytes(manifest_bytes: bytes) -> bytes:
    return SIGNATURE_PREFIX + manifest_bytes


# -- notices <-> JSON ----------------------------------------------------------------


def _iso(dt: datetime | None) -> str | None:
    return None if dt is None else dt.isoformat()


def notice_to_json(rec: NoticeRecord) -> dict[str, Any]:
    """A notice as the bundle stores it (content_hash is not part of it)."""
    return {
        "id": rec.id,
        "title": rec.title,
        "category": rec.category,
        "published": _iso(rec.published),
        "updated": _iso(rec.updated),
        "number": rec.number,
        "type": rec.doc_type,
        "issuer": rec.issuer,
        "issued": rec.issued.isoformat() if rec.issued else None,
        "summary": rec.summary,
        "withdrawn": rec.withdrawn,
        "related": list(rec.related),
        "attachments": [
            {"name": a.name, "media_type": a.media_type, "size": a.size, "sha256": a.sha256}
            for a in rec.attachments
        ],
        "body_markdown": rec.body_markdown,
        **officefields.to_json(rec),
    }


def content_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()


def _want(cond: bool, code: str, **params: Any) -> None:
    if not cond:
        raise ManifestError(code, **params)


def _encodable(value: str) -> bool:
    """False for text with lone surrogates ("\\ud800" in JSON): SQLite and
    hashing need UTF-8, and would fail on it later, half way through."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(obj: dict[str, Any], key: str, *, required: bool, limit: int = MAX_TEXT) -> str | None:
    value = obj.get(key)
    if value is None:
        _want(not required, "detail_missing", field=key)
        return None
    _want(isinstance(value, str), "detail_not_text", field=key)
    _want(len(value) <= limit, "detail_too_long", field=key)
    _want("\x00" not in value, "detail_nul", field=key)
    _want(_encodable(value), "detail_not_unicode", field=key)
    # Bidi controls are removed before the emptiness check: a title made of
    # nothing else would show as nothing.
    cleaned = clean_field(value)
    _want(not required or bool(cleaned.strip()), "detail_empty", field=key)
    return cleaned


def _datetime(obj: dict[str, Any], key: str, *, required: bool) -> datetime | None:
    value = obj.get(key)
    if value is None:
        _want(not required, "detail_missing", field=key)
        return None
    _want(isinstance(value, str) and len(value) <= 40, "detail_not_time", field=key)
    try:
        result = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ManifestError("detail_not_time", field=key) from exc
    _want(result.tzinfo is not None, "detail_no_offset", field=key)
    _want(time_in_range(result), "detail_date_range", field=key, first=MIN_YEAR, last=MAX_YEAR)
    return result


def _int(obj: dict[str, Any], key: str, *, minimum: int = 0) -> int:
    value = obj.get(key)
    _want(isinstance(value, int) and not isinstance(value, bool), "detail_not_integer", field=key)
    assert isinstance(value, int)
    _want(minimum <= value <= MAX_SEQUENCE, "detail_number_range", field=key)
    return value


def _only(obj: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = set(obj) - allowed
    names = ", ".join(sorted(str(name)[:40] for name in extra)[:5])
    _want(not extra, "detail_unknown_fields", where=where, fields=names)


NOTICE_FIELDS = {
    "id",
    "title",
    "category",
    "published",
    "updated",
    "number",
    "type",
    "issuer",
    "issued",
    "summary",
    "withdrawn",
    "related",
    "attachments",
    "body_markdown",
}


NOTICE_FIELDS_V2 = NOTICE_FIELDS | set(officefields.FIELDS)


def notice_from_json(data: Any, version: int = BASE_VERSION) -> NoticeRecord:
    """Validate one notice from a bundle of format *version*; raises ManifestError."""
    _want(isinstance(data, dict), "detail_not_object", field="notices")
    _only(data, NOTICE_FIELDS if version < 2 else NOTICE_FIELDS_V2, "notice")
    ident = data.get("id")
    _want(isinstance(ident, str) and bool(ID_RE.match(ident)), "detail_bad_id", field="id")
    title = _text(data, "title", required=True)
    category = _text(data, "category", required=True)
    assert category is not None
    problem = category_problem(category)
    if problem is not None:
        raise ManifestError(problem.code, **problem.params)
    published = _datetime(data, "published", required=True)
    updated = _datetime(data, "updated", required=False)
    issued_raw = data.get("issued")
    issued = None
    if issued_raw is not None:
        _want(
            isinstance(issued_raw, str) and len(issued_raw) == 10, "detail_not_date", field="issued"
        )
        try:
            issued = date.fromisoformat(issued_raw)
        except ValueError as exc:
            raise ManifestError("detail_not_date", field="issued") from exc
        _want(
            day_in_range(issued), "detail_date_range", field="issued", first=MIN_YEAR, last=MAX_YEAR
        )
    withdrawn = data.get("withdrawn", False)
    _want(isinstance(withdrawn, bool), "detail_not_bool", field="withdrawn")
    related = data.get("related", [])
    _want(
        isinstance(related, list)
        and len(related) <= MAX_LIST
        and all(isinstance(r, str) and ID_RE.match(r) for r in related),
        "detail_not_id_list",
        field="related",
    )
    atts_raw = data.get("attachments", [])
    _want(
        isinstance(atts_raw, list) and len(atts_raw) <= MAX_LIST,
        "detail_not_list",
        field="attachments",
    )
    attachments = []
    for att in atts_raw:
        _want(isinstance(att, dict), "detail_not_object", field="attachments")
        _only(att, {"name", "media_type", "size", "sha256"}, "attachments")
        name = _text(att, "name", required=True, limit=255)
        assert name is not None
        _want("/" not in name and "\\" not in name, "detail_name_path", field="name")
        media_type = att.get("media_type")
        _want(
            isinstance(media_type, str) and bool(MEDIA_TYPE_RE.match(media_type)),
            "detail_bad_media_type",
            field="media_type",
        )
        sha = att.get("sha256")
        _want(isinstance(sha, str) and bool(HEX64.match(sha)), "detail_bad_hash", field="sha256")
        attachments.append(
            AttachmentRecord(
                name=name, media_type=str(media_type), size=_int(att, "size"), sha256=str(sha)
            )
        )
    assert isinstance(ident, str) and title is not None and published is not None
    try:
        office = officefields.from_json(data, ident) if version >= 2 else {}
    except officefields.FieldError as exc:
        raise ManifestError(exc.code, **exc.params) from exc
    return NoticeRecord(
        id=ident,
        title=title,
        category="/".join(p.strip() for p in category.split("/")),
        published=published,
        updated=updated,
        number=_text(data, "number", required=False),
        doc_type=_text(data, "type", required=False),
        issuer=_text(data, "issuer", required=False),
        issued=issued,
        summary=_text(data, "summary", required=False),
        body_markdown=_text(data, "body_markdown", required=False, limit=MAX_BODY) or "",
        withdrawn=withdrawn,
        related=tuple(related),
        attachments=tuple(attachments),
        content_hash=content_hash(data),
        **office,
    )


# -- the manifest ----------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeRef:
    id: str
    revision: datetime
    sha256: str
    chunk: str


class NoticeListing(Protocol):
    """A manifest's notice listings, in order: a tuple, or an index on disk (the reader's)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[NoticeRef]: ...


class RefSink(Protocol):
    """Where `manifest_from_json` puts each notice listing it has checked."""

    def add(self, ref: NoticeRef) -> bool:
        """Keep *ref*; False when its id was listed before."""
        ...

    def __contains__(self, ident: object) -> bool: ...

    def finish(self) -> NoticeListing: ...


class _InMemory:
    def __init__(self) -> None:
        self._refs: list[NoticeRef] = []
        self._ids: set[str] = set()

    def add(self, ref: NoticeRef) -> bool:
        if ref.id in self._ids:
            return False
        self._ids.add(ref.id)
        self._refs.append(ref)
        return True

    def __contains__(self, ident: object) -> bool:
        return ident in self._ids

    def finish(self) -> NoticeListing:
        return tuple(self._refs)


@dataclass(frozen=True)
class EntryRef:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """A bundle's manifest, validated."""

    publisher_id: str
    publisher_name: str
    key_id: str
    bundle_id: str
    sequence: int
    kind: str
    base_sequence: int | None
    created: datetime
    categories: tuple[str, ...]
    notices: NoticeListing
    withdrawals: tuple[WithdrawalRecord, ...]
    entries: tuple[EntryRef, ...]
    version: int = BASE_VERSION
    #: SHA-256 of manifest.json exactly as signed; set by the reader, not part of the JSON.
    digest: str = ""
    #: Version 3: channel, base, delegation, revocations, root chain.
    trust: TrustFields | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": self.version,
            "publisher": {"id": self.publisher_id, "name": self.publisher_name},
            "key_id": self.key_id,
            "bundle_id": self.bundle_id,
            "sequence": self.sequence,
            "kind": self.kind,
            "base_sequence": self.base_sequence,
            "created": self.created.isoformat(),
            "categories": list(self.categories),
            "notices": [
                {
                    "id": n.id,
                    "revision": n.revision.isoformat(),
                    "sha256": n.sha256,
                    "chunk": n.chunk,
                }
                for n in self.notices
            ],  # listing_json writes one the same way
            "withdrawals": [
                {"id": w.id, "revision": w.revision.isoformat()} for w in self.withdrawals
            ],
            "entries": [{"name": e.name, "size": e.size, "sha256": e.sha256} for e in self.entries],
            **(self.trust.to_json() if self.trust else {}),
        }


MANIFEST_FIELDS = {
    "format",
    "version",
    "publisher",
    "key_id",
    "bundle_id",
    "sequence",
    "kind",
    "base_sequence",
    "created",
    "categories",
    "notices",
    "withdrawals",
    "entries",
}


def peek_version(data: Any) -> int | None:
    """The format version a parsed manifest claims, before anything is trusted."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        return None
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool):
        return version
    return None


def manifest_from_json(
    data: Any, *, listed: Iterable[Any] | None = None, into: RefSink | None = None
) -> Manifest:
    """Validate a whole manifest; raises ManifestError.

    *listed*, when given, yields the notice listings in place of
    ``data["notices"]`` (a reader that parses them one at a time); each
    listing, once checked, goes *into* the sink given (by default a tuple).
    """
    _want(isinstance(data, dict), "detail_not_object", field="manifest")
    # Imported here: trustdocs builds on this module's checks.
    from desktop.bundles import trustdocs

    _want(data.get("format") == FORMAT_NAME, "detail_wrong_value", field="format")
    # peek_version, not ==: True == 1 in Python.
    version = peek_version(data)
    _want(version in VERSIONS, "detail_wrong_value", field="version")
    _only(data, MANIFEST_FIELDS | (trustdocs.TRUST_FIELDS if version == 3 else set()), "manifest")
    pub = data.get("publisher")
    _want(isinstance(pub, dict), "detail_not_object", field="publisher")
    _only(pub, {"id", "name"}, "publisher")
    pub_id = pub.get("id")
    _want(
        isinstance(pub_id, str) and bool(PUBLISHER_ID_RE.match(pub_id)),
        "detail_invalid",
        field="publisher.id",
    )
    pub_name = _text(pub, "name", required=True, limit=300)
    key = data.get("key_id")
    _want(isinstance(key, str) and bool(KEY_ID_RE.match(key)), "detail_invalid", field="key_id")
    bundle_id = data.get("bundle_id")
    _want(
        isinstance(bundle_id, str) and bool(BUNDLE_ID_RE.match(bundle_id)),
        "detail_invalid",
        field="bundle_id",
    )
    sequence = _int(data, "sequence", minimum=1)
    kind = data.get("kind")
    _want(kind in ("full", "delta"), "detail_bad_kind", field="kind")
    base = data.get("base_sequence")
    if kind == "delta":
        base = _int(data, "base_sequence", minimum=0)
        _want(base < sequence, "detail_base_order", field="base_sequence")
    else:
        _want(base is None, "detail_full_base", field="base_sequence")
    created = _datetime(data, "created", required=True)

    cats = data.get("categories")
    _want(isinstance(cats, list) and len(cats) <= 100_000, "detail_not_list", field="categories")
    categories: list[str] = []
    for cat in cats:
        _want(
            isinstance(cat, str) and 0 < len(cat) <= MAX_TEXT and _encodable(cat),
            "detail_invalid",
            field="categories",
        )
        cleaned = clean_field(cat)
        problem = category_problem(cleaned)
        if problem is not None:
            raise ManifestError(problem.code, **{**problem.params, "field": "categories"})
        categories.append(cleaned)

    entries_raw = data.get("entries")
    _want(
        isinstance(entries_raw, list) and len(entries_raw) <= 2_000_000,
        "detail_not_list",
        field="entries",
    )
    entries: list[EntryRef] = []
    names: set[str] = set()
    for ent in entries_raw:
        _want(isinstance(ent, dict), "detail_not_object", field="entries")
        _only(ent, {"name", "size", "sha256"}, "entries")
        name = ent.get("name")
        _want(
            isinstance(name, str) and bool(ENTRY_RE.match(name)), "detail_invalid", field="entries"
        )
        assert isinstance(name, str)
        _want(name not in names, "detail_listed_twice", name=name)
        names.add(name)
        sha = ent.get("sha256")
        _want(isinstance(sha, str) and bool(HEX64.match(sha)), "detail_bad_hash", field="sha256")
        if name.startswith("files/"):
            _want(name == file_entry_name(str(sha)), "detail_file_name", name=name)
        entries.append(EntryRef(name=name, size=_int(ent, "size"), sha256=str(sha)))

    if listed is None:
        notices_raw = data.get("notices")
        _want(
            isinstance(notices_raw, list) and len(notices_raw) <= MAX_LISTED,
            "detail_not_list",
            field="notices",
        )
        listed = notices_raw
    sink: RefSink = into if into is not None else _InMemory()
    for count, ref in enumerate(listed, start=1):
        _want(count <= MAX_LISTED, "detail_not_list", field="notices")
        _want(isinstance(ref, dict), "detail_not_object", field="notices")
        _only(ref, {"id", "revision", "sha256", "chunk"}, "notices")
        ident = ref.get("id")
        _want(isinstance(ident, str) and bool(ID_RE.match(ident)), "detail_bad_id", field="id")
        assert isinstance(ident, str)
        _want(ident not in sink, "detail_listed_twice", name=ident)
        revision = _datetime(ref, "revision", required=True)
        sha = ref.get("sha256")
        _want(isinstance(sha, str) and bool(HEX64.match(sha)), "detail_bad_hash", field="sha256")
        chunk = ref.get("chunk")
        _want(
            isinstance(chunk, str) and chunk in names and chunk.startswith("notices/"),
            "detail_bad_chunk",
            field="chunk",
        )
        assert revision is not None
        sink.add(NoticeRef(id=ident, revision=revision, sha256=str(sha), chunk=str(chunk)))

    withdrawals_raw = data.get("withdrawals")
    _want(
        isinstance(withdrawals_raw, list) and len(withdrawals_raw) <= 2_000_000,
        "detail_not_list",
        field="withdrawals",
    )
    withdrawals: list[WithdrawalRecord] = []
    ids: set[str] = set()
    for ref in withdrawals_raw:
        _want(isinstance(ref, dict), "detail_not_object", field="withdrawals")
        _only(ref, {"id", "revision"}, "withdrawals")
        ident = ref.get("id")
        _want(isinstance(ident, str) and bool(ID_RE.match(ident)), "detail_bad_id", field="id")
        assert isinstance(ident, str)
        _want(ident not in ids and ident not in sink, "detail_listed_twice", name=ident)
        ids.add(ident)
        revision = _datetime(ref, "revision", required=True)
        assert revision is not None
        withdrawals.append(WithdrawalRecord(id=ident, revision=revision))

    assert pub_name is not None and created is not None
    return Manifest(
        publisher_id=str(pub_id),
        publisher_name=pub_name,
        key_id=str(key),
        bundle_id=str(bundle_id),
        sequence=sequence,
        kind=str(kind),
        base_sequence=base if kind == "delta" else None,
        created=created,
        categories=tuple(categories),
        notices=sink.finish(),
        withdrawals=tuple(withdrawals),
        entries=tuple(entries),
        version=int(version or BASE_VERSION),
        trust=trustdocs.fields_from_json(data) if version == 3 else None,
    )
