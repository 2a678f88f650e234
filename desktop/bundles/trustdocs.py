"""The trust chain's signed documents: roots, rotations, delegations, revocations.

A province keeps a **root** offline: one Ed25519 key, or k of n keys. The
root signs three kinds of document, each a JSON envelope
`{"signed": {...}, "signatures": [{"key_id", "sig"}]}` whose signatures
cover `b"bangtin-trust-v1\\n"` followed by the canonical JSON of `signed`:

- a **delegation** lets one signing key sign bundles for one publisher
  until a day;
- a **revocation** withdraws a signing key, with a reason;
- a **rotation** names the root that follows it (its keys and threshold).

Bundles of format version 3 carry them in the signed manifest (with the
channel and the delta's base, `TrustFields`). Everything here is parsed
field by field like the rest of the manifest: any surprise is a
ManifestError, never a crash. What an office does with them is in
desktop/bundles/trustcheck.py; docs/bundle-format.md section 7 is the
prose version.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.bundles import keys
from desktop.bundles.errors import KeyFileError
from desktop.bundles.manifest import (
    BUNDLE_ID_RE,
    HEX64,
    KEY_ID_RE,
    PUBLISHER_ID_RE,
    ManifestError,
    canonical_json,
    parse_json_bytes,
    time_in_range,
)

#: Different from a bundle's prefix: a root key's signature over a document
#: is never a valid signature over a manifest, nor the other way round.
TRUST_PREFIX = b"bangtin-trust-v1\n"
ROOT_PUB_PREFIX = keys.ROOT_PUB_PREFIX
ROOT_FILE_FORMAT = "bangtin-root"
MAX_ROOT_KEYS = 16
MAX_SIGNATURES = 16
MAX_CHAIN = 64
MAX_REVOCATIONS = 1000
MAX_REASON = 300
#: A trust document file (delegation, revocation, rotation, root) is small.
MAX_DOCUMENT_FILE = 256 * 1024
#: The manifest fields of version 3, on top of version 2's.
TRUST_FIELDS = frozenset({"channel", "base", "delegation", "revocations", "root_chain"})
CHANNEL_RE = PUBLISHER_ID_RE
_B64_KEY_RE = re.compile(r"^[A-Za-z0-9+/]{43}=\Z")
_B64_SIG_RE = re.compile(r"^[A-Za-z0-9+/]{86}==\Z")


def _want(cond: bool, code: str, **params: Any) -> None:
    if not cond:
        raise ManifestError(code, **params)


def _only(obj: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = set(obj) - allowed
    names = ", ".join(sorted(str(name)[:40] for name in extra)[:5])
    _want(not extra, "detail_unknown_fields", where=where, fields=names)


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _key_bytes(value: Any, field: str) -> bytes:
    """A public key as a document carries it: base64 of 32 bytes, sound (keys.py)."""
    _want(isinstance(value, str) and bool(_B64_KEY_RE.match(value)), "detail_invalid", field=field)
    raw = base64.b64decode(str(value), validate=True)
    _want(keys.public_key_problem(raw) is None, "detail_weak_key", field=field)
    return raw


def _time(obj: dict[str, Any], field: str) -> datetime:
    value = obj.get(field)
    _want(isinstance(value, str) and len(value) <= 40, "detail_not_time", field=field)
    try:
        result = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise ManifestError("detail_not_time", field=field) from exc
    _want(result.tzinfo is not None, "detail_no_offset", field=field)
    _want(time_in_range(result), "detail_date_range", field=field, first=1900, last=2200)
    return result


# -- roots -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Root:
    """A root: its public keys (sorted, distinct) and how many must sign."""

    keys: tuple[bytes, ...]
    threshold: int = 1

    @staticmethod
    def of(public_keys: Sequence[bytes], threshold: int = 1) -> Root:
        ordered = tuple(sorted(set(public_keys)))
        if not ordered or len(ordered) > MAX_ROOT_KEYS or not 1 <= threshold <= len(ordered):
            raise ValueError("a root needs 1-16 distinct keys and 1 <= threshold <= keys")
        return Root(ordered, threshold)

    @property
    def fingerprint(self) -> str:
        """64 hex digits; a one-key root's is the SHA-256 of its key (`key fingerprint`)."""
        if len(self.keys) == 1 and self.threshold == 1:
            return hashlib.sha256(self.keys[0]).hexdigest()
        body = canonical_json({"keys": [b64(k) for k in self.keys], "threshold": self.threshold})
        return hashlib.sha256(b"bangtin-root\n" + body).hexdigest()

    @property
    def key_ids(self) -> dict[str, bytes]:
        return {keys.key_id(k): k for k in self.keys}

    def to_json(self) -> dict[str, Any]:
        return {"keys": [b64(k) for k in self.keys], "threshold": self.threshold}


def grouped(fingerprint: str) -> str:
    """A fingerprint in groups of four, as the dispatch prints it and the window shows it."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


def _root_from_json(obj: Any, where: str) -> Root:
    _want(isinstance(obj, dict), "detail_not_object", field=where)
    raw_keys = obj.get("keys")
    _want(
        isinstance(raw_keys, list) and 0 < len(raw_keys) <= MAX_ROOT_KEYS,
        "detail_not_list",
        field=f"{where}.keys",
    )
    found = [_key_bytes(k, f"{where}.keys") for k in raw_keys]
    _want(len(set(found)) == len(found), "detail_listed_twice", name=f"{where}.keys")
    threshold = obj.get("threshold")
    _want(
        isinstance(threshold, int)
        and not isinstance(threshold, bool)
        and 1 <= threshold <= len(found),
        "detail_threshold",
        field=f"{where}.threshold",
    )
    assert isinstance(threshold, int)
    return Root.of(found, threshold)


# -- signed envelopes --------------------------------------------------------------------


@dataclass(frozen=True)
class Signature:
    key_id: str
    sig: bytes


def message(signed: dict[str, Any]) -> bytes:
    return TRUST_PREFIX + canonical_json(signed)


def sign_document(signed: dict[str, Any], private_keys: Sequence[Ed25519PrivateKey]) -> Any:
    """The envelope of *signed*, signed by each of *private_keys*."""
    data = message(signed)
    signatures = [
        {"key_id": keys.key_id(keys.public_raw(k)), "sig": b64(keys.sign(k, data))}
        for k in private_keys
    ]
    return {"signed": signed, "signatures": sorted(signatures, key=lambda s: s["key_id"])}


def _envelope(obj: Any, where: str, kind: str) -> tuple[dict[str, Any], tuple[Signature, ...]]:
    _want(isinstance(obj, dict), "detail_not_object", field=where)
    _only(obj, {"signed", "signatures"}, where)
    signed = obj.get("signed")
    _want(isinstance(signed, dict), "detail_not_object", field=f"{where}.signed")
    assert isinstance(signed, dict)
    _want(signed.get("type") == kind, "detail_wrong_value", field=f"{where}.type")
    sigs = obj.get("signatures")
    _want(
        isinstance(sigs, list) and len(sigs) <= MAX_SIGNATURES,
        "detail_not_list",
        field=f"{where}.signatures",
    )
    found: list[Signature] = []
    for item in sigs:
        _want(isinstance(item, dict), "detail_not_object", field=f"{where}.signatures")
        _only(item, {"key_id", "sig"}, f"{where}.signatures")
        kid, sig = item.get("key_id"), item.get("sig")
        _want(
            isinstance(kid, str) and bool(KEY_ID_RE.match(kid)),
            "detail_invalid",
            field=f"{where}.signatures",
        )
        _want(
            isinstance(sig, str) and bool(_B64_SIG_RE.match(sig)),
            "detail_invalid",
            field=f"{where}.signatures",
        )
        found.append(Signature(str(kid), base64.b64decode(str(sig), validate=True)))
    _want(
        len({s.key_id for s in found}) == len(found),
        "detail_listed_twice",
        name=f"{where}.signatures",
    )
    return signed, tuple(found)


def signed_by(root: Root, signed: bytes, signatures: Sequence[Signature]) -> bool:
    """Whether at least `root.threshold` distinct keys of *root* signed *signed*."""
    by_id = root.key_ids
    good = {
        s.key_id
        for s in signatures
        if s.key_id in by_id and keys.verify(by_id[s.key_id], s.sig, signed)
    }
    return len(good) >= root.threshold


@dataclass(frozen=True)
class Document:
    """What every signed document keeps: the exact message signed and its signatures."""

    message: bytes
    signatures: tuple[Signature, ...]
    envelope: Any

    def signed_by(self, root: Root) -> bool:
        return signed_by(root, self.message, self.signatures)


@dataclass(frozen=True)
class Delegation(Document):
    root: str
    key: bytes
    publisher: str
    until: date
    created: datetime

    @property
    def key_id(self) -> str:
        return keys.key_id(self.key)


@dataclass(frozen=True)
class Revocation(Document):
    root: str
    key_id: str
    reason: str
    created: datetime


@dataclass(frozen=True)
class Rotation(Document):
    previous: str
    new: Root
    created: datetime


def _fingerprint(signed: dict[str, Any], field: str, where: str) -> str:
    value = signed.get(field)
    _want(isinstance(value, str) and bool(HEX64.match(value)), "detail_invalid", field=where)
    return str(value)


def delegation_from_json(obj: Any) -> Delegation:
    signed, sigs = _envelope(obj, "delegation", "delegation")
    _only(signed, {"type", "root", "key", "publisher", "until", "created"}, "delegation")
    publisher = signed.get("publisher")
    _want(
        isinstance(publisher, str) and bool(PUBLISHER_ID_RE.match(publisher)),
        "detail_invalid",
        field="delegation.publisher",
    )
    until_raw = signed.get("until")
    _want(
        isinstance(until_raw, str) and len(until_raw) == 10,
        "detail_not_date",
        field="delegation.until",
    )
    try:
        until = date.fromisoformat(str(until_raw))
    except ValueError as exc:
        raise ManifestError("detail_not_date", field="delegation.until") from exc
    _want(
        1900 <= until.year <= 2200,
        "detail_date_range",
        field="delegation.until",
        first=1900,
        last=2200,
    )
    return Delegation(
        message=message(signed),
        signatures=sigs,
        envelope=obj,
        root=_fingerprint(signed, "root", "delegation.root"),
        key=_key_bytes(signed.get("key"), "delegation.key"),
        publisher=str(publisher),
        until=until,
        created=_time(signed, "created"),
    )


def revocation_from_json(obj: Any) -> Revocation:
    signed, sigs = _envelope(obj, "revocation", "revocation")
    _only(signed, {"type", "root", "key_id", "reason", "created"}, "revocation")
    kid = signed.get("key_id")
    _want(
        isinstance(kid, str) and bool(KEY_ID_RE.match(kid)),
        "detail_invalid",
        field="revocation.key_id",
    )
    reason = signed.get("reason")
    _want(
        isinstance(reason, str) and 0 < len(reason) <= MAX_REASON,
        "detail_not_text",
        field="revocation.reason",
    )
    # Shown in the window and in `status`: no bidi or control characters.
    cleaned = keys.clean_name(str(reason), MAX_REASON)
    _want(bool(cleaned), "detail_empty", field="revocation.reason")
    return Revocation(
        message=message(signed),
        signatures=sigs,
        envelope=obj,
        root=_fingerprint(signed, "root", "revocation.root"),
        key_id=str(kid),
        reason=cleaned,
        created=_time(signed, "created"),
    )


def rotation_from_json(obj: Any) -> Rotation:
    signed, sigs = _envelope(obj, "root_chain", "root")
    _only(signed, {"type", "previous", "keys", "threshold", "created"}, "root_chain")
    return Rotation(
        message=message(signed),
        signatures=sigs,
        envelope=obj,
        previous=_fingerprint(signed, "previous", "root_chain.previous"),
        new=_root_from_json(signed, "root_chain"),
        created=_time(signed, "created"),
    )


# -- making documents (the province's side) -----------------------------------------------


def make_delegation(
    signers: Sequence[Ed25519PrivateKey],
    root: Root,
    signing_key: bytes,
    publisher_id: str,
    until: date,
    created: datetime,
) -> Any:
    signed = {
        "type": "delegation",
        "root": root.fingerprint,
        "key": b64(signing_key),
        "publisher": publisher_id,
        "until": until.isoformat(),
        "created": created.isoformat(),
    }
    return sign_document(signed, signers)


def make_revocation(
    signers: Sequence[Ed25519PrivateKey], root: Root, key_id: str, reason: str, created: datetime
) -> Any:
    signed = {
        "type": "revocation",
        "root": root.fingerprint,
        "key_id": key_id,
        "reason": reason,
        "created": created.isoformat(),
    }
    return sign_document(signed, signers)


def make_rotation(
    signers: Sequence[Ed25519PrivateKey], old: Root, new: Root, created: datetime
) -> Any:
    signed = {"type": "root", "previous": old.fingerprint, **new.to_json()}
    signed["created"] = created.isoformat()
    return sign_document(signed, signers)


# -- what a version 3 manifest carries -----------------------------------------------------


@dataclass(frozen=True)
class TrustFields:
    """The trust fields of a manifest; all optional."""

    channel: str | None = None
    base_bundle_id: str | None = None
    base_digest: str | None = None
    delegation: Delegation | None = None
    revocations: tuple[Revocation, ...] = ()
    root_chain: tuple[Rotation, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.channel
            or self.base_bundle_id
            or self.delegation
            or self.revocations
            or self.root_chain
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.channel:
            out["channel"] = self.channel
        if self.base_bundle_id:
            out["base"] = {"bundle_id": self.base_bundle_id, "manifest_sha256": self.base_digest}
        if self.delegation is not None:
            out["delegation"] = self.delegation.envelope
        if self.revocations:
            out["revocations"] = [r.envelope for r in self.revocations]
        if self.root_chain:
            out["root_chain"] = [r.envelope for r in self.root_chain]
        return out


def fields_from_json(data: dict[str, Any]) -> TrustFields:
    """The trust fields of a (version 3) manifest object; raises ManifestError."""
    channel = data.get("channel")
    if channel is not None:
        _want(
            isinstance(channel, str) and bool(CHANNEL_RE.match(channel)),
            "detail_invalid",
            field="channel",
        )
    base_id = base_digest = None
    base = data.get("base")
    if base is not None:
        _want(isinstance(base, dict), "detail_not_object", field="base")
        _only(base, {"bundle_id", "manifest_sha256"}, "base")
        base_id, base_digest = base.get("bundle_id"), base.get("manifest_sha256")
        _want(
            isinstance(base_id, str) and bool(BUNDLE_ID_RE.match(base_id)),
            "detail_invalid",
            field="base.bundle_id",
        )
        _want(
            isinstance(base_digest, str) and bool(HEX64.match(base_digest)),
            "detail_bad_hash",
            field="base.manifest_sha256",
        )
    delegation = data.get("delegation")
    revocations = data.get("revocations", [])
    _want(
        isinstance(revocations, list) and len(revocations) <= MAX_REVOCATIONS,
        "detail_not_list",
        field="revocations",
    )
    chain = data.get("root_chain", [])
    _want(
        isinstance(chain, list) and len(chain) <= MAX_CHAIN, "detail_not_list", field="root_chain"
    )
    return TrustFields(
        channel=None if channel is None else str(channel),
        base_bundle_id=None if base_id is None else str(base_id),
        base_digest=None if base_digest is None else str(base_digest),
        delegation=None if delegation is None else delegation_from_json(delegation),
        revocations=tuple(revocation_from_json(r) for r in revocations),
        root_chain=tuple(rotation_from_json(r) for r in chain),
    )


# -- files ----------------------------------------------------------------------------------


def _read_capped(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise KeyFileError(str(path), "key_unreadable") from exc
    if len(data) > limit:
        raise KeyFileError(str(path), "key_too_large", limit=limit)
    return data


def read_document(path: Path) -> Any:
    """A trust document file as strict JSON; KeyFileError when it is not one."""
    data = _read_capped(path, MAX_DOCUMENT_FILE)
    try:
        return parse_json_bytes(data)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise KeyFileError(str(path), "trust_not_document") from exc


def load_document(path: Path, parse: Any) -> Any:
    """*path* parsed by *parse* (delegation_from_json…); KeyFileError names the reason."""
    try:
        return parse(read_document(path))
    except ManifestError as exc:
        raise KeyFileError(str(path), "trust_bad_document", detail=exc.detail) from exc


def root_file_json(root: Root, comment: str = "") -> str:
    body = {"format": ROOT_FILE_FORMAT, **root.to_json()}
    if comment:
        body["name"] = comment
    return canonical_json(body).decode("utf-8") + "\n"


def parse_root_text(text: str, origin: str) -> tuple[Root, str]:
    """A root from a `root.pub` line or a k-of-n root file; returns (root, name)."""
    stripped = text.strip()
    if stripped.startswith(ROOT_PUB_PREFIX + " "):
        raw, comment = keys.parse_public(stripped, origin, prefix=ROOT_PUB_PREFIX)
        return Root.of([raw]), comment
    try:
        obj = parse_json_bytes(stripped.encode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise KeyFileError(origin, "key_not_root") from exc
    if not isinstance(obj, dict) or obj.get("format") != ROOT_FILE_FORMAT:
        raise KeyFileError(origin, "key_not_root")
    try:
        _only(obj, {"format", "keys", "threshold", "name"}, "root")
        root = _root_from_json(obj, "root")
    except ManifestError as exc:
        raise KeyFileError(origin, "trust_bad_document", detail=exc.detail) from exc
    name = obj.get("name")
    return root, keys.clean_name(name) if isinstance(name, str) else ""


def is_root_text(text: str) -> bool:
    """Whether a key file's text is a root (a `root.pub` line or a root file), not a signing key."""
    stripped = text.lstrip()
    return stripped.startswith(ROOT_PUB_PREFIX + " ") or stripped.startswith("{")


def load_root(path: Path) -> tuple[Root, str]:
    data = _read_capped(path, keys.MAX_KEY_FILE)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KeyFileError(str(path), "key_unreadable") from exc
    return parse_root_text(text, str(path))
