"""`bangtin office | receipt | receipts`: offices' identities and receipts, the province's view.

At an office: `office init`, `office show`, `receipt attach`, `receipt build`,
`receipt ack` (read the province's acknowledgement). At the province:
`office trust add | list`, `receipt import`, `receipts report`, `receipts ack`
(write the acknowledgement for the offices' sticks). The grammar of these
commands is here too (`add_commands`), so the parser only calls it.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.bundles.errors import ImportCancelled, KeyFileError
from desktop.cli.context import EXIT_OK, EXIT_REFUSED, Context, Failure
from desktop.cli.output import ProgressBar, print_json
from desktop.messages import text, write_reason

if TYPE_CHECKING:
    from desktop.ops.receipts import NoticeState, OfficeState, TrackingReport


def add_commands(
    sub: Any, parser_class: type[argparse.ArgumentParser], day: Any, lang: str
) -> None:
    """Add the receipt commands to *sub*, their help in *lang*; *day* parses a date."""

    def h(key: str) -> str:
        return text(key, lang)

    def command(parent: Any, name: str, key: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = parent.add_parser(name, help=h(key), description=h(key))
        return made

    def json_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help=h("opt_json"))

    file_, folder, name = h("mv_file"), h("mv_folder"), h("mv_name")
    osub = command(sub, "office", "cmd_office").add_subparsers(
        dest="office_command", required=True, metavar=h("mv_command"), parser_class=parser_class
    )
    p = command(osub, "init", "cmd_office_init")
    p.add_argument("--name", required=True, metavar=name, help=h("opt_office_name"))
    p.add_argument("--code", required=True, metavar="CODE", help=h("opt_office_code"))
    p.add_argument(
        "--key-out", dest="key_out", required=True, metavar=folder, help=h("opt_office_key_out")
    )
    json_option(p)
    p.set_defaults(func=cmd_office_init)
    p = command(osub, "show", "cmd_office_show")
    json_option(p)
    p.set_defaults(func=cmd_office_show)
    tsub = command(osub, "trust", "cmd_office_trust").add_subparsers(
        dest="office_trust_command",
        required=True,
        metavar=h("mv_command"),
        parser_class=parser_class,
    )
    p = command(tsub, "add", "cmd_office_trust_add")
    p.add_argument("file", metavar="office.pub", help=h("opt_office_pub"))
    p.add_argument("--name", metavar=name, help=h("opt_office_name"))
    p.add_argument("--code", metavar="CODE", help=h("opt_office_code"))
    p.set_defaults(func=cmd_office_trust_add)
    p = command(tsub, "list", "cmd_office_trust_list")
    json_option(p)
    p.set_defaults(func=cmd_office_trust_list)
    p = command(tsub, "remove", "cmd_office_trust_remove")
    p.add_argument("key_id", metavar=h("mv_key_id"), help=h("opt_trust_key_id"))
    p.set_defaults(func=cmd_office_trust_remove)

    rsub = command(sub, "receipt", "cmd_receipt").add_subparsers(
        dest="receipt_command", required=True, metavar=h("mv_command"), parser_class=parser_class
    )
    p = command(rsub, "build", "cmd_receipt_build")
    p.add_argument("--out", required=True, metavar=file_, help=h("opt_receipt_out"))
    p.add_argument("--key", metavar=h("mv_key"), help=h("opt_receipt_key"))
    json_option(p)
    p.set_defaults(func=cmd_receipt_build)
    p = command(rsub, "attach", "cmd_receipt_attach")
    p.add_argument("notice_id", metavar=h("mv_id"), help=h("opt_receipt_notice"))
    p.add_argument("file", metavar=file_, help=h("opt_receipt_report"))
    p.set_defaults(func=cmd_receipt_attach)
    p = command(rsub, "import", "cmd_receipt_import")
    p.add_argument("files", nargs="+", metavar=file_, help=h("opt_receipt_files"))
    json_option(p)
    p.set_defaults(func=cmd_receipt_import)
    p = command(rsub, "ack", "cmd_receipt_ack")
    p.add_argument("file", metavar=file_, help=h("opt_ack_file"))
    p.set_defaults(func=cmd_receipt_ack)

    ssub = command(sub, "receipts", "cmd_receipts").add_subparsers(
        dest="receipts_command", required=True, metavar=h("mv_command"), parser_class=parser_class
    )
    p = command(ssub, "report", "cmd_receipts_report")
    p.add_argument("--notice", metavar=h("mv_id"), help=h("opt_report_notice"))
    p.add_argument("--office", metavar="CODE", help=h("opt_report_office"))
    p.add_argument(
        "--as-of", dest="as_of", type=day, metavar="YYYY-MM-DD", help=h("opt_report_as_of")
    )
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=h("opt_json"))
    fmt.add_argument("--pdf", metavar=file_, help=h("opt_report_pdf"))
    p.set_defaults(func=cmd_receipts_report)
    p = command(ssub, "ack", "cmd_receipts_ack")
    p.add_argument("--key", required=True, metavar=h("mv_key"), help=h("opt_ack_key"))
    p.add_argument("--publisher", required=True, metavar=name, help=h("opt_build_publisher"))
    p.add_argument("--out", required=True, metavar=file_, help=h("opt_ack_out"))
    p.set_defaults(func=cmd_receipts_ack)


def _office_failure(ctx: Context, exc: Exception) -> Failure:
    from desktop.ops.receipts import OfficeError
    from desktop.receipts.errors import ReceiptError

    if isinstance(exc, OfficeError):
        return Failure(ctx.say(exc.code, **exc.params))
    if isinstance(exc, ReceiptError | KeyFileError):
        return Failure(exc.message(ctx.lang))
    return Failure(ctx.describe(exc))


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


# -- at the office ---------------------------------------------------------------------------


def cmd_office_init(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.receipts import OfficeError, init_office
    from desktop.receipts.builder import PUBLIC_NAME

    with ctx.opened() as archive:
        try:
            office = init_office(archive, args.name, args.code, Path(args.key_out)).value
        except (OfficeError, KeyFileError, OSError) as exc:
            raise _office_failure(ctx, exc) from exc
    public = Path(args.key_out) / PUBLIC_NAME
    if args.json:
        print_json(
            {
                "code": office.code,
                "name": office.name,
                "key_id": office.key_id,
                "key": office.key_path,
                "public_key": str(public),
            }
        )
    else:
        print(
            ctx.say(
                "office_initialized",
                name=office.name,
                agency=office.code,
                key_id=office.key_id,
                public=public,
            )
        )
    return EXIT_OK


def cmd_office_show(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.receipts import receipt_status

    with ctx.opened() as archive:
        status = receipt_status(archive)
    office = status.office
    if args.json:
        print_json(
            {
                "code": office.code if office else None,
                "name": office.name if office else None,
                "key_id": office.key_id if office else None,
                "last_receipt": status.last_sequence or None,
                "last_written": _iso(status.last_written),
                "acknowledged": status.acknowledged or None,
                "untold": status.untold,
            }
        )
        return EXIT_OK
    if office is None:
        raise Failure(ctx.say("receipt_no_identity"))
    print(ctx.say("office_shown", name=office.name, agency=office.code, key_id=office.key_id))
    print(_status_line(ctx, status.last_sequence, status.last_written, status.untold))
    return EXIT_OK


def _status_line(ctx: Context, sequence: int, written: Any, untold: int) -> str:
    from desktop.render.dates import date_time

    if written is None:
        return ctx.say("receipt_never", untold=untold)
    return ctx.say(
        "receipt_last", sequence=sequence, when=date_time(written, ctx.lang), untold=untold
    )


def cmd_receipt_attach(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.receipts import OfficeError, attach_report
    from desktop.receipts.errors import ReceiptError

    source = Path(args.file)
    if not source.is_file():
        raise Failure(ctx.say("file_missing", path=args.file))
    with ctx.opened() as archive:
        try:
            written = attach_report(archive, args.notice_id, source)
        except (OfficeError, ReceiptError, OSError) as exc:
            raise _office_failure(ctx, exc) from exc
    row = written.value
    key = "report_attached" if written.changes else "report_attached_already"
    print(ctx.say(key, name=row.name, id=row.notice_id, sha=row.sha256[:12]))
    return EXIT_OK


def cmd_receipt_build(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.receipts.builder import build_receipt
    from desktop.receipts.errors import ReceiptError

    out = Path(args.out)
    if not out.parent.is_dir():
        raise Failure(ctx.say("receipt_write_failed", path=out, reason=ctx.say("no_folder")))
    with ctx.opened() as archive:
        try:
            result = build_receipt(archive, out, key_path=Path(args.key) if args.key else None)
        except (ReceiptError, KeyFileError) as exc:
            raise _office_failure(ctx, exc) from exc
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise Failure(ctx.say("receipt_write_failed", path=out, reason=reason)) from exc
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "office": result.office_code,
                "sequence": result.sequence,
                "receipt_id": result.receipt_id,
                "acknowledged": result.acknowledged,
                "bundles": result.bundles,
                "events": result.events,
                "opened": result.opened,
                "reports": result.reports,
                "size": result.size,
            }
        )
    else:
        print(
            ctx.say(
                "receipt_built",
                sequence=result.sequence,
                bundles=result.bundles,
                events=result.events,
                opened=result.opened,
                reports=result.reports,
                path=result.path,
            )
        )
    return EXIT_OK


def cmd_receipt_ack(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.receipts import read_ack
    from desktop.receipts.errors import ReceiptError

    path = Path(args.file)
    if not path.is_file():
        raise Failure(ctx.say("file_missing", path=args.file))
    with ctx.opened() as archive:
        try:
            result = read_ack(archive, path).value
        except ReceiptError as exc:
            raise Failure(exc.message(ctx.lang)) from exc
    key = {"acknowledged": "ack_applied", "already": "ack_already", "none": "ack_none"}
    print(ctx.say(key[result.status], sequence=result.sequence, publisher=result.publisher_name))
    return EXIT_OK


# -- at the province ----------------------------------------------------------------------------


def cmd_office_trust_add(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.receipts import OfficeError, enrol_office

    if not Path(args.file).is_file():
        raise Failure(ctx.say("file_missing", path=args.file))
    with ctx.opened() as archive:
        try:
            info, added = enrol_office(archive, Path(args.file), args.name, args.code).value
        except (OfficeError, KeyFileError) as exc:
            raise _office_failure(ctx, exc) from exc
    key = "office_enrolled" if added else "office_enrolled_already"
    print(ctx.say(key, name=info.name, agency=info.code, key_id=info.key_id))
    return EXIT_OK


def cmd_office_trust_list(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.receipts import enrolled

    with ctx.opened() as archive:
        offices = enrolled(archive)
    if args.json:
        print_json(
            [
                {
                    "code": o.code,
                    "name": o.name,
                    "key_id": o.key_id,
                    "added": o.added_at.isoformat(),
                }
                for o in offices
            ]
        )
    elif not offices:
        print(ctx.say("office_none_enrolled"))
    for office in offices if not args.json else []:
        print(f"{office.code}  {office.name}  ({office.key_id})")
    return EXIT_OK


def cmd_office_trust_remove(ctx: Context, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from db import tracking

    with ctx.writing() as session:
        removed = tracking.unenroll(session, args.key_id, datetime.now(UTC))
    if not removed:
        raise Failure(ctx.say("office_key_unknown", key_id=args.key_id))
    print(ctx.say("office_removed", key_id=args.key_id))
    return EXIT_OK


def _refused_json(reason: str, code: str) -> dict[str, Any]:
    return {
        "status": "refused",
        "office": None,
        "office_name": None,
        "sequence": None,
        "receipt_id": None,
        "bundles": 0,
        "events": 0,
        "reports": 0,
        "reason": reason,
        "code": code,
    }


def cmd_receipt_import(ctx: Context, args: argparse.Namespace) -> int:
    """Each receipt applied all or nothing; a refused one is reported and the next tried."""
    from desktop.receipts.errors import ReceiptError
    from desktop.receipts.importer import import_receipt

    status = EXIT_OK
    with ctx.opened() as archive:
        for name in args.files:
            bar = ProgressBar(ctx.lang)
            try:
                path = Path(name)
                if not path.exists():
                    raise Failure(ctx.say("file_missing", path=name))
                result = import_receipt(archive, path, progress=bar)
            except (ReceiptError, Failure, ImportCancelled) as exc:
                bar.clear()
                status = EXIT_REFUSED
                if isinstance(exc, ReceiptError):
                    reason, code = exc.message(ctx.lang), str(exc.code)
                elif isinstance(exc, Failure):
                    reason, code = str(exc), "file_missing"
                else:
                    reason, code = ctx.describe(exc), "cancelled"
                if args.json:
                    print_json(_refused_json(reason, code))
                else:
                    print(f"{name}: {reason}", file=sys.stderr)
                continue
            bar.finish()
            if result.status == "already":
                note = ctx.say(
                    "receipt_already", sequence=result.sequence, office=result.office_name
                )
            else:
                note = ctx.say(
                    "receipt_imported",
                    sequence=result.sequence,
                    office=result.office_name,
                    agency=result.office_code,
                    bundles=result.bundles,
                    events=result.events,
                    reports=result.reports,
                )
            if args.json:
                print_json(result.to_json(note))
            else:
                print(note)
    return status


def cmd_receipts_ack(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.receipts.ack import build_ack

    out = Path(args.out)
    if not out.parent.is_dir():
        raise Failure(ctx.say("receipt_write_failed", path=out, reason=ctx.say("no_folder")))
    with ctx.opened() as archive:
        try:
            result = build_ack(archive, Path(args.key), args.publisher, out)
        except KeyFileError as exc:
            raise Failure(exc.message(ctx.lang)) from exc
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise Failure(ctx.say("receipt_write_failed", path=out, reason=reason)) from exc
    print(ctx.say("ack_written", offices=result.offices, path=result.path))
    return EXIT_OK


def cmd_receipts_report(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.receipts import OfficeError, tracking_report

    day: date = args.as_of or ctx.today()
    with ctx.opened() as archive:
        try:
            report = tracking_report(
                archive, notice_id=args.notice, office_code=args.office, day=day
            )
        except OfficeError as exc:
            raise _office_failure(ctx, exc) from exc
    if args.notice and not report.notices:
        raise Failure(ctx.say("not_found", id=args.notice))
    if args.pdf:
        if not report.offices:
            # As the text report says: a PDF of two empty tables would say nothing.
            raise Failure(ctx.say("office_none_enrolled"))
        return _print_pdf(ctx, report, Path(args.pdf))
    if args.json:
        print_json(report_json(report, ctx.lang))
        return EXIT_OK
    _print_text(ctx, report)
    return EXIT_OK


def _office_json(state: OfficeState, lang: str) -> dict[str, Any]:
    from desktop.render.receiptreport import status_label

    return {
        "code": state.code,
        "name": state.name,
        "status": state.status,
        "label": status_label(state.status, lang),
        "at": _iso(state.at),
        "person": state.person,
        "incoming": state.incoming,
        "opened": _iso(state.opened),
        "reports": [
            {"name": r.name, "sha256": r.sha256, "size": r.size, "attached": _iso(r.attached_at)}
            for r in state.reports
        ],
        "answered": _iso(state.answered),
        "days_late": state.days_late,
    }


def _notice_json(notice: NoticeState, lang: str) -> dict[str, Any]:
    return {
        "id": notice.notice_id,
        "title": notice.title or None,
        "number": notice.number,
        "deadline": _iso(notice.deadline),
        "held": notice.held,
        "offices": [_office_json(o, lang) for o in notice.offices],
        "not_received": [o.code for o in notice.not_received],
        "not_answered": [{"code": o.code, "days_late": o.days_late} for o in notice.not_answered],
        "overdue": notice.overdue,
    }


def report_json(report: TrackingReport, lang: str = "vi") -> dict[str, Any]:
    """`receipts report --json`; the field names are stable."""
    return {
        "day": report.day.isoformat(),
        "offices": [
            {
                "code": o.code,
                "name": o.name,
                "key_id": o.key_id,
                "last_receipt": (
                    {
                        "sequence": o.last_receipt.sequence,
                        "created": o.last_receipt.created_at.isoformat(),
                        "imported": o.last_receipt.imported_at.isoformat(),
                    }
                    if o.last_receipt
                    else None
                ),
                "last_bundle": (
                    {
                        "publisher": o.last_bundle_publisher,
                        "publisher_name": o.last_bundle_publisher_name,
                        "sequence": o.last_bundle_sequence,
                        "imported": _iso(o.last_bundle_at),
                    }
                    if o.last_bundle_at is not None
                    else None
                ),
                "behind": o.behind,
            }
            for o in report.offices
        ],
        "notices": [_notice_json(n, lang) for n in report.notices],
    }


def _print_text(ctx: Context, report: TrackingReport) -> None:
    from desktop.render.dates import date_time
    from desktop.render.receiptreport import not_held_note, office_cell, summary_cells

    if not report.offices:
        print(ctx.say("office_none_enrolled"))
        return
    note = not_held_note(report, ctx.lang)
    if note:
        print(note)
        print()
    for notice in report.notices:
        if not notice.held:
            print(ctx.say("rcpt_not_held", id=notice.notice_id))
        else:
            number = f"{notice.number}  " if notice.number else ""
            print(f"{number}{notice.title}  ({notice.notice_id})")
        for state in notice.offices:
            when = f"  {date_time(state.at, ctx.lang)}" if state.at else ""
            print(f"    {state.code:<16} {office_cell(state, ctx.lang)}{when}")
    print()
    for office in report.offices:
        print(" — ".join(summary_cells(office, ctx.lang)))


def _print_pdf(ctx: Context, report: TrackingReport, out: Path) -> int:
    """The report as an A4 table, through the same headless painter as `print`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import datetime

    from db.types import VN_TZ
    from desktop.render.receiptreport import report_source

    if not out.parent.is_dir():
        raise Failure(ctx.say("pdf_failed", path=out, reason=ctx.say("no_folder")))
    source = report_source(report, datetime.now(VN_TZ), ctx.lang)
    from PySide6.QtGui import QGuiApplication

    from desktop import pagepainter

    _app = QGuiApplication.instance() or QGuiApplication(["bangtin"])
    try:
        pages = pagepainter.write_pdf(out, [source])
    except OSError as exc:
        reason = write_reason(exc, ctx.lang)
        raise Failure(ctx.say("pdf_failed", path=out, reason=reason)) from exc
    print(ctx.say("pdf_written", pages=pages, path=out))
    return EXIT_OK
