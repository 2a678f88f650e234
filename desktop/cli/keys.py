"""`bangtin keygen`: a publisher's signing key pair."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.context import EXIT_OK, Context, Failure


def cmd_keygen(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles import keys

    out = Path(args.out)
    try:
        private, public, kid = keys.generate_keypair(out, args.name or "")
    except FileExistsError as exc:
        raise Failure(ctx.say("key_exists", path=str(exc))) from exc
    print(ctx.say("key_written", key_id=kid, private=private, public=public))
    return EXIT_OK
