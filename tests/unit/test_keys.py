"""Publisher keys: keygen files, key ids, loading, signing."""

from __future__ import annotations

import base64
import hashlib
import os
import stat
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from desktop.bundles import keys
from desktop.bundles.errors import KeyFileError
from desktop.messages import text


def test_keygen_writes_the_pair(tmp_path: Path) -> None:
    private, public, kid = keys.generate_keypair(tmp_path / "k", "UBND xã Demo")
    assert (private.name, public.name) == ("publisher.key", "publisher.pub")
    line = public.read_text(encoding="utf-8")
    prefix, b64, comment = line.rstrip("\n").split(" ", 2)
    assert (prefix, comment) == ("bangtin-ed25519", "UBND xã Demo")
    assert line.endswith("\n") and line.count("\n") == 1
    raw = base64.b64decode(b64)
    assert len(raw) == 32
    assert kid == hashlib.sha256(raw).hexdigest()[:16] == keys.key_id(raw)
    loaded = keys.load_private_key(private)
    assert keys.public_raw(loaded) == raw
    assert keys.load_public_key(public) == (raw, "UBND xã Demo")
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_private_key_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    old = os.umask(0)  # even a permissive umask must not widen the mode
    try:
        private, public, _ = keys.generate_keypair(tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert public.exists()


def test_keygen_refuses_to_overwrite(tmp_path: Path) -> None:
    private, public, kid = keys.generate_keypair(tmp_path)
    before = (private.read_bytes(), public.read_bytes())
    with pytest.raises(FileExistsError):
        keys.generate_keypair(tmp_path)
    assert (private.read_bytes(), public.read_bytes()) == before
    assert keys.key_id(keys.public_raw(keys.load_private_key(private))) == kid


def test_each_keygen_makes_a_new_key(tmp_path: Path) -> None:
    ids = {keys.generate_keypair(tmp_path / str(i))[2] for i in range(3)}
    assert len(ids) == 3


def test_public_line_without_comment(tmp_path: Path) -> None:
    _, public, _ = keys.generate_keypair(tmp_path)
    assert public.read_text().count(" ") == 1


def test_sign_and_verify(tmp_path: Path) -> None:
    private_path, public_path, _ = keys.generate_keypair(tmp_path / "a")
    other_path, _, _ = keys.generate_keypair(tmp_path / "b")
    private = keys.load_private_key(private_path)
    raw, _ = keys.load_public_key(public_path)
    sig = keys.sign(private, b"data")
    assert keys.verify(raw, sig, b"data")
    assert not keys.verify(raw, sig, b"datA")
    assert not keys.verify(raw, sig[:-1] + bytes([sig[-1] ^ 1]), b"data")
    assert not keys.verify(raw, keys.sign(keys.load_private_key(other_path), b"data"), b"data")
    assert not keys.verify(raw, b"short", b"data")
    assert not keys.verify(b"\x00" * 31, sig, b"data")


# -- load errors are KeyFileError ------------------------------------------------------


def _pem(
    key: ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey, password: bytes | None
) -> bytes:
    algorithm = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, algorithm
    )


@pytest.mark.parametrize(
    "content",
    [
        None,
        b"",
        b"not a key",
        b"\xff\xfe\x00garbage",
        "ec",
        "encrypted",
        "public-in-private",
    ],
    ids=["missing", "empty", "text", "binary", "ec-key", "encrypted", "pub-file"],
)
def test_bad_private_key_files(tmp_path: Path, content: bytes | str | None) -> None:
    path = tmp_path / "publisher.key"
    if content == "ec":
        path.write_bytes(_pem(ec.generate_private_key(ec.SECP256R1()), None))
    elif content == "encrypted":
        path.write_bytes(_pem(ed25519.Ed25519PrivateKey.generate(), b"mat khau"))
    elif content == "public-in-private":
        keys.generate_keypair(tmp_path / "k")
        path.write_bytes((tmp_path / "k" / "publisher.pub").read_bytes())
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(KeyFileError) as caught:
        keys.load_private_key(path)
    assert caught.value.path == str(path)
    assert str(path) in caught.value.message("vi")
    assert caught.value.message("vi").startswith("Không đọc được khóa")
    assert caught.value.message("en") == text(
        "bad_key", "en", path=str(path), detail=caught.value.detail
    )


@pytest.mark.parametrize(
    "content",
    [
        None,
        b"",
        b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x",
        b"bangtin-ed25519 !!!notbase64 x",
        b"bangtin-ed25519 " + base64.b64encode(b"\x01" * 31),
        b"bangtin-ed25519 " + base64.b64encode(b"\x01" * 33),
        b"bangtin-ed25519",
        b"\xff\xfe not utf-8",
    ],
    ids=["missing", "empty", "ssh", "base64", "short", "long", "no-key", "not-utf8"],
)
def test_bad_public_key_files(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "publisher.pub"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(KeyFileError) as caught:
        keys.load_public_key(path)
    assert caught.value.path == str(path)


def test_parse_public_accepts_its_own_format() -> None:
    raw = bytes(range(32))
    assert keys.parse_public(keys.format_public(raw, "tên có dấu")) == (raw, "tên có dấu")
    assert keys.parse_public(keys.format_public(raw)) == (raw, "")
