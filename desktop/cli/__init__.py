"""The `bangtin` command: a thin layer over db/, desktop/bundles/ and desktop/ops/.

Scripts and tests depend on it, so its options, JSON field names and exit
codes are stable: 0 done, 1 refused or failed (nothing changed), 2 usage.
Messages are Vietnamese unless `--lang en`; errors are one sentence on
stderr, and with `--json` also `{"error": {"code": …, "message": …}}` on stdout.

`parser` holds the grammar, `context` what every command needs, `output`
how it writes; each command group has its own module (`keys`, `bundles`,
`trust`, `importing`, `reading`, `maintenance`, `window`, `printing`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from desktop.cli.context import EXIT_OK, EXIT_PIPE, EXIT_REFUSED, EXIT_USAGE, Context, Failure
from desktop.cli.output import print_json, utf8
from desktop.cli.parser import (
    Command,
    UsageError,
    argparse_language,
    build_parser,
    bundle_argument,
    peek_lang,
)
from desktop.cli.window import cmd_gui
from desktop.messages import text

__all__ = ["EXIT_OK", "EXIT_PIPE", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main"]


def _known(exc: BaseException) -> bool:
    """Whether *exc* is a refusal the program expects, as opposed to a bug."""
    from db.errors import ArchiveError
    from desktop.bundles.errors import BundleError

    return isinstance(exc, BundleError | ArchiveError)


def _code(exc: BaseException) -> str:
    """Why a command failed, as the stable code `--json` reports."""
    from db.errors import ArchiveError, BackupError, classify
    from desktop.bundles.errors import BundleError, KeyFileError

    if isinstance(exc, Failure):
        # A refusal said in words of its own still has the code of its cause.
        cause = exc.__cause__
        return _code(cause) if exc.code == "refused" and cause is not None else exc.code
    if isinstance(exc, BundleError | ArchiveError | BackupError | KeyFileError):
        return str(exc.code)
    found = classify(exc)
    if found is not None:
        return str(found)
    return "os_error" if isinstance(exc, OSError) else "unexpected"


def _fail(sentence: str, code: str, exit_code: int, as_json: bool) -> int:
    """Say why on stderr; under `--json`, also as `{"error": {code, message}}` on stdout."""
    if as_json:
        print_json({"error": {"code": code, "message": sentence}})
    print(sentence, file=sys.stderr)
    return exit_code


def quiet_libraries() -> None:
    """Keep psycopg's own warnings off the terminal.

    A pipeline closed on a connection the server dropped logs "error ignored
    terminating <psycopg.Pipeline …>" before our one sentence says the same;
    without a handler of ours, Python's last resort would print it on stderr.
    The log file's handler on the root logger (desktop/logfile.py) still gets it.
    """
    import logging

    found = logging.getLogger("psycopg")
    if not any(isinstance(h, logging.NullHandler) for h in found.handlers):
        found.addHandler(logging.NullHandler())


def main(argv: Sequence[str] | None = None) -> int:
    utf8(sys.stdout)
    utf8(sys.stderr)
    quiet_libraries()
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = peek_lang(argv)
    argv, bundle = bundle_argument(argv)
    try:
        with argparse_language(lang):
            args = build_parser(lang).parse_args(argv)
    except UsageError as exc:
        said = text("usage", lang, detail=exc.detail, command=exc.command)
        return _fail(said, "usage", EXIT_USAGE, "--json" in argv)
    args.initial_bundle = bundle
    args.lang_given = args.lang
    args.lang = args.lang or "vi"
    as_json = bool(getattr(args, "json", False))
    ctx = Context(args)
    func: Command = getattr(args, "func", cmd_gui)
    # Warnings and errors no sentence shows go to the log file (desktop/logfile.py).
    from desktop import logfile

    logfile.start("window" if func is cmd_gui else "cli " + func.__name__.removeprefix("cmd_"))
    try:
        if func is not cmd_gui:
            # The window says it in the window, where a shortcut's user sees it.
            ctx.refuse_bad_server()
        return func(ctx, args)
    except Failure as exc:
        return _fail(str(exc), _code(exc), EXIT_REFUSED, as_json)
    except KeyboardInterrupt:
        return _fail(text("cancelled", ctx.lang), "cancelled", 130, as_json)
    except BrokenPipeError:
        # `bangtin list | head -1`: the reader of our output has gone. Say
        # nothing, as `ls | head` does, and point stdout at nowhere so that
        # the interpreter's last flush cannot complain either.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_PIPE
    except Exception as exc:  # noqa: BLE001 - the promise is one sentence, never a traceback
        if not _known(exc):
            # The traceback the sentence leaves out, for whoever looks into it.
            logfile.log.error("unexpected error", exc_info=exc)
        status = _fail(ctx.describe(exc), _code(exc), EXIT_REFUSED, as_json)
        if os.environ.get("BANGTIN_DEBUG") and not _known(exc):
            raise
        return status
