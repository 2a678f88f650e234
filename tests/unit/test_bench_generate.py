"""The benchmark generator: the same folder for a seed, and one the source reader accepts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from bench import generate, vocabulary
from bench.queries import QUERIES
from desktop.bundles.source import read_source


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_same_seed_same_folder_other_seed_other_folder(tmp_path: Path) -> None:
    generate.write_source(tmp_path / "a", 40, seed=3)
    generate.write_source(tmp_path / "b", 40, seed=3)
    generate.write_source(tmp_path / "c", 40, seed=4)
    a, b, c = (_tree(tmp_path / name) for name in "abc")
    assert a == b
    assert a != c
    assert sum(name.endswith(".md") for name in a) == 40


def test_one_notice_is_made_again_alone() -> None:
    whole = list(generate.notices(25, seed=9))
    assert generate.make_notice(17, 25, seed=9) == whole[17]


def test_the_source_reader_accepts_the_folder(tmp_path: Path) -> None:
    stats = generate.write_source(tmp_path / "src", 300, seed=11)
    folder = read_source(tmp_path / "src")
    assert len(folder.notices) == stats.notices == 300
    assert sum(n.withdrawn for n in folder.notices) == stats.withdrawn
    assert stats.bytes == generate.folder_bytes(tmp_path / "src")
    bodies = [len(n.body_markdown.encode("utf-8")) for n in folder.notices]
    assert 1500 < sum(bodies) / len(bodies) < 3000
    assert any("|---|" in n.body_markdown for n in folder.notices)  # some tables
    assert folder.attachment_files  # some attachments
    assert len(folder.categories) >= 8
    numbers = [n.number for n in folder.notices if n.number]
    assert numbers and all("/" in x for x in numbers)


def test_the_delta_revises_one_percent(tmp_path: Path) -> None:
    stats = generate.write_delta(tmp_path / "delta", 500, seed=11)
    folder = read_source(tmp_path / "delta")
    wanted = {generate.notice_id(i) for i in generate.delta_indexes(500, seed=11)}
    assert stats.notices == len(wanted) == 5
    assert {n.id for n in folder.notices} == wanted
    assert all(n.updated is not None and n.updated > n.published for n in folder.notices)


def test_vocabulary_is_large_ranked_and_nfc() -> None:
    words = vocabulary.ranked()
    assert len(words) >= 3000
    assert words[:2] == ("ủy ban nhân dân", "thực hiện")
    assert len(set(words)) == len(words)
    assert all(unicodedata.normalize("NFC", w) == w for w in words)
    weights = vocabulary.zipf_weights(len(words))
    assert weights == sorted(weights)


def test_queries_cover_every_kind() -> None:
    kinds = {kind for _q, kind in QUERIES}
    assert kinds == {"common", "mid", "rare", "number", "folded"}


def test_notices_carry_the_v2_fields_the_office_views_read(tmp_path: Path) -> None:
    generate.write_source(tmp_path / "src", 600, seed=5)
    folder = read_source(tmp_path / "src")
    ids = {n.id for n in folder.notices}
    relating = [n for n in folder.notices if n.relations]
    assert sum(n.effective is not None for n in folder.notices) > 100
    assert any(n.expires is not None for n in folder.notices)
    assert sum(n.deadline is not None for n in folder.notices) > 30
    assert any(n.urgency for n in folder.notices)
    assert len(relating) > 30
    kinds = {relation for n in relating for relation, _target in n.relations}
    assert {"replaces", "amends", "repeals", "partly_repeals"} <= kinds
    targets = [target for n in relating for _relation, target in n.relations]
    assert all(t < n.id for n in relating for _r, t in n.relations if t in ids)  # earlier ones
    assert any(t not in ids for t in targets)  # and a few the archive does not hold
    news = [n for n in folder.notices if n.doc_type is None]
    assert news and not any(n.effective or n.deadline or n.relations for n in news)
