"""The province's report of the offices' receipts: words, and an A4 table to print.

Qt-free: plain HTML in a `PrintSource` that desktop/pagepainter.py lays out,
as it does the incoming register. One table row per notice and office,
grouped by notice; then one row per office: its last receipt, the last
bundle it applied and how far behind it is.
"""

from __future__ import annotations

import html
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.messages import text
from desktop.render.dates import date_time, short_date
from desktop.render.printtemplate import PagedTable, PrintSource, footer_text

if TYPE_CHECKING:
    from desktop.ops.receipts import NoticeState, OfficeState, OfficeSummary, TrackingReport

#: The status codes' words, by catalog key.
STATUS_KEYS = {
    None: "rcpt_status_none",
    "01": "rcpt_status_01",
    "03": "rcpt_status_03",
    "05": "rcpt_status_05",
    "06": "rcpt_status_06",
}


def status_label(status: str | None, lang: str = "vi") -> str:
    """ "Chưa nhận", "Đã đến", "Đã vào sổ", "Đang xử lý", "Hoàn thành"."""
    return text(STATUS_KEYS.get(status, "rcpt_status_none"), lang)


def notice_label(notice: NoticeState, lang: str = "vi") -> str:
    """ "12/KH-UBND: Kế hoạch …" for a notice this archive holds; for one only receipts
    name, its id and that its number and title are not known here."""
    if not notice.held:
        return text("rcpt_not_held", lang, id=notice.notice_id)
    label = notice.title or notice.notice_id
    return f"{notice.number}: {label}" if notice.number else label


def not_held_note(report: TrackingReport, lang: str = "vi") -> str | None:
    """Why some notices are named by id only, once for the report; None when none is."""
    count = report.not_held
    return text("rcpt_not_held_note", lang, count=count) if count else None


def office_cell(state: OfficeState, lang: str = "vi") -> str:
    """One office's state for one notice, in words: status, số đến, lateness."""
    parts = [status_label(state.status, lang)]
    if state.incoming:
        parts.append(text("rcpt_incoming", lang, number=state.incoming))
    if state.person:
        parts.append(state.person)
    if state.reports:
        parts.append(text("rcpt_reports", lang, count=len(state.reports)))
    if state.days_late:
        key = "rcpt_answered_late" if state.answered else "rcpt_overdue"
        parts.append(text(key, lang, days=state.days_late))
    return "; ".join(parts)


def summary_cells(office: OfficeSummary, lang: str = "vi") -> list[str]:
    """An office's line: name and code, last receipt, last bundle, how far behind."""
    receipt = office.last_receipt
    last = (
        text(
            "rcpt_last_receipt",
            lang,
            sequence=receipt.sequence,
            when=date_time(receipt.created_at, lang),
        )
        if receipt
        else text("rcpt_no_receipt", lang)
    )
    # A publisher this archive never imported from is known by its id only: say so.
    named = office.last_bundle_publisher_name
    bundle = (
        text(
            "rcpt_last_bundle" if named else "rcpt_last_bundle_unnamed",
            lang,
            sequence=office.last_bundle_sequence,
            publisher=named or office.last_bundle_publisher or "",
            when=short_date(office.last_bundle_at, lang),
        )
        if office.last_bundle_at is not None
        else text("rcpt_no_bundle", lang)
    )
    behind = (
        text("rcpt_behind", lang, count=office.behind)
        if office.behind
        else text("rcpt_up_to_date", lang)
    )
    return [f"{office.name} ({office.code})", last, bundle, behind]


def _esc(value: str) -> str:
    return html.escape(unicodedata.normalize("NFC", value), quote=True)


_TABLE = (
    '<table border="1" cellspacing="0" cellpadding="3" width="100%"'
    ' style="border-collapse:collapse; border-style:solid; border-color:#000000; font-size:10pt">'
)


def report_table(report: TrackingReport, lang: str = "vi") -> PagedTable:
    """The report's title, the notices × offices table (one unit per notice: its
    offices' rows) and, after it, the offices' table."""
    head = "".join(
        f'<th width="{width}%">{_esc(text(key, lang))}</th>'
        for key, width in (
            ("rcpt_col_notice", 30),
            ("rcpt_col_office", 24),
            ("rcpt_col_status", 30),
            ("rcpt_col_time", 16),
        )
    )
    units: list[str] = []
    for notice in report.notices:
        label = notice_label(notice, lang)
        if notice.deadline is not None:
            label += " — " + text("rcpt_deadline", lang, day=short_date(notice.deadline, lang))
        span = max(len(notice.offices), 1)
        rows: list[str] = []
        for index, state in enumerate(notice.offices):
            first = f'<td rowspan="{span}">{_esc(label)}</td>' if index == 0 else ""
            when = date_time(state.at, lang) if state.at else ""
            rows.append(
                f"<tr>{first}<td>{_esc(state.name)}<br/>{_esc(state.code)}</td>"
                f"<td>{_esc(office_cell(state, lang))}</td>"
                f'<td align="center">{_esc(when)}</td></tr>'
            )
        if rows:
            units.append("".join(rows))
    offices_head = "".join(
        f"<th>{_esc(text(key, lang))}</th>"
        for key in ("rcpt_col_office", "rcpt_col_receipt", "rcpt_col_bundle", "rcpt_col_behind")
    )
    office_rows = "".join(
        "<tr>" + "".join(f"<td>{_esc(cell)}</td>" for cell in summary_cells(o, lang)) + "</tr>"
        for o in report.offices
    )
    before = "\n".join(
        [
            '<p align="center" style="margin-top:0px; margin-bottom:0px; font-size:15pt">'
            f"<b>{_esc(text('rcpt_title', lang))}</b></p>",
            '<p align="center" style="margin-top:4px; margin-bottom:12px">'
            f"<i>{_esc(text('rcpt_as_of', lang, day=short_date(report.day, lang)))}</i></p>",
        ]
    )
    note = not_held_note(report, lang)
    if note:
        before += f'\n<p style="margin-top:0px; margin-bottom:10px">{_esc(note)}</p>'

    after = "\n".join(
        [
            '<p style="margin-top:14px; margin-bottom:6px">'
            f"<b>{_esc(text('rcpt_offices', lang))}</b></p>",
            f"{_TABLE}<thead><tr>{offices_head}</tr></thead><tbody>{office_rows}</tbody></table>",
        ]
    )
    return PagedTable(
        before=before,
        table_open=f"{_TABLE}<thead><tr>{head}</tr></thead><tbody>",
        units=tuple(units),
        after=after,
    )


def report_source(report: TrackingReport, printed_at: datetime, lang: str = "vi") -> PrintSource:
    """The report as one portrait A4 print document."""
    table = report_table(report, lang)
    return PrintSource(
        kind="receipts",
        title=text("rcpt_title", lang),
        html=table.html(table.units),
        footer=footer_text(None, printed_at, lang),
        table=table,
    )
