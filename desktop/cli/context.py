"""What every command needs: the language, the data folder, and the archive for one unit of work.

Also the exit codes scripts rely on and `Failure`, how a command says it
failed in one sentence.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import paths
from desktop.messages import describe, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.archive import Archive

# Commands import the database and bundle modules they use when they run:
# SQLAlchemy, Alembic and cryptography together take most of a second to
# import, which `--version`, a usage error or `bundle build` never need.

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
#: Output went to a pipe that closed early: what a shell reports for SIGPIPE.
EXIT_PIPE = 128 + 13


class Failure(Exception):
    """A command failed; the message is already one sentence in the user's language.

    `code` says why for scripts (`{"error": {"code": …}}` under `--json`).
    """

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.code = code


class Context:
    """What every command needs: the language and where the archive is.

    A folder named with `--data-dir` must hold an archive already (unless
    `init` or `--create`), so that a typo gets "không có kho dữ liệu ở …"
    instead of a new, empty archive. The configured folder (BANGTIN_DATA_DIR,
    portable.ini, or the user's data folder) gets its archive the first time
    a command needs it, as the window's first start makes it there: a fresh
    install can `trust add` and `import` straight away.
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self.lang: str = args.lang
        self.demo: bool = args.demo
        #: The folder was typed on the command line (a typo is possible).
        self.named: bool = bool(args.data_dir)
        self.create: bool = bool(getattr(args, "create", False))
        #: The office's own folder, also under `--demo` (the window goes back to it).
        self.office_dir: Path = paths.data_dir(args.data_dir)
        self.data_dir: Path = paths.demo_data_dir(args.data_dir) if args.demo else self.office_dir
        given = getattr(args, "database", None)
        #: The shared archive's PostgreSQL URL (`--database`, else BANGTIN_DATABASE_URL
        #: unless `--data-dir` was typed: the command line beats the environment);
        #: None for the SQLite file in `data_dir`. The demo is always a file.
        self.database_url: str | None = (
            None if args.demo else paths.database_url(given, folder_named=self.named)
        )
        #: What chose the archive (`paths.archive_source`), for `status` to say.
        self.source: str = "demo" if args.demo else paths.archive_source(args.data_dir, given)
        #: BANGTIN_DATABASE_URL is set, but names another archive than the one open.
        self.env_overruled: bool = paths.database_url() not in (None, self.database_url)
        self._folder_typed = self.named
        if self.database_url is not None:
            # A server named wrongly must not get a new, empty archive either.
            self.named = True
        self._warned = False

    def this_pcs_archive(self) -> None:
        """Work on this PC's own archive, in the data folder, whatever
        BANGTIN_DATABASE_URL says (`migrate-to` moves it from there); a typed
        `--database` is the command's to refuse."""
        if self.source == "database_env":
            self.database_url = None
            self.named = self._folder_typed
            self.source = paths.folder_source(None)

    @property
    def where(self) -> str:
        """The archive as sentences name it: its folder, or the server's database."""
        if self.database_url is not None:
            from db.server import shown_url

            return shown_url(self.database_url)
        return str(self.data_dir)

    def refuse_bad_server(self) -> None:
        """Refuse, before any work, a `--database` (or BANGTIN_DATABASE_URL) that is not
        a PostgreSQL URL: one sentence, rather than "cannot reach" a server that cannot be."""
        if self.database_url is None:
            return
        from db.errors import ArchiveError, ErrorCode
        from db.server import engine_url

        try:
            engine_url(self.database_url)
        except ValueError as exc:
            refused = ArchiveError(ErrorCode.SERVER_URL, path=self.where)
            raise Failure(self.describe(refused), refused.code) from exc

    def may_create(self) -> bool:
        """Whether a missing archive may be made now (see the class)."""
        return self.create or not self.named

    def today(self) -> date:
        """The day validity and deadlines are reckoned for: the demo's own day in the demo."""
        if self.demo:
            from desktop.demoday import DEMO_TODAY

            return DEMO_TODAY
        from db.validity import today

        return today()

    def say(self, code: str, **params: Any) -> str:
        return text(code, self.lang, **params)

    def describe(self, exc: BaseException) -> str:
        """*exc* as one sentence; archive errors name this command's data folder."""
        return describe(exc, self.lang, archive_dir=self.where, cli=True)

    def archive(self) -> Archive:
        """The archive, opened (and made, when it may be: see the class)."""
        from db.archive import open_archive
        from db.errors import ArchiveError, ErrorCode

        if self.demo:
            from desktop.demo import ensure_demo_archive

            try:
                ensure_demo_archive(self.data_dir)
            except ArchiveError as exc:
                raise Failure(self.describe(exc), exc.code) from exc
        create = self.demo or self.may_create()
        try:
            opened = open_archive(
                self.data_dir,
                create=create,
                on_upgrade=self._say_upgrading,
                url=self.database_url,
            )
        except ArchiveError as exc:
            if exc.code is ErrorCode.MISSING:
                key = "no_archive_here" if self.database_url is None else "no_archive_on_server"
                from desktop.cli.output import shell_word

                said = self.say(key, path=self.where, word=shell_word(self.where))
                raise Failure(said, exc.code) from exc
            raise Failure(self.describe(exc), exc.code) from exc
        self.warn_if_exposed()
        return opened

    def warn_if_exposed(self) -> None:
        """Say once on stderr when other users could replace the archive (and so the keys)."""
        from db.archive import writable_by_others

        if self.database_url is not None:
            return  # the server's database; its rights are the server's to keep
        if not self._warned and writable_by_others(self.data_dir):
            self._warned = True
            print(self.say("data_dir_exposed", path=self.data_dir), file=sys.stderr, flush=True)

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
