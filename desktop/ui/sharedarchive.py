"""Tệp → Cài đặt…: which archive the window opens ("Kho dữ liệu dùng chung"), and its server.

`SettingsDialog` (desktop/ui/settingsdialog.py, loaded when first
opened) offers this PC's own archive or a PostgreSQL server (host,
port, database, user, password) with "Kiểm tra kết nối", whose answer is
one sentence. `SharingController` opens the dialog, runs the check and
keeps the password in the OS keyring (desktop/ops/sharing.py) on the task
runner's thread, writes the rest to the settings file, and has the window
open the chosen archive again. It also says in the status bar when the
connection to the server is lost, and when it is back (`Runner.connection_changed`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMainWindow

from desktop.ops.sharing import ServerChoice, Verdict
from desktop.tasks import Runner
from desktop.ui import settings as prefs

if TYPE_CHECKING:
    from desktop.ui.opening import ArchiveOpener
    from desktop.ui.settingsdialog import SettingsDialog

log = logging.getLogger(__name__)


class SharingController(QObject):
    """Tệp → Cài đặt… and the shared archive's connection; see the module docstring.

    Signals: `checked(verdict)` when "Kiểm tra kết nối" has its answer;
    `saved()` once a choice was written and the archive is being opened again.
    """

    checked = Signal(object)
    saved = Signal()

    def __init__(
        self,
        window: QMainWindow,
        runner: Runner,
        opener: ArchiveOpener,
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._opener = opener
        self._settings = settings
        self.dialog: SettingsDialog | None = None
        runner.connection_changed.connect(self._on_connection)
        runner.server_left.connect(self._on_left)
        # A server that refused, or a URL that names none: the way to set it right.
        opener.settings_wanted.connect(self.show_dialog)

    def verdict_text(self, verdict: Verdict) -> str:
        """ "Kiểm tra kết nối"'s answer, in one sentence."""
        texts = {
            Verdict.WORKS: self.tr("Kết nối được: máy chủ và cơ sở dữ liệu đều sẵn sàng."),
            Verdict.LOGIN: self.tr(
                "Máy chủ không cho đăng nhập: hãy kiểm tra tên đăng nhập, mật khẩu "
                "và quyền vào cơ sở dữ liệu này."
            ),
            Verdict.NO_HOST: self.tr("Không tìm thấy máy chủ có tên này."),
            Verdict.NO_DATABASE: self.tr("Máy chủ không có cơ sở dữ liệu này."),
            Verdict.NOT_ANSWERING: self.tr("Máy chủ không trả lời."),
        }
        return texts[verdict]

    def show_dialog(self) -> None:
        """Tệp → Cài đặt…: show the dialog (one at a time)."""
        if self.dialog is None:
            from desktop.ui.settingsdialog import SettingsDialog

            self.dialog = SettingsDialog(
                self._settings, self._window, named_server=self._opener.named_server
            )
            self.dialog.check_requested.connect(self.check)
            self.dialog.accepted.connect(self._save)
            self.dialog.finished.connect(self._forget_dialog)
        self.dialog.show()

    def _forget_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def check(self, choice: ServerChoice, password: str) -> None:
        """Try the server on the database thread; the dialog shows the answer."""
        from desktop.ops.sharing import check_server

        def failed(exc: BaseException) -> None:
            log.error("checking the connection failed", exc_info=exc)
            self._answer(Verdict.NOT_ANSWERING)

        self._runner.call(
            self,
            lambda: check_server(choice, password or None),
            key="check",
            success=self._answer,
            failure=failed,
        )

    def _answer(self, verdict: Verdict) -> None:
        if self.dialog is not None:
            self.dialog.show_verdict(self.verdict_text(verdict))
        self.checked.emit(verdict)

    def _save(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        shared = dialog.shared() and dialog.complete()
        choice, password = dialog.choice(), dialog.password.text()
        before = (prefs.server_choice(self._settings), prefs.reader(self._settings))
        prefs.save_server_choice(self._settings, choice, shared=shared)
        self._settings.setValue(prefs.READER, dialog.reader.text().strip())
        self._settings.sync()
        after = (prefs.server_choice(self._settings), prefs.reader(self._settings))
        if not password and before == after:
            return
        self._runner.call(
            self,
            lambda: self._keep_password(choice, password),
            success=lambda kept: self._reopen(kept, password),
        )

    @staticmethod
    def _keep_password(choice: ServerChoice, password: str) -> bool:
        """On the database thread: the password into the keyring; False when none can keep it."""
        from desktop.ops.sharing import PasswordNotKept, store_password

        if not password:
            return True
        try:
            store_password(choice, password)
        except PasswordNotKept:
            log.warning("no keyring could keep the shared archive's password")
            return False
        return True

    def _reopen(self, kept: bool, password: str) -> None:
        # A password no keyring could keep is used for this session only.
        self._opener.session_password = None if kept else password or None
        if not kept:
            self._status(
                self.tr(
                    "Không lưu được mật khẩu vào kho mật khẩu của hệ điều hành; "
                    "hãy ghi nó vào tệp .pgpass của người dùng."
                )
            )
        self._opener.start()
        self.saved.emit()

    def _on_connection(self, up: bool) -> None:
        if up:
            self._status(self.tr("Đã kết nối lại tới máy chủ dữ liệu."), 8000)
        else:
            self._status(self.tr("Mất kết nối tới máy chủ dữ liệu; đang thử kết nối lại…"), 0)

    def _on_left(self) -> None:
        """Another archive opened in the lost server's place: its loss is no longer news.

        The runner says so only after it said the loss (`_on_connection`), and
        whatever the status bar says since is about it (a read cut off says
        the loss in its own sentence): cleared.
        """
        self._window.statusBar().clearMessage()

    def _status(self, text: str, timeout_ms: int = 0) -> None:
        self._window.statusBar().showMessage(text, timeout_ms)
