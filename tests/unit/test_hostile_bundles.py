"""Hostile bundles: each kind is refused, and the archive and staging stay as they were.

Every test starts from an archive with bundle 1 applied and tampers with
bundle 2 (which would otherwise apply: see test_untampered_copy_applies). A
tampered manifest is re-signed with the trusted key whenever the point is to
get past the signature check to a later one.
"""

from __future__ import annotations

import json
import stat
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from db.archive import Archive
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle, verify_bundle
from desktop.bundles.manifest import MANIFEST_NAME, SIGNATURE_NAME, content_hash
from desktop.bundles.reader import MAX_FILE, stage_bundle
from desktop.messages import text
from tests.helpers.bundles import (
    Entry,
    Tamper,
    World,
    declare,
    edit_notice,
    entry,
    last_sequence,
    notice_state,
    patch_zip,
    read_entries,
    rewrite,
    sha256,
    snapshot,
    staging_contents,
    write_entries,
)

pytestmark = pytest.mark.archive(world=True)

CHUNK = "notices/000001.json"


def refused(archive: Archive, bundle: Path, code: str) -> BundleError:
    """Import *bundle*, expect refusal *code*, and prove nothing changed."""
    before = snapshot(archive)
    assert before["notice"] and before["import_log"] and before["publisher"]
    with pytest.raises(BundleError) as caught:
        import_bundle(archive, bundle)
    assert caught.value.code == code, caught.value
    assert snapshot(archive) == before
    assert last_sequence(archive) == 1
    assert staging_contents(archive) == []
    # The sentence exists in both languages and names no unfilled field.
    for lang in ("vi", "en"):
        assert "{" not in caught.value.message(lang)
    return caught.value


def tampered(world: World, tmp_path: Path, **kwargs: Any) -> Path:
    kwargs.setdefault("sign_with", world.keys)
    return rewrite(world.bundle2, tmp_path / "hostile.bangtin", Tamper(**kwargs))


# -- the control ---------------------------------------------------------------------


def test_untampered_copy_applies(world: World, archive: Archive, tmp_path: Path) -> None:
    """Rewriting and re-signing without a change gives a bundle that applies,
    so every refusal below comes from its one change."""
    copy = tampered(world, tmp_path)
    result = import_bundle(archive, copy)
    assert (result.added, result.updated, result.withdrawn) == (1, 1, 1)
    assert last_sequence(archive) == 2
    assert staging_contents(archive) == []


# -- entries ---------------------------------------------------------------------------


def test_entry_the_manifest_does_not_list(world: World, archive: Archive, tmp_path: Path) -> None:
    extra = b"not in the manifest"
    bundle = tampered(world, tmp_path, extra=[Entry(f"files/{sha256(extra)}", extra)])
    error = refused(archive, bundle, "unlisted_entry")
    assert error.params["name"] == f"files/{sha256(extra)}"


def test_entry_with_a_name_outside_the_allow_list(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    bundle = tampered(world, tmp_path, extra=[Entry("readme.txt", b"hi")])
    refused(archive, bundle, "bad_entry_name")


def test_entry_the_manifest_lists_but_the_zip_lacks(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    def drop_file(entries: list[Entry]) -> None:
        entries[:] = [e for e in entries if not e.name.startswith("files/")]

    refused(archive, tampered(world, tmp_path, entries=drop_file), "missing_entry")


def test_duplicate_names(world: World, archive: Archive, tmp_path: Path) -> None:
    def duplicate(entries: list[Entry]) -> None:
        original = entry(entries, CHUNK)
        entries.append(Entry(CHUNK, original.data.replace(b"Th", b"XX")))

    # Not re-declared: the second copy must not be able to slip in behind the first.
    bundle = tampered(world, tmp_path, entries=duplicate, redeclare=False)
    with zipfile.ZipFile(bundle) as zf:
        assert [i.filename for i in zf.infolist()].count(CHUNK) == 2
    refused(archive, bundle, "duplicate_entry")


def test_symlink_entry(world: World, archive: Archive, tmp_path: Path) -> None:
    def make_link(entries: list[Entry]) -> None:
        target = next(e for e in entries if e.name.startswith("files/"))
        target.external_attr = (stat.S_IFLNK | 0o777) << 16

    refused(archive, tampered(world, tmp_path, entries=make_link), "link_entry")


def test_directory_entry(world: World, archive: Archive, tmp_path: Path) -> None:
    bundle = tampered(
        world, tmp_path, extra=[Entry("files/", b"", external_attr=(stat.S_IFDIR | 0o755) << 16)]
    )
    with zipfile.ZipFile(bundle) as zf:
        assert zf.getinfo("files/").is_dir()
    refused(archive, bundle, "dir_entry")


@pytest.mark.parametrize(
    "name", ["../x", "..\\x", "notices/../../x", "files/../../etc/passwd", "notices/..\\..\\x"]
)
def test_path_traversal(world: World, archive: Archive, tmp_path: Path, name: str) -> None:
    def add(entries: list[Entry]) -> None:
        entries.append(Entry(name, b"owned"))

    # Listed in the signed manifest too: the allow-list still refuses it.
    bundle = tampered(world, tmp_path, entries=add, manifest=lambda m: declare(m, name, b"owned"))
    with zipfile.ZipFile(bundle) as zf:
        assert name in zf.namelist()
    error = refused(archive, bundle, "bad_entry_name")
    assert error.params["name"] == name
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("name", ["/etc/x", "C:\\x", "C:/x", "\\\\server\\share\\x", "/files/x"])
def test_absolute_path(world: World, archive: Archive, tmp_path: Path, name: str) -> None:
    bundle = tampered(world, tmp_path, extra=[Entry(name, b"owned")])
    with zipfile.ZipFile(bundle) as zf:
        assert name in zf.namelist()
    refused(archive, bundle, "bad_entry_name")


def test_name_with_trailing_newline(world: World, archive: Archive, tmp_path: Path) -> None:
    """`$` in a pattern matches before a final newline; the allow-list must not."""
    data = b"x" * 10
    name = f"files/{sha256(data)}\n"
    bundle = tampered(world, tmp_path, extra=[Entry(name, data)])
    refused(archive, bundle, "bad_entry_name")


def test_name_flagged_utf8_that_is_not_utf8(world: World, archive: Archive, tmp_path: Path) -> None:
    bundle = tampered(world, tmp_path)
    file_name = next(n for n in zipfile.ZipFile(bundle).namelist() if n.startswith("files/"))
    bad = b"files/\xff" + file_name.encode()[7:]
    patch_zip(bundle, file_name, flag_bits_or=0x800, raw_name=bad)
    refused(archive, bundle, "unreadable")


def test_encrypted_entry(world: World, archive: Archive, tmp_path: Path) -> None:
    bundle = tampered(world, tmp_path)
    patch_zip(bundle, CHUNK, flag_bits_or=0x1)
    with zipfile.ZipFile(bundle) as zf:
        assert zf.getinfo(CHUNK).flag_bits & 0x1
    error = refused(archive, bundle, "encrypted_entry")
    assert error.params["name"] == CHUNK


def test_unsupported_compression(world: World, archive: Archive, tmp_path: Path) -> None:
    def bzip(entries: list[Entry]) -> None:
        entry(entries, CHUNK).compress_type = zipfile.ZIP_BZIP2

    refused(archive, tampered(world, tmp_path, entries=bzip), "unsupported_compression")


# -- sizes -----------------------------------------------------------------------------


def test_entry_larger_than_declared(world: World, archive: Archive, tmp_path: Path) -> None:
    def shrink(manifest: dict[str, Any]) -> None:
        for ent in manifest["entries"]:
            if ent["name"] == CHUNK:
                ent["size"] -= 10

    error = refused(archive, tampered(world, tmp_path, manifest=shrink), "size_mismatch")
    assert error.params["name"] == CHUNK


def test_attachment_larger_than_declared(world: World, archive: Archive, tmp_path: Path) -> None:
    """The file grows by one byte; its hash is re-declared but not its size."""

    def grow(entries: list[Entry]) -> None:
        target = next(e for e in entries if e.name.startswith("files/"))
        target.data += b"!"

    bundle = tampered(world, tmp_path, entries=grow, redeclare=False)
    refused(archive, bundle, "size_mismatch")


def test_zip_bomb_by_ratio(world: World, archive: Archive, tmp_path: Path) -> None:
    """8 MiB of zeros deflate to about 8 KB: a ratio no real notice has.

    Listed with its true size and hash and signed, so only the ratio refuses it.
    """
    zeros = bytes(8 * 1024 * 1024)
    name = f"files/{sha256(zeros)}"
    bundle = tampered(
        world,
        tmp_path,
        entries=lambda entries: entries.append(Entry(name, zeros)),
        manifest=lambda m: declare(m, name, zeros),
    )
    info = zipfile.ZipFile(bundle).getinfo(name)
    assert info.file_size > 200 * info.compress_size
    assert bundle.stat().st_size < 200 * 1024
    error = refused(archive, bundle, "bomb")
    assert error.params["name"] == name


def test_size_past_sane_limits(world: World, archive: Archive, tmp_path: Path) -> None:
    """The central directory claims about 4 GB for a small chunk."""
    bundle = tampered(world, tmp_path)
    patch_zip(bundle, CHUNK, file_size=0xFFFF_FFF0)
    assert zipfile.ZipFile(bundle).getinfo(CHUNK).file_size > MAX_FILE
    refused(archive, bundle, "too_large")


def test_central_directory_size_smaller_than_data(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    """The zip header under-states the size: reading stops there and fails."""
    bundle = tampered(world, tmp_path)
    patch_zip(bundle, CHUNK, file_size=10)
    error = refused(archive, bundle, "unreadable")
    assert str(bundle) in error.message("en")


# -- encodings and JSON ----------------------------------------------------------------


def test_invalid_utf8_in_manifest(world: World, archive: Archive, tmp_path: Path) -> None:
    def spoil(data: bytes) -> bytes:
        assert b'"UBND' in data
        return data.replace(b'"UBND', b'"\xff\xfeUBND', 1)

    error = refused(archive, tampered(world, tmp_path, manifest_bytes=spoil), "bad_json")
    assert error.params["name"] == MANIFEST_NAME


def test_invalid_utf8_in_a_notice_chunk(world: World, archive: Archive, tmp_path: Path) -> None:
    def spoil(entries: list[Entry]) -> None:
        chunk = entry(entries, CHUNK)
        assert b"Th\xc3\xb4ng" in chunk.data  # "Thông"
        chunk.data = chunk.data.replace(b"Th\xc3\xb4ng", b"Th\xc3ng", 1)

    error = refused(archive, tampered(world, tmp_path, entries=spoil), "bad_json")
    assert error.params["name"] == CHUNK


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d[:-1],
        lambda d: d + b"}",
        lambda d: b"",
        lambda d: d.replace(b'"sequence":2', b'"sequence":NaN'),
        lambda d: d.replace(b'"sequence":2', b'"sequence":2,"sequence":3'),
        lambda d: b"[" * 100_000,
        lambda d: d.replace(b'"UBND', b'"\\ud800UBND'),
    ],
    ids=["cut", "trailing", "empty", "nan", "duplicate-key", "deep", "lone-surrogate"],
)
def test_invalid_json_in_manifest(
    world: World, archive: Archive, tmp_path: Path, spoil: Any
) -> None:
    bundle = tampered(world, tmp_path, manifest_bytes=spoil)
    assert (
        entry(read_entries(bundle), MANIFEST_NAME).data
        != entry(read_entries(world.bundle2), MANIFEST_NAME).data
    )
    error = refused(archive, bundle, "bad_json")
    assert error.params["name"] == MANIFEST_NAME


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d[:-1],
        lambda d: b'{"not": "a list"}',
        lambda d: d.replace(b'"id"', b'"id":1,"id"', 1),
        lambda d: d.replace(b'"Th', b'"\\udc00Th', 1),
    ],
    ids=["cut", "object", "duplicate-key", "lone-surrogate"],
)
def test_invalid_json_in_a_notice_chunk(
    world: World, archive: Archive, tmp_path: Path, spoil: Any
) -> None:
    def apply(entries: list[Entry]) -> None:
        chunk = entry(entries, CHUNK)
        chunk.data = spoil(chunk.data)

    error = refused(archive, tampered(world, tmp_path, entries=apply), "bad_json")
    assert error.params["name"] == CHUNK


# -- format, keys, signatures ----------------------------------------------------------


def test_newer_format_version(world: World, archive: Archive, tmp_path: Path) -> None:
    def version_four(manifest: dict[str, Any]) -> None:
        manifest["version"] = 4

    error = refused(archive, tampered(world, tmp_path, manifest=version_four), "newer_format")
    sentence = text("newer_format", "vi")
    assert error.message("vi") == sentence
    assert sentence == (
        "Gói dữ liệu này được tạo bởi phiên bản Bảng Tin mới hơn, vui lòng cập nhật Bảng Tin."
    )
    assert "newer Bảng Tin, please update" in error.message("en")


def test_untrusted_key(world: World, archive: Archive, tmp_path: Path) -> None:
    def claim_stranger(manifest: dict[str, Any]) -> None:
        manifest["key_id"] = world.stranger.key_id

    bundle = tampered(world, tmp_path, manifest=claim_stranger, sign_with=world.stranger)
    error = refused(archive, bundle, "untrusted_key")
    assert world.stranger.key_id in error.message("vi")


def test_signed_by_another_key_under_the_trusted_id(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    bundle = tampered(world, tmp_path, sign_with=world.stranger)
    refused(archive, bundle, "bad_signature")


def test_one_flipped_byte_in_the_manifest(world: World, archive: Archive, tmp_path: Path) -> None:
    original = entry(read_entries(world.bundle2), MANIFEST_NAME).data

    def flip(data: bytes) -> bytes:
        # A digit of the bundle id, flipped to another digit: still valid JSON
        # and a valid manifest, so only the signature can tell. (The last
        # "bundle_id" is the manifest's own: a delta's base names one first.)
        start = data.rindex(b'"bundle_id":"') + len(b'"bundle_id":"')
        pos = next(i for i in range(start, start + 32) if data[i : i + 1].isdigit())
        changed = bytearray(data)
        changed[pos] ^= 0x01
        return bytes(changed)

    bundle = tampered(world, tmp_path, manifest_bytes=flip, sign_with=None)
    changed = entry(read_entries(bundle), MANIFEST_NAME).data
    assert len(changed) == len(original)
    assert sum(a != b for a, b in zip(changed, original, strict=True)) == 1
    assert json.loads(changed)["bundle_id"] != json.loads(original)["bundle_id"]
    refused(archive, bundle, "bad_signature")


def test_one_flipped_byte_in_the_signature(world: World, archive: Archive, tmp_path: Path) -> None:
    def flip(sig: bytes) -> bytes:
        return bytes([sig[0] ^ 0x80]) + sig[1:]

    refused(archive, tampered(world, tmp_path, signature=flip), "bad_signature")


def test_short_signature(world: World, archive: Archive, tmp_path: Path) -> None:
    refused(archive, tampered(world, tmp_path, signature=lambda s: s[:-1]), "bad_signature")


def test_signature_is_checked_before_the_content(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    """A forged manifest with a broken chunk is refused for its signature,
    before any entry is copied."""

    def spoil(entries: list[Entry]) -> None:
        entry(entries, CHUNK).data = b"garbage"

    bundle = tampered(world, tmp_path, entries=spoil, sign_with=world.stranger)
    refused(archive, bundle, "bad_signature")


def test_missing_signature(world: World, archive: Archive, tmp_path: Path) -> None:
    entries = [e for e in read_entries(world.bundle2) if e.name != SIGNATURE_NAME]
    refused(archive, write_entries(tmp_path / "x.bangtin", entries), "not_bundle")


# -- notice content --------------------------------------------------------------------


def test_notice_differs_from_its_manifest_hash(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    """The chunk's entry hash is re-declared and signed, but the notice's is not."""

    def retitle(entries: list[Entry]) -> None:
        edit_notice(entries, "b", lambda doc: doc.update(title="Tiêu đề giả mạo"))

    error = refused(archive, tampered(world, tmp_path, entries=retitle), "hash_mismatch")
    assert error.params["name"] == f"{CHUNK}#b"
    assert notice_state(archive)["b"][3] == "Thông báo b"


def test_chunk_differs_from_its_entry_hash(world: World, archive: Archive, tmp_path: Path) -> None:
    """Same length, different bytes, original (valid) signature."""

    def swap(entries: list[Entry]) -> None:
        chunk = entry(entries, CHUNK)
        chunk.data = chunk.data.replace(b"Th\xc3\xb4ng", b"Tx\xc3\xb4ng", 1)

    bundle = tampered(world, tmp_path, entries=swap, redeclare=False, sign_with=None)
    error = refused(archive, bundle, "hash_mismatch")
    assert error.params["name"] == CHUNK


def test_attachment_differs_from_its_hash(world: World, archive: Archive, tmp_path: Path) -> None:
    def swap(entries: list[Entry]) -> None:
        target = next(e for e in entries if e.name.startswith("files/"))
        target.data = bytes(len(target.data))

    bundle = tampered(world, tmp_path, entries=swap, redeclare=False, sign_with=None)
    refused(archive, bundle, "hash_mismatch")


def test_notice_not_listed_in_the_manifest(world: World, archive: Archive, tmp_path: Path) -> None:
    def unlist(manifest: dict[str, Any]) -> None:
        manifest["notices"] = [n for n in manifest["notices"] if n["id"] != "d"]

    error = refused(archive, tampered(world, tmp_path, manifest=unlist), "bad_notice")
    assert error.params["id"] == "d"


def test_notice_attachment_name_with_a_path(world: World, archive: Archive, tmp_path: Path) -> None:
    """A notice's attachment name is display text; one holding a path is refused."""

    def sneak(entries: list[Entry]) -> None:
        edit_notice(entries, "d", lambda doc: doc["attachments"][0].update(name="../../x.txt"))
        docs.extend(json.loads(entry(entries, CHUNK).data))

    def rehash(manifest: dict[str, Any]) -> None:
        # The notice hashes match too, so only the name check is left to refuse it.
        by_id = {doc["id"]: doc for doc in docs}
        for ref in manifest["notices"]:
            ref["sha256"] = content_hash(by_id[ref["id"]])

    docs: list[dict[str, Any]] = []
    bundle = tampered(world, tmp_path, entries=sneak, manifest=rehash)
    error = refused(archive, bundle, "bad_notice")
    assert error.params["id"] == "d"


# -- files that are not bundles --------------------------------------------------------


@pytest.mark.parametrize("keep", [0.5, 0.98])
def test_truncated_bundle(world: World, archive: Archive, tmp_path: Path, keep: float) -> None:
    data = world.bundle2.read_bytes()
    cut = tmp_path / "cut.bangtin"
    cut.write_bytes(data[: int(len(data) * keep)])
    error = refused(archive, cut, "unreadable")
    assert "cắt cụt" in error.message("vi")


def test_truncated_entry_data(world: World, archive: Archive, tmp_path: Path) -> None:
    """The central directory is intact but an entry's compressed data is cut short."""
    bundle = tampered(world, tmp_path)
    with zipfile.ZipFile(bundle) as zf:
        info = zf.getinfo(CHUNK)
    data = bytearray(bundle.read_bytes())
    # Overwrite the second half of the chunk's deflate stream with zeros.
    start = info.header_offset + 30 + len(CHUNK.encode()) + len(info.extra)
    half = info.compress_size // 2
    data[start + half : start + info.compress_size] = bytes(info.compress_size - half)
    bundle.write_bytes(bytes(data))
    with pytest.raises((zlib.error, zipfile.BadZipFile, EOFError)):
        zipfile.ZipFile(bundle).read(CHUNK)
    refused(archive, bundle, "unreadable")


def test_not_a_zip(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "notes.bangtin"
    path.write_bytes("Đây không phải gói dữ liệu.\n".encode() * 100)
    refused(archive, path, "not_bundle")


def test_empty_file(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "empty.bangtin"
    path.write_bytes(b"")
    refused(archive, path, "not_bundle")


def test_zip_that_is_not_a_bundle(archive: Archive, tmp_path: Path) -> None:
    path = write_entries(tmp_path / "other.zip", [Entry("notices/000001.json", b"[]")])
    refused(archive, path, "not_bundle")


def test_missing_file(archive: Archive, tmp_path: Path) -> None:
    refused(archive, tmp_path / "gone.bangtin", "unreadable")


# -- verify and stage refuse the same way -----------------------------------------------


def test_verify_refuses_without_writing(world: World, archive: Archive, tmp_path: Path) -> None:
    bundle = tampered(world, tmp_path, signature=lambda s: bytes(64))
    before = snapshot(archive)
    with pytest.raises(BundleError) as caught:
        verify_bundle(archive, bundle)
    assert caught.value.code == "bad_signature"
    assert snapshot(archive) == before


def test_notice_refused_when_its_chunk_is_read(
    world: World, archive: Archive, tmp_path: Path
) -> None:
    """Notices are checked as their chunk is read (one chunk in memory at a
    time); the refusal still leaves nothing staged and the archive unchanged."""

    def spoil(entries: list[Entry]) -> None:
        edit_notice(entries, "b", lambda doc: doc.update(title="khác"))

    bundle = tampered(world, tmp_path, entries=spoil)
    root = tmp_path / "staging"
    key = (world.keys.raw_public, None)
    staged = stage_bundle(bundle, root, lambda kid: key if kid == world.keys.key_id else None)
    try:
        with pytest.raises(BundleError) as caught:
            for _chunk in staged.notice_chunks():
                pass
    finally:
        staged.discard()
    assert caught.value.code == "hash_mismatch"
    assert list(root.iterdir()) == []
    refused(archive, bundle, "hash_mismatch")
