"""`bangtin import FILE...`: each bundle applied all or nothing, one after another."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.bundles.errors import BundleError, ImportCancelled
from desktop.cli.bundles import bundle_path
from desktop.cli.context import EXIT_OK, EXIT_REFUSED, Context, Failure
from desktop.cli.output import ProgressBar, print_json


def _refused_json(reason: str, code: str) -> dict[str, Any]:
    return {
        "status": "refused",
        "publisher": None,
        "sequence": None,
        "added": 0,
        "updated": 0,
        "withdrawn": 0,
        "unchanged": 0,
        "reason": reason,
        "code": code,
    }


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    """A refused bundle is reported and the next one still tried; exit 1 if any was refused."""
    from desktop.bundles.importer import ImportResult
    from desktop.demo import refuse_in_demo
    from desktop.ops.importing import import_file

    status = EXIT_OK
    with ctx.opened() as archive:
        refuse_in_demo(archive)  # one sentence for all the files
        for name in args.files:
            bar = ProgressBar(ctx.lang)
            try:
                path = bundle_path(ctx, name)
                result: ImportResult = import_file(archive, path, bar).value
            except (BundleError, Failure, ImportCancelled) as exc:
                bar.clear()
                status = EXIT_REFUSED
                code: str
                if isinstance(exc, BundleError):
                    reason, code = exc.message(ctx.lang), exc.code
                elif isinstance(exc, Failure):
                    reason, code = str(exc), exc.code
                else:
                    reason, code = ctx.describe(exc), "cancelled"
                if args.json:
                    print_json(_refused_json(reason, code))
                else:
                    # "Tệp X không phải là gói dữ liệu" names the file already: once is enough.
                    print(reason if name in reason else f"{name}: {reason}", file=sys.stderr)
                continue
            bar.finish()
            # What the office should know though the bundle applied: on stderr,
            # so that stdout stays the result (and JSON) scripts read.
            for warning in result.warnings:
                print(f"{name}: {warning.render(ctx.lang)}", file=sys.stderr)
            note: str | None = None
            if result.status == "already":
                note = ctx.say("already", sequence=result.sequence, publisher=result.publisher_name)
                if result.restored_files:
                    note += " " + ctx.say("already_files_restored", files=result.restored_files)
            if args.json:
                print_json(result.to_json(note))
            elif note:
                print(note)
            else:
                print(
                    ctx.say(
                        "imported",
                        sequence=result.sequence,
                        publisher=result.publisher_name,
                        added=result.added,
                        updated=result.updated,
                        withdrawn=result.withdrawn,
                        unchanged=result.unchanged,
                    )
                )
    return status
