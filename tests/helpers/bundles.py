"""Builders for bundle tests: keys, source folders, bundles, tampering, snapshots.

Everything here makes real things: Ed25519 keys on disk, Markdown files,
signed zips, archives in SQLite. A tampered bundle is rebuilt entry by entry
and its manifest re-signed with whatever key the test names, so a test can
get past the signature check and reach the check it is about.
"""

from __future__ import annotations

import hashlib
import json
import struct
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import inspect, text

from db import store
from db.archive import Archive
from desktop.bundles import keys
from desktop.bundles.builder import BuildResult, build_bundle, publisher_id_for
from desktop.bundles.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    canonical_json,
    signed_bytes,
)

PUBLISHER = "UBND xã Demo"
PUBLISHER_ID = publisher_id_for(PUBLISHER)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# -- keys ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyPair:
    """A publisher key pair written by keygen, with its parts at hand."""

    private_path: Path
    public_path: Path
    key_id: str
    raw_public: bytes
    private: Ed25519PrivateKey


def make_keys(folder: Path, comment: str = "test") -> KeyPair:
    private_path, public_path, kid = keys.generate_keypair(folder, comment)
    private = keys.load_private_key(private_path)
    raw, _ = keys.load_public_key(public_path)
    return KeyPair(private_path, public_path, kid, raw, private)


def trust(archive: Archive, pair: KeyPair, name: str = PUBLISHER) -> None:
    """Trust *pair*'s public key in *archive*, as `bangtin trust add` does."""
    with archive.writing() as session:
        store.add_trusted_key(session, pair.key_id, pair.raw_public, name, datetime.now(UTC))


# -- source folders ----------------------------------------------------------------------


def front_matter(fields: dict[str, Any]) -> str:
    """YAML front matter (between '---' lines) for *fields*, in their order."""
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{dumped}---\n"


def write_raw(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def write_front(folder: Path, name: str, front: str, body: str = "") -> Path:
    """A notice file whose front matter is *front*, written as given.

    For front matter that must stay exactly as typed: broken YAML, unquoted
    dates, a title in decomposed Unicode.
    """
    return write_raw(folder, name, f"---\n{front.strip()}\n---\n{body}")


def write_notice(
    folder: Path, nid: str, body: str = "Nội dung văn bản.", name: str | None = None, **fields: Any
) -> Path:
    """Write `<nid>.md` with the required fields filled in unless given.

    A field given as None is left out of the file.
    """
    values: dict[str, Any] = {
        "id": nid,
        "title": f"Thông báo {nid}",
        "category": "Văn bản/Quyết định",
        "published": "2023-03-27 08:15",
    }
    values.update(fields)
    values = {k: v for k, v in values.items() if v is not None}
    return write_raw(folder, name or f"{nid}.md", front_matter(values) + body + "\n")


def write_withdrawal(folder: Path, nid: str, updated: str | None = None) -> Path:
    """A file with only `id` and `withdrawn: true` (and a time, when given)."""
    values: dict[str, Any] = {"id": nid, "withdrawn": True}
    if updated is not None:
        values["updated"] = updated
    return write_raw(folder, f"thu-hoi-{nid}.md", front_matter(values))


def build(src: Path, pair: KeyPair, out: Path, **kwargs: Any) -> BuildResult:
    kwargs.setdefault("publisher", PUBLISHER)
    return build_bundle(src, pair.private_path, kwargs.pop("publisher"), out, **kwargs)


# -- reading and rewriting zips ------------------------------------------------------------


@dataclass
class Entry:
    """One zip entry as written back: its name, bytes and header fields."""

    name: str
    data: bytes
    compress_type: int = zipfile.ZIP_DEFLATED
    external_attr: int = 0o644 << 16


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_entries(bundle: Path) -> list[Entry]:
    with zipfile.ZipFile(bundle) as zf:
        return [
            Entry(i.filename, zf.read(i), i.compress_type, i.external_attr) for i in zf.infolist()
        ]


def write_entries(path: Path, entries: Iterable[Entry]) -> Path:
    """Write *entries* in order; duplicate names are written as given."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w") as zf:
            for entry in entries:
                info = zipfile.ZipInfo(entry.name, ZIP_TIME)
                info.compress_type = entry.compress_type
                info.external_attr = entry.external_attr
                info.create_system = 3
                zf.writestr(info, entry.data)
    return path


def entry(entries: list[Entry], name: str) -> Entry:
    found = [e for e in entries if e.name == name]
    assert len(found) == 1, name
    return found[0]


def manifest_of(bundle: Path) -> dict[str, Any]:
    with zipfile.ZipFile(bundle) as zf:
        data: dict[str, Any] = json.loads(zf.read(MANIFEST_NAME))
    return data


def sign_manifest(manifest_bytes: bytes, pair: KeyPair) -> bytes:
    return keys.sign(pair.private, signed_bytes(manifest_bytes))


def declare(manifest: dict[str, Any], name: str, data: bytes) -> None:
    """Make the manifest's entry *name* declare *data*'s size and hash."""
    for ent in manifest["entries"]:
        if ent["name"] == name:
            ent["size"] = len(data)
            ent["sha256"] = sha256(data)
            return
    manifest["entries"].append({"name": name, "size": len(data), "sha256": sha256(data)})


def chunk_docs(entries: list[Entry], name: str = "notices/000001.json") -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = json.loads(entry(entries, name).data)
    return docs


@dataclass
class Tamper:
    """What to change when rewriting a bundle; each step is optional.

    `entries` edits the entry list; then, when `redeclare`, the manifest's
    entries take the new sizes and hashes of entries it lists; then
    `manifest` edits the manifest dict. `manifest_bytes` replaces the
    encoded manifest outright. The result is signed with `sign_with`, or
    keeps the original signature when that is None.
    """

    entries: Callable[[list[Entry]], None] | None = None
    manifest: Callable[[dict[str, Any]], None] | None = None
    manifest_bytes: Callable[[bytes], bytes] | None = None
    redeclare: bool = True
    sign_with: KeyPair | None = None
    signature: Callable[[bytes], bytes] | None = None
    extra: list[Entry] = field(default_factory=list)


def rewrite(bundle: Path, out: Path, tamper: Tamper) -> Path:
    """Write a changed copy of *bundle* to *out* as *tamper* says."""
    entries = read_entries(bundle)
    original_sig = entry(entries, SIGNATURE_NAME).data
    manifest: dict[str, Any] = json.loads(entry(entries, MANIFEST_NAME).data)
    content = [e for e in entries if e.name not in (MANIFEST_NAME, SIGNATURE_NAME)]
    if tamper.entries is not None:
        tamper.entries(content)
    if tamper.redeclare:
        listed = {ent["name"] for ent in manifest["entries"]}
        for item in content:
            if item.name in listed:
                declare(manifest, item.name, item.data)
    if tamper.manifest is not None:
        tamper.manifest(manifest)
    manifest_bytes = canonical_json(manifest)
    if tamper.manifest_bytes is not None:
        manifest_bytes = tamper.manifest_bytes(manifest_bytes)
    signature = (
        sign_manifest(manifest_bytes, tamper.sign_with) if tamper.sign_with else original_sig
    )
    if tamper.signature is not None:
        signature = tamper.signature(signature)
    return write_entries(
        out,
        [
            *content,
            *tamper.extra,
            Entry(MANIFEST_NAME, manifest_bytes),
            Entry(SIGNATURE_NAME, signature, zipfile.ZIP_STORED),
        ],
    )


def edit_notice(entries: list[Entry], nid: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Change notice *nid* inside its chunk and re-encode the chunk."""
    for item in entries:
        if not item.name.startswith("notices/"):
            continue
        docs = json.loads(item.data)
        hits = [d for d in docs if d["id"] == nid]
        if hits:
            change(hits[0])
            item.data = canonical_json(docs)
            return
    raise AssertionError(f"no notice {nid}")


def resign_notice(
    bundle: Path, out: Path, pair: KeyPair, nid: str, change: Callable[[dict[str, Any]], None]
) -> Path:
    """*bundle* with notice *nid* changed, every hash, revision and category made to
    match, signed with *pair*: only the reader's content checks are left to refuse it."""
    docs: list[dict[str, Any]] = []

    def edit(entries: list[Entry]) -> None:
        edit_notice(entries, nid, change)
        for item in entries:
            if item.name.startswith("notices/"):
                docs.extend(json.loads(item.data))

    def relist(manifest: dict[str, Any]) -> None:
        by_id = {doc["id"]: doc for doc in docs}
        for ref in manifest["notices"]:
            doc = by_id[ref["id"]]
            ref["sha256"] = hashlib.sha256(canonical_json(doc)).hexdigest()
            ref["revision"] = doc["updated"] or doc["published"]
        for doc in docs:
            if doc["category"] not in manifest["categories"]:
                manifest["categories"].append(doc["category"])

    return rewrite(bundle, out, Tamper(entries=edit, manifest=relist, sign_with=pair))


# -- patching raw zip headers ------------------------------------------------------------

_CD_SIG = b"PK\x01\x02"
_LFH_SIG = b"PK\x03\x04"


def _central_records(data: bytes) -> list[tuple[int, str]]:
    """(offset, name) of every central directory record, in order."""
    end = data.rfind(b"PK\x05\x06")
    assert end >= 0, "no end of central directory"
    count, _size, start = struct.unpack("<HII", data[end + 10 : end + 20])
    records = []
    pos = start
    for _ in range(count):
        assert data[pos : pos + 4] == _CD_SIG
        n, m, k = struct.unpack("<HHH", data[pos + 28 : pos + 34])
        records.append((pos, data[pos + 46 : pos + 46 + n].decode("utf-8", "replace")))
        pos += 46 + n + m + k
    return records


def patch_zip(
    path: Path,
    name: str,
    *,
    flag_bits_or: int = 0,
    file_size: int | None = None,
    raw_name: bytes | None = None,
) -> None:
    """Patch the headers of entry *name* in place: set flag bits (in both the
    local and the central header), the central directory's uncompressed size,
    or the raw name bytes (same length)."""
    data = bytearray(path.read_bytes())
    hits = [pos for pos, n in _central_records(bytes(data)) if n == name]
    assert len(hits) == 1, name
    cd = hits[0]
    (local,) = struct.unpack("<I", data[cd + 42 : cd + 46])
    assert data[local : local + 4] == _LFH_SIG
    if flag_bits_or:
        for pos in (cd + 8, local + 6):
            (flags,) = struct.unpack("<H", data[pos : pos + 2])
            data[pos : pos + 2] = struct.pack("<H", flags | flag_bits_or)
    if file_size is not None:
        data[cd + 24 : cd + 28] = struct.pack("<I", file_size)
    if raw_name is not None:
        assert len(raw_name) == len(name.encode("utf-8"))
        data[cd + 46 : cd + 46 + len(raw_name)] = raw_name
        data[local + 30 : local + 30 + len(raw_name)] = raw_name
    path.write_bytes(bytes(data))


# -- looking at an archive ---------------------------------------------------------------


def snapshot(archive: Archive) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, plus the attachment store's file names.

    Two snapshots are equal when nothing an import writes has changed: the
    notices and their revisions, the import log, the publishers' sequences,
    categories, keys, the search index tables.
    """
    out: dict[str, list[tuple[Any, ...]]] = {}
    with archive.engine.connect() as conn:
        if archive.on_server:
            tables = sorted(inspect(conn).get_table_names())
        else:
            tables = [
                name
                for name, sql in conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
                )
                if not name.startswith("sqlite_")
                and not (sql or "").upper().startswith("CREATE VIRTUAL")
            ]
        for table in tables:
            rows = conn.exec_driver_sql(f'SELECT * FROM "{table}"').fetchall()
            out[table] = sorted((tuple(r) for r in rows), key=repr)
    out["files/"] = sorted(
        (p.relative_to(archive.files_dir).as_posix(),)
        for p in archive.files_dir.rglob("*")
        if p.is_file()
    )
    return out


def notice_state(archive: Archive) -> dict[str, tuple[int, bool, bool, str]]:
    """id → (revision in UTC seconds, withdrawn, has content, title)."""
    with archive.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, revision, withdrawn, has_content, title FROM notice"
        ).fetchall()
    return {r[0]: (r[1], bool(r[2]), bool(r[3]), r[4]) for r in rows}


def last_sequence(archive: Archive, publisher_id: str = PUBLISHER_ID) -> int | None:
    with archive.engine.connect() as conn:
        row = conn.execute(
            text("SELECT last_sequence FROM publisher WHERE id = :id"), {"id": publisher_id}
        ).fetchone()
    return None if row is None else int(row[0])


def log_count(archive: Archive) -> int:
    with archive.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM import_log").scalar_one())


def staging_contents(archive: Archive) -> list[str]:
    """What is left in the archive's staging folder (relative paths)."""
    root = archive.staging_dir
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


# -- a small world: keys, two bundles, an archive with the first imported ----------------

PDF = b"%PDF-1.4\n% quyet dinh\n" + bytes(range(256)) * 8
PLAN = "Kế hoạch triển khai: ngày 1, ngày 2, ngày 3.\n".encode() * 50


@dataclass(frozen=True)
class World:
    """Keys, two bundles and an archive folder that has the first one applied.

    bundle1: full, sequence 1: notices a (with a PDF), b, c.
    bundle2: delta since 1, sequence 2: b updated, d added (with a text
    file), c withdrawn. Applied to the template it adds 1, updates 1 and
    withdraws 1.
    """

    root: Path
    keys: KeyPair
    stranger: KeyPair
    src1: Path
    src2: Path
    bundle1: Path
    bundle2: Path
    template: Path


def write_source1(src: Path) -> None:
    write_raw(src, "files/qd-1.pdf", PDF)
    write_notice(
        src,
        "a",
        title="Quyết định số 1",
        number="01/QĐ-UBND",
        attachments=["files/qd-1.pdf"],
        name="van-ban/a.md",
    )
    write_notice(src, "b", published="2023-03-28 09:00", name="van-ban/b.md")
    write_notice(src, "c", category="Thông báo", published="2023-03-29 10:00")


def write_source2(src: Path) -> None:
    write_raw(src, "files/ke-hoach.txt", PLAN)
    write_notice(
        src,
        "b",
        title="Thông báo b (sửa đổi)",
        published="2023-03-28 09:00",
        updated="2023-04-01 08:00",
    )
    write_notice(
        src,
        "d",
        category="Thông báo/Lịch",
        published="2023-04-01 09:30",
        attachments=["files/ke-hoach.txt"],
    )
    write_withdrawal(src, "c", updated="2023-04-02 08:00")


def make_world(root: Path) -> World:
    from db.archive import open_archive
    from desktop.bundles.importer import import_bundle

    pair = make_keys(root / "keys")
    stranger = make_keys(root / "stranger")
    src1, src2 = root / "src1", root / "src2"
    write_source1(src1)
    write_source2(src2)
    bundle1 = build(src1, pair, root / "b1.bangtin").path
    bundle2 = build(src2, pair, root / "b2.bangtin", since=1).path
    template = root / "template"
    archive = open_archive(template)
    try:
        trust(archive, pair)
        import_bundle(archive, bundle1)
    finally:
        archive.close()
    return World(root, pair, stranger, src1, src2, bundle1, bundle2, template)


def open_copy(folder: Path, dest: Path) -> Archive:
    """Open a copy of the archive folder *folder* at *dest*."""
    import shutil

    from db.archive import open_archive

    shutil.copytree(folder, dest)
    return open_archive(dest)
