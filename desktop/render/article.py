"""The article page: one notice as the reader shows it and `bangtin show --html` prints it.

The layout follows a provincial portal's article page: title, posted date,
views, the urgency stamp and validity badge, a withdrawn or out-of-force
banner, a metadata table, the body, the recipients, the attachments, and the
relations ("Lược đồ") grouped as vbpl.vn groups them. Every
field is escaped; the body comes from render_body, already sanitized. The only
CSS is our own small stylesheet, kept to what QTextBrowser understands.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from db.folding import fold
from db.records import AttachmentRecord, NoticeDetail
from desktop.messages import text
from desktop.render.dates import posted_line, short_date
from desktop.render.markdown import escape_text, map_text_nodes, render_body_tables
from desktop.render.office import banner, link_text, relation_groups
from desktop.render.statuswords import status_label, urgency_label
from desktop.render.styles import STYLESHEET
from desktop.render.tables import TableData

_WORD_CHAR_RE = re.compile(r"\w")
#: Bodies kept rendered (`_body`): a few screens' worth of notices.
BODY_CACHE_SIZE = 32


def human_size(size: int, lang: str = "vi") -> str:
    """A file size as people read it: "512 B", "245 KB", "1,2 MB" ("1.2 MB" in English)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    for unit, scale in (("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            text = f"{size / scale:.1f}"
            return f"{text.replace('.', ',') if lang == 'vi' else text} {unit}"
    raise AssertionError("unreachable")


def _group_digits(number: int, lang: str) -> str:
    # QLocale groups thousands with "." in Vietnamese and "," in English.
    return f"{number:,}".replace(",", "." if lang == "vi" else ",")


@dataclass(frozen=True)
class ArticlePage:
    """The page's HTML, and the whole content of each table cut short in it."""

    html: str
    tables: tuple[TableData, ...] = field(default=())


def article_html(
    notice: NoticeDetail, *, lang: str = "vi", highlight_terms: Sequence[str] = ()
) -> str:
    """Return the complete HTML page for *notice*, every table whole."""
    return article_page(notice, lang=lang, highlight_terms=highlight_terms).html


def article_page(
    notice: NoticeDetail,
    *,
    lang: str = "vi",
    highlight_terms: Sequence[str] = (),
    table_cells: int | None = None,
) -> ArticlePage:
    """The page for *notice*; with *table_cells*, tables past that many cells in
    all are cut short, each with a "table:N" link to its whole content."""
    lang = "en" if lang == "en" else "vi"

    def label(key: str) -> str:
        return text(f"label_{key}", lang)

    esc = html.escape
    terms = _fold_terms(highlight_terms)

    title = escape_text(notice.title)
    body, tables = _body(notice.body_markdown, tuple(notice.attachments), table_cells, lang)
    if terms:
        title = map_text_nodes(title, lambda text: _highlight(text, terms))
        body = map_text_nodes(body, lambda text: _highlight(text, terms))

    parts = [
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{esc(notice.title)}</title>",
        f"<style>{STYLESHEET}</style></head><body>",
        f'<h1 class="title">{title}</h1>',
        f'<p class="posted">{esc(posted_line(notice.published, lang))}</p>',
        f'<p class="views">{label("views")}: {_group_digits(notice.views, lang)}</p>',
    ]
    marks = []
    if notice.urgency:
        marks.append(f'<span class="urgency">{esc(urgency_label(notice.urgency, lang))}</span>')
    if notice.validity is not None:
        status = notice.validity.status
        marks.append(
            f'<span class="status status-{esc(status)}">{esc(status_label(status, lang))}</span>'
        )
    if marks:
        parts.append(f'<p class="marks">{" ".join(marks)}</p>')
    if notice.withdrawn:
        parts.append(f'<p class="withdrawn">{esc(label("withdrawn"))}</p>')
    found = banner(notice, lang)
    if found is not None:
        sentence = esc(found.sentence)
        for target, name in found.links:
            anchor = f'<a href="notice:{esc(target)}">{esc(name)}</a>'
            sentence = sentence.replace(esc(name), anchor, 1)
        parts.append(f'<p class="banner banner-{esc(found.status)}">{sentence}</p>')

    rows: list[tuple[str, str]] = []
    if notice.number:
        rows.append((label("number"), notice.number))
    if notice.doc_type:
        rows.append((label("doc_type"), notice.doc_type))
    if notice.issuer:
        rows.append((label("issuer"), notice.issuer))
    if notice.issued is not None:
        rows.append((label("issued"), short_date(notice.issued, lang)))
    if notice.summary:
        rows.append((label("summary"), notice.summary))
    if notice.sector:
        rows.append((label("field"), notice.sector))
    if notice.effective is not None:
        rows.append((label("effective"), short_date(notice.effective, lang)))
    if notice.expires is not None:
        rows.append((label("expires"), short_date(notice.expires, lang)))
    if notice.validity is not None:
        rows.append((label("status"), status_label(notice.validity.status, lang)))
    if notice.signer is not None:
        rows.append((label("signer"), f"{notice.signer.title} {notice.signer.name}"))
    if notice.deadline is not None:
        rows.append((label("deadline"), short_date(notice.deadline, lang)))
    if rows:
        parts.append('<table class="meta" border="1" cellspacing="0" cellpadding="4">')
        for name, value in rows:
            parts.append(f"<tr><th>{esc(name)}</th><td>{escape_text(value)}</td></tr>")
        parts.append("</table>")

    parts.append(f'<div class="body">{body}</div>')

    if notice.recipients:
        parts.append(f'<p class="recipients-title">{esc(text("print_recipients", lang))}</p>')
        items = "".join(f"<li>{escape_text(r)}</li>" for r in notice.recipients)
        parts.append(f'<ul class="recipients">{items}</ul>')

    if notice.attachments:
        parts.append(f'<h2 class="attachments">{esc(label("attachments"))}</h2>')
        parts.append('<ul class="attachments">')
        for attachment in notice.attachments:
            href = f"attachment:{esc(attachment.sha256.lower())}"
            size = human_size(attachment.size, lang)
            # "Mở" and "Lưu tệp đính kèm…" side by side: the reader (desktop/ui/reader.py)
            # saves for a link with "?save", and opens for any other.
            parts.append(
                f'<li><a href="{href}">{escape_text(attachment.name)}</a> ({esc(size)}) — '
                f'<a href="{href}">{esc(label("open"))}</a> · '
                f'<a href="{href}?save">{esc(label("save_attachment"))}</a></li>'
            )
        parts.append("</ul>")
    groups = relation_groups(notice, lang)
    if groups:
        parts.append(f'<h2 class="relations">{esc(label("relations"))}</h2>')
        for group in groups:
            parts.append(f'<h3 class="relation">{esc(group.label)}</h3><ul class="relation">')
            for link in group.links:
                words = escape_text(link_text(link, lang))
                if link.title is None:
                    parts.append(f'<li><span class="missing">{words}</span></li>')
                else:
                    parts.append(f'<li><a href="notice:{esc(link.id)}">{words}</a></li>')
            parts.append("</ul>")
    parts.append("</body></html>")
    return ArticlePage(html="\n".join(parts), tables=tuple(tables))


# --- Highlighting ------------------------------------------------------------


@lru_cache(maxsize=BODY_CACHE_SIZE)
def _body(
    markdown_text: str,
    attachments: tuple[AttachmentRecord, ...],
    table_cells: int | None,
    lang: str,
) -> tuple[str, tuple[TableData, ...]]:
    """A body rendered, kept by everything its HTML depends on (a notice opened
    again, Back, Forward, another language: its text is not parsed again)."""

    def note(index: int, rows: int, cols: int, shown: int) -> tuple[str, str]:
        values = {
            "number": index + 1,
            "rows": _group_digits(rows, lang),
            "cols": cols,
            "shown": shown,
        }
        return text("label_table_link", lang, **values), text("label_table_caption", lang, **values)

    body, tables = render_body_tables(
        markdown_text, attachments, cell_budget=table_cells, note=note
    )
    return body, tuple(tables)


def _fold_terms(terms: Sequence[str]) -> tuple[str, ...]:
    folded = {" ".join(fold(term).split()) for term in terms}
    # Longest first, so "nguyen dan" wins over "nguyen" where both match.
    return tuple(sorted((term for term in folded if term), key=len, reverse=True))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return char.lower() if char.isascii() else fold(char)


def _highlight(text: str, terms: Sequence[str]) -> str:
    """Escape *text*, wrapping every whole-word match of a term in <span class="hl">.

    A term ending in "*" (the word a clerk was still typing, as
    `db.search.highlight_terms` gives it) matches the start of a word; any
    other term only a whole word, so "kh" marks "KH" and not "khai".
    Matching is on folded text (no diacritics, no case), mapped back
    character by character, so the original letters are kept.
    """
    folded_chars: list[str] = []
    owner: list[int] = []  # folded position -> index of the original character
    for index, char in enumerate(text):
        piece = _fold_char(char)
        folded_chars.append(piece)
        owner.extend([index] * len(piece))
    folded = "".join(folded_chars)

    marked = [False] * len(text)
    for pattern in terms:
        prefix = pattern.endswith("*")
        term = pattern.rstrip("*")
        if not term:
            continue
        start = folded.find(term)
        while start != -1:
            after = start + len(term)
            if prefix:  # the whole word the prefix starts
                while after < len(folded) and _WORD_CHAR_RE.match(folded[after]):
                    after += 1
            starts_word = start == 0 or not _WORD_CHAR_RE.match(folded[start - 1])
            ends_word = after == len(folded) or not _WORD_CHAR_RE.match(folded[after])
            if starts_word and ends_word:
                for position in range(start, after):
                    marked[owner[position]] = True
            start = folded.find(term, start + 1)

    if not any(marked):
        return escape_text(text)
    out: list[str] = []
    index = 0
    while index < len(text):
        end = index
        while end < len(text) and marked[end] == marked[index]:
            end += 1
        piece = escape_text(text[index:end])
        out.append(f'<span class="hl">{piece}</span>' if marked[index] else piece)
        index = end
    return "".join(out)
