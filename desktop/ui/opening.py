"""Opening the window's archive: after the first paint, with a clear word when it fails.

`ArchiveOpener.start` opens the archive on the task runner. A window that
is shown but not yet painted opens it right after its first paint: opening
loads SQLAlchemy on the worker thread, and that thread would otherwise hold
the interpreter while the window draws itself. (A synchronous runner has no
thread to compete with.) A damaged archive is handed to `Recovery`; the demo
archive is built, when needed, before it is opened.

A new archive is made only when the user means it: on the window's own
folder when *create* says so (the first start on the default folder), or
after asking (`dialogs.ask_create_archive`), so a mistyped folder never
becomes an empty archive. Once open, `info` says whether the archive is the
demo and whether it may only be read; `title()` names it for the window.

When a server is named (`--database`, then BANGTIN_DATABASE_URL unless
`--data-dir` was typed, then the settings' "Kho dữ liệu dùng chung":
desktop/ui/sharedarchive.py), the
window's own folder stands for the shared archive on it: the runner opens
the server's database, and the folder keeps this PC's staging and
settings. The demo is always a file. A server that does not answer yet is
tried again every `RETRY_MS`, the window meanwhile in the same state as
one that lost its server mid-session (`Runner.connection_changed`). A
server that refuses (at opening, or mid-session: `Runner.refused`) and a
URL that is not a PostgreSQL one are said once, with the settings offered
(`settings_wanted`), and never tried again.

While it works the opener says so in the status bar ("Đang chuẩn bị kho
dữ liệu mẫu…", then "Đang mở kho dữ liệu…"), each step's message replacing
the last, until the archive is open and the views have what it holds; then
the bar is cleared, unless something else was said meanwhile (a backup
restored, a server lost), which stays. A failure says its one sentence
instead. The message is remembered as shown, not compared with the current
language's text, so it never outlives its step after a change of language
(and it is said again in the new one).

Opening the window's own folder's archive first has it looked at
(desktop/ui/firstlook.py): the database thread reads the first screen with
`sqlite3` alone and the look gives it to the views; the window draws it at
once, and only then is the archive opened.

Signals: `opened(data_dir)` when an archive is open and `info` is known (the
runner has told the views already); `failed(exc)` when it could not be opened;
`settings_wanted()` when the user chose to fix a refused server's settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from desktop.ops.sharing import ServerChoice
from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui import settings as prefs
from desktop.ui.firstlook import FirstLook
from desktop.ui.recovery import Recovery

if TYPE_CHECKING:
    from desktop.ops.archiveinfo import ArchiveInfo

log = logging.getLogger(__name__)

# A shown window opens the archive after its first paint, or after this long
# if it is never painted (started minimized).
START_FALLBACK_MS = 500
# How often a server that did not answer when the window opened is tried again.
RETRY_MS = 1000


class ArchiveOpener(QObject):
    """Opens archives for one window; see the module docstring for its signals."""

    opened = Signal(object)
    failed = Signal(object)
    settings_wanted = Signal()

    def __init__(
        self,
        runner: Runner,
        window: QMainWindow,
        *,
        data_dir: Path,
        lang: Callable[[], str],
        interactive: bool,
        create: bool = True,
        settings: QSettings | None = None,
        database_url: str | None = None,
        first_look: FirstLook | None = None,
    ) -> None:
        """*create*: whether the window's own folder may get a new archive without asking;
        *settings*: the window's, which may choose the shared archive on a
        server (and whose read marks and bookmarks it shows); *database_url*:
        the server named on the command line or in the environment, which
        wins over the settings' choice; *first_look*: the window's own archive
        looked at while the window was built, told when an archive is opened."""
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._data_dir = data_dir
        self._interactive = interactive
        self._create = create
        self._lang = lang
        self._settings = settings
        self._database_url = database_url
        self._first_look = first_look
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._start_pending)
        #: The server of the archive shown, when it is the shared one.
        self.server: ServerChoice | None = None
        #: A password typed this session that no keyring could keep.
        self.session_password: str | None = None
        self.archive_dir: Path | None = None
        self.info: ArchiveInfo | None = None
        self._demo_dir: Path | None = None
        #: The step under way, as its status message says it (`_say_progress`): the
        #: archive it leads to, how to word it (for a change of language), the text shown.
        self._progress: tuple[Path, Callable[[], str], str] | None = None
        self._painted = False
        self._pending: tuple[Path, bool] | None = None
        self._attempt: tuple[Path, bool] = (data_dir, create)
        # The server refused the shared archive mid-session: said as a refused opening is.
        runner.refused.connect(self._refused)
        self.recovery = Recovery(runner, window, lang)
        self.recovery.status.connect(lambda text: self._status(text, 0))
        # The user chose "start a new archive" there, or a backup was restored.
        self.recovery.recovered.connect(lambda folder: self.start(folder, create=True))
        window.installEventFilter(self)

    @property
    def is_demo(self) -> bool:
        """Whether the archive shown is the demo (opened as such, or trusting the demo key)."""
        if self.archive_dir is not None and self.archive_dir == self._demo_dir:
            return True
        return self.info is not None and self.info.demo

    @property
    def read_only(self) -> bool:
        """Whether the archive shown may only be read (see `db.archive.Archive.read_only`)."""
        return self.info is not None and self.info.read_only

    @property
    def where(self) -> Path | None:
        """The folder sentences about the archive name; None for a server's (its errors name it)."""
        return None if self.server is not None else self.archive_dir

    @property
    def named_server(self) -> str | None:
        """The server `--database` or BANGTIN_DATABASE_URL names, as it may be shown; or None."""
        if not self._database_url:
            return None
        from db.server import shown_url

        return shown_url(self._database_url)

    def title(self) -> str:
        """The window's title: the program, and which archive it shows."""
        title = self.tr("Bảng Tin")
        if self.archive_dir is None:
            return title
        if self.is_demo:
            where = self.tr("Kho dữ liệu mẫu")
        elif self.server is not None:
            where = self.tr("Kho dữ liệu chung {database} trên {host}").format(
                database=self.server.database, host=self.server.host
            )
        else:
            where = QDir.toNativeSeparators(str(self.archive_dir))
        title = f"{title} — {where}"
        return self.tr("{title} (chỉ đọc)").format(title=title) if self.read_only else title

    def start(self, data_dir: Path | None = None, *, create: bool | None = None) -> None:
        """Open the archive in *data_dir* (the window's own by default) and load everything.

        *create*: whether a missing archive is made without asking (by default
        only on the window's own folder when the window was told so).
        """
        target = Path(data_dir) if data_dir is not None else self._data_dir
        if create is None:
            create = self._create and target == self._data_dir
        self._retry.stop()
        if self._runner.background and self._window.isVisible() and not self._painted:
            self._pending = (target, create)
            QTimer.singleShot(START_FALLBACK_MS, self._start_pending)
            return
        self._pending = None
        self._open(target, create)

    def open_office(self) -> None:
        """Tệp → Mở kho dữ liệu của đơn vị: back from the demo to the office's own archive."""
        self.start(self._data_dir)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return False
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            if self._pending is not None:
                QTimer.singleShot(0, self._start_pending)
        elif event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _start_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._open(*pending)

    def _open(self, target: Path, create: bool) -> None:
        self._attempt = (target, create)
        # Usually a blink; the first start after an update that rebuilds the
        # search index can take a while on a large archive. It follows the
        # opener's own step before (the demo prepared); any other message
        # already there (a backup restored) says more, and stays.
        shown = self._window.statusBar().currentMessage()
        if not shown or self._progress_shown():
            self._say_progress(target, lambda: self.tr("Đang mở kho dữ liệu…"))
        # Only the window's own folder stands for the shared archive (never the demo).
        settings = self._settings if target == self._data_dir else None
        named = self._database_url if settings is not None else None
        choice = self._named_server(named) if named is not None else None
        if named is not None and choice is None:
            # Not a PostgreSQL URL: no server to wait for, and never this PC's file instead.
            from db.errors import ArchiveError, ErrorCode
            from db.server import shown_url

            self._refused(ArchiveError(ErrorCode.SERVER_URL, path=shown_url(named)))
            return
        if choice is None and settings is not None:
            choice, named = prefs.server_choice(settings), None
        password = self.session_password

        def url() -> str | None:
            from desktop.ops.sharing import server_url, url_with_password

            if named:
                return url_with_password(named)
            return None if choice is None else server_url(choice, password)

        def open_it() -> None:
            self._runner.open(
                self,
                target,
                create=create,
                url=url,
                reader=prefs.reader(settings) if settings is not None and choice else "",
                success=lambda opened: self._opened(opened, choice),
                failure=lambda exc: self._failed(exc, target, choice),
            )

        def after_look(shown: bool) -> None:
            if shown:
                # The look is drawn first, and what waits for that paint is let
                # run: loading SQLAlchemy to open the archive holds the interpreter.
                self._window.repaint()
                QTimer.singleShot(0, open_it)
            else:
                open_it()

        if self._first_look is not None:
            self._first_look.started(target, after_look)
        else:
            open_it()

    @staticmethod
    def _named_server(url: str) -> ServerChoice | None:
        """The server *url* names, for the title; None when it is not a PostgreSQL URL."""
        try:
            return ServerChoice.from_url(url)
        except ValueError:
            return None

    def _status(self, text: str, timeout_ms: int = 8000) -> None:
        self._progress = None  # whatever the opener says next replaces its step's message
        self._window.statusBar().showMessage(text, timeout_ms)

    def _say_progress(self, target: Path, wording: Callable[[], str]) -> None:
        """Say the step towards *target*'s archive until the next replaces it, or it is open."""
        text = wording()
        self._status(text, 0)  # however long it takes: a first demo on an old PC
        self._progress = (target, wording, text)

    def _progress_shown(self) -> bool:
        """Whether the status bar still shows the opener's step (nothing said since)."""
        bar = self._window.statusBar()
        return self._progress is not None and bar.currentMessage() == self._progress[2]

    def _end_progress(self, data_dir: Path) -> None:
        """*data_dir*'s archive is open: clear its step's message, unless another was said since.

        An archive opened before the step began (the office's, as the demo is
        asked for) leaves the step's message be.
        """
        if self._progress is None or self._progress[0] != data_dir:
            return
        if self._progress_shown():
            self._window.statusBar().clearMessage()
        self._progress = None

    def _retranslate(self) -> None:
        """The window's language changed: say the step under way in the new one."""
        if self._progress is not None and self._progress_shown():
            target, wording, _text = self._progress
            self._say_progress(target, wording)

    def _opened(self, data_dir: Path, server: ServerChoice | None = None) -> None:
        from desktop.ops.archiveinfo import archive_info  # not before the first paint

        self.archive_dir, self.info, self.server = data_dir, None, server

        def unknown(exc: BaseException) -> None:
            # The views say what is wrong with the archive; the title makes do.
            log.error("could not tell what kind of archive is open", exc_info=exc)
            self._described(data_dir, None)

        self._runner.query(
            self,
            archive_info,
            key="info",
            success=lambda info: self._described(data_dir, info),
            failure=unknown,
        )
        # After an unclean exit a large archive is checked in full only now,
        # behind the first counts and list page, before any write (db.archive).
        self._runner.query(
            self,
            lambda archive: archive.finish_check(),
            key="check",
            failure=lambda exc: self._check_failed(exc, data_dir),
        )

    def _check_failed(self, exc: BaseException, data_dir: Path) -> None:
        from desktop.messages import describe

        log.error("the archive failed its check", exc_info=exc)
        self._status(describe(exc, self._lang(), archive_dir=data_dir), 0)
        if self._interactive:
            self.recovery.offer_open(exc, data_dir)

    def _described(self, data_dir: Path, info: ArchiveInfo | None) -> None:
        self.info = info
        # The views were told of the archive before this answer was asked for
        # (runner.open broadcasts first), and the database thread answers in
        # order: the counts and the list's first page are shown already.
        self._end_progress(data_dir)
        self.opened.emit(data_dir)

    def _failed(
        self, exc: BaseException, data_dir: Path, server: ServerChoice | None = None
    ) -> None:
        from db.errors import ArchiveError, ErrorCode
        from desktop.messages import describe

        if server is not None and self._runner.waiting_for_server:
            # Not there yet (off, or still starting): said as a lost connection
            # is (`Runner.connection_changed`), and tried again until it answers.
            self._pending = self._attempt
            self._retry.start()
            return
        if server is not None:
            self._refused(exc)
            return
        missing = isinstance(exc, ArchiveError) and exc.code is ErrorCode.MISSING
        if missing and self._interactive and dialogs.ask_create_archive(self._window, data_dir):
            self._open(data_dir, True)
            return
        damaged = isinstance(exc, ArchiveError) and exc.code is ErrorCode.DAMAGED
        text = describe(exc, self._lang(), archive_dir=data_dir)
        self.failed.emit(exc)
        self._status(text, 0)
        if self._interactive and damaged:
            # Only a truly damaged file is offered a restore: a busy, read-only or
            # newer archive is healthy, and restoring over it would lose work.
            self.recovery.offer(exc, data_dir)
        elif self._interactive:
            dialogs.show_error(self._window, self.tr("Không mở được kho dữ liệu"), text)

    def _refused(self, exc: BaseException) -> None:
        """A server refused, or not named rightly: said once, with the settings offered.

        Nothing is tried again: only a server that does not answer is waited for.
        """
        from desktop.messages import describe

        self.failed.emit(exc)
        text = describe(exc, self._lang())  # its sentence names the server
        self._status(text, 0)
        if self._interactive and dialogs.confirm(
            self._window, self.tr("Không mở được kho dữ liệu"), text, self.tr("Cài đặt…")
        ):
            self.settings_wanted.emit()

    def open_demo(self) -> None:
        """Build the demo archive if needed, then show it in this window."""
        from desktop.paths import demo_data_dir

        target = demo_data_dir(self._data_dir)
        self._say_progress(target, lambda: self.tr("Đang chuẩn bị kho dữ liệu mẫu…"))

        def prepare() -> Path:
            from desktop.demo import ensure_demo_archive

            ensure_demo_archive(target)
            return target

        def ready(prepared: Path) -> None:
            self._demo_dir = prepared
            self.start(prepared, create=False)

        def failed(exc: BaseException) -> None:
            from desktop.messages import describe

            log.error("demo archive failed", exc_info=exc)
            # Its sentence replaces "Đang chuẩn bị…", and stays. The archive shown
            # before (if any) is still open, so `failed` is not emitted.
            text = describe(exc, self._lang(), archive_dir=target)
            self._status(text, 0)
            if self._interactive:
                dialogs.show_error(self._window, self.tr("Không mở được kho dữ liệu mẫu"), text)

        self._runner.call(self, prepare, success=ready, failure=failed)
