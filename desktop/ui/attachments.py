"""The open notice's attachments: open a copy in the system's viewer, or save one.

Copies are made on the task runner's file thread, from where the archive
keeps each file (`OpenedNotice.files`); the viewer never gets the store's own
file, and only the shown notice's own attachments can be opened. Temporary
copies go away with the window (`cleanup`). When no program on the computer
opens the file, the clerk is offered to save it instead. Saving proposes the
attachment's name, made valid on Windows, in the folder used last (else
Documents).

Signals: `status(text)` for the status bar.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtWidgets import QWidget

from desktop.ops import files
from desktop.tasks import Runner
from desktop.ui import dialogs
from desktop.ui import settings as prefs


class Attachments(QObject):
    """Opens and saves the attachments of the notice shown."""

    status = Signal(str)

    def __init__(self, runner: Runner, window: QWidget) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._names: dict[str, str] = {}
        self._sources: Mapping[str, Path] = {}
        self._temp_dir: Path | None = None

    def show_notice(self, names: Mapping[str, str], sources: Mapping[str, Path]) -> None:
        """The notice now shown: each attachment's name and store file, by sha256."""
        self._names = dict(names)
        self._sources = sources

    def name(self, sha: str) -> str:
        return self._names.get(sha, sha[:16])

    def temp_dir(self) -> Path:
        if self._temp_dir is None:
            self._temp_dir = Path(tempfile.mkdtemp(prefix="bangtin-"))
        return self._temp_dir

    def open(self, sha: str) -> None:
        """Open a temporary copy of an attachment in the system's viewer."""
        name, source = self.name(sha), self._sources.get(sha)
        if source is None:
            self._failed(FileNotFoundError(name))
            return
        folder = self.temp_dir()

        def opened(path: Path) -> None:
            if dialogs.open_url(QUrl.fromLocalFile(str(path))):
                return
            self.status.emit(self.tr("Không có chương trình nào mở được {name}.").format(name=name))
            if dialogs.offer_save_instead(self._window, name):
                self.save(sha)

        self._runner.files(
            self,
            lambda: files.copy_attachment(source, name, folder),
            success=opened,
            failure=self._failed,
        )

    def save(self, sha: str) -> None:
        """ "Lưu…": save a copy of an attachment where the user chooses."""
        source = self._sources.get(sha)
        if source is None:
            self._failed(FileNotFoundError(self.name(sha)))
            return
        settings = self._settings()
        name = files.safe_file_name(self.name(sha), sha[:16])
        target = dialogs.choose_save_path(self._window, str(prefs.save_folder(settings) / name))
        if target is None:
            return
        prefs.remember_save_folder(settings, target)
        self._runner.files(
            self,
            lambda: files.save_attachment(source, target),
            success=lambda path: self.status.emit(self.tr("Đã lưu {path}").format(path=path)),
            failure=self._failed,
        )

    def _settings(self) -> QSettings | None:
        settings = getattr(self._window, "settings", None)
        return settings if isinstance(settings, QSettings) else None

    def cleanup(self) -> None:
        """Remove the temporary copies."""
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def _failed(self, exc: BaseException) -> None:
        dialogs.show_error(
            self._window,
            self.tr("Tệp đính kèm"),
            self.tr("Không mở hoặc lưu được tệp đính kèm."),
            str(exc),
        )
