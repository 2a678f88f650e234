"""`bangtin` with no command (the window) and `bangtin screenshot`."""

from __future__ import annotations

import argparse
import errno
import os
import sys
import tempfile
from pathlib import Path

from desktop.cli.context import Context, Failure
from desktop.messages import write_reason


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(ctx: Context, args: argparse.Namespace) -> int:
    if not _has_display():
        raise Failure(ctx.say("no_display"))
    # The window opens the archive on its worker thread and says itself what is
    # wrong with it (busy, newer, damaged with the way out); opening it here as
    # well would put a second open, and SQLAlchemy's import, before first paint.
    # Only the demo archive must be made from its bundle first.
    if ctx.demo:
        try:
            ctx.archive().close()
        except Failure as exc:
            from db.errors import ErrorCode

            if getattr(exc.__cause__, "code", None) is not ErrorCode.DAMAGED:
                raise
    from desktop.ui.app import run

    # The window starts on the office's folder (and opens the demo from there
    # under --demo, so that Tệp → Mở kho dữ liệu của đơn vị leads back). On the
    # configured folder its first start makes the archive; a folder typed with
    # --data-dir is only made after the window asked.
    return run(
        ctx.office_dir,
        lang=args.lang_given,
        initial_bundle=args.initial_bundle,
        create=ctx.may_create(),
        demo=ctx.demo,
        # `--database`, then BANGTIN_DATABASE_URL unless --data-dir was typed, as every
        # command; else the settings'.
        database_url=ctx.database_url,
    )


def _check_writable(ctx: Context, out: Path) -> None:
    """Fail in one sentence now when *out* cannot be written, not after the window ran:
    QImage.save only answers False."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out.parent, prefix=".bangtin-"):
            pass
        if out.exists() and not os.access(out, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(out))
    except OSError as exc:
        reason = write_reason(exc, ctx.lang)
        raise Failure(ctx.say("screenshot_failed", path=out, reason=reason)) from exc


def cmd_screenshot(ctx: Context, args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out)
    _check_writable(ctx, out)
    archive = ctx.archive()
    archive.close()
    from desktop.ui.app import screenshot

    code = screenshot(
        ctx.data_dir,
        out,
        notice_id=args.notice,
        size=args.size,
        lang=args.lang_given,
        search=args.search,
        view=args.view,
        dark=args.dark,
        doc_type=args.doc_type,
        database_url=ctx.database_url,
    )
    if code:
        raise Failure(ctx.say("screenshot_not_made", path=out))
    return code
