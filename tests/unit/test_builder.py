"""Building a bundle: the manifest, entry names, signature, sequences, failures."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from db.types import VN_TZ
from desktop.bundles import keys
from desktop.bundles.builder import SequenceError, build_bundle, publisher_id_for
from desktop.bundles.errors import KeyFileError
from desktop.bundles.manifest import (
    BASE_VERSION,
    ENTRY_RE,
    FORMAT_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    SIGNATURE_PREFIX,
    canonical_json,
    content_hash,
    manifest_from_json,
    notice_to_json,
    parse_json_bytes,
)
from desktop.bundles.reader import stage_bundle
from desktop.bundles.source import SourceErrors, read_source
from tests.helpers.bundles import (
    PDF,
    PLAN,
    PUBLISHER,
    PUBLISHER_ID,
    KeyPair,
    build,
    make_keys,
    manifest_of,
    sha256,
    write_notice,
    write_raw,
    write_source1,
    write_source2,
)

CREATED = datetime(2023, 4, 3, 1, 2, 3, 456789, tzinfo=UTC)


@pytest.fixture
def pair(tmp_path: Path) -> KeyPair:
    return make_keys(tmp_path / "keys")


@pytest.fixture
def src1(tmp_path: Path) -> Path:
    src = tmp_path / "src1"
    write_source1(src)
    return src


def zip_entries(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


# -- the manifest ----------------------------------------------------------------------


def test_manifest_describes_the_bundle(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    result = build(src1, pair, tmp_path / "out.bangtin", created=CREATED)
    m = manifest_of(result.path)
    assert m["format"] == FORMAT_NAME == "bangtin-bundle"
    # No notice uses a field of version 2: offices not yet updated can read it.
    assert m["version"] == BASE_VERSION == 1
    assert m["publisher"] == {"id": PUBLISHER_ID, "name": PUBLISHER}
    assert PUBLISHER_ID == "ubnd-xa-demo"
    assert m["key_id"] == pair.key_id
    assert m["bundle_id"] == result.bundle_id and len(result.bundle_id) == 32
    assert (m["sequence"], m["kind"], m["base_sequence"]) == (1, "full", None)
    # Creation time: whole seconds, shown in +07:00.
    assert m["created"] == "2023-04-03T08:02:03+07:00"
    assert m["categories"] == ["Thông báo", "Văn bản/Quyết định"]
    assert [n["id"] for n in m["notices"]] == ["a", "b", "c"]  # by publication time
    assert m["withdrawals"] == []
    assert (result.notices, result.withdrawals, result.attachments) == (3, 0, 1)
    assert result.size == result.path.stat().st_size


def test_every_entry_is_listed_with_its_size_and_hash(
    pair: KeyPair, src1: Path, tmp_path: Path
) -> None:
    bundle = build(src1, pair, tmp_path / "out.bangtin").path
    m = manifest_of(bundle)
    contents = zip_entries(bundle)
    listed = {e["name"]: e for e in m["entries"]}
    assert set(listed) == set(contents) - {MANIFEST_NAME, SIGNATURE_NAME}
    for name, ent in listed.items():
        assert ent["size"] == len(contents[name])
        assert ent["sha256"] == hashlib.sha256(contents[name]).hexdigest()


def test_notice_refs_carry_revision_and_content_hash(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src2"
    write_source2(src)
    bundle = build(src, pair, tmp_path / "out.bangtin", since=0).path
    m = manifest_of(bundle)
    docs = {d["id"]: d for d in json.loads(zip_entries(bundle)["notices/000001.json"])}
    refs = {n["id"]: n for n in m["notices"]}
    assert refs["b"]["revision"] == "2023-04-01T08:00:00+07:00"  # `updated` is the revision
    assert refs["d"]["revision"] == "2023-04-01T09:30:00+07:00"  # else `published`
    for nid, ref in refs.items():
        assert ref["sha256"] == content_hash(docs[nid])
        assert ref["chunk"] == "notices/000001.json"
    assert m["withdrawals"] == [{"id": "c", "revision": "2023-04-02T08:00:00+07:00"}]


def test_undated_withdrawal_takes_the_build_time(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_raw(src, "x.md", "---\nid: x\nwithdrawn: true\n---\n")
    m = manifest_of(build(src, pair, tmp_path / "out.bangtin", created=CREATED).path)
    assert m["withdrawals"] == [{"id": "x", "revision": "2023-04-03T08:02:03+07:00"}]
    assert m["notices"] == [] and m["entries"] == []


def test_many_notices_are_split_into_chunks(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    for i in range(1001):
        write_raw(
            src,
            f"n{i:04d}.md",
            f"---\nid: n{i:04d}\ntitle: T{i}\ncategory: C\npublished: 2023-03-27 08:15\n---\n",
        )
    bundle = build(src, pair, tmp_path / "out.bangtin").path
    names = sorted(zip_entries(bundle))
    assert [n for n in names if n.startswith("notices/")] == [
        "notices/000001.json",
        "notices/000002.json",
    ]
    m = manifest_of(bundle)
    assert sum(1 for n in m["notices"] if n["chunk"] == "notices/000002.json") == 1


def test_manifest_round_trips(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    bundle = build(src1, pair, tmp_path / "out.bangtin").path
    raw = zip_entries(bundle)[MANIFEST_NAME]
    parsed = manifest_from_json(parse_json_bytes(raw))
    assert canonical_json(parsed.to_json()) == raw


# -- the signature ---------------------------------------------------------------------


def test_signature_covers_the_prefix_and_the_exact_manifest_bytes(
    pair: KeyPair, src1: Path, tmp_path: Path
) -> None:
    contents = zip_entries(build(src1, pair, tmp_path / "out.bangtin").path)
    raw, sig = contents[MANIFEST_NAME], contents[SIGNATURE_NAME]
    assert SIGNATURE_PREFIX == b"bangtin-bundle-v1\n"
    assert len(sig) == 64
    assert keys.verify(pair.raw_public, sig, b"bangtin-bundle-v1\n" + raw)
    assert not keys.verify(pair.raw_public, sig, raw)
    # The same JSON in another byte form is not what was signed.
    reformatted = json.dumps(json.loads(raw), indent=1).encode()
    assert not keys.verify(pair.raw_public, sig, b"bangtin-bundle-v1\n" + reformatted)


# -- entry names -------------------------------------------------------------------------


def test_attachments_are_stored_under_their_hash(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_raw(src, "tệp đính kèm/Quyết định số 1.pdf", PDF)
    write_raw(src, "files/ke-hoach.txt", PLAN)
    write_raw(src, "files/ban-sao.pdf", PDF)
    write_notice(src, "a", attachments=["tệp đính kèm/Quyết định số 1.pdf", "files/ke-hoach.txt"])
    write_notice(src, "b", attachments=["files/ban-sao.pdf"])
    bundle = build(src, pair, tmp_path / "out.bangtin").path
    names = set(zip_entries(bundle))
    assert names == {
        MANIFEST_NAME,
        SIGNATURE_NAME,
        "notices/000001.json",
        f"files/{sha256(PDF)}",
        f"files/{sha256(PLAN)}",
    }
    assert all(ENTRY_RE.match(n) for n in names - {MANIFEST_NAME, SIGNATURE_NAME})
    docs = json.loads(zip_entries(bundle)["notices/000001.json"])
    assert docs[0]["attachments"][0] == {
        "name": "Quyết định số 1.pdf",
        "media_type": "application/pdf",
        "size": len(PDF),
        "sha256": sha256(PDF),
    }


def test_media_types_are_ones_the_reader_accepts(pair: KeyPair, tmp_path: Path) -> None:
    """mime.types lists some types in mixed case (…macroEnabled.12)."""
    src = tmp_path / "src"
    write_raw(src, "files/bang-tinh.xlsm", b"PK fake workbook")
    write_raw(src, "files/la.qqqzz", b"unknown")
    write_notice(src, "a", attachments=["files/bang-tinh.xlsm", "files/la.qqqzz"])
    bundle = build(src, pair, tmp_path / "out.bangtin").path
    (doc,) = json.loads(zip_entries(bundle)["notices/000001.json"])
    types = [a["media_type"] for a in doc["attachments"]]
    assert types[0] == types[0].lower()
    assert types[1] == "application/octet-stream"
    key = (pair.raw_public, None)
    staged = stage_bundle(bundle, tmp_path / "staging", lambda kid: key)
    notices = [n for chunk in staged.notice_chunks() for n in chunk]
    staged.discard()
    assert [a.media_type for a in notices[0].attachments] == types


def test_built_notices_read_back_equal(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    bundle = build(src1, pair, tmp_path / "out.bangtin").path
    key = (pair.raw_public, None)
    staged = stage_bundle(bundle, tmp_path / "staging", lambda kid: key)
    notices = [n for chunk in staged.notice_chunks() for n in chunk]
    staged.discard()
    source = {n.id: n for n in read_source(src1).notices}
    assert len(notices) == len(source) == 3
    for rec in notices:
        assert rec.content_hash == content_hash(notice_to_json(source[rec.id]))
        assert rec == replace(source[rec.id], content_hash=rec.content_hash)


# -- sequences ---------------------------------------------------------------------------


def test_a_later_build_gets_a_larger_sequence(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    seqs = [build(src1, pair, tmp_path / f"{i}.bangtin").sequence for i in range(3)]
    assert seqs == [1, 2, 3]
    ids = {manifest_of(tmp_path / f"{i}.bangtin")["bundle_id"] for i in range(3)}
    assert len(ids) == 3


def test_sequence_can_be_set(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    assert build(src1, pair, tmp_path / "a.bangtin", sequence=41).sequence == 41
    assert manifest_of(tmp_path / "a.bangtin")["sequence"] == 41
    assert build(src1, pair, tmp_path / "b.bangtin").sequence == 42


def test_sequences_count_per_publisher(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    build(src1, pair, tmp_path / "a.bangtin", sequence=10)
    other = build(src1, pair, tmp_path / "b.bangtin", publisher="UBND phường Khác")
    assert (other.publisher_id, other.sequence) == ("ubnd-phuong-khac", 1)
    assert build(src1, pair, tmp_path / "c.bangtin").sequence == 11


def test_delta_records_its_base(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    build(src1, pair, tmp_path / "a.bangtin")
    result = build(src1, pair, tmp_path / "b.bangtin", since=1)
    m = manifest_of(result.path)
    assert (m["kind"], m["base_sequence"], m["sequence"]) == ("delta", 1, 2)
    assert (result.kind, result.base_sequence) == ("delta", 1)
    # Without a remembered sequence, a delta still comes after its base.
    fresh = make_keys(tmp_path / "fresh")
    assert build(src1, fresh, tmp_path / "c.bangtin", since=7).sequence == 8


def test_sequence_must_come_after_the_base(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "x.bangtin"
    with pytest.raises(SequenceError) as caught:
        build(src1, pair, out, since=5, sequence=5)
    assert (caught.value.sequence, caught.value.since) == (5, 5)
    assert not out.exists()


def test_publisher_id_is_folded() -> None:
    assert publisher_id_for("UBND Phường Đông Hòa") == "ubnd-phuong-dong-hoa"
    assert publisher_id_for("  ") == "publisher"


# -- failures write nothing ----------------------------------------------------------------


def test_source_errors_write_no_bundle(pair: KeyPair, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_notice(src, "a", published="hôm qua")
    write_notice(src, "b", attachments=["files/khong-co.pdf"])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "keep.txt").write_text("x")
    out = out_dir / "x.bangtin"
    with pytest.raises(SourceErrors) as caught:
        build(src, pair, out)
    assert len(caught.value.errors) == 2
    assert not out.exists()
    assert sorted(p.name for p in out_dir.iterdir()) == ["keep.txt"]
    # A failed build uses up no sequence number.
    (tmp_path / "empty").mkdir()
    assert build(tmp_path / "empty", pair, out, publisher=PUBLISHER).sequence == 1


def test_missing_source_folder(pair: KeyPair, tmp_path: Path) -> None:
    with pytest.raises(SourceErrors):
        build(tmp_path / "nowhere", pair, tmp_path / "out" / "x.bangtin")
    assert not (tmp_path / "out").exists()


def test_bad_key_writes_no_bundle(src1: Path, tmp_path: Path) -> None:
    key = tmp_path / "publisher.key"
    key.write_text("not a key")
    out = tmp_path / "out" / "x.bangtin"
    with pytest.raises(KeyFileError):
        build_bundle(src1, key, PUBLISHER, out)
    assert not out.parent.exists()


def test_failure_while_writing_leaves_no_temp_file(
    pair: KeyPair, src1: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "x.bangtin"

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "attachments":
            raise OSError("USB stick removed")

    with pytest.raises(OSError, match="USB stick removed"):
        build(src1, pair, out, progress=progress)
    assert list(out.parent.iterdir()) == []


def test_progress_counts_notices_then_attachments(
    pair: KeyPair, src1: Path, tmp_path: Path
) -> None:
    seen: list[tuple[str, int, int]] = []
    build(src1, pair, tmp_path / "x.bangtin", progress=lambda *a: seen.append(a))
    assert seen == [("notices", 3, 4), ("attachments", 4, 4)]


def test_created_defaults_to_now(pair: KeyPair, src1: Path, tmp_path: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    m = manifest_of(build(src1, pair, tmp_path / "x.bangtin").path)
    created = datetime.fromisoformat(m["created"])
    assert created.utcoffset() == timedelta(hours=7)
    assert before <= created <= datetime.now(UTC)
    assert created.tzinfo is not None and created.astimezone(VN_TZ) == created
