"""`bangtin search` and `bangtin reindex` on an archive with base and delta."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.helpers.cli import Cli
from tests.helpers.published import QD_TITLE, Library, ids_of


def test_search_without_diacritics_finds_and_highlights_the_original(
    cli: Cli, library: Library
) -> None:
    hits = cli("--data-dir", library.data_dir, "search", "nong thon moi", "--json").json()[
        "results"
    ]
    assert ids_of(hits)[0] == "qd-118-2023"
    top = hits[0]
    assert top["title"] == QD_TITLE
    assert top["number"] == "118/QĐ-UBND"
    assert top["published"] == "2023-01-18T14:20:00+07:00"
    assert "nông thôn mới" in top["snippet"].lower()
    assert isinstance(top["score"], float)


def test_search_by_number(cli: Cli, library: Library) -> None:
    hits = cli("--data-dir", library.data_dir, "search", "118/QĐ-UBND", "--json").json()["results"]
    assert ids_of(hits)[:1] == ["qd-118-2023"]


def test_search_filters_category_dates_and_type(cli: Cli, library: Library) -> None:
    lib = ("--data-dir", library.data_dir)
    both = cli(*lib, "search", "công", "--category", "Thông báo", "--json").json()["results"]
    assert sorted(ids_of(both)) == ["tb-15-2023", "tb-52-2023"]
    april = cli(
        *lib,
        "search",
        "công",
        "--category",
        "Thông báo",
        "--from",
        "2023-04-01",
        "--to",
        "30/04/2023",
        "--json",
    ).json()["results"]
    assert ids_of(april) == ["tb-52-2023"]
    plans = cli(*lib, "search", "2023", "--type", "ke hoach", "--limit", "5", "--json").json()[
        "results"
    ]
    assert ids_of(plans) == ["kh-54-2023"]


def test_search_leaves_withdrawn_notices_out(cli: Cli, library: Library) -> None:
    # Only cv-312-2023, withdrawn by the delta, speaks of "cúm gia cầm".
    result = cli("--data-dir", library.data_dir, "search", "cúm gia cầm")
    assert result.stdout.strip() == "Không có văn bản nào."


def test_reindex_rebuilds_an_index_that_went_stale(cli: Cli, library_copy: Path) -> None:
    # Change a title behind the index's back, as an old program or a repair might.
    conn = sqlite3.connect(library_copy / "archive.sqlite3")
    try:
        with conn:
            conn.execute(
                "UPDATE notice SET title = 'Quyết định về khu bảo tồn sếu đầu đỏ'"
                " WHERE id = 'qd-118-2023'"
            )
    finally:
        conn.close()
    assert cli("search", "seu dau do", "--json").json()["results"] == []

    done = cli("reindex")
    assert done.stdout.strip() == "Đã lập lại chỉ mục tìm kiếm cho 4 văn bản."
    hits = cli("search", "seu dau do", "--json").json()["results"]
    assert ids_of(hits) == ["qd-118-2023"]
    assert "sếu đầu đỏ" in hits[0]["title"]


def test_search_by_reference_in_natural_order(cli: Cli, library: Library) -> None:
    lib = ("--data-dir", library.data_dir)
    for query in ("ke hoach 54", "kh 54", "KH54", "kế hoạch số 54"):
        hits = cli(*lib, "search", query, "--json").json()["results"]
        assert ids_of(hits)[:1] == ["kh-54-2023"], query


def test_search_sorts_by_relevance_or_newest(cli: Cli, library: Library) -> None:
    lib = ("--data-dir", library.data_dir)
    best = cli(*lib, "search", "cong", "--json").json()
    newest = cli(*lib, "search", "cong", "--sort", "newest", "--json").json()
    assert best["sort"] == "relevance" and newest["sort"] == "newest"
    assert sorted(ids_of(best["results"])) == sorted(ids_of(newest["results"]))
    dates = [h["published"] for h in newest["results"]]
    assert len(dates) == 4 and dates == sorted(dates, reverse=True)
    # "Công nhận" in its title puts the oldest first by relevance.
    assert ids_of(best["results"])[0] == "qd-118-2023"
    cli.fails(*lib, "search", "x", "--sort", "oldest", code=2)


def test_search_suggests_a_spelling_from_the_archive(cli: Cli, library: Library) -> None:
    lib = ("--data-dir", library.data_dir)
    found = cli(*lib, "search", "nong thonn", "--json").json()
    assert found["results"] == [] and found["suggestion"] == "nong thon"
    said = cli(*lib, "search", "nong thonn")
    assert said.stdout.splitlines() == ["Có phải bạn muốn tìm: nong thon", "Không có văn bản nào."]
    assert cli(*lib, "search", "nong thon", "--json").json()["suggestion"] is None
