"""`bangtin keygen | key public`: a publisher's signing key pair."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.bundles.errors import KeyFileError
from desktop.cli.context import EXIT_OK, Context, Failure


def cmd_keygen(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles import keys

    out = Path(args.out)
    try:
        private, public, kid = keys.generate_keypair(out, args.name or "", root=args.root)
    except FileExistsError as exc:
        raise Failure(ctx.say("key_exists", path=str(exc))) from exc
    if args.root:
        import hashlib

        from desktop.bundles.trustdocs import grouped

        raw, _comment = keys.parse_public(public.read_text("utf-8"), prefix=keys.ROOT_PUB_PREFIX)
        fingerprint = grouped(hashlib.sha256(raw).hexdigest())
        print(ctx.say("root_written", private=private, public=public, fingerprint=fingerprint))
        return EXIT_OK
    print(ctx.say("key_written", key_id=kid, private=private, public=public))
    return EXIT_OK


def cmd_key_public(ctx: Context, args: argparse.Namespace) -> int:
    """Write (or print) the public key of a private key: for a lost or damaged `.pub`."""
    from desktop.bundles import keys

    key = Path(args.key)
    try:
        if args.out is None:
            raw = keys.public_raw(keys.load_private_key(key))
            sys.stdout.write(keys.format_public(raw, keys.clean_name(args.name or "")))
            return EXIT_OK
        kid = keys.export_public(key, Path(args.out), args.name or "")
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    except FileExistsError as exc:
        raise Failure(ctx.say("public_exists", path=args.out)) from exc
    except OSError as exc:
        raise Failure(ctx.say("cannot_write", path=args.out)) from exc
    print(ctx.say("public_written", key_id=kid, path=args.out))
    return EXIT_OK
