"""`bangtin init | reindex | backup | restore | check`: looking after the archive."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from desktop.cli.context import EXIT_OK, Context, Failure
from desktop.cli.output import print_json


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    """Create a new, empty archive in the data folder (or the server's database named
    with --database): the explicit act that makes one."""
    from db.archive import DB_NAME

    if ctx.database_url is None:
        existed = (ctx.data_dir / DB_NAME).is_file()
    else:
        existed = _server_holds_archive(ctx)
    ctx.create = True
    with ctx.opened():
        pass
    print(ctx.say("archive_exists" if existed else "archive_created", path=ctx.where))
    return EXIT_OK


def _server_holds_archive(ctx: Context) -> bool:
    ctx.create = False
    try:
        ctx.archive().close()
    except Failure as exc:
        if exc.code != "missing":
            raise
        return False
    return True


def cmd_reindex(ctx: Context, args: argparse.Namespace) -> int:
    from db import search

    with ctx.writing() as session:
        count = search.rebuild_index(session)
    print(ctx.say("reindexed", count=count))
    return EXIT_OK


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from db import serverbackup
    from db.archive import WRITE_WAIT_S
    from db.errors import ArchiveError, BackupError
    from desktop.ops.backup import back_up

    # Refuses a damaged archive (a backup of it is no use) and a server that
    # cannot be reached, each in one sentence.
    archive = ctx.archive()
    waiting = "backup_waiting_server" if ctx.database_url is not None else "backup_waiting"
    try:
        _refuse_read_only(ctx, archive.read_only)
        # Under the lock an import holds: never beside another program's
        # import, which takes and prunes backups of its own.
        done = back_up(
            archive,
            wait_s=WRITE_WAIT_S,
            waiting=lambda: print(ctx.say(waiting), file=sys.stderr, flush=True),
        )
    except (serverbackup.ToolMissing, serverbackup.ToolFailed) as exc:
        raise _tool_failure(ctx, exc) from exc
    except (ArchiveError, BackupError) as exc:
        raise Failure(ctx.describe(exc)) from exc
    finally:
        archive.close()
    if done.on_server:
        print(ctx.say("server_backup_taken", where=ctx.where, path=done.path))
        if done.pruned:
            print(ctx.say("server_backup_pruned", count=done.pruned, keep=done.keep))
    else:
        print(ctx.say("backup_taken", path=done.path))
        if done.pruned:
            print(ctx.say("backup_pruned", count=done.pruned, keep=done.keep))
    return EXIT_OK


def _refuse_read_only(ctx: Context, read_only: bool) -> None:
    if read_only:
        raise Failure(ctx.say("archive_read_only", path=ctx.data_dir), "read_only")


def cmd_backup_prune(ctx: Context, args: argparse.Namespace) -> int:
    from db import backup

    if ctx.database_url is not None:
        from db import serverbackup

        keep = serverbackup.KEEP if args.keep is None else args.keep
        removed = serverbackup.prune(ctx.data_dir, ctx.database_url, keep)
        kept = serverbackup.list_dumps(ctx.data_dir, ctx.database_url)
    elif not ctx.data_dir.is_dir():
        if ctx.named:
            # A mistyped --data-dir: said as every command says it, not "0 removed".
            from desktop.cli.output import shell_word

            said = ctx.say("no_archive_here", path=ctx.data_dir, word=shell_word(ctx.where))
            raise Failure(said, "missing")
        removed, kept = [], []  # a fresh install: nothing backed up yet
    else:
        keep = backup.KEEP if args.keep is None else args.keep
        removed = backup.prune(ctx.data_dir, keep)
        kept = backup.list_backups(ctx.data_dir)
    size = sum(p.stat().st_size for p in kept)
    if args.json:
        print_json(
            {
                "removed": [str(p) for p in removed],
                "kept": [str(p) for p in kept],
                "kept_bytes": size,
            }
        )
    else:
        print(
            ctx.say("prune_done", removed=len(removed), kept=len(kept), size=round(size / 2**20, 1))
        )
    return EXIT_OK


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    from db import backup
    from db.archive import may_write
    from db.errors import BackupError

    source = Path(args.file) if args.file else None
    if source is not None and not source.exists():
        missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(source))
        raise Failure(ctx.describe(missing), "missing")
    if source is not None and source.is_file() and not os.access(source, os.R_OK):
        denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(source))
        raise Failure(ctx.describe(denied), "no_access")
    kind = backup.backup_kind(source) if source is not None else None
    if ctx.database_url is not None:
        if kind == "sqlite":
            # A PC's backup: not for the server (that is `migrate-to`'s work).
            raise Failure(ctx.say("restore_sqlite_to_server", path=source), "wrong_kind")
        if source is not None and kind is None:
            # Refused before the state is dumped aside and pg_restore says it in English.
            raise Failure(ctx.say("restore_not_a_dump", path=source), "wrong_kind")
        return _server_restore(ctx, source)
    if kind == "pg_dump":
        raise Failure(ctx.say("restore_dump_to_pc", path=source), "wrong_kind")
    if source is not None and kind is None:
        raise Failure(ctx.say("restore_not_a_backup", path=source), "wrong_kind")
    _refuse_read_only(ctx, ctx.data_dir.exists() and not may_write(ctx.data_dir))
    label = "damaged" if not backup.check_archive(ctx.data_dir).ok else "replaced"
    try:
        done = backup.restore(ctx.data_dir, source, label=label)
    except BackupError as exc:
        raise Failure(ctx.describe(exc)) from exc
    if done.set_aside is None:
        print(ctx.say("restored_fresh", source=done.source))
    else:
        print(ctx.say("restored", source=done.source, aside=done.set_aside))
    return EXIT_OK


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    from db import backup

    if ctx.database_url is not None:
        return _server_check(ctx)
    report = backup.check_archive(ctx.data_dir)
    ctx.warn_if_exposed()
    path = str(ctx.data_dir)
    if report.ok:
        from db.archive import DB_NAME
        from db.filestore import lost_in_folder

        print(ctx.say("check_ok", path=path, revision=report.revision))
        # The database is sound; the attachments it names are files beside it.
        lost = lost_in_folder(ctx.data_dir, ctx.data_dir / DB_NAME)
        if lost:
            raise Failure(ctx.say("check_files_lost", count=len(lost)), "files_lost")
        return EXIT_OK
    if report.problem == "not_a_folder":
        raise Failure(ctx.say("archive_not_a_folder", path=path), "not_a_folder")
    if report.problem == "missing":
        # Said as every other command says it, with how to make one.
        from desktop.cli.output import shell_word

        said = ctx.say("no_archive_here", path=path, word=shell_word(ctx.where))
        raise Failure(said, "missing")
    if report.problem == "newer":
        raise Failure(ctx.say("archive_newer", path=path))
    if report.problem == "read_only":
        # Sound as far as could be read: only writing is impossible.
        raise Failure(ctx.say("archive_read_only", path=path), "read_only")
    if report.problem == "no_access":
        # The file may not be read: a permission to set right, never a restore.
        raise Failure(
            ctx.say("os_no_permission", path=ctx.data_dir / "archive.sqlite3"), "no_access"
        )
    if report.problem == "wal_missing":
        raise Failure(ctx.say("archive_wal_missing", path=str(ctx.data_dir / "archive.sqlite3")))
    detail = report.detail or report.problem
    raise Failure(ctx.say("check_damaged", path=path, detail=detail[:200]))


# -- the shared archive on a PostgreSQL server: PostgreSQL's own tools -------------------


def _tool_failure(ctx: Context, exc: Exception) -> Failure:
    from db.serverbackup import ToolFailed, ToolMissing

    if isinstance(exc, ToolMissing):
        return Failure(ctx.say("pg_tool_missing", tool=exc.tool), "tool_missing")
    assert isinstance(exc, ToolFailed)
    return Failure(ctx.say("pg_tool_failed", tool=exc.tool, reason=exc.reason), "tool_failed")


def _server_restore(ctx: Context, source: Path | None) -> int:
    from db import serverbackup
    from db.errors import ArchiveError

    assert ctx.database_url is not None
    if source is None:
        # Only this database's own dumps: never another's this PC also backed up.
        source = serverbackup.newest_backup(ctx.data_dir, ctx.database_url)
        if source is None:
            folder = ctx.data_dir / serverbackup.BACKUP_DIR
            raise Failure(ctx.say("server_no_backup", path=folder, where=ctx.where), "no_backup")
    with ctx.opened() as archive:
        try:
            done = serverbackup.restore(
                ctx.database_url,
                archive.engine,
                source,
                ctx.data_dir,
                waiting=lambda what: print(
                    ctx.say(f"server_restore_waiting_{what}"), file=sys.stderr, flush=True
                ),
            )
        except (serverbackup.ToolMissing, serverbackup.ToolFailed) as exc:
            raise _tool_failure(ctx, exc) from exc
        except (ArchiveError, OSError) as exc:
            raise Failure(ctx.describe(exc)) from exc
    # Opened again: a dump of an older revision is migrated now, as at any open.
    ctx.archive().close()
    print(ctx.say("server_restored", where=ctx.where, source=source))
    if done.replaced is not None:
        print(ctx.say("server_restored_aside", aside=done.replaced))
    else:
        print(ctx.say("server_restored_no_aside", reason=done.replaced_failure or ""))
    return EXIT_OK


def _server_check(ctx: Context) -> int:
    from sqlalchemy.exc import DBAPIError

    from db import serverbackup

    with ctx.opened() as archive:
        try:
            found = serverbackup.check(archive.engine)
        except DBAPIError as exc:
            raise Failure(ctx.describe(exc)) from exc
    print(ctx.say("server_check_ok", where=ctx.where, rows=found.rows, revision=found.revision))
    return EXIT_OK
