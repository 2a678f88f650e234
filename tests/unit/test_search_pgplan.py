"""PostgreSQL's candidate queries read GIN when the walk of the keys would read the table.

`db.search.pgplan` chooses from the column's statistics: words each common
but seldom together are read through GIN; words that are together in most
notices walk the newest keys (the walk stops at once), whatever the planner
would choose. Either way a search finds the same notices.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from db import search
from db.archive import Archive, open_archive
from db.search import pgplan
from db.search.pgquery import MAIN, TITLE
from tests.helpers.notices import apply, notice

SQL = "SELECT rank_key FROM search_main WHERE main_tsv @@ %s::tsquery"


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
        session.execute(text("ANALYZE search_main"))
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
    assert "FROM search_walk WHERE ts_match_vq(words, %s::tsquery)" in form


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


def _rows(db: Any, statement: str, values: list[Any]) -> tuple[list[int], bool]:
    """The keys *statement* gives, and whether it read GIN's matches after its sample."""
    keys = [r for (r,) in db.execute(statement, values)]
    plan = [r for (r,) in db.execute("EXPLAIN (ANALYZE, COSTS OFF) " + statement, values)]
    scans = [line for line in plan if "CTE Scan on g" in line]
    return keys, any("never executed" not in line for line in scans)


@pytest.mark.parametrize(
    ("tsq", "count", "gin"),
    [
        ("'dan' & 'tin'", 20, False),  # all match: the sample, then the walk goes on
        ("'dan' & 'tin'", 5, False),  # the sample holds them all
        ("'lua' & 'dan'", 20, True),  # one in ten: GIN reads the rest
        ("'lua' & 'ngo'", 20, True),  # none in the sample
        ("'lua' & 'ngo' & 'ca'", 20, True),  # none at all
        # A phrase: GIN reads its words' matches, and the phrase is tested
        # in the newest of them only.
        ("'dan' & ('lua' <-> 'gao')", 20, True),
        ("'dan' & ('gao' <-> 'lua')", 20, True),  # the words, never the phrase
        ("'dan' <-> 'san'", 20, False),  # in most: the walk tests the phrase
    ],
)
def test_a_sampled_walk_finds_the_newest_matches(
    analysed: Archive, monkeypatch: pytest.MonkeyPatch, tsq: str, count: int, gin: bool
) -> None:
    monkeypatch.setattr(pgplan, "SAMPLE", 10)
    with analysed.reading() as session:
        db = session.connection().connection.driver_connection
        stats = pgplan.statistics(db)
        rows = stats.rows
        core = pgplan._core(stats.columns[MAIN], tsq, rows)
        plain = [r for (r,) in db.execute(SQL + " ORDER BY rank_key LIMIT %s", [tsq, count])]
        statement, values = pgplan._sampled(SQL, [tsq], tsq, core, count, rows)
        assert _rows(db, statement, values) == (plain, gin)
        # Within bounds, the sample is of the rows within them.
        bounded = SQL + " AND rank_key >= %s"
        edge = plain[len(plain) // 2] if plain else 0
        statement, values = pgplan._sampled(bounded, [tsq, edge], tsq, core, count, rows)
        expected = [
            r for (r,) in db.execute(bounded + " ORDER BY rank_key LIMIT %s", [tsq, edge, count])
        ]
        assert _rows(db, statement, values)[0] == expected


def test_a_walk_longer_than_the_sample_is_sampled(
    analysed: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "sample_found" not in _form(analysed, "'dan' & 'tin'")
    monkeypatch.setattr(pgplan, "SAMPLE", 10)
    assert "sample_found" in _form(analysed, "'dan' & 'tin'")
    with analysed.reading() as session:
        assert len(search.ranked_ids(session, "dan tin", limit=50)) == 50


@pytest.mark.parametrize(
    ("tsq", "core"),
    [
        ("'lua' & 'dan'", "'lua'"),  # "dan" is in every notice: tested, not asked of GIN
        ("'dan' & ('lua' <-> 'gao')", "('lua' & 'gao')"),
        ("'dan' & 'tin'", "'dan' & 'tin'"),  # nothing would be left
        ("'lua' | 'dan'", "'lua' | 'dan'"),  # not parts that must all match
        ("'dan' <-> 'lua'", "'dan' & 'lua'"),
        ("('lua' | 'dan') & 'ngo'", "'ngo'"),
    ],
)
def test_gin_is_asked_for_the_parts_most_notices_do_not_hold(
    analysed: Archive, tsq: str, core: str
) -> None:
    with analysed.reading() as session:
        db = session.connection().connection.driver_connection
        stats = pgplan.statistics(db)
        assert pgplan._core(stats.columns[MAIN], tsq, stats.rows) == core
        # The parts left out are tested in GIN's matches: the same newest.
        count = 20
        plain = [r for (r,) in db.execute(SQL + " ORDER BY rank_key LIMIT %s", [tsq, count])]
        statement, values = pgplan.ordered(db, SQL, [tsq], tsq, MAIN, count)
        assert [r for (r,) in db.execute(statement, values)] == plain
        if core != tsq.replace("<->", "&"):
            assert "FROM search_walk AS w" in statement


@given(
    st.dictionaries(st.text("abdđhnuy", max_size=5), st.floats(0, 1), max_size=30),
    st.text("abdđhnuy", max_size=3),
)
def test_a_prefix_gets_the_shares_of_the_common_words_it_starts(
    shares: dict[str, float], prefix: str
) -> None:
    column = pgplan._Column(shares, 0.005)
    expected = sum(s for w, s in shares.items() if w.startswith(prefix))
    assert column.starting(prefix) == pytest.approx(expected)


TITLE_SQL = "SELECT rank_key FROM search_doc WHERE title_tsv @@ %s::tsquery"


def _title(db: Any, tsq: str, count: int = 20) -> list[Any]:
    return db.execute(TITLE_SQL + " ORDER BY rank_key LIMIT %s", [tsq, count]).fetchall()


@pytest.mark.parametrize(
    ("tsq", "form"),
    [
        ("'123'", "gin"),  # in one title of 400 ("Tin 123")
        ("'123':*", "gin"),
        ("'tin' & '123'", "gin"),  # GIN reads no more than the rarest word's rows
        ("'tin'", "sampled"),  # in every title: the sample is enough
        ("'12' | 'tin'", "sampled"),
        ("'12':*", "sampled"),  # a short prefix starts words too rare to be known
    ],
)
def test_a_title_query_is_read_in_the_form_its_shares_say(
    analysed: Archive, tsq: str, form: str
) -> None:
    with analysed.reading() as session:
        db = session.connection().connection.driver_connection
        statement, values = pgplan.ordered(db, TITLE_SQL, [tsq], tsq, TITLE, 20)
        found = {
            "gin": statement.startswith("WITH m AS MATERIALIZED"),
            "sampled": "sample_found" in statement,
        }
        assert [name for name, yes in found.items() if yes] == [form]
        assert db.execute(statement, values).fetchall() == _title(db, tsq)
        assert _title(db, tsq)


@pytest.mark.parametrize("cost", [1e-6, 1e6])  # GIN for the rest, or the walk on
@pytest.mark.parametrize("tsq", ["'1':*", "'tin' & '3':*", "'39':*", "'nothing'"])
def test_a_sampled_title_query_finds_the_newest_matches(
    analysed: Archive, monkeypatch: pytest.MonkeyPatch, cost: float, tsq: str
) -> None:
    monkeypatch.setattr(pgplan, "SAMPLE", 10)
    monkeypatch.setattr(pgplan, "NARROW_GIN_COST", cost)
    with analysed.reading() as session:
        db = session.connection().connection.driver_connection
        (in_sample,) = db.execute(
            "SELECT count(*) FROM (SELECT title_tsv FROM search_doc ORDER BY rank_key LIMIT 10)"
            " AS b WHERE title_tsv @@ %s::tsquery",
            [tsq],
        ).fetchone()
        for count in (1, 5, 30, 500):
            statement, values = pgplan._narrow_sampled(TITLE, TITLE_SQL, [tsq], count, 400)
            keys, gin = _rows(db, statement, values)
            assert keys == [r for (r,) in _title(db, tsq, count)]
            # GIN reads the older matches only when the sample fell short and
            # costs less; the walk goes on otherwise.
            assert gin is (in_sample < count and cost < 1), (count, in_sample)
        # Within bounds, with a list of categories, and with an issuer's test
        # after the words.
        bounded = TITLE_SQL + " AND rank_key >= %s AND category_id = ANY(%s)"
        bounded += " AND strpos(notice_id, %s) > 0"
        edge = _title(db, "'tin'", 400)[100][0]
        (category,) = db.execute("SELECT min(category_id) FROM search_doc").fetchone()
        bound = [edge, [category, -1], "1"]
        statement, values = pgplan._narrow_sampled(TITLE, bounded, [tsq, *bound], 30, 400)
        expected = db.execute(bounded + " ORDER BY rank_key LIMIT %s", [tsq, *bound, 30])
        assert db.execute(statement, values).fetchall() == expected.fetchall()
