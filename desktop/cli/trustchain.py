"""`bangtin key delegate | revoke | rotate-root | root | fingerprint`, roots in `trust`, `status`.

The province's side writes signed documents from its offline root keys;
the office's side trusts roots and channels and reports its state. The
rules an import applies are in desktop/bundles/trustcheck.py.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import paths
from desktop.bundles.errors import KeyFileError
from desktop.cli.context import EXIT_OK, Context, Failure
from desktop.cli.output import print_json

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.bundles.trustdocs import Root, TrustFields

_KEY_ID = re.compile(r"^[0-9a-f]{16}\Z")
_CHANNEL = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}\Z")


def _now() -> datetime:
    from db.types import VN_TZ

    return datetime.now(UTC).astimezone(VN_TZ).replace(microsecond=0)


def _private_keys(ctx: Context, paths: Sequence[str]) -> list[Ed25519PrivateKey]:
    from desktop.bundles import keys

    try:
        return [keys.load_private_key(Path(p)) for p in paths]
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc


def _signing_root(
    ctx: Context, signers: Sequence[Ed25519PrivateKey], root_file: str | None
) -> Root:
    """The root that *signers* sign for: one key alone, or the k-of-n root of *root_file*."""
    from desktop.bundles import keys, trustdocs

    publics = [keys.public_raw(k) for k in signers]
    if root_file is None:
        if len(publics) != 1:
            raise Failure(ctx.say("root_file_needed"))
        return trustdocs.Root.of(publics)
    try:
        root, _name = trustdocs.load_root(Path(root_file))
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    for raw in publics:
        if raw not in root.keys:
            raise Failure(ctx.say("root_key_not_in_root", key_id=keys.key_id(raw), path=root_file))
    if len(set(publics)) < root.threshold:
        raise Failure(
            ctx.say("threshold_not_met", threshold=root.threshold, given=len(set(publics)))
        )
    return root


def _write_new(ctx: Context, out: str, content: str) -> None:
    """Write *content* to *out*, never over an existing file."""
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError as exc:
        raise Failure(ctx.say("public_exists", path=out)) from exc
    except OSError as exc:
        raise Failure(ctx.say("cannot_write", path=out)) from exc
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(content)


def _document_text(envelope: Any) -> str:
    import json

    return json.dumps(envelope, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# -- the province's side -------------------------------------------------------------------


def cmd_key_delegate(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles import keys, trustdocs
    from desktop.bundles.builder import publisher_id_for

    signers = _private_keys(ctx, args.root)
    root = _signing_root(ctx, signers, args.root_file)
    try:
        raw, _comment = keys.load_public_key(Path(args.signing))
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    publisher = publisher_id_for(args.publisher)
    envelope = trustdocs.make_delegation(signers, root, raw, publisher, args.until, _now())
    _write_new(ctx, args.out, _document_text(envelope))
    print(
        ctx.say(
            "delegation_written",
            key_id=keys.key_id(raw),
            publisher=publisher,
            until=args.until.isoformat(),
            path=args.out,
        )
    )
    return EXIT_OK


def cmd_key_revoke(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles import keys, trustdocs

    key_id = args.key_id.lower()
    if not _KEY_ID.match(key_id):
        raise Failure(ctx.say("unknown_key", key_id=args.key_id[:64]))
    reason = keys.clean_name(args.reason, trustdocs.MAX_REASON)
    if not reason:
        raise Failure(ctx.say("reason_needed"))
    signers = _private_keys(ctx, args.root)
    root = _signing_root(ctx, signers, args.root_file)
    envelope = trustdocs.make_revocation(signers, root, key_id, reason, _now())
    _write_new(ctx, args.out, _document_text(envelope))
    print(ctx.say("revocation_written", key_id=key_id, path=args.out))
    return EXIT_OK


def _load_roots(ctx: Context, paths: Sequence[str]) -> list[bytes]:
    from desktop.bundles import trustdocs

    found: list[bytes] = []
    for path in paths:
        try:
            root, _name = trustdocs.load_root(Path(path))
        except KeyFileError as exc:
            raise Failure(exc.message(ctx.lang)) from exc
        found.extend(root.keys)
    return found


def cmd_key_rotate_root(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles import trustdocs

    signers = _private_keys(ctx, args.old)
    old = _signing_root(ctx, signers, args.old_root)
    new_keys = _load_roots(ctx, args.new)
    try:
        new = trustdocs.Root.of(new_keys, args.threshold)
    except ValueError as exc:
        raise Failure(
            ctx.say("bad_threshold", threshold=args.threshold, keys=len(new_keys))
        ) from exc
    if new.fingerprint == old.fingerprint:
        raise Failure(ctx.say("rotation_same_root"))
    envelope = trustdocs.make_rotation(signers, old, new, _now())
    _write_new(ctx, args.out, _document_text(envelope))
    print(
        ctx.say(
            "rotation_written",
            old=trustdocs.grouped(old.fingerprint),
            new=trustdocs.grouped(new.fingerprint),
            path=args.out,
        )
    )
    return EXIT_OK


def cmd_key_root(ctx: Context, args: argparse.Namespace) -> int:
    """Write a k-of-n root file from the leaders' `root.pub` files."""
    from desktop.bundles import keys, trustdocs

    found = _load_roots(ctx, args.keys)
    try:
        root = trustdocs.Root.of(found, args.threshold)
    except ValueError as exc:
        raise Failure(ctx.say("bad_threshold", threshold=args.threshold, keys=len(found))) from exc
    _write_new(ctx, args.out, trustdocs.root_file_json(root, keys.clean_name(args.name or "")))
    print(
        ctx.say(
            "root_file_written",
            threshold=root.threshold,
            keys=len(root.keys),
            fingerprint=trustdocs.grouped(root.fingerprint),
            path=args.out,
        )
    )
    return EXIT_OK


def cmd_key_fingerprint(ctx: Context, args: argparse.Namespace) -> int:
    """The fingerprint to print on the dispatch, in groups of four."""
    from desktop.ops.trust import read_trust_file

    try:
        candidate = read_trust_file(Path(args.file))
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    from desktop.bundles.trustdocs import grouped

    print(grouped(candidate.fingerprint))
    return EXIT_OK


def build_fields(ctx: Context, args: argparse.Namespace, key_path: Path) -> TrustFields | None:
    """The trust fields `bundle build` carries, checked as an office will check them."""
    from desktop.bundles import keys, trustdocs
    from desktop.bundles.builder import publisher_id_for

    if not (args.delegation or args.revocations or args.root_chain or args.channel):
        return None
    if args.channel is not None and not _CHANNEL.match(args.channel):
        raise Failure(ctx.say("bad_channel", channel=args.channel[:120]))
    try:
        delegation = (
            trustdocs.load_document(Path(args.delegation), trustdocs.delegation_from_json)
            if args.delegation
            else None
        )
        revocations = tuple(
            trustdocs.load_document(Path(p), trustdocs.revocation_from_json)
            for p in args.revocations or ()
        )
        chain = tuple(
            trustdocs.load_document(Path(p), trustdocs.rotation_from_json)
            for p in args.root_chain or ()
        )
        signing = keys.public_raw(keys.load_private_key(key_path))
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    if delegation is not None:
        if delegation.key != signing:
            raise Failure(
                ctx.say(
                    "delegation_other_key",
                    key_id=keys.key_id(signing),
                    delegated=delegation.key_id,
                )
            )
        publisher = publisher_id_for(args.publisher)
        if delegation.publisher != publisher:
            raise Failure(
                ctx.say(
                    "delegation_other_publisher",
                    publisher=publisher,
                    delegated=delegation.publisher,
                )
            )
        if _now().date() > delegation.until:
            raise Failure(ctx.say("delegation_expired_build", until=delegation.until.isoformat()))
    fields = trustdocs.TrustFields(
        channel=args.channel,
        delegation=delegation,
        revocations=revocations,
        root_chain=chain,
    )
    from desktop.bundles.errors import BundleError
    from desktop.bundles.trustcheck import check_linear

    try:
        check_linear(fields.root_chain)
    except BundleError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    return fields


# -- the office's side ------------------------------------------------------------------------


def cmd_trust_add_root(ctx: Context, path: Path, name: str | None) -> int:
    from db import trust
    from desktop.bundles import keys, trustdocs

    try:
        root, comment = trustdocs.load_root(path)
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    label = keys.clean_name(name or "") or comment or keys.clean_name(path.stem)
    with ctx.writing() as session:
        added = trust.add_root(
            session, root.fingerprint, root.keys, root.threshold, label, datetime.now(UTC)
        )
    print(
        ctx.say(
            "root_trusted" if added else "root_trusted_already",
            fingerprint=trustdocs.grouped(root.fingerprint),
            name=label,
        )
    )
    return EXIT_OK


def cmd_trust_add_channel(ctx: Context, args: argparse.Namespace) -> int:
    from db import trust

    if not _CHANNEL.match(args.channel):
        raise Failure(ctx.say("bad_channel", channel=args.channel[:120]))
    with ctx.writing() as session:
        added = trust.add_channel(session, args.channel, datetime.now(UTC), explicit=True)
    print(ctx.say("channel_trusted" if added else "channel_trusted_already", channel=args.channel))
    return EXIT_OK


def _day(value: datetime | None, own_day: date | None = None) -> str | None:
    """*value*'s day in Vietnam; on an archive with its own day (the demo), not after it."""
    from db.types import VN_TZ

    if value is None:
        return None
    day = value.astimezone(VN_TZ).date()
    return (min(day, own_day) if own_day else day).isoformat()


def _shown_day(iso: str | None) -> str:
    """A day of `status_data` (ISO, for scripts) as the text shows days: dd/mm/yyyy."""
    return "-" if not iso else date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")


def status_data(ctx: Context, stale_days: int) -> dict[str, Any]:
    """Everything `status` reports, as JSON-ready values."""
    from sqlalchemy import text

    from db import queries
    from db.archive import DB_NAME
    from desktop.demoday import folder_day
    from desktop.ops import trust as trustops

    with ctx.opened() as archive:
        overview = trustops.trust_overview(archive)
        bundles = trustops.last_bundles(archive)
        with archive.reading() as session:
            notices = queries.count_notices(session)
            if archive.on_server:
                # The server's database, not this PC's folder (which only keeps copies).
                size = int(session.scalar(text("SELECT pg_database_size(current_database())")))
        where = archive.where
    if not archive.on_server:
        db_file = ctx.data_dir / DB_NAME
        size = sum(
            p.stat().st_size for p in (db_file, db_file.with_name(DB_NAME + "-wal")) if p.exists()
        )
    # The demo is reckoned on its own day (desktop/demoday.py), as the window's line is:
    # its bundle, signed when the demo was made, is "new" as of that day.
    own_day = None if archive.on_server else folder_day(ctx.data_dir)
    today = own_day or ctx.today()
    fresh = trustops.freshness(
        overview.latest_signed, today, stale_days, own_day=own_day is not None
    )
    revoked = {r.key_id: r for r in overview.revocations}
    return {
        "path": where,
        # What chose it (`paths.archive_source`); and whether BANGTIN_DATABASE_URL
        # names another archive than this one, the command line having chosen.
        "chosen_by": ctx.source,
        "database_env_unused": ctx.env_overruled,
        # Where warnings and errors no sentence shows are written (desktop/logfile.py).
        "log_file": str(paths.log_file()),
        "size": size,
        "notices": notices,
        "latest_signed": None
        if overview.latest_signed is None
        else overview.latest_signed.isoformat(),
        # The day the freshness is reckoned on: the demo's own, else the clock's.
        "as_of": today.isoformat(),
        "latest_day": None if fresh.day is None else fresh.day.isoformat(),
        "days_since": fresh.days,
        "stale": fresh.stale,
        "stale_days": stale_days,
        "channels": [c.channel for c in overview.channels],
        "roots": [
            {
                "fingerprint": r.fingerprint,
                "name": r.name,
                "threshold": r.threshold,
                "keys": r.key_count,
                "current": r.current,
                "previous": r.previous,
                "signing_keys": [
                    {
                        "key_id": s.key_id,
                        "publisher": s.publisher_id,
                        "until": s.until.isoformat(),
                        "revoked": s.revoked,
                    }
                    for s in r.signing
                ],
            }
            for r in overview.roots
        ],
        "keys": [
            {"key_id": k.key_id, "name": k.name, "publisher": k.publisher_id, "until": None}
            for k in overview.keys
        ],
        "revoked": [
            {
                "key_id": r.key_id,
                "reason": r.reason,
                "root": r.root_fingerprint,
                "seen": r.seen_at.isoformat(),
            }
            for r in revoked.values()
        ],
        "publishers": [
            {
                "id": p.id,
                "name": p.name,
                "last_sequence": p.last_sequence,
                "last_bundle_id": p.last_bundle_id,
                "last_signed": _day(signed, own_day),
                "last_imported": None
                if p.last_imported_at is None
                else p.last_imported_at.isoformat(),
            }
            for p, signed in bundles
        ],
    }


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    """The archive's state for IT staff (`--json` for scripts)."""
    from desktop.bundles.trustdocs import grouped
    from desktop.render.article import human_size

    data = status_data(ctx, args.stale_days)
    if args.json:
        print_json(data)
        return EXIT_OK
    say = ctx.say
    lines = [
        # "1,9 MB" in Vietnamese, as the window's "Giới thiệu" says it.
        say("status_path", path=data["path"], size=human_size(data["size"], ctx.lang)),
        say("status_chosen", how=say(f"chosen_{data['chosen_by']}")),
    ]
    if data["database_env_unused"]:
        lines.append(say("status_env_unused"))
    lines.append(say("status_notices", count=data["notices"]))
    if data["latest_signed"] is None:
        lines.append(say("status_no_signed"))
    else:
        key = "freshness_stale" if data["stale"] else "freshness"
        if not data["stale"] and data["days_since"] <= 0:
            key = "freshness_today"
        lines.append(
            say(
                key,
                day=_shown_day(data["latest_day"]),
                days=data["days_since"],
            )
        )
    if data["channels"]:
        lines.append(say("status_channels", channels=", ".join(data["channels"])))
    for root in data["roots"]:
        key = "status_root" if root["current"] else "status_root_old"
        lines.append(
            say(key, fingerprint=grouped(root["fingerprint"]), name=root["name"] or "-")
            + (f" ({root['threshold']}/{root['keys']})" if root["keys"] > 1 else "")
        )
        for signing in root["signing_keys"]:
            lines.append(
                "  "
                + say(
                    "status_signing_revoked" if signing["revoked"] else "status_signing",
                    key_id=signing["key_id"],
                    publisher=signing["publisher"],
                    until=signing["until"],
                    reason=signing["revoked"] or "",
                )
            )
    for key in data["keys"]:
        lines.append(say("status_key", key_id=key["key_id"], name=key["name"]))
    for revoked in data["revoked"]:
        lines.append(say("status_revoked", key_id=revoked["key_id"], reason=revoked["reason"]))
    for pub in data["publishers"]:
        lines.append(
            say(
                "status_publisher",
                name=pub["name"],
                sequence=pub["last_sequence"],
                day=_shown_day(pub["last_signed"]),
            )
        )
    lines.append(say("status_log", path=data["log_file"]))
    print("\n".join(lines))
    return EXIT_OK


def parse_until(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(value) from exc
