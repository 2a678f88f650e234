"""The print template: notices as HTML laid out like an administrative document.

Qt-free, and it reads no database. The page itself (A4, margins, fonts, page
numbers, the footer line) is painted by `desktop/pagepainter.py`; which
notices to print is read from the archive by `desktop/ops/printing.py`. This
module decides what the pages say:

- `PageMargins` and `PrintStyle`: the layout of Decree 30/2020/NĐ-CP
  (Nghị định 30/2020/NĐ-CP, Phụ lục I), validated or clamped to its ranges;
- `notice_html` / `index_html`: the header block and body of one notice, and
  the index table of a selection (title, number, date);
- `notice_source` / `index_source`: those as `PrintSource`s, plain data that
  the painter lays out.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.messages import text
from desktop.render.dates import date_time, short_date

if TYPE_CHECKING:
    from db.records import NoticeDetail, NoticeSummary

# -- the page ---------------------------------------------------------------------------

#: The decree's allowed ranges, in millimetres: (smallest, largest).
MARGIN_RANGES: dict[str, tuple[float, float]] = {
    "top": (20.0, 25.0),
    "bottom": (20.0, 25.0),
    "left": (30.0, 35.0),
    "right": (15.0, 20.0),
}
#: Body text size in points, and its allowed range.
FONT_SIZE_DEFAULT = 13.0
FONT_SIZE_RANGE = (13.0, 14.0)
#: First-line indent of a paragraph, in centimetres, and its allowed range.
INDENT_DEFAULT_CM = 1.27
INDENT_RANGE_CM = (1.0, 1.27)
#: Space after each paragraph, in points.
PARAGRAPH_AFTER_PT = 6.0
#: A4 portrait, in millimetres.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    low, high = bounds
    return min(high, max(low, value))


def _number(value: object, default: float) -> float:
    """*value* as a finite float (QSettings hands back strings), else *default*."""
    try:
        number = float(str(value).strip().replace(",", "."))
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


@dataclass(frozen=True)
class PageMargins:
    """Page margins in millimetres; only values inside the decree's ranges are allowed.

    Build one from untrusted values (settings, a page-setup dialog) with
    `PageMargins.clamped`, which moves each value into its range.
    """

    top: float = 20.0
    bottom: float = 20.0
    left: float = 30.0
    right: float = 15.0

    def __post_init__(self) -> None:
        for name, bounds in MARGIN_RANGES.items():
            value = getattr(self, name)
            if not (bounds[0] <= value <= bounds[1]):
                raise ValueError(
                    f"margin {name}={value} mm is outside {bounds[0]:g}–{bounds[1]:g} mm"
                )

    @classmethod
    def clamped(
        cls,
        top: object = None,
        bottom: object = None,
        left: object = None,
        right: object = None,
    ) -> PageMargins:
        """Margins from any values: missing or unreadable ones take the default."""
        default = cls()
        given = {"top": top, "bottom": bottom, "left": left, "right": right}
        values = {
            name: _clamp(_number(given[name], getattr(default, name)), MARGIN_RANGES[name])
            for name in MARGIN_RANGES
        }
        return cls(**values)

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> PageMargins:
        return cls.clamped(*(values.get(name) for name in ("top", "bottom", "left", "right")))

    def as_mapping(self) -> dict[str, float]:
        return {"top": self.top, "bottom": self.bottom, "left": self.left, "right": self.right}

    @property
    def body_width_mm(self) -> float:
        return PAGE_WIDTH_MM - self.left - self.right

    @property
    def body_height_mm(self) -> float:
        return PAGE_HEIGHT_MM - self.top - self.bottom


@dataclass(frozen=True)
class PrintStyle:
    """Everything about the printed page that a user may choose."""

    margins: PageMargins = field(default_factory=PageMargins)
    font_size: float = FONT_SIZE_DEFAULT
    indent_cm: float = INDENT_DEFAULT_CM
    paragraph_after_pt: float = PARAGRAPH_AFTER_PT

    def __post_init__(self) -> None:
        # Clamped rather than refused: a style comes from settings a user may have edited.
        object.__setattr__(
            self, "font_size", _clamp(_number(self.font_size, FONT_SIZE_DEFAULT), FONT_SIZE_RANGE)
        )
        object.__setattr__(
            self, "indent_cm", _clamp(_number(self.indent_cm, INDENT_DEFAULT_CM), INDENT_RANGE_CM)
        )


def _esc(text: str) -> str:
    return html.escape(unicodedata.normalize("NFC", text), quote=True)


def upper_title(title: str) -> str:
    """The title in capitals, NFC (str.upper keeps Vietnamese letters precomposed)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", title).upper())


def footer_text(publisher: str | None, printed_at: datetime, lang: str = "vi") -> str:
    """The line in the bottom margin of every page: the source and the print date."""
    printed = text("print_printed", lang, when=date_time(printed_at, lang))
    if publisher:
        return f"{text('print_source', lang, publisher=publisher)} — {printed}"
    return f"{text('app_name', lang)} — {printed}"


# -- body styling ---------------------------------------------------------------------------
#
# The look lives in inline styles, in CSS pixels (1/96 in), which is what Qt's
# HTML importer keeps in its formats and scales to the printer. (Styling the
# document format by format from Python instead costs a binding call per
# block, which a long table turns into thousands.)

_TAG_RE = re.compile(r"(<[^>]*>)")
_TAG_NAME_RE = re.compile(r"^<(/?)([a-zA-Z0-9]+)")
#: Inside these, a paragraph is not body text: no indent, no justification.
_NESTED_IN = frozenset({"li", "td", "th", "blockquote"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def css_px_from_mm(mm: float) -> float:
    return mm * 96.0 / 25.4


def css_px_from_pt(pt: float) -> float:
    return pt * 96.0 / 72.0


def indent_declaration(style: PrintStyle, scale: float = 1.0) -> str:
    """The first-line indent as the template writes it.

    Qt's layout scales margins and padding to the printer but takes
    text-indent in device pixels, so the printing side rewrites this exact
    declaration with *scale* = device dpi / 96 before laying out.
    """
    return f"text-indent:{css_px_from_mm(style.indent_cm * 10.0) * scale:.3f}px"


def _body_styles(style: PrintStyle) -> dict[str, str]:
    after = f"{css_px_from_pt(style.paragraph_after_pt):.2f}px"
    indent = indent_declaration(style)
    size = f"{style.font_size:g}pt"
    return {
        "p": f'<p align="justify" style="margin-top:0px; margin-bottom:{after}; {indent}">',
        "p_nested": f'<p style="margin-top:0px; margin-bottom:{after}; text-indent:0px">',
        # Headings become bold paragraphs at body size: the decree sets sections
        # apart by weight, and Qt's heading sizes would override a font-size.
        "heading": f'<p align="justify" style="font-size:{size}; font-weight:bold;'
        f' margin-top:{after}; margin-bottom:{after}; {indent}">',
        "table": '<table border="1" cellspacing="0" cellpadding="4" width="100%"'
        ' style="border-collapse:collapse; border-style:solid; border-color:#000000;'
        f' margin-top:4px; margin-bottom:{after}">',
        "li": f'<li align="justify" style="margin-bottom:{after}">',
        "a": '<a style="color:#000000" ',
    }


def style_body(body_html: str, style: PrintStyle) -> str:
    """Add the print styles to `render_body`'s output.

    render_body writes `<p>`, headings, `<table>` and `<li>` without
    attributes and escapes every attribute value, so "<" and ">" only ever
    delimit tags (see desktop/render/markdown.py).
    """
    styles = _body_styles(style)
    pieces = _TAG_RE.split(body_html)
    nested = 0
    for index in range(1, len(pieces), 2):
        tag = pieces[index]
        match = _TAG_NAME_RE.match(tag)
        if match is None:
            continue
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name in _NESTED_IN:
            nested += -1 if closing else 1
        if closing:
            if name in _HEADINGS:
                pieces[index] = "</p>"
            continue
        if tag == "<p>":
            pieces[index] = styles["p_nested" if nested else "p"]
        elif name in _HEADINGS:
            pieces[index] = styles["heading"]
        elif tag == "<table>":
            pieces[index] = styles["table"]
        elif tag == "<li>":
            pieces[index] = styles["li"]
        elif name == "a" and tag.startswith("<a "):
            # Blue means nothing on an office's black-and-white printer; the underline stays.
            pieces[index] = styles["a"] + tag[3:]
    return "".join(pieces)


def notice_html(
    notice: NoticeDetail, body_html: str, lang: str = "vi", style: PrintStyle | None = None
) -> str:
    """One notice: the header block, then the body (`render_body`'s sanitized HTML).

    The header follows the first lines of the decree's layout without
    claiming to be the original document: the governing body (Decree 30's
    "cơ quan chủ quản") over the issuer, and "Số:" on the left,
    with the urgency mark (độ khẩn) under them in a frame, as the decree
    places it; the category and the posting date on the right; then, for a
    notice out of force, its banner; the title in bold capitals (14 pt) and
    the summary. After the body, "Nơi nhận" and the signing block side by side.
    """
    from desktop.render.office import banner, issuer_lines
    from desktop.render.statuswords import urgency_label

    style = style or PrintStyle()
    after = f"{css_px_from_pt(style.paragraph_after_pt):.2f}px"
    # The governing body on its own line, upright; the issuing body under it, in bold.
    governing, issuer = issuer_lines(notice.issuer or notice.publisher_name or "")
    left = [_esc(upper_title(governing)) if governing else ""]
    left.append(f"<b>{_esc(upper_title(issuer))}</b>" if issuer else "")
    if notice.number:
        left.append(_esc(text("print_number", lang, number=notice.number)))
    if notice.urgency:
        left.append(
            '<table border="1" cellspacing="0" cellpadding="3" align="center"'
            ' style="border-style:solid; border-color:#000000; margin-top:6px"><tr><td>'
            f'<span style="font-size:14pt"><b>{_esc(urgency_label(notice.urgency, lang))}</b>'
            "</span></td></tr></table>"
        )
    right = [f"<b>{_esc(notice.category)}</b>" if notice.category else ""]
    right.append(f"<i>{_esc(text('posted_on', lang, day=short_date(notice.published)))}</i>")
    if notice.updated is not None and notice.updated != notice.published:
        right.append(f"<i>{_esc(text('print_updated', lang, day=short_date(notice.updated)))}</i>")
    title_size = f"{max(14.0, style.font_size):g}pt"
    parts = [
        '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>',
        '<td width="48%" align="center">' + "<br>".join(p for p in left if p) + "</td>",
        '<td width="52%" align="center">' + "<br>".join(p for p in right if p) + "</td>",
        "</tr></table>",
    ]
    if notice.withdrawn:
        parts.append(
            f'<p align="center" style="margin-top:{after}; margin-bottom:0px">'
            f"<b>{_esc(text('print_withdrawn', lang))}</b></p>"
        )
    found = banner(notice, lang)
    if found is not None and found.status in ("expired", "partly_expired"):
        # So that a superseded document never circulates on paper without it.
        parts.append(
            '<table border="1" cellspacing="0" cellpadding="6" width="100%"'
            f' style="border-style:solid; border-color:#c00000; margin-top:{after}"><tr>'
            f'<td align="center"><span style="color:#c00000"><b>{_esc(found.sentence)}</b>'
            "</span></td></tr></table>"
        )
    parts.append(
        f'<p align="center" style="margin-top:18px; margin-bottom:{after};'
        f' font-size:{title_size}"><b>{_esc(upper_title(notice.title))}</b></p>'
    )
    if notice.summary:
        parts.append(
            f'<p align="center" style="margin-top:0px; margin-bottom:0px">'
            f"<i>{_esc(notice.summary)}</i></p>"
        )
    parts.append('<hr width="30%">')
    parts.append(style_body(body_html, style))
    closing = signing_html(notice, lang, style)
    if closing:
        parts.append(closing)
    if notice.attachments:
        names = ", ".join(_esc(a.name) for a in notice.attachments)
        label = _esc(text("print_attachments", lang))
        parts.append(f'<p style="margin-top:{after}"><i>{label}</i> {names}</p>')
    return "\n".join(parts)


#: "Nơi nhận:" and its list, in points (Decree 30, Appendix I).
RECIPIENTS_TITLE_PT = 12.0
RECIPIENTS_PT = 11.0


def signing_html(notice: NoticeDetail, lang: str = "vi", style: PrintStyle | None = None) -> str:
    """ "Nơi nhận" on the left and the signing block on the right, side by side.

    "Nơi nhận:" bold italic 12 pt, each recipient 11 pt on its own line
    ("- Như trên;", the last ending with "."); the authority and title in
    bold capitals, room for the signature, then the name in bold.
    Empty when the notice has neither.
    """
    style = style or PrintStyle()
    if not notice.recipients and notice.signer is None:
        return ""
    left = ""
    if notice.recipients:
        count = len(notice.recipients)
        lines = "<br>".join(
            _esc(f"- {name}{'.' if index == count - 1 else ';'}")
            for index, name in enumerate(notice.recipients)
        )
        left = (
            f'<p style="margin-top:0px; margin-bottom:0px; font-size:{RECIPIENTS_TITLE_PT:g}pt">'
            f"<b><i>{_esc(text('print_recipients', lang))}</i></b></p>"
            f'<p style="margin-top:0px; margin-bottom:0px; font-size:{RECIPIENTS_PT:g}pt">'
            f"{lines}</p>"
        )
    right = ""
    if notice.signer is not None:
        signer = notice.signer
        heads = [upper_title(h) for h in (signer.authority, signer.title) if h]
        right = (
            '<p align="center" style="margin-top:0px; margin-bottom:0px">'
            f"<b>{'<br>'.join(_esc(h) for h in heads)}</b></p>"
            # Room for the signature and the seal.
            '<p align="center" style="margin-top:60px; margin-bottom:0px">'
            f"<b>{_esc(signer.name)}</b></p>"
        )
    size = f"{style.font_size:g}pt"
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0"'
        f' style="margin-top:12px; font-size:{size}"><tr>'
        f'<td width="50%" valign="top">{left}</td>'
        f'<td width="50%" valign="top">{right}</td>'
        "</tr></table>"
    )


def index_html(
    rows: Sequence[NoticeSummary], lang: str = "vi", style: PrintStyle | None = None
) -> str:
    """The index of a selection: one table of title, number and posting date."""
    style = style or PrintStyle()
    head = "".join(
        f'<th width="{width}%">{_esc(text(key, lang))}</th>'
        for key, width in (
            ("print_col_no", 7),
            ("print_col_title", 51),
            ("print_col_number", 24),
            ("print_col_date", 18),
        )
    )
    body = "".join(
        "<tr>"
        f'<td align="center">{i}</td>'
        f"<td>{_esc(row.title)}</td>"
        f'<td align="center" nowrap>{_esc(row.number or "")}</td>'
        f'<td align="center" nowrap>{_esc(short_date(row.published))}</td>'
        "</tr>"
        for i, row in enumerate(rows, start=1)
    )
    title_size = f"{max(14.0, style.font_size):g}pt"
    return "\n".join(
        [
            f'<p align="center" style="margin-top:0px; margin-bottom:0px;'
            f' font-size:{title_size}"><b>{_esc(text("print_index_title", lang))}</b></p>',
            f'<p align="center" style="margin-top:0px; margin-bottom:12px">'
            f"<i>{_esc(text('print_index_count', lang, count=len(rows)))}</i></p>",
            style_body(
                f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>", style
            ),
        ]
    )


# -- what is printed ------------------------------------------------------------------------


@dataclass(frozen=True)
class PagedTable:
    """A long table that the painter cuts into page-sized tables, its header on each.

    Laid out as one QTextDocument, a table of thousands of rows takes Qt time
    that grows faster than the rows, on every page painted. `units` are kept
    whole on a page: each is one or more complete `<tr>` rows (a notice and its
    offices). `before` prints above the table on the first page, `after` below
    its last row.
    """

    before: str
    table_open: str  # the <table> tag and its <thead>, up to and with <tbody>
    units: tuple[str, ...]
    after: str = ""
    table_close: str = "</tbody></table>"

    def html(self, units: Sequence[str], *, first: bool = True, last: bool = True) -> str:
        """The HTML of a page (or the whole document) holding *units*."""
        parts = [self.before] if first else []
        parts.append(f"{self.table_open}{''.join(units)}{self.table_close}")
        if last and self.after:
            parts.append(self.after)
        return "\n".join(parts)


@dataclass(frozen=True)
class PrintSource:
    """One printed document: it starts on a new page and numbers its own pages.

    `kind` is "notice" (its HTML starts with the header table), "index" or
    "register" (the incoming register, desktop/render/registerbook.py).
    `images` maps an attachment's sha256 to its bytes, for `attachment:` images.
    `landscape`: A4 turned sideways, for wide tables. `table`: the same
    document as `html`, given as a long table the painter may paginate itself.
    """

    kind: str
    title: str
    html: str
    footer: str
    notice_id: str | None = None
    images: Mapping[str, bytes] = field(default_factory=dict)
    landscape: bool = False
    table: PagedTable | None = None


def notice_source(
    notice: NoticeDetail,
    printed_at: datetime,
    lang: str = "vi",
    images: Mapping[str, bytes] | None = None,
    style: PrintStyle | None = None,
) -> PrintSource:
    # Markdown and nh3 load on first use, on the worker: the window imports
    # this module for its print settings before its first paint.
    from desktop.render.markdown import render_body

    body = render_body(notice.body_markdown, notice.attachments)
    page = notice_html(notice, body, lang, style)
    return PrintSource(
        kind="notice",
        title=unicodedata.normalize("NFC", notice.title),
        html=page,
        footer=footer_text(notice.publisher_name or notice.issuer, printed_at, lang),
        notice_id=notice.id,
        # Only the images the body shows.
        images={sha: data for sha, data in (images or {}).items() if f"attachment:{sha}" in page},
    )


def index_source(
    rows: Sequence[NoticeSummary],
    printed_at: datetime,
    lang: str = "vi",
    publisher: str | None = None,
    style: PrintStyle | None = None,
) -> PrintSource:
    return PrintSource(
        kind="index",
        title=text("print_index_title", lang),
        html=index_html(rows, lang, style),
        footer=footer_text(publisher, printed_at, lang),
    )
