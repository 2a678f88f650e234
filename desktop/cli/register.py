"""`bangtin register list | set | print | export`: the incoming register (Sổ văn bản đến)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.cli.context import EXIT_OK, Context, Failure
from desktop.cli.output import print_json


def cmd_register_list(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.register import list_register, row_json
    from desktop.render.dates import short_date
    from desktop.render.registerbook import content_text, note_text, status_label

    year = args.year or ctx.today().year  # "this year by default", as its help says
    with ctx.opened() as archive:
        rows = list_register(archive, year, args.status)
    if args.json:
        print_json([row_json(row, ctx.lang) for row in rows])
        return EXIT_OK
    if not rows:
        print(ctx.say("register_empty"))
    for row in rows:
        number = f"  [{row.number}]" if row.number else ""
        print(
            f"{row.incoming_number:>5}/{row.year}  {short_date(row.received_at)}  "
            f"{content_text(row)}{number}  ({status_label(row.status, ctx.lang)})"
        )
        # Every column the clerk writes: to whom, on which day (Ngày chuyển), the note.
        handed = (
            f"{ctx.say('reg_col_handed')} {short_date(row.handed_over)}" if row.handed_over else ""
        )
        extra = [row.assigned_to or "", handed, note_text(row, ctx.lang)]
        if any(extra):
            print(f"            {' — '.join(e for e in extra if e)}")
    return EXIT_OK


def cmd_register_set(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.register import (
        KEEP,
        BadRegisterValue,
        UnknownRegisterLine,
        set_register,
    )

    changes = {
        "assigned_to": args.assigned_to if args.assigned_to is not None else KEEP,
        "handed_over": args.handed_over if args.handed_over is not None else KEEP,
        "status": args.status if args.status is not None else KEEP,
        "note": args.note if args.note is not None else KEEP,
    }
    if all(value is KEEP for value in changes.values()):
        raise Failure(ctx.say("register_nothing"))
    # An empty text clears the column.
    for key in ("assigned_to", "note"):
        if changes[key] == "":
            changes[key] = None
    year = args.year or ctx.today().year
    with ctx.opened() as archive:
        try:
            row = set_register(
                archive, year, args.incoming_number, day=ctx.today(), **changes
            ).value
        except UnknownRegisterLine as exc:
            raise Failure(ctx.say("register_unknown", year=exc.year, number=exc.number)) from exc
        except BadRegisterValue as exc:
            raise Failure(exc.message(ctx.lang)) from exc
    print(ctx.say("register_updated", number=row.incoming_number, year=row.year))
    return EXIT_OK


def _output(ctx: Context, value: str, failed: str) -> Path:
    out = Path(value)
    if not out.parent.is_dir():
        raise Failure(ctx.say(failed, path=out, reason=ctx.say("no_folder")))
    return out


def cmd_register_print(ctx: Context, args: argparse.Namespace) -> int:
    """The register of one year as a landscape A4 PDF, headless."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import datetime

    from db.common import VN_TZ
    from desktop.ops.register import list_register
    from desktop.render.registerbook import register_source

    out = _output(ctx, args.pdf, "pdf_failed")
    year = args.year or ctx.today().year  # this year's book, as `register list` shows
    with ctx.opened() as archive:
        rows = list_register(archive, year)
    if not rows:
        # As the window's "In sổ…": a year with no line (often a mistyped --year) is said.
        raise Failure(ctx.say("register_year_empty", year=year))
    source = register_source(rows, year, datetime.now(VN_TZ), ctx.lang)
    from PySide6.QtGui import QGuiApplication

    from desktop import pagepainter

    _app = QGuiApplication.instance() or QGuiApplication(["bangtin"])
    try:
        pages = pagepainter.write_pdf(out, [source])
    except OSError as exc:
        raise Failure(ctx.say("pdf_failed", path=out, reason=exc.strerror or str(exc))) from exc
    print(ctx.say("pdf_written", pages=pages, path=out))
    return EXIT_OK


def cmd_register_export(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.register import export_xlsx, list_register

    out = _output(ctx, args.xlsx, "xlsx_failed")
    year = args.year or ctx.today().year  # this year's book, as `register list` shows
    with ctx.opened() as archive:
        rows = list_register(archive, year)
    if not rows:
        raise Failure(ctx.say("register_year_empty", year=year))
    try:
        count = export_xlsx(rows, out, year, ctx.lang)
    except OSError as exc:
        raise Failure(ctx.say("xlsx_failed", path=out, reason=exc.strerror or str(exc))) from exc
    print(ctx.say("xlsx_written", rows=count, year=year, path=out))
    return EXIT_OK
