"""A damaged archive at start: say what is wrong, and offer to restore a backup or start anew.

`ask_damaged_archive` is the dialog, a module function so that tests replace
it instead of clicking the box. `Recovery.offer` explains the damage, asks,
and runs the choice on the task runner (`desktop.ops.recovery.recover`).
Its words come from desktop.messages, in the window's language.

Signals: `Recovery.recovered(data_dir)` when the archive can be opened again;
`Recovery.status(text)` for the status bar (shown until replaced).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.ops import recovery
from desktop.ops.recovery import Recovered
from desktop.tasks import Runner
from desktop.ui import dialogs


def ask_damaged_archive(
    parent: QWidget | None, lang: str, explain: str, backup_name: str | None
) -> str:
    """The archive is damaged: "restore" the newest backup, start a "new" one, or "later"."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.messages import text

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(text("damaged_title", lang))
    box.setText(explain)
    if backup_name:
        box.setInformativeText(text("damaged_backup_note", lang, name=backup_name))
    else:
        box.setInformativeText(text("damaged_no_backup_note", lang))
    restore = None
    if backup_name:
        restore = box.addButton(text("damaged_restore", lang), QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton(text("damaged_new", lang), QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(text("damaged_later", lang), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or later)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return "restore"
    return "new" if clicked is new else "later"


class Recovery(QObject):
    """Offers the ways out of a damaged archive and carries out the one chosen."""

    recovered = Signal(object)
    status = Signal(str)

    def __init__(self, runner: Runner, window: QWidget, lang: Callable[[], str]) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._lang = lang
        self._offered = False

    def offer_open(self, exc: BaseException, data_dir: Path) -> None:
        """The open archive's pages fail (a read or an import found it): offer the ways out.

        Once per opened archive (`reset` when another is opened), however
        many reads fail; the archive is closed on the database thread first.
        """
        if self._offered:
            return
        self._offered = True
        self.offer(exc, data_dir, opened=True)

    def reset(self) -> None:
        """An archive was opened: its damage, if any, has not been offered yet."""
        self._offered = False

    def offer(self, exc: BaseException, data_dir: Path, *, opened: bool = False) -> None:
        """Say what is wrong with the archive file and offer the two ways out."""
        from db import backup
        from desktop.messages import describe_damage, text

        lang = self._lang()
        explain = text(
            "damaged_explain", lang, path=str(data_dir), reason=describe_damage(exc, lang)
        )
        newest = backup.latest_backup(data_dir)
        choice = ask_damaged_archive(self._window, lang, explain, newest.name if newest else None)
        if choice not in ("restore", "new"):
            return
        how: recovery.Choice = "restore" if choice == "restore" else "new"
        if opened:
            self._runner.query(
                self,
                lambda archive: recovery.recover_open(archive, how),
                success=lambda done: self._done(done, data_dir),
                failure=self._failed,
            )
            return
        self._runner.call(
            self,
            lambda: recovery.recover(data_dir, how),
            success=lambda done: self._done(done, data_dir),
            failure=self._failed,
        )

    def _done(self, done: Recovered, data_dir: Path) -> None:
        from desktop.messages import text

        lang, aside = self._lang(), str(done.set_aside or "")
        if done.backup_name:
            self.status.emit(text("damaged_restored", lang, name=done.backup_name, aside=aside))
        else:
            self.status.emit(text("damaged_started_new", lang, aside=aside))
        self.recovered.emit(data_dir)

    def _failed(self, error: BaseException) -> None:
        from desktop.messages import text

        message = text("damaged_recovery_failed", self._lang(), detail=str(error))
        self.status.emit(message)
        dialogs.show_error(self._window, text("damaged_title", self._lang()), message)
