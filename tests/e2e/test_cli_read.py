"""Reading an archive: list by category, withdrawn left out, show as HTML."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

from tests.helpers.cli import Cli
from tests.helpers.published import LIBRARY_IDS, TB_TITLE, Library, ids_of


def test_list_by_category_includes_subcategories_only(cli: Cli, library: Library) -> None:
    lib = ("--data-dir", library.data_dir)
    # "Văn bản mới" shares the prefix but is not below "Văn bản".
    docs = cli(*lib, "list", "--category", "Văn bản", "--json").json()
    assert ids_of(docs) == ["qd-118-2023"]  # cv-312 withdrawn, kh-05 withdrawn
    newer = cli(*lib, "list", "--category", "Văn bản mới", "--json").json()
    assert ids_of(newer) == ["kh-54-2023"]
    text = cli(*lib, "list", "--limit", "2")
    lines = text.stdout.splitlines()
    assert [line.split()[1] for line in lines] == LIBRARY_IDS[:2]
    assert lines[0].startswith("20/04/2023  tb-52-2023  Thông báo nghỉ lễ")


def test_list_leaves_withdrawn_notices_out(library: Library) -> None:
    # library.notices is `list --json` right after base and delta were imported.
    assert ids_of(library.notices) == LIBRARY_IDS
    assert all(n["withdrawn"] is False for n in library.notices)
    assert {"kh-05-2023", "cv-312-2023"}.isdisjoint(ids_of(library.notices))


class _Tags(HTMLParser):
    """Every tag name and attribute of a page, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: set[str] = set()
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes += [(name.lower(), value or "") for name, value in attrs]


def test_show_html_is_the_readers_sanitized_html(cli: Cli, library: Library) -> None:
    out = cli("--data-dir", library.data_dir, "show", "tb-15-2023", "--html").stdout
    assert html.escape(TB_TITLE, quote=False) in out
    assert "<b>lịch</b>" not in out
    assert "<script" not in out.lower()
    tags = _Tags()
    tags.feed(out)
    tags.close()
    assert "table" in tags.names
    assert {"script", "iframe", "object", "embed"}.isdisjoint(tags.names)
    # The hostile lines may stay as visible text, never as markup that runs.
    assert [a for a in tags.attributes if a[0].startswith("on")] == []
    assert [a for a in tags.attributes if "javascript:" in a[1].lower()] == []
    assert "Phó Chủ tịch UBND xã" in out

    # Exactly what the reader shows: the same function, on the same notice.
    from db import queries
    from db.archive import open_archive
    from desktop.render.article import article_html

    archive = open_archive(library.data_dir)
    try:
        with archive.reading() as session:
            notice = queries.get_notice(session, "tb-15-2023")
    finally:
        archive.close()
    assert notice is not None
    assert out == article_html(notice, lang="vi")


def test_show_a_missing_notice(cli: Cli, data_dir: Path) -> None:
    missing = cli.fails("show", "khong-co-2023")
    assert missing.stderr.strip() == "Không có văn bản mã «khong-co-2023» trong kho dữ liệu."


def test_show_says_above_the_text_whether_the_notice_is_in_force(cli: Cli) -> None:
    # The window's red banner, in words: a clerk reading a replaced plan at the
    # terminal must learn it before the text, as the article and the print say it.
    lines = cli("--demo", "show", "kh-412-2023").stdout.splitlines()
    assert lines[:5] == [
        "Kế hoạch tuyển sinh vào lớp 10 trung học phổ thông năm học 2023–2024",
        "31/03/2023 16:10",
        "412/KH-SGDĐT",
        "Tình trạng hiệu lực: Hết hiệu lực toàn bộ",
        "Văn bản này đã hết hiệu lực từ ngày 10/04/2023 — bị thay thế bởi Kế hoạch số "
        "468/KH-SGDĐT.",
    ]
    urgent = cli("--demo", "--lang", "en", "show", "cv-3105-2023").stdout.splitlines()
    assert urgent[3] == "URGENT"
