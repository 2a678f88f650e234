"""The incoming register (Sổ văn bản đến) and the deadlines (Việc cần làm), as operations.

Shared by the window and `bangtin register` / `bangtin todo`. Reads return
plain dataclasses (db.records.RegisterRow, TodoItem); `set_register` is the
one write and returns the line as it now stands. Exporting to Excel and the
words of each row are here too. No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.common import VN_TZ
from db.records import REGISTER_STATUSES, RegisterRow, TodoItem
from desktop.messages import text
from desktop.ops.changes import Changes, Written
from desktop.render.dates import short_date
from desktop.render.registerbook import (
    COLUMNS,
    EXTRA_COLUMNS,
    book_cells,
    note_text,
    span_text,
    status_label,
)

if TYPE_CHECKING:
    from db.archive import Archive

#: The longest text a clerk may write in one column.
MAX_CLERK_TEXT = 2000
#: Due within this many days: shown in orange (overdue ones are red).
SOON_DAYS = 3


class UnknownRegisterLine(LookupError):
    """The register has no line with this incoming number in this year."""

    def __init__(self, year: int, number: int) -> None:
        super().__init__(f"{number}/{year}")
        self.year = year
        self.number = number


#: The column each of `set_register`'s fields writes, by its catalog key: the
#: sentence names the column the clerk sees, never the field.
_COLUMN_KEYS = {
    "assigned_to": "reg_col_assigned",
    "handed_over": "reg_col_handed",
    "note": "reg_col_note",
    "status": "reg_col_status",
}


class BadRegisterValue(ValueError):
    """A clerk's value the register cannot take; `field` names the column."""

    def __init__(
        self, field: str, *, after: date | None = None, before: date | None = None
    ) -> None:
        super().__init__(field)
        self.field = field
        #: For a day handed over that has not come yet: the archive's today.
        self.after = after
        #: For a day handed over before the document came: its ngày đến.
        self.before = before

    def message(self, lang: str) -> str:
        column = text(_COLUMN_KEYS[self.field], lang)
        if self.after is not None:
            return text("register_day_to_come", lang, field=column, today=short_date(self.after))
        if self.before is not None:
            return text(
                "register_before_received",
                lang,
                field=column,
                received=text("reg_col_received", lang),
                day=short_date(self.before),
            )
        if self.field in ("assigned_to", "note"):
            return text("register_text_too_long", lang, field=column, limit=MAX_CLERK_TEXT)
        return text("register_bad_value", lang, field=column)


class _Keep:
    """The type of KEEP."""

    def __repr__(self) -> str:
        return "KEEP"


#: Leaves a column of `set_register` as it is.
KEEP: Any = _Keep()


def today() -> date:
    from db.validity import today as vn_today

    return vn_today()


# -- reading -----------------------------------------------------------------------------


def register_years(archive: Archive) -> list[int]:
    """The years the register has lines for, newest first (the year filter)."""
    from db import register

    with archive.reading() as session:
        return register.register_years(session)


def list_register(
    archive: Archive, year: int | None = None, status: str | None = None
) -> list[RegisterRow]:
    """The register's lines in number order, filtered by *year* and *status* when given."""
    from db import register

    if status is not None and status not in REGISTER_STATUSES:
        raise BadRegisterValue("status")
    with archive.reading() as session:
        return register.register_rows(session, year, status)


def register_page(
    archive: Archive, year: int, status: str | None, offset: int, limit: int
) -> tuple[int, list[RegisterRow]]:
    """How many lines *year* has (in *status*), and lines *offset*… of them, at most *limit*.

    A negative *offset* counts from the end: -200 is the last 200 lines.
    """
    from db import register

    if status is not None and status not in REGISTER_STATUSES:
        raise BadRegisterValue("status")
    with archive.reading() as session:
        total = register.register_count(session, year, status)
        start = max(0, total + offset) if offset < 0 else offset
        return total, register.register_page(session, year, status, start, limit)


def todo_list(
    archive: Archive, day: date | None = None, *, limit: int | None = None, offset: int = 0
) -> list[TodoItem]:
    """Notices with a deadline whose register line is not done, soonest first
    (items *offset*… of them, at most *limit*, when given).

    Days are counted from *day*, else the archive's own day, else today.
    """
    from db import register

    with archive.reading() as session:
        return register.todo(session, day or archive.as_of or today(), limit, offset)


@dataclass(frozen=True)
class TodoCount:
    """What the status bar shows: things to do, and how many are overdue."""

    total: int
    overdue: int


def todo_count(archive: Archive, day: date | None = None) -> TodoCount:
    from db import register

    with archive.reading() as session:
        total, overdue = register.todo_count(session, day or archive.as_of or today())
    return TodoCount(total=total, overdue=overdue)


# -- writing -----------------------------------------------------------------------------


def _clerk_text(value: Any, field: str) -> Any:
    if value is KEEP or value is None:
        return value
    if not isinstance(value, str) or len(value) > MAX_CLERK_TEXT or "\x00" in value:
        raise BadRegisterValue(field)
    return value


def set_register(
    archive: Archive,
    year: int,
    number: int,
    *,
    assigned_to: Any = KEEP,
    handed_over: Any = KEEP,
    note: Any = KEEP,
    status: Any = KEEP,
    day: date | None = None,
) -> Written[RegisterRow]:
    """Write the clerk's columns of line *number* of *year*; returns the line as it now is.

    Each column is KEEP (left alone), None (cleared) or its new value:
    `assigned_to` and `note` text, `handed_over` a date, `status` one of
    received / in_progress / done; `handed_over` may not be after *day* (else the
    archive's own day, else today). Raises UnknownRegisterLine and
    BadRegisterValue; nothing is written then.
    """
    from db import notify, register

    assigned_to = _clerk_text(assigned_to, "assigned_to")
    note = _clerk_text(note, "note")
    if handed_over is not KEEP and handed_over is not None:
        if not isinstance(handed_over, date):
            raise BadRegisterValue("handed_over")
        # A day not yet come is a slip of the keyboard (2099 for 2023), not a plan.
        day = day or archive.as_of or today()
        if handed_over > day:
            raise BadRegisterValue("handed_over", after=day)
    if status is not KEEP and status not in REGISTER_STATUSES:
        raise BadRegisterValue("status")
    with archive.writing() as session:
        if isinstance(handed_over, date):
            # A document is passed on after it came, never before: read in the same
            # transaction as the write, so the line checked is the line written.
            line = register.register_row(session, year, number)
            if line is None:
                raise UnknownRegisterLine(year, number)
            received = line.received_at.astimezone(VN_TZ).date()
            if handed_over < received:
                raise BadRegisterValue("handed_over", before=received)
        found = register.set_register_fields(
            session,
            year,
            number,
            assigned_to=register.KEEP if assigned_to is KEEP else assigned_to,
            handed_over=register.KEEP if handed_over is KEEP else handed_over,
            note=register.KEEP if note is KEEP else note,
            status=register.KEEP if status is KEEP else status,
        )
        if not found:
            raise UnknownRegisterLine(year, number)
        row = register.register_row(session, year, number)
        notify.announce(session, "register")
    assert row is not None
    return Written(row, Changes(register=True))


# -- words -------------------------------------------------------------------------------


def row_json(row: RegisterRow, lang: str = "vi") -> dict[str, Any]:
    """A line as `bangtin register list --json` prints it; the field names are stable."""
    return {
        "year": row.year,
        "incoming_number": row.incoming_number,
        "received_at": row.received_at.isoformat(),
        "issuer": row.issuer,
        "number": row.number,
        "issued": row.issued.isoformat() if row.issued else None,
        "type": row.doc_type,
        "title": row.title,
        "summary": row.summary,
        "assigned_to": row.assigned_to,
        "handed_over": row.handed_over.isoformat() if row.handed_over else None,
        "note": note_text(row, lang) or None,
        "status": row.status,
        "notice_id": row.notice_id,
        "withdrawn": row.withdrawn,
    }


def due_text(item: TodoItem, lang: str = "vi") -> str:
    """ "quá hạn 3 ngày", "hết hạn hôm nay", "còn 2 ngày"."""
    if item.days_left < 0:
        return text("todo_overdue", lang, days=-item.days_left)
    if item.days_left == 0:
        return text("todo_today", lang)
    return text("todo_left", lang, days=item.days_left)


def due_level(item: TodoItem) -> str:
    """ "overdue" (red), "soon" (orange: within SOON_DAYS days) or "later"."""
    if item.days_left < 0:
        return "overdue"
    return "soon" if item.days_left <= SOON_DAYS else "later"


def todo_json(item: TodoItem, lang: str = "vi") -> dict[str, Any]:
    """An item as `bangtin todo --json` prints it; the field names are stable."""
    return {
        "notice_id": item.notice_id,
        "title": item.title,
        "number": item.number,
        "deadline": item.deadline.isoformat(),
        "days_left": item.days_left,
        "overdue_days": max(0, -item.days_left),
        "due": due_text(item, lang),
        "level": due_level(item),
        "urgency": item.urgency,
        "status": item.status,
        "year": item.year,
        "incoming_number": item.incoming_number,
    }


# -- the register as a workbook -----------------------------------------------------------


def export_xlsx(rows: Sequence[RegisterRow], path: Path, year: int, lang: str = "vi") -> int:
    """Write *rows* as an Excel workbook at *path*; returns how many lines were written.

    Written beside *path* and renamed, so a failure leaves no half file.
    Headers are real text cells (openpyxl writes UTF-8 XML), so Vietnamese
    comes out right in Excel; dates are date cells shown dd/mm/yyyy.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    columns = (*COLUMNS, *EXTRA_COLUMNS)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Sổ đến {year}" if lang != "en" else f"Incoming {year}"
    width = len(columns)
    sheet.cell(row=1, column=1, value=text("reg_book_title", lang)).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(row=2, column=1, value=text("reg_book_year", lang, year=year)).font = Font(bold=True)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.cell(row=3, column=1, value=span_text(rows, lang)).font = Font(italic=True)
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
    for cell_row in (1, 2, 3):
        sheet.cell(row=cell_row, column=1).alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_row = 5
    for index, (key, chars) in enumerate(columns, start=1):
        cell = sheet.cell(row=header_row, column=index, value=text(key, lang))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(index)].width = chars
    for offset, row in enumerate(rows, start=1):
        values = [
            *book_cells(row, lang),
            status_label(row.status, lang),
            row.deadline,
            row.notice_id,
        ]
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=header_row + offset, column=index, value=value)
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        book.save(partial)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return len(rows)
