"""The second benchmark corpus and the bare anchor's reading of a source folder."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from bench import bare, corpus2, generate
from desktop.bundles.source import read_source


def test_corpus2_is_another_corpus_the_source_reader_accepts(tmp_path: Path) -> None:
    words = corpus2.vocabulary()
    assert len(words) == len(set(words)) == corpus2.VOCABULARY
    assert all(unicodedata.is_normalized("NFC", w) for w in words)
    assert len(words) > 3 * len(generate.vocabulary.ranked())
    stats = generate.write_notices(tmp_path / "src", corpus2.notices(200, 5), 5)
    folder = read_source(tmp_path / "src")
    assert len(folder.notices) == stats.notices == 200
    sizes = sorted(len(n.body_markdown.encode("utf-8")) for n in folder.notices)
    # Log-normal lengths: a long tail, unlike generate.py's ~2 KB bodies.
    assert sizes[-1] > 4 * sizes[len(sizes) // 2]
    assert list(corpus2.notices(30, 5))[17] == corpus2.make_notice(17, 30, 5)


def test_queries_of_corpus2_find_its_notices(tmp_path: Path) -> None:
    generate.write_notices(tmp_path / "src", corpus2.notices(300, 7), 7)
    rows = list(bare.source_rows(tmp_path / "src"))
    assert len(rows) == 300
    bare.bare_import(tmp_path / "bare", rows)
    conn = bare.connect(tmp_path / "bare")
    try:
        kinds = {kind for _q, kind in corpus2.queries(7)}
        assert kinds == {"common", "mid", "rare", "number", "folded"}
        common = [q for q, kind in corpus2.queries(7) if kind == "common"]
        assert all(len(bare.bare_search(conn, bare.bare_expr(q))) == bare.PAGE for q in common)
    finally:
        conn.close()
