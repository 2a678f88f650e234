"""`bangtin bundle build` and `bangtin bundle verify`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.bundles.errors import BundleCode, BundleError, KeyFileError
from desktop.cli.context import EXIT_OK, Context, Failure
from desktop.cli.output import ProgressBar, print_json
from desktop.messages import counted

if TYPE_CHECKING:
    from db.archive import Archive


def cmd_bundle_build(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles.builder import SequenceError, SequenceStateError, build_bundle
    from desktop.bundles.source import SourceErrors
    from desktop.cli.trustchain import build_fields

    fields = build_fields(ctx, args, Path(args.key))
    bar = ProgressBar(ctx.lang)
    try:
        result = build_bundle(
            Path(args.src),
            Path(args.key),
            args.publisher,
            Path(args.out),
            since=args.since,
            sequence=args.sequence,
            progress=bar,
            trust=fields,
        )
    except SourceErrors as exc:
        bar.clear()
        for error in exc.errors:
            print(error.localized(ctx.lang), file=sys.stderr)
        raise Failure(ctx.say("source_errors", count=len(exc.errors)), "source_errors") from exc
    except KeyFileError as exc:
        bar.clear()
        raise Failure(exc.message(ctx.lang)) from exc
    except SequenceStateError as exc:
        bar.clear()
        raise Failure(ctx.say(f"sequence_state_{exc.code}", path=exc.path)) from exc
    except SequenceError as exc:
        bar.clear()
        raise Failure(ctx.say("bad_sequence", sequence=exc.sequence, since=exc.since)) from exc
    bar.finish()
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "bundle_id": result.bundle_id,
                "publisher": result.publisher_id,
                "sequence": result.sequence,
                "kind": result.kind,
                "base_sequence": result.base_sequence,
                "notices": result.notices,
                "withdrawals": result.withdrawals,
                "attachments": result.attachments,
                "size": result.size,
            }
        )
    else:
        print(
            ctx.say(
                "built",
                sequence=result.sequence,
                kind=ctx.say(f"built_{result.kind}"),
                notices=counted("built_notices", result.notices, ctx.lang),
                withdrawals=counted("built_withdrawals", result.withdrawals, ctx.lang),
                attachments=counted("built_attachments", result.attachments, ctx.lang),
                path=result.path,
            )
        )
    return EXIT_OK


def bundle_path(ctx: Context, value: str) -> Path:
    """*value* as a bundle file to read: a missing file fails, a folder is refused."""
    path = Path(value)
    if not path.exists():
        raise Failure(ctx.say("file_missing", path=value), "file_missing")
    if path.is_dir():
        raise BundleError(BundleCode.NOT_A_FILE, path=value)
    if not path.is_file():
        raise BundleError(BundleCode.UNREADABLE, path=value)
    return path


@contextmanager
def _archive_for_verify(ctx: Context) -> Iterator[Archive]:
    """The archive to verify against, without creating one.

    With no archive yet, an empty one in a temporary folder gives the answer
    an import would give (no key is trusted) and leaves the data dir alone.
    """
    from db.archive import DB_NAME, open_archive
    from db.errors import ArchiveError

    if ctx.demo or (ctx.data_dir / DB_NAME).exists():
        with ctx.opened() as archive:
            yield archive
        return
    with tempfile.TemporaryDirectory(prefix="bangtin-verify-") as tmp:
        try:
            archive = open_archive(Path(tmp))
        except ArchiveError as exc:
            raise Failure(ctx.describe(exc)) from exc
        try:
            yield archive
        finally:
            archive.close()


def cmd_bundle_verify(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles.importer import verify_bundle

    path = bundle_path(ctx, args.file)
    with _archive_for_verify(ctx) as archive:
        try:
            result = verify_bundle(archive, path)
        except BundleError as exc:
            raise Failure(exc.message(ctx.lang)) from exc
    if result.status == "already":
        print(ctx.say("already", sequence=result.sequence, publisher=result.publisher_name))
    else:
        print(ctx.say("verified", sequence=result.sequence, publisher=result.publisher_name))
    return EXIT_OK
