"""Publisher keys: Ed25519 key pairs, their files, and key ids.

`publisher.key` holds the private key as unencrypted PKCS#8 PEM, readable by
its owner only. `publisher.pub` is one line: `bangtin-ed25519 <base64 of the
32-byte public key> <comment>`. A key id is the first 16 hex digits of the
SHA-256 of the raw public key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from desktop.bundles.errors import KeyFileError

PUB_PREFIX = "bangtin-ed25519"
PRIVATE_NAME = "publisher.key"
PUBLIC_NAME = "publisher.pub"


def key_id(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


def public_raw(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def format_public(raw: bytes, comment: str = "") -> str:
    line = f"{PUB_PREFIX} {base64.b64encode(raw).decode('ascii')}"
    return f"{line} {comment}".rstrip() + "\n"


def generate_keypair(out_dir: Path, comment: str = "") -> tuple[Path, Path, str]:
    """Write a new key pair into *out_dir*; returns (private, public, key id).

    Refuses to overwrite an existing private key: losing it would stop every
    office from accepting the publisher's next bundle.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    private_path = out_dir / PRIVATE_NAME
    public_path = out_dir / PUBLIC_NAME
    if private_path.exists():
        raise FileExistsError(str(private_path))
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    os.chmod(private_path, 0o600)
    raw = public_raw(private)
    public_path.write_text(format_public(raw, comment), encoding="utf-8")
    return private_path, public_path, key_id(raw)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyFileError(str(path), exc.strerror or "unreadable") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyFileError(str(path), "not an Ed25519 private key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(str(path), "not an Ed25519 private key")
    return key


def parse_public(text: str, origin: str = "") -> tuple[bytes, str]:
    """Parse a `.pub` line; returns (raw key, comment)."""
    parts = text.strip().split(None, 2)
    if len(parts) < 2 or parts[0] != PUB_PREFIX:
        raise KeyFileError(origin, f"not a {PUB_PREFIX} public key")
    try:
        raw = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyFileError(origin, "bad base64") from exc
    if len(raw) != 32:
        raise KeyFileError(origin, "an Ed25519 public key has 32 bytes")
    return raw, parts[2] if len(parts) > 2 else ""


def load_public_key(path: Path) -> tuple[bytes, str]:
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyFileError(str(path), "unreadable") from exc
    return parse_public(content, str(path))


def sign(private: Ed25519PrivateKey, data: bytes) -> bytes:
    return private.sign(data)


def verify(raw_public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
