"""`bangtin trust add | add-dir | list | remove`: the publishers' keys this archive trusts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from desktop.bundles.errors import KeyFileError
from desktop.cli.context import EXIT_OK, EXIT_REFUSED, Context, Failure
from desktop.cli.output import print_json


def cmd_trust_add(ctx: Context, args: argparse.Namespace) -> int:
    from db import store
    from desktop.bundles import keys, trustdocs
    from desktop.cli import trustchain

    if _looks_like_root(Path(args.file), trustdocs.is_root_text):
        return trustchain.cmd_trust_add_root(ctx, Path(args.file), args.name)
    try:
        raw, comment = keys.load_public_key(Path(args.file))
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    kid = keys.key_id(raw)
    name = keys.clean_name(args.name or "") or comment or keys.clean_name(Path(args.file).stem)
    with ctx.writing() as session:
        now = datetime.now(UTC)
        added = store.add_trusted_key(session, kid, raw, name, now)
        bound: str | None = None
        if args.replaces:
            try:
                bound = store.replace_key(session, kid, args.replaces, now)
            except store.KeyConflict as exc:
                raise Failure(ctx.say(exc.code, **exc.params)) from exc
    if args.replaces and args.replaces != kid:
        if bound is not None:
            print(
                ctx.say("key_replaced", key_id=kid, name=name, old=args.replaces, publisher=bound)
            )
        else:
            print(ctx.say("trusted", key_id=kid, name=name))
            print(ctx.say("untrusted", key_id=args.replaces))
        return EXIT_OK
    print(ctx.say("trusted" if added else "trusted_already", key_id=kid, name=name))
    return EXIT_OK


def _looks_like_root(path: Path, is_root: Callable[[str], bool]) -> bool:
    """Whether *path* holds a root (`root.pub` or a k-of-n root file); read with a cap."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return is_root(head.decode("utf-8", errors="replace"))


def cmd_trust_add_dir(ctx: Context, args: argparse.Namespace) -> int:
    """Trust every `*.pub` in a folder: how an installer preloads the province's keys.

    A `root.pub` among them is trusted as a root. A broken key file is
    reported and skipped; the others are still added, and the exit code is
    1 if any was skipped.
    """
    from db import store
    from desktop.bundles import keys, trustdocs
    from desktop.cli import trustchain

    folder = Path(args.folder)
    files = sorted(folder.glob("*.pub")) if folder.is_dir() else []
    if not files:
        raise Failure(ctx.say("file_missing", path=str(folder / "*.pub")))
    loaded: list[tuple[str, bytes, str]] = []
    status = EXIT_OK
    for path in files:
        if _looks_like_root(path, trustdocs.is_root_text):
            try:
                trustchain.cmd_trust_add_root(ctx, path, None)
            except Failure as exc:
                print(str(exc), file=sys.stderr)
                status = EXIT_REFUSED
            continue
        try:
            raw, comment = keys.load_public_key(path)
        except KeyFileError as exc:
            print(exc.message(ctx.lang), file=sys.stderr)
            status = EXIT_REFUSED
            continue
        loaded.append((keys.key_id(raw), raw, comment or keys.clean_name(path.stem)))
    if loaded:
        with ctx.writing() as session:
            now = datetime.now(UTC)
            added = [
                store.add_trusted_key(session, kid, raw, name, now) for kid, raw, name in loaded
            ]
        for (kid, _raw, name), was_added in zip(loaded, added, strict=True):
            print(ctx.say("trusted" if was_added else "trusted_already", key_id=kid, name=name))
    return status


def cmd_trust_list(ctx: Context, args: argparse.Namespace) -> int:
    from db import provenance, trust
    from desktop.bundles.trustdocs import grouped

    with ctx.reading() as session:
        found = provenance.trusted_keys(session)
        roots = trust.roots(session)
    if args.json:
        print_json(
            [
                {
                    "key_id": k.key_id,
                    "name": k.name,
                    "publisher": k.publisher_id,
                    "added": k.added_at.isoformat(),
                }
                for k in found
            ]
        )
    elif not found and not roots:
        print(ctx.say("no_keys"))
    else:
        for r in roots:
            print(ctx.say("status_root", fingerprint=grouped(r.fingerprint), name=r.name or "-"))
        for k in found:
            print(f"{k.key_id}  {k.name}" + (f"  ({k.publisher_id})" if k.publisher_id else ""))
    return EXIT_OK


def cmd_trust_remove(ctx: Context, args: argparse.Namespace) -> int:
    from db import store, trust
    from desktop.bundles.trustdocs import grouped

    with ctx.writing() as session:
        removed = store.remove_trusted_key(session, args.key_id)
        root = None if removed else trust.remove_root(session, args.key_id, datetime.now(UTC))
    if root is not None:
        print(ctx.say("root_untrusted", fingerprint=grouped(root)))
        return EXIT_OK
    if not removed:
        raise Failure(ctx.say("unknown_key", key_id=args.key_id), "unknown_key")
    print(ctx.say("untrusted", key_id=args.key_id))
    return EXIT_OK
