"""`bangtin print ID... --pdf FILE`: notices, or their index, as a PDF in the print layout."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.cli.context import EXIT_OK, Context, Failure
from desktop.messages import write_reason


def cmd_print(ctx: Context, args: argparse.Namespace) -> int:
    """Render notices (or their index) to a PDF, headless."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ops.printing import UnknownNotice, collect

    out = Path(args.pdf)
    if not out.parent.is_dir():
        raise Failure(ctx.say("pdf_failed", path=out, reason=ctx.say("no_folder")))
    with ctx.opened() as archive:
        try:
            sources = collect(archive, args.ids, ctx.lang, index=args.index)
        except UnknownNotice as exc:
            raise Failure(ctx.say("not_found", id=exc.notice_id), "not_found") from exc
    from PySide6.QtGui import QGuiApplication

    from desktop import pagepainter

    # QtGui is enough to lay out and paint; held until the PDF is written.
    _app = QGuiApplication.instance() or QGuiApplication(["bangtin"])
    try:
        pages = pagepainter.write_pdf(out, sources)
    except OSError as exc:
        reason = write_reason(exc, ctx.lang)
        raise Failure(ctx.say("pdf_failed", path=out, reason=reason)) from exc
    print(ctx.say("pdf_written", pages=pages, path=out))
    return EXIT_OK
