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
from desktop.messages import CATALOG, text


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


# -- public keys that must never be trusted ----------------------------------------------

#: The eight points of small order, canonically encoded (libsodium blocks the same
#: list): with one as a public key, signatures can be forged without a private key.
SMALL_ORDER = [
    "0100000000000000000000000000000000000000000000000000000000000000",  # identity
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # order 2
    "0000000000000000000000000000000000000000000000000000000000000000",  # order 4
    "0000000000000000000000000000000000000000000000000000000000000080",  # order 4
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  # order 8
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  # order 8
]

#: Encodings no Ed25519 implementation writes: y ≥ p, or x = 0 with the sign bit set.
NON_CANONICAL = [
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # y = p
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # y = p + 1
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # y = 2^255 - 1
    "0100000000000000000000000000000000000000000000000000000000000080",  # -0, y = 1
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  # -0, y = p - 1
]


def _pub_line(raw: bytes, comment: str = "khóa") -> str:
    return f"bangtin-ed25519 {base64.b64encode(raw).decode()} {comment}\n"


@pytest.mark.parametrize("encoded", SMALL_ORDER)
def test_small_order_public_keys_are_refused(tmp_path: Path, encoded: str) -> None:
    raw = bytes.fromhex(encoded)
    # The library itself takes them: the check has to be ours.
    ed25519.Ed25519PublicKey.from_public_bytes(raw)
    path = tmp_path / "weak.pub"
    path.write_text(_pub_line(raw), encoding="utf-8")
    with pytest.raises(KeyFileError) as caught:
        keys.load_public_key(path)
    assert caught.value.code == "key_small_order"
    assert keys.public_key_problem(raw) == "key_small_order"
    assert not keys.verify(raw, bytes.fromhex(SMALL_ORDER[0]) + bytes(32), b"any message")


@pytest.mark.parametrize("encoded", NON_CANONICAL)
def test_non_canonical_public_keys_are_refused(encoded: str) -> None:
    raw = bytes.fromhex(encoded)
    with pytest.raises(KeyFileError) as caught:
        keys.parse_public(_pub_line(raw), "weak.pub")
    assert caught.value.code == "key_non_canonical"


def test_a_public_key_off_the_curve_is_refused() -> None:
    raw = (2).to_bytes(32, "little")  # y = 2 has no x on the curve
    assert keys.public_key_problem(raw) == "key_off_curve"


def test_real_public_keys_pass_the_check(tmp_path: Path) -> None:
    for i in range(20):
        _, public, _ = keys.generate_keypair(tmp_path / str(i))
        raw, _ = keys.load_public_key(public)
        assert keys.public_key_problem(raw) is None


# -- key files are read with a size cap, comments are bounded ------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_refused_without_reading_it_all() -> None:
    with pytest.raises(KeyFileError) as caught:
        keys.load_public_key(Path("/dev/zero"))
    assert caught.value.code == "key_too_large"
    with pytest.raises(KeyFileError) as caught:
        keys.load_private_key(Path("/dev/zero"))
    assert caught.value.code == "key_too_large"


def test_a_huge_comment_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.pub"
    path.write_text(_pub_line(bytes(range(1, 33)), "x" * 100_000), encoding="utf-8")
    with pytest.raises(KeyFileError) as caught:
        keys.load_public_key(path)
    assert caught.value.code == "key_too_large"


def test_a_comment_is_cleaned_and_bounded(tmp_path: Path) -> None:
    _, public, _ = keys.generate_keypair(tmp_path)
    raw, _ = keys.load_public_key(public)
    dirty = "Sở \u202eTài\u202c chính\x07\t  tỉnh " + "Sơn Hà " * 100
    public.write_text(_pub_line(raw, dirty), encoding="utf-8")
    _, comment = keys.load_public_key(public)
    assert len(comment) <= keys.MAX_NAME
    assert comment.startswith("Sở Tài chính tỉnh Sơn Hà Sơn Hà")
    assert not any(ch in comment for ch in "\u202e\u202c\x07\t")
    assert keys.clean_name("  a\u200f\nb  ") == "a b"


# -- every detail is a sentence in both languages --------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"bangtin-ed25519 !!!notbase64 x",
        b"bangtin-ed25519 " + base64.b64encode(b"\x01" * 31),
        b"\xff\xfe not utf-8",
        b"bangtin-ed25519 " + base64.b64encode(bytes(32)),
    ],
    ids=["empty", "base64", "short", "not-utf8", "small-order"],
)
def test_public_key_details_are_catalog_sentences(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "publisher.pub"
    path.write_bytes(content)
    with pytest.raises(KeyFileError) as caught:
        keys.load_public_key(path)
    code = caught.value.code
    assert code in CATALOG
    vi, en = CATALOG[code]
    assert caught.value.message("vi") == text("bad_key", "vi", path=str(path), detail=vi)
    assert caught.value.message("en") == text("bad_key", "en", path=str(path), detail=en)
    assert vi != en


def test_private_key_details_are_catalog_sentences(tmp_path: Path) -> None:
    path = tmp_path / "publisher.key"
    path.write_bytes(b"not a key")
    with pytest.raises(KeyFileError) as caught:
        keys.load_private_key(path)
    assert caught.value.code == "key_not_private"
    assert caught.value.message("vi") == text(
        "bad_key", "vi", path=str(path), detail=CATALOG["key_not_private"][0]
    )


# -- the public key of a private key ----------------------------------------------------------


def test_public_line_of_a_private_key(tmp_path: Path) -> None:
    private, public, kid = keys.generate_keypair(tmp_path / "k", "UBND tỉnh")
    line = keys.format_public(keys.public_raw(keys.load_private_key(private)), "UBND tỉnh")
    assert line == public.read_text(encoding="utf-8")
    out = tmp_path / "again.pub"
    assert keys.export_public(private, out, "UBND tỉnh") == kid
    assert out.read_text(encoding="utf-8") == line
    with pytest.raises(FileExistsError):
        keys.export_public(private, out, "khác")
    assert out.read_text(encoding="utf-8") == line
