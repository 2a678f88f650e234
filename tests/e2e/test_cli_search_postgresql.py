"""`bangtin search` and `bangtin reindex` on a PostgreSQL archive: the answers the file gives."""

from __future__ import annotations

from tests.helpers.cli import Cli
from tests.helpers.published import Library, Published, ids_of, trust_and_import

# Words without diacritics, a number, a reference, a prefix, a withdrawn notice's
# words; the parity of many more is tests/unit/test_search_parity.py's.
QUERIES = ("nong thon moi", "118/QĐ-UBND", "kế hoạch số 54", "công", "cúm gia cầm")


def test_search_on_a_server_answers_as_the_file_does(
    cli: Cli, library: Library, published: Published, pg_url: str
) -> None:
    server = ("--database", pg_url)
    # The shared archive as an office configures it: BANGTIN_DATABASE_URL.
    on_pg = Cli({**cli.env, "BANGTIN_DATABASE_URL": pg_url}, cli.cwd, cli.netguard_log)
    trust_and_import(on_pg, published, published.base, published.delta)
    lib = ("--data-dir", library.data_dir)
    for query in QUERIES:
        on_server = cli(*server, "search", query, "--json").json()
        in_file = cli(*lib, "search", query, "--json").json()
        assert on_server == in_file, query
    newest = cli(*server, "search", "cong", "--sort", "newest", "--json").json()["results"]
    dates = [h["published"] for h in newest]
    assert len(dates) == 4 and dates == sorted(dates, reverse=True)
    assert cli(*server, "search", "ke hoach 54", "--json").json()["results"][0]["id"] == (
        "kh-54-2023"
    )
    said = cli(*server, "search", "nong thonn")
    assert said.stdout.splitlines() == ["Có phải bạn muốn tìm: nong thon", "Không có văn bản nào."]
    done = cli(*server, "reindex")
    assert done.stdout.strip() == "Đã lập lại chỉ mục tìm kiếm cho 4 văn bản."
    assert ids_of(cli(*server, "search", "nong thon moi", "--json").json()["results"])[:1] == [
        "qd-118-2023"
    ]
