"""Publisher keys: Ed25519 key pairs, their files, and key ids.

`publisher.key` holds the private key as unencrypted PKCS#8 PEM, readable by
its owner only. `publisher.pub` is one line: `bangtin-ed25519 <base64 of the
32-byte public key> <comment>`. A key id is the first 16 hex digits of the
SHA-256 of the raw public key.

The curve library accepts any 32 bytes as a public key, including the
points of small order, under which a signature can be forged without any
private key. `public_key_problem` decodes the point itself and refuses
those and every non-canonical encoding, when a key is trusted and again
each time one verifies a signature.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import unicodedata
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
ROOT_PUB_PREFIX = "bangtin-root-ed25519"
ROOT_PRIVATE_NAME = "root.key"
ROOT_PUBLIC_NAME = "root.pub"
#: Key files are read with a cap: a `.pub` line is under 100 bytes plus its
#: comment, a PEM private key about 120. Nothing larger is a key file.
MAX_KEY_FILE = 16 * 1024
#: The longest name a comment (or `--name`) gives a trusted key.
MAX_NAME = 120

# Edwards25519: the field prime and the curve constant d = -121665/121666.
_P = 2**255 - 19
_D = -121665 * pow(121666, _P - 2, _P) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)


def key_id(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


def public_raw(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def format_public(raw: bytes, comment: str = "", prefix: str = PUB_PREFIX) -> str:
    line = f"{prefix} {base64.b64encode(raw).decode('ascii')}"
    return f"{line} {comment}".rstrip() + "\n"


def generate_keypair(
    out_dir: Path,
    comment: str = "",
    *,
    root: bool = False,
    private_name: str | None = None,
    public_name: str | None = None,
) -> tuple[Path, Path, str]:
    """Write a new key pair into *out_dir*; returns (private, public, key id).

    With *root*, the pair is a province's root key: `root.key` and a
    `root.pub` whose line starts with `bangtin-root-ed25519`, so that no
    office mistakes it for a signing key (desktop/bundles/trustdocs.py).
    Refuses to overwrite an existing private key: losing it would stop every
    office from accepting the publisher's next bundle. An office's receipt
    key is made the same way, under its own file names.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    default_private, default_public = (
        (ROOT_PRIVATE_NAME, ROOT_PUBLIC_NAME) if root else (PRIVATE_NAME, PUBLIC_NAME)
    )
    private_path = out_dir / (private_name or default_private)
    public_path = out_dir / (public_name or default_public)
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
    prefix = ROOT_PUB_PREFIX if root else PUB_PREFIX
    public_path.write_text(format_public(raw, clean_name(comment), prefix), encoding="utf-8")
    return private_path, public_path, key_id(raw)


def _read_capped(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_KEY_FILE + 1)
    except FileNotFoundError as exc:
        raise KeyFileError(str(path), "key_missing") from exc
    except IsADirectoryError as exc:
        raise KeyFileError(str(path), "key_is_folder") from exc
    except OSError as exc:
        if path.is_dir():  # Windows says "permission denied" for a folder
            raise KeyFileError(str(path), "key_is_folder") from exc
        raise KeyFileError(str(path), "key_unreadable") from exc
    if len(data) > MAX_KEY_FILE:
        raise KeyFileError(str(path), "key_too_large", limit=MAX_KEY_FILE)
    return data


def load_private_key(path: Path) -> Ed25519PrivateKey:
    data = _read_capped(path)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyFileError(str(path), "key_not_private") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(str(path), "key_not_private")
    return key


def export_public(private_path: Path, out: Path, comment: str = "") -> str:
    """Write the `.pub` line of the private key at *private_path* to *out*.

    Returns the key id. Refuses (FileExistsError) to overwrite *out*: the
    file may be another publisher's key that an office is about to trust.
    """
    raw = public_raw(load_private_key(private_path))
    line = format_public(raw, clean_name(comment))
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(line)
    return key_id(raw)


def clean_name(text: str, limit: int = MAX_NAME) -> str:
    """*text* fit to name a key: no control or bidi characters, one line, bounded.

    A comment is whatever the `.pub` file's author wrote; shown in `trust
    list` and in the window, it must not reorder, recolour or flood them.
    """
    kept: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if category == "Cc" or category in ("Zl", "Zp"):
            kept.append(" ")
        elif not category.startswith("C"):  # Cf (bidi, zero width), Cs, Co, Cn
            kept.append(ch)
    name = " ".join("".join(kept).split())
    if len(name) > limit:
        name = name[: limit - 1].rstrip() + "…"
    return name


def public_key_problem(raw: bytes) -> str | None:
    """Why *raw* must not be trusted as an Ed25519 public key, or None.

    Returns a catalog code: `key_wrong_length`, `key_non_canonical` (y ≥ p,
    or x = 0 with the sign bit set), `key_off_curve`, or `key_small_order`
    (one of the eight points P with 8·P the identity).
    """
    if len(raw) != 32:
        return "key_wrong_length"
    point = _decode_point(raw)
    if isinstance(point, str):
        return point
    multiple = point
    for _ in range(3):
        multiple = _add(multiple, multiple)
    if multiple == (0, 1):
        return "key_small_order"
    return None


def _decode_point(raw: bytes) -> tuple[int, int] | str:
    """The affine point (x, y) *raw* encodes, as RFC 8032 section 5.1.3 decodes it."""
    y = int.from_bytes(raw, "little") & ((1 << 255) - 1)
    sign = raw[31] >> 7
    if y >= _P:
        return "key_non_canonical"
    u = (y * y - 1) % _P
    v = (_D * y * y + 1) % _P
    x = u * pow(v, 3, _P) * pow(u * pow(v, 7, _P), (_P - 5) // 8, _P) % _P
    vx2 = v * x * x % _P
    if vx2 == (-u) % _P:
        x = x * _SQRT_M1 % _P
    elif vx2 != u:
        return "key_off_curve"
    if x == 0 and sign:
        return "key_non_canonical"
    if x & 1 != sign:
        x = _P - x
    return x, y


def _add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """a + b on the twisted Edwards curve -x² + y² = 1 + d·x²·y² (complete formulas)."""
    (x1, y1), (x2, y2) = a, b
    t = _D * x1 * x2 * y1 * y2 % _P
    x3 = (x1 * y2 + x2 * y1) * pow(1 + t, _P - 2, _P) % _P
    y3 = (y1 * y2 + x1 * x2) * pow(1 - t, _P - 2, _P) % _P
    return x3, y3


def parse_public(text: str, origin: str = "", prefix: str = PUB_PREFIX) -> tuple[bytes, str]:
    """Parse a `.pub` line (a root's with *prefix* ROOT_PUB_PREFIX); returns (raw key, comment).

    Raises KeyFileError for anything but a sound Ed25519 public key.
    """
    parts = text.strip().split(None, 2)
    if len(parts) < 2 or parts[0] != prefix:
        if parts and parts[0] == ROOT_PUB_PREFIX:
            raise KeyFileError(origin, "key_is_root")
        raise KeyFileError(origin, "key_not_public")
    try:
        raw = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyFileError(origin, "key_bad_base64") from exc
    problem = public_key_problem(raw)
    if problem is not None:
        raise KeyFileError(origin, problem)
    return raw, clean_name(parts[2]) if len(parts) > 2 else ""


def load_public_key(path: Path) -> tuple[bytes, str]:
    data = _read_capped(path)
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KeyFileError(str(path), "key_unreadable") from exc
    return parse_public(content, str(path))


def sign(private: Ed25519PrivateKey, data: bytes | bytearray) -> bytes:
    return private.sign(data)


def verify(raw_public: bytes, signature: bytes, data: bytes | bytearray) -> bool:
    """Whether *signature* over *data* is valid under a sound public key."""
    if public_key_problem(raw_public) is not None:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
