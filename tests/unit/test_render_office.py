"""Validity, urgency, relations and the signing block on the article page and in print."""

from __future__ import annotations

from datetime import UTC, date, datetime

from db.records import Because, NoticeDetail, RelationLink, Signer, Validity
from desktop.render.article import article_html
from desktop.render.office import banner, relation_groups
from desktop.render.printtemplate import notice_html, signing_html

PUBLISHED = datetime(2023, 3, 31, 9, 10, tzinfo=UTC)

REPLACED = NoticeDetail(
    id="kh-412-2023",
    title="Kế hoạch tuyển sinh <lớp 10>",
    category="Văn bản/Kế hoạch",
    published=PUBLISHED,
    updated=None,
    number="412/KH-SGDĐT",
    doc_type="Kế hoạch",
    issuer="Sở Giáo dục và Đào tạo",
    issued=date(2023, 3, 30),
    summary=None,
    body_markdown="Nội dung kế hoạch.",
    withdrawn=False,
    publisher_id="so-gd",
    publisher_name="Sở Giáo dục và Đào tạo",
    effective=date(2023, 3, 31),
    urgency="thuong-khan",
    signer=Signer(title="PHÓ GIÁM ĐỐC", name="Phan Thị Kim Oanh", authority="KT. GIÁM ĐỐC"),
    recipients=("Như trên", "Các trường THPT", "Lưu: VT"),
    relations=(
        RelationLink("based_on", "qd-9-2020", "out"),
        RelationLink(
            "replaces",
            "kh-468-2023",
            "in",
            title="Kế hoạch tuyển sinh (thay thế)",
            number="468/KH-SGDĐT",
            doc_type="Kế hoạch",
            starts=date(2023, 4, 10),
        ),
    ),
    validity=Validity(
        status="expired",
        since=date(2023, 4, 10),
        because=(Because("replaced_by", "kh-468-2023"),),
        as_of=date(2023, 12, 28),
    ),
)


def test_the_banner_names_the_replacing_notice() -> None:
    found = banner(REPLACED, "vi")
    assert found is not None
    assert found.sentence == (
        "Văn bản này đã hết hiệu lực từ ngày 10/04/2023 — bị thay thế bởi Kế hoạch số 468/KH-SGDĐT."
    )
    assert found.links == (("kh-468-2023", "Kế hoạch số 468/KH-SGDĐT"),)
    assert banner(REPLACED, "en") is not None
    assert "replaced by Kế hoạch No. 468/KH-SGDĐT" in banner(REPLACED, "en").sentence  # type: ignore[union-attr]


def test_the_article_shows_badge_banner_stamp_and_relations() -> None:
    page = article_html(REPLACED, lang="vi")
    assert '<span class="urgency">THƯỢNG KHẨN</span>' in page
    assert '<span class="status status-expired">Hết hiệu lực toàn bộ</span>' in page
    assert (
        '<p class="banner banner-expired">Văn bản này đã hết hiệu lực từ ngày 10/04/2023 — '
        'bị thay thế bởi <a href="notice:kh-468-2023">Kế hoạch số 468/KH-SGDĐT</a>.</p>'
    ) in page
    assert "Lược đồ" in page
    # Both directions under vbpl.vn's headings; a missing notice by its id, greyed.
    assert "Văn bản căn cứ" in page and "Văn bản thay thế" in page
    assert '<span class="missing">qd-9-2020 (chưa có trong kho dữ liệu)</span>' in page
    assert "468/KH-SGDĐT — Kế hoạch tuyển sinh (thay thế) (từ ngày 10/04/2023)" in page
    assert "Kế hoạch tuyển sinh &lt;lớp 10&gt;" in page
    assert "<li>Các trường THPT</li>" in page


def test_relation_groups_follow_the_format_order() -> None:
    groups = relation_groups(REPLACED, "en")
    assert [(g.relation, g.direction, g.label) for g in groups] == [
        ("based_on", "out", "Based on"),
        ("replaces", "in", "Replaced by"),
    ]


def test_news_shows_no_badge_and_no_banner() -> None:
    from dataclasses import replace

    news = replace(REPLACED, validity=None, urgency=None, relations=(), signer=None, recipients=())
    page = article_html(news)
    assert "status-" not in page.split("</style>")[1]
    assert "banner" not in page.split("</style>")[1]
    assert "Lược đồ" not in page
    assert banner(news) is None
    assert signing_html(news) == ""


def test_print_carries_the_banner_the_urgency_and_the_signing_block() -> None:
    page = notice_html(REPLACED, "<p>Nội dung.</p>", "vi")
    urgency = page.index("THƯỢNG KHẨN")
    number = page.index("Số: 412/KH-SGDĐT")
    posted = page.index("Đăng ngày")
    # Top left, under the number, before the right-hand column.
    assert number < urgency < posted
    assert page.index("bị thay thế bởi Kế hoạch số 468/KH-SGDĐT") < page.index(
        "KẾ HOẠCH TUYỂN SINH"
    )
    closing = signing_html(REPLACED, "vi")
    assert closing in page
    # Side by side: one row, "Nơi nhận" left, the signer right.
    assert closing.count("<tr>") == 1
    left, right = closing.split('<td width="50%" valign="top">')[1:]
    assert "<b><i>Nơi nhận:</i></b>" in left and "font-size:12pt" in left
    assert "- Như trên;<br>- Các trường THPT;<br>- Lưu: VT." in left and "font-size:11pt" in left
    assert "KT. GIÁM ĐỐC<br>PHÓ GIÁM ĐỐC" in right and "Phan Thị Kim Oanh" in right


def test_not_yet_in_force_has_its_own_banner_in_the_article_only() -> None:
    from dataclasses import replace

    later = replace(
        REPLACED,
        effective=date(2024, 1, 1),
        validity=Validity(status="not_yet", as_of=date(2023, 12, 28)),
    )
    found = banner(later)
    assert found is not None and found.sentence == "Văn bản này có hiệu lực từ ngày 01/01/2024."
    assert "banner-not_yet" in article_html(later)
    assert "có hiệu lực từ ngày" not in notice_html(later, "", "vi")


def test_issuer_lines_part_the_governing_body_from_the_issuer() -> None:
    from desktop.render.office import issuer_lines

    assert issuer_lines("Sở Giáo dục và Đào tạo tỉnh Sơn Hà") == (
        "UBND tỉnh Sơn Hà",
        "Sở Giáo dục và Đào tạo",
    )
    assert issuer_lines("Văn phòng UBND tỉnh Sơn Hà") == ("UBND tỉnh Sơn Hà", "Văn phòng")
    assert issuer_lines("Sở Lao động – Thương binh và Xã hội tỉnh Sơn Hà") == (
        "UBND tỉnh Sơn Hà",
        "Sở Lao động – Thương binh và Xã hội",
    )
    assert issuer_lines("Phòng Nội vụ huyện Tân Lập") == ("UBND huyện Tân Lập", "Phòng Nội vụ")
    for whole in ("Ủy ban nhân dân tỉnh Sơn Hà", "UBND xã Thạnh Lộc", "Bộ Y tế", ""):
        assert issuer_lines(whole) == ("", whole)
