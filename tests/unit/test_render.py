"""render_body's sanitizer rules and hostile inputs, and the article page."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from db.records import AttachmentRecord, NoticeDetail
from desktop.render.article import article_html, article_page, human_size
from desktop.render.markdown import ALLOWED_TAGS, MAX_HTML_DEPTH, PLAIN_BLOCK_CHARS, render_body

SHA_PLAN = "a" * 64
SHA_PDF = "b" * 64
ATTACHMENTS = (
    AttachmentRecord("so-do.png", "image/png", 2048, SHA_PLAN),
    AttachmentRecord("Kế hoạch.pdf", "application/pdf", 250_880, SHA_PDF),
)
SAFE_SCHEMES = ("http:", "https:", "mailto:", "notice:", "attachment:")
ALLOWED_ATTRS = {"href", "src", "alt", "title", "colspan", "rowspan", "align", "start", "class"}


class _Collector(HTMLParser):
    """Every tag, attribute and text node of a document, and its maximum depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.depth = 0
        self.max_depth = 0
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "hr", "img", "meta"):
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1
        self.balanced = self.balanced and self.depth >= 0

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Collector:
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    return collector


def text_of(fragment: str) -> str:
    return "".join(parse(fragment).text)


def assert_safe(fragment: str) -> None:
    """The structural form of "nothing can run or reach out"."""
    doc = parse(fragment)
    assert "<script" not in fragment.lower()
    for tag, attrs in doc.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert name in ALLOWED_ATTRS, (tag, name)
            assert not name.startswith("on")
            if name in ("href", "src"):
                assert value is not None and value.startswith(SAFE_SCHEMES), value
            if tag == "img":
                assert attrs["src"] is not None and attrs["src"].startswith("attachment:")
    assert doc.balanced and doc.depth == 0


# --- sanitizer rules ---------------------------------------------------------


def test_basic_markdown_renders() -> None:
    out = render_body("# Tiêu đề\n\nXin **chào** *bạn*\n\n---\n\n> trích\n\n1. một\n2. hai", ())
    for tag in ("<h1>", "<strong>", "<em>", "<hr>", "<blockquote>", "<ol>", "<li>"):
        assert tag in out
    assert_safe(out)


def test_script_tag_escaped_and_never_runs() -> None:
    out = render_body("a <script>alert(1)</script> b", ())
    assert "<script" not in out
    assert "&lt;script&gt;" in out  # raw HTML is shown as text
    assert_safe(out)


def test_style_tag_and_attribute() -> None:
    out = render_body('<style>body{display:none}</style>\n\n<p style="color:red">x</p>', ())
    assert "<style" not in out
    assert all("style" not in attrs for _tag, attrs in parse(out).tags)
    assert "&lt;style&gt;" in out  # shown as text, never applied
    assert_safe(out)


def test_iframe_object_embed_form() -> None:
    src = '<iframe src="http://x"></iframe><object data="x"></object><embed src="x"><form>'
    out = render_body(src, ())
    for tag in ("<iframe", "<object", "<embed", "<form"):
        assert tag not in out
    assert_safe(out)


def test_event_handlers() -> None:
    out = render_body('<img src=x onerror="alert(1)"> <b onclick="alert(2)">x</b>', ())
    assert not any(name.startswith("on") for _tag, attrs in parse(out).tags for name in attrs)
    assert_safe(out)


def test_dangerous_link_schemes_removed() -> None:
    src = (
        "[a](javascript:alert(1)) [b](vbscript:msgbox) [c](data:text/html,hi) "
        "[d](JaVaScRiPt:alert(1)) [e](java&#x09;script:alert(1)) [f](relative.html)"
    )
    out = render_body(src, ())
    assert parse(out).tags == [("p", {})]  # every link dropped, their text kept
    assert text_of(out).split()[:4] == ["a", "b", "c", "d"]


def test_dangerous_image_sources_removed_alt_kept() -> None:
    src = "![js](javascript:alert(1)) ![data](data:image/png;base64,AAAA) ![vb](vbscript:x)"
    out = render_body(src, ATTACHMENTS)
    assert "<img" not in out
    assert text_of(out).split() == ["js", "data", "vb"]


def test_remote_image_removed_alt_kept() -> None:
    out = render_body("![bản đồ](https://example.com/map.png)", ATTACHMENTS)
    assert "<img" not in out and "example.com" not in out
    assert text_of(out) == "bản đồ"


def test_attachment_image_rewritten_by_name_path_and_sha() -> None:
    for ref in ("so-do.png", "files/so-do.png", SHA_PLAN, f"attachment:{SHA_PLAN}"):
        out = render_body(f"![sơ đồ]({ref})", ATTACHMENTS)
        assert parse(out).tags[1] == ("img", {"src": f"attachment:{SHA_PLAN}", "alt": "sơ đồ"})


def test_unknown_attachment_image_removed() -> None:
    for ref in ("files/khac.png", "c" * 64, f"attachment:{'c' * 64}"):
        out = render_body(f"![khác]({ref})", ATTACHMENTS)
        assert "<img" not in out
        assert text_of(out) == "khác"


def test_links_allowed_and_rewritten() -> None:
    src = (
        "[web](https://sonha.gov.vn/a?b=1&c=2) [thư](mailto:vp@sonha.gov.vn) "
        "[tin](notice:ct-01-2023) [tệp](<files/Kế hoạch.pdf>) "
        "[tệp2](files/K%E1%BA%BF%20ho%E1%BA%A1ch.pdf)"
    )
    out = render_body(src, ATTACHMENTS)
    hrefs = [attrs["href"] for tag, attrs in parse(out).tags if tag == "a"]
    assert hrefs == [
        "https://sonha.gov.vn/a?b=1&c=2",
        "mailto:vp@sonha.gov.vn",
        "notice:ct-01-2023",
        f"attachment:{SHA_PDF}",
        f"attachment:{SHA_PDF}",
    ]
    assert_safe(out)


def test_bad_notice_link_dropped() -> None:
    out = render_body('[x](notice:"><b>) [y](notice:)', ())
    assert "<a" not in out


def test_tables_survive_with_alignment() -> None:
    src = "| Xã | Số hộ |\n|:---|---:|\n| Hòa Bình | 120 |\n| An Phú | 85 |"
    out = render_body(src, ())
    tags = [tag for tag, _attrs in parse(out).tags]
    for tag in ("table", "thead", "tbody", "tr", "th", "td"):
        assert tag in tags
    assert '<th align="left">Xã</th>' in out and '<td align="right">120</td>' in out


def test_code_and_pre() -> None:
    out = render_body("dùng `lệnh <x>` nhé\n\n    khối <mã>\n", ())
    assert "<code>lệnh &lt;x&gt;</code>" in out
    assert "<pre><code>khối &lt;mã&gt;" in out


def test_entities_shown_as_written() -> None:
    # "&" never reaches the HTML parser as markup: references stay as typed.
    out = render_body("AT&T &copy; &#x202E; &lt;b&gt;", ())
    assert text_of(out) == "AT&T &copy; &#x202E; &lt;b&gt;"


# --- hostile inputs ----------------------------------------------------------


def test_one_megabyte_single_line() -> None:
    line = "**đậm** <img src=x onerror=alert(1)> [a](javascript:x) " * 20_000
    out = render_body(line, ())
    assert_safe(out)
    # Shown as plain text: every character is still there, nothing is markup,
    # cut into short paragraphs that Qt lays out quickly.
    tags = parse(out).tags
    assert all(tag == ("p", {}) for tag in tags)
    assert len(tags) >= len(line) // PLAIN_BLOCK_CHARS
    assert "".join(text_of(out).split()) == "".join(line.split())


def test_one_megabyte_of_ampersands_and_brackets() -> None:
    for char in "&<[`*":
        out = render_body(char * 1_000_000, ())
        assert_safe(out)
        assert "".join(text_of(out).split()) == char * 1_000_000


def test_deep_list_nesting_is_capped() -> None:
    src = "".join("  " * level + "- mục\n" for level in range(5000))
    out = render_body(src, ())
    assert_safe(out)
    assert parse(out).max_depth <= 2 * 9
    assert text_of(out).count("mục") == 5000


def test_deep_markers_on_one_line_are_capped() -> None:
    for src in ("- " * 5000 + "a", ">" * 5000 + " a", "> - " * 5000 + "a", "1. " * 5000 + "a"):
        out = render_body(src, ())
        assert_safe(out)
        assert parse(out).max_depth <= 2 * 9
        assert text_of(out).strip() == "a"


def test_deep_quote_lines_are_capped() -> None:
    src = "".join(">" * level + " dòng\n" for level in range(1, 3000))
    out = render_body(src, ())
    assert_safe(out)
    assert parse(out).max_depth <= MAX_HTML_DEPTH


def test_deep_raw_html_is_text() -> None:
    out = render_body("<div>" * 100_000, ())
    assert {tag for tag, _attrs in parse(out).tags} == {"p"}
    assert parse(out).max_depth == 1


def test_nul_bytes_stripped() -> None:
    out = render_body("a\x00b\x00\n\n**c\x00d**", ())
    assert "\x00" not in out
    assert text_of(out) == "ab\ncd"


def test_bidi_controls_removed() -> None:
    controls = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    out = render_body(f"tệp{controls}fdp.exe\n\n![a{controls}b](so-do.png)", ATTACHMENTS)
    assert not any(char in out for char in controls)
    assert "tệpfdp.exe" in out and 'alt="ab"' in out


def test_output_is_nfc_even_from_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Quyết định về việc")
    out = render_body(decomposed, ())
    assert text_of(out) == "Quyết định về việc"
    assert unicodedata.is_normalized("NFC", out)


def test_leading_combining_mark_does_not_merge_with_tag() -> None:
    out = render_body("\u0338x", ())
    assert unicodedata.is_normalized("NFC", out)
    assert out.startswith("<p>&#824;")


_HOSTILE_PIECES = st.sampled_from(
    [
        "<script>", "</script>", "javascript:", "<img src=x onerror=alert(1)>", 'style="x"',
        "[a](javascript:alert(1))", "![b](http://evil/x.png)", "![c](so-do.png)", "\u0338",
        "\x00", "\u202e", "&", "&#", "<", ">", "*", "_", "`", "- ", "> ", "\n", "    ", "|",
        " on", "onerror=", "](", "<a href=", "data:", "&#106;avascript:", "e\u0301",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), _HOSTILE_PIECES), max_size=30).map("".join))
def test_property_output_is_safe_and_nfc(text: str) -> None:
    out = render_body(text, ATTACHMENTS)
    assert_safe(out)
    assert unicodedata.is_normalized("NFC", out)
    for _tag, attrs in parse(out).tags:
        assert "style" not in attrs
        assert not any("javascript:" in (value or "").lower() for value in attrs.values())


# --- the article page --------------------------------------------------------

NOTICE = NoticeDetail(
    id="ct-01-2023",
    title='Chỉ thị <b>Tết</b> & "Quý Mão"',
    category="Văn bản mới",
    published=datetime(2023, 3, 26, 20, 0, tzinfo=UTC),  # 27/03 in +07:00
    updated=None,
    number="01/CT-UBND",
    doc_type="Chỉ thị",
    issuer="Ủy ban nhân dân tỉnh Sơn Hà",
    issued=date(2023, 1, 4),
    summary="Tổ chức Tết Nguyên đán an toàn",
    body_markdown="Tết Nguyên đán Quý Mão. Xem ![sơ đồ](files/so-do.png)",
    withdrawn=False,
    publisher_id=None,
    publisher_name=None,
    attachments=ATTACHMENTS,
    views=1234,
)


def test_article_title_escaped() -> None:
    page = article_html(NOTICE)
    assert "<b>Tết</b>" not in page
    assert '<h1 class="title">Chỉ thị &lt;b&gt;Tết&lt;/b&gt; &amp; "Quý Mão"</h1>' in page


def test_article_vietnamese_labels_and_fields() -> None:
    page = article_html(NOTICE)
    for expected in (
        "Đăng ngày 27 - 03 - 2023",
        "Lượt xem: 1.234",
        "<th>Số ký hiệu</th><td>01/CT-UBND</td>",
        "<th>Loại văn bản</th><td>Chỉ thị</td>",
        "<th>Cơ quan ban hành</th><td>Ủy ban nhân dân tỉnh Sơn Hà</td>",
        "<th>Ngày ban hành</th><td>04/01/2023</td>",
        "<th>Trích yếu</th><td>Tổ chức Tết Nguyên đán an toàn</td>",
        "Tệp đính kèm",
    ):
        assert expected in page
    assert "thu hồi" not in page


def test_article_english_labels() -> None:
    page = article_html(replace(NOTICE, withdrawn=True), lang="en")
    for expected in (
        "Posted on 27 - 03 - 2023",
        "Views: 1,234",
        "<th>Number</th>",
        "<th>Document type</th>",
        "<th>Issued by</th>",
        "<th>Issued on</th><td>04/01/2023</td>",
        "<th>Summary</th>",
        "Attachments",
        "This document has been withdrawn",
    ):
        assert expected in page
    assert "Số ký hiệu" not in page


def test_article_absent_fields_have_no_rows() -> None:
    bare = replace(
        NOTICE, number=None, doc_type=None, issuer=None, issued=None, summary=None, attachments=()
    )
    page = article_html(bare)
    assert "<table" not in page
    for label in ("Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu"):
        assert label not in page
    assert "Tệp đính kèm" not in page
    partial = article_html(replace(bare, issuer="UBND xã"))
    assert "<th>Cơ quan ban hành</th><td>UBND xã</td>" in partial
    assert "Số ký hiệu" not in partial


def test_article_withdrawn_banner() -> None:
    page = article_html(replace(NOTICE, withdrawn=True))
    assert '<p class="withdrawn">Văn bản này đã bị thu hồi</p>' in page


def test_article_attachments_listed_with_sizes() -> None:
    page = article_html(NOTICE)
    assert f'<a href="attachment:{SHA_PDF}">Kế hoạch.pdf</a> (245 KB)' in page
    assert f'<a href="attachment:{SHA_PLAN}">so-do.png</a> (2 KB)' in page
    assert f'<img src="attachment:{SHA_PLAN}" alt="sơ đồ">' in page


def test_article_stylesheet_is_ours_only() -> None:
    page = article_html(replace(NOTICE, body_markdown="<style>p{}</style>"))
    assert page.count("<style>") == 1
    assert page.index("<style>") < page.index("</head>") < page.index("&lt;style&gt;")


def test_human_size() -> None:
    assert human_size(512) == "512 B"
    assert human_size(250_880) == "245 KB"
    assert human_size(1_258_291) == "1,2 MB"
    assert human_size(1_258_291, "en") == "1.2 MB"


def test_highlight_is_diacritic_insensitive_and_keeps_text() -> None:
    page = article_html(NOTICE, highlight_terms=["tet", "nguyen dan"])
    assert '<span class="hl">Tết</span> <span class="hl">Nguyên đán</span> Quý Mão' in page
    assert '<h1 class="title">Chỉ thị &lt;b&gt;<span class="hl">Tết</span>&lt;/b&gt;' in page
    # Metadata is not highlighted, only title and body.
    assert "<td>Tổ chức Tết Nguyên đán an toàn</td>" in page


def test_highlight_only_at_word_starts() -> None:
    page = article_html(replace(NOTICE, body_markdown="bão tiết kiệm"), highlight_terms=["iet"])
    assert 'class="hl"' not in page


def test_highlight_never_breaks_tags() -> None:
    body = 'span class hl <span class="x"> href img [a](notice:span) ![sơ đồ](so-do.png)'
    notice = replace(NOTICE, title="span class", body_markdown=body)
    terms = ["span", "class", "hl", "href", "img", "notice", "so", "attachment", "amp", "lt"]
    page = article_html(notice, highlight_terms=terms)
    doc = parse(page)
    assert doc.balanced and doc.depth == 0
    spans = [attrs for tag, attrs in doc.tags if tag == "span"]
    assert spans and all(attrs == {"class": "hl"} for attrs in spans)
    assert ("a", {"href": "notice:span"}) in doc.tags
    assert ("img", {"src": f"attachment:{SHA_PLAN}", "alt": "sơ đồ"}) in doc.tags
    assert '&lt;<span class="hl">span</span>' in page


def test_highlight_without_terms_changes_nothing() -> None:
    assert article_html(NOTICE) == article_html(NOTICE, highlight_terms=["", "  "])


# -- big tables cut for the window ----------------------------------------------------------


def _note(index: int, rows: int, cols: int, shown: int) -> tuple[str, str]:
    return f"whole table {index}: {rows}x{cols}, {shown} shown", f"Table {index}"


def test_a_table_past_the_cell_budget_is_cut_with_a_link_to_all_of_it() -> None:
    from desktop.render.markdown import render_body_tables

    rows = "".join(f"| {r}a | {r} \\| b |\n" for r in range(100))
    body = f"Trước.\n\n| A | B |\n|---|---|\n{rows}\nSau.\n\n| C |\n|---|\n| c |\n"
    html, tables = render_body_tables(body, [], cell_budget=20, note=_note)
    assert "<td>8a</td>" in html and "<td>9a</td>" not in html  # header + 9 rows = 20 cells
    assert '<a href="table:0">whole table 0: 100x2, 9 shown</a>' in html
    assert "Sau." in html and "<td>c</td>" not in html  # the budget is the page's
    assert len(tables) == 2
    assert tables[0].header == ("A", "B") and len(tables[0].rows) == 100
    assert tables[0].rows[99] == ("99a", "99 | b")
    assert tables[1].rows == (("c",),)
    # Without a budget every table is whole, as printing and `show --html` need.
    whole, none = render_body_tables(body, [], note=_note)
    assert "<td>99a</td>" in whole and none == []


def test_only_tables_are_cut() -> None:
    from desktop.render.markdown import render_body_tables

    body = "Tiêu đề\n---\n\nA | B là chữ\n\n    | code |\n    |---|\n"
    html, tables = render_body_tables(body, [], cell_budget=1, note=_note)
    assert tables == [] and "<h2>Tiêu đề</h2>" in html and "table:" not in html


def test_a_table_wider_than_the_budget_keeps_only_its_link() -> None:
    from desktop.render.markdown import render_body_tables

    wide = "|" + "x|" * 50 + "\n|" + "-|" * 50 + "\n|" + "1|" * 50 + "\n"
    html, tables = render_body_tables(wide, [], cell_budget=10, note=_note)
    assert "<table" not in html and 'href="table:0"' in html
    assert len(tables[0].header) == 50


def test_each_body_is_rendered_afresh() -> None:
    # One parser serves a thread's bodies: a link defined in one is unknown to the next.
    first = render_body("[x]: https://example.org/a\n\ntext [link][x]", ())
    assert 'href="https://example.org/a"' in first
    assert render_body("again [link][x]", ()) == "<p>again [link][x]</p>"


def test_a_body_rendered_again_follows_what_it_depends_on() -> None:
    # Bodies are kept rendered; the page still follows the body, the files and the language.
    table = "| a | b |\n|---|---|\n" + "".join(f"| {i} | {i} |\n" for i in range(30))
    first = article_page(replace(NOTICE, body_markdown=table), table_cells=10)
    assert first == article_page(replace(NOTICE, body_markdown=table), table_cells=10)
    assert len(first.tables) == 1
    english = article_page(replace(NOTICE, body_markdown=table), table_cells=10, lang="en")
    assert "Bảng 1 có 30 dòng" in first.html
    assert "Table 1 has 30 rows" in english.html and "Bảng 1" not in english.html
    updated = article_page(replace(NOTICE, body_markdown="Nội dung đã sửa"))
    assert "Nội dung đã sửa" in updated.html and "Quý Mão." not in updated.html
    without = article_html(replace(NOTICE, attachments=()))
    assert "attachment:" not in without
    assert "attachment:" in article_html(NOTICE)
