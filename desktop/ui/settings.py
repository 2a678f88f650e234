"""What the window remembers (QSettings in an INI file beside the archive).

The file is `settings.ini` in the data dir, never the system's registry or
the user's config folder, so a portable install carries it along and tests
that redirect the data dir never touch the real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop import paths
from desktop.ui.article import ZOOM_DEFAULT, clamp_zoom

FILE_NAME = "settings.ini"

GEOMETRY = "window/geometry"
MAIN_SPLITTER = "window/mainSplitter"
ARTICLE_SPLITTER = "window/articleSplitter"
ZOOM = "article/zoom"
LANGUAGE = "ui/language"
#: After this many days without newer signed data the status bar warns (freeze attacks).
STALE_DAYS = "trust/staleDays"
STALE_DAYS_DEFAULT = 30
#: The folder a PDF or an attachment was last saved in.
SAVE_FOLDER = "files/lastFolder"

LANGS = ("vi", "en")


def settings_for(data_dir: Path) -> QSettings:
    """The settings beside the archive in *data_dir*.

    The folder is not made here: a window sent to a mistyped folder must not
    leave one behind (QSettings makes it when it first writes a setting).
    """
    return QSettings(str(data_dir / FILE_NAME), QSettings.Format.IniFormat)


def normalize_lang(lang: object) -> str:
    text = str(lang or "").strip().lower().replace("-", "_")
    short = text.split("_", 1)[0]
    return short if short in LANGS else "vi"


def language(settings: QSettings) -> str | None:
    value = settings.value(LANGUAGE)
    return normalize_lang(value) if value else None


def zoom(settings: QSettings) -> int:
    try:
        return clamp_zoom(int(str(settings.value(ZOOM, ZOOM_DEFAULT))))
    except ValueError:
        return ZOOM_DEFAULT


def blob(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def stale_days(settings: QSettings) -> int:
    """Days without newer signed data before the status bar warns (1–3650, default 30)."""
    try:
        value = int(str(settings.value(STALE_DAYS, STALE_DAYS_DEFAULT)))
    except ValueError:
        return STALE_DAYS_DEFAULT
    return min(max(value, 1), 3650)


def save_folder(settings: QSettings | None) -> Path:
    """Where to propose saving a file: the folder used last, else Documents."""
    value = settings.value(SAVE_FOLDER) if settings is not None else None
    if value:
        folder = Path(str(value))
        if folder.is_dir():
            return folder
    return paths.documents_dir()


def remember_save_folder(settings: QSettings | None, target: Path) -> None:
    """A file was saved at *target*: propose its folder next time."""
    if settings is not None:
        settings.setValue(SAVE_FOLDER, str(target.parent))
        settings.sync()
