"""An import reads and applies a bundle a chunk of notices at a time, in one transaction."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from db import store
from db.archive import Archive
from db.queries import count_notices
from db.records import ImportCounts, NoticeRecord, WithdrawalRecord
from db.store import apply_notice_chunks, ensure_categories, ensure_publisher
from desktop.bundles import builder
from desktop.bundles.errors import BundleError
from desktop.bundles.importer import import_bundle
from desktop.bundles.manifest import NoticeRef, chunk_name
from desktop.bundles.reader import stage_bundle
from desktop.bundles.source import SourceErrors, markdown_files, read_notice, read_source
from tests.helpers.bundles import build, make_keys, trust, write_notice, write_source1
from tests.helpers.notices import PUBLISHER, notice, withdrawal


def _apply_chunks(
    archive: Archive,
    chunks: Sequence[Sequence[NoticeRecord]],
    withdrawals: Sequence[WithdrawalRecord] = (),
) -> ImportCounts:
    with archive.writing() as session:
        ensure_publisher(session, PUBLISHER, "UBND xã Demo")
        cats = ensure_categories(session, [n.category for chunk in chunks for n in chunk])
        return apply_notice_chunks(session, PUBLISHER, iter(chunks), withdrawals, cats)


@pytest.mark.engines
def test_one_id_in_two_chunks_keeps_its_newest_copy(archive: Archive) -> None:
    older = notice("a", revision_days=1, title="Bản cũ")
    newer = notice("a", revision_days=2, title="Bản mới")
    counts = _apply_chunks(archive, [[older, notice("b")], [newer]])
    assert (counts.added, counts.unchanged) == (2, 0)
    with archive.reading() as session:
        rows = session.connection().exec_driver_sql("SELECT id, title FROM notice")
        titles = {r[0]: r[1] for r in rows}
    assert titles["a"] == "Bản mới"

    counts = _apply_chunks(archive, [[newer], [older]])
    assert (counts.added, counts.updated, counts.unchanged) == (0, 0, 2)


@pytest.mark.engines
def test_withdrawal_weighs_against_notices_of_every_chunk(archive: Archive) -> None:
    counts = _apply_chunks(
        archive, [[notice("a")], [notice("b")]], withdrawals=[withdrawal("a", 1)]
    )
    assert (counts.added, counts.withdrawn) == (2, 1)
    with archive.reading() as session:
        assert count_notices(session) == 1


def test_chunks_are_read_one_at_a_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A bundle of three chunks is read as three lists, each parsed only when asked for."""
    monkeypatch.setattr(builder, "NOTICES_PER_CHUNK", 1)
    pair = make_keys(tmp_path / "keys")
    src = tmp_path / "src"
    write_source1(src)
    bundle = build(src, pair, tmp_path / "out.bangtin").path
    key = (pair.raw_public, None)
    staged = stage_bundle(bundle, tmp_path / "staging", lambda kid: key)
    try:
        assert staged.notice_count == 3
        chunks: Iterator[list[NoticeRecord]] = staged.notice_chunks()
        first = next(chunks)
        second = next(chunks)
        assert len(first) == len(second) == 1
        # The third chunk is read only now: damaged after the first two were
        # read, it is still caught.
        (staged.staging / chunk_name(3).replace("/", "_")).write_bytes(b"[")
        with pytest.raises(BundleError) as caught:
            next(chunks)
    finally:
        staged.discard()
    assert caught.value.code == "bad_json"


def test_a_build_reads_where_notices_are_then_each_again(tmp_path: Path) -> None:
    """The build's first pass keeps no text; each notice is read again when written."""
    src = tmp_path / "src"
    write_source1(src)
    folder = read_source(src, keep_text=False)
    assert folder.notices == []
    assert sorted(ident for _when, ident, _path in folder.notice_files) == ["a", "b", "c"]
    full = {n.id: n for n in read_source(src).notices}
    for _when, ident, path in folder.notice_files:
        assert read_notice(src, path, ident) == full[ident]
    _when, ident, rel = folder.notice_files[0]
    path = src / rel
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {ident}", "id: khac"), "utf-8")
    with pytest.raises(SourceErrors):
        read_notice(src, path, ident)


def _alive(kind: type) -> int:
    """How many objects of *kind* for this test's notices exist now (others of
    the same process may keep their own)."""
    gc.collect()
    return sum(
        1
        for obj in gc.get_objects()
        if type(obj) is kind and str(getattr(obj, "id", "")).startswith(PREFIX)
    )


#: Notices in the bundle of the two tests below, and per chunk.
MANY, PER_CHUNK = 60, 5
PREFIX = "dong-chay-"


def _many(src: Path) -> None:
    for i in range(MANY):
        write_notice(src, f"{PREFIX}{i:03d}", published=f"2023-03-{1 + i % 28:02d} 08:{i % 60:02d}")


def test_a_build_holds_one_chunk_of_notices_and_no_listing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """While each chunk is written, no more than that chunk's notices exist, and
    no manifest listing is kept: those wait in a file until the manifest is written."""
    monkeypatch.setattr(builder, "NOTICES_PER_CHUNK", PER_CHUNK)
    src = tmp_path / "src"
    _many(src)
    seen: list[tuple[int, int]] = []
    write = builder._write

    def counting(zf: Any, name: str, data: Any, method: int) -> None:
        if name.startswith("notices/"):
            seen.append((_alive(NoticeRecord), _alive(NoticeRef)))
        write(zf, name, data, method)

    monkeypatch.setattr(builder, "_write", counting)
    build(src, make_keys(tmp_path / "keys"), tmp_path / "out.bangtin")
    assert len(seen) == MANY // PER_CHUNK
    assert max(records for records, _refs in seen) <= PER_CHUNK
    # At most the last one made, not yet let go: none is kept.
    assert max(refs for _records, refs in seen) <= 1


@pytest.mark.engines
def test_an_import_holds_one_chunk_of_notices_and_listings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, archive: Archive
) -> None:
    """While each chunk is applied, no more than that chunk's notices and manifest
    listings exist: the rest stay in the staged bundle, on disk."""
    monkeypatch.setattr(builder, "NOTICES_PER_CHUNK", PER_CHUNK)
    src = tmp_path / "src"
    _many(src)
    pair = make_keys(tmp_path / "keys")
    bundle = build(src, pair, tmp_path / "out.bangtin").path
    trust(archive, pair)
    seen: list[tuple[int, int]] = []
    apply_chunk = store._apply_chunk

    def counting(*args: Any) -> int:
        seen.append((_alive(NoticeRecord), _alive(NoticeRef)))
        return apply_chunk(*args)

    monkeypatch.setattr(store, "_apply_chunk", counting)
    result = import_bundle(archive, bundle)
    assert (result.status, result.added) == ("imported", MANY)
    assert len(seen) == MANY // PER_CHUNK
    assert max(records for records, _refs in seen) <= PER_CHUNK
    assert max(refs for _records, refs in seen) <= PER_CHUNK
    with archive.reading() as session:
        assert count_notices(session) == MANY


def test_the_index_is_built_without_the_staged_chunks_beside_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, archive: Archive
) -> None:
    """Once applied, the staged notice chunks are deleted: the disk an import
    needs is the archive's, not the archive's and the bundle's notices."""
    monkeypatch.setattr(builder, "NOTICES_PER_CHUNK", PER_CHUNK)
    src = tmp_path / "src"
    _many(src)
    pair = make_keys(tmp_path / "keys")
    bundle = build(src, pair, tmp_path / "out.bangtin").path
    trust(archive, pair)
    staged: dict[str, list[str]] = {}

    def progress(stage: str, _done: int, _total: int) -> None:
        if stage in ("applying", "indexing"):
            staged[stage] = [p.name for p in archive.staging_dir.rglob("notices_*")]

    result = import_bundle(archive, bundle, progress=progress)
    assert (result.status, result.added) == ("imported", MANY)
    assert len(staged["applying"]) == MANY // PER_CHUNK
    assert staged["indexing"] == []
    with archive.reading() as session:
        assert count_notices(session) == MANY


def test_markdown_files_come_in_the_order_of_sorted_rglob(tmp_path: Path) -> None:
    """The build's walk lists what ``sorted(rglob("*.md"))`` lists, in its order,
    where sorting whole paths as text would not ("a/…" after "a-b.md")."""
    names = [
        "a.md",
        "a-b.md",
        "a/z.md",
        "a/b/c.md",
        "a.md.d/x.md",
        "B.md",
        "b/a.md",
        "x.md/inner.md",
        "notes.txt",
        "deep/er/est/n.md",
        ".hidden.md",
    ]
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    expected = [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*.md"))]
    assert list(markdown_files(tmp_path)) == expected
    assert expected.index("a/z.md") < expected.index("a-b.md")
