"""Full-text search: folding, ranking, query syntax, filters, snippets, index upkeep."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text, update
from sqlalchemy.orm import Session

from db import search
from db.archive import Archive
from db.models import Notice
from db.records import NoticeRecord, WithdrawalRecord
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ

T0 = datetime(2023, 3, 27, 8, 0, tzinfo=VN_TZ)

# Every search test runs on SQLite and on PostgreSQL (db.search.pgquery), but
# those of FTS5's own tables.
pytestmark = pytest.mark.engines


def notice(nid: str, title: str, body: str = "", *, days: int = 0, **kw: object) -> NoticeRecord:
    kw.setdefault("category", "Tin tức")
    kw.setdefault("published", T0 + timedelta(days=days))
    return NoticeRecord(id=nid, title=title, body_markdown=body, **kw)  # type: ignore[arg-type]


def write(
    session: Session,
    notices: Sequence[NoticeRecord],
    withdrawals: Sequence[WithdrawalRecord] = (),
) -> None:
    """What the importer does: apply, then update the index in the same transaction."""
    ensure_publisher(session, "ubnd", "UBND phường")
    ids = ensure_categories(session, [n.category for n in notices])
    counts = apply_notices(session, "ubnd", notices, withdrawals, ids)
    search.update_index(session, counts.changed_ids, counts.removed_ids)


def add(archive: Archive, *notices: NoticeRecord) -> None:
    with archive.writing() as session:
        write(session, notices)


def ids(
    archive: Archive, query: str, *, limit: int = 20, offset: int = 0, **where: Any
) -> list[str]:
    """The ids `search` returns for *query*; *where* holds the `SearchFilter` fields."""
    flt = search.SearchFilter(**where)
    with archive.reading() as session:
        return [h.id for h in search.search(session, query, flt, limit=limit, offset=offset)]


# -- folding ---------------------------------------------------------------------------


def test_queries_without_diacritics_find_vietnamese_text(archive: Archive) -> None:
    add(
        archive,
        notice("a", "Hướng dẫn đăng ký kết hôn"),
        notice("b", "Lễ hội pháo hoa Đà Nẵng"),
        notice("c", "Lịch tiếp công dân"),
    )
    assert ids(archive, "dang ky") == ["a"]
    assert ids(archive, "DA NANG") == ["b"]
    assert ids(archive, "Đà Nẵng") == ["b"]
    assert ids(archive, "tiep cong") == ["c"]


@pytest.mark.sqlite_only("FTS5's own tokenizer")
def test_unicode61_alone_keeps_d_stroke_but_our_index_folds_it(archive: Archive) -> None:
    # SQLite's own diacritic removal maps "ă" to "a" but leaves "đ" as it is.
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    con.execute("INSERT INTO t VALUES ('đăng ký')")
    assert con.execute("SELECT count(*) FROM t WHERE t MATCH 'dang'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM t WHERE t MATCH 'đang'").fetchone()[0] == 1
    con.close()
    add(archive, notice("a", "Thông báo đăng ký"))
    assert ids(archive, "dang") == ["a"]
    assert ids(archive, "Đăng") == ["a"]


def test_nfd_text_and_nfd_queries_match_nfc(archive: Archive) -> None:
    add(archive, notice("nfc", "Đường Lê Lợi"), notice("nfd", "placeholder"))
    nfd_title = unicodedata.normalize("NFD", "Phường Hòa Cường Bắc")
    with archive.writing() as session:
        # Store NFD text behind the importer's back, as an older tool might have.
        session.execute(text("UPDATE notice SET title = :t WHERE id = 'nfd'"), {"t": nfd_title})
        search.update_index(session, ["nfd"], [])
    assert ids(archive, "Phường Hòa") == ["nfd"]  # an NFC query finds NFD text
    assert ids(archive, unicodedata.normalize("NFD", "Đường Lê")) == ["nfc"]
    assert ids(archive, "hoa cuong") == ["nfd"]


# -- ranking -----------------------------------------------------------------------------


def test_exact_diacritics_rank_above_folded_matches(archive: Archive) -> None:
    # The folded-only match is newer, so only the exact-match tier can put it second.
    add(
        archive,
        notice("duong-road", "Sửa chữa đường giao thông", days=0),
        notice("duong-positive", "Kết quả xét nghiệm dương tính", days=5),
    )
    assert ids(archive, "đường") == ["duong-road", "duong-positive"]
    assert ids(archive, "dương") == ["duong-positive", "duong-road"]
    # Without diacritics there is nothing to prefer: the newest comes first.
    assert ids(archive, "duong") == ["duong-positive", "duong-road"]


def test_title_matches_rank_above_body_matches(archive: Archive) -> None:
    add(
        archive,
        notice("in-title", "Tiêm chủng vắc xin sởi", "Nội dung chung.", days=0),
        notice("in-body", "Thông báo của phường", "Lịch tiêm chủng vắc xin sởi.", days=9),
    )
    assert ids(archive, "tiem chung") == ["in-title", "in-body"]


def test_recency_breaks_ties(archive: Archive) -> None:
    add(
        archive,
        notice("old", "Kế hoạch phòng chống lụt bão", days=0),
        notice("new", "Kế hoạch phòng chống lụt bão năm nay", days=30),
        notice("mid", "Kế hoạch phòng chống lụt bão bổ sung", days=10),
    )
    assert ids(archive, "lut bao") == ["new", "mid", "old"]
    with archive.reading() as session:
        scores = [h.score for h in search.search(session, "lut bao")]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == 3


def test_insertion_order_does_not_decide_recency(archive: Archive) -> None:
    add(archive, notice("later", "Chuyển đổi số", days=100))
    add(archive, notice("earlier", "Chuyển đổi số", days=1))
    add(archive, notice("latest", "Chuyển đổi số", days=200))
    assert ids(archive, "chuyen doi so") == ["latest", "later", "earlier"]


def test_limit_and_offset_page_through_the_ranking(archive: Archive) -> None:
    add(archive, *(notice(f"n{i}", f"Tin số {i} về hộ tịch", days=i) for i in range(7)))
    every = ids(archive, "ho tich", limit=50)
    assert every == [f"n{i}" for i in reversed(range(7))]
    assert ids(archive, "ho tich", limit=3) == every[:3]
    assert ids(archive, "ho tich", limit=3, offset=3) == every[3:6]
    assert ids(archive, "ho tich", limit=3, offset=6) == every[6:]
    assert ids(archive, "ho tich", limit=3, offset=9) == []
    with archive.reading() as session:
        assert search.count_matches(session, "ho tich") == 7
        assert search.count_matches(session, "ho tich", cap=5) == 5
        assert search.count_matches(session, "   ") == 0


# -- query syntax --------------------------------------------------------------------------


def test_the_word_being_typed_is_a_prefix(archive: Archive) -> None:
    add(archive, notice("a", "Tuyên truyền bình đẳng giới"), notice("b", "Bình Dương"))
    assert ids(archive, "binh da") == ["a"]
    assert ids(archive, "binh d") == ["b", "a"]
    assert ids(archive, "tuy") == ["a"]
    assert ids(archive, "tuyen truyen binh dang gioi") == ["a"]


def test_finished_words_match_whole_words(archive: Archive) -> None:
    add(
        archive,
        notice("a", "Kế hoạch phòng chống thiên tai"),
        notice("b", "Kết quả hoạch định ngân sách"),
    )
    # "ke" is finished (a word follows it): "kết" does not match it.
    assert ids(archive, "ke hoach") == ["a"]
    # The word being typed may still be a prefix.
    assert set(ids(archive, "ke")) == {"a", "b"}
    # A trailing space finishes the last word too.
    assert ids(archive, "ke ") == ["a"]


def test_prefixes_of_four_letters_and_more_match(archive: Archive) -> None:
    add(
        archive,
        notice("a", "Thông báo tuyển dụng"),
        notice("b", "Tuyên truyền"),
        notice("c", "Tuyệt vời", days=1),
    )
    assert ids(archive, "tuyen") == ["b", "a"]
    assert ids(archive, "tuye") == ["c", "b", "a"]
    assert ids(archive, "tuyển") == ["a", "b"]


def test_quoted_words_are_a_phrase(archive: Archive) -> None:
    add(
        archive,
        notice("phrase", "Bình đẳng giới trong gia đình"),
        notice("apart", "Bình chọn gia đình văn hóa, đẳng cấp", days=1),
    )
    # Unquoted, both are found; the words side by side rank first.
    assert ids(archive, "binh dang") == ["phrase", "apart"]
    assert ids(archive, '"binh dang"') == ["phrase"]
    assert ids(archive, "“bình đẳng”") == ["phrase"]
    # A quote still open is a phrase whose last word is being typed.
    assert ids(archive, '"binh da') == ["phrase"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"""',
        'binh "dang',
        "*",
        "binh*",
        "-binh",
        "title:binh",
        ":",
        "NEAR(",
        "NEAR(binh dang)",
        "binh OR dang",
        "AND",
        "NOT binh",
        "'",
        "%",
        "\\",
        "^binh",
        "{title}: binh",
        "(binh",
        "binh)",
        "\x00",
        "😀 binh",
    ],
)
def test_syntax_characters_are_text_never_errors(archive: Archive, query: str) -> None:
    add(archive, notice("a", "Bình đẳng giới"))
    with archive.reading() as session:
        hits = search.search(session, query)
        search.count_matches(session, query)
    assert all(h.id == "a" for h in hits)


def test_operators_are_plain_words(archive: Archive) -> None:
    add(
        archive,
        notice("a", "Bình đẳng giới"),
        notice("b", "Dân số"),
        notice("or", "Lễ hội OR phố cổ"),
    )
    # Not an OR of two words, and "or" is a word like any other: only a title
    # with all words but one ("binh dan…") comes, not one of the two alone.
    assert ids(archive, "binh OR dan") == ["a"]
    assert ids(archive, "le OR") == ["or"]
    assert ids(archive, "NOT dan") == []


@pytest.mark.parametrize("query", ["", " ", "\t\n", "   ", '""', "* - :", "“ ”"])
def test_empty_queries_return_nothing(archive: Archive, query: str) -> None:
    add(archive, notice("a", "Bình đẳng giới"))
    assert ids(archive, query) == []


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.text(max_size=60)
    | st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                "-",
                ":",
                "NEAR(",
                "OR",
                "AND",
                "NOT",
                "'",
                "%",
                "\\",
                "(",
                ")",
                "^",
                "đ",
                "binh",
                " ",
                "{",
                "}",
                "+",
            ]
        )
    ).map("".join)
)
def test_search_never_raises(archive: Archive, query: str) -> None:
    with archive.writing() as session:
        if search.count_matches(session, "binh") == 0:
            write(session, [notice("a", "Bình đẳng giới", "Nội dung **bình thường**")])
    with archive.reading() as session:
        hits = search.search(session, query, limit=5)
        assert search.count_matches(session, query) >= len(hits)
        search.highlight_terms(query)
    for hit in hits:
        for s, e in hit.spans:
            assert 0 <= s < e <= len(hit.snippet)


# -- filters -----------------------------------------------------------------------------


def test_category_filter_includes_subcategories(archive: Archive) -> None:
    add(
        archive,
        notice("top", "Thông báo chung", category="Tin tức"),
        notice("sub", "Thông báo riêng", category="Tin tức/Địa phương"),
        notice("subsub", "Thông báo nhỏ", category="Tin tức/Địa phương/Khu phố 1"),
        notice("sibling", "Thông báo khác", category="Tin tức 2"),
        notice("other", "Thông báo văn bản", category="Văn bản"),
    )
    assert set(ids(archive, "thong bao", category="Tin tức")) == {"top", "sub", "subsub"}
    assert set(ids(archive, "thong bao", category="Tin tức/Địa phương")) == {"sub", "subsub"}
    assert ids(archive, "thong bao", category="Văn bản") == ["other"]
    assert ids(archive, "thong bao", category="Không có") == []


def test_date_filter_is_inclusive_in_vietnam_time(archive: Archive) -> None:
    day = date(2023, 5, 10)
    add(
        archive,
        # 00:30 on the 10th in +07:00 is still the 9th in UTC.
        notice("first", "Họp dân", published=datetime(2023, 5, 10, 0, 30, tzinfo=VN_TZ)),
        notice("last", "Họp dân", published=datetime(2023, 5, 12, 23, 59, tzinfo=VN_TZ)),
        notice("before", "Họp dân", published=datetime(2023, 5, 9, 23, 59, tzinfo=VN_TZ)),
        notice("after", "Họp dân", published=datetime(2023, 5, 13, 0, 0, tzinfo=VN_TZ)),
    )
    assert ids(archive, "hop dan", date_from=day, date_to=date(2023, 5, 12)) == ["last", "first"]
    assert ids(archive, "hop dan", date_from=day, date_to=day) == ["first"]
    assert ids(archive, "hop dan", date_from=date(2023, 5, 13)) == ["after"]
    assert ids(archive, "hop dan", date_to=date(2023, 5, 9)) == ["before"]
    assert ids(archive, "hop dan", date_from=date(2023, 5, 13), date_to=day) == []


def test_doc_type_and_issuer_filters(archive: Archive) -> None:
    add(
        archive,
        notice("qd", "Về việc thu phí", doc_type="Quyết định", issuer="UBND phường"),
        notice("kh", "Về việc thu phí", doc_type="Kế hoạch", issuer="UBND phường"),
        notice("qd2", "Về việc thu phí", doc_type="Quyết định", issuer="UBND quận"),
    )
    assert set(ids(archive, "thu phi", doc_type="Quyết định")) == {"qd", "qd2"}
    assert set(ids(archive, "thu phi", doc_type="quyet dinh")) == {"qd", "qd2"}
    assert ids(archive, "thu phi", doc_type="Quyết định", issuer="UBND quận") == ["qd2"]
    assert ids(archive, "thu phi", issuer="Công an") == []


def test_one_filter_value_limits_search_ranking_and_counting_alike(archive: Archive) -> None:
    add(
        archive,
        notice("old", "Về việc thu phí", days=0, doc_type="Quyết định", category="Văn bản"),
        notice("mid", "Về việc thu phí", days=5, doc_type="Quyết định", category="Văn bản"),
        notice("new", "Về việc thu phí", days=9, doc_type="Kế hoạch", category="Văn bản"),
        notice("elsewhere", "Về việc thu phí", days=5, doc_type="Quyết định"),
    )
    where = search.SearchFilter(
        category="Văn bản", date_from=(T0 + timedelta(days=1)).date(), doc_type="quyết định"
    )
    with archive.reading() as session:
        assert [h.id for h in search.search(session, "thu phi", where)] == ["mid"]
        assert search.ranked_ids(session, "thu phi", where) == ["mid"]
        assert search.count_matches(session, "thu phi", where) == 1
        # The default filter lets every notice through.
        assert search.count_matches(session, "thu phi") == 4
        assert search.count_matches(session, "thu phi", search.SearchFilter()) == 4
    with pytest.raises(AttributeError):
        where.category = "Tin tức"  # type: ignore[misc]


# -- results ---------------------------------------------------------------------------------


def test_snippet_keeps_original_diacritics_and_marks_matches(archive: Archive) -> None:
    body = (
        "# Thông báo\n\nTheo đề nghị của công dân, **Ủy ban** nhân dân phường tổ chức "
        "[đăng ký](https://dichvucong.gov.vn/dang-ky) kết hôn tại bộ phận một cửa."
    )
    add(archive, notice("a", "Lịch làm việc", body, summary="Từ thứ hai đến thứ sáu."))
    with archive.reading() as session:
        (hit,) = search.search(session, "dang ky ket hon")
    words = [hit.snippet[s:e] for s, e in hit.spans]
    assert words == ["đăng", "ký", "kết", "hôn"]
    assert "**" not in hit.snippet and "https" not in hit.snippet and "#" not in hit.snippet
    assert hit.title == "Lịch làm việc"
    assert hit.category == "Tin tức"
    assert hit.published == T0 and hit.published.utcoffset() == timedelta(hours=7)
    assert "<b>đăng</b> <b>ký</b> <b>kết</b> <b>hôn</b>" in hit.snippet_html()


def test_snippet_of_a_long_body_is_a_window_around_the_matches(archive: Archive) -> None:
    filler = " ".join(["nội dung chung"] * 200)
    body = f"{filler} Lịch tiêm chủng vắc xin sởi cho trẻ em. {filler}"
    add(archive, notice("a", "Thông báo", body))
    with archive.reading() as session:
        (hit,) = search.search(session, "vac xin")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= search.SNIPPET_CHARS + 2
    assert [hit.snippet[s:e] for s, e in hit.spans] == ["vắc", "xin"]


def test_snippet_of_nfd_text_highlights_whole_letters(archive: Archive) -> None:
    add(archive, notice("a", "Tin", "placeholder"))
    with archive.writing() as session:
        nfd = unicodedata.normalize("NFD", "Công dân đến Ủy ban để đăng ký.")
        # Stored as the archive stores a body (compressed on SQLite, db.types).
        session.execute(update(Notice).where(Notice.id == "a").values(body_markdown=nfd))
        search.update_index(session, ["a"], [])
    with archive.reading() as session:
        (hit,) = search.search(session, "dang ky")
    assert [unicodedata.normalize("NFC", hit.snippet[s:e]) for s, e in hit.spans] == [
        "đăng",
        "ký",
    ]


def test_snippet_prefers_the_words_as_typed(archive: Archive) -> None:
    filler = " ".join(["việc chung"] * 60)
    body = f"Chữ dương ở đầu. {filler} Sửa đường ở cuối."
    add(archive, notice("a", "Tin", body))
    with archive.reading() as session:
        (hit,) = search.search(session, "đường")
    assert [hit.snippet[s:e] for s, e in hit.spans] == ["đường"]


def test_render_html_escapes_and_bolds() -> None:
    snippet = "a <script>đăng</script> & ký"
    spans = search.match_spans(snippet, search.highlight_terms("dang ky"))
    assert search.render_html(snippet, spans) == (
        "a &lt;script&gt;<b>đăng</b>&lt;/script&gt; &amp; <b>ký</b>"
    )


def test_highlight_terms_are_folded_words_longest_first() -> None:
    # Whole words; the word being typed is a prefix, marked with "*".
    assert search.highlight_terms('Đăng "ký kết" hôn*') == ["dang", "hon*", "ket", "ky"]
    assert search.highlight_terms("dang ky ") == ["dang", "ky"]
    assert search.highlight_terms("  ") == []
    spans = search.match_spans("Đăng ký kết hôn, ĐĂNG KÝ", ["dang"])
    assert spans == [(0, 4), (17, 21)]


# -- index maintenance -------------------------------------------------------------------


def test_withdrawn_notices_leave_the_index(archive: Archive) -> None:
    add(archive, notice("a", "Thu hồi giấy phép"), notice("b", "Giấy phép xây dựng"))
    assert set(ids(archive, "giay phep")) == {"a", "b"}
    with archive.writing() as session:
        write(session, [], [WithdrawalRecord("a", T0 + timedelta(days=1))])
    assert ids(archive, "giay phep") == ["b"]
    # A new version that is itself withdrawn leaves too.
    with archive.writing() as session:
        write(session, [notice("b", "Giấy phép xây dựng", days=2, withdrawn=True)])
    assert ids(archive, "giay phep") == []


def test_withdrawal_before_notice_is_never_indexed(archive: Archive) -> None:
    with archive.writing() as session:
        write(session, [notice("x", "Khác")], [WithdrawalRecord("ghost", T0)])
        search.update_index(session, ["ghost"], [])  # even if asked to
    with archive.reading() as session:
        # Each engine's table of indexed notices (db.search.schema, db.search.pgschema).
        table = "search_doc" if archive.on_server else "search_key"
        count = session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
    assert count == 1


def test_updated_notice_is_found_by_its_new_words_only(archive: Archive) -> None:
    add(archive, notice("a", "Lịch cắt điện tuần này"))
    with archive.writing() as session:
        write(session, [notice("a", "Lịch cấp nước tuần này", updated=T0 + timedelta(days=1))])
    assert ids(archive, "cat dien") == []
    assert ids(archive, "cap nuoc") == ["a"]


def test_index_changes_roll_back_with_the_import(archive: Archive) -> None:
    add(archive, notice("a", "Phòng cháy chữa cháy"))
    with pytest.raises(RuntimeError), archive.writing() as session:
        write(session, [notice("b", "Phòng cháy rừng")], [WithdrawalRecord("a", T0 + timedelta(1))])
        raise RuntimeError("import failed half way")
    assert ids(archive, "phong chay") == ["a"]


def test_rebuild_index_matches_incremental_updates(archive: Archive) -> None:
    add(archive, notice("a", "Đăng ký khai sinh", days=1), notice("b", "Khai tử"))
    add(archive, notice("c", "Khai sinh muộn", days=2))
    before = ids(archive, "khai")
    with archive.writing() as session:
        assert search.rebuild_index(session) == 3
    assert ids(archive, "khai") == before == ["c", "a", "b"]
    assert ids(archive, "khai sinh") == ["c", "a"]


# -- index upkeep ------------------------------------------------------------------------------


def _segments(archive: Archive) -> dict[str, int]:
    with archive.reading() as session:
        return {
            table: int(
                session.execute(text(f"SELECT count(DISTINCT segid) FROM {table}_idx")).scalar()
                or 0
            )
            for table in search.FTS_TABLES
        }


@pytest.mark.sqlite_only("FTS5's segments")
def test_each_import_leaves_the_index_in_one_segment_per_table(archive: Archive) -> None:
    for i in range(6):
        add(archive, notice(f"n{i}", f"Thông báo số {i}", "Nội dung", number=f"{i}/TB-UBND"))
    assert _segments(archive) == {table: 1 for table in search.FTS_TABLES}
    assert ids(archive, "thong bao")[:2] == ["n5", "n4"]


@pytest.mark.sqlite_only("FTS5's segments")
def test_small_imports_into_a_large_index_merge_a_bounded_share(archive: Archive) -> None:
    add(archive, *[notice(f"n{i}", f"Tin {i}", "Nội dung", days=i) for i in range(40)])
    for i in range(3):
        add(archive, notice(f"late{i}", f"Tin muộn {i}", "Nội dung", days=100 + i))
    # A bounded merge keeps them few (each import adds one without it).
    assert max(_segments(archive).values()) <= 2
    assert ids(archive, "tin muon") == ["late2", "late1", "late0"]


@pytest.mark.sqlite_only("the FTS5 index's rowids")
def test_rowids_run_newest_first_so_the_index_reads_forwards(archive: Archive) -> None:
    add(archive, notice("old", "Họp dân", days=0), notice("new", "Họp dân", days=5))
    with archive.reading() as session:
        order = (
            session.execute(text("SELECT notice_id FROM search_key ORDER BY rowid")).scalars().all()
        )
    assert order == ["new", "old"]


def test_ranked_ids_gives_the_order_of_search_without_snippets(archive: Archive) -> None:
    add(
        archive,
        notice("t1", "Kế hoạch phòng chống dịch", "Nội dung", days=1, number="54/KH-UBND"),
        notice("t2", "Thông báo lịch họp", "Thực hiện kế hoạch phòng chống dịch", days=3),
        notice("t3", "Kế hoạch năm 2023", "Phòng chống thiên tai", days=2, category="Văn bản"),
        notice("t4", "Tin khác", "Không liên quan", days=4),
    )
    every = search.SearchFilter()
    cases: list[tuple[str, search.SearchFilter, dict[str, int]]] = [
        ("ke hoach", every, {}),
        ("kế hoạch phòng", every, {}),
        ("54/KH-UBND", every, {}),
        ("phong chong", search.SearchFilter(category="Văn bản"), {}),
        ("ke hoach", search.SearchFilter(date_from=(T0 + timedelta(days=2)).date()), {}),
        ("ke hoach", every, {"limit": 1, "offset": 1}),
        ("khong co gi", every, {}),
    ]
    with archive.reading() as session:
        for query, where, page in cases:
            hits = [h.id for h in search.search(session, query, where, **page)]
            assert search.ranked_ids(session, query, where, **page) == hits, (query, where)
        # Titles first, newest first; then the notice that has it in its body.
        assert search.ranked_ids(session, "ke hoach") == ["t3", "t1", "t2"]


def test_notices_of_any_century_get_their_own_place_in_the_index(archive: Archive) -> None:
    def at(nid: str, *when: int) -> NoticeRecord:
        return notice(nid, "Sắc lệnh", published=datetime(*when, tzinfo=VN_TZ))  # type: ignore[misc]

    add(
        archive,
        at("1945", 1945, 9, 2, 9),
        at("1960", 1960, 1, 1, 8),
        at("1969", 1969, 12, 31, 23, 59, 59),
        at("1970", 1970, 1, 1, 7),  # second 0 in UTC
        at("2600", 2600, 1, 1, 8),
    )
    assert ids(archive, "sac lenh") == ["2600", "1970", "1969", "1960", "1945"]
    assert ids(archive, "sac lenh", date_to=date(1965, 12, 31)) == ["1960", "1945"]
    assert ids(archive, "sac lenh", date_from=date(1950, 1, 1), date_to=date(1969, 12, 31)) == [
        "1969",
        "1960",
    ]
    assert ids(archive, "sac lenh", date_from=date(2000, 1, 1)) == ["2600"]
    assert ids(archive, "sac lenh", date_to=date.max) == ids(archive, "sac lenh")
    with archive.writing() as session:
        assert search.rebuild_index(session) == 5
    assert ids(archive, "sac lenh") == ["2600", "1970", "1969", "1960", "1945"]


def test_in_date_order_a_score_is_the_publication_time_on_either_engine(archive: Archive) -> None:
    """Newest first, and a date alone, score each notice by its publication
    time as a fraction of years 1 to 9999, as the CLI prints it."""
    add(archive, notice("a", "Họp dân", days=0), notice("b", "Họp dân phố", days=3))
    span = 253_402_300_799 + 62_135_596_800 + 1

    def fraction(days: int) -> float:
        return (int((T0 + timedelta(days=days)).timestamp()) + 62_135_596_800) / span

    with archive.reading() as session:
        newest = search.search(session, "hop dan", search.SearchFilter(sort=search.Sort.NEWEST))
        dated = search.search(session, "tháng 3/2023")
    assert [(h.id, h.score) for h in newest] == [("b", fraction(3)), ("a", fraction(0))]
    assert [(h.id, h.score) for h in dated] == [("b", fraction(3)), ("a", fraction(0))]
