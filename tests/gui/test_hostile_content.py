"""Hostile notice bodies in the real window: shown, and shown safely.

Scripts, remote images, javascript: links, CSS, a 1 MB single line, deeply
nested lists, NUL bytes and right-to-left overrides. Each opens in the
window; the HTML handed to the article view carries nothing active or
remote. How long each takes is measured by bench/hostile_render.py, not here.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from db import store
from db.archive import open_archive
from db.records import NoticeRecord
from db.types import VN_TZ
from tests.helpers.sample import PUBLISHER_ID, PUBLISHER_NAME, WindowFactory

MARK = "Nội dung an toàn"
MB = 1_000_000

HOSTILE: dict[str, str] = {
    "script": (
        f"<script>alert('xss')</script>\n\n{MARK}\n\n<SCRIPT src=//evil.example/x.js></SCRIPT>"
    ),
    "remote_image": (
        f"{MARK}\n\n![ảnh](http://evil.example/track.png)\n\n"
        '<img src="https://evil.example/pixel.gif" width=1 height=1>\n\n'
        "![ref][r]\n\n[r]: //evil.example/ref.png"
    ),
    "javascript_link": (
        f"{MARK}: [bấm vào đây](javascript:alert(1)) và [đây](JaVaScRiPt:alert(2)) "
        'và <a href="javascript:alert(3)">đây</a> và [nữa](vbscript:msgbox) '
        "và [dữ liệu](data:text/html;base64,PHNjcmlwdD4=)"
    ),
    "css": (
        "<style>body { background: url(http://evil.example/bg.png) }</style>\n\n"
        f'<p style="position:fixed;top:0;background:url(http://evil.example/p.png)">{MARK}</p>\n\n'
        '<link rel="stylesheet" href="http://evil.example/s.css">'
    ),
    "one_mb_line": MARK + " " + "chữ " * (MB // 4),
    "nested_lists": MARK + "\n\n" + "".join("  " * i + "- mục\n" for i in range(2000)),
    "nested_quotes": MARK + "\n\n" + ">" * 2000 + " trích dẫn\n",
    "nul_bytes": f"{MARK}\x00 giữa\x00 các\x00 chữ" + "a\x00" * 5000,
    "rtl_override": (
        f"{MARK}: số hiệu \u202e1202/QĐ-UBND\u202c và tệp \u202egpj.exe\u202c \u2067x\u2069"
    ),
    "iframe_object": (
        f"{MARK}\n\n<iframe src=http://evil.example></iframe>"
        "<object data=http://evil.example/o.swf></object><embed src=x.swf>"
        "<form action=http://evil.example><input name=p></form>"
        "<meta http-equiv=refresh content='0;url=http://evil.example'>"
    ),
}

FORBIDDEN_TAGS = {"script", "style", "iframe", "object", "embed", "form", "input", "meta", "link"}


class ActiveParts(HTMLParser):
    """Collects what in a page could run, fetch or restyle: real tags and attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src") and value.startswith(
                ("javascript:", "vbscript:", "data:text", "http:", "https:", "//")
            ):
                if not (tag == "a" and value.startswith(("http:", "https:"))):
                    self.found.append(f"{tag} {name}={value[:40]}")
            if name == "style" and "url(" in value:
                self.found.append(f"{tag} style url()")


def active_parts(body: str) -> list[str]:
    parser = ActiveParts()
    parser.feed(body)
    parser.close()
    return parser.found


CONTROLS = ("\x00", "\u202e", "\u202d", "\u2066", "\u2067", "\u2068")


@pytest.fixture
def hostile_archive(data_dir: Path) -> Path:
    start = datetime(2023, 6, 1, 8, 0, tzinfo=VN_TZ)
    notices = [
        NoticeRecord(
            id=f"doc-{name.replace('_', '-')}",
            title=f"Văn bản {name} <b>đậm</b> \u202eKHÔNG",
            category="Thông báo",
            published=start - timedelta(hours=i),
            body_markdown=body,
        )
        for i, (name, body) in enumerate(HOSTILE.items())
    ]
    archive = open_archive(data_dir)
    try:
        with archive.writing() as session:
            store.ensure_publisher(session, PUBLISHER_ID, PUBLISHER_NAME)
            ids = store.ensure_categories(session, ["Thông báo"])
            store.apply_notices(session, PUBLISHER_ID, notices, [], ids)
    finally:
        archive.close()
    return data_dir


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_body_is_shown_and_harmless(
    make_window: WindowFactory,
    hostile_archive: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    window = make_window(hostile_archive)
    handed: list[str] = []
    fetched: list[str] = []
    real_show = window.browser.show_article
    real_load = window.browser.loadResource

    def show(html: str, images: object = None, tables: object = ()) -> None:
        handed.append(html)
        real_show(html, images, tables)  # type: ignore[arg-type]

    def load(kind: int, url: object) -> object:
        fetched.append(str(url.toString() if hasattr(url, "toString") else url))
        return real_load(kind, url)  # type: ignore[arg-type]

    monkeypatch.setattr(window.browser, "show_article", show)
    monkeypatch.setattr(window.browser, "loadResource", load)
    notice_id = f"doc-{name.replace('_', '-')}"
    window.open_notice(notice_id)

    assert window.current is not None and window.current.id == notice_id
    (html,) = handed
    # The page's own head (charset, the app's stylesheet) is ours; the body
    # holds what the notice brought.
    body = html[html.index("<body") :]
    assert active_parts(body) == []
    for control in CONTROLS:
        assert control not in body, repr(control)
    shown = window.browser.toPlainText()
    assert MARK in shown
    assert "Văn bản" in shown and "<b>" not in window.windowTitle()
    assert not [u for u in fetched if "evil" in u or u.startswith(("http", "//"))], fetched


def test_the_checker_sees_active_parts() -> None:
    """The checker above must be able to fail."""
    page = (
        '<p onclick="x()"><a href="javascript:alert(1)">a</a><img src="http://e/x.png">'
        '<span style="background:url(//e/y)">s</span><script>1</script></p>'
    )
    assert len(active_parts(page)) == 5
    assert active_parts("<p>&lt;script&gt; src=http://evil</p>") == []


def test_the_long_line_is_all_there(make_window: WindowFactory, hostile_archive: Path) -> None:
    window = make_window(hostile_archive)
    window.open_notice("doc-one-mb-line")
    assert window.browser.toPlainText().count("chữ") >= MB // 4
