"""PostgreSQL's candidate queries read GIN when the walk of the keys would read the table.

`db.search.pgplan` chooses from the column's statistics: words each common
but seldom together are read through GIN; words that are together in most
notices walk the newest keys (the walk stops at once), whatever the planner
would choose. Either way a search finds the same notices.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from db import search
from db.archive import Archive, open_archive
from db.search import pgplan
from db.search.pgquery import MAIN
from tests.helpers.notices import apply, notice

SQL = "SELECT rank_key FROM search_doc WHERE main_tsv @@ %s::tsquery"


@pytest.fixture
def analysed(tmp_path_factory: pytest.TempPathFactory, pg_url: str) -> Iterator[Archive]:
    """400 notices: "lua" and "ngo" each in a tenth, together in two; "dan" in all. Analysed."""
    records = []
    for i in range(400):
        words = {0: "lua gạo", 1: "ngô khoai"}.get(i % 10, "sắn")
        if i in (7, 8):
            words = "lua ngô"
        records.append(notice(f"n{i}", days=i, title=f"Tin {i}", body_markdown=f"dân {words}"))
    archive = open_archive(tmp_path_factory.mktemp("pgplan"), url=pg_url)
    apply(archive, records)
    with archive.writing() as session:
        search.update_index(session, [r.id for r in records], [])
    with archive.writing() as session:
        session.execute(text("ANALYZE search_doc"))
    pgplan.forget()
    try:
        yield archive
    finally:
        archive.close()
        pgplan.forget()


def _form(archive: Archive, tsq: str) -> str:
    with archive.reading() as session:
        db = session.connection().connection.driver_connection
        return pgplan.ordered(db, SQL, [tsq], tsq, MAIN, 20)[0]


def test_words_seldom_together_are_read_through_gin(analysed: Archive) -> None:
    assert "MATERIALIZED" in _form(analysed, "'lua' & 'ngo'")


def test_words_together_everywhere_walk_the_keys(analysed: Archive) -> None:
    form = _form(analysed, "'dan' & 'tin'")
    assert "MATERIALIZED" not in form
    assert "ts_match_vq(main_tsv, %s::tsquery)" in form


def test_a_word_outside_the_common_ones_gets_postgresqls_guess(analysed: Archive) -> None:
    with analysed.reading() as session:
        db = session.connection().connection.driver_connection
        column = pgplan.statistics(db).columns[MAIN]
    # The least common word's share, not the share of the last word in byte order.
    least = min(column.shares.values())
    assert column.rare == pytest.approx(min(pgplan.RARE_SHARE, least / 2))


def test_both_forms_find_the_newest_matches(analysed: Archive) -> None:
    with analysed.reading() as session:
        assert [h.id for h in search.search(session, "lua ngo")][:2] == ["n8", "n7"]
        assert len(search.ranked_ids(session, "dan tin", limit=50)) == 50
