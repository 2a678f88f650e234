"""The incoming register printed as a book: landscape A4, Appendix IV's columns.

Qt-free: plain HTML in a `PrintSource` that desktop/pagepainter.py lays out,
as it does a notice. The header is a register book's: its name in capitals,
the year, the span of numbers and days; then the table, with the decree's
column numbers under the headings and "Ký nhận" left blank for a hand.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from db.records import REGISTER_STATUSES, RegisterRow
from desktop.messages import text
from desktop.render.dates import short_date
from desktop.render.printtemplate import PagedTable, PrintSource, footer_text

#: Appendix IV's columns, then "Ngày chuyển" (the day handed over) beside
#: the receiver, as offices keep them: (catalog key, width in characters).
COLUMNS: tuple[tuple[str, int], ...] = (
    ("reg_col_received", 12),
    ("reg_col_number", 8),
    ("reg_col_issuer", 24),
    ("reg_col_doc_number", 16),
    ("reg_col_issued", 12),
    ("reg_col_title", 48),
    ("reg_col_assigned", 22),
    ("reg_col_handed", 12),
    ("reg_col_signed", 12),
    ("reg_col_note", 20),
)
#: Only in the workbook, after the book's columns: what a spreadsheet filters by.
EXTRA_COLUMNS: tuple[tuple[str, int], ...] = (
    ("reg_col_status", 16),
    ("reg_col_deadline", 12),
    ("reg_col_notice", 20),
)


def book_cells(row: RegisterRow, lang: str = "vi") -> list[Any]:
    """One line's cells in COLUMNS order; dates as dates, "Ký nhận" left blank for a hand."""
    return [
        row.received_at.date(),
        row.incoming_number,
        row.issuer or "",
        row.number or "",
        row.issued,
        content_text(row),
        row.assigned_to or "",
        row.handed_over,
        "",
        note_text(row, lang),
    ]


def span_text(rows: Sequence[RegisterRow], lang: str = "vi") -> str:
    """ "Từ số 1 đến số 12; từ ngày 02/01/2024 đến ngày 28/12/2024", for the book's header."""
    if not rows:
        return ""
    return text(
        "reg_book_span",
        lang,
        first=rows[0].incoming_number,
        last=rows[-1].incoming_number,
        start=short_date(rows[0].received_at),
        end=short_date(rows[-1].received_at),
    )


def status_label(status: str | None, lang: str = "vi") -> str:
    """ "Đã tiếp nhận", "Đang xử lý", "Hoàn thành"; empty for no line."""
    return text(f"reg_{status}", lang) if status in REGISTER_STATUSES else ""


def note_text(row: RegisterRow, lang: str = "vi") -> str:
    """The Ghi chú column: the clerk's note, and "đã thu hồi" for a withdrawn notice."""
    parts = [row.note] if row.note else []
    if row.withdrawn:
        parts.append(text("reg_withdrawn", lang))
    return "; ".join(parts)


def content_text(row: RegisterRow) -> str:
    """The "Tên loại và trích yếu nội dung" column."""
    gist = row.summary or row.title
    return f"{row.doc_type}: {gist}" if row.doc_type else gist


def _esc(value: str) -> str:
    return html.escape(unicodedata.normalize("NFC", value), quote=True)


#: Column widths in per cent of the table, in COLUMNS order.
WIDTHS = (8, 5, 13, 10, 8, 24, 11, 8, 6, 7)
#: The table's text size: ten columns across a landscape page.
TABLE_PT = 10.5


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return short_date(value)
    return _esc(str(value))


def register_table(rows: Sequence[RegisterRow], year: int, lang: str = "vi") -> PagedTable:
    """The register book's header and table for *rows* (one year, in number order), one
    unit per row: a busy year's table is cut into pages by the painter."""
    head = "".join(
        f'<th width="{width}%">{_esc(text(key, lang))}</th>'
        for (key, _chars), width in zip(COLUMNS, WIDTHS, strict=True)
    )
    numbers = "".join(f'<td align="center"><i>({i})</i></td>' for i in range(1, len(COLUMNS) + 1))
    lines = []
    for row in rows:
        cells = book_cells(row, lang)
        tds = "".join(
            # A date or a document number is kept whole: "118/QĐ-UBND" never breaks at its hyphen.
            f'<td align="center" style="white-space:nowrap">{_cell(value)}</td>'
            if index in (0, 3, 4, 7)
            else f'<td align="center">{_cell(value)}</td>'
            if index == 1
            else f"<td>{_cell(value)}</td>"
            for index, value in enumerate(cells)
        )
        lines.append(f"<tr>{tds}</tr>")
    table_open = (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%"'
        ' style="border-collapse:collapse; border-style:solid; border-color:#000000;'
        f' font-size:{TABLE_PT:g}pt">'
        f"<thead><tr>{head}</tr><tr>{numbers}</tr></thead><tbody>"
    )
    before = "\n".join(
        [
            '<p align="center" style="margin-top:0px; margin-bottom:0px; font-size:16pt">'
            f"<b>{_esc(text('reg_book_title', lang))}</b></p>",
            '<p align="center" style="margin-top:4px; margin-bottom:0px">'
            f"<b>{_esc(text('reg_book_year', lang, year=year))}</b></p>",
            '<p align="center" style="margin-top:4px; margin-bottom:12px">'
            f"<i>{_esc(span_text(rows, lang))}</i></p>",
        ]
    )
    return PagedTable(before=before, table_open=table_open, units=tuple(lines))


def register_html(rows: Sequence[RegisterRow], year: int, lang: str = "vi") -> str:
    """The register book's header and table for *rows*, as one HTML document."""
    table = register_table(rows, year, lang)
    return table.html(table.units)


def register_source(
    rows: Sequence[RegisterRow], year: int, printed_at: datetime, lang: str = "vi"
) -> PrintSource:
    """The register of *year* as one landscape print document."""
    table = register_table(rows, year, lang)
    return PrintSource(
        kind="register",
        title=f"{text('reg_book_title', lang)} {year}",
        html=table.html(table.units),
        footer=footer_text(None, printed_at, lang),
        landscape=True,
        table=table,
    )
