"""Backing up the archive from the window: Tệp → "Sao lưu kho dữ liệu".

The backup runs on the database worker (`desktop.ops.backup.back_up`), so it
waits behind an import of this window and is refused as busy while another
program imports. The status bar says it is running, then where the backup
is and how many old ones were removed, in the words `bangtin backup` uses
(desktop/messages); a failure is one sentence in a message box.

`install_backup(window)` builds it and places its action; the window needs
`runner`, `opener`, `file_menu`, `action()`, `show_status`, `offer_recovery` and `lang`.

Signals: `backed_up(done)` with the `BackedUp` once the backup is kept;
`backup_failed(sentence)` after the failure was shown; `damaged(exc)` when
the copy found the archive's own pages damaged (the window then offers its
recovery dialog, as after an import that found them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui.actions import BACKUP_ACTIONS, build_actions, retranslate_actions
from desktop.ui.opening import ArchiveOpener

if TYPE_CHECKING:
    # Loaded when the clerk first backs up: not part of the window's first screen.
    from desktop.ops.backup import BackedUp


class BackupController(QObject):
    """Owns the backup action; enables it while a writable archive is open."""

    backed_up = Signal(object)
    backup_failed = Signal(str)
    damaged = Signal(object)

    def __init__(
        self,
        window: QWidget,
        runner: Runner,
        opener: ArchiveOpener,
        lang: Callable[[], str],
        show_status: Callable[[str, int], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._opener = opener
        self._lang = lang
        self._show_status = show_status
        self.running = False
        self.actions = build_actions(self, window, BACKUP_ACTIONS)
        opener.opened.connect(self._on_opened)
        opener.failed.connect(lambda _exc: self._enable(False))
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            retranslate_actions(self.actions, BACKUP_ACTIONS)
        return False

    @property
    def action(self) -> QAction:
        return self.actions["backupAction"]

    def _on_opened(self, _data_dir: Path) -> None:
        self._enable(not self._opener.read_only)

    def _enable(self, writable: bool) -> None:
        self.action.setEnabled(writable and not self.running)

    def back_up(self) -> None:
        """Tệp → "Sao lưu kho dữ liệu": back the open archive up on the worker."""
        from desktop.ops import backup

        if self.running:
            return
        self.running = True
        self.action.setEnabled(False)
        self._show_status(self.tr("Đang sao lưu kho dữ liệu…"), 0)
        self._runner.query(self, backup.back_up, success=self._done, failure=self._failed)

    def _done(self, done: BackedUp) -> None:
        from desktop.messages import text

        self._finish()
        lang = self._lang()
        if done.on_server:
            said = text("server_backup_taken", lang, where=done.where, path=done.path)
        else:
            said = text("backup_taken", lang, path=done.path)
        if done.pruned:
            code = "server_backup_pruned" if done.on_server else "backup_pruned"
            said = f"{said} {text(code, lang, count=done.pruned, keep=done.keep)}"
        self._show_status(said, 0)
        self.backed_up.emit(done)

    def _failed(self, exc: BaseException) -> None:
        from db.errors import BackupError, ErrorCode
        from desktop.messages import describe

        self._finish()
        sentence = describe(exc, self._lang(), archive_dir=self._opener.where)
        self._show_status("", 0)
        dialogs.show_error(self._window, self.tr("Sao lưu kho dữ liệu"), sentence)
        self.backup_failed.emit(sentence)
        if isinstance(exc, BackupError) and exc.code is ErrorCode.DAMAGED:
            # The sentence says to click "Khôi phục bản sao lưu" when asked: ask.
            self.damaged.emit(exc)

    def _finish(self) -> None:
        self.running = False
        self._enable(self._opener.archive_dir is not None and not self._opener.read_only)


def install_backup(window: Any) -> BackupController:
    """Give *window* its backup action, in Tệp after the archives it opens (see the module)."""
    controller = BackupController(
        window, window.runner, window.opener, lambda: window.lang, window.show_status
    )
    menu = window.file_menu
    placed = menu.actions()
    after = placed.index(window.action("officeAction")) + 1
    menu.insertAction(placed[after] if after < len(placed) else None, controller.action)
    controller.damaged.connect(window.offer_recovery)
    return controller
