"""`bangtin migrate-to postgresql://…`: move this PC's archive into the office's shared one."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.context import EXIT_OK, Context, Failure
from desktop.cli.output import shell_word

#: How long the move waits for another PC's import into the target to end.
LOCK_WAIT_S = 30.0


def cmd_migrate_to(ctx: Context, args: argparse.Namespace) -> int:
    """Copy the SQLite archive of the data folder into an empty PostgreSQL database.

    The database must exist and be empty (the server's administrator makes
    it); it is migrated to this program's revision, filled in one
    transaction, and each table's rows counted on both sides.
    """
    from sqlalchemy.exc import DBAPIError

    from db import transfer
    from db.archive import open_archive
    from db.errors import ArchiveError, server_code
    from db.people import login_name
    from db.server import display_url, import_lock, make_server_engine, server_error
    from desktop.messages import describe

    target_url: str = args.url
    if ctx.database_url is not None and ctx.source == "database_option":
        raise Failure(ctx.say("migrate_from_server"), "usage")
    # The source is always this PC's folder, even where BANGTIN_DATABASE_URL names
    # the server already (set before the move, as the office guide allows).
    ctx.this_pcs_archive()
    from db.archive import DB_NAME

    if not (ctx.data_dir / DB_NAME).is_file():
        # Nothing to move: never an empty archive made here and "moved" as 0 notices.
        said = ctx.say("migrate_no_archive", path=ctx.data_dir, word=shell_word(target_url))
        raise Failure(said, "missing")
    try:
        where = display_url(target_url)
        probe = make_server_engine(target_url)
    except ValueError as exc:
        raise Failure(ctx.say("migrate_not_postgresql", url=target_url), "usage") from exc
    try:
        with probe.connect() as conn:
            transfer.ensure_empty(conn)
    except transfer.TargetNotEmpty as exc:
        raise Failure(ctx.say("migrate_target_not_empty", where=where), "not_empty") from exc
    except DBAPIError as exc:
        found = server_error(exc, target_url)
        # About the target: the sentence names the server, not this PC's folder.
        said = describe(found or exc, ctx.lang, archive_dir=where, cli=True)
        raise Failure(said, found.code if found else "refused") from exc
    finally:
        probe.dispose()
    with ctx.opened() as source:
        try:
            target = open_archive(ctx.data_dir, url=target_url, create=True)
        except ArchiveError as exc:
            raise Failure(describe(exc, ctx.lang, archive_dir=where, cli=True), exc.code) from exc
        try:
            # No other PC imports meanwhile; the database is still empty once held.
            with (
                import_lock(target.engine, wait_s=LOCK_WAIT_S),
                source.engine.connect() as reading,
                target.engine.begin() as writing,
            ):
                transfer.ensure_empty(writing)
                moved = transfer.copy_archive(
                    reading, writing, person=login_name(), file_path=source.file_path
                )
        except transfer.TargetNotEmpty as exc:
            raise Failure(ctx.say("migrate_target_not_empty", where=where), "not_empty") from exc
        except ArchiveError as exc:
            raise Failure(describe(exc, ctx.lang, archive_dir=where, cli=True), exc.code) from exc
        except DBAPIError as exc:
            found = server_error(exc, target_url) if server_code(exc) is not None else None
            if found is None:
                raise  # this PC's own archive: the command's sentence names its folder
            raise Failure(describe(found, ctx.lang, cli=True), found.code) from exc
        except transfer.CountMismatch as exc:
            said = ctx.say(
                "migrate_count_mismatch", table=exc.table, read=exc.read, written=exc.written
            )
            raise Failure(said, "count_mismatch") from exc
        finally:
            target.close()
    print(
        ctx.say(
            "migrated_to",
            where=where,
            notices=moved.notices,
            files=moved.files,
            tables=len(moved.rows),
        )
    )
    if moved.missing_files:
        print(ctx.say("migrated_files_missing", missing=moved.missing_files), file=sys.stderr)
    print(ctx.say("migrated_next", word=shell_word(where)))
    return EXIT_OK
