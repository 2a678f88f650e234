"""Search relevance: references in natural order, abbreviations, scoring, prefixes, typos, dates."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from db import search
from db.archive import Archive
from db.records import NoticeDetail, NoticeRecord
from db.search import abbreviations, intent, ranking, scoring, typos
from db.search.query import parse
from db.store import apply_notices, ensure_categories, ensure_publisher
from db.types import VN_TZ
from desktop.render.article import article_html

T0 = datetime(2023, 3, 10, 8, 0, tzinfo=VN_TZ)


def notice(nid: str, title: str, body: str = "", *, days: int = 0, **kw: Any) -> NoticeRecord:
    kw.setdefault("category", "Văn bản")
    kw.setdefault("published", T0 + timedelta(days=days))
    return NoticeRecord(id=nid, title=title, body_markdown=body, **kw)


# Every test on SQLite and on PostgreSQL (the `archive` fixture, tests/helpers).
pytestmark = pytest.mark.engines


def add(archive: Archive, *notices: NoticeRecord) -> None:
    with archive.writing() as session:
        ensure_publisher(session, "ubnd", "UBND phường")
        cats = ensure_categories(session, [n.category for n in notices])
        counts = apply_notices(session, "ubnd", notices, [], cats)
        search.update_index(session, counts.changed_ids, counts.removed_ids)


def ids(archive: Archive, query: str, **where: Any) -> list[str]:
    with archive.reading() as session:
        return [h.id for h in search.search(session, query, search.SearchFilter(**where))]


# -- references in natural order -----------------------------------------------------------

CITED = (
    notice(
        "kh54",
        "Kế hoạch tổ chức Tết Trung thu cho thiếu nhi",
        "Nội dung kế hoạch.",
        number="54/KH-UBND",
        doc_type="Kế hoạch",
        issuer="Ủy ban nhân dân phường An Hòa",
    ),
    notice(
        "qd1234",
        "Quyết định thu phí vệ sinh",
        "Nội dung.",
        number="1234/QĐ-UBND",
        doc_type="Quyết định",
        issuer="Ủy ban nhân dân phường An Hòa",
    ),
    notice(
        "qd1234-syt",
        "Quyết định về khám sức khỏe",
        "Nội dung.",
        days=1,
        number="1234/QĐ-SYT",
        doc_type="Quyết định",
        issuer="Sở Y tế",
    ),
    notice(
        "cv312",
        "Về việc tiêm phòng cho gia cầm",
        "Đề nghị các xã.",
        number="312/UBND-VP",
        doc_type="Công văn",
    ),
    # Newer notices that cite them by number, to rank below them.
    notice(
        "cites",
        "Triển khai kế hoạch Tết Trung thu",
        "Căn cứ Kế hoạch số 54/KH-UBND; thực hiện Quyết định số 1234/QĐ-UBND và "
        "Công văn số 312/UBND-VP, số 54 năm nay.",
        days=20,
    ),
    notice(
        "kh540",
        "Kế hoạch khác",
        "Kế hoạch năm nay có 54 mục.",
        days=10,
        number="540/KH-UBND",
        doc_type="Kế hoạch",
    ),
    notice(
        "tb54",
        "Thông báo số 54",
        "Về kế hoạch.",
        days=5,
        number="54/TB-UBND",
        doc_type="Thông báo",
    ),
)


@pytest.mark.parametrize(
    ("query", "meant"),
    [
        ("ke hoach 54", "kh54"),
        ("kế hoạch số 54", "kh54"),
        ("kh 54", "kh54"),
        ("KH54", "kh54"),
        ("54/KH", "kh54"),
        ("quyet dinh 1234", "qd1234-syt"),  # both are; the newer first
        ("qđ 1234 ubnd", "qd1234"),
        ("cong van 312", "cv312"),
        ("cv 312", "cv312"),
        ("thong bao 54", "tb54"),
    ],
)
def test_a_type_next_to_a_number_means_that_document(
    archive: Archive, query: str, meant: str
) -> None:
    add(archive, *CITED)
    found = ids(archive, query)
    assert found[0] == meant
    # Every notice that only cites it comes after it.
    if "cites" in found:
        assert found.index("cites") > found.index(meant)


def test_so_and_a_number_mean_a_document_of_any_type(archive: Archive) -> None:
    add(archive, *CITED)
    found = ids(archive, "so 54")
    assert set(found[:2]) == {"kh54", "tb54"}
    assert found.index("cites") > 1


def test_the_issuer_typed_decides_between_two_documents_of_one_number(archive: Archive) -> None:
    add(archive, *CITED)
    assert ids(archive, "qđ 1234 ubnd")[:2] == ["qd1234", "qd1234-syt"]
    assert ids(archive, "qd 1234 syt")[0] == "qd1234-syt"


def test_another_type_with_the_same_number_is_not_the_document(archive: Archive) -> None:
    add(archive, *CITED)
    assert ids(archive, "quyet dinh 54")[:1] != ["kh54"]
    assert ids(archive, "ke hoach 54")[1:].count("tb54") <= 1
    assert ids(archive, "ke hoach 54").index("kh54") < ids(archive, "ke hoach 54").index("cites")


def test_reference_levels() -> None:
    ref = intent.reference(parse("qđ 1234 ubnd"))
    assert ref == intent.Reference("1234", ("quyet dinh",), ("qd",), ("ubnd",))
    assert ref.level("1234/qd-ubnd 1234qdubnd", None, None, "") == 2
    assert ref.level("1234/qd-syt 1234qdsyt", "quyet dinh", "so y te", "") == 1
    assert ref.level("1234/kh-ubnd 1234khubnd", "ke hoach", None, "") == 0
    assert ref.level("12345/qd-ubnd 12345qdubnd", None, None, "") == 0
    # A number typed with a leading zero is the same number.
    assert intent.Reference("05").level("5/tb 5tb", None, None, "") == 2
    # Words that are not a reference.
    assert intent.reference(parse("ke hoach phong chong")) is None
    assert intent.reference(parse("tiem chung 2 mui")) is None


# -- abbreviations ------------------------------------------------------------------------------


def test_the_decree_30_abbreviations_are_known_both_ways() -> None:
    for code in (
        "NQ QĐ CT QC QyĐ TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ GUQ GM GGT GNP PG PC PB TT CV"
    ).split():
        folded = "".join(c for c in search.fold_text(code.casefold()) if c.isalnum())
        assert folded in abbreviations.DOC_TYPES, code
    assert abbreviations.DOC_TYPES["kh"] == ("ke hoach",)
    assert abbreviations.TYPE_NAMES["quyet dinh"] == ("qd",)
    assert set(abbreviations.DOC_TYPES["hd"]) == {"huong dan", "hop dong"}
    assert abbreviations.ISSUERS["ubnd"] == "uy ban nhan dan"
    assert abbreviations.ISSUERS["hdnd"] == "hoi dong nhan dan"
    assert abbreviations.ISSUERS["sgddt"] == "so giao duc va dao tao"
    assert abbreviations.ISSUERS["stnmt"] == "so tai nguyen va moi truong"
    # "da" is also a word (đã, đá): alone it stays one.
    assert abbreviations.expansions("da") == ()
    assert abbreviations.expansions("kh") == ("ke hoach",)


def test_abbreviations_find_the_words_and_the_words_find_abbreviations(archive: Archive) -> None:
    add(
        archive,
        notice("plan", "Kế hoạch tổ chức Tết Trung thu"),
        notice("sgd", "Hướng dẫn tuyển sinh lớp 10", issuer="Sở Giáo dục và Đào tạo", days=1),
        notice("short", "Lịch họp của UBND phường", days=2),
        notice("long", "Lịch họp của Ủy ban nhân dân phường", days=3),
        notice("hd", "Số liệu", "Báo cáo của HĐND tỉnh.", days=4),
    )
    assert ids(archive, "kh tet trung thu") == ["plan"]
    assert ids(archive, "sgddt tuyen sinh") == ["sgd"]
    assert set(ids(archive, "ubnd lich hop")) == {"short", "long"}
    assert set(ids(archive, "uy ban nhan dan lich hop")) == {"short", "long"}
    assert ids(archive, "hoi dong nhan dan so lieu") == ["hd"]


# -- relevance inside a tier --------------------------------------------------------------------


def test_title_before_summary_before_body_whatever_their_age(archive: Archive) -> None:
    add(
        archive,
        notice("title", "Tiêm chủng vắc xin sởi", "Nội dung chung.", days=0),
        notice("summary", "Thông báo", "Nội dung.", summary="Lịch tiêm chủng vắc xin sởi.", days=5),
        notice("body", "Tin phường", "Lịch tiêm chủng vắc xin sởi cho trẻ.", days=9),
    )
    assert ids(archive, "tiem chung vac xin") == ["title", "summary", "body"]


def test_words_side_by_side_rank_above_words_apart(archive: Archive) -> None:
    add(
        archive,
        notice("together", "Tin phường", "Tổ chức phòng cháy chữa cháy ở khu dân cư.", days=0),
        notice("apart", "Tin phường", "Phòng họp. Cháy nhà. Chữa xe. Cháy rừng.", days=9),
    )
    assert ids(archive, "phong chay chua chay") == ["together", "apart"]


def test_the_issuer_and_type_count_with_the_title(archive: Archive) -> None:
    # A notice of Sở Y tế about vaccination ranks above a newer one that
    # only speaks of Sở Y tế in its body.
    add(
        archive,
        notice("issued", "Kế hoạch tiêm chủng mở rộng", "Nội dung.", issuer="Sở Y tế"),
        notice("mentions", "Tiêm chủng mở rộng", "Theo Sở Y tế, tiêm chủng đạt 95%.", days=9),
    )
    assert ids(archive, "so y te tiem chung") == ["issued", "mentions"]


def test_a_title_with_all_words_but_one_comes_when_none_has_them_all(archive: Archive) -> None:
    add(
        archive,
        notice("three", "Phòng chống dịch tả lợn châu Phi"),
        notice("other", "Tin chăn nuôi", "Phòng bệnh cho lợn.", days=5),
    )
    # "ta" mistyped as "tha": no notice has every word, the title with the others comes.
    assert ids(archive, "phong chong dich tha lon chau phi") == ["three"]
    with archive.reading() as session:
        assert search.count_matches(session, "phong chong dich tha lon chau phi") == 1
    # A notice with every word stays above one that misses a word.
    add(archive, notice("all", "Tin", "Phòng chống dịch tha lợn châu Phi.", days=9))
    assert ids(archive, "phong chong dich tha lon chau phi") == ["all", "three"]


def test_sort_newest_lists_every_match_by_date(archive: Archive) -> None:
    add(archive, *CITED)
    best = ids(archive, "ke hoach 54")
    newest = ids(archive, "ke hoach 54", sort=search.Sort.NEWEST)
    assert best[0] == "kh54"
    assert newest == sorted(newest, key=lambda i: -ids_days(i))
    assert set(best) >= set(newest) and newest[0] == "cites"


def ids_days(nid: str) -> int:
    return next(n.published for n in CITED if n.id == nid).toordinal()


def test_scoring_stops_at_the_pool_however_many_match(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(
        archive,
        *(notice(f"n{i:02d}", f"Thông báo số {i}", "Thông báo chung.", days=i) for i in range(60)),
    )
    add(archive, notice("old", "Thông báo thông báo", "Thông báo.", days=-100))
    scored: list[int] = []
    original = scoring.Scorer.score

    def counting(self: scoring.Scorer, fields: scoring.Fields) -> tuple[int, float]:
        scored.append(fields.rowid)
        return original(self, fields)

    monkeypatch.setattr(scoring.Scorer, "score", counting)
    monkeypatch.setattr(ranking, "POOL", 25)
    found = ids(archive, "thong bao")
    assert len(scored) <= 25
    assert len(found) == 20
    # A page past the pool is scored from a pool that reaches it.
    scored.clear()
    with archive.reading() as session:
        page = search.search(session, "thong bao", limit=10, offset=40)
    assert len(page) == 10 and len(scored) <= 50


# -- prefixes and highlighting -----------------------------------------------------------------


def test_a_single_letter_is_no_prefix(archive: Archive) -> None:
    add(archive, notice("a", "Kế hoạch tuyên truyền"), notice("b", "Kết quả kiểm tra", days=1))
    assert ids(archive, "ke hoach k") == ids(archive, "ke hoach") == ["a"]
    assert ids(archive, "k") == []
    assert set(ids(archive, "ke")) == {"a", "b"}
    assert parse("ke hoach t").groups[-1].terms[0].folded == "hoach"


def test_highlighting_marks_whole_words_only() -> None:
    detail = NoticeDetail(
        id="a",
        title="Kế hoạch 54/KH-UBND",
        category="Văn bản",
        published=T0,
        updated=None,
        number=None,
        doc_type=None,
        issuer=None,
        issued=None,
        summary=None,
        body_markdown="Triển khai khắc phục khó khăn theo KH 54.",
        withdrawn=False,
        publisher_id=None,
        publisher_name=None,
    )
    page = article_html(detail, highlight_terms=search.highlight_terms("kh 54 "))
    assert '<span class="hl">KH</span>' in page and '<span class="hl">54</span>' in page
    assert '<span class="hl">Kế hoạch</span>' in page
    assert '<span class="hl">kh' not in page.replace("KH", "")
    assert "Triển khai khắc phục khó khăn" in page
    # The word being typed is a prefix: "hoa" marks "hoạch".
    typing = article_html(detail, highlight_terms=search.highlight_terms("ke hoa"))
    assert '<span class="hl">hoạch</span>' in typing


def test_snippets_mark_whole_words(archive: Archive) -> None:
    add(archive, notice("a", "Tin", "Triển khai khó khăn theo KH số 54.", number="54/KH-UBND"))
    with archive.reading() as session:
        (hit,) = search.search(session, "kh 54 ")
    assert [hit.snippet[s:e] for s, e in hit.spans] == ["KH", "54"]


# -- typos ------------------------------------------------------------------------------------


def test_telex_and_vni_leftovers_are_read_back() -> None:
    assert typos.telex("quyeets") == ["quyết"]
    assert typos.telex("ddinhj") == ["định"]
    assert typos.telex("hoajch") == ["hoạch"]
    assert typos.telex("nguwowif") == ["người"]
    assert typos.telex("hoaf") == ["hòa", "hoà"]
    assert typos.telex("hoach") == []  # no keys in it
    assert typos.vni("quye61t") == ["quyết"]
    assert typos.vni("d9i5nh") == ["định"]
    assert typos.vni("54") == [] and typos.vni("hoach") == []


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert typos.edit_distance("hoahc", "hoach") == 1
    assert typos.edit_distance("phng", "phong") == 1
    assert typos.edit_distance("quyet", "quyet") == 0
    assert typos.edit_distance("tiem", "thiem") == 1
    assert typos.edit_distance("abcdef", "ghijkl") == 3  # more than two: "3" for "too far"


def suggest(archive: Archive, query: str) -> str | None:
    with archive.reading() as session:
        return search.suggest(session, query)


def test_suggestions_come_from_the_archives_own_words(archive: Archive) -> None:
    add(
        archive,
        notice("a", "Kế hoạch phòng chống thiên tai", "Quyết định của Ủy ban."),
        notice("b", "Kế hoạch tiêm chủng", "Theo quyết định số 5.", days=1),
        notice("c", "Hoạt động khuyến học", days=2),
    )
    assert suggest(archive, "ke hoahc") == "ke hoach"
    assert suggest(archive, "quyeets ddinhj") == "quyết định"
    assert suggest(archive, "quye61t") == "quyết"
    assert suggest(archive, "tiem chng") == "tiem chung"
    # A query that finds enough, or whose words the archive does not know
    # anywhere near, gets none.
    assert suggest(archive, "ke hoach") is None
    assert suggest(archive, "xyzw") is None
    # A word being typed that words start with is not a typo.
    assert suggest(archive, "ke hoa") is None


def test_the_best_spelling_is_the_one_written_next_to_its_neighbours(archive: Archive) -> None:
    add(
        archive,
        notice("a", "Triển khai công tác", "Triển khai kế hoạch."),
        notice("b", "Tin", "Đại hội, dài hạn, triển lãm, đại diện.", days=1),
    )
    assert suggest(archive, "trien kai") == "trien khai"


# -- dates --------------------------------------------------------------------------------------


def dated(nid: str, title: str, year: int, month: int, day: int = 15) -> NoticeRecord:
    return notice(nid, title, "Nội dung.", published=datetime(year, month, day, 9, tzinfo=VN_TZ))


def test_dates_in_queries_filter_by_publication(archive: Archive) -> None:
    add(
        archive,
        dated("mar23", "Họp dân khu phố", 2023, 3),
        dated("apr23", "Họp dân khu phố", 2023, 4),
        dated("mar22", "Họp dân khu phố", 2022, 3),
        dated("plan", "Kế hoạch công tác", 2023, 3, 2),
    )
    assert ids(archive, "hop dan thang 3 2023") == ["mar23"]
    assert ids(archive, "hop dan tháng 3 năm 2023") == ["mar23"]
    assert ids(archive, "hop dan 03/2023") == ["mar23"]
    assert ids(archive, "hop dan nam 2023") == ["apr23", "mar23"]
    assert ids(archive, "hop dan ngay 15/3/2022") == ["mar22"]
    # A date alone lists that month's notices, newest first.
    assert ids(archive, "thang 3 2023") == ["mar23", "plan"]
    with archive.reading() as session:
        assert search.count_matches(session, "thang 3 2023") == 2
        assert search.count_matches(session, "hop dan nam 2023") == 2
    # Not a date: month 13.
    assert ids(archive, "hop dan thang 13 2023") == []


def test_dates_that_are_in_a_title_are_text(archive: Archive) -> None:
    add(
        archive,
        dated("plan", "Kế hoạch phòng chống lụt bão năm 2023", 2022, 12, 20),
        dated("other", "Kế hoạch phòng chống lụt bão", 2023, 5),
    )
    # The plan for 2023 was published in 2022: its title says it, so it is found.
    assert ids(archive, "ke hoach phong chong lut bao nam 2023")[0] == "plan"


def test_date_phrases_are_read() -> None:
    span = intent.date_phrase("Tháng 3 năm 2023 họp dân")
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat()) == ("2023-03-01", "2023-03-31")
    assert span.rest.split() == ["họp", "dân"]
    feb = intent.date_phrase("02/2024")
    assert feb is not None and feb.end.day == 29
    year = intent.date_phrase("nam 2021")
    assert year is not None and (year.start.month, year.end.month) == (1, 12)
    assert intent.date_phrase("54/2023") is None
    assert intent.date_phrase("thang 13 2023") is None


def test_a_score_reads_the_first_body_chars_of_a_body_in_characters(archive: Archive) -> None:
    # Words past the first BODY_CHARS characters of a body do not count in
    # its score: "late" holds them in its body only, past them, so it is in
    # the tier of notices that lack a word. "wide" holds them before, in a
    # body of more bytes than BODY_CHARS (Cyrillic is two bytes a letter)
    # but fewer characters, and is read as far as "early".
    late = "loi " * (scoring.BODY_CHARS // 4 + 10) + "tram huong"
    wide = "привет " * (scoring.BODY_CHARS // 10) + "tram huong"
    assert len(wide) < scoring.BODY_CHARS < len(wide.encode())
    add(
        archive,
        notice("late", "Thông báo", late, days=2),
        notice("early", "Thông báo", "tram huong", days=1),
        notice("wide", "Thông báo", wide, days=0),
    )
    with archive.reading() as session:
        tiers = {h.id: round(h.score / 100) for h in search.search(session, "tram huong")}
    assert tiers == {"late": -1, "early": 0, "wide": 0}
