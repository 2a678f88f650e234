"""The `bangtin` command: a thin layer over db/ and desktop/bundles/.

Scripts and tests depend on it, so its options, JSON field names and exit
codes are stable: 0 done, 1 refused or failed (nothing changed), 2 usage.
Messages are Vietnamese unless `--lang en`; errors are one sentence.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from desktop import app_version, paths
from desktop.bundles.errors import BundleError, ImportCancelled, KeyFileError
from desktop.messages import CATALOG, LANGS, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.archive import Archive, ArchiveError
    from db.records import NoticeDetail

# Commands import the database and bundle modules they use when they run:
# SQLAlchemy, Alembic and cryptography together take most of a second to
# import, which `--version`, a usage error or `bundle build` never need.

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class Failure(Exception):
    """A command failed; the message is already one sentence in the user's language."""


# -- output helpers --------------------------------------------------------------------


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(encoding="utf-8", errors="replace")
        except (ValueError, OSError):
            pass


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=None))


class ProgressBar:
    """Progress on stderr, drawn only when stderr is a terminal.

    Redirected, it stays silent: scripts read stderr, and a failure there must
    be one sentence, not stage lines followed by the reason.
    """

    WIDTH = 30

    def __init__(self, lang: str, stream: TextIO | None = None) -> None:
        self.lang = lang
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.stage = ""
        self.last_draw = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.tty:
            return
        code = f"stage_{stage}"
        label = text(code, self.lang) if code in CATALOG else stage
        now = time.monotonic()
        if stage == self.stage and now - self.last_draw < 0.1 and done < total:
            return
        self.stage, self.last_draw = stage, now
        fraction = done / total if total else 1.0
        filled = int(self.WIDTH * fraction)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        print(
            f"\r{label:<34} {bar} {fraction:4.0%} ({done}/{total})",
            end="",
            file=self.stream,
            flush=True,
        )
        if stage == "done":
            print(file=self.stream, flush=True)

    def finish(self) -> None:
        if self.tty and self.stage and self.stage != "done":
            print(file=self.stream, flush=True)
        self.stage = ""

    def clear(self) -> None:
        """Wipe a half-drawn bar, so that the reason for a failure stands alone."""
        if self.tty and self.stage and self.stage != "done":
            print("\r\033[K", end="", file=self.stream, flush=True)
        self.stage = ""


# -- JSON shapes -------------------------------------------------------------------------


def notice_json(notice: NoticeDetail, *, body: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": notice.id,
        "title": notice.title,
        "category": notice.category,
        "published": notice.published.isoformat(),
        "updated": notice.updated.isoformat() if notice.updated else None,
        "number": notice.number,
        "type": notice.doc_type,
        "issuer": notice.issuer,
        "issued": notice.issued.isoformat() if notice.issued else None,
        "summary": notice.summary,
        "withdrawn": notice.withdrawn,
        "related": list(notice.related),
        "attachments": [
            {"name": a.name, "size": a.size, "sha256": a.sha256} for a in notice.attachments
        ],
        "views": notice.views,
    }
    if body:
        data["body_markdown"] = notice.body_markdown
    return data


# -- commands ------------------------------------------------------------------------------


class Context:
    """What every command needs: the language and where the archive is."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.lang: str = args.lang
        self.demo: bool = args.demo
        self.data_dir = (
            paths.demo_data_dir(args.data_dir) if args.demo else paths.data_dir(args.data_dir)
        )

    def say(self, code: str, **params: Any) -> str:
        return text(code, self.lang, **params)

    def archive(self) -> Archive:
        from db.archive import ArchiveError, open_archive

        if self.demo:
            from desktop.demo import ensure_demo_archive

            try:
                ensure_demo_archive(self.data_dir)
            except ArchiveError as exc:
                raise Failure(self._archive_message(exc)) from exc
        try:
            return open_archive(self.data_dir, on_upgrade=self._say_upgrading)
        except ArchiveError as exc:
            raise Failure(self._archive_message(exc)) from exc

    def _say_upgrading(self) -> None:
        # Only to a person at a terminal: scripts read stderr for one sentence.
        if sys.stderr.isatty():
            print(self.say("upgrading"), file=sys.stderr, flush=True)

    @contextmanager
    def opened(self) -> Iterator[Archive]:
        """The archive, closed again when the command is done with it."""
        archive = self.archive()
        try:
            yield archive
        finally:
            archive.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A reading session on the archive, for one command."""
        with self.opened() as archive, archive.reading() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction on the archive, for one command."""
        with self.opened() as archive, archive.writing() as session:
            yield session

    def _archive_message(self, exc: ArchiveError) -> str:
        path = str(self.data_dir)
        if exc.code == "busy":
            return self.say("busy")
        if exc.code == "wal_missing":
            return self.say("archive_wal_missing", path=str(self.data_dir / "archive.sqlite3"))
        if exc.code == "damaged" and "malformed" in exc.detail:
            return self.say("archive_pages_damaged", path=path)
        if exc.code == "newer":
            return self.say("archive_newer", path=path)
        if exc.code == "missing":
            return self.say("archive_missing", path=path)
        return self.say("archive_damaged", path=path)


def cmd_keygen(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles import keys

    out = Path(args.out)
    try:
        private, public, kid = keys.generate_keypair(out, args.name or "")
    except FileExistsError as exc:
        raise Failure(ctx.say("key_exists", path=str(exc))) from exc
    print(ctx.say("key_written", key_id=kid, private=private, public=public))
    return EXIT_OK


def cmd_bundle_build(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles.builder import SequenceError, SequenceStateError, build_bundle
    from desktop.bundles.source import SourceErrors

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
        )
    except SourceErrors as exc:
        bar.clear()
        for error in exc.errors:
            print(str(error), file=sys.stderr)
        raise Failure(ctx.say("source_errors", count=len(exc.errors))) from exc
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
        _print_json(
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
                kind=result.kind,
                notices=result.notices,
                withdrawals=result.withdrawals,
                attachments=result.attachments,
                path=result.path,
            )
        )
    return EXIT_OK


def _bundle_path(ctx: Context, value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise Failure(ctx.say("file_missing", path=value))
    if not path.is_file():
        raise BundleError("unreadable", path=value)
    return path


@contextmanager
def _archive_for_verify(ctx: Context) -> Iterator[Archive]:
    """The archive to verify against, without creating one.

    With no archive yet, an empty one in a temporary folder gives the answer
    an import would give (no key is trusted) and leaves the data dir alone.
    """
    from db.archive import DB_NAME, ArchiveError, open_archive

    if ctx.demo or (ctx.data_dir / DB_NAME).exists():
        with ctx.opened() as archive:
            yield archive
        return
    with tempfile.TemporaryDirectory(prefix="bangtin-verify-") as tmp:
        try:
            archive = open_archive(Path(tmp))
        except ArchiveError as exc:
            raise Failure(ctx._archive_message(exc)) from exc
        try:
            yield archive
        finally:
            archive.close()


def cmd_bundle_verify(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.bundles.importer import verify_bundle

    path = _bundle_path(ctx, args.file)
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


def cmd_trust_add(ctx: Context, args: argparse.Namespace) -> int:
    from db import store
    from desktop.bundles import keys

    try:
        raw, comment = keys.load_public_key(Path(args.file))
    except KeyFileError as exc:
        raise Failure(exc.message(ctx.lang)) from exc
    kid = keys.key_id(raw)
    name = args.name or comment or Path(args.file).stem
    with ctx.writing() as session:
        added = store.add_trusted_key(session, kid, raw, name, datetime.now(UTC))
    print(ctx.say("trusted" if added else "trusted_already", key_id=kid, name=name))
    return EXIT_OK


def cmd_trust_add_dir(ctx: Context, args: argparse.Namespace) -> int:
    """Trust every `*.pub` in a folder: how an installer preloads the province's keys.

    A broken key file is reported and skipped; the others are still added,
    and the exit code is 1 if any was skipped.
    """
    from db import store
    from desktop.bundles import keys

    folder = Path(args.folder)
    files = sorted(folder.glob("*.pub")) if folder.is_dir() else []
    if not files:
        raise Failure(ctx.say("file_missing", path=str(folder / "*.pub")))
    loaded: list[tuple[str, bytes, str]] = []
    status = EXIT_OK
    for path in files:
        try:
            raw, comment = keys.load_public_key(path)
        except KeyFileError as exc:
            print(exc.message(ctx.lang), file=sys.stderr)
            status = EXIT_REFUSED
            continue
        loaded.append((keys.key_id(raw), raw, comment or path.stem))
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
    from db import queries

    with ctx.reading() as session:
        found = queries.trusted_keys(session)
    if args.json:
        _print_json(
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
    elif not found:
        print(ctx.say("no_keys"))
    else:
        for k in found:
            print(f"{k.key_id}  {k.name}" + (f"  ({k.publisher_id})" if k.publisher_id else ""))
    return EXIT_OK


def cmd_trust_remove(ctx: Context, args: argparse.Namespace) -> int:
    from db import store

    with ctx.writing() as session:
        removed = store.remove_trusted_key(session, args.key_id)
    if not removed:
        raise Failure(ctx.say("unknown_key", key_id=args.key_id))
    print(ctx.say("untrusted", key_id=args.key_id))
    return EXIT_OK


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
    from desktop.bundles.importer import ImportResult, import_bundle

    status = EXIT_OK
    with ctx.opened() as archive:
        for name in args.files:
            bar = ProgressBar(ctx.lang)
            try:
                path = _bundle_path(ctx, name)
                result: ImportResult = import_bundle(archive, path, progress=bar)
            except (BundleError, Failure, ImportCancelled) as exc:
                bar.clear()
                status = EXIT_REFUSED
                if isinstance(exc, BundleError):
                    reason, code = exc.message(ctx.lang), exc.code
                elif isinstance(exc, Failure):
                    reason, code = str(exc), "file_missing"
                else:
                    reason, code = ctx.say("cancelled"), "cancelled"
                if args.json:
                    _print_json(_refused_json(reason, code))
                else:
                    print(f"{name}: {reason}", file=sys.stderr)
                continue
            bar.finish()
            note: str | None = None
            if result.status == "already":
                note = ctx.say("already", sequence=result.sequence, publisher=result.publisher_name)
            if args.json:
                _print_json(result.to_json(note))
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


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from db import queries

    with ctx.reading() as session:
        ids = queries.notice_ids(session, args.category or None, limit=args.limit)
        if args.json:
            # JSON carries every field; a plain listing needs the list rows only.
            details = [d for d in (queries.get_notice(session, i) for i in ids) if d]
            _print_json([notice_json(d, body=False) for d in details])
            return EXIT_OK
        rows = queries.summaries(session, ids)
    if not rows:
        print(ctx.say("empty_list"))
    for row in rows:
        when = row.published.strftime("%d/%m/%Y")
        number = f"  [{row.number}]" if row.number else ""
        print(f"{when}  {row.id}  {row.title}{number}")
    return EXIT_OK


def cmd_categories(ctx: Context, args: argparse.Namespace) -> int:
    from db import queries

    with ctx.reading() as session:
        found = queries.categories(session)
    if args.json:
        _print_json(
            [
                {
                    "path": c.path,
                    "name": c.name,
                    "parent": c.parent,
                    "position": c.position,
                    "count": c.count,
                    "unread": c.unread,
                }
                for c in found
            ]
        )
        return EXIT_OK
    for c in found:
        depth = c.path.count("/")
        print(f"{'  ' * depth}{c.name} ({c.count})")
    return EXIT_OK


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from db import queries

    with ctx.reading() as session:
        notice = queries.get_notice(session, args.id)
    if notice is None:
        raise Failure(ctx.say("not_found", id=args.id))
    if args.json:
        _print_json(notice_json(notice))
    elif args.html:
        from desktop.render.article import article_html

        sys.stdout.write(article_html(notice, lang=ctx.lang))
    else:
        print(notice.title)
        print(notice.published.strftime("%d/%m/%Y %H:%M"))
        if notice.number:
            print(notice.number)
        print()
        print(notice.body_markdown)
    return EXIT_OK


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(value) from exc


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    from db import search

    with ctx.reading() as session:
        hits = search.search(
            session,
            args.query,
            category=args.category,
            date_from=args.date_from,
            date_to=args.date_to,
            doc_type=args.type,
            limit=args.limit,
        )
    rows = [
        {
            "id": h.id,
            "title": h.title,
            "published": h.published.isoformat(),
            "number": h.number,
            "snippet": h.snippet,
            "score": h.score,
        }
        for h in hits
    ]
    if args.json:
        _print_json(rows)
    elif not rows:
        print(ctx.say("empty_list"))
    else:
        for h in hits:
            number = f"  [{h.number}]" if h.number else ""
            print(f"{h.published.strftime('%d/%m/%Y')}  {h.id}  {h.title}{number}")
            print(f"    {h.snippet}")
    return EXIT_OK


def cmd_reindex(ctx: Context, args: argparse.Namespace) -> int:
    from db import search

    with ctx.writing() as session:
        count = search.rebuild_index(session)
    print(ctx.say("reindexed", count=count))
    return EXIT_OK


def _backup_failure(ctx: Context, exc: Exception) -> Failure:
    """One sentence for a BackupError from db.backup."""
    code = getattr(exc, "code", "")
    path = str(ctx.data_dir)
    if code == "damaged":
        return Failure(ctx.say("backup_damaged", path=path))
    if code == "no_space":
        needed, free = getattr(exc, "needed", None), getattr(exc, "free", None)
        if needed is not None and free is not None:
            return Failure(ctx.say("backup_no_space", needed=needed, free=free))
        return Failure(ctx.say("backup_disk_full"))
    if code == "busy":
        return Failure(ctx.say("restore_busy", path=path))
    if code == "missing":
        return Failure(ctx.say("archive_missing", path=path))
    detail = getattr(exc, "detail", "") or str(exc)
    return Failure(ctx.say("no_backup" if code == "no_backup" else "bad_backup", path=detail))


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from db import backup

    archive = ctx.archive()  # refuses a damaged archive: a backup of it is no use
    archive.close()
    before = set(backup.list_backups(ctx.data_dir))
    try:
        made = backup.take_backup(ctx.data_dir)
    except backup.BackupError as exc:
        raise _backup_failure(ctx, exc) from exc
    pruned = len(before - set(backup.list_backups(ctx.data_dir)))
    print(ctx.say("backup_taken", path=made))
    if pruned:
        print(ctx.say("backup_pruned", count=pruned, keep=backup.KEEP))
    return EXIT_OK


def cmd_backup_prune(ctx: Context, args: argparse.Namespace) -> int:
    from db import backup

    keep = backup.KEEP if args.keep is None else args.keep
    removed = backup.prune(ctx.data_dir, keep)
    kept = backup.list_backups(ctx.data_dir)
    size = sum(p.stat().st_size for p in kept)
    if args.json:
        _print_json(
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

    source = Path(args.file) if args.file else None
    label = "damaged" if not backup.check_archive(ctx.data_dir).ok else "replaced"
    try:
        done = backup.restore(ctx.data_dir, source, label=label)
    except backup.BackupError as exc:
        raise _backup_failure(ctx, exc) from exc
    if done.set_aside is None:
        print(ctx.say("restored_fresh", source=done.source))
    else:
        print(ctx.say("restored", source=done.source, aside=done.set_aside))
    return EXIT_OK


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    from db import backup

    report = backup.check_archive(ctx.data_dir)
    path = str(ctx.data_dir)
    if report.ok:
        print(ctx.say("check_ok", path=path, revision=report.revision))
        return EXIT_OK
    if report.problem == "missing":
        raise Failure(ctx.say("archive_missing", path=path))
    if report.problem == "newer":
        raise Failure(ctx.say("archive_newer", path=path))
    if report.problem == "wal_missing":
        raise Failure(ctx.say("archive_wal_missing", path=str(ctx.data_dir / "archive.sqlite3")))
    detail = report.detail or report.problem
    raise Failure(ctx.say("check_damaged", path=path, detail=detail[:200]))


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(ctx: Context, args: argparse.Namespace) -> int:
    if not _has_display():
        raise Failure(ctx.say("no_display"))
    # The window opens the archive on its worker thread and says itself what is
    # wrong with it (busy, newer, damaged with the way out); opening it here as
    # well would put a second open, and SQLAlchemy's import, before first paint.
    # Only the demo archive must be made from its bundle first.
    if ctx.demo:
        try:
            ctx.archive().close()
        except Failure as exc:
            if getattr(exc.__cause__, "code", None) != "damaged":
                raise
    from desktop.ui.app import run

    if args.initial_bundle is None:
        return run(ctx.data_dir, lang=args.lang_given)
    return run(ctx.data_dir, lang=args.lang_given, initial_bundle=args.initial_bundle)


def _at_least_one(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(value) from exc
    if number < 1:
        raise argparse.ArgumentTypeError(value)
    return number


def _parse_size(value: str) -> tuple[int, int]:
    try:
        width, height = value.lower().split("x")
        result = (int(width), int(height))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(value) from exc
    if not (200 <= result[0] <= 8000 and 200 <= result[1] <= 8000):
        raise argparse.ArgumentTypeError(value)
    return result


def cmd_screenshot(ctx: Context, args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    archive = ctx.archive()
    archive.close()
    from desktop.ui.app import screenshot

    return screenshot(
        ctx.data_dir,
        Path(args.out),
        notice_id=args.notice,
        size=args.size,
        lang=args.lang_given,
        search=args.search,
    )


def cmd_print(ctx: Context, args: argparse.Namespace) -> int:
    """Render notices (or their index) to a PDF, headless, in the print layout."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.render.printing import UnknownNotice, collect, word

    out = Path(args.pdf)
    if not out.parent.is_dir():
        raise Failure(word("pdf_failed", ctx.lang, path=out, reason=word("no_folder", ctx.lang)))
    with ctx.opened() as archive:
        try:
            sources = collect(archive, args.ids, ctx.lang, index=args.index)
        except UnknownNotice as exc:
            raise Failure(ctx.say("not_found", id=exc.notice_id)) from exc
    from PySide6.QtGui import QGuiApplication

    from desktop import printing

    # QtGui is enough to lay out and paint; held until the PDF is written.
    _app = QGuiApplication.instance() or QGuiApplication(["bangtin"])
    try:
        pages = printing.write_pdf(out, sources)
    except OSError as exc:
        raise Failure(
            word("pdf_failed", ctx.lang, path=out, reason=exc.strerror or str(exc))
        ) from exc
    print(word("pdf_written", ctx.lang, pages=pages, path=out))
    return EXIT_OK


# -- the parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bangtin",
        description="Bảng Tin: đọc và lưu trữ văn bản, thông báo của tỉnh khi không có mạng.",
    )
    parser.add_argument("--version", action="version", version=f"bangtin {app_version()}")
    parser.add_argument("--data-dir", help="thư mục kho dữ liệu (data folder)")
    parser.add_argument("--lang", choices=LANGS, default=None, help="ngôn ngữ / language")
    parser.add_argument("--demo", action="store_true", help="dùng kho dữ liệu mẫu (demo archive)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("keygen", help="tạo cặp khóa ký gói dữ liệu")
    p.add_argument("--out", required=True)
    p.add_argument("--name", help="ghi chú trong khóa công khai")
    p.set_defaults(func=cmd_keygen)

    bundle = sub.add_parser("bundle", help="tạo hoặc kiểm tra gói dữ liệu")
    bsub = bundle.add_subparsers(dest="bundle_command", required=True, parser_class=_Parser)
    p = bsub.add_parser("build", help="tạo và ký gói dữ liệu từ thư mục nguồn")
    p.add_argument("src")
    p.add_argument("--key", required=True)
    p.add_argument("--publisher", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--since", type=int, default=None)
    p.add_argument("--sequence", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bundle_build)
    p = bsub.add_parser("verify", help="kiểm tra gói dữ liệu, không ghi gì")
    p.add_argument("file")
    p.set_defaults(func=cmd_bundle_verify)

    trust = sub.add_parser("trust", help="quản lý khóa tin cậy")
    tsub = trust.add_subparsers(dest="trust_command", required=True, parser_class=_Parser)
    p = tsub.add_parser("add")
    p.add_argument("file")
    p.add_argument("--name")
    p.set_defaults(func=cmd_trust_add)
    p = tsub.add_parser("add-dir", help="tin cậy mọi khóa *.pub trong một thư mục")
    p.add_argument("folder")
    p.set_defaults(func=cmd_trust_add_dir)
    p = tsub.add_parser("list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_trust_list)
    p = tsub.add_parser("remove")
    p.add_argument("key_id")
    p.set_defaults(func=cmd_trust_remove)

    p = sub.add_parser("import", help="nhập gói dữ liệu")
    p.add_argument("files", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="liệt kê văn bản, mới nhất trước")
    p.add_argument("--category")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("categories", help="liệt kê chuyên mục")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_categories)

    p = sub.add_parser("show", help="xem một văn bản")
    p.add_argument("id")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--html", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="tìm kiếm văn bản")
    p.add_argument("query")
    p.add_argument("--category")
    p.add_argument("--from", dest="date_from", type=_parse_day)
    p.add_argument("--to", dest="date_to", type=_parse_day)
    p.add_argument("--type")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="lập lại chỉ mục tìm kiếm")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("backup", help="sao lưu kho dữ liệu ngay (back up the archive now)")
    p.set_defaults(func=cmd_backup)
    bksub = p.add_subparsers(dest="backup_command", parser_class=_Parser)
    p = bksub.add_parser("prune", help="xóa bản sao lưu cũ (remove older backups)")
    p.add_argument("--keep", type=_at_least_one, default=None, help="số bản giữ lại")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup_prune)
    p = sub.add_parser("restore", help="khôi phục kho dữ liệu từ bản sao lưu (restore a backup)")
    p.add_argument("file", nargs="?", help="bản sao lưu; mặc định là bản mới nhất")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("check", help="kiểm tra kho dữ liệu có bị hỏng không (check the archive)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("screenshot", help="chụp cửa sổ ra tệp PNG")
    p.add_argument("--out", required=True)
    p.add_argument("--notice")
    p.add_argument("--size", type=_parse_size, default=(1280, 800))
    p.add_argument("--search", help="hiện kết quả tìm kiếm những từ này")
    p.set_defaults(func=cmd_screenshot)

    p = sub.add_parser("print", help="in văn bản ra tệp PDF (khổ A4, thể thức hành chính)")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--pdf", required=True, help="tệp PDF cần ghi")
    p.add_argument("--index", action="store_true", help="chỉ in danh mục: tên, số, ngày")
    p.set_defaults(func=cmd_print)
    return parser


def _peek_lang(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    return "vi"


def _bundle_argument(argv: list[str]) -> tuple[list[str], Path | None]:
    """`bangtin FILE.bangtin` (a double-click on a bundle): the window, importing FILE.

    Only when FILE is the one plain argument, ends with .bangtin and exists;
    returns the other arguments and FILE.
    """
    plain: list[int] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--data-dir", "--lang"):
            i += 2
            continue
        if not arg.startswith("-") or arg == "-":
            plain.append(i)
        i += 1
    if len(plain) != 1:
        return argv, None
    candidate = argv[plain[0]]
    if not candidate.lower().endswith(paths.BUNDLE_SUFFIX) or not Path(candidate).is_file():
        return argv, None
    return argv[: plain[0]] + argv[plain[0] + 1 :], Path(candidate).resolve()


Command = Callable[[Context, argparse.Namespace], int]


def _archive_error(exc: BaseException) -> ArchiveError | None:
    """*exc* as the archive's error, without importing db.archive to ask.

    Only a command that imported db.archive can have raised its error, or
    met a SQLite error (damaged pages, say) while reading the archive.
    """
    module = sys.modules.get("db.archive")
    if module is None:
        return None
    if isinstance(exc, module.ArchiveError):
        return exc  # type: ignore[no-any-return]
    return module.archive_error_from(exc)  # type: ignore[no-any-return]


def main(argv: Sequence[str] | None = None) -> int:
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _peek_lang(argv)
    argv, bundle = _bundle_argument(argv)
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
    except BundleError as exc:
        print(exc.message(ctx.lang), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(text("cancelled", ctx.lang), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is one sentence, never a traceback
        archive_error = _archive_error(exc)
        if archive_error is not None:
            print(ctx._archive_message(archive_error), file=sys.stderr)
            return EXIT_REFUSED
        first_line = (str(exc).strip().splitlines() or [""])[0][:300]
        print(
            text("unexpected", ctx.lang, detail=f"{type(exc).__name__}: {first_line}"),
            file=sys.stderr,
        )
        if os.environ.get("BANGTIN_DEBUG"):
            raise
        return EXIT_REFUSED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
