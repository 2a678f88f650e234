"""The `bangtin` command: a thin layer over db/, desktop/bundles/ and desktop/ops/.

Scripts and tests depend on it, so its options, JSON field names and exit
codes are stable: 0 done, 1 refused or failed (nothing changed), 2 usage.
Messages are Vietnamese unless `--lang en`; errors are one sentence.

`parser` holds the grammar, `context` what every command needs, `output`
how it writes; each command group has its own module (`keys`, `bundles`,
`trust`, `importing`, `reading`, `maintenance`, `window`, `printing`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from desktop.cli.context import EXIT_OK, EXIT_PIPE, EXIT_REFUSED, EXIT_USAGE, Context, Failure
from desktop.cli.output import utf8
from desktop.cli.parser import Command, UsageError, build_parser, bundle_argument, peek_lang
from desktop.cli.window import cmd_gui
from desktop.messages import text

__all__ = ["EXIT_OK", "EXIT_PIPE", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main"]


def _known(exc: BaseException) -> bool:
    """Whether *exc* is a refusal the program expects, as opposed to a bug."""
    from db.errors import ArchiveError
    from desktop.bundles.errors import BundleError

    return isinstance(exc, BundleError | ArchiveError)


def main(argv: Sequence[str] | None = None) -> int:
    utf8(sys.stdout)
    utf8(sys.stderr)
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = peek_lang(argv)
    argv, bundle = bundle_argument(argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(text("usage", lang, detail=exc.detail), file=sys.stderr)
        return EXIT_USAGE
    args.initial_bundle = bundle
    args.lang_given = args.lang
    args.lang = args.lang or "vi"
    ctx = Context(args)
    func: Command = getattr(args, "func", cmd_gui)
    try:
        return func(ctx, args)
    except Failure as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(text("cancelled", ctx.lang), file=sys.stderr)
        return 130
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
        print(ctx.describe(exc), file=sys.stderr)
        if os.environ.get("BANGTIN_DEBUG") and not _known(exc):
            raise
        return EXIT_REFUSED
